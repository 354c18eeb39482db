"""The sitemap (django.contrib.sitemaps): every published post and every
month archive that has one. Locations use the request's host, like feeds.
"""
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.db.models.functions import Coalesce, TruncMonth
from django.urls import reverse
from django.utils import timezone

from blogsite.models import Post


class PostSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Post.objects.published().order_by("-published")

    def lastmod(self, post):
        return post.updated or post.published


class MonthArchiveSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        # TruncMonth works in the current time zone, as the archive views do.
        return list(
            Post.objects.published()
            .annotate(month=TruncMonth("published"))
            .values("month")
            .annotate(lastmod=Max(Coalesce("updated", "published")))
            .order_by("-month")
        )

    def location(self, item):
        month = timezone.localtime(item["month"]) if timezone.is_aware(item["month"]) else item["month"]
        return reverse(
            "blogsite:archive_month", kwargs={"year": month.year, "month": f"{month.month:02d}"}
        )

    def lastmod(self, item):
        return item["lastmod"]


SITEMAPS = {"posts": PostSitemap, "months": MonthArchiveSitemap}

