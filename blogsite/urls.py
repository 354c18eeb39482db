from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from blogsite import feeds, views
from blogsite.sitemaps import SITEMAPS

blog_patterns = (
    [
        path("", views.PostListView.as_view(), name="home"),
        path("search/", views.search, name="search"),
        path("feeds/posts/rss/", feeds.LatestPostsFeed(), name="feed_posts_rss"),
        path("feeds/posts/atom/", feeds.LatestPostsAtomFeed(), name="feed_posts_atom"),
        path("feeds/post/<slug:slug>/comments/", feeds.PostCommentsFeed(), name="feed_post_comments"),
        path("archive/", views.ArchiveIndexView.as_view(), name="archive"),
        path("<int:year>/", views.PostYearArchiveView.as_view(), name="archive_year"),
        path("<int:year>/<int:month>/", views.PostMonthArchiveView.as_view(), name="archive_month"),
        path("<int:year>/<int:month>/<slug:slug>/", views.post_detail, name="post"),
    ],
    "blogsite",
)

urlpatterns = [
    path("admin/", admin.site.urls),
    path("comments/", include("comments.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="django.contrib.sitemaps.views.sitemap"),
    path("", include("moderation.urls")),
    path("", include(blog_patterns)),
]
