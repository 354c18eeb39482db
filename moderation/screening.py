"""Comment screener for the seven HMPPS moderation rules.

``screen(text)`` returns a :class:`Verdict`: the rule codes a comment appears
to break (see :mod:`moderation.rules`), a score and quoted evidence.  It is a
*screener*: a flagged comment is held for a human moderator, never deleted,
so it favours recall on clear breaches while keeping the blog's bread and
butter - furious criticism of HMPPS, the MoJ, ministers, unions and "senior
management" as a class - out of the queue.

Approach (deterministic, pure Python, no ORM):

* Rule 1 ``abusive``: graded word lists.  Mild words ("crap", "bloody",
  "pants", "naff") are ignored; strong profanity, slurs and threats break
  the rule.  Each strong word is compiled into an obfuscation-tolerant
  regex: leetspeak ("sh1t"), repeated letters ("fuuuck"), symbols masking or
  splitting letters ("fu+#", "f*ck", "f.u.c.k") and fully spaced letters
  ("f u c k").  A match must start at a word boundary and end in an allowed
  suffix, which is what keeps "Scunthorpe", "shiitake", "Dickens", "assess"
  and "cocktail" clean.
* Rule 2 ``disrespectful``: phrases showing contempt for another commenter
  or their opinion ("what a stupid comment", "shut up", "get a life").
* Rule 3 ``personal_attack``: insults aimed at a person: "you <insult>",
  "<person> is <insult>", a terse "Completely useless." right after an
  identifiable person, mocking remarks about a person.  A *person* is a
  first name from a list, a title + surname, an @handle or a singular role
  with a possessive or place ("my SPO", "Dorset pso").  Plural classes
  ("senior managers are idiots") are deliberately not matched.
* Rule 4 ``defamatory``: a wrongdoing predicate (lied, corrupt, fiddled,
  bullied, had an affair, slept her way...) whose subject is a person as
  above, or an insinuation such as "saw through the blond locks".  Saying
  a *politician* lied is treated as political criticism, not libel.
* Rule 5 ``self_harm``: method *and* means/quantity detail (overdose
  amounts, ligatures tied to fittings, cutting with a blade, "best way to
  kill myself").  Statistics and policy talk are not matched.
* Rule 6 ``advert``: weighted commercial signals (discount codes, prices
  with buy words, phone numbers, "DM me", "visit our website"); one weak
  signal alone is not enough.
* Rule 7 ``off_topic``: spam shape - walls of non-news links, heavy
  repetition, unrelated commercial topics (crypto, casinos, loans, essay
  writing...) framed as a pitch, "nice post" + link.  One or two news links
  are on-topic sharing.

Quoted text (``quote_spans``): ">" lines, passages in quotation marks
(credited, or longer than three words), and blocks after "said:",
"Press Release:-", "From Twitter:-", "Replying to @x:", "RT @x:" and the
like.  Rules 1-4 are screened separately on the commenter's own words and
on the quoted words; a hit only in quoted text is reported in
``Verdict.quoted_rules`` and does not flag the comment.  Rules 5-7 apply
to the whole text.  See :func:`screen` for why.

alt-profanity-check is used as ONE weak signal: its linear model is
re-evaluated in pure Python (loaded lazily on first use, ~20 microseconds a
comment instead of ~4 ms through sklearn), with the mild words removed
first because the model rates "crap" and "bloody" near 1.0.  It only moves
the score; it never breaks a rule by itself.

Score: ``1 - prod(1 - w)`` (a noisy OR) over the weights of the evidence
found, where a weight is how clear-cut that kind of evidence is (slurs and
threats ~0.95, strong profanity 0.85, insinuation 0.7 ...).  The ML
probability p adds a weight of ``0.3 * p``.  A clean verdict's score is
capped below 0.5, so ``score >= 0.5`` iff ``flagged``.

Limits: English only; reported insults in two or three words read as
scare quotes ('called my team "lazy bastards"' still flags); no coreference beyond "a person mentioned earlier in
the comment"; sarcasm, coded insults and new obfuscations get through; the
person detector can miss surnames used alone ("Spurr was a bully") and can
misread a first name used as an ordinary word.  Everything flagged goes to
a human.
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from dataclasses import dataclass

from .rules import RULE_CODES

__all__ = ["Evidence", "Verdict", "screen", "quote_spans", "ml_probability"]

_ORDER = {code: i for i, code in enumerate(RULE_CODES)}
_FLAG_FLOOR = 0.5  # flagged verdicts score at least this; clean ones below


@dataclass(frozen=True)
class Evidence:
    """One reason for a verdict: ``text == comment[start:end]``.

    ``quoted``: the words are in text the commenter quotes (their reason
    ends " (in quoted text)"); see :func:`screen` for what that changes.
    """

    rule: str
    text: str
    reason: str
    start: int
    end: int
    quoted: bool = False

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "text": self.text,
            "reason": self.reason,
            "start": self.start,
            "end": self.end,
            "quoted": self.quoted,
        }


@dataclass(frozen=True)
class Verdict:
    """Result of :func:`screen`.

    ``rules``: codes of the rules broken, in rule-number order: by the
    commenter's own words, plus rules 5-7 wherever they are tripped.
    ``score``: 0..1; at least 0.5 when flagged (higher = clearer or more
    severe breach), below 0.5 when clean (higher = the weak ML signal saw
    something profane-sounding).
    ``quoted_rules``: rules 1-4 tripped only by text the commenter quotes;
    they do not flag the comment (a moderator may still want to see them).
    """

    rules: tuple[str, ...]
    score: float
    evidence: tuple[Evidence, ...]
    quoted_rules: tuple[str, ...] = ()

    @property
    def flagged(self) -> bool:
        return bool(self.rules)

    def to_dict(self) -> dict:
        return {
            "rules": list(self.rules),
            "score": self.score,
            "evidence": [e.to_dict() for e in self.evidence],
            "quoted_rules": list(self.quoted_rules),
        }


# --------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------

_I = re.IGNORECASE
_APOS = "['’]"


def _alt(words) -> str:
    """Regex alternation of words, longest first so prefixes don't win."""
    return "|".join(sorted((w for w in words), key=lambda w: (-len(w), w)))


class _Hits:
    """Collects evidence; one instance per screen() call."""

    __slots__ = ("items",)

    def __init__(self) -> None:
        self.items: list[tuple[str, int, int, str, float]] = []

    def add(self, rule: str, m_or_span, reason: str, weight: float, group=0):
        if isinstance(m_or_span, tuple):
            start, end = m_or_span
        else:
            start, end = m_or_span.span(group)
        self.items.append((rule, start, end, reason, weight))


def _q(text: str, start: int, end: int) -> str:
    """Short quote for a reason string."""
    s = " ".join(text[start:end].split())
    return s if len(s) <= 60 else s[:57] + "..."


# --------------------------------------------------------------------------
# Rule 1: abusive / profane language
# --------------------------------------------------------------------------

# Characters that stand in for letters ("sh1t", "@rse") ...
_LEET = {
    "a": "a@4",
    "b": "b8",
    "c": "ck(",
    "e": "e3",
    "g": "g9",
    "i": "i1!|",
    "l": "l1|",
    "o": "o0",
    "s": "s$5",
    "t": "t7",
    "u": "uv",
}
# ... symbols that blank a letter out ("fu+#", "f*ck") ...
_MASK = r"[*#@+%$?]"
# ... and symbols dropped between letters ("f.u.c.k", "s-h-i-t").
_SEP = r"[.\-_'’*~^]?"


