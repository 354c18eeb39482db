"""The site's URLs plus the post-page floor, for bench.bench_post_page only.

The floor is the least a post page can do: the same rows in one query,
rendered as a flat ``<ol>`` of ``body_html`` through the same middleware.
"""
from django.shortcuts import get_object_or_404
from django.http import HttpResponse
from django.template import engines
from django.urls import path

from blogsite.models import Post
from blogsite.urls import urlpatterns as site_patterns
from comments.models import Comment

FLOOR = engines["django"].from_string(
    "<!doctype html><title>{{ post.title }}</title><h1>{{ post.title }}</h1>"
    "<ol>{% for c in comments %}<li>{{ c.body_html|safe }}</li>{% endfor %}</ol>"
)


def floor(request, pk):
    post = get_object_or_404(Post, pk=pk)
    comments = Comment.objects.filter(post=post).order_by("tree_id", "lft")
    return HttpResponse(FLOOR.render({"post": post, "comments": comments}, request))


urlpatterns = [path("bench-floor/<int:pk>/", floor, name="bench-floor"), *site_patterns]
