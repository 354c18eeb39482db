from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from blogsite.models import Post
from comments.models import Comment
from tests.factories import make_comment, make_post

on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL full-text search only (ts_rank, ts_headline, GIN index): CI's second pass runs it",
)
on_fallback = pytest.mark.skipif(
    connection.vendor == "postgresql",
    reason="the substring fallback serves SQLite only; PostgreSQL uses full-text search",
)


@pytest.fixture
def search(client):
    """GET /search/ with these parameters; returns the response."""

    def get(q=None, **params):
        if q is not None:
            params["q"] = q
        return client.get(reverse("blogsite:search"), params)

    return get


@pytest.fixture
def caseload_post(db):
    return make_post(
        title="Caseloads in the North",
        slug="caseloads-north",
        body="Every officer carries a heavy caseload this winter.",
    )


@pytest.fixture
def hidden_everywhere(caseload_post):
    """The word 'zebracorn' in everything a reader must not find."""
    for state in [s for s in Comment.State if s != Comment.State.PUBLISHED]:
        make_comment(caseload_post, body=f"A {state} zebracorn comment.", state=state)
    future = make_post(
        title="Zebracorn tomorrow", slug="future", body="zebracorn", published=timezone.now() + timedelta(days=2)
    )
    make_comment(future, body="zebracorn under a post not yet live")
    make_post(title="About zebracorn", slug="about", body="zebracorn", kind=Post.Kind.PAGE)
    return caseload_post
