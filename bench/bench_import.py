"""Importing a generated Blogger archive of 100,000 comments.

    python -m bench.bench_import [--postgres] [--quick]

bench/gen_blogger.py writes the file (50 posts, mixed depths, shuffled) into
a temp dir. Every measurement runs in its own process with its own fresh
database, so none inherits another's rows, caches or memory:

* load:       read_archive() + archive_load(), as `import_archive` does;
* load-off:   the same with moderation.services.apply_screening made a no-op
              (here only), to show what screening costs;
* floor:      the same rows, tree fields and body_html computed beforehand
              (untimed), written by one flat bulk_create: the least any
              importer must spend in the database;
* one-by-one: the first 5,000 comments in tree order (every parent included)
              created through django-mptt's save(), one transaction; too
              slow for 100,000, so the time is extrapolated linearly, which
              flatters it (mptt's cost per insert grows with the trees).
              Screening time is measured apart, for the with/without rows.

Peak memory is the ru_maxrss of the load process at 10,000 and 100,000
comments: the whole process (Django and the profanity model included).
"""
import json
import resource
import subprocess
from html import escape as html_escape
import sys
import time
from pathlib import Path

from bench import common, gen_blogger

POSTS = 50
SIZE = 100_000
SMALL = 10_000
SUBSET = 5_000
TARGET_SPEEDUP = 20
TARGET_FLOOR = 2.0
TARGET_MEMORY = 2.0  # peak at 100k over peak at 10k, for a 10x bigger file


# -- Workers: one measurement each, in a process of its own ------------------


def _read(path):
    from blogsite.archives import read_archive

    t0 = time.perf_counter()
    archive = read_archive(path)
    return archive, time.perf_counter() - t0


def work_load(path, *, screening):
    from blogsite.archives.loader import archive_load
    from moderation import services

    if not screening:
        services.apply_screening = lambda comment: []
    t0 = time.perf_counter()
    archive, parse = _read(path)
    report = archive_load(archive)
    total = time.perf_counter() - t0
    return {
        "seconds": total,
        "parse": parse,
        "created": report.comments_created,
        "held_by_screening": report.held_by_screening,
    }


def _laid_out(archive):
    """(records in tree order, their Nodes) as the loader lays them out."""
    from comments.trees import Node, lay_out

    nodes = [
        Node(key=r.source_id, parent_key=r.parent_source_id, sort_key=(r.created is None, r.created or 0, i))
        for i, r in enumerate(archive.comments)
    ]
    ordered, _ = lay_out(nodes)
    by_key = {r.source_id: r for r in archive.comments}
    return [by_key[n.key] for n in ordered], ordered


def _make_posts(archive):
    from blogsite.models import Post

    return {
        r.source_id: Post.objects.create(
            source_id=r.source_id, slug=f"p{i}", title=r.title, body=r.body, body_html=r.body, published=r.published
        )
        for i, r in enumerate(archive.posts)
    }