# (prefixes, core, suffixes): suffix "*" means any letters may follow.
_STRONG_WORDS = (
    ("", "fuck", "*"),
    ("", "fuk", "ing|in|ed|er|ers|s|k|kin|king"),
    ("", "phuck", "*"),
    ("", "fck", "ing|in|ed|er|s|"),
    ("", "fkn", ""),
    ("", "fking", ""),
    (
        "",
        "shit",
        "e|es|s|ty|tier|tiest|ting|ted|ter|ters|load|loads|show|shows|"
        "storm|head|heads|hole|holes|bag|bags|house|faced|tiness",
    ),
    ("", "cunt", "s|ing|ish"),
    ("", "twat", "s|ted|ting|tish|ty"),
    ("", "wank", "er|ers|ing|ed|s|y|stain"),
    ("", "boll", "ocks|ox|ix|ocking|ocked|icks"),
    ("", "piss", "ed|es|ing|take|takes|head|heads|er|y|poor"),
)
# Strong words that are rarely disguised: matched as plain words only.
_PLAIN_STRONG = frozenset(
    "arsehole arseholes arsewipe arsewipes dickhead dickheads knobhead "
    "knobheads bellend bellends bastard bastards bitch bitches bitching "
    "tosser tossers cocksucker cocksuckers motherfucker motherfuckers "
    "motherfucking clusterfuck bullshit bullshitting bullshitter horseshit "
    "batshit dipshit apeshit chickenshit".split()
)
_PLAIN_STRONG_RE = re.compile(r"\b(?:" + _alt(_PLAIN_STRONG) + r")\b", _I)
# Compounds whose second half is matched by the obfuscation-tolerant regex.
_COMPOUND_PREFIX_RE = re.compile(
    r"(?:bull|horse|bat|dip|ape|chicken|dog|jack|mother|cluster|brain)[\W_]{0,3}$"
)

# Tokens that look like a strong word but are not ("Shiite", "shiitake").
_STRONG_EXCEPTIONS = frozenset(
    {"shiite", "shiites", "shiitake", "shitake", "shiitakes", "shitakes"}
)


def _letter(ch: str) -> str:
    cls = "[" + re.escape(_LEET.get(ch, ch)) + "]+"
    return f"(?:{cls}|{_MASK})"


def _first_class(ch: str) -> str:
    return "[" + re.escape(_LEET.get(ch, ch)) + "]"


def _obfuscated_tail(core: str) -> str:
    """Pattern for ``core`` minus its first character (already consumed).

    Tolerates leet, masks, repeated letters and separators; the spaced
    form ("f u c k", "s.h.i.t") is a second alternative.
    """
    head = _first_class(core[0]) + "*"
    parts = [_letter(ch) for ch in core[1:]]
    joined = head + _SEP + _SEP.join(parts)
    spaced = "".join(r"[ .]" + re.escape(ch) for ch in core[1:])
    return f"(?:{joined}|{spaced})"


def _strong_pattern() -> re.Pattern:
    """One regex over ASCII-lower-cased text, built to run fast.

    It starts with a character class of every possible first character, so
    the regex engine skips most positions in C; each alternative then checks
    its own first character with a look-behind.  The start-of-word check is
    done in Python (see ``_check_abusive``).
    """
    firsts: set[str] = set()
    alts = [r"(?<=t)ak(?:e|es|ing|en)\s+the\s+p[i1!]+ss"]  # "taking the piss"
    firsts.add("t")
    for prefixes, core, suffixes in _STRONG_WORDS:
        if suffixes == "*":
            suf = "[a-z]*"
        else:
            suf = f"(?:{suffixes})?" if suffixes else ""
        body = _obfuscated_tail(core) + suf
        cls = _first_class(core[0])
        firsts.update(_LEET.get(core[0], core[0]))
        alts.append(f"(?<={cls}){body}")
    first = "[" + re.escape("".join(sorted(firsts))) + "]"
    return re.compile(first + "(?:" + "|".join(alts) + r")(?![a-z])")


_STRONG_RE = _strong_pattern()

# Slurs and dehumanising labels: discriminatory/hateful whatever the target.
_SLUR_RE = re.compile(
    r"(?<![a-z])(?:n[i1!]gg(?:er|a|ah|az)s?|pak[i1]s?|faggots?|poofs?|"
    r"poofters?|retards?|retarded|spastics?|spazz?|mongs?|trann(?:y|ies)|"
    r"gypp?os?|pikeys?|kikes?|chinks?|wogs?|nonces?|scum|scumbags?|"
    r"vermin|subhumans?|sub-humans?)(?![a-z])",
    _I,
)

_SLUR_GATE = frozenset(
    "nigger niggers nigga niggas niggah niggaz paki pakis faggot faggots poof "
    "poofs poofter poofters retard retards retarded spastic spastics spaz spazz "
    "mong mongs tranny trannies gyppo gyppos gypo gypos pikey pikeys kike kikes "
    "chink chinks wog wogs nonce nonces scum scumbag scumbags vermin subhuman "
    "subhumans sub n1gger".split()
)
_THREAT_GATE = frozenset(
    "kill smash batter hurt stab shoot punch slap deck kick kicking live lives "
    "back backs shot hanged hung strung bullet beating smack kys hang run put".split()
)
_PRONOUN_OBJ = r"(?:you|him|her|them|ya|u)"
_THREAT_RE = re.compile(
    r"\b(?:"
    r"i(?:['’]ll| will| am going to|['’]m going to|['’]m gonna| wanna| want to)\s+"
    r"(?:kill|smash|batter|hurt|stab|shoot|punch|slap|deck|kick)\s+"
    + _PRONOUN_OBJ + r"\b"
    r"|i know where (?:you|he|she|they) li?ves?"
    r"|(?:you|he|she|they)(?:['’]d| had| want to| wanna| should)\s+(?:better\s+)?"
    r"watch (?:your|his|her|their) backs?"
    r"|someone (?:should|ought to|needs to)\s+(?:punch|slap|shoot|kill|hang|"
    r"batter|deck|kick|stab|run over)\s+" + _PRONOUN_OBJ +
    r"|(?:deserves?|needs?)\s+(?:a\s+)?(?:good\s+)?(?:slap|kicking|bullet|"
    r"beating|punch in the (?:face|mouth)|smack)"
    r"|should be (?:shot|hanged|hung|strung up|lined up and shot|put down)"
    r"|(?:go|should) (?:and )?(?:kill|hang) (?:your|him|her|them)sel(?:f|ves)"
    r"|kys"
    r")\b",
    _I,
)


def _check_abusive(text: str, low: str, words: frozenset, hits: _Hits) -> None:
    for m in _STRONG_RE.finditer(low):
        start = m.start()
        if start and low[start - 1].isalnum():
            pre = _COMPOUND_PREFIX_RE.search(low, max(0, start - 10), start)
            if not pre or (pre.start() and low[pre.start() - 1].isalnum()):
                continue  # inside a word: "Scunthorpe", "Hancock"
            start = pre.start()  # "bullshit", "BULL. SHIT"
        word = m.group(0)
        letters = re.sub(r"[^a-z]", "", word.lower())
        if letters in _STRONG_EXCEPTIONS or len(letters) < 2:
            continue
        # "f***" alone is too ambiguous; "f***ing", "fu+#" are not.
        if sum(ch.isalpha() for ch in word) < 2:
            continue
        hits.add("abusive", (start, m.end()), f"strong profanity: '{_q(text, start, m.end())}'", 0.85)
    if words & _PLAIN_STRONG:
        for m in _PLAIN_STRONG_RE.finditer(text):
            hits.add("abusive", m, f"strong profanity: '{m.group(0)}'", 0.85)
    if words & _SLUR_GATE:
        for m in _SLUR_RE.finditer(text):
            hits.add("abusive", m, f"slur or dehumanising label: '{m.group(0)}'", 0.95)
    if not words & _THREAT_GATE:
        return
    for m in _THREAT_RE.finditer(text):
        hits.add("abusive", m, f"threatening language: '{_q(text, *m.span())}'", 0.95)


# --------------------------------------------------------------------------
# People: who can be attacked or defamed
# --------------------------------------------------------------------------

