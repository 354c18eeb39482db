"""GIN indexes for full-text search over posts and published comments.

PostgreSQL only: on any other database this migration does nothing and
blogsite.search falls back to substring matching, which needs no index.

Expression indexes rather than a stored generated tsvector column: the models
stay the same on every database (a GeneratedField of to_tsvector() cannot be
created on SQLite), writes are not slowed by a second copy of every body, and
the ORM query needs no raw column. The price: the query must repeat the
indexed expression exactly, and ts_rank/ts_headline recompute the vector for
the rows that matched (a page's worth, not the table).

The expressions are frozen copies of blogsite.search._Postgres.post_vector()
and comment_vector(); tests/search/test_search_postgres.py fails if the two
drift apart and the planner can no longer use the index.
"""
from django.db import migrations
from django.db.models import Q


def _indexes():
    from django.contrib.postgres.indexes import GinIndex
    from django.contrib.postgres.search import SearchVector

    post = GinIndex(
        SearchVector("title", config="english", weight="A")
        + SearchVector("body", config="english", weight="B"),
        name="post_search_gin",
    )
    # Partial: only published comments are ever searched, so held and
    # removed rows need no entries.
    comment = GinIndex(
        SearchVector("body", config="english", weight="A")
        + SearchVector("author_name", config="english", weight="B"),
        name="comment_search_gin",
        condition=Q(state="published"),
    )
    return [("blogsite", "Post", post), ("comments", "Comment", comment)]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for app_label, model_name, index in _indexes():
        schema_editor.add_index(apps.get_model(app_label, model_name), index)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for app_label, model_name, index in _indexes():
        schema_editor.remove_index(apps.get_model(app_label, model_name), index)


class Migration(migrations.Migration):
    dependencies = [
        ("blogsite", "0001_initial"),
        ("comments", "0002_comment_author_token_hash_comment_edited_and_more"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
