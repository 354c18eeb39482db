"""The moderation queue and the decision log, in the Django admin.

The queue is a proxy of Comment (``moderation.queue.QueueItem``) so that
moderators get their own page and permissions. Its change page is read-only:
every write is a bulk action that calls a service in
``moderation.services``, which records the Decision. Nothing here saves a
comment directly.
"""
import difflib

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, F, OuterRef, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from comments.models import Comment
from moderation.models import Appeal, Decision, Report
from moderation.queue import QueueItem
from moderation.rules import RULES, RULES_BY_CODE
from moderation.services import (
    ModerationError,
    appeal_decide,
    comment_approve,
    comment_redact,
    comment_remove,
    comment_restore,
)

State = Comment.State

BADGE = '<span class="rule-badge">{}. {}</span>'  # styled in moderation/admin.css


# --- Filters -----------------------------------------------------------------


class QueueStateFilter(admin.SimpleListFilter):
    """By state. The default ("Needing review") is the queue proper; "Removed"
    widens it to removed comments so that they can be restored from here."""

    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            (State.HELD, "Held for review"),
            ("reported", "Published, reported"),
            (State.REMOVED, "Removed"),
        ]

    def queryset(self, request, queryset):
        if self.value() == State.HELD:
            return queryset.filter(state=State.HELD)
        if self.value() == "reported":
            return queryset.filter(state=State.PUBLISHED, open_reports__gt=0)
        if self.value() == State.REMOVED:
            return queryset.filter(state=State.REMOVED)
        return queryset.needing_review()

    def choices(self, changelist):
        choices = list(super().choices(changelist))
        choices[0]["display"] = "Needing review"
        return choices


class RuleFilter(admin.SimpleListFilter):
    """By published rule: flagged by screening, or cited by an open report
    (a reader-reported comment usually has no screening flags)."""

    title = "rule"
    parameter_name = "rule"

    def lookups(self, request, model_admin):
        return [(rule.code, f"{rule.number}. {rule.name}") for rule in RULES]

    def queryset(self, request, queryset):
        code = self.value()
        if code not in RULES_BY_CODE:
            return queryset
        # Plain `contains` works on every database; no code is a substring
        # of another, so "advert" cannot match a different rule.
        reported = Report.objects.filter(comment=OuterRef("pk"), rule=code, resolved=False)
        return queryset.filter(Q(flagged_rules__contains=code) | Exists(reported))


class ReportCountFilter(admin.SimpleListFilter):
    title = "open reports"
    parameter_name = "reports"

    def lookups(self, request, model_admin):
        return [("0", "None"), ("1", "1"), ("2+", "2 or more")]

    def queryset(self, request, queryset):
        if self.value() == "0":
            return queryset.filter(open_reports=0)
        if self.value() == "1":
            return queryset.filter(open_reports=1)
        if self.value() == "2+":
            return queryset.filter(open_reports__gte=2)
        return queryset


# --- Read-only inlines --------------------------------------------------------


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReportInline(ReadOnlyInline):
    model = Report
    fields = ("created", "rule", "note", "resolved")
    verbose_name_plural = "reports from readers"


class DecisionInline(ReadOnlyInline):
    model = Decision
    fields = ("created", "action", "rule", "moderator", "from_state", "to_state", "rules_version", "note")
    verbose_name_plural = "decision history"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("moderator")


# --- Evidence rendering -------------------------------------------------------


def _spans(text, evidence, field):
    """(start, end, reasons) for evidence on ``field``, overlaps merged.

    Offsets are checked against the text: after an author's edit, old
    evidence may no longer line up, and is then found by its quote or left out.
    """
    spans = []
    for item in evidence:
        if item.get("field", "body") != field:
            continue
        quote, start, end = item.get("text", ""), item.get("start"), item.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and text[start:end] == quote and quote):
            start = text.find(quote) if quote else -1
            if start < 0:
                continue
            end = start + len(quote)
        spans.append((start, end, [item.get("reason", "")]))
    spans.sort()
    merged = []
    for start, end, reasons in spans:
        if merged and start < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2] + reasons)
        else:
            merged.append((start, end, reasons))
    return merged


