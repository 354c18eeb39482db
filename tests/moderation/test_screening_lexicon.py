"""What words decide: strong profanity, slurs and threats hold a comment under rule 1.

These are the screener's only per-sentence promises: the word lists in
moderation/screening/data/ decide them, not the trained heads, so they hold
whatever the model says.  How well the heads do is measured by
``manage.py score_screening``, not here.
"""

import pytest

from moderation.screening import lexicon, screen
from moderation.screening.features import analyse


def _hits(text):
    """(kind, original text) of each word-list hit in ``text``."""
    a = analyse(text)
    found = []
    for hit in lexicon.word_hits(a.tokens, a.sentence_tokens, a.proper):
        s, e = a.folded.span(hit.start, hit.end)
        found.append((hit.kind, text[s:e]))
    return found


def _held_for(text, words):
    """Assert ``text`` is held under rule 1 with ``words`` quoted as evidence."""
    verdict = screen(text)
    assert "abusive" in verdict.rules, verdict.to_dict()
    abusive = [e for e in verdict.evidence if e.rule == "abusive"]
    assert any(e.text == words and text[e.start:e.end] == words and not e.quoted for e in abusive), abusive


def _entries(name):
    """(word, literal) for each entry of a word list."""
    out = []
    for line in lexicon.word_list(name):
        word = line.partition("\t")[0]
        word, _, flag = word.partition("|")
        out.append((word, flag == "literal"))
    return out


# --- strong profanity -------------------------------------------------------

@pytest.mark.parametrize("text, words", [
    ("You are a fucking idiot.", "fucking"),
    ("They haven't a fucking clue.", "fucking"),
    ("the whole fucking service has been inadequate", "fucking"),
    ("I look forward to a report that says the leadership is shite", "shite"),
    ("Utter Bollox", "Bollox"),
    ("rishi says violent crime is down 46%. BULL. SHIT.", "SHIT"),
    ("Smoke & mirrors; Lies; & Bullshit all round.", "Bullshit"),
    ("This is BULLSHIT.", "BULLSHIT"),
    ("a shitload of pay-off or a shiny gong", "shitload"),
    ("FUCK OFF", "FUCK"),
])
def test_lexicon_strong_profanity_is_held(text, words):
    _held_for(text, words)


@pytest.mark.parametrize("text, disguise", [
    ("What a f*ck up.", "f*ck"),
    ("f***ing useless IT", "f***ing"),
    ("sh1t management", "sh1t"),
    ("$h!t management", "$h!t"),
    ("fuuuuck this rota", "fuuuuck"),
    ("f u c k this rota", "f u c k"),
    ("f.u.c.k this rota", "f.u.c.k"),
    ("f\u200bu\u200bc\u200bk this rota", "f\u200bu\u200bc\u200bk"),  # zero-width spaces
    ("fu\u00adck this rota", "fu\u00adck"),  # soft hyphen
    ("fu\u0441k this rota", "fu\u0441k"),  # Cyrillic es
    ("\u0455h\u0456t management", "\u0455h\u0456t"),  # Cyrillic dze and i
    ("\uff46\uff55\uff43\uff4b this rota", "\uff46\uff55\uff43\uff4b"),  # full-width
    ("\U0001d41f\U0001d42e\U0001d41c\U0001d424 this rota", "\U0001d41f\U0001d42e\U0001d41c\U0001d424"),  # maths bold
    ("fu\u0301ck this rota", "fu\u0301ck"),  # combining accent
])
def test_lexicon_disguised_profanity_is_held_quoting_the_disguise(text, disguise):
    assert ("profanity", disguise) in _hits(text)
    _held_for(text, disguise)


@pytest.mark.parametrize("word, literal", _entries("profanity.txt"))
def test_lexicon_every_listed_profanity_is_a_hit(word, literal):
    text = f"you {word}" if literal else f"what a load of {word} again"
    assert ("profanity", word) in _hits(text)


@pytest.mark.parametrize("text", [
    "This makes me so bloody angry!",
    "if the delivery is crap",
    "the leadership and delivery is pants",
    "cringingly naff",
    "What a cock-up.",
    "the Christmas piss-up",
])
def test_lexicon_mild_words_are_not_hits(text):
    assert _hits(text) == []


# --- place names and everyday senses ----------------------------------------

@pytest.mark.parametrize("text", [
    "Scunthorpe office",
    "I transferred from Scunthorpe to the north last year.",
    "Penistone Road has no parking.",
    "Our office in Penistone has had no heating.",
    "Cockermouth flooded again.",
    "the court at Cockermouth",
    "Twatt is in Orkney.",
    "a caravan near Twatt",
    "shiitake risotto",
    "the Shiite community",
    "risk assessment class",
    "a cocktail with my therapist",
    "Hancock's WhatsApps",
    "Dickens and Dick Whittington",
])
def test_lexicon_place_names_and_innocent_substrings_are_not_hits(text):
    assert _hits(text) == []


@pytest.mark.parametrize("text", [
    "He needs a finger-prick test every morning.",
    "a prick of the finger",
    "He nipped out for a fag.",
    "Dick Whittington is the panto this year.",
    "We walked Offa's Dyke path.",
])
def test_lexicon_literal_uses_are_not_hits(text):
    assert _hits(text) == []


@pytest.mark.parametrize("text, words", [
    ("you prick", "prick"),
    ("You absolute prick.", "prick"),
    ("He is a total prick.", "prick"),
    ("you utter bellend", "bellend"),
])
def test_lexicon_literal_words_aimed_at_a_person_are_held(text, words):
    assert ("profanity", words) in _hits(text)
    _held_for(text, words)


# --- threats ----------------------------------------------------------------

@pytest.mark.parametrize("text, words", [
    ("I'll batter you", "I'll batter you"),
    ("I'm going to kill you.", "I'm going to kill you"),
    ("Someone should string him up.", "Someone should string him up"),
    ("The minister should be strung up for this.", "should be strung up"),
])
def test_lexicon_threats_are_held(text, words):
    assert ("threat", words) in _hits(text)
    _held_for(text, words)


@pytest.mark.parametrize("text", [
    "I would never hurt you.",
    "I'd never hurt him.",
    "I won't batter you, whatever you say.",
    "I will not hurt you.",
    "I could murder a pint.",
    "I'll kill for a coffee.",
    "That joke killed me.",
])
def test_lexicon_negated_threats_and_idioms_are_not_hits(text):
    assert _hits(text) == []


# --- slurs --------------------------------------------------------------------

def _slur_ids(entries):
    # Test ids name the list line, not the slur.
    return [f"slurs.txt-{i + 1}" for i in range(len(entries))]


_SLURS = _entries("slurs.txt")
_LITERAL_SLURS = [w for w, literal in _SLURS if literal]


@pytest.mark.parametrize("word, literal", _SLURS, ids=_slur_ids(_SLURS))
def test_lexicon_every_listed_slur_aimed_at_people_is_held(word, literal):
    text = f"you {word}" if literal else f"they are all {word}s round here"
    assert any(kind == "slur" for kind, _ in _hits(text))
    assert "abusive" in screen(text).rules


@pytest.mark.parametrize("word", _LITERAL_SLURS, ids=_slur_ids(_LITERAL_SLURS))
def test_lexicon_slur_with_an_everyday_sense_is_not_a_hit_unaimed(word):
    assert _hits(f"a {word} in the garden") == []
