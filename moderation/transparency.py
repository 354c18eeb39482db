"""Monthly moderation figures for the public /moderation/ page.

Only counts and durations leave this module: never a comment's text, its
author or the moderator who decided. Every figure comes from the audit log
(Decision) or from Comment dates, read in a fixed number of queries however
much there is; medians are taken in Python over the month's decision pairs,
which keeps it the same on SQLite and PostgreSQL.

What each figure means (the page says the same in words):

* screened: comments submitted on the site that month (every new comment is
  screened before it is stored). Imported comments are screened too, but
  Comment keeps their original date, not the import date, so they are one
  all-time figure rather than a month's.
* held: holds that month (screening, readers' reports, "review everything"
  mode, or held in the imported archive), by the rule the hold cited.
* removed: removals that month, by the rule the moderator cited.
* reinstated: restores of removed comments, and approvals of comments held by
  screening or by reports, by the rule they had been held or removed for.
* median hours to decision: from the hold to the moderator's approval or
  removal that ended it, for decisions made that month, by the hold's rule.
* appeals upheld: appeals a second moderator upheld that month, by the rule
  of the decision appealed.
"""
from dataclasses import dataclass, field
from datetime import date
from statistics import median

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import TruncMonth

from comments.models import Comment
from moderation.models import Decision
from moderation.rules import RULES

Action = Decision.Action
HOLDS = (Action.HELD_BY_SCREENING, Action.HELD_BY_REPORTS, Action.HELD_BY_MODE, Action.HELD_BY_SOURCE)
# A comment held for one of these reasons and then approved was wrongly held.
REINSTATING_HOLDS = (Action.HELD_BY_SCREENING, Action.HELD_BY_REPORTS)
NO_RULE = ""


@dataclass
class Figures:
    """One row of a table: a rule in a month, or a month's total."""

    label: str
    held: int = 0
    removed: int = 0
    reinstated: int = 0
    appeals_upheld: int = 0
    hours: list = field(default_factory=list, repr=False)

    @property
    def decided(self):
        return len(self.hours)

    @property
    def median_hours(self):
        return round(median(self.hours), 1) if self.hours else None

    def add(self, other):
        self.held += other.held
        self.removed += other.removed
        self.reinstated += other.reinstated
        self.appeals_upheld += other.appeals_upheld
        self.hours.extend(other.hours)


@dataclass
class Month:
    month: date
    screened: int = 0
    by_rule: dict = field(default_factory=dict)

    @property
    def rules(self):
        """Every published rule in number order, then decisions citing none."""
        rows = [self.by_rule[rule.code] for rule in RULES]
        no_rule = self.by_rule[NO_RULE]
        used = no_rule.held or no_rule.removed or no_rule.reinstated or no_rule.appeals_upheld or no_rule.hours
        return rows + [no_rule] if used else rows

    @property
    def total(self):
        total = Figures("All rules")
        for figures in self.by_rule.values():
            total.add(figures)
        return total


@dataclass
class Transparency:
    months: list
    imported_screened: int


class _Months(dict):
    """Month (first day) -> Month, made on first mention."""

    def __missing__(self, key):
        by_rule = {rule.code: Figures(f"{rule.number}. {rule.name}") for rule in RULES}
        by_rule[NO_RULE] = Figures("No rule cited")
        self[key] = Month(month=key, by_rule=by_rule)
        return self[key]

    def of(self, truncated):
        # TruncMonth gives a local midnight datetime; the first day is the key.
        return self[truncated.date() if hasattr(truncated, "date") else truncated]

    def row(self, truncated, rule):
        by_rule = self.of(truncated).by_rule
        return by_rule.get(rule or NO_RULE, by_rule[NO_RULE])


def moderation_figures() -> Transparency:
    """Every month with any activity, newest first. Seven queries."""
    months = _Months()
    for item in _screened():
        months.of(item["month"]).screened = item["n"]
    for item in _holds_and_removals():
        figures = months.row(item["month"], item["rule"])
        if item["action"] == Action.REMOVED:
            figures.removed += item["n"]
        else:
            figures.held += item["n"]
    for item in _restores():
        months.row(item["month"], item["removed_for"]).reinstated += item["n"]
    for decision in _decisions_ending_holds():
        figures = months.row(decision["month"], decision["hold_rule"])
        if decision["hold_action"] in REINSTATING_HOLDS and decision["action"] == Action.APPROVED:
            figures.reinstated += 1
        figures.hours.append((decision["created"] - decision["held_at"]).total_seconds() / 3600)
    for item in _appeals_upheld():
        months.row(item["month"], item["rule"]).appeals_upheld += item["n"]
    imported = Comment.objects.exclude(source_id=None).count()
    newest_first = sorted(months.values(), key=lambda m: m.month, reverse=True)
    return Transparency(months=newest_first, imported_screened=imported)


def _screened():
    return (
        Comment.objects.filter(source_id=None, created__isnull=False)
        .annotate(month=TruncMonth("created"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by()
    )


def _holds_and_removals():
    return (
        Decision.objects.filter(action__in=[*HOLDS, Action.REMOVED])
        .annotate(month=TruncMonth("created"))
        .values("month", "action", "rule")
        .annotate(n=Count("pk"))
        .order_by()
    )


def _latest_before(actions, column):
    """The given column of the comment's last decision of these kinds before this one.

    Ordered by pk, not time: two decisions can share a timestamp, and a
    comment's decisions are written one at a time under its row lock.
    """
    return Subquery(
        Decision.objects.filter(comment=OuterRef("comment"), pk__lt=OuterRef("pk"), action__in=actions)
        .order_by("-pk")
        .values(column)[:1]
    )


def _restores():
    removed_for = _latest_before([Action.REMOVED], "rule")
    return (
        Decision.objects.filter(action=Action.RESTORED)
        .annotate(month=TruncMonth("created"), removed_for=removed_for)
        .values("month", "removed_for")
        .annotate(n=Count("pk"))
        .order_by()
    )


def _decisions_ending_holds():
    """A moderator's approval or removal of a held comment, with its hold."""
    return (
        Decision.objects.filter(
            Q(action=Action.APPROVED) | Q(action=Action.REMOVED),
            from_state=Comment.State.HELD,
            moderator__isnull=False,
        )
        .annotate(
            month=TruncMonth("created"),
            held_at=_latest_before(HOLDS, "created"),
            hold_rule=_latest_before(HOLDS, "rule"),
            hold_action=_latest_before(HOLDS, "action"),
        )
        .filter(held_at__isnull=False)
        .values("month", "action", "created", "held_at", "hold_rule", "hold_action")
    )


def _appeals_upheld():
    return (
        Decision.objects.filter(action=Action.APPEAL_UPHELD)
        .annotate(month=TruncMonth("created"))
        .values("month", "rule")
        .annotate(n=Count("pk"))
        .order_by()
    )
