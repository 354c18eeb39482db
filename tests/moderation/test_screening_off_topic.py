"""Rule 'off_topic': clear breaches are flagged with that rule."""

import pytest

from moderation.screening import screen

BREACHES = [
    'Earn £500 a day trading bitcoin from home! Click here: cryptoprofitnow.xyz',
    'Nice post! Check out my blog http://bestseoservices4u.com',
    'http://a1.com http://b2-store.net http://c3.org http://d4.biz',
    'JOIN NOW JOIN NOW JOIN NOW JOIN NOW JOIN NOW JOIN NOW',
]


@pytest.mark.parametrize("text", BREACHES)
def test_off_topic_breach_is_flagged(text):
    verdict = screen(text)
    assert "off_topic" in verdict.rules, verdict.to_dict()
    assert verdict.flagged
    assert verdict.score >= 0.5
    assert any(e.rule == "off_topic" for e in verdict.evidence)


@pytest.mark.parametrize("text", [
    "https://www.bbc.co.uk/news/uk-england-kent-61394579",
    "Worth a read https://www.theguardian.com/a and https://insidetime.org/jump-in-recalls/",
    "you need to record, record, record, record...and after that record some more",
    "Clients trapped by payday loans often breach.",
])
def test_off_topic_news_links_and_emphasis_are_not_flagged(text):
    assert screen(text).rules == ()
