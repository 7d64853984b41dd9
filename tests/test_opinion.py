"""Sentence labels: opinion (the writer's judgement), fact, attributed; with evidence."""

from __future__ import annotations

import pytest

from framelens import engine, labels
from framelens.analyzers import opinion

OPINION_SENTENCES = [
    "The government's plan is a disgraceful betrayal of voters.",
    "We must act now before it is too late.",
    "You should ask yourself why nobody noticed.",
    "Stop pretending this is normal.",
    "This is the worst budget in a generation.",
    "Is this really the best we can do?",
    "Frankly, the whole scheme is absurd.",
    "This will be a catastrophe for ordinary families.",
    "The minister claimed the reform was a success, but it is plainly a disaster.",
]
FACT_SENTENCES = [
    "The council approved the budget on Tuesday by 7 votes to 2.",
    "The company employs 4,200 people in Leeds.",
    "The bridge opened in 1932.",
]
ATTRIBUTED_SENTENCES = [
    "Unemployment fell to 4.1% in March, the statistics office said.",
    "\u201cWe will not back down,\u201d the minister told reporters.",
    "Dr Smith said that the vaccine was safe.",
]


def only_sentence(text: str):
    analysis = engine.analyze(text)
    assert len(analysis.sentences) == 1
    return analysis.sentences[0]


@pytest.mark.parametrize("text", OPINION_SENTENCES)
def test_opinion_writer_judgement_is_opinion(text):
    sentence = only_sentence(text)
    assert sentence.label == labels.OPINION
    assert sentence.score >= 0.5


@pytest.mark.parametrize("text", FACT_SENTENCES)
def test_opinion_plain_statement_is_fact(text):
    sentence = only_sentence(text)
    assert sentence.label == labels.FACT
    assert sentence.score < 0.5


@pytest.mark.parametrize("text", ATTRIBUTED_SENTENCES)
def test_opinion_sourced_statement_is_attributed(text):
    assert only_sentence(text).label == labels.ATTRIBUTED


@pytest.mark.parametrize(("text", "rule", "cue"), [
    ("We must act now before it is too late.", "opinion.first_person", "We"),
    ("We must act now before it is too late.", "opinion.obligation_modal", "must"),
    ("You should ask yourself why nobody noticed.", "opinion.second_person", "You"),
    ("You should ask yourself why nobody noticed.", "opinion.generalisation", "nobody"),
    ("Stop pretending this is normal.", "opinion.imperative", "Stop"),
    ("This is the worst budget in a generation.", "opinion.superlative", "worst"),
    ("Is this really the best we can do?", "opinion.rhetorical_question", "?"),
    ("Frankly, the whole scheme is absurd.", "opinion.evaluative_adjective", "absurd"),
    ("Frankly, the whole scheme is absurd.", "opinion.evaluative_adverb", "Frankly"),
    ("It was an extremely expensive mistake.", "opinion.intensifier", "extremely"),
    ("It was an extremely expensive mistake.", "opinion.evaluative_noun", "mistake"),
    ("This will be a catastrophe for ordinary families.", "opinion.prediction", "will"),
    ("The reform is better than the old rules.", "opinion.comparative", "better"),
    ("The minister claimed the figures were wrong.", "opinion.loaded_cue", "claimed"),
    ("The bridge opened in 1932.", "fact.date", "1932"),
    ("The company employs 4,200 people in Leeds.", "fact.number", "4,200"),
    ("The company employs 4,200 people in Leeds.", "fact.named_entity", "Leeds"),
    ("Dr Smith said that the vaccine was safe.", "fact.reporting_verb", "said"),
    ("The new stadium is a shameful waste.", "opinion.copular_judgement", "is"),
    ("This seems unwise.", "opinion.copular_judgement", "seems"),
    ("The minister claimed the reform was a success, but it is plainly a disaster.",
     "opinion.contrast_judgement", "but"),
    ("The film is long, yet strangely dull.", "opinion.contrast_judgement", "yet"),
])
def test_opinion_evidence_names_the_cue(text, rule, cue):
    analysis = engine.analyze(text)
    fired = {(e.rule, analysis.text[e.start:e.end]) for s in analysis.sentences
             for e in s.evidence}
    assert (rule, cue) in fired


