"""Writing comments: a reader's new comment, and the author's own edit.

Both screen the text against the published rules (moderation.services) and
log any hold. The author gets a private token instead of an account; only
its hash is stored, so the database alone cannot be used to edit anything.
"""
import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from comments import markup
from comments.locks import lock_tree, lock_tree_allocation
from comments.models import ANONYMOUS, Comment
from comments.names import clean_name
from comments.threads import bump_thread_cache
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
    if parent.level + 1 >= settings.COMMENT_MAX_DEPTH:
        raise ValidationError(
            "This conversation is nested as deep as it can go: reply to a comment further up.",
            code="too_deep",
        )


def anon_key(*, post, client_key):
    """Same writer, same post, same day: same key. Nothing links posts."""
    if not client_key:
        return ""
    message = f"anon:{post.pk}:{client_key}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:16]


@transaction.atomic
def comment_submit(*, post, body, author_name="", parent=None, client_key=""):
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
        author_name=clean_name(author_name) or ANONYMOUS,
        body=body,
        body_html=markup.render_text(body),
        created=timezone.now(),
        author_token_hash=_hash(token),
        anon_key=anon_key(post=post, client_key=client_key),
    )
    rules = moderation.apply_screening(comment)
    comment.state, action = moderation.initial_state(rules)
    comment.save()
    bump_thread_cache(post.pk)
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
    comment.author_name = clean_name(author_name) or ANONYMOUS
    comment.edited = timezone.now()
    rules = moderation.apply_screening(comment)
    comment.state, _ = moderation.initial_state(rules)
    comment.save()
    bump_thread_cache(comment.post_id)
    moderation.record(
        comment=comment,
        action=moderation.Action.RESUBMITTED,
        from_state=Comment.State.HELD,
        rule=rules[0] if rules else "",
        note="screening: " + ", ".join(rules) if rules else "screening: no rule tripped",
        previous_body=previous,
    )
    return comment


@transaction.atomic
def comment_delete_by_author(*, comment, token):
    """The author erases their own comment. The row stays as a placeholder so
    replies keep their place; the words, the name and any copy of them in
    the audit log are gone for good."""
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if not token_matches(comment, token):
        raise PermissionError("this browser did not write that comment")
    if comment.state == Comment.State.DELETED:
        return comment
    before = comment.state
    comment.state = Comment.State.DELETED
    comment.body = comment.body_html = ""
    comment.author_name = ANONYMOUS
    comment.flagged_rules = ""
    comment.evidence = []
    comment.screen_score = None
    comment.author_token_hash = ""
    comment.anon_key = ""
    comment.save()
    comment.decisions.update(previous_body="")
    comment.reports.update(note="", resolved=True)
    comment.open_reports = 0
    comment.save(update_fields=["open_reports"])
    moderation.record(comment=comment, action=moderation.Action.AUTHOR_DELETED, from_state=before)
    bump_thread_cache(comment.post_id)
    return comment


def comments_for_tokens(tokens):
    """The comments this browser wrote, verified against their token hashes."""
    pks = [int(pk) for pk in tokens if str(pk).isdigit()]
    return [
        comment
        for comment in Comment.objects.filter(pk__in=pks).select_related("post").order_by("pk")
        if token_matches(comment, tokens[str(comment.pk)])
    ]


def replies_signature(comment):
    """The secret part of a comment's private replies-feed address. Derived,
    not stored, and not the edit token: a leaked feed URL edits nothing."""
    message = f"replies:{comment.pk}:{comment.author_token_hash}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:32]


def export_for_tokens(tokens):
    """Everything this browser wrote, as plain data (the author's own copy)."""
    return [
        {
            "id": comment.pk,
            "post": comment.post.title,
            "url": comment.post.get_absolute_url() + f"#{comment.anchor}",
            "in_reply_to": comment.parent_id,
            "created": comment.created.isoformat() if comment.created else None,
            "state": comment.state,
            "name": comment.author_name,
            "text": comment.body,
        }
        for comment in comments_for_tokens(tokens)
    ]
