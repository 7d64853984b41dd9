"""Loaded language, hedges and boosters: what must and must not be marked."""

from __future__ import annotations

import pytest

from framelens import engine, labels, resources
from framelens.analyzers import loaded_lexicon


def _marks(text: str, category: str | None = None) -> list[tuple[str, str, str | None]]:
    """(marked text, category, alternative) of every mark, optionally of one category."""
    analysis = engine.analyze(text)
    return [(text[s.start:s.end], s.category, s.alternative) for s in analysis.spans
            if category is None or s.category == category]


@pytest.mark.parametrize(("text", "word", "alternative"), [
    ("The regime arrested hundreds of students last week.", "regime", "government"),
    ("Senator Lee slammed the proposal on Tuesday.", "slammed", "criticised"),
    ("An angry mob gathered outside the court.", "mob", "crowd"),
    ("The so-called experts disagreed with the plan.", "so-called", None),
    ("The governor rules the province with an iron fist.", "iron fist", "strict control"),
    ("Rents skyrocketed in the capital last year.", "skyrocketed", "rose sharply"),
    ("Officials approved enhanced interrogation of the detainees.", "enhanced interrogation",
     "torture"),
    ("The far-right party won four seats.", "far-right", "right-wing"),
    ("The job-killing tax takes effect in May.", "job-killing", "costly"),
    ("The senator viciously attacked the bill.", "viciously", None),
    ("Thugs smashed the windows of the shop.", "Thugs", "attacker"),
])
def test_loaded_marks_word_with_alternative(text, word, alternative):
    assert (word, labels.LOADED, alternative) in _marks(text, labels.LOADED)


@pytest.mark.parametrize(("text", "word", "category"), [
    ("The minister reportedly resigned on Friday.", "reportedly", labels.HEDGE),
    ("The suspect allegedly fled the country.", "allegedly", labels.HEDGE),
    ("The new rules may reduce emissions.", "may", labels.HEDGE),
    ("Clearly, the plan has failed.", "Clearly", labels.BOOSTER),
    ("This is, without doubt, the end of an era.", "without doubt", labels.BOOSTER),
    ("Defeat was unavoidable after the vote.", "unavoidable", labels.BOOSTER),
    ("The result was, of course, a surprise to nobody.", "of course", labels.BOOSTER),
])
def test_loaded_marks_hedges_and_boosters(text, word, category):
    assert (word, category) in [(w, c) for w, c, _ in _marks(text)]


@pytest.mark.parametrize("text", [
    "The city council approved the budget on Tuesday.",
    "Police said three people were injured in the crash.",
    "The company reported a profit of 2 million dollars in the third quarter.",
    "The Fantastic Four film opened in cinemas on Friday.",
    "Voters will elect a new mayor in May.",
    "The ministry published its annual report, which covers 14 regions.",
])
def test_loaded_leaves_neutral_sentences_unmarked(text):
    assert _marks(text) == []


def test_loaded_month_may_is_not_a_hedge():
    text = "The report may be published in May."
    hedges = [s for s in engine.analyze(text).spans if s.category == labels.HEDGE]
    assert [text[s.start:s.end] for s in hedges] == ["may"]


@pytest.mark.parametrize(("text", "unmarked"), [
    ("\u201cThese thugs are vile and evil people,\u201d the mayor said.",
     {"thugs", "vile", "evil"}),
    ('"This is a disgraceful and shameful decision," she told reporters.',
     {"disgraceful", "shameful"}),
    # British style: single marks, found by the same scan that finds quotes
    ("The minister said the plan was \u2018a disgraceful betrayal of workers\u2019.",
     {"disgraceful", "betrayal"}),
    # a quotation running over two paragraphs, news style
    ("\u201cThese thugs have no shame.\n\n\u201cThey are vile,\u201d the mayor said.",
     {"thugs", "vile"}),
])
def test_loaded_leaves_long_quotations_to_the_source(text, unmarked):
    marked = {w.lower() for w, _, _ in _marks(text, labels.LOADED)}
    assert not marked & unmarked


@pytest.mark.parametrize("text", [
    'The government\'s "reform" cut pensions by a third.',
    "The government\u2019s \u2018reform\u2019 cut pensions by a third.",  # apostrophe first
])
def test_loaded_marks_scare_quotes_with_a_note(text):
    spans = [s for s in engine.analyze(text).spans if s.category == labels.LOADED]
    assert [text[s.start:s.end] for s in spans] == ["reform"]
    assert "scare quotes" in spans[0].explanation


def test_loaded_short_quote_after_reporting_verb_is_not_scare_quotes():
    text = 'She described the plan as "nothing new" for the party.'
    assert _marks(text, labels.LOADED) == []


