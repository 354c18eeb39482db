"""What a commenter quotes rather than says.

``quote_spans(text)`` finds passages the commenter pastes or cites: ">"
lines, passages in quotation marks that are credited to someone else or
longer than three words, and blocks after "said:", "Press Release:-",
"From Twitter:-", "Replying to @x:" and the like.  The screener holds a
comment for rules 1-4 only on the commenter's own words; what they quote is
reported to moderators, not held (see :func:`moderation.screening.screen`).

Not quoting: scare quotes around up to three words with no credit ('they
call it "support"'); anything the writer credits to themselves ('I say:
"..."'); a comment that is nothing but an uncredited quotation.

Every scan here is bounded or moves forward, so the time is linear in the
length of the comment (tests/moderation/test_screening_linear_time.py).
"""

from __future__ import annotations

import re

__all__ = ["quote_spans", "mask", "complement", "inside"]

_I = re.IGNORECASE
_DQ_OPENERS = "\"“„"
_DQ_EVENT_RE = re.compile("[\"“”„\n]")
# A single-quote opener follows a space or bracket and precedes a letter; a
# closer follows a letter or full stop and precedes no letter.
_SQ_OPEN_RE = re.compile(r"['‘](?=[^\W_])")
_SQ_CLOSE_RE = re.compile(r"(?<=[^\W_]|[.,!?…])['’](?![^\W_])")
_QUOTE_CHARS = "\"“”„'‘’"
_BEFORE_OPEN = "([{<—–-/:;,…" + _QUOTE_CHARS
_AFTER_CLOSE = ".,;:!?)]}>…—–-*" + _QUOTE_CHARS
_QUOTE_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Up to three words in quotes with no credit are scare quotes ("support",
# "excellent leaders"): the writer's own voice.
_MORE_THAN_SCARE_RE = re.compile(r"[^\W_]+(?:[\W_]+[^\W_]+){3}")
_SQ_MAX_CHARS = 200
_CALLED_NOT_REPORTED_RE = re.compile(r"\b(?:you|your|yourself|ya|u|it|this|that)\b", re.IGNORECASE)
# Words someone else called a person: 'called our PSO a "dirty Polack"'.
# Not when the one called is the reader ('everyone calls you a "..."': the
# writer is saying it to them) or a thing ('they call it "support"').
_NAME_CALLING_RE = re.compile(
    r"\b(?:call(?:ed|s|ing)?|branded|labelled|labeled|dubbed|nicknamed|shouted|screamed|yelled)\b"
    r"[^\"“”'‘’\n]{0,35}$", re.IGNORECASE)  # single quotes double as apostrophes: keep pairs short

_SPEECH = (
    r"said|says|say|saying|wrote|writes|tweeted|tweets|posted|posts|announced|"
    r"announces|stated|states|added|adds|commented|replied|replies|responded|"
    r"claimed|claims|insisted|argued|asked|declared|warned|explained|retorts?|"
    r"quoted|quoting|reads|put\s+it|told\s+(?:me|us|him|her|them|staff|the\s+\w+)"
)
# A source that introduces a pasted block: everything after it is theirs.
# "from the X" only with a capitalised X or a document noun: "Apart from the
# money:" introduces nothing.
_SOURCE = (
    r"press\s+release|(?:statement|announcement)\s+from\s+[^:\n]{1,40}|"
    r"(?:from|on|via)\s+(?:twitter|x|facebook|linkedin|instagram|reddit|bluesky|threads)|"
    r"from\s+(?:the\s+|an?\s+|this\s+)?(?:(?-i:[A-Z@])[\w'’.@-]*|report|article|inspection|"
    r"inspectorate|minister|statement|email|e-mail|memo|letter|bulletin|website|blog|"
    r"paper|news|tweet|post)(?:\s+(?-i:[A-Z])[\w'’-]*){0,3}|"
    r"re-?post(?:ed)?(?:\s+from\s+\S+)?|re-?tweet(?:ed)?(?:\s+from\s+\S+)?|RT\s+@\w+|"
    r"replying\s+to\s+@\w+(?:\s+and\s+@\w+)?|(?:own|exact)\s+words|"
    r"(?:copied|pasted|shared|forwarded)(?:\s+(?:from|by)\s+\S+)?"
)
# The words before an introducing colon: "X said", "Press Release", "From Twitter".
_INTRO_TAIL_RE = re.compile(
    r"(?:\b(?P<speech>" + _SPEECH + r")|\b(?P<source>" + _SOURCE + r"))\s*$", _I
)
# ":" or ":-" (not "://", not a ":-)" smiley); "...the norm:-" alone introduces.
_INTRO_COLON_RE = re.compile(r":(?!//)(?P<dash>-(?![-)(DPpOo3/\\|\]\[]))?[ \t]*")
_INTRO_REACH = 70  # characters an introducer may take before its colon
_MAX_COLONS = 100  # colons looked at as introducers, per comment
# Attribution just before an opening quote mark: 'the minister said "...'.
_ATTR_BEFORE_RE = re.compile(
    r"(?:\b(?:" + _SPEECH + r")\s*(?::-?|,|[-–—])?|\b(?:" + _SOURCE + r")\s*:-?|@\w+\s*:?|:-)\s*$",
    _I,
)
# ... or just after the closing one: '"...," he said', '"..." - Raab', '(London, CRC)'.
_ATTR_AFTER_RE = re.compile(
    r"[\s,.!?]*(?:[-–—]\s*@?[A-Z]|\(\s*[A-Z@]|(?:[\w@'’.-]+\s+){0,4}?(?:" + _SPEECH + r")\b)"
)
# Last words of an attribution in _SPEECH (a colon or "@" covers the rest).
_ATTR_LAST_WORDS = frozenset(
    "said says say saying wrote writes tweeted tweets posted posts announced "
    "announces stated states added adds commented replied replies responded "
    "claimed claims insisted argued asked declared warned explained retort "
    "retorts quoted quoting reads it me us him her them staff".split()
)
_VERB_RE = re.compile(r"\b(?:" + _SPEECH + r")\b", _I)
# "I say:", "as I said", "we told them": the writer quoting themselves.
_FIRST_PERSON_RE = re.compile(
    r"\b(?:i|we)(?:['’](?:ve|d))?(?:\s+(?:also|then|just|would|have|had|once|always|"
    r"simply|only|even|did|do|then|literally))*\s+$",
    _I,
)
# Where a pasted block stops and the writer's own voice resumes.
_OWN_VOICE_RE = re.compile(
    r"[ \t]*(?:(?:me|my\s+(?:view|take|reply|response|comment|thoughts|two\s+pence|2p)|"
    r"comment|reply|response|i\s+(?:say|said|reply|think))\s*[:,-]|"
    r"end\s+(?:of\s+)?(?:quote|release|statement)|\[?/?end\]?\s*$|"
    r"-{3,}|\*{3,}|_{3,}|={3,})",
    _I,
)
_BLOCKQUOTE_RE = re.compile(r"^[ \t]*>+[ \t]?([^\n]*)", re.M)
_SENTENCE_END_RE = re.compile(r"[.!?](?=\s|$)|\n")
_BLANK_LINE_RE = re.compile(r"\n[ \t\r]*\n")


def _has_double_quote(text: str) -> bool:
    return '"' in text or "“" in text or "”" in text or "„" in text


def _can_open(text: str, i: int) -> bool:
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in _BEFORE_OPEN) and not nxt.isspace()


