"""Choose the alignment weights and thresholds on ECB+ dev by leave-one-topic-out CV.

Reads `../shared/benchmarks/alignment/` (dev data, never copied into the project), analyses
every document once (cached in a pickle), then for each of the 8 topics picks the grid
setting that scores best on the other 7 and measures it on the held-out topic. The
objective is pair F1 + only-in F1 over all labelled pairs (as the scorer counts them), minus
a penalty when more than 8 % of the sentence pairs of the *different-event* article pairs
(two different events of the same kind, e.g. two DUI arrests) are aligned. Reports the CV
figures and the setting chosen on all topics; STS-B news Pearson is reported too.

    .venv/bin/python benchmarks/fit_alignment.py --cache /tmp/align
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from framelens import alignment, engine
from framelens.model import Analysis

BENCH = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "alignment"
GRID = {"name_weight": (1.5, 3.0), "people_weight": (0.5, 1.0),
        "align": (0.0, 0.04, 0.08, 0.12), "anchor": (0.25, 0.5, 1.5),
        "only": (0.02, 0.04, 0.06, 0.10), "related": (0.25, 0.30, 0.35, 0.40)}


def load(name: str, cache: Path) -> dict[str, tuple[dict[str, Any], Analysis]]:
    path = cache / f"{name}.pkl"
    if path.exists():
        with path.open("rb") as handle:
            return pickle.load(handle)  # noqa: S301 - our own cache
    docs = [json.loads(line) for line in (BENCH / name / "documents.jsonl").open()]
    analyses = engine.analyze_many([d["text"] for d in docs], [d["id"] for d in docs])
    table = {d["id"]: (d, a) for d, a in zip(docs, analyses, strict=True)}
    with path.open("wb") as handle:
        pickle.dump(table, handle)
    return table


def covers(gold: Sequence[int], analysis: Analysis) -> list[set[int]]:
    """For each system sentence, the gold sentences it covers (overlap >= half the shorter)."""
    out = []
    for s in analysis.sentences:
        hit = set()
        for index, (start, end) in enumerate(gold):
            overlap = min(end, s.end) - max(start, s.start)
            if overlap > 0 and overlap >= min(end - start, s.end - s.start) / 2:
                hit.add(index)
        out.append(hit)
    return out


def prepare(pairs: Sequence[dict[str, Any]], docs: dict[str, Any],
            params: alignment.Params) -> list[tuple[alignment.Scores, list[set[int]],
                                                     list[set[int]]]]:
    """Scores of every pair under the weights of `params` (thresholds applied later)."""
    out = []
    for pair in pairs:
        (ga, aa), (gb, ab) = docs[pair["a"]], docs[pair["b"]]
        ta, tb = alignment.sentence_terms(aa), alignment.sentence_terms(ab)
        scores = alignment.score(ta, tb, alignment._weights(ta, tb, params),
                                 alignment.main_people_shared(aa, ab), params.people_weight)
        out.append((scores, covers(ga["sentences"], aa), covers(gb["sentences"], ab)))
    return out


def predict(prepared: Any, params: alignment.Params) -> dict[str, Any]:
    scores, ca, cb = prepared
    linked, only_a, only_b, _ = alignment.decide(scores, params)
    pairs = {(i, j) for p, q in zip(*np.nonzero(linked), strict=True) for i in ca[p] for j in cb[q]}
    return {"linked": pairs, "only_a": {i for p in np.flatnonzero(only_a) for i in ca[p]},
            "only_b": {j for q in np.flatnonzero(only_b) for j in cb[q]},
            "sim": scores.similarity}


def counts(pair: dict[str, Any], pred: dict[str, Any]) -> np.ndarray:
    """tp fp fn for pairs, tp fp fn for only, labelled pairs, predicted-aligned pairs."""
    c = np.zeros(8)
    for i, j, gold in pair["labels"]:
        hit = (i, j) in pred["linked"]
        c[0] += hit and gold
        c[1] += hit and not gold
        c[2] += gold and not hit
        c[6] += 1
        c[7] += hit
    for side in ("a", "b"):
        gold_only = set(pair.get(f"only_{side}", ()))
        for i in pair.get(f"validated_{side}", ()):
            hit = i in pred[f"only_{side}"]
            c[3] += hit and i in gold_only
            c[4] += hit and i not in gold_only
            c[5] += i in gold_only and not hit
    return c


def f1(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def auc(pos: Sequence[float], neg: Sequence[float]) -> float:
    wins = sum((x > y) + 0.5 * (x == y) for x in pos for y in neg)
    return wins / max(1, len(pos) * len(neg))


def metrics(same: np.ndarray, diff: np.ndarray) -> dict[str, float]:
    """The scorer's figures: over all labelled pairs, and on same-event pairs alone."""
    both = same + diff
    pp, pr, pf = f1(*both[:3])
    op, orr, of = f1(*both[3:6])
    return {"pair_p": pp, "pair_r": pr, "pair_f1": pf, "pair_f1_same": f1(*same[:3])[2],
            "fpr_diff": diff[7] / diff[6] if diff[6] else 0.0, "only_p": op, "only_r": orr,
            "only_f1": of, "only_f1_same": f1(*same[3:6])[2]}


