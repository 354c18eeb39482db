"""Feeds are announced in <head>; canonical links name the public SITE_URL."""
from django.conf import settings
from django.urls import reverse

from tests.factories import make_post


def test_head_links_announce_the_post_feeds(client, a_post):
    for url in (reverse("blogsite:home"), a_post.get_absolute_url()):
        html = client.get(url).content.decode()
        assert f'<link rel="alternate" type="application/rss+xml" title="On Probation (RSS)" href="{reverse("blogsite:feed_posts_rss")}">' in html
        assert f'type="application/atom+xml" title="On Probation (Atom)" href="{reverse("blogsite:feed_posts_atom")}"' in html


def test_head_links_post_page_announces_its_comments_feed(client, a_post):
    html = client.get(a_post.get_absolute_url()).content.decode()
    feed = reverse("blogsite:feed_post_comments", kwargs={"slug": a_post.slug})
    assert f'type="application/rss+xml" title="Comments on {a_post.title} (RSS)" href="{feed}"' in html


def test_head_links_post_canonical_is_absolute(client, a_post):
    html = client.get(a_post.get_absolute_url() + "?sort=newest", HTTP_HOST="localhost").content.decode()
    assert f'<link rel="canonical" href="{settings.SITE_URL}{a_post.get_absolute_url()}">' in html
    assert html.count('rel="canonical"') == 1


def test_head_links_home_canonical(client, db):
    for n in range(12):
        make_post()
    first = client.get(reverse("blogsite:home")).content.decode()
    second = client.get(reverse("blogsite:home"), {"page": 2}).content.decode()
    assert f'<link rel="canonical" href="{settings.SITE_URL}/">' in first
    assert f'<link rel="canonical" href="{settings.SITE_URL}/?page=2">' in second


def test_head_links_no_canonical_elsewhere(client, a_post):
    assert 'rel="canonical"' not in client.get(reverse("blogsite:archive")).content.decode()
