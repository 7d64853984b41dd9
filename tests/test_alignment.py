"""Aligned claims: the same fact in two articles is paired, a different event is not, and
what differs in the telling (numbers, credit, agency) is reported in words."""

from __future__ import annotations

import pytest

from framelens import engine
from framelens.actors import actors, compare_actors
from framelens.comparison import compare
from framelens.model import Analysis, Entity, Genre, Metrics

ARREST_A = (
    "Springfield police arrested Tom Baxter, 34, on Friday after a fire destroyed the Elm "
    "Street library. The blaze started shortly after midnight and burned for four hours. "
    "Mayor Linda Ortiz said the town would rebuild the library within two years. "
    "Firefighters from three neighbouring towns helped to contain the flames.")
ARREST_B = (
    "Tom Baxter was taken into custody by officers in Springfield on Friday, accused of "
    "setting the fire that gutted the Elm Street library. Investigators believe an "
    "accelerant was poured near the back door. Insurance records show the library was "
    "valued at 4.2 million dollars.")
QUAKE_A = (
    "A magnitude 6.1 earthquake struck northern Chile on Tuesday, killing three people in "
    "the town of Arica. Rescue teams searched collapsed houses through the night. The "
    "national emergency office said power was cut to 20,000 homes.")
QUAKE_B = (
    "A magnitude 7.2 earthquake hit the coast of Hokkaido in Japan on Sunday, killing 41 "
    "people in the port of Kushiro. Rescue teams searched collapsed buildings for survivors. "
    "The fire agency said power was cut to 300,000 homes.")
FIGHTERS_A = ("Observers say 800 fighters crossed the border near Basra on Monday.\n\n"
              "The Iraqi interior ministry did not comment on the crossing.")
FIGHTERS_B = ("Some 850 fighters crossed the border near Basra on Monday, the monitors said.\n\n"
              "Iraq's interior ministry declined to comment on the crossing.")
AGENCY_A = "Soldiers killed five protesters in Marrakech on Saturday."
AGENCY_B = "Five protesters were killed in Marrakech on Saturday."


@pytest.fixture(scope="module")
def arrest():
    return compare(*engine.analyze_many([ARREST_A, ARREST_B]))


def _pairs(comparison):
    return {(i, j) for g in comparison.alignment.groups for i in g.a for j in g.b}


def test_alignment_pairs_the_same_fact_in_other_words(arrest):
    # the arrest sentence of A and B share a name, a place, a day and 'library'
    assert (0, 0) in _pairs(arrest)
    group = next(g for g in arrest.alignment.groups if 0 in g.a)
    assert "baxter" in group.evidence().lower()
    assert arrest.alignment.related


def test_alignment_lists_a_fact_only_one_side_reports(arrest):
    # the mayor's promise and the insurance value are reported by one article only
    assert 2 in arrest.alignment.only_in_a
    assert 2 in arrest.alignment.only_in_b
    assert 0 not in arrest.alignment.only_in_a


def test_alignment_does_not_pair_two_different_earthquakes():
    comparison = compare(*engine.analyze_many([QUAKE_A, QUAKE_B]))
    # same topic vocabulary (magnitude, earthquake, rescue teams, power cut): no shared
    # place, date or number, so nothing is aligned
    assert _pairs(comparison) == set()
    assert comparison.alignment.similarity < compare(
        *engine.analyze_many([ARREST_A, ARREST_B])).alignment.similarity
    # ... and says so first, instead of inventing claim-level contrasts
    assert not comparison.alignment.related
    assert "do not seem to report the same events" in comparison.contrasts[0]
    assert comparison.alignment.only_in_a == (0, 1, 2)


def test_alignment_reports_numbers_that_differ():
    comparison = compare(*engine.analyze_many([FIGHTERS_A, FIGHTERS_B]))
    group = next(g for g in comparison.alignment.groups if 0 in g.a)
    assert 0 in group.b
    assert any("800" in d and "850" in d for d in group.differences), group.differences


def test_alignment_json_has_the_contract_keys(arrest):
    payload = arrest.to_json()
    assert payload["alignment"] and {"a", "b", "score"} <= set(payload["alignment"][0])
    assert isinstance(payload["only_in_a"], list) and isinstance(payload["only_in_b"], list)
    assert 0.0 <= payload["similarity"] <= 1.0
    assert "actors" in payload


