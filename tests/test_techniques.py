"""Persuasion techniques: what must and must not be marked, and whose rhetoric it is."""

from __future__ import annotations

import csv
from html import unescape

import pytest
from pypdf import PdfReader

from framelens import charts, engine, labels, technique_info
from framelens.comparison import compare
from framelens.explain import explain_span
from framelens.export import csvfile, html, pdf
from framelens.model import Analysis, Span


def _techniques(text: str) -> tuple[Analysis, list[Span]]:
    analysis = engine.analyze(text)
    return analysis, list(analysis.spans_of(labels.TECHNIQUE))


def _marked(text: str) -> set[tuple[str, str]]:
    """(technique id, marked words) of every technique span of the text."""
    _, spans = _techniques(text)
    return {(s.subtype, text[s.start:s.end]) for s in spans}


@pytest.mark.parametrize(("text", "technique", "words"), [
    ("Critics say the council rammed the vote through in a shameful midnight session.",
     "vague_attribution", "Critics say"),
    ("Many experts warn that the bridge will not last another winter.",
     "vague_attribution", "Many experts warn"),
    ("It is widely believed that the mayor knew about the contract.",
     "vague_attribution", "It is widely believed"),
    ("Every patriot knows that our nation deserves a better treaty than this.",
     "flag_waving", "our nation"),
    ("The new rules are straight out of the Nazi playbook.",
     "bandwagon_reductio_ad_hitlerum", "straight out of the Nazi"),
    ("The tax went up again this spring, but it is what it is.",
     "thought_terminating_cliche", "it is what it is"),
    ("The minister misled parliament. What about the opposition's record on housing?",
     "whataboutism_straw_man_red_herring", "What about the opposition's record on housing?"),
    ("Without a shred of evidence, the mayor blamed the cyclists for the congestion.",
     "exaggeration_minimisation", "Without a shred of evidence"),
    ("If the depot opens, our children are in danger every single day.",
     "appeal_to_fear", "our children are in danger"),
    ("Why should anyone trust a man who changed his story twice?",
     "doubt", "Why should anyone trust a man who changed his story twice?"),
    ("The crowd marched to the harbour chanting: Hands off our harbour!",
     "slogans", "Hands off our harbour"),
])
def test_techniques_marks_the_words_that_carry_the_technique(text, technique, words):
    assert (technique, words) in _marked(text)


@pytest.mark.parametrize("text", [
    "The council approved the budget by seven votes to two on Tuesday.",
    "Three critics of the plan, all engineers, spoke at the hearing.",
    "The critics' association holds its annual meeting in May.",
    "The nation's central bank raised its main rate by a quarter point.",
    "The report found no evidence that the pipes had been tampered with.",
    "The children were taken to hospital as a precaution and released by the evening.",
    "Why did the train stop at the bridge? Engineers are checking the signals.",
    "What about the weather? Forecasters expect rain on Friday.",
])
def test_techniques_leave_plain_reporting_unmarked(text):
    assert _marked(text) == set()


def test_techniques_in_writer_voice_say_so():
    text = "This is a bad day for our nation and its farmers."
    analysis, spans = _techniques(text)
    (span,) = spans
    assert span.voice == labels.VOICE_WRITER and span.speaker is None
    note = explain_span(analysis, span).note()
    assert "Used by the writer" in note
    assert "our nation" in note and "Ask:" in note and span.question in note


@pytest.mark.parametrize("text", [
    "\u201cWithout a shred of evidence, the mayor blamed the cyclists for everything,\u201d "
    "said Anna Berg, a councillor.",
    "Anna Berg, a councillor, said that our nation deserves a better treaty than this.",
])
def test_techniques_inside_a_quote_belong_to_the_source(text):
    analysis, spans = _techniques(text)
    assert spans, "the technique is still marked inside the quote"
    for span in spans:
        assert span.voice == labels.VOICE_SOURCE
        assert span.speaker == "Anna Berg"
        assert "Used by Anna Berg, quoted" in explain_span(analysis, span).note()


def test_vague_attribution_in_the_issue_draft_is_marked_and_not_a_named_source():
    text = "Critics say the council rammed the vote through in a shameful midnight session."
    analysis, spans = _techniques(text)
    vague = [s for s in spans if s.subtype == labels.VAGUE_ATTRIBUTION]
    assert [text[s.start:s.end] for s in vague] == ["Critics say"]
    assert "nobody named" in vague[0].explanation
    assert analysis.metrics.vague_attribution_count == 1
    assert analysis.metrics.technique_count == 0  # vague attribution is counted apart


def test_techniques_counts_split_writer_and_sources():
    text = ("Our nation deserves better than this treaty. "
            "Anna Berg, a councillor, said that our country had been sold short.")
    analysis, spans = _techniques(text)
    assert {s.voice for s in spans} == {labels.VOICE_WRITER, labels.VOICE_SOURCE}
    figures = analysis.metrics
    assert figures.technique_count == 2
    assert (figures.technique_writer_count, figures.technique_source_count) == (1, 1)
    assert figures.technique_per_100_sentences == pytest.approx(100.0)