# Common UK first names (plus the blog's own regulars).  Used to spot a
# named individual; organisations ("Napo", "HMPPS") are deliberately absent.
_FIRST_NAMES = (
    "aaron adam adrian aidan alan alex alexander alice alison amanda amy andrew "
    "andy angela anita ann anna anne anthony antony barbara barry ben benjamin "
    "beth bethany bill bob brenda brian bridget carl carol caroline carolyn "
    "catherine charlie charlotte chloe chris christine christopher claire clare "
    "colin craig dan daniel danny darren dave david dawn dean debbie deborah "
    "dennis derek diane donna doug douglas duncan ed edward elaine eleanor "
    "elizabeth ellie emily emma eric fiona frances frank gail gareth gary "
    "gavin gemma geoff george georgina gill gillian glenn gordon graham greg "
    "hannah harry hayley heather helen ian imran jack jackie jacob james jane "
    "janet jason jeff jenny jess jessica jill jim jo joanne joe john jon "
    "jonathan josh julia julie justin karen kate katherine kathryn katie keith "
    "kelly kerry kevin kieran kim kirsty laura lauren lee leanne lesley linda "
    "lisa liz louise lucy luke lynda lynn lynne malcolm marc margaret maria "
    "marie mark martin mary matt matthew maureen michael michelle mike "
    "mohammed natalie neil nicholas nick nicola nigel norman oliver pam pamela "
    "patricia paul paula pauline pete peter phil philip rachel rebecca richard "
    "rob robert rose ruth ryan sally sam samantha sandra sarah scott sean "
    "sharon shaun sheila shona simon sophie stephen steve steven stuart sue "
    "susan suzanne tanya teresa terry theresa thomas tim tina toby tom tony "
    "tracey tracy trevor vicky victoria wayne wendy will william yvonne zoe"
).split()

# Politicians: saying one "lied" is political criticism, not libel here.
_POLITICIANS = frozenset(
    (
        "boris johnson rishi sunak grayling truss braverman raab gove cameron "
        "starmer jenrick chalk mahmood gauke buckland coffey rees-mogg patel "
        "hancock dorries shapps hunt reeves lammy rayner farage"
    ).split()
)

_FIRST_NAME_SET = frozenset(_FIRST_NAMES)

_ROLE = (
    r"(?:spo|aco|po|pso|pqip|pta|hopdu|rpd|line\s+manager|team\s+manager|"
    r"senior\s+manager|manager|boss|supervisor|head\s+of\s+(?:the\s+)?pdu|"
    r"head\s+of\s+service|regional\s+director|area\s+director|"
    r"deputy\s+director|director|chief\s+officer|practice\s+tutor|"
    r"union\s+rep|napo\s+rep|rep)"
)
_ROLE_GATE = frozenset(
    "spo aco po pso pqip pta hopdu rpd manager boss supervisor pdu service "
    "director officer tutor rep".split()
)
# "my SPO", "our new regional director", "this ACO" (singular only)
_ROLE_PERSON_RE = re.compile(
    r"\b(?:my|our|this|that|the\s+same)\s+(?:(?:new|old|former|current|local|"
    r"acting|interim|area|assistant|male|female)\s+){0,2}" + _ROLE + r"(?![a-z])",
    _I,
)
# "Dorset pso", "aco Somerset": a role pinned to a place
_PLACE_ROLE_RE = re.compile(
    r"\b[A-Z][a-z]{3,}\s+(?i:pso|po|spo|aco|rpd|hopdu)(?![A-Za-z])"
    r"|\b(?i:pso|po|spo|aco|rpd)\s+[A-Z][a-z]{3,}(?![a-z])"
)
# "Ms Romeo", "Dr Smith", "@somebody"
_TITLE_PERSON_RE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Dame|Sir|Lord|Lady)\.?\s+[A-Z][A-Za-z'’-]+|@[A-Za-z0-9_]{3,}"
)
# "Sarah", "Sarah Jones": a capitalised first name, maybe a surname
_CAP_RE = re.compile(r"(?<![\w@])([A-Z][a-z]+)(?:\s+[A-Z][A-Za-z'’-]+)?")
_PRONOUN = r"\b(?:[Hh]e|[Ss]he|HE|SHE)"

_INSULT_NOUNS = (
    "idiot moron muppet clown cretin imbecile halfwit dimwit numpty plonker "
    "prat pillock tosser twat wanker dickhead knobhead arsehole bellend fool "
    "buffoon loser liar coward tyrant parasite snake bully jobsworth "
    "dinosaur troll disgrace joke nobody nonentity hypocrite"
).split()
_INSULT_ADJ = (
    "useless incompetent clueless stupid thick dense pathetic spineless "
    "gutless brainless worthless hopeless vile inept deluded"
).split()
_NEG = r"(?!(?:not|never|no|hardly|far|who|that|than|but|and|if|like|because)\b)"
_FILLER = r"(?i:(?:" + _NEG + r"[a-z-]+\s+){0,4})"
_INSULT = r"(?i:" + _alt(_INSULT_NOUNS) + r"|" + _alt(_INSULT_ADJ) + r"|waste of (?:space|oxygen|a salary))"

# --------------------------------------------------------------------------
# Rule 3: personal attacks
# --------------------------------------------------------------------------

_YOU_ARE_INSULT_RE = re.compile(
    r"\byou(?:['’]re|\s+are|\s+r)\s+" + _FILLER + _INSULT + r"(?![a-z])", _I
)
_YOU_NOUN_RE = re.compile(
    r"\byou\s+(?:(?:stupid|silly|absolute|complete|total|utter|bloody|sad|"
    r"pathetic|little|ignorant|arrogant|clueless|old|thick|deluded|great)\s+){0,3}"
    r"(?:idiot|moron|muppet|clown|cretin|imbecile|halfwit|dimwit|numpty|"
    r"plonker|prat|pillock|buffoon|loser|liar|coward|fool|dinosaur|"
    r"hypocrite)s?(?![a-z])",
    _I,
)
_LIKE_YOU_RE = re.compile(
    r"\b(?:idiots?|morons?|muppets?|clowns?|fools?|people)\s+like\s+you\b(?!\s+and)", _I
)
_ARE_YOU_RE = re.compile(
    r"\bare\s+you\s+(?:really\s+)?(?:stupid|thick|dense|an?\s+idiot|a\s+moron|"
    r"simple|deluded|blind)\b",
    _I,
)
_INSULT_GATE = frozenset(_INSULT_NOUNS) | frozenset(_INSULT_ADJ) | {"waste"}
_INSULT_WORD_RE = re.compile(r"\b" + _INSULT + r"(?![a-z])", _I)
# What sits between a subject and an insult: "<subject> is just an utter "
_COPULA_TAIL_RE = re.compile(
    r"(?:['’]s|\s+is|\s+was|\s+has\s+always\s+been|\s+remains|\s+is\s+still)\s+"
    + _FILLER + r"$",
    _I,
)
_QUALIFIER_RE = re.compile(r"(?:\s+(?:in|at|from|on|of|our|my|the|this|team|office|pdu|"
                           r"unit|hr|[A-Z][a-z]+)){1,4}", _I)
_PRONOUN_END_RE = re.compile(r"\b(?:he|she)$", _I)


def _subject_before(text: str, pos: int, people) -> int | None:
    """Start of a person (or he/she) ending exactly at ``pos``, else None."""
    for ps, pe in people:
        # "Sarah is", "Sarah in our team is" (a short qualifier between)
        if pe == pos or (0 < pos - pe <= 30 and _QUALIFIER_RE.fullmatch(text, pe, pos)):
            return ps
    m = _PRONOUN_END_RE.search(text, max(0, pos - 4), pos)
    return m.start() if m else None


# "Completely useless." as its own sentence, about someone just mentioned.
_FRAGMENT_RE = re.compile(
    r"(?:^|[.!?]\s+)((?:completely|utterly|totally|absolutely|bloody|"
    r"so|just)\s+(?:useless|incompetent|clueless|hopeless|inept|thick|"
    r"out of (?:his|her) depth)|(?:useless|incompetent|clueless))\s*[.!?]",
    _I,
)
# Mocking remarks that only make sense about a person.
_MOCK_RE = re.compile(
    r"\b(?:needs?\s+to\s+get\s+a\s+(?:proper\s+|real\s+)?(?:home\s+)?life"
    r"|gossip(?:s|ing)?\s+(?:to|with)\s+(?:her|his)\s+cronies"
    r"|like\s+a\s+(?:cat|rabbit|deer)\s+(?:caught\s+)?in\s+(?:the\s+)?headlights"
    r"|boozy\s+(?!lunch|night|party|evening|do\b|event|culture|dinner|"
    r"weekend|afternoon|drinks)[a-z]+"
    r"|thinks?\s+(?:he|she)['’]?s\s+god"
    r"|(?:a\s+)?tyrant"
    r"|(?:insecure|inadequate)\s+(?:\w+\s+)?coward)",
    _I,
)


