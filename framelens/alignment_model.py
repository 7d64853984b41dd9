"""The fitted part of claim alignment: three small linear models read from
`resources/alignment_model.json` (written by `benchmarks/fit_alignment.py`).

1. **Sentence similarity** (0..1): how alike two sentences are in meaning, from their
   lexical overlap, their paraphrase scores (`framelens.paraphrase`), the word-by-word
   match over all their words with the common directions removed (`framelens.sif`; the
   directions are stored here too) and whether their numbers differ. Fitted to graded
   sentence similarity (STS-B news, by k-fold).
2. **Article similarity** (0..1, logistic): whether two articles report the same event,
   from how much of each finds a counterpart, whether both name the same people and
   places, and how many of their dates they share (two events of one kind happen on
   different days), and whether the people and names each article's lead puts first are
   named by the other at all (a second arrest of the same kind is led by another name).
   Fitted to same- versus different-event article pairs (ECB+ dev topics). For a
   text of one or two sentences it leans on the sentence similarity (`Model.similarity`).
3. **Link probability** (logistic): whether two sentences report the same event, from the
   article similarity, the specific anchors they share (names, numbers, dates) and their
   sentence similarity, and how fully the shorter's words are found in the other. Fitted
   to labelled sentence pairs (ECB+ dev topics).

Only numbers are stored: no word list comes from the data.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from framelens import resources

RESOURCE = "alignment_model.json"
SENTENCE_FEATURES = ("lexical", "match", "meaning", "numbers_differ", "word_match")
ARTICLE_FEATURES = ("coverage", "lexical_coverage", "people", "people_both", "people_unknown",
                    "names_shared", "names_unknown", "protagonist", "dates_shared",
                    "dates_unknown", "lead_people", "lead_people_unknown", "lead_names",
                    "lead_names_unknown")
LINK_FEATURES = ("article", "anchors", "sentence", "lexical", "contained")
# The lexical mean-best cosine at which two articles count as fully alike.
LEXICAL_SCALE = 0.6
ANCHOR_CAP = 50.0


@dataclass(frozen=True)
class Features:
    """What the model reads for one article pair, before any threshold: per sentence pair
    the lexical cosine, the shared anchors' weight, the paraphrase scores and how far the
    numbers differ; per article pair the people and names both use."""

    cosine: np.ndarray
    anchors: np.ndarray
    match: np.ndarray
    meaning: np.ndarray
    contained: np.ndarray
    numbers_differ: np.ndarray
    people: float | None
    people_both: float | None
    names_shared: float | None
    protagonist: float | None
    has_terms_a: np.ndarray
    has_terms_b: np.ndarray
    word_match: np.ndarray  # framelens.sif.match: all words, common directions removed
    # the smaller share of either article's dates the other uses too (None: one has none)
    dates_shared: float | None = None
    # the smaller share of the name words of either article's lead (its first sentences)
    # that the other article uses anywhere: people only, and all names (None: a lead
    # names none)
    lead_people: float | None = None
    lead_names: float | None = None


@dataclass(frozen=True)
class Linear:
    """Weights (one per feature, in order) and a bias."""

    weights: tuple[float, ...]
    bias: float

    def apply(self, columns: list[np.ndarray]) -> np.ndarray:
        total = np.full(np.shape(columns[0]), self.bias, dtype=float)
        for weight, column in zip(self.weights, columns, strict=True):
            total += weight * column
        return total

    def to_json(self) -> dict[str, Any]:
        return {"weights": [round(w, 6) for w in self.weights], "bias": round(self.bias, 6)}


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30.0, 30.0)))


def logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def sentence_columns(found: Features) -> list[np.ndarray]:
    return [found.cosine, found.match, found.meaning, found.numbers_differ, found.word_match]


def mean_best(scores: np.ndarray) -> float:
    """How much of each side finds a counterpart: the mean best score of every sentence,
    both ways (0 when a side has no sentence)."""
    if not scores.size:
        return 0.0
    return float((scores.max(axis=1).mean() + scores.max(axis=0).mean()) / 2)


def article_columns(found: Features, sentence: np.ndarray) -> list[np.ndarray]:
    values = [mean_best(sentence), min(1.0, mean_best(found.cosine) / LEXICAL_SCALE),
              found.people or 0.0, found.people_both or 0.0, float(found.people is None),
              found.names_shared or 0.0, float(found.names_shared is None),
              found.protagonist or 0.0, found.dates_shared or 0.0,
              float(found.dates_shared is None), found.lead_people or 0.0,
              float(found.lead_people is None), found.lead_names or 0.0,
              float(found.lead_names is None)]
    return [np.array(v) for v in values]


def link_columns(found: Features, sentence: np.ndarray, similarity: float) -> list[np.ndarray]:
    article = np.full(sentence.shape, logit(similarity))
    anchors = np.log1p(np.minimum(found.anchors, ANCHOR_CAP))
    return [article, anchors, sentence, found.cosine, found.contained]


@dataclass(frozen=True)
class Model:
    """The three fitted linear models and the thresholds chosen with them."""

    sentence: Linear
    article: Linear
    link: Linear
    thresholds: dict[str, float]
    # (k, dims): the directions all sentences share, projected out by framelens.sif
    common: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))

    def sentence_similarity(self, found: Features) -> np.ndarray:
        return np.clip(self.sentence.apply(sentence_columns(found)), 0.0, 1.0)

    def article_similarity(self, found: Features, sentence: np.ndarray) -> float:
        return float(sigmoid(self.article.apply(article_columns(found, sentence))))

    def similarity(self, sentence: np.ndarray, same_event: float) -> float:
        """The article-level similarity shown to users: the same-event probability, except
        that for very short texts, where who is named throughout says little, it leans on
        how much of each finds a counterpart (a one-sentence text: that sentence's
        similarity). The evidence weight is 1 - 1/n² for the shorter text's n sentences."""
        n = min(sentence.shape) if sentence.size else 1
        weight = 1.0 - 1.0 / n ** 2
        return weight * same_event + (1.0 - weight) * mean_best(sentence)

    def link_probability(self, found: Features, sentence: np.ndarray,
                         similarity: float) -> np.ndarray:
        if not sentence.size:
            return sentence
        return sigmoid(self.link.apply(link_columns(found, sentence, similarity)))

    def to_json(self) -> dict[str, Any]:
        return {"sentence": {"features": list(SENTENCE_FEATURES), **self.sentence.to_json()},
                "article": {"features": list(ARTICLE_FEATURES), **self.article.to_json()},
                "link": {"features": list(LINK_FEATURES), **self.link.to_json()},
                "thresholds": {k: round(v, 4) for k, v in self.thresholds.items()},
                "common_components": [[round(float(x), 6) for x in row]
                                      for row in self.common]}


