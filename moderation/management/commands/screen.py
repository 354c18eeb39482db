"""``manage.py screen (--all | --post SLUG) [--jsonl] [--apply]``: re-screen stored comments.

Runs ``moderation.services.screen_fields`` over comments already in the
database, in tree order: to see what a new screener would flag (the default,
which changes nothing) or, with ``--apply``, to act on it. ``--apply``
stores the fresh screening results on every comment and holds each published
comment that trips a rule, logging a "held by screening" Decision for it.
It never publishes or removes anything: a comment the new screener finds
clean stays as a moderator left it.

``--jsonl`` prints one JSON object per comment (id, source, rules, score,
evidence) for diffing screener versions; any summary then goes to stderr.
"""
import json
from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from comments.models import ANONYMOUS, Comment
from moderation.models import Decision
from moderation.rules import RULES_BY_CODE
from moderation.services import record, screen_fields


class Command(BaseCommand):
    help = "Screen stored comments against the seven rules; --apply holds the flagged published ones."

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--all", action="store_true", help="Screen every comment.")
        which.add_argument("--post", metavar="SLUG", help="Screen the comments of one post.")
        parser.add_argument("--jsonl", action="store_true", help="One JSON object per comment.")
        parser.add_argument("--apply", action="store_true", help="Store results and hold flagged published comments.")

    def handle(self, *, post, jsonl, apply, **options):
        comments = Comment.objects.select_related("post").order_by("post_id", "tree_id", "lft")
        if post:
            comments = comments.filter(post__slug=post)
            if not comments.exists():
                raise CommandError(f"no comments on a post with slug {post!r}")
        flagged = held = 0
        by_rule = Counter()
        if not jsonl:
            self.stdout.write(f"{'source':<32} {'state':<10} {'score':>5}  rules")
        for comment in comments.iterator(chunk_size=500):
            name = "" if comment.author_name == ANONYMOUS else comment.author_name
            rules, score, evidence = screen_fields(body=comment.body, author_name=name)
            flagged += bool(rules)
            by_rule.update(rules)
            if jsonl:
                self.stdout.write(json.dumps(_line(comment, rules, score, evidence), ensure_ascii=False))
            else:
                self.stdout.write(_row(comment, rules, score))
            if apply:
                held += _store(comment, rules, score, evidence)
        total = comments.count()
        summary = f"Screened {total} comments: {flagged} flagged"
        summary += f", {held} held." if apply else " (nothing changed; --apply to hold)."
        for code, count in sorted(by_rule.items(), key=lambda item: RULES_BY_CODE[item[0]].number):
            rule = RULES_BY_CODE[code]
            summary += f"\n  rule {rule.number} ({rule.name}): {count}"
        (self.stderr if jsonl else self.stdout).write(summary)


def _line(comment, rules, score, evidence):
    return {
        "id": comment.pk,
        "source": comment.source_id,
        "rules": rules,
        "score": score,
        "evidence": [{key: item[key] for key in ("rule", "text", "reason")} for item in evidence],
    }


def _row(comment, rules, score):
    label = comment.source_id or f"#{comment.pk}"
    return f"{label:<32} {comment.state:<10} {score:5.2f}  {' '.join(rules) or '-'}"


def _store(comment, rules, score, evidence):
    """Save the results; hold the comment if it is published and flagged.
    Returns 1 if it was held. Locked, so a moderator's action in between
    is not overwritten with a stale state."""
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        comment.flagged_rules = " ".join(rules)
        comment.screen_score = score
        comment.evidence = evidence
        fields = ["flagged_rules", "screen_score", "evidence"]
        hold = bool(rules) and comment.state == Comment.State.PUBLISHED
        if hold:
            comment.state = Comment.State.HELD
            fields.append("state")
        comment.save(update_fields=fields)
        if hold:
            record(
                comment=comment,
                action=Decision.Action.HELD_BY_SCREENING,
                from_state=Comment.State.PUBLISHED,
                rule=rules[0],
                note="re-screened (manage.py screen): " + ", ".join(rules),
            )
    return int(hold)
