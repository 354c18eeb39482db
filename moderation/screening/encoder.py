"""Sentence embeddings from a static token table (distilled all-MiniLM-L6-v2).

A comment's vector is the mean of its tokens' rows in
``data/embeddings.safetensors`` (already PCA-reduced and SIF-weighted at
build time, see ``training/distil.py``), L2-normalised: one tokeniser call
and a sum, no transformer at run time.  The tokeniser is the model's own
WordPiece vocabulary (``data/tokenizer.json``), run by HF ``tokenizers``.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import numpy as np

__all__ = ["Encoded", "encode", "pooled"]

DATA = resources.files("moderation.screening").joinpath("data")


@lru_cache(maxsize=1)
def _tokenizer():
    from tokenizers import Tokenizer

    tok = Tokenizer.from_str(DATA.joinpath("tokenizer.json").read_text("utf-8"))
    tok.no_padding()
    tok.no_truncation()
    return tok


@lru_cache(maxsize=1)
def _table() -> np.ndarray:
    from safetensors.numpy import load

    return load(DATA.joinpath("embeddings.safetensors").read_bytes())["embeddings"].astype(np.float32)


class Encoded:
    """Token ids of one text with their character offsets."""

    __slots__ = ("ids", "starts")

    def __init__(self, ids: np.ndarray, starts: np.ndarray) -> None:
        self.ids, self.starts = ids, starts

    def only(self, kept: np.ndarray) -> "Encoded":
        """The tokens that start on a character ``kept`` marks True."""
        keep = kept[self.starts] if len(self.starts) else np.zeros(0, bool)
        return Encoded(self.ids[keep], self.starts[keep])


def encode(text: str) -> Encoded:
    enc = _tokenizer().encode(text, add_special_tokens=False)
    return Encoded(np.asarray(enc.ids, dtype=np.int64),
                   np.asarray([s for s, _ in enc.offsets], dtype=np.int64))


def pooled(encoded: Encoded, spans=None) -> np.ndarray:
    """One normalised vector for the whole text, or one per (start, end) span."""
    table = _table()
    rows = table[encoded.ids] if len(encoded.ids) else np.zeros((0, table.shape[1]), np.float32)
    if spans is None:
        total = rows.sum(axis=0, keepdims=True)
        norm = np.linalg.norm(total)
        return total / norm if norm else total
    starts = np.searchsorted(encoded.starts, [s for s, _ in spans], side="left")
    ends = np.searchsorted(encoded.starts, [e for _, e in spans], side="left")
    sums = np.zeros((len(spans), table.shape[1]), np.float32)
    nonempty = ends > starts
    if nonempty.any():
        # reduceat sums rows[start:next start]; spans are in order and disjoint,
        # so each sum is cut at its own end by subtracting nothing extra.
        bounds = np.empty(2 * int(nonempty.sum()), dtype=np.int64)
        bounds[0::2], bounds[1::2] = starts[nonempty], ends[nonempty]
        padded = np.vstack([rows, np.zeros((1, rows.shape[1]), np.float32)])
        sums[nonempty] = np.add.reduceat(padded, bounds, axis=0)[0::2]
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    return sums / np.where(norms == 0, 1, norms)
