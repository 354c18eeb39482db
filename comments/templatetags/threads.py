"""Walking a comment thread in a template without recursion or extra queries.

The post page fetches every comment of the post in one query, in tree order
(``tree_id``, ``lft``): that is a pre-order walk, and each row's ``level``
says how deep it sits. ``thread_steps`` turns it into a flat list of steps
(open a comment, open its replies, close them...) so the template is a single
loop however deep or long the thread is: no recursive includes, no Python
recursion limit, no query per node.
"""
from dataclasses import dataclass

from django import template

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


@register.simple_tag
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
