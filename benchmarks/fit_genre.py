"""Fit the genre feature centres and scales of `resources/genre.toml`, with an honest estimate.

Reads the genre data beside the benchmark scorer (Guardian editorials as `opinion`, PolNeAR
news articles as `reporting`) through the scorer's own loader and analyses every document
once with FrameLens. For each feature of `genre.toml` the centre is the midpoint between
the class medians and the scale the mean of the two classes' interquartile ranges; the
weights, cap and bias stay as set by hand in the file. Because there is no training split,
the macro-F1 after fitting on all documents is in-sample; the script therefore also
cross-validates the fitting procedure (stratified 5-fold, CV_SHUFFLES shuffles: centres and
scales fitted on the training folds only, the held-out fold classified with
`genre.classify`'s formula) and prints the mean macro-F1. It then writes the centres,
scales and both figures into the `[fitted]` block at the end of `genre.toml`; no benchmark
text is stored.

    .venv/bin/python benchmarks/fit_genre.py            # fit, report, write the [fitted] block
    .venv/bin/python benchmarks/fit_genre.py --dry-run  # fit and report only
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import statistics
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from framelens import engine, resources
from framelens.analyzers import genre
from framelens.fileio import atomic_output

BENCH = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"
MARKER = "# --- fitted centres and scales"
FOLDS = 5
CV_SHUFFLES = 10

Values = list[dict[str, float | None]]
Fitted = dict[str, dict[str, float]]


def load_items() -> list[dict]:
    """The genre items (text, gold) through the scorer's loader."""
    spec = importlib.util.spec_from_file_location("score", BENCH / "score.py")
    assert spec is not None and spec.loader is not None
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    for task, _name, loader in score.discover(str(BENCH)):
        if task == "genre":
            return loader()[0]
    raise SystemExit("no genre data found beside score.py")


def _quartile_range(values: Sequence[float]) -> float:
    """The interquartile range (0 for fewer than two values)."""
    if len(values) < 2:
        return 0.0
    lower, _, upper = statistics.quantiles(values, n=4, method="inclusive")
    return upper - lower


def fit(values: Values, gold: Sequence[int], names: Sequence[str]) -> Fitted:
    """Centre = midpoint of the class medians; scale = mean of the class IQRs.

    A feature whose classes both have no spread falls back to half the distance between
    the medians, then to 1, so that the scale is never zero.
    """
    fitted: Fitted = {"centre": {}, "scale": {}}
    for name in names:
        by_class = [[v[name] for v, g in zip(values, gold, strict=True)
                     if g == cls and v[name] is not None] for cls in (1, 0)]
        high, low = (statistics.median(c) for c in by_class)
        spread = (_quartile_range(by_class[0]) + _quartile_range(by_class[1])) / 2
        fitted["centre"][name] = (high + low) / 2
        fitted["scale"][name] = spread or abs(high - low) / 2 or 1.0
    return fitted


def predict(values: Values, fitted: Fitted, model: Mapping[str, Any]) -> list[int]:
    """1 (opinion) or 0 per document, with `genre.classify`'s formula."""
    table = {name: {**spec, "centre": fitted["centre"][name], "scale": fitted["scale"][name]}
             for name, spec in model["features"].items()}
    bias, cap = float(model["model"]["bias"]), float(model["model"]["cap"])
    return [int(bias + sum(genre.pushes(v, table, cap).values()) >= 0) for v in values]


def macro_f1(gold: Sequence[int], pred: Sequence[int]) -> float:
    """Mean F1 of the two classes."""
    scores = []
    for cls in (0, 1):
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == cls and p == cls)
        wrong = sum(1 for g, p in zip(gold, pred, strict=True) if (g == cls) != (p == cls))
        scores.append(2 * tp / (2 * tp + wrong) if tp else 0.0)
    return sum(scores) / 2


def cross_validate(values: Values, gold: Sequence[int], model: Mapping[str, Any]) -> list[float]:
    """Macro-F1 of stratified FOLDS-fold CV, one figure per shuffle (seeds 0..CV_SHUFFLES-1)."""
    names = list(model["features"])
    results = []
    for seed in range(CV_SHUFFLES):
        rng = random.Random(seed)
        fold_of = [0] * len(gold)
        for cls in (0, 1):
            members = [i for i, g in enumerate(gold) if g == cls]
            rng.shuffle(members)
            for rank, index in enumerate(members):
                fold_of[index] = rank % FOLDS
        pred = [0] * len(gold)
        for fold in range(FOLDS):
            train = [i for i in range(len(gold)) if fold_of[i] != fold]
            test = [i for i in range(len(gold)) if fold_of[i] == fold]
            fitted = fit([values[i] for i in train], [gold[i] for i in train], names)
            for index, label in zip(test, predict([values[i] for i in test], fitted, model),
                                    strict=True):
                pred[index] = label
        results.append(macro_f1(gold, pred))
    return results


def write_fitted(fitted: Fitted, summary: Sequence[str]) -> None:
    """Replace the `[fitted]` block at the end of the resource file."""
    target = resources.path(genre.RESOURCE)
    text = target.read_text(encoding="utf-8")
    head = text[:text.index(MARKER)]
    lines = [f"{MARKER} (written by benchmarks/fit_genre.py; do not edit by hand) ---",
             *(f"# {line}" for line in summary), "[fitted.centre]"]
    lines += [f"{name} = {value:.4g}" for name, value in fitted["centre"].items()]
    lines += ["", "[fitted.scale]"]
    lines += [f"{name} = {value:.4g}" for name, value in fitted["scale"].items()]
    with atomic_output(target, binary=False) as handle:
        handle.write(head + "\n".join(lines) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Analyse the genre data once, fit, cross-validate and (unless --dry-run) write."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="report only, write nothing")
    args = parser.parse_args(argv)
    model = resources.load_toml(genre.RESOURCE)
    names = list(model["features"])
    items = load_items()
    gold = [1 if item["gold"] == "opinion" else 0 for item in items]
    analyses = engine.analyze_many([item["text"] for item in items])
    values = [genre.features(a.text, a.sentences, a.quotes, a.metrics) for a in analyses]
    fitted = fit(values, gold, names)
    print(f"{len(items)} documents ({sum(gold)} opinion, {len(gold) - sum(gold)} reporting)")
    print("feature            opinion-median  reporting-median  centre    scale")
    for name in names:
        medians = [statistics.median(v[name] for v, g in zip(values, gold, strict=True)
                                     if g == cls and v[name] is not None) for cls in (1, 0)]
        print(f"{name:18} {medians[0]:14.3f}  {medians[1]:16.3f}  {fitted['centre'][name]:7.3f}"
              f"  {fitted['scale'][name]:7.3f}")
    pred = predict(values, fitted, model)
    accuracy = sum(p == g for p, g in zip(pred, gold, strict=True)) / len(gold)
    cv = cross_validate(values, gold, model)
    summary = [
        f"Fitted on {len(gold)} documents ({sum(gold)} Guardian editorials, "
        f"{len(gold) - sum(gold)} PolNeAR news).",
        f"In-sample macro-F1 {macro_f1(gold, pred):.3f} (accuracy {accuracy:.3f}).",
        f"Stratified {FOLDS}-fold CV over {CV_SHUFFLES} shuffles: macro-F1 "
        f"{statistics.mean(cv):.3f} (sd {statistics.stdev(cv):.3f}, "
        f"range {min(cv):.3f}-{max(cv):.3f}).",
    ]
    print("\n".join(summary))
    if not args.dry_run:
        write_fitted(fitted, summary)
        print(f"centres and scales written to {resources.path(genre.RESOURCE)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
