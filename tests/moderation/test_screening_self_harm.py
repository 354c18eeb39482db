"""Rule 'self_harm': clear breaches are flagged with that rule."""

import pytest

from moderation.screening import screen

BREACHES = [
    'He took 40 paracetamol.',
    'He tied a ligature from his t-shirt around the window bars.',
    'She cut her wrists with a razor blade.',
    "What's the best way to kill myself?",
    'How many pills would it take to die?',
    'He hanged himself from the door hinge.',
]


@pytest.mark.parametrize("text", BREACHES)
def test_self_harm_breach_is_flagged(text):
    verdict = screen(text)
    assert "self_harm" in verdict.rules, verdict.to_dict()
    assert verdict.flagged
    assert verdict.score >= 0.5
    assert any(e.rule == "self_harm" for e in verdict.evidence)


@pytest.mark.parametrize("text", [
    "There were record numbers of self-inflicted deaths in 2016.",
    "Suicide rates among people on probation are high.",
    "Impact on mental health causing me to leave probation.",
    "The cell had anti-ligature fittings.",
])
def test_self_harm_policy_talk_is_not_flagged(text):
    assert screen(text).rules == ()
