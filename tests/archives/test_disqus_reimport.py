"""Importing a Disqus export twice creates nothing; a newer export adds only what is new."""
from comments.models import Comment

NEWER_REPLY = """\
  <post dsq:id="1013">
    <message><![CDATA[<p>A later reply to Carol.</p>]]></message>
    <createdAt>2020-06-01T10:00:00Z</createdAt>
    <isDeleted>false</isDeleted>
    <isSpam>false</isSpam>
    <author><name>Kit</name><isAnonymous>true</isAnonymous></author>
    <thread dsq:id="101"/>
    <parent dsq:id="1003"/>
  </post>
</disqus>"""


def test_disqus_second_import_creates_nothing(data_dir, import_file, db_state):
    import_file(data_dir / "disqus-threaded.xml")
    before = db_state()

    output = import_file(data_dir / "disqus-threaded.xml")

    assert db_state() == before
    assert "created 0 post(s), 0 top-level comments, 0 replies" in output
    assert "already imported: 2 post(s), 8 comments" in output


def test_disqus_newer_export_adds_only_the_new_reply(
    data_dir, import_file, thread_shape, tmp_path, source_states
):
    import_file(data_dir / "disqus-threaded.xml")
    newer = tmp_path / "disqus-newer.xml"
    newer.write_text((data_dir / "disqus-threaded.xml").read_text().replace("</disqus>", NEWER_REPLY))

    output = import_file(newer)

    assert "created 0 post(s), 0 top-level comments, 1 replies" in output
    assert Comment.objects.count() == 9
    assert "      Carol\n        Kit\n" in thread_shape() + "\n"


def _reply(post_id, parent_id, name, when):
    return f"""  <post dsq:id="{post_id}">
    <message><![CDATA[<p>Reply from {name}.</p>]]></message>
    <createdAt>{when}</createdAt>
    <isDeleted>false</isDeleted>
    <isSpam>false</isSpam>
    <author><name>{name}</name><isAnonymous>true</isAnonymous></author>
    <thread dsq:id="101"/>
    <parent dsq:id="{parent_id}"/>
  </post>
"""


def test_newer_export_threads_new_replies_in_order_under_old_comments(
    data_dir, import_file, thread_shape, tmp_path, source_states
):
    import_file(data_dir / "disqus-threaded.xml")
    # Two new siblings under Carol's old comment, and a reply to the first,
    # listed out of order in the file.
    added = (
        _reply(1022, 1020, "Nell", "2020-06-03T10:00:00Z")
        + _reply(1021, 1003, "Mo", "2020-06-02T10:00:00Z")
        + _reply(1020, 1003, "Lee", "2020-06-01T10:00:00Z")
    )
    newer = tmp_path / "disqus-newer.xml"
    newer.write_text((data_dir / "disqus-threaded.xml").read_text().replace("</disqus>", added + "</disqus>"))

    output = import_file(newer)

    assert "0 top-level comments, 3 replies" in output
    assert "      Carol\n        Lee\n          Nell\n        Mo\n" in thread_shape() + "\n"
    fields = ("pk", "tree_id", "lft", "rght", "level", "parent_id")
    before = list(Comment.objects.order_by("pk").values_list(*fields))
    Comment.objects.rebuild()
    assert list(Comment.objects.order_by("pk").values_list(*fields)) == before
