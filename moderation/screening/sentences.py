"""Sentence spans, so evidence can quote the sentence a head scored highest.

A sentence ends at ". ", "! ", "? " (or runs of them), at a line break, or
at the end of the text; a sentence of more than 60 words is cut into pieces
of 60 so that a wall of text without full stops still yields evidence of a
readable size.  One regex pass: linear in the input.
"""

from __future__ import annotations

import re

__all__ = ["sentence_spans"]

# Possessive quantifiers: a run of "....." with no space after it is given
# up at once instead of being retried from every dot (quadratic).
_BREAK_RE = re.compile(r"[.!?…]++[\"'”’)\]]*+(?=\s)|\n++")
_WORD_RE = re.compile(r"\S+")
_MAX_WORDS = 60


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    cursor = 0
    for m in _BREAK_RE.finditer(text):
        spans.append((cursor, m.end()))
        cursor = m.end()
    spans.append((cursor, len(text)))
    out = []
    for start, end in spans:
        piece = text[start:end]
        if piece.count(" ") < _MAX_WORDS:  # the usual case: no need to count words
            stripped = piece.strip()
            if stripped:
                lead = len(piece) - len(piece.lstrip())
                out.append((start + lead, start + lead + len(stripped)))
            continue
        words = [w.span() for w in _WORD_RE.finditer(text, start, end)]
        for i in range(0, len(words), _MAX_WORDS):
            chunk = words[i:i + _MAX_WORDS]
            out.append((chunk[0][0], chunk[-1][1]))
    return out
