"""Genre: opinion (op-ed, editorial) or reporting (news), with plain-word reasons."""

from __future__ import annotations

import pytest

from framelens import engine, labels
from framelens.analyzers import genre
from framelens.model import Metrics

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
