"""Big threads come a page of whole threads at a time, oldest or newest first."""
import re

from django.test import Client

from comments.models import Comment
from moderation.services import comment_approve, comment_remove
from tests.factories import make_big_post, make_comment


def _anchors(html):
    return re.findall(r'<li class="comment depth-\d+" id="(c\d+)"', html)


def test_threads_are_paginated_and_never_split(client, db, settings):
    settings.COMMENT_THREADS_PER_PAGE = 10
    post = make_big_post(500, slug="paged")
    roots = list(Comment.objects.filter(post=post, level=0).order_by("tree_id"))
    pages = -(-len(roots) // 10)
    assert pages >= 8
    first = client.get(post.get_absolute_url()).content.decode()
    assert f"Page 1 of {pages}" in first
    seventh = client.get(post.get_absolute_url(), {"page": 7}).content.decode()
    page_seven_roots = roots[60:70]
    shown = _anchors(seventh)
    expected = [
        c.anchor
        for c in Comment.objects.filter(post=post, tree_id__in=[r.tree_id for r in page_seven_roots]).order_by("tree_id", "lft")
    ]
    assert shown == expected


def test_permalink_to_a_comment_on_page_seven_lands_on_page_seven(client, db, settings):
    settings.COMMENT_THREADS_PER_PAGE = 10
    post = make_big_post(500, slug="permalinks")
    root = Comment.objects.filter(post=post, level=0).order_by("tree_id")[65]
    reply = Comment.objects.filter(tree_id=root.tree_id).order_by("-level").first()
    response = client.get(reply.get_absolute_url())
    assert response["Location"] == f"{post.get_absolute_url()}?page=7#{reply.anchor}"
    assert f'id="{reply.anchor}"' in client.get(response["Location"]).content.decode()


def test_newest_first_reverses_threads_but_not_replies(client, db):
    post = make_big_post(20, slug="sorted")
    oldest = _anchors(client.get(post.get_absolute_url()).content.decode())
    newest = _anchors(client.get(post.get_absolute_url(), {"sort": "newest"}).content.decode())
    threads = {}
    for comment in Comment.objects.filter(post=post).order_by("tree_id", "lft"):
        threads.setdefault(comment.tree_id, []).append(comment.anchor)
    assert oldest == [a for tid in sorted(threads) for a in threads[tid]]
    assert newest == [a for tid in sorted(threads, reverse=True) for a in threads[tid]]


def test_moderation_decision_shows_on_the_next_page_load(db, a_post, django_user_model):
    moderator = django_user_model.objects.create(username="mod", is_staff=True)
    held = make_comment(a_post, body="Held for now.", state="held")
    shown = make_comment(a_post, body="Soon to be removed.")
    reader = Client()
    before = reader.get(a_post.get_absolute_url()).content.decode()  # cached now
    assert "Awaiting moderation." in before and "Soon to be removed." in before
    comment_approve(comment=held, moderator=moderator)
    comment_remove(comment=shown, moderator=moderator, rule="personal_attack")
    after = reader.get(a_post.get_absolute_url()).content.decode()
    assert "Held for now." in after
    assert "Soon to be removed." not in after
    assert "Removed under rule 3: personal attacks." in after
