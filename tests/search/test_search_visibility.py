"""Only what a reader can already see is found: held, removed and deleted
comments, unpublished posts, pages and comments on them never are."""
from blogsite import search as site_search
from comments.models import Comment
from tests.factories import make_comment


def test_search_hidden_text_is_never_found(search, hidden_everywhere):
    response = search("zebracorn")
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 0
    assert "zebracorn comment" not in response.content.decode()


def test_search_finds_the_same_word_once_published(search, hidden_everywhere):
    published = make_comment(hidden_everywhere, body="A published zebracorn comment.")
    results = list(search("zebracorn").context["page_obj"])
    assert [r.comment for r in results] == [published]


def test_search_drops_a_comment_removed_since_it_was_ranked(search, caseload_post, monkeypatch):
    comment = make_comment(caseload_post, body="Quokka sightings in the office.")
    fetch_page = site_search._results

    def remove_first(rows, backend, query):
        Comment.objects.filter(pk=comment.pk).update(state=Comment.State.REMOVED)
        return fetch_page(rows, backend, query)

    monkeypatch.setattr(site_search, "_results", remove_first)
    response = search("quokka")
    assert list(response.context["page_obj"]) == []
    assert "Quokka sightings" not in response.content.decode()
