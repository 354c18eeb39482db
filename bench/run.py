"""Every benchmark, one table: `make bench` (or python -m bench.run).

    python -m bench.run [--postgres] [--quick] [--only NAME ...]

Each benchmark runs in a process of its own with its own scratch database
(SQLite in a temp dir; --postgres: a scratch PostgreSQL database, created
and dropped), writes its rows as JSON, and this prints them as one table.
Every ratio is taken against a baseline measured in the same process and
run, so the machine's noise mostly cancels. Search is always on PostgreSQL.
"""
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import common

BENCHES = ["bench_post_page", "bench_import", "bench_screening_rate", "bench_search"]


def main(argv=None):
    p = common.parser(__doc__.split("\n")[0])
    p.add_argument("--only", nargs="+", choices=BENCHES)
    args = p.parse_args(argv)
    started = time.perf_counter()
    rows = []
    with tempfile.TemporaryDirectory(prefix="onprobation-bench-run-") as tmp:
        for name in args.only or BENCHES:
            out = Path(tmp) / f"{name}.json"
            cmd = [sys.executable, "-m", f"bench.{name}", "--json", str(out)]
            cmd += ["--postgres"] * args.postgres + ["--quick"] * args.quick
            t0 = time.perf_counter()
            print(f"running {name} ...", file=sys.stderr, flush=True)
            proc = subprocess.run(cmd, cwd=common.ROOT, stdout=subprocess.DEVNULL)
            print(f"  {name}: {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
            if proc.returncode == 0 and out.exists():
                rows += [common.Row(**row) for row in json.loads(out.read_text())]
            else:
                rows.append(common.Row(name, "-", f"not measured: exited {proc.returncode}", None, "-", None))
    print()
    print(common.format_table(rows))
    met = [r.met for r in rows if r.met is not None]
    print(f"\ntargets met: {sum(met)} of {len(met)}; total {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