def test_actors_passive_voice_hides_the_agent():
    active, passive = engine.analyze_many([AGENCY_A, AGENCY_B])
    by_name = {x.name: x for x in actors(active)}
    assert by_name["soldier"].agent == 1
    assert by_name["protester"].patient == 1
    passive_names = {x.name: x for x in actors(passive)}
    assert "soldier" not in passive_names  # the killers are not named at all
    assert passive_names["protester"].patient == 1


def test_seeds_align_the_militia_deployment_and_list_what_only_one_reports(oped, wire):
    """What we found on the seeds (op-ed A, wire report B):

    - A's "Iraqi militias operating inside Iran ..." and "The involvement of Iraqi militias
      inside Iran ..." align with B's report that some 850 fighters from Iraqi militias
      crossed into Iran (shared: Iraqi, Iran, militia; close meaning in other words);
    - B's casualty figures (38 deaths, 2,200 arrests) have no counterpart in A;
    - B's named experts (Lisa Daftari, Behnam Ben Taleblu, Barak Seener, Brian Carter) are
      actors only B names; B quotes 4 experts, A quotes none;
    - of A's claims about the Guard's loyalty, "This erosion of trust has been years in the
      making" is only in A. "... ironclad assumption: loyalty" is NOT listed: it shares
      "Islamic Republic" with B's first sentence, and B does discuss "concerns about the
      loyalty of Iran's own security forces" (its experts), so that is a partial match.
    """
    comparison = compare(oped, wire)
    claims = comparison.alignment

    def text(analysis, index):
        sentence = analysis.sentences[index]
        return analysis.text[sentence.start:sentence.end]

    deployment = [(i, j) for g in claims.groups for i in g.a for j in g.b
                  if "Iraqi militias" in text(oped, i) and "fighters" in text(wire, j)
                  and "crossed" in text(wire, j)]
    assert deployment
    casualties = next(j for j in range(len(wire.sentences)) if "38 fatalities" in text(wire, j))
    assert casualties in claims.only_in_b
    erosion = next(i for i in range(len(oped.sentences))
                   if "erosion of trust" in text(oped, i))
    assert erosion in claims.only_in_a
    actors_json = comparison.actors.to_json()
    for expert in ("Lisa Daftari", "Behnam Ben Taleblu", "Brian Carter"):
        assert expert in actors_json["only_in_b"]
    assert actors_json["source_mix_b"].get("expert", 0) >= 3
    assert actors_json["source_mix_a"].get("expert", 0) == 0


def test_claims_csv_has_a_row_per_group_and_per_only_sentence(arrest, tmp_path):
    import csv

    from framelens.export.claims_csv import HEADER, write_claims_csv

    out = tmp_path / "claims.csv"
    write_claims_csv(arrest, str(out))
    with out.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert tuple(table[0]) == HEADER
    kinds = [row[0] for row in table[1:]]
    assert kinds.count("aligned") == len(arrest.alignment.groups)
    assert kinds.count("only_in_b") == len(arrest.alignment.only_in_b)
    first = table[1]
    assert first[1] == "0" and "Tom Baxter" in first[3] and "Tom Baxter" in first[4]


def test_html_report_has_the_same_facts_section(arrest):
    from framelens.export.html import render_html

    page = render_html([arrest.a, arrest.b], arrest)
    section = page[page.index("Same facts, different framing"):]
    assert "Only in A" in section and "Mayor Linda Ortiz" in section
    assert "Only in B" in section and "Insurance records" in section
    assert "Actors and voices" in section


@pytest.mark.parametrize(("text", "name", "role"), [
    ("Critics say the plan will fail.", "Critics", "vague"),
    ("Officials said the bridge would reopen on Monday.", "Officials", "vague"),
    ("\u201cWe saw the tanks,\u201d said Maria Lopez, a resident of the town.", "Maria Lopez",
     "ordinary"),
    ("Amnesty International said 40 people were detained.", "Amnesty International",
     "advocacy"),
    ("Professor Alan Reyes, an economist at Leeds University, said prices will rise.",
     "Alan Reyes", "expert"),
    ("Another analyst, Nora Field of the Harbour Institute, said the plan would fail.",
     "Nora Field", "expert"),
])
def test_actors_source_role_from_the_words_describing_the_source(text, name, role):
    from framelens.actors import sources

    found = {s.name: s for s in sources(engine.analyze(text))}
    assert any(name in key for key in found), found
    source = next(s for key, s in found.items() if name in key)
    assert source.role == role
    assert source.rule == f"actors.{role}"


