"""A WXR file with nested, held, spam, trashed, out-of-order and orphan comments."""
from blogsite.models import Post

SHAPE = """\
page: About
  Gus
post: Caseloads again
  Alice
    Bob
      Carol
    Dave [held]
  Eve
  Fay"""

BODIES = """\
page: About
  <p>Hello.</p>
post: Caseloads again
  <p>Top-level comment.</p>
    <p>Second level.</p>
      <p>Third level.</p>
    <p>Waiting for approval.</p> [held]
  <p>Answering a binned comment.</p>
  <p>Answering a comment not in the file.</p>"""


def test_wxr_comments_form_threads(data_dir, import_file, thread_shape, source_states):
    output = import_file(data_dir / "wxr-threaded.xml")

    assert thread_shape() == SHAPE
    assert thread_shape(bodies=True) == BODIES
    assert "held, as in the source archive: 1" in output
    assert "orphan replies kept as top-level comments: 2" in output


def test_wxr_skips_spam_trash_pingbacks_and_drafts(data_dir, import_file, source_states):
    output = import_file(data_dir / "wxr-threaded.xml")

    for line in (
        "skipped 1: spam comments",
        "skipped 1: trash comments",
        "skipped 1: pingbacks (automatic link notices)",
        "skipped 1: posts with status draft",
        "skipped 1: comments on items not imported",
        "skipped 1: attachment items",
    ):
        assert line in output


def test_wxr_post_fields_are_kept(data_dir, import_file, source_states):
    import_file(data_dir / "wxr-threaded.xml")

    post = Post.objects.get(source_id="wxr:https://probation-test.example/?p=10")
    assert post.author == "jim"
    assert list(post.labels.order_by("name").values_list("name", flat=True)) == ["TR", "Workload"]
    # WordPress keeps paragraphs as blank lines; they become <p>s.
    assert post.body_html == "<p>First paragraph.</p>\n<p>Second paragraph,<br>\nwith a line break.</p>"
    assert Post.objects.get(title="About").kind == "page"
