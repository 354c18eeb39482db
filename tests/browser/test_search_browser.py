"""Search from the header for a word in a seed-004 comment; the result lands on it."""
import pytest

from comments.models import Comment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_result_lands_on_the_comment(page, live_server, seeded, screenshot_dir):
    target = Comment.objects.get(source_id="004_603bd1b254fd2665.txt#36")  # a reply, far down
    page.goto(live_server.url + "/")
    page.get_by_role("searchbox").fill("distant")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search/?q=distant*")

    result = page.locator(f'li.search-result.comment a.result-link[href$="#{target.anchor}"]')
    assert result.locator("mark").inner_text().lower() == "distant"
    page.screenshot(path=str(screenshot_dir / "search-results.png"), full_page=True)

    result.click()
    page.wait_for_url(f"**{target.post.get_absolute_url()}#{target.anchor}")
    assert page.evaluate("document.querySelector(':target').id") == target.anchor
    box = page.locator(f"#{target.anchor}").bounding_box()
    # -1: the page scrolls by whole pixels, the layout is fractional.
    assert -1 < box["y"] < page.viewport_size["height"]
