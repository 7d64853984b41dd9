"""Fit the alignment model (resources/alignment_model.json) and report cross-validated figures.

Reads `../shared/benchmarks/alignment/` (dev data, never copied into the project) and
analyses every document once (cached in a pickle). Then:

1. **Sentence similarity** (linear, least squares) on STS-B news: gold score / 5 from the
   lexical cosine, the paraphrase scores and whether the numbers differ; 5-fold CV Pearson.
2. **Article similarity** (logistic) on ECB+ same- vs different-event article pairs, and
3. **link probability** (logistic) on ECB+ labelled sentence pairs, with
4. the thresholds (`align`, `only`, `related`) chosen on a grid,

all by leave-one-topic-out CV over the 8 ECB+ dev topics: each topic is predicted by the
models and thresholds fitted on the other seven. The objective for the thresholds is pair F1
+ 0.5 x only-in F1 over all labelled pairs (as the scorer counts them), minus a penalty when
more than 3 % of the labelled sentence pairs of the *different-event* article pairs are
aligned. STS-B news Pearson of the article `similarity` is reported by 5-fold CV (the
sentence model refitted on four folds). Finally everything is fitted on all the data and
written to resources/alignment_model.json (numbers only).

    .venv/bin/python benchmarks/fit_alignment.py --cache /tmp/align [--write]
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from framelens import alignment, alignment_model, engine, resources
from framelens.alignment_model import Features, Linear, Model
from framelens.model import Analysis

BENCH = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "alignment"
GRID = {"align": tuple(float(x) for x in np.round(np.arange(0.2, 0.85, 0.05), 2)),
        "only": (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4),
        # capped at 0.55: an op-ed and a wire report about the same events (the sample
        # pair in seeds/, similarity 0.60) must not be called unrelated
        "related": (0.2, 0.3, 0.4, 0.5, 0.55)}
FOLDS = 5
L2 = 0.3


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


def covers(gold: Sequence[Any], analysis: Analysis) -> list[set[int]]:
    """For each gold sentence, the system sentences that cover it (as the scorer maps
    them: overlap >= half the shorter)."""
    out: list[set[int]] = [set() for _ in gold]
    for position, s in enumerate(analysis.sentences):
        for index, (start, end) in enumerate(gold):
            overlap = min(end, s.end) - max(start, s.start)
            if overlap > 0 and overlap >= min(end - start, s.end - s.start) / 2:
                out[index].add(position)
    return out


@dataclass
class Pair:
    """One article pair: its gold, its features, and how gold sentences map to ours."""

    gold: dict[str, Any]
    found: Features
    cover_a: list[set[int]]
    cover_b: list[set[int]]


def prepare(pairs: Sequence[dict[str, Any]], docs: dict[str, Any]) -> list[Pair]:
    out = []
    for pair in pairs:
        (ga, aa), (gb, ab) = docs[pair["a"]], docs[pair["b"]]
        out.append(Pair(pair, alignment.features(aa, ab, alignment.Params()),
                        covers(ga["sentences"], aa), covers(gb["sentences"], ab)))
    return out


# --- fitting -----------------------------------------------------------------------------

def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = L2) -> Linear:
    """L2-regularised logistic regression by Newton's method (bias not penalised)."""
    design = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(design.shape[1])
    penalty = l2 * np.diag(np.r_[np.ones(len(w) - 1), 0.0])
    for _ in range(30):
        p = 1 / (1 + np.exp(-np.clip(design @ w, -30, 30)))
        grad = design.T @ (p - y) + penalty @ w
        hess = (design * (p * (1 - p))[:, None]).T @ design + penalty + 1e-9 * np.eye(len(w))
        w -= np.linalg.solve(hess, grad)
    return Linear(tuple(float(v) for v in w[:-1]), float(w[-1]))


def fit_linear(x: np.ndarray, y: np.ndarray) -> Linear:
    w = np.linalg.lstsq(np.hstack([x, np.ones((len(x), 1))]), y, rcond=None)[0]
    return Linear(tuple(float(v) for v in w[:-1]), float(w[-1]))


