"""Every page has the search form; the results page is not for indexing."""
from django.urls import reverse

from tests.factories import make_comment


def test_search_form_is_in_every_header(client, caseload_post):
    make_comment(caseload_post, body="hello")
    for url in (reverse("blogsite:home"), caseload_post.get_absolute_url(), reverse("blogsite:archive")):
        html = client.get(url).content.decode()
        assert f'action="{reverse("blogsite:search")}"' in html, url
        assert 'name="q"' in html


def test_search_form_keeps_the_query(search, caseload_post):
    assert 'value="winter"' in search("winter").content.decode()


def test_search_results_page_is_noindex(search, caseload_post):
    html = search("winter").content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert 'rel="canonical"' not in html


def test_search_no_results_says_so(search, caseload_post):
    assert "Nothing found" in search("xylophone").content.decode()
