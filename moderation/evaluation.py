"""Score the screener against labelled cases.

``evaluate(cases)`` is pure: it takes an iterable of mappings with ``text``
and ``rules`` (the expected rule codes, empty for a clean comment), runs the
screener and returns a :class:`Report`.  ``load_cases(path)`` reads the
JSON-lines format of ``fixtures/screening/cases/*.jsonl``; ``load_split``
reads a frozen split by writer, refusing a file whose hash has moved.
Cases may carry ``confidence`` ("clear" or "borderline") and ``kind``
("breach", "clean", "edgy"): the headline figures are on clear cases.  A case may also
give ``quoted_rules``: the rules tripped only by text the commenter quotes
(see ``moderation.screening.screen``), which must not flag it.

``evaluate(cases, quote_aware=False)`` scores the screener as it was before
quote handling (every word counted as the commenter's);
``compare(off, on)`` sets the two reports side by side.

Measures:

* per rule: precision and recall over the rule codes (a case can expect
  several rules);
* on breaching cases: recall "any" (the case was flagged at all, i.e. it
  would be held for a moderator) and recall "all" (every expected rule was
  found);
* on clean cases: the false-hold rate (clean cases flagged);
* on cases labelled with ``quoted_rules``: how many got exactly those.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable, Iterable, Mapping

from .rules import RULE_CODES


@dataclass(frozen=True)
class RuleScore:
    code: str
    true_pos: int
    false_pos: int
    false_neg: int

    @property
    def support(self) -> int:
        return self.true_pos + self.false_neg

    @property
    def precision(self) -> float:
        found = self.true_pos + self.false_pos
        return self.true_pos / found if found else 1.0

    @property
    def recall(self) -> float:
        return self.true_pos / self.support if self.support else 1.0


@dataclass(frozen=True)
class Miss:
    """A case where the screener's rules differ from the expected ones."""

    index: int
    text: str
    expected: tuple[str, ...]
    got: tuple[str, ...]
    note: str = ""
    expected_quoted: tuple[str, ...] = ()
    got_quoted: tuple[str, ...] = ()


@dataclass(frozen=True)
class Report:
    rules: tuple[RuleScore, ...]
    n_cases: int
    n_breaching: int
    n_clean: int
    caught_any: int
    caught_all: int
    false_holds: int
    misses: tuple[Miss, ...] = field(default=())
    quote_aware: bool = True
    n_quoted_labelled: int = 0
    quoted_matched: int = 0
    # On cases labelled "clear" (all cases when unlabelled): the headline targets.
    n_clear_breaching: int = 0
    clear_caught: int = 0
    clear_right_rule: int = 0
    n_clear_clean: int = 0
    clear_clean_held: int = 0
    n_edgy: int = 0
    edgy_held: int = 0

    @property
    def clear_recall(self) -> float:
        return self.clear_caught / self.n_clear_breaching if self.n_clear_breaching else 1.0

    @property
    def clear_right_rule_rate(self) -> float:
        return self.clear_right_rule / self.n_clear_breaching if self.n_clear_breaching else 1.0

    @property
    def clear_clean_held_rate(self) -> float:
        return self.clear_clean_held / self.n_clear_clean if self.n_clear_clean else 0.0

    @property
    def recall_any(self) -> float:
        return self.caught_any / self.n_breaching if self.n_breaching else 1.0

    @property
    def recall_all(self) -> float:
        return self.caught_all / self.n_breaching if self.n_breaching else 1.0

    @property
    def false_hold_rate(self) -> float:
        return self.false_holds / self.n_clean if self.n_clean else 0.0

    def table(self) -> str:
        """A fixed-width table for the terminal."""
        lines = [
            f"{'rule':<16} {'support':>7} {'tp':>4} {'fp':>4} {'fn':>4} "
            f"{'precision':>9} {'recall':>7}",
            "-" * 58,
        ]
        for r in self.rules:
            lines.append(
                f"{r.code:<16} {r.support:>7} {r.true_pos:>4} {r.false_pos:>4} "
                f"{r.false_neg:>4} {r.precision:>9.3f} {r.recall:>7.3f}"
            )
        lines += [
            "-" * 58,
            f"cases: {self.n_cases} ({self.n_breaching} breaching, {self.n_clean} clean)",
            f"breaching flagged at all:     {self.caught_any}/{self.n_breaching}"
            f"  recall {self.recall_any:.3f}",
            f"breaching with all rules:     {self.caught_all}/{self.n_breaching}"
            f"  recall {self.recall_all:.3f}",
            f"clean cases held (false hold): {self.false_holds}/{self.n_clean}"
            f"  rate {self.false_hold_rate:.3f}",
        ]
        lines += [
            f"clear breaches caught:        {self.clear_caught}/{self.n_clear_breaching}"
            f"  rate {self.clear_recall:.3f} (right rule named {self.clear_right_rule_rate:.3f})",
            f"clear clean comments held:    {self.clear_clean_held}/{self.n_clear_clean}"
            f"  rate {self.clear_clean_held_rate:.3f}",
        ]
        if self.n_edgy:
            lines.append(f"edgy-but-clean held:          {self.edgy_held}/{self.n_edgy}"
                         f"  rate {self.edgy_held / self.n_edgy:.3f}")
        if self.n_quoted_labelled:
            lines.append(
                f"quoted-only rules exactly right: {self.quoted_matched}/{self.n_quoted_labelled}"
                f" labelled cases (quote handling {'on' if self.quote_aware else 'off'})"
            )
        return "\n".join(lines)

    def misses_table(self) -> str:
        out = []
        for m in self.misses:
            text = " ".join(m.text.split())
            if len(text) > 110:
                text = text[:107] + "..."
            quoted = ""
            if m.expected_quoted != m.got_quoted:
                quoted = f" quoted: expected={list(m.expected_quoted)} got={list(m.got_quoted)}"
            out.append(
                f"#{m.index:<4} expected={list(m.expected)} got={list(m.got)}{quoted}\n      {text}"
            )
        return "\n".join(out) if out else "(no misses)"


