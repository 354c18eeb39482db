"""The word layer: what single words and short word sequences decide.

Strong profanity, slurs and threats break rule 1 on sight, so they are
matched here on lexical tokens (folded text, leetspeak and letter runs
undone, masks like "f*ck" and spaced letters like "f u c k" joined).  The
lists are data files in ``data/``; nothing here names a word.

Words with an everyday sense (``|literal`` in the lists: "prick" as in a
finger-prick, "fag" as in a cigarette, "dyke" as in Offa's Dyke, "dick" as
in Dick Whittington) count only when aimed at someone: after "you", or as
the complement of "is/are/such a".  Place names need no exception: tokens
are whole words, so "Scunthorpe" never contains a match.

Other lists (insults, roles, commercial words, insinuation markers) only
feed the structure features in :mod:`.features`; the semantic heads decide
what they mean.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import NamedTuple
from functools import lru_cache
from importlib import resources

from .normalise import lexical_form

__all__ = ["Token", "LexHit", "tokens", "word_hits", "phrase_positions", "word_list"]

_TOKEN_RE = re.compile(r"[a-z0-9@$€][a-z0-9@$€!|+*#]*(?:['’\-][a-z0-9@$€!|+*#]+)*")
_MASKS = "*#"
_RUNS_RE = re.compile(r"(.)\1\1")


class Token(NamedTuple):
    start: int  # in folded text
    end: int
    form: str  # lexical form


@dataclass(frozen=True)
class LexHit:
    rule: str
    kind: str  # "profanity", "slur", "threat"
    start: int  # in folded text
    end: int
    reason: str


def _data(name: str) -> str:
    return resources.files("moderation.screening").joinpath("data", name).read_text("utf-8")


@lru_cache(maxsize=None)
def word_list(name: str) -> tuple[str, ...]:
    """Non-comment lines of a data file, lower-cased."""
    return tuple(
        line.strip().lower()
        for line in _data(name).splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


def tokens(folded: str) -> list[Token]:
    """Lexical tokens, with runs of single letters ("f u c k", "f.u.c.k") joined."""
    raw = []
    for m in _TOKEN_RE.finditer(folded):
        text = m.group().rstrip("!|+")
        if text:
            raw.append(Token(m.start(), m.start() + len(text), lexical_form(text.replace("’", "'"))))
    out: list[Token] = []
    i = 0
    while i < len(raw):
        j = i
        while (j + 1 < len(raw) and len(raw[j].form) == 1 and len(raw[j + 1].form) == 1
               and raw[j + 1].start - raw[j].end <= 2):
            j += 1
        if j - i >= 2:  # three or more single letters in a row
            out.append(Token(raw[i].start, raw[j].end, "".join(t.form for t in raw[i:j + 1])))
        else:
            out.extend(raw[i:j + 1])
        i = j + 1
    return out


@lru_cache(maxsize=1)
def _stems() -> dict[str, tuple[str, str, bool]]:
    """Lexical stem -> (kind, group, literal)."""
    stems: dict[str, tuple[str, str, bool]] = {}
    for line in word_list("profanity.txt"):
        word, _, flag = line.partition("|")
        stems[word] = ("profanity", "prefix" if flag == "prefix" else "", flag == "literal")
    for line in word_list("slurs.txt"):
        word, _, group = line.partition("\t")
        word, _, flag = word.partition("|")
        stems[word.replace(" ", "")] = ("slur", group.strip(), flag == "literal")
    return stems


@lru_cache(maxsize=1)
def _endings() -> tuple[str, ...]:
    return ("",) + word_list("endings.txt")


@lru_cache(maxsize=1)
def _full_forms() -> dict[int, list[tuple[str, str]]]:
    """Every stem+ending by length, for matching masked tokens ("f**k")."""
    by_length: dict[int, list[tuple[str, str]]] = {}
    for stem in _stems():
        for ending in _endings():
            form = stem + ending
            by_length.setdefault(len(form), []).append((form, stem))
    return by_length


@lru_cache(maxsize=1)
def _compound_stems() -> tuple[str, ...]:
    return tuple(s for s, (kind, _, literal) in _stems().items() if kind == "profanity" and not literal)


_DOUBLES_RE = re.compile(r"(.)\1+")


@lru_cache(maxsize=1)
def _gate() -> re.Pattern:
    """Any stem, letter runs squeezed: a token that contains none is no match."""
    squeezed = sorted({_DOUBLES_RE.sub(r"\1", s) for s in _stems()}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, squeezed)))


@lru_cache(maxsize=65536)
def _could_match(form: str) -> bool:
    return bool(_gate().search(_DOUBLES_RE.sub(r"\1", form.replace("-", "")))) or any(c in form for c in _MASKS)


@lru_cache(maxsize=65536)
def _stem_of(form: str, compounds: bool = True) -> str | None:
    """The profanity or slur stem a lexical token is a form of, if any.

    ``compounds``: also read "shitshow" and "fuckwit" as forms of their
    strong stem; off for words read as names, so a place called
    "Shitterton" is a name.  Compounds that end in the stem ("bullshit",
    "motherfucker") are always read.
    """
    stems = _stems()
    endings = _endings()
    for variant in dict.fromkeys((form, _RUNS_RE.sub(r"\1", form), _RUNS_RE.sub(r"\1\1", form))):
        bare = variant.replace("-", "")
        for candidate in (variant, bare):
            if candidate in stems:
                return candidate
            for ending in endings[1:]:
                if candidate.endswith(ending) and candidate[: -len(ending)] in stems:
                    return candidate[: -len(ending)]
        # Compounds with a strong stem: "motherfucker", "bullshit", "shitshow".
        for stem in _compound_stems():
            if stem in bare:
                if (compounds and bare.startswith(stem) and len(bare) - len(stem) >= 3 and bare.isalpha()
                        and stems[stem][1] == "prefix"):
                    return stem
                for ending in endings:
                    if bare.endswith(stem + ending) and len(bare) > len(stem + ending):
                        return stem
    if any(c in form for c in _MASKS):
        pattern = re.compile("".join("[a-z]" if c in _MASKS else re.escape(c) for c in form))
        for full, stem in _full_forms().get(len(form), ()):
            if pattern.fullmatch(full):
                return stem
    return None


_YOU = frozenset("you ya u yer your you're youre ur".split())
_COPULA = frozenset("is are was were 's be being such".split())


def _aimed(toks: list[Token], i: int) -> bool:
    """Token ``i`` is said of someone: "you prick", "he's a complete dick"."""
    before = [t.form for t in toks[max(0, i - 4):i]]
    if any(w in _YOU for w in before[-3:]):
        return True
    return any(w in _COPULA or w.endswith("'s") for w in before) and any(
        w in ("a", "an", "such", "total", "absolute", "complete", "utter", "right") for w in before
    )


def _negated(toks: list[Token], i: int) -> bool:
    negators = frozenset(word_list("negators.txt"))
    return any(t.form in negators for t in toks[max(0, i - 4):i])


@lru_cache(maxsize=1)
def _threats() -> dict:
    data = json.loads(_data("threats.json"))
    split = {key: tuple(tuple(p.split()) for p in data[key]) for key in ("speakers", "acts", "targets", "phrases")}
    split["gap"] = data["gap"]
    return split


@lru_cache(maxsize=64)
def _by_first(phrases: tuple) -> dict[str, list[tuple[str, ...]]]:
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        by_first.setdefault(phrase[0], []).append(phrase)
    return by_first


def phrase_positions(forms: list[str], phrases, present=None) -> list[tuple[int, int]]:
    """(first, last+1) token positions where any phrase (a tuple of words) occurs.

    ``present``: the set of ``forms``, when the caller has it already.
    """
    by_first = _by_first(phrases)
    if by_first.keys().isdisjoint(forms if present is None else present):
        return []
    found = []
    for i, form in enumerate(forms):
        for phrase in by_first.get(form, ()):
            if tuple(forms[i:i + len(phrase)]) == phrase:
                found.append((i, i + len(phrase)))
    return found


def _threat_hits(toks: list[Token], bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token ranges of threats: a listed phrase, or speaker + act (+ target)
    within one sentence, each part at most ``gap`` words from the last.

    Positions are found once over the whole comment and joined through
    dictionaries keyed by position, so the time stays linear however many
    speakers and acts a comment repeats.
    """
    t = _threats()
    gap = t["gap"]
    forms = [tok.form for tok in toks]
    firsts = _by_first(t["acts"]).keys() | _by_first(t["phrases"]).keys()
    if firsts.isdisjoint(forms):
        return []
    sentence = [0] * len(forms)
    for k, (lo, hi) in enumerate(bounds):
        sentence[lo:hi] = [k] * (hi - lo)
    found = [(a, b) for a, b in phrase_positions(forms, t["phrases"]) if sentence[a] == sentence[b - 1]]
    acts = phrase_positions(forms, t["acts"])
    if not acts:
        return found
    negators = frozenset(word_list("negators.txt"))
    speakers_by_end: dict[int, list[int]] = {}
    for s0, s1 in phrase_positions(forms, t["speakers"]):
        speakers_by_end.setdefault(s1, []).append(s0)
    targets_by_start: dict[int, int] = {}
    for t0, t1 in phrase_positions(forms, t["targets"]):
        targets_by_start[t0] = max(t1, targets_by_start.get(t0, 0))
    for a0, a1 in acts:
        for s1 in range(a0 - gap, a0 + 1):
            for s0 in speakers_by_end.get(s1, ()):
                if sentence[s0] != sentence[a0] or any(w in negators for w in forms[s0:a0]):
                    continue
                ends = [targets_by_start[t0] for t0 in range(a1, a1 + gap + 1)
                        if t0 in targets_by_start and sentence[t0] == sentence[a0]]
                if ends or a1 - a0 > 1:
                    found.append((s0, max(ends + [a1])))
    return found


