"""Hostile requests to the comment form: each is refused with a clear answer.

Never a 500, and a refusal writes nothing: no comment, no audit-log entry.
The client does not re-raise view exceptions, so a crash shows as a 500
status the assertions catch instead of as a test error.
"""
import html
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.db.models import Max
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from blogsite.models import Post
from comments.forms import MISSING_PARENT
from comments.models import Comment
from moderation.models import Decision
from tests.factories import make_comment, make_post

BODY = "Caseloads in our office are up again this quarter."
CLOSED_PARENT = "That comment is not open for replies."
TOO_DEEP = "This conversation is nested as deep as it can go: reply to a comment further up."
FORM = "application/x-www-form-urlencoded; charset=utf-8"


@pytest.fixture
def hostile(db, settings):
    settings.MODERATION_MODE = "off"
    settings.COMMENT_RATE_LIMIT = (1_000_000, 600)
    return Client(raise_request_exception=False)


@pytest.fixture
def rows(db):
    """Row counts now; call it again after the request to compare."""
    return lambda: (Post.objects.count(), Comment.objects.count(), Decision.objects.count())


def _submit(client, post, **fields):
    data = {"name": "", "body": BODY, "post": "1", **fields}
    return client.post(reverse("comments:submit", args=[post.pk]), data)


def _page(response):
    return html.unescape(response.content.decode())


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        pytest.param(
            {"body": "x" * 1_000_000}, "Comments can be at most 5000 characters; yours has 1000000.", id="body-1MB"
        ),
        pytest.param(
            {"name": "n" * 10_000}, "Names can be at most 50 characters (yours has 10000).", id="name-10k"
        ),
        pytest.param({"body": "a NUL \x00 here"}, "Null characters are not allowed.", id="body-NUL"),
        pytest.param({"body": "a bell \x07 here"}, "The comment contains control characters", id="body-BEL"),
        pytest.param({"body": "clear \x1b[2J screen"}, "The comment contains control characters", id="body-ESC"),
        pytest.param({"name": "Old\x00Lag"}, "Null characters are not allowed.", id="name-NUL"),
        pytest.param({"name": "Old\x07Lag"}, "The name contains control characters", id="name-BEL"),
        pytest.param({"name": "\x1b[31mRed"}, "The name contains control characters", id="name-ESC"),
        pytest.param({"name": "two\nlines"}, "The name contains control characters", id="name-newline"),
        pytest.param({"body": "mangled \ufffd\ufffd text"}, "The comment arrived garbled", id="body-U+FFFD"),
        pytest.param({"parent": "abc"}, MISSING_PARENT, id="parent-not-a-number"),
        pytest.param({"parent": "1.5"}, MISSING_PARENT, id="parent-decimal"),
        pytest.param({"parent": "0"}, MISSING_PARENT, id="parent-zero"),
        pytest.param({"parent": "-1"}, MISSING_PARENT, id="parent-negative"),
        pytest.param({"parent": str(2**63)}, MISSING_PARENT, id="parent-past-bigint"),
        pytest.param({"parent": "9" * 400}, MISSING_PARENT, id="parent-400-digits"),
        pytest.param({"parent": "999999"}, MISSING_PARENT, id="parent-unknown"),
    ],
)
def test_bad_field_is_refused_with_its_message(hostile, rows, a_post, fields, message):
    before = rows()
    response = _submit(hostile, a_post, **fields)
    assert response.status_code == 400
    assert message in _page(response)
    assert rows() == before


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        pytest.param(b"name=&body=caf%C3%A9+%FF%FE+ok&post=1", "The comment arrived garbled", id="body"),
        pytest.param(b"name=%C3%28&body=fine+words+here&post=1", "The name arrived garbled", id="name"),
    ],
)
def test_invalid_utf8_is_refused_with_a_message(hostile, rows, a_post, raw, message):
    before = rows()
    response = hostile.post(reverse("comments:submit", args=[a_post.pk]), raw, content_type=FORM)
    assert response.status_code == 400
    assert message in _page(response)
    assert rows() == before


def test_raw_invalid_utf8_body_is_refused(hostile, rows, a_post):
    before = rows()
    raw = b"name=x&body=caf\xe9 \xff\xfe society&post=1"
    response = hostile.post(reverse("comments:submit", args=[a_post.pk]), raw, content_type=FORM)
    assert response.status_code == 400
    assert rows() == before


