"""The "Same facts, different framing" section of the PDF and HTML: each aligned claim side by
side with the words its differences are about marked in place, then what only one article
reports, then actors and voices.

The alignment is written by hand (which sentences belong together is the engine's business,
tested in tests/test_alignment.py); the analyses and the framing differences are the real
engine's, on sentences we wrote.
"""

from __future__ import annotations

import re

import pytest

from framelens import engine
from framelens.alignment import AlignedGroup, Alignment
from framelens.export import claims_html
from framelens.export.claim_marks import claim_runs
from framelens.export.pdf_canvas import register_fonts
from framelens.export.pdf_claims import claims_flowables
from framelens.framing import differences
from framelens.model import Comparison

# A: 800 mercenaries swarmed (loaded), "perhaps" (hedge); B: 850 fighters, no loaded word.
CROSSING_A = ("Observers say 800 mercenaries swarmed across the border near Basra on Monday, "
              "perhaps more.\n\nThe Iraqi interior ministry did not comment on the crossing.")
CROSSING_B = ("Some 850 fighters crossed the border near Basra on Monday, the monitors "
              "said.\n\nIraq's interior ministry declined to comment on the crossing.")


@pytest.fixture(scope="module")
def crossing() -> Comparison:
    a, b = engine.analyze_many([CROSSING_A, CROSSING_B])
    group = AlignedGroup((0,), (0,), 0.8, (), differences(a, b, (0,), (0,)))
    alignment = Alignment((group,), (1,), (1,), 0.7, True, "Similarity: 0.70.")
    return Comparison(a, b, (), (), alignment, None)


def marked_words(runs) -> list[str]:
    return [text for text, marked in runs if marked]


def test_claim_marks_the_words_only_one_side_uses_and_the_numbers_that_differ(crossing):
    a, b = crossing.a, crossing.b
    notes = " ".join(crossing.alignment.groups[0].differences)
    assert "mercenaries" in notes and "perhaps" in notes and "800" in notes  # the engine's
    assert marked_words(claim_runs(a, (0,), b, (0,))) == ["800", "mercenaries", "swarmed",
                                                          "perhaps"]
    assert marked_words(claim_runs(b, (0,), a, (0,))) == ["850"]
    text = "".join(t for t, _ in claim_runs(a, (0,), b, (0,)))
    assert text == " ".join(CROSSING_A.split("\n\n")[0].split())


def test_claim_text_is_cut_with_an_ellipsis_past_the_limit(crossing):
    runs = claim_runs(crossing.a, (0, 1), crossing.b, (0, 1), 25)
    assert "".join(t for t, _ in runs) == "Observers say 800 mercen\u2026"
    assert marked_words(runs) == ["800", "mercen\u2026"]


def test_html_claims_mark_the_differing_words_in_place(crossing):
    html = claims_html.section(crossing)
    row = re.search(r"<tr><td>(.*?)</td><td>(.*?)</td>", html.split("</th></tr>", 1)[1])
    assert row is not None
    cell_a, cell_b = row.groups()
    assert re.findall(r"<mark>(.*?)</mark>", cell_a) == ["800", "mercenaries", "swarmed",
                                                         "perhaps"]
    assert re.findall(r"<mark>(.*?)</mark>", cell_b) == ["850"]
    assert "font-weight:bold" in claims_html.CSS and "underline" in claims_html.CSS


def test_pdf_claims_print_the_differing_words_bold_and_underlined(crossing):
    register_fonts()
    table = next(f for f in claims_flowables(crossing, 500) if hasattr(f, "_cellvalues"))
    cell_a, cell_b = (table._cellvalues[1][0].text, table._cellvalues[1][1].text)
    assert re.findall(r"<u><b>(.*?)</b></u>", cell_a) == ["800", "mercenaries", "swarmed",
                                                          "perhaps"]
    assert re.findall(r"<u><b>(.*?)</b></u>", cell_b) == ["850"]
