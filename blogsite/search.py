"""Search over published posts and published comments.

Only what a reader can already see is searchable: published posts
(``Post.objects.published()``) and published comments on them; held and
removed comments never match and their text never reaches a snippet.

PostgreSQL: full-text search (English stemming, ``websearch_to_tsquery``
syntax: "quoted phrases", or, -not). Every term must match; results are
ranked with ``ts_rank`` (post titles weigh more than bodies, comment text
more than the author's name) and snippets come from ``ts_headline``.

Anywhere else (SQLite, for ``make run``): a fallback. A row matches if any
term occurs in it (case-insensitive substring, ASCII case only), ranked by how
many distinct terms it contains; the snippet is a window of plain text around
the first match.

Limits: the query is cut to MAX_QUERY_LENGTH characters and MAX_TERMS words,
so a pasted essay costs the database no more than a short query does.

Both backends paginate one ranked list of (kind, pk) rows across posts and
comments (a UNION: one query to count, one for the page), then fetch only the
page's rows, with their snippets, in one query per kind.
"""
import html
import re
from dataclasses import dataclass
from functools import reduce
from operator import add, or_

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Case, CharField, Count, F, Q, Value, When
from django.utils.safestring import SafeString, mark_safe

from blogsite.models import Post
from comments.models import Comment

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
RESULTS_PER_PAGE = 20
SNIPPET_WORDS = 30

# Private-use code points mark the matches while the snippet is still plain
# text; only after everything else is escaped do they become <mark> tags, so
# nothing the author typed can ever open a tag of its own.
START, STOP = "\ue000", "\ue001"
_MARKED = re.compile(f"{START}([^{START}{STOP}]*){STOP}")
# Control characters (NUL above all: PostgreSQL refuses it in any string).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ue000\ue001]")
_WORD = re.compile(r"\w+")

POST, COMMENT = "post", "comment"


@dataclass(frozen=True)
class Query:
    text: str
    terms: tuple[str, ...]
    shortened: bool = False


@dataclass(frozen=True)
class Result:
    kind: str
    url: str
    title: str
    snippet: SafeString
    post: Post
    comment: Comment | None = None


def parse_query(raw: str | None) -> Query | None:
    """The reader's words, cleaned and capped; None when there is nothing to search."""
    text = " ".join(_CONTROL.sub(" ", raw or "").split())
    shortened = len(text) > MAX_QUERY_LENGTH
    text = text[:MAX_QUERY_LENGTH]
    words = list(dict.fromkeys(w.lower() for w in _WORD.findall(text)))
    if len(words) > MAX_TERMS:
        shortened = True
        words = words[:MAX_TERMS]
        # Cut the text the full-text parser sees at the same word.
        text = text[: _nth_word_end(text, MAX_TERMS)]
    if not words:
        return None
    return Query(text=text, terms=tuple(words), shortened=shortened)


def _nth_word_end(text, n):
    seen = set()
    for match in _WORD.finditer(text):
        seen.add(match.group().lower())
        if len(seen) == n:
            return match.end()
    return len(text)


def search(query: Query, page_number=None):
    """One page (django.core.paginator.Page) of Result, best match first."""
    backend = _postgres if connection.vendor == "postgresql" else _fallback
    ranked = backend.ranked_posts(query).union(backend.ranked_comments(query), all=True)
    # Tie-breakers keep pages stable when ranks are equal.
    ranked = ranked.order_by("-rank", "-hit_date", "hit_kind", "-hit_id")
    page = Paginator(ranked, RESULTS_PER_PAGE).get_page(page_number)
    page.object_list = _results(list(page.object_list), backend, query)
    return page


def _results(rows, backend, query):
    def fetch(queryset, kind):
        ids = [row["hit_id"] for row in rows if row["hit_kind"] == kind]
        # Filtered again: a comment removed since the ranking query stays unseen.
        return {row.pk: row for row in backend.with_snippets(queryset.filter(pk__in=ids), query)}

    posts = fetch(searchable_posts(), POST)
    comments = fetch(searchable_comments().select_related("post"), COMMENT)
    paged = _posts_with_several_pages({c.post_id for c in comments.values()})
    results = []
    for row in rows:
        if row["hit_kind"] == POST and row["hit_id"] in posts:
            post = posts[row["hit_id"]]
            results.append(Result(POST, post.get_absolute_url(), post.title, safe_snippet(post.snippet), post))
        elif row["hit_kind"] == COMMENT and row["hit_id"] in comments:
            comment = comments[row["hit_id"]]
            # Straight to the comment in its thread; where the threads run to
            # several pages, via the permalink, which finds the right page.
            if comment.post_id in paged:
                url = comment.get_absolute_url()
            else:
                url = f"{comment.post.get_absolute_url()}#{comment.anchor}"
            snippet = safe_snippet(comment.snippet)
            results.append(Result(COMMENT, url, comment.post.title, snippet, comment.post, comment))
    return results


def _posts_with_several_pages(post_ids):
    """Posts whose threads do not fit on one page (one query for them all)."""
    if not post_ids:
        return set()
    per_page = settings.COMMENT_THREADS_PER_PAGE
    return set(
        Comment.objects.filter(post_id__in=post_ids, level=0)
        .order_by()  # mptt's manager orders by tree: that would split the groups
        .values("post_id")
        .annotate(threads=Count("pk"))
        .filter(threads__gt=per_page)
        .values_list("post_id", flat=True)
    )


