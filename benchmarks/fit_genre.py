"""Fit the genre feature centres and scales of `resources/genre.toml`, measured out of fold.

Reads the genre data beside the benchmark scorer (Guardian editorials as `opinion`, PolNeAR
news articles as `reporting`) through the scorer's own loader and analyses every document
once with FrameLens. For each feature of `genre.toml` the centre is the midpoint between
the class medians and the scale the mean of the two classes' interquartile ranges; the
weights, cap and bias stay as set by hand in the file. There is no training split, so the
documents are cut into two halves (news by outlet, so that no outlet is in both halves;
editorials alternately): the centres and scales written to the file are fitted on half 0
only, and the figures reported are the macro-F1 on half 1 (never seen by that fit) and
the 2-fold out-of-fold macro-F1 (each half classified by the other half's fit). They are
written into the `[fitted]` block at the end of `genre.toml`; no benchmark text is stored.

    .venv/bin/python benchmarks/fit_genre.py            # fit, report, write the [fitted] block
    .venv/bin/python benchmarks/fit_genre.py --dry-run  # fit and report only
"""

from __future__ import annotations

import argparse
import importlib.util
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


def halves(items: Sequence[Mapping[str, Any]]) -> list[int]:
    """Fold 0 or 1 per document. News is split by outlet (the outlets in sorted order go
    alternately to the two halves, so no outlet is in both), editorials alternately in
    file-name order: each half is fitted without seeing the other half's outlets."""
    outlets = sorted({_outlet(item) for item in items if item["gold"] != "opinion"})
    editorials = sorted(item["id"] for item in items if item["gold"] == "opinion")
    return [editorials.index(item["id"]) % 2 if item["gold"] == "opinion"
            else outlets.index(_outlet(item)) % 2 for item in items]


def _outlet(item: Mapping[str, Any]) -> str:
    return Path(str(item["id"])).name.split("_")[0]


def two_fold(values: Values, gold: Sequence[int], fold_of: Sequence[int],
             model: Mapping[str, Any]) -> tuple[list[int], dict[int, Fitted]]:
    """Out-of-fold predictions: fitted on one half, each document classified by the fit of
    the other half; and the fit of each half."""
    names = list(model["features"])
    pred = [0] * len(gold)
    fits: dict[int, Fitted] = {}
    for fold in (0, 1):
        train = [i for i in range(len(gold)) if fold_of[i] == fold]
        test = [i for i in range(len(gold)) if fold_of[i] != fold]
        fits[fold] = fit([values[i] for i in train], [gold[i] for i in train], names)
        for index, label in zip(test, predict([values[i] for i in test], fits[fold], model),
                                strict=True):
            pred[index] = label
    return pred, fits


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
    """Analyse the genre data once, fit on each half, report and (unless --dry-run) write."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="report only, write nothing")
    args = parser.parse_args(argv)
    model = resources.load_toml(genre.RESOURCE)
    names = list(model["features"])
    items = load_items()
    gold = [1 if item["gold"] == "opinion" else 0 for item in items]
    analyses = engine.analyze_many([item["text"] for item in items])
    values = [genre.features(a.text, a.sentences, a.quotes, a.metrics) for a in analyses]
    fold_of = halves(items)
    out_of_fold, fits = two_fold(values, gold, fold_of, model)
    fitted = fits[0]
    print(f"{len(items)} documents ({sum(gold)} opinion, {len(gold) - sum(gold)} reporting)")
    print("feature            opinion-median  reporting-median  centre(half 0)  scale")
    for name in names:
        medians = [statistics.median(v[name] for v, g in zip(values, gold, strict=True)
                                     if g == cls and v[name] is not None) for cls in (1, 0)]
        print(f"{name:18} {medians[0]:14.3f}  {medians[1]:16.3f}  {fitted['centre'][name]:12.3f}"
              f"  {fitted['scale'][name]:7.3f}")
    held_out = [i for i in range(len(gold)) if fold_of[i] == 1]
    shipped = predict([values[i] for i in held_out], fitted, model)
    outlets = sorted({_outlet(item) for item, f in zip(items, fold_of, strict=True)
                      if f == 0 and item["gold"] != "opinion"})
    summary = [
        f"{len(gold)} documents ({sum(gold)} Guardian editorials, {len(gold) - sum(gold)} "
        "PolNeAR news) in two halves: news split by outlet, editorials alternately.",
        f"These centres and scales are fitted on half 0 only ({fold_of.count(0)} documents; "
        f"news from {', '.join(outlets)}).",
        f"Half 1, never seen by this fit: macro-F1 "
        f"{macro_f1([gold[i] for i in held_out], shipped):.3f}.",
        f"2-fold out-of-fold (each half classified by the other half's fit): macro-F1 "
        f"{macro_f1(gold, out_of_fold):.3f}.",
    ]
    print("\n".join(summary))
    if not args.dry_run:
        write_fitted(fitted, summary)
        print(f"centres and scales written to {resources.path(genre.RESOURCE)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
