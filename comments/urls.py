from django.urls import path

from comments import views
from comments.feeds import RepliesFeed

app_name = "comments"
urlpatterns = [
    path("<int:pk>/", views.permalink, name="permalink"),
    path("<int:pk>/reply/", views.reply, name="reply"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/report/", views.report, name="report"),
    path("<int:pk>/delete/", views.delete, name="delete"),
    path("<int:pk>/appeal/", views.appeal, name="appeal"),
    path("post/<int:post_pk>/", views.submit, name="submit"),
    path("mine/", views.mine, name="mine"),
    path("mine/export.json", views.mine_export, name="mine_export"),
    path("<int:pk>/replies/<str:signature>/", RepliesFeed(), name="replies_feed"),
]
