"""The SQLite fallback: any word matches; more distinct words rank higher."""
from tests.factories import make_comment

from .conftest import on_fallback

pytestmark = on_fallback


def test_search_fallback_any_word_matches_and_more_words_rank_higher(search, caseload_post):
    one = make_comment(caseload_post, body="Rotas again.")
    two = make_comment(caseload_post, body="Rotas and hearts.")
    three = make_comment(caseload_post, body="Rotas, hearts and minds.")
    results = [r.comment for r in search("rotas hearts minds").context["page_obj"]]
    assert results == [three, two, one]


def test_search_fallback_repeated_word_counts_once(search, caseload_post):
    repeated = make_comment(caseload_post, body="Rotas rotas rotas.")
    both = make_comment(caseload_post, body="Rotas and hearts.")
    assert [r.comment for r in search("rotas hearts").context["page_obj"]] == [both, repeated]


def test_search_fallback_matches_inside_words(search, caseload_post):
    # icontains: "caseload" finds "Caseloads" too (no stemming on SQLite).
    assert [r.kind for r in search("caseload").context["page_obj"]] == ["post"]


def test_search_fallback_snippet_marks_every_term(search, caseload_post):
    make_comment(caseload_post, body="Rotas and hearts, rotas and minds.")
    [result] = search("rotas minds").context["page_obj"]
    assert str(result.snippet) == "<mark>Rotas</mark> and hearts, <mark>rotas</mark> and <mark>minds</mark>."
