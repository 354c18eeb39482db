"""Writing the forum's posts and comments out, so the site can move or be kept.

    report = archive_export(out=handle, format="wxr", slug=None, include_held=False)

Two formats:

``wxr``
    WordPress eXtended RSS 1.2, which WordPress's own importer reads, and so
    does ``import_archive`` (a round trip gives the same posts and threads).
``json``
    One object: ``{"format", "version", "site", "posts": [{..., "comments":
    [...]}]}``, each comment with its ``parent`` id, for archiving or scripts.

What goes out: posts and pages whose publication time has come, with their
published comments (held ones too with ``include_held``). Removed comments
never do; a reply to a comment that is not exported hangs from the nearest
ancestor that is, so the thread still reads. Bodies are the sanitised HTML
the forum shows. There is no e-mail, IP address or user agent to leak: the
forum never stores them, and the WXR fields for them are left empty.

Everything is streamed, a post at a time, so a large site does not have to
fit in memory.
"""
import json
import re
from dataclasses import dataclass
from datetime import UTC
from xml.sax.saxutils import XMLGenerator

from django.conf import settings
from django.utils import timezone

from blogsite.models import Post
from comments.models import Comment

FORMATS = ("wxr", "json")
# Characters XML 1.0 cannot carry at all; pasted text sometimes has them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
WXR_NAMESPACES = {
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "wp": "http://wordpress.org/export/1.2/",
}


@dataclass
class ExportReport:
    format: str
    posts: int = 0
    comments: int = 0


def exportable_posts(*, slug=None):
    """Posts and pages that are live. Pages go too: a moved site needs its About page."""
    posts = Post.objects.filter(published__lte=timezone.now()).prefetch_related("labels")
    if slug:
        posts = posts.filter(slug=slug)
    return posts.order_by("published", "pk")


def exported_comments(post, *, include_held=False):
    """(comment, parent id as exported) in thread order, skipping what stays behind."""
    states = [Comment.State.PUBLISHED] + ([Comment.State.HELD] if include_held else [])
    thread = list(Comment.objects.for_thread(post))
    kept = {c.pk for c in thread if c.state in states}
    parents = {c.pk: c.parent_id for c in thread}
    for comment in thread:
        if comment.pk not in kept:
            continue
        parent = comment.parent_id
        while parent is not None and parent not in kept:
            parent = parents.get(parent)
        yield comment, parent


def archive_export(*, out, format, site_url, slug=None, include_held=False) -> ExportReport:
    """Write the archive to the text stream ``out``; return what was written."""
    if format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    report = ExportReport(format=format)
    writer = _write_wxr if format == "wxr" else _write_json
    writer(out, report, site_url=site_url.rstrip("/"), slug=slug, include_held=include_held)
    return report


# -- WXR ---------------------------------------------------------------------


def _write_wxr(out, report, *, site_url, slug, include_held):
    xml = XMLGenerator(out, encoding="utf-8", short_empty_elements=True)
    xml.startDocument()
    xml.startElement("rss", {"version": "2.0", **{f"xmlns:{k}": v for k, v in WXR_NAMESPACES.items()}})
    xml.startElement("channel", {})
    for name, value in (
        ("title", settings.SITE_NAME),
        ("link", site_url),
        ("description", getattr(settings, "SITE_TAGLINE", "")),
        ("language", settings.LANGUAGE_CODE),
        ("wp:wxr_version", "1.2"),
        ("wp:base_site_url", site_url),
        ("wp:base_blog_url", site_url),
        ("generator", "On Probation export_archive"),
    ):
        _element(xml, name, value)
    for post in exportable_posts(slug=slug):
        _wxr_item(xml, post, site_url, include_held, report)
    xml.endElement("channel")
    xml.endElement("rss")
    xml.endDocument()
    out.write("\n")


