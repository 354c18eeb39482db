"""Reading, writing, editing and reporting comments, without JavaScript.

The author's private edit tokens live in their session (a cookie on their
own browser); the database keeps only each token's hash.
"""
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from blogsite.models import Post
from comments import markup, services
from comments.forms import AppealForm, CommentForm, ReportForm
from comments.models import Comment
from comments.ratelimit import allow, client_key
from comments.threads import page_number_of
from moderation import services as moderation
from moderation.identification import identifying_details

TOKENS = "comment_tokens"


def _garbled(request):
    """Django reads a form body that is not UTF-8 as Latin-1 instead of
    refusing it; refuse it ourselves rather than publish mojibake."""
    if request.content_type != "application/x-www-form-urlencoded":
        return False
    try:
        unquote_to_bytes(request.body.replace(b"+", b" ")).decode(request.encoding or "utf-8")
    except UnicodeDecodeError:
        return True
    return False


def _remember(request, comment, token):
    request.session.setdefault(TOKENS, {})[str(comment.pk)] = token
    request.session.modified = True


def own_tokens(request):
    """{comment pk (str): token} for the comments this browser wrote."""
    return request.session.get(TOKENS, {})


def _in_thread(comment):
    """The comment in its thread, on whichever page of threads holds it."""
    number = page_number_of(comment)
    page = f"?page={number}" if number > 1 else ""
    return redirect(f"{comment.post.get_absolute_url()}{page}#{comment.anchor}")


def _compose(request, post, form, *, parent=None, status=200, preview=None):
    return render(
        request,
        "comments/compose.html",
        {"post": post, "form": form, "parent": parent, "preview": preview},
        status=status,
    )


def permalink(request, pk):
    """A stable address for one comment: sends the reader to it in its thread."""
    return _in_thread(get_object_or_404(Comment.objects.select_related("post"), pk=pk))


def reply(request, pk):
    parent = get_object_or_404(Comment.objects.select_related("post"), pk=pk)
    form = CommentForm(initial={"parent": parent.pk})
    return _compose(request, parent.post, form, parent=parent)


@require_POST
def submit(request, post_pk):
    post = get_object_or_404(Post.objects.published(), pk=post_pk)
    form = CommentForm(request.POST)
    if form.is_bot:
        return _compose(request, post, CommentForm(), status=400)
    if _garbled(request):
        form.add_error(None, "The comment arrived garbled (it was not sent as UTF-8); please retype it.")
    parent = None
    if form.is_valid() and form.cleaned_data["parent"]:
        parent = Comment.objects.filter(pk=form.cleaned_data["parent"]).first()
        if parent is None:
            form.add_error(None, "The comment you are replying to does not exist.")
    if not form.is_valid():
        return _compose(request, post, form, parent=parent, status=400)
    fields = {"post": post, "parent": parent, "body": form.cleaned_data["body"], "author_name": form.cleaned_data["name"]}
    if "preview" in request.POST:
        return _compose(request, post, form, parent=parent, preview=_preview(body=fields["body"], author_name=fields["author_name"]))
    key = client_key(request)
    if not allow("comment", key, settings.COMMENT_RATE_LIMIT):
        form.add_error(None, "You have posted several comments in a short time. Please wait a few minutes.")
        return _compose(request, post, form, parent=parent, status=429)
    try:
        comment, token = services.comment_submit(**fields, client_key=key)
    except ValidationError as error:
        form.add_error(None, error)
        return _compose(request, post, form, parent=parent, status=400)
    _remember(request, comment, token)
    if comment.state == Comment.State.HELD:
        messages.warning(request, "Your comment is awaiting moderation: see why below. You can edit it from this browser.")
    else:
        messages.success(request, "Your comment is published.")
    return _in_thread(comment)


def _preview(*, body, author_name):
    """What the comment will look like, and which rules it may break (the nudge)."""
    rules, score, evidence = moderation.screen_fields(body=body, author_name=author_name)
    return {
        "html": markup.render_text(body),
        "name": author_name or "Anonymous",
        "rules": rules,
        "evidence": evidence,
        "quoted_only": sorted({e["rule"] for e in evidence if e.get("quoted")} - set(rules)),
        # A warning, never a block, and never stored.
        "identifying": identifying_details(body),
    }


