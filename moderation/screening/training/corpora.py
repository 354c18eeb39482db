"""Public labelled datasets, read into one form for training the screener.

No public set covers all seven rule codes, so each set under
``/work/shared/datasets`` (see its ``SOURCES.md``) is mapped onto the codes
it can speak for.  Every corpus is deduplicated on its stripped text (first
occurrence wins) and keeps a held-out test split that never leaks into
training: the set's own split where it has one, otherwise a SHA-256 hash of
the text, so the split is the same on every machine and in any order.

Licences, as SOURCES.md states them:

- kaggle-insults: unstated
- davidson-hate-offensive: MIT
- olid: unstated (the hosting repository is CC BY 4.0)
- toxigen-prompts: CDLA-Permissive-2.0, research use only
- ethos: GPL-3.0
- stormfront-hate: CC BY-SA 3.0 ES
- sms-spam-collection: free with attribution; UCI lists CC BY 4.0
- youtube-spam-collection: unstated; UCI lists CC BY 4.0
- datacamp-blog-comment-spam: unstated
- sdcnl-suicide-depression: unstated
- convabuse: CC BY 4.0
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import html
import re
import tarfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

CLEAN = ()
ABUSIVE = ("abusive",)


@dataclass(frozen=True)
class Example:
    text: str
    rules: tuple[str, ...]  # () = clean


@dataclass(frozen=True)
class Corpus:
    name: str
    licence: str
    mapping: str
    train: list[Example]
    test: list[Example]


Pairs = Iterable[tuple[str, tuple[str, ...]]]
LOADERS: dict[str, Callable[[Path], Corpus]] = {}


def load(root: Path, names: Iterable[str] | None = None) -> list[Corpus]:
    """Load the named corpora (default: all) whose folders exist under root."""
    names = list(LOADERS) if names is None else names
    return [LOADERS[name](root) for name in names if (Path(root) / name).is_dir()]


def in_test(text: str) -> bool:
    """Hash split for sets without their own: about one text in five goes to test."""
    return int(hashlib.sha256(text.encode()).hexdigest(), 16) % 5 == 0


def _dedupe(pairs: Pairs) -> dict[str, tuple[str, ...]]:
    """Stripped, non-empty texts with their rules; the first occurrence wins."""
    seen = {}
    for text, rules in pairs:
        text = text.strip()
        if text and text not in seen:
            seen[text] = rules
    return seen


def _corpus(name, licence, mapping, train: Pairs, test: Pairs | None) -> Corpus:
    """Deduplicate, split by hash when there is no test set, and keep test out of train."""
    train = _dedupe(train)
    if test is None:
        test = {text: rules for text, rules in train.items() if in_test(text)}
    else:
        test = _dedupe(test)
    return Corpus(
        name, licence, mapping,
        train=[Example(text, rules) for text, rules in train.items() if text not in test],
        test=[Example(text, rules) for text, rules in test.items()],
    )


def _register(name: str, licence: str, mapping: str, own_split: bool = False):
    """Register a reader of (text, rules) pairs as the loader for a folder.

    The reader gets the folder and returns (train, test) when the set has its
    own split, otherwise one iterable to be split by hash.
    """
    def decorator(reader):
        def loader(root: Path) -> Corpus:
            pairs = reader(Path(root) / name)
            train, test = pairs if own_split else (pairs, None)
            return _corpus(name, licence, mapping, train, test)

        loader.__doc__ = f"Load the {name} corpus from the datasets root."
        LOADERS[name] = loader
        return reader

    return decorator


def _rows(path: Path, **fmtparams) -> Iterator[dict[str, str]]:
    """Rows of a gzipped CSV (or TSV) file as dicts."""
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f, **fmtparams)


# Kaggle comments carry Python-style escapes, sometimes with doubled backslashes.
_ESCAPE = re.compile(r"((?:\\x[0-9a-fA-F]{2})+)|((?:\\u[0-9a-fA-F]{4})+)|\\(.)", re.DOTALL)


def _unescape_match(match: re.Match) -> str:
    """An escape sequence, or a run of them, as text (\\x runs are UTF-8 or Latin-1)."""
    hex_bytes, hex_units, char = match.groups()
    if hex_bytes:
        data = bytes.fromhex(hex_bytes.replace("\\x", ""))
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("latin-1")
    if hex_units:
        return bytes.fromhex(hex_units.replace("\\u", "")).decode("utf-16-be", "replace")
    return {"n": "\n", "r": "", "t": " "}.get(char, char)


def unescape_kaggle(text: str) -> str:
    """Undo the Kaggle insults escaping: outer quotes, \\n, \\xa0, \\u2019, &nbsp; etc."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1]
    text = _ESCAPE.sub(_unescape_match, re.sub(r"\\+", r"\\", text))
    return html.unescape(text).replace("\xa0", " ")


