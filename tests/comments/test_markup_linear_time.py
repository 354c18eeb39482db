"""No comment takes much longer to render than ordinary prose of the same length.

Every comment and every preview goes through comments.markup, and bleach's
own URL pattern backtracked: "x.y-" * 1250 took seconds to render. So a
5,000-character comment built to make the URL pattern, the linker's
trimming or the paragraph split do extra work must cost about what 5,000
characters of prose cost: at most 5x, median of a few runs.

Text that bleach's HTML parser reads as a token every few characters
(escaped "&" or "<", line breaks, links) costs 8-40x prose whatever the
patterns do, as html5lib spends microseconds on each token; those inputs are
held to linear growth instead: four times the text, at most 8x the time
(16x if it grew with the square).
"""

import gc
import statistics
import time

import pytest

from comments.markup import render_text

LENGTH = 5000
RUNS = 7
LIMIT = 5.0
GROWTH = 4
GROWTH_LIMIT = 8.0


def _fill(unit, n=LENGTH):
    return (unit * (n // len(unit) + 1))[:n]


PROSE = _fill(
    "The new caseload weighting tool landed last week and nobody in our office can make it "
    "work. Managers keep telling us it will save time, but the figures say otherwise, and "
    "staff are tired of being told that the next reorganisation will fix what the last one "
    "broke. Anon 10:42 is right about the PSR deadlines; I have three due on Friday. "
)

WORST = {
    # the URL pattern: where a host may start, then its labels, TLD and path
    "x.y-": "x.y-" * (LENGTH // 4),
    "x.y- then a link": _fill("x.y-", LENGTH - 6) + " a.com",
    "hyphen then dot": _fill("a-a."),
    "dot then hyphen": _fill("x.-"),
    "double hyphens": _fill("x.y--"),
    "leading hyphens": _fill("-a."),
    "hyphens": _fill("a-"),
    "dots": _fill("a."),
    "labels": _fill("www."),
    "TLD prefixes": _fill("a.comx"),
    "digits after dots": _fill("a.1"),
    "one long label": "a" * (LENGTH - 4) + ".com",
    "one long hyphenated host": _fill("a-", LENGTH - 4) + ".com",
    "schemes": _fill("http://"),
    "schemes after hyphens": _fill("-https://a."),
    "user info": "http://" + _fill("a:", LENGTH - 7),
    "at signs": _fill("a@b."),
    "one long path": "http://a.com/" + "a" * (LENGTH - 13),
    # what the linker trims off a match, one character at a time
    "opening parentheses": "(" * LENGTH,
    "parentheses then a link": "(" * (LENGTH - 5) + "a.com",
    "link in deep parentheses": "(" * 2495 + "a.com/" + ")" * 2499,
    "closing parentheses": "a.com/" + ")" * (LENGTH - 6),
    "full stops after a link": "a.com/" + "." * (LENGTH - 6),
    "commas after a link": "a.com/" + "," * (LENGTH - 6),
    # the paragraph split
    "one break then spaces": "a\n" + " " * (LENGTH - 3) + "b",
}

DENSE = {
    "ampersands": "&",
    "angle brackets": "<",
    "entities spelt out": "&amp;",
    "line breaks": "a\n",
    "paragraphs": "a\n\n",
    "links": "a.com ",
    "links in parentheses": "(a.com)",
}


def _seconds(text):
    # This thread's CPU time, not the wall clock: a render takes about a
    # millisecond, and the other test worker taking the CPU for a few of
    # them would otherwise decide the ratio.
    t0 = time.thread_time()
    render_text(text)
    return time.thread_time() - t0


def _timings(*texts, runs=RUNS):
    """Seconds per run for each text, runs taken in turn."""
    render_text(texts[0])  # warms bleach's parser
    times = [[] for _ in texts]
    # Garbage collection off, as timeit does: in the full suite the heap is
    # large, and a collection that lands in one run costs more than the run.
    gc.disable()
    try:
        for _ in range(runs):
            for text, runs_of_text in zip(texts, times):
                runs_of_text.append(_seconds(text))
    finally:
        gc.enable()
    return times


@pytest.mark.parametrize("name", WORST)
def test_markup_worst_input_costs_no_more_than_prose(name):
    text = WORST[name]
    assert len(text) == len(PROSE) == LENGTH
    prose_seconds, seconds = map(statistics.median, _timings(PROSE, text))
    assert seconds <= LIMIT * prose_seconds, (
        f"{name}: {seconds * 1000:.1f} ms vs {prose_seconds * 1000:.1f} ms for prose"
    )


@pytest.mark.parametrize("name", DENSE)
def test_markup_dense_input_grows_linearly(name):
    short, long = _fill(DENSE[name]), _fill(DENSE[name], GROWTH * LENGTH)
    short_seconds, long_seconds = map(statistics.median, _timings(short, long, runs=3))
    assert long_seconds <= GROWTH_LIMIT * short_seconds, (
        f"{name}: {long_seconds * 1000:.1f} ms for {len(long):,} characters, "
        f"{short_seconds * 1000:.1f} ms for {len(short):,}"
    )
