"""Fit the genre feature centres: midpoints between the class medians of editorials and news.

Reads the genre data beside the benchmark scorer (Guardian editorials as `opinion`, PolNeAR
news articles as `reporting`) through the scorer's own loader, analyses every document with
FrameLens, and prints, for each feature of `resources/genre.toml`, the median of each class
and their midpoint. The printed centres are copied into `genre.toml` by hand; no benchmark
text is stored. Because the data are the dev split, a genre figure measured after fitting is
an in-sample figure: the README says so.

    .venv/bin/python benchmarks/fit_genre.py
"""

from __future__ import annotations

import importlib.util
import statistics
import sys
from pathlib import Path

from framelens import engine
from framelens.analyzers import genre

BENCH = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"


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


def main() -> int:
    items = load_items()
    analyses = engine.analyze_many([item["text"] for item in items])
    values: dict[str, dict[str, list[float]]] = {}
    for item, analysis in zip(items, analyses, strict=True):
        for name, value in genre.features(analysis.sentences, analysis.metrics).items():
            values.setdefault(name, {}).setdefault(item["gold"], []).append(value)
    print(f"{len(items)} documents")
    print("feature            opinion-median  reporting-median  centre")
    for name, by_class in values.items():
        high = statistics.median(by_class["opinion"])
        low = statistics.median(by_class["reporting"])
        print(f"{name:18} {high:14.3f}  {low:16.3f}  {(high + low) / 2:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
