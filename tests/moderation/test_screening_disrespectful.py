"""Rule 'disrespectful': clear breaches are flagged with that rule."""

import pytest

from moderation.screening import screen

BREACHES = [
    'What a stupid comment.',
    'Only an idiot would think that works.',
    'Oh shut up.',
    'Nobody cares what you think.',
    'Get a life.',
    "You clearly don't know what you're talking about.",
    'Your post is utter drivel.',
    "If you had ever properly studied criminology you'd know.",
]


@pytest.mark.parametrize("text", BREACHES)
def test_disrespectful_breach_is_flagged(text):
    verdict = screen(text)
    assert "disrespectful" in verdict.rules, verdict.to_dict()
    assert verdict.flagged
    assert verdict.score >= 0.5
    assert any(e.rule == "disrespectful" for e in verdict.evidence)


def test_disrespectful_plain_disagreement_is_not_flagged():
    assert screen("I disagree, I think you're wrong about the tariff.").rules == ()
