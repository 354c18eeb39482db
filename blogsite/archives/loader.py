"""Writing a parsed Archive into the database, idempotently.

One transaction per file: a file either goes in whole or not at all. Posts and
comments are matched on their source id, so running the same file twice
creates nothing, and a newer export of the same blog adds only what is new
(and updates bodies that were edited). New comment trees are laid out in
memory (comments.trees) and written with bulk_create, a level at a time.
"""
from collections import Counter, deque
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify

from blogsite.models import Label, Post
from comments import markup
from comments.locks import lock_tree, lock_tree_allocation
from comments.models import ANONYMOUS, Comment
from comments.names import clean_name
from comments.threads import bump_thread_cache
from comments.trees import Node, lay_out
from moderation import services as moderation
from moderation.models import Decision

BATCH_SIZE = 1000


@dataclass
class PostSummary:
    title: str
    claimed: int | None
    found: int = 0

    def count_note(self):
        missing = self.claimed - self.found
        if missing > 0:
            return (
                f"the page says {self.claimed} comments, {self.found} found "
                f"({missing} fewer: most likely removed on the original blog)"
            )
        return f"the page says {self.claimed} comments, {self.found} found ({-missing} more)"


@dataclass
class LoadReport:
    path: str
    format: str
    dry_run: bool = False
    posts_created: int = 0
    posts_updated: int = 0
    posts_unchanged: int = 0
    top_level: int = 0
    replies: int = 0
    comments_unchanged: int = 0
    comments_updated: int = 0
    held_in_source: int = 0
    held_by_screening: int = 0
    orphans: int = 0
    skipped: Counter = field(default_factory=Counter)
    warnings: list = field(default_factory=list)
    posts: list = field(default_factory=list)
    # Called with 1 for every comment written: the command's progress bar.
    progress: object = field(default=None, repr=False)

    @property
    def comments_created(self):
        return self.top_level + self.replies

    def lines(self):
        verb = "would create" if self.dry_run else "created"
        out = [
            f"{self.path} ({self.format}): {verb} {self.posts_created} post(s), "
            f"{self.top_level} top-level comments, {self.replies} replies "
            f"({self.comments_created} comments)"
        ]
        if self.posts_unchanged or self.comments_unchanged:
            out.append(
                f"  already imported: {self.posts_unchanged} post(s), "
                f"{self.comments_unchanged} comments"
            )
        if self.posts_updated or self.comments_updated:
            out.append(
                f"  updated: {self.posts_updated} post(s), {self.comments_updated} comment bodies"
            )
        if self.held_in_source:
            out.append(f"  held, as in the source archive: {self.held_in_source}")
        if self.held_by_screening:
            out.append(f"  held by screening against the rules: {self.held_by_screening}")
        if self.orphans:
            out.append(f"  orphan replies kept as top-level comments: {self.orphans}")
        for reason, count in sorted(self.skipped.items()):
            out.append(f"  skipped {count}: {reason}")
        for post in self.posts:
            if post.claimed is not None and post.claimed != post.found:
                out.append(f"  warning: {post.title!r}: {post.count_note()}")
        out.extend(f"  warning: {warning}" for warning in self.warnings)
        return out


def archive_load(archive, *, dry_run=False, progress=None) -> LoadReport:
    """Write ``archive`` (one file); with ``dry_run`` roll everything back.

    ``progress``, if given, is called with 1 for each comment written.
    """
    report = LoadReport(path=archive.path, format=archive.format, dry_run=dry_run, progress=progress)
    report.skipped.update(archive.skipped)
    report.warnings.extend(archive.warnings)
    with transaction.atomic():
        posts = {record.source_id: _upsert_post(record, report) for record in archive.posts}
        _load_comments(archive.comments, posts, report)
        for post in posts.values():
            bump_thread_cache(post.pk)
        found = Counter(c.post_source_id for c in archive.comments)
        for record in archive.posts:
            report.posts.append(PostSummary(record.title, record.claimed_comment_count, found[record.source_id]))
        if dry_run:
            transaction.set_rollback(True)
    return report


def _fit(model, name, value):
    """Exports have no length limits; our columns do."""
    return value[: model._meta.get_field(name).max_length] if value else value


def _render(body, body_format):
    return markup.render_html(body) if body_format == "html" else markup.render_text(body)


def _upsert_post(record, report):
    fields = {
        "title": _fit(Post, "title", record.title),
        "kind": record.kind,
        "author": _fit(Post, "author", record.author),
        "body": record.body,
        "body_html": _render(record.body, record.body_format),
        "published": record.published,
        "updated": record.updated,
        "source_file": record.source_file,
        "source_url": record.source_url,
        "claimed_comment_count": record.claimed_comment_count,
    }
    post = Post.objects.filter(source_id=record.source_id).first()
    if post is None:
        post = Post.objects.create(
            source_id=record.source_id, slug=_unique_slug(record.title), **fields
        )
        report.posts_created += 1
    elif any(getattr(post, name) != value for name, value in fields.items()):
        for name, value in fields.items():
            setattr(post, name, value)
        post.save()
        report.posts_updated += 1
    else:
        report.posts_unchanged += 1
    if record.labels:
        post.labels.set(
            Label.objects.get_or_create(
                slug=slugify(name)[:100] or "label", defaults={"name": _fit(Label, "name", name)}
            )[0]
            for name in record.labels
        )
    return post


