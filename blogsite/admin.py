"""Posts and labels in the admin.

Imported posts are owned by their archive: ``import_archive`` updates a post
found by its source id and would silently overwrite an edit made here, so
the fields it writes are read-only on imported posts. Posts written here are
typed as plain text and rendered by ``comments.markup`` like comments.
"""
from django.contrib import admin
from django.db.models import Count

from blogsite.models import Label, Post
from comments import markup

# What blogsite.archives.loader writes on every re-import.
IMPORTED_FIELDS = (
    "title",
    "kind",
    "author",
    "body",
    "published",
    "updated",
    "source_id",
    "source_file",
    "source_url",
    "claimed_comment_count",
)


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "published", "label_list", "comment_total", "imported")
    list_filter = ("kind", "labels", "published")
    search_fields = ("title", "body", "slug")
    date_hierarchy = "published"
    prepopulated_fields = {"slug": ("title",)}
    filter_horizontal = ("labels",)
    fieldsets = (
        (None, {"fields": ("title", "slug", "kind", "author", "published", "updated", "labels", "body")}),
        ("Source", {"fields": ("source_id", "source_file", "source_url", "claimed_comment_count")}),
    )

    def get_queryset(self, request):
        return (
            super().get_queryset(request).annotate(comment_total=Count("comments")).prefetch_related("labels")
        )

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.source_id:
            return IMPORTED_FIELDS
        return ("source_id", "source_file", "source_url", "claimed_comment_count")

    def get_prepopulated_fields(self, request, obj=None):
        # A read-only title cannot prepopulate; published URLs keep their slug.
        return {} if obj is not None else self.prepopulated_fields

    def save_model(self, request, obj, form, change):
        if "body" in form.changed_data:
            obj.body_html = markup.render_text(obj.body)
        super().save_model(request, obj, form, change)

    @admin.display(description="labels")
    def label_list(self, obj):
        return ", ".join(label.name for label in obj.labels.all())

    @admin.display(description="comments", ordering="comment_total")
    def comment_total(self, obj):
        return obj.comment_total

    @admin.display(description="imported", boolean=True)
    def imported(self, obj):
        return bool(obj.source_id)


@admin.register(Label)
class LabelAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "post_total")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(post_total=Count("posts"))

    @admin.display(description="posts", ordering="post_total")
    def post_total(self, obj):
        return obj.post_total
