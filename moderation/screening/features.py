"""Structure features: what a bag of embeddings cannot see.

A mean of token vectors knows that a comment is about insults, pills or
money, not who the insult is aimed at, whether it is negated, or whether a
link goes to the BBC or to a look-alike of gov.uk.  These counts supply
that, and the heads weigh them beside the embedding:

* who is spoken to or about: "you", an addressed commenter ("Anon 10:42",
  "@Getafix", "to Nellie above"), a singular role ("my SPO", "the new
  ACO"), a capitalised name mid-sentence;
* an insult word aimed at them ("you ... halfwit", "X is a ... toad"), or
  inside negation scope ("I would never call her useless");
* links parsed with the public suffix list (tldextract's bundled snapshot,
  never fetched): untrusted and look-alike registered domains;
* money, phone numbers, commercial and contact words;
* first-person intent near means words, and "yourself" near harm words;
* spam shape: repetition, gibberish, capitals.

All counts are squashed with ``log1p`` so a long comment does not dwarf a
short one.  Linear in the input.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon
from .lexicon import Token, phrase_positions, word_list

__all__ = ["FEATURES", "Analysis", "analyse", "feature_vector"]

FEATURES = (
    "profanity", "slur", "threat", "insult", "insult_at_you", "insult_at_person",
    "insult_negated", "you", "i", "addressed", "role_person", "names",
    "urls", "untrusted_domains", "lookalike_domains", "money", "phone",
    "commercial", "insinuation", "negation", "self_harm_terms", "intent_means",
    "yourself_harm", "repetition", "gibberish", "caps", "length", "question",
)

# Links: a run of non-space characters that starts like a URL, or a host name
# ending in a top-level domain.  Candidates are whole runs and the host
# pattern cannot split a label two ways, so the scan is linear.
_LINK_EDGES = "<>\"'()[].,;:!?"
_HOST_RE = re.compile(r"[a-z0-9-]++(?:\.[a-z0-9-]++)++")
_TLDS = frozenset("com net org co io uk info biz xyz online site shop me ly app ru cn top club live".split())
# A number starts only where no digit, "." or "," comes before it: a string
# of "1.1.1." is one candidate, not one per digit (each scanning to the end).
_MONEY_RE = re.compile(r"[£$€]\s?\d[\d,.]*+k?|(?<![\d,.])\d[\d,.]*+\s?(?:k|grand|quid|pounds|gbp|usd|btc)\b"
                       r"|\b\d++\s?%")
_PHONE_RE = re.compile(r"(?:\+44\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b")
_ADDRESS_RE = re.compile(r"\banon(?:ymous)?\s*(?:@|at)?\s*\d{1,2}[:.]\d{2}|@\w+|\bto\s+['\"‘“]?[\w' ]{1,20}['\"’”]?\s+above\b|\b(?:last|previous|above)\s+(?:poster|commenter|comment)")
_CAP_RE = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{2,}")
_I_WORDS = frozenset("i i'm im i've ive i'll ill i'd me my myself".split())
_YOU_WORDS = frozenset("you your you're youre yourself u ya yer ur".split())
_HARM_YOURSELF = frozenset("kill top hang end off drown jump die neck slit kys".split())
_YOURSELF = frozenset(("yourself", "urself", "yourselves"))
_COPULAS = frozenset(("is", "was", "'s", "are", "such", "what"))
_DETERMINERS = frozenset("my our the your his her new this that".split())
# No vowel at all, or five consonants in a row: "xkcdq", "asdfghjkl".
_GIBBERISH_RE = re.compile(r"^[^aeiouy]+$|[b-df-hj-np-tv-xz]{5}")


@lru_cache(maxsize=None)
def _set(name: str) -> frozenset:
    return frozenset(w for w in word_list(name) if " " not in w)


@lru_cache(maxsize=None)
def _phrases(name: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(w.split()) for w in word_list(name) if " " in w)


@lru_cache(maxsize=1)
def _extractor():
    import tldextract

    # The bundled public-suffix snapshot only: no network, ever.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def urls(text: str) -> list[str]:
    """Links in folded text: "http(s)://", "www." or a bare host with a known TLD."""
    found = []
    for word in text.split():
        if "." not in word:
            continue
        run = word.strip(_LINK_EDGES)
        if run.startswith(("http://", "https://", "www.")):
            found.append(run)
            continue
        host = run.split("/", 1)[0]
        if "." in host and host.rsplit(".", 1)[1] in _TLDS and _HOST_RE.fullmatch(host):
            found.append(run)
    return found


_AMP_CACHE_RE = re.compile(r"(?:https?://)?[^/]+\.cdn\.ampproject\.org/[a-z]/(?:s/)?([^/?#\s]+)")


def registered_domain(url: str) -> str:
    """The domain a link really goes to, by the public suffix list.  A Google
    AMP cache link ("www-bbc-co-uk.cdn.ampproject.org/v/s/www.bbc.co.uk/...")
    is read as the page it caches."""
    amp = _AMP_CACHE_RE.match(url)
    if amp:
        url = amp.group(1)
    parts = _extractor()(url)
    return f"{parts.domain}.{parts.suffix}" if parts.suffix else parts.domain


def _domain_trusted(domain: str) -> bool:
    trusted = _set("trusted_domains.txt")
    return domain in trusted or any(domain.endswith("." + t) for t in trusted)


def _lookalike(domain: str) -> bool:
    name = domain.split(".")[0].replace("-", "")
    return not _domain_trusted(domain) and any(b in name for b in _set("brands.txt"))


@dataclass(frozen=True)
class Analysis:
    """One text view, folded and tokenised once for every layer."""

    text: str
    folded: object
    tokens: list[Token]
    sentences: list[tuple[int, int]]  # folded-text spans
    sentence_tokens: list[tuple[int, int]]  # token index bounds per sentence
    proper: frozenset  # token indices written as proper nouns


def analyse(text: str) -> Analysis:
    from .normalise import fold

    folded = fold(text)
    return _analysis(text, folded, lexicon.tokens(folded.text))


def analyse_part(whole: Analysis, spans, keep_inside: bool) -> Analysis:
    """The analysis of ``mask(text, spans)`` (or of its complement) derived
    from the whole text's: no second fold or tokenisation.  ``spans`` are
    original-text offsets; tokens that cross a span's edge are dropped."""
    from .normalise import Folded
    from .quotes import complement, mask

    n = len(whole.text)
    blank = spans if not keep_inside else complement(spans, n)
    origin = whole.folded.origin
    folded_blank = [(bisect_left(origin, s, 0, len(origin) - 1), bisect_left(origin, e, 0, len(origin) - 1))
                    for s, e in blank]
    text = mask(whole.text, blank, " ")
    folded = Folded(mask(whole.folded.text, folded_blank, " "), origin, text)
    kept = []
    j = 0
    for tok in whole.tokens:
        while j < len(folded_blank) and folded_blank[j][1] <= tok.start:
            j += 1
        if j < len(folded_blank) and tok.end > folded_blank[j][0]:
            continue  # inside (or across the edge of) a blanked span
        kept.append(tok)
    return _analysis(text, folded, kept)