def highlight(text, evidence, field="body"):
    """The text, escaped, with each evidence span in <mark title="reason">."""
    pieces, cursor = [], 0
    for start, end, reasons in _spans(text, evidence, field):
        pieces.append(escape(text[cursor:start]))
        pieces.append(format_html('<mark title="{}">{}</mark>', "; ".join(reasons), text[start:end]))
        cursor = end
    pieces.append(escape(text[cursor:]))
    return format_html_join("", "{}", ((piece,) for piece in pieces))


def rule_badges(codes):
    rules = sorted((RULES_BY_CODE[c] for c in codes if c in RULES_BY_CODE), key=lambda r: r.number)
    return format_html_join("", BADGE, ((rule.number, rule.name) for rule in rules))


def comment_line(comment):
    """One comment, linked to the general comments admin: it may well be a
    clean published comment, which the queue does not list."""
    url = reverse("admin:comments_comment_change", args=[comment.pk])
    return format_html(
        '<a href="{}">#{}</a> {} <em>({})</em>: {}',
        url,
        comment.pk,
        comment.author_name,
        comment.get_state_display(),
        Truncator(comment.body).chars(120),
    )


def comment_link(comment):
    url = reverse("admin:comments_comment_change", args=[comment.pk])
    return format_html('<a href="{}">{}</a>', url, Truncator(str(comment)).chars(70))


# --- Actions ------------------------------------------------------------------


def _run(modeladmin, request, queryset, verb, service, **kwargs):
    """Call ``service`` on each selected comment; say what was done and skipped."""
    done, skipped = 0, {}
    for comment in queryset:
        try:
            service(comment=comment, moderator=request.user, **kwargs)
        except ModerationError as error:
            skipped[str(error)] = skipped.get(str(error), 0) + 1
        else:
            done += 1
    message = f"{verb} {done} comment{'s' if done != 1 else ''}."
    for reason, count in skipped.items():
        message += f" Skipped {count}: {reason}."
    modeladmin.message_user(request, message, messages.WARNING if skipped else messages.SUCCESS)


@admin.action(description="Approve: publish, or dismiss the reports", permissions=["change"])
def approve(modeladmin, request, queryset):
    _run(modeladmin, request, queryset, "Approved", comment_approve)


@admin.action(description="Restore removed comments", permissions=["change"])
def restore(modeladmin, request, queryset):
    _run(modeladmin, request, queryset, "Restored", comment_restore)


def remove_citing(rule):
    """One action per rule: a removal always cites the rule it breaks."""

    def action(modeladmin, request, queryset):
        _run(modeladmin, request, queryset, f"Removed under rule {rule.number}:", comment_remove, rule=rule.code)

    action.__name__ = f"remove_{rule.code}"
    return admin.action(description=f"Remove citing rule {rule.number}: {rule.name}", permissions=["change"])(
        action
    )


# --- The queue ----------------------------------------------------------------


