"""Fit the opinion cue weights of `resources/opinion.toml` on CheckThat! train sentences.

A class-balanced, L2-regularised logistic regression over FrameLens's own cue features
(value = min(hits, cap) per rule; see `framelens.analyzers.opinion`), trained on
`subjectivity/train_en.tsv` (SUBJ = opinion). The regularisation and the decision offset
(how far the 0.5 line moves) are chosen by cross-validation on train only, with the
one-standard-error rule (the simplest setting within one standard error of the best);
the offset is folded into the bias, so a sentence stays `opinion` iff its score >= 0.5.
Rules marked `decisive` in the resource (the writer's interpretation as the main clause)
are not fitted: their weight is DECISIVE_WEIGHT and the sentences they fire in are left
out of the regression, in the cross-validation as in the final fit.
Only the weights are written back, into the `[weights]` table at the end of the resource
file; no benchmark text is stored. `--genre-centres` prints the train-derived centres of
`resources/genre.toml`.

    .venv/bin/python benchmarks/fit_opinion.py            # fit, report, write weights
    .venv/bin/python benchmarks/fit_opinion.py --dry-run  # fit and report only
    .venv/bin/python benchmarks/fit_opinion.py --evaluate subjectivity/dev_en.tsv
    .venv/bin/python benchmarks/fit_opinion.py --genre-centres
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from framelens import engine, resources
from framelens.analyzers import boilerplate, genre, loaded, opinion, quotes, tone
from framelens.fileio import atomic_output
from framelens.nlp import pipeline
from framelens.nlp.parsed import parse_many

BENCH = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"
MARKER = "# --- fitted weights"
L2_GRID = (1.0, 3.0, 10.0)
OFFSET_GRID = (-0.2, -0.1, 0.0, 0.1, 0.2, 0.3, 0.4)
CV_SHUFFLES = 10
# Weight written for a decisive rule: enough to make any sentence it fires in opinion.
DECISIVE_WEIGHT = 5.0


def read_tsv(path: Path) -> tuple[list[str], list[int]]:
    """Sentences and labels (1 = SUBJ) of a CheckThat! file."""
    texts, gold = [], []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            texts.append(row["sentence"])
            gold.append(1 if row["label"].strip() == "SUBJ" else 0)
    return texts, gold


def features(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Feature rows (one per sentence), their document index and their character share."""
    rules = opinion.rule_ids()
    caps = opinion._config().caps
    debris = [boilerplate.find_boilerplate(t) for t in texts]
    parsed_all = parse_many(pipeline.load_pipeline(), texts,
                            [[(s.start, s.end) for s in d] for d in debris])
    rows, owners, shares = [], [], []
    for index, parsed in enumerate(parsed_all):
        views = list(parsed.sentences())
        tones = tone.sentence_tones([v.text for v in views])
        cues = opinion.sentence_cues(parsed, quotes.find_quotes(parsed),
                                     loaded.find_marks(parsed), tones)
        total = sum(len(v.text.replace(" ", "")) for v in views) or 1
        for view, hits in zip(views, cues, strict=True):
            counts = dict.fromkeys(rules, 0)
            for rule, _, _ in hits:
                counts[rule] += 1
            rows.append([min(counts[r], caps[r]) for r in rules])
            owners.append(index)
            shares.append(len(view.text.replace(" ", "")) / total)
    return np.array(rows, dtype=float), np.array(owners), np.array(shares)


def fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray, l2: float) -> tuple[float, np.ndarray]:
    """The cue weights: a logistic regression over the sentences no decisive rule fired
    in, with each decisive rule's weight set to DECISIVE_WEIGHT."""
    columns = decisive_columns()
    free = x[:, columns].sum(axis=1) == 0 if columns else np.ones(len(x), dtype=bool)
    bias, coef = fit_logistic(x[free], y[free], weight[free], l2)
    coef[columns] = DECISIVE_WEIGHT
    return bias, coef


def decisive_columns() -> list[int]:
    """Feature columns of the rules marked `decisive` in the resource file."""
    decisive = opinion.decisive_rules()
    return [i for i, rule in enumerate(opinion.rule_ids()) if rule in decisive]


def fit_logistic(x: np.ndarray, y: np.ndarray, weight: np.ndarray,
                 l2: float) -> tuple[float, np.ndarray]:
    """Weighted logistic regression by Newton's method (bias not regularised)."""
    design = np.hstack([np.ones((len(x), 1)), x])
    beta = np.zeros(design.shape[1])
    penalty = np.full(design.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-design @ beta))
        grad = design.T @ (weight * (p - y)) + penalty * beta
        hess = (design * (weight * p * (1 - p))[:, None]).T @ design + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return float(beta[0]), beta[1:]


def predict_docs(x: np.ndarray, owners: np.ndarray, shares: np.ndarray, bias: float,
                 coef: np.ndarray, n_docs: int) -> np.ndarray:
    """SUBJ iff opinion sentences cover at least half the document (as the scorer does)."""
    opinion_sent = (bias + x @ coef) >= 0
    covered = np.zeros(n_docs)
    np.add.at(covered, owners, shares * opinion_sent)
    return (covered >= 0.5 - 1e-9).astype(int)


def macro_f1(gold: Sequence[int], pred: Sequence[int]) -> float:
    """Mean F1 of the two classes."""
    scores = []
    for cls in (0, 1):
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == cls and p == cls)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != cls and p == cls)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == cls and p != cls)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / 2


