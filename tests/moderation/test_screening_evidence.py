"""Evidence quotes exactly what the author typed, at the place they typed it.

A moderator reads the evidence beside the comment, and the redaction tool
strikes out ``comment[start:end]``: the offsets must be right whatever
characters come before.  Cases use strong profanity and threats, which the
word lists decide, so the evidence is there whatever the model says.
"""

import pytest

from moderation.screening import screen

# Characters that change length when lower-cased, normalised or folded
# ("İ" lower-cases to two, "ﬁ" and "Ⅻ" expand, emoji are astral, invisibles
# vanish): any of them before a hit would shift a naive offset.
PREFIXES = [
    "",
    "İİİ ",
    "ﬁne ﬂat Ⅻ ",
    "\U0001f600\U0001f44d\U0001f3fd ",
    "\u200b\u00ad\u202e\u202c \u200d",
    "e\u0301e\u0301 ",
    "line one\r\nline two\r\n\t",
    "ｆｕｌｌ ｗｉｄｔｈ ",
    "\x00 ",
]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_evidence_offsets_survive_any_characters_before(prefix):
    text = prefix + "They haven't a fucking clue."
    verdict = screen(text)
    (ev,) = [e for e in verdict.evidence if e.rule == "abusive" and e.text == "fucking"]
    assert (ev.start, ev.end) == (text.index("fucking"), text.index("fucking") + len("fucking"))


def test_evidence_names_each_hit_once_at_its_own_place():
    text = "Fuck this. The rota is shite, and the bullshit from HQ is worse."
    verdict = screen(text)
    lexical = [(e.text, e.start) for e in verdict.evidence if e.rule == "abusive"]
    for word in ("Fuck", "shite", "bullshit"):
        assert (word, text.index(word)) in lexical


def test_evidence_quotes_a_whole_threat():
    text = "Carry on like this and I'll batter you, Getafix."
    verdict = screen(text)
    assert any(e.rule == "abusive" and e.text == "I'll batter you" for e in verdict.evidence)


def test_evidence_quotes_a_disguise_not_its_folded_form():
    text = "Honestly, what a f\u200bu\u0441\u200bk\u0456ng shambles."
    (ev,) = [e for e in screen(text).evidence if e.rule == "abusive" and "ng" in e.text]
    assert ev.text == "f\u200bu\u0441\u200bk\u0456ng"
    assert text[ev.start:ev.end] == ev.text


def test_evidence_reasons_are_written_for_moderators():
    verdict = screen("you utter bellend")
    assert verdict.evidence
    for ev in verdict.evidence:
        assert ev.reason and ev.reason == ev.reason.strip()
        assert not ev.quoted