def load_cases(path: str | Path) -> list[dict]:
    """Read JSON-lines cases; blank lines and lines starting with # are skipped."""
    cases = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                case = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not valid JSON: {exc}") from None
            if "text" not in case or "rules" not in case:
                raise ValueError(f"{path}:{n}: needs 'text' and 'rules'")
            unknown = (set(case["rules"]) | set(case.get("quoted_rules", ()))) - set(RULE_CODES)
            if unknown:
                raise ValueError(f"{path}:{n}: unknown rule codes {sorted(unknown)}")
            cases.append(case)
    return cases


def evaluate(
    cases: Iterable[Mapping], screen: Callable | None = None, *, quote_aware: bool = True
) -> Report:
    """Run ``screen`` (default: the real screener) over ``cases``.

    ``quote_aware=False`` passes that flag on to the screener, which then
    counts quoted words as the commenter's own.
    """
    if screen is None:
        from .screening import screen
    if not quote_aware:
        screen = partial(screen, quote_aware=False)
    tp = dict.fromkeys(RULE_CODES, 0)
    fp = dict.fromkeys(RULE_CODES, 0)
    fn = dict.fromkeys(RULE_CODES, 0)
    n = n_breach = n_clean = any_ = all_ = holds = 0
    clear_b = clear_caught = clear_right = clear_c = clear_held = edgy = edgy_held = 0
    n_quoted = quoted_ok = 0
    misses = []
    order = RULE_CODES.index
    for i, case in enumerate(cases):
        n += 1
        expected = set(case["rules"])
        verdict = screen(case["text"])
        got = set(verdict.rules)
        got_quoted = set(getattr(verdict, "quoted_rules", ()))
        for code in RULE_CODES:
            if code in expected and code in got:
                tp[code] += 1
            elif code in got:
                fp[code] += 1
            elif code in expected:
                fn[code] += 1
        if expected:
            n_breach += 1
            any_ += bool(got)
            all_ += expected <= got
        else:
            n_clean += 1
            holds += bool(got)
        if case.get("confidence", "clear") == "clear":
            if expected:
                clear_b += 1
                clear_caught += bool(got)
                clear_right += bool(got & expected)
            else:
                clear_c += 1
                clear_held += bool(got)
        if case.get("kind") == "edgy":
            edgy += 1
            edgy_held += bool(got)
        quoted_wrong = False
        if "quoted_rules" in case:
            n_quoted += 1
            quoted_wrong = set(case["quoted_rules"]) != got_quoted
            quoted_ok += not quoted_wrong
        if expected != got or (quote_aware and quoted_wrong):
            misses.append(
                Miss(
                    index=i,
                    text=case["text"],
                    expected=tuple(sorted(expected, key=order)),
                    got=tuple(sorted(got, key=order)),
                    note=case.get("note", case.get("why", "")),
                    expected_quoted=tuple(sorted(case.get("quoted_rules", ()), key=order)),
                    got_quoted=tuple(sorted(got_quoted, key=order)),
                )
            )
    return Report(
        rules=tuple(RuleScore(c, tp[c], fp[c], fn[c]) for c in RULE_CODES),
        n_cases=n,
        n_breaching=n_breach,
        n_clean=n_clean,
        caught_any=any_,
        caught_all=all_,
        false_holds=holds,
        misses=tuple(misses),
        quote_aware=quote_aware,
        n_quoted_labelled=n_quoted,
        quoted_matched=quoted_ok,
        n_clear_breaching=clear_b,
        clear_caught=clear_caught,
        clear_right_rule=clear_right,
        n_clear_clean=clear_c,
        clear_clean_held=clear_held,
        n_edgy=edgy,
        edgy_held=edgy_held,
    )


