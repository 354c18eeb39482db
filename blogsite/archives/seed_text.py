"""Parser for blog pages copied out of Blogger as plain text.

Two layouts exist, both in the seed documents:

Numbered
    A date line, a title line, the post body, an "N comments:" header, then
    top-level comments as "  N. text" (two-space indent, body lines at four)
    each closed by "    ReplyDelete". A "    Replies" line may follow, then the
    replies as "    N. text" (body lines at six) each closed by "      Delete".
    Lines inside a comment that merely look like a reply number ("    3. One
    HMPPS Update") are text: replies only start after "Replies".

Flattened
    No date, title or header, no indentation. The words "ReplyDelete" (top-level
    comment) and "Delete" (reply) are glued to the start of a line, and each one
    falls right after the *first line* of the comment it belongs to: the line
    before a marker opens a comment, and that comment runs until the line before
    the next marker. So the post body is everything before the first marker
    except its last line. For example::

        ...contact details can be found on the profile page.   <- post body
        Damning report on West Kent Probation.                  <- comment 1
        ReplyDeletehttps://www-bbc-co-uk...                     <- comment 2, line 1
        ReplyDelete'Getafix                                     <- comment 2, line 2
        Press Release:-                                         <- comment 3 (a reply)
        DeleteWest Sussex probation service...                  <- comment 3, line 2

    Replies ("Delete") belong to the last top-level ("ReplyDelete") comment.

In both layouts a comment whose last line is a known signature is credited to
that name; every other comment is "Anonymous" (the copies carry no names).
"""
import re
from datetime import datetime
from pathlib import Path

from .records import ANONYMOUS, Archive, ArchiveError, CommentRecord, PostRecord

FORMAT = "text"

# Regular commenters who sign their comments on the last line. Only these are
# credited: inventing authors from other text would mislead readers.
SIGNATURES = ("'Getafix",)

HEADER = re.compile(r"^(\d+) comments?:\s*$")
TOP = re.compile(r"^  (\d+)\. ?(.*)$")
REPLY = re.compile(r"^    (\d+)\. ?(.*)$")
TOP_CLOSE = "    ReplyDelete"
REPLIES = "    Replies"
REPLY_CLOSE = "      Delete"
FLAT_MARKER = re.compile(r"^(ReplyDelete|Delete)")
DATE_FORMATS = ("%A, %d %B %Y", "%A %d %B %Y", "%d %B %Y")


def sniff(head: str) -> bool:
    """True for a text page copy in either layout."""
    if head.lstrip().startswith("<"):
        return False
    return any(HEADER.match(line) or FLAT_MARKER.match(line) for line in head.splitlines())


def parse(text: str, *, path: str | Path) -> Archive:
    path = Path(path)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not text.strip():
        raise ArchiveError(path, 1, "the file is empty")
    header_at = next((i for i, line in enumerate(lines) if HEADER.match(line)), None)
    if header_at is not None:
        return _parse_numbered(lines, header_at, path)
    if any(FLAT_MARKER.match(line) for line in lines):
        return _parse_flattened(lines, path)
    raise ArchiveError(
        path, 1, "not a page copy: no 'N comments:' header and no ReplyDelete/Delete markers"
    )


# -- numbered layout ---------------------------------------------------------


def _parse_date(line):
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(line.strip(), fmt)
        except ValueError:
            continue
    return None


class _Item:
    """A comment being read: where it started and its lines so far."""

    def __init__(self, number, first_line, lineno, depth):
        self.number = number
        self.lines = [first_line]
        self.lineno = lineno
        self.depth = depth
        self.closed = False


def _parse_numbered(lines, header_at, path):
    head = [(i, line) for i, line in enumerate(lines[:header_at]) if line.strip()]
    if not head:
        raise ArchiveError(path, header_at + 1, "no title or body before the comments header")
    published = _parse_date(head[0][1])
    if published is not None:
        head = head[1:]
    if len(head) < 1:
        raise ArchiveError(path, header_at + 1, "no title before the comments header")
    title_index, title = head[0]
    body = _join_paragraphs(lines[title_index + 1 : header_at])

    items = []  # every comment in document order
    expected_top = 1
    expected_reply = 1
    state = "between"  # between | top | replies-open | reply
    for index in range(header_at + 1, len(lines)):
        line = lines[index]
        lineno = index + 1
        current = items[-1] if items else None
        top = TOP.match(line)
        if top and state != "top" and state != "reply":
            if int(top.group(1)) != expected_top:
                raise ArchiveError(
                    path, lineno, f"expected comment {expected_top}, found {top.group(1)}"
                )
            items.append(_Item(expected_top, top.group(2), lineno, depth=0))
            expected_top += 1
            expected_reply = 1
            state = "top"
        elif top and current and not current.closed:
            kind = "comment" if current.depth == 0 else "reply"
            closer = "ReplyDelete" if current.depth == 0 else "Delete"
            raise ArchiveError(
                path,
                lineno,
                f"comment {top.group(1)} starts before {kind} {current.number} "
                f"(line {current.lineno}) is closed by {closer}",
            )
        elif state == "top":
            if line.rstrip() == TOP_CLOSE:
                current.closed = True
                state = "between"
            else:
                current.lines.append(_dedent(line, 4))
        elif state == "reply":
            if line.rstrip() == REPLY_CLOSE:
                current.closed = True
                state = "replies-open"
            else:
                current.lines.append(_dedent(line, 6))
        elif line.rstrip() == REPLIES and state == "between" and items:
            state = "replies-open"
        elif state == "replies-open" and (reply := REPLY.match(line)):
            if int(reply.group(1)) != expected_reply:
                raise ArchiveError(
                    path, lineno, f"expected reply {expected_reply}, found {reply.group(1)}"
                )
            items.append(_Item(expected_reply, reply.group(2), lineno, depth=1))
            expected_reply += 1
            state = "reply"
        elif line.strip():
            raise ArchiveError(
                path, lineno, f"unexpected text outside any comment: {line.strip()[:60]!r}"
            )

    archive = Archive(path=str(path), format=FORMAT)
    post = PostRecord(
        source_id=path.name,
        title=title.strip(),
        body=body,
        published=published,
        source_file=path.name,
        claimed_comment_count=int(HEADER.match(lines[header_at]).group(1)),
    )
    archive.posts.append(post)
    if items and not items[-1].closed:
        # Page copies often stop right after the last comment's text.
        archive.warnings.append(
            f"the last comment (line {items[-1].lineno}) has no closing marker; "
            "taken to end at the end of the file"
        )
    _add_comments(archive, post, [(item.lines, item.depth, item.lineno) for item in items])
    return archive


