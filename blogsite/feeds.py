"""RSS and Atom feeds of posts, and an RSS feed of each post's comments.

Built on Post.objects.published() and Comment.objects.published() only: held,
removed and deleted comments never reach a feed, not even as a title.
Descriptions are the sanitised body_html (the syndication framework escapes it
into the XML); links are absolute, made from the request's host.
"""
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import F
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from blogsite.models import Post
from comments.models import Comment

FEED_POSTS = 20
FEED_COMMENTS = 50


class LatestPostsFeed(Feed):
    title = settings.SITE_NAME
    description = settings.SITE_TAGLINE

    def link(self):
        return reverse("blogsite:home")

    def items(self):
        return Post.objects.published().order_by("-published")[:FEED_POSTS]

    def item_title(self, post):
        return post.title

    def item_description(self, post):
        return post.body_html

    def item_author_name(self, post):
        return post.author or None

    def item_pubdate(self, post):
        return post.published

    def item_updateddate(self, post):
        return post.updated or post.published


class LatestPostsAtomFeed(LatestPostsFeed):
    feed_type = Atom1Feed
    subtitle = LatestPostsFeed.description


class PostCommentsFeed(Feed):
    def get_object(self, request, slug):
        return get_object_or_404(Post.objects.published(), slug=slug)

    def title(self, post):
        return f"Comments on “{post.title}” · {settings.SITE_NAME}"

    def link(self, post):
        return post.get_absolute_url() + "#comments"

    def description(self, post):
        return f"The latest published comments on “{post.title}”."

    def items(self, post):
        # Comments copied from page text have no date: newest known first,
        # then the rest, most recently imported first.
        return (
            Comment.objects.published()
            .filter(post=post)
            .select_related("post")
            .order_by(F("created").desc(nulls_last=True), "-pk")[:FEED_COMMENTS]
        )

    def item_title(self, comment):
        return f"{comment.author_name} on “{comment.post.title}”"

    def item_description(self, comment):
        return comment.body_html

    def item_link(self, comment):
        # The permalink (/comments/<pk>/): stable even if the post's date or
        # slug changes, and it lands on the comment in its thread.
        return comment.get_absolute_url()

    def item_author_name(self, comment):
        return comment.author_name

    def item_pubdate(self, comment):
        return comment.created
