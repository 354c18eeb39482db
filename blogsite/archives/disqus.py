"""Parser for a Disqus comments export (Admin > Moderation > Export).

The file is one ``<disqus>`` document (namespace ``http://disqus.com``;
internal ids in ``dsq:id`` attributes, namespace
``http://disqus.com/disqus-internals``) holding three flat lists:
``<category>``, ``<thread>`` (one per page that loaded the widget) and
``<post>`` (one per comment). Relied on, from Disqus's "Comments Export" help
page (schema http://disqus.com/api/schemas/1.0/disqus.xsd) and the real-world
shape the isso importer's test file keeps:

* a thread has ``link``, ``title``, ``message`` (usually empty: Disqus never
  had the article), ``createdAt``, ``isClosed``, ``isDeleted``, an
  ``author`` (whoever first loaded the page, not the blog's author) and
  ``<category dsq:id>``;
* a post has ``message`` (HTML), ``createdAt``, ``isDeleted``, ``isSpam``,
  ``author`` (``name``, ``email``, ``username``, ``isAnonymous``),
  ``ipAddress``, ``<thread dsq:id>`` and, for a reply, ``<parent dsq:id>``.
  The help page's example also names a thread by its ``<id>`` text
  (``<thread>1</thread>``); both forms are accepted;
* times are UTC (``2013-10-10T19:20:29Z``; the help page's example has no
  zone, which is read as UTC too).

What is imported, and what happens to the rest (counted in ``skipped``):

* Threads with at least one importable comment become posts: title, link as
  the source URL, createdAt as the date, the thread's category as a label
  unless it is the forum's default. With no message the body is a short note
  saying the discussion came from Disqus. Threads nobody commented on (Disqus
  makes one for every page view, staging copies included) and deleted
  threads are skipped, with their comments.
* Posts become comments, threaded by ``parent`` in whatever order they come.
  ``isDeleted`` and ``isSpam`` posts are not imported; a reply to one (or to
  anything not in the file) keeps pointing at it, and the loader makes it
  top-level and reports it. ``isApproved`` false, where present, is imported
  held for a moderator.
* E-mail addresses, IP addresses and Disqus usernames are never read into a
  record; entries that had them are counted in warnings. ``isAnonymous`` (a
  guest, not signed in to Disqus) changes nothing: the display name is kept,
  or "Anonymous" when there is none. The thread's author is not imported.
* ``isClosed`` threads are counted in a warning: the forum has no per-post
  closing, so they are open here.

Source ids are ``disqus:thread-<dsq:id>`` and ``disqus:post-<dsq:id>``:
Disqus's internal ids are unique across all of Disqus, so two forums never
collide and a newer export of the same forum adds only what is new.
"""
from dataclasses import dataclass
from datetime import UTC
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from .fields import drop_duplicates, iso_datetime, paragraphs, privacy_warning, title_or_opening
from .records import ANONYMOUS, Archive, CommentRecord, PostRecord
from .xmlstream import child_text, local, records

FORMAT = "disqus"
NAMESPACE = "http://disqus.com"
DSQ_ID = "{http://disqus.com/disqus-internals}id"


def sniff(head: str) -> bool:
    return "<disqus" in head and NAMESPACE in head


def parse(text: str, *, path) -> Archive:
    return _read(Path(path), text=text)


def parse_file(path) -> Archive:
    return _read(Path(path))


def _read(path, text=None):
    archive = Archive(path=str(path), format=FORMAT)
    categories, threads, posts = {}, [], []
    for element in records(path=path, text=text, root="disqus", depth=1):
        name = local(element.tag)
        if name == "category":
            categories[element.get(DSQ_ID)] = _category(element)
        elif name == "thread":
            threads.append(_thread(element, categories, path))
        elif name == "post":
            posts.append(_post(element))
        else:
            archive.skipped[f"Disqus <{name}> elements"] += 1
    _attach(archive, threads, posts)
    _warn(archive, threads, posts)
    drop_duplicates(archive)
    return archive


def _flag(element, name):
    return child_text(element, name).lower() == "true"


def _ref(element, name):
    """(dsq:id, text) of a ``<thread>``/``<parent>`` reference, or None."""
    for child in element:
        if local(child.tag) == name:
            ref = child.get(DSQ_ID) or None, (child.text or "").strip() or None
            return ref if any(ref) else None
    return None


def _author(element):
    for child in element:
        if local(child.tag) == "author":
            return child
    return None


def _personal(element):
    """(had e-mail or IP, had a username): read only to be counted."""
    author = _author(element)
    contact = bool(child_text(element, "ipAddress")) or bool(
        author is not None and child_text(author, "email")
    )
    return contact, bool(author is not None and child_text(author, "username"))


def _category(element):
    title = child_text(element, "title")
    return None if _flag(element, "isDefault") else title or None


def _disqus_datetime(value):
    moment = iso_datetime(value)
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment


@dataclass
class _Entry:
    """A thread or post as read, with what is needed to place or skip it."""

    record: PostRecord | CommentRecord
    dsq_id: str
    identifier: str | None
    deleted: bool
    personal: tuple[bool, bool]
    closed: bool = False
    spam: bool = False
    thread: tuple | None = None
    parent: tuple | None = None
    comments: int = 0