def test_techniques_disabled_rules_stay_silent_unless_asked_for():
    text = ("The corrupt officials signed the contract. "
            "Hitler's rise in 1933 is covered in the second chapter.")
    assert not {t for t, _ in _marked(text)} & {"name_calling", "bandwagon_reductio_ad_hitlerum"}


def test_techniques_resource_defines_every_subtype_with_a_question():
    table = technique_info.techniques()
    assert set(table) == set(labels.TECHNIQUE_SUBTYPES)
    for info in table.values():
        assert info.name and info.definition and info.example
        assert info.question.endswith("?")


def test_techniques_spans_stay_within_one_sentence(oped):
    for span in oped.spans_of(labels.TECHNIQUE):
        assert any(s.start <= span.start and span.end <= s.end for s in oped.sentences)


def test_techniques_json_round_trip_keeps_voice_and_question(oped):
    again = Analysis.from_json(oped.to_json())
    assert again.spans_of(labels.TECHNIQUE) == oped.spans_of(labels.TECHNIQUE)
    other = [s for s in oped.to_json()["spans"] if s["category"] != labels.TECHNIQUE]
    assert all("voice" not in s for s in other)


def test_techniques_comparison_says_who_uses_a_technique_in_whose_voice():
    writer = engine.analyze("Our nation deserves better. Our country has been sold short. "
                            "The talks resume on Monday.")
    quoting = engine.analyze("Anna Berg, a councillor, said that our nation deserved better. "
                             "The talks resume on Monday.")
    lines = compare(writer, quoting, "A", "B").contrasts
    assert "A uses flag-waving twice in its own voice; B only in quotes (once)." in lines
    only = compare(writer, engine.analyze("The talks resume on Monday."), "A", "B").contrasts
    assert "Only A uses flag-waving: twice, in its own voice." in only
    assert any(line.startswith("Persuasion techniques per 100 sentences: A 66.7, B 0.0")
               for line in only)


def test_techniques_exports_carry_voice_and_question(oped, tmp_path):
    out = tmp_path / "marks.csv"
    csvfile.write_csv([oped], str(out))
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["category"] == labels.TECHNIQUE]
    assert rows and all(row["voice"] and row["question"].endswith("?") for row in rows)
    cliche = [row for row in rows if row["subtype"] == "thought_terminating_cliche"]
    assert [row["voice"] for row in cliche] == ["writer"]


def test_techniques_pdf_has_a_glossary_of_the_techniques_that_occur(oped, tmp_path):
    out = tmp_path / "handout.pdf"
    pdf.write_pdf([oped], None, str(out))
    pages = [page.extract_text() for page in PdfReader(str(out)).pages]
    glossary = [text for text in pages if "Glossary of persuasion techniques" in text]
    assert len(glossary) == 1
    words = " ".join(glossary[0].replace("-\n", "-").split())
    assert "Thought-terminating clich" in words and "Vague attribution" in words
    assert "Flag-waving" not in words  # only the techniques that occur
    assert "What question does this phrase stop the reader from asking?" in words


def test_techniques_on_seeds_oped_is_the_writer_wire_is_its_sources(oped, wire):
    def used(analysis):
        return [(s.subtype, s.voice, analysis.text[s.start:s.end])
                for s in analysis.spans_of(labels.TECHNIQUE)
                if s.subtype != labels.VAGUE_ATTRIBUTION]

    assert used(oped) == [("thought_terminating_cliche", labels.VOICE_WRITER,
                           "the conclusion is unavoidable")]
    assert ("slogans", labels.VOICE_SOURCE, "Death to Khamenei") in used(wire)
    assert wire.metrics.technique_source_count > wire.metrics.technique_writer_count
    assert oped.metrics.technique_writer_count == oped.metrics.technique_count
    vague = {wire.text[s.start:s.end] for s in wire.spans_of(labels.TECHNIQUE)
             if s.subtype == labels.VAGUE_ATTRIBUTION}
    assert {"Experts suggest", "independent sources confirm"} <= vague


def test_techniques_html_notes_say_whose_and_ask_the_question(seed_analyses, tmp_path):
    out = tmp_path / "page.html"
    html.write_html(seed_analyses, compare(*seed_analyses), str(out))
    page = " ".join(unescape(out.read_text(encoding="utf-8")).split())
    assert ("Technique: Slogans \u201cDeath to Khamenei\u201d: \u201cDeath to Khamenei\u201d is a "
            "chant or slogan") in page
    assert "Used by the crowd, quoted." in page
    assert "Ask: What claim does the slogan make, and is it supported anywhere?" in page
    assert "Only B uses slogans: once, in quotes." in page


def test_techniques_chart_stacks_own_voice_and_quoted_per_side():
    writer = engine.analyze("Our nation deserves better. Our country has been sold short.")
    quoting = engine.analyze("Anna Berg, a councillor, said that our nation deserved better.")
    figure = charts.technique_chart(compare(writer, quoting))
    assert figure is not None
    heights = sorted(round(bar.get_height()) for bar in figure.axes[0].patches)
    assert heights == [0, 0, 1, 2]  # A: 2 own + 0 quoted; B: 0 own + 1 quoted
    plain = engine.analyze("The talks resume on Monday.")
    assert charts.technique_chart(compare(plain, plain)) is None
