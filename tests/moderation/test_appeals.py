"""Authors appeal a decision once; a different moderator decides; it is logged."""
import pytest
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from moderation.models import Appeal, Decision
from moderation.services import ModerationError, appeal_decide, comment_remove


@pytest.fixture
def moderators(django_user_model):
    return (
        django_user_model.objects.create(username="first", is_staff=True),
        django_user_model.objects.create(username="second", is_staff=True),
    )


def _write(client, post, body):
    client.post(reverse("comments:submit", args=[post.pk]), {"body": body, "post": "1"})
    return Comment.objects.latest("pk")


def test_author_appeals_a_removal_and_a_second_moderator_upholds_it(client, a_post, moderators):
    first, second = moderators
    comment = _write(client, a_post, "The regional director's plan will not fix recruitment.")
    comment_remove(comment=comment, moderator=first, rule="personal_attack")
    page = client.get(a_post.get_absolute_url()).content.decode()
    assert reverse("comments:appeal", args=[comment.pk]) in page
    client.post(reverse("comments:appeal", args=[comment.pk]), {"text": "It criticises a plan, not a person."})
    appeal = Appeal.objects.get()
    assert appeal.decision.moderator == first and appeal.outcome == "open"

    with pytest.raises(ModerationError, match="different moderator"):
        appeal_decide(appeal=appeal, moderator=first, uphold=True)
    appeal_decide(appeal=appeal, moderator=second, uphold=True, note="Policy criticism is allowed.")
    comment.refresh_from_db()
    assert comment.state == "published"
    logged = Decision.objects.get(comment=comment, action="appeal_upheld")
    assert (logged.moderator, logged.rule) == (second, "personal_attack")
    assert "will not fix recruitment" in Client().get(a_post.get_absolute_url()).content.decode()


def test_one_appeal_per_decision(client, a_post, moderators):
    comment = _write(client, a_post, "They haven't a fucking clue.")  # held by screening
    url = reverse("comments:appeal", args=[comment.pk])
    client.post(url, {"text": "First try."})
    response = client.post(url, {"text": "Second try."}, follow=True)
    assert "already been appealed" in response.content.decode()
    assert Appeal.objects.count() == 1
    appeal_decide(appeal=Appeal.objects.get(), moderator=moderators[0], uphold=False, note="Rule 1 stands.")
    comment.refresh_from_db()
    assert comment.state == "held"
    assert Decision.objects.filter(comment=comment, action="appeal_rejected").exists()
    with pytest.raises(ModerationError, match="already been decided"):
        appeal_decide(appeal=Appeal.objects.get(), moderator=moderators[1], uphold=True)


def test_only_the_author_can_appeal(client, a_post):
    comment = _write(client, a_post, "They haven't a fucking clue.")
    assert Client().post(reverse("comments:appeal", args=[comment.pk]), {"text": "x"}).status_code == 403
    assert Appeal.objects.count() == 0
