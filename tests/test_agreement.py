"""Agreement of a student's marks with a key, against figures worked out by hand."""

from __future__ import annotations

import pytest
from exercise_article import TEXT, key_set, student_set, where

from framelens import labels
from framelens.agreement import EXTRA, LABEL, MISSED, agree, cohen_kappa, merge, span_prf
from framelens.exercise import QUOTE, SPEAKER, ExerciseError, Marker, MarkSet


def test_agreement_word_categories_match_hand_computed_partial_credit():
    result = agree(key_set(), student_set())
    loaded = result.span_score(labels.LOADED)
    # 'reckless' (8 chars) inside 'reckless gamble' (15): P = 8/8, R = 8/15, F1 = 16/23
    assert loaded.precision == pytest.approx(1.0)
    assert loaded.recall == pytest.approx(8 / 15)
    assert loaded.f1 == pytest.approx(16 / 23)
    speaker = result.span_score(SPEAKER)
    # 'Lee' (3) inside 'Mayor Lee' (9): P = 1, R = 1/3, F1 = 0.5
    assert (speaker.precision, speaker.recall, speaker.f1) == pytest.approx((1.0, 1 / 3, 0.5))
    assert result.span_score(QUOTE).f1 == pytest.approx(1.0)
    hedge = result.span_score(labels.HEDGE)  # the key's 'may' missed: no precision, R = 0
    assert (hedge.precision, hedge.recall, hedge.f1) == (None, 0.0, 0.0)
    booster = result.span_score(labels.BOOSTER)  # 'will' not in the key: P = 0, no recall
    assert (booster.precision, booster.recall, booster.f1) == (0.0, None, 0.0)
    technique = result.span_score(labels.TECHNIQUE)  # neither side marked one
    assert (technique.precision, technique.recall, technique.f1) == (None, None, None)


def test_agreement_sentence_kappa_matches_hand_computation():
    result = agree(key_set(), student_set())
    # pairs (key, student): (F,F) (A,O) (A,A) (O,O): p_o = 3/4; key F1 A2 O1, student F1 A1 O2
    # p_e = (1*1 + 2*1 + 1*2) / 16 = 5/16; kappa = (3/4 - 5/16) / (11/16) = 7/11
    assert result.sentences.kappa == pytest.approx(7 / 11)
    assert result.sentences.observed == pytest.approx(0.75)
    assert (result.sentences.compared, result.sentences.unlabelled) == (4, 0)


def test_agreement_lists_each_disagreement_with_offsets_and_the_key_reason():
    result = agree(key_set(), student_set())
    found = {(d.kind, d.category, d.start, d.end) for d in result.disagreements}
    assert found == {
        (LABEL, "sentences", *where("Critics say the plan is a reckless gamble.")),
        (MISSED, labels.HEDGE, *where("may")),
        (EXTRA, labels.BOOSTER, *where("will")),
    }
    label = next(d for d in result.disagreements if d.kind == LABEL)
    assert (label.key_label, label.student_label) == (labels.ATTRIBUTED, labels.OPINION)
    assert label.reason == "key says attributed"
    missed = next(d for d in result.disagreements if d.kind == MISSED)
    assert missed.reason == "Softens the claim."
    assert "\u201cmay\u201d" in missed.describe(TEXT)
    assert [d.start for d in result.disagreements] == sorted(d.start for d in result.disagreements)


def test_agreement_unlabelled_sentences_are_counted_not_compared():
    student = student_set()
    kept = tuple(m for m in student.marks if m.category != labels.FACT)  # drops sentence 1
    result = agree(key_set(), MarkSet(TEXT, kept, student.by))
    # pairs (A,O) (A,A) (O,O): p_o = 2/3; key A2 O1, student A1 O2; p_e = (2*1 + 1*2)/9 = 4/9
    assert result.sentences.kappa == pytest.approx((2 / 3 - 4 / 9) / (5 / 9))
    assert (result.sentences.compared, result.sentences.unlabelled) == (3, 1)


def test_agreement_of_a_different_text_is_refused():
    other = MarkSet(TEXT + " Extra.", (), Marker("student"))
    with pytest.raises(ExerciseError, match="different text"):
        agree(key_set(), other, "ana.json")


def test_span_prf_merges_touching_marks_on_each_side():
    # two student marks 0-4 and 4-10 are one mark 0-10 against the key's 0-10
    assert span_prf([(0, 10)], [(0, 4), (4, 10)]) == (1.0, 1.0, 1.0)
    assert merge([(5, 8), (0, 3), (2, 4), (9, 9)]) == [(0, 4), (5, 8)]


def test_span_prf_gives_half_credit_for_half_a_mark():
    # student 0-10 over key 5-15: P = 5/10, R = 5/10
    assert span_prf([(5, 15)], [(0, 10)]) == pytest.approx((0.5, 0.5, 0.5))


@pytest.mark.parametrize(("pairs", "expected"), [
    ([("a", "a"), ("b", "b")], 1.0),
    ([("a", "b"), ("b", "a")], -1.0),
    ([("a", "a"), ("a", "b"), ("b", "a"), ("b", "b")], 0.0),
    ([("a", "a"), ("a", "a")], None),  # one label throughout: chance agreement is certain
    ([], None),
])
def test_cohen_kappa_known_values(pairs, expected):
    assert cohen_kappa(pairs) == (pytest.approx(expected) if expected is not None else None)


def test_agreement_identical_marks_agree_fully():
    result = agree(key_set(), key_set())
    assert result.disagreements == ()
    assert result.sentences.kappa == pytest.approx(1.0)
    assert all(s.f1 in (None, 1.0) for s in result.spans)
