"""Genre: is the whole document opinion (op-ed, editorial) or reporting (news)?

A few document-level features (opinion and attribution shares, reporting verbs, named
people and places, first/second person, must/should, questions, evaluative words, dates
and numbers) are combined with the hand-set weights and train-derived centres of
`resources/genre.toml` (its header says where each number comes from). The evidence
names the features that pushed hardest towards the chosen label, in plain words.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from typing import Any

from framelens import labels, resources
from framelens.model import Genre, Metrics, Quote, Sentence, Span

RESOURCE = "genre.toml"
_EVALUATIVE = frozenset({
    "opinion.evaluative_adjective", "opinion.evaluative_adverb", "opinion.evaluative_noun",
    "opinion.evaluative_verb", "opinion.intensifier", "opinion.emotive_word",
    "opinion.loaded_word", "opinion.superlative",
})
_ANCHORS = frozenset({"fact.number", "fact.date"})
_MAX_REASONS = 3


@functools.cache
def _model() -> tuple[float, dict[str, dict[str, Any]]]:
    data = resources.load_toml(RESOURCE)
    return float(data["model"]["bias"]), data["features"]


def features(sentences: Sequence[Sentence], metrics: Metrics) -> dict[str, float]:
    """The document-level feature values named in `genre.toml`."""
    count = max(1, len(sentences))

    def per_sentence(rules: frozenset[str]) -> float:
        return sum(1 for s in sentences for e in s.evidence if e.rule in rules) / count

    def share_with(rule: str) -> float:
        return sum(1 for s in sentences if any(e.rule == rule for e in s.evidence)) / count

    return {
        "opinion_share": sum(1 for s in sentences if s.label == labels.OPINION) / count,
        "attributed_share": sum(1 for s in sentences if s.label == labels.ATTRIBUTED) / count,
        "reporting_verbs": per_sentence(frozenset({"fact.reporting_verb"})),
        "person": metrics.first_person_per_100 + metrics.second_person_per_100,
        "obligation": share_with("opinion.obligation_modal"),
        "questions": share_with("opinion.rhetorical_question"),
        "evaluation": per_sentence(_EVALUATIVE),
        "anchors": per_sentence(_ANCHORS),
        "named_entities": share_with("fact.named_entity"),
    }


def classify(text: str, sentences: Sequence[Sentence], spans: Sequence[Span],
             quotes: Sequence[Quote], metrics: Metrics) -> Genre:
    """Opinion or reporting; the score is how opinion-like the document is, in [0, 1]."""
    bias, table = _model()
    if not sentences:
        return Genre(labels.GENRE_REPORTING, 0.0, ("no sentences to judge the genre by",))
    values = features(sentences, metrics)
    pushes = {name: spec["weight"] * (values[name] - spec["centre"]) / spec["scale"]
              for name, spec in table.items()}
    raw = bias + sum(pushes.values())
    score = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, raw))))
    is_opinion = score >= 0.5
    label = labels.GENRE_OPINION if is_opinion else labels.GENRE_REPORTING
    towards = sorted((p, name) for name, p in pushes.items() if (p > 0) == is_opinion and p)
    strongest = towards[::-1] if is_opinion else towards
    key = "opinion" if is_opinion else "reporting"
    evidence = tuple(table[name][key].format(value=values[name])
                     for _, name in strongest[:_MAX_REASONS])
    return Genre(label, round(score, 3), evidence or (f"no strong signs either way ({key})",))