@pytest.mark.parametrize(("text", "rule"), [
    ("\u201cWe must win,\u201d the coach said.", "opinion.first_person"),
    ("\u201cWe must win,\u201d the coach said.", "opinion.obligation_modal"),
    ("The US economy grew by 2% last year.", "opinion.first_person"),
    ("The company employs 4,200 people in Leeds.", "opinion.superlative"),
    ("The bridge is 40 metres long.", "opinion.copular_judgement"),
    ("\u201cThe plan is a disaster,\u201d the mayor said.", "opinion.copular_judgement"),
    ("The council met on Monday, but the vote was delayed until May.",
     "opinion.contrast_judgement"),
    ("Rebels attacked the convoy and killed two soldiers.", "opinion.emotive_word"),
    # words in quotation marks are someone else's (or a term mentioned), not the writer's
    ("The union called the new rota a \u201cdisgraceful and cruel betrayal\u201d of staff.",
     "opinion.evaluative_adjective"),
    ("Two offences are listed: \u201cterrible conduct\u201d and \u201cgross neglect\u201d.",
     "opinion.evaluative_adjective"),
    ("The union called the unions\u2019 new rota a \u2018disgraceful and cruel betrayal\u2019.",
     "opinion.evaluative_adjective"),
    # a verb of showing with the writer's argument as subject reports nobody
    ("It reveals how far the party has drifted from its roots.", "fact.reporting_verb"),
    ("History shows that such tactics never last.", "fact.reporting_verb"),
    # nor does a verb of saying read into someone's actions
    ("The club is tacitly admitting that the coach has failed.", "fact.reporting_verb"),
])
def test_opinion_cue_does_not_fire(text, rule):
    analysis = engine.analyze(text)
    assert rule not in {e.rule for s in analysis.sentences for e in s.evidence}


def test_opinion_one_sentence_per_parsed_sentence_in_order():
    text = "The bridge opened in 1932.\n\nWe must act now. \u201cNo,\u201d she said."
    analysis = engine.analyze(text)
    starts = [s.start for s in analysis.sentences]
    assert starts == sorted(starts) and len(starts) == 3
    assert all(0.0 <= s.score <= 1.0 for s in analysis.sentences)


def test_opinion_evidence_descriptions_are_plain_words():
    analysis = engine.analyze("Frankly, we must stop this absurd scheme.")
    for evidence in analysis.sentences[0].evidence:
        assert evidence.description and "_" not in evidence.description
        assert 0 <= evidence.start < evidence.end <= len(analysis.text)


def test_opinion_every_rule_has_a_weight_and_description():
    config = opinion._config()
    for rule in opinion.rule_ids():
        assert rule in config.weights and config.descriptions[rule]
    assert "opinion.first_person" in opinion.rule_ids()
    assert "opinion.second_person" in opinion.rule_ids()


def test_opinion_oped_states_more_opinion_than_wire(oped, wire):
    assert oped.metrics.opinion_share > wire.metrics.opinion_share + 0.1
    assert wire.metrics.attributed_share > oped.metrics.attributed_share


@pytest.mark.parametrize(("text", "label"), [
    ("The reported influx of fighters began in January.", "fact"),
    ("The mayor said the bridge will close in May.", "attributed"),
    ("Officials confirmed that the road had reopened.", "attributed"),
])
def test_opinion_attributed_only_where_a_quote_was_found(text, label):
    analysis = engine.analyze(text)
    assert [s.label for s in analysis.sentences] == [label]
    assert bool(analysis.quotes) == (label == "attributed")


def test_opinion_oped_reported_reliance_is_not_attributed(oped):
    start = oped.text.index("Supreme Leader Ali Khameneis reported reliance")
    sentence = next(s for s in oped.sentences if s.start <= start < s.end)
    assert sentence.label != "attributed"


def test_opinion_every_cue_has_a_short_name_taken_from_its_description():
    # printed notes describe a cue once and then use its name: the reader must recognise it
    config = opinion._config()
    for rule in opinion.rule_ids():
        name = config.names[rule]
        assert name and name.lower() in config.descriptions[rule].lower(), rule
