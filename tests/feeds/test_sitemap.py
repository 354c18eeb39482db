"""/sitemap.xml: every published post and every month archive holding one."""
from datetime import datetime, timezone as dt_timezone

from django.urls import reverse
from django.utils import timezone

from blogsite.models import Post
from tests.factories import make_post

from .conftest import SITEMAP


def _locations(xml):
    return {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod") for u in xml("/sitemap.xml").iter(f"{SITEMAP}url")}


def test_sitemap_lists_posts_and_month_archives(xml, two_posts):
    older, newer = two_posts
    make_post(title="Same month", slug="same-month", published=timezone.make_aware(datetime(2024, 3, 20, 9)))
    urls = _locations(xml)
    base = "http://testserver"
    posts = {base + p.get_absolute_url() for p in Post.objects.published()}
    months = {base + reverse("blogsite:archive_month", kwargs={"year": y, "month": m}) for y, m in [(2023, "08"), (2024, "03")]}
    assert set(urls) == posts | months
    assert len(posts) == 3
    assert urls[base + "/2024/03/"] == "2024-03-20"  # the month's latest post
    assert urls[base + older.get_absolute_url()] == "2023-08-26"


def test_sitemap_month_follows_london_time(xml, db):
    # 23:30 UTC on 31 March is 00:30 on 1 April in London (BST).
    post = make_post(slug="midnight", published=datetime(2024, 3, 31, 23, 30, tzinfo=dt_timezone.utc))
    urls = _locations(xml)
    assert post.get_absolute_url().startswith("/2024/04/")
    assert "http://testserver/2024/04/" in urls
    assert "http://testserver/2024/03/" not in urls


def test_sitemap_locations_all_resolve(client, xml, seeded):
    for loc in _locations(xml):
        assert client.get(loc.removeprefix("http://testserver")).status_code == 200, loc
