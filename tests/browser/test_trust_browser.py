"""Trust features in a real browser: the identification warning, an appeal
decided by a second moderator, and a redaction seen on the public page."""
import pytest
from django.contrib.auth.models import Group

from comments.models import Comment
from moderation.models import Appeal
from moderation.services import comment_remove
from tests.factories import make_comment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("moderators_group")]

PASSWORD = "a-test-only-password-3141"


def _moderator(django_user_model, username):
    user = django_user_model.objects.create_user(username, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Moderators"))  # see the moderators_group fixture
    return user


def _log_in(page, live_server, username):
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")


def _uphold_appeals_as(browser, live_server, username):
    """Log in as ``username`` in a browser of their own, uphold every appeal
    listed, and return the admin's message."""
    context = browser.new_context()
    admin = context.new_page()
    _log_in(admin, live_server, username)
    admin.goto(live_server.url + "/admin/moderation/appeal/")
    admin.check("input[name=_selected_action]")
    admin.select_option("select[name=action]", "uphold_appeals")
    admin.click("button[name=index]")
    message = admin.locator("ul.messagelist").inner_text()
    context.close()
    return message


def test_preview_warns_about_identifying_details(page, live_server, a_post, screenshot_dir):
    page.goto(live_server.url + a_post.get_absolute_url())
    form = page.locator("form.comment-form")
    form.locator("textarea[name=body]").fill("Speaking as the only SPO in Durham, my manager Sarah is drowning.")
    form.locator("button[name=preview]").click()
    warning = page.locator(".identifying")
    assert "Could this identify you or a colleague?" in warning.inner_text()
    assert "SPO in Durham" in warning.locator("mark").all_inner_texts()
    page.screenshot(path=str(screenshot_dir / "identification-warning.png"))
    page.locator("form.comment-form button[name=post]").click()  # warned, not blocked
    assert Comment.objects.get().state == "published"


def test_appeal_is_decided_by_a_second_moderator(page, live_server, a_post, django_user_model):
    first = _moderator(django_user_model, "first")
    _moderator(django_user_model, "second")
    page.goto(live_server.url + a_post.get_absolute_url())
    form = page.locator("form.comment-form")
    form.locator("textarea[name=body]").fill("The new target regime is failing our clients.")
    form.locator("button[name=post]").click()
    comment = Comment.objects.get()
    comment_remove(comment=comment, moderator=first, rule="disrespectful")

    page.goto(live_server.url + a_post.get_absolute_url())
    page.locator(f"#{comment.anchor} a", has_text="Appeal this decision").click()
    page.fill("textarea[name=text]", "It criticises a policy, not a person.")
    page.click("button:has-text('Send appeal')")
    assert "Your appeal is with a second moderator." in page.locator(".messages").inner_text()

    refused = _uphold_appeals_as(page.context.browser, live_server, "first")
    assert "must be decided by a different moderator" in refused
    upheld = _uphold_appeals_as(page.context.browser, live_server, "second")
    assert "1 appeal(s) upheld." in upheld
    assert Appeal.objects.get().outcome == "upheld"
    page.goto(live_server.url + a_post.get_absolute_url())
    assert "The new target regime is failing our clients." in page.locator(f"#{comment.anchor}").inner_text()


def test_redaction_is_seen_on_the_public_page(page, live_server, a_post, django_user_model, screenshot_dir):
    _moderator(django_user_model, "mod")
    comment = make_comment(a_post, body="SPO Karen Smith lied on the audit. Caseloads are at 140%.", state="held")
    _log_in(page, live_server, "mod")
    page.goto(live_server.url + f"/admin/moderation/queueitem/{comment.pk}/change/")
    page.click("text=Strike out part of this comment")
    page.fill("textarea[name=text]", "SPO Karen Smith lied on the audit.")
    page.select_option("select[name=rule]", "defamatory")
    page.click("input[type=submit][value='Strike it out']")
    page.goto(live_server.url + "/admin/moderation/queueitem/")
    page.check(f"input[name=_selected_action][value='{comment.pk}']")
    page.select_option("select[name=action]", "approve")
    page.click("button[name=index]")

    page.goto(live_server.url + a_post.get_absolute_url())
    text = page.locator(f"#{comment.anchor}").inner_text()
    assert "[removed under rule 4] Caseloads are at 140%." in text
    assert "Karen Smith" not in page.content()
    page.locator(f"#{comment.anchor}").scroll_into_view_if_needed()
    page.screenshot(path=str(screenshot_dir / "redacted-comment.png"))
