"""A page copy the parser cannot read is refused, naming file and line,
and the database is left exactly as it was."""
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from blogsite.models import Post
from comments.models import Comment

NUMBERED = """Saturday, 21 May 2022

A Title

The body.

2 comments:

  1. First comment.

    ReplyDelete
{second}"""


def _import(*paths):
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as refused:
        call_command("import_archive", *map(str, paths), stdout=out, stderr=err)
    return str(refused.value), err.getvalue()


def _snapshot():
    return (
        list(Post.objects.order_by("pk").values_list("pk", "title", "body")),
        list(Comment.objects.order_by("pk").values_list("pk", "body", "lft", "rght", "tree_id")),
    )


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        (NUMBERED.format(second="  3. Skipped a number.\n\n    ReplyDelete\n"), 12, "expected comment 2, found 3"),
        (
            NUMBERED.format(second="    Replies\n    2. Reply two first.\n\n      Delete\n"),
            13,
            "expected reply 1, found 2",
        ),
        (
            NUMBERED.replace("    ReplyDelete\n", "").format(second="  2. Unclosed before.\n"),
            11,
            "comment 2 starts before comment 1 (line 9) is closed by ReplyDelete",
        ),
        (NUMBERED.format(second="stray text at the margin\n"), 12, "unexpected text outside any comment"),
        ("Body line.\nReplyDelete\nReplyDelete\n", 3, "'ReplyDelete' marker with no comment text before it"),
        ("ReplyDeleteStarts with a marker.\n", 1, "'ReplyDelete' marker with no comment text before it"),
        ("Body.\nFirst line\nDeleteA reply with no comment.\n", 3, "a reply ('Delete') before any top-level comment"),
        ("Just some notes, no comments at all.\n", 1, "not a format this importer knows"),
        ("", 1, "the file is empty"),
    ],
)
def test_malformed_copy_is_refused_with_file_and_line(db, tmp_path, text, line, reason):
    path = tmp_path / "broken.txt"
    path.write_text(text)
    message, stderr = _import(path)
    assert f"{path}:{line}: {reason}" in stderr
    assert "1 of 1 file(s) refused" in message
    assert Post.objects.count() == 0


def test_invalid_utf8_is_refused_with_line(db, tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Saturday, 21 May 2022\n\nCaf\xe9 title\n".encode("latin-1"))
    _, stderr = _import(path)
    assert f"{path}:3: not valid UTF-8" in stderr


def test_refused_file_leaves_database_as_it_was(seeded, tmp_path):
    before = _snapshot()
    good_then_bad = tmp_path / "half.txt"
    # The first comment is fine; the file breaks after it. Nothing may stay.
    good_then_bad.write_text(NUMBERED.format(second="  9. Wrong number.\n"))
    _import(good_then_bad)
    assert _snapshot() == before


def test_copy_without_title_or_date_needs_them_given(db, tmp_path):
    path = tmp_path / "flat.txt"
    path.write_text("The body of the post.\nA comment.\nReplyDelete\n")
    _, stderr = _import(path)
    assert f"{path}: the copy has no title: pass --title" in stderr
    out = StringIO()
    call_command("import_archive", str(path), title="Given", published="2022-05-01", stdout=out)
    post = Post.objects.get()
    assert (post.title, post.published.date().isoformat()) == ("Given", "2022-05-01")
    assert Comment.objects.get().body == "A comment."


def test_good_files_go_in_even_when_another_is_refused(db, tmp_path, seed_files):
    bad = tmp_path / "bad.txt"
    bad.write_text("")
    message, _ = _import(seed_files[1], bad)
    assert "1 of 2 file(s) refused" in message
    assert Comment.objects.count() == 48
