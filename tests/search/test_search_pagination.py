"""Results come a page at a time; the next page keeps the query."""
from urllib.parse import quote_plus

from blogsite.search import RESULTS_PER_PAGE
from tests.factories import make_comment


def test_search_results_are_paginated(search, caseload_post):
    extra = 5
    for n in range(RESULTS_PER_PAGE + extra):
        make_comment(caseload_post, body=f"Comment {n} about the quango.")
    first = search("quango")
    second = search("quango", page=2)
    assert first.context["page_obj"].paginator.count == RESULTS_PER_PAGE + extra
    assert len(first.context["page_obj"]) == RESULTS_PER_PAGE
    assert len(second.context["page_obj"]) == extra
    seen = {r.comment.pk for r in first.context["page_obj"]} | {r.comment.pk for r in second.context["page_obj"]}
    assert len(seen) == RESULTS_PER_PAGE + extra  # no result on both pages


def test_search_next_page_link_keeps_the_query(search, caseload_post):
    for n in range(RESULTS_PER_PAGE + 1):
        make_comment(caseload_post, body=f"Comment {n}: quango & co.")
    html = search("quango & co").content.decode()
    assert f'href="?q={quote_plus("quango & co").replace("+", "%20")}&amp;page=2"' in html


def test_search_page_costs_a_fixed_number_of_queries(search, caseload_post, django_assert_max_num_queries):
    for n in range(RESULTS_PER_PAGE):
        make_comment(caseload_post, body=f"Comment {n} about the quango.")
    # The count, the page of (kind, id) rows, then its posts and its comments.
    with django_assert_max_num_queries(4):
        search("quango")
