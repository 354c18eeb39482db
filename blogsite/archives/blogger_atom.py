"""Parser for Blogger's classic "Back up content" export (one Atom feed).

Every entry in the feed is a post, page, comment, setting or the template;
its kind is a ``<category scheme="…/g/2005#kind" term="…/kind#post">``.

* Posts and pages are imported unless ``<app:control><app:draft>yes``.
  Settings, the template and drafts are counted in ``skipped``, as are
  comments on drafts or on posts missing from the file (nowhere to put them).
* A comment names its post in ``thr:in-reply-to ref`` and, if it answers
  another comment, that comment in ``<link rel="related"
  href="…/comments/default/ID">``. Blogger cites a page's comments as
  ``….post-N`` although the page is ``….page-N``, so posts are matched on
  the number N, which is unique within a blog.
* A reply whose parent is not in the file keeps pointing at the missing id;
  the loader makes it a top-level comment and reports it.
* Authors' e-mail addresses (and profile images) are never read.

Source ids are the entry ``<id>`` (``tag:blogger.com,1999:blog-B.post-N``),
which already names the blog, so two blogs never collide.
"""
import re
from dataclasses import dataclass
from pathlib import Path

from .fields import drop_duplicates, iso_datetime, privacy_warning, title_or_opening
from .records import ANONYMOUS, Archive, CommentRecord, PostRecord
from .xmlstream import child_text, local, records

FORMAT = "blogger-atom"
KIND_SCHEME = "http://schemas.google.com/g/2005#kind"
LABEL_SCHEME = "http://www.blogger.com/atom/ns#"
_KIND_TERM = "schemas.google.com/blogger/2008/kind#"
_NUMBER = re.compile(r"(\d+)\D*$")
_RELATED_COMMENT = re.compile(r"/comments/default/(\d+)")


def sniff(head: str) -> bool:
    return "<feed" in head and _KIND_TERM in head


def parse(text: str, *, path) -> Archive:
    return _read(Path(path), text=text)


def parse_file(path) -> Archive:
    return _read(Path(path))


@dataclass
class Pending:
    """A comment read before we know whether its post is in the file."""

    record: CommentRecord
    post_ref: str
    parent_ref: str | None


def _read(path, text=None):
    archive = Archive(path=str(path), format=FORMAT)
    pending, not_imported, private = [], set(), 0
    for entry in records(path=path, text=text, root="feed", depth=1):
        if local(entry.tag) != "entry":
            continue
        kind = _kind(entry)
        if kind in ("post", "page", "comment"):
            private += has_contact_fields(entry)
        if kind in ("post", "page"):
            post = post_record(entry, kind=kind, path=path)
            if _is_draft(entry):
                archive.skipped[f"draft {kind}s"] += 1
                not_imported.add(number(post.source_id))
            else:
                post.claimed_comment_count = _total(entry)
                archive.posts.append(post)
        elif kind == "comment":
            pending.append(_comment(entry))
        else:
            archive.skipped[f"Blogger {kind or 'unknown'} entries (not content)"] += 1
    attach_comments(archive, pending, not_imported)
    archive.warnings.extend(filter(None, [privacy_warning(private)]))
    drop_duplicates(archive)
    return archive


def _kind(entry):
    for child in entry:
        if local(child.tag) == "category" and child.get("scheme") == KIND_SCHEME:
            return child.get("term", "").rpartition("#")[2]
    return None


def _is_draft(entry):
    return any(
        local(control.tag) == "control" and child_text(control, "draft").lower() == "yes"
        for control in entry
    )


def _total(entry):
    value = child_text(entry, "total")
    return int(value) if value.isdigit() else None


def number(source_id):
    """The numeric id Blogger uses across posts, pages and comments."""
    match = _NUMBER.search(source_id or "")
    return match.group(1) if match else source_id


def has_contact_fields(entry):
    """True when the entry's author carries an e-mail we are about to drop."""
    return any(
        child_text(author, "email") for author in entry if local(author.tag) == "author"
    )


def author_name(entry, default=ANONYMOUS):
    for author in entry:
        if local(author.tag) == "author":
            return child_text(author, "name") or default
    return default


def body_of(entry):
    """(body, body_format) from ``<content type="html|text">``."""
    for child in entry:
        if local(child.tag) == "content":
            kind = child.get("type", "text")
            return child.text or "", "text" if kind == "text" else "html"
    return "", "html"


def alternate_link(entry):
    for child in entry:
        if local(child.tag) == "link" and child.get("rel") == "alternate":
            return child.get("href", "")
    return ""


def post_record(entry, *, kind, path, labels=None):
    body, body_format = body_of(entry)
    if labels is None:
        labels = [
            c.get("term") for c in entry if local(c.tag) == "category" and c.get("scheme") == LABEL_SCHEME
        ]
    return PostRecord(
        source_id=child_text(entry, "id"),
        title=title_or_opening(child_text(entry, "title"), body),
        body=body,
        body_format=body_format,
        published=iso_datetime(child_text(entry, "published")),
        updated=iso_datetime(child_text(entry, "updated")),
        author=author_name(entry, default=""),
        labels=[label for label in labels if label],
        kind=kind,
        source_file=path.name,
        source_url=alternate_link(entry),
    )


def comment_record(entry, *, held=False):
    body, body_format = body_of(entry)
    return CommentRecord(
        source_id=child_text(entry, "id"),
        post_source_id="",  # filled in by attach_comments
        body=body,
        body_format=body_format,
        author_name=author_name(entry),
        created=iso_datetime(child_text(entry, "published")),
        held=held,
        line=entry.line,
    )


def _comment(entry):
    post_ref = parent_ref = None
    for child in entry:
        name = local(child.tag)
        if name == "in-reply-to":
            post_ref = child.get("ref") or child.get("href")
        elif name == "link" and child.get("rel") == "related":
            match = _RELATED_COMMENT.search(child.get("href", ""))
            parent_ref = match.group(1) if match else parent_ref
    return Pending(comment_record(entry), post_ref or "", parent_ref)


def attach_comments(archive, pending, not_imported):
    """Point each comment at its post and parent, now the whole file is read.

    Comments can come before their post or parent, so this waits for the end.
    """
    posts = {number(post.source_id): post.source_id for post in archive.posts}
    comments = {number(p.record.source_id): p.record.source_id for p in pending}
    for item in pending:
        post_number = number(item.post_ref)
        if post_number not in posts:
            reason = (
                "comments on posts not imported (drafts, trashed)"
                if post_number in not_imported
                else "comments on posts not in the file"
            )
            archive.skipped[reason] += 1
            continue
        item.record.post_source_id = posts[post_number]
        if item.parent_ref:
            parent_number = number(item.parent_ref)
            item.record.parent_source_id = comments.get(parent_number) or _missing_id(
                item.record.source_id, parent_number
            )
        archive.comments.append(item.record)


def _missing_id(own_id, parent_number):
    """The id the missing parent would have had, for the orphan report."""
    blog, _, _ = own_id.rpartition(".post-")
    return f"{blog}.post-{parent_number}" if blog else parent_number
