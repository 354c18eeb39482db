"""The one place that turns user text into HTML.

bleach is deprecated upstream (security fixes only), so keeping every bleach
call here keeps it swappable. Raw text is stored as written; only the HTML made
here is ever marked safe in templates.
"""
import html
import re
from html.parser import HTMLParser

import bleach
from bleach.linkifier import TLDS

# What a comment or an imported post body may keep. No images, no iframes,
# no style: nothing that could fetch from another origin or restyle the page.
ALLOWED_TAGS = frozenset(
    {"a", "b", "blockquote", "br", "code", "em", "i", "li", "ol", "p", "pre", "strong", "ul"}
)
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow ugc noopener"

# A URL's scheme as a browser reads it (WHATWG URL): outer spaces and C0
# controls dropped, tabs and newlines removed anywhere, then letters, digits
# and "+-." up to the first colon.
_URL_EDGES = "".join(map(chr, range(0x21)))
_TAB_NEWLINE = str.maketrans("", "", "\t\n\r")
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):", re.IGNORECASE)


def _is_allowed_url(value):
    """bleach's own check reads "javascript:123" as a host and port and lets
    it through (its vendored urllib), so links get this one as well."""
    url = html.unescape(value).strip(_URL_EDGES).translate(_TAB_NEWLINE)
    scheme = _SCHEME.match(url)
    return scheme is None or scheme.group(1).lower() in ALLOWED_PROTOCOLS


def _allow_attribute(tag, name, value):
    if name not in ALLOWED_ATTRIBUTES.get(tag, ()):
        return False
    return name != "href" or _is_allowed_url(value)


def _set_rel(attrs, new=False):
    attrs[(None, "rel")] = LINK_REL
    return attrs


def _any_of(words):
    """One pattern for many words, branching a letter at a time ("co(?:m|op)?").

    A plain "ac|ad|…|zw" is tried word by word: 274 TLDs at every dot in the
    text. Order does not matter here: a TLD must end where its word ends.
    """
    trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node):
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + (")?" if "" in node else ")")

    return pattern(trie)


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=_allow_attribute,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
)

# bleach's URL pattern (linkifier.build_url_re), rebuilt to take linear time.
# Its own may start at any word next to a "-" and gives characters back, so
# on "x.y-x.y-…" every start re-read the rest of the text and tried each TLD
# at each dot: 5,000 characters took seconds. This one starts only where a
# run of host characters starts (or after one leading "-", or at a scheme
# glued on with "-") and gives nothing back. Lost: hosts right after a "-"
# that follows ".", "@" or another "-" ("--example.com"), and bleach's links
# that began with "-" ("a@b-c.com" linked "-c.com" to http://-c.com).
# The linker strips "(" before and ".,)" after a URL one character at a time,
# copying the URL each time, so a match takes at most 8 of either in a row.
_WEB_SCHEME = "(?:" + "|".join(sorted(ALLOWED_PROTOCOLS - {"mailto"})) + "):"
_TLD = _any_of(TLDS)
# A path ends at one of bleach's "unsafe" characters; ".,)" are counted apart.
_PATH_CHAR = r"""[^\s{}|\\^`<>".,)]"""
_URL_RE = re.compile(
    rf"""
    \({{0,8}}+                        # opening parentheses
    (?: (?<![\w.@-])                  # where a run of host characters starts,
      | (?<=-) (?<![\w.@-]-)          # after one leading "-",
      | (?<=-) (?={_WEB_SCHEME}) )    # or at a scheme glued on with "-"
    (?=\w)
    (?: {_WEB_SCHEME} /{{0,3}} (?:(?:\w+:)?\w+@)? )?   # http://user@
    (?: [\w-]++ \. )+ {_TLD} (?::[0-9]+)? (?!\.\w)\b  # xx.yy.tld:##
    (?: [/?] {_PATH_CHAR}*+ (?: [.,)]{{1,8}}+ {_PATH_CHAR}++ )*+ [.,)]{{0,8}}+ )?   # /path
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Links are made in a second pass, not by a LinkifyFilter inside the Cleaner:
# there it runs after the sanitizer, so (1) the links it makes skip the
# protocol check (it linkified "data://…", "feed://…", "ftp://…") and (2) it
# re-reads the "&" the sanitizer has just unescaped, so a comment that spells
# out "&lt;script&gt;" or "&#106;" showed "<script>" or "j" instead.
# The URL pattern only knows our web protocols; bare "example.org" is http.
_linker = bleach.Linker(
    url_re=_URL_RE,
    callbacks=[_set_rel],
    skip_tags={"pre", "code"},
    parse_email=False,
)

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def render_text(text: str) -> str:
    """Plain text (a comment as typed) to safe HTML: paragraphs, line breaks, links."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    paragraphs = [p.strip("\n") for p in _PARAGRAPH_BREAK.split(text) if p.strip()]
    body = "".join(
        "<p>" + html.escape(p, quote=False).replace("\n", "<br>\n") + "</p>\n" for p in paragraphs
    )
    cleaned = _cleaner.clean(body)
    # Most comments hold no link: skipping the linker's second parse there
    # nearly halves the cost of an import (same output, checked on the XSS
    # corpora and the seeds). Imported HTML always takes both passes.
    if _linker.url_re.search(cleaned) is None:
        return cleaned
    return _linker.linkify(cleaned)


def render_html(markup: str) -> str:
    """HTML from an imported archive to safe HTML, links made nofollow."""
    return _linker.linkify(_cleaner.clean(markup))


class _Striker(HTMLParser):
    """Copies HTML made here, striking words in its text runs only."""

    def __init__(self, text, marker):
        super().__init__(convert_charrefs=False)  # keeps each run as written
        self.text, self.marker = text, marker
        self.out, self.run = [], []
        self.struck = self.unlinking = False

    def handle_data(self, data):
        self.run.append(data)

    def handle_entityref(self, name):
        self.run.append(f"&{name};")

    def handle_charref(self, name):
        self.run.append(f"&#{name};")

    def flush(self):
        written = "".join(self.run)
        self.run = []
        # Matched on the text as read, so "amp" never strikes into "&amp;".
        words = html.unescape(written)
        if self.text in words:
            self.struck = True
            written = html.escape(words.replace(self.text, self.marker), quote=False)
        self.out.append(written)

    def handle_starttag(self, tag, attrs):
        self.flush()
        # A link whose address or title holds the words would still lead to
        # or show them: it is unlinked, its text kept (and struck).
        if tag == "a" and any(self.text in (value or "") for name, value in attrs if name in ("href", "title")):
            self.unlinking = True
            return
        self.out.append(self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        self.flush()
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.flush()
        if tag == "a" and self.unlinking:
            self.unlinking = False
            return
        self.out.append(f"</{tag}>")


def strike(markup: str, text: str, marker: str) -> str | None:
    """``markup`` (HTML made here) with ``text`` replaced by ``marker`` in its
    text, never in a tag name or attribute (striking "rel" or "href" left the
    links broken). None if no one run of text holds it, e.g. words split by
    a line break or a link's edge."""
    striker = _Striker(text, marker)
    striker.feed(markup)
    striker.close()
    striker.flush()
    return "".join(striker.out) if striker.struck else None
