"""Printed notes (PDF foot notes, HTML note lists): each reason is printed once per document."""

from __future__ import annotations

from collections import Counter

import pytest

from framelens import engine, labels
from framelens.export import marks as marklib

ALL = labels.STYLED_CATEGORIES


def _sentence_marks(analysis):
    return [m for m in marklib.collect_marks(analysis, ALL) if m.category == labels.OPINION]


def test_printed_notes_describe_a_cue_in_full_once_then_by_name():
    analysis = engine.analyze("The plan is a terrible idea. The report was a terrible mess.")
    first, second = _sentence_marks(analysis)[:2]
    cue = next(e for s in analysis.sentences for e in s.evidence
               if e.rule == "opinion.evaluative_adjective")
    assert cue.description in first.printed
    assert f"{cue.name} \u201cterrible\u201d" in second.printed
    assert cue.description not in second.printed
    # the whole note, read on its own (a PDF comment, a hover), still explains the cue
    assert cue.description in second.note


def test_printed_note_of_a_word_marked_again_for_the_same_reason_points_back():
    analysis = engine.analyze("The regime fell in May. Two years later the regime was back.")
    first, second = [m for m in marklib.collect_marks(analysis, ALL)
                     if m.category == labels.LOADED and m.rule == "loaded.regime"]
    reason = first.explanation.lines[0]
    assert reason in first.printed
    assert reason not in second.printed
    assert f"Same reason as {first.tag}." in second.printed
    # what the mark is, its words, its alternative and its rule are still printed
    assert second.printed.startswith("Loaded language (pejorative) \u201cregime\u201d")
    assert "Neutral alternative: \u201cgovernment\u201d" in second.printed
    assert "[rule loaded.regime]" in second.printed
    assert reason in second.note


@pytest.mark.parametrize("side", [0, 1])
def test_printed_notes_of_the_seeds_print_no_reason_twice(seed_analyses, side):
    analysis = seed_analyses[side]
    marks = marklib.collect_marks(analysis, ALL)
    printed = " ".join(m.printed for m in marks)
    reasons = Counter(m.explanation.lines[0] for m in marks
                      if m.category in (labels.LOADED, labels.HEDGE, labels.BOOSTER))
    repeated = [r for r, n in reasons.items() if n > 1]
    assert repeated  # the seeds do use the same loaded words and hedges more than once
    for reason in repeated:
        assert printed.count(reason) == 1
    glosses = {e.description for s in analysis.sentences for e in s.evidence
               if e.description != e.name}
    assert glosses
    for description in glosses:
        assert printed.count(description) <= 1