def sentence_rows(pairs: Sequence[Pair]) -> tuple[np.ndarray, np.ndarray]:
    """STS-B: each pair's sentence features (mean best over its sentences) and gold / 5."""
    x = [[alignment_model.mean_best(c) for c in alignment_model.sentence_columns(p.found)]
         for p in pairs]
    return np.array(x), np.array([p.gold["gold_similarity"] / 5 for p in pairs])


def fit_sentence(pairs: Sequence[Pair]) -> Linear:
    return fit_linear(*sentence_rows(pairs))


def article_rows(pairs: Sequence[Pair], sentence: Linear) -> tuple[np.ndarray, np.ndarray]:
    model = Model(sentence, sentence, sentence, {})
    x = [[float(c) for c in alignment_model.article_columns(
        p.found, model.sentence_similarity(p.found))] for p in pairs]
    return np.array(x), np.array([p.gold.get("kind") == "same_event" for p in pairs], float)


def link_rows(pairs: Sequence[Pair], model: Model) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for p in pairs:
        sentence = model.sentence_similarity(p.found)
        columns = alignment_model.link_columns(p.found, sentence,
                                               model.article_similarity(p.found, sentence))
        evidence = (p.found.anchors > 0) | (sentence >= alignment.MEANING_SHOWN)
        for i, j, gold in p.gold["labels"]:
            for x in p.cover_a[i]:
                for y in p.cover_b[j]:
                    if not evidence[x, y]:  # never linked, whatever the model says
                        continue
                    xs.append([float(c[x, y]) for c in columns])
                    ys.append(gold)
    return np.array(xs), np.array(ys, float)


JOINT: list[Pair] = []  # STS-B pairs the article model also learns from (soft labels)


def fit_model(ecb: Sequence[Pair], sentence: Linear) -> Model:
    x, y = article_rows(ecb, sentence)
    if JOINT:
        xs, _ = article_rows(JOINT, sentence)
        ys = np.array([p.gold["gold_similarity"] / 5 for p in JOINT])
        x, y = np.vstack([x, xs]), np.r_[y, ys]
    article = fit_logistic(x, y)
    partial = Model(sentence, article, sentence, {})
    link = fit_logistic(*link_rows(ecb, partial))
    return Model(sentence, article, link, {})


# --- scoring -----------------------------------------------------------------------------

@dataclass
class Readout:
    """What the thresholds act on for one pair, per labelled and validated gold sentence."""

    kind: str
    topic: int
    similarity: float
    any_link: float
    label_link: np.ndarray  # best link over the system pairs covering each labelled pair
    labels: np.ndarray
    only_best: np.ndarray  # per validated sentence: lowest best similarity of a cover
    only_gold: np.ndarray
    names_apart: bool
    setting: tuple[float, float, float] = (0.5, 0.1, 0.5)  # the fold's thresholds


def readout(p: Pair, model: Model) -> Readout:
    scores = alignment.score(p.found, model)
    link = scores.link
    # the link probability where it may count; pairs the lexical rule links always count
    usable = np.where(scores.overlap, 2.0, np.where(scores.evidence, link, -1.0))
    label_link, labels = [], []
    for i, j, gold in p.gold["labels"]:
        values = [usable[x, y] for x in p.cover_a[i] for y in p.cover_b[j]]
        label_link.append(max(values, default=-1.0))
        labels.append(gold)
    only_best, only_gold = [], []
    for side, cover, terms, axis in (("a", p.cover_a, scores.has_terms_a, 1),
                                     ("b", p.cover_b, scores.has_terms_b, 0)):
        sentence = scores.sentence
        best = sentence.max(axis) if sentence.size else np.zeros(len(terms))
        gold_only = set(p.gold.get(f"only_{side}", ()))
        for i in p.gold.get(f"validated_{side}", ()):
            values = [best[x] for x in cover[i] if terms[x]]
            only_best.append(min(values, default=np.inf))
            only_gold.append(i in gold_only)
    return Readout(p.gold["kind"], p.gold["topic"], scores.similarity,
                   float(usable.max()) if usable.size else 0.0, np.array(label_link),
                   np.array(labels, bool), np.array(only_best), np.array(only_gold, bool),
                   scores.names_apart)


