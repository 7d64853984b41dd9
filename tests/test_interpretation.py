"""The writer's interpretations read as opinion: evidential framing, mind-reading,
interpretive verbs with an abstract subject, risk judgements and 'should' (issue 12)."""

from __future__ import annotations

import pytest
from seedfiles import OPED, read_exact

from framelens import engine, labels

INTERPRETATIONS = [
    # evidential framing by the writer
    ("The closure is proof that the council has run out of money.", "opinion.evidential_frame"),
    ("The empty shelves are a sign that the supply chain has broken down.",
     "opinion.evidential_frame"),
    ("This is the real truth behind the board's retreat from the merger.",
     "opinion.evidential_frame"),
    # mind-reading: a third party's knowledge or feelings, with no source
    ("The chairman understands this perfectly.", "opinion.mind_reading"),
    ("The coach knows that his squad is too old for another season.",
     "opinion.mind_reading"),
    ("The governor fears a revolt in her own party.", "opinion.mind_reading"),
    # interpretive verbs with an abstract subject
    ("It shows how little the airline cares about its passengers.",
     "opinion.interpretive_verb"),
    ("This episode underscores how far the league has drifted from its fans.",
     "opinion.interpretive_verb"),
    # risk and consequence judgements
    ("This gamble carries enormous risk for the club.", "opinion.risk_judgement"),
    ("Raising the fares will backfire on the operator.", "opinion.risk_judgement"),
    # deontic or epistemic 'should' outside a quote
    ("That should worry every shopkeeper on the high street.", "opinion.should"),
]


@pytest.mark.parametrize(("text", "rule"), INTERPRETATIONS)
def test_interpretation_writer_reading_is_opinion(text, rule):
    analysis = engine.analyze(text)
    [sentence] = analysis.sentences
    assert sentence.label == labels.OPINION
    fired = {e.rule for e in sentence.evidence}
    assert rule in fired
    assert "opinion.main_clause_interpretation" in fired


@pytest.mark.parametrize("text", [
    # evidence documents report, people are sources, and quoted 'should' is the source's
    "The new figures show that unemployment rose to 5 percent in March.",
    "Police believe the suspect fled north on Tuesday.",
    "\u201cThe council should resign,\u201d the protesters said on Monday.",
    "Officials said the closure was a sign that funds had run out.",
])
def test_interpretation_sourced_or_documented_is_not_the_writers(text):
    analysis = engine.analyze(text)
    fired = {e.rule for s in analysis.sentences for e in s.evidence}
    assert "opinion.main_clause_interpretation" not in fired
    assert all(s.label != labels.OPINION for s in analysis.sentences)


@pytest.mark.parametrize("opening", [
    "That should concern observers far beyond Iran.",
    "It reveals how far the Islamic Republic has drifted",
    "This is the unspoken truth behind Khamene",
    "It is proof that the Islamic Republic is running out",
    "But this strategy carries immense risk.",
    "Khamenei understands this instinctively.",
])
def test_interpretation_oped_sentences_named_in_issue_12_are_opinion(opening):
    analysis = engine.analyze(read_exact(OPED))
    start = analysis.text.index(opening)
    sentence = next(s for s in analysis.sentences if s.start <= start < s.end)
    assert sentence.label == labels.OPINION
