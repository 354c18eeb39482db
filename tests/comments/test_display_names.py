"""Display names are stored without bidi controls, zero-width characters or soft hyphens."""
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from blogsite.archives.loader import archive_load
from blogsite.archives.records import Archive, CommentRecord, PostRecord
from comments.models import Comment
from comments.services import comment_resubmit, comment_submit

BODY = "The new caseload figures are worrying; our office lost three POs this month."
INVISIBLE = [
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",  # embeddings and overrides
    "\u2066", "\u2067", "\u2068", "\u2069",  # isolates
    "\u200e", "\u200f", "\u061c",  # marks
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff",  # zero-width
    "\u00ad",  # soft hyphen
]


@pytest.fixture
def screening_off(settings):
    settings.MODERATION_MODE = "off"


@pytest.mark.parametrize("char", INVISIBLE, ids=lambda c: f"U+{ord(c):04X}")
def test_display_name_invisible_character_is_dropped(a_post, screening_off, char):
    comment, _ = comment_submit(post=a_post, body=BODY, author_name=f"{char}Da{char}ve{char}")
    comment.refresh_from_db()
    assert comment.author_name == "Dave"


def test_display_name_reversed_by_override_is_stored_as_typed_letters(client, a_post, screening_off):
    # "\u202eevaD" shows as "Dave" and reverses whatever follows it on the page.
    data = {"name": " \u202eevaD\u202c ", "body": BODY, "post": "1"}
    client.post(reverse("comments:submit", args=[a_post.pk]), data)
    assert Comment.objects.get().author_name == "evaD"


def test_display_name_of_invisible_characters_only_is_anonymous(a_post, screening_off):
    comment, _ = comment_submit(post=a_post, body=BODY, author_name="\u200b\u2067\u00ad")
    assert comment.author_name == "Anonymous"


def test_display_name_is_cleaned_when_a_held_comment_is_resubmitted(a_post, settings):
    settings.MODERATION_MODE = "all"
    comment, token = comment_submit(post=a_post, body=BODY, author_name="Dave")
    comment = comment_resubmit(comment=comment, token=token, body=BODY, author_name="Da\u200dve\u2069")
    comment.refresh_from_db()
    assert comment.author_name == "Dave"


def test_display_name_is_cleaned_on_import(db, screening_off):
    archive = Archive(
        path="names.xml",
        format="wxr",
        posts=[PostRecord(source_id="p1", title="A post", body="Body.", published=datetime(2015, 3, 1, tzinfo=UTC))],
        comments=[CommentRecord(source_id="c1", post_source_id="p1", body=BODY, author_name="Da\u200bve\u202e")],
    )
    archive_load(archive)
    assert Comment.objects.get().author_name == "Dave"
