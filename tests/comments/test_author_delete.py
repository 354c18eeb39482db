"""Authors delete their own comments from the browser that wrote them."""
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from moderation.models import Decision
from tests.factories import make_comment


def _submit(client, post, body, **extra):
    return client.post(reverse("comments:submit", args=[post.pk]), {"body": body, "post": "1", **extra})


def test_author_deletes_own_comment_and_replies_stay(client, a_post):
    _submit(client, a_post, "I said something I regret about my team.", name="Worried PO")
    comment = Comment.objects.get()
    reply = make_comment(a_post, parent=comment, body="A reply that should stay.")
    page = client.get(a_post.get_absolute_url()).content.decode()
    assert reverse("comments:delete", args=[comment.pk]) in page

    response = client.post(reverse("comments:delete", args=[comment.pk]))
    assert response.status_code == 302
    comment.refresh_from_db()
    assert (comment.state, comment.body, comment.body_html, comment.author_name) == ("deleted", "", "", "Anonymous")
    assert comment.author_token_hash == ""
    html = Client().get(a_post.get_absolute_url()).content.decode()
    assert "Deleted by its author." in html
    assert "regret" not in html and "Worried PO" not in html
    assert "A reply that should stay." in html
    assert reply in comment.get_children()
    assert Decision.objects.filter(comment=comment, action="author_delete", moderator=None).exists()


def test_deleting_erases_text_kept_in_the_audit_log(client, a_post):
    _submit(client, a_post, "Management haven't a fucking clue.")
    comment = Comment.objects.get()
    client.post(reverse("comments:edit", args=[comment.pk]), {"body": "Management have no clue."})
    assert Decision.objects.filter(comment=comment).exclude(previous_body="").exists()
    client.post(reverse("comments:delete", args=[comment.pk]))
    assert not Decision.objects.filter(comment=comment).exclude(previous_body="").exists()


def test_another_browser_cannot_delete(client, a_post):
    _submit(client, a_post, "Mine, not yours.")
    comment = Comment.objects.get()
    stranger = Client()
    assert stranger.get(reverse("comments:delete", args=[comment.pk])).status_code == 403
    assert stranger.post(reverse("comments:delete", args=[comment.pk])).status_code == 403
    comment.refresh_from_db()
    assert comment.state == "published" and comment.body == "Mine, not yours."
    assert "comments/{}/delete/".format(comment.pk) not in stranger.get(a_post.get_absolute_url()).content.decode()
