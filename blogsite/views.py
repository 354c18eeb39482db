from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.views.generic import ListView
from django.views.generic.dates import ArchiveIndexView as BaseArchiveIndexView
from django.views.generic.dates import MonthArchiveView, YearArchiveView

from comments.forms import CommentForm
from comments.models import Comment
from comments.views import own_tokens

from .models import Post


class PublishedPostsMixin:
    date_field = "published"
    allow_empty = True
    paginate_by = settings.POSTS_PER_PAGE

    def get_queryset(self):
        # Explicit order: Meta.ordering is dropped from GROUP BY queries.
        return (
            Post.objects.published()
            .with_comment_counts()
            .prefetch_related("labels")
            .order_by("-published")
        )


class PostListView(PublishedPostsMixin, ListView):
    template_name = "blogsite/post_list.html"


class ArchiveIndexView(PublishedPostsMixin, BaseArchiveIndexView):
    template_name = "blogsite/archive_index.html"
    paginate_by = None


class PostYearArchiveView(PublishedPostsMixin, YearArchiveView):
    template_name = "blogsite/archive_year.html"
    make_object_list = True
    allow_empty = False


class PostMonthArchiveView(PublishedPostsMixin, MonthArchiveView):
    template_name = "blogsite/archive_month.html"
    month_format = "%m"
    allow_empty = False


def post_detail(request, year, month, slug):
    post = get_object_or_404(
        Post.objects.published().prefetch_related("labels"),
        slug=slug,
        published__year=year,
        published__month=month,
    )
    # One query for every thread of the post, in tree order; the template
    # walks it (comments.templatetags.threads) without another query.
    comments = list(Comment.objects.for_thread(post))
    return render(
        request,
        "blogsite/post_detail.html",
        {
            "post": post,
            "comments": comments,
            "comment_count": len(comments),
            "form": CommentForm(),
            "own_tokens": own_tokens(request),
        },
    )
