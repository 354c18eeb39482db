from django.shortcuts import get_object_or_404, redirect

from comments.models import Comment


def permalink(request, pk):
    """A stable address for one comment: sends the reader to it in its thread."""
    comment = get_object_or_404(Comment.objects.select_related("post"), pk=pk)
    return redirect(f"{comment.post.get_absolute_url()}#{comment.anchor}")