def work_floor(path):
    from django.db import transaction

    from comments import markup
    from comments.models import Comment

    archive, _ = _read(path)
    posts = _make_posts(archive)
    records, nodes = _laid_out(archive)
    # The floor stores HTML it did not have to sanitise. What sanitising costs
    # the loader is estimated from a tenth of the bodies (for the notes only),
    # so the bench does not spend a minute on work it never times.
    sample = records[: max(1, len(records) // 10)]
    t0 = time.perf_counter()
    for r in sample:
        markup.render_html(r.body)
    render = (time.perf_counter() - t0) * len(records) / len(sample)
    html = [html_escape(r.body) for r in records]
    pk_of = {r.source_id: pk for pk, r in enumerate(records, start=1)}
    t0 = time.perf_counter()
    rows = [
        Comment(
            pk=pk_of[r.source_id],
            post=posts[r.post_source_id],
            parent_id=pk_of.get(r.parent_source_id),
            author_name=r.author_name,
            body=r.body,
            body_html=body_html,
            created=r.created,
            source_id=r.source_id,
            tree_id=1 + n.tree_offset,
            lft=n.lft,
            rght=n.rght,
            level=n.level,
        )
        for r, n, body_html in zip(records, nodes, html)
    ]
    with transaction.atomic():
        Comment.objects.bulk_create(rows, batch_size=1000)
    return {"seconds": time.perf_counter() - t0, "render": render, "created": len(rows)}


def work_one_by_one(path, *, subset):
    from django.db import transaction

    from comments import markup
    from comments.models import Comment
    from moderation import services

    archive, _ = _read(path)
    posts = _make_posts(archive)
    records = _laid_out(archive)[0][:subset]  # a pre-order prefix holds every parent
    saved, screen_time = {}, 0.0
    t0 = time.perf_counter()
    with transaction.atomic():
        for r in records:
            comment = Comment(
                post=posts[r.post_source_id],
                parent=saved.get(r.parent_source_id),
                author_name=r.author_name,
                body=r.body,
                body_html=markup.render_html(r.body),
                created=r.created,
                source_id=r.source_id,
            )
            s0 = time.perf_counter()
            services.apply_screening(comment)
            screen_time += time.perf_counter() - s0
            comment.save()
            saved[r.source_id] = comment
    total = time.perf_counter() - t0
    return {"seconds": total, "screening": screen_time, "created": len(records)}


def worker(mode, path, out, postgres, subset):
    common.setup_django(f"import_{mode.replace('-', '_')}", postgres=postgres)
    if mode in ("load", "load-off"):
        result = work_load(path, screening=mode == "load")
    elif mode == "floor":
        result = work_floor(path)
    else:
        result = work_one_by_one(path, subset=subset)
    result["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out.write_text(json.dumps(result))


# -- The runner ----------------------------------------------------------------


def run_worker(mode, path, tmp, *, postgres, subset=SUBSET):
    out = tmp / f"{mode}-{path.stem}.json"
    cmd = [sys.executable, "-m", "bench.bench_import", "--worker", mode, "--file", str(path), "--out", str(out)]
    cmd += ["--subset", str(subset)] + (["--postgres"] if postgres else [])
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=common.ROOT)
    print(f"  import bench: {mode} on {path.name}: {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return json.loads(out.read_text())


def measure(*, size, small, subset, postgres):
    tmp = common.scratch_dir("import")
    files = {}
    for n in (small, size):
        files[n] = tmp / f"blogger-{n}.xml"
        files[n] = (files[n], gen_blogger.generate(files[n], posts=POSTS, comments=n))
    big, small_file = files[size][0], files[small][0]
    results = {
        "load": run_worker("load", big, tmp, postgres=postgres),
        "load-off": run_worker("load-off", big, tmp, postgres=postgres),
        "floor": run_worker("floor", big, tmp, postgres=postgres),
        "one-by-one": run_worker("one-by-one", big, tmp, postgres=postgres, subset=subset),
        "load-small": run_worker("load", small_file, tmp, postgres=postgres),
    }
    for name, result in results.items():
        expected = subset if name == "one-by-one" else (small if name == "load-small" else size)
        assert result["created"] == expected, (name, result["created"], expected)
    return results, {n: meta for n, (_, meta) in files.items()}


def rows_for(results, meta, *, size, small, subset, db):
    load, off, floor, obo = results["load"], results["load-off"], results["floor"], results["one-by-one"]
    scale = size / obo["created"]
    obo_on = obo["seconds"] * scale
    obo_off = (obo["seconds"] - obo["screening"]) * scale
    n = f"{size // 1000}k"
    rows = []
    for label, mine, obo_s in (("screening on", load, obo_on), ("screening off", off, obo_off)):
        speedup = obo_s / mine["seconds"]
        rows.append(
            common.Row(
                f"import {n} comments ({db}), {label}: vs one-by-one save()",
                f"{common.secs(mine['seconds'])} (parse {common.secs(mine['parse'])})",
                f"{common.secs(obo_s)} (extrapolated x{scale:.0f} from {obo['created']:,})",
                speedup,
                f">= {TARGET_SPEEDUP}x faster",
                speedup >= TARGET_SPEEDUP,
            )
        )
    for label, mine in (("screening on", load), ("screening off", off)):
        ratio = mine["seconds"] / floor["seconds"]
        rows.append(
            common.Row(
                f"import {n} comments ({db}), {label}: vs flat bulk_create floor",
                common.secs(mine["seconds"]),
                common.secs(floor["seconds"]),
                ratio,
                f"<= {TARGET_FLOOR}x floor",
                ratio <= TARGET_FLOOR,
            )
        )
    rows[0].note = (
        f"one-by-one: {obo['created']:,} comments in tree order through mptt save() in one transaction, "
        f"{common.secs(obo['seconds'])} of which screening {common.secs(obo['screening'])}; x{scale:.0f} linear "
        "(generous to it: mptt's per-insert cost grows with tree size)"
    )
    rows[2].note = (
        f"where the loader's time goes (100k): parse {common.secs(load['parse'])}, screening "
        f"~{common.secs(load['seconds'] - off['seconds'])} (on minus off), markup ~{common.secs(floor['render'])} "
        f"(a tenth timed, scaled), DB write floor {common.secs(floor['seconds'])}; "
        f"held by screening: {load['held_by_screening']:,}"
    )
    growth = load["maxrss_mb"] / results["load-small"]["maxrss_mb"]
    file_growth = meta[size]["bytes"] / meta[small]["bytes"]
    rows.append(
        common.Row(
            f"import peak RSS, {small // 1000}k -> {size // 1000}k comments",
            f"{load['maxrss_mb']:.0f} MB at {size // 1000}k ({meta[size]['bytes'] / 1e6:.0f} MB file)",
            f"{results['load-small']['maxrss_mb']:.0f} MB at {small // 1000}k ({meta[small]['bytes'] / 1e6:.0f} MB file)",
            growth,
            f"<= {TARGET_MEMORY}x for a {file_growth:.0f}x file",
            growth <= TARGET_MEMORY,
            note=(
                "ru_maxrss of the whole load process (Django, profanity model, parsed records, ORM rows)"
            ),
        )
    )
    return rows


def main(argv=None):
    p = common.parser(__doc__.split("\n")[0])
    p.add_argument("--worker", choices=["load", "load-off", "floor", "one-by-one"], help=argparse_hidden())
    p.add_argument("--file", type=Path, help=argparse_hidden())
    p.add_argument("--out", type=Path, help=argparse_hidden())
    p.add_argument("--subset", type=int, default=SUBSET, help=argparse_hidden())
    args = p.parse_args(argv)
    if args.worker:
        worker(args.worker, args.file, args.out, args.postgres, args.subset)
        return 0
    size, small, subset = (10_000, 2_000, 1_000) if args.quick else (SIZE, SMALL, SUBSET)
    results, meta = measure(size=size, small=small, subset=subset, postgres=args.postgres)
    db = "PostgreSQL" if args.postgres else "SQLite"
    return common.finish(rows_for(results, meta, size=size, small=small, subset=subset, db=db), args)


def argparse_hidden():
    import argparse

    return argparse.SUPPRESS


if __name__ == "__main__":
    raise SystemExit(main())