_FRAGMENT_GATE = frozenset("useless incompetent clueless hopeless inept thick depth".split())
_MOCK_GATE = frozenset("life cronies headlights boozy god tyrant coward".split())
_YOU_INSULT_GATE = (
    _INSULT_GATE
    | {w + "s" for w in _INSULT_NOUNS}
    | {"stupid", "thick", "dense", "simple", "deluded", "blind", "people", "fools"}
)


def _check_personal_attack(
    text: str, words: frozenset, hits: _Hits, people: list[tuple[int, int]]
) -> None:
    you = ("you" in words or "youre" in words) and words & _YOU_INSULT_GATE
    for rx, why in () if not you else (
        (_YOU_ARE_INSULT_RE, "insult aimed at a person"),
        (_YOU_NOUN_RE, "insult aimed at a person"),
        (_LIKE_YOU_RE, "insult aimed at a person"),
        (_ARE_YOU_RE, "insult aimed at a person"),
    ):
        for m in rx.finditer(text):
            hits.add("personal_attack", m, f"{why}: '{_q(text, *m.span())}'", 0.8)
    if not words & _INSULT_GATE:
        insults = ()
    else:
        insults = list(_INSULT_WORD_RE.finditer(text))
    for m in insults:
        lo = max(0, m.start() - 90)
        tail = _COPULA_TAIL_RE.search(text, lo, m.start())
        if not tail:
            continue
        start = _subject_before(text, tail.start(), people)
        if start is None:
            continue
        subject = text[start:tail.start()].split()
        if any(w.lower().strip("'’@") in _POLITICIANS for w in subject):
            continue
        hits.add(
            "personal_attack", (start, m.end()),
            f"insult aimed at an identifiable person: '{_q(text, start, m.end())}'", 0.8,
        )
    if people and words & _FRAGMENT_GATE:
        for m in _FRAGMENT_RE.finditer(text):
            s = m.start(1)
            if any(0 <= s - pe <= 200 for _, pe in people):
                hits.add(
                    "personal_attack", m,
                    f"insult about a person just named: '{_q(text, *m.span(1))}'",
                    0.75, group=1,
                )
    for m in _MOCK_RE.finditer(text) if words & _MOCK_GATE else ():
        phrase = m.group(0).lower()
        needs_person = "tyrant" in phrase or "headlights" in phrase
        if needs_person and not any(0 <= m.start() - pe <= 250 for _, pe in people):
            continue
        hits.add(
            "personal_attack", m,
            f"mocking personal remark: '{_q(text, *m.span())}'", 0.7,
        )


# --------------------------------------------------------------------------
# Rule 2: disrespect for others and their opinions
# --------------------------------------------------------------------------

_DISRESPECT_RE = re.compile(
    r"\b(?:"
    r"what\s+an?\s+(?:stupid|ridiculous|idiotic|moronic|dumb|pathetic|ignorant|"
    r"ludicrous|absurd|daft|asinine|brainless|silly|childish|naive|"
    r"clueless)\s+(?:comment|post|thing\s+to\s+say|remark|opinion|view|point|"
    r"argument|reply|response|take|question)"
    r"|only\s+(?:an?\s+)?(?:idiot|fool|moron|imbecile|muppet|clown|halfwit)s?\s+"
    r"(?:would|could|think|believe)"
    r"|shut\s+(?:up|it|your\s+(?:mouth|trap|face|gob))"
    r"|stfu"
    r"|(?:nobody|no\s+one|no-one)\s+(?:cares|asked|gives\s+a\s+\w+['’]?s?)\s+"
    r"(?:what\s+you|about\s+your|for\s+your|about\s+you|you\b)"
    r"|who\s+asked\s+you"
    r"|get\s+a\s+life"
    r"|(?:jog\s+on|wind\s+your\s+neck\s+in|get\s+back\s+under\s+your\s+bridge|"
    r"crawl\s+back\s+under\s+your\s+rock|go\s+back\s+to\s+your\s+cave)"
    r"|you\s+(?:clearly\s+|obviously\s+)?(?:don['’]t|do\s+not)\s+know\s+what\s+"
    r"you['’]re\s+(?:talking|on)\s+about"
    r"|you\s+(?:clearly\s+|obviously\s+)?know\s+nothing"
    r"|you\s+(?:clearly\s+|obviously\s+)?haven['’]t\s+(?:got\s+)?a\s+(?:clue|scooby)"
    r"|what\s+planet\s+are\s+you\s+(?:on|living\s+on)"
    r"|(?:your|that|this)\s+(?:comment|post|opinion|view|argument|reply|take)\s+"
    r"(?:is|was)\s+(?:just\s+)?(?:utter\s+|complete\s+|total\s+|absolute\s+)?"
    r"(?:drivel|rubbish|nonsense|garbage|tripe|twaddle|stupid|idiotic|moronic|"
    r"pathetic|laughable|embarrassing)"
    r"|talking\s+out\s+of\s+your\s+(?:arse|backside|behind|rear)"
    r"|if\s+you\s+(?:had\s+)?(?:ever\s+)?(?:actually|properly|bothered\s+to|even)\s+"
    r"(?:\w+\s+)?(?:read|studied|worked|understood|knew)"
    r"|you['’]re\s+(?:just\s+)?(?:a\s+)?(?:troll|snowflake|boomer)"
    r"|(?:typical|yet\s+another)\s+(?:snowflake|lefty|leftie|boomer|troll)"
    r"|(?:stop|quit)\s+(?:your\s+)?(?:whining|whinging|moaning|crying)"
    r"|grow\s+up(?=\s*[.!,]|\s+and\b|\s*$)"
    r")",
    _I,
)


_DISRESPECT_GATE = frozenset(
    "stupid ridiculous idiotic moronic dumb pathetic ignorant ludicrous absurd "
    "daft asinine brainless silly childish naive clueless idiot idiots fool "
    "fools moron morons imbecile muppet clown halfwit shut stfu nobody asked "
    "life jog neck bridge rock cave talking nothing clue scooby planet drivel "
    "rubbish nonsense garbage tripe twaddle laughable embarrassing arse "
    "backside properly actually bothered even troll snowflake boomer lefty "
    "leftie whining whinging moaning crying grow".split()
)


def _check_disrespectful(text: str, words: frozenset, hits: _Hits) -> None:
    if not words & _DISRESPECT_GATE:
        return
    for m in _DISRESPECT_RE.finditer(text):
        hits.add(
            "disrespectful", m,
            f"contempt for another person or their opinion: '{_q(text, *m.span())}'",
            0.65,
        )


# --------------------------------------------------------------------------
# Rule 4: defamation of a named or identifiable person
# --------------------------------------------------------------------------

_LIE = r"(?:lied|lies|is\s+lying|has\s+lied|is\s+a\s+(?:liar|barefaced\s+liar|compulsive\s+liar))"
_WRONG = (
    r"(?:is\s+(?:a\s+|an\s+)?(?:crook|fraud|thief|bully|racist|sex\s+pest|pervert|"
    r"drunk|alcoholic|criminal|corrupt|bent|on\s+the\s+take)"
    r"|(?:was|is|has\s+been)\s+corrupt"
    r"|fiddled|fiddles|fiddling|embezzled|stole|steals|has\s+been\s+stealing|"
    r"took\s+(?:a\s+)?(?:bribes?|backhanders?|kickbacks?)|"
    r"bullied|bullies|harassed|harasses|sexually\s+harassed|assaulted|groped|"
    r"(?:had|has|is\s+having|was\s+having)\s+an\s+affair|"
    r"slept\s+(?:her|his|their)\s+way|"
    r"(?:is|was|has\s+been)\s+(?:shagging|sleeping\s+with)|"
    r"cooked\s+the\s+books|falsified|fabricated|covered\s+(?:it\s+)?up|"
    r"turns?\s+up\s+(?:drunk|pissed|hungover)|drinks\s+(?:at|on)\s+(?:work|duty)|"
    r"promoted\s+(?:his|her)\s+(?:mate|friend|lover|girlfriend|boyfriend|mistress))"
)
_WRONG_RE = re.compile(r"\b(?:(?P<lie>" + _LIE + r")|" + _WRONG + r")(?![a-z])", _I)
_WRONG_GATE = frozenset(
    "lied lies lying liar crook fraud thief bully racist pest pervert drunk "
    "alcoholic criminal corrupt bent take fiddled fiddles fiddling embezzled "
    "stole steals stealing bribe bribes backhander backhanders kickback "
    "kickbacks bullied bullies harassed harasses assaulted groped affair slept "
    "shagging sleeping cooked falsified fabricated covered pissed hungover "
    "drinks promoted".split()
)
_GAP_RE = re.compile(r"(?:\s+(?!and\b|but\b)[A-Za-z'’]+){0,3}?\s+")
_BY_TAIL_RE = re.compile(
    r"\b(?:bullied|harassed|groped|assaulted|lied\s+to|threatened)\s+by\s+$", _I
)
_BY_GATE = frozenset("bullied harassed groped assaulted lied threatened".split())
_PRONOUN_WORD_RE = re.compile(r"\b(?:he|she)\b", _I)
_INSINUATION_GATE = frozenset("blond blonde slept looks legs figure sleeping slept boys mates take".split())
_INSINUATION_RE = re.compile(
    r"\b(?:saw\s+(?:past|through|beyond)\s+(?:the\s+|her\s+|his\s+)?blonde?\b"
    r"|slept\s+(?:her|his|their)\s+way\s+(?:to|up|into)"
    r"|promoted\s+(?:because\s+of|for)\s+(?:her|his)\s+(?:looks|legs|figure)"
    r"|(?:sleeping|slept)\s+with\s+(?:the|her|his|their)\s+(?:boss|aco|director|"
    r"manager|spo|line\s+manager)"
    r"|jobs?\s+for\s+(?:the\s+boys|(?:his|her)\s+mates)"
    r"|on\s+the\s+take)",
    _I,
)


