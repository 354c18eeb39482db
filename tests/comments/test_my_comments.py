"""An author's own comments, by the private tokens in their browser: a replies
feed without e-mail, a JSON copy, and erasing them all."""
import json
from xml.etree import ElementTree

import pytest
from django.test import Client
from django.urls import reverse

from comments import services
from comments.models import Comment
from tests.factories import make_comment

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(autouse=True)
def _nothing_held(settings):
    # About the author's own copy, not screening: no comment here is held
    # by however the screener reads its few words.
    settings.MODERATION_MODE = "off"


def _write(client, post, body, **extra):
    client.post(reverse("comments:submit", args=[post.pk]), {"body": body, "post": "1", **extra})
    return Comment.objects.latest("pk")


def test_private_replies_feed_lists_replies_to_my_comment(client, a_post):
    mine = _write(client, a_post, "Does anyone know when the pay award lands?")
    make_comment(a_post, parent=mine, body="September, apparently.")
    make_comment(a_post, parent=mine, body="Held reply.", state="held")
    page = client.get(reverse("comments:mine")).content.decode()
    feed_url = reverse("comments:replies_feed", args=[mine.pk, services.replies_signature(mine)])
    assert feed_url in page
    feed = ElementTree.fromstring(Client().get(feed_url).content)
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 1
    assert "September, apparently." in entries[0].find(f"{ATOM}summary").text


def test_replies_feed_needs_the_right_signature(client, a_post):
    mine = _write(client, a_post, "Question?")
    assert client.get(reverse("comments:replies_feed", args=[mine.pk, "0" * 32])).status_code == 404
    token = client.session["comment_tokens"][str(mine.pk)]
    assert token not in services.replies_signature(mine)


def test_export_my_comments_as_json(client, a_post):
    _write(client, a_post, "One of mine.", name="Pseudo")
    make_comment(a_post, body="Not mine.")
    response = client.get(reverse("comments:mine_export"))
    data = json.loads(response.content)
    assert [c["text"] for c in data["comments"]] == ["One of mine."]
    assert data["comments"][0]["name"] == "Pseudo"
    assert "attachment" in response["Content-Disposition"]
    assert json.loads(Client().get(reverse("comments:mine_export")).content) == {"comments": []}


def test_erase_all_my_comments(client, a_post):
    first = _write(client, a_post, "First of mine.")
    _write(client, a_post, "Second of mine.", parent=first.pk)
    other = make_comment(a_post, body="Someone else.")
    client.post(reverse("comments:mine"))
    states = dict(Comment.objects.values_list("body", "state"))
    assert states == {"": "deleted", "Someone else.": "published"}
    assert Comment.objects.filter(state="deleted").count() == 2
    other.refresh_from_db()
    assert other.state == "published"
