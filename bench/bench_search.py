"""Search over 100,000 comments on PostgreSQL (always: it is what search is for).

    python -m bench.bench_search [--quick]

The comments of a generated Blogger archive (bench/gen_blogger.py) go into a
scratch PostgreSQL database with one flat bulk_create (the import itself is
bench_import's business), then ANALYZE. Timed, median of N per query, for a
few reader queries (a common word, a rarer one, a quoted phrase, a miss):

* blogsite.search.search(): full text over the GIN expression indexes;
* baseline: the same function's own substring fallback (ILIKE, no index) run
  against the same PostgreSQL data: what search would cost without the
  full-text work.

Queries per search are counted on an untimed call.
"""
import statistics
import sys
import time

from bench import common, gen_blogger

SIZE = 100_000
REPEAT = 5
QUERIES = ["caseloads", "inspectorate", '"senior managers"', "zeppelin"]


def load(path):
    from django.db import connection, transaction

    from blogsite.archives import read_archive
    from bench.bench_import import _laid_out, _make_posts
    from comments.models import Comment

    archive = read_archive(path)
    posts = _make_posts(archive)
    records, nodes = _laid_out(archive)
    pk_of = {r.source_id: pk for pk, r in enumerate(records, start=1)}
    rows = [
        Comment(
            pk=pk_of[r.source_id],
            post=posts[r.post_source_id],
            parent_id=pk_of.get(r.parent_source_id),
            author_name=r.author_name,
            body=r.body,
            body_html=r.body,  # never shown here
            created=r.created,
            source_id=r.source_id,
            tree_id=1 + n.tree_offset,
            lft=n.lft,
            rght=n.rght,
            level=n.level,
        )
        for r, n in zip(records, nodes)
    ]
    with connection.cursor() as cursor:
        # Bulk-load practice: the GIN indexes are built once after the rows
        # are in (the same definitions, read back from pg_indexes), not
        # updated 100,000 times: a third of the load time on this machine.
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE indexdef LIKE '%USING gin%'")
        gin = cursor.fetchall()
        for name, _ in gin:
            cursor.execute(f'DROP INDEX "{name}"')
        with transaction.atomic():
            Comment.objects.bulk_create(rows, batch_size=2000)
        for _, definition in gin:
            cursor.execute(definition)
        cursor.execute("ANALYZE")
    return len(rows)


def measure(repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from blogsite import search

    def run(backend, text):
        def go():
            query = search.parse_query(text)
            saved = search._postgres
            if backend == "fallback":
                search._postgres = search._fallback  # the same code path, substring matching
            try:
                page = search.search(query, 1)
                return page.paginator.count, len(page.object_list)
            finally:
                search._postgres = saved

        return go

    per_query = {}
    for text in QUERIES:
        fns = {"fts": run("fts", text), "fallback": run("fallback", text)}
        with CaptureQueriesContext(connection) as captured:
            hits = fns["fts"]()
        n_queries = len(captured.captured_queries)
        fallback_hits = fns["fallback"]()
        times = common.interleaved_medians(fns, repeat=repeat, warmup=1)
        per_query[text] = {**times, "hits": hits[0], "fallback_hits": fallback_hits[0], "queries": n_queries}
    return per_query


def rows_for(per_query, size, repeat):
    fts = statistics.mean(q["fts"] for q in per_query.values())
    base = statistics.mean(q["fallback"] for q in per_query.values())
    queries = max(q["queries"] for q in per_query.values())
    detail = "; ".join(
        f"{text}: {common.ms(q['fts'])} vs {common.ms(q['fallback'])}, {q['hits']:,} hits (substring {q['fallback_hits']:,})"
        for text, q in per_query.items()
    )
    ratio = fts / base
    return [
        common.Row(
            f"search, {size:,} comments (PostgreSQL), mean of {len(per_query)} queries' medians of {repeat}",
            f"{common.ms(fts)}, {queries} q",
            f"ILIKE fallback {common.ms(base)}",
            ratio,
            "<= 1.0x",
            ratio <= 1.0,
            note=detail,
        )
    ]


def not_present_rows(reason):
    return [common.Row("search, 100,000 comments (PostgreSQL)", "-", f"not measured: {reason}", None, "-", None)]


def main(argv=None):
    args = common.parser(__doc__.split("\n")[0]).parse_args(argv)
    size, repeat = (10_000, 3) if args.quick else (SIZE, REPEAT)
    common.setup_django("search", postgres=True)
    try:
        from blogsite import search

        missing = [name for name in ("parse_query", "search", "_postgres", "_fallback") if not hasattr(search, name)]
    except ImportError:
        return common.finish(not_present_rows("search module not present"), args)
    if missing:
        return common.finish(not_present_rows(f"blogsite.search lacks {', '.join(missing)}"), args)
    tmp = common.scratch_dir("search")
    path = tmp / "blogger.xml"
    gen_blogger.generate(path, posts=50, comments=size)
    t0 = time.perf_counter()
    count = load(path)
    print(f"  search bench: loaded {count:,} comments in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return common.finish(rows_for(measure(repeat), size, repeat), args)


if __name__ == "__main__":
    raise SystemExit(main())
