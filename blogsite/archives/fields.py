"""Small conversions every export parser needs, kept in one place.

Dates, missing titles, and the privacy rule (no e-mail, IP address or user
agent is ever imported) should read the same whichever export a post came
from.
"""
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from html import unescape

from django.utils import timezone

UNTITLED_WORDS = 8
_TAGS = re.compile(r"<[^>]+>")
_HAS_PARAGRAPHS = re.compile(r"<p[\s>]", re.IGNORECASE)
_BLOCK_START = re.compile(r"<(?:p|div|ul|ol|li|blockquote|pre|h[1-6]|table|figure|hr)\b", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n\s*\n")


def iso_datetime(value):
    """Atom's RFC 3339 time (``2010-10-27T07:52:00.000-07:00``), or None."""
    try:
        return datetime.fromisoformat(value.strip()) if value and value.strip() else None
    except ValueError:
        return None


def wordpress_datetime(gmt, local="", rfc822=""):
    """A WXR date: ``*_gmt`` first (UTC), then the blog's local time, then pubDate.

    WordPress writes ``0000-00-00 00:00:00`` for "never" (drafts), which is
    no date at all. The local time has no zone, so it is read in ours.
    """
    for value, aware in ((gmt, True), (local, False)):
        if value and not value.startswith("0000"):
            try:
                moment = datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S")
            except ValueError:
                continue
            return moment.replace(tzinfo=UTC) if aware else timezone.make_aware(moment)
    try:
        return parsedate_to_datetime(rfc822) if rfc822 else None
    except (TypeError, ValueError):
        return None


def title_or_opening(title, body):
    """Blogger and WordPress allow untitled posts; the forum needs a title.

    The opening words of the post stand in, as a reader would quote it.
    """
    if title and title.strip():
        return title.strip()
    words = unescape(_TAGS.sub(" ", body or "")).split()
    if not words:
        return "(untitled)"
    opening = " ".join(words[:UNTITLED_WORDS])
    return opening + ("…" if len(words) > UNTITLED_WORDS else "")


def privacy_warning(count):
    """The line the import summary shows when personal fields were dropped."""
    if not count:
        return None
    return (
        f"dropped e-mail/IP/user-agent fields from {count} {'entry' if count == 1 else 'entries'} "
        "(never imported: the forum keeps no contact or network data)"
    )


def paragraphs(markup):
    """WordPress keeps paragraphs as blank lines and adds ``<p>`` only on display.

    Without this an imported WordPress post or comment reads as one run-on
    block. Text that already has ``<p>`` tags (Blogger, our own exports) is
    left alone, which also makes a re-import of an export a no-op.
    """
    text = (markup or "").replace("\r\n", "\n").strip()
    if not text or _HAS_PARAGRAPHS.search(text):
        return text
    blocks = [block.strip() for block in _BLANK_LINE.split(text) if block.strip()]
    return "\n".join(
        block if _BLOCK_START.match(block) else "<p>" + block.replace("\n", "<br />\n") + "</p>"
        for block in blocks
    )


def drop_duplicates(archive):
    """Keep the first record of each source id; the loader needs them unique.

    A hand-edited export can repeat an id; importing both would break the
    loader's unique key halfway through, so later copies are counted instead.
    """
    for name, kind in (("posts", "posts"), ("comments", "comments")):
        seen, kept = set(), []
        for record in getattr(archive, name):
            if record.source_id in seen:
                archive.skipped[f"{kind} repeating an id already in the file"] += 1
                continue
            seen.add(record.source_id)
            kept.append(record)
        setattr(archive, name, kept)
