"""Fixtures for the export-format tests (Blogger Atom, Takeout, WXR, export).

The real-world samples are read in place from ../shared/samples beside the clone (or
$ONPROBATION_SAMPLES); tests that need them skip when it is absent. Small
hand-made exports live in tests/data/archives.
"""
import hashlib
import os
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from blogsite.models import Post
from comments.models import Comment

DATA = Path(settings.BASE_DIR) / "tests" / "data" / "archives"


def _samples_dir():
    default = Path(settings.BASE_DIR).parent / "shared" / "samples"
    return Path(os.environ.get("ONPROBATION_SAMPLES", default))


@pytest.fixture
def samples():
    directory = _samples_dir()
    if not directory.is_dir():
        pytest.skip(f"sample exports not found at {directory} (set ONPROBATION_SAMPLES)")
    return directory


@pytest.fixture
def data_dir():
    return DATA


@pytest.fixture
def import_file(db):
    """Run import_archive on one file; return its output."""

    def run(path, *extra):
        out = StringIO()
        call_command("import_archive", str(path), *extra, stdout=out, stderr=StringIO())
        return out.getvalue()

    return run


@pytest.fixture
def import_refused(db):
    """Run import_archive on one file that must be refused; return its stderr."""

    def run(path):
        err = StringIO()
        with pytest.raises(CommandError, match="1 of 1 file"):
            call_command("import_archive", str(path), stdout=StringIO(), stderr=err)
        return err.getvalue()

    return run


@pytest.fixture
def export_file(db, tmp_path):
    """Run export_archive; return the written file's path."""

    def run(fmt, *extra, name=None):
        out = tmp_path / (name or f"export.{fmt}")
        call_command("export_archive", str(out), "--format", fmt, *extra, stdout=StringIO())
        return out

    return run


@pytest.fixture
def db_state(db):
    """Row counts and a checksum of every Post and Comment column that matters."""

    def state():
        posts = Post.objects.order_by("pk").values_list(
            "pk", "title", "slug", "kind", "body", "body_html", "published", "source_id"
        )
        comments = Comment.objects.order_by("pk").values_list(
            "pk", "post_id", "parent_id", "body", "state", "source_id", "tree_id", "lft", "rght", "level"
        )
        digest = hashlib.sha256(repr((list(posts), list(comments))).encode()).hexdigest()
        return Post.objects.count(), Comment.objects.count(), digest

    return state


@pytest.fixture
def thread_shape(db):
    """Every post's threads as indented text: '<title>' then '  author: body [state]'."""

    def shape(*, bodies=False):
        lines = []
        for post in Post.objects.order_by("published", "title"):
            lines.append(f"{post.kind}: {post.title}")
            for comment in Comment.objects.for_thread(post):
                text = comment.body_html if bodies else comment.author_name
                state = "" if comment.state == Comment.State.PUBLISHED else f" [{comment.state}]"
                lines.append("  " * (comment.level + 1) + text + state)
        return "\n".join(lines)

    return shape


@pytest.fixture
def source_states(settings):
    """Screening off: comment states are the archive's own, as SOURCES.md counts them."""
    settings.MODERATION_MODE = "off"
