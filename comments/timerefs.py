"""Linking "@14:04", "anon 10:32" or "14.04" in a comment to the comment
posted at that time on the same post: how Blogger regulars refer to each
other when everyone is "Anonymous".

Only times that match a comment on the post are linked; when several
comments share the minute, the reader gets the choice. Times are read in the
site's time zone, as the page shows them.
"""
import re
from collections import defaultdict

from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

# "@14:04", "@ 9:05", "anon 10:32", "Anonymous 14:04", "14:04", "14.04".
# The dotted form needs a two-digit hour and no digit/%/decimal after it, so
# "57.4%" or "1.5 hours" are left alone.
TIME_REFERENCE = re.compile(
    r"(?<![\w:.£$€])(?:(?:@\s?)|(?:anon(?:ymous)?\s+))?"
    r"(?:(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)|(?P<h2>[01]\d|2[0-3])\.(?P<m2>[0-5]\d))"
    r"(?![\d%]|[:.]\d)",
    re.IGNORECASE,
)
_TAG = re.compile(r"(<[^>]*>)")


def has_time_reference(text):
    return bool(TIME_REFERENCE.search(text or ""))


def time_index(rows):
    """{"14:04": [pk, ...]} from (pk, created) pairs, in the site's zone."""
    index = defaultdict(list)
    for pk, created in rows:
        if created is not None:
            index[timezone.localtime(created).strftime("%H:%M")].append(pk)
    return dict(index)


def link_time_references(html, index, *, own_pk=None):
    """Wrap time references in ``html`` (sanitised markup) with links."""
    if not index:
        return mark_safe(html)  # already sanitised by comments.markup
    out, inside_link = [], False
    for part in _TAG.split(html):
        if part.startswith("<"):
            tag = part[1:3].lower()
            if tag.startswith("a ") or part.lower() == "<a>":
                inside_link = True
            elif tag == "/a":
                inside_link = False
            out.append(part)
        elif inside_link:
            out.append(part)
        else:
            out.append(TIME_REFERENCE.sub(lambda m: _link(m, index, own_pk), part))
    return mark_safe("".join(out))


def _link(match, index, own_pk):
    hour = match.group("h") or match.group("h2")
    minute = match.group("m") or match.group("m2")
    targets = [pk for pk in index.get(f"{int(hour):02d}:{minute}", []) if pk != own_pk]
    text = match.group(0)
    if not targets:
        return text
    if len(targets) == 1:
        return format_html(
            '<a class="timeref" href="{}" title="The comment posted at {}:{}">{}</a>',
            reverse("comments:permalink", args=[targets[0]]), hour, minute, mark_safe(text),
        )
    choices = format_html_join(
        " · ", '<a href="{}">{}</a>',
        ((reverse("comments:permalink", args=[pk]), n) for n, pk in enumerate(targets, start=1)),
    )
    return format_html(
        '<span class="timeref-choice" title="{} comments were posted at {}:{}">{} <small>(which? {})</small></span>',
        len(targets), hour, minute, mark_safe(text), choices,
    )
