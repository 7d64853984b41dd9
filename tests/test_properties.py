"""Property tests: whatever Unicode text comes in, the engine's output keeps its invariants."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framelens import engine, labels
from framelens.export.jsonfile import analysis_document
from framelens.model import Analysis

WORDS = ["The", "minister", "said", "reportedly", "clearly", "regime", "disaster", "may",
         "\u201cWe", "will", "win,\u201d", "she", "claimed", "'quoted'", "\u00abnon\u00bb",
         "\"open", "it's", "Advertisement", "\n", "\r\n", "\r", ".", "!", "?", "\u2014",
         "that", "flood", "of", "migrants", "designated", "terrorist", "slammed", "\u201d"]

newsy_text = st.lists(st.sampled_from(WORDS) | st.text(min_size=1, max_size=8),
                      max_size=60).map(" ".join)
any_text = st.text(max_size=400)
PROPERTY_SETTINGS = settings(max_examples=120, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow])


def check_invariants(text: str, analysis: Analysis) -> None:
    size = len(text)
    assert analysis.text == text
    starts = [s.start for s in analysis.sentences]
    assert starts == sorted(starts)
    for sentence in analysis.sentences:
        assert 0 <= sentence.start < sentence.end <= size
        assert sentence.label in labels.SENTENCE_LABELS
        assert 0.0 <= sentence.score <= 1.0
        for evidence in sentence.evidence:
            assert 0 <= evidence.start <= evidence.end <= size
    for first, second in zip(analysis.sentences, analysis.sentences[1:], strict=False):
        assert first.end <= second.start
    keys = [(s.start, s.end) for s in analysis.spans]
    assert keys == sorted(keys)
    for span in analysis.spans:
        assert 0 <= span.start < span.end <= size
        assert span.category in labels.SPAN_CATEGORIES
        assert span.explanation.strip()
    for quote in analysis.quotes:
        assert quote.kind in labels.QUOTE_KINDS
        for part in (quote.content, quote.speaker, quote.cue):
            if part is not None:
                assert 0 <= part.start <= part.end <= size
    document = json.loads(json.dumps(analysis_document([analysis]), ensure_ascii=False))
    assert document["schema"] == labels.SCHEMA
    assert document["documents"][0]["text"] == text
    assert Analysis.from_json(document["documents"][0]) == analysis


@PROPERTY_SETTINGS
@given(any_text | newsy_text)
def test_properties_any_text_keeps_invariants(text):
    # arbitrary Unicode, and word salad built from the words the analysers look for
    analysis = engine.analyze(text)
    check_invariants(text, analysis)
    assert not analysis.errors