def test_pdf_report_has_the_same_facts_section(arrest, tmp_path):
    from pypdf import PdfReader

    from framelens.export.pdf import write_pdf

    out = tmp_path / "report.pdf"
    write_pdf([arrest.a, arrest.b], arrest, str(out))
    text = " ".join(" ".join(page.extract_text() or "" for page in PdfReader(out).pages).split())
    section = text[text.index("Same facts, different framing"):]
    assert "Only in A" in section and "Mayor Linda Ortiz" in section
    assert "Actors and voices" in section


def _with_entities(text: str, entities: list[tuple[str, str]]) -> Analysis:
    found = tuple(Entity(text.index(words), text.index(words) + len(words), label)
                  for words, label in entities)
    return Analysis(text=text, sentences=(), spans=(), quotes=(), genre=Genre("reporting", 0.1),
                    metrics=Metrics(), entities=found)


def test_actors_leave_out_slogans_and_possessives_without_apostrophe():
    # taggers read a chant and a possessive that lost its apostrophe as people
    text = ("Ana Ruiz spoke. Crowds chanted Down with Ruiz. The Ruizs plan failed in Peru. "
            "Peru and Ruiz again.")
    analysis = _with_entities(text, [("Ana Ruiz", "PERSON"), ("Down with Ruiz", "PERSON"),
                                     ("Ruizs", "PERSON"), ("Peru", "GPE")])
    assert [actor.name for actor in actors(analysis)] == ["Ana Ruiz"]


def test_actors_keep_names_with_particles():
    text = "Ursula von der Leyen met Osama bin Salem."
    analysis = _with_entities(text, [("Ursula von der Leyen", "PERSON"),
                                     ("Osama bin Salem", "PERSON")])
    assert {actor.name for actor in actors(analysis)} == {"Ursula von der Leyen",
                                                          "Osama bin Salem"}


def test_actors_one_article_surname_is_the_others_full_name():
    a = _with_entities("Ruiz spoke today.", [("Ruiz", "PERSON")])
    b = _with_entities("Ana Ruiz and Tom Berg spoke.", [("Ana Ruiz", "PERSON"),
                                                         ("Tom Berg", "PERSON")])
    assert compare_actors(a, b).contrasts == ("Only B names Tom Berg.",)


def test_actors_a_person_once_tagged_as_an_organisation_is_a_person():
    text = "Ruiz spoke. Later Ruiz left."
    first, second = text.index("Ruiz"), text.rindex("Ruiz")
    analysis = Analysis(text=text, sentences=(), spans=(), quotes=(),
                        genre=Genre("reporting", 0.1), metrics=Metrics(),
                        entities=(Entity(first, first + 4, "ORG"),
                                  Entity(second, second + 4, "PERSON")))
    assert [(actor.name, actor.kind) for actor in actors(analysis)] == [("Ruiz", "person")]


STRIKE_A = "Workers at the Halden steel plant went on strike on Monday over unpaid wages. "
STRIKE_B = "Staff at the Halden steelworks stopped work on Monday, saying they had not been paid. "


@pytest.mark.parametrize(("said_a", "said_b"), [
    ("The walkout halted production of rail tracks.",
     "The strike stopped the production of railway tracks."),
    ("Police officers guarded the factory gates.",
     "Officers stood guard at the gates of the factory."),
])
def test_alignment_pairs_the_same_fact_told_in_other_words(said_a, said_b):
    # no shared name, number or date in the second sentences: only their meaning ties them
    # (the lexical rule alone left them apart)
    comparison = compare(*engine.analyze_many([STRIKE_A + said_a, STRIKE_B + said_b]))
    assert (1, 1) in _pairs(comparison)
    group = next(g for g in comparison.alignment.groups if 1 in g.a)
    assert "same meaning in other words" in group.evidence()
    assert 1 not in comparison.alignment.only_in_a


def test_alignment_keeps_two_strikes_at_different_plants_apart():
    # same kind of event, same words for it; different plants, towns, days and leaders
    other = ("Dock workers in the port of Valmora walked out on Thursday over unpaid wages. "
             "The strike stopped the loading of grain ships. "
             "Union leader Piet Smit said talks would resume next month.")
    comparison = compare(*engine.analyze_many(
        [STRIKE_A + "The walkout halted production of rail tracks. Union leader Ana Costa "
         "said talks would resume next week.", other]))
    assert _pairs(comparison) == set()
    assert not comparison.alignment.related


