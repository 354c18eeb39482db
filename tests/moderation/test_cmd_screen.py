"""`manage.py screen` re-screens stored comments; only --apply changes them."""
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from comments.models import Comment
from moderation.models import Decision


def _screen(*args):
    out, err = StringIO(), StringIO()
    call_command("screen", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _snapshot():
    return list(
        Comment.objects.order_by("pk").values_list("pk", "state", "flagged_rules", "screen_score", "evidence")
    ), Decision.objects.count()


def test_screen_jsonl_prints_one_object_per_comment_in_tree_order(import_seeds):
    import_seeds()
    out, err = _screen("--all", "--jsonl")
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 148
    assert all(set(line) == {"id", "source", "rules", "score", "evidence"} for line in lines)
    assert all(set(item) == {"rule", "text", "reason"} for line in lines for item in line["evidence"])
    assert "001_ffaae2317d11a2af.txt#7" in {line["source"] for line in lines}
    tree_order = Comment.objects.order_by("post_id", "tree_id", "lft").values_list("pk", flat=True)
    assert [line["id"] for line in lines] == list(tree_order)
    assert "Screened 148 comments" in err


def test_screen_jsonl_evidence_quotes_the_comment(import_seeds):
    import_seeds()
    out, _ = _screen("--all", "--jsonl")
    flagged = [json.loads(line) for line in out.splitlines() if json.loads(line)["rules"]]
    assert flagged
    for line in flagged:
        comment = Comment.objects.get(pk=line["id"])
        assert {item["rule"] for item in line["evidence"]} <= set(line["rules"])
        assert all(item["text"] in comment.body + comment.author_name for item in line["evidence"])


def test_screen_changes_nothing_without_apply(import_seeds):
    import_seeds()
    Comment.objects.update(state="published", flagged_rules="", screen_score=None, evidence=[])
    before = _snapshot()
    _screen("--all", "--jsonl")
    out, _ = _screen("--all")
    assert _snapshot() == before
    assert "nothing changed" in out


def test_screen_apply_holds_flagged_published_comments_and_logs_them(import_seeds):
    import_seeds()
    # As if imported before screening existed: all published, no flags.
    Comment.objects.update(state="published", flagged_rules="", screen_score=None, evidence=[])
    Decision.objects.all().delete()
    out, _ = _screen("--all", "--jsonl")
    flagged = {line["id"]: line["rules"] for line in map(json.loads, out.splitlines()) if line["rules"]}
    assert flagged

    _screen("--all", "--apply")

    assert dict(Comment.objects.filter(state="held").values_list("pk", "flagged_rules")) == {
        pk: " ".join(rules) for pk, rules in flagged.items()
    }
    decisions = Decision.objects.all()
    assert sorted(d.comment_id for d in decisions) == sorted(flagged)
    assert {(d.action, d.moderator, d.from_state, d.to_state) for d in decisions} == {
        ("screen_hold", None, "published", "held")
    }
    assert all(d.rule == flagged[d.comment_id][0] for d in decisions)
    assert all(c.evidence for c in Comment.objects.filter(state="held"))


def test_screen_apply_leaves_moderated_comments_alone(import_seeds):
    import_seeds()
    _screen("--all", "--apply")
    decisions = Decision.objects.count()
    _screen("--all", "--apply")  # already held, or removed: nothing to hold
    assert Decision.objects.count() == decisions
    assert not Comment.objects.filter(state="removed").exists()


def test_screen_post_screens_one_post(import_seeds):
    import_seeds()
    post = Comment.objects.get(source_id="001_ffaae2317d11a2af.txt#7").post
    out, _ = _screen("--post", post.slug, "--jsonl")
    assert {json.loads(line)["source"].split("#")[0] for line in out.splitlines()} == {"001_ffaae2317d11a2af.txt"}


def test_screen_needs_all_or_a_post(db):
    with pytest.raises(CommandError, match="--all --post"):
        _screen()
    with pytest.raises(CommandError, match="no comments"):
        _screen("--post", "no-such-post")
