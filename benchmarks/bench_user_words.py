"""Cost of the user's own words: analysing the seeds with a word list and a set of
corrections applied, against the plain analysis, in one process.

A word list of 200 entries (loaded words, hedges, boosters, ignores; made up here, not
taken from any data set) is merged into the lexicon once per set of words (cached), and the
corrections are a pure function applied after analysis. The two runs alternate for several
rounds and the medians are compared, because the machine is shared; the first merge of the
lexicon (uncached) is timed on its own. Usage:
.venv/bin/python benchmarks/bench_user_words.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
CATEGORIES = ("loaded", "hedge", "booster", "ignore")


def _words():
    from framelens.wordlists import UserEntry, UserWords

    entries = []
    for index in range(200):
        category = CATEGORIES[index % 4]
        term = f"zq{index}word" if index % 5 else f"zq{index} two words"
        entries.append(UserEntry(term, category if category != "loaded" else "loaded_language",
                                 f"user.bench{index}", "bench", alternative="plain"))
    entries.append(UserEntry("regime", "ignore", "user.regime", "bench"))
    return UserWords(tuple(entries))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    from framelens import corrections, engine
    from framelens.analyzers.user_lexicon import lexicon_with

    texts = [path.read_text(encoding="utf-8") for path in SEEDS]
    engine.analyze_many(texts)  # load the model and side data first
    words = _words()
    start = time.perf_counter()
    lexicon_with(words)
    merge = time.perf_counter() - start
    plain, mine = [], []
    for _ in range(args.rounds):
        start = time.perf_counter()
        engine.analyze_many(texts)
        plain.append(time.perf_counter() - start)
        start = time.perf_counter()
        analyses = engine.analyze_many(texts, words=words)
        for analysis in analyses:
            kept = [corrections.remove_mark(analysis.text, span)
                    for span in analysis.spans[:20]]
            corrections.apply(analysis, kept)
        mine.append(time.perf_counter() - start)
    p, m = statistics.median(plain), statistics.median(mine)
    print(f"seeds: {len(texts)} articles, {args.rounds} rounds")
    print(f"plain analysis (median): {p:.3f} s")
    print(f"with 201 user words + 20 corrections per article (median): {m:.3f} s")
    print(f"ratio: {m / p:.3f}")
    print(f"first merge of the lexicon (uncached): {merge * 1000:.1f} ms")


if __name__ == "__main__":
    main()
