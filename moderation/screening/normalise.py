"""Fold a comment to what a reader sees, keeping a map back to what was typed.

Everything else in the screener reads :class:`Folded` text, never the raw
comment, so that disguises cost nothing to see through:

* NFKC (full-width and mathematical letters become plain ones) and
  combining marks dropped ("ｆｕｃｋ", "fùck" -> "fuck");
* Unicode confusables folded to Latin, from the Unicode TR39 data as
  shipped by ``confusable_homoglyphs`` (Cyrillic "а", Greek "ο" -> "a", "o");
* invisible characters dropped: zero-width, soft hyphen, bidi controls and
  every other format (Cf) character;
* lower-cased.

``Folded.origin[i]`` is the index in the original text of folded character
``i`` (one extra entry for the end), so evidence found in folded text is
quoted exactly as the author wrote it: :meth:`Folded.span`.

Leetspeak and letter repeats are *not* folded here, because "2 x 50mg" and
"£100" must survive for the semantic layer; :func:`lexical_form` folds them
for word-list matching only.  Time is linear in the input: one pass, one
dictionary lookup per character.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["Folded", "fold", "lexical_form"]


@dataclass(frozen=True)
class Folded:
    text: str
    origin: Sequence[int]  # len(text) + 1 entries
    source: str = ""

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original-text span of folded ``text[start:end]``, taking in
        the combining marks that follow its last letter ("fuck" + accent)."""
        if end <= start:
            return self.origin[start], self.origin[start]
        stop = self.origin[end - 1] + 1
        while stop < len(self.source) and unicodedata.category(self.source[stop]) == "Mn":
            stop += 1
        return self.origin[start], stop


@lru_cache(maxsize=1)
def _confusables() -> dict[str, str]:
    """Non-ASCII character -> the ASCII letter it is confusable with."""
    data = json.loads(
        resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8")
    )
    table: dict[str, str] = {}
    for key, glyphs in data.items():
        if len(key) == 1 and key.isascii() and key.isalpha():
            for glyph in glyphs:
                if len(glyph["c"]) == 1 and not glyph["c"].isascii():
                    table.setdefault(glyph["c"], key.lower())
    for key, glyphs in data.items():
        if len(key) == 1 and not key.isascii() and key not in table:
            for glyph in glyphs:
                if len(glyph["c"]) == 1 and glyph["c"].isascii() and glyph["c"].isalpha():
                    table[key] = glyph["c"].lower()
                    break
    return table


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """What one character folds to: "" (invisible), or one or more characters."""
    if ch.isascii():
        return ch.lower()
    category = unicodedata.category(ch)
    if category == "Cf" or category == "Mn":
        return ""
    if category == "Zs":
        return " "
    out = []
    for part in unicodedata.normalize("NFKD", ch):
        if unicodedata.category(part) == "Mn":
            continue
        part = unicodedata.normalize("NFKC", part)
        if not part.isascii():
            part = _confusables().get(part, part)
        out.append(part.lower())
    return "".join(out)


def fold(text: str) -> Folded:
    special = {ch: _fold_char(ch) for ch in set(text) if not ch.isascii()}
    if all(len(v) == 1 for v in special.values()):
        # The common case: every character folds to exactly one, so offsets
        # do not move and one C-level translate does the work.
        folded = text.translate({ord(k): v for k, v in special.items()}).lower()
        if len(folded) == len(text):
            return Folded(folded, range(len(text) + 1), text)
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        for piece in folded:
            chars.append(piece)
            origin.append(i)
    origin.append(len(text))
    return Folded("".join(chars), tuple(origin), text)


_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t",
                       "@": "a", "$": "s", "!": "i", "|": "l", "+": "t", "€": "e"})
_REPEATS_RE = re.compile(r"(.)\1{2,}")


@lru_cache(maxsize=65536)
def lexical_form(token: str) -> str:
    """A token as the word lists see it: leetspeak and long letter runs folded.

    Only tokens with at least one letter are leet-folded, so numbers stay
    numbers; runs of three or more of a character become exactly three
    ("fuuuuck" -> "fuuuck"), which the word matcher reads as one or two
    ("fuck", "fuuck"): a doubled letter typed on purpose ("Twatt") stays.
    """
    if any(c.isalpha() for c in token):
        token = token.translate(_LEET)
    return _REPEATS_RE.sub(r"\1\1\1", token)