def _can_close(text: str, i: int) -> bool:
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return not prev.isspace() and (nxt.isspace() or nxt in _AFTER_CLOSE)


def _line_start(text: str, i: int) -> int:
    return text.rfind("\n", 0, i) + 1


def _line_end(text: str, i: int) -> int:
    j = text.find("\n", i)
    return len(text) if j < 0 else j


def _opens_line(text: str, i: int) -> bool:
    """The quote mark at ``i`` is the first thing on its line (or after a colon)."""
    before = text[_line_start(text, i):i].rstrip()
    return not before or before.endswith((":", ":-"))


def _double_quote_pairs(text: str) -> list[tuple[int, int, bool]]:
    """Content spans of double-quoted passages.

    Straight quotes are paired by context (an opener follows a space, a
    closer precedes one), curly ones too when they contradict their shape
    ('“operational requirements“').  Nested quotes ('"...was "chicken
    feed"."') make one span.  A quote open at a line end continues onto the
    next line, except in the press-release convention where each quoted
    paragraph re-opens ('“An ... reduced.\\n“However, ...”'): the first then
    ends with its line.  No quote crosses a blank line; an unclosed one
    counts only if it opened a line.  The flag is True for a paragraph
    that continues the quote before it (it shares that quote's credit).
    """
    n = len(text)
    pairs: list[tuple[int, int, bool]] = []
    stack: list[int] = []
    carry = -1  # start of a paragraph continuing an unclosed quote
    reopened = -1  # opener of a paragraph continuing the quote before it
    run_end = -1  # end of the blank run already looked at: newlines in it are one break
    for m in _DQ_EVENT_RE.finditer(text):
        i = m.start()
        ch = text[i]
        if ch == "\n":
            if i < run_end:
                continue
            j = i + 1
            while j < n and text[j] in " \t\r\n":
                j += 1
            run_end = j
            blank = "\n" in text[i + 1:j]
            if stack:
                if j < n and text[j] in _DQ_OPENERS and _can_open(text, j):
                    pairs.append((stack[0] + 1, i, stack[0] == reopened))  # re-opened next
                    stack.clear()
                    carry = -1
                    reopened = j
                elif blank or j >= n:
                    if _opens_line(text, stack[0]):
                        pairs.append((stack[0] + 1, i, stack[0] == reopened))
                        carry = j
                    stack.clear()
            elif blank:
                carry = -1
            continue
        o, c = _can_open(text, i), _can_close(text, i)
        if o == c:  # both or neither: go by the glyph, then by state
            is_open = ch in "“„" or (ch == '"' and not stack)
        else:
            is_open = o
        if is_open:
            carry = -1
            if len(stack) < 3:
                stack.append(i)
        elif stack:
            start = stack.pop()
            if not stack:
                pairs.append((start + 1, i, start == reopened))
        elif carry >= 0:  # '“Para one.\n\nPara two.”'
            pairs.append((carry, i, True))
            carry = -1
    if stack and _opens_line(text, stack[0]):
        pairs.append((stack[0] + 1, _line_end(text, stack[0]), stack[0] == reopened))
    return pairs