def _check_defamatory(
    text: str, words: frozenset, hits: _Hits, people: list[tuple[int, int]]
) -> None:
    why = "accusation of wrongdoing against an identifiable person"
    for m in _WRONG_RE.finditer(text) if words & _WRONG_GATE else ():
        subject = None
        for ps, pe in people:
            if pe <= m.start() and _GAP_RE.fullmatch(text, pe, m.start()):
                subject = (ps, pe)
        if subject is None and people and people[0][1] <= m.start():
            # "he/she <predicate>" once someone identifiable has been named
            pm = None
            for pm in _PRONOUN_WORD_RE.finditer(text, max(0, m.start() - 40), m.start()):
                pass
            if pm and _GAP_RE.fullmatch(text, pm.end(), m.start()):
                subject = pm.span()
        if subject is None:
            continue
        names = text[subject[0]:subject[1]].split()
        if m.group("lie") and any(w.lower().strip("'’@") in _POLITICIANS for w in names):
            continue  # political criticism of a minister's claims
        span = (subject[0], m.end())
        hits.add("defamatory", span, f"{why}: '{_q(text, *span)}'", 0.8)
    if words & _BY_GATE:
        for ps, pe in people:
            if _BY_TAIL_RE.search(text, max(0, ps - 30), ps):
                by = _BY_TAIL_RE.search(text, max(0, ps - 30), ps)
                hits.add("defamatory", (by.start(), pe), f"{why}: '{_q(text, by.start(), pe)}'", 0.8)
    if not words & _INSINUATION_GATE:
        return
    for m in _INSINUATION_RE.finditer(text):
        if people or re.search(_PRONOUN, text):
            hits.add(
                "defamatory", m,
                f"insinuation of impropriety about an identifiable person: "
                f"'{_q(text, *m.span())}'", 0.7,
            )


# --------------------------------------------------------------------------
# Rule 5: explicit or technical detail of self-harm or suicide
# --------------------------------------------------------------------------

_DRUGS = (
    r"(?:paracetamol|co-?codamol|tablets|pills|sleeping\s+pills|aspirin|"
    r"ibuprofen|codeine|tramadol|diazepam|methadone|insulin|"
    r"anti-?depressants|sertraline|citalopram|amitriptyline|propranolol|"
    r"zopiclone|pregabalin|heroin|spice)"
)
_SELF_HARM_RE = re.compile(
    r"\b(?:"
    # quantities: "swallowed 40 paracetamol", "took 30 x 500mg tablets"
    r"(?:took|take|taking|swallowed?|swallowing|downed|necked|overdosed\s+on|"
    r"od['’]?(?:d|ed)?\s+on)\s+(?:about\s+|around\s+|over\s+|nearly\s+|like\s+|"
    r"a\s+)?(?:\d+|a\s+whole\s+(?:box|packet|bottle)|(?:two|three|four|five|six)\s+"
    r"(?:boxes|packets))\s*(?:x\s*)?(?:\d+\s*mg\s+)?(?:of\s+)?(?:(?:his|her|my|"
    r"their)\s+)?" + _DRUGS +
    r"|\d+\s*(?:mg|g|grams|tablets|pills)\s+(?:of\s+)?" + _DRUGS + r"?[^.]{0,40}?"
    r"(?:to\s+(?:die|kill|end)|enough\s+to|lethal|fatal|would\s+kill)"
    r"|(?:lethal|fatal|deadly)\s+(?:dose|amount|quantity)\s+of"
    r"|how\s+(?:many|much)\s+\w+\s+(?:would\s+it\s+take|to\s+(?:die|kill)|does\s+it\s+take\s+to)"
    # ligatures and hanging with fixtures
    r"|(?<!anti-)(?<!anti)(?:tied|made|fashioned|used|tie|make)\s+(?:a|the|his|her)\s+"
    r"(?:ligature|noose)(?:[^.]{0,60}?(?:neck|bars?|window|door|hinge|bed|sheet|"
    r"shoelace|belt|cord|pipe|vent|radiator|t-shirt|towel))?"
    r"|(?<!anti-)ligature\s+(?:round|around|from|to|on)\s+(?:the\s+|his\s+|her\s+)?"
    r"(?:neck|bars?|window|door|hinge|bed|pipe|vent|radiator)"
    r"|hang(?:ed|ing)?\s+(?:him|her|my|them|your)sel(?:f|ves)\s+(?:from|with|using|off|in)"
    # cutting with a means or depth
    r"|(?:cut|cutting|cuts|slit|slitting|slash(?:ed|ing)?|slic(?:e|ed|ing))\s+"
    r"(?:(?:his|her|my|their|your)\s+)?(?:own\s+)?(?:wrists?|arms?|thighs?|throat|legs?)"
    r"(?:[^.]{0,50}?\b(?:with|using)\s+(?:a\s+|the\s+)?(?:razor|blade|knife|glass|"
    r"scissors|tin\s+lid|can|plastic|broken)|\s+(?:deep(?:ly)?|vertically|"
    r"to\s+the\s+bone))"
    r"|slit\s+(?:his|her|my|their|your)\s+(?:own\s+)?(?:wrists?|throat)"
    r"|how\s+deep\s+to\s+cut"
    # seeking or giving method
    r"|how\s+to\s+(?:kill|hang|cut)\s+(?:my|your)sel(?:f|ves)"
    r"|(?:best|quickest|easiest|painless|surest)\s+(?:way|method)s?\s+(?:to|of)\s+"
    r"(?:die|kill\s+(?:my|your)self|commit\s+suicide|end\s+(?:it|my\s+life|your\s+life))"
    r"|(?:hose(?:pipe)?|pipe)\s+(?:from|to)\s+the\s+exhaust"
    r"|(?:stepped|jumped|threw\s+(?:him|her)self)\s+in\s+front\s+of\s+(?:a|the)\s+train"
    r"|jump(?:ed|ing|s)?\s+(?:off|from)\s+the\s+(?:[A-Z][a-z]+\s+)?(?:bridge|roof|"
    r"multi-storey|car\s+park|balcony|cliff|landing|\d+(?:st|nd|rd|th)\s+floor)"
    r")",
    _I,
)


_SELF_HARM_GATE = frozenset(
    "paracetamol codamol cocodamol tablets pills aspirin ibuprofen codeine "
    "tramadol diazepam methadone insulin antidepressants depressants sertraline "
    "citalopram amitriptyline propranolol zopiclone pregabalin heroin spice mg "
    "lethal fatal deadly ligature noose hang hanged hanging wrist wrists arm "
    "arms thigh thighs throat leg legs cut cuts cutting slit slitting slash "
    "slashed slashing slice sliced slicing deep kill suicide die exhaust train "
    "bridge roof storey park balcony cliff landing floor".split()
)


