"""Reader reports and the audit log of every moderation decision."""
from django.conf import settings
from django.db import models

from moderation.rules import RULES, RULES_VERSION

RULE_CHOICES = [(rule.code, f"{rule.number}. {rule.name}") for rule in RULES]


class Report(models.Model):
    """A reader saying a comment breaks a rule. Anonymous: the reporter is a
    keyed hash unique to this comment, so reports cannot be linked across
    comments or back to an address, but one browser counts once."""

    comment = models.ForeignKey("comments.Comment", on_delete=models.CASCADE, related_name="reports")
    rule = models.CharField(max_length=30, choices=RULE_CHOICES)
    note = models.CharField(max_length=500, blank=True)
    reporter_hash = models.CharField(max_length=64, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    resolved = models.BooleanField(default=False, db_index=True)

    class Meta:
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(fields=["comment", "reporter_hash"], name="one_report_per_reader")
        ]

    def __str__(self):
        return f"Report on comment {self.comment_id}: {self.get_rule_display()}"


class Decision(models.Model):
    """One entry in the audit log: who did what to which comment, and why."""

    class Action(models.TextChoices):
        HELD_BY_SCREENING = "screen_hold", "Held by screening"
        HELD_BY_REPORTS = "report_hold", "Held after reports"
        HELD_BY_MODE = "mode_hold", "Held (all comments are reviewed)"
        HELD_BY_SOURCE = "source_hold", "Held in the imported archive"
        APPROVED = "approve", "Approved"
        REMOVED = "remove", "Removed"
        RESTORED = "restore", "Restored"
        RESUBMITTED = "resubmit", "Edited and resubmitted by its author"
        DISMISSED = "dismiss", "Reports dismissed"
        AUTHOR_DELETED = "author_delete", "Deleted by its author"
        REDACTED = "redact", "Part removed (redacted)"
        APPEAL_UPHELD = "appeal_upheld", "Appeal upheld"
        APPEAL_REJECTED = "appeal_rejected", "Appeal rejected"

    comment = models.ForeignKey("comments.Comment", on_delete=models.CASCADE, related_name="decisions")
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text="Empty when the system decided (screening, reports).",
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    rule = models.CharField(max_length=30, choices=RULE_CHOICES, blank=True)
    note = models.TextField(blank=True)
    previous_body = models.TextField(
        blank=True, help_text="The text before an author's edit, for moderators only."
    )
    from_state = models.CharField(max_length=20)
    to_state = models.CharField(max_length=20)
    rules_version = models.CharField(max_length=20, default=RULES_VERSION)
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created", "-pk"]
        get_latest_by = "created"

    def __str__(self):
        who = self.moderator or "system"
        return f"{self.get_action_display()} by {who}"


class Appeal(models.Model):
    """An author asking for a second look at a hold or a removal.

    One per decision, filed with the author's private token, and decided by
    a different moderator from the one who made the decision appealed."""

    class Outcome(models.TextChoices):
        OPEN = "open", "Awaiting a second moderator"
        UPHELD = "upheld", "Upheld: comment reinstated"
        REJECTED = "rejected", "Rejected: decision stands"

    decision = models.OneToOneField(Decision, on_delete=models.CASCADE, related_name="appeal")
    comment = models.ForeignKey("comments.Comment", on_delete=models.CASCADE, related_name="appeals")
    text = models.TextField(help_text="Why the author thinks the decision was wrong.")
    created = models.DateTimeField(auto_now_add=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.OPEN, db_index=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True, help_text="The second moderator's reasons, shown to the author.")

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return f"Appeal on comment {self.comment_id} ({self.get_outcome_display()})"


# The queue is a proxy of Comment with its own admin and permissions; import
# it here so the model exists whether or not the admin is loaded.
from moderation.queue import QueueItem  # noqa: E402, F401
