"""Threaded comments: one django-mptt tree per top-level comment."""
from django.db import models
from django.urls import reverse
from mptt.models import MPTTModel, TreeForeignKey
from mptt.querysets import TreeQuerySet

ANONYMOUS = "Anonymous"


class CommentQuerySet(TreeQuerySet):
    def for_thread(self, post):
        # Held and removed rows stay in, so their replies keep their place;
        # templates show a placeholder instead of the text.
        return self.filter(post=post).order_by("tree_id", "lft")

    def published(self):
        return self.filter(state=Comment.State.PUBLISHED)

    def held(self):
        return self.filter(state=Comment.State.HELD)

    def needing_review(self):
        """The moderation queue: held, or published but reported."""
        return self.filter(
            models.Q(state=Comment.State.HELD)
            | models.Q(state=Comment.State.PUBLISHED, open_reports__gt=0)
        )


class Comment(MPTTModel):
    class State(models.TextChoices):
        PUBLISHED = "published", "Published"
        HELD = "held", "Held for review"
        REMOVED = "removed", "Removed"
        DELETED = "deleted", "Deleted by its author"

    post = models.ForeignKey("blogsite.Post", on_delete=models.CASCADE, related_name="comments")
    parent = TreeForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    author_name = models.CharField(max_length=100, default=ANONYMOUS)
    body = models.TextField(help_text="As written or imported; never shown raw.")
    body_html = models.TextField(editable=False)
    created = models.DateTimeField(
        null=True, blank=True, help_text="Unknown for comments copied from page text."
    )
    state = models.CharField(
        max_length=20, choices=State.choices, default=State.PUBLISHED, db_index=True
    )
    source_id = models.CharField(
        max_length=255,
        unique=True,
        null=True,
        blank=True,
        help_text="Where an imported comment came from, e.g. '001_x.txt#7'.",
    )

    # What screening (or a moderator) found: rule codes separated by spaces,
    # so the queue can filter on one with a plain `contains` on any database.
    flagged_rules = models.CharField(max_length=200, blank=True, db_index=True)
    screen_score = models.FloatField(null=True, blank=True)
    evidence = models.JSONField(default=list, blank=True, editable=False)
    removed_rule = models.CharField(
        max_length=30, blank=True, help_text="The published rule cited when it was removed."
    )
    open_reports = models.PositiveIntegerField(default=0, db_index=True)
    # The author's private edit token, hashed: whoever holds the token (the
    # browser that wrote the comment) may edit a held comment. No account.
    author_token_hash = models.CharField(max_length=64, blank=True, editable=False)
    edited = models.DateTimeField(null=True, blank=True)
    # Tells one "Anonymous" from another within this post only: a keyed hash
    # of the post and the writer's daily-rotating client key, so the same
    # person cannot be followed across posts (or days).
    anon_key = models.CharField(max_length=16, blank=True, editable=False)

    objects = CommentQuerySet.as_manager()

    class MPTTMeta:
        order_insertion_by = []

    class Meta:
        # Named explicitly: mptt adds tree_id after Django would derive a name.
        indexes = [models.Index(fields=["post", "tree_id", "lft"], name="comment_thread_order")]

    def __str__(self):
        return f"{self.author_name}: {self.body[:60]}"

    @property
    def anchor(self):
        return f"c{self.pk}"

    def get_absolute_url(self):
        return reverse("comments:permalink", kwargs={"pk": self.pk})

    @property
    def is_visible(self):
        return self.state == self.State.PUBLISHED

    @property
    def rule_codes(self):
        return self.flagged_rules.split()

    @property
    def rules(self):
        """The published rules this comment may break, in rule order."""
        from moderation.rules import RULES_BY_CODE

        return sorted((RULES_BY_CODE[c] for c in self.rule_codes if c in RULES_BY_CODE), key=lambda r: r.number)

    @property
    def placeholder(self):
        """What readers see in place of a comment they cannot read."""
        if self.state == self.State.HELD:
            return "Awaiting moderation."
        if self.state == self.State.DELETED:
            return "Deleted by its author."
        rule = self.removal_rule
        if rule:
            return f"Removed under rule {rule.number}: {rule.name.lower()}."
        return "Removed by a moderator."

    @property
    def removal_rule(self):
        from moderation.rules import RULES_BY_CODE

        return RULES_BY_CODE.get(self.removed_rule)
