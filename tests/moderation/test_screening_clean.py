"""Clean comments - including furious criticism - are not held."""

import pytest

from moderation.screening import Verdict, screen

CLEAN = [
    "The Probation Service is now a dysfunctional organisation, with dysfunctional "
    "management, run by an out of touch, ignorant and utterly dysfunctional government.",
    "Senior managers are too busy building empires and protecting themselves to care.",
    "Why can't Justin Russell call out the toxic culture in Probation instead?",
    "Probation is absolute crap. Why would anyone want to come in and work for a crap service?",
    "Announcement by MoJ. It's all going to be rosy again! https://www.gov.uk/government/news/x",
    "Tory justice policy is smoke and mirrors and probation pays the price.",
    "Don't do it then",
    "",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_comment_is_not_flagged(text):
    verdict = screen(text)
    assert verdict.rules == ()
    assert not verdict.flagged
    assert 0.0 <= verdict.score < 0.5
    assert verdict.evidence == ()


def test_clean_verdict_is_frozen_dataclass():
    verdict = screen("Fine comment.")
    assert isinstance(verdict, Verdict)
    with pytest.raises(Exception):
        verdict.score = 1.0  # type: ignore[misc]


def test_clean_screen_is_deterministic():
    text = "You muppet, the leadership is shite and our ACO fiddled the figures."
    first = screen(text).to_dict()
    assert all(screen(text).to_dict() == first for _ in range(5))
