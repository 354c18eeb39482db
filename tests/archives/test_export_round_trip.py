"""WXR written by export_archive imports back into an empty site unchanged."""
from blogsite.models import Post
from comments.models import Comment


def _posts():
    return [
        (p.kind, p.title, p.author, p.published, p.body_html, sorted(p.labels.values_list("name", flat=True)))
        for p in Post.objects.order_by("published")
    ]


def test_export_wxr_round_trip_keeps_posts_and_threads(
    data_dir, import_file, export_file, thread_shape, source_states
):
    import_file(data_dir / "wxr-threaded.xml")
    posts, shape, bodies = _posts(), thread_shape(), thread_shape(bodies=True)
    exported = export_file("wxr", "--include-held", "--site-url", "https://onprobation.example")
    Comment.objects.all().delete()
    Post.objects.all().delete()

    output = import_file(exported)

    assert "created 2 post(s)" in output
    assert _posts() == posts
    assert thread_shape() == shape
    assert thread_shape(bodies=True) == bodies


def test_export_wxr_without_held_leaves_them_behind(data_dir, import_file, export_file, source_states):
    import_file(data_dir / "wxr-threaded.xml")

    text = export_file("wxr").read_text()

    assert "Waiting for approval." not in text
    assert text.count("<wp:comment>") == Comment.objects.published().count() == 6
