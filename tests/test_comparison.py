"""Comparison: every metric side by side and the sharpest contrasts in plain words."""

from __future__ import annotations

from dataclasses import replace

from framelens import labels
from framelens.comparison import compare, metric_ranges
from framelens.model import Analysis, Genre, Metrics, Quote, Sentence, Span, TextRange


def _analysis(opinion: int, fact: int, attributed: int, sources: tuple[str, ...] = (),
              loaded: int = 0, genre: str = labels.GENRE_REPORTING) -> Analysis:
    sentences, text, spans = [], "", []
    for label, count in ((labels.OPINION, opinion), (labels.FACT, fact),
                         (labels.ATTRIBUTED, attributed)):
        for _ in range(count):
            sentences.append(Sentence(len(text), len(text) + 9, label, 0.5))
            text += "Sentence. "
    for index in range(loaded):
        spans.append(Span(index * 10, index * 10 + 8, labels.LOADED, "why", "loaded.test"))
    quotes = tuple(Quote(labels.INDIRECT, TextRange(0, 5), None, None, "q", name)
                   for name in sources)
    total = len(sentences)
    words = total * 10
    metrics = Metrics(word_count=words, sentence_count=total,
                      opinion_share=opinion / total, fact_share=fact / total,
                      attributed_share=attributed / total,
                      loaded_per_100=100 * loaded / words, quote_count=len(quotes),
                      named_source_count=len(set(sources)))
    return Analysis(text, tuple(sentences), tuple(spans), quotes, Genre(genre, 0.5), metrics)


def test_comparison_has_every_metric_with_difference():
    a = _analysis(6, 2, 2)
    b = _analysis(1, 4, 5, sources=("Ann Lee", "Bo Chan"))
    result = compare(a, b)
    assert [row.key for row in result.rows] == [m.key for m in labels.METRICS]
    opinion = next(row for row in result.rows if row.key == "opinion_share")
    assert opinion.a == 0.6 and opinion.b == 0.1
    assert opinion.difference == opinion.b - opinion.a
    # shares differ by percentage points: 60% against 10% is 50 points, not "50%"
    assert opinion.formatted() == ("60%", "10%", "-50 pts")


def test_comparison_names_opinion_and_sourcing_contrasts():
    a = _analysis(6, 3, 0, genre=labels.GENRE_OPINION)
    b = _analysis(2, 3, 4, sources=("Ann Lee", "Bo Chan", "Ann Lee"))
    lines = compare(a, b).contrasts
    opinion_line = "A states 3.0\u00d7 more of its sentences as opinion"
    assert any(line.startswith(opinion_line) for line in lines)
    assert ("B attributes 4 statements to 2 named sources; "
            "A attributes 0 to no named source.") in lines
    assert "A reads as opinion, B as reporting." in lines


def test_comparison_of_alike_documents_names_no_opinion_contrast():
    a = _analysis(3, 3, 3)
    lines = compare(a, replace(a)).contrasts
    assert not any("opinion" in line for line in lines)


def test_comparison_metric_ranges_select_the_marks_behind_a_metric():
    a = _analysis(2, 1, 0, loaded=2)
    assert [r.start for r in metric_ranges(a, "opinion_share")] == [0, 10]
    assert len(metric_ranges(a, "loaded_per_100")) == 2
    assert metric_ranges(a, "fact_share") == [TextRange(20, 29)]


def test_comparison_of_the_seeds_puts_the_oped_ahead_on_opinion(oped, wire):
    result = compare(oped, wire)
    opinion = next(row for row in result.rows if row.key == "opinion_share")
    assert opinion.a > opinion.b
    assert result.contrasts


def test_metrics_first_person_inside_direct_quotes_is_the_source_not_the_writer():
    from framelens import engine

    quoted = engine.analyze("\u201cWe must act now and I will lead,\u201d the senator said. "
                            "The vote is on Monday.")
    own = engine.analyze("We must act now and I will lead. The vote is on Monday.")
    assert quoted.metrics.first_person_per_100 == 0.0
    assert own.metrics.first_person_per_100 > 10.0
