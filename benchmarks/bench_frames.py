"""What the frames analyser adds to the analysis time of the seeds, in one process.

Times `engine.analyze_many` on the seed articles (every analyser, frames included) and, on
the same texts parsed once, the frames step alone (sentence frames, document shares,
headline check), alternating for several rounds; reports the medians and the ratio
frames / (analysis without frames) (target <= 10%). Also times the one-off loading of the
word vectors and the model (start-up, paid once per process).

Usage: .venv/bin/python benchmarks/bench_frames.py [--rounds 5] [--copies 10]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from framelens import engine
from framelens.analyzers import boilerplate, frames, headline
from framelens.nlp import embeddings, pipeline
from framelens.nlp.parsed import parse_many

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _timed(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--copies", type=int, default=10, help="copies of each seed per round")
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in SEEDS] * args.copies
    pipeline.load_pipeline()
    start_up = _timed(lambda: (embeddings.load(), frames.load_model()))
    engine.analyze_many(texts[:2])  # warm every analyser's one-off data
    debris = [boilerplate.find_boilerplate(t) for t in texts]
    parsed = parse_many(pipeline.load_pipeline(), texts,
                        [[(s.start, s.end) for s in d] for d in debris])
    analyses = engine.analyze_many(texts)

    def frames_step() -> None:
        for one, spans, analysis in zip(parsed, debris, analyses, strict=True):
            tags = frames.frame_sentences(one)
            frames.document_frames(tags)
            headline.check(one.text, analysis.sentences, spans)

    whole, step = [], []
    for _ in range(args.rounds):
        whole.append(_timed(lambda: engine.analyze_many(texts)))
        step.append(_timed(frames_step))
    whole_s, step_s = statistics.median(whole), statistics.median(step)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} texts, {words:,} words, median of {args.rounds} rounds")
    print(f"analysis (frames included): {whole_s:.2f} s; frames step: {step_s:.3f} s")
    print(f"frames add {step_s / (whole_s - step_s):.1%} to the analysis without them "
          f"(target <= 10%); one-off loading of vectors and model: {start_up:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
