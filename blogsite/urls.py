from django.contrib import admin
from django.urls import include, path

from blogsite import views

blog_patterns = (
    [
        path("", views.PostListView.as_view(), name="home"),
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
    path("", include("moderation.urls")),
    path("", include(blog_patterns)),
]