@admin.register(QueueItem)
class QueueAdmin(admin.ModelAdmin):
    list_display = ("excerpt", "post", "rule_list", "screen_score", "open_reports", "state", "created")
    list_filter = (QueueStateFilter, RuleFilter, ("post", admin.RelatedOnlyFieldListFilter), ReportCountFilter)
    list_select_related = ("post",)
    search_fields = ("body", "author_name", "post__title")
    # Imported comments copied from page text have no date: they are left out
    # of the drill-down (Django's date lists skip NULLs) but listed otherwise.
    date_hierarchy = "created"
    ordering = (F("created").desc(nulls_last=True), "-pk")
    list_per_page = 50
    actions = [approve, restore, *(remove_citing(rule) for rule in RULES)]
    inlines = [ReportInline, DecisionInline]
    fieldsets = (
        (None, {"fields": ("text", "author", "post_link", "state", "created", "edited", "redact_link")}),
        ("Edits by its author", {"fields": ("author_edits",)}),
        ("Screening", {"fields": ("rule_hits", "screen_score", "open_reports", "removed_rule_display")}),
        ("Thread", {"fields": ("parent_comment", "replies")}),
    )
    readonly_fields = (
        "text",
        "redact_link",
        "author_edits",
        "author",
        "post_link",
        "state",
        "created",
        "edited",
        "rule_hits",
        "screen_score",
        "open_reports",
        "removed_rule_display",
        "parent_comment",
        "replies",
    )

    class Media:
        css = {"all": ["moderation/admin.css"]}

    def get_urls(self):
        redact = self.admin_site.admin_view(self.redact_view)
        return [path("<int:pk>/redact/", redact, name="moderation_queueitem_redact"), *super().get_urls()]

    def redact_view(self, request, pk):
        """Strike one span and keep the rest (moderation.services.comment_redact)."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        comment = get_object_or_404(Comment, pk=pk)
        form = RedactForm(request.POST or None, initial={"rule": (comment.rule_codes or [""])[0]})
        if request.method == "POST" and form.is_valid():
            try:
                comment_redact(comment=comment, moderator=request.user, **form.cleaned_data)
            except ModerationError as error:
                form.add_error("text", str(error))
            else:
                self.message_user(request, "Redacted. Approve it to publish the rest.", messages.SUCCESS)
                return redirect("admin:moderation_queueitem_change", pk)
        context = {**self.admin_site.each_context(request), "comment": comment, "form": form, "title": "Redact part of a comment", "opts": self.model._meta}
        return TemplateResponse(request, "admin/moderation/redact.html", context)

    @admin.display(description="redact")
    def redact_link(self, obj):
        url = reverse("admin:moderation_queueitem_redact", args=[obj.pk])
        return format_html('<a class="button" href="{}">Strike out part of this comment…</a>', url)

    @admin.display(description="what the author changed")
    def author_edits(self, obj):
        """Each resubmission as a word diff against the text it replaced."""
        versions = [d.previous_body for d in obj.decisions.filter(action="resubmit").order_by("created", "pk")]
        if not versions:
            return "Not edited."
        versions.append(obj.body)
        diffs = [word_diff(before, after) for before, after in zip(versions, versions[1:])]
        return format_html_join("", '<div class="queue-diff queue-text">{}</div><hr>', ((d,) for d in diffs))

    def get_queryset(self, request):
        # The filter narrows this to needing_review() unless "Removed" is
        # chosen; clean published comments are never part of the queue.
        return super().get_queryset(request).filter(
            ~Q(state=State.PUBLISHED) | Q(open_reports__gt=0)
        )

    # Writes happen only through actions; the change page is for reading.
    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="comment", ordering="body")
    def excerpt(self, obj):
        return format_html('<span class="queue-excerpt">{}</span>', Truncator(obj.body).chars(80))

    @admin.display(description="rules")
    def rule_list(self, obj):
        return rule_badges(obj.rule_codes)

    @admin.display(description="text")
    def text(self, obj):
        return format_html(
            '<div class="queue-text">{}</div>', highlight(obj.body, obj.evidence)
        )

    @admin.display(description="author")
    def author(self, obj):
        return highlight(obj.author_name, obj.evidence, field="name")

    @admin.display(description="post")
    def post_link(self, obj):
        return format_html('<a href="{}">{}</a>', obj.post.get_absolute_url(), obj.post.title)

    @admin.display(description="rule hits")
    def rule_hits(self, obj):
        rows = []
        for item in obj.evidence:
            rule = RULES_BY_CODE.get(item.get("rule"))
            if rule is None:
                continue
            where = " (in the name)" if item.get("field") == "name" else ""
            rows.append((rule.number, rule.name, item.get("reason", ""), item.get("text", ""), where))
        cited = {item.get("rule") for item in obj.evidence}
        rows += [(r.number, r.name, "flagged without quoted evidence", "", "") for r in obj.rules if r.code not in cited]
        if not rows:
            return "No rule flagged by screening."
        return format_html(
            '<ul class="queue-list">{}</ul>',
            format_html_join("", "<li><strong>{}. {}</strong>: {} <q>{}</q>{}</li>", rows),
        )

    @admin.display(description="removed under")
    def removed_rule_display(self, obj):
        rule = obj.removal_rule
        return f"{rule.number}. {rule.name}" if rule else "-"

    @admin.display(description="in reply to")
    def parent_comment(self, obj):
        return comment_line(obj.parent) if obj.parent_id else "- (starts a thread)"

    @admin.display(description="replies")
    def replies(self, obj):
        children = obj.get_children()
        if not children:
            return "-"
        return format_html(
            '<ul class="queue-list">{}</ul>',
            format_html_join("", "<li>{}</li>", ((comment_line(c),) for c in children)),
        )


def word_diff(before, after):
    """Word-level diff as HTML: removed words in <del>, added in <ins>."""
    old, new = before.split(" "), after.split(" ")
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            parts.append(format_html("<del>{}</del>", " ".join(old[i1:i2])))
        if op in ("insert", "replace"):
            parts.append(format_html("<ins>{}</ins>", " ".join(new[j1:j2])))
        if op == "equal":
            parts.append(escape(" ".join(old[i1:i2])))
    return mark_safe(" ".join(parts))


class RedactForm(forms.Form):
    text = forms.CharField(label="Exact words to strike", widget=forms.Textarea(attrs={"rows": 3}))
    rule = forms.ChoiceField(label="Under rule", choices=[(r.code, f"{r.number}. {r.name}") for r in RULES])
    note = forms.CharField(required=False, label="Note for the log")


# --- Appeals ----------------------------------------------------------------


def _decide(modeladmin, request, queryset, *, uphold):
    done, refused = 0, []
    for appeal in queryset:
        try:
            appeal_decide(appeal=appeal, moderator=request.user, uphold=uphold)
            done += 1
        except ModerationError as error:
            refused.append(f"appeal {appeal.pk}: {error}")
    if done:
        modeladmin.message_user(request, f"{done} appeal(s) {'upheld' if uphold else 'rejected'}.", messages.SUCCESS)
    for line in refused:
        modeladmin.message_user(request, f"Not decided, {line}.", messages.WARNING)


@admin.action(description="Uphold: reinstate the comment", permissions=["change"])
def uphold_appeals(modeladmin, request, queryset):
    _decide(modeladmin, request, queryset, uphold=True)


@admin.action(description="Reject: the decision stands", permissions=["change"])
def reject_appeals(modeladmin, request, queryset):
    _decide(modeladmin, request, queryset, uphold=False)


@admin.register(Appeal)
class AppealAdmin(admin.ModelAdmin):
    list_display = ("created", "comment_excerpt", "decision", "decided_by_first", "outcome", "decided_by")
    list_filter = ("outcome",)
    list_select_related = ("comment", "decision__moderator", "decided_by")
    actions = [uphold_appeals, reject_appeals]
    fields = ("comment_excerpt", "decision", "text", "outcome", "decided_by", "decided_at", "note")
    readonly_fields = fields

    @admin.display(description="comment")
    def comment_excerpt(self, obj):
        url = reverse("admin:moderation_queueitem_change", args=[obj.comment_id])
        return format_html('<a href="{}">{}</a>', url, Truncator(obj.comment.body).chars(80))

    @admin.display(description="first decided by")
    def decided_by_first(self, obj):
        return obj.decision.moderator or "screening"

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# --- Reports and the decision log (read-only) --------------------------------


class ReadOnlyAdmin(admin.ModelAdmin):
    """Written only by services; readable by moderators."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Report)
class ReportAdmin(ReadOnlyAdmin):
    list_display = ("created", "rule", "comment_link", "note", "resolved")
    list_filter = ("resolved", "rule", "created")
    list_select_related = ("comment",)
    search_fields = ("note", "comment__body")
    date_hierarchy = "created"
    fields = ("created", "comment_link", "rule", "note", "resolved")
    readonly_fields = fields

    @admin.display(description="comment", ordering="comment")
    def comment_link(self, obj):
        return comment_link(obj.comment)


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    """The audit log."""

    list_display = ("created", "action", "rule", "comment_link", "moderator", "from_state", "to_state", "rules_version")
    list_filter = ("action", "rule", ("moderator", admin.RelatedOnlyFieldListFilter), "created")
    list_select_related = ("comment", "moderator")
    search_fields = ("note", "comment__body")
    date_hierarchy = "created"
    fields = (
        "created",
        "comment_link",
        "action",
        "rule",
        "moderator",
        "from_state",
        "to_state",
        "rules_version",
        "note",
        "previous_body",
    )
    readonly_fields = fields

    @admin.display(description="comment", ordering="comment")
    def comment_link(self, obj):
        return comment_link(obj.comment)
