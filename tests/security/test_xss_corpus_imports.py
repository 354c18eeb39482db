"""Every known XSS payload, imported from an archive, renders inert.

The payloads become comment bodies (HTML), comment author names and post
bodies (HTML) of a generated Blogger Atom file and a generated WordPress WXR
file; `import_archive` loads them and the post pages are audited as a
browser parses them (tests/security/hostile_html.py).

A post body holds its batch's payloads one after another, so a payload there
is tested next to its neighbours; on its own, each is a comment body.
"""
import re
from io import StringIO
from xml.sax.saxutils import escape

import pytest
from django.core.management import call_command
from django.test import Client

from blogsite.models import Post
from comments.models import Comment
from tests.security.hostile_html import audit, chunks, load_payloads, parse, site_form_actions

PER_POST = 200
NAME_MAX = Comment._meta.get_field("author_name").max_length
# XML 1.0 cannot carry these at all, not even as &#...; references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_WHITESPACE = re.compile(r"\s+")


@pytest.fixture(scope="module")
def payloads():
    return load_payloads()


@pytest.fixture
def open_forum(db, settings):
    settings.MODERATION_MODE = "off"  # screening would hold payloads: placeholders, not text
    settings.COMMENT_THREADS_PER_PAGE = PER_POST


def _text(value):
    # Element content: &, < and > escaped; a CR kept as a reference, since
    # XML parsers turn a literal CR into LF.
    return escape(value, {"\r": "&#13;"})


def _cdata(value):
    # "]]>" would end the section: close it after "]]" and open a new one.
    return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _name(payload):
    return payload.text.strip()[:NAME_MAX]


def blogger_atom(batches):
    kind = "http://schemas.google.com/g/2005#kind"
    term = "http://schemas.google.com/blogger/2008/kind#"
    entries = []
    for n, batch in enumerate(batches, 1):
        post_id = f"tag:blogger.com,1999:blog-900.post-{n}"
        entries.append(
            f"<entry><id>{post_id}</id><published>2015-03-01T09:00:00.000Z</published>"
            f"<category scheme='{kind}' term='{term}post'/><title type='text'>Hostile post {n}</title>"
            f"<content type='html'>{_text(chr(10).join(p.text for p in batch))}</content>"
            "<author><name>Jim</name></author></entry>"
        )
        for m, payload in enumerate(batch, 1):
            entries.append(
                f"<entry><id>tag:blogger.com,1999:blog-900.post-{n}{m:04d}</id>"
                f"<published>2015-03-02T10:00:00.000Z</published><category scheme='{kind}' term='{term}comment'/>"
                f"<content type='html'>{_text(payload.text)}</content>"
                f"<author><name>{_text(_name(payload))}</name></author>"
                f"<thr:in-reply-to ref='{post_id}' type='text/html'/></entry>"
            )
    return (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        "<feed xmlns='http://www.w3.org/2005/Atom' xmlns:thr='http://purl.org/syndication/thread/1.0'>"
        "<id>tag:blogger.com,1999:blog-900</id><title type='text'>Hostile blog</title>\n"
        + "\n".join(entries)
        + "\n</feed>\n"
    )


def wxr(batches):
    items = []
    for n, batch in enumerate(batches, 1):
        comments = "".join(
            f"<wp:comment><wp:comment_id>{m}</wp:comment_id>"
            f"<wp:comment_author>{_cdata(_name(payload))}</wp:comment_author>"
            "<wp:comment_date_gmt>2020-01-10 10:00:00</wp:comment_date_gmt>"
            f"<wp:comment_content>{_cdata(payload.text)}</wp:comment_content>"
            "<wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>"
            for m, payload in enumerate(batch, 1)
        )
        items.append(
            f"<item><title>Hostile post {n}</title><link>https://hostile.example/?p={n}</link>"
            f"<content:encoded>{_cdata(chr(10).join(p.text for p in batch))}</content:encoded>"
            f"<wp:post_id>{n}</wp:post_id><wp:post_date_gmt>2020-01-10 09:00:00</wp:post_date_gmt>"
            f"<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>{comments}</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">'
        "<channel><title>Hostile blog</title><link>https://hostile.example</link>"
        "<wp:wxr_version>1.2</wp:wxr_version>\n" + "\n".join(items) + "\n</channel></rss>\n"
    )


@pytest.mark.parametrize("export", [blogger_atom, wxr], ids=["blogger-atom", "wxr"])
def test_xss_corpus_in_an_imported_archive_renders_inert(open_forum, payloads, tmp_path, export):
    fits = [p for p in payloads if not _NOT_XML.search(p.text)]
    # Only the few payloads with raw control characters cannot be exported.
    assert len(payloads) - len(fits) <= 20, len(payloads) - len(fits)
    batches = list(chunks(fits, PER_POST))
    path = tmp_path / f"hostile.{export.__name__}.xml"
    path.write_text(export(batches), encoding="utf-8")

    call_command("import_archive", str(path), stdout=StringIO(), stderr=StringIO())

    posts = {post.title: post for post in Post.objects.filter(title__startswith="Hostile post ")}
    assert len(posts) == len(batches)
    assert Comment.objects.filter(state=Comment.State.PUBLISHED).count() == len(fits)
    client, problems = Client(), []
    for n, batch in enumerate(batches, 1):
        post = posts[f"Hostile post {n}"]
        document = parse(client.get(post.get_absolute_url()).content.decode())
        problems += [f"post {n}: {finding}" for finding in audit(document, form_actions=site_form_actions(post))]
        names = [
            "".join(e.itertext()) for e in document.iter("span") if e.get("class") == "author"
        ]
        assert len(names) == len(batch), f"post {n}: {len(names)} of {len(batch)} comments shown"
        typed = sorted(_WHITESPACE.sub("", _name(p)) or "Anonymous" for p in batch)
        assert sorted(_WHITESPACE.sub("", name) for name in names) == typed
    print(f"\n{export.__name__}: {len(fits)} of {len(payloads)} payloads imported in {len(batches)} posts")
    assert not problems, "\n".join(problems[:40])