def _wxr_item(xml, post, site_url, include_held, report):
    xml.startElement("item", {})
    _element(xml, "title", post.title)
    _element(xml, "link", site_url + post.get_absolute_url())
    _element(xml, "pubDate", post.published.astimezone(UTC).strftime("%a, %d %b %Y %H:%M:%S +0000"))
    _element(xml, "dc:creator", post.author)
    _element(xml, "guid", f"{site_url}/?p={post.pk}", isPermaLink="false")
    _element(xml, "content:encoded", post.body_html)
    _element(xml, "excerpt:encoded", "")
    for name, value in (
        ("post_id", post.pk),
        *_wp_dates("post_date", post.published),
        ("comment_status", "open"),
        ("ping_status", "closed"),
        ("post_name", post.slug),
        ("status", "publish"),
        ("post_parent", 0),
        ("menu_order", 0),
        ("post_type", post.kind),
        ("post_password", ""),
        ("is_sticky", 0),
    ):
        _element(xml, f"wp:{name}", value)
    for label in post.labels.all():
        _element(xml, "category", label.name, domain="post_tag", nicename=label.slug)
    for comment, parent in exported_comments(post, include_held=include_held):
        _wxr_comment(xml, comment, parent, post)
        report.comments += 1
    xml.endElement("item")
    report.posts += 1


def _wxr_comment(xml, comment, parent, post):
    xml.startElement("wp:comment", {})
    # WordPress needs a date on every comment; ones copied from page text
    # have none, so they take the post's (thread order is kept by ids).
    for name, value in (
        ("comment_id", comment.pk),
        ("comment_author", comment.author_name),
        ("comment_author_email", ""),
        ("comment_author_url", ""),
        ("comment_author_IP", ""),
        *_wp_dates("comment_date", comment.created or post.published),
        ("comment_content", comment.body_html),
        ("comment_approved", 1 if comment.state == Comment.State.PUBLISHED else 0),
        ("comment_type", "comment"),
        ("comment_parent", parent or 0),
        ("comment_user_id", 0),
    ):
        _element(xml, f"wp:{name}", value)
    xml.endElement("wp:comment")


def _wp_dates(name, moment):
    return (
        (name, timezone.localtime(moment).strftime("%Y-%m-%d %H:%M:%S")),
        (f"{name}_gmt", moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")),
    )


def _element(xml, name, value, **attrs):
    xml.startElement(name, attrs)
    xml.characters(_NOT_XML.sub("", str(value)))
    xml.endElement(name)


# -- JSON --------------------------------------------------------------------


def _write_json(out, report, *, site_url, slug, include_held):
    site = {"name": settings.SITE_NAME, "url": site_url}
    header = {"format": "onprobation-archive", "version": 1, "site": site}
    out.write(json.dumps(header, ensure_ascii=False)[:-1] + ', "posts": [\n')
    for index, post in enumerate(exportable_posts(slug=slug)):
        thread = exported_comments(post, include_held=include_held)
        comments = [_json_comment(comment, parent) for comment, parent in thread]
        out.write(",\n" if index else "")
        out.write(json.dumps(_json_post(post, site_url, comments), ensure_ascii=False))
        report.posts += 1
        report.comments += len(comments)
    out.write("\n]}\n")


def _json_post(post, site_url, comments):
    return {
        "id": post.pk,
        "kind": post.kind,
        "title": post.title,
        "slug": post.slug,
        "url": site_url + post.get_absolute_url(),
        "author": post.author,
        "published": post.published.isoformat(),
        "updated": post.updated.isoformat() if post.updated else None,
        "labels": [label.name for label in post.labels.all()],
        "source_url": post.source_url,
        "body": post.body,
        "body_html": post.body_html,
        "comments": comments,
    }


def _json_comment(comment, parent):
    return {
        "id": comment.pk,
        "parent": parent,
        "author": comment.author_name,
        "created": comment.created.isoformat() if comment.created else None,
        "state": comment.state,
        "body": comment.body,
        "body_html": comment.body_html,
    }
