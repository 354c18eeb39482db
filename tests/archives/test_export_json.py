"""export_archive --format json writes posts with their threads, one post if asked."""
import json

import pytest
from django.core.management import CommandError, call_command

from comments.models import Comment


def test_export_json_holds_posts_and_comment_parents(data_dir, import_file, export_file, source_states):
    import_file(data_dir / "blogger-atom-threaded.xml")

    data = json.loads(export_file("json").read_text())

    assert data["format"] == "onprobation-archive"
    assert [p["title"] for p in data["posts"]] == ["About", "Transforming Rehabilitation"]
    comments = {c["author"]: c for c in data["posts"][1]["comments"]}
    assert comments["Carol"]["parent"] == comments["Bob"]["id"]
    assert comments["Anonymous"]["parent"] is None


def test_export_json_one_post(data_dir, import_file, export_file, source_states):
    import_file(data_dir / "blogger-atom-threaded.xml")

    data = json.loads(export_file("json", "--post", "about").read_text())

    assert [p["title"] for p in data["posts"]] == ["About"]


def test_export_reply_to_removed_comment_hangs_from_grandparent(
    data_dir, import_file, export_file, source_states
):
    import_file(data_dir / "blogger-atom-threaded.xml")
    Comment.objects.filter(author_name="Bob").update(state=Comment.State.REMOVED)

    data = json.loads(export_file("json").read_text())

    comments = {c["author"]: c for c in data["posts"][1]["comments"]}
    assert "Bob" not in comments
    assert comments["Carol"]["parent"] == comments["Anonymous"]["id"]


def test_export_unknown_post_is_an_error(db, tmp_path):
    with pytest.raises(CommandError, match="no post with slug 'nope'"):
        call_command("export_archive", str(tmp_path / "x.json"), "--format", "json", "--post", "nope")
