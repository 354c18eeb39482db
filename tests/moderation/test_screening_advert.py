"""Rule 'advert': clear breaches are flagged with that rule."""

import pytest

from moderation.screening import screen

BREACHES = [
    'PQiP essay help, 20% off this month with code PQIP20.',
    'CPD coaching, £35 per session. DM me for details.',
    'Call us today on 07700 900123 for a free consultation.',
    'Visit our website for the best prices on office chairs.',
]


@pytest.mark.parametrize("text", BREACHES)
def test_advert_breach_is_flagged(text):
    verdict = screen(text)
    assert "advert" in verdict.rules, verdict.to_dict()
    assert verdict.flagged
    assert verdict.score >= 0.5
    assert any(e.rule == "advert" for e in verdict.evidence)


def test_advert_recruitment_news_is_not_flagged():
    text = ("Qualified probation officers can then apply for full-time roles with annual "
            "salaries starting at £35k. To find out more visit the website here.")
    assert screen(text).rules == ()


def test_advert_single_weak_signal_is_not_flagged():
    assert screen("Anyone know the Facebook group? DM me if you'd rather not post it.").rules == ()
