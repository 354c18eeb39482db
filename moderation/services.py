"""Every moderation write: screening results, state changes, reports.

Each function is keyword-only, atomic, records a Decision (the audit log) and
returns the comment. Views, admin actions and management commands all call
these, so the log cannot be bypassed.
"""
import hashlib
import hmac
from functools import lru_cache

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from comments import markup
from comments.models import Comment
from comments.threads import bump_thread_cache
from moderation.models import Appeal, Decision, Report
from moderation.rules import RULES_BY_CODE
from moderation.screening import screen

State = Comment.State
Action = Decision.Action


class ModerationError(ValueError):
    """A decision that cannot apply to the comment as it stands."""


# What a name can break on sight: profanity, slurs or a threat in it (rule 1).
# The screener's other rules are read by heads trained on comments, which
# take a bare "Amanda Wood" for spam about one time in seven.
_NAME_RULES = ("abusive",)


@lru_cache(maxsize=4096)
def _screen_name(name):
    """(rules, score, evidence) of a name, for ``_NAME_RULES`` only.

    Names repeat on every comment a regular writes: an import of a big
    archive screens each distinct name once. A name quotes nobody.
    """
    verdict = screen(name, quote_aware=False)
    rules = tuple(code for code in verdict.rules if code in _NAME_RULES)
    return rules, (verdict.score if rules else 0.0), tuple(e for e in verdict.evidence if e.rule in rules)


def screen_fields(*, body, author_name=""):
    """Screen a comment's text and its name; evidence says which field."""
    verdict = screen(body)
    evidence = [dict(item, field="body") for item in verdict.to_dict()["evidence"]]
    rules = list(verdict.rules)
    score = verdict.score
    if author_name:
        name_rules, name_score, name_evidence = _screen_name(author_name)
        evidence += [dict(e.to_dict(), field="name") for e in name_evidence]
        rules += [code for code in name_rules if code not in rules]
        score = max(score, name_score)
    rules.sort(key=lambda code: RULES_BY_CODE[code].number)
    return rules, score, evidence


def apply_screening(comment):
    """Set the screening fields on an unsaved or changed comment (no save)."""
    name = "" if comment.author_name == "Anonymous" else comment.author_name
    rules, score, evidence = screen_fields(body=comment.body, author_name=name)
    comment.flagged_rules = " ".join(rules)
    comment.screen_score = score
    comment.evidence = evidence
    return rules


def initial_state(rules):
    """The state a new or resubmitted comment starts in, and why."""
    mode = settings.MODERATION_MODE
    if mode == "all":
        return State.HELD, Action.HELD_BY_MODE
    if mode == "screen" and rules:
        return State.HELD, Action.HELD_BY_SCREENING
    return State.PUBLISHED, None


def record(*, comment, action, from_state, moderator=None, rule="", note="", previous_body=""):
    """Log a decision; the post's cached comment pages are stale from now on."""
    bump_thread_cache(comment.post_id)
    return Decision.objects.create(
        comment=comment,
        action=action,
        moderator=moderator,
        rule=rule,
        note=note,
        from_state=from_state,
        to_state=comment.state,
        previous_body=previous_body,
    )


def _locked(comment):
    return Comment.objects.select_for_update().get(pk=comment.pk)


def _resolve_reports(comment):
    comment.reports.filter(resolved=False).update(resolved=True)
    comment.open_reports = 0


@transaction.atomic
def comment_approve(*, comment, moderator, note=""):
    """Publish a held comment, or clear the reports on a published one."""
    comment = _locked(comment)
    if comment.state == State.REMOVED:
        raise ModerationError("a removed comment is restored, not approved")
    if "self_harm" in comment.rule_codes:
        # Rule 5: the held text is never published with method detail.
        raise ModerationError(
            "it may describe self-harm methods: redact that part first, or remove it under rule 5"
        )
    before = comment.state
    action = Action.APPROVED if before == State.HELD else Action.DISMISSED
    comment.state = State.PUBLISHED
    _resolve_reports(comment)
    comment.save(update_fields=["state", "open_reports"])
    record(comment=comment, action=action, from_state=before, moderator=moderator, note=note)
    return comment


@transaction.atomic
def comment_remove(*, comment, moderator, rule, note=""):
    """Take a comment off the page, citing the published rule it breaks."""
    if rule not in RULES_BY_CODE:
        raise ModerationError(f"unknown rule {rule!r}")
    comment = _locked(comment)
    before = comment.state
    comment.state = State.REMOVED
    comment.removed_rule = rule
    _resolve_reports(comment)
    comment.save(update_fields=["state", "removed_rule", "open_reports"])
    record(comment=comment, action=Action.REMOVED, from_state=before, moderator=moderator, rule=rule, note=note)
    return comment


