"""Readers post comments and replies at any depth, as Anonymous or a pseudonym."""
import pytest
from django.urls import reverse

from comments.models import Comment
from moderation.models import Decision
from tests.factories import make_comment

CLEAN = "The new caseload figures are worrying; our office lost three POs this month."


def _post(client, target, **data):
    data.setdefault("body", CLEAN)
    data.setdefault("post", "1")
    ip = data.pop("ip", "10.0.0.1")
    return client.post(reverse("comments:submit", args=[target.pk]), data, REMOTE_ADDR=ip)


def test_comment_without_a_name_is_anonymous_and_published(client, a_post):
    response = _post(client, a_post)
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{a_post.get_absolute_url()}#c{comment.pk}"
    assert (comment.author_name, comment.state) == ("Anonymous", "published")
    assert comment.created is not None
    page = client.get(response["Location"]).content.decode()
    assert "our office lost three POs" in page and "Your comment is published." in page


def test_pseudonym_is_kept(client, a_post):
    _post(client, a_post, name="  Old Lag PO ")
    assert Comment.objects.get().author_name == "Old Lag PO"


def test_replies_nest_three_levels_deep(client, a_post):
    _post(client, a_post)
    for depth in range(1, 4):
        parent = Comment.objects.get(level=depth - 1)
        _post(client, a_post, parent=parent.pk, body=f"Reply at depth {depth} about caseloads.", ip=f"10.0.1.{depth}")
    chain = Comment.objects.order_by("lft")
    assert [c.level for c in chain] == [0, 1, 2, 3]
    assert chain[3].parent == chain[2]
    Comment.objects.rebuild()
    assert [c.level for c in Comment.objects.order_by("lft")] == [0, 1, 2, 3]


def test_reply_page_shows_the_parent_and_a_form(client, a_post):
    parent = make_comment(a_post, body="What do others think of the new target regime?")
    html = client.get(reverse("comments:reply", args=[parent.pk])).content.decode()
    assert "What do others think" in html
    assert f'name="parent" value="{parent.pk}"' in html


def test_preview_shows_the_comment_and_writes_nothing(client, a_post):
    response = _post(client, a_post, preview="1")
    assert response.status_code == 200
    assert "Preview" in response.content.decode() and CLEAN in response.content.decode()
    assert Comment.objects.count() == 0


def test_preview_nudges_before_a_rule_is_broken(client, a_post):
    response = _post(client, a_post, preview="1", body="The whole fucking service is a joke.")
    html = response.content.decode()
    assert "Before you post: this may break" in html
    assert "rule 1: abusive or profane language" in html.lower()
    assert "<mark>fucking</mark>" in html
    assert Comment.objects.count() == 0


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"body": ""}, "Write something before posting."),
        ({"body": "x"}, "That is too short to post."),
        ({"body": "a" * 5001}, "Comments can be at most 5000 characters; yours has 5001."),
        ({"name": "n" * 51}, "Names can be at most 50 characters (yours has 51)."),
        ({"body": "bell \x07 character"}, "control characters"),
    ],
)
def test_bad_input_gets_a_clear_message(client, a_post, fields, message):
    response = _post(client, a_post, **fields)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Comment.objects.count() == 0


def test_honeypot_rejects_bots(client, a_post):
    response = _post(client, a_post, website="http://spam.example")
    assert response.status_code == 400
    assert Comment.objects.count() == 0


def test_csrf_is_enforced(a_post):
    from django.test import Client

    response = _post(Client(enforce_csrf_checks=True), a_post)
    assert response.status_code == 403
    assert Comment.objects.count() == 0


def test_rate_limit_stops_a_burst_from_one_client(client, a_post, settings):
    settings.COMMENT_RATE_LIMIT = (3, 600)
    codes = [_post(client, a_post, body=f"{CLEAN} ({n})").status_code for n in range(4)]
    assert codes == [302, 302, 302, 429]
    assert _post(client, a_post, ip="10.9.9.9").status_code == 302  # another client
    assert Comment.objects.count() == 4


def test_reply_to_another_posts_comment_is_refused(client, a_post):
    from tests.factories import make_post

    elsewhere = make_comment(make_post(), body="On another post entirely.")
    response = _post(client, a_post, parent=elsewhere.pk)
    assert response.status_code == 400
    assert "belongs to another post" in response.content.decode()


def test_reply_to_a_missing_or_removed_comment_is_refused(client, a_post):
    removed = make_comment(a_post, state="removed", removed_rule="abusive")
    assert _post(client, a_post, parent=removed.pk).status_code == 400
    assert _post(client, a_post, parent=999999).status_code == 400
    assert Comment.objects.count() == 1


def test_moderation_mode_all_holds_everything(client, a_post, settings):
    settings.MODERATION_MODE = "all"
    _post(client, a_post)
    comment = Comment.objects.get()
    assert comment.state == "held"
    assert Decision.objects.get(comment=comment).action == Decision.Action.HELD_BY_MODE


def test_moderation_mode_off_holds_nothing(client, a_post, settings):
    settings.MODERATION_MODE = "off"
    _post(client, a_post, body="They haven't a fucking clue.")
    assert Comment.objects.get().state == "published"


def test_replies_stop_at_the_maximum_depth(client, a_post, settings):
    settings.COMMENT_MAX_DEPTH = 4
    parent = None
    for _ in range(4):
        parent = make_comment(a_post, parent=parent)
    response = _post(client, a_post, parent=parent.pk)
    assert response.status_code == 400
    assert "nested as deep as it can go" in response.content.decode()
    assert _post(client, a_post, parent=parent.parent.pk).status_code == 302


def test_preview_warns_when_the_text_could_identify_someone(client, a_post):
    response = _post(client, a_post, preview="1", body="As an SPO in Durham I can tell you my manager Sarah is overloaded.")
    html = response.content.decode()
    assert "Could this identify you or a colleague?" in html
    assert "<mark>SPO in Durham</mark>" in html
    assert Comment.objects.count() == 0
    # A warning, never a block:
    assert _post(client, a_post, body="As an SPO in Durham I can tell you it is grim.").status_code == 302


def test_preview_does_not_blame_the_writer_for_quoted_words(client, a_post):
    body = 'The minister said: "These fucking probation officers should work harder."\n\nThat is no way to talk about staff.'
    html = _post(client, a_post, preview="1", body=body).content.decode()
    assert "Before you post: this may break" not in html
    assert "that is fine when you are quoting someone else" in html
