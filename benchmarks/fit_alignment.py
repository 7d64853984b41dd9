"""Fit the alignment model (resources/alignment_model.json) and report cross-validated figures.

Reads `../shared/benchmarks/alignment/` (dev data, never copied into the project) and
analyses every document once (cached in a pickle). Then:

1. **Sentence similarity** (linear, least squares) on STS-B news: gold score / 5 from the
   lexical cosine, the paraphrase scores, whether the numbers differ and the all-words
   match of `framelens.sif`, whose common directions (the first `SIF_COMPONENTS`
   principal directions of the word vectors, Arora et al. 2017) are fitted on the training
   sentences only: within each STS-B fold on its training folds; for ECB+ and the shipped
   model on all of STS-B (never on ECB+); 5-fold CV Pearson.
2. **Article similarity** (logistic) on ECB+ same- vs different-event article pairs, and
3. **link probability** (logistic) on ECB+ labelled sentence pairs, with
4. the six thresholds of `alignment.Params` (`align`, `only`, `related`, `meaning`,
   `overlap_cosine`, `overlap_anchors`) chosen on a grid,

all by leave-one-topic-out CV over the 8 ECB+ dev topics: each topic is predicted by the
models and thresholds fitted on the other seven. The objective for the thresholds is pair F1
+ 0.5 x only-in F1 over all labelled pairs (as the scorer counts them), minus a penalty when
more than `FPR_MARGIN` of the labelled sentence pairs of the *different-event* article
pairs are aligned; settings that break the sample pair's checks (`Sample`) are not
considered.
STS-B news Pearson of the article `similarity` is reported by 5-fold CV (the sentence
model refitted on four folds). Finally everything is fitted on all the data and written to
resources/alignment_model.json (numbers only).

    PYTHONPATH=. .venv/bin/python benchmarks/fit_alignment.py --cache /tmp/align [--write]
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

from framelens import alignment, alignment_model, engine, resources, sif
from framelens.alignment_model import Features, Linear, Model
from framelens.model import Analysis

BENCH = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "alignment"
SETTING = ("align", "only", "related", "meaning", "overlap_cosine", "overlap_anchors")
GRID = {"align": (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8),
        "only": (0.2, 0.3, 0.4, 0.45),
        "related": (0.2, 0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9),
        "meaning": (0.3, 0.4, 0.5),
        "overlap_cosine": (0.08, 0.12, 0.16, 9.0),  # 9: no lexical rule
        "overlap_anchors": (0.25, 5.0)}
FOLDS = 5
L2 = 0.3
# Common directions removed by framelens.sif; chosen by the STS-B 5-fold CV Pearson of the
# sentence similarity (0: 0.800, 1: 0.805, 2: 0.809, 3: 0.811, 5: 0.810 in the first
# measurement, with the directions fitted inside each fold).
SIF_COMPONENTS = 2


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


def prepare(pairs: Sequence[dict[str, Any]], docs: dict[str, Any],
            common: np.ndarray) -> list[Pair]:
    out = []
    for pair in pairs:
        (ga, aa), (gb, ab) = docs[pair["a"]], docs[pair["b"]]
        out.append(Pair(pair, alignment.features(aa, ab, alignment.Params(), common),
                        covers(ga["sentences"], aa), covers(gb["sentences"], ab)))
    return out


def common_of(docs: dict[str, Any], ids: Sequence[str]) -> np.ndarray:
    """The common directions of the word vectors of the documents `ids`."""
    return sif.common_components([sif.words(docs[i][1]) for i in ids], SIF_COMPONENTS)


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
        evidence = (p.found.anchors > 0) | (sentence >= min(GRID["meaning"]))
        for i, j, gold in p.gold["labels"]:
            for x in p.cover_a[i]:
                for y in p.cover_b[j]:
                    if not evidence[x, y]:  # never linked, whatever the model says
                        continue
                    xs.append([float(c[x, y]) for c in columns])
                    ys.append(gold)
    return np.array(xs), np.array(ys, float)


def fit_model(ecb: Sequence[Pair], sentence: Linear) -> Model:
    article = fit_logistic(*article_rows(ecb, sentence))
    partial = Model(sentence, article, sentence, {})
    link = fit_logistic(*link_rows(ecb, partial))
    return Model(sentence, article, link, {})


# --- scoring -----------------------------------------------------------------------------

class Table:
    """Everything the thresholds act on, for all pairs at once (one row per system
    sentence pair, per labelled gold pair, per validated gold sentence)."""

    def __init__(self, pairs: Sequence[Pair], model: Model) -> None:
        link, sentence, anchors, cosine, owner = [], [], [], [], []
        cand_row, cand_label, label_gold, label_pair = [], [], [], []
        only_best, only_gold, only_pair = [], [], []
        # per system sentence (A ids, then B ids after all A ids): which flat pair rows are
        # its; per candidate "only" sentence: its best score, its id, its gold row
        sent_a, sent_b, entry_best, entry_id, entry_row = [], [], [], [], []
        base_a = base_b = 0
        pair_sentences = [p.found.cosine.shape for p in pairs]
        total_a = sum(r for r, _ in pair_sentences)
        self.similarity = np.zeros(len(pairs))
        self.names_apart = np.zeros(len(pairs), bool)
        self.different = np.array([p.gold["kind"] != "same_event" for p in pairs])
        self.topic = np.array([p.gold["topic"] for p in pairs])
        base = 0
        for k, p in enumerate(pairs):
            scores = alignment.score(p.found, model)
            self.similarity[k] = scores.similarity
            self.names_apart[k] = scores.names_apart
            rows, cols = scores.link.shape
            for part, values in ((link, scores.link), (sentence, scores.sentence),
                                 (anchors, scores.anchors), (cosine, scores.cosine)):
                part.append(values.ravel())
            owner.append(np.full(rows * cols, k))
            sent_a.append(np.repeat(np.arange(rows), cols) + base_a)
            sent_b.append(np.tile(np.arange(cols), rows) + total_a + base_b)
            for i, j, gold in p.gold["labels"]:
                for x in p.cover_a[i]:
                    for y in p.cover_b[j]:
                        cand_row.append(base + x * cols + y)
                        cand_label.append(len(label_gold))
                label_gold.append(bool(gold))
                label_pair.append(k)
            for side, cover, terms, axis in (("a", p.cover_a, scores.has_terms_a, 1),
                                             ("b", p.cover_b, scores.has_terms_b, 0)):
                best = (scores.sentence.max(axis) if scores.sentence.size
                        else np.zeros(len(terms)))
                gold_only = set(p.gold.get(f"only_{side}", ()))
                first = base_a if side == "a" else total_a + base_b
                for i in p.gold.get(f"validated_{side}", ()):
                    values = [best[x] for x in cover[i] if terms[x]]
                    for x in cover[i]:
                        if terms[x]:
                            entry_best.append(best[x])
                            entry_id.append(first + x)
                            entry_row.append(len(only_best))
                    only_best.append(min(values, default=np.inf))
                    only_gold.append(i in gold_only)
                    only_pair.append(k)
            base += rows * cols
            base_a += rows
            base_b += cols
        self.link, self.sentence = np.concatenate(link), np.concatenate(sentence)
        self.anchors, self.cosine = np.concatenate(anchors), np.concatenate(cosine)
        self.owner = np.concatenate(owner)
        self.cand_row, self.cand_label = np.array(cand_row, int), np.array(cand_label, int)
        self.label_gold, self.label_pair = np.array(label_gold), np.array(label_pair)
        self.only_best, self.only_gold = np.array(only_best), np.array(only_gold)
        self.only_pair = np.array(only_pair)
        self.sent = np.concatenate([*sent_a, *sent_b]) if sent_a else np.zeros(0, int)
        self.sent_count = base_a + base_b
        self.entry_best, self.entry_id = np.array(entry_best), np.array(entry_id, int)
        self.entry_row = np.array(entry_row, int)

    def counts(self, setting: dict[str, float], keep: np.ndarray) -> np.ndarray:
        """Over the pairs where `keep` is true: pair tp, fp, fn; only tp, fp, fn; the same
        three for pairs and for only on same-event pairs alone; different-event aligned and
        labelled pairs."""
        evidence = (self.anchors > 0) | (self.sentence >= setting["meaning"])
        linked = ((self.link >= setting["align"]) & evidence) | (
            (self.cosine >= setting["overlap_cosine"])
            & (self.anchors >= setting["overlap_anchors"]))
        any_link = np.bincount(self.owner, weights=linked, minlength=len(keep)) > 0
        related = (self.similarity >= setting["related"]) & any_link & ~self.names_apart
        hit = np.bincount(self.cand_label, weights=linked[self.cand_row],
                          minlength=len(self.label_gold)) > 0
        hit &= related[self.label_pair]
        # a sentence is only on its side when its best match is weak and it is linked to
        # nothing (as alignment.decide says)
        both = np.concatenate([linked, linked])
        linked_any = np.bincount(self.sent, weights=both, minlength=self.sent_count) > 0
        weak = (self.entry_best < setting["only"]) & ~linked_any[self.entry_id]
        weak_row = np.bincount(self.entry_row, weights=weak, minlength=len(self.only_best)) > 0
        only = np.isfinite(self.only_best) & (weak_row | ~related[self.only_pair])
        use, use_only = keep[self.label_pair], keep[self.only_pair]
        same = use & ~self.different[self.label_pair]
        same_only = use_only & ~self.different[self.only_pair]
        diff = use & self.different[self.label_pair]
        return np.array([*_confusion(hit, self.label_gold, use),
                         *_confusion(only, self.only_gold, use_only),
                         *_confusion(hit, self.label_gold, same),
                         *_confusion(only, self.only_gold, same_only),
                         (hit & diff).sum(), diff.sum()], float)

    def metrics(self, setting: dict[str, float], keep: np.ndarray) -> dict[str, float]:
        return metrics(self.counts(setting, keep),
                       self.similarity[keep & ~self.different],
                       self.similarity[keep & self.different])


def _confusion(pred: np.ndarray, gold: np.ndarray, use: np.ndarray) -> tuple[int, int, int]:
    return (int((pred & gold & use).sum()), int((pred & ~gold & use).sum()),
            int((~pred & gold & use).sum()))


def metrics(c: np.ndarray, same_sim: Sequence[float],
            different_sim: Sequence[float]) -> dict[str, float]:
    """The scorer's figures from pooled counts (see `Table.counts`)."""
    pair, only = f1(*c[0:3]), f1(*c[3:6])
    return {"pair_p": pair[0], "pair_r": pair[1], "pair_f1": pair[2],
            "pair_f1_same": f1(*c[6:9])[2], "fpr_diff": c[12] / c[13] if c[13] else 0.0,
            "only_p": only[0], "only_r": only[1], "only_f1": only[2],
            "only_f1_same": f1(*c[9:12])[2], "sim_auc": auc(same_sim, different_sim)}


