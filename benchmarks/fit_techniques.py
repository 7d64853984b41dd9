"""Measure every technique rule on PTC dev and choose which ones to show, cross-validated.

Reads the PTC dev articles and gold through the benchmark scorer's own loader and scores
with its own metric (SemEval-2020 partial-credit span F1 per technique; micro, macro and
any-technique). Each article is parsed once; the techniques analyser then runs with every
rule, enabled or not (`find_techniques(..., include_disabled=True)`).

A rule is worth showing a class when its marks mostly agree with the annotators: it is kept
when its precision (partial credit, against gold of its own technique) is at least
MIN_PRECISION over at least MIN_FIRINGS marks; a rule that fires less often than that is
kept as written (too rare to judge). Because PTC dev has no training split, the choice is
cross-validated: 5 folds by article, rules chosen on four folds, the fifth scored, the five
scores pooled. That is the headline figure; the in-sample figure of the rules chosen on all
120 articles is printed too. Nothing is written: set `enabled = false` in
`resources/techniques.toml` on the rules the last table marks "off".

    .venv/bin/python benchmarks/fit_techniques.py
"""

from __future__ import annotations

import importlib.util
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from framelens import engine, labels
from framelens.analyzers import boilerplate, loaded, quotes, techniques
from framelens.nlp.parsed import parse_many

BENCH = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"
PTC = BENCH / "techniques" / "ptc_dev"
FOLDS = 5
MIN_PRECISION = 0.30
MIN_FIRINGS = 5
LOADED_RULE = "loaded_language"

# (start, end, technique id, rule id) for one article.
Marks = list[tuple[int, int, str, str]]


def load_scorer() -> ModuleType:
    """The benchmark scorer as a module (its loader and metric are the reference)."""
    spec = importlib.util.spec_from_file_location("score", BENCH / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predict(items: Sequence[dict[str, Any]]) -> list[Marks]:
    """Every article's loaded-language and technique marks, all rules included."""
    texts = [item["text"] for item in items]
    debris = [boilerplate.find_boilerplate(text) for text in texts]
    parsed = parse_many(engine.warm_up(), texts, [[(s.start, s.end) for s in d] for d in debris])
    found = []
    for article in parsed:
        passages = quotes.quoted_passages(article)
        said = quotes.find_quotes(article, passages)
        # As the engine does: loaded words in what a source is quoted as saying are the source's.
        marks = loaded.find_marks(article, passages, said)
        spans: Marks = [(m.start, m.end, LOADED_RULE, LOADED_RULE) for m in marks
                        if m.category == labels.LOADED]
        spans += [(s.start, s.end, s.subtype, s.rule) for s in techniques.find_techniques(
            article, said, passages, marks, include_disabled=True)
            if s.subtype != labels.VAGUE_ATTRIBUTION]
        found.append(spans)
    return found


def rule_precision(score: ModuleType, items: Sequence[dict[str, Any]], predictions: Sequence[Marks],
                   indices: Iterable[int]) -> dict[str, tuple[int, float]]:
    """Each rule's number of marks and mean partial credit against its technique's gold."""
    totals: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
    for index in indices:
        for start, end, technique, rule in predictions[index]:
            gold = items[index]["gold"][technique]
            credit = sum(score.overlap((start, end), span) for span in gold) / (end - start)
            totals[rule][0] += 1
            totals[rule][1] += min(1.0, credit)
    return {rule: (int(n), credit / n) for rule, (n, credit) in totals.items()}


def chosen(precision: dict[str, tuple[int, float]], candidates: set[str]) -> set[str]:
    """The rules to show: precise enough, or too rare to judge (a rule that never fired on
    these articles included); loaded language always."""
    judged = {rule for rule, (n, p) in precision.items()
              if rule != LOADED_RULE and n >= MIN_FIRINGS and p < MIN_PRECISION}
    return candidates - judged


def evaluate(score: ModuleType, items: Sequence[dict[str, Any]], predictions: Sequence[Marks],
             indices: Sequence[int], rules: set[str]) -> dict[str, Any]:
    """The scorer's technique figures for some articles, with only `rules` marking."""
    preds = [{"spans": [(s, e, labels.LOADED if t == LOADED_RULE else labels.TECHNIQUE, t)
                        for s, e, t, r in predictions[i] if r in rules]} for i in indices]
    result: dict[str, Any] = score.score_techniques([items[i] for i in indices], preds)
    return result


def pooled(score: ModuleType, items: Sequence[dict[str, Any]], predictions: Sequence[Marks],
           folds: Sequence[tuple[list[int], set[str]]]) -> dict[str, Any]:
    """Cross-validated figures: each fold scored with the rules chosen without it, the
    partial-credit sums pooled over folds (as the scorer pools over articles)."""
    order = [i for test, _ in folds for i in test]
    rules_of = {i: rules for test, rules in folds for i in test}
    preds = [{"spans": [(s, e, labels.LOADED if t == LOADED_RULE else labels.TECHNIQUE, t)
                        for s, e, t, r in predictions[i] if r in rules_of[i]]} for i in order]
    result: dict[str, Any] = score.score_techniques([items[i] for i in order], preds)
    return result


def print_figures(title: str, result: dict[str, Any]) -> None:
    print(f"\n{title}: micro P {result['micro_p']:.3f} R {result['micro_r']:.3f} "
          f"F1 {result['micro_f1']:.3f}; macro-F1 {result['macro_f1']:.3f}; any P "
          f"{result['any_p']:.3f} R {result['any_r']:.3f} F1 {result['any_f1']:.3f}")
    for technique, row in result["per_technique"].items():
        if row["pred_spans"]:
            print(f"  {technique:36s} marks {row['pred_spans']:4d}  P {row['p']:.3f}  "
                  f"R {row['r']:.3f}  F1 {row['f1']:.3f}")


def main() -> int:
    score = load_scorer()
    items, _ = score.load_ptc_techniques(str(PTC / "articles"),
                                         str(PTC / "ptc_dev-task2-TC.labels"))
    predictions = predict(items)
    every = list(range(len(items)))
    candidates = {rule for marks in predictions for _, _, _, rule in marks}
    folds = []
    for fold in range(FOLDS):
        test = every[fold::FOLDS]
        train = [i for i in every if i % FOLDS != fold]
        folds.append((test, chosen(rule_precision(score, items, predictions, train), candidates)))
    print_figures("Every rule, in-sample", evaluate(score, items, predictions, every, candidates))
    print_figures(f"Rules chosen on 4 folds, {FOLDS}-fold cross-validated (headline)",
                  pooled(score, items, predictions, folds))
    precision = rule_precision(score, items, predictions, every)
    keep = chosen(precision, candidates)
    print_figures("Rules chosen on all 120 articles, in-sample",
                  evaluate(score, items, predictions, every, keep))
    print("\nRules (all articles): marks, precision, kept in how many folds, decision")
    for rule, (n, p) in sorted(precision.items()):
        kept = sum(rule in rules for _, rules in folds)
        print(f"  {rule:52s} {n:4d}  {p:.2f}  {kept}/{FOLDS}  {'on' if rule in keep else 'off'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
