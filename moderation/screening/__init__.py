"""Comment screener for the seven HMPPS moderation rules.

``screen(text)`` returns a :class:`Verdict`: the rules a comment appears to
break, a score, and evidence quoted from what the author wrote.  A flagged
comment is held for a moderator, never deleted.  Pure (no ORM),
deterministic, and linear in the length of the text.

One job per module:

* :mod:`.normalise` folds look-alike, invisible and styled characters and
  keeps a map back to the original text;
* :mod:`.lexicon` matches what words decide (strong profanity, slurs,
  threats) from the lists in ``data/``;
* :mod:`.features` counts structure a bag of embeddings cannot see (who an
  insult is aimed at, negation, links, money, intent near means);
* :mod:`.encoder` embeds text with a static table distilled from
  all-MiniLM-L6-v2, and :mod:`.heads` scores it with one calibrated linear
  head per rule;
* :mod:`.quotes` finds what the commenter quotes rather than says.

Rules 1-4 (abuse, disrespect, personal attacks, defamation) are about the
commenter's own conduct: they are judged on the commenter's words with
quoted passages blanked out, and a hit only inside a quotation goes to
``Verdict.quoted_rules`` (shown to moderators, not held).  Rules 5-7
(self-harm detail, adverts, spam) are about what the page would publish,
whoever wrote it, and are judged on the whole text.

How it was trained and how well it does on text it never saw:
``docs/screener.md``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..rules import RULE_CODES, RULES_BY_CODE
from . import encoder, lexicon
from .features import analyse, analyse_part, feature_vector
from .heads import all_heads, probabilities
from .quotes import quote_spans

__all__ = ["Evidence", "Verdict", "screen", "quote_spans"]

_ORDER = {code: i for i, code in enumerate(RULE_CODES)}
_OWN_VOICE_RULES = ("abusive", "disrespectful", "personal_attack", "defamatory")
_WHOLE_TEXT_RULES = ("self_harm", "advert", "off_topic")
_IN_QUOTE = " (in quoted text)"
_LEXICON_P = 0.97  # how sure a word-list match is, on the heads' scale
_SENTENCES_SCORED = 8  # sentences scored in full when choosing evidence


@dataclass(frozen=True)
class Evidence:
    """One reason for a verdict: ``text == comment[start:end]``."""

    rule: str
    text: str
    reason: str
    start: int
    end: int
    quoted: bool = False

    def to_dict(self) -> dict:
        return {"rule": self.rule, "text": self.text, "reason": self.reason,
                "start": self.start, "end": self.end, "quoted": self.quoted}


@dataclass(frozen=True)
class Verdict:
    """Result of :func:`screen`.

    ``rules``: codes of the rules broken, in rule-number order.
    ``score``: 0..1, at least 0.5 exactly when flagged (each rule's head
    probability rescaled so that its threshold sits at 0.5).
    ``quoted_rules``: rules 1-4 tripped only by quoted text; they do not
    flag the comment.
    """

    rules: tuple[str, ...]
    score: float
    evidence: tuple[Evidence, ...]
    quoted_rules: tuple[str, ...] = ()

    @property
    def flagged(self) -> bool:
        return bool(self.rules)

    def to_dict(self) -> dict:
        return {"rules": list(self.rules), "score": self.score,
                "evidence": [e.to_dict() for e in self.evidence],
                "quoted_rules": list(self.quoted_rules)}


class _View:
    """One text view (own words, quoted words, or whole), scored once."""

    def __init__(self, text: str, rules, *, whole: "_View | None" = None, spans=(), inside=False) -> None:
        if whole is None:
            self.analysis = a = analyse(text)
            self.encoded = encoder.encode(a.folded.text)
        else:  # a part of ``whole``: its own words, or what it quotes
            self.analysis = a = analyse_part(whole.analysis, spans, inside)
            self.encoded = whole.encoded.only(_kept_chars(a.folded.text))
        self.hits = lexicon.word_hits(a.tokens, a.sentence_tokens, a.proper)
        self.features = features = np.asarray([feature_vector(a, hits=self.hits)])
        embedding = encoder.pooled(self.encoded)
        forms = [[t.form for t in a.tokens]]
        chosen = {r: all_heads()[r] for r in rules}
        self.probability = {r: float(p[0]) for r, p in probabilities(chosen, embedding, features, forms).items()}

    def best_sentence(self, rule: str) -> tuple[int, int, float]:
        """The folded span of the sentence this rule's head scores highest."""
        a = self.analysis
        idx = [i for i, (lo, hi) in enumerate(a.sentence_tokens) if hi > lo]
        if len(idx) <= 1:
            start, end = (a.sentences[idx[0]] if idx else (0, len(a.folded.text)))
            return start, end, self.probability[rule]
        head = all_heads()[rule]
        embeddings = encoder.pooled(self.encoded, [a.sentences[i] for i in idx])
        if len(idx) > _SENTENCES_SCORED:
            # Rank by the embedding part of the head alone (one product),
            # then score the best few with their structure and words.
            rough = embeddings @ head.weights[:embeddings.shape[1]]
            top = np.argsort(-rough, kind="stable")[:_SENTENCES_SCORED]
        else:
            top = np.arange(len(idx))
        features = np.asarray([feature_vector(a, *a.sentence_tokens[idx[k]], hits=self.hits) for k in top])
        forms = [[t.form for t in a.tokens[slice(*a.sentence_tokens[idx[k]])]] for k in top]
        p = probabilities({rule: head}, embeddings[top], features, forms)[rule]
        best = int(top[int(p.argmax())])
        return (*a.sentences[idx[best]], float(p.max()))

    def evidence(self, rules) -> list[tuple[str, int, int, str]]:
        """(rule, start, end, reason) in original offsets: word-list matches
        for rule 1 where there are any, else the sentence scored highest."""
        a = self.analysis
        found = []
        for hit in self.hits:
            if hit.rule in rules:
                found.append((hit.rule, *a.folded.span(hit.start, hit.end), hit.reason))
        for rule in rules:
            if any(f[0] == rule for f in found):
                continue
            start, end, p = self.best_sentence(rule)
            name = RULES_BY_CODE[rule].name.lower()
            found.append((rule, *a.folded.span(start, end),
                          f"reads as {name} (score {p:.2f} for this sentence, {self.probability[rule]:.2f} overall)"))
        return found