def clean_tweet(text: str) -> str:
    """Unescape HTML, drop "RT @user:" markers and anonymise @mentions."""
    text = html.unescape(text)
    text = re.sub(r"\bRT\s+@\w+:?", " ", text)
    text = re.sub(r"(?<!\w)@\w+", "@user", text)
    return re.sub(r"[ \t]+", " ", text)


def clean_youtube(text: str) -> str:
    """Turn <br /> into line breaks, unescape HTML and drop byte-order marks."""
    text = re.sub(r"<br\s*/?>", "\n", text)
    return html.unescape(text).replace("\ufeff", "")


def decode_emoji_spans(text: str) -> str:
    """Put back the emoji that ConvAbuse stores as UTF-8 byte lists in <span> tags."""
    return re.sub(
        r"<span class='emoji-bytes' data-emoji-bytes='\[([\d, ]*)\]'></span>",
        lambda m: bytes(int(b) for b in re.findall(r"\d+", m[1])).decode("utf-8", "replace"),
        text,
    )


@_register(
    "kaggle-insults", "unstated",
    "Insult=1 (insulting a participant in the conversation) is personal_attack; 0 is clean.",
    own_split=True,
)
def _kaggle_insults(folder):
    def read(filename):
        for row in _rows(folder / filename):
            rules = ("personal_attack",) if row["Insult"] == "1" else CLEAN
            yield unescape_kaggle(row["Comment"]), rules

    return read("train.csv.gz"), read("test_with_solutions.csv.gz")


@_register(
    "davidson-hate-offensive", "MIT",
    "Hate speech (class 0) and offensive language (1) are abusive; neither (2) is clean.",
)
def _davidson(folder):
    for row in _rows(folder / "labeled_data.csv.gz"):
        yield clean_tweet(row["tweet"]), CLEAN if row["class"] == "2" else ABUSIVE


