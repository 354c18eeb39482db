"""Fit the per-rule heads and choose their thresholds on unseen writers.

Inputs: the cases in ``fixtures/screening/cases``, assigned to splits by
writer in ``fixtures/screening/splits.json`` (hashes checked), and,
per rule, any public corpora (``corpora.py``) that were measured to help.
The test split is never read here.

Per rule, a logistic regression on ``[embedding, standardised structure
features, lexical tf-idf]`` (rules 1-4 see the commenter's own words with
quotes blanked; rules 5-7 the whole text).  Calibration and thresholds come
from *out-of-writer* scores: the train and dev writers are the folds, and
each writer's cases are scored by a model fitted without that writer, the
condition the screener meets on the hidden sets.  Platt scaling is fitted to
those scores, then one clean-hold quantile, common to all rules, is chosen
so that at most ``MAX_CLEAN_HELD`` of those writers' clean comments would
be held by any rule.  The final model is fitted on all train and dev cases.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ...rules import RULE_CODES

OWN_VOICE_RULES = ("abusive", "disrespectful", "personal_attack", "defamatory")
MAX_CLEAN_HELD = 0.03  # share of clean comments held by any rule, out-of-writer
LEXICAL_WEIGHT = 2.0  # scale of the tf-idf block beside the unit-length embedding
C = 3.0  # inverse regularisation, chosen on dev AUC (docs/screener.md)


class SplitChanged(RuntimeError):
    pass


def load_split(cases_dir: Path, split: str) -> list[dict]:
    """Cases of one split, refusing any file whose hash moved since freezing."""
    splits = json.loads((cases_dir.parent / "splits.json").read_text("utf-8"))
    rows = []
    for name, expected in splits[split].items():
        data = (cases_dir / name).read_bytes()
        got = hashlib.sha256(data).hexdigest()
        if got != expected:
            raise SplitChanged(f"{name}: SHA-256 {got} differs from splits.json ({expected}); "
                               "a frozen case file was edited")
        for line in data.decode("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                row.setdefault("writer", name.removesuffix(".jsonl"))
                rows.append(row)
    return rows


@dataclass
class Matrix:
    """Inputs for the heads: own-voice and whole-text views of each text."""

    own_emb: np.ndarray
    own_feat: np.ndarray
    own_forms: list[list[str]]
    full_emb: np.ndarray
    full_feat: np.ndarray
    full_forms: list[list[str]]

    def view(self, rule: str):
        if rule in OWN_VOICE_RULES:
            return self.own_emb, self.own_feat, self.own_forms
        return self.full_emb, self.full_feat, self.full_forms

    def take(self, idx) -> "Matrix":
        return Matrix(self.own_emb[idx], self.own_feat[idx], [self.own_forms[i] for i in idx],
                      self.full_emb[idx], self.full_feat[idx], [self.full_forms[i] for i in idx])


def featurise(texts: list[str]) -> Matrix:
    from .. import encoder, lexicon
    from ..features import analyse, feature_vector
    from ..quotes import mask, quote_spans

    def one(text: str):
        a = analyse(text)
        hits = lexicon.word_hits(a.tokens, a.sentence_tokens, a.proper)
        emb = encoder.pooled(encoder.encode(a.folded.text))[0]
        return emb, feature_vector(a, hits=hits), [t.form for t in a.tokens]

    own, full = [], []
    for text in texts:
        full.append(one(text))
        spans = quote_spans(text)
        own.append(one(mask(text, spans, " ")) if spans else full[-1])
    arr = lambda rows, k: np.asarray([r[k] for r in rows], dtype=np.float32)  # noqa: E731
    return Matrix(arr(own, 0), arr(own, 1), [r[2] for r in own],
                  arr(full, 0), arr(full, 1), [r[2] for r in full])


class Lexical:
    """Sublinear tf-idf over lexical forms, L2-normalised (as sklearn's)."""

    def __init__(self, vocabulary: list[str], idf: list[float]) -> None:
        self.vocabulary = vocabulary
        self.index = {w: i for i, w in enumerate(vocabulary)}
        self.idf = np.asarray(idf, dtype=np.float32)

    @classmethod
    def fit(cls, docs: list[list[str]], min_df: int = 2) -> "Lexical":
        df: dict[str, int] = {}
        for doc in docs:
            for w in set(doc):
                df[w] = df.get(w, 0) + 1
        vocabulary = sorted(w for w, n in df.items() if n >= min_df)
        n = len(docs)
        idf = [float(np.log((1 + n) / (1 + df[w])) + 1) for w in vocabulary]
        return cls(vocabulary, idf)

    def transform(self, docs: list[list[str]]):
        """A sparse (docs x vocabulary) matrix, rows of unit length."""
        import scipy.sparse as sp

        rows, cols, vals = [], [], []
        for r, doc in enumerate(docs):
            counts: dict[int, int] = {}
            for w in doc:
                i = self.index.get(w)
                if i is not None:
                    counts[i] = counts.get(i, 0) + 1
            if not counts:
                continue
            values = {i: (1 + np.log(n)) * self.idf[i] for i, n in counts.items()}
            norm = np.sqrt(sum(v * v for v in values.values()))
            for i, v in sorted(values.items()):
                rows.append(r)
                cols.append(i)
                vals.append(v / norm)
        return sp.csr_matrix((vals, (rows, cols)), shape=(len(docs), len(self.vocabulary)), dtype=np.float64)


def _inputs(m: Matrix, rule: str, lexical: Lexical, mean=None, scale=None):
    emb, feat, forms = m.view(rule)
    if mean is None:
        mean = feat.mean(axis=0)
        scale = feat.std(axis=0)
        scale[scale == 0] = 1.0
    import scipy.sparse as sp

    dense = sp.csr_matrix(np.hstack([emb, (feat - mean) / scale]).astype(np.float64))
    x = sp.hstack([dense, LEXICAL_WEIGHT * lexical.transform(forms)]).tocsr()
    return x, mean, scale


def _fit(x, y, weight):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, class_weight="balanced", max_iter=5000).fit(x, y, sample_weight=weight)


