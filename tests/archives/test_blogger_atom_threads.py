"""A Blogger "Back up content" file with replies gives the right trees, in any entry order."""
from blogsite.models import Post
from comments.models import Comment

SHAPE = """\
page: About
  Fay
post: Transforming Rehabilitation
  Anonymous
    Bob
      Carol
  Dave
  Eve"""


def test_blogger_atom_replies_form_threads(data_dir, import_file, thread_shape, source_states):
    output = import_file(data_dir / "blogger-atom-threaded.xml")

    assert thread_shape() == SHAPE
    assert "orphan replies kept as top-level comments: 1" in output
    assert "post-1999' is not in the archive" in output


def test_blogger_atom_skips_settings_template_and_drafts(data_dir, import_file, source_states):
    output = import_file(data_dir / "blogger-atom-threaded.xml")

    for line in (
        "skipped 1: Blogger settings entries (not content)",
        "skipped 1: Blogger template entries (not content)",
        "skipped 1: draft posts",
        "skipped 1: comments on posts not imported (drafts, trashed)",
    ):
        assert line in output
    assert not Post.objects.filter(title="Unfinished").exists()


def test_blogger_atom_post_fields_are_kept(data_dir, import_file, source_states):
    import_file(data_dir / "blogger-atom-threaded.xml")

    post = Post.objects.get(source_id="tag:blogger.com,1999:blog-777.post-100")
    assert (post.kind, post.author, post.source_url) == (
        "post",
        "Jim",
        "http://threaded.blogspot.com/2015/03/tr.html",
    )
    assert sorted(post.labels.values_list("name", flat=True)) == ["Probation", "TR"]
    assert post.published.isoformat() == "2015-03-01T09:00:00+00:00"
    assert post.body_html == "<p>The first post.</p>"
    assert Comment.objects.get(author_name="Carol").created.isoformat() == "2015-03-02T10:00:00+00:00"
