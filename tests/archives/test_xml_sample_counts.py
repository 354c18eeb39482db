"""Each real-world sample export imports exactly as SOURCES.md's last table says.

Screening is off here: the table counts what the archives themselves held
back; what the forum's own rules hold is the moderation tests' business.
"""
import pytest

from blogsite.models import Post
from comments.models import Comment

# file, posts, pages, comments, replies, held, skipped comments {reason: n}, orphans
EXPECTED = [
    ("blogger-atom-ghost-importer.xml", 4, 1, 13, 0, 0, {}, 0),
    ("blogger-atom-google-blog-converters.xml", 4, 0, 3, 0, 0, {}, 0),
    ("wxr-isso.xml", 3, 0, 8, 3, 0, {}, 0),
    ("wxr-pelican.xml", 7, 2, 3, 1, 0, {"trash comments": 1}, 1),
    (
        "wxr-wordpress-theme-unit-test.xml",
        56,
        21,
        29,
        10,
        3,
        {"pingbacks (automatic link notices)": 2, "trackbacks (automatic link notices)": 2},
        0,
    ),
]


@pytest.mark.parametrize(
    ("name", "posts", "pages", "comments", "replies", "held", "skipped", "orphans"), EXPECTED
)
def test_sample_import_counts_match_sources(
    samples, import_file, source_states, name, posts, pages, comments, replies, held, skipped, orphans
):
    output = import_file(samples / name)

    assert Post.objects.filter(kind="post").count() == posts
    assert Post.objects.filter(kind="page").count() == pages
    assert Comment.objects.count() == comments
    assert Comment.objects.filter(parent__isnull=False).count() == replies
    assert Comment.objects.held().count() == held
    for reason, count in skipped.items():
        assert f"skipped {count}: {reason}" in output
    if orphans:
        assert f"orphan replies kept as top-level comments: {orphans}" in output
    else:
        assert "orphan" not in output


def test_sample_page_comments_land_on_the_page(samples, import_file):
    import_file(samples / "blogger-atom-ghost-importer.xml")

    page = Post.objects.get(kind="page")
    assert page.title == "Feedback"
    assert page.comments.count() == 13


def test_sample_deepest_wxr_thread_is_ten_levels(samples, import_file):
    import_file(samples / "wxr-wordpress-theme-unit-test.xml")

    assert max(Comment.objects.values_list("level", flat=True)) == 9  # depth 10, counted from 0
