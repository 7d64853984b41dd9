"""Frames: which Policy Frames Codebook dimensions a sentence and a document use, and why."""

from __future__ import annotations

import numpy as np
import pytest

from framelens import engine, explain
from framelens.analyzers import frames
from framelens.model import Analysis
from framelens.nlp import embeddings

# (frame, sentence that must carry it, frame it must not be given)
TAGGED = [
    ("economic", "The new tariffs will raise grocery prices and cost the average household "
     "$1,200 a year.", "security_defense"),
    ("economic", "Unemployment fell to 4 percent as factories hired more workers.",
     "morality"),
    ("capacity_resources", "Hospitals are running out of beds and the shelters are "
     "overcrowded, with too few staff to cope.", "economic"),
    ("morality", "Turning away children at the border is a moral disgrace that shames us "
     "before God.", "economic"),
    ("fairness_equality", "Black drivers are stopped by police three times as often as white "
     "drivers, a clear case of discrimination.", "economic"),
    ("legality_constitutionality", "The Supreme Court ruled that the ban violates the Second "
     "Amendment.", "health_safety"),
    ("policy_prescription", "Lawmakers proposed a plan to expand the programme to every "
     "county.", "crime_punishment"),
    ("crime_punishment", "Police arrested the suspect and charged him with two counts of "
     "murder.", "economic"),
    ("crime_punishment", "He was sentenced to twenty years in prison for armed robbery.",
     "health_safety"),
    ("security_defense", "The army sent troops and tanks to the border after the missile "
     "attack.", "economic"),
    ("security_defense", "Intelligence officials warned of a terrorist threat to the capital.",
     "health_safety"),
    ("health_safety", "Doctors say the vaccine cut hospital admissions for the disease by "
     "half.", "security_defense"),
    ("health_safety", "The overdose crisis killed 70,000 Americans last year, health "
     "officials said.", "economic"),
    ("quality_of_life", "Families in the neighbourhood say the noise keeps their children "
     "awake and has upended their daily lives.", "security_defense"),
    ("cultural_identity", "For many immigrants, speaking their language at home keeps their "
     "heritage and traditions alive.", "crime_punishment"),
    ("public_opinion", "A new poll shows 60 percent of voters oppose the plan.",
     "health_safety"),
    ("public_opinion", "Thousands of protesters marched through the capital, chanting against "
     "the government.", "economic"),
    ("political", "Republicans in the Senate blocked the bill in a party-line vote ahead of "
     "the midterm elections.", "health_safety"),
    ("political", "The prime minister's party lost three seats in the by-election.",
     "crime_punishment"),
    ("external_regulation_reputation", "The United Nations condemned the move and the "
     "European Union threatened new sanctions.", "health_safety"),
]
UNFRAMED = ["She made a cup of tea and sat down.", "Thanks for reading."]


@pytest.fixture(scope="module")
def tagged() -> list[Analysis]:
    return engine.analyze_many([sentence for _, sentence, _ in TAGGED] + UNFRAMED)


@pytest.mark.parametrize("index", range(len(TAGGED)), ids=[f"{f}-{i}" for i, (f, _, _) in
                                                           enumerate(TAGGED)])
def test_frames_sentence_carries_its_frame_and_not_another(tagged, index):
    frame, _, wrong = TAGGED[index]
    found = tagged[index].sentences[0].frame_ids
    assert frame in found
    assert wrong not in found


def test_frames_sentence_without_frame_cue_has_none(tagged):
    for analysis in tagged[len(TAGGED):]:
        assert analysis.sentences[0].frames == ()
        assert analysis.frames == ()
        assert analysis.primary_frame is None


def test_frames_evidence_names_words_of_the_sentence(tagged):
    analysis = tagged[0]  # tariffs and prices: economic
    tag = analysis.sentences[0].frames[0]
    words = {analysis.excerpt(e.start, e.end).lower() for e in tag.evidence}
    assert {"prices", "cost"} <= words
    assert all(e.rule in ("frames.economic.cue", "frames.economic.model") for e in tag.evidence)
    assert all(analysis.excerpt(e.start, e.end) == e.name for e in tag.evidence)
    note = explain.explain_frames(analysis, analysis.sentences[0]).note()
    assert note.startswith("Frames: Economic (strength") and "\u201cprices\u201d" in note


