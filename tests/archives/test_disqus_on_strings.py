"""The Disqus parser is pure: a string in, an Archive out."""
from datetime import UTC, datetime

import pytest

from blogsite.archives import disqus
from blogsite.archives.records import ArchiveError

# The help page's own example: zone-less times and a thread named by the
# text of its <id>, not by dsq:id.
HELP_PAGE = """<?xml version="1.0"?>
<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
  <thread dsq:id="2"><id>1</id><forum>disqusdev</forum><link/><title/><message/>
    <createdAt>2012-12-12T12:12:12</createdAt><author><name>Baz</name></author></thread>
  <post dsq:id="1"><id>2</id><message>Mother Russia</message><thread>1</thread>
    <isSpam>true</isSpam><createdAt>2012-12-12T12:12:12</createdAt></post>
  <post dsq:id="2"><id>1</id><message>Yo dude</message><parent dsq:id="1">2</parent>
    <thread>1</thread><createdAt>2012-12-12T12:12:13</createdAt></post>
  <post><id>3</id><message>Pending</message><thread dsq:id="2"/><isApproved>false</isApproved>
    <createdAt>2012-12-12T12:12:14</createdAt><author><name>Baz</name></author></post>
</disqus>"""


def test_disqus_help_page_example_parses():
    archive = disqus.parse(HELP_PAGE, path="help.xml")

    [post] = archive.posts
    assert (post.source_id, post.title, post.source_url) == ("disqus:thread-2", "(untitled)", "")
    assert post.published == datetime(2012, 12, 12, 12, 12, 12, tzinfo=UTC)
    reply, pending = archive.comments
    assert (reply.post_source_id, reply.parent_source_id) == ("disqus:thread-2", "disqus:post-1")
    assert (reply.body, reply.author_name, reply.held) == ("<p>Yo dude</p>", "Anonymous", False)
    assert (pending.source_id, pending.held, pending.line) == ("disqus:post-line-9", True, 9)
    assert archive.skipped == {"comments marked spam on Disqus": 1}


def test_disqus_sniff_wants_the_disqus_namespace():
    assert disqus.sniff(HELP_PAGE[:300])
    assert not disqus.sniff('<rss xmlns:dsq="http://www.disqus.com/">')  # Disqus's WXR import format


def test_disqus_parse_refuses_a_document_that_is_not_disqus():
    with pytest.raises(ArchiveError, match=r"^x\.xml:1: expected a <disqus> document, found <rss>$"):
        disqus.parse("<rss><channel/></rss>", path="x.xml")
