"""What the browser fetches: nothing but this site, and nothing the CSP refuses.

Every request Chromium makes while a reader visits, comments, replies and
reads the rules, and while staff use the admin, goes to the site's own
origin. No console message reports a Content-Security-Policy violation, so
the policy in settings does not break the pages (the admin included).
"""
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from blogsite.models import Post
from comments.models import Comment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ADMIN_PASSWORD = "a long admin password 42"


@pytest.fixture
def recorded(page):
    """The page, with every request URL and every CSP console complaint kept."""
    page.requests, page.csp_errors = [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("console", lambda message: "Content Security Policy" in message.text and page.csp_errors.append(message.text))
    return page


def _origin(url):
    parts = urlsplit(url)
    return parts.scheme, parts.netloc


def _write(page, text):
    form = page.locator("form.comment-form")
    form.locator("textarea[name=body]").fill(text)
    form.locator("button[name=post]").click()


def _admin_login(page, live_server):
    get_user_model().objects.create_superuser("chief", password=ADMIN_PASSWORD)
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("input[name=username]", "chief")
    page.fill("input[name=password]", ADMIN_PASSWORD)
    page.click("input[type=submit]")
    assert page.url == live_server.url + reverse("admin:index")


def test_privacy_every_request_same_origin(recorded, live_server, seeded):
    page = recorded
    post = Post.objects.published().order_by("published").first()
    page.goto(live_server.url + reverse("blogsite:home"))
    page.goto(live_server.url + post.get_absolute_url())
    _write(page, "Reading this from a probation office in Leeds.")
    assert "Your comment is published." in page.content()
    mine = Comment.objects.get(body="Reading this from a probation office in Leeds.")
    page.locator(f"#c{mine.pk} > article .actions a", has_text="Reply").click()
    _write(page, "And a reply to myself, to test threading.")
    assert Comment.objects.filter(parent=mine).count() == 1
    page.goto(live_server.url + reverse("moderation:rules"))
    page.goto(live_server.url + reverse("admin:login"))

    assert len(page.requests) >= 8
    assert {_origin(url) for url in page.requests} == {_origin(live_server.url)}, page.requests
    assert page.csp_errors == []


def test_privacy_admin_renders_under_csp(recorded, live_server, db):
    page = recorded
    _admin_login(page, live_server)
    for name in ("admin:auth_user_changelist", "admin:auth_user_add", "admin:auth_group_changelist"):
        response = page.goto(live_server.url + reverse(name))
        assert response.status == 200, name
        assert page.locator("#content h1").is_visible(), name
    # The admin's own scripts run: the changelist's "select all" ticks the rows.
    page.goto(live_server.url + reverse("admin:auth_user_changelist"))
    page.click("#action-toggle")
    assert page.locator("input.action-select").first.is_checked()
    assert page.csp_errors == [], page.csp_errors
    assert {_origin(url) for url in page.requests} == {_origin(live_server.url)}
