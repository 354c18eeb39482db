"""Rule 'abusive': clear breaches are flagged with that rule."""

import pytest

from moderation.screening import screen

BREACHES = [
    'the whole fucking service has been inadequate',
    "They haven't a fucking clue.",
    'I look forward to a report that says the leadership is shite',
    "I'm starting to think they're taking the piss.",
    'Utter Bollox',
    'Being po today means fu+# all',
    'rishi says violent crime is down 46%. BULL. SHIT.',
    'Smoke & mirrors; Lies; & Bullshit all round.',
    'a shitload of pay-off or a shiny gong',
    'the various shit showers raining down on staff',
    'What a f*ck up.',
    'sh1t management',
    'f.u.c.k this',
    'f u c k this',
    'fuuuuck',
    'The minister should be strung up for this.',
]


@pytest.mark.parametrize("text", BREACHES)
def test_abusive_breach_is_flagged(text):
    verdict = screen(text)
    assert "abusive" in verdict.rules, verdict.to_dict()
    assert verdict.flagged
    assert verdict.score >= 0.5
    assert any(e.rule == "abusive" for e in verdict.evidence)


@pytest.mark.parametrize("text", ["This makes me so bloody angry!", "if the delivery is crap",
                                  "the leadership and delivery is pants", "cringingly naff"])
def test_abusive_mild_words_are_not_flagged(text):
    assert screen(text).rules == ()


@pytest.mark.parametrize("text", ["Scunthorpe office", "shiitake risotto", "Shiite community",
                                  "risk assessment class", "Dickens and Dick Whittington",
                                  "a cocktail with my therapist", "Hancock's WhatsApps"])
def test_abusive_scunthorpe_substrings_are_not_flagged(text):
    assert screen(text).rules == ()


def test_abusive_censored_stub_alone_is_not_flagged():
    # "f***" on its own is too ambiguous to call; "f***ing" is not.
    assert screen("f*** all").rules == ()
    assert screen("f***ing useless IT").rules == ("abusive",)
