"""Speed of `compare` (analysis of both seeds plus alignment, framing and actors) against
analysing both seeds, in one process.

Target (issue 15): compare takes at most 1.2x the time of analysing both articles. The
two are run alternately for several rounds and the medians compared, because the machine
is shared. Usage: .venv/bin/python benchmarks/bench_compare.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    from framelens import engine
    from framelens.comparison import compare

    texts = [path.read_text(encoding="utf-8") for path in SEEDS]
    engine.analyze_many(texts)  # load the model and side data first
    analyse, both = [], []
    for _ in range(args.rounds):
        start = time.perf_counter()
        analyses = engine.analyze_many(texts)
        analyse.append(time.perf_counter() - start)
        start = time.perf_counter()
        compare(*engine.analyze_many(texts))
        both.append(time.perf_counter() - start)
    a, c = statistics.median(analyse), statistics.median(both)
    start = time.perf_counter()
    compare(*analyses)
    alone = time.perf_counter() - start
    print(f"analyse both seeds: {a:.2f} s; analyse + compare: {c:.2f} s; ratio {c / a:.2f} "
          f"(target <= 1.2); compare alone on analysed seeds: {alone * 1000:.0f} ms")


if __name__ == "__main__":
    main()
