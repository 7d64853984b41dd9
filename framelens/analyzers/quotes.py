"""Quotes: direct quotations and reported speech, with speaker and reporting verb."""

from __future__ import annotations

import functools
import re

from framelens import labels, resources
from framelens.model import Quote, TextRange
from framelens.nlp.parsed import ParsedText, SentenceView

_DIRECT_RE = re.compile(r"\u201c[^\u201c\u201d]{2,}?\u201d|\"[^\"\n]{2,}?\"")


@functools.cache
def _verbs() -> tuple[frozenset[str], frozenset[str]]:
    data = resources.load_toml("reporting_verbs.toml")["verbs"]
    return frozenset(data["neutral"]), frozenset(data["loaded"])


def cue_tone(lemma: str) -> str | None:
    """`neutral`, `loaded` or None when the lemma is not a reporting verb."""
    neutral, loaded = _verbs()
    if lemma in loaded:
        return labels.CUE_LOADED
    if lemma in neutral:
        return labels.CUE_NEUTRAL
    return None


def find_quotes(parsed: ParsedText) -> list[Quote]:
    """Direct and indirect quotes in text order."""
    quotes = []
    for sent in parsed.sentences():
        quotes.extend(_quotes_in_sentence(sent))
    return sorted(quotes, key=lambda q: (q.content.start, q.content.end))


def _quotes_in_sentence(sent: SentenceView) -> list[Quote]:
    cue_token = next((t for t in sent.span if t.pos_ == "VERB" and cue_tone(t.lemma_)), None)
    speaker = None
    if cue_token is not None:
        subject = next((c for c in cue_token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            first, last = subject.left_edge, subject.right_edge
            speaker = TextRange(*sent.token_range(first, last))
    cue = None if cue_token is None else TextRange(*sent.token_range(cue_token, cue_token))
    verb = None if cue_token is None else cue_token.lemma_
    tone = None if verb is None else cue_tone(verb)
    quotes = []
    for match in _DIRECT_RE.finditer(sent.text):
        start = sent.start + match.start()
        quotes.append(Quote(labels.DIRECT, TextRange(start, sent.start + match.end()), speaker,
                            cue, "quotes.direct_marks", None, verb, tone,
                            "Words in quotation marks."))
    if not quotes and cue_token is not None:
        clause = next((c for c in cue_token.children if c.dep_ == "ccomp"), None)
        if clause is not None:
            content = TextRange(*sent.token_range(clause.left_edge, clause.right_edge))
            quotes.append(Quote(labels.INDIRECT, content, speaker, cue, "quotes.reported_clause",
                                None, verb, tone, "Reported speech: a clause after a reporting verb."))
    return quotes
