from django.urls import path

from comments import views

app_name = "comments"
urlpatterns = [
    path("<int:pk>/", views.permalink, name="permalink"),
    path("<int:pk>/reply/", views.reply, name="reply"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/report/", views.report, name="report"),
    path("post/<int:post_pk>/", views.submit, name="submit"),
]
