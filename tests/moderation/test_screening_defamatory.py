"""Rule 'defamatory': clear breaches are flagged with that rule."""

import pytest

from moderation.screening import screen

BREACHES = [
    'Mark Hughes lied to the staff forum.',
    'Our ACO fiddled the performance figures.',
    'My SPO bullied two trainees out.',
    'Everyone knows Karen had an affair with the deputy director.',
    'The new head of PDU slept her way to the top.',
    'I was bullied by my SPO for months.',
    'Lisa Hammond is corrupt.',
    'Had big career lift from a male aco Somerset. He saw through the blond locks.',
]


@pytest.mark.parametrize("text", BREACHES)
def test_defamatory_breach_is_flagged(text):
    verdict = screen(text)
    assert "defamatory" in verdict.rules, verdict.to_dict()
    assert verdict.flagged
    assert verdict.score >= 0.5
    assert any(e.rule == "defamatory" for e in verdict.evidence)


def test_defamatory_ministers_lying_is_political_criticism():
    assert screen("Chris Grayling lied about TR and everyone knows it.").rules == ()


def test_defamatory_named_person_mentioned_near_bullying_is_not_flagged():
    text = ("Lynda Marginson blames bullying on colleagues; can she tell us how many "
            "complaints for bullying and harassment were made against managers?")
    assert screen(text).rules == ()
