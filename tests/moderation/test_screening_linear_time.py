"""No comment takes much longer to screen than ordinary prose of the same length.

Every comment is screened as it is posted, so a 5,000-character comment
built to make a regex backtrack or a scan restart (quote marks with no
partner, a colon on every line, one long "word") must cost about what a
5,000-character rant costs: at most 5x, median of a few runs.  Each input
aims at one piece of the screener (quotes, sentences, tokens, lexicon,
features, encoder).
"""

import gc
import statistics
import time

import pytest

from moderation.screening import screen

LENGTH = 5000
RUNS = 3
LIMIT = 5.0


def _fill(unit, n=LENGTH):
    return (unit * (n // len(unit) + 1))[:n]


PROSE = _fill(
    "The new caseload weighting tool landed last week and nobody in our office can make it "
    "work. Managers keep telling us it will save time, but the figures say otherwise, and "
    "staff are tired of being told that the next reorganisation will fix what the last one "
    "broke. Anon 10:42 is right about the PSR deadlines; I have three due on Friday. "
)

WORST = {
    # quotes.py: an opener with no closer, then nothing but line breaks
    "quote then newlines": '"' + "\n" * (LENGTH - 1),
    "quote then blank lines": '"' + "\n \n" * ((LENGTH - 1) // 3),
    "newline then quote": _fill('\n"'),
    "curly quotes unpaired": _fill("“a "),
    # quotes.py: single quotes double as apostrophes
    "single quotes": "'" * LENGTH,
    "single quote openers": _fill(" 'a"),
    "apostrophes": _fill("don't "),
    "opener then letters": "'" + "a" * (LENGTH - 1),
    # quotes.py: introducers ("said:") found from colons
    "said colon": _fill("said:"),
    "he said colon space": _fill("he said: "),
    "said colon newline": _fill("said:\n"),
    "source header lines": _fill("From Twitter:-\n"),
    "colons": ":" * LENGTH,
    "colon dashes": _fill(":-"),
    "I said quote": _fill('I said: "'),
    "at-mentions": _fill("@a: "),
    "blockquote lines": _fill("> a\n"),
    "introduced lines": _fill("x:- a\n"),
    "said lines": _fill("said: a\n"),
    # sentences.py: sentence ends with no space after them
    "full stops": "." * LENGTH,
    "exclamation marks": "!" * LENGTH,
    # features.py: links, domains and money
    "x.y-": "x.y-" * (LENGTH // 4),
    "dotted words": _fill("a."),
    "hyphenated words": _fill("ab-"),
    "dotted digits": _fill("1."),
    "one long url": "https://" + "a" * (LENGTH - 13) + ".com/",
    "url with a long path": "https://example.com/" + _fill("a/", LENGTH - 20),
    # lexicon.py: runs, single letters, masks
    "one letter": "a" * LENGTH,
    "one profane letter": "f" * LENGTH,
    "single letters": _fill("f u c k "),
    "single letters, dotted": _fill("f.u.c.k."),
    "masks": _fill("f*"),
    "stars": "*" * LENGTH,
    "profane sentences": _fill("Fuck. "),
    "one-word lines": _fill("you\n"),
    "threat words": _fill("I'll kill "),
    # normalise.py: characters that fold to nothing or to several
    "zero-width": "\u200b" * LENGTH,
    "combining marks": "a" + "\u0301" * (LENGTH - 1),
    "ligatures": "\ufb01" * LENGTH,
}


def _median(text, runs=RUNS):
    """Median seconds to screen ``text``: this thread's CPU time, with garbage
    collection off (as timeit does), so another test worker taking the CPU
    or a collection of the suite's large heap does not decide the ratio."""
    times = []
    gc.disable()
    try:
        for _ in range(runs):
            t0 = time.thread_time()
            screen(text)
            times.append(time.thread_time() - t0)
    finally:
        gc.enable()
    return statistics.median(times)


@pytest.fixture(scope="module")
def prose_seconds():
    assert len(PROSE) == LENGTH
    screen(PROSE)  # loads the word lists and the model
    return _median(PROSE, runs=7)


@pytest.mark.parametrize("name", WORST)
def test_linear_time_worst_input_costs_no_more_than_prose(name, prose_seconds):
    text = WORST[name]
    assert LENGTH - 5 <= len(text) <= LENGTH
    screen(text)  # first sight of a new input fills the word caches
    seconds = _median(text)
    assert seconds <= LIMIT * prose_seconds, (
        f"{name}: {seconds * 1000:.0f} ms vs {prose_seconds * 1000:.0f} ms for prose"
    )
