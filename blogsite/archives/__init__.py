"""Reading archive files: pick the parser by sniffing, then fill the gaps.

    archive = read_archive(path, title=None, published=None)

Each format lives in its own module with ``FORMAT``, ``sniff(head)`` and
``parse(text, path=...)``. A ``manifest.json`` beside the file may give a
title, date or author a copy lacks; explicit arguments win over it.
"""
import json
from datetime import datetime, time
from pathlib import Path

from django.utils import timezone

from . import seed_text
from .records import Archive, ArchiveError

PARSERS = [seed_text]
MANIFEST_NAME = "manifest.json"
NOON = time(12, 0)
SNIFF_BYTES = 64 * 1024


def read_archive(path, *, title=None, published=None) -> Archive:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ArchiveError(path, None, f"cannot read the file: {error.strerror}") from error
    text = _decode(raw, path)
    head = text[:SNIFF_BYTES]
    for parser in PARSERS:
        if parser.sniff(head):
            archive = parser.parse(text, path=path)
            break
    else:
        reason = "the file is empty" if not text.strip() else "not a format this importer knows"
        raise ArchiveError(path, 1, reason)
    _apply_manifest(archive, path)
    _apply_overrides(archive, title=title, published=published)
    _check_complete(archive, path)
    return archive


def _decode(raw, path):
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ArchiveError(
            path, line, f"not valid UTF-8 (byte {error.start}: {raw[error.start]:#04x})"
        ) from error


def _as_datetime(value):
    """A manifest/CLI date (YYYY-MM-DD) or a naive datetime, in local time.

    A bare date becomes noon, so the day reads the same in UTC (the database,
    exports) as on the site's own clock.
    """
    if isinstance(value, str):
        value = datetime.strptime(value, "%Y-%m-%d")
    if (value.hour, value.minute, value.second) == (0, 0, 0):
        value = datetime.combine(value.date(), NOON)
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


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
