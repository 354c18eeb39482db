"""Posts and comments are found by their words and link to where they are read."""
from blogsite.models import Post
from comments.models import Comment
from tests.factories import make_comment


def test_search_finds_a_post_by_a_title_word(search, caseload_post):
    results = list(search("North").context["page_obj"])
    assert [(r.kind, r.post) for r in results] == [("post", caseload_post)]
    assert results[0].url == caseload_post.get_absolute_url()


def test_search_finds_a_post_by_a_body_word(search, caseload_post):
    results = list(search("winter").context["page_obj"])
    assert [r.post for r in results] == [caseload_post]


def test_search_comment_result_links_into_its_thread(search, caseload_post):
    parent = make_comment(caseload_post, body="First!")
    reply = make_comment(caseload_post, parent=parent, body="Rotas are published too late.")
    response = search("rotas")
    [result] = response.context["page_obj"]
    assert result.kind == "comment"
    assert result.comment == reply
    assert result.url == f"{caseload_post.get_absolute_url()}#c{reply.pk}"
    assert f'href="{result.url}"' in response.content.decode()


def test_search_finds_a_comment_by_its_author(search, caseload_post):
    comment = make_comment(caseload_post, body="Agreed.", author_name="Netnanny")
    assert [r.comment for r in search("netnanny").context["page_obj"]] == [comment]


def test_search_lists_posts_and_comments_together(search, caseload_post):
    comment = make_comment(caseload_post, body="My caseload doubled.")
    kinds = sorted((r.kind, r.comment) for r in search("caseload").context["page_obj"])
    assert kinds == [("comment", comment), ("post", None)]


def test_search_is_case_insensitive(search, caseload_post):
    assert len(search("WINTER").context["page_obj"]) == 1


def test_search_seed_word_finds_the_memo_comment(search, seeded):
    target = Comment.objects.get(source_id="004_603bd1b254fd2665.txt#36")
    [result] = search("distant").context["page_obj"]
    assert result.comment == target
    assert result.post == Post.objects.get(title="Memo To Justin")
    assert "<mark>" in result.snippet


def test_search_comment_on_a_later_page_of_threads_lands_on_that_page(search, caseload_post, client, settings):
    settings.COMMENT_THREADS_PER_PAGE = 2
    for n in range(3):
        make_comment(caseload_post, body=f"Thread {n} about nothing much.")
    late = make_comment(caseload_post, body="Zeppelins over the probation office.")
    [result] = search("zeppelins").context["page_obj"]
    assert result.url == late.get_absolute_url()
    landing = client.get(result.url)
    assert landing["Location"] == f"{caseload_post.get_absolute_url()}?page=2#{late.anchor}"