def compare(off: Report, on: Report) -> str:
    """Two reports on the same cases side by side: quote handling off, on."""
    lines = [
        f"{'':<16} {'quotes off':^21} {'quotes on':^21}",
        f"{'rule':<16} {'precision':>9} {'recall':>7}     {'precision':>9} {'recall':>7}",
        "-" * 60,
    ]
    for a, b in zip(off.rules, on.rules):
        lines.append(
            f"{a.code:<16} {a.precision:>9.3f} {a.recall:>7.3f}     "
            f"{b.precision:>9.3f} {b.recall:>7.3f}"
        )
    lines += [
        "-" * 60,
        f"{'recall (flagged at all)':<28} {off.recall_any:>7.3f}  {on.recall_any:>11.3f}",
        f"{'recall (all rules)':<28} {off.recall_all:>7.3f}  {on.recall_all:>11.3f}",
        f"{'false holds':<28} {off.false_holds:>3}/{off.n_clean:<3}  {on.false_holds:>7}/{on.n_clean}",
        f"{'false-hold rate':<28} {off.false_hold_rate:>7.3f}  {on.false_hold_rate:>11.3f}",
        f"{'quoted-only rules right':<28} {off.quoted_matched:>3}/{off.n_quoted_labelled:<3}"
        f"  {on.quoted_matched:>7}/{on.n_quoted_labelled}",
    ]
    return "\n".join(lines)


CASES_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "screening" / "cases"


def load_split(split: str, cases_dir: Path = CASES_DIR) -> list[dict]:
    """The cases of a frozen split (see fixtures/screening/splits.json)."""
    from .screening.training.train import load_split as _load

    return _load(cases_dir, split)


def unseen_test_cases(cases_dir: Path = CASES_DIR) -> tuple[list[dict], int]:
    """The test split minus any case whose exact text a training writer also
    wrote ("First!"): those were seen in training.  Returns (cases, dropped)."""
    seen = {c["text"] for split in ("train", "dev") for c in load_split(split, cases_dir)}
    test = load_split("test", cases_dir)
    kept = [c for c in test if c["text"] not in seen]
    return kept, len(test) - len(kept)


@dataclass(frozen=True)
class PublicScore:
    """The screener on one public corpus's held-out split."""

    name: str
    rules: tuple[str, ...]  # the codes its positives map to
    n_pos: int
    n_neg: int
    pos_held: int  # positives held at all
    pos_rule: int  # positives held under a mapped rule
    neg_held: int

    def row(self) -> str:
        rate = lambda a, b: f"{a / b:.3f}" if b else "  -  "  # noqa: E731
        return (f"{self.name:<28} {'/'.join(self.rules):<24} {self.n_pos:>6} {rate(self.pos_held, self.n_pos):>8} "
                f"{rate(self.pos_rule, self.n_pos):>8} {self.n_neg:>6} {rate(self.neg_held, self.n_neg):>8}")


PUBLIC_HEADER = (f"{'corpus (held-out split)':<28} {'mapped to':<24} {'pos':>6} {'held':>8} "
                 f"{'rule':>8} {'neg':>6} {'held':>8}")


def evaluate_public(corpus, screen: Callable | None = None) -> PublicScore:
    """Score one ``training.corpora.Corpus``'s test split."""
    if screen is None:
        from .screening import screen
    mapped = sorted({r for ex in corpus.test for r in ex.rules}, key=RULE_CODES.index)
    n_pos = n_neg = pos_held = pos_rule = neg_held = 0
    for ex in corpus.test:
        got = set(screen(ex.text).rules)
        if ex.rules:
            n_pos += 1
            pos_held += bool(got)
            pos_rule += bool(got & set(ex.rules))
        else:
            n_neg += 1
            neg_held += bool(got)
    return PublicScore(corpus.name, tuple(mapped), n_pos, n_neg, pos_held, pos_rule, neg_held)