def word_hits(toks: list[Token], bounds: list[tuple[int, int]], proper=frozenset()) -> list[LexHit]:
    """Rule-1 hits: strong profanity, slurs (aimed, for literal words), threats.

    ``proper``: indices of tokens written as proper nouns (capitalised mid
    sentence); they are matched whole, never as compounds.
    """
    hits = []
    stems = _stems()
    for i, tok in enumerate(toks):
        if not _could_match(tok.form):
            continue
        stem = _stem_of(tok.form, i not in proper)
        if stem is None:
            continue
        kind, group, literal = stems[stem]
        if literal and (i in proper or not _aimed(toks, i)):
            continue  # "Dick Whittington" is a name; "a finger-prick" is not aimed
        if kind == "slur" and _negated(toks, i) and literal:
            continue
        reason = "strong profanity" if kind == "profanity" else f"slur ({group})"
        hits.append(LexHit("abusive", kind, tok.start, tok.end, reason))
    # Two-word entries ("batty boy") are stored joined: try each adjacent pair.
    firsts = _spaced_firsts()
    for i in range(len(toks) - 1):
        if toks[i].form not in firsts:
            continue
        joined = toks[i].form + toks[i + 1].form
        stem = _stem_of(joined, False) if _could_match(joined) else None
        if stem is not None and " " in _spaced_entries().get(stem, ""):
            kind, group, literal = stems[stem]
            hits.append(LexHit("abusive", kind, toks[i].start, toks[i + 1].end, f"slur ({group})"))
    end = -1
    for a, b in sorted(_threat_hits(toks, bounds), key=lambda ab: (ab[0], -ab[1])):
        if a < end:
            continue  # inside a longer threat already reported
        hits.append(LexHit("abusive", "threat", toks[a].start, toks[b - 1].end, "threat of violence"))
        end = b
    return sorted(hits, key=lambda h: h.start)


@lru_cache(maxsize=1)
def _spaced_firsts() -> frozenset:
    """First words of two-word entries, as lexical forms."""
    return frozenset(lexical_form(w.split()[0]) for w in _spaced_entries().values() if " " in w)


@lru_cache(maxsize=1)
def _spaced_entries() -> dict[str, str]:
    """Joined form -> the list entry, for entries written as two words."""
    out = {}
    for line in word_list("slurs.txt"):
        word = line.partition("\t")[0].partition("|")[0]
        out[word.replace(" ", "")] = word
    return out
