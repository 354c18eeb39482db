"""The screener meets its targets on tests/data/moderation_cases.jsonl."""

from io import StringIO
from pathlib import Path

import pytest

from moderation.evaluation import evaluate, load_cases
from moderation.rules import RULE_CODES, RULES, RULES_BY_CODE, get_rule

CASES_PATH = Path(__file__).resolve().parents[1] / "data" / "moderation_cases.jsonl"


@pytest.fixture(scope="module")
def report():
    return evaluate(load_cases(CASES_PATH))


def test_evaluation_case_file_has_required_coverage():
    cases = load_cases(CASES_PATH)
    assert len(cases) >= 220
    assert sum(1 for c in cases if not c["rules"]) >= 80
    for code in RULE_CODES:
        assert sum(1 for c in cases if code in c["rules"]) >= 15, code


def test_evaluation_recall_on_breaching_cases_meets_target(report):
    assert report.recall_any >= 0.95, report.table()


def test_evaluation_false_holds_within_target(report):
    assert report.false_hold_rate <= 0.03, report.table()


def test_evaluation_table_lists_every_rule(report):
    table = report.table()
    for code in RULE_CODES:
        assert code in table


def test_evaluation_counts_are_consistent():
    cases = [
        {"text": "You muppet.", "rules": ["personal_attack"]},
        {"text": "fine comment", "rules": []},
        {"text": "fine again", "rules": ["advert"]},
        {"text": "shite", "rules": []},
    ]
    r = evaluate(cases)
    assert (r.n_cases, r.n_breaching, r.n_clean) == (4, 2, 2)
    assert (r.caught_any, r.caught_all, r.false_holds) == (1, 1, 1)
    assert r.recall_any == 0.5 and r.false_hold_rate == 0.5
    by = {s.code: s for s in r.rules}
    assert by["advert"].recall == 0.0 and by["abusive"].precision == 0.0
    assert len(r.misses) == 2


def test_evaluation_rules_data_is_complete():
    assert [r.number for r in RULES] == list(range(1, 8))
    assert tuple(RULES_BY_CODE) == RULE_CODES
    assert get_rule("advert").name
    with pytest.raises(KeyError):
        get_rule("nope")


def test_evaluation_command_prints_table():
    from django.core.management import call_command

    out = StringIO()
    call_command("score_screening", str(CASES_PATH), "--show-misses", stdout=out)
    text = out.getvalue()
    assert "recall" in text and "false hold" in text and "Misses:" in text


def test_evaluation_command_default_path():
    from django.core.management import call_command

    out = StringIO()
    call_command("score_screening", stdout=out)
    assert "personal_attack" in out.getvalue()


def test_evaluation_command_compares_quote_handling():
    from django.core.management import call_command

    out = StringIO()
    call_command("score_screening", str(CASES_PATH), "--compare-quotes", stdout=out)
    text = out.getvalue()
    assert "(quote handling off)" in text and "(quote handling on)" in text
    assert "Quote handling off vs on:" in text and "quoted-only rules right" in text


def test_evaluation_command_no_quotes():
    from django.core.management import call_command

    out = StringIO()
    call_command("score_screening", str(CASES_PATH), "--no-quotes", stdout=out)
    assert "(quote handling off)" in out.getvalue()


def test_evaluation_rejects_unknown_quoted_rule(tmp_path):
    path = tmp_path / "cases.jsonl"
    path.write_text('{"text": "x", "rules": [], "quoted_rules": ["nope"]}\n', encoding="utf-8")
    with pytest.raises(ValueError):
        load_cases(path)
