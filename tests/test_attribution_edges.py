"""Attribution has clean edges (issue 12): actions are not speech, reported content stops
where the writer's comment starts, passive and attitude frames attribute, the source's
words are never the writer's loaded language, and one speaker is one speaker."""

from __future__ import annotations

import pytest

from framelens import engine, labels
from framelens.model import speaker_key


def _quote_words(text: str) -> list[tuple[str | None, str | None, str]]:
    analysis = engine.analyze(text)
    return [(analysis.speaker_of(q), analysis.cue_of(q),
             text[q.content.start:q.content.end]) for q in analysis.quotes]


@pytest.mark.parametrize("text", [
    "The ministry is signalling it will not renew the contract.",
    "When the police refused to fire on the marchers, the protest grew.",
    "The committee tried to delay the vote until spring.",
    "Residents attempted to reach the roof before the fire spread.",
])
def test_attribution_actions_are_not_speech_or_beliefs(text):
    assert engine.analyze(text).quotes == ()


def test_attribution_refusing_to_speak_is_a_stance_refusing_to_act_is_not():
    analysis = engine.analyze("The minister declined to comment on the report.")
    assert ("The minister", "declined") in [(analysis.speaker_of(q), analysis.cue_of(q))
                                            for q in analysis.quotes]
    assert engine.analyze("The minister declined to sign the report.").quotes == ()


def test_attribution_reported_content_stops_before_the_writers_participial_comment():
    text = ("The mayor stated she had never seen the contract, highlighting how little "
            "the council knew about the deal.")
    # and the comment is no quote of its own
    assert _quote_words(text) == [("The mayor", "stated", "she had never seen the contract")]


def test_attribution_source_participle_that_continues_the_claim_stays_in_the_content():
    text = ("The engineer said the dam would hold, adding that the spillway had been "
            "cleared last week.")
    quotes = _quote_words(text)
    assert any(content.endswith("cleared last week") for _, _, content in quotes)


def test_attribution_passive_described_by_source_as():
    text = ("The programme, described by the auditor as a \u201cwasteful and "
            "poorly planned scheme,\u201d closed in June.")
    quotes = _quote_words(text)
    assert any(speaker == "the auditor" and cue == "described" and "wasteful" in content
               for speaker, cue, content in quotes)


@pytest.mark.parametrize(("text", "speaker", "cue"), [
    ("Local doctors express growing concern that the clinic will close before winter.",
     "Local doctors", "express"),
    ("The farmers voiced hope that the rain would come before the harvest.",
     "The farmers", "voiced"),
])
def test_attribution_expressed_attitude_is_a_reporting_frame(text, speaker, cue):
    analysis = engine.analyze(text)
    [quote] = analysis.quotes
    assert (analysis.speaker_of(quote), analysis.cue_of(quote)) == (speaker, cue)
    assert text[quote.content.start:quote.content.end].startswith("that")
    assert [s.label for s in analysis.sentences] == [labels.ATTRIBUTED]


@pytest.mark.parametrize(("text", "word"), [
    # a parenthetical verb of saying, an object of 'report', a clause of 'suggests'
    ("Now, she argues, the regime is punishing its own teachers.", "regime"),
    ("Aid agencies report a grim toll, with 40 deaths since the storm hit.", "grim toll"),
    ("The analyst suggests the regime\u2019s reliance on the army is growing.", "regime"),
])
def test_attribution_source_words_in_reported_speech_are_not_loaded_language(text, word):
    analysis = engine.analyze(text)
    marked = [text[s.start:s.end] for s in analysis.spans if s.category == labels.LOADED]
    assert word not in marked
    assert analysis.quotes


def test_attribution_writer_words_outside_reported_speech_stay_loaded():
    text = "The regime arrested twelve teachers on Monday."
    analysis = engine.analyze(text)
    assert "regime" in [text[s.start:s.end] for s in analysis.spans
                        if s.category == labels.LOADED]


@pytest.mark.parametrize(("a", "b"), [
    ("independent sources", "Independent sources"),
    ("The monitors", "monitors"),
    ("the  Red Cross", "Red Cross"),
])
def test_attribution_speaker_key_ignores_case_spacing_and_leading_article(a, b):
    assert speaker_key(a) == speaker_key(b)


def test_attribution_speakers_differing_by_case_are_one_speaker():
    text = ("Independent sources confirm that the convoy crossed the border. "
            "The convoy carried fuel, independent sources said.")
    analysis = engine.analyze(text)
    speakers = {analysis.speaker_of(q) for q in analysis.quotes}
    assert speakers == {"Independent sources"}


@pytest.mark.parametrize(("text", "content"), [
    ("The senator criticised the mayor for his handling of the floods.",
     "the mayor for his handling of the floods"),
    ("Critics accused the board of hiding the losses from shareholders.",
     "the board of hiding the losses from shareholders"),
])
def test_attribution_object_cue_content_keeps_what_the_charge_is(text, content):
    assert [c for _, _, c in _quote_words(text)] == [content]
