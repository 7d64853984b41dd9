"""A sentence aligned with a counterpart is never also listed as "only in" its article,
even when the link rests on shared names and numbers rather than on the graded similarity."""

from __future__ import annotations

import numpy as np

from framelens import alignment


def test_a_linked_sentence_is_not_only_in_its_article():
    # sentence 0 of each side: a weak graded similarity (below `only`) but many shared
    # anchors, so the lexical rule links them; sentence 1 of each side: nothing in common
    scores = alignment.Scores(
        sentence=np.array([[0.1, 0.0], [0.0, 0.05]]),
        link=np.array([[0.2, 0.0], [0.0, 0.0]]),
        similarity=0.9,
        has_terms_a=np.array([True, True]), has_terms_b=np.array([True, True]),
        cosine=np.array([[0.5, 0.0], [0.0, 0.0]]),
        anchors=np.array([[8.0, 0.0], [0.0, 0.0]]),
        names_apart=False)
    params = alignment.Params(align=0.5, only=0.3, related=0.5, meaning=0.5,
                              overlap_cosine=0.12, overlap_anchors=5.0)
    linked, only_a, only_b, related = alignment.decide(scores, params)
    assert related and linked[0, 0]
    assert only_a.tolist() == [False, True]
    assert only_b.tolist() == [False, True]
