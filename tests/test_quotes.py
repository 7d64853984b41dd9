"""Quotes: who said what, with which verb (direct quotes, reported speech, speaker names)."""

from __future__ import annotations

import pytest

from framelens import engine, labels
from framelens.analyzers.quotes import cue_tone
from framelens.model import Analysis, Quote, TextRange


def _text(analysis: Analysis, part: TextRange | None) -> str | None:
    return None if part is None else analysis.text[part.start:part.end]


def _quotes(text: str) -> tuple[Analysis, list[Quote]]:
    analysis = engine.analyze(text)
    return analysis, list(analysis.quotes)


def _only(text: str, kind: str) -> tuple[Analysis, Quote]:
    analysis, quotes = _quotes(text)
    of_kind = [q for q in quotes if q.kind == kind]
    assert len(of_kind) == 1, [(_text(analysis, q.content), q.rule) for q in quotes]
    return analysis, of_kind[0]


@pytest.mark.parametrize("text, content, speaker, cue", [
    ("Officials met on Monday. \u201cThe budget is balanced,\u201d she said.",
     "\u201cThe budget is balanced,\u201d", "she", "said"),
    ("The minister said: \u201cWe will not raise taxes this year.\u201d",
     "\u201cWe will not raise taxes this year.\u201d", "The minister", "said"),
    ('"We have no plans to close the plant," said Maria Lopez, a company spokeswoman.',
     '"We have no plans to close the plant,"', "Maria Lopez", "said"),
    ('The coach told the team, "Nobody leaves before the last whistle tonight."',
     '"Nobody leaves before the last whistle tonight."', "The coach", "told"),
    ("\u201cWhy would anyone build a road there?\u201d asked the farmer.",
     "\u201cWhy would anyone build a road there?\u201d", "the farmer", "asked"),
])
def test_quotes_direct_speaker_and_cue(text, content, speaker, cue):
    analysis, quote = _only(text, labels.DIRECT)
    assert _text(analysis, quote.content) == content
    assert speaker in (_text(analysis, quote.speaker) or "")
    assert _text(analysis, quote.cue) == cue
    assert quote.cue_tone == labels.CUE_NEUTRAL


def test_quotes_direct_interrupted_by_attribution_is_one_quote():
    text = ("\u201cThe plan is ready,\u201d he said. "
            "\u201cWe start on Monday with the first crews.\u201d")
    analysis, quote = _only(text, labels.DIRECT)
    assert _text(analysis, quote.content) == text
    assert _text(analysis, quote.speaker) == "he"


def test_quotes_direct_continues_into_next_paragraph_in_news_style():
    text = ("The mayor spoke at length.\n\n\u201cThe first part of the plan is simple.\n\n"
            "\u201cThe second part is harder,\u201d the mayor said.\n\nThe council adjourned.")
    analysis, quote = _only(text, labels.DIRECT)
    content = _text(analysis, quote.content) or ""
    assert content.startswith("\u201cThe first part") and content.endswith("harder,\u201d")
    assert _text(analysis, quote.cue) == "said"


@pytest.mark.parametrize("text, content, speaker", [
    ("and nobody here will forget it.\u201d The hearing ended at noon.",
     "and nobody here will forget it.\u201d", None),
    ("The roads stay shut until the spring,\u201d the engineer said. Traffic was light.",
     "The roads stay shut until the spring,\u201d", "the engineer"),
])
def test_quotes_excerpt_that_begins_inside_a_quotation(text, content, speaker):
    # A pasted excerpt can start mid-quotation: its first mark closes a quote.
    analysis, quote = _only(text, labels.DIRECT)
    assert _text(analysis, quote.content) == content
    assert _text(analysis, quote.speaker) == speaker
    assert analysis.sentences[0].label == labels.ATTRIBUTED


