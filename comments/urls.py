from django.urls import path

from comments import views

app_name = "comments"
urlpatterns = [
    path("<int:pk>/", views.permalink, name="permalink"),
]