def _check_self_harm(text: str, words: frozenset, hits: _Hits) -> None:
    if not words & _SELF_HARM_GATE:
        return
    for m in _SELF_HARM_RE.finditer(text):
        hits.add(
            "self_harm", m,
            f"explicit self-harm or suicide method detail: '{_q(text, *m.span())}'",
            0.9,
        )


# --------------------------------------------------------------------------
# URLs, news domains (shared by rules 6 and 7)
# --------------------------------------------------------------------------

_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+", _I)
_BARE_DOMAIN_RE = re.compile(
    r"(?<![@\w.])(?:[a-z0-9-]+\.)+(?:com|net|org|co\.uk|uk|io|biz|info|shop|store|xyz|online|site)"
    r"(?:/[^\s]*)?(?![\w.])",
    _I,
)
# Sources that probation staff share as news or evidence.
_NEWS_DOMAINS = (
    "bbc.co.uk", "bbc.com", "gov.uk", "parliament.uk", "theguardian.com",
    "guardian.co.uk", "independent.co.uk", "telegraph.co.uk", "thetimes.co.uk",
    "inews.co.uk", "cityam.com", "politics.co.uk", "theconversation.com",
    "jurist.org", "insidetime.org", "russellwebster.com", "twitter.com",
    "x.com", "facebook.com", "sky.com", "itv.com", "channel4.com", "ft.com",
    "mirror.co.uk", "dailymail.co.uk", "express.co.uk", "standard.co.uk",
    "economist.com", "prisonreformtrust.org.uk", "howardleague.org",
    "nao.org.uk", "napo.org.uk", "unison.org.uk", "justiceinspectorates.gov.uk",
    "cep-probation.org", "ampproject.org", "crimerate.co.uk", "rapecrisis.org.uk",
    "inyourarea.co.uk", "gazette-news.co.uk", "edridgefund.org", "tempusnovo.org",
    "ons.gov.uk", "youtube.com", "youtu.be", "lawgazette.co.uk", "reuters.com",
    "apnews.com", "theyworkforyou.com", "nhs.uk", "wikipedia.org",
)
_NEWS_SUFFIXES = (".gov.uk", ".ac.uk", ".nhs.uk", ".police.uk", ".parliament.uk", ".sch.uk")


def _domain(url: str) -> str:
    u = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.lower())
    return re.split(r"[/?#:]", u, maxsplit=1)[0]


def _is_news(url: str) -> bool:
    d = _domain(url)
    if d.endswith(_NEWS_SUFFIXES):
        return True
    return any(d == n or d.endswith("." + n) or n in d for n in _NEWS_DOMAINS)


# --------------------------------------------------------------------------
# Rule 6: adverts for commercial products or services
# --------------------------------------------------------------------------

_AD_SIGNALS = (
    (re.compile(r"\b(?:promo|discount|coupon|voucher|referral|offer)\s+code\b|"
                r"\buse\s+(?:my\s+)?code\s+[A-Z0-9]{3,}\b", _I),
     "discount code", 1.0),
    (re.compile(r"\bcode\s*:?\s+(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{4,}\b"),
     "voucher-style code", 1.0),
    (re.compile(r"\b(?:dm|pm|inbox|message|text|whatsapp)\s+(?:me|us)\b", _I),
     "asks readers to message privately", 0.5),
    (re.compile(r"(?:\+44\s?7\d{3}|\b07\d{3})\s?\d{3}\s?\d{3}\b|\b0(?:800|808|845|870)\s?\d{3}\s?\d{3,4}\b"),
     "phone number", 0.6),
    (re.compile(r"\b(?:visit|check\s+out|see|browse)\s+our\s+(?:website|site|shop|store|page|"
                r"online\s+shop|range)\b|\bour\s+(?:website|online\s+shop|store|prices|rates|"
                r"products|packages|courses)\b", _I),
     "points to its own shop or website", 0.6),
    (re.compile(r"\bwe\s+(?:offer|provide|sell|supply|specialise\s+in|specialize\s+in|"
                r"deliver)\b", _I),
     "offers a service", 0.45),
    (re.compile(r"\b(?:buy|order|shop|book|sign\s+up|enrol)\s+(?:now|today|online|here)\b|"
                r"\bclick\s+(?:here|the\s+link|below)\s+to\s+(?:buy|order|get|claim|book|"
                r"find\s+out|learn)\b", _I),
     "call to buy", 0.6),
    (re.compile(r"\b(?:limited[- ]time\s+offer|free\s+(?:trial|delivery|quote|consultation|"
                r"shipping)|money[- ]back\s+guarantee|best\s+prices?|cheapest\s+prices?|"
                r"\d{1,2}\s?%\s+off|sale\s+ends|special\s+offer|introductory\s+offer|"
                r"no\s+obligation)\b", _I),
     "sales pitch", 0.6),
    (re.compile(r"(?:£|\$|€)\s?\d[\d,.]*(?:k|p)?\b[^.\n]{0,40}?\b(?:only|per\s+(?:session|"
                r"hour|month)|each|discount|off|deal|offer|buy|order|book|delivered)\b|"
                r"\b(?:only|just|buy|order|from|discount|save)\s+(?:for\s+)?(?:£|\$|€)\s?\d", _I),
     "price with a buying cue", 0.5),
    (re.compile(r"(?:https?://|www\.)?[a-z0-9-]+\.(?:shop|store|biz)\b", _I),
     "shop web address", 0.4),
)


def _ad_gates(text: str, low: str, words: frozenset) -> tuple[bool, ...]:
    """Cheap pre-checks, one per entry of _AD_SIGNALS, in the same order."""
    return (
        "code" in words,
        "code" in words,
        bool(words & {"dm", "pm", "inbox", "message", "text", "whatsapp"}),
        "07" in text or "+44" in text or "08" in text,
        "our" in words,
        "we" in words,
        bool(words & {"buy", "order", "shop", "book", "sign", "enrol", "click"}),
        bool(words & {"limited", "free", "money", "best", "cheapest", "off", "sale",
                      "special", "introductory", "obligation"}),
        "£" in text or "$" in text or "€" in text,
        ".shop" in low or ".store" in low or ".biz" in low,
    )


def _check_advert(text: str, low: str, words: frozenset, hits: _Hits) -> None:
    found = []
    seen_reasons = set()
    for (rx, why, weight), gate in zip(_AD_SIGNALS, _ad_gates(text, low, words)):
        if not gate:
            continue
        m = rx.search(text)
        if m and why not in seen_reasons:
            seen_reasons.add(why)
            found.append((m, why, weight))
    total = sum(w for _, _, w in found)
    if total >= 1.0:
        strength = min(0.95, 0.5 + 0.2 * total)
        for m, why, _ in found:
            hits.add("advert", m, f"commercial solicitation ({why}): '{_q(text, *m.span())}'", strength)


# --------------------------------------------------------------------------
# Rule 7: off-topic / spam
# --------------------------------------------------------------------------

_SPAM_TOPIC_RE = re.compile(
    r"\b(?:crypto(?:currency|currencies)?|bitcoins?|btc|ethereum|forex|binary\s+options|"
    r"nfts?|casinos?|online\s+slots|free\s+spins|betting\s+tips|poker|payday\s+loans?|"
    r"(?:instant|quick|fast|cheap)\s+loans?|viagra|cialis|essay\s+writing|"
    r"(?:essay|assignment|dissertation)\s+(?:help|service)|weight\s+loss|diet\s+pills|"
    r"keto|replica\s+watches|instagram\s+followers|seo\s+services|backlinks|escorts?|"
    r"hot\s+singles|dating\s+site|sugar\s+daddy|love\s+spells?|spell\s+caster|"
    r"passive\s+income|trading\s+signals|recover\s+(?:your\s+)?(?:lost\s+)?(?:funds|crypto))\b",
    _I,
)
_SPAM_PITCH_RE = re.compile(
    r"\b(?:earn(?:ed|ing)?\s+(?:up\s+to\s+)?(?:£|\$|€)\s?\d|make\s+(?:£|\$|€)\s?\d|"
    r"guaranteed|click\s+(?:here|the\s+link|below)|sign\s+up|join\s+now|whatsapp|"
    r"contact\s+(?:dr|me|us|him|her)|"
    r"(?:dm|message|contact|whatsapp|text)\s+(?:me|us)|visit|check\s+out|"
    r"investment\s+(?:opportunity|platform)|profits?|returns?\s+of|no\s+risk|risk[- ]free|"
    r"bonus|register|winnings|from\s+home)\b",
    _I,
)
_PRAISE_LINK_RE = re.compile(
    r"\b(?:nice|great|good|awesome|amazing|informative|useful|helpful|wonderful|"
    r"excellent)\s+(?:post|article|blog|content|information|info|read|write-?up)\b"
    r"|\bthanks?\s+(?:you\s+)?for\s+(?:sharing|the\s+(?:info|post))\b|\bkeep\s+(?:posting|"
    r"it\s+up)\b",
    _I,
)
_WORD_RE = re.compile(r"[A-Za-z']+")