def _single_quote_pairs(text: str) -> list[tuple[int, int]]:
    """Single-quoted passages on one line ("'If you don't like it get out'").

    An opener must follow a space and precede a letter, a closer must follow
    a letter or full stop and precede no letter, so "don't", "staff's" and
    "workers' rights" are apostrophes.
    """
    pairs = []
    pos = 0
    while True:
        o = _SQ_OPEN_RE.search(text, pos)
        if not o:
            return pairs
        start = o.start()
        if start and not (text[start - 1].isspace() or text[start - 1] in _BEFORE_OPEN):
            pos = start + 1  # "don't": an apostrophe
            continue
        # Look for the line end only as far as a pair may reach: a long line
        # of openers must not be rescanned once per opener.
        nl = text.find("\n", start, start + _SQ_MAX_CHARS)
        limit = start + _SQ_MAX_CHARS if nl < 0 else nl
        c = _SQ_CLOSE_RE.search(text, start + 1, limit + 1)
        if c:
            pairs.append((start + 1, c.start()))
            pos = c.end()
        else:
            pos = start + 1


def _first_person(text: str, verb_start: int) -> bool:
    return bool(_FIRST_PERSON_RE.search(text, max(0, verb_start - 30), verb_start))


def _attribution(text: str, start: int, end: int) -> int:
    """1 if the quote text[start:end] is credited to someone else, -1 if to
    the writer ("I said: ..."), 0 if not credited at all."""
    lo = max(0, start - 1 - 80)
    before = None
    last = text[lo:start - 1].rstrip(" \t,-–—")
    # Cheap gate: the full pattern only when the last word could end one.
    if last.endswith(":") or last.rsplit(None, 1)[-1:] and (
        last.rsplit(None, 1)[-1].lower() in _ATTR_LAST_WORDS or "@" in last[-40:]
    ):
        before = _ATTR_BEFORE_RE.search(text, lo, start - 1)
    if before:
        verb = _VERB_RE.search(text, before.start(), before.end())
        return -1 if verb and _first_person(text, verb.start()) else 1
    # A header on the line above: 'From Twitter:-\n"..."'
    ls = _line_start(text, start - 1)
    if not text[ls:start - 1].strip() and ls > 0:
        prev_end = ls - 1
        while prev_end > 0 and text[prev_end - 1] in " \t\r\n":
            prev_end -= 1
        prev_start = _line_start(text, prev_end)
        head = _line_intro(text, prev_start, prev_end)
        if head:
            return -1 if _first_person_intro(text, head) else 1
    after = _ATTR_AFTER_RE.match(text, end + 1, min(len(text), end + 80))
    if after:
        verb = _VERB_RE.search(text, after.start(), after.end())
        return -1 if verb and _first_person(text, verb.start()) else 1
    return 0


