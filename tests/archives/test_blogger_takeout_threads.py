"""A Google Takeout feed.atom gives threads; drafts, trashed and deleted entries stay out."""
from blogsite.models import Post

SHAPE = """\
page: Contact
post: Caseloads
  Anonymous
    Bob
      Carol [held]
  Dave"""


def test_takeout_replies_form_threads(data_dir, import_file, thread_shape, source_states):
    output = import_file(data_dir / "blogger-takeout-threaded.atom")

    assert thread_shape() == SHAPE
    assert "held, as in the source archive: 1" in output
    assert "orphan replies kept as top-level comments: 1" in output


def test_takeout_skips_what_was_not_public(data_dir, import_file, source_states):
    output = import_file(data_dir / "blogger-takeout-threaded.atom")

    for line in (
        "skipped 1: posts with status DRAFT",
        "skipped 1: posts with status SOFT_TRASHED",
        "skipped 1: comments with status DELETED",
        "skipped 1: comments on posts not imported (drafts, trashed)",
    ):
        assert line in output
    assert sorted(Post.objects.values_list("title", flat=True)) == ["Caseloads", "Contact"]


def test_takeout_post_fields_are_kept(data_dir, import_file, source_states):
    import_file(data_dir / "blogger-takeout-threaded.atom")

    post = Post.objects.get(title="Caseloads")
    assert post.source_url == "https://takeout-test.blogspot.com/2021/05/caseloads.html"
    assert list(post.labels.values_list("name", flat=True)) == ["Workload"]
    assert post.author == "Jim"
