"""Technique marks counted by technique and voice, and contrasted between two articles.

Shared by the comparison (plain-words contrasts), the exports (glossary) and the window
(Techniques tab), so all of them count the same way. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass

from framelens import labels
from framelens.explain import counted
from framelens.model import Analysis, Span
from framelens.technique_info import technique_name


@dataclass(frozen=True)
class TechniqueCount:
    """How often one technique is used in an article, in the writer's voice and in quotes."""

    technique: str
    writer: int
    sources: int

    @property
    def total(self) -> int:
        return self.writer + self.sources


def technique_spans(analysis: Analysis, technique: str | None = None) -> list[Span]:
    """The technique spans of an article (of one technique, if given), in text order."""
    return [s for s in analysis.spans_of(labels.TECHNIQUE)
            if technique is None or s.subtype == technique]


def technique_counts(analysis: Analysis) -> list[TechniqueCount]:
    """Every technique the article uses, in the order of `labels.TECHNIQUE_SUBTYPES`."""
    counts = []
    for technique in labels.TECHNIQUE_SUBTYPES:
        spans = technique_spans(analysis, technique)
        if spans:
            writer = sum(1 for s in spans if s.voice != labels.VOICE_SOURCE)
            counts.append(TechniqueCount(technique, writer, len(spans) - writer))
    return counts


def _times(count: int) -> str:
    return "once" if count == 1 else "twice" if count == 2 else f"{count} times"


def _usage(name: str, count: TechniqueCount | None) -> str:
    """"A uses it 6 times in its own voice and twice in quotes" and the like."""
    if count is None or count.total == 0:
        return f"{name} not at all"
    if count.sources == 0:
        return f"{name} {_times(count.writer)} in its own voice"
    if count.writer == 0:
        return f"{name} only in quotes ({_times(count.sources)})"
    return (f"{name} {_times(count.writer)} in its own voice and "
            f"{_times(count.sources)} in quotes")


def technique_contrasts(a: Analysis, b: Analysis, name_a: str = "A",
                        name_b: str = "B") -> list[tuple[float, str]]:
    """(weight, sentence) contrasts of the two articles' techniques, for `contrasts`.

    One line per technique whose use differs in count or in voice ("A uses name-calling 6
    times in its own voice; B only in quotes (twice)."), weighted by how much it differs.
    """
    counts_a = {c.technique: c for c in technique_counts(a)}
    counts_b = {c.technique: c for c in technique_counts(b)}
    found: list[tuple[float, str]] = []
    for technique in labels.TECHNIQUE_SUBTYPES:
        x, y = counts_a.get(technique), counts_b.get(technique)
        if x is None and y is None:
            continue
        writer_x, writer_y = (x.writer if x else 0), (y.writer if y else 0)
        total_x, total_y = (x.total if x else 0), (y.total if y else 0)
        if writer_x == writer_y and total_x == total_y:
            continue
        name = technique_name(technique).lower()
        if x is None or y is None:
            user, count = (name_a, x) if y is None else (name_b, y)
            assert count is not None
            where = "in its own voice" if count.sources == 0 else (
                "in quotes" if count.writer == 0 else "in its own voice and in quotes")
            line = f"Only {user} uses {name}: {_times(count.total)}, {where}."
        else:
            line = f"{name_a} uses {_usage(name, x)}; {name_b} {_usage('', y).strip()}."
        weight = (abs(writer_x - writer_y) + 0.5 * abs(total_x - total_y)) / max(
            3, total_x, total_y)
        found.append((weight, line))
    per_a, per_b = (a.metrics.technique_per_100_sentences, b.metrics.technique_per_100_sentences)
    if max(per_a, per_b) > 0 and abs(per_a - per_b) >= 1:
        found.append((min(abs(per_a - per_b) / 10, 1.0),
                      f"Persuasion techniques per 100 sentences: {name_a} {per_a:.1f}, "
                      f"{name_b} {per_b:.1f} ({counted(a.metrics.technique_count, 'mark')} "
                      f"against {b.metrics.technique_count})."))
    return found
