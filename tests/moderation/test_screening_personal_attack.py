"""Rule 'personal_attack': clear breaches are flagged with that rule."""

import pytest

from moderation.screening import screen

BREACHES = [
    'You are an idiot.',
    'You muppet.',
    'Muppets like you ruin this blog.',
    'My SPO is completely useless.',
    'Inexperienced Dorset pso is an aco in record time. Completely useless.',
    'Sarah in our team is useless.',
    "he's just an insecure inadequate coward, as most bullies are.",
    'boozy proud needs to get a proper home life',
]


@pytest.mark.parametrize("text", BREACHES)
def test_personal_attack_breach_is_flagged(text):
    verdict = screen(text)
    assert "personal_attack" in verdict.rules, verdict.to_dict()
    assert verdict.flagged
    assert verdict.score >= 0.5
    assert any(e.rule == "personal_attack" for e in verdict.evidence)


def test_personal_attack_class_criticism_is_not_flagged():
    assert screen("The senior managers are idiots if they think this works.").rules == ()
    assert screen("Napo is useless. Ridiculous farce of a union.").rules == ()


def test_personal_attack_unrelated_praise_with_useless_system_is_not_flagged():
    assert screen("My SPO is brilliant and fights for us, but the system is useless.").rules == ()