@pytest.mark.parametrize("text", [
    "The mayor said \u201cwe will see.\nThe council met on Tuesday and approved the budget.\n"
    "The vote was close.",
    "It rained\u201d all day. The mayor said the roads were closed.\nThe council met.",
    '"""\n\u201c\u201c\u201d\u201d\n\'\'\'\n\u2018 \u2019 \u201d \u201c',
    "She said \u201ca \u2018nested \u201cmess\u2019 with\u201d no end.\nNext line here.",
])
def test_quotes_unbalanced_marks_never_crash_or_swallow_text(text):
    analysis, quotes = _quotes(text)
    assert not analysis.errors
    for quote in quotes:
        assert 0 <= quote.content.start <= quote.content.end <= len(text)
        assert "council" not in (_text(analysis, quote.content) or "")
        assert "Next line" not in (_text(analysis, quote.content) or "")


@pytest.mark.parametrize("text", [
    "The country\u2019s leaders don't agree, and the players' union isn't happy about it.",
    "Iran\u2019s rulers and the \u201990s reforms: it\u2019s the workers\u2019 pay that matters.",
    "He approached the stable. Nobody knew where the horses' carrots were kept.",
])
def test_quotes_apostrophes_are_not_quote_marks(text):
    _, quotes = _quotes(text)
    assert [q for q in quotes if q.kind == labels.DIRECT] == []


@pytest.mark.parametrize("text", [
    "The senator called the plan a \u201cfailsafe\u201d against fraud.",
    "Burton thinks that cats are \u201ccuties\u201d.",
    "She read \u201cOne Hundred Years of Solitude\u201d last summer.",
])
def test_quotes_fragments_in_a_sentence_are_not_direct_quotes(text):
    _, quotes = _quotes(text)
    assert [q for q in quotes if q.kind == labels.DIRECT] == []


@pytest.mark.parametrize("text, content_start, speaker, cue", [
    ("The mayor said that the bridge would reopen next week.", "that the bridge",
     "The mayor", "said"),
    ("The minister told reporters the talks had failed.", "the talks had failed",
     "The minister", "told"),
    ("The economist warns that prices will rise sharply next year.", "that prices",
     "The economist", "warns"),
    ("The union argues that the new rota is unfair to night staff.", "that the new rota",
     "The union", "argues"),
    ("The senator describes the bill as a \u201chistoric step\u201d for farmers.", "the bill as",
     "The senator", "describes"),
    ("Unemployment fell in March, according to the statistics office.", "Unemployment fell",
     "the statistics office", "according to"),
])
def test_quotes_reported_speech(text, content_start, speaker, cue):
    analysis, quote = _only(text, labels.INDIRECT)
    assert (_text(analysis, quote.content) or "").startswith(content_start)
    assert _text(analysis, quote.speaker) == speaker
    assert _text(analysis, quote.cue) == cue


def test_quotes_passive_report_has_no_speaker():
    analysis, quote = _only("It was reported that the factory would close in May.",
                            labels.INDIRECT)
    assert quote.speaker is None
    assert quote.rule == "quotes.passive_report"
    assert (_text(analysis, quote.content) or "").startswith("that the factory")


@pytest.mark.parametrize("text, verb, tone, words", [
    ("The company claimed that the product was safe.", "claim", labels.CUE_LOADED,
     ("claimed", "loaded", "doubt")),
    ("The company admitted that the product was unsafe.", "admit", labels.CUE_LOADED,
     ("admitted", "loaded")),
    ("The company said that the product was safe.", "say", labels.CUE_NEUTRAL,
     ("said", "neutral")),
])
def test_quotes_cue_tone_and_explanation(text, verb, tone, words):
    _, quote = _only(text, labels.INDIRECT)
    assert (quote.cue_verb, quote.cue_tone) == (verb, tone)
    assert all(word in quote.explanation for word in words)


@pytest.mark.parametrize("lemma, tone", [
    ("say", labels.CUE_NEUTRAL), ("tell", labels.CUE_NEUTRAL), ("claim", labels.CUE_LOADED),
    ("insist", labels.CUE_LOADED), ("admit", labels.CUE_LOADED), ("eat", None),
])
def test_quotes_cue_tone_lexicon(lemma, tone):
    assert cue_tone(lemma) == tone