def f1(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def auc(pos: Sequence[float], neg: Sequence[float]) -> float:
    a, b = np.array(pos)[:, None], np.array(neg)[None, :]
    return float((a > b).mean() + 0.5 * (a == b).mean()) if a.size and b.size else 0.0


# Any different-event FPR above this on the training topics is penalised: held-out topics
# leak more than the topics a setting was chosen on (margin 0.03: CV pair F1 0.718, FPR
# 0.139; margin 0: 0.717, 0.115; the setting chosen on all topics is the same).
FPR_MARGIN = 0.0
FPR_PENALTY = 3.0


def objective(m: dict[str, float]) -> float:
    return m["pair_f1"] + 0.5 * m["only_f1"] - FPR_PENALTY * max(0.0, m["fpr_diff"] - FPR_MARGIN)


# The "only in" figures are flat over a range of `only` (few same-event sentences are
# gold "only"): among settings this close to the best, the largest `only` is taken, so
# that a sentence with no counterpart is reported rather than hidden.
TIE = 0.002


SAMPLE_ROOM = 0.05
SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


class Sample:
    """The product's own sample pair (seeds/: an op-ed and a wire report on the same
    events). A setting must call them related, align the op-ed's sentences on the Iraqi
    militias with the wire's report of the fighters who crossed, and list the wire's
    casualty figures and the op-ed's "erosion of trust" as only in their article (what
    issue 15 asks and tests/test_alignment.py checks): the benchmark has no op-ed, and an
    op-ed tells the same facts in fewer shared words."""

    def __init__(self, common: np.ndarray) -> None:
        self.a, self.b = engine.analyze_many([p.read_text(encoding="utf-8") for p in SEEDS])
        self.found = alignment.features(self.a, self.b, alignment.Params(), common)
        self.rows = [i for i in range(len(self.a.sentences))
                     if "Iraqi militias" in self._text(self.a, i)]
        self.cols = [j for j in range(len(self.b.sentences))
                     if "fighters" in self._text(self.b, j) and "crossed" in self._text(self.b, j)]
        self.only_a = next(i for i in range(len(self.a.sentences))
                           if "erosion of trust" in self._text(self.a, i))
        self.only_b = next(j for j in range(len(self.b.sentences))
                           if "38 fatalities" in self._text(self.b, j))

    @staticmethod
    def _text(analysis: Analysis, i: int) -> str:
        s = analysis.sentences[i]
        return analysis.text[s.start:s.end]

    def accepts(self, model: Model) -> Any:
        scores = alignment.score(self.found, model)

        def check(setting: dict[str, float]) -> bool:
            params = replace(alignment.Params(), **setting)
            linked, only_a, only_b, related = alignment.decide(scores, params)
            # with room: the pair is not called related by a hair's breadth
            return (related and scores.similarity >= params.related + SAMPLE_ROOM
                    and bool(linked[np.ix_(self.rows, self.cols)].any())
                    and bool(only_a[self.only_a]) and bool(only_b[self.only_b]))

        return check


def choose(table: Table, keep: np.ndarray, accepts: Any = None) -> dict[str, float]:
    scored = {}
    for values in itertools.product(*(GRID[k] for k in SETTING)):
        setting = dict(zip(SETTING, values, strict=True))
        if accepts is not None and not accepts(setting):
            continue
        scored[values] = objective(table.metrics(setting, keep))
    best = max(scored.values())
    chosen = max((v for v, value in scored.items() if value >= best - TIE),
                 key=lambda v: (v[1], scored[v]))
    return dict(zip(SETTING, chosen, strict=True))


def sts_pearson(sts: Sequence[Pair], model: Model) -> float:
    pred = [alignment.score(p.found, model).similarity for p in sts]
    return float(np.corrcoef(pred, [p.gold["gold_similarity"] for p in sts])[0, 1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", type=Path, default=Path("/tmp"))
    parser.add_argument("--write", action="store_true",
                        help="write the model fitted on all data to resources/")
    parser.add_argument("--fpr-margin", type=float, default=FPR_MARGIN,
                        help="different-event FPR allowed on the training topics")
    parser.add_argument("--fpr-penalty", type=float, default=FPR_PENALTY,
                        help="objective lost per unit of FPR above the margin")
    parser.add_argument("--ignore-sample", action="store_true",
                        help="diagnosis only: choose thresholds without the sample pair's "
                             "checks (never with --write)")
    args = parser.parse_args()
    if args.ignore_sample and args.write:
        parser.error("--ignore-sample is for diagnosis; the shipped model keeps the checks")
    globals()["FPR_MARGIN"] = args.fpr_margin
    globals()["FPR_PENALTY"] = args.fpr_penalty
    sts_docs = load("stsb_news_dev", args.cache)
    sts_raw = [json.loads(line) for line in (BENCH / "stsb_news_dev" / "pairs.jsonl").open()]
    common = common_of(sts_docs, [i for p in sts_raw for i in (p["a"], p["b"])])
    ecb = prepare([json.loads(line) for line in (BENCH / "ecbplus_dev" / "pairs.jsonl").open()],
                  load("ecbplus_dev", args.cache), common)
    sts = prepare(sts_raw, sts_docs, common)
    order = np.random.default_rng(0).permutation(len(sts))
    folds = [set(order[k::FOLDS].tolist()) for k in range(FOLDS)]
    sentence = fit_sentence(sts)
    sample = Sample(common)

    # STS-B: sentence model by 5-fold CV (the common directions too: fitted on the training
    # folds' sentences), article model fitted on ECB+ (never on STS-B)
    sentence_cv, similarity_cv = np.zeros(len(sts)), np.zeros(len(sts))
    for fold in folds:
        train_ids = [i for k, p in enumerate(sts_raw) if k not in fold for i in (p["a"], p["b"])]
        sts = prepare(sts_raw, sts_docs, common_of(sts_docs, train_ids))
        model = fit_model(ecb, fit_sentence([p for k, p in enumerate(sts) if k not in fold]))
        for k in fold:
            sentence_cv[k] = model.sentence_similarity(sts[k].found).max(initial=0.0)
            similarity_cv[k] = alignment.score(sts[k].found, model).similarity
    sts = prepare(sts_raw, sts_docs, common)
    gold = [p.gold["gold_similarity"] for p in sts]
    print(f"STS-B news, 5-fold CV Pearson: sentence similarity "
          f"{np.corrcoef(sentence_cv, gold)[0, 1]:.3f}, article similarity "
          f"{np.corrcoef(similarity_cv, gold)[0, 1]:.3f}")

    # ECB+: leave one topic out (the sentence model is fitted on STS-B only)
    topics = sorted({p.gold["topic"] for p in ecb})
    counts = np.zeros(14)
    same_sim: list[float] = []
    different_sim: list[float] = []
    for topic in topics:
        train = [p for p in ecb if p.gold["topic"] != topic]
        model = fit_model(train, sentence)
        table = Table(ecb, model)
        setting = choose(table, table.topic != topic,
                         None if args.ignore_sample else sample.accepts(model))
        held = table.topic == topic
        found = table.counts(setting, held)
        counts += found
        print(f"topic {topic} held out: {setting}; pair F1 {f1(*found[:3])[2]:.3f}, "
              f"different-event FPR {found[12] / max(1, found[13]):.3f}")
        same_sim += list(table.similarity[held & ~table.different])
        different_sim += list(table.similarity[held & table.different])
    print("ECB+ CV (leave one topic out):", _fmt(metrics(counts, same_sim, different_sim)))

    final = fit_model(ecb, sentence)
    table = Table(ecb, final)
    everything = np.ones(len(ecb), bool)
    setting = choose(table, everything, sample.accepts(final))
    final = replace(final, thresholds=setting, common=common)
    print("chosen on all topics:", setting)
    print("ECB+ dev, in-sample:", _fmt(table.metrics(setting, everything)))
    print(f"STS-B news Pearson, in-sample: {sts_pearson(sts, final):.3f}")
    if args.write:
        path = resources.path(alignment_model.RESOURCE)
        path.write_text(json.dumps(final.to_json(), indent=1) + "\n", encoding="utf-8")
        print("wrote", path)


def _fmt(m: dict[str, float]) -> str:
    return ", ".join(f"{k} {v:.3f}" for k, v in m.items())


if __name__ == "__main__":
    main()