class _Intro:
    """One introducer: ``kind`` is "speech" or "source", ``verb`` where its
    words start, ``rest`` the first position after the colon and blanks."""

    __slots__ = ("kind", "verb", "rest")

    def __init__(self, kind: str, verb: int, rest: int) -> None:
        self.kind, self.verb, self.rest = kind, verb, rest


def _intros(text: str, start: int = 0, end: int | None = None):
    """Introducers whose colon lies in text[start:end], in order.

    Anchored on colons, which are rare, so a comment without one costs a
    single C-level scan.
    """
    end = len(text) if end is None else end
    for n, c in enumerate(_INTRO_COLON_RE.finditer(text, start, end)):
        if n == _MAX_COLONS:
            return  # a wall of colons is not a run of quotations
        tail = _INTRO_TAIL_RE.search(text, max(0, c.start() - _INTRO_REACH), c.start())
        if tail:
            kind = "speech" if tail.group("speech") else "source"
            yield _Intro(kind, tail.start(kind), c.end())
        elif c.group("dash"):
            yield _Intro("source", c.start(), c.end())


def _line_intro(text: str, start: int, end: int) -> _Intro | None:
    """The introducer that ends the line text[start:end], if any."""
    if ":" not in text[start:end]:
        return None
    for intro in _intros(text, start, end):
        if not text[intro.rest:end].strip():
            return intro
    return None


def _first_person_intro(text: str, intro: _Intro) -> bool:
    return intro.kind == "speech" and _first_person(text, intro.verb)


def _intro_blocks(text: str) -> list[tuple[int, int]]:
    """Spans introduced by "said:", "Press Release:-", "From Twitter:-" ...

    Text after the colon on the same line: a speech verb covers the rest of
    the sentence, a source the rest of the line.  Introducer at a line end: a
    speech verb covers the next line (or the next paragraph when a blank line
    follows), a source everything to the end of the comment, stopping where
    the writer's own voice resumes ("My view:", "---", another introducer).
    A quote mark right after the introducer leaves the span to the quote.
    """
    blocks: list[tuple[int, int]] = []
    n = len(text)
    done = 0
    for intro in _intros(text):
        rest = intro.rest
        if rest < done or _first_person_intro(text, intro):
            continue
        if rest < n and text[rest] != "\n":  # same line
            if text[rest] in _QUOTE_CHARS:
                continue
            if intro.kind == "speech":
                stop = _SENTENCE_END_RE.search(text, rest)
                end = n if not stop else stop.start() if text[stop.start()] == "\n" else stop.end()
            else:
                end = _line_end(text, rest)
            blocks.append((rest, end))
            done = end
            continue
        # Introducer ends the line: find the first non-blank line after it.
        j = rest
        while j < n and text[j] in " \t\r\n":
            j += 1
        if j >= n or text[j] in _QUOTE_CHARS:
            continue
        if intro.kind == "speech":
            if "\n" in text[_line_end(text, rest) + 1:j]:  # a blank line follows
                b = _BLANK_LINE_RE.search(text, j)
                end = b.start() if b else n
            else:
                end = _line_end(text, j)
        else:
            end, k = n, j
            while k < n:  # stop at the writer's own voice or the next introducer
                le = _line_end(text, k)
                if k > j and (_OWN_VOICE_RE.match(text, k) or _line_intro(text, k, le)):
                    end = k
                    break
                k = le + 1
            while end > j and text[end - 1] in " \t\r\n":
                end -= 1
        blocks.append((j, end))
        done = end
    return blocks