def training_set(texts: Sequence[str], gold: Sequence[int]) -> tuple[np.ndarray, ...]:
    """Features with sentence targets (the document's label) and class-balanced weights."""
    x, owners, shares = features(texts)
    y = np.array([gold[o] for o in owners], dtype=float)
    positives = sum(gold) or 1
    negatives = (len(gold) - sum(gold)) or 1
    balance = np.where(y == 1, len(gold) / (2 * positives), len(gold) / (2 * negatives))
    return x, owners, shares, y, balance * shares


def cross_validate(x: np.ndarray, owners: np.ndarray, shares: np.ndarray, y: np.ndarray,
                   weight: np.ndarray, gold: Sequence[int], l2: float,
                   offsets: Sequence[float], folds: int = 5) -> list[float]:
    """Mean macro-F1 of `folds`-fold CV over documents (CV_SHUFFLES shuffles), per offset."""
    n_docs = len(gold)
    results = np.zeros(len(offsets))
    for seed in range(CV_SHUFFLES):
        fold_of = np.random.default_rng(seed).permutation(n_docs) % folds
        pred = np.zeros((len(offsets), n_docs), dtype=int)
        for fold in range(folds):
            train = fold_of[owners] != fold
            bias, coef = fit(x[train], y[train], weight[train], l2)
            for i, offset in enumerate(offsets):
                docs = predict_docs(x, owners, shares, bias - offset, coef, n_docs)
                pred[i, fold_of == fold] = docs[fold_of == fold]
        results += [macro_f1(gold, row.tolist()) for row in pred]
    return (results / CV_SHUFFLES).tolist()


def one_standard_error_choice(results: Sequence[tuple[float, float, float]],
                              n_docs: int) -> tuple[float, float, float]:
    """The simplest (score, l2, offset) within one standard error of the best CV score.

    The standard error is that of a proportion near 0.5 over `n_docs` items; simplest
    means the smallest offset, then the strongest regularisation (Breiman's 1-SE rule).
    """
    best = max(score for score, _, _ in results)
    standard_error = (0.25 / n_docs) ** 0.5
    near = [r for r in results if r[0] >= best - standard_error]
    return min(near, key=lambda r: (abs(r[2]), -r[1]))


def genre_centres(texts: Sequence[str], gold: Sequence[int]) -> None:
    """Print each genre feature's mean over SUBJ and OBJ train sentences and the midpoint."""
    analyses = engine.analyze_many(texts, [f"train{i}" for i in range(len(texts))])
    values = [genre.features(a.text, a.sentences, a.quotes, a.metrics) for a in analyses]
    for name in values[0]:
        pairs = [(v[name], g) for v, g in zip(values, gold, strict=True) if v[name] is not None]
        if not pairs:
            print(f"{name:18s} not measurable on single sentences")
            continue
        subj = np.mean([x for x, g in pairs if g == 1])
        obj = np.mean([x for x, g in pairs if g == 0])
        print(f"{name:18s} SUBJ {subj:.3f}  OBJ {obj:.3f}  centre {(subj + obj) / 2:.3f}")


def write_weights(bias: float, coef: np.ndarray, rules: Sequence[str]) -> None:
    """Replace the `[weights]` table at the end of the resource file."""
    target = resources.path(opinion.RESOURCE)
    text = target.read_text(encoding="utf-8")
    head = text[:text.index(MARKER)]
    lines = [f"{MARKER} (written by benchmarks/fit_opinion.py; do not edit by hand) ---",
             "[weights]", f"bias = {bias:.3f}"]
    lines += [f'"{rule}" = {value:.3f}' for rule, value in zip(rules, coef, strict=True)]
    with atomic_output(target, binary=False) as handle:
        handle.write(head + "\n".join(lines) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Fit (and write) the weights, or evaluate the current ones on a file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=BENCH / "subjectivity" / "train_en.tsv")
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--genre-centres", action="store_true",
                        help="print train-derived genre feature centres and stop")
    parser.add_argument("--evaluate", type=Path, help="score the stored weights on this TSV")
    args = parser.parse_args(argv)
    rules = opinion.rule_ids()
    if args.evaluate is not None:
        texts, gold = read_tsv(args.evaluate)
        x, owners, shares = features(texts)
        config = opinion._config()
        coef = np.array([config.weights[r] for r in rules])
        pred = predict_docs(x, owners, shares, config.bias, coef, len(texts))
        print(f"{args.evaluate.name}: macro-F1 {macro_f1(gold, pred.tolist()):.3f}")
        return 0
    texts, gold = read_tsv(args.train)
    if args.genre_centres:
        genre_centres(texts, gold)
        return 0
    x, owners, shares, y, weight = training_set(texts, gold)
    results = []
    for l2 in L2_GRID:
        scores = cross_validate(x, owners, shares, y, weight, gold, l2, OFFSET_GRID)
        print(f"l2={l2}: 5-fold CV macro-F1 by offset "
              + ", ".join(f"{o:+.1f}: {s:.3f}" for o, s in zip(OFFSET_GRID, scores, strict=True)))
        results += [(s, l2, o) for o, s in zip(OFFSET_GRID, scores, strict=True)]
    cv_score, l2, offset = one_standard_error_choice(results, len(gold))
    bias, coef = fit(x, y, weight, l2)
    bias -= offset
    pred = predict_docs(x, owners, shares, bias, coef, len(texts))
    print(f"chosen l2={l2}, offset {offset:+.1f} (CV macro-F1 {cv_score:.3f}); "
          f"train macro-F1 {macro_f1(gold, pred.tolist()):.3f}; bias {bias:.3f}")
    for rule, value, fired in zip(rules, coef, (x > 0).sum(axis=0), strict=True):
        print(f"  {rule:34s} {value:+.3f}  fired in {fired}")
    if not args.dry_run:
        write_weights(bias, coef, rules)
        print(f"weights written to {resources.path(opinion.RESOURCE)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