@_register(
    "olid", "unstated (hosting repository CC BY 4.0)",
    "Offensive tweets (subtask A OFF) are abusive, plus personal_attack when aimed at an "
    "individual (subtask C IND); NOT is clean.",
    own_split=True,
)
def _olid(folder):
    def rules(level_a, level_c):
        if level_a != "OFF":
            return CLEAN
        return ("abusive", "personal_attack") if level_c == "IND" else ABUSIVE

    def tweets(filename):
        # QUOTE_NONE: a tweet's leading '"' is part of the tweet, not CSV quoting.
        for row in _rows(folder / filename, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield row["id"], html.unescape(row["tweet"]), row

    level_a = {row["id"]: row["label"] for row in _rows(folder / "labels-levela.csv.gz")}
    level_c = {row["id"]: row["label"] for row in _rows(folder / "labels-levelc.csv.gz")}
    train = (
        (text, rules(row["subtask_a"], row["subtask_c"]))
        for _, text, row in tweets("olid-training-v1.0.tsv.gz")
    )
    test = (
        (text, rules(level_a[tweet_id], level_c.get(tweet_id)))
        for tweet_id, text, _ in tweets("testset-levela.tsv.gz")
    )
    return train, test


@_register(
    "toxigen-prompts", "CDLA-Permissive-2.0, research use only",
    "Demonstration statements in hate_* files are abusive and in neutral_* files clean "
    "(the authors' intent, not independent annotation).",
)
def _toxigen(folder):
    for path in sorted((folder / "demonstrations").glob("*/*.txt.gz")):
        label = path.name.split("_", 1)[0]
        if label in ("hate", "neutral"):
            with gzip.open(path, "rt", encoding="utf-8") as f:
                # One line ends in a literal backslash-n left over from a prompt.
                for line in f:
                    yield line.replace("\\n", " "), ABUSIVE if label == "hate" else CLEAN


@_register(
    "ethos", "GPL-3.0",
    "isHate (fraction of annotators) >= 0.5 is abusive, <= 0.2 clean; in between is dropped.",
)
def _ethos(folder):
    for row in _rows(folder / "Ethos_Dataset_Binary.csv.gz", delimiter=";"):
        score = float(row["isHate"])
        if score >= 0.5 or score <= 0.2:
            yield row["comment"], ABUSIVE if score >= 0.5 else CLEAN


@_register(
    "stormfront-hate", "CC BY-SA 3.0 ES",
    "Sentences labelled hate are abusive and noHate clean; relation and idk/skip are dropped.",
)
def _stormfront(folder):
    labels = {"hate": ABUSIVE, "noHate": CLEAN}
    sentences = {}
    with tarfile.open(folder / "sentences.tar.gz") as tar:
        for member in tar.getmembers():
            if member.isfile() and member.name.startswith("all_files/"):
                file_id = member.name.removeprefix("all_files/").removesuffix(".txt")
                sentences[file_id] = tar.extractfile(member).read().decode("utf-8")
    for row in _rows(folder / "annotations_metadata.csv.gz"):
        if row["label"] in labels:
            yield sentences[row["file_id"]], labels[row["label"]]


@_register(
    "sms-spam-collection", "free with attribution (UCI lists CC BY 4.0)",
    "Spam (2000s UK premium-rate SMS) is advert; ham is clean.",
)
def _sms_spam(folder):
    with gzip.open(folder / "SMSSpamCollection.gz", "rt", encoding="utf-8", newline="") as f:
        for line in f:
            label, text = line.rstrip("\r\n").split("\t", 1)
            # Entities such as "&lt;#&gt;" (a withheld number) are unescaped too.
            yield html.unescape(text), ("advert",) if label == "spam" else CLEAN


@_register(
    "youtube-spam-collection", "unstated (UCI lists CC BY 4.0)",
    "Spam comments (CLASS 1, mostly channel self-promotion) are off_topic; ham (0) is clean.",
)
def _youtube_spam(folder):
    for path in sorted(folder.glob("*.csv.gz")):
        for row in _rows(path):  # CONTENT only: AUTHOR holds real display names.
            rules = ("off_topic",) if row["CLASS"] == "1" else CLEAN
            yield clean_youtube(row["CONTENT"]), rules


@_register(
    "datacamp-blog-comment-spam", "unstated",
    "Blog comments labelled 1 (spam: link drops, marketing, salutation-only) are off_topic, "
    "0 clean; unlabelled rows are dropped.",
)
def _datacamp_spam(folder):
    filename = "final_data_extended_labeledPhase1 - final_data_extended_labeledPhase2.csv.gz"
    for row in _rows(folder / filename):
        if row["label"] in ("0", "1"):
            yield row["comment"], ("off_topic",) if row["label"] == "1" else CLEAN


@_register(
    "sdcnl-suicide-depression", "unstated",
    "Posts from r/SuicideWatch (is_suicide 1) are self_harm, r/depression (0) clean: a weak "
    "proxy that marks suicidal ideation by subreddit, not method detail.",
    own_split=True,
)
def _sdcnl(folder):
    def read(filename):
        # Title and body only: the author and url columns identify real people.
        for row in _rows(folder / filename):
            body = "" if row["selftext"] == "emptypost" else row["selftext"]
            text = html.unescape(f"{row['title'].strip()}\n\n{body.strip()}")
            yield text, ("self_harm",) if row["is_suicide"] == "1" else CLEAN

    return read("training-set.csv.gz"), read("testing-set.csv.gz")


def _majority_abuse(row: dict[str, str]) -> tuple[str, ...] | None:
    """ABUSIVE or CLEAN by strict majority of a turn's annotators; None if neither.

    An annotator who judged a turn more than once (cells like "1, 1") votes with
    the fraction of their judgements; an "ambiguous" (0) vote backs neither side
    but still counts, so it can leave a turn without a majority.
    """
    annotators = abusive = clean = 0
    for n in range(1, 9):
        cells = [row.get(f"Annotator{n}_is_abuse.{lvl}", "") for lvl in ("1", "-1", "-2", "-3")]
        if any(cell.strip() for cell in cells):
            votes = [[int(value) for value in cell.split(",")] for cell in cells]
            annotators += 1
            clean += sum(votes[0]) / len(votes[0])
            abusive += sum(map(sum, votes[1:])) / len(votes[0])
    if abusive > annotators / 2:
        return ABUSIVE
    if clean > annotators / 2:
        return CLEAN
    return None


@_register(
    "convabuse", "CC BY 4.0",
    "User turns to chatbots that most annotators rated abusive (-1 to -3) are abusive, most "
    "rated not abusive (1) clean; turns with no majority are dropped.",
    own_split=True,
)
def _convabuse(folder):
    def read(filename):
        for row in _rows(folder / filename):
            rules = _majority_abuse(row)
            if rules is not None:
                yield decode_emoji_spans(row["user"]), rules

    # The validation split (ConvAbuseEMNLPvalid) is not used.
    return read("ConvAbuseEMNLPtrain.csv.gz"), read("ConvAbuseEMNLPtest.csv.gz")
