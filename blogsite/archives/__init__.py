"""Reading archive files: pick the parser by sniffing, then fill the gaps.

    archive = read_archive(path, title=None, published=None)

Each format lives in its own module with ``FORMAT``, ``sniff(head)`` and
``parse(text, path=...)``. XML formats also have ``parse_file(path)``, which
read_archive prefers: it streams the file instead of decoding it whole. A
``manifest.json`` beside the file may give a title, date or author a copy
lacks; explicit arguments win over it.
"""
import codecs
import json
from datetime import datetime, time
from pathlib import Path

from django.utils import timezone

from . import blogger_atom, blogger_takeout, disqus, seed_text, wxr
from .records import Archive, ArchiveError

# XML formats first: their sniffs look for their own namespaces, while the
# text sniff would only rule XML out. Takeout before classic Atom (both are
# Blogger feeds; Takeout's namespace is the more specific test).
PARSERS = [blogger_takeout, blogger_atom, wxr, disqus, seed_text]
MANIFEST_NAME = "manifest.json"
NOON = time(12, 0)
SNIFF_BYTES = 64 * 1024


def read_archive(path, *, title=None, published=None) -> Archive:
    path = Path(path)
    archive = _read_streaming(path) or _read_text(path)
    _apply_manifest(archive, path)
    _apply_overrides(archive, title=title, published=published)
    _check_complete(archive, path)
    return archive


def _read_streaming(path):
    """Hand the file to a parser that reads it itself, if one claims it."""
    raw = _read(path, SNIFF_BYTES)
    # A UTF-16 export must still be recognised, so its parser can say why it
    # is refused rather than "not a format this importer knows".
    wide = raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    head = raw.decode("utf-16" if wide else "utf-8-sig", errors="replace")
    for parser in PARSERS:
        if hasattr(parser, "parse_file") and parser.sniff(head):
            return parser.parse_file(path)
    return None


def _read(path, size=-1):
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError as error:
        raise ArchiveError(path, None, f"cannot read the file: {error.strerror}") from error


def _read_text(path):
    text = _decode(_read(path), path)
    head = text[:SNIFF_BYTES]
    for parser in PARSERS:
        if parser.sniff(head):
            return parser.parse(text, path=path)
    reason = "the file is empty" if not text.strip() else "not a format this importer knows"
    raise ArchiveError(path, 1, reason)


def _decode(raw, path):
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ArchiveError(
            path, line, f"not valid UTF-8 (byte {error.start}: {raw[error.start]:#04x})"
        ) from error


def _as_datetime(value):
    """A post's date in the site's time zone.

    A bare date (a manifest or --published string, or the date line of a page
    copy, which parses to a naive midnight) becomes noon, so the day reads the
    same in UTC (the database, exports) as on the site's own clock. Real
    timestamps from exports carry a zone and are kept exactly.
    """
    if isinstance(value, str):
        value = datetime.strptime(value, "%Y-%m-%d")
    if timezone.is_aware(value):
        return value
    if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0):
        value = datetime.combine(value.date(), NOON)
    return timezone.make_aware(value)


def _apply_manifest(archive, path):
    manifest_path = path.parent / MANIFEST_NAME
    if not manifest_path.exists():
        return
    try:
        manifest = json.loads(manifest_path.read_text())
    except (OSError, ValueError) as error:
        raise ArchiveError(manifest_path, None, f"unreadable manifest: {error}") from error
    entry = manifest.get("files", {}).get(path.name, {})
    defaults = manifest.get("defaults", {})
    for post in archive.posts:
        post.title = post.title or entry.get("title")
        post.author = post.author or entry.get("author") or defaults.get("author", "")
        if post.published is None and entry.get("published"):
            post.published = entry["published"]


def _apply_overrides(archive, *, title, published):
    if (title or published) and len(archive.posts) > 1:
        raise ArchiveError(
            archive.path,
            None,
            f"--title/--published name one post, and this file holds {len(archive.posts)}",
        )
    for post in archive.posts:
        if title:
            post.title = title
        if published:
            post.published = published
        if post.published is not None:
            post.published = _as_datetime(post.published)


def _check_complete(archive, path):
    for post in archive.posts:
        if not post.title:
            raise ArchiveError(path, None, "the copy has no title: pass --title or add it to manifest.json")
        if post.published is None:
            raise ArchiveError(
                path, None, "the copy has no date: pass --published YYYY-MM-DD or add it to manifest.json"
            )
