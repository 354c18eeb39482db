"""What a commenter quotes is screened apart from what they say.

Rules 1-4 judge the commenter's own words: abuse found only inside a
credited quotation goes to ``Verdict.quoted_rules`` (shown to moderators,
not held).  The screen-level cases here use strong profanity, which the
word lists decide, so they hold whatever the trained heads say.
"""

import json

import pytest

from moderation.screening import quote_spans, screen
from moderation.screening.quotes import complement, inside, mask


def _quoted(text):
    return [text[s:e] for s, e in quote_spans(text)]


@pytest.mark.parametrize("text, quoted", [
    ('Raab said: "Prisoners are scum."', ["Prisoners are scum."]),
    ("> you are an idiot\nNo I'm not.", ["you are an idiot"]),
    ("From Twitter:-\nSenior leaders are tossers.\nNobody listens.", ["Senior leaders are tossers.\nNobody listens."]),
    ("MoJ say: recalls are up. Rubbish, say I.", ["recalls are up."]),
    ("RT @someone: our director is a clown\nMy own line.", ["our director is a clown"]),
    ("“We value staff,” says the ACO. Right.", ["We value staff,"]),
    ("'If you don't like it get out' one contributor retorts", ["If you don't like it get out"]),
    ("He said: “One.\n“Two.”\nMine.", ["One.", "Two."]),
    ('The minister said "it was "chicken feed" really" today.', ['it was "chicken feed" really']),
])
def test_quotes_spans_found(text, quoted):
    assert _quoted(text) == quoted


@pytest.mark.parametrize("text", [
    'They call it "support" — bollocks.',  # scare quotes: one word, no credit
    'Our "excellent leaders" strike again.',
    'I say: "Utter Bollox"',  # the writer quoting themselves
    'As I said: "this rota is a disaster for everyone involved"',
    '"Senior managers are wankers"',  # nothing but an uncredited quote
    "Don't, won't, staff's, workers' rights: apostrophes only.",
    "Times like 14:02 and https://example.org/a:b are not introducers.",
    'He said "we\'re fine\nWell I am not.',  # unclosed mid-line quote
])
def test_quotes_not_counted_as_quoting(text):
    assert quote_spans(text) == ()


def test_quotes_mask_and_complement_keep_offsets():
    text = 'Raab said: "scum"\nand more'
    spans = quote_spans(text)
    masked = mask(text, spans, " ")
    assert len(masked) == len(text) and masked.count("\n") == text.count("\n")
    assert "scum" not in masked
    rest = complement(spans, len(text))
    assert sum(e - s for s, e in spans) + sum(e - s for s, e in rest) == len(text)
    (s, e), = spans
    assert inside(spans, s, e) and not inside(spans, 0, s)


# --- quoted abuse is reported, not held ---------------------------------------

@pytest.mark.parametrize("text, words", [
    ('The minister said: "You lot are fucking useless."', "fucking"),
    ('Raab said "you are a fucking disgrace" to the union rep.', "fucking"),
    ("> you fucking idiot\nNot a nice thing to post, whoever wrote it.", "fucking"),
    ("From Twitter:-\nSenior leaders are a bunch of twats.\nMy view: that is unfair on them.", "twats"),
    ("“Fuck the lot of them,” says the director. Charming.", "Fuck"),
])
def test_quotes_quoted_abuse_is_a_quoted_rule_not_a_hold(text, words):
    verdict = screen(text)
    assert "abusive" not in verdict.rules, verdict.to_dict()
    assert "abusive" in verdict.quoted_rules
    abusive = [e for e in verdict.evidence if e.rule == "abusive"]
    assert any(e.text == words for e in abusive)
    assert all(e.quoted and e.reason.endswith(" (in quoted text)") for e in abusive)
    for e in abusive:
        assert any(s <= e.start and e.end <= q for s, q in quote_spans(text))


@pytest.mark.parametrize("quoted, own", [
    ('The minister said: "You lot are fucking useless."', "You lot are fucking useless."),
    ('Raab said "you are a fucking disgrace" to the union rep.', "You are a fucking disgrace, Raab."),
    ("> you fucking idiot\nNot a nice thing to post.", "you fucking idiot"),
])
def test_quotes_same_words_in_own_voice_are_held(quoted, own):
    assert "abusive" not in screen(quoted).rules
    verdict = screen(own)
    assert "abusive" in verdict.rules
    assert any(e.rule == "abusive" and e.text == "fucking" and not e.quoted for e in verdict.evidence)


def test_quotes_own_words_still_count_next_to_a_quote():
    text = '"We value every member of staff," says the director. Fucking liars.'
    verdict = screen(text)
    assert "abusive" in verdict.rules
    assert "abusive" not in verdict.quoted_rules
    (ev,) = [e for e in verdict.evidence if e.rule == "abusive"]
    assert ev.text == "Fucking" and not ev.quoted


def test_quotes_same_rule_in_own_and_quoted_text_is_held_not_quoted():
    text = 'He said "fuck off" to me. Well fuck him.'
    verdict = screen(text)
    assert "abusive" in verdict.rules
    assert "abusive" not in verdict.quoted_rules
    assert any(e.rule == "abusive" and e.start == text.rindex("fuck") and not e.quoted for e in verdict.evidence)


@pytest.mark.parametrize("text", [
    'I say: "fuck the lot of them"',  # the writer quoting themselves
    '"Senior managers are wankers"',  # nothing but an uncredited quote
    'They call it "support" — bollocks.',  # scare quotes
])
def test_quotes_that_are_not_quoting_are_held(text):
    verdict = screen(text)
    assert "abusive" in verdict.rules
    assert not any(e.quoted for e in verdict.evidence if e.rule == "abusive")


def test_quotes_off_counts_quoted_words_as_own():
    text = 'The minister said: "You lot are fucking useless."'
    verdict = screen(text, quote_aware=False)
    assert "abusive" in verdict.rules
    assert verdict.quoted_rules == ()
    assert not any(e.quoted for e in verdict.evidence)


def test_quotes_evidence_offsets_and_serialisation():
    text = "İ Raab said: “Prisoners are fucking scum.” Utter bollocks, İ say."
    verdict = screen(text)
    assert "abusive" in verdict.rules
    for ev in verdict.evidence:
        assert text[ev.start:ev.end] == ev.text
    data = json.loads(json.dumps(verdict.to_dict()))
    own = [e for e in data["evidence"] if e["rule"] == "abusive"]
    assert {e["text"]: e["quoted"] for e in own}["bollocks"] is False


def test_quotes_nul_in_input_is_harmless():
    text = 'Raab said: "scum\x00bag" and fuck\x00 it'
    verdict = screen(text)
    assert "abusive" in verdict.rules
    for ev in verdict.evidence:
        assert text[ev.start:ev.end] == ev.text


def test_quotes_screen_is_deterministic():
    text = "> you muppet\nFrom Twitter:-\n“Fuck the lot of them” — Raab\nYou clown."
    assert screen(text) == screen(text)