def edit(request, pk):
    comment = get_object_or_404(Comment.objects.select_related("post"), pk=pk)
    token = own_tokens(request).get(str(pk))
    if not services.token_matches(comment, token):
        return render(request, "comments/not_yours.html", {"comment": comment}, status=403)
    if request.method == "POST":
        form = CommentForm(request.POST)
        if form.is_valid():
            try:
                comment = services.comment_resubmit(
                    comment=comment, token=token, body=form.cleaned_data["body"], author_name=form.cleaned_data["name"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if comment.state == Comment.State.HELD:
                    messages.warning(request, "Still awaiting moderation: a moderator will look at it.")
                else:
                    messages.success(request, "Thanks: your edited comment is published.")
                return _in_thread(comment)
    else:
        name = "" if comment.author_name == "Anonymous" else comment.author_name
        form = CommentForm(initial={"body": comment.body, "name": name})
    return render(request, "comments/edit.html", {"comment": comment, "post": comment.post, "form": form})


def report(request, pk):
    comment = get_object_or_404(Comment.objects.select_related("post"), pk=pk, state=Comment.State.PUBLISHED)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        key = client_key(request)
        if not allow("report", key, settings.REPORT_RATE_LIMIT):
            form.add_error(None, "You have sent many reports in a short time. Please try again later.")
            return render(request, "comments/report.html", {"comment": comment, "form": form}, status=429)
        try:
            moderation.report_file(comment=comment, rule=form.cleaned_data["rule"], note=form.cleaned_data["note"], client_key=key)
        except moderation.DuplicateReport:
            messages.info(request, "You have already reported this comment; a moderator will look at it.")
        else:
            messages.success(request, "Thank you: a moderator will look at your report.")
        return _in_thread(comment)
    return render(request, "comments/report.html", {"comment": comment, "form": form})


def delete(request, pk):
    """The author removes their own comment, from the browser that wrote it."""
    comment = get_object_or_404(Comment.objects.select_related("post"), pk=pk)
    token = own_tokens(request).get(str(pk))
    if not services.token_matches(comment, token):
        return render(request, "comments/not_yours.html", {"comment": comment}, status=403)
    if request.method == "POST":
        services.comment_delete_by_author(comment=comment, token=token)
        own_tokens(request).pop(str(pk), None)
        request.session.modified = True
        messages.success(request, "Your comment is deleted. Replies to it stay, under a placeholder.")
        return _in_thread(comment)
    return render(request, "comments/delete.html", {"comment": comment})


def mine(request):
    """This browser's comments: private feeds, a JSON copy, erase them all."""
    tokens = own_tokens(request)
    comments = services.comments_for_tokens(tokens)
    if request.method == "POST":
        for comment in comments:
            services.comment_delete_by_author(comment=comment, token=tokens[str(comment.pk)])
        request.session[TOKENS] = {}
        messages.success(request, f"Erased {len(comments)} comment(s). Replies to them stay, under placeholders.")
        return redirect("comments:mine")
    feeds = [(c, services.replies_signature(c)) for c in comments if c.state != Comment.State.DELETED]
    return render(request, "comments/mine.html", {"comments": comments, "feeds": feeds})


def mine_export(request):
    response = JsonResponse({"comments": services.export_for_tokens(own_tokens(request))}, json_dumps_params={"indent": 1})
    response["Content-Disposition"] = 'attachment; filename="my-comments.json"'
    return response


def appeal(request, pk):
    """The author asks a second moderator to look again (one appeal per decision)."""
    comment = get_object_or_404(Comment.objects.select_related("post"), pk=pk)
    if not services.token_matches(comment, own_tokens(request).get(str(pk))):
        return render(request, "comments/not_yours.html", {"comment": comment}, status=403)
    decision = moderation.appealable_decision(comment)
    form = AppealForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            moderation.appeal_file(comment=comment, text=form.cleaned_data["text"])
        except moderation.ModerationError as error:
            messages.info(request, f"Not sent: {error}.")
        else:
            messages.success(request, "Your appeal is with a second moderator.")
        return _in_thread(comment)
    return render(request, "comments/appeal.html", {"comment": comment, "decision": decision, "form": form})
