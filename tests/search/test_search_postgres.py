"""PostgreSQL full-text search: stemming, ranking, headlines, the GIN indexes."""
from datetime import timedelta

from django.db import connection
from django.utils import timezone

from blogsite.models import Post
from blogsite.search import _postgres, parse_query
from comments.models import Comment
from tests.factories import make_big_post, make_comment, make_post

from .conftest import on_postgres

pytestmark = on_postgres


def test_search_stems_english_words(search, caseload_post):
    # "caseloads" (title) and "caseload" (body) are one lexeme.
    results = list(search("caseloading").context["page_obj"]) + list(search("caseload").context["page_obj"])
    assert {r.post for r in results} == {caseload_post}


def test_search_needs_every_word_and_honours_minus(search, caseload_post):
    make_comment(caseload_post, body="Heavy rotas, heavy hearts.")
    assert len(search("heavy caseload").context["page_obj"]) == 1  # the post only
    assert len(search("heavy").context["page_obj"]) == 2
    assert [r.kind for r in search("heavy -caseload").context["page_obj"]] == ["comment"]


def test_search_ranking_title_match_beats_body_match(search, db):
    in_body = make_post(title="Weekly notes", slug="notes", body="A word on unification at last.")
    in_title = make_post(title="Unification", slug="unification", body="Some thoughts.")
    assert [r.post for r in search("unification").context["page_obj"]] == [in_title, in_body]


def test_search_ranking_more_mentions_rank_higher(search, caseload_post):
    once = make_comment(caseload_post, body="Approved premises are full.")
    thrice = make_comment(caseload_post, body="Approved premises: premises everywhere, no premises free.")
    assert [r.comment for r in search("premises").context["page_obj"]] == [thrice, once]


def test_search_headline_marks_stemmed_words_in_fragments(search, caseload_post):
    body = "Inspections again. " + "Filler words about nothing at all. " * 30 + "Then another inspection."
    comment = make_comment(caseload_post, body=body)
    [result] = search("inspected").context["page_obj"]
    assert result.comment == comment
    assert result.snippet.count(" … ") == 1  # two fragments, the filler between left out
    assert "<mark>Inspections</mark>" in result.snippet
    assert "<mark>inspection</mark>" in result.snippet
    assert len(result.snippet) < len(body) / 2


def test_search_headline_of_user_html_is_text(search, caseload_post):
    make_comment(caseload_post, body='<a href="javascript:alert(1)">caseload</a> <script>x()</script>')
    [result] = [r for r in search("caseload").context["page_obj"] if r.comment]
    assert "<mark>caseload</mark>" in result.snippet
    assert "<" not in result.snippet.replace("<mark>", "").replace("</mark>", "")
    assert "javascript" not in result.snippet


def test_search_uses_the_gin_indexes(db, caseload_post):
    # Enough rows, analysed, that a sequential scan is not the cheaper plan:
    # on a handful of rows PostgreSQL rightly ignores any index.
    make_big_post(2000)
    Post.objects.bulk_create(
        Post(
            title=f"Filler {n}",
            slug=f"filler-{n}",
            body="Caseloads, rotas and the state of probation. " * 5,
            published=timezone.now() - timedelta(days=n),
        )
        for n in range(1, 1000)
    )
    make_comment(caseload_post, body="Splinterpants strikes again.")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE blogsite_post")
        cursor.execute("ANALYZE comments_comment")
        # Cost estimates still vary from machine to machine (on one CI run a
        # plain index scan of "published" won). With sequential and plain
        # index scans priced out, the plan shows whether the query's search
        # expression can use the GIN index at all; if it could not, the
        # planner would fall back to a priced-out scan, not a bitmap on it.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        # Earlier tests' inserts sit in the GIN indexes' pending lists (their
        # fast-update buffer, which autovacuum would merge); the planner
        # prices a long pending list high, so merge it as autovacuum would.
        cursor.execute("SELECT gin_clean_pending_list('post_search_gin'::regclass)")
        cursor.execute("SELECT gin_clean_pending_list('comment_search_gin'::regclass)")
    query = parse_query("splinterpants")
    post_plan = _postgres.ranked_posts(query).explain()
    comment_plan = _postgres.ranked_comments(query).explain()
    assert "Bitmap Index Scan on post_search_gin" in post_plan, post_plan
    assert "Bitmap Index Scan on comment_search_gin" in comment_plan, comment_plan
    assert Comment.objects.published().count() > 2000
