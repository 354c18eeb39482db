"""Parser for Blogger's Google Takeout export (``Blogger/Blogs/<name>/feed.atom``).

Google has not published this schema and no real export is public (see
SOURCES.md), so what follows is inferred from third-party importers and
read conservatively: anything we are unsure was public is skipped and
counted, never published.

* ``<blogger:type>`` POST, PAGE or COMMENT (namespace
  ``http://schemas.google.com/blogger/2018``); other types are skipped.
* ``<blogger:status>``: LIVE is imported. A PENDING comment (awaiting the
  owner's approval) is imported held. Every other status (DRAFT, SCHEDULED,
  SOFT_TRASHED, DELETED, SPAM, ...) is skipped and counted by status. A
  missing status counts as LIVE; a non-empty ``<blogger:trashed>`` as trashed.
* A comment names its post in ``<blogger:parent>`` and the comment it
  answers in ``<blogger:inReplyTo>`` (empty for a top-level comment). Both
  are matched on the trailing number, so a bare id or a full
  ``tag:blogger.com,…`` id both work.
* Labels are the ``<category term>``s; the original URL is the feed's
  ``alternate`` link joined with ``<blogger:filename>`` when both exist.
* E-mail addresses are never read; entries carrying one are counted.
"""
from pathlib import Path
from urllib.parse import urljoin

from .blogger_atom import (
    Pending,
    attach_comments,
    comment_record,
    has_contact_fields,
    number,
    post_record,
)
from .fields import drop_duplicates, privacy_warning
from .records import Archive
from .xmlstream import child_text, local, records

FORMAT = "blogger-takeout"
NAMESPACE = "http://schemas.google.com/blogger/2018"
KINDS = {"POST": "post", "PAGE": "page"}


def sniff(head: str) -> bool:
    return "<feed" in head and NAMESPACE in head


def parse(text: str, *, path) -> Archive:
    return _read(Path(path), text=text)


def parse_file(path) -> Archive:
    return _read(Path(path))


def _read(path, text=None):
    archive = Archive(path=str(path), format=FORMAT)
    pending, not_imported, private, site = [], set(), 0, ""
    for entry in records(path=path, text=text, root="feed", depth=1):
        if local(entry.tag) == "link" and entry.get("rel") == "alternate":
            site = entry.get("href", "")
        if local(entry.tag) != "entry":
            continue
        kind, status = _own(entry, "type").upper(), _status(entry)
        private += kind in ("POST", "PAGE", "COMMENT") and has_contact_fields(entry)
        if kind in KINDS:
            post = _post(entry, kind=KINDS[kind], path=path, site=site)
            if status == "LIVE":
                archive.posts.append(post)
            else:
                archive.skipped[f"{KINDS[kind]}s with status {status}"] += 1
                not_imported.add(number(post.source_id))
        elif kind == "COMMENT":
            if status in ("LIVE", "PENDING"):
                record = comment_record(entry, held=status == "PENDING")
                pending.append(Pending(record, _own(entry, "parent"), _own(entry, "inReplyTo") or None))
            else:
                archive.skipped[f"comments with status {status}"] += 1
        else:
            archive.skipped[f"entries of type {kind or 'unknown'}"] += 1
    attach_comments(archive, pending, not_imported)
    archive.warnings.extend(filter(None, [privacy_warning(private)]))
    drop_duplicates(archive)
    return archive


def _own(entry, name):
    """A ``blogger:`` child of the entry itself (``<author>`` has its own ``type``)."""
    for child in entry:
        if child.tag == f"{{{NAMESPACE}}}{name}":
            return (child.text or "").strip()
    return ""


def _status(entry):
    if _own(entry, "trashed"):
        return "TRASHED"
    return _own(entry, "status").upper() or "LIVE"


def _post(entry, *, kind, path, site):
    labels = [c.get("term") for c in entry if local(c.tag) == "category"]
    post = post_record(entry, kind=kind, path=path, labels=labels)
    filename = child_text(entry, "filename")
    if not post.source_url and site and filename:
        post.source_url = urljoin(site, filename)
    return post