def from_json(data: dict[str, Any]) -> Model:
    """A model from its JSON form; a missing or mis-sized part is a ResourceError."""
    try:
        parts = {}
        for name, names in (("sentence", SENTENCE_FEATURES), ("article", ARTICLE_FEATURES),
                            ("link", LINK_FEATURES)):
            part = data[name]
            if list(part["features"]) != list(names):
                raise ValueError(f"{name} features {part['features']} != {list(names)}")
            parts[name] = Linear(tuple(float(w) for w in part["weights"]), float(part["bias"]))
            if len(parts[name].weights) != len(names):
                raise ValueError(f"{name}: {len(parts[name].weights)} weights")
        thresholds = {k: float(v) for k, v in data["thresholds"].items()}
        common = np.array(data["common_components"], dtype=np.float32)
        if common.size == 0:
            common = common.reshape(0, 0)
        if common.ndim != 2:
            raise ValueError(f"common_components: shape {common.shape}")
    except (KeyError, TypeError, ValueError) as exc:
        raise resources.ResourceError(f"{RESOURCE}: {exc}") from exc
    return Model(parts["sentence"], parts["article"], parts["link"], thresholds, common)


@functools.cache
def load() -> Model:
    """The shipped model (read once per process)."""
    text = resources.path(RESOURCE).read_text(encoding="utf-8")
    return from_json(json.loads(text))
