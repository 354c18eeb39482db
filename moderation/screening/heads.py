"""One calibrated linear head per rule, read from ``data/heads.json``.

A head sees ``[embedding, standardised structure features, lexical tf-idf]``
and gives ``p = sigmoid(a * (w . x + b) + c)``: a logistic regression whose
output was recalibrated (Platt) on out-of-writer scores.  Its hold
threshold was chosen on those scores too (``training/train.py``, which
writes the file; ``docs/screener.md`` has the figures).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .encoder import DATA

__all__ = ["Head", "all_heads", "probabilities"]


@dataclass(frozen=True)
class Head:
    rule: str
    weights: np.ndarray
    bias: float
    feature_mean: np.ndarray
    feature_scale: np.ndarray
    lexical_coef: np.ndarray  # one per vocabulary entry, lexical weight folded in
    calibration: tuple[float, float]
    threshold: float


@dataclass(frozen=True)
class Vocabulary:
    index: dict[str, int]
    idf: np.ndarray

    def tfidf(self, forms: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Indices and values of a unit-length sublinear tf-idf vector."""
        counts = Counter(i for i in map(self.index.get, forms) if i is not None)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        values = (1 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))) * self.idf[idx]
        return idx, values / np.linalg.norm(values)


def probabilities(chosen: dict[str, Head], embeddings: np.ndarray, features: np.ndarray,
                  forms: list[list[str]]) -> dict[str, np.ndarray]:
    """Several heads on the same rows (embeddings, raw features, lexical forms)."""
    rules = list(chosen)
    weights, bias, lexical = _stacked(tuple(rules))
    z = np.hstack([embeddings, features]) @ weights + bias
    vocabulary = _vocabulary()
    for row, doc in enumerate(forms):
        idx, values = vocabulary.tfidf(doc)
        if len(idx):
            z[row] += values @ lexical[idx]
    out = {}
    for k, rule in enumerate(rules):
        a, c = chosen[rule].calibration
        out[rule] = 1.0 / (1.0 + np.exp(-(a * z[:, k] + c)))
    return out


@lru_cache(maxsize=32)
def _stacked(rules: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The heads as one matrix, feature standardisation folded into the weights."""
    heads = all_heads()
    columns, biases = [], []
    for rule in rules:
        h = heads[rule]
        n_emb = len(h.weights) - len(h.feature_mean)
        w_feat = h.weights[n_emb:] / h.feature_scale
        columns.append(np.concatenate([h.weights[:n_emb], w_feat]))
        biases.append(h.bias - float(w_feat @ h.feature_mean))
    lexical = np.stack([heads[rule].lexical_coef for rule in rules], axis=1)
    return np.stack(columns, axis=1), np.asarray(biases), lexical


@lru_cache(maxsize=1)
def _model() -> dict:
    return json.loads(DATA.joinpath("heads.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def _vocabulary() -> Vocabulary:
    lexical = _model()["lexical"]
    return Vocabulary({w: i for i, w in enumerate(lexical["vocabulary"])},
                      np.asarray(lexical["idf"], dtype=np.float64))


@lru_cache(maxsize=1)
def all_heads() -> dict[str, Head]:
    model = _model()
    return {
        rule: Head(
            rule=rule,
            weights=np.asarray(h["weights"], dtype=np.float64),
            bias=float(h["bias"]),
            feature_mean=np.asarray(h["feature_mean"], dtype=np.float64),
            feature_scale=np.asarray(h["feature_scale"], dtype=np.float64),
            lexical_coef=float(model["lexical_weight"]) * np.asarray(h["lexical_coef"], dtype=np.float64),
            calibration=(float(h["calibration"][0]), float(h["calibration"][1])),
            threshold=float(h["threshold"]),
        )
        for rule, h in model["heads"].items()
    }