@transaction.atomic
def comment_restore(*, comment, moderator, note=""):
    """Put a removed comment back on the page."""
    comment = _locked(comment)
    if comment.state != State.REMOVED:
        raise ModerationError("only a removed comment can be restored")
    before = comment.state
    comment.state = State.PUBLISHED
    comment.removed_rule = ""
    comment.save(update_fields=["state", "removed_rule"])
    record(comment=comment, action=Action.RESTORED, from_state=before, moderator=moderator, note=note)
    return comment


def reporter_hash(*, comment, client_key):
    """Unique per (comment, reader), unlinkable across comments."""
    message = f"{comment.pk}:{client_key}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


class DuplicateReport(ModerationError):
    pass


@transaction.atomic
def report_file(*, comment, rule, note="", client_key):
    """Record a reader's report; enough distinct reports hold the comment."""
    if rule not in RULES_BY_CODE:
        raise ModerationError(f"unknown rule {rule!r}")
    comment = _locked(comment)
    try:
        with transaction.atomic():
            report = Report.objects.create(
                comment=comment,
                rule=rule,
                note=note,
                reporter_hash=reporter_hash(comment=comment, client_key=client_key),
            )
    except IntegrityError as error:
        raise DuplicateReport("you have already reported this comment") from error
    comment.open_reports = comment.reports.filter(resolved=False).count()
    fields = ["open_reports"]
    if comment.state == State.PUBLISHED and comment.open_reports >= settings.MODERATION_REPORTS_TO_HOLD:
        comment.state = State.HELD
        fields.append("state")
        comment.save(update_fields=fields)
        record(
            comment=comment,
            action=Action.HELD_BY_REPORTS,
            from_state=State.PUBLISHED,
            rule=rule,
            note=f"{comment.open_reports} readers reported it",
        )
    else:
        comment.save(update_fields=fields)
    return report


@transaction.atomic
def comment_redact(*, comment, moderator, text, rule, note=""):
    """Strike one span (a name, a slur, method detail) and keep the rest.

    The public text shows "[removed under rule N]" in its place; the original
    is kept in the audit log for moderators only. The comment is screened
    again, so approving it afterwards sees only what is left.
    """
    if rule not in RULES_BY_CODE:
        raise ModerationError(f"unknown rule {rule!r}")
    comment = _locked(comment)
    text = text.strip()
    marker = f"[removed under rule {RULES_BY_CODE[rule].number}]"
    struck_html = markup.strike(comment.body_html, text, marker) if text and text in comment.body else None
    if struck_html is None:
        raise ModerationError("that text is not in the comment (pick words within one paragraph)")
    previous = comment.body
    comment.body = comment.body.replace(text, marker)
    comment.body_html = struck_html
    apply_screening(comment)
    comment.save()
    record(
        comment=comment,
        action=Action.REDACTED,
        from_state=comment.state,
        moderator=moderator,
        rule=rule,
        note=note,
        previous_body=previous,
    )
    return comment


APPEALABLE = (Action.HELD_BY_SCREENING, Action.HELD_BY_REPORTS, Action.HELD_BY_MODE, Action.REMOVED)


def appealable_decision(comment):
    """The decision an author may appeal: the one that hid their comment."""
    if comment.state not in (State.HELD, State.REMOVED):
        return None
    return comment.decisions.filter(action__in=APPEALABLE).order_by("-created", "-pk").first()


@transaction.atomic
def appeal_file(*, comment, text):
    """File the author's appeal (the caller has checked their token)."""
    decision = appealable_decision(comment)
    if decision is None:
        raise ModerationError("there is no decision on this comment to appeal")
    if Appeal.objects.filter(decision=decision).exists():
        raise ModerationError("this decision has already been appealed")
    return Appeal.objects.create(decision=decision, comment=comment, text=text.strip())


@transaction.atomic
def appeal_decide(*, appeal, moderator, uphold, note=""):
    """A second moderator decides; upholding reinstates the comment."""
    appeal = Appeal.objects.select_for_update().select_related("decision", "comment").get(pk=appeal.pk)
    if appeal.outcome != Appeal.Outcome.OPEN:
        raise ModerationError("this appeal has already been decided")
    if appeal.decision.moderator_id == moderator.pk:
        raise ModerationError("an appeal must be decided by a different moderator")
    comment = _locked(appeal.comment)
    before = comment.state
    if uphold:
        comment.state = State.PUBLISHED
        comment.removed_rule = ""
        _resolve_reports(comment)
        comment.save(update_fields=["state", "removed_rule", "open_reports"])
    appeal.outcome = Appeal.Outcome.UPHELD if uphold else Appeal.Outcome.REJECTED
    appeal.decided_by = moderator
    appeal.decided_at = timezone.now()
    appeal.note = note
    appeal.save()
    record(
        comment=comment,
        action=Action.APPEAL_UPHELD if uphold else Action.APPEAL_REJECTED,
        from_state=before,
        moderator=moderator,
        rule=appeal.decision.rule,
        note=note,
    )
    return appeal
