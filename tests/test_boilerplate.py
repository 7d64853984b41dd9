"""Boilerplate: web debris is marked (never deleted) and kept out of the figures."""

from __future__ import annotations

import pytest

from framelens import labels
from framelens.analyzers.boilerplate import find_boilerplate


def _marked_lines(text: str) -> list[str]:
    return [text[s.start:s.end] for s in find_boilerplate(text)]


@pytest.mark.parametrize("line", [
    "Advertisement",
    "Add Example Times As Your Trusted Source",
    "ALSO READ: Ten Things About Something Else",
    "Reported by: Jane Doe",
    "Follow: Google News Icon",
    "  \u2022 share",
    "Updated March 3rd 2025, 10:00 GMT",
    "cdn.tracker-example",
])
def test_boilerplate_marks_page_debris(line):
    text = f"Officials met on Tuesday to discuss the budget.\n{line}\nThe talks ended late."
    assert _marked_lines(text) == [line.strip(" \u2022")]


@pytest.mark.parametrize("text", [
    "The minister said the plan would share costs between regions.",
    "Follow the money, the senator told reporters on Monday, and you find the lobbyists.",
    "By noon the crowd had doubled.",
])
def test_boilerplate_leaves_article_sentences_alone(text):
    assert _marked_lines(text) == []


def test_boilerplate_oped_debris_is_marked(oped):
    debris = [oped.text[s.start:s.end] for s in oped.spans_of(labels.BOILERPLATE)]
    assert debris.count("Add Republic As Your Trusted Source") == 4
    assert "sb.scorecardresearch" in debris
    assert "Advertisement" in debris
    assert any(d.startswith("ALSO READ:") for d in debris)
    assert "Reported by: Savio Rodrigues" in debris
    # The headline's first appearance is kept as text (it becomes the title).
    assert oped.title.startswith("From Revolutionary Guard to Rented Guns")


def test_boilerplate_is_left_out_of_sentences(oped):
    debris = oped.spans_of(labels.BOILERPLATE)
    for sentence in oped.sentences:
        assert not any(d.start < sentence.end and sentence.start < d.end for d in debris)


def test_boilerplate_wire_report_has_none(wire):
    assert wire.spans_of(labels.BOILERPLATE) == ()
