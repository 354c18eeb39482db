"""A writer's name is screened for rule 1 only: what a name can break on sight."""
from django.urls import reverse

from comments.models import Comment
from moderation.services import screen_fields
from tests.factories import pin_screening

BODY = "A word on unification at last."


def test_profane_name_holds_the_comment(client, a_post):
    client.post(reverse("comments:submit", args=[a_post.pk]), {"body": BODY, "name": "Fuck Napo", "post": "1"})
    comment = Comment.objects.get()
    assert comment.state == "held"
    assert "abusive" in comment.rule_codes
    named = [(e["rule"], e["text"]) for e in comment.evidence if e["field"] == "name"]
    assert named == [("abusive", "Fuck")]


def test_name_read_as_another_rule_holds_nothing(monkeypatch):
    # The heads, trained on comments, can read a bare name as spam.
    pin_screening(monkeypatch, {"Amanda Wood": ["off_topic"], BODY: []})
    rules, score, evidence = screen_fields(body=BODY, author_name="Amanda Wood")
    assert (rules, evidence) == ([], [])
    assert score < 0.5