def test_frames_contract_fields(seed_analyses, tagged):
    for analysis in list(seed_analyses) + tagged:
        shares = [f.share for f in analysis.frames]
        assert all(0.0 <= share <= 1.0 for share in shares)
        assert shares == sorted(shares, reverse=True)
        assert len({f.frame for f in analysis.frames}) == len(analysis.frames)
        for sentence in analysis.sentences:
            assert len(sentence.frames) <= 2
            assert len(set(sentence.frame_ids)) == len(sentence.frame_ids)
            assert set(sentence.frame_ids) <= set(frames.FRAME_IDS)
            scores = [t.score for t in sentence.frames]
            assert all(0.0 <= s <= 1.0 for s in scores)
        data = analysis.to_json()
        assert [f["frame"] for f in data["frames"]] == [f.frame for f in analysis.frames]
        assert all(isinstance(s["frames"], list) for s in data["sentences"])
        assert Analysis.from_json(data) == analysis


def test_frames_share_counts_sentences(wire):
    for share in wire.frames:
        carrying = wire.sentences_with_frame(share.frame)
        assert share.sentences == len(carrying)
        assert share.share == pytest.approx(len(carrying) / len(wire.sentences), abs=1e-3)


def test_frames_seeds_primary_frames_and_their_difference(oped, wire):
    """Both seeds report Iran bringing in foreign militias against protesters, so both are
    mostly told as security (militias, forces, the Revolutionary Guard). The difference is
    what comes next: the wire report gives far more of its sentences to security and to the
    protests themselves (public opinion: demonstrations, chants, discontent); the op-ed
    argues from the money (collapsing economy, inflation-ravaged salaries, the steady pay
    that keeps foreign militiamen loyal) and from the regime's politics, barely from the
    protests."""
    assert oped.primary_frame == "security_defense"
    assert wire.primary_frame == "security_defense"
    oped_share = {f.frame: f.share for f in oped.frames}
    wire_share = {f.frame: f.share for f in wire.frames}
    assert wire_share["security_defense"] > oped_share["security_defense"] + 0.15
    assert wire_share["public_opinion"] > 2 * oped_share.get("public_opinion", 0.0)
    assert oped_share["economic"] > 3 * wire_share.get("economic", 0.0)
    assert {"political", "public_opinion"} <= {f.frame for f in wire.frames[:3]}
    assert {"economic", "political"} <= {f.frame for f in oped.frames[:3]}
    reason = explain.primary_frame_reason(oped)
    assert reason.startswith("Primary frame: Security and defence, in ")


def test_frames_definitions_cover_every_id():
    info = frames.frame_info()
    assert tuple(info) == frames.FRAME_IDS
    assert len({i.letter for i in info.values()}) == len(info)
    assert all("codebook dimension" in i.definition for i in info.values())


def test_embeddings_wordpiece_splits_like_bert():
    model = embeddings.load()
    inverse = {row: piece for piece, row in model.index.items()}
    assert [inverse[r] for r in model.pieces("Praetorian,")] == ["pr", "##ae", "##tori", "##an",
                                                                  ","]
    assert [inverse[r] for r in model.pieces("Zürich")] == ["zurich"]
    assert model.pieces("") == ()


def test_frames_model_score_splits_into_word_contributions():
    """The model is linear over a mean of word vectors: the words' contributions plus the
    cue and bias terms give back the class score exactly (what makes evidence honest)."""
    model = frames.load_model()
    vectors = embeddings.load()
    words = ["Soaring", "inflation", "squeezed", "household", "budgets"]
    embedded = vectors.embed_words(words)
    klass = model.classes.index("economic")
    dims = vectors.dims
    whole = float(model.weights[klass, :dims] @ embedded.mean)
    parts = embedded.word_vectors @ model.weights[klass, :dims] / embedded.piece_count
    assert float(np.sum(parts)) == pytest.approx(whole, rel=1e-5)
