"""Several "Anonymous" writers on one post are told apart, on that post only."""
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from tests.factories import make_post


def _post(client, post, body, ip):
    return client.post(reverse("comments:submit", args=[post.pk]), {"body": body, "post": "1"}, REMOTE_ADDR=ip)


def test_anonymous_writers_get_letters_in_order_of_appearance(a_post):
    alice, bob = Client(), Client()
    _post(alice, a_post, "First from one reader.", "10.0.0.1")
    _post(bob, a_post, "First from another reader.", "10.0.0.2")
    _post(alice, a_post, "Second from the first reader.", "10.0.0.1")
    html = Client().get(a_post.get_absolute_url()).content.decode()
    assert html.count("Anonymous A") == 2 and html.count("Anonymous B") == 1
    ids = list(Comment.objects.order_by("pk").values_list("anon_key", flat=True))
    assert ids[0] == ids[2] != ids[1]


def test_labels_cannot_be_linked_across_posts(a_post):
    other = make_post()
    reader = Client()
    _post(reader, a_post, "On the first post.", "10.0.0.1")
    _post(reader, other, "On the second post.", "10.0.0.1")
    keys = list(Comment.objects.order_by("pk").values_list("anon_key", flat=True))
    assert keys[0] != keys[1]
    assert "10.0.0.1" not in keys[0]


def test_authors_see_their_own_comments_marked(a_post):
    reader = Client()
    _post(reader, a_post, "Mine.", "10.0.0.1")
    _post(Client(), a_post, "Someone else's.", "10.0.0.2")
    html = reader.get(a_post.get_absolute_url()).content.decode()
    assert html.count('class="you"') == 1
    assert 'class="you"' not in Client().get(a_post.get_absolute_url()).content.decode()


def test_named_and_imported_comments_keep_their_names(client, seeded):
    from blogsite.models import Post

    post = Post.objects.get(title="Memo To Justin")
    html = client.get(post.get_absolute_url()).content.decode()
    assert "Anonymous A" not in html
    assert "&#x27;Getafix" in html
