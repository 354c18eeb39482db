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
