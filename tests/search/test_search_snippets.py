"""Snippets show the author's words as text: only our <mark> tags are HTML."""
from blogsite.search import START, STOP, marked_window, plain_text, safe_snippet
from tests.factories import make_comment


def test_search_snippet_marks_only_delimited_text():
    assert safe_snippet(f"a <b> & {START}caseload{STOP}") == "a &lt;b&gt; &amp; <mark>caseload</mark>"


def test_search_snippet_drops_stray_delimiters():
    assert safe_snippet(f"{STOP}x{START}y{START}z{STOP}") == "xy<mark>z</mark>"
    assert safe_snippet(f"{START}<script>{STOP}") == "<mark>&lt;script&gt;</mark>"


def test_search_plain_text_of_imported_html():
    assert plain_text("<p>Tea &amp; <a href='/x'>biscuits</a></p>\n\n<p>later</p>") == "Tea & biscuits later"


def test_search_window_centres_on_the_first_match():
    body = " ".join(f"w{n}" for n in range(100)) + " caseload " + " ".join(f"v{n}" for n in range(100))
    window = marked_window(body, ["caseload"], words=10)
    assert f"{START}caseload{STOP}" in window
    assert window.startswith("… ") and window.endswith(" …")


def test_search_comment_html_is_escaped_in_results(search, caseload_post):
    make_comment(caseload_post, body='<script>alert("pwned")</script> my caseload <b>grew</b>')
    html = search("caseload").content.decode()
    assert "<script>alert" not in html
    assert "<b>grew" not in html
    assert "<mark>caseload</mark>" in html


def test_search_snippet_cannot_be_tricked_by_typed_delimiters(search, caseload_post):
    make_comment(caseload_post, body=f"{START}<img src=x onerror=alert(1)>{STOP} caseload")
    html = search("caseload").content.decode()
    assert "<img src=x" not in html
    assert START not in html and STOP not in html
