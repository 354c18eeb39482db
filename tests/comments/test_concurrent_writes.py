"""Concurrent replies into one thread, and new threads, on real PostgreSQL.

Sixteen writers post fifty replies each into the same thread while four
more start new top-level comments on the same post. Afterwards every comment
is there and the trees are exactly what django-mptt's rebuild() computes.
With COMMENT_TREE_LOCKS=0 this test fails (overlapping lft/rght values and
duplicate tree ids): that is how the locks in comments.locks were shown to
be needed.
"""
import threading

import pytest
from django.db import connection, connections

from comments.models import Comment
from comments.services import comment_submit
from tests.factories import make_comment, make_post

pytestmark = pytest.mark.django_db(transaction=True)

REPLY_WRITERS = 16
REPLIES_EACH = 50
THREAD_WRITERS = 4
THREADS_EACH = 10
TREE_FIELDS = ("pk", "tree_id", "lft", "rght", "level", "parent_id")


def _run_all(workers):
    errors = []
    start = threading.Barrier(len(workers))

    def wrapped(work):
        try:
            start.wait()
            work()
        except Exception as error:  # reported below, with the others
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=wrapped, args=(work,)) for work in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrency is tested on PostgreSQL (CI's second pass)")
def test_concurrent_replies_and_threads_keep_trees_whole(settings):
    settings.MODERATION_MODE = "off"
    post = make_post()
    root = make_comment(post, body="The thread everyone replies to.")

    def replier(n):
        def work():
            parent = root
            for i in range(REPLIES_EACH):
                # Alternate between the root and the writer's own last reply,
                # so the thread grows both wide and deep at once.
                target = root if i % 2 == 0 else parent
                parent, _ = comment_submit(post=post, parent=target, body=f"writer {n} reply {i}")
        return work

    def starter(n):
        def work():
            for i in range(THREADS_EACH):
                comment_submit(post=post, body=f"new thread {n}.{i}")
        return work

    errors = _run_all([replier(n) for n in range(REPLY_WRITERS)] + [starter(n) for n in range(THREAD_WRITERS)])
    assert errors == []

    posted = 1 + REPLY_WRITERS * REPLIES_EACH + THREAD_WRITERS * THREADS_EACH
    assert Comment.objects.filter(post=post).count() == posted
    assert Comment.objects.filter(tree_id=root.tree_id).count() == 1 + REPLY_WRITERS * REPLIES_EACH
    stored = list(Comment.objects.order_by("pk").values_list(*TREE_FIELDS))
    Comment.objects.rebuild()
    assert list(Comment.objects.order_by("pk").values_list(*TREE_FIELDS)) == stored
