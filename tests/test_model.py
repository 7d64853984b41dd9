"""The Analysis helpers every view uses to name who is quoted and with which verb."""

from __future__ import annotations

from framelens import labels
from framelens.model import Analysis, Genre, Metrics, Quote, TextRange

TEXT = "She  insisted the plan works, according to reports."


def _analysis(*quotes: Quote) -> Analysis:
    return Analysis(TEXT, (), (), quotes, Genre(labels.GENRE_REPORTING, 0.0), Metrics())


def test_model_speaker_of_prefers_the_resolved_name_then_the_words():
    named = Quote(labels.INDIRECT, TextRange(14, 28), TextRange(0, 3), None, "r", "Ann Lee")
    unnamed = Quote(labels.INDIRECT, TextRange(14, 28), TextRange(0, 3), None, "r")
    nobody = Quote(labels.INDIRECT, TextRange(14, 28), None, None, "r")
    analysis = _analysis(named, unnamed, nobody)
    assert [analysis.speaker_of(q) for q in analysis.quotes] == ["Ann Lee", "She", None]


def test_model_cue_of_gives_the_verb_as_written_else_its_lemma():
    written = Quote(labels.INDIRECT, TextRange(14, 28), None, TextRange(5, 13), "r",
                    cue_verb="insist")
    lemma_only = Quote(labels.INDIRECT, TextRange(14, 28), None, None, "r", cue_verb="report")
    none = Quote(labels.INDIRECT, TextRange(14, 28), None, None, "r")
    analysis = _analysis(written, lemma_only, none)
    assert [analysis.cue_of(q) for q in analysis.quotes] == ["insisted", "report", None]