def test_loaded_every_mark_explains_itself():
    text = ("The desperate regime unleashed its thugs on a peaceful crowd, reportedly killing "
            "dozens; clearly, the so-called reforms were a sham and a disgraceful charade.")
    spans = [s for s in engine.analyze(text).spans if s.category != labels.BOILERPLATE]
    assert len(spans) >= 6
    for span in spans:
        assert span.rule and span.explanation and span.subtype
        if span.category == labels.LOADED:
            assert span.subtype in labels.LOADED_SUBTYPES


def test_loaded_marks_are_in_text_order_without_overlap():
    text = ("Without doubt the far-right mob slammed the so-called experts. "
            "Prices skyrocketed; the regime may fall, reportedly within days.")
    spans = [s for s in engine.analyze(text).spans
             if s.category not in (labels.BOILERPLATE, labels.TECHNIQUE)]
    positions = [(s.start, s.end) for s in spans]
    assert positions == sorted(positions)
    pairs = zip(positions, positions[1:], strict=False)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in pairs)


def test_loaded_resources_have_unique_ids_and_no_shared_terms():
    loaded_records = resources.load_jsonl("loaded_language.jsonl")
    other_records = resources.load_jsonl("hedges_boosters.jsonl")
    ids = [r["id"] for r in loaded_records + other_records]
    assert len(ids) == len(set(ids))
    assert len(loaded_records) >= 500
    assert not {r["term"] for r in loaded_records} & {r["term"] for r in other_records}
    for record in loaded_records:
        assert record["subtype"] in labels.LOADED_SUBTYPES and record["explanation"]
        # an alternative is wording an editor can put in the word's place, not advice
        alternative = record.get("alternative")
        assert alternative is None or (alternative[:1].isalpha() and alternative.strip()
                                        == alternative), record["id"]
    for record in other_records:
        assert record["category"] in (labels.HEDGE, labels.BOOSTER) and record["explanation"]


@pytest.mark.parametrize(("word", "forms"), [
    ("slam", {"slams", "slammed", "slamming"}),
    ("decry", {"decries", "decried"}),
    ("rant", {"rants", "ranted", "ranting"}),
])
def test_loaded_inflections_cover_regular_verb_forms(word, forms):
    assert forms <= loaded_lexicon.inflections(word)


def test_loaded_oped_is_denser_than_wire(oped, wire):
    assert oped.metrics.loaded_per_100 >= 1.2 * wire.metrics.loaded_per_100


def test_loaded_oped_regime_has_neutral_alternative(oped):
    regimes = [s for s in oped.spans
               if s.category == labels.LOADED and oped.text[s.start:s.end].lower() == "regime"]
    assert regimes and all(s.alternative == "government" for s in regimes)


@pytest.mark.parametrize(("phrase", "category"), [
    ("without doubt", labels.BOOSTER),
    ("unavoidable", labels.BOOSTER),
    ("tyranny", labels.LOADED),
    ("brutality", labels.LOADED),
])
def test_loaded_oped_marks(oped, phrase, category):
    marked = {(oped.text[s.start:s.end].lower(), s.category) for s in oped.spans}
    assert (phrase, category) in marked


def test_loaded_wire_reportedly_is_a_hedge(wire):
    marked = {(wire.text[s.start:s.end].lower(), s.category) for s in wire.spans}
    assert ("reportedly", labels.HEDGE) in marked


def test_loaded_boilerplate_is_not_marked(oped):
    debris = [s for s in oped.spans if s.category == labels.BOILERPLATE]
    marks = [s for s in oped.spans if s.category in (labels.LOADED, labels.HEDGE, labels.BOOSTER)]
    assert not any(d.start <= m.start < d.end for d in debris for m in marks)


def _rules(text: str) -> list[tuple[str, str]]:
    """(marked text, rule id) of every loaded-language mark."""
    analysis = engine.analyze(text)
    return [(text[s.start:s.end], s.rule) for s in analysis.spans if s.category == labels.LOADED]


@pytest.mark.parametrize(("text", "word", "rule"), [
    ("The reforms are excellent.", "excellent", "loaded.verdict_adjective"),
    ("The new law is unfair.", "unfair", "loaded.verdict_adjective"),
    ("Pro-gun lawmakers blocked the bill.", "Pro-gun", "loaded.stance_label"),
    ("The anti-abortion group filed a lawsuit.", "anti-abortion", "loaded.stance_label"),
])
def test_loaded_generalising_rules_mark_the_loaded_word(text, word, rule):
    assert (word, rule) in _rules(text)