_SPAM_GATE = frozenset(
    "crypto cryptocurrency cryptocurrencies bitcoin bitcoins btc ethereum forex "
    "binary nft nfts casino casinos slots spins betting poker payday loan loans "
    "viagra cialis essay assignment dissertation weight diet keto replica "
    "followers seo backlinks escort escorts singles dating daddy spell spells "
    "caster passive signals recover".split()
)


def _check_off_topic(text: str, low: str, words: frozenset, tokens: list, hits: _Hits) -> None:
    urls = [m for m in _URL_RE.finditer(text)] if ("http" in low or "www" in low) else []
    if not urls and "." in text:
        urls = [m for m in _BARE_DOMAIN_RE.finditer(text)]
    other = [m for m in urls if not _is_news(m.group(0))]
    # Link walls: many links, mostly not news, little else said.
    if urls:
        rest = _URL_RE.sub(" ", text)
        words_outside = len(_WORD_RE.findall(rest))
        if len(urls) >= 8 or (len(other) >= 3 and (len(other) >= 5 or words_outside < 25)):
            m = urls[0]
            hits.add(
                "off_topic", (m.start(), urls[-1].end()),
                f"wall of links ({len(urls)} links, {len(other)} not news sources)", 0.8,
            )
    # Unrelated commercial topics pitched at readers.
    topics = list(_SPAM_TOPIC_RE.finditer(text)) if words & _SPAM_GATE else []
    if topics:
        distinct = {t.group(0).lower() for t in topics}
        pitch = _SPAM_PITCH_RE.search(text)
        if pitch or other or len(distinct) >= 2:
            t = topics[0]
            hits.add("off_topic", t, f"spam topic: '{_q(text, *t.span())}'", 0.8)
            if pitch:
                hits.add("off_topic", pitch, f"spam pitch: '{_q(text, *pitch.span())}'", 0.6)
    # Generic praise + a link elsewhere: classic blog-comment spam.
    if other:
        praise = _PRAISE_LINK_RE.search(text)
        if praise and len(_WORD_RE.findall(text)) < 80:
            hits.add(
                "off_topic", praise,
                f"generic praise with a promotional link: '{_q(text, *praise.span())}'", 0.7,
            )
    _check_repetition(text, tokens, hits)


_SENTENCE_RE = re.compile(r"[^\n.!?]{8,}[.!?]*")


def _check_repetition(text: str, tokens: list, hits: _Hits) -> None:
    # The same line or sentence three or more times ("BUY NOW. BUY NOW. ...").
    # Twice is normal: people quote the comment they answer.
    if len(tokens) >= 9:
        seen: dict[str, int] = {}
        for m in _SENTENCE_RE.finditer(text):
            key = " ".join(m.group(0).lower().split())
            if len(key) < 8 or key.count(" ") < 2:
                continue
            seen[key] = seen.get(key, 0) + 1
            # Three copies that make up a good share of the whole comment.
            if seen[key] == 3 and 3 * len(key) >= 0.25 * len(text):
                hits.add("off_topic", m, f"the same text repeated: '{_q(text, *m.span())}'", 0.75)
                break
    # A word or short phrase six or more times running ("JOIN NOW JOIN NOW
    # ..."); "record, record, record, record" (4) is emphasis, not spam.
    # Matched on the tokens joined by single spaces: one C-level scan per k.
    if len(tokens) < 6 or max(Counter(tokens).values()) < 6:
        return
    joined = " ".join(tokens)
    for rx in _RUN_RES:
        m = rx.search(joined)
        if m:
            first = joined.count(" ", 0, m.start())
            last = first + m.group(0).count(" ")
            spans = [s.span() for s in _ALPHA_RE.finditer(text.translate(_ASCII_LOWER))]
            start, end = spans[first][0], spans[last][1]
            hits.add("off_topic", (start, end), f"repeated over and over: '{m.group(1)}'", 0.7)
            return


# A k-word phrase (k = 1, 2, 3) six times in a row, in rule order k = 1 first.
_RUN_RES = tuple(
    re.compile(r"(?<![a-z])([a-z]++" + r" [a-z]++" * (k - 1) + r")(?: \1(?![a-z])){5}")
    for k in (1, 2, 3)
)


# --------------------------------------------------------------------------
# Weak signal: alt-profanity-check, evaluated cheaply
# --------------------------------------------------------------------------

# Words the blog allows that the model rates as profane; removed before
# scoring so the model adds information the word lists don't already have.
_MILD = frozenset(
    "crap crappy bloody pants naff damn damned hell sod bugger arse bum "
    "blimey heck flipping frigging".split()
)
_ML_TOKEN_RE = re.compile(r"(?u)\b\w\w+\b")  # the package's token_pattern


class _ProfanityModel:
    """alt-profanity-check's TF-IDF + calibrated LinearSVC, in plain Python.

    The package's ``predict_prob`` costs ~4 ms a call in sklearn overhead.
    The model is linear, so for each of its calibrated folds
    p_k = 1 / (1 + exp(a_k * (w_k . x + b_k) + c_k)) with x the L2-normed
    TF-IDF vector; prediction is the mean of p_k.  We copy the weights of
    the vocabulary into a dict once and evaluate that sum ourselves.
    """

    def __init__(self) -> None:
        from profanity_check import profanity_check as pc  # heavy: sklearn

        vec, model = pc.vectorizer, pc.model
        idf = vec.idf_
        folds = model.calibrated_classifiers_
        coefs = [f.estimator.coef_.ravel() for f in folds]
        self.intercepts = tuple(float(f.estimator.intercept_[0]) for f in folds)
        self.calib = tuple((float(f.calibrators[0].a_), float(f.calibrators[0].b_)) for f in folds)
        self.table = {
            tok: (float(idf[i]), tuple(float(c[i]) for c in coefs))
            for tok, i in vec.vocabulary_.items()
        }

    def prob(self, text: str, drop=frozenset()) -> float:
        counts: dict[str, int] = {}
        table = self.table
        for tok in _ML_TOKEN_RE.findall(text.lower()):
            if tok in table and tok not in drop:
                counts[tok] = counts.get(tok, 0) + 1
        k = len(self.intercepts)
        dots = [0.0] * k
        norm2 = 0.0
        for tok, n in counts.items():
            idf, ws = table[tok]
            x = n * idf
            norm2 += x * x
            for j in range(k):
                dots[j] += x * ws[j]
        scale = 1.0 / math.sqrt(norm2) if norm2 else 0.0
        total = 0.0
        for j in range(k):
            d = dots[j] * scale + self.intercepts[j]
            a, b = self.calib[j]
            z = a * d + b
            total += 1.0 / (1.0 + math.exp(z)) if z < 700 else 0.0
        return total / k


_model: _ProfanityModel | None = None
_model_failed = False
_model_lock = threading.Lock()


def _get_model() -> _ProfanityModel | None:
    global _model, _model_failed
    if _model is None and not _model_failed:
        with _model_lock:
            if _model is None and not _model_failed:
                try:
                    _model = _ProfanityModel()
                except Exception:  # package missing or incompatible: no ML signal
                    _model_failed = True
    return _model


def ml_probability(text: str, *, drop_mild: bool = True) -> float | None:
    """alt-profanity-check's probability for ``text`` (None if unavailable).

    With ``drop_mild`` the blog's allowed mild words are ignored first.
    """
    model = _get_model()
    if model is None:
        return None
    return model.prob(text, _MILD if drop_mild else frozenset())


