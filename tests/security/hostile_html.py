"""The XSS corpora, and an audit of a rendered page as a browser parses it.

The corpora are read in place from the shared samples (their licences differ
from ours, so they are never copied here). The audit parses with html5lib,
which implements the HTML standard's parsing algorithm: a payload that only
turns into a <script> after the browser's error recovery is caught too.
"""
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from comments import markup

try:
    import html5lib
except ImportError:  # not a dependency of ours; bleach vendors a copy
    from bleach._vendor import html5lib

XSS_LIST = Path("xss") / "xss-payload-list.txt"
XSS_MORE = Path("xss-more") / "payloads.jsonl"

# Elements that run script, load another document or restyle the page; none
# may come from user text. Forms, <meta> and <link> belong to the template
# only in the places audit() knows about.
FORBIDDEN_ELEMENTS = frozenset(
    {
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form",
        "svg", "style", "math", "meta", "link", "noscript", "template", "portal",
    }
)
URL_ATTRIBUTES = frozenset(
    {
        "href", "src", "action", "formaction", "background", "poster", "lowsrc", "dynsrc", "data",
        "codebase", "cite", "longdesc", "srcset", "ping", "manifest", "icon", "usemap", "xlink:href",
    }
)
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")
# Where user text lands in our templates: (tag, class) of the container.
USER_CONTAINERS = {("div", "text"), ("div", "post-body"), ("span", "author")}
HEAD_ONLY = frozenset({"meta", "link", "title"})
# Browsers drop tabs and newlines anywhere in a URL ("jav&#9;ascript:"
# runs); this coarse check drops every control and space, to be safe.
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):", re.IGNORECASE)


@dataclass(frozen=True)
class Payload:
    corpus: str
    number: int  # line (xss) or record (xss-more), from 1
    text: str

    def __str__(self):
        return f"{self.corpus}#{self.number}"


def samples_dir() -> Path:
    configured = os.environ.get("ONPROBATION_SAMPLES")
    return Path(configured) if configured else Path(settings.BASE_DIR).parent / "shared" / "samples"


def load_payloads() -> list[Payload]:
    """Every distinct payload of both corpora; skips the test when they are absent."""
    root = samples_dir()
    missing = [str(root / name) for name in (XSS_LIST, XSS_MORE) if not (root / name).is_file()]
    if missing:
        pytest.skip(f"XSS corpora not found ({', '.join(missing)}); set ONPROBATION_SAMPLES")
    payloads, seen = [], set()
    # split("\n"), not splitlines(): payloads hold \x0b, \x1c, U+2028 and
    # the like, which splitlines() would cut in two.
    lines = (root / XSS_LIST).read_text(encoding="utf-8").split("\n")
    records = (root / XSS_MORE).read_text(encoding="utf-8").split("\n")
    found = [("xss", n, line) for n, line in enumerate(lines, 1)]
    found += [("xss-more", n, json.loads(line)["payload"]) for n, line in enumerate(records, 1) if line]
    for corpus, number, text in found:
        if text.strip() and text not in seen:
            seen.add(text)
            payloads.append(Payload(corpus, number, text))
    return payloads


def count_by_corpus(payloads) -> dict[str, int]:
    counts = {}
    for payload in payloads:
        counts[payload.corpus] = counts.get(payload.corpus, 0) + 1
    return counts


def chunks(items, size) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def parse(page: str):
    return html5lib.parse(page, treebuilder="etree", namespaceHTMLElements=False)


def _local(name):
    # html5lib keeps SVG/MathML namespaces ("{http://www.w3.org/2000/svg}svg")
    # and xlink attributes as "{http://www.w3.org/1999/xlink}href".
    namespace, _, local = name.rpartition("}")
    if namespace.endswith("xlink"):
        return "xlink:" + local.lower()
    return local.lower()


def url_scheme(value):
    """The scheme a browser reads in an (entity-decoded) URL, or None if relative.

    WHATWG URL: outer spaces and C0 controls dropped, tabs and newlines
    removed anywhere, then a letter and letters, digits or "+-." to a colon.
    """
    url = value.strip("".join(map(chr, range(0x21)))).translate(str.maketrans("", "", "\t\n\r"))
    match = _SCHEME.match(url)
    return match.group(1).lower() if match else None


def _is_script_url(value):
    return _IGNORED_IN_SCHEME.sub("", value).lower().startswith(SCRIPT_SCHEMES)


def _walk(element, ancestors=()):
    yield element, ancestors
    for child in element:
        if isinstance(child.tag, str):  # skips comments and processing instructions
            yield from _walk(child, (*ancestors, element))


def _container(element):
    classes = (element.get("class") or "").split()
    return next((c for c in classes if (_local(element.tag), c) in USER_CONTAINERS), None)


def audit(document, *, form_actions=()) -> list[str]:
    """What in ``document`` (from parse()) could run script or escape its
    place; [] when nothing. ``form_actions``: see site_form_actions().
    """
    findings = []
    for element, ancestors in _walk(document):
        tag = _local(element.tag)
        path = "/".join(_local(a.tag) for a in ancestors[-3:]) + "/" + tag
        # The nearest id names the comment (li#c123), so a finding names its payload.
        path += next((f" in #{a.get('id')}" for a in reversed(ancestors) if a.get("id")), "")
        inside = next((c for c in map(_container, reversed(ancestors)) if c), None)
        attributes = {_local(name): value for name, value in element.attrib.items()}
        ours = inside is None and _is_template_element(tag, attributes, ancestors, form_actions)
        if tag in FORBIDDEN_ELEMENTS and not ours:
            findings.append(f"<{tag}> at {path}")
        for name, value in attributes.items():
            if name.startswith("on"):
                findings.append(f"event handler {name}= on <{tag}> at {path}")
            if name in URL_ATTRIBUTES and _is_script_url(value):
                findings.append(f"{name}={value!r} on <{tag}> at {path}")
        if inside is not None:
            findings.extend(_check_user_markup(tag, attributes, inside, path))
    return findings


def _is_template_element(tag, attributes, ancestors, form_actions):
    parent = _local(ancestors[-1].tag) if ancestors else ""
    if tag in HEAD_ONLY:
        return parent == "head"
    if tag == "form":
        return attributes.get("action") in form_actions
    return False


def site_form_actions(post):
    """Where the forms our own templates put on a post page send to."""
    return {reverse("comments:submit", args=[post.pk]), reverse("blogsite:search")}


def _check_user_markup(tag, attributes, container, path):
    """Inside a comment or post body only the markup allow-list may appear."""
    if container == "author":
        return [f"<{tag}> inside an author name at {path}"]
    findings = []
    if tag not in markup.ALLOWED_TAGS:
        findings.append(f"<{tag}> (not on the allow-list) at {path}")
    allowed = set(markup.ALLOWED_ATTRIBUTES.get(tag, ()))
    findings += [f"{name}= on <{tag}> at {path}" for name in attributes if name not in allowed]
    if tag == "a":
        if attributes.get("rel") != markup.LINK_REL:
            findings.append(f"link without rel={markup.LINK_REL!r} at {path}: rel={attributes.get('rel')!r}")
        scheme = url_scheme(attributes.get("href", ""))
        if scheme is not None and scheme not in markup.ALLOWED_PROTOCOLS:
            findings.append(f"link to {scheme}: at {path}")
    return findings