def _unique_slug(title):
    base = slugify(title)[:100] or "post"
    slug, n = base, 2
    while Post.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _load_comments(records, posts, report):
    existing = {
        source_id: (pk, body)
        for source_id, pk, body in Comment.objects.filter(post__in=posts.values())
        .exclude(source_id=None)
        .values_list("source_id", "pk", "body")
    }
    new, changed = [], []
    for record in records:
        if record.source_id in existing:
            pk, body = existing[record.source_id]
            if body != record.body:
                changed.append((pk, record))
            else:
                report.comments_unchanged += 1
        else:
            new.append(record)
    _update_bodies(changed, report)

    by_key = {record.source_id: record for record in new}
    under_existing = [r for r in new if r.parent_source_id in existing]
    nodes = [
        Node(
            key=r.source_id,
            # A reply to a comment stored by an earlier run is laid out as a
            # root here and attached to its real parent after the bulk insert.
            parent_key=None if r.parent_source_id in existing else r.parent_source_id,
            sort_key=(r.created is None, r.created or 0, index),
        )
        for index, r in enumerate(new)
    ]
    ordered, orphans = lay_out(nodes)
    report.orphans += len(orphans)
    for node in orphans:
        report.warnings.append(
            f"{node.key}: its parent {by_key[node.key].parent_source_id!r} is not in the "
            "archive; kept as a top-level comment"
        )
    _bulk_insert(ordered, by_key, posts, existing, under_existing, report)


def _update_bodies(changed, report):
    rows = Comment.objects.in_bulk([pk for pk, _ in changed])
    for pk, record in changed:
        row = rows[pk]
        row.body = record.body
        row.body_html = _render(record.body, record.body_format)
    Comment.objects.bulk_update(rows.values(), ["body", "body_html"], batch_size=BATCH_SIZE)
    report.comments_updated += len(changed)


def _bulk_insert(ordered, by_key, posts, existing, under_existing, report):
    """Insert laid-out trees a level at a time, so parents have ids first."""
    attach_later = {r.source_id for r in under_existing}  # and their subtrees
    lock_tree_allocation()
    next_tree_id = (Comment.objects.aggregate(top=Max("tree_id"))["top"] or 0) + 1
    saved = {}
    levels = {}
    for node in ordered:
        levels.setdefault(node.level, []).append(node)
    for level in sorted(levels):
        rows = []
        for node in levels[level]:
            record = by_key[node.key]
            if node.key in attach_later or node.parent_key in attach_later:
                attach_later.add(node.key)
                continue  # inserted below, through mptt, into its existing tree
            comment = _comment_from(record, posts)
            parent = saved.get(node.parent_key) if level else None
            comment.parent = parent
            comment.parent_id = parent.pk if parent else None
            comment.tree_id = next_tree_id + node.tree_offset
            comment.lft, comment.rght, comment.level = node.lft, node.rght, node.level
            rows.append(comment)
            _count(report, comment, is_reply=parent is not None)
        for comment in Comment.objects.bulk_create(rows, batch_size=BATCH_SIZE):
            saved[comment.source_id] = comment
        _log_holds(rows)

    # Replies to comments imported by an earlier run go in through mptt itself:
    # a newer export of the same blog adds few, and mptt keeps the tree right.
    # Breadth-first, in laid-out order, so siblings keep their order.
    children = {}
    for node in ordered:
        children.setdefault(by_key[node.key].parent_source_id, []).append(by_key[node.key])
    later = {r.source_id for r in under_existing}
    pending = deque(
        (by_key[n.key], existing[by_key[n.key].parent_source_id][0]) for n in ordered if n.key in later
    )
    while pending:
        record, parent_pk = pending.popleft()
        comment = _insert_reply(record, parent_pk, posts, report)
        pending.extend((child, comment.pk) for child in children.get(record.source_id, []))


def _insert_reply(record, parent_pk, posts, report):
    comment = _comment_from(record, posts)
    tree_id = Comment.objects.values_list("tree_id", flat=True).get(pk=parent_pk)
    lock_tree(tree_id)
    comment.parent = Comment.objects.get(pk=parent_pk)  # fresh bounds, under the lock
    comment.save()
    _log_holds([comment])
    _count(report, comment, is_reply=True)
    return comment


def _comment_from(record, posts):
    comment = Comment(
        post=posts[record.post_source_id],
        author_name=_fit(Comment, "author_name", clean_name(record.author_name) or ANONYMOUS),
        body=record.body,
        body_html=_render(record.body, record.body_format),
        created=record.created,
        state=Comment.State.HELD if record.held else Comment.State.PUBLISHED,
        source_id=record.source_id,
    )
    # Imported comments are screened like new ones; a hit holds the comment
    # for a moderator (the archive's own "held" wins either way).
    comment.held_in_source = record.held  # not a field: for the report
    rules = moderation.apply_screening(comment)
    if rules and settings.MODERATION_MODE != "off":
        comment.state = Comment.State.HELD
    return comment


def _log_holds(comments):
    """One audit-log entry for every comment the import holds back."""
    Decision.objects.bulk_create(
        [
            Decision(
                comment=comment,
                action=(
                    Decision.Action.HELD_BY_SOURCE
                    if comment.held_in_source
                    else Decision.Action.HELD_BY_SCREENING
                ),
                rule=comment.rule_codes[0] if comment.rule_codes else "",
                note=(
                    "held in the source archive"
                    if comment.held_in_source
                    else "screening on import: " + ", ".join(comment.rule_codes)
                ),
                from_state=Comment.State.PUBLISHED,
                to_state=Comment.State.HELD,
            )
            for comment in comments
            if comment.state == Comment.State.HELD
        ],
        batch_size=BATCH_SIZE,
    )


def _count(report, comment, *, is_reply):
    if report.progress:
        report.progress(1)
    if is_reply:
        report.replies += 1
    else:
        report.top_level += 1
    if comment.state == Comment.State.HELD:
        if comment.flagged_rules and not comment.held_in_source:
            report.held_by_screening += 1
        else:
            report.held_in_source += 1
