"""Odd queries get a page, never an error: blank, long, control characters, bad pages."""
import pytest

from blogsite.search import MAX_QUERY_LENGTH, MAX_TERMS, parse_query


@pytest.mark.parametrize("q", [None, "", "   ", "\t\n", "!!! ??? ---", "\x00"])
def test_search_blank_query_shows_the_form_only(search, caseload_post, q):
    response = search(q)
    assert response.status_code == 200
    assert response.context["query"] is None
    assert response.context["page_obj"] is None
    assert "Type one or more words" in response.content.decode()


def test_search_very_long_query_is_shortened(search, caseload_post):
    response = search("winter " + "x" * 10_000)
    assert response.status_code == 200
    assert len(response.context["query"].text) == MAX_QUERY_LENGTH
    assert "only its first words were used" in response.content.decode()


def test_search_many_words_are_capped(search, caseload_post):
    words = [f"word{n}" for n in range(50)]
    query = parse_query(" ".join(words))
    assert query.terms == tuple(words[:MAX_TERMS])
    assert query.text == " ".join(words[:MAX_TERMS])
    assert query.shortened
    assert search(" ".join(words)).status_code == 200


def test_search_control_characters_are_dropped(search, caseload_post):
    # PostgreSQL refuses NUL in any string; the query must not reach it.
    response = search("win\x00ter")
    assert response.status_code == 200
    assert response.context["query"].text == "win ter"


@pytest.mark.parametrize("q", ['"unclosed phrase', "a & b | c", "-", "or", "):*", "'; DROP TABLE x; --"])
def test_search_syntax_characters_are_harmless(search, caseload_post, q):
    assert search(q).status_code == 200


@pytest.mark.parametrize("page", ["0", "-1", "abc", "999", ""])
def test_search_bad_page_numbers_fall_back(search, caseload_post, page):
    response = search("winter", page=page)
    assert response.status_code == 200
    assert len(response.context["page_obj"]) == 1


def test_search_query_is_echoed_escaped(search, caseload_post):
    html = search('<img src=x onerror="alert(1)">').content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x" in html
