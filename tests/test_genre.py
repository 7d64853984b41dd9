"""Genre: opinion (op-ed, editorial) or reporting (news), with plain-word reasons."""

from __future__ import annotations

import re

import pytest

from framelens import engine, labels
from framelens.analyzers import genre
from framelens.model import Metrics, Sentence

EDITORIAL = (
    "We should be ashamed of how this city treats its poorest residents. "
    "The council's housing plan is a cynical gimmick, and everyone knows it. "
    "Why must families wait years for a decent home? "
    "It is time the mayor admitted the truth: the scheme has failed. "
    "We cannot keep pretending that small gestures are enough. "
    "Frankly, the city deserves far better leadership than this."
)
REPORT = (
    "The city council approved a new housing plan on Tuesday by 31 votes to 12. "
    "The plan will fund 2,400 homes over five years, officials said. "
    "\u201cThis is a first step,\u201d Mayor Ana Lopez told reporters after the vote. "
    "Opposition leader Tom Reed said the budget of $80 million was too small. "
    "According to the housing department, 9,000 families are on the waiting list. "
    "Construction is due to begin in March, a spokesperson said."
)


def test_genre_oped_seed_is_opinion(oped):
    assert oped.genre.label == labels.GENRE_OPINION
    assert oped.genre.score > 0.5


def test_genre_wire_seed_is_reporting(wire):
    assert wire.genre.label == labels.GENRE_REPORTING
    assert wire.genre.score < 0.5


def test_genre_oped_is_more_opinion_like_than_wire(oped, wire):
    assert oped.genre.score > wire.genre.score + 0.3


@pytest.mark.parametrize(("text", "expected"), [
    (EDITORIAL, labels.GENRE_OPINION),
    (REPORT, labels.GENRE_REPORTING),
])
def test_genre_hand_written_documents(text, expected):
    assert engine.analyze(text).genre.label == expected


@pytest.mark.parametrize("text", [EDITORIAL, REPORT])
def test_genre_gives_plain_reasons(text):
    result = engine.analyze(text).genre
    assert 0.0 <= result.score <= 1.0
    assert 1 <= len(result.evidence) <= 3
    assert all(reason and "_" not in reason for reason in result.evidence)


def test_genre_no_sentences_is_reporting_with_a_reason():
    result = genre.classify("", [], [], [], Metrics())
    assert result.label == labels.GENRE_REPORTING
    assert result.evidence


def _values(text: str) -> dict[str, float | None]:
    analysis = engine.analyze(text)
    return genre.features(analysis.text, analysis.sentences, analysis.quotes, analysis.metrics)


@pytest.mark.parametrize(("text", "expected"), [
    ("However, the plan is flawed. The council should therefore think again.", 2),
    ("Of course the scheme costs money. Yet nobody asked the tenants.", 2),
    ("The vote has not yet taken place. So far, 40 people have signed.", 0),
    ("The minister resigned on Monday. She was replaced by her deputy.", 0),
    ('"However hard we try, it is never enough," the mayor said. The vote is on Friday.', 0),
])
def test_genre_counts_argumentative_connectives_outside_quotes(text, expected):
    sentences = engine.analyze(text).sentences
    assert round(_values(text)["connectives"] * len(sentences)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("One.\n\nTwo. Three.\n\nFour. Five. Six.", 2.0),
    ("One.\nTwo. Three.\nFour. Five. Six.\nSeven.", 1.75),
    ("One. Two. Three.\n\nFour.", None),
])
def test_genre_paragraph_length_in_sentences(text, expected):
    sentences = [Sentence(m.start(), m.end(), labels.FACT, 0.0)
                 for m in re.finditer(r"\w+\.", text)]
    assert genre.features(text, sentences, (), Metrics())["paragraph_length"] == expected


def test_genre_counts_sentences_with_a_named_source():
    values = _values(REPORT)
    assert values["named_sources"] >= 0.5
    assert _values(EDITORIAL)["named_sources"] == 0.0


def _paragraphs(text: str, per_paragraph: int, layout: str) -> str:
    sentences = re.findall(r"[^.?!]+[.?!]\S*\s*", text)
    groups = [sentences[i:i + per_paragraph] for i in range(0, len(sentences), per_paragraph)]
    return layout.join("".join(group).strip() for group in groups)


@pytest.mark.parametrize("layout", ["\n\n", "\n"])
@pytest.mark.parametrize(("text", "per_paragraph", "expected"), [
    (EDITORIAL, 2, labels.GENRE_OPINION),
    (REPORT, 1, labels.GENRE_REPORTING),
])
def test_genre_same_verdict_with_blank_lines_or_line_breaks(text, per_paragraph, expected, layout):
    laid_out = _paragraphs(text, per_paragraph, layout)
    assert laid_out.count("\n") >= 1
    assert engine.analyze(laid_out).genre.label == expected


def test_genre_one_odd_feature_cannot_decide_alone():
    _, cap, table = genre._model()
    values = {name: spec["centre"] for name, spec in table.items()}
    values["paragraph_length"] = 1000.0
    assert genre.pushes(values, table, cap)["paragraph_length"] == cap
