"""Document metrics, computed over the sentences outside boilerplate."""

from __future__ import annotations

import bisect
import re
import statistics
from collections.abc import Sequence

from framelens import labels
from framelens.analyzers import readability
from framelens.model import Metrics, Quote, Sentence, Span, speaker_key

_WORD_RE = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
_FIRST = frozenset(["i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"])
_MAX_LOOKBACK = 20_000  # a quotation longer than this is not blanked from later sentences
_SECOND = frozenset(["you", "your", "yours", "yourself", "yourselves"])


def compute(text: str, sentences: Sequence[Sentence], spans: Sequence[Span],
            quotes: Sequence[Quote], reading: tuple[float, float] | None = None) -> Metrics:
    """All figures of one document (see `labels.METRICS` for their meaning); `reading`
    gives the reading ease and grade already known (marks changed, words did not)."""
    body = [text[s.start:s.end] for s in sentences]
    words = [w for chunk in body for w in _WORD_RE.findall(chunk)]
    n_words = len(words)
    n_sents = len(sentences)
    quoted = sorted((q.content.start, q.content.end) for q in quotes if q.kind == labels.DIRECT)
    own_words = [w.lower() for s in sentences
                 for w in _WORD_RE.findall(_outside(text, s.start, s.end, quoted))]

    def share(label: str) -> float:
        return sum(1 for s in sentences if s.label == label) / n_sents if n_sents else 0.0

    def per_100(count: int) -> float:
        return 100.0 * count / n_words if n_words else 0.0

    def count(category: str) -> int:
        return sum(1 for s in spans if s.category == category)

    tones = [s.tone for s in sentences]
    joined = " ".join(body)
    # Quotes and sources count words said or written; a belief the writer credits to someone
    # ("she knows that ...") is an attribution but gives nobody a voice.
    voiced = [q for q in quotes if q.voiced]
    speakers = {speaker_key(q.speaker_name) for q in voiced if q.speaker_name}
    # Techniques: the 13 persuasion techniques, apart from vague attribution (its own count).
    used = [s for s in spans
            if s.category == labels.TECHNIQUE and s.subtype != labels.VAGUE_ATTRIBUTION]
    return Metrics(
        word_count=n_words,
        sentence_count=n_sents,
        opinion_share=share(labels.OPINION),
        fact_share=share(labels.FACT),
        attributed_share=share(labels.ATTRIBUTED),
        loaded_per_100=per_100(count(labels.LOADED)),
        hedge_per_100=per_100(count(labels.HEDGE)),
        booster_per_100=per_100(count(labels.BOOSTER)),
        quote_count=len(voiced),
        direct_quote_count=sum(1 for q in voiced if q.kind == labels.DIRECT),
        indirect_quote_count=sum(1 for q in voiced if q.kind == labels.INDIRECT),
        named_source_count=len(speakers),
        loaded_cue_count=sum(1 for q in voiced if q.cue_tone == labels.CUE_LOADED),
        first_person_per_100=per_100(sum(1 for w in own_words if w in _FIRST)),
        second_person_per_100=per_100(sum(1 for w in own_words if w in _SECOND)),
        tone_mean=statistics.fmean(tones) if tones else 0.0,
        tone_spread=statistics.pstdev(tones) if len(tones) > 1 else 0.0,
        flesch_reading_ease=reading[0] if reading else readability.reading_ease(joined),
        grade_level=reading[1] if reading else readability.grade_level(joined),
        mean_sentence_length=n_words / n_sents if n_sents else 0.0,
        technique_count=len(used),
        technique_writer_count=sum(1 for s in used if s.voice == labels.VOICE_WRITER),
        technique_source_count=sum(1 for s in used if s.voice == labels.VOICE_SOURCE),
        technique_per_100_sentences=100.0 * len(used) / n_sents if n_sents else 0.0,
        vague_attribution_count=sum(1 for s in spans if s.category == labels.TECHNIQUE
                                    and s.subtype == labels.VAGUE_ATTRIBUTION),
    )


def _outside(text: str, start: int, end: int, ranges: Sequence[tuple[int, int]]) -> str:
    """The text of [start, end) with the given ranges (sorted by start) blanked out."""
    chars = list(text[start:end])
    # Ranges starting at or after `end` cannot overlap; quotes are short, so look back a little.
    last = bisect.bisect_left(ranges, (end,))
    for r_start, r_end in reversed(ranges[:last]):
        if r_end <= start and r_start < start - _MAX_LOOKBACK:
            break
        for i in range(max(r_start, start), min(r_end, end)):
            chars[i - start] = " "
    return "".join(chars)
