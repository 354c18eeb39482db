"""What every Verdict promises, whatever the model says.

Checked over every comment in the screening case files (fixtures/screening/
cases/: eight writers plus the team's own set), so the promises are tested
on the verdicts the model really gives, held or not, not on chosen
sentences.  The model's accuracy is ``manage.py score_screening``'s job.
"""

import dataclasses
import json
from pathlib import Path

import pytest
from django.conf import settings

from moderation.rules import RULE_CODES
from moderation.screening import Evidence, Verdict, screen

CASES = sorted((Path(settings.BASE_DIR) / "fixtures" / "screening" / "cases").glob("*.jsonl"))
# Rules 1-4 judge the commenter's own words; only they can be quoted_rules.
OWN_VOICE_RULES = RULE_CODES[:4]
EVIDENCE_FIELDS = {"rule", "text", "reason", "start", "end", "quoted"}


def _texts():
    texts = []
    for path in CASES:
        with open(path, encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    return texts


@pytest.fixture(scope="module")
def verdicts():
    texts = _texts()
    assert len(texts) >= 2000
    return [(text, screen(text)) for text in texts]


def test_contract_rules_are_known_unique_and_in_rule_number_order(verdicts):
    for text, v in verdicts:
        assert list(v.rules) == sorted(set(v.rules), key=RULE_CODES.index), text
        assert list(v.quoted_rules) == sorted(set(v.quoted_rules), key=RULE_CODES.index), text
        assert set(v.quoted_rules) <= set(OWN_VOICE_RULES), text
        assert not set(v.rules) & set(v.quoted_rules), text


def test_contract_score_is_at_least_half_exactly_when_flagged(verdicts):
    flagged = 0
    for text, v in verdicts:
        assert 0.0 <= v.score <= 1.0, text
        assert v.flagged == bool(v.rules)
        assert (v.score >= 0.5) == v.flagged, (text, v.to_dict())
        flagged += v.flagged
    # Both sides of the line are exercised.
    assert 0 < flagged < len(verdicts)


def test_contract_every_rule_has_evidence_quoting_the_comment(verdicts):
    for text, v in verdicts:
        for rule in v.rules:
            assert any(e.rule == rule for e in v.evidence), (text, v.to_dict())
        for rule in v.quoted_rules:
            mine = [e for e in v.evidence if e.rule == rule]
            assert mine and all(e.quoted for e in mine), (text, v.to_dict())
        for rule in set(v.rules) & set(OWN_VOICE_RULES):
            assert any(e.rule == rule and not e.quoted for e in v.evidence), (text, v.to_dict())
        for e in v.evidence:
            assert e.rule in v.rules + v.quoted_rules, (text, e)
            assert 0 <= e.start < e.end <= len(text), (text, e)
            assert text[e.start:e.end] == e.text, (text, e)
            assert e.reason
            assert e.quoted == e.reason.endswith(" (in quoted text)"), (text, e)


def test_contract_evidence_is_in_text_order(verdicts):
    for text, v in verdicts:
        starts = [e.start for e in v.evidence]
        assert starts == sorted(starts), text


def test_contract_screen_is_deterministic(verdicts):
    # Again, in reverse order, so no cache warmed by the first pass decides.
    for text, v in reversed(verdicts[::7]):
        assert screen(text) == v, text


@pytest.mark.parametrize("text", ["", " ", "\n\n\t  \r\n", "\u00a0\u3000"])
def test_contract_empty_or_whitespace_comment_is_clean(text):
    assert screen(text) == Verdict((), 0.0, (), ())


@pytest.mark.parametrize("text", ["\u200b\u200b", "\u00ad", "\u202e\u202c\ufeff"])
def test_contract_comment_of_invisible_characters_is_not_held(text):
    assert not screen(text).flagged


def test_contract_to_dict_keeps_its_fields():
    text = "They haven't a fucking clue. Raab said: “Utter bollocks.”"
    verdict = screen(text)
    data = json.loads(json.dumps(verdict.to_dict()))
    assert set(data) == {"rules", "score", "evidence", "quoted_rules"}
    assert data["rules"] == list(verdict.rules) and "abusive" in data["rules"]
    assert data["quoted_rules"] == list(verdict.quoted_rules)
    assert data["score"] == verdict.score >= 0.5
    assert data["evidence"] and all(set(e) == EVIDENCE_FIELDS for e in data["evidence"])
    for e, ev in zip(data["evidence"], verdict.evidence):
        assert e == dataclasses.asdict(ev)
        assert isinstance(e["start"], int) and isinstance(e["quoted"], bool)


def test_contract_verdict_and_evidence_are_frozen():
    verdict = screen("They haven't a fucking clue.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        verdict.score = 0.0  # type: ignore[misc]
    assert isinstance(verdict.evidence[0], Evidence)
    with pytest.raises(dataclasses.FrozenInstanceError):
        verdict.evidence[0].text = ""  # type: ignore[misc]
