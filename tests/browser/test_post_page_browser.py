"""Seed post 004 in a real browser: threads fold and unfold, permalinks land."""
import pytest

from blogsite.models import Post
from comments.models import Comment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def memo_post(seeded):
    return Post.objects.get(source_id__startswith="004")


def test_thread_collapses_and_expands(page, live_server, memo_post, screenshot_dir):
    page.goto(live_server.url + memo_post.get_absolute_url())
    assert page.title().startswith("Memo To Justin")
    top = Comment.objects.get(source_id="004_603bd1b254fd2665.txt#5")  # "Don't do it then"
    replies = page.locator(f"#{top.anchor} > details.replies")
    first_reply = replies.locator("li.comment").first
    assert replies.locator("summary").inner_text() == "3 replies"
    assert first_reply.is_visible()
    page.locator(f"#{top.anchor}").scroll_into_view_if_needed()
    page.screenshot(path=str(screenshot_dir / "seed-004-post.png"))

    replies.locator("summary").click()
    assert not first_reply.is_visible()
    replies.locator("summary").click()
    assert first_reply.is_visible()
    assert "For a PO is it really that simple?" in first_reply.inner_text()


def test_permalink_scrolls_to_and_marks_the_comment(page, live_server, memo_post):
    target = Comment.objects.get(source_id="004_603bd1b254fd2665.txt#36")
    page.goto(live_server.url + memo_post.get_absolute_url())
    page.locator(f"#{target.anchor} .permalink").first.click()
    assert page.url.endswith(f"#{target.anchor}")
    assert page.evaluate("document.querySelector(':target').id") == target.anchor
    box = page.locator(f"#{target.anchor}").bounding_box()
    assert -1 <= box["y"] < page.viewport_size["height"]  # scrolled to it (sub-pixel rounding)

    page.goto(live_server.url + target.get_absolute_url())  # /comments/<pk>/ redirect
    assert page.url.endswith(memo_post.get_absolute_url() + f"#{target.anchor}")


def test_post_page_is_readable_on_a_phone(chromium, live_server, memo_post, screenshot_dir):
    context = chromium.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(live_server.url + memo_post.get_absolute_url())
    page_width = page.evaluate("document.documentElement.scrollWidth")
    page.screenshot(path=str(screenshot_dir / "seed-004-phone.png"))
    context.close()
    assert page_width <= 375  # nothing forces sideways scrolling