def objective(m: dict[str, float]) -> float:
    return m["pair_f1"] + m["only_f1"] - 3 * max(0.0, m["fpr_diff"] - 0.08)


WEIGHT_KEYS = ("name_weight", "people_weight")
THRESHOLD_KEYS = ("align", "anchor", "only", "related")


def settings(keys: Sequence[str], base: alignment.Params) -> list[alignment.Params]:
    return [replace(base, **dict(zip(keys, values, strict=True)))
            for values in itertools.product(*(GRID[k] for k in keys))]


def topic_counts(pairs: Sequence[dict[str, Any]], docs: dict[str, Any]) -> dict[Any, Any]:
    """(setting, topic, kind) -> summed counts, and (weights) -> similarities by kind/topic."""
    table: dict[Any, np.ndarray] = {}
    sims: dict[Any, list[tuple[int, str, float]]] = {}
    for weights in settings(WEIGHT_KEYS, alignment.DEFAULT):
        prepared = prepare(pairs, docs, weights)
        sims[weights] = [(p["topic"], p["kind"], prep[0].similarity)
                         for p, prep in zip(pairs, prepared, strict=True)]
        for params in settings(THRESHOLD_KEYS, weights):
            for pair, prep in zip(pairs, prepared, strict=True):
                key = (params, pair["topic"], pair["kind"])
                table[key] = table.get(key, np.zeros(8)) + counts(pair, predict(prep, params))
    return {"counts": table, "sims": sims}


def pooled(table: dict[Any, np.ndarray], params: alignment.Params,
           topics: Sequence[int]) -> dict[str, float]:
    same = sum((table.get((params, t, "same_event"), np.zeros(8)) for t in topics), np.zeros(8))
    diff = sum((table.get((params, t, "different_event"), np.zeros(8)) for t in topics),
               np.zeros(8))
    return metrics(same, diff)


def sim_auc(rows: Sequence[tuple[int, str, float]], topics: Sequence[int]) -> float:
    pos = [s for t, k, s in rows if k == "same_event" and t in topics]
    neg = [s for t, k, s in rows if k != "same_event" and t in topics]
    return auc(pos, neg)


def stsb(docs: dict[str, Any], params: alignment.Params) -> float:
    gold, pred = [], []
    for line in (BENCH / "stsb_news_dev" / "pairs.jsonl").open():
        pair = json.loads(line)
        gold.append(pair["gold_similarity"])
        pred.append(alignment.align(docs[pair["a"]][1], docs[pair["b"]][1], params).similarity)
    return float(np.corrcoef(gold, pred)[0, 1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", type=Path, default=Path("/tmp"))
    args = parser.parse_args()
    docs = load("ecbplus_dev", args.cache)
    same = [json.loads(line) for line in (BENCH / "ecbplus_dev" / "pairs.jsonl").open()]
    pairs = same  # 288 same-event and 128 different-event pairs
    topics = sorted({p["topic"] for p in pairs})
    found = topic_counts(pairs, docs)
    table = found["counts"]
    candidates = sorted({key[0] for key in table}, key=repr)
    same_cv, diff_cv = np.zeros(8), np.zeros(8)
    for topic in topics:
        rest = [t for t in topics if t != topic]
        best = max(candidates, key=lambda s: objective(pooled(table, s, rest)))
        same_cv += table.get((best, topic, "same_event"), np.zeros(8))
        diff_cv += table.get((best, topic, "different_event"), np.zeros(8))
        print(f"fold {topic}: {best}")
    print("CV (leave one topic out):", _fmt(metrics(same_cv, diff_cv)))
    final = max(candidates, key=lambda s: objective(pooled(table, s, topics)))
    print("chosen on all topics:", final)
    print("dev with it:", _fmt(pooled(table, final, topics)))
    weights = replace(alignment.DEFAULT, **{k: getattr(final, k) for k in WEIGHT_KEYS})
    print("similarity AUC same vs different event:",
          round(sim_auc(found["sims"][weights], topics), 3))
    print("STS-B news Pearson:", round(stsb(load("stsb_news_dev", args.cache), final), 3))


def _fmt(m: dict[str, float]) -> str:
    return ", ".join(f"{k} {v:.3f}" for k, v in m.items())


if __name__ == "__main__":
    main()
