"""Parser for WordPress eXtended RSS (WXR), the file Tools > Export writes.

What is imported, and what happens to the rest (all counted in ``skipped``):

* ``<item>``s of ``wp:post_type`` post and page, when ``wp:status`` is
  publish. As in WordPress, a missing type means post and a missing status
  means publish. Attachments, menu items, custom types and drafts, private,
  future or pending items are skipped, and so are their comments.
* ``wp:comment_approved`` 1 is published, 0 (or anything unrecognised) is
  imported *held* for a moderator; spam and trash are not imported.
* Pingbacks and trackbacks are not imported: they are automatic link
  notices from other sites, not part of the conversation, and the forum has
  nowhere to show them.
* Threads follow ``wp:comment_parent``; comments may come in any order. A
  reply whose parent is missing (or was spam/trash) keeps pointing at it, and
  the loader makes it top-level and reports it.
* E-mail, IP address and user agent fields and commentmeta (Akismet keeps
  IPs and browser strings there) are never read; entries that had them are
  counted in a warning.
* WordPress stores paragraphs as blank lines, so bodies get ``<p>`` tags.

Source ids name the blog, so two blogs never collide: the post's WordPress
shortlink ``wxr:<site>/?p=<post_id>`` and ``…#comment-<comment_id>``. Comment
ids are scoped by post because hand-made files reuse them.
"""
from pathlib import Path
from urllib.parse import urlsplit

from .fields import (
    drop_duplicates,
    paragraphs,
    privacy_warning,
    title_or_opening,
    wordpress_datetime,
)
from .records import ANONYMOUS, Archive, CommentRecord, PostRecord
from .xmlstream import child_text, local, records

FORMAT = "wxr"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
IMPORTED_TYPES = ("post", "page")
NOT_IMPORTED = ("spam", "trash", "post-trashed")
LINK_NOTICES = ("pingback", "trackback")
PERSONAL = ("comment_author_email", "comment_author_IP", "comment_agent")
LABEL_DOMAINS = ("category", "post_tag")


def sniff(head: str) -> bool:
    return "<rss" in head and "wordpress.org/export/" in head


def parse(text: str, *, path) -> Archive:
    return _read(Path(path), text=text)


def parse_file(path) -> Archive:
    return _read(Path(path))


def _read(path, text=None):
    archive = Archive(path=str(path), format=FORMAT)
    site, private, seen = "", 0, set()
    for element in records(path=path, text=text, root="rss", depth=2):
        name = local(element.tag)
        if name == "link" and not element.tag.startswith("{"):
            site = (element.text or "").strip().rstrip("/")
        elif name == "base_blog_url" and not site:
            site = (element.text or "").strip().rstrip("/")
        elif name == "item":
            private += _item(element, archive, site=site, path=path, seen=seen)
    _date_undated(archive)
    archive.warnings.extend(filter(None, [privacy_warning(private)]))
    drop_duplicates(archive)
    return archive


def _item(item, archive, *, site, path, seen):
    """Add one item (and its comments) to ``archive``; return how many had personal data."""
    kind = child_text(item, "post_type") or "post"
    status = child_text(item, "status") or "publish"
    comments = [child for child in item if local(child.tag) == "comment"]
    if kind not in IMPORTED_TYPES or status != "publish":
        reason = f"{kind} items" if kind not in IMPORTED_TYPES else f"{kind}s with status {status}"
        archive.skipped[reason] += 1
        if comments:
            archive.skipped["comments on items not imported"] += len(comments)
        return sum(_has_personal(c) for c in comments)
    post = _post(item, kind=kind, site=site, path=path)
    if post.source_id in seen:
        # Hand-edited files reuse wp:post_id; the slug tells the items apart.
        unique = child_text(item, "post_name") or f"line-{item.line}"
        archive.warnings.append(f"{post.source_id} is on two items; {post.title!r} keyed by {unique!r}")
        post.source_id = f"{post.source_id}&name={unique}"
    seen.add(post.source_id)
    archive.posts.append(post)
    for comment in comments:
        record = _comment(comment, post.source_id, archive)
        if record is not None:
            archive.comments.append(record)
    return sum(_has_personal(c) for c in comments)


def _post(item, *, kind, site, path):
    link = child_text(item, "link")
    body = paragraphs(next((c.text or "" for c in item if c.tag == CONTENT), ""))
    return PostRecord(
        source_id=_post_id(item, site or _origin(link), link),
        title=title_or_opening(child_text(item, "title"), body),
        body=body,
        body_format="html",
        published=wordpress_datetime(
            child_text(item, "post_date_gmt"), child_text(item, "post_date"), child_text(item, "pubDate")
        ),
        author=child_text(item, "creator"),
        labels=_labels(item),
        kind=kind,
        source_file=path.name,
        source_url=link if urlsplit(link).scheme in ("http", "https") else "",
    )


def _post_id(item, site, link):
    post_id = child_text(item, "post_id")
    if post_id:
        return f"wxr:{site}/?p={post_id}"
    # Hand-made files may omit wp:post_id; the item's own URL still names it.
    return f"wxr:{link or child_text(item, 'guid') or f'{site}#line-{item.line}'}"


def _origin(link):
    parts = urlsplit(link)
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""


def _labels(item):
    labels = []
    for child in item:
        text = (child.text or "").strip()
        if local(child.tag) == "category" and child.get("domain") in LABEL_DOMAINS and text not in labels:
            labels.append(text)
    return [label for label in labels if label]


def _comment(element, post_source_id, archive):
    approved = child_text(element, "comment_approved").lower()
    kind = child_text(element, "comment_type").lower() or "comment"
    if approved in NOT_IMPORTED:
        archive.skipped[f"{approved} comments"] += 1
        return None
    if kind in LINK_NOTICES:
        archive.skipped[f"{kind}s (automatic link notices)"] += 1
        return None
    if kind != "comment":
        archive.skipped[f"comments of type {kind}"] += 1
        return None
    parent = child_text(element, "comment_parent")
    return CommentRecord(
        source_id=f"{post_source_id}#comment-{child_text(element, 'comment_id')}",
        post_source_id=post_source_id,
        body=paragraphs(child_text(element, "comment_content")),
        body_format="html",
        author_name=child_text(element, "comment_author") or ANONYMOUS,
        created=wordpress_datetime(
            child_text(element, "comment_date_gmt"), child_text(element, "comment_date")
        ),
        parent_source_id=f"{post_source_id}#comment-{parent}" if parent not in ("", "0") else None,
        held=approved != "1",
        line=element.line,
    )


def _has_personal(comment):
    return any(child_text(comment, name) for name in PERSONAL) or any(
        local(child.tag) == "commentmeta" for child in comment
    )


def _date_undated(archive):
    """Give a date to items that have none (hand-made files), and say so.

    The first comment's time is the best witness of when a post was up;
    failing that, the newest date in the file keeps it out of the past.
    """
    dated = [post.published for post in archive.posts if post.published]
    for post in archive.posts:
        if post.published:
            continue
        times = [c.created for c in archive.comments if c.post_source_id == post.source_id and c.created]
        if times:
            post.published, witness = min(times), "its first comment"
        elif dated:
            post.published, witness = max(dated), "the newest date in the file"
        else:
            continue  # read_archive asks for --published
        archive.warnings.append(f"{post.title!r} has no date in the export; dated from {witness}")
