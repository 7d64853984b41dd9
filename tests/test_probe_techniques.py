"""The techniques probe measures what it says: the oracle keeps only marks that touch gold of
their own technique, the bound is perfect precision at the given recall, and every
cross-validated probability comes from a model that never saw its fold (issue 13)."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import numpy as np
import pytest
from seedfiles import ROOT

from framelens import labels


@pytest.fixture(scope="module")
def probe() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "probe_techniques", ROOT / "benchmarks" / "probe_techniques.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up by name
    spec.loader.exec_module(module)
    return module


def test_probe_oracle_keeps_marks_touching_gold_of_their_own_technique(probe):
    gold = {"loaded_language": [(0, 5)], "doubt": [(20, 40)], "name_calling": []}
    spans = [(2, 4, labels.LOADED, "emotive"),            # inside loaded gold: kept
             (6, 9, labels.LOADED, "emotive"),            # touches nothing: dropped
             (25, 30, labels.TECHNIQUE, "doubt"),         # own technique's gold: kept
             (25, 30, labels.TECHNIQUE, "name_calling"),  # another technique's gold: dropped
             (38, 45, labels.TECHNIQUE, "doubt")]         # partly overlapping: kept
    assert probe.oracle(spans, gold) == [spans[0], spans[2], spans[4]]


def test_probe_bound_is_perfect_precision_at_todays_recall(probe):
    result = {"micro_r": 0.1, "any_r": 0.25,
              "per_technique": {"a": {"r": 0.5}, "b": {"r": 0.0}}}
    best = probe.best_possible(result)
    assert best["micro"] == pytest.approx(2 * 0.1 / 1.1)
    assert best["any"] == pytest.approx(0.4)
    assert best["macro"] == pytest.approx((2 * 0.5 / 1.5) / 2)


def test_probe_cross_validation_never_fits_on_the_scored_fold(probe):
    # In fold 0 the feature predicts the target one way, in fold 1 the other way: each fold
    # is scored by a model fitted on the other, so every probability points the wrong way.
    x = np.array([[1.0], [-1.0]] * 20 + [[1.0], [-1.0]] * 20)
    y = np.array([1.0, 0.0] * 20 + [0.0, 1.0] * 20)
    folds = np.array([0] * 40 + [1] * 40)
    probability = probe.cross_validated(x, y, folds, l2=1.0)
    assert np.all((probability > 0.5) != (y > 0.5))


def test_probe_candidate_words_leave_out_names_marked_words_and_quoted_words(probe):
    text = ("Mayor Anna Berg called the scheme \u201ca reckless and cowardly betrayal of every "
            "voter\u201d on Friday, while the council repaired its sturdy bridges.")
    (article,) = probe.analyse([text])
    words = {text[start:end] for start, end, _ in probe.content_words(article)}
    assert {"council", "repaired", "sturdy", "bridges"} <= words
    assert not words & {"Anna", "Berg", "reckless", "cowardly", "betrayal", "voter"}
    marked = {text[m.start:m.end] for m in article.every_mark}
    assert not words & marked
