"""The all-words sentence match (`framelens.sif`) and the dates two articles share: the
same claim in other words matches better than a different claim on the same topic, and two
events of one kind on different days share no date."""

from __future__ import annotations

import numpy as np
import pytest

from framelens import alignment, alignment_model, engine, resources, sif

CLAIM = "The police arrested the driver outside the station on Friday."
SAME_IN_OTHER_WORDS = "Officers detained the motorist near the station on Friday."
SAME_TOPIC_OTHER_CLAIM = "The police station will reopen after the summer holidays."
UNRELATED = "Heavy rain flooded the orchards along the valley."


@pytest.fixture(scope="module")
def analysed():
    texts = [CLAIM, SAME_IN_OTHER_WORDS, SAME_TOPIC_OTHER_CLAIM, UNRELATED]
    return dict(zip(texts, engine.analyze_many(texts), strict=True))


def _match(analysed, left, right, common):
    return float(sif.match(sif.words(analysed[left]), sif.words(analysed[right]), common)[0, 0])


@pytest.mark.parametrize("components", [0, 2])
def test_same_claim_in_other_words_matches_best(analysed, components):
    common = (alignment_model.load().common[:components] if components
              else np.zeros((0, 0), dtype=np.float32))
    paraphrase = _match(analysed, CLAIM, SAME_IN_OTHER_WORDS, common)
    other_claim = _match(analysed, CLAIM, SAME_TOPIC_OTHER_CLAIM, common)
    unrelated = _match(analysed, CLAIM, UNRELATED, common)
    assert paraphrase > other_claim > unrelated
    assert _match(analysed, CLAIM, CLAIM, common) == pytest.approx(1.0, abs=1e-5)


def test_common_directions_are_removed_from_every_word(analysed):
    words = [sif.words(a) for a in analysed.values()]
    common = sif.common_components(words, 2)
    assert common.shape == (2, words[0].vectors.shape[1])
    # the directions all sentences share dominate the raw word vectors and are gone after
    stacked = np.vstack([w.vectors for w in words])
    units = stacked / np.maximum(np.linalg.norm(stacked, axis=1), 1e-9)[:, None]
    assert np.abs(units @ common[0]).mean() > 0.2
    removed = stacked - (stacked @ common.T) @ common
    assert np.abs(removed @ common.T).max() < 1e-3


def test_shipped_model_has_the_fitted_common_directions():
    common = alignment_model.load().common
    assert common.shape[0] >= 1 and common.shape[1] == sif.embeddings.load().dims
    assert np.allclose(np.linalg.norm(common, axis=1), 1.0, atol=1e-3)


def test_a_malformed_common_direction_is_a_resource_error():
    data = alignment_model.load().to_json()
    data["common_components"] = [[0.1, 0.2], [0.3]]
    with pytest.raises(resources.ResourceError, match="alignment_model.json"):
        alignment_model.from_json(data)


def test_dates_shared_tells_two_events_of_one_kind_apart():
    first, again, other, undated = engine.analyze_many([
        "A fire destroyed a warehouse in Leeds on Friday 3 March. Crews worked until Saturday.",
        "On Friday 3 March flames gutted a Leeds warehouse, and crews stayed until Saturday.",
        "A fire destroyed a warehouse in Hull on Sunday 9 July. Crews worked until Monday.",
        "A fire destroyed a warehouse in Hull. Crews worked through the night shift."])
    terms = {name: alignment.sentence_terms(a) for name, a in
             (("first", first), ("again", again), ("other", other), ("undated", undated))}
    assert alignment.dates_shared(terms["first"], terms["again"]) == pytest.approx(1.0)
    assert alignment.dates_shared(terms["first"], terms["other"]) == 0.0
    assert alignment.dates_shared(terms["first"], terms["undated"]) is None
