"""Every comment, for staff who look after the site rather than the queue.

Moderation (approve, remove, restore) happens in the queue, which records a
Decision for each; here the state, screening fields and the body are
read-only (the author's words are the evidence, and an edit here would skip
screening). A superuser may move a misplaced reply or fix a name; the tree
fields stay mptt's business.
"""
from django import forms
from django.contrib import admin
from django.utils.text import Truncator
from mptt.forms import MPTTAdminForm

from comments.models import Comment

TREE_FIELDS = ("tree_id", "lft", "rght", "level")


class CommentAdminForm(MPTTAdminForm):
    """mptt's form refuses a parent inside the comment's own subtree; a
    parent on another post would split a thread across two pages."""

    def clean(self):
        cleaned = super().clean()
        parent = cleaned.get("parent")
        if parent is not None and parent.post_id != self.instance.post_id:
            raise forms.ValidationError("A reply's parent must be on the same post.")
        return cleaned


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    form = CommentAdminForm
    list_display = ("excerpt", "author_name", "post", "state", "created", "level")
    list_filter = ("state", ("post", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("post",)
    search_fields = ("body", "author_name", "post__title", "source_id")
    ordering = ("post", "tree_id", "lft")
    raw_id_fields = ("parent",)
    fieldsets = (
        (None, {"fields": ("post", "parent", "author_name", "body", "created", "edited")}),
        (
            "Moderation (change it from the queue)",
            {"fields": ("state", "flagged_rules", "screen_score", "removed_rule", "open_reports")},
        ),
        ("Tree and source", {"fields": (*TREE_FIELDS, "source_id"), "classes": ["collapse"]}),
    )
    readonly_fields = (
        "post",
        "body",
        "created",
        "edited",
        "state",
        "flagged_rules",
        "screen_score",
        "removed_rule",
        "open_reports",
        *TREE_FIELDS,
        "source_id",
    )

    def has_add_permission(self, request):
        # New comments are screened by comments.services.comment_submit.
        return False

    @admin.display(description="comment", ordering="body")
    def excerpt(self, obj):
        return Truncator(obj.body).chars(80)
