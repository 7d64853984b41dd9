"""Opinion versus reported fact versus attributed statement, sentence by sentence."""

from __future__ import annotations

import math
from collections.abc import Sequence

from framelens import labels
from framelens.model import Evidence, Quote, Sentence, Span
from framelens.nlp.parsed import ParsedText, SentenceView

_OBLIGATION = {"must", "should", "ought", "need"}
_FIRST_PERSON = {"i", "we", "me", "us", "my", "our", "ours", "myself", "ourselves"}
_WEIGHTS = {
    "opinion.first_person": 1.0,
    "opinion.obligation_modal": 1.5,
    "opinion.superlative": 0.8,
    "opinion.rhetorical_question": 1.5,
    "opinion.loaded_word": 1.0,
    "opinion.booster": 1.0,
    "fact.number": -0.8,
    "fact.named_entity": -0.4,
}
_DESCRIPTIONS = {
    "opinion.first_person": "first person (the writer speaks)",
    "opinion.obligation_modal": "modal of obligation (must/should)",
    "opinion.superlative": "superlative",
    "opinion.rhetorical_question": "question addressed to the reader",
    "opinion.loaded_word": "loaded word",
    "opinion.booster": "certainty booster",
    "fact.number": "number or date",
    "fact.named_entity": "named person, place or organisation",
}
_BIAS = -0.5


def label_sentences(parsed: ParsedText, quotes: Sequence[Quote], marks: Sequence[Span],
                    tones: Sequence[float]) -> list[Sentence]:
    """Label every sentence `opinion`, `fact` or `attributed`, with score and evidence."""
    sentences = []
    for sent, tone in zip(parsed.sentences(), tones, strict=True):
        evidence = _evidence(sent, marks)
        raw = _BIAS + sum(e.weight for e in evidence)
        score = 1.0 / (1.0 + math.exp(-raw))
        if _attributed(sent, quotes):
            label = labels.ATTRIBUTED
        elif score >= 0.5:
            label = labels.OPINION
        else:
            label = labels.FACT
        sentences.append(Sentence(sent.start, sent.end, label, round(score, 3), tuple(evidence),
                                  tone))
    return sentences


def _attributed(sent: SentenceView, quotes: Sequence[Quote]) -> bool:
    length = max(1, sent.end - sent.start)
    covered = sum(max(0, min(q.content.end, sent.end) - max(q.content.start, sent.start))
                  for q in quotes)
    return covered / length >= 0.3


def _evidence(sent: SentenceView, marks: Sequence[Span]) -> list[Evidence]:
    found = []

    def add(rule: str, start: int, end: int) -> None:
        found.append(Evidence(rule, _DESCRIPTIONS[rule], start, end, _WEIGHTS[rule]))

    for token in sent.span:
        start, end = sent.token_range(token, token)
        lower = token.lower_
        if lower in _FIRST_PERSON:
            add("opinion.first_person", start, end)
        elif lower in _OBLIGATION and token.tag_ == "MD":
            add("opinion.obligation_modal", start, end)
        elif token.tag_ in ("JJS", "RBS"):
            add("opinion.superlative", start, end)
        elif token.like_num:
            add("fact.number", start, end)
    if sent.text.rstrip().endswith("?"):
        add("opinion.rhetorical_question", sent.end - 1, sent.end)
    for ent in sent.span.ents:
        if ent.label_ in ("PERSON", "ORG", "GPE", "DATE"):
            add("fact.named_entity", *sent.token_range(ent[0], ent[-1]))
    for mark in marks:
        if sent.start <= mark.start < sent.end:
            if mark.category == labels.LOADED:
                add("opinion.loaded_word", mark.start, mark.end)
            elif mark.category == labels.BOOSTER:
                add("opinion.booster", mark.start, mark.end)
    return found