def _analysis(text: str, folded, toks: list[Token]) -> Analysis:
    from .sentences import sentence_spans

    sentences = sentence_spans(folded.text)
    bounds, k = [], 0
    for start, end in sentences:
        lo = k
        while k < len(toks) and toks[k].start < end:
            k += 1
        bounds.append((lo, k))
    origin = folded.origin
    proper = frozenset(
        i for lo, hi in bounds for i in range(lo + 1, hi)
        if text[origin[toks[i].start]].isupper() and _looks_like_name(text, folded, toks, i, hi)
    )
    return Analysis(text, folded, toks, sentences, bounds, proper)


_PLACE_WORDS = frozenset("in at from near to through of called named via outside visit visited "
                         "around towards past".split())


def _looks_like_name(text: str, folded, toks: list[Token], i: int, hi: int) -> bool:
    """A capitalised word read as a name or place: after "in/at/from/near/
    called..." or beside another capitalised word ("Shitterton Parish
    Council").  Capitals for emphasis ("BULLSHIT") are not names."""
    start, end = folded.span(toks[i].start, toks[i].end)
    word = text[start:end]
    if not word[:1].isupper() or word.isupper():
        return False
    if toks[i - 1].form in _PLACE_WORDS:
        return True
    if i + 1 < hi:
        nxt = text[folded.origin[toks[i + 1].start]]
        return nxt.isupper()
    return False


