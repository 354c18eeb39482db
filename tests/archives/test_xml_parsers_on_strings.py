"""The XML parsers are pure: a string in, an Archive out, errors naming the line."""
import pytest

from blogsite.archives import blogger_atom, wxr
from blogsite.archives.records import ArchiveError

ENTRY = """<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns='http://www.w3.org/2005/Atom'>
<entry><id>tag:blogger.com,1999:blog-1.post-5</id>
<published>2020-01-01T00:00:00Z</published>
<category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/>
<title type='text'></title>
<content type='html'>&lt;p&gt;An untitled post that still needs a heading on the forum.&lt;/p&gt;</content>
</entry></feed>"""


def test_blogger_atom_untitled_post_takes_its_opening_words():
    archive = blogger_atom.parse(ENTRY, path="x.xml")

    assert [p.title for p in archive.posts] == ["An untitled post that still needs a heading…"]


def test_wxr_parse_refuses_a_document_that_is_not_rss():
    with pytest.raises(ArchiveError, match=r"^x\.xml:2: expected a <rss> document, found <feed>$"):
        wxr.parse(ENTRY, path="x.xml")
