"""Links in rendered text: web and mail links only, always rel="nofollow ugc noopener".

Regressions the corpora found or miss: bleach's protocol check passed
"javascript:123" (it read it as host:port), and linkify, run inside the
Cleaner, made links of "data://…" or "ftp://…" and decoded entities a
comment spelled out.
"""
import pytest

from comments import markup
from tests.security.hostile_html import parse, url_scheme


def _links(rendered):
    return [a.attrib for a in parse(f"<div>{rendered}</div>").iter("a")]


@pytest.mark.parametrize(
    "href",
    [
        "javascript:123", "JaVaScRiPt:0", " java&#x09;script:0", "jav&#10;ascript:1",
        "vbscript:1", "data:text/html,1", "feed:x", "x:1",
    ],
)
def test_imported_link_to_another_scheme_loses_its_href(href):
    (link,) = _links(markup.render_html(f'<a href="{href}" onclick="alert(1)">x</a>'))
    assert link == {"rel": markup.LINK_REL}


@pytest.mark.parametrize(
    "href", ["http://example.org/a:b", "https://example.org", "mailto:po@example.org", "/2015/03/tr/", "#c12"]
)
def test_imported_web_and_mail_links_stay(href):
    (link,) = _links(markup.render_html(f'<a href="{href}" title="t">x</a>'))
    assert link == {"href": href, "title": "t", "rel": markup.LINK_REL}


@pytest.mark.parametrize(
    "text", ["data://example.com/x", "feed://example.com/x", "ftp://example.com/x", "irc://example.com"]
)
def test_typed_url_of_another_scheme_is_no_link_to_it(text):
    for link in _links(markup.render_text(text)):
        assert url_scheme(link["href"]) in {"http", "https"}


def test_typed_web_address_becomes_a_nofollow_link():
    (link,) = _links(markup.render_text("See https://example.org/?a=1&b=2 for the figures."))
    assert link == {"href": "https://example.org/?a=1&b=2", "rel": markup.LINK_REL}


@pytest.mark.parametrize("text", ["&lt;script&gt;", "&#106;avascript", "AT&amp;T", "&copy; 2015", "x &#0; y"])
def test_typed_entity_shows_as_typed(text):
    shown = "".join(parse(f"<div>{markup.render_text(text)}</div>").find(".//div").itertext())
    assert shown.strip() == text
