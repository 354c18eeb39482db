"""The moderation queue's model: comments, seen through a proxy.

A proxy gives the queue its own admin page and its own permissions
(``moderation.view_queueitem`` / ``change_queueitem``), so a moderator can
work the queue without being allowed to edit comments in general. It has no
add or delete permission at all: comments arrive through ``comment_submit``
and leave the page through ``comment_remove``, never through a form.
"""
from comments.models import Comment


class QueueItem(Comment):
    class Meta:
        proxy = True
        app_label = "moderation"
        verbose_name = "comment needing review"
        verbose_name_plural = "comments needing review"
        default_permissions = ("view", "change")