def _platt(z: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=1e6, max_iter=1000).fit(z.reshape(-1, 1), y)
    return float(lr.coef_[0][0]), float(lr.intercept_[0])


def public_rows(root: Path | None, names) -> list[dict]:
    """Training examples of the named public corpora, as case-like rows."""
    if not names:
        return []
    from . import corpora

    rows = []
    for corpus in corpora.load(root, names):
        rows += [{"text": ex.text, "rules": list(ex.rules), "writer": "public:" + corpus.name}
                 for ex in corpus.train]
    return rows


def _weights(rows: list[dict], n_domain: int, share: float) -> np.ndarray:
    """In-domain cases weigh 1; each public corpus together weighs ``share``
    of the in-domain cases, split evenly between corpora."""
    weights = np.ones(len(rows))
    names = sorted({r["writer"] for r in rows if r["writer"].startswith("public:")})
    for name in names:
        idx = [i for i, r in enumerate(rows) if r["writer"] == name]
        weights[idx] = share * n_domain / len(names) / len(idx)
    return weights


def out_of_writer_scores(rows, matrix, rule, public_idx, share, log=None) -> np.ndarray:
    """Decision values for each in-domain case from a model that never saw its writer."""
    domain = [i for i, r in enumerate(rows) if not r["writer"].startswith("public:")]
    writers = sorted({rows[i]["writer"] for i in domain})
    y = np.array([rule in r["rules"] for r in rows])
    z = np.zeros(len(rows))
    public_set = set(public_idx)
    for writer in writers:
        held = [i for i in domain if rows[i]["writer"] == writer]
        fit_idx = [i for i in domain if rows[i]["writer"] != writer] + list(public_idx)
        sub = matrix.take(fit_idx)
        lexical = Lexical.fit([matrix.full_forms[i] for i in fit_idx if i not in public_set])
        x, mean, scale = _inputs(sub, rule, lexical)
        w = _weights([rows[i] for i in fit_idx], len(fit_idx) - len(public_idx), share)
        model = _fit(x, y[fit_idx], w)
        xh, _, _ = _inputs(matrix.take(held), rule, lexical, mean, scale)
        z[held] = model.decision_function(xh)
    return z[domain]


