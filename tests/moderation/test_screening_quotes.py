"""Quoted text is screened apart from the commenter's own words."""

import json

import pytest

from moderation.evaluation import compare, evaluate, load_cases
from moderation.screening import quote_spans, screen

from .test_screening_evaluation import CASES_PATH


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


def test_quotes_quoted_insult_is_reported_not_flagged():
    verdict = screen('Raab said: "Prisoners are scum and vermin."')
    assert verdict.rules == ()
    assert verdict.quoted_rules == ("abusive",)
    assert not verdict.flagged and verdict.score < 0.5
    assert all(e.quoted and e.reason.endswith(" (in quoted text)") for e in verdict.evidence)


def test_quotes_own_words_still_count_next_to_a_quote():
    text = '"We value every member of staff," says the director. Fucking liars.'
    verdict = screen(text)
    assert verdict.rules == ("abusive",)
    (ev,) = verdict.evidence
    assert ev.text == "Fucking" and not ev.quoted


def test_quotes_same_rule_in_own_and_quoted_text_is_not_a_quoted_rule():
    verdict = screen('He said "fuck off" to me. Well fuck him.')
    assert verdict.rules == ("abusive",)
    assert verdict.quoted_rules == ()
    assert [e.quoted for e in verdict.evidence] == [True, False]


@pytest.mark.parametrize("text, rule", [
    ('From the inquest: "He tied a ligature from his t-shirt around the window bars."', "self_harm"),
    ('A mate sent me this: "Use code PROBATION20 for 20% off our courses, DM me."', "advert"),
    ('From Twitter:-\n"Earn £500 a day from home with bitcoin trading signals, DM me now!"', "off_topic"),
])
def test_quotes_rules_5_to_7_apply_to_quoted_text(text, rule):
    verdict = screen(text)
    assert rule in verdict.rules
    assert any(e.rule == rule and e.quoted for e in verdict.evidence)


def test_quotes_name_outside_does_not_pair_with_insult_inside():
    assert screen('Sarah said: "The new rota is completely useless."').rules == ()
    assert screen('"Sarah" is a useless idiot').rules  # scare-quoted name, own words


def test_quotes_scare_quoted_insult_counts():
    assert screen('My SPO is a "complete idiot" and everyone knows it.').rules == ("personal_attack",)


def test_quotes_off_counts_quoted_words_as_own():
    text = 'Raab said: "Prisoners are scum."'
    assert screen(text, quote_aware=False).rules == ("abusive",)
    assert screen(text, quote_aware=False).quoted_rules == ()


def test_quotes_evidence_offsets_and_serialisation():
    text = "İ Raab said: “Prisoners are scum.” Utter bollocks, İ say."
    verdict = screen(text)
    for ev in verdict.evidence:
        assert text[ev.start:ev.end] == ev.text
    data = json.loads(json.dumps(verdict.to_dict()))
    assert data["quoted_rules"] == []
    assert [e["quoted"] for e in data["evidence"]] == [True, False]


def test_quotes_nul_in_input_is_harmless():
    text = 'Raab said: "scum\x00bag" and fuck\x00 it'
    verdict = screen(text)
    assert "abusive" in verdict.rules
    for ev in verdict.evidence:
        assert text[ev.start:ev.end] == ev.text


def test_quotes_screen_is_deterministic():
    text = "> you muppet\nFrom Twitter:-\n“Fuck the lot of them” — Raab\nYou clown."
    assert screen(text) == screen(text)


def test_quotes_case_file_has_quote_cases():
    cases = [c for c in load_cases(CASES_PATH) if "quoted_rules" in c]
    assert len(cases) >= 30
    assert sum(1 for c in cases if c["quoted_rules"]) >= 15
    assert sum(1 for c in cases if c["rules"]) >= 10


def test_quotes_handling_beats_no_handling_on_the_case_file():
    cases = load_cases(CASES_PATH)
    off, on = evaluate(cases, quote_aware=False), evaluate(cases)
    assert on.false_holds < off.false_holds
    assert on.recall_any >= off.recall_any
    assert on.quoted_matched >= on.n_quoted_labelled - 2, on.misses_table()
    table = compare(off, on)
    assert "quotes off" in table and "quotes on" in table
