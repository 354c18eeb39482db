"""Readers can reach every post: home, archives, post pages, permalinks."""
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from blogsite.models import Post
from comments.models import Comment
from tests.factories import make_post


def _outline(html):
    lines = []
    depth = -1
    parser = HTMLParser()

    def start(tag, attrs):
        nonlocal depth
        attrs = dict(attrs)
        if tag == "ol":
            depth += 1
        if tag == "li" and "comment" in (attrs.get("class") or ""):
            lines.append("  " * depth + attrs["id"])

    def end(tag):
        nonlocal depth
        if tag == "ol":
            depth -= 1

    parser.handle_starttag = start
    parser.handle_endtag = end
    parser.feed(html)
    return lines


def test_home_lists_newest_posts_first(client, seeded):
    response = client.get(reverse("blogsite:home"))
    assert response.status_code == 200
    titles = [post.title for post in response.context["page_obj"]]
    assert titles == ["Fancy Being a Probation Officer? 3", "Memo To Justin", "Tone Deaf", "Staff Views on Unification", "Still Vocal"]
    assert "48 comments" in response.content.decode()


def test_home_is_paginated(client, db, settings):
    for n in range(12):
        make_post(title=f"Post number {n}")
    first = client.get(reverse("blogsite:home"))
    second = client.get(reverse("blogsite:home"), {"page": 2})
    assert len(first.context["page_obj"]) == 10
    assert len(second.context["page_obj"]) == 2
    assert 'rel="next"' in first.content.decode()


def test_archive_by_year_and_month(client, seeded):
    year = client.get(reverse("blogsite:archive_year", kwargs={"year": 2022}))
    assert [p.title for p in year.context["object_list"]] == ["Tone Deaf", "Staff Views on Unification", "Still Vocal"]
    month = client.get(reverse("blogsite:archive_month", kwargs={"year": 2023, "month": 8}))
    assert [p.title for p in month.context["object_list"]] == ["Memo To Justin"]
    assert client.get(reverse("blogsite:archive_month", kwargs={"year": 2019, "month": 1})).status_code == 404
    assert client.get(reverse("blogsite:archive")).status_code == 200


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_post_page_nests_comments_as_in_the_page(client, seeded, prefix):
    post = Post.objects.get(source_id__startswith=prefix)
    response = client.get(post.get_absolute_url())
    assert response.status_code == 200
    expected = [
        "  " * c.level + c.anchor for c in Comment.objects.filter(post=post).order_by("tree_id", "lft")
    ]
    assert _outline(response.content.decode()) == expected


def test_post_page_shows_found_and_claimed_counts(client, seeded):
    post = Post.objects.get(title="Tone Deaf")
    html = client.get(post.get_absolute_url()).content.decode()
    assert "48 comments" in html
    assert "(the original page said 49)" in html
    matching = Post.objects.get(title="Memo To Justin")
    assert "the original page said" not in client.get(matching.get_absolute_url()).content.decode()


def test_comment_permalink_lands_on_its_anchor(client, seeded):
    comment = Comment.objects.get(source_id="004_603bd1b254fd2665.txt#22")
    response = client.get(comment.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == f"{comment.post.get_absolute_url()}#c{comment.pk}"
    page = client.get(response["Location"]).content.decode()
    assert f'id="c{comment.pk}"' in page


def test_unknown_post_is_404(client, db):
    assert client.get("/2022/05/no-such-post/").status_code == 404


def test_pages_use_no_third_party_assets(client, seeded, settings):
    post = Post.objects.get(title="Memo To Justin")
    for url in (reverse("blogsite:home"), post.get_absolute_url()):
        html = client.get(url).content.decode()
        for attribute in ("src=", "href="):
            for chunk in html.split(attribute)[1:]:
                target = chunk[1:].split(chunk[0], 1)[0]
                is_comment_link = 'rel="nofollow ugc noopener"' in chunk[:600]
                own = target.startswith(("/", "#", "?", settings.SITE_URL + "/"))
                assert own or is_comment_link, target


def test_comment_markup_renders_as_html_not_as_text(client, a_post):
    from tests.factories import make_comment

    make_comment(a_post, body="First paragraph.\n\nSee https://www.gov.uk/probation <b>now</b>")
    html = client.get(a_post.get_absolute_url()).content.decode()
    assert "<p>First paragraph.</p>" in html
    assert '<a href="https://www.gov.uk/probation" rel="nofollow ugc noopener">' in html
    assert "&lt;b&gt;now&lt;/b&gt;" in html  # typed tags are shown, not obeyed
