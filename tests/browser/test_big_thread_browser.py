"""A post with 10,000 comments stays usable: whole threads a page at a time."""
import pytest

from comments.models import Comment
from tests.factories import make_big_post

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_page_two_of_a_ten_thousand_comment_post(page, live_server, screenshot_dir, settings):
    post = make_big_post(10_000, slug="ten-thousand")
    roots = Comment.objects.filter(post=post, level=0).count()
    pages = -(-roots // settings.COMMENT_THREADS_PER_PAGE)
    assert pages >= 2

    page.goto(live_server.url + post.get_absolute_url())
    page.locator(".thread-nav a[rel=next]").first.click()
    assert page.url.endswith("?page=2#comments")
    assert f"Page 2 of {pages}" in page.locator(".thread-nav").first.inner_text()
    page.screenshot(path=str(screenshot_dir / "big-thread-page-2.png"))

    second_page_root = Comment.objects.filter(post=post, level=0).order_by("tree_id")[settings.COMMENT_THREADS_PER_PAGE]
    assert page.locator(f"#{second_page_root.anchor}").is_visible()
    deep = Comment.objects.filter(tree_id=second_page_root.tree_id).order_by("-level").first()
    page.goto(live_server.url + deep.get_absolute_url())
    page.wait_for_url(f"**?page=2#{deep.anchor}")
    assert page.evaluate("document.querySelector(':target').id") == deep.anchor
