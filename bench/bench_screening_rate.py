"""Screening throughput for the one-table run, from bench_screening's own parts.

    python -m bench.bench_screening_rate

bench/bench_screening.py (another module's, kept as it is) prints its own
report; this reuses its corpus and rate() so bench.run can put screen()
against alt-profanity-check's predict_prob, one comment per call, in the
shared table. Needs no database.
"""
import warnings

from bench import bench_screening, common

TARGET_RATE = 1000  # comments/s, bench_screening's own target


def measure(seconds):
    from moderation.screening import screen

    texts, source = bench_screening.load_corpus()
    screen("warm up: loads the profanity model once")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from profanity_check import predict_prob

        predict_prob(["warm up"])
        ml_rate = bench_screening.rate(lambda t: predict_prob([t]), texts[:150], seconds / 2)
    screen_rate = bench_screening.rate(screen, texts, seconds)
    return screen_rate, ml_rate, len(texts), source


def rows_for(screen_rate, ml_rate, n, source):
    return [
        common.Row(
            "screening throughput: screen() vs alt-profanity-check alone",
            f"{screen_rate:,.0f} comments/s",
            f"predict_prob {ml_rate:,.0f} comments/s",
            screen_rate / ml_rate,
            f">= {TARGET_RATE:,}/s",
            screen_rate >= TARGET_RATE,
            note=f"ratio = how many times faster screen() is; corpus {n} comments ({source}), one comment per call",
        )
    ]


def main(argv=None):
    args = common.parser(__doc__.split("\n")[0]).parse_args(argv)
    import sys

    sys.path.insert(0, str(common.ROOT))
    result = measure(2.0 if args.quick else 6.0)
    return common.finish(rows_for(*result), args)


if __name__ == "__main__":
    raise SystemExit(main())
