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


# Eight sentences: the tests say that A alone reports sentences 1-3 and 6-7.
REPORT = ("The town council met on Monday to discuss the bridge. "
          "The old bridge was closed in March after a flood damaged its piers. "
          "Engineers found cracks in two of the four stone arches. "
          "Traffic now takes a detour of twelve kilometres through the hills. "
          "The council voted to repair the bridge rather than replace it. "
          "Work is due to start in the spring. "
          "Shop owners in the old town say they have lost customers since the closure. "
          "One baker said her sales had fallen by a third.")
ONLY_A = (1, 2, 3, 6, 7)


@pytest.fixture(scope="module")
def report() -> Comparison:
    a, b = engine.analyze_many([REPORT, "The town council met on Monday to discuss the bridge. "
                                "The council voted to repair the bridge."])
    groups = (AlignedGroup((0,), (0,), 0.9), AlignedGroup((4,), (1,), 0.8))
    alignment = Alignment(groups, ONLY_A, (), 0.5, True, "Similarity: 0.50.")
    return Comparison(a, b, (), (), alignment, None)


def test_only_in_sentences_are_grouped_into_the_passages_they_came_from(report):
    from framelens.export.only_in import heading, label, passages

    found = passages(report.a, ONLY_A)
    assert [p.sentences for p in found] == [(1, 2, 3), (6, 7)]
    assert [label(p) for p in found] == ["Lead, 3 sentences", "Near the end, 2 sentences"]
    assert heading("A", len(ONLY_A), found) == "Only in A: 5 sentences, in 2 passages"


def test_html_lists_every_only_in_sentence_by_passage(report):
    html = claims_html.section(report)
    assert "<h3>Only in A: 5 sentences, in 2 passages</h3>" in html
    items = re.findall(r"<li>(.*?)</li>", html)
    assert len(items) == 2
    assert items[0].startswith("<b>Lead, 3 sentences:</b> The old bridge was closed")
    assert items[0].endswith("through the hills.")
    assert "One baker said" in items[1]


def test_pdf_shows_the_start_of_each_only_in_passage_and_counts_the_rest(report, monkeypatch):
    from framelens.export import pdf_claims

    register_fonts()
    monkeypatch.setattr(pdf_claims, "PASSAGE_CHARS", 130)  # two of the lead's three sentences
    texts = [getattr(f, "text", "") for f in claims_flowables(report, 500)]
    assert "Only in A: 5 sentences, in 2 passages" in texts
    lead = next(t for t in texts if "Lead, 3 sentences" in t)
    assert "The old bridge was closed in March" in lead
    assert "detour" not in lead  # past the passage's share of the page: counted instead
    assert pdf_claims.ONLY_IN_NOTE in texts
    assert "(and 1 more sentence)" in lead
    assert sum("\u2022" in t for t in texts) == 2


def test_pdf_tables_each_actors_part_in_both_articles():
    """Who acts and who is acted upon: the PDF, like the window, tables every actor's part."""
    from framelens.actors import Actor, ActorComparison

    register_fonts()
    a, b = engine.analyze_many(["Soldiers killed five protesters in Marrakech.",
                                "Five protesters were killed in Marrakech."])
    actors = ActorComparison((Actor("soldiers", "group", 1, 1, 0, 0),
                              Actor("protesters", "group", 1, 0, 1, 0)),
                             (Actor("protesters", "group", 1, 0, 1, 0),
                              Actor("Moroccan", "norp", 1, 0, 0, 0)), (), (), ())
    comparison = Comparison(a, b, (), (), Alignment((), (), (), 0.5, True, ""), actors)
    tables = [f for f in claims_flowables(comparison, 500) if hasattr(f, "_cellvalues")]
    rows = [[cell.text for cell in row] for row in tables[-1]._cellvalues]
    assert rows[1:] == [["protesters", "group", "named 1\u00d7, acted upon 1",
                         "named 1\u00d7, acted upon 1"],
                        ["Moroccan", "nationality, faith or party", "\u2014 not named",
                         "named 1\u00d7"],
                        ["soldiers", "group", "named 1\u00d7, acts 1", "\u2014 not named"]]


def test_pdf_claims_heading_is_never_left_alone_at_the_foot_of_a_page(oped, wire, tmp_path):
    # on the seeds the section starts near the foot of a page: its heading, summary and key
    # went there and the table began on the next page
    from pypdf import PdfReader

    from framelens.comparison import compare
    from framelens.export.pdf import write_pdf

    comparison = compare(oped, wire)
    out = tmp_path / "report.pdf"
    write_pdf([comparison.a, comparison.b], comparison, str(out))
    pages = [" ".join((page.extract_text() or "").split()) for page in PdfReader(out).pages]
    start = next(p for p in pages if "Same facts, different framing" in p)
    assert "How the telling differs" in start
