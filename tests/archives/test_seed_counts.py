"""The five seed copies import with exactly the comments their pages hold."""
import re

import pytest

from blogsite.models import Post
from comments.models import Comment

EXPECTED = {  # file prefix: (top-level, replies)
    "000": (7, 11),
    "001": (18, 30),
    "002": (15, 7),
    "003": (9, 11),
    "004": (18, 22),
}


def _counts(post):
    comments = Comment.objects.filter(post=post)
    return comments.filter(parent=None).count(), comments.exclude(parent=None).count()


def test_seed_import_gives_exact_counts(seeded):
    found = {post.source_id[:3]: _counts(post) for post in Post.objects.all()}
    assert found == EXPECTED


def test_seed_import_prints_counts_and_header_warnings(import_seeds):
    output = import_seeds()
    for prefix, (top, replies) in EXPECTED.items():
        assert re.search(
            rf"{prefix}_\w+\.txt \(text\): created 1 post\(s\), {top} top-level comments, "
            rf"{replies} replies \({top + replies} comments\)",
            output,
        )
    assert "'Tone Deaf': the page says 49 comments, 48 found (1 fewer" in output
    assert "the page says 21 comments, 20 found (1 fewer" in output
    assert output.count("warning:") == 2


def test_seed_import_twice_creates_nothing(import_seeds):
    import_seeds()
    before = list(Comment.objects.order_by("pk").values_list("pk", "lft", "rght", "tree_id", "body"))
    output = import_seeds()
    after = list(Comment.objects.order_by("pk").values_list("pk", "lft", "rght", "tree_id", "body"))
    assert after == before
    assert Post.objects.count() == 5
    assert output.count("created 0 post(s), 0 top-level comments, 0 replies") == 5


def test_seed_dry_run_writes_nothing(import_seeds):
    output = import_seeds("--dry-run")
    assert "would create 1 post(s), 18 top-level comments, 30 replies" in output
    assert Post.objects.count() == 0
    assert Comment.objects.count() == 0


def test_seed_source_ids_count_in_document_order(seeded):
    post = Post.objects.get(source_id__startswith="004")
    ids = list(Comment.objects.filter(post=post).order_by("tree_id", "lft").values_list("source_id", flat=True))
    assert ids == [f"{post.source_id}#{n}" for n in range(1, 41)]


def test_seed_trees_match_what_mptt_rebuild_gives(seeded):
    fields = ("pk", "tree_id", "lft", "rght", "level", "parent_id")
    before = list(Comment.objects.order_by("pk").values_list(*fields))
    Comment.objects.rebuild()
    assert list(Comment.objects.order_by("pk").values_list(*fields)) == before


@pytest.mark.parametrize("marker", ["ReplyDelete", "Delete", "Replies"])
def test_seed_no_comment_holds_a_marker(seeded, marker):
    for body in Comment.objects.values_list("body", flat=True):
        assert not any(line.strip() == marker or line.startswith(marker) for line in body.split("\n"))


def test_seed_no_comment_is_only_a_signature(seeded):
    for body in Comment.objects.values_list("body", flat=True):
        assert body.strip() not in {"'Getafix", ""}


def test_import_shows_progress_only_on_a_terminal(db, seed_files):
    from io import StringIO

    from django.core.management import call_command

    class Terminal(StringIO):
        def isatty(self):
            return True

    quiet, loud = StringIO(), Terminal()
    call_command("import_archive", str(seed_files[4]), "--dry-run", stdout=quiet, stderr=StringIO())
    assert "comment/s" not in quiet.getvalue() and "%|" not in quiet.getvalue()
    import sys

    captured = StringIO()
    real, sys.stderr = sys.stderr, captured  # tqdm draws on stderr
    try:
        call_command("import_archive", str(seed_files[4]), "--dry-run", stdout=loud)
    finally:
        sys.stderr = real
    assert "/40 [" in captured.getvalue() and "comment/s" in captured.getvalue()
