"""A private feed of replies to one comment: "replies to me" without e-mail.

The address carries a signature derived from the comment's token hash
(comments.services.replies_signature), so only its author can know it.
"""
import hmac

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed

from comments import services
from comments.models import Comment


class RepliesFeed(Feed):
    feed_type = Atom1Feed
    description_template = None

    def get_object(self, request, pk, signature):
        comment = get_object_or_404(Comment.objects.select_related("post"), pk=pk)
        if not comment.author_token_hash or not hmac.compare_digest(
            signature, services.replies_signature(comment)
        ):
            raise Http404("No such feed")
        return comment

    def title(self, comment):
        return f"Replies to your comment on “{comment.post.title}”"

    def link(self, comment):
        return comment.post.get_absolute_url() + f"#{comment.anchor}"

    def subtitle(self, comment):
        return "Private to you: keep this address to yourself."

    def items(self, comment):
        return (
            comment.get_descendants()
            .published()
            .exclude(author_token_hash=comment.author_token_hash)
            .order_by("-created", "-pk")[:50]
        )

    def item_title(self, reply):
        return f"{reply.author_name} replied"

    def item_description(self, reply):
        return reply.body_html

    def item_link(self, reply):
        return reply.get_absolute_url()

    def item_pubdate(self, reply):
        return reply.created