def _dedent(line, width):
    return line[width:] if line[:width].strip() == "" else line.lstrip()


# -- flattened layout --------------------------------------------------------


def _parse_flattened(lines, path):
    # Split into (lineno, marker, text) pieces: a marker glued to a line's start
    # becomes its own piece, followed by the rest of the line.
    pieces = []
    for index, line in enumerate(lines):
        lineno = index + 1
        match = FLAT_MARKER.match(line)
        if match:
            pieces.append((lineno, match.group(1), None))
            line = line[match.end() :]
        if line.strip():
            pieces.append((lineno, None, line))

    marker_positions = [i for i, piece in enumerate(pieces) if piece[1]]
    # Each comment opens on the text piece right before its marker.
    starts = []
    for position in marker_positions:
        opener = position - 1
        if opener < 0 or pieces[opener][1] is not None or opener in starts:
            lineno = pieces[position][0]
            raise ArchiveError(
                path, lineno, f"'{pieces[position][1]}' marker with no comment text before it"
            )
        starts.append(opener)

    body_lines = [text for _, marker, text in pieces[: starts[0]] if marker is None]
    body = _join_lines(_drop_repeated_runs(body_lines))
    if not body:
        raise ArchiveError(path, pieces[starts[0]][0], "no post body before the first comment")

    comments = []
    for n, (start, position) in enumerate(zip(starts, marker_positions)):
        end = starts[n + 1] if n + 1 < len(starts) else len(pieces)
        text_pieces = [pieces[start][2]] + [
            text for _, marker, text in pieces[position + 1 : end] if marker is None
        ]
        depth = 0 if pieces[position][1] == "ReplyDelete" else 1
        if depth == 1 and not any(d == 0 for _, d, _ in comments):
            raise ArchiveError(
                path, pieces[position][0], "a reply ('Delete') before any top-level comment"
            )
        comments.append((text_pieces, depth, pieces[start][0]))

    archive = Archive(path=str(path), format=FORMAT)
    post = PostRecord(source_id=path.name, title=None, body=body, source_file=path.name)
    archive.posts.append(post)
    _add_comments(archive, post, comments)
    return archive


def _drop_repeated_runs(lines):
    """Drop a run of lines that repeats the run just before it (a copy artifact)."""
    out = []
    i = 0
    while i < len(lines):
        for size in range(len(out), 0, -1):
            run = out[-size:]
            if lines[i : i + size] == run and any(len(line) > 40 for line in run):
                i += size
                break
        else:
            out.append(lines[i])
            i += 1
    return out


# -- shared ------------------------------------------------------------------


def _join_paragraphs(lines):
    """Lines with blank-line paragraph breaks, runs of blanks squeezed to one."""
    text = "\n".join(line.rstrip() for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def _join_lines(lines):
    """Flattened copies lost their blank lines: each line was a paragraph."""
    return "\n\n".join(line.strip() for line in lines if line.strip())


def _add_comments(archive, post, comments):
    last_top = None
    for n, (lines, depth, lineno) in enumerate(comments, start=1):
        if archive.format == FORMAT and all(not line.strip() for line in lines):
            raise ArchiveError(archive.path, lineno, f"comment {n} has no text")
        text = _join_paragraphs(lines)
        last_line = text.rsplit("\n", 1)[-1].strip()
        source_id = f"{post.source_id}#{n}"
        record = CommentRecord(
            source_id=source_id,
            post_source_id=post.source_id,
            body=text,
            author_name=last_line if last_line in SIGNATURES else ANONYMOUS,
            parent_source_id=None if depth == 0 else last_top,
            line=lineno,
        )
        if depth == 0:
            last_top = source_id
        archive.comments.append(record)
