"""A moderator strikes just the offending words and publishes the rest."""
import pytest
from django.test import Client

from comments.markup import LINK_REL
from comments.services import comment_submit
from moderation.models import Decision
from moderation.services import ModerationError, comment_approve, comment_redact
from tests.factories import make_comment, pin_screening
from tests.security.hostile_html import parse

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


def _shown(body_html):
    """(the links' attributes, the text) as a browser reads them."""
    div = parse(f"<div>{body_html}</div>").find(".//div")
    return [a.attrib for a in div.iter("a")], "".join(div.itertext()).strip()


@pytest.mark.parametrize("word", ["rel", "href", "nofollow", "ugc", "noopener"])
def test_redacting_a_word_leaves_the_links_attributes_alone(a_post, moderator, word):
    comment = make_comment(a_post, body=f"See https://example.org/figures for the {word} notes.")
    comment_redact(comment=comment, moderator=moderator, text=word, rule="abusive")
    comment.refresh_from_db()
    links, text = _shown(comment.body_html)
    assert links == [{"href": "https://example.org/figures", "rel": LINK_REL}]
    assert text == "See https://example.org/figures for the [removed under rule 1] notes."


def test_redacting_letters_of_an_escaped_character_strikes_only_the_words(a_post, moderator):
    comment = make_comment(a_post, body="Fish & chips; they amp up the volume.")
    comment_redact(comment=comment, moderator=moderator, text="amp", rule="abusive")
    comment.refresh_from_db()
    assert _shown(comment.body_html)[1] == "Fish & chips; they [removed under rule 1] up the volume."


def test_redacting_a_links_address_unlinks_it(a_post, moderator):
    comment = make_comment(a_post, body="Her home address is at https://example.org/karen-smith now.")
    comment_redact(comment=comment, moderator=moderator, text="karen-smith", rule="defamatory")
    comment.refresh_from_db()
    assert _shown(comment.body_html) == ([], "Her home address is at https://example.org/[removed under rule 4] now.")


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
