"""Small builders for test data. Trees are built the way the site builds them:
single comments through mptt's save(), big threads through the importer."""
import functools
import itertools
from datetime import datetime

from django.utils import timezone

from blogsite.archives.loader import archive_load
from blogsite.archives.records import Archive, CommentRecord, PostRecord
from blogsite.models import Post
from comments import markup
from comments.models import Comment

_serial = itertools.count(1)


def make_post(**fields):
    n = next(_serial)
    fields.setdefault("title", f"Post {n}")
    fields.setdefault("slug", f"post-{n}")
    fields.setdefault("body", f"Body of post {n}.")
    fields.setdefault("published", timezone.make_aware(datetime(2024, 3, 13, 9, 0)))
    fields["body_html"] = markup.render_text(fields["body"])
    return Post.objects.create(**fields)


def make_comment(post, *, parent=None, body=None, **fields):
    body = body or f"Comment {next(_serial)}"
    return Comment.objects.create(
        post=post, parent=parent, body=body, body_html=markup.render_text(body), **fields
    )


def make_big_post(total, *, slug="big-thread", max_depth=6):
    """A post with ``total`` comments of mixed depth, written by the importer.

    Every fifth comment starts a new thread; the rest reply to a recent
    comment, going deeper up to ``max_depth``. Deterministic, no randomness.
    """
    source = f"generated-{slug}"
    archive = Archive(path=source, format="generated")
    archive.posts.append(
        PostRecord(
            source_id=source,
            title=f"A post with {total} comments",
            body="Generated for tests and benchmarks.",
            published=timezone.make_aware(datetime(2024, 1, 15, 12, 0)),
        )
    )
    depth_of = {}
    for n in range(1, total + 1):
        key = f"{source}#{n}"
        parent = None
        if n % 5 != 1:
            candidate = f"{source}#{n - 1 - (n % 3)}"
            if candidate in depth_of and depth_of[candidate] < max_depth:
                parent = candidate
        depth_of[key] = 0 if parent is None else depth_of[parent] + 1
        archive.comments.append(
            CommentRecord(
                source_id=key,
                post_source_id=source,
                body=f"Comment {n}: a few words about caseloads and the state of probation.",
                parent_source_id=parent,
            )
        )
    archive_load(archive)
    return Post.objects.get(source_id=source)


def tree_text(post):
    """The post's comment trees as indented text: one line per comment."""
    lines = []
    for comment in Comment.objects.filter(post=post).order_by("tree_id", "lft"):
        first_line = comment.body.strip().split("\n", 1)[0][:40]
        lines.append("  " * comment.level + first_line)
    return "\n".join(lines)


def pin_screening(monkeypatch, rules_by_text):
    """Make the services screen each text in ``rules_by_text`` as breaking
    exactly those rules (the whole text as evidence); other text is
    screened for real.

    For tests of what follows a verdict (holds, redaction, the figures):
    only rule 1 has sentences the word lists decide, and how the trained
    heads read any one sentence is ``manage.py score_screening``'s business.
    """
    from moderation import services
    from moderation.rules import RULE_CODES
    from moderation.screening import Evidence, Verdict

    real = services.screen

    def screen(text, *, quote_aware=True):
        if text not in rules_by_text:
            return real(text, quote_aware=quote_aware)
        rules = tuple(sorted(rules_by_text[text], key=RULE_CODES.index))
        evidence = tuple(Evidence(rule, text, "pinned by the test", 0, len(text)) for rule in rules)
        return Verdict(rules, 0.9 if rules else 0.1, evidence)

    monkeypatch.setattr(services, "screen", screen)
    # A fresh cache of screened names, dropped with the patch.
    monkeypatch.setattr(services, "_screen_name", functools.lru_cache(services._screen_name.__wrapped__))
