"""An archive whose fields are longer than ours is imported cut to fit, never a crash.

Export files come from strangers. PostgreSQL refuses a value longer than its
column (DataError: the whole import dies with a traceback); SQLite stores it
whole, past the model's max_length. Either way the loader should cut it.
"""
from io import StringIO

import pytest
from django.core.management import call_command

from blogsite.models import Label, Post
from comments.models import Comment

WXR = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Long fields</title><link>https://long.example</link>
<item><title><![CDATA[{title}]]></title><link>https://long.example/?p=1</link>
<dc:creator><![CDATA[{author}]]></dc:creator>
<category domain="post_tag" nicename="x"><![CDATA[{label}]]></category>
<content:encoded><![CDATA[A post with long fields.]]></content:encoded>
<wp:post_id>1</wp:post_id><wp:post_date_gmt>2020-01-10 09:00:00</wp:post_date_gmt>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author><![CDATA[{name}]]></wp:comment_author>
<wp:comment_date_gmt>2020-01-10 10:00:00</wp:comment_date_gmt>
<wp:comment_content><![CDATA[A comment.]]></wp:comment_content>
<wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>
</item></channel></rss>
"""
SHORT = {"title": "Long fields", "author": "jim", "label": "TR", "name": "Carol"}


@pytest.mark.parametrize(
    ("field", "model", "column"),
    [
        ("name", Comment, "author_name"),
        ("title", Post, "title"),
        ("author", Post, "author"),
        ("label", Label, "name"),
    ],
)
def test_overlong_archive_field_is_cut_to_fit(db, tmp_path, field, model, column):
    limit = model._meta.get_field(column).max_length
    path = tmp_path / "long.xml"
    path.write_text(WXR.format(**{**SHORT, field: "L" * (limit + 50)}), encoding="utf-8")
    call_command("import_archive", str(path), stdout=StringIO(), stderr=StringIO())
    stored = model.objects.values_list(column, flat=True)
    assert stored and all(len(value) <= limit for value in stored)
