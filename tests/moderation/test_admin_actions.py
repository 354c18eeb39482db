"""Bulk actions in the queue go through the services and leave an audit trail."""
import pytest
from django.contrib.messages import get_messages
from django.contrib.admin import site
from django.urls import reverse

from comments.models import Comment
from moderation.models import Decision
from moderation.queue import QueueItem
from moderation.rules import RULES, RULES_VERSION
from tests.factories import make_comment

QUEUE = reverse("admin:moderation_queueitem_changelist")


def _act(client, action, comments, query=""):
    response = client.post(
        QUEUE + query,
        {"action": action, "_selected_action": [c.pk for c in comments], "index": 0},
        follow=True,
    )
    assert response.status_code == 200
    return [str(message) for message in get_messages(response.wsgi_request)]


def _states(*comments):
    return [Comment.objects.get(pk=c.pk).state for c in comments]


@pytest.fixture
def held_pair(a_post):
    return [make_comment(a_post, state="held", flagged_rules="abusive") for _ in range(2)]


def test_approve_publishes_held_comments_and_logs_each(admin_client, admin_user, held_pair):
    messages = _act(admin_client, "approve", held_pair)
    assert _states(*held_pair) == ["published", "published"]
    assert messages == ["Approved 2 comments."]
    decisions = Decision.objects.filter(comment__in=held_pair)
    assert [(d.action, d.moderator, d.rules_version, d.from_state, d.to_state) for d in decisions] == [
        ("approve", admin_user, RULES_VERSION, "held", "published")
    ] * 2


def test_approve_dismisses_reports_on_a_published_comment(admin_client, a_post):
    reported = make_comment(a_post, open_reports=2)
    _act(admin_client, "approve", [reported])
    reported.refresh_from_db()
    assert (reported.state, reported.open_reports) == ("published", 0)
    assert Decision.objects.get(comment=reported).action == "dismiss"


def test_remove_cites_the_rule_of_the_action(admin_client, admin_user, held_pair):
    messages = _act(admin_client, "remove_personal_attack", held_pair)
    assert messages == ["Removed under rule 3: 2 comments."]
    for comment in Comment.objects.filter(pk__in=[c.pk for c in held_pair]):
        assert (comment.state, comment.removed_rule) == ("removed", "personal_attack")
    decision = Decision.objects.filter(comment=held_pair[0]).get()
    assert (decision.action, decision.rule, decision.moderator, decision.rules_version) == (
        "remove",
        "personal_attack",
        admin_user,
        RULES_VERSION,
    )


def test_every_removal_action_names_a_rule(admin_user, rf):
    request = rf.get(QUEUE)
    request.user = admin_user
    actions = site.get_model_admin(QueueItem).get_actions(request)
    removals = {name: description for name, (_, _, description) in actions.items() if "remove" in name}
    assert removals == {
        f"remove_{rule.code}": f"Remove citing rule {rule.number}: {rule.name}" for rule in RULES
    }
    assert set(actions) == {"approve", "restore", *removals}  # no delete_selected


def test_restore_brings_back_removed_comments(admin_client, admin_user, a_post):
    removed = [make_comment(a_post, state="removed", removed_rule="abusive") for _ in range(3)]
    messages = _act(admin_client, "restore", removed, query="?state=removed")
    assert messages == ["Restored 3 comments."]
    assert _states(*removed) == ["published"] * 3
    assert Comment.objects.get(pk=removed[0].pk).removed_rule == ""
    assert Decision.objects.filter(action="restore", moderator=admin_user).count() == 3


def test_actions_skip_comments_they_cannot_apply_to_and_say_why(admin_client, a_post):
    removed = make_comment(a_post, state="removed", removed_rule="abusive")
    messages = _act(admin_client, "approve", [removed], query="?state=removed")
    assert messages == ["Approved 0 comments. Skipped 1: a removed comment is restored, not approved."]
    held = make_comment(a_post, state="held")
    messages = _act(admin_client, "restore", [held])
    assert messages == ["Restored 0 comments. Skipped 1: only a removed comment can be restored."]
    assert _states(removed, held) == ["removed", "held"]
    assert not Decision.objects.exists()


def test_actions_reach_only_the_queue(admin_client, a_post):
    clean = make_comment(a_post)
    _act(admin_client, "remove_abusive", [clean])
    assert _states(clean) == ["published"]