def test_quotes_surname_and_pronoun_resolve_to_full_name():
    text = ("Maria Lopez runs the clinic in town. Lopez said that funding had been cut. "
            "She said the staff would stay until the spring.")
    analysis, quotes = _quotes(text)
    said = [q for q in quotes if q.cue_verb == "say"]
    assert [_text(analysis, q.speaker) for q in said] == ["Lopez", "She"]
    assert [q.speaker_name for q in said] == ["Maria Lopez", "Maria Lopez"]


def test_quotes_never_inside_boilerplate_lines():
    text = ("The council approved the budget on Tuesday.\n"
            "ALSO READ: \u201cWe will win the cup this year,\u201d says the coach\n"
            "The vote was close, officials said.")
    analysis, quotes = _quotes(text)
    line = text.splitlines()[1]
    start = text.index(line)
    assert all(q.content.end <= start or q.content.start >= start + len(line) for q in quotes)


def test_quotes_in_text_order(wire):
    starts = [q.content.start for q in wire.quotes]
    assert starts == sorted(starts)


@pytest.mark.parametrize("name, verbs", [
    ("Lisa Daftari", {"explain", "describe", "argue"}),
    ("Behnam Ben Taleblu", {"suggest", "posit"}),
    ("Barak Seener", {"warn", "suggest"}),
    ("Brian Carter", {"support", "note"}),
])
def test_quotes_wire_seed_attributes_statements_to_experts(wire, name, verbs):
    found = {q.cue_verb for q in wire.quotes if q.speaker_name == name}
    assert verbs <= found


def test_quotes_wire_seed_resolves_pronouns_and_surnames(wire):
    by_mention = {(_text(wire, q.speaker), q.cue_verb): q.speaker_name for q in wire.quotes}
    assert by_mention[("She", "describe")] == "Lisa Daftari"
    assert by_mention[("Ben Taleblu", "posit")] == "Behnam Ben Taleblu"
    assert by_mention[("He", "suggest")] == "Barak Seener"


def test_quotes_oped_seed_has_none_inside_boilerplate(oped):
    debris = [(s.start, s.end) for s in oped.spans if s.category == labels.BOILERPLATE]
    for quote in oped.quotes:
        assert all(quote.content.end <= start or quote.content.start >= end
                   for start, end in debris)


@pytest.mark.parametrize("text", [
    "The mayor's reported reliance on private guards is not a sign of strength.",
    "The reported influx of cash worried the auditors.",
    "Governor Ann Brooks's rumoured plan to quit is not a sign that she has given up.",
])
def test_quotes_attributive_participle_is_not_a_cue(text):
    analysis, quotes = _quotes(text)
    assert [(_text(analysis, q.cue), q.cue_verb) for q in quotes
            if q.cue_verb in ("report", "rumour")] == []


@pytest.mark.parametrize("text", [
    "It reveals how far the party has drifted from its own voters.",
    "History shows that such tactics can prolong power.",
    "This suggests that the council has lost its nerve.",
    "Their eagerness to spend reveals where their loyalties lie.",
    "That proves the budget was never balanced.",
    "This moment demands clarity from every leader.",
])
def test_quotes_writer_argument_is_not_reported_speech(text):
    _, quotes = _quotes(text)
    assert quotes == []


@pytest.mark.parametrize("text, speaker", [
    ("The report says the plan failed.", "The report"),
    ("Officials said the talks ended.", "Officials"),
    ("The study shows that sleep improves memory.", "The study"),
    ("Researchers found that the drug lowered blood pressure.", "Researchers"),
    ("The ministry confirmed that the border would stay closed.", "The ministry"),
    ("Many argue that the tax is unfair.", "Many"),
    ("The senator, who grew up on a farm, suggested that it would fail.", "The senator"),
])
def test_quotes_sources_of_reported_speech_stay(text, speaker):
    analysis, quote = _only(text, labels.INDIRECT)
    assert _text(analysis, quote.speaker) == speaker


@pytest.mark.parametrize("text", [
    "Protesters are boldly challenging the theocratic leadership.",
    "The troops attacked the bridge at dawn.",
    "Fans backed the car into the garage.",
    "The general ruled the province for a decade.",
])
def test_quotes_action_verbs_with_a_thing_as_object_are_not_quotes(text):
    _, quotes = _quotes(text)
    assert quotes == []


