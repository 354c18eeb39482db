"""Writing comments: a reader's new comment, and the author's own edit.

Both screen the text against the published rules (moderation.services) and
log any hold. The author gets a private token instead of an account; only
its hash is stored, so the database alone cannot be used to edit anything.
"""
import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from comments import markup
from comments.locks import lock_tree, lock_tree_allocation
from comments.models import ANONYMOUS, Comment
from moderation import services as moderation


def _hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def token_matches(comment, token):
    return bool(token) and secrets.compare_digest(comment.author_token_hash, _hash(token))


def check_parent(*, post, parent):
    """A reply must answer a published comment of the same post."""
    if parent is None:
        return
    if parent.post_id != post.pk:
        raise ValidationError("That comment belongs to another post.", code="wrong_post")
    if parent.state != Comment.State.PUBLISHED:
        raise ValidationError("That comment is not open for replies.", code="parent_hidden")


@transaction.atomic
def comment_submit(*, post, body, author_name="", parent=None):
    """Screen and store a new comment. Returns (comment, private token)."""
    if parent is None:
        lock_tree_allocation()
    else:
        lock_tree(parent.tree_id)
        # Re-read under the lock: mptt places the reply from the parent's
        # current bounds, which another writer may just have moved.
        parent = Comment.objects.get(pk=parent.pk)
    check_parent(post=post, parent=parent)
    token = secrets.token_urlsafe(24)
    comment = Comment(
        post=post,
        parent=parent,
        author_name=author_name.strip() or ANONYMOUS,
        body=body,
        body_html=markup.render_text(body),
        created=timezone.now(),
        author_token_hash=_hash(token),
    )
    rules = moderation.apply_screening(comment)
    comment.state, action = moderation.initial_state(rules)
    comment.save()
    if action:
        moderation.record(
            comment=comment,
            action=action,
            from_state=Comment.State.PUBLISHED,
            rule=rules[0] if rules else "",
            note="screening: " + ", ".join(rules) if rules else "",
        )
    return comment, token


@transaction.atomic
def comment_resubmit(*, comment, token, body, author_name=""):
    """The author edits a held comment; it is screened again from scratch."""
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if not token_matches(comment, token):
        raise PermissionError("this browser did not write that comment")
    if comment.state != Comment.State.HELD:
        raise ValidationError("Only a comment awaiting moderation can be edited.", code="not_held")
    previous = comment.body
    comment.body = body
    comment.body_html = markup.render_text(body)
    comment.author_name = author_name.strip() or ANONYMOUS
    comment.edited = timezone.now()
    rules = moderation.apply_screening(comment)
    comment.state, _ = moderation.initial_state(rules)
    comment.save()
    moderation.record(
        comment=comment,
        action=moderation.Action.RESUBMITTED,
        from_state=Comment.State.HELD,
        rule=rules[0] if rules else "",
        note="screening: " + ", ".join(rules) if rules else "screening: no rule tripped",
        previous_body=previous,
    )
    return comment
