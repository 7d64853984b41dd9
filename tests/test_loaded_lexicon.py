"""The loaded-language lexicon, reviewed by class of fault (issue 12): case and headings,
derived forms, alternatives that are more neutral and keep the meaning, explanations that
fit the word, and a reason wherever no alternative is offered."""

from __future__ import annotations

import pytest

from framelens import engine, labels, resources
from framelens.analyzers import loaded_lexicon

_SIZE_WORDS = frozenset({"sharply", "large", "rapid", "high", "greatly", "very", "many",
                         "fast"})
_PERSON_TEMPLATES = ("judges a person", "describes an action", "tells the reader how to feel",
                     "praises rather than describes", "is name-calling")


def _records() -> list[dict]:
    return list(resources.load_jsonl("loaded_language.jsonl"))


def _marks(text: str) -> dict[str, str | None]:
    analysis = engine.analyze(text)
    return {text[s.start:s.end]: s.alternative for s in analysis.spans
            if s.category == labels.LOADED}


@pytest.mark.parametrize(("text", "word"), [
    # title-cased headings: the tagger reads every word as a name
    ("The Council\u2019s Desperate Gamble on Housing", "Desperate"),
    ("Brutal Crackdown Follows Weekend Protests", "Brutal"),
    ("Mayor Caves to Pressure Over Parking Fees", "Caves to"),
])
def test_loaded_lexicon_words_in_title_case_headings_are_marked(text, word):
    assert word in _marks(text)


def test_loaded_lexicon_names_in_ordinary_sentences_stay_unmarked():
    assert "Brave" not in _marks("She flew to Paris with Brave Books on Monday.")


@pytest.mark.parametrize(("text", "word"), [
    # derived forms and inflections of listed words
    ("The desperation of the board was plain to see.", "desperation"),
    ("The government bulldozed the bill through parliament.", "bulldozed"),
    ("The minister caves to every demand from the unions.", "caves to"),
])
def test_loaded_lexicon_derived_and_inflected_forms_are_marked(text, word):
    assert word in _marks(text)


def test_loaded_lexicon_literal_demolition_is_not_loaded():
    assert "bulldozed" not in _marks("Workers bulldozed the houses on Friday.")


@pytest.mark.parametrize(("text", "word"), [
    ("Troops neutralized the gunman on the roof.", "neutralized"),
    ("The desperate families waited at the border.", "desperate"),
])
def test_loaded_lexicon_no_alternative_where_none_keeps_the_meaning(text, word):
    marks = _marks(text)
    assert word in marks and marks[word] is None


def test_loaded_lexicon_stance_label_borrows_its_words_alternative():
    assert _marks("Thousands joined the anti-regime march.")["anti-regime"] == "anti-government"


def test_loaded_lexicon_alternatives_are_not_themselves_plain_loaded_words():
    # an alternative must be more neutral: not a word the lexicon marks in any context
    plain_loaded = {r["term"] for r in _records()
                    if not (r.get("pos") or r.get("needs") or r.get("not_after")
                            or r.get("not_before"))}
    offenders = [(r["term"], r["alternative"]) for r in _records()
                 if r.get("alternative") and r["alternative"].lower() in plain_loaded]
    assert offenders == []


def test_loaded_lexicon_alternative_differs_from_the_term():
    assert [r["term"] for r in _records() if r.get("alternative") == r["term"]] == []


def test_loaded_lexicon_size_words_are_explained_as_size_not_as_judging_people():
    # "soaring" inflates a rise; it does not "describe an action in disparaging terms"
    offenders = [r["term"] for r in _records()
                 if _SIZE_WORDS & set((r.get("alternative") or "").split())
                 and any(t in r["explanation"] for t in _PERSON_TEMPLATES)]
    assert offenders == []


def test_loaded_lexicon_action_explanations_belong_to_verbs():
    offenders = [r["term"] for r in _records()
                 if any(t in r["explanation"] for t in ("describes an action",
                                                       "portrays a decision",
                                                       "dramatises criticism"))
                 and " " not in r["term"] and "VERB" not in r.get("pos", ())]
    assert offenders == []


def test_loaded_lexicon_every_word_without_alternative_says_why():
    reasons = resources.load_toml("loaded_signals.toml")["no_alternative"]
    entries = {e.rule: e for group in loaded_lexicon.load_lexicon().words.values() for e in group}
    for record in _records():
        if not record.get("alternative"):
            reason = record.get("no_alternative") or reasons[record["subtype"]]
            assert entries[record["id"]].explanation.endswith(reason), record["id"]


def test_loaded_lexicon_disgrace_gives_its_reason():
    analysis = engine.analyze("The vote was a disgrace.")
    [mark] = [s for s in analysis.spans if s.category == labels.LOADED]
    assert mark.alternative is None
    assert "No neutral noun keeps the meaning" in mark.explanation
