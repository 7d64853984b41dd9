"""Compare two analyses: every metric side by side and the sharpest contrasts in words."""

from __future__ import annotations

from collections.abc import Sequence

from framelens import labels
from framelens.actors import compare_actors
from framelens.alignment import align
from framelens.explain import counted
from framelens.frame_comparison import frame_contrasts
from framelens.model import Analysis, Comparison, MetricRow, TextRange
from framelens.technique_counts import technique_contrasts


def metric_table(analyses: Sequence[Analysis],
                 comparison: Comparison | None = None) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the metrics table shown by the CLI, PDF and HTML.

    With a comparison: Metric, A, B and B − A; otherwise one column per analysis.
    The first row is the genre.
    """
    if comparison is not None:
        header = ["Metric", "A", "B", "B \u2212 A"]
        body = [[row.label, *row.formatted()] for row in comparison.rows]
        body.insert(0, ["Genre", comparison.a.genre.label, comparison.b.genre.label, ""])
        return header, body
    header = ["Metric"] + [chr(ord("A") + i) for i in range(len(analyses))]
    body = [[info.label] + [info.format(a.metrics.value(info.key)) for a in analyses]
            for info in labels.METRICS]
    body.insert(0, ["Genre"] + [a.genre.label for a in analyses])
    return header, body


def compare(a: Analysis, b: Analysis, name_a: str = "A", name_b: str = "B") -> Comparison:
    """Every metric of A and B with its difference, and plain-words contrasts."""
    rows = tuple(MetricRow(m.key, m.label, a.metrics.value(m.key), b.metrics.value(m.key))
                 for m in labels.METRICS)
    claims = align(a, b)
    found = frame_contrasts(a, b, name_a, name_b) + contrasts(a, b, name_a, name_b)
    if not claims.related:  # unrelated articles: say so before any figure-level contrast
        found.insert(0, claims.summary)
    return Comparison(a, b, rows, tuple(found), claims, compare_actors(a, b, name_a, name_b))


def _ratio_phrase(x: float, y: float) -> str | None:
    """'3× more' style phrase for x against y, or None when they are close."""
    if y <= 0:
        return "more" if x > 0 else None
    ratio = x / y
    if ratio >= 1.5:
        return f"{ratio:.1f}\u00d7 more"
    return None


def _attributed(analysis: Analysis) -> int:
    return sum(1 for s in analysis.sentences if s.label == labels.ATTRIBUTED)


def _sources_phrase(analysis: Analysis) -> str:
    count = analysis.metrics.named_source_count
    return counted(count, "named source") if count else "no named source"


def contrasts(a: Analysis, b: Analysis, name_a: str = "A", name_b: str = "B") -> list[str]:
    """The sharpest differences between A and B, most striking first."""
    ma, mb = a.metrics, b.metrics
    found: list[tuple[float, str]] = []

    def opinion_line(x_name: str, x: float, y_name: str, y: float) -> None:
        phrase = _ratio_phrase(x, y)
        if phrase:
            found.append((abs(x - y) * 3,
                          f"{x_name} states {phrase} of its sentences as opinion "
                          f"than {y_name} ({x:.0%} against {y:.0%})."))

    opinion_line(name_a, ma.opinion_share, name_b, mb.opinion_share)
    opinion_line(name_b, mb.opinion_share, name_a, ma.opinion_share)

    if ma.quote_count or mb.quote_count:
        first, second = (b, a) if mb.named_source_count > ma.named_source_count else (a, b)
        first_name, second_name = (name_b, name_a) if first is b else (name_a, name_b)
        sources = (f"{first_name} attributes {counted(_attributed(first), 'statement')} to "
                   f"{_sources_phrase(first)}; {second_name} attributes "
                   f"{_attributed(second)} to {_sources_phrase(second)}.")
        weight = abs(ma.named_source_count - mb.named_source_count) / max(
            1, ma.named_source_count, mb.named_source_count)
        found.append((weight * 2, sources))

    for key, noun in (("loaded_per_100", "loaded words"), ("hedge_per_100", "hedges"),
                      ("booster_per_100", "certainty boosters")):
        x, y = ma.value(key), mb.value(key)
        if x >= y:
            high, low, high_name, low_name = x, y, name_a, name_b
        else:
            high, low, high_name, low_name = y, x, name_b, name_a
        phrase = _ratio_phrase(high, low)
        if phrase and high >= 0.2:
            found.append((min(high / max(low, 0.1), 10) / 5,
                          f"{high_name} uses {phrase} {noun} per 100 words than {low_name} "
                          f"({high:.1f} against {low:.1f})."))

    tone_gap = mb.tone_mean - ma.tone_mean
    if abs(tone_gap) >= 0.1:
        darker = name_a if tone_gap > 0 else name_b
        found.append((abs(tone_gap) * 2,
                      f"{darker}'s tone is more negative (mean sentence tone: {name_a} "
                      f"{ma.tone_mean:+.2f}, {name_b} {mb.tone_mean:+.2f})."))

    grade_gap = mb.grade_level - ma.grade_level
    if abs(grade_gap) >= 1.5:
        harder = name_b if grade_gap > 0 else name_a
        found.append((abs(grade_gap) / 6,
                      f"{harder} is harder to read (grade level: {name_a} "
                      f"{ma.grade_level:.1f}, {name_b} {mb.grade_level:.1f})."))

    found += technique_contrasts(a, b, name_a, name_b)

    if a.genre.label != b.genre.label:
        found.append((1.5, f"{name_a} reads as {a.genre.label}, {name_b} as {b.genre.label}."))
    found.sort(key=lambda item: -item[0])
    return [line for _, line in found]


_METRIC_SENTENCES = {"opinion_share": labels.OPINION, "fact_share": labels.FACT,
                     "attributed_share": labels.ATTRIBUTED}
_METRIC_VOICES = {"technique_per_100_sentences": (labels.VOICE_WRITER, labels.VOICE_SOURCE),
                  "technique_writer_count": (labels.VOICE_WRITER,),
                  "technique_source_count": (labels.VOICE_SOURCE,)}
_METRIC_SPANS = {"loaded_per_100": labels.LOADED, "hedge_per_100": labels.HEDGE,
                 "booster_per_100": labels.BOOSTER}


def metric_ranges(analysis: Analysis, key: str) -> list[TextRange]:
    """The passages behind one metric (for "click a metric, see its marks")."""
    if key in _METRIC_SENTENCES:
        wanted = _METRIC_SENTENCES[key]
        return [TextRange(s.start, s.end) for s in analysis.sentences if s.label == wanted]
    if key in _METRIC_SPANS:
        return [TextRange(s.start, s.end) for s in analysis.spans_of(_METRIC_SPANS[key])]
    if key in ("quote_count", "named_source_count"):
        return [q.content for q in analysis.quotes]
    if key == "direct_quote_count":
        return [q.content for q in analysis.quotes if q.kind == labels.DIRECT]
    if key == "loaded_cue_count":
        return [q.cue for q in analysis.quotes if q.cue and q.cue_tone == labels.CUE_LOADED]
    if key in _METRIC_VOICES:
        return [TextRange(s.start, s.end) for s in analysis.spans_of(labels.TECHNIQUE)
                if s.subtype != labels.VAGUE_ATTRIBUTION
                and s.voice in _METRIC_VOICES[key]]
    if key == "vague_attribution_count":
        return [TextRange(s.start, s.end) for s in analysis.spans_of(labels.TECHNIQUE)
                if s.subtype == labels.VAGUE_ATTRIBUTION]
    if key in ("first_person_per_100", "second_person_per_100"):
        rule = "opinion.first_person" if key.startswith("first") else "opinion.second_person"
        return [TextRange(e.start, e.end) for s in analysis.sentences for e in s.evidence
                if e.rule == rule]
    return [TextRange(s.start, s.end) for s in analysis.sentences]
