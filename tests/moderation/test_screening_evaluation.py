"""Scoring the screener: the frozen case splits, the report, score_screening."""

import hashlib
import json
import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from moderation.evaluation import CASES_DIR, evaluate, load_cases, load_split, unseen_test_cases
from moderation.rules import RULE_CODES, RULES, RULES_BY_CODE, get_rule

SPLITS = json.loads((CASES_DIR.parent / "splits.json").read_text("utf-8"))


def test_evaluation_case_files_match_their_frozen_hashes():
    for split, files in SPLITS.items():
        if split.startswith("_"):
            continue
        for name, expected in files.items():
            assert hashlib.sha256((CASES_DIR / name).read_bytes()).hexdigest() == expected, name


def test_evaluation_splits_are_by_writer_and_disjoint():
    writers = [set(SPLITS[s]) for s in ("train", "dev", "test")]
    assert not (writers[0] & writers[1] or writers[0] & writers[2] or writers[1] & writers[2])
    seen = {c["text"] for s in ("train", "dev") for c in load_split(s)}
    scored, dropped = unseen_test_cases()
    assert not {c["text"] for c in scored} & seen
    # Two one-liners ("First!") were written by a test and a training writer alike.
    assert dropped <= 5 and len(scored) + dropped == len(load_split("test"))


def test_evaluation_cases_have_the_coverage_the_issue_asks_for():
    cases = [c for s in ("train", "dev", "test") for c in load_split(s) if "kind" in c]
    assert len(cases) >= 1500
    clean = [c for c in cases if not c["rules"]]
    assert len(clean) >= 600
    assert sum(c["kind"] == "edgy" for c in clean) >= 200
    for code in RULE_CODES:
        assert sum(code in c["rules"] for c in cases) >= 150, code
    test = load_split("test")
    for code in RULE_CODES:
        assert sum(code in c["rules"] for c in test) >= 40, code
    assert all(c["confidence"] in ("clear", "borderline") and c["why"] for c in cases)


def test_evaluation_refuses_an_edited_test_file(tmp_path):
    cases = tmp_path / "cases"
    shutil.copytree(CASES_DIR, cases)
    (tmp_path / "splits.json").write_text(json.dumps(SPLITS), "utf-8")
    name = next(iter(SPLITS["test"]))
    with open(cases / name, "a", encoding="utf-8") as fh:
        fh.write('{"text": "sneaked in", "rules": []}\n')
    with pytest.raises(RuntimeError, match="edited"):
        load_split("test", cases)


def test_evaluation_counts_are_consistent():
    verdicts = {"you muppet": ("personal_attack",), "fine comment": (), "fine again": (), "shite": ("abusive",)}

    class Fake:
        def __init__(self, rules):
            self.rules, self.quoted_rules = rules, ()

    cases = [
        {"text": "you muppet", "rules": ["personal_attack"], "confidence": "clear"},
        {"text": "fine comment", "rules": [], "confidence": "clear", "kind": "clean"},
        {"text": "fine again", "rules": ["advert"], "confidence": "borderline"},
        {"text": "shite", "rules": [], "confidence": "clear", "kind": "edgy"},
    ]
    r = evaluate(cases, lambda text: Fake(verdicts[text]))
    assert (r.n_cases, r.n_breaching, r.n_clean) == (4, 2, 2)
    assert (r.caught_any, r.caught_all, r.false_holds) == (1, 1, 1)
    assert (r.n_clear_breaching, r.clear_caught, r.clear_right_rule) == (1, 1, 1)
    assert (r.n_clear_clean, r.clear_clean_held, r.n_edgy, r.edgy_held) == (2, 1, 1, 1)
    by = {s.code: s for s in r.rules}
    assert by["advert"].recall == 0.0 and by["abusive"].precision == 0.0
    assert len(r.misses) == 2


def test_evaluation_rules_data_is_complete():
    assert [r.number for r in RULES] == list(range(1, 8))
    assert tuple(RULES_BY_CODE) == RULE_CODES
    assert get_rule("advert").name
    with pytest.raises(KeyError):
        get_rule("nope")


def test_evaluation_rejects_unknown_quoted_rule(tmp_path):
    path = tmp_path / "cases.jsonl"
    path.write_text('{"text": "x", "rules": [], "quoted_rules": ["nope"]}\n', encoding="utf-8")
    with pytest.raises(ValueError):
        load_cases(path)


def test_score_screening_prints_the_frozen_test_split():
    out = StringIO()
    call_command("score_screening", "--no-public", stdout=out)
    text = out.getvalue()
    n = len(unseen_test_cases()[0])
    assert f": {n} cases" in text and "frozen test split" in text
    assert "clear breaches caught" in text and "clear clean comments held" in text
    for code in RULE_CODES:
        assert code in text


def test_score_screening_compares_quote_handling(tmp_path):
    path = tmp_path / "cases.jsonl"
    path.write_text(
        '{"text": "The minister said: \\"you are all fucking useless\\"", "rules": [], "quoted_rules": ["abusive"]}\n',
        encoding="utf-8",
    )
    out = StringIO()
    call_command("score_screening", str(path), "--compare-quotes", stdout=out)
    text = out.getvalue()
    assert "(quote handling off)" in text and "(quote handling on)" in text
    assert "quoted-only rules right" in text


def test_score_screening_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError):
        call_command("score_screening", str(tmp_path / "nope.jsonl"), stdout=StringIO())


def test_score_screening_says_when_public_corpora_are_absent(tmp_path):
    out = StringIO()
    call_command("score_screening", "--datasets", str(tmp_path / "none"), stdout=out)
    assert "public corpora: skipped" in out.getvalue()
