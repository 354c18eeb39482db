"""Keeping concurrent writers from corrupting comment trees.

django-mptt inserts a reply by reading its parent's ``rght`` and shifting
every later node of the tree, and starts a new tree at ``max(tree_id) + 1``.
Two transactions doing either at once on PostgreSQL read the same values and
write overlapping trees. So, inside the writing transaction:

* a reply first takes a lock on its tree (only that tree: other threads of
  the same post, and other posts, carry on), then re-reads its parent;
* a new top-level comment or an import takes the lock that hands out new
  ``tree_id`` values.

PostgreSQL transaction-level advisory locks are released at commit or
rollback, so nothing can leak. SQLite takes its single write lock when the
transaction begins (``transaction_mode = IMMEDIATE`` in settings), which
serialises writers on its own.

``COMMENT_TREE_LOCKS = False`` turns the locks off: only to show, in the
concurrency test, what goes wrong without them.
"""
from django.conf import settings
from django.db import connection

# Two-key advisory locks: (namespace, id). The namespaces are arbitrary but
# fixed, so no other feature's advisory locks can collide with these.
TREE_NAMESPACE = 0x4F50_0001
ALLOCATION_NAMESPACE = 0x4F50_0002


def _advisory_lock(namespace, key):
    if connection.vendor != "postgresql" or not getattr(settings, "COMMENT_TREE_LOCKS", True):
        return
    if not connection.in_atomic_block:
        raise RuntimeError("tree locks only make sense inside transaction.atomic()")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [namespace, key])


def lock_tree(tree_id):
    """Serialise writes to one comment tree until this transaction ends."""
    _advisory_lock(TREE_NAMESPACE, tree_id)


def lock_tree_allocation():
    """Serialise handing out new tree ids until this transaction ends."""
    _advisory_lock(ALLOCATION_NAMESPACE, 0)
