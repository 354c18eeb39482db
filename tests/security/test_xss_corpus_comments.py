"""Every known XSS payload, posted as a comment, shows as the text it is.

Each payload goes through the real submit view as a comment body and as a
name. The post pages are parsed as a browser parses them and audited
(tests/security/hostile_html.py), and a reader must see exactly what was
typed: nothing dropped, no entity decoded. A refused comment's form gives
the text back, escaped.

Requests are what cost time, so one request carries a payload as both body
and name when the name is short enough, and 200 comments share a page.
"""
import html
import re
from collections import Counter

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from tests.factories import make_post
from tests.security.hostile_html import audit, chunks, load_payloads, parse, site_form_actions

PER_POST = 200
PLAIN_BODY = "A plain comment under a hostile name."
# At least this many distinct payloads per corpus: an empty or truncated
# corpus must fail, not pass silently.
CORPUS_MINIMUM = {"xss": 6500, "xss-more": 498}
PUBLISHED = "published"
_WHITESPACE = re.compile(r"\s+")
_ERRORS = re.compile(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_NUMBER = re.compile(r"\d+")  # "yours has 81": one count per message, not per length
# How Django's widgets give a refused form's values back.
_ECHOED = {
    "name": re.compile(r'<input type="text" name="name" value="([^"]*)"'),
    "body": re.compile(r'<textarea name="body"[^>]*>\n(.*?)</textarea>', re.DOTALL),
}


@pytest.fixture(scope="module")
def payloads():
    return load_payloads()


@pytest.fixture
def open_forum(db, settings):
    # Screening would hold payloads ("alert", "document.cookie" read as
    # spam) and the page would show a placeholder instead of the text.
    settings.MODERATION_MODE = "off"
    settings.COMMENT_RATE_LIMIT = (1_000_000, 600)
    settings.COMMENT_THREADS_PER_PAGE = PER_POST  # a batch is one page


def _visible(text):
    return _WHITESPACE.sub("", text)


class Batch:
    """One post and the comments submitted under it."""

    def __init__(self, verdicts):
        self.client = Client()  # a fresh session: it keeps each comment's edit token
        self.post = make_post()
        self.url = reverse("comments:submit", args=[self.post.pk])
        self.sent = {}  # anchor of each published comment -> {"body": ..., "name": ...}
        self.verdicts = verdicts  # field -> Counter of "published" / "refused: <message>"
        self.problems = []

    def send(self, payload):
        text = payload.text
        if len(text.strip()) <= settings.COMMENT_NAME_MAX_LENGTH:
            if self._submit(payload, body=text, name=text) == PUBLISHED:
                self.verdicts["body"][PUBLISHED] += 1
                self.verdicts["name"][PUBLISHED] += 1
                return
            # One of the two was refused: send each on its own to see which.
        self.verdicts["body"][self._submit(payload, body=text, name="")] += 1
        self.verdicts["name"][self._submit(payload, body=PLAIN_BODY, name=text)] += 1

    def _submit(self, payload, *, body, name):
        response = self.client.post(self.url, {"name": name, "body": body, "post": "1"})
        if response.status_code == 302:
            self.sent[response["Location"].rpartition("#")[2]] = {"body": body, "name": name}
            return PUBLISHED
        assert response.status_code == 400, f"{payload}: status {response.status_code}"
        page = response.content.decode()
        for field, typed in [("body", body), *([("name", name)] if name else [])]:
            echoed = _ECHOED[field].search(page)
            if not echoed or html.unescape(echoed.group(1)) != typed:
                self.problems.append(f"{payload}: refused {field} given back as {echoed and echoed.group(1)!r}")
        message = " ".join(_TAG.sub("", m).strip() for m in _ERRORS.findall(page))
        assert message, f"{payload}: refused without a message"
        return "refused: " + _NUMBER.sub("N", html.unescape(message))

    def check_page(self):
        """Script-capable markup on the post page, or text not shown as typed."""
        document = parse(self.client.get(self.post.get_absolute_url()).content.decode())
        for finding in audit(document, form_actions=site_form_actions(self.post)):
            anchor = finding.rpartition("#")[2]
            self.problems.append(f"{self.sent.get(anchor, {}).get('body', 'template')!r}: {finding}")
        rendered = {li.get("id"): li for li in document.iter("li") if li.get("id") in self.sent}
        assert rendered.keys() == self.sent.keys(), "a published comment is missing from its page"
        for anchor, sent in self.sent.items():
            for field, css in (("body", "text"), ("name", "author")):
                typed = sent[field].strip()
                seen = next("".join(e.itertext()) for e in rendered[anchor].iter() if e.get("class") == css)
                if not typed:
                    continue  # shown as "Anonymous", perhaps lettered: not ours to check
                if _visible(seen) != _visible(typed):
                    self.problems.append(f"#{anchor} {field} {typed!r} is shown as {seen!r}")


@pytest.mark.parametrize("corpus", CORPUS_MINIMUM)
def test_xss_corpus_as_comment_shows_as_text(open_forum, payloads, corpus):
    tested = [p for p in payloads if p.corpus == corpus]
    assert len(tested) >= CORPUS_MINIMUM[corpus]
    verdicts = {"body": Counter(), "name": Counter()}
    problems, published = [], 0
    for group in chunks(tested, PER_POST):
        batch = Batch(verdicts)
        for payload in group:
            batch.send(payload)
        batch.check_page()
        problems += batch.problems
        published += len(batch.sent)
    print(f"\n{corpus}: {len(tested)} payloads; " + "; ".join(f"{f}: {dict(c)}" for f, c in verdicts.items()))
    assert not problems, "\n".join(problems[:40])
    assert {field: sum(counts.values()) for field, counts in verdicts.items()} == {
        "body": len(tested),
        "name": len(tested),
    }
    assert Comment.objects.count() == published