def test_alignment_every_group_says_what_ties_it(oped, wire):
    # a group aligned by the model still names its evidence: shared names, numbers, dates
    # or words, or the meaning the two sentences share in other words
    groups = compare(oped, wire).alignment.groups
    assert groups
    for group in groups:
        assert group.evidence(), group


MARSH = ("Harbor City Sharks guard Devin Marsh arrested on drunk-driving charge\n\n"
         "Harbor City Sharks guard Devin Marsh was arrested early Sunday on suspicion of drunk "
         "driving, the team said. Marsh, 27, was stopped by highway patrol officers after his "
         "car swerved across two lanes. He was released on bail and is expected to play on "
         "Friday. The Sharks said they were aware of the arrest and were gathering information.")
PRUITT = ("Sharks centre Omar Pruitt charged with drunk driving\n\n"
          "Harbor City Sharks centre Omar Pruitt was arrested on suspicion of drunk driving "
          "late Wednesday, the second such arrest of a Sharks player this season. Pruitt, 31, "
          "failed a roadside sobriety test, police said. Guard Devin Marsh was arrested on a "
          "similar charge in March. The team said it would discipline Pruitt internally.")


@pytest.mark.xfail(strict=True, reason=(
    "known limit: the article model still calls these one event (similarity 0.84); the "
    "small spaCy model tags the team ('Sharks') as a person, so the lead-people cue finds "
    "it in both leads"))
def test_alignment_keeps_two_arrests_led_by_different_players_apart():
    # one team, one charge, one vocabulary, and the second report even names the first
    # player; but each leads with its own player: two events, not one told twice
    comparison = compare(*engine.analyze_many([MARSH, PRUITT]))
    assert not comparison.alignment.related, comparison.alignment.similarity
    assert _pairs(comparison) == set()


def test_alignment_a_link_without_shared_words_still_gives_its_reason():
    from framelens.alignment import AlignedGroup

    group = AlignedGroup((0,), (1,), 0.71, meaning=0.18,
                         similar_words=(("walkout", "strike"),))
    reason = group.evidence()
    assert "related wording in other words (0.18): walkout ~ strike" in reason
    assert "linked as part of the event both articles report (link 0.71)" in reason


def test_alignment_evidence_names_people_as_the_article_writes_them():
    a = ("Police Chief Maria Delgado said on Monday that the Riverside Water Authority "
         "had ignored three warnings about the dam.")
    b = ("The Riverside Water Authority ignored three warnings about the dam, Police Chief "
         "Maria Delgado told reporters on Monday.")
    comparison = compare(*engine.analyze_many([a, b]))
    group = comparison.alignment.groups[0]
    reason = group.evidence()
    # whole names, capitalised as written, in the article's order
    assert "Maria Delgado" in reason and "Riverside Water Authority" in reason, reason
    assert "delgado" not in reason
    shared = group.to_json()["shared"]
    assert {"lemma", "kind", "weight", "text"} <= set(shared[0])


def test_actors_source_role_ignores_words_describing_something_else():
    # 'campaign' describes the offensive, not the magazine that described it
    from framelens.actors import sources

    text = ("The long offensive, described by Harbour Weekly as a planned campaign, ended "
            "in March.")
    found = {s.name: s for s in sources(engine.analyze(text))}
    source = next(s for key, s in found.items() if "Harbour Weekly" in key)
    assert source.role != "advocacy", source


def test_a_claim_in_the_status_bar_is_one_short_line():
    from framelens.alignment import AlignedGroup, SharedTerm
    from framelens.explain import group_status

    shared = tuple(SharedTerm(w, "name", 1.0, w.capitalize(), k * 20)
                   for k, w in enumerate(["tehran", "isfahan", "mashhad", "tabriz", "shiraz",
                                          "qom", "karaj"]))
    group = AlignedGroup((2,), (5, 6), 0.8, shared, differences=(
        "A: stated as opinion; B: attributed to a source.", "Numbers differ: A 800; B 850.",
        "Loaded words only in A: \u201crented guns\u201d."))
    line = group_status(2, 12, group)
    assert line.startswith("Aligned claim 3 of 12: shared names: Tehran")
    assert "3 differences in the telling" in line
    assert len(line) <= 140, line