def feature_vector(a: Analysis, lo: int = 0, hi: int | None = None, hits=None) -> list[float]:
    """FEATURES for tokens ``lo:hi`` of an analysis (a sentence or the whole)."""
    toks = a.tokens[lo:hi]
    forms = [t.form for t in toks]
    n = len(forms)
    if hi is None:
        hi = len(a.tokens)
    start = toks[0].start if toks else 0
    end = toks[-1].end if toks else 0
    text = a.folded.text[start:end]
    original = a.text[a.folded.span(start, end)[0]:a.folded.span(start, end)[1]] if toks else ""
    hits = [h for h in (hits or ()) if start <= h.start < end or not toks]
    counts = Counter(forms)
    vocab = counts.keys()

    def tally(words: frozenset) -> int:
        return sum(counts[w] for w in vocab & words)

    insults = _set("insults.txt")
    negators = _set("negators.txt")
    insult_pos = [i for i, w in enumerate(forms) if w in insults] if vocab & insults else []
    insult_pos += [p for p, _ in phrase_positions(forms, _phrases("insults.txt"), vocab)]
    at_you = at_person = negated = 0
    for i in insult_pos:
        window = forms[max(0, i - 5):i]
        if any(w in negators for w in window):
            negated += 1
            continue
        if any(w in _YOU_WORDS for w in window):
            at_you += 1
        elif any(w in _COPULAS or w.endswith("'s") for w in window):
            at_person += 1
    roles = _set("roles.txt")
    role_person = sum(
        1 for i, w in enumerate(forms) if i and w in roles and forms[i - 1] in _DETERMINERS
    ) if vocab & roles else 0
    i_count = tally(_I_WORDS)
    you_count = tally(_YOU_WORDS)
    means_count = tally(_set("self_harm.txt")) + len(phrase_positions(forms, _phrases("self_harm.txt"), vocab))
    yourself = sum(
        1 for i, w in enumerate(forms)
        if w in _YOURSELF and any(x in _HARM_YOURSELF for x in forms[max(0, i - 3):i])
    ) + counts["kys"] if vocab & _YOURSELF else counts["kys"]
    links = urls(text)
    domains = [registered_domain(u) for u in links]
    commercial = tally(_set("commercial.txt")) + len(phrase_positions(forms, _phrases("commercial.txt"), vocab))
    letters = sum(map(str.isalpha, original))
    caps = sum(map(str.isupper, original)) / letters if letters > 20 else 0.0
    alpha_words = [w for w in vocab if len(w) > 3 and w.isalpha() for _ in range(counts[w])]
    gibberish = sum(1 for w in alpha_words if _GIBBERISH_RE.search(w))
    repetition = 1 - len(vocab) / n if n >= 12 else 0.0
    counts = [
        sum(h.kind == "profanity" for h in hits), sum(h.kind == "slur" for h in hits),
        sum(h.kind == "threat" for h in hits), len(insult_pos), at_you, at_person, negated,
        you_count, i_count, len(_ADDRESS_RE.findall(text)), role_person,
        len(_CAP_RE.findall(original)), len(links),
        sum(not _domain_trusted(d) for d in domains), sum(_lookalike(d) for d in domains),
        len(_MONEY_RE.findall(text)), len(_PHONE_RE.findall(text)), commercial,
        len(phrase_positions(forms, _phrases("insinuation.txt"), vocab)) + tally(_set("insinuation.txt")),
        tally(negators), means_count,
        min(i_count, means_count), yourself,
    ]
    values = [math.log1p(c) for c in counts]
    values += [repetition, gibberish / max(len(alpha_words), 1), caps, math.log1p(n) / 6, text.count("?") / max(n, 1) * 10]
    return values