@pytest.mark.parametrize(
    "raw",
    [
        # Past DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB): Django refuses to read it.
        pytest.param(b"post=1&body=" + b"x" * 3_000_000, id="body-3MB"),
        # Past DATA_UPLOAD_MAX_NUMBER_FIELDS (1,000).
        pytest.param(urlencode([("f", "1")] * 5_000).encode() + b"&body=words+words&post=1", id="5000-fields"),
        # The honeypot: a bot gets an empty form back and no hint why.
        pytest.param(b"website=http%3A%2F%2Fspam.example&body=buy+now+please&post=1", id="honeypot"),
    ],
)
def test_request_refused_before_the_form_writes_nothing(hostile, rows, a_post, raw):
    before = rows()
    response = hostile.post(reverse("comments:submit", args=[a_post.pk]), raw, content_type=FORM)
    assert response.status_code == 400
    assert rows() == before


@pytest.fixture
def other_post(db):
    return make_post(title="Another post")


@pytest.mark.parametrize(
    ("parent_of", "message"),
    [
        pytest.param(lambda post, other: make_comment(other), "That comment belongs to another post.", id="other-post"),
        pytest.param(
            lambda post, other: make_comment(post, state=Comment.State.REMOVED), CLOSED_PARENT, id="removed"
        ),
        pytest.param(lambda post, other: make_comment(post, state=Comment.State.HELD), CLOSED_PARENT, id="held"),
    ],
)
def test_reply_to_a_forbidden_parent_is_refused(hostile, rows, a_post, other_post, parent_of, message):
    parent = parent_of(a_post, other_post)
    before = rows()
    response = _submit(hostile, a_post, parent=str(parent.pk))
    assert response.status_code == 400
    assert message in _page(response)
    assert rows() == before


def _chain(post, depth):
    """``depth`` comments, each replying to the one before: levels 0 .. depth-1."""
    comment = None
    for _ in range(depth):
        comment = make_comment(post, parent=comment)
    return comment


def test_reply_below_the_deepest_comment_is_refused(hostile, rows, a_post, django_assert_max_num_queries):
    bottom = _chain(a_post, settings.COMMENT_MAX_DEPTH)
    assert bottom.level == settings.COMMENT_MAX_DEPTH - 1
    before = rows()
    # A refusal at the bottom costs the same few queries at any depth.
    with django_assert_max_num_queries(12):
        response = _submit(hostile, a_post, parent=str(bottom.pk))
    assert response.status_code == 400
    assert TOO_DEEP in _page(response)
    assert rows() == before
    assert _submit(hostile, a_post, parent=str(bottom.parent_id)).status_code == 302


def test_forged_chain_of_replies_stops_at_the_maximum_depth(hostile, rows, a_post):
    """A bot replying to its own last reply, aiming for 10,000 levels."""
    parent, published = "", 0
    for _ in range(10_000):
        response = _submit(hostile, a_post, parent=parent)
        if response.status_code != 302:
            break
        published += 1
        parent = response["Location"].rpartition("#c")[2]
    assert response.status_code == 400 and TOO_DEEP in _page(response)
    assert published == settings.COMMENT_MAX_DEPTH
    assert Comment.objects.aggregate(deepest=Max("level"))["deepest"] == settings.COMMENT_MAX_DEPTH - 1
    # Guessing the ids that come next gets nowhere either.
    before = rows()
    for forged in range(int(parent) + 1, int(parent) + 4):
        response = _submit(hostile, a_post, parent=str(forged))
        assert response.status_code == 400 and MISSING_PARENT in _page(response)
    assert rows() == before


@pytest.mark.parametrize(
    "token",
    [
        pytest.param(None, id="missing"),
        pytest.param("a" * 32, id="forged"),
        pytest.param("<script>alert(1)</script>", id="malformed"),
    ],
)
def test_post_without_a_valid_csrf_token_is_forbidden(db, settings, rows, a_post, token):
    settings.MODERATION_MODE = "off"
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.get(a_post.get_absolute_url())  # a real CSRF cookie, which the token must match
    data = {"name": "", "body": BODY, "post": "1"}
    if token is not None:
        data["csrfmiddlewaretoken"] = token
    before = rows()
    response = client.post(reverse("comments:submit", args=[a_post.pk]), data)
    assert response.status_code == 403
    assert rows() == before


@pytest.mark.parametrize("method", ["get", "put", "patch", "delete", "head", "options"])
def test_submit_answers_only_post(hostile, rows, a_post, method):
    before = rows()
    response = getattr(hostile, method)(reverse("comments:submit", args=[a_post.pk]))
    assert response.status_code == 405
    assert rows() == before


@pytest.mark.parametrize(
    "post_pk",
    [
        pytest.param(lambda: 999_999, id="no-such-post"),
        pytest.param(lambda: make_post(published=timezone.now() + timedelta(days=7)).pk, id="scheduled-post"),
    ],
)
def test_comment_on_a_post_readers_cannot_see_is_404(hostile, rows, post_pk):
    pk = post_pk()
    before = rows()
    response = hostile.post(reverse("comments:submit", args=[pk]), {"body": BODY, "post": "1"})
    assert response.status_code == 404
    assert rows() == before
