"""Throughput of moderation.screening.screen().

    python -m bench.bench_screening

Corpus: the texts of tests/data/moderation_cases.jsonl plus the comments of
the seed archives (fixtures/archives/, copies of the seeds),
split roughly on the blog's comment markers.  Reports comments/s for:

* screen()                                 - the screener
* profanity_check.predict_prob([text])     - alt-profanity-check per comment
* str.lower() + one regex search           - a trivial baseline

and the screener's speed as a ratio to each baseline measured in the same
run, so machine noise mostly cancels.  Needs no Django.  Runs in well
under a minute.
"""

from __future__ import annotations

import json
import re
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "data" / "moderation_cases.jsonl"
SEED_DIRS = (ROOT / "fixtures" / "archives",)

_SPLIT_RE = re.compile(
    r"\n\s*\*{3,}\s*\n|--oo00oo--|(?:Reply)?Delete|\n\s*Replies\s*\n|\n\s*\d+\.\s+"
)


def load_corpus() -> tuple[list[str], str]:
    texts = []
    if CASES.exists():
        with open(CASES, encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    source = "jsonl only"
    for d in SEED_DIRS:
        files = sorted(d.glob("*.txt")) if d.is_dir() else []
        if files:
            for f in files:
                parts = _SPLIT_RE.split(f.read_text(encoding="utf-8"))
                texts += [p.strip() for p in parts if len(p.strip()) >= 3]
            source = f"jsonl + seeds from {d}"
            break
    return texts, source


def rate(fn, texts: list[str], min_seconds: float) -> float:
    """Best comments/s over repeated passes lasting at least min_seconds."""
    best = 0.0
    spent = 0.0
    while spent < min_seconds:
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        dt = time.perf_counter() - t0
        spent += dt
        best = max(best, len(texts) / dt)
    return best


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from moderation.screening import screen

    texts, source = load_corpus()
    chars = sum(map(len, texts)) / len(texts)
    print(f"corpus: {len(texts)} comments, mean {chars:.0f} chars ({source})")

    t0 = time.perf_counter()
    screen("warm up: loads the profanity model once")
    print(f"first call (lazy model load): {time.perf_counter() - t0:.2f} s")

    trivial_re = re.compile(r"\b(?:fuck|shit|cunt)\w*")

    def trivial(text: str):
        return trivial_re.search(text.lower())

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from profanity_check import predict_prob

        predict_prob(["warm up"])
        # ~4 ms a call: time it on a slice so the bench stays short.
        ml_rate = rate(lambda t: predict_prob([t]), texts[:150], 3.0)

    screen_rate = rate(screen, texts, 8.0)
    trivial_rate = rate(trivial, texts, 3.0)

    print(f"{'screen()':<40} {screen_rate:>12,.0f} comments/s")
    print(f"{'profanity_check.predict_prob per call':<40} {ml_rate:>12,.0f} comments/s")
    print(f"{'str.lower() + one regex':<40} {trivial_rate:>12,.0f} comments/s")
    print(f"screen() vs predict_prob: {screen_rate / ml_rate:.1f}x faster")
    print(f"screen() vs trivial baseline: {screen_rate / trivial_rate:.4f}x "
          f"(trivial is {trivial_rate / screen_rate:.0f}x faster)")
    print(f"target >= 1,000 comments/s: {'met' if screen_rate >= 1000 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
