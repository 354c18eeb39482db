"""A moderator strikes just the offending words and publishes the rest."""
import pytest
from django.test import Client

from comments.services import comment_submit
from moderation.models import Decision
from moderation.services import ModerationError, comment_approve, comment_redact
from tests.factories import make_comment, pin_screening

METHOD = "Last night I took 30 paracetamol."


@pytest.fixture
def moderator(django_user_model):
    return django_user_model.objects.create(username="mod", is_staff=True)


def test_redacted_span_shows_the_rule_and_the_rest_is_published(a_post, moderator):
    comment = make_comment(a_post, body="Our SPO Karen Smith fiddles her expenses. Workloads are crushing.", state="held")
    comment_redact(comment=comment, moderator=moderator, text="Our SPO Karen Smith fiddles her expenses.", rule="defamatory")
    comment.refresh_from_db()
    assert comment.body == "[removed under rule 4] Workloads are crushing."
    comment_approve(comment=comment, moderator=moderator)
    html = Client().get(a_post.get_absolute_url()).content.decode()
    assert "[removed under rule 4] Workloads are crushing." in html
    assert "Karen Smith" not in html
    log = Decision.objects.get(comment=comment, action="redact")
    assert "Karen Smith fiddles" in log.previous_body
    assert (log.moderator, log.rule) == (moderator, "defamatory")


def test_redacting_text_not_in_the_comment_is_refused(a_post, moderator):
    comment = make_comment(a_post, body="Plain text.")
    with pytest.raises(ModerationError):
        comment_redact(comment=comment, moderator=moderator, text="not there", rule="abusive")


@pytest.fixture
def method_detail_is_held(monkeypatch):
    """The screener holds METHOD under rule 5; what is left after redaction
    breaks nothing."""
    pin_screening(monkeypatch, {
        METHOD: ["self_harm"],
        f"{METHOD} The job did this to me.": ["self_harm"],
        "[removed under rule 5] The job did this to me.": [],
    })


def test_self_harm_hold_cannot_be_approved_until_the_detail_is_gone(a_post, moderator, method_detail_is_held):
    text = f"{METHOD} The job did this to me."
    comment, _ = comment_submit(post=a_post, body=text)
    assert comment.state == "held" and "self_harm" in comment.rule_codes
    with pytest.raises(ModerationError, match="redact"):
        comment_approve(comment=comment, moderator=moderator)
    comment_redact(
        comment=comment,
        moderator=moderator,
        text=METHOD,
        rule="self_harm",
    )
    comment.refresh_from_db()
    assert "self_harm" not in comment.rule_codes
    comment_approve(comment=comment, moderator=moderator)
    assert "paracetamol" not in Client().get(a_post.get_absolute_url()).content.decode()


def test_self_harm_hold_shows_the_author_support_lines(client, a_post, method_detail_is_held):
    from django.urls import reverse

    response = client.post(reverse("comments:submit", args=[a_post.pk]), {"body": METHOD, "post": "1"})
    html = client.get(response["Location"]).content.decode()
    assert "116 123" in html and "Employee Assistance Programme" in html
    assert "paracetamol" not in Client().get(a_post.get_absolute_url()).content.decode()
