from django.conf import settings
from django.core.cache import cache
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.views.generic import ListView
from django.views.generic.dates import ArchiveIndexView as BaseArchiveIndexView
from django.views.generic.dates import MonthArchiveView, YearArchiveView

from comments.forms import CommentForm
from comments import threads
from comments.views import own_tokens

from . import search as site_search
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
    sort = request.GET.get("sort") if request.GET.get("sort") in threads.SORTS else "oldest"
    number = request.GET.get("page") or 1
    tokens = own_tokens(request)
    context = {"post": post, "form": CommentForm(), "own_tokens": tokens, "sort": sort}
    # Readers with no comment of their own awaiting moderation all see the
    # same threads: serve those from the cache. Authors get a fresh render
    # that shows them their held comments.
    key = None if tokens else threads.thread_cache_key(post.pk, sort, number)
    cached = cache.get(key) if key else None
    if cached is None:
        thread = threads.thread_page(post, number=number, sort=sort)
        cached = {
            "thread_html": render_to_string("comments/thread.html", {**context, "thread": thread}, request),
            "pagination_html": render_to_string(
                "comments/thread_pages.html", {**context, "thread": thread}, request
            ),
            "comment_count": thread.total,
        }
        if key:
            cache.set(key, cached, timeout=settings.THREAD_CACHE_SECONDS)
    return render(request, "blogsite/post_detail.html", {**context, **cached})


def search(request):
    """/search/?q=: published posts and comments, ranked, a page at a time."""
    query = site_search.parse_query(request.GET.get("q"))
    page = site_search.search(query, request.GET.get("page")) if query else None
    return render(
        request,
        "blogsite/search.html",
        {"query": query, "q": query.text if query else "", "page_obj": page},
    )
