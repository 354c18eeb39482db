"""A reader comments, replies three deep, gets held, edits and resubmits."""
import pytest

from comments.models import Comment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _write(page, text, name=""):
    form = page.locator("form.comment-form")
    if name:
        form.locator("input[name=name]").fill(name)
    form.locator("textarea[name=body]").fill(text)
    form.locator("button[name=post]").click()


def test_comment_reply_three_deep_then_held_edit_and_resubmit(page, live_server, a_post, screenshot_dir):
    page.goto(live_server.url + a_post.get_absolute_url())
    _write(page, "First: caseloads in our PDU are at 140%.", name="Northern PO")
    assert "Your comment is published." in page.content()

    for depth in (1, 2, 3):
        parent = Comment.objects.get(level=depth - 1)
        page.locator(f"#c{parent.pk} > article .actions a", has_text="Reply").click()
        _write(page, f"Reply at depth {depth}: agreed, and recruitment is not keeping up.")
    assert [c.level for c in Comment.objects.order_by("tree_id", "lft")] == [0, 1, 2, 3]
    deepest = Comment.objects.get(level=3)
    assert page.locator(f"#c{deepest.pk}").is_visible()

    # Preview first: the nudge names the rule before anything is posted.
    form = page.locator("form.comment-form")
    form.locator("textarea[name=body]").fill("Management haven't a fucking clue.")
    form.locator("button[name=preview]").click()
    assert "Before you post: this may break" in page.content()
    page.locator("form.comment-form button[name=post]").click()

    held = Comment.objects.get(state="held")
    notice = page.locator(f"#c{held.pk} .own-held")
    assert "Only you can see this." in notice.inner_text()
    assert "abusive or profane language" in notice.inner_text().lower()
    assert notice.locator("mark").first.inner_text() == "fucking"
    notice.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshot_dir / "held-comment.png"))

    notice.locator("a", has_text="Edit and resubmit").click()
    page.locator("textarea[name=body]").fill("Management haven't a clue.")
    page.locator("button", has_text="Resubmit").click()
    held.refresh_from_db()
    assert held.state == "published"
    assert "Management haven" in page.locator(f"#c{held.pk}").inner_text()


def test_time_reference_is_followed_to_its_comment(page, live_server, a_post):
    from datetime import datetime

    from django.utils import timezone

    from tests.factories import make_comment

    target = make_comment(a_post, body="Recalls are up again.", created=timezone.make_aware(datetime(2024, 3, 14, 14, 4)))
    for n in range(30):  # push the target off screen
        make_comment(a_post, body=f"Filler comment {n} about workloads.\n\nSecond paragraph.")
    make_comment(a_post, body="@14:04 and nobody asks why.", created=timezone.make_aware(datetime(2024, 3, 14, 15, 0)))
    page.goto(live_server.url + a_post.get_absolute_url())
    page.locator("a.timeref", has_text="@14:04").click()
    page.wait_for_url(f"**#{target.anchor}")
    assert page.evaluate("document.querySelector(':target').id") == target.anchor
    box = page.locator(f"#{target.anchor}").bounding_box()
    assert -1 <= box["y"] < page.viewport_size["height"]  # scrolled to it (sub-pixel rounding)
