"""Reading a post's comments a page of threads at a time, and caching them.

A thread (a top-level comment and all its replies) is never split across
pages: pages hold ``COMMENT_THREADS_PER_PAGE`` threads (Blogger shows 200).
Every page is two queries whatever its size: the post's thread roots, then
the comments of the threads on the page, in tree order.

The rendered HTML of a page is cached per post under a version number that
every change to the post's comments bumps (``bump_thread_cache``, called by
the services after their transaction commits), so a moderation decision
shows on the next page load.
"""
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import transaction

from comments import timerefs
from comments.models import ANONYMOUS, Comment

SORTS = ("oldest", "newest")


@dataclass
class ThreadPage:
    comments: list
    page: object  # django.core.paginator.Page over the thread roots
    total: int  # every comment of the post, placeholders included
    sort: str
    times: dict  # "HH:MM" -> comment pks, for time references (comments.timerefs)
    labels: dict  # pk -> "Anonymous B": anonymous writers told apart, this post only


def thread_page(post, *, number=1, sort="oldest"):
    roots = list(
        Comment.objects.filter(post=post, level=0)
        .order_by("tree_id")
        .values_list("tree_id", "lft", "rght")
    )
    total = sum((rght - lft + 1) // 2 for _, lft, rght in roots)
    if sort == "newest":
        roots.reverse()
    page = Paginator(roots, settings.COMMENT_THREADS_PER_PAGE).get_page(number)
    # The page's threads are a run of the post's roots in tree_id order, so a
    # range (not a long IN list) picks exactly their comments.
    tree_ids = [tree_id for tree_id, _, _ in page.object_list] or [0]
    order = ("-tree_id", "lft") if sort == "newest" else ("tree_id", "lft")
    comments = list(
        Comment.objects.filter(post=post, tree_id__gte=min(tree_ids), tree_id__lte=max(tree_ids)).order_by(*order)
    )
    times = {}
    if any(c.is_visible and timerefs.has_time_reference(c.body) for c in comments):
        if page.paginator.num_pages == 1:
            visible = [(c.pk, c.created) for c in comments if c.is_visible]
        else:  # a reference may point to a thread on another page
            visible = Comment.objects.filter(post=post).published().values_list("pk", "created")
        times = timerefs.time_index(visible)
    labels = {}
    if any(c.anon_key for c in comments):
        if page.paginator.num_pages == 1:
            rows = sorted((c.pk, c.author_name, c.anon_key) for c in comments)
        else:  # letters follow first appearance across the whole post
            rows = Comment.objects.filter(post=post).exclude(anon_key="").order_by("pk").values_list(
                "pk", "author_name", "anon_key"
            )
        labels = anonymous_labels(rows)
    return ThreadPage(comments=comments, page=page, total=total, sort=sort, times=times, labels=labels)


def anonymous_labels(rows):
    """{pk: "Anonymous A"} for anonymous comments, lettered by first appearance."""
    letters, labels = {}, {}
    for pk, name, key in rows:
        if key and name == ANONYMOUS:
            letters.setdefault(key, _letter(len(letters)))
            labels[pk] = f"{ANONYMOUS} {letters[key]}"
    return labels


def _letter(n):
    """0 -> A, 25 -> Z, 26 -> AA ..."""
    out = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(65 + rest) + out
    return out


def page_number_of(comment):
    """Which page (oldest first) holds the comment's thread."""
    earlier = Comment.objects.filter(
        post_id=comment.post_id, level=0, tree_id__lt=comment.tree_id
    ).count()
    return earlier // settings.COMMENT_THREADS_PER_PAGE + 1


def _version_key(post_id):
    return f"thread-version:{post_id}"


def thread_cache_key(post_id, *parts):
    version = cache.get(_version_key(post_id))
    if version is None:
        # Unknown (first use, or the cache was cleared): start a fresh
        # version so no fragment from before can be served.
        version = uuid.uuid4().hex
        cache.add(_version_key(post_id), version, timeout=None)
        version = cache.get(_version_key(post_id), version)
    return ":".join(["thread", str(post_id), version, *map(str, parts)])


def bump_thread_cache(post_id):
    """Forget every cached page of this post's comments: now, and again once
    the current transaction commits (a page rendered in between, from data
    read before the commit, must not outlive it)."""

    def bump():
        cache.set(_version_key(post_id), uuid.uuid4().hex, timeout=None)

    bump()
    transaction.on_commit(bump)