def _dsq_id(element):
    return element.get(DSQ_ID) or f"line-{element.line}"


def _thread(element, categories, path):
    link = child_text(element, "link")
    url = link if urlsplit(link).scheme in ("http", "https") else ""
    message = paragraphs(child_text(element, "message"))
    category = _ref(element, "category")
    label = categories.get(category[0]) if category else None
    record = PostRecord(
        source_id=f"disqus:thread-{_dsq_id(element)}",
        title=title_or_opening(child_text(element, "title") or (url if not message else ""), message),
        body=message or _note(url),
        body_format="html",
        published=_disqus_datetime(child_text(element, "createdAt")),
        labels=[label] if label else [],
        source_file=path.name,
        source_url=url,
    )
    return _Entry(
        record,
        dsq_id=_dsq_id(element),
        identifier=child_text(element, "id") or None,
        deleted=_flag(element, "isDeleted"),
        personal=_personal(element),
        closed=_flag(element, "isClosed"),
    )


def _note(url):
    where = f' The original page was <a href="{escape(url)}">{escape(url)}</a>.' if url else ""
    return (
        "<p>This discussion was imported from Disqus; the export holds the comments, "
        f"not the article.{where}</p>"
    )


def _post(element):
    author = _author(element)
    record = CommentRecord(
        source_id=f"disqus:post-{_dsq_id(element)}",
        post_source_id="",  # known once every thread is read
        body=paragraphs(child_text(element, "message")),
        body_format="html",
        author_name=(child_text(author, "name") if author is not None else "") or ANONYMOUS,
        created=_disqus_datetime(child_text(element, "createdAt")),
        held=child_text(element, "isApproved").lower() == "false",
        line=element.line,
    )
    return _Entry(
        record,
        dsq_id=_dsq_id(element),
        identifier=child_text(element, "id") or None,
        deleted=_flag(element, "isDeleted"),
        personal=_personal(element),
        spam=_flag(element, "isSpam"),
        thread=_ref(element, "thread"),
        parent=_ref(element, "parent"),
    )


def _lookup(ref, by_dsq, by_identifier):
    if ref is None:
        return None
    dsq_id, text = ref
    return by_dsq.get(dsq_id) or by_identifier.get(text) or by_dsq.get(text)


def _attach(archive, threads, posts):
    """Point comments at posts and parents once the whole file is read.

    Disqus writes threads before posts, but says parents "should" come before
    replies; real exports and hand edits break that, so nothing assumes order.
    """
    thread_by_dsq = {t.dsq_id: t for t in threads}
    thread_by_identifier = {t.identifier: t for t in threads if t.identifier}
    post_by_dsq = {p.dsq_id: p for p in posts}
    post_by_identifier = {p.identifier: p for p in posts if p.identifier}
    kept = []
    for post in posts:
        thread = _lookup(post.thread, thread_by_dsq, thread_by_identifier)
        if post.deleted:
            archive.skipped["comments deleted on Disqus"] += 1
        elif post.spam:
            archive.skipped["comments marked spam on Disqus"] += 1
        elif thread is None:
            archive.skipped["comments on Disqus threads not in the file"] += 1
        elif thread.deleted:
            archive.skipped["comments on deleted Disqus threads"] += 1
        elif not post.record.body:
            archive.skipped["Disqus comments with no text"] += 1
        else:
            thread.comments += 1
            post.record.post_source_id = thread.record.source_id
            parent = _lookup(post.parent, post_by_dsq, post_by_identifier)
            if parent is not None:
                post.record.parent_source_id = parent.record.source_id
            elif post.parent is not None:
                post.record.parent_source_id = f"disqus:post-{post.parent[0] or post.parent[1]}"
            kept.append(post.record)
    for thread in threads:
        if thread.deleted:
            archive.skipped["Disqus threads deleted"] += 1
        elif not thread.comments:
            archive.skipped["Disqus threads with no comments to import"] += 1
        else:
            _date_undated(thread.record, kept, archive)
            archive.posts.append(thread.record)
    archive.comments.extend(kept)


def _date_undated(record, comments, archive):
    if record.published is not None:
        return
    times = [c.created for c in comments if c.post_source_id == record.source_id and c.created]
    if times:
        record.published = min(times)
        archive.warnings.append(f"{record.title!r} has no date in the export; dated from its first comment")


def _warn(archive, threads, posts):
    entries = threads + posts
    contact = sum(1 for entry in entries if entry.personal[0])
    usernames = sum(1 for entry in entries if entry.personal[1])
    closed = sum(1 for thread in threads if thread.closed and thread.comments and not thread.deleted)
    archive.warnings.extend(filter(None, [privacy_warning(contact)]))
    if usernames:
        archive.warnings.append(
            f"dropped Disqus usernames from {usernames} {'entry' if usernames == 1 else 'entries'} "
            "(never imported: they link a name to a Disqus profile)"
        )
    if closed:
        archive.warnings.append(
            f"{closed} Disqus thread(s) were closed to new comments; the forum has no "
            "per-post closing, so they are open here"
        )
