from datetime import datetime, timedelta

import pytest
from defusedxml import ElementTree
from django.utils import timezone

from blogsite.models import Post
from comments.models import Comment
from tests.factories import make_comment, make_post

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def xml(client):
    """GET a URL and parse the body as XML (defusedxml: no entity tricks)."""

    def get(url):
        response = client.get(url)
        assert response.status_code == 200, url
        return ElementTree.fromstring(response.content)

    return get


@pytest.fixture
def two_posts(db):
    older = make_post(title="Older", slug="older", published=timezone.make_aware(datetime(2023, 8, 26, 9)))
    newer = make_post(title="Newer", slug="newer", published=timezone.make_aware(datetime(2024, 3, 13, 9)))
    make_post(title="Tomorrow", slug="tomorrow", published=timezone.now() + timedelta(days=1))
    make_post(title="About", slug="about", kind=Post.Kind.PAGE)
    return older, newer


@pytest.fixture
def mixed_thread(db):
    """A post whose thread has one comment in every state; the hidden ones
    say SECRET so a test can look for the word in raw bytes."""
    post = make_post(title="Thread", slug="thread")
    shown = make_comment(post, body="Shown to everyone.", author_name="Pat")
    for state in [s for s in Comment.State if s != Comment.State.PUBLISHED]:
        make_comment(post, parent=shown, body=f"SECRET {state} text", author_name=f"SECRET-{state}", state=state)
    reply = make_comment(post, parent=shown, body="A published reply.", author_name="Sam")
    return post, [shown, reply]