def searchable_posts():
    return Post.objects.published()


def searchable_comments():
    # A published comment under a post that is not (yet) live stays hidden.
    return Comment.objects.published().filter(post__in=Post.objects.published())


def _rows(matching, kind, when, rank):
    """The UNION's columns, the same on both sides (Post has a field named kind)."""
    return matching.annotate(
        hit_kind=Value(kind, output_field=CharField()),
        hit_id=F("pk"),
        hit_date=F(when),
        rank=rank,
    ).values("hit_kind", "hit_id", "hit_date", "rank").order_by()  # SQLite: no ORDER BY inside a UNION


# -- Snippets ---------------------------------------------------------------

_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")


def plain_text(body: str) -> str:
    """The words of a body as a reader sees them: imported bodies may be HTML."""
    return " ".join(html.unescape(_TAG.sub(" ", body)).split())


def safe_snippet(marked: str) -> SafeString:
    """Plain text with START/STOP around matches, to HTML whose only tags are <mark>."""
    text = html.escape(marked)
    text = _MARKED.sub(r"<mark>\1</mark>", text)
    # A delimiter the author typed must not survive, paired or not.
    return mark_safe(text.replace(START, "").replace(STOP, ""))


# -- PostgreSQL ---------------------------------------------------------------


class _Postgres:
    """Full-text search over the expressions the GIN indexes are built on.

    The indexes (blogsite/migrations/0002_search_indexes.py) index exactly
    post_vector() and comment_vector(): PostgreSQL uses an expression index
    only when the query repeats the identical expression, so change both
    together (tests/search/test_search_postgres.py checks the plan).
    """

    CONFIG = "english"

    def post_vector(self):
        from django.contrib.postgres.search import SearchVector

        return SearchVector("title", config=self.CONFIG, weight="A") + SearchVector(
            "body", config=self.CONFIG, weight="B"
        )

    def comment_vector(self):
        from django.contrib.postgres.search import SearchVector

        return SearchVector("body", config=self.CONFIG, weight="A") + SearchVector(
            "author_name", config=self.CONFIG, weight="B"
        )

    def ts_query(self, query):
        from django.contrib.postgres.search import SearchQuery

        return SearchQuery(query.text, config=self.CONFIG, search_type="websearch")

    def _ranked(self, queryset, query, *, kind, when, vector):
        from django.contrib.postgres.search import SearchRank

        ts_query = self.ts_query(query)
        # alias + exact lookup: WHERE <indexed expression> @@ <query>.
        matching = queryset.alias(document=vector).filter(document=ts_query)
        return _rows(matching, kind, when, SearchRank(vector, ts_query))

    def ranked_posts(self, query):
        return self._ranked(
            searchable_posts(), query, kind=POST, when="published", vector=self.post_vector()
        )

    def ranked_comments(self, query):
        return self._ranked(
            searchable_comments(), query, kind=COMMENT, when="post__published", vector=self.comment_vector()
        )

    def with_snippets(self, queryset, query):
        from django.contrib.postgres.search import SearchHeadline

        # Of the raw body, never body_html: safe_snippet escapes all of it
        # afterwards, so only our delimiters ever become tags.
        rows = queryset.annotate(
            snippet=SearchHeadline(
                "body",
                self.ts_query(query),
                config=self.CONFIG,
                start_sel=START,
                stop_sel=STOP,
                max_words=SNIPPET_WORDS,
                min_words=SNIPPET_WORDS // 2,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
        )
        for row in rows:
            row.snippet = plain_text(row.snippet)
        return rows


# -- Fallback (SQLite) ------------------------------------------------------------


class _Fallback:
    """Substring matching: no index, fine for a laptop-sized database."""

    def _ranked(self, queryset, query, *, kind, when, fields):
        found = [reduce(or_, (Q(**{f"{f}__icontains": term}) for f in fields)) for term in query.terms]
        rank = reduce(add, (Case(When(q, then=Value(1.0)), default=Value(0.0)) for q in found))
        return _rows(queryset.filter(reduce(or_, found)), kind, when, rank)

    def ranked_posts(self, query):
        return self._ranked(
            searchable_posts(), query, kind=POST, when="published", fields=("title", "body")
        )

    def ranked_comments(self, query):
        return self._ranked(
            searchable_comments(), query, kind=COMMENT, when="post__published", fields=("body", "author_name")
        )

    def with_snippets(self, queryset, query):
        rows = list(queryset)
        for row in rows:
            row.snippet = marked_window(row.body, query.terms)
        return rows


def marked_window(body: str, terms, words=SNIPPET_WORDS) -> str:
    """About ``words`` words of plain text around the first match, matches
    between START and STOP; the opening words when nothing in the body matched."""
    text = plain_text(body)
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.I)
    first = pattern.search(text)
    tokens = text.split(" ")
    if first is None:
        begin = 0
    else:
        before = text[: first.start()].count(" ")
        begin = max(0, before - words // 3)
    window = " ".join(tokens[begin : begin + words])
    window = pattern.sub(lambda m: f"{START}{m.group()}{STOP}", window)
    return ("… " if begin else "") + window + (" …" if begin + words < len(tokens) else "")


_postgres = _Postgres()
_fallback = _Fallback()
