"""Admin pages for redaction, author edits and appeals."""
import pytest
from django.urls import reverse

from comments.models import Comment
from moderation.models import Appeal, Decision
from moderation.services import comment_remove
from tests.factories import make_comment


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("boss", password=None)


def test_moderator_redacts_a_span_from_the_change_page(client, admin_user, a_post):
    comment = make_comment(a_post, body="Our SPO Dave Jones is a liar. Caseloads are 140%.", state="held")
    client.force_login(admin_user)
    change = client.get(reverse("admin:moderation_queueitem_change", args=[comment.pk])).content.decode()
    url = reverse("admin:moderation_queueitem_redact", args=[comment.pk])
    assert url in change
    response = client.post(url, {"text": "Our SPO Dave Jones is a liar.", "rule": "defamatory", "note": "named staff"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.body == "[removed under rule 4] Caseloads are 140%."
    assert Decision.objects.get(comment=comment, action="redact").moderator == admin_user


def test_redacting_missing_words_shows_an_error(client, admin_user, a_post):
    comment = make_comment(a_post, body="Nothing to see.", state="held")
    client.force_login(admin_user)
    url = reverse("admin:moderation_queueitem_redact", args=[comment.pk])
    response = client.post(url, {"text": "not there", "rule": "abusive"})
    assert response.status_code == 200
    assert "that text is not in the comment" in response.content.decode()


def test_change_page_shows_what_the_author_changed(client, admin_user, a_post):
    client.post(reverse("comments:submit", args=[a_post.pk]), {"body": "The managers are fucking useless.", "post": "1"})
    comment = Comment.objects.get()
    client.post(reverse("comments:edit", args=[comment.pk]), {"body": "The managers are fucking hopeless."})
    client.force_login(admin_user)
    html = client.get(reverse("admin:moderation_queueitem_change", args=[comment.pk])).content.decode()
    assert "<del>useless.</del>" in html and "<ins>hopeless.</ins>" in html


def test_appeal_is_decided_in_the_admin_by_a_second_moderator(client, admin_user, a_post, django_user_model):
    from django.contrib.auth.models import Group

    first = django_user_model.objects.create(username="first", is_staff=True)
    first.groups.add(Group.objects.get(name="Moderators"))
    comment = make_comment(a_post, body="Fair criticism.")
    comment_remove(comment=comment, moderator=first, rule="disrespectful")
    appeal = Appeal.objects.create(decision=Decision.objects.get(comment=comment), comment=comment, text="Unfair.")
    changelist = reverse("admin:moderation_appeal_changelist")

    client.force_login(first)  # the moderator who removed it may not decide
    response = client.post(changelist, {"action": "uphold_appeals", "_selected_action": [appeal.pk]}, follow=True)
    assert "must be decided by a different moderator" in response.content.decode()
    appeal.refresh_from_db()
    assert appeal.outcome == "open"

    client.force_login(admin_user)
    assert "Fair criticism." in client.get(changelist).content.decode()
    client.post(changelist, {"action": "uphold_appeals", "_selected_action": [appeal.pk]})
    appeal.refresh_from_db()
    comment.refresh_from_db()
    assert (appeal.outcome, appeal.decided_by, comment.state) == ("upheld", admin_user, "published")
