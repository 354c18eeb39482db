"""No e-mail address, IP address or Disqus username reaches the database."""
from blogsite.models import Post
from comments.models import Comment

PERSONAL = ("@example.org", "192.0.2.", "_dsq")


def test_disqus_personal_fields_are_dropped_and_reported(data_dir, import_file):
    output = import_file(data_dir / "disqus-threaded.xml")

    stored = repr(list(Post.objects.values())) + repr(list(Comment.objects.values()))
    assert [value for value in PERSONAL if value in stored] == []
    assert "dropped e-mail/IP/user-agent fields from 8 entries" in output
    assert "dropped Disqus usernames from 5 entries" in output


def test_disqus_guest_without_a_name_is_anonymous(data_dir, import_file):
    import_file(data_dir / "disqus-threaded.xml")

    assert Comment.objects.get(source_id="disqus:post-1007").author_name == "Anonymous"
    # isAnonymous only means "not signed in": a guest's chosen name stays.
    assert Comment.objects.get(source_id="disqus:post-1009").author_name == "Gus"
