"""Evidence quotes the input exactly and the verdict serialises cleanly."""

import json

import pytest

from moderation.evaluation import load_cases
from moderation.rules import RULE_CODES
from moderation.screening import screen

from .test_screening_evaluation import CASES_PATH


def _texts():
    return [case["text"] for case in load_cases(CASES_PATH)] + [
        "Utter Bollox “quoted” — BULL. SHIT. İstanbul fu+# all",
        "İİİ You muppet İ and the leadership is shite",
    ]


def test_evidence_spans_quote_input_exactly():
    for text in _texts():
        verdict = screen(text)
        for ev in verdict.evidence:
            assert text[ev.start:ev.end] == ev.text, (text, ev)
            assert ev.rule in verdict.rules + verdict.quoted_rules
            assert ev.reason
            assert ev.quoted == ev.reason.endswith(" (in quoted text)")


def test_evidence_rules_are_in_rule_number_order():
    for text in _texts():
        rules = screen(text).rules
        assert list(rules) == sorted(rules, key=RULE_CODES.index)
        assert len(set(rules)) == len(rules)


def test_evidence_every_flag_has_evidence():
    for text in _texts():
        verdict = screen(text)
        assert {e.rule for e in verdict.evidence} == set(verdict.rules) | set(verdict.quoted_rules)
        assert not set(verdict.rules) & set(verdict.quoted_rules)


def test_evidence_to_dict_is_json_serialisable():
    verdict = screen("They haven't a fucking clue, you muppet.")
    data = json.loads(json.dumps(verdict.to_dict()))
    assert data["rules"] == ["abusive", "personal_attack"]
    assert set(data["evidence"][0]) == {"rule", "text", "reason", "start", "end", "quoted"}
    assert data["evidence"][0]["quoted"] is False
    assert data["quoted_rules"] == []
    assert 0.5 <= data["score"] <= 1.0


@pytest.mark.parametrize("text, quoted", [
    ("They haven't a fucking clue.", "fucking"),
    ("Being po means fu+# all", "fu+#"),
    ("I'm starting to think they're taking the piss.", "taking the piss"),
])
def test_evidence_reason_names_the_words(text, quoted):
    ev = screen(text).evidence[0]
    assert ev.text == quoted
    assert quoted in ev.reason
