"""A comment that trips a rule is held; its author sees why and can fix it."""
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from moderation.models import Decision
from tests.factories import make_comment

ABUSIVE = "Senior management have not got a fucking clue about caseloads."
FIXED = "Senior management have not got a clue about caseloads."


def _submit(client, post, body, **extra):
    return client.post(reverse("comments:submit", args=[post.pk]), {"body": body, "post": "1", **extra})


def test_breaking_a_rule_holds_the_comment_and_logs_it(client, a_post):
    _submit(client, a_post, ABUSIVE)
    comment = Comment.objects.get()
    assert comment.state == "held"
    assert comment.flagged_rules == "abusive"
    assert comment.evidence[0]["text"] == "fucking"
    decision = Decision.objects.get(comment=comment)
    assert (decision.action, decision.rule, decision.moderator) == ("screen_hold", "abusive", None)


def test_author_sees_rule_and_words_at_once(client, a_post):
    response = _submit(client, a_post, ABUSIVE)
    html = client.get(response["Location"]).content.decode()
    assert "Only you can see this." in html
    assert "rule 1: abusive or profane language" in html.lower()
    assert "<mark>fucking</mark>" in html
    assert "Edit and resubmit" in html


def test_other_readers_see_a_placeholder(client, a_post):
    _submit(client, a_post, ABUSIVE)
    html = Client().get(a_post.get_absolute_url()).content.decode()
    assert "Awaiting moderation." in html
    assert "fucking" not in html


def test_author_edits_and_resubmits_from_the_same_browser(client, a_post):
    _submit(client, a_post, ABUSIVE)
    comment = Comment.objects.get()
    edit_url = reverse("comments:edit", args=[comment.pk])
    assert ABUSIVE in client.get(edit_url).content.decode()
    response = client.post(edit_url, {"body": FIXED, "name": ""})
    comment.refresh_from_db()
    assert response.status_code == 302
    assert (comment.state, comment.body, comment.flagged_rules) == ("published", FIXED, "")
    assert comment.edited is not None
    resubmit = Decision.objects.get(comment=comment, action="resubmit")
    assert resubmit.previous_body == ABUSIVE
    assert FIXED in Client().get(a_post.get_absolute_url()).content.decode()


def test_resubmitting_still_abusive_text_stays_held(client, a_post):
    _submit(client, a_post, ABUSIVE)
    comment = Comment.objects.get()
    client.post(reverse("comments:edit", args=[comment.pk]), {"body": "Still a fucking shambles."})
    comment.refresh_from_db()
    assert comment.state == "held"
    assert comment.body == "Still a fucking shambles."


def test_another_browser_cannot_edit(client, a_post):
    _submit(client, a_post, ABUSIVE)
    comment = Comment.objects.get()
    stranger = Client()
    assert stranger.get(reverse("comments:edit", args=[comment.pk])).status_code == 403
    assert stranger.post(reverse("comments:edit", args=[comment.pk]), {"body": FIXED}).status_code == 403
    comment.refresh_from_db()
    assert comment.body == ABUSIVE


def test_token_is_stored_only_as_a_hash(client, a_post):
    _submit(client, a_post, ABUSIVE)
    comment = Comment.objects.get()
    token = client.session["comment_tokens"][str(comment.pk)]
    assert token not in comment.author_token_hash
    assert len(comment.author_token_hash) == 64


def test_replies_to_a_removed_comment_stay_readable(client, a_post):
    removed = make_comment(a_post, body="Something nasty.", state="removed", removed_rule="personal_attack")
    reply = make_comment(a_post, parent=removed, body="A thoughtful reply that stays.")
    html = client.get(a_post.get_absolute_url()).content.decode()
    assert "Removed under rule 3: personal attacks." in html
    assert "Something nasty." not in html
    assert "A thoughtful reply that stays." in html
    assert html.index(f'id="c{removed.pk}"') < html.index(f'id="c{reply.pk}"')


def test_held_comments_count_as_placeholders_in_the_thread(client, a_post):
    # Like Blogger: the count is what the thread shows, placeholders included.
    make_comment(a_post, body="Visible.")
    make_comment(a_post, body="Held text.", state="held")
    html = client.get(a_post.get_absolute_url()).content.decode()
    assert "2 comments" in html
    assert "Awaiting moderation." in html and "Held text." not in html