def build_heads(cases_dir: Path, *, datasets_root: Path | None = None, public: dict | None = None,
                share: float = 0.5, log=print) -> dict:
    """Train every head and return the content of ``heads.json``.

    ``public`` maps a rule to the public corpora mixed into its training set
    (each measured in docs/screener.md; empty = in-domain cases only).
    """
    public = public or {}
    domain = load_split(cases_dir, "train") + load_split(cases_dir, "dev")
    extra = public_rows(datasets_root, sorted({n for ns in public.values() for n in ns}))
    rows = domain + extra
    log(f"featurising {len(domain)} cases and {len(extra)} public examples")
    matrix = featurise([r["text"] for r in rows])
    clean = np.array([not r["rules"] for r in domain])
    heads, oof = {}, {}
    # One vocabulary for every head, so a comment's tf-idf is computed once.
    lexical = Lexical.fit(matrix.full_forms[:len(domain)])
    for rule in RULE_CODES:
        public_idx = [len(domain) + i for i, r in enumerate(extra)
                      if r["writer"].removeprefix("public:") in public.get(rule, ())]
        z = out_of_writer_scores(rows, matrix, rule, public_idx, share)
        y = np.array([rule in r["rules"] for r in domain])
        a, b = _platt(z, y)
        oof[rule] = 1 / (1 + np.exp(-(a * z + b)))
        log(f"  {rule}: out-of-writer AUC {_auc(z, y):.3f}, recall at 1% clean held "
            f"{np.mean(z[y] > np.quantile(z[clean], 0.99)):.3f}")
        fit_idx = list(range(len(domain))) + public_idx
        sub = matrix.take(fit_idx)
        x, mean, scale = _inputs(sub, rule, lexical)
        model = _fit(x, np.array([rule in rows[i]["rules"] for i in fit_idx]),
                     _weights([rows[i] for i in fit_idx], len(domain), share))
        n_emb, n_feat = matrix.own_emb.shape[1], matrix.own_feat.shape[1]
        coef = model.coef_[0]
        heads[rule] = {
            "weights": [round(float(v), 6) for v in coef[:n_emb + n_feat]],
            "bias": round(float(model.intercept_[0]), 6),
            "feature_mean": [round(float(v), 6) for v in mean],
            "feature_scale": [round(float(v), 6) for v in scale],
            "lexical_coef": [round(float(v), 6) for v in coef[n_emb + n_feat:]],
            "calibration": [round(a, 6), round(b, 6)],
            "public_corpora": list(public.get(rule, ())),
        }
    lexicon_held = word_list_hits(matrix.take(list(range(len(domain)))))
    labels = {rule: np.array([rule in r["rules"] for r in domain]) for rule in RULE_CODES}
    thresholds, clean_rate = choose_thresholds(oof, labels, clean, lexicon_held)
    for rule in RULE_CODES:
        heads[rule]["threshold"] = thresholds[rule]
        y = np.array([rule in r["rules"] for r in domain])
        log(f"  {rule}: out-of-writer recall {np.mean(oof[rule][y] >= thresholds[rule]):.3f}, "
            f"clean held {np.sum(oof[rule][clean] >= thresholds[rule])}/{clean.sum()}, "
            f"threshold {thresholds[rule]:.3f}")
    held = lexicon_held.copy()
    for rule in RULE_CODES:
        held |= oof[rule] >= thresholds[rule]
    breach = ~clean
    log(f"  any rule: out-of-writer breaches caught {held[breach].mean():.3f}, "
        f"clean held {held[clean].mean():.3f} (word lists alone: {lexicon_held[~clean].mean():.3f} "
        f"caught, {lexicon_held[clean].sum()} clean held)")
    return {
        "encoder": "all-MiniLM-L6-v2 distilled to static token vectors (training/table.py)",
        "features": list(__import__("moderation.screening.features", fromlist=["FEATURES"]).FEATURES),
        "lexical_weight": LEXICAL_WEIGHT,
        "lexical": {"vocabulary": lexical.vocabulary, "idf": [round(float(v), 6) for v in lexical.idf]},
        "C": C,
        "public_share": share,
        "max_clean_held": MAX_CLEAN_HELD,
        "splits": json.loads((cases_dir.parent / "splits.json").read_text("utf-8")),
        "heads": heads,
    }


def _auc(scores: np.ndarray, y: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, scores))


def word_list_hits(matrix: Matrix) -> np.ndarray:
    """Cases the word lists hold as abusive whatever the heads say."""
    from ..features import FEATURES

    cols = [FEATURES.index(name) for name in ("profanity", "slur", "threat")]
    return matrix.own_feat[:, cols].sum(axis=1) > 0


def choose_thresholds(oof: dict[str, np.ndarray], labels: dict[str, np.ndarray], clean: np.ndarray,
                      already: np.ndarray | None = None) -> tuple[dict[str, float], float]:
    """Per-rule thresholds that find the most breaches under their right rule
    while holding at most MAX_CLEAN_HELD of the clean cases, out-of-writer.

    Greedy: start with every threshold above every score; repeatedly lower
    the one threshold whose next step (to one of its next three clean
    scores) adds the most correctly named breaches per newly held clean
    case.  ``already``: cases held whatever the thresholds (word lists).
    """
    rules = sorted(oof)
    held = np.zeros(len(clean), bool) if already is None else already.copy()
    budget = int(np.floor(MAX_CLEAN_HELD * clean.sum()))
    thresholds = {r: 1.0 for r in rules}
    steps = {r: sorted(set(oof[r][clean].tolist()), reverse=True) for r in rules}
    while True:
        best = None
        for r in rules:
            below = [v for v in steps[r] if v < thresholds[r]]
            flagged = oof[r] >= thresholds[r]
            for k in range(min(3, len(below))):
                t = below[k] - 1e-9
                now = oof[r] >= t
                cost = int((now & ~held & clean).sum())
                if held[clean].sum() + cost > budget:
                    break
                gain = int((now & ~flagged & labels[r]).sum())
                ratio = gain / max(cost, 1)
                if gain and (best is None or ratio > best[0]):
                    best = (ratio, r, t)
        if best is None:
            break
        _, r, t = best
        thresholds[r] = t
        held |= oof[r] >= t
    # Below the last clean case taken, go down to just above the next one:
    # more breaches at no cost in clean holds.
    for r in rules:
        below = [v for v in steps[r] if v < thresholds[r]]
        thresholds[r] = below[0] + 1e-6 if below else 0.5 * min(thresholds[r], oof[r].min())
    return {r: round(min(t, 0.999999), 6) for r, t in thresholds.items()}, float(held[clean].mean())
