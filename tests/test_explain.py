"""One phrasing for every mark: the window's tooltip and the exports' notes say the same."""

from __future__ import annotations

import re
from html import unescape

import pytest

from framelens import engine, explain, labels
from framelens.export import marks as marklib
from framelens.gui.explain import to_html

TEXT = ("The minister claimed the plan would work. We must stop this disastrous scheme now. "
        "\u201cIt is finished,\u201d said Ana Ruiz.")


@pytest.fixture(scope="module")
def analysis():
    return engine.analyze(TEXT)


def _html_lines(markup: str) -> list[str]:
    plain = markup.replace("<b>", "").replace("</b>", "").replace("<code>", "")
    return [unescape(line) for line in plain.replace("</code>", "").split("<br>")]


def test_explain_tooltip_and_note_share_every_reason(analysis):
    explanations = [explain.explain_span(analysis, s) for s in analysis.spans]
    explanations += [explain.explain_quote(analysis, q) for q in analysis.quotes]
    assert explanations
    for item in explanations:
        tooltip = " ".join(_html_lines(to_html(item)))
        for line in item.lines:
            assert line in tooltip and line in item.note()
        assert item.rule in tooltip and f"[rule {item.rule}]" in item.note()


def test_explain_loaded_reporting_verb_says_why_on_screen_and_paper(analysis):
    quote = next(q for q in analysis.quotes if q.cue_tone == labels.CUE_LOADED)
    note = explain.explain_quote(analysis, quote).note()
    assert "Reporting verb: claimed (loaded)." in note
    assert "\u201csaid\u201d is neutral" in note


def test_explain_loaded_word_names_the_word_and_a_neutral_alternative(analysis):
    span = next(s for s in analysis.spans if s.category == labels.LOADED and s.alternative)
    note = explain.explain_span(analysis, span).note()
    assert note.startswith("Loaded language")
    assert f"\u201c{TEXT[span.start:span.end]}\u201d" in note
    assert f"Neutral alternative: \u201c{span.alternative}\u201d." in note


def test_explain_note_is_one_line_and_names_only_the_strongest_cues(analysis):
    sentence = max(analysis.sentences, key=lambda s: len(s.evidence))
    assert len(sentence.evidence) > 1
    short = explain.explain_sentence(analysis, sentence, max_cues=1)
    full = explain.explain_sentence(analysis, sentence)
    assert "\n" not in short.note()
    assert re.search(r"and \d+ more cues?\b", short.note())
    assert len(full.lines) > len(short.lines)
    assert all("weight" in line for line in full.lines if "\u201c" in line)


def test_explain_pdf_marks_carry_the_shared_notes(analysis):
    notes = {m.note for m in marklib.collect_marks(analysis, labels.STYLED_CATEGORIES)}
    for span in analysis.spans:
        assert explain.explain_span(analysis, span).note() in notes


def test_explain_note_names_the_cues_behind_the_label_first():
    text = "In 1979 the council made a terrible, shameful decision that we must reverse."
    analysis = engine.analyze(text)
    (sentence,) = analysis.sentences
    assert sentence.label == labels.OPINION
    assert any(e.weight < 0 for e in sentence.evidence)  # a date pulls the other way
    note = explain.explain_sentence(analysis, sentence, max_cues=3)
    assert "1979" not in note.note()
    assert all(e.rule in note.rule for e in sorted(sentence.evidence, key=lambda e: -e.weight)[:3])


@pytest.mark.parametrize(("count", "noun", "plural", "expected"), [
    (1, "quote", None, "1 quote"),
    (0, "quote", None, "0 quotes"),
    (2, "named source", None, "2 named sources"),
    (3, "speech", "speeches", "3 speeches"),
])
def test_explain_counts_read_as_words(count, noun, plural, expected):
    assert explain.counted(count, noun, plural) == expected


def test_explain_source_counts_tell_quotes_speakers_and_named_sources_apart():
    import dataclasses

    from framelens import labels
    from framelens.explain import source_counts
    from framelens.model import Analysis, Genre, Metrics, Quote, TextRange

    text = "Ann Lee said yes. Officials said no. The mayor knows it."
    def quote(speaker: str, name: str | None, rule: str = "quotes.indirect") -> Quote:
        start = text.index(speaker)
        return Quote(labels.INDIRECT, TextRange(start, start + 3),
                     TextRange(start, start + len(speaker)), None, rule, name)

    quotes = (quote("Ann Lee", "Ann Lee"), quote("Officials", None),
              quote("The mayor", "The mayor", labels.STANCE_RULE))
    analysis = Analysis(text, (), (), quotes, Genre(labels.GENRE_REPORTING, 0.1), Metrics())
    counts = source_counts(analysis)
    assert (counts.quotes, counts.credited, counts.speakers, counts.named_sources) == (2, 1, 2, 1)
    assert counts.short() == "2 quotes, 1 named source"
    assert counts.full() == "2 quotes from 2 speakers (1 named source)"
    assert dataclasses.replace(counts, quotes=1).short().startswith("1 quote,")
