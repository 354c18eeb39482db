"""Rendering a comment thread without recursion or extra queries.

The post page fetches a page of threads in one query, in tree order
(``tree_id``, ``lft``): that is a pre-order walk, and each row's ``level``
says how deep it sits. ``thread_steps`` turns it into a flat list of steps
(open a comment, open its replies, close them...), walked in one loop however
deep or long the thread is: no recursive includes, no recursion limit.

``render_thread`` builds the HTML of everyone's comments in Python with
``format_html``: a template include per comment made a 2,000-comment page
several times slower than the flat list it has to compete with (see
bench/bench_post_page.py). Only the author's own comments, which show them
private notices and links, go through a template (comments/_own_comment.html).
"""
from dataclasses import dataclass

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from comments import timerefs

register = template.Library()


@dataclass(frozen=True, slots=True)
class Step:
    kind: str  # "comment", "replies", "end-replies" or "end-comment"
    comment: object = None


@dataclass(slots=True)
class _Open:
    comment: object
    replies_open: bool = False


def thread_steps(comments):
    steps = []
    stack = []
    for comment in comments:
        while stack and stack[-1].comment.level >= comment.level:
            _close(steps, stack.pop())
        if stack and not stack[-1].replies_open:
            steps.append(Step("replies", stack[-1].comment))
            stack[-1].replies_open = True
        steps.append(Step("comment", comment))
        stack.append(_Open(comment))
    while stack:
        _close(steps, stack.pop())
    return steps


def _close(steps, entry):
    if entry.replies_open:
        steps.append(Step("end-replies"))
    steps.append(Step("end-comment"))


@register.filter
def reply_count(comment):
    """All replies under a comment, at any depth, from its mptt bounds."""
    return (comment.rght - comment.lft - 1) // 2


@register.simple_tag(takes_context=True)
def comment_html(context, comment):
    """The comment's sanitised HTML with its time references linked."""
    thread = context.get("thread")
    times = getattr(thread, "times", None)
    return timerefs.link_time_references(comment.body_html, times, own_pk=comment.pk)


@register.simple_tag(takes_context=True)
def author_label(context, comment):
    """The name to show: "Anonymous B" when several anonymous writers share
    the post, else the name as written."""
    labels = getattr(context.get("thread"), "labels", None) or {}
    return labels.get(comment.pk, comment.author_name)


class _Urls:
    """Comment URLs built from one reverse() each, not one per comment."""

    PK = 2_147_483_647  # a placeholder id no real comment has

    def __init__(self):
        self._patterns = {}

    def __call__(self, name, pk):
        if name not in self._patterns:
            self._patterns[name] = reverse(f"comments:{name}", args=[self.PK]).split(str(self.PK))
        before, after = self._patterns[name]
        return f"{before}{pk}{after}"


def _created(comment):
    if comment.created is None:
        return ""
    local = timezone.localtime(comment.created)
    return f'<time datetime="{local.isoformat()}">{dateformat.format(local, "j F Y H:i")}</time>'


def _public_comment(comment, *, label, times, urls):
    """One comment as everyone sees it. Plain f-strings, not format_html, for
    speed on long threads: every value from users goes through escape()."""
    header = (
        f'<header class="comment-meta"><span class="author">{escape(label)}</span> {_created(comment)} '
        f'<a class="permalink" href="#{comment.anchor}" title="Link to this comment">#</a></header>'
    )
    if not comment.is_visible:
        return (
            f'<article class="comment-body hidden-comment">{header}'
            f'<p class="placeholder">{escape(comment.placeholder)}</p></article>'
        )
    text = timerefs.link_time_references(comment.body_html, times, own_pk=comment.pk)  # sanitised
    return (
        f'<article class="comment-body">{header}<div class="text">{text}</div><p class="actions">'
        f'<a href="{urls("reply", comment.pk)}" rel="nofollow">Reply</a> '
        f'<a href="{urls("report", comment.pk)}" rel="nofollow" class="report">Report</a></p></article>'
    )


@register.simple_tag(takes_context=True)
def render_thread(context, thread):
    own = context.get("own_tokens") or {}
    labels = thread.labels or {}
    urls = _Urls()
    out = ['<ol class="thread">']
    for step in thread_steps(thread.comments):
        if step.kind == "comment":
            comment = step.comment
            out.append(f'<li class="comment depth-{comment.level}" id="{comment.anchor}">')
            if str(comment.pk) in own:
                flat = context.flatten()
                out.append(render_to_string("comments/_own_comment.html", {**flat, "comment": comment}))
            else:
                label = labels.get(comment.pk, comment.author_name)
                out.append(_public_comment(comment, label=label, times=thread.times, urls=urls))
        elif step.kind == "replies":
            count = reply_count(step.comment)
            out.append(
                f'<details class="replies" open><summary>{count} repl{"y" if count == 1 else "ies"}'
                "</summary><ol>"
            )
        elif step.kind == "end-replies":
            out.append("</ol></details>")
        else:
            out.append("</li>")
    out.append("</ol>")
    return mark_safe("\n".join(out))