def counts(r: Readout, align: float, only: float, related: float) -> np.ndarray:
    """tp fp fn for pairs, tp fp fn for only, labelled pairs, predicted-aligned pairs."""
    is_related = r.similarity >= related and r.any_link >= align and not r.names_apart
    hit = (r.label_link >= align) & is_related
    only_hit = np.isfinite(r.only_best) & ((r.only_best < only) | (not is_related))
    return np.array([(hit & r.labels).sum(), (hit & ~r.labels).sum(), (~hit & r.labels).sum(),
                     (only_hit & r.only_gold).sum(), (only_hit & ~r.only_gold).sum(),
                     (~only_hit & r.only_gold).sum(), len(r.labels), hit.sum()], float)


def f1(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def auc(pos: Sequence[float], neg: Sequence[float]) -> float:
    a, b = np.array(pos)[:, None], np.array(neg)[None, :]
    return float((a > b).mean() + 0.5 * (a == b).mean()) if a.size and b.size else 0.0


def metrics(readouts: Sequence[Readout], setting: tuple[float, float, float]) -> dict[str, float]:
    same, diff = np.zeros(8), np.zeros(8)
    for r in readouts:
        if r.kind == "same_event":
            same += counts(r, *setting)
        else:
            diff += counts(r, *setting)
    both = same + diff
    pp, pr, pf = f1(*both[:3])
    op, orr, of = f1(*both[3:6])
    return {"pair_p": pp, "pair_r": pr, "pair_f1": pf, "pair_f1_same": f1(*same[:3])[2],
            "fpr_diff": diff[7] / diff[6] if diff[6] else 0.0, "only_p": op, "only_r": orr,
            "only_f1": of, "only_f1_same": f1(*same[3:6])[2],
            "sim_auc": auc([r.similarity for r in readouts if r.kind == "same_event"],
                           [r.similarity for r in readouts if r.kind != "same_event"])}


# Thresholds are chosen on the training topics with this much room below the 0.10 target:
# held-out topics leak more (0.08 gave a CV FPR of 0.19, 0.03 gave 0.09).
FPR_MARGIN = 0.03


def objective(m: dict[str, float]) -> float:
    return m["pair_f1"] + 0.5 * m["only_f1"] - 3 * max(0.0, m["fpr_diff"] - FPR_MARGIN)


# The "only in" figures are flat over a range of `only` (few same-event sentences are
# gold "only"): among settings this close to the best, the largest `only` is taken, so
# that a sentence with no counterpart is reported rather than hidden.
TIE = 0.002


def choose(readouts: Sequence[Readout]) -> tuple[float, float, float]:
    grid = itertools.product(GRID["align"], GRID["only"], GRID["related"])
    scored = {s: objective(metrics(readouts, s)) for s in grid}
    best = max(scored.values())
    return max((s for s, value in scored.items() if value >= best - TIE),
               key=lambda s: (s[1], scored[s]))


def sts_pearson(sts: Sequence[Pair], model: Model) -> float:
    pred = [alignment.score(p.found, model).similarity for p in sts]
    return float(np.corrcoef(pred, [p.gold["gold_similarity"] for p in sts])[0, 1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", type=Path, default=Path("/tmp"))
    parser.add_argument("--write", action="store_true",
                        help="write the model fitted on all data to resources/")
    parser.add_argument("--fpr-margin", type=float, default=FPR_MARGIN)
    parser.add_argument("--joint", action="store_true")
    args = parser.parse_args()
    globals()["FPR_MARGIN"] = args.fpr_margin
    ecb_docs = load("ecbplus_dev", args.cache)
    sts_docs = load("stsb_news_dev", args.cache)
    ecb = prepare([json.loads(line) for line in (BENCH / "ecbplus_dev" / "pairs.jsonl").open()],
                  ecb_docs)
    sts = prepare([json.loads(line) for line in (BENCH / "stsb_news_dev" / "pairs.jsonl")
                   .open()], sts_docs)
    order = np.random.default_rng(0).permutation(len(sts))
    folds = [set(order[k::FOLDS].tolist()) for k in range(FOLDS)]
    sentence = fit_sentence(sts)
    if args.joint:
        JOINT.extend(sts)

    # STS-B: sentence model by 5-fold CV, article model fitted on ECB+ (never on STS-B)
    sentence_cv, similarity_cv = np.zeros(len(sts)), np.zeros(len(sts))
    for fold in folds:
        train = [p for k, p in enumerate(sts) if k not in fold]
        if args.joint:
            JOINT[:] = train
        model = fit_model(ecb, fit_sentence(train))
        for k in fold:
            sentence_cv[k] = model.sentence_similarity(sts[k].found).max(initial=0.0)
            similarity_cv[k] = alignment.score(sts[k].found, model).similarity
    gold = [p.gold["gold_similarity"] for p in sts]
    print(f"STS-B news, 5-fold CV Pearson: sentence similarity "
          f"{np.corrcoef(sentence_cv, gold)[0, 1]:.3f}, article similarity "
          f"{np.corrcoef(similarity_cv, gold)[0, 1]:.3f}")

    if args.joint:
        JOINT[:] = sts
    # ECB+: leave one topic out (the sentence model is fitted on STS-B only)
    topics = sorted({p.gold["topic"] for p in ecb})
    held_out: list[Readout] = []
    for topic in topics:
        train = [p for p in ecb if p.gold["topic"] != topic]
        model = fit_model(train, sentence)
        setting = choose([readout(p, model) for p in train])
        held_out += [replace(readout(p, model), setting=setting)
                     for p in ecb if p.gold["topic"] == topic]
        print(f"topic {topic} held out: align/only/related {setting}")
    cv = _cv_metrics(held_out)
    print("ECB+ CV (leave one topic out):", _fmt(cv))

    final = fit_model(ecb, sentence)
    readouts = [readout(p, final) for p in ecb]
    setting = choose(readouts)
    final = replace(final, thresholds=dict(zip(("align", "only", "related"), setting,
                                               strict=True)))
    print("chosen on all topics:", final.thresholds)
    print("ECB+ dev, in-sample:", _fmt(metrics(readouts, setting)))
    print(f"STS-B news Pearson, in-sample: {sts_pearson(sts, final):.3f}")
    if args.write:
        path = resources.path(alignment_model.RESOURCE)
        path.write_text(json.dumps(final.to_json(), indent=1) + "\n", encoding="utf-8")
        print("wrote", path)


def _cv_metrics(held_out: Sequence[Readout]) -> dict[str, float]:
    """Pooled figures of the held-out topics, each read with its own fold's thresholds."""
    same, diff = np.zeros(8), np.zeros(8)
    for r in held_out:
        c = counts(r, *r.setting)
        if r.kind == "same_event":
            same += c
        else:
            diff += c
    both = same + diff
    pp, pr, pf = f1(*both[:3])
    return {"pair_p": pp, "pair_r": pr, "pair_f1": pf, "pair_f1_same": f1(*same[:3])[2],
            "fpr_diff": diff[7] / diff[6] if diff[6] else 0.0, "only_f1": f1(*both[3:6])[2],
            "only_f1_same": f1(*same[3:6])[2],
            "sim_auc": auc([r.similarity for r in held_out if r.kind == "same_event"],
                           [r.similarity for r in held_out if r.kind != "same_event"])}


def _fmt(m: dict[str, float]) -> str:
    return ", ".join(f"{k} {v:.3f}" for k, v in m.items())


if __name__ == "__main__":
    main()
