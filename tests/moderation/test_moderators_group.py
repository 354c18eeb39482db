"""The Moderators group can work the queue and read the log, nothing more."""
import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from comments.models import Comment
from moderation.models import Decision
from tests.factories import make_comment

QUEUE = reverse("admin:moderation_queueitem_changelist")


@pytest.fixture
def moderator(db):
    user = User.objects.create_user("moderator", is_staff=True)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def held(a_post):
    return make_comment(a_post, body="You lot are f*cking useless.", state="held", flagged_rules="abusive")


def test_moderators_group_has_exactly_the_queue_permissions(db):
    group = Group.objects.get(name="Moderators")
    assert sorted(f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()) == [
        "blogsite.view_post",
        "comments.view_comment",
        "moderation.change_appeal",  # deciding appeals (0005)
        "moderation.change_queueitem",
        "moderation.view_appeal",
        "moderation.view_decision",
        "moderation.view_queueitem",
        "moderation.view_report",
    ]


def test_moderator_works_the_queue(client, moderator, held):
    client.force_login(moderator)
    assert held.pk in [c.pk for c in client.get(QUEUE).context["cl"].result_list]
    client.post(QUEUE, {"action": "remove_abusive", "_selected_action": [held.pk]})
    held.refresh_from_db()
    assert (held.state, held.removed_rule) == ("removed", "abusive")
    assert Decision.objects.get().moderator == moderator


def test_moderator_reads_comments_posts_and_the_log(client, moderator, held):
    client.force_login(moderator)
    for url in (
        reverse("admin:moderation_queueitem_change", args=[held.pk]),
        reverse("admin:comments_comment_change", args=[held.pk]),
        reverse("admin:blogsite_post_change", args=[held.post.pk]),
        reverse("admin:moderation_decision_changelist"),
        reverse("admin:moderation_report_changelist"),
    ):
        assert client.get(url).status_code == 200, url


def test_moderator_cannot_add_delete_or_edit(client, moderator, held):
    client.force_login(moderator)
    forbidden = [
        reverse("admin:comments_comment_delete", args=[held.pk]),
        reverse("admin:blogsite_post_add"),
        reverse("admin:blogsite_post_delete", args=[held.post.pk]),
        reverse("admin:moderation_decision_add"),
    ]
    for url in forbidden:
        assert client.get(url).status_code == 403, url
    assert client.post(reverse("admin:comments_comment_change", args=[held.pk]), {"author_name": "x"}).status_code == 403
    assert client.post(reverse("admin:moderation_queueitem_change", args=[held.pk]), {}).status_code == 403
    client.post(QUEUE, {"action": "delete_selected", "_selected_action": [held.pk], "post": "yes"})
    assert Comment.objects.filter(pk=held.pk).exists()


def test_queue_has_no_add_or_delete_pages(client, moderator, held):
    client.force_login(moderator)
    html = client.get(QUEUE).content.decode()
    assert "delete_selected" not in html
    assert reverse("admin:moderation_queueitem_change", args=[held.pk]) + "delete/" not in html


def test_non_staff_member_is_sent_to_login(client, moderator):
    moderator.is_staff = False
    moderator.save()
    client.force_login(moderator)
    response = client.get(QUEUE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_staff_outside_the_group_cannot_see_the_queue(client, db):
    client.force_login(User.objects.create_user("editor", is_staff=True))
    assert client.get(QUEUE).status_code == 403
