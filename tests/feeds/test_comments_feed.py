"""Each post's comments feed: published comments only, linked by permalink."""
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from blogsite.models import Post
from comments.models import Comment
from tests.factories import make_comment, make_post


def _feed_url(post):
    return reverse("blogsite:feed_post_comments", kwargs={"slug": post.slug})


def test_comments_feed_lists_only_published_comments(xml, mixed_thread):
    post, published = mixed_thread
    items = xml(_feed_url(post)).find("channel").findall("item")
    assert sorted(i.findtext("description") for i in items) == sorted(c.body_html for c in published)
    assert sorted(i.findtext("link") for i in items) == sorted(
        f"http://testserver{c.get_absolute_url()}" for c in published
    )


def test_comments_feed_never_carries_hidden_text(client, mixed_thread):
    post, _ = mixed_thread
    assert Comment.objects.filter(post=post, body__contains="SECRET").count() >= 2
    assert b"SECRET" not in client.get(_feed_url(post)).content


def test_comments_feed_item_link_reaches_the_comment(client, xml, mixed_thread):
    post, [shown, _] = mixed_thread
    links = [i.findtext("link") for i in xml(_feed_url(post)).iter("item")]
    response = client.get(links[-1].removeprefix("http://testserver"))
    assert response.status_code == 302
    assert response.url.startswith(post.get_absolute_url() + "#c")


def test_comments_feed_newest_dated_first(xml, db):
    post = make_post(slug="dated")
    now = timezone.now()
    make_comment(post, body="undated")
    make_comment(post, body="old", created=now - timedelta(days=2))
    make_comment(post, body="new", created=now - timedelta(days=1))
    bodies = [i.findtext("description") for i in xml(_feed_url(post)).iter("item")]
    assert bodies == ["<p>new</p>\n", "<p>old</p>\n", "<p>undated</p>\n"]


def test_comments_feed_of_a_hidden_or_missing_post_is_404(client, db):
    future = make_post(slug="future", published=timezone.now() + timedelta(days=1))
    page = make_post(slug="page", kind=Post.Kind.PAGE)
    for slug in (future.slug, page.slug, "no-such-post"):
        assert client.get(reverse("blogsite:feed_post_comments", kwargs={"slug": slug})).status_code == 404


def test_comments_feed_of_seed_post_004(xml, seeded, django_assert_max_num_queries):
    post = Post.objects.get(title="Memo To Justin")
    published = Comment.objects.published().filter(post=post)
    with django_assert_max_num_queries(2):  # the post, its comments
        items = list(xml(_feed_url(post)).iter("item"))
    assert len(items) == published.count() < Comment.objects.filter(post=post).count()
