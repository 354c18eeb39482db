"""No e-mail address, IP address or user agent from an export reaches the database."""
import pytest

from blogsite.models import Post
from comments.models import Comment

PERSONAL = ("@example.org", "192.0.2.", "Mozilla/5.0", "noreply@blogger.com")


@pytest.mark.parametrize(
    ("name", "dropped"),
    [
        ("wxr-threaded.xml", "dropped e-mail/IP/user-agent fields from 2 entries"),
        ("blogger-atom-threaded.xml", "dropped e-mail/IP/user-agent fields from 3 entries"),
        ("blogger-takeout-threaded.atom", "dropped e-mail/IP/user-agent fields from 1 entry"),
    ],
)
def test_export_personal_fields_are_dropped_and_reported(data_dir, import_file, name, dropped):
    output = import_file(data_dir / name)

    stored = repr(list(Post.objects.values())) + repr(list(Comment.objects.values()))
    assert not [value for value in PERSONAL if value in stored]
    assert dropped in output
