"""The fitting scripts keep their promises: genre parameters are fitted without the data
they are measured on, and decisive opinion rules are set, not fitted (issue 12)."""

from __future__ import annotations

import importlib.util
from types import ModuleType

import numpy as np
from seedfiles import ROOT

from framelens.analyzers import opinion


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _items() -> list[dict]:
    news = [{"id": f"/d/text/{outlet}_2016-09-1{i}_story.txt", "gold": "reporting"}
            for outlet in ("alpha", "beta", "gamma") for i in range(3)]
    editorials = [{"id": f"/d/ed/{i:03d}-editorial.json", "gold": "opinion"} for i in range(8)]
    return news + editorials


def test_fit_genre_halves_never_share_an_outlet():
    fit_genre = _script("fit_genre")
    items = _items()
    halves = fit_genre.halves(items)
    by_outlet: dict[str, set[int]] = {}
    for item, half in zip(items, halves, strict=True):
        if item["gold"] == "reporting":
            by_outlet.setdefault(fit_genre._outlet(item), set()).add(half)
    assert all(len(h) == 1 for h in by_outlet.values())
    assert {halves[i] for i, item in enumerate(items) if item["gold"] == "opinion"} == {0, 1}


def test_fit_genre_two_fold_classifies_each_half_with_the_other_halfs_fit():
    fit_genre = _script("fit_genre")
    model = {"model": {"bias": 0.0, "cap": 3.0},
             "features": {"share": {"weight": 1.0}}}
    # half 0 separates at 0.5, half 1 at 0.2: a document is judged by the other half's line
    values = [{"share": v} for v in (0.4, 0.6, 0.4, 0.1, 0.3, 0.1)]
    gold = [0, 1, 0, 0, 1, 0]
    folds = [0, 0, 0, 1, 1, 1]
    pred, fits = fit_genre.two_fold(values, gold, folds, model)
    assert fits[0]["centre"]["share"] == 0.5
    assert fits[1]["centre"]["share"] == 0.2
    assert pred == [1, 1, 1, 0, 0, 0]


def test_fit_opinion_decisive_rules_are_set_and_left_out_of_the_fit():
    fit_opinion = _script("fit_opinion")
    rules = opinion.rule_ids()
    column = rules.index("opinion.main_clause_interpretation")
    rng = np.random.default_rng(0)
    x = rng.integers(0, 2, size=(60, len(rules))).astype(float)
    y = (x[:, 0] > 0).astype(float)
    bias, coef = fit_opinion.fit(x, y, np.ones(len(y)), 10.0)
    assert coef[column] == fit_opinion.DECISIVE_WEIGHT
    free = x[:, column] == 0
    expected_bias, expected = fit_opinion.fit_logistic(x[free], y[free], np.ones(free.sum()),
                                                       10.0)
    assert bias == expected_bias
    mask = np.arange(len(rules)) != column
    assert np.allclose(coef[mask], expected[mask])