@pytest.mark.parametrize("text, verb", [
    ("The senator attacked the plan as a giveaway to banks.", "attack"),
    ("The union endorsed Maria Lopez for mayor.", "endorse"),
    ("The judge dismissed the allegations as baseless.", "dismiss"),
    ("The company cited rising costs.", "cite"),
])
def test_quotes_object_cues_whose_object_is_said_stay(text, verb):
    _, quote = _only(text, labels.INDIRECT)
    assert quote.cue_verb == verb


@pytest.mark.parametrize("text, speaker", [
    ("A city that must borrow money to pay its police is admitting that it has failed.",
     "A city"),
    ("The lawyer who represented the family said that the ruling was unjust.", "The lawyer"),
])
def test_quotes_speaker_span_stops_before_a_relative_clause(text, speaker):
    analysis, quote = _only(text, labels.INDIRECT)
    assert _text(analysis, quote.speaker) == speaker


@pytest.mark.parametrize("text, name", [
    ("Officials said the talks ended.", None),
    ("A spokesman said the plant would stay open.", None),
    ("Maria Lopez said the plant would stay open.", "Maria Lopez"),
    ("The European Union said the deal was fair.", "The European Union"),
])
def test_quotes_speaker_name_only_for_named_sources(text, name):
    _, quote = _only(text, labels.INDIRECT)
    assert quote.speaker_name == name


def test_quotes_unnamed_speaker_still_explained_by_its_words():
    _, quote = _only("Officials said the talks ended.", labels.INDIRECT)
    assert "Officials" in quote.explanation


def test_quotes_dash_signature_has_speaker_and_no_cue_verb():
    text = "\u201cNo one can be free who is a slave to his passions.\u201d \u2015 Maria Lopez"
    analysis, quote = _only(text, labels.DIRECT)
    assert _text(analysis, quote.speaker) == "Maria Lopez"
    assert quote.cue is None and quote.cue_verb is None and quote.cue_tone is None
    assert quote.rule == "quotes.direct_signed"
    assert "\u2015" not in quote.explanation and "dash" in quote.explanation


def test_quotes_oped_seed_attributes_nothing_to_abstract_subjects(oped):
    speakers = {(_text(oped, q.speaker) or "").split()[0].lower() for q in oped.quotes
                if q.speaker is not None}
    assert not speakers & {"it", "history", "this", "their", "supreme"}
    assert all(q.cue_verb not in ("report", "reveal", "show") for q in oped.quotes)


def test_quotes_wire_seed_challenge_and_attack_are_not_quotes(wire):
    assert not {q.cue_verb for q in wire.quotes} & {"challenge", "attack"}


@pytest.mark.parametrize(("text", "sources"), [
    # a belief the writer credits to someone is an attribution, not a voice
    ("Marta Silva knows that the budget cannot pass. The council met on Monday.", ()),
    ("Marta Silva said that the budget cannot pass. The council met on Monday.",
     ("Marta Silva",)),
])
def test_quotes_only_speakers_given_a_voice_count_as_named_sources(text, sources):
    analysis = engine.analyze(text)
    assert analysis.quotes
    assert analysis.sources() == sources
    assert analysis.metrics.named_source_count == len(sources)
    assert analysis.metrics.quote_count == len(sources)


@pytest.mark.parametrize("text, voiced", [
    ("The company admitted that the product had failed.", True),
    ("Mayor Jane Ruiz said that the bridge would close.", True),
    # the writer's reading of what someone's actions amount to: nobody's words
    ("By hiring guards, the company is tacitly admitting that the product had failed.", False),
    ("Mayor Jane Ruiz effectively conceded that the bridge would close.", False),
    # a belief or plan credited to someone is an attribution, not a quote
    ("Mayor Jane Ruiz knows that the bridge will close.", False),
])
def test_quotes_words_said_are_voiced_beliefs_and_inferences_are_not(text, voiced):
    analysis, quote = _only(text, labels.INDIRECT)
    assert quote.voiced is voiced, quote.rule
    assert _text(analysis, quote.content).startswith("that")
    assert bool(analysis.sources()) is (voiced and "Ruiz" in text)
