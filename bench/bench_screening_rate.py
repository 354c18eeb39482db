"""Screening rows for the one-table run: throughput, and the slowest input.

    python -m bench.bench_screening_rate

Two rows, each a ratio against a baseline measured in the same run:

* throughput: screen() over the labelled cases and seed comments, one
  comment per call, against a trivial lower() + regex pass (target
  >= 1,000 comments/s on one core);
* linear time: the slowest 5,000-character input we know how to build (the
  shapes in tests/moderation/test_screening_linear_time.py) against an
  ordinary 5,000-character comment of prose (target <= 5x).

Needs no database.
"""
from bench import bench_screening, common

TARGET_RATE = 1000  # comments/s
TARGET_WORST = 5.0  # slowest crafted input / ordinary prose, same length


def measure(seconds):
    import re

    from moderation.screening import screen
    from tests.moderation.test_screening_linear_time import PROSE, WORST, _median

    texts, source = bench_screening.load_corpus()
    screen("warm up: loads the word lists and the model once")
    trivial_re = re.compile(r"\b(?:fuck|shit|cunt)\w*")
    screen_rate = bench_screening.rate(screen, texts, seconds)
    trivial_rate = bench_screening.rate(lambda t: trivial_re.search(t.lower()), texts, seconds / 4)
    prose = _median(PROSE, runs=5)
    worst_name, worst = max(((name, _median(text)) for name, text in WORST.items()),
                            key=lambda item: item[1])
    return screen_rate, trivial_rate, len(texts), source, prose, worst_name, worst


def rows_for(screen_rate, trivial_rate, n, source, prose, worst_name, worst):
    return [
        common.Row(
            "screening throughput: screen() vs lower() + one regex",
            f"{screen_rate:,.0f} comments/s",
            f"{trivial_rate:,.0f} comments/s",
            screen_rate / trivial_rate,
            f">= {TARGET_RATE:,}/s",
            screen_rate >= TARGET_RATE,
            note=f"corpus {n} comments ({source}), one comment per call, one core",
        ),
        common.Row(
            "screening, slowest 5,000-char input vs prose",
            f"{worst * 1000:.0f} ms ({worst_name})",
            f"{prose * 1000:.0f} ms prose",
            worst / prose,
            f"<= {TARGET_WORST:.0f}x",
            worst / prose <= TARGET_WORST,
            note="median of runs; inputs from tests/moderation/test_screening_linear_time.py",
        ),
    ]


def main(argv=None):
    args = common.parser(__doc__.split("\n")[0]).parse_args(argv)
    import sys

    sys.path.insert(0, str(common.ROOT))
    result = measure(2.0 if args.quick else 6.0)
    return common.finish(rows_for(*result), args)


if __name__ == "__main__":
    raise SystemExit(main())
