"""What the techniques analyser adds to the analysis time of the seeds, in one process.

Runs `engine.analyze_many` on the seed articles (copied `--copies` times) for several
rounds, timing the calls to `techniques.find_techniques` inside it, and reports the median
share: technique time / (analysis time without it). The target is at most 10 %.

Usage: PYTHONPATH=. .venv/bin/python benchmarks/bench_techniques.py [--rounds 5] [--copies 10]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from framelens import engine
from framelens.analyzers import techniques

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _read(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def _timed(function: Callable[..., Any], spent: list[float]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - started)
    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--copies", type=int, default=10)
    args = parser.parse_args()
    texts = [_read(path) for path in SEEDS] * args.copies
    engine.analyze_many(texts[:2])  # load the model and the resources once
    spent: list[float] = []
    techniques.find_techniques = _timed(techniques.find_techniques, spent)  # type: ignore
    shares, totals = [], []
    for _ in range(args.rounds):
        spent.clear()
        started = time.perf_counter()
        engine.analyze_many(texts)
        total = time.perf_counter() - started
        own = sum(spent)
        shares.append(own / (total - own))
        totals.append(total)
    print(f"{len(texts)} texts, {args.rounds} rounds: analysis {statistics.median(totals):.2f} s "
          f"(median); techniques add {100 * statistics.median(shares):.1f} % "
          f"(min {100 * min(shares):.1f} %, max {100 * max(shares):.1f} %; target <= 10 %)")


if __name__ == "__main__":
    main()