def _merge(spans) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of ``text`` the commenter quotes rather than says, merged.

    Counted as quoting: ">" blockquote lines; passages in straight or curly
    quotation marks (multi-line too) that are either credited to someone
    else ('Raab said "..."', '"..." - @hmpps') or longer than three words;
    blocks after "said:", "says:", "Press Release:-", "From Twitter:-",
    "Replying to @x:", "MoJ say:", "Repost:", "RT @x:".

    Not quoting: scare quotes around up to three words with no credit
    ('they call it "support"'); anything the writer credits to themselves
    ('I say: "Utter Bollox"'); and a comment that is nothing but an
    uncredited quotation - posting words alone is saying them.
    """
    if not any(ch in text for ch in "\"“”„'‘’>:"):
        return ()
    spans = []
    credited = False
    quote_marks = _double_quote_pairs(text) if _has_double_quote(text) else []
    if "'" in text or "‘" in text or "’" in text:
        quote_marks += [(s, e, False) for s, e in _single_quote_pairs(text)]
    who = 0
    for s, e, continued in quote_marks:
        who = who if continued else _attribution(text, s, e)
        if who < 0:
            continue
        if who == 0:
            calling = _NAME_CALLING_RE.search(text, max(0, s - 45), max(0, s - 1))
            if (calling and not _first_person(text, calling.start())
                    and not _CALLED_NOT_REPORTED_RE.search(calling.group())):
                who = 1  # 'a client called her a "dirty Polack"': reported, not said
        if who == 0 and not _MORE_THAN_SCARE_RE.search(text, s, e):
            continue
        credited = credited or who > 0
        spans.append((s, e))
    if ">" in text:
        spans += [m.span(1) for m in _BLOCKQUOTE_RE.finditer(text) if m.group(1).strip()]
    if ":" in text:
        blocks = _intro_blocks(text)
        credited = credited or bool(blocks)
        spans += blocks
    spans = _merge(spans)
    if spans and not credited:
        own = len(_QUOTE_WORD_RE.findall(mask(text, spans, " ")))
        if own < 3:
            return ()
    return tuple(spans)

def mask(text: str, spans, fill: str = "\x00") -> str:
    """``text`` with each span blanked out, lines and offsets kept."""
    parts, cursor = [], 0
    for s, e in spans:
        parts.append(text[cursor:s])
        piece = text[s:e]
        if "\n" in piece:
            parts.append("\n".join(fill * len(line) for line in piece.split("\n")))
        else:
            parts.append(fill * (e - s))
        cursor = e
    parts.append(text[cursor:])
    return "".join(parts)


def complement(spans, n: int) -> list[tuple[int, int]]:
    out, cursor = [], 0
    for s, e in spans:
        if s > cursor:
            out.append((cursor, s))
        cursor = e
    if cursor < n:
        out.append((cursor, n))
    return out


def inside(spans, start: int, end: int) -> bool:
    """Most of text[start:end] lies in quoted spans."""
    covered = sum(max(0, min(e, end) - max(s, start)) for s, e in spans)
    return 2 * covered >= end - start


