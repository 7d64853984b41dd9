"""Genre: is the whole document opinion (op-ed, editorial) or reporting (news)?

A few document-level features, each a phenomenon the genre literature ties to argument or
to news writing (the writer's own judgements and evaluative words, first/second person,
must/should, questions, argumentative connectives, long paragraphs; against sentences that
carry the words of a named source), are combined with the hand-set weights and the fitted
centres and scales of `resources/genre.toml` (its header says where each number comes
from). The evidence names the features that pushed hardest towards the chosen label.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

from framelens import labels, resources
from framelens.model import Genre, Metrics, Quote, Sentence, Span

RESOURCE = "genre.toml"
_EVALUATIVE = frozenset({
    "opinion.evaluative_adjective", "opinion.evaluative_adverb", "opinion.evaluative_noun",
    "opinion.evaluative_verb", "opinion.intensifier", "opinion.emotive_word",
    "opinion.loaded_word", "opinion.superlative",
})
_MAX_REASONS = 3
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@functools.cache
def _model() -> tuple[float, float, dict[str, dict[str, Any]]]:
    """Bias, push cap and the feature table with the fitted centre and scale merged in."""
    data = resources.load_toml(RESOURCE)
    fitted = data["fitted"]
    table = {name: {**spec, "centre": fitted["centre"][name], "scale": fitted["scale"][name]}
             for name, spec in data["features"].items()}
    return float(data["model"]["bias"]), float(data["model"]["cap"]), table


@functools.cache
def _connectives() -> re.Pattern[str]:
    """Argumentative connectives: some anywhere, some only at the start of a clause."""
    spec = resources.load_toml(RESOURCE)["connectives"]
    anywhere = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in spec["anywhere"])
    initial = "|".join(re.escape(w) for w in spec["clause_initial"])
    not_before = "|".join(re.escape(w) for w in spec["not_before"])
    return re.compile(
        rf"\b(?:{anywhere})\b"
        rf"|(?:^|[.;:!?\u2014\u2013(]\s*|,\s*|\band\s+)(?:{initial})\b(?![\s-]+(?:{not_before})\b)",
        re.IGNORECASE | re.MULTILINE)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs as (start, end): separated by blank lines, else one paragraph a line."""
    breaks = list(_BLANK_LINE.finditer(text))
    if len(breaks) < 2:
        breaks = list(re.finditer(r"\n", text))
    edges = [0, *(b for m in breaks for b in (m.start(), m.end())), len(text)]
    return [(start, end) for start, end in zip(edges[::2], edges[1::2], strict=True)
            if text[start:end].strip()]


def _sentences_per_paragraph(text: str, sentences: Sequence[Sentence]) -> float | None:
    """Mean sentences per paragraph that holds any; None with fewer than three of those."""
    starts = [start for start, _ in paragraph_spans(text)]
    held: dict[int, int] = {}
    for sentence in sentences:
        index = bisect.bisect_right(starts, sentence.start) - 1
        held[index] = held.get(index, 0) + 1
    return len(sentences) / len(held) if len(held) >= 3 else None


def _outside_direct_quotes(text: str, quotes: Sequence[Quote]) -> str:
    """The text with the content of direct quotes blanked out (offsets kept)."""
    pieces, last = [], 0
    direct = sorted((q for q in quotes if q.kind == labels.DIRECT), key=lambda q: q.content.start)
    for quote in direct:
        start = max(last, quote.content.start)
        pieces += [text[last:start], " " * max(0, quote.content.end - start)]
        last = max(last, quote.content.end)
    return "".join(pieces) + text[last:]


def _named_source_share(sentences: Sequence[Sentence], quotes: Sequence[Quote]) -> float:
    """Share of sentences holding words (or the reporting verb) of a named source."""
    starts = [s.start for s in sentences]
    hit = set()
    for quote in quotes:
        if not (quote.speaker_name and quote.voiced):
            continue
        for offset in (quote.content.start, quote.cue.start if quote.cue else None):
            if offset is None:
                continue
            index = bisect.bisect_right(starts, offset) - 1
            if index >= 0 and offset < sentences[index].end:
                hit.add(index)
    return len(hit) / max(1, len(sentences))


def features(text: str, sentences: Sequence[Sentence], quotes: Sequence[Quote],
             metrics: Metrics) -> dict[str, float | None]:
    """The document-level feature values named in `genre.toml` (None: cannot be measured)."""
    count = max(1, len(sentences))

    def share_with(rule: str) -> float:
        return sum(1 for s in sentences if any(e.rule == rule for e in s.evidence)) / count

    return {
        "opinion_share": sum(1 for s in sentences if s.label == labels.OPINION) / count,
        "evaluation": sum(1 for s in sentences for e in s.evidence if e.rule in _EVALUATIVE)
        / count,
        "person": metrics.first_person_per_100 + metrics.second_person_per_100,
        "obligation": share_with("opinion.obligation_modal"),
        "questions": share_with("opinion.rhetorical_question"),
        "connectives": len(_connectives().findall(_outside_direct_quotes(text, quotes)))
        / count,
        "paragraph_length": _sentences_per_paragraph(text, sentences),
        "named_sources": _named_source_share(sentences, quotes),
    }


def pushes(values: Mapping[str, float | None],
           table: Mapping[str, Mapping[str, Any]], cap: float) -> dict[str, float]:
    """Each feature's signed push towards opinion, capped so no single feature decides."""
    return {name: max(-cap, min(cap, spec["weight"] * (value - spec["centre"]) / spec["scale"]))
            for name, spec in table.items()
            if (value := values[name]) is not None}


def classify(text: str, sentences: Sequence[Sentence], spans: Sequence[Span],
             quotes: Sequence[Quote], metrics: Metrics) -> Genre:
    """Opinion or reporting; the score is how opinion-like the document is, in [0, 1]."""
    bias, cap, table = _model()
    if not sentences:
        return Genre(labels.GENRE_REPORTING, 0.0, ("no sentences to judge the genre by",))
    values = features(text, sentences, quotes, metrics)
    pushed = pushes(values, table, cap)
    raw = bias + sum(pushed.values())
    score = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, raw))))
    is_opinion = score >= 0.5
    label = labels.GENRE_OPINION if is_opinion else labels.GENRE_REPORTING
    towards = sorted((p, name) for name, p in pushed.items() if (p > 0) == is_opinion and p)
    strongest = towards[::-1] if is_opinion else towards
    key = "opinion" if is_opinion else "reporting"
    evidence = tuple(table[name][key].format(value=values[name])
                     for _, name in strongest[:_MAX_REASONS])
    return Genre(label, round(score, 3), evidence or (f"no strong signs either way ({key})",))
