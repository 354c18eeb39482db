"""RSS and Atom feeds of the latest published posts."""
from django.urls import reverse

from .conftest import ATOM


def test_posts_rss_lists_published_posts_newest_first(xml, two_posts):
    older, newer = two_posts
    channel = xml(reverse("blogsite:feed_posts_rss")).find("channel")
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == ["Newer", "Older"]
    assert [i.findtext("link") for i in items] == [
        f"http://testserver{newer.get_absolute_url()}",
        f"http://testserver{older.get_absolute_url()}",
    ]
    assert items[0].findtext("description") == newer.body_html
    assert items[0].findtext("pubDate").endswith("+0000")
    assert channel.findtext("link") == "http://testserver/"


def test_posts_atom_lists_published_posts(xml, two_posts):
    older, newer = two_posts
    feed = xml(reverse("blogsite:feed_posts_atom"))
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Newer", "Older"]
    assert entries[1].find(f"{ATOM}link").get("href") == f"http://testserver{older.get_absolute_url()}"
    assert entries[0].findtext(f"{ATOM}updated").startswith("2024-03-13T")
    assert feed.find(f"{ATOM}link[@rel='self']").get("href").endswith(reverse("blogsite:feed_posts_atom"))


def test_posts_feeds_of_the_seed_posts(xml, seeded):
    rss = xml(reverse("blogsite:feed_posts_rss"))
    assert [i.findtext("title") for i in rss.iter("item")] == [
        "Fancy Being a Probation Officer? 3",
        "Memo To Justin",
        "Tone Deaf",
        "Staff Views on Unification",
        "Still Vocal",
    ]