def _kept_chars(folded_text: str) -> np.ndarray:
    """True where a masked folded text still has its character (not blanked)."""
    return np.frombuffer(folded_text.encode("utf-32-le"), dtype=np.uint32) != ord(" ")


def _rescale(p: float, threshold: float) -> float:
    """Map a head probability so the rule's threshold lands on 0.5."""
    if p >= threshold:
        return 0.5 + 0.5 * (p - threshold) / max(1 - threshold, 1e-9)
    return 0.5 * p / max(threshold, 1e-9)


def screen(text: str, *, quote_aware: bool = True) -> Verdict:
    """Screen one comment against the seven rules (see the module docstring)."""
    if not text or not text.strip():
        return Verdict((), 0.0, ())
    if not any(ch.isalnum() for ch in text):
        # "???", "...", a row of emoji: nothing for the heads to read, and
        # nothing that can break a rule.
        return Verdict((), 0.0, ())
    spans = quote_spans(text) if quote_aware else ()
    full = _View(text, RULE_CODES if not spans else _WHOLE_TEXT_RULES)
    own = full if not spans else _View(text, _OWN_VOICE_RULES, whole=full, spans=spans)
    theirs = _View(text, _OWN_VOICE_RULES, whole=full, spans=spans, inside=True) if spans else None
    head = all_heads()

    def tripped(view: _View, rules) -> dict[str, float]:
        out = {}
        for rule in rules:
            p = view.probability[rule]
            if rule == "abusive" and view.hits:
                p = max(p, _LEXICON_P)
            if p >= head[rule].threshold:
                out[rule] = p
        return out

    counted = tripped(own, _OWN_VOICE_RULES) | tripped(full, _WHOLE_TEXT_RULES)
    quoted = tripped(theirs, _OWN_VOICE_RULES) if theirs else {}
    evidence = []
    for view, rules, in_quote in ((own, [r for r in _OWN_VOICE_RULES if r in counted], False),
                                  (full, [r for r in _WHOLE_TEXT_RULES if r in counted], False),
                                  (theirs, [r for r in quoted if r not in counted], True)):
        if view is None or not rules:
            continue
        for rule, s, e, reason in view.evidence(rules):
            q = in_quote or any(qs <= s and e <= qe for qs, qe in spans)
            evidence.append(Evidence(rule, text[s:e], reason + (_IN_QUOTE if q else ""), s, e, q))
    evidence.sort(key=lambda ev: (ev.start, _ORDER[ev.rule], ev.end))
    rules = tuple(sorted(counted, key=_ORDER.__getitem__))
    quoted_rules = tuple(sorted(set(quoted) - set(counted), key=_ORDER.__getitem__))
    all_p = {**{r: own.probability[r] for r in _OWN_VOICE_RULES},
             **{r: full.probability[r] for r in _WHOLE_TEXT_RULES}, **counted}
    score = max(_rescale(p, head[r].threshold) for r, p in all_p.items())
    # Rounded for display, on the right side of 0.5 (score >= 0.5 iff flagged).
    score = max(round(score, 4), 0.5) if rules else min(round(score, 4), 0.4999)
    return Verdict(rules, score, tuple(evidence), quoted_rules)
