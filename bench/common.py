"""What every benchmark shares: a scratch database, timing, result rows.

Each benchmark runs in its own process with its own database, made here
before django.setup(): a temp SQLite file, or with ``--postgres`` a scratch
PostgreSQL database that is dropped on exit. Benchmarks report ratios
against a baseline measured in the same process, because this machine is
shared and noisy: absolute times drift, ratios mostly do not.

A benchmark prints its own table and, with ``--json FILE``, writes its rows
for bench.run to gather into one table.
"""
import argparse
import atexit
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN_URL = os.environ.get("BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


@dataclass
class Row:
    benchmark: str
    project: str  # this project's figure, formatted
    baseline: str  # the baseline's figure, formatted (or "not measured: ...")
    ratio: float | None  # project / baseline, in the row's own sense
    target: str  # e.g. "<= 1.5x"
    met: bool | None  # None: no target or not measured
    note: str = ""


def parser(description):
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--postgres", action="store_true", help="scratch PostgreSQL database instead of SQLite")
    p.add_argument("--json", type=Path, help="write result rows here (for bench.run)")
    p.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke test")
    return p


def scratch_dir(name):
    path = Path(tempfile.mkdtemp(prefix=f"onprobation-bench-{name}-"))
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


def setup_django(name, *, postgres=False, migrate=True):
    """Point settings at a fresh database, django.setup(), migrate; return the dir."""
    sys.path.insert(0, str(ROOT))
    tmp = scratch_dir(name)
    os.environ["ONPROBATION_VAR_DIR"] = str(tmp)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "blogsite.settings")
    os.environ.pop("DJANGO_DEBUG", None)
    if postgres:
        os.environ["DATABASE_URL"] = _create_pg_database(name)
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'db.sqlite3'}"
    import django

    django.setup()
    if migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)
    return tmp


def _create_pg_database(name):
    import psycopg

    db = f"onprobation_bench_{name}_{os.getpid()}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{db}"')
        conn.execute(f'CREATE DATABASE "{db}"')
    atexit.register(_drop_pg_database, db)
    return PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + db


def _drop_pg_database(db):
    import psycopg
    from django.db import connections

    connections.close_all()
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')


def median_time(fn, *, repeat, warmup=1):
    """Median wall time of ``fn()`` over ``repeat`` runs, after ``warmup`` runs."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def interleaved_medians(fns, *, repeat, warmup=1):
    """Median time of each named function, run in turn so noise hits all alike."""
    for fn in fns.values():
        for _ in range(warmup):
            fn()
    times = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
    return {name: statistics.median(ts) for name, ts in times.items()}


def ms(seconds):
    return f"{seconds * 1000:.1f} ms"


def secs(seconds):
    return f"{seconds:.2f} s"


HEADER = ("benchmark", "this project", "baseline", "ratio", "target", "met?")


def format_table(rows):
    def met(row):
        return "-" if row.met is None else ("yes" if row.met else "NO")

    cells = [HEADER] + [
        (
            r.benchmark,
            r.project,
            r.baseline,
            "-" if r.ratio is None else f"{r.ratio:.2f}x",
            r.target or "-",
            met(r),
        )
        for r in rows
    ]
    widths = [max(len(c[i]) for c in cells) for i in range(len(HEADER))]
    line = lambda c: " | ".join(v.ljust(w) for v, w in zip(c, widths)).rstrip()  # noqa: E731
    out = [line(cells[0]), "-+-".join("-" * w for w in widths)]
    out += [line(c) for c in cells[1:]]
    notes = [f"  [{r.benchmark}] {r.note}" for r in rows if r.note]
    return "\n".join(out + (["notes:"] + notes if notes else []))


def finish(rows, args):
    print(format_table(rows))
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in rows]))
    return 0
