"""What every archive parser produces: plain dataclasses, no ORM.

A parser turns one file into an Archive; the loader turns an Archive into rows.
Keeping the two apart means parsers are tested on strings and the loader is
tested once for all formats.
"""
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

ANONYMOUS = "Anonymous"


class ArchiveError(Exception):
    """A file that cannot be imported. The message names the file and line."""

    def __init__(self, path, line, reason):
        self.path = str(path)
        self.line = line
        self.reason = reason
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {reason}")


@dataclass
class CommentRecord:
    source_id: str
    post_source_id: str
    body: str
    body_format: str = "text"  # "text" (typed) or "html" (from an export)
    author_name: str = ANONYMOUS
    created: datetime | None = None
    parent_source_id: str | None = None
    held: bool = False  # the source itself held it back (e.g. WXR approved=0)
    line: int | None = None  # where it starts in the file, for messages


@dataclass
class PostRecord:
    source_id: str
    title: str | None
    body: str
    body_format: str = "text"
    published: datetime | None = None
    updated: datetime | None = None
    author: str = ""
    labels: list[str] = field(default_factory=list)
    kind: str = "post"
    source_file: str = ""
    source_url: str = ""
    claimed_comment_count: int | None = None


@dataclass
class Archive:
    """Everything one file holds, plus what the parser chose not to import."""

    path: str
    format: str
    posts: list[PostRecord] = field(default_factory=list)
    comments: list[CommentRecord] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