# --------------------------------------------------------------------------
# Quoted text: what the commenter pastes or cites rather than says
# --------------------------------------------------------------------------

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
_SQ_MAX_CHARS = 200  # single quotes double as apostrophes: keep pairs short

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


_DQ_TO_SPACE = str.maketrans({ch: " " for ch in "\"“”„"})


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
    for m in _DQ_EVENT_RE.finditer(text):
        i = m.start()
        ch = text[i]
        if ch == "\n":
            j = i + 1
            while j < n and text[j] in " \t\r\n":
                j += 1
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
        limit = min(_line_end(text, start), start + _SQ_MAX_CHARS)
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
    for c in _INTRO_COLON_RE.finditer(text, start, end):
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
        own = len(_QUOTE_WORD_RE.findall(_mask(text, spans, " ")))
        if own < 3:
            return ()
    return tuple(spans)


def _mask(text: str, spans, fill: str = "\x00") -> str:
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


def _complement(spans, n: int) -> list[tuple[int, int]]:
    out, cursor = [], 0
    for s, e in spans:
        if s > cursor:
            out.append((cursor, s))
        cursor = e
    if cursor < n:
        out.append((cursor, n))
    return out


def _inside(spans, start: int, end: int) -> bool:
    """Most of text[start:end] lies in quoted spans."""
    covered = sum(max(0, min(e, end) - max(s, start)) for s, e in spans)
    return 2 * covered >= end - start


# --------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------


def _people(text: str, words: frozenset) -> list[tuple[int, int]]:
    """Spans of mentions of an identifiable individual, in text order."""
    spans = []
    if words & _ROLE_GATE:
        spans += [m.span() for m in _ROLE_PERSON_RE.finditer(text)]
        spans += [m.span() for m in _PLACE_ROLE_RE.finditer(text)]
    if "@" in text or "." in text or "M" in text or "D" in text or "S" in text or "L" in text:
        spans += [m.span() for m in _TITLE_PERSON_RE.finditer(text)]
    if words & _FIRST_NAME_SET:
        for m in _CAP_RE.finditer(text):
            if m.group(1).lower() in _FIRST_NAME_SET:
                spans.append(m.span())
    return sorted(set(spans))


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_ALPHA_RE = re.compile(r"[a-z]+")
_MASKED = "\x00"  # stands for blanked-out text: no regex here matches it
_IN_QUOTE = " (in quoted text)"


def _lower(text: str) -> str:
    # ASCII-only lower-casing keeps every index identical to ``text``.
    return text.lower() if text.isascii() else text.translate(_ASCII_LOWER)


_PEOPLE_GATE = (
    _INSULT_GATE | _FRAGMENT_GATE | _MOCK_GATE | _WRONG_GATE | _BY_GATE | _INSINUATION_GATE
)


def _check_voice(view: str, hits: _Hits, low: str | None = None, tokens=None) -> None:
    """Rules 1-4: what the words say about people, judged per speaker."""
    low = _lower(view) if low is None else low
    words = frozenset(_ALPHA_RE.findall(low) if tokens is None else tokens)
    # Finding people is costly and only the gated checks below read them.
    people = _people(view, words) if words & _PEOPLE_GATE else []
    _check_abusive(view, low, words, hits)
    _check_disrespectful(view, words, hits)
    _check_personal_attack(view, words, hits, people)
    _check_defamatory(view, words, hits, people)


def screen(text: str, *, quote_aware: bool = True) -> Verdict:
    """Screen one comment against the seven rules.

    With ``quote_aware`` (the default), text the commenter quotes (see
    :func:`quote_spans`) is screened apart from their own words:

    * Rules 1-4 (abuse, disrespect, personal attacks, defamation) are about
      the commenter's conduct.  A minister's words, a pasted tweet or the
      insult a commenter is complaining about are not theirs, so a hit in
      quoted text alone goes to ``Verdict.quoted_rules`` with evidence
      marked ``quoted`` - shown to moderators, never holding the comment.
      Own and quoted text are screened as separate views with the other
      part blanked out, so a name in the quote cannot pair with an insult
      outside it, or the reverse.
    * Rules 5-7 are about what the page would publish, whoever wrote it:
      method detail of self-harm (rule 5) does the same harm to a
      vulnerable reader in quotation marks, and an advert or spam (rules 6
      and 7) is still an advert when pasted - wrapping a pitch in quotes
      must not be a way round the filter.  They are screened on the whole
      text, as before; their evidence is marked ``quoted`` when it lies in
      quoted text, but they count towards ``Verdict.rules``.

    The score counts only what counts towards ``rules``; the weak ML signal
    reads only the commenter's own words.  ``quote_aware=False`` screens the
    whole text as the commenter's (the behaviour before quote handling, kept
    for comparison in ``manage.py score_screening --compare-quotes``).
    """
    if not text or not text.strip():
        return Verdict((), 0.0, ())
    # The mask character must not occur in the input; same length, same offsets.
    clean = text.replace(_MASKED, " ") if _MASKED in text else text
    low = _lower(clean)
    tokens = _ALPHA_RE.findall(low)
    spans = quote_spans(clean) if quote_aware else ()
    hits = _Hits()  # counts towards Verdict.rules
    quoted = _Hits()  # rules 1-4 in quoted text: reported, not counted
    if quote_aware and _has_double_quote(clean):
        # Scare quotes are the writer's own words: 'my SPO is a "complete
        # idiot"' must read as 'my SPO is a  complete idiot '.
        voice, voice_low = clean.translate(_DQ_TO_SPACE), low.translate(_DQ_TO_SPACE)
    else:
        voice, voice_low = clean, low
    if spans:
        others = _complement(spans, len(text))
        own, theirs = _mask(voice, spans), _mask(voice, others)
        # Masking commutes with the index-keeping lower-casing: do that once.
        _check_voice(own, hits, _mask(voice_low, spans))
        _check_voice(theirs, quoted, _mask(voice_low, others))
        # A match across the blanked-out part joins two speakers' words.
        hits.items = [h for h in hits.items if _MASKED not in own[h[1]:h[2]]]
        quoted.items = [h for h in quoted.items if _MASKED not in theirs[h[1]:h[2]]]
    else:
        own = voice
        _check_voice(voice, hits, voice_low, tokens)
    words = frozenset(tokens)
    _check_self_harm(clean, words, hits)
    _check_advert(clean, low, words, hits)
    _check_off_topic(clean, low, words, tokens, hits)

    # Deduplicate (same rule, same span) and order deterministically.
    best: dict[tuple[str, int, int], tuple[str, float, bool]] = {}
    for items, in_quote in ((hits.items, False), (quoted.items, True)):
        for rule, s, e, reason, w in items:
            q = in_quote or bool(spans) and _inside(spans, s, e)
            key = (rule, s, e)
            if key not in best or w > best[key][1]:
                best[key] = (reason + _IN_QUOTE if q else reason, w, in_quote)
    ordered = sorted(best.items(), key=lambda kv: (kv[0][1], _ORDER[kv[0][0]], kv[0][2]))
    evidence = tuple(
        Evidence(rule=r, text=text[s:e], reason=reason, start=s, end=e,
                 quoted=reason.endswith(_IN_QUOTE))
        for (r, s, e), (reason, _, _) in ordered
    )
    counted = {r for (r, _, _), (_, _, only_quoted) in best.items() if not only_quoted}
    rules = tuple(sorted(counted, key=_ORDER.__getitem__))
    quoted_rules = tuple(sorted(
        {r for (r, _, _), (_, _, only_quoted) in best.items() if only_quoted} - set(rules),
        key=_ORDER.__getitem__,
    ))

    p = ml_probability(own) or 0.0
    miss = 1.0 - 0.3 * p
    for _, w, only_quoted in best.values():
        if not only_quoted:
            miss *= 1.0 - w
    score = 1.0 - miss
    if rules:
        score = max(score, _FLAG_FLOOR)
    else:
        score = min(score, _FLAG_FLOOR - 0.01)
    return Verdict(rules=rules, score=round(score, 4), evidence=evidence,
                   quoted_rules=quoted_rules)
