"""A Disqus export: threads become posts, posts become threaded comments."""
from datetime import UTC, datetime

from blogsite.models import Post

SHAPE = """\
post: Caseloads again
  Alice
    Bob
      Carol
  Eve
  Anonymous
  Fay
post: Unpaid work
  Gus
    Hal"""

BODIES = """\
post: Caseloads again
  <p>Top-level comment.</p><p>With a second paragraph.</p>
    <p>Second level.</p>
      <p>Third level.</p>
  <p>Answering a deleted comment.</p>
  <p>No name given.</p>
  <p>Answering a comment not in the file.</p>
post: Unpaid work
  <p>Unpaid work placements are short again.</p>
    <p>A reply on the second thread.</p>"""


def test_disqus_comments_form_threads(data_dir, import_file, thread_shape, source_states):
    output = import_file(data_dir / "disqus-threaded.xml")

    assert thread_shape() == SHAPE
    assert thread_shape(bodies=True) == BODIES
    assert "(disqus): created 2 post(s), 5 top-level comments, 3 replies (8 comments)" in output
    assert "orphan replies kept as top-level comments: 2" in output


def test_disqus_skips_deleted_spam_and_empty_threads(data_dir, import_file, source_states):
    output = import_file(data_dir / "disqus-threaded.xml")

    for line in (
        "skipped 1: comments deleted on Disqus",
        "skipped 1: comments marked spam on Disqus",
        "skipped 1: comments on deleted Disqus threads",
        "skipped 1: comments on Disqus threads not in the file",
        "skipped 1: Disqus threads deleted",
        "skipped 1: Disqus threads with no comments to import",
        "warning: 1 Disqus thread(s) were closed to new comments",
    ):
        assert line in output
    assert not Post.objects.filter(title__in=["Nobody commented", "Withdrawn post"]).exists()


def test_disqus_thread_fields_are_kept(data_dir, import_file, source_states):
    import_file(data_dir / "disqus-threaded.xml")

    post = Post.objects.get(source_id="disqus:thread-101")
    assert post.title == "Caseloads again"
    assert post.source_url == "https://probation-test.example/2020/01/caseloads/"
    assert post.published == datetime(2020, 1, 10, 9, 0, tzinfo=UTC)
    assert post.author == ""  # Disqus's thread author is whoever loaded the page first
    assert list(post.labels.values_list("name", flat=True)) == ["Workload"]
    assert "imported from Disqus" in post.body_html
    # The forum's default category ("General") is not a label.
    assert not Post.objects.get(source_id="disqus:thread-102").labels.exists()
