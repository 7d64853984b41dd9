"""Speed of `framelens analyze` against the bare spaCy pipeline, in one process.

Measures, on the two seed articles and on 200 copies of them:
  * the bare pipeline: `nlp.pipe(texts)` with the same model on the same whole texts;
  * the bare pipeline on FrameLens's own blocks (the lines it parses, boilerplate left out),
    which isolates what the analysers add on top of parsing;
  * FrameLens: `engine.analyze_many(texts)` (boilerplate, parsing, every analyser, metrics);
and reports words per second and the ratio FrameLens / bare (target <= 1.3). The two are
run alternately, several rounds, and the median is reported, because the machine is shared.
Also reports the start-up of the `framelens analyze` command on one file (a subprocess).

Usage: .venv/bin/python benchmarks/bench_speed.py [--rounds 3] [--copies 200]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _read(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def _timed(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def measure(texts: list[str], rounds: int) -> dict[str, float]:
    """Median seconds of the bare pipeline and of FrameLens over `rounds` alternating runs."""
    from framelens import engine
    from framelens.analyzers.boilerplate import find_boilerplate
    from framelens.nlp.parsed import block_ranges
    from framelens.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    blocks = []
    for text in texts:
        debris = [(s.start, s.end) for s in find_boilerplate(text)]
        blocks.extend(text[start:end] for start, end in block_ranges(text, debris))
    bare, bare_blocks, ours = [], [], []
    for _ in range(rounds):
        bare.append(_timed(lambda: list(nlp.pipe(texts))))
        bare_blocks.append(_timed(lambda: list(nlp.pipe(blocks, batch_size=64))))
        ours.append(_timed(lambda: engine.analyze_many(texts)))
    return {"bare": statistics.median(bare), "bare_blocks": statistics.median(bare_blocks),
            "framelens": statistics.median(ours)}


def cli_startup(path: Path, rounds: int) -> float:
    """Median wall time of `framelens analyze PATH --json OUT` as a fresh process."""
    times = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.json"
        for _ in range(rounds):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "framelens", "analyze", str(path), "--json",
                            str(out)], check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--copies", type=int, default=200)
    args = parser.parse_args()

    from framelens import engine
    from framelens.nlp.pipeline import model_name

    seeds = [_read(p) for p in SEEDS]
    engine.warm_up()
    print(f"model: {model_name()}; rounds: {args.rounds} (median)")
    print("| texts | words | bare spaCy s | bare spaCy on FrameLens blocks s | FrameLens s "
          "| bare words/s | FrameLens words/s | ratio to bare | ratio to bare on blocks |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, texts in (("2 seeds", seeds),
                        (f"{args.copies} copies", seeds * (args.copies // len(seeds)))):
        words = sum(len(t.split()) for t in texts)
        result = measure(texts, args.rounds)
        ratio = result["framelens"] / result["bare"]
        ratio_blocks = result["framelens"] / result["bare_blocks"]
        print(f"| {name} | {words:,} | {result['bare']:.2f} | {result['bare_blocks']:.2f} | "
              f"{result['framelens']:.2f} | {words / result['bare']:,.0f} | "
              f"{words / result['framelens']:,.0f} | {ratio:.2f}x | {ratio_blocks:.2f}x |")
    startup = cli_startup(SEEDS[1], args.rounds)
    print(f"\n`framelens analyze` on one seed, whole process (start-up included): {startup:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
