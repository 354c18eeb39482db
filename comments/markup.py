"""The one place that turns user text into HTML.

bleach is deprecated upstream (security fixes only), so keeping every bleach
call here keeps it swappable. Raw text is stored as written; only the HTML made
here is ever marked safe in templates.
"""
import html
import re
from functools import partial

import bleach
from bleach.linkifier import LinkifyFilter

# What a comment or an imported post body may keep. No images, no iframes,
# no style: nothing that could fetch from another origin or restyle the page.
ALLOWED_TAGS = frozenset(
    {"a", "b", "blockquote", "br", "code", "em", "i", "li", "ol", "p", "pre", "strong", "ul"}
)
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow ugc noopener"


def _set_rel(attrs, new=False):
    attrs[(None, "rel")] = LINK_REL
    return attrs


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[partial(LinkifyFilter, callbacks=[_set_rel], skip_tags={"pre", "code"})],
)

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def render_text(text: str) -> str:
    """Plain text (a comment as typed) to safe HTML: paragraphs, line breaks, links."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    paragraphs = [p.strip("\n") for p in _PARAGRAPH_BREAK.split(text) if p.strip()]
    body = "".join(
        "<p>" + html.escape(p, quote=False).replace("\n", "<br>\n") + "</p>\n" for p in paragraphs
    )
    return _cleaner.clean(body)


def render_html(markup: str) -> str:
    """HTML from an imported archive to safe HTML, links made nofollow."""
    return _cleaner.clean(markup)