@pytest.mark.parametrize("text", [
    "The mayor said the protesters were thugs.",
    "Critics called the tax a job-killing measure.",
    "The plan is reckless, according to the union.",
    "The talks were productive, both delegations said.",
])
def test_loaded_leaves_reported_speech_to_the_source(text):
    assert _rules(text) == []


def test_loaded_marks_reporting_verb_but_not_reported_words():
    text = "The senator slammed the plan and said its backers were thugs."
    assert [word for word, _ in _rules(text)] == ["slammed"]


@pytest.mark.parametrize("text", [
    "Anti-aircraft missiles were moved to the border.",
    "The anti-corruption agency opened an inquiry.",
    "The storm was severe.",
    "The patient is stable after surgery.",
    "The museum is open on Sundays.",
    "Turnout was high in the northern districts.",
    "The minister is responsible for the budget.",
    "The ceasefire remained fragile on Sunday.",
    "The damage was extensive.",
])
def test_loaded_generalising_rules_leave_plain_news_unmarked(text):
    assert _rules(text) == []


@pytest.mark.parametrize(("text", "word", "rule"), [
    ("The company claimed that its product was safe.", "claimed", "loaded.claim"),
    ("The governor claims to have balanced the budget.", "claims", "loaded.claim"),
    ("Her claim that the count was rigged spread online.", "claim", "loaded.claim_noun"),
    ("The coach insisted the team had played well.", "insisted", "loaded.insist"),
    ("The minister admitted that the scheme had cost more.", "admitted", "loaded.admit"),
])
def test_loaded_marks_doubt_casting_verbs_of_saying(text, word, rule):
    assert (word, rule) in _rules(text)


@pytest.mark.parametrize("text", [
    "The militia claimed responsibility for the blast.",
    "The storm claimed four lives on the coast.",
    "Unemployment claims fell by 3 percent last week.",
    "Two patients were admitted to hospital overnight.",
    "The candidate conceded defeat on Wednesday night.",
])
def test_loaded_leaves_plain_uses_of_saying_verbs_unmarked(text):
    assert _rules(text) == []


@pytest.mark.parametrize(("text", "word"), [
    ("A flood of migrants reached the islands this summer.", "flood"),
    ("Border towns were swamped by asylum seekers.", "swamped"),
    ("Refugees poured across the frontier after the shelling.", "poured"),
    ("The leaflet warned of a migrant invasion.", "invasion"),
])
def test_loaded_marks_flood_and_invasion_metaphors_for_migrants(text, word):
    assert (word, "loaded.migration_metaphor") in _rules(text)


@pytest.mark.parametrize("text", [
    "A flood swept through the valley, officials reported.",
    "A wave of migrants arrived on the islands in June.",
    "Rain poured across the region for three days.",
    # the metaphor word must be about the people, not merely near the word for them
    "The army detained 40 migrants at the border on Tuesday.",
    "Heavy rain caused a flood near the refugee camp.",
    "Volunteers pour soup for asylum seekers every evening.",
])
def test_loaded_leaves_literal_floods_and_plain_migration_words_unmarked(text):
    assert _rules(text) == []


@pytest.mark.parametrize(("text", "marked"), [
    ("The terrorist fled before the police arrived.", True),
    ("The group was designated a terrorist organisation in 2019.", False),
    ("It was listed as a terrorist group by the government.", False),
])
def test_loaded_terrorist_as_a_label_but_not_as_a_legal_status(text, marked):
    assert (("terrorist", "loaded.terrorist") in _rules(text)) is marked
    # where the lexicon declines a listed word, no generic fallback marks it instead
    assert all(word != "terrorist" for word, _ in _rules(text)) is not marked


@pytest.mark.parametrize(("text", "word", "rule"), [
    ("The Wuhan virus spread to Europe within weeks.", "Wuhan virus", "loaded.wuhan_virus"),
    ("The pamphlet blamed cultural Marxism for falling test scores.", "cultural Marxism",
     "loaded.cultural_marxism"),
    ("The ruling came from an activist judge in Texas.", "activist judge",
     "loaded.activist_judge"),
    ("The chairman's obsession with rankings hurt the club.", "obsession", "loaded.obsession"),
])
def test_loaded_marks_new_lexicon_families(text, word, rule):
    assert (word, rule) in _rules(text)


@pytest.mark.parametrize("text", [
    "Hackers used a brute force attack on the server.",
    "The Lib Dems won three seats in the by-election.",
    "He was diagnosed with obsessive-compulsive disorder in 2015.",
    "Italian fascism rose in the 1920s.",
    "She is a Marxist economist at a university in Leeds.",
    "Legumes help with nitrogen fixation in the soil.",
    "A swarm of bees delayed the start of the match.",
])
def test_loaded_leaves_fixed_neutral_terms_unmarked(text):
    assert _rules(text) == []
