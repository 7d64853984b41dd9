"""Time the PDF and HTML export of the two seeds against their analysis, in one process.

Run: .venv/bin/python benchmarks/bench_export.py [--repeat N]
Prints the analysis time, each export's time (median of N) and the ratio to the analysis.
The first export also pays for font registration; it is reported separately.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from framelens import engine
from framelens.cli import SEED_FILES, SEEDS_DIR
from framelens.comparison import compare
from framelens.export import html, pdf
from framelens.export.options import ExportOptions


def _timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    paths = [SEEDS_DIR / name for name in SEED_FILES]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    engine.analyze_many(texts[:1], [str(paths[0])])  # load the model outside the timing
    sources = [str(p) for p in paths]
    analyses: list = []
    analysis_time = _timed(lambda: analyses.extend(engine.analyze_many(texts, sources)))
    comparison = compare(*analyses)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        exports = {
            "pdf": lambda: pdf.write_pdf(analyses, comparison, str(out / "r.pdf"), ExportOptions()),
            "pdf side-by-side": lambda: pdf.write_pdf(
                analyses, comparison, str(out / "s.pdf"), ExportOptions(side_by_side=True)),
            "html": lambda: html.write_html(analyses, comparison, str(out / "r.html")),
        }
        first = _timed(exports["pdf"])
        print(f"analysis of the two seeds: {analysis_time:.2f} s")
        print(f"first PDF export (font registration included): {first:.2f} s")
        for name, action in exports.items():
            median = statistics.median(_timed(action) for _ in range(args.repeat))
            print(f"{name:>17}: {median:.2f} s (median of {args.repeat}), "
                  f"{median / analysis_time:.2f}x the analysis time")


if __name__ == "__main__":
    main()
