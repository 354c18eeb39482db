"""The post page fetches its comments in a constant number of queries."""
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blogsite.models import Post
from comments.models import Comment
from tests.factories import make_big_post

# The post, its labels, the post's thread roots, the comments on the page:
# nothing per comment, nothing per thread. (A post whose threads span
# several pages adds one query when a comment refers to another by time.)
MAX_QUERIES = 4


def _queries_for(client, post):
    cache.clear()  # measure the uncached render
    with CaptureQueriesContext(connection) as captured:
        response = client.get(post.get_absolute_url())
    assert response.status_code == 200
    return len(captured)


def test_seed_post_page_queries_are_few(client, seeded, django_assert_max_num_queries):
    post = Post.objects.get(title="Tone Deaf")
    with django_assert_max_num_queries(MAX_QUERIES):
        client.get(post.get_absolute_url())


def test_post_page_queries_do_not_grow_with_the_thread(client, seeded, django_assert_max_num_queries):
    small = Post.objects.get(title="Tone Deaf")  # 48 comments
    big = make_big_post(2000)
    assert Comment.objects.filter(post=big).count() == 2000
    assert Comment.objects.filter(post=big, level__gte=3).exists()
    cache.clear()
    with django_assert_max_num_queries(MAX_QUERIES):
        client.get(big.get_absolute_url())
    assert _queries_for(client, big) == _queries_for(client, small)


def test_500_comment_post_renders_every_comment(client, db, django_assert_max_num_queries):
    post = make_big_post(500, slug="five-hundred")
    with django_assert_max_num_queries(MAX_QUERIES):
        html = client.get(post.get_absolute_url()).content.decode()
    assert html.count('class="comment depth-') == 500


def test_cached_thread_skips_the_comment_queries(client, db, django_assert_max_num_queries):
    post = make_big_post(300, slug="cached")
    client.get(post.get_absolute_url())
    with django_assert_max_num_queries(2):  # the post and its labels
        html = client.get(post.get_absolute_url()).content.decode()
    assert html.count('class="comment depth-') == 300
