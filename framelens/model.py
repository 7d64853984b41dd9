"""Immutable analysis results: what the engine returns and every view draws from.

All offsets are Python string indices into `Analysis.text`, half-open.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import TYPE_CHECKING, Any

from framelens import labels

_ARTICLES = frozenset({"the", "a", "an"})

if TYPE_CHECKING:
    from framelens.actors import ActorComparison
    from framelens.alignment import Alignment


@dataclass(frozen=True)
class TextRange:
    """A half-open character range of the analysed text."""

    start: int
    end: int


@dataclass(frozen=True)
class Evidence:
    """One cue that pushed a sentence's label: the rule, what it means, where it fired, its
    weight, and its short name (the description without the gloss, for repeat mentions)."""

    rule: str
    description: str
    start: int
    end: int
    weight: float
    name: str = ""


@dataclass(frozen=True)
class FrameTag:
    """One frame of a sentence (a Policy Frames Codebook id), its strength in [0, 1] and
    the words that cue it."""

    frame: str
    score: float
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class FrameShare:
    """One frame of a document: the share of its sentences that carry it, how many, and
    the words that carried it most often."""

    frame: str
    share: float
    sentences: int = 0
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class HeadlineCheck:
    """The headline (and standfirst) against the body: frames, tone, opinion, and findings
    in plain words when they disagree (empty `findings`: the headline fits the body)."""

    headline: TextRange
    standfirst: TextRange | None
    frames: tuple[str, ...]
    body_frames: tuple[str, ...]
    tone: float
    body_tone: float
    opinion: float
    body_opinion: float
    findings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sentence:
    """A sentence with its label, its opinion score in [0, 1] and the evidence behind both."""

    start: int
    end: int
    label: str
    score: float
    evidence: tuple[Evidence, ...] = ()
    tone: float = 0.0
    frames: tuple[FrameTag, ...] = ()
    by: str = ""  # who set the label: "" FrameLens, labels.BY_USER a user's correction

    @property
    def frame_ids(self) -> tuple[str, ...]:
        """The sentence's frame ids, strongest first."""
        return tuple(tag.frame for tag in self.frames)


@dataclass(frozen=True)
class Span:
    """A marked passage: loaded language, a hedge, a booster, boilerplate or a technique.

    Technique spans also say whose rhetoric it is (`voice`: `labels.VOICE_WRITER` or
    `labels.VOICE_SOURCE`, with the `speaker` when known) and the `question` a reader can
    ask of it; other spans leave these empty.
    """

    start: int
    end: int
    category: str
    explanation: str
    rule: str
    subtype: str = ""
    alternative: str | None = None
    question: str = ""
    voice: str = ""
    speaker: str | None = None
    by: str = ""  # who made the mark: "" FrameLens, labels.BY_USER a user's correction


@dataclass(frozen=True)
class Quote:
    """Who said what, with which verb.

    `speaker_name` is the full name the speaker span refers to (a pronoun or surname is
    resolved to the person named earlier); `cue_tone` says whether the reporting verb is
    neutral ("said") or loaded ("claimed").
    """

    kind: str
    content: TextRange
    speaker: TextRange | None
    cue: TextRange | None
    rule: str
    speaker_name: str | None = None
    cue_verb: str | None = None
    cue_tone: str | None = None
    explanation: str = ""
    by: str = ""  # "" FrameLens, labels.BY_USER: the user corrected the speaker

    @property
    def voiced(self) -> bool:
        """True when the speaker is given a voice (words said or written); False for a
        belief or plan the writer credits to them (`labels.STANCE_RULE`)."""
        return self.rule != labels.STANCE_RULE

    @property
    def extent(self) -> tuple[int, int]:
        """The passage the quote occupies: its content, speaker and cue together."""
        parts = [r for r in (self.content, self.speaker, self.cue) if r is not None]
        return min(r.start for r in parts), max(r.end for r in parts)


@dataclass(frozen=True)
class Term:
    """A content word kept as plain data for alignment: its lemma, part of speech, the
    named-entity type it belongs to ("" if none) and, for the head of a name or group,
    its grammatical role ("agent", "patient" or "")."""

    start: int
    end: int
    lemma: str
    pos: str
    entity: str = ""
    role: str = ""


@dataclass(frozen=True)
class Entity:
    """A named person, organisation, place, group, date or number, as plain data:
    its type (spaCy's label), its role in its clause ("agent", "patient" or "")."""

    start: int
    end: int
    label: str
    role: str = ""


@dataclass(frozen=True)
class Genre:
    """Opinion or reporting for the whole document, with the reasons."""

    label: str
    score: float
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Metrics:
    """Document-level figures, computed outside boilerplate (see `labels.METRICS`)."""

    word_count: int = 0
    sentence_count: int = 0
    opinion_share: float = 0.0
    fact_share: float = 0.0
    attributed_share: float = 0.0
    loaded_per_100: float = 0.0
    hedge_per_100: float = 0.0
    booster_per_100: float = 0.0
    quote_count: int = 0
    direct_quote_count: int = 0
    indirect_quote_count: int = 0
    named_source_count: int = 0
    loaded_cue_count: int = 0
    first_person_per_100: float = 0.0
    second_person_per_100: float = 0.0
    tone_mean: float = 0.0
    tone_spread: float = 0.0
    flesch_reading_ease: float = 0.0
    grade_level: float = 0.0
    mean_sentence_length: float = 0.0
    technique_count: int = 0
    technique_writer_count: int = 0
    technique_source_count: int = 0
    technique_per_100_sentences: float = 0.0
    vague_attribution_count: int = 0

    def value(self, key: str) -> float:
        """The metric named `key` (a `labels.METRICS` key) as a float."""
        return float(getattr(self, key))


def speaker_key(words: str) -> str:
    """What makes two speakers one: their words without case, spacing or a leading article
    ("The Independent sources" -> "independent sources"); used wherever speakers are counted."""
    parts = words.casefold().split()
    if len(parts) > 1 and parts[0] in _ARTICLES:
        parts = parts[1:]
    return " ".join(parts)


@dataclass(frozen=True)
class Analysis:
    """Everything FrameLens found in one text."""

    text: str
    sentences: tuple[Sentence, ...]
    spans: tuple[Span, ...]
    quotes: tuple[Quote, ...]
    genre: Genre
    metrics: Metrics
    source: str | None = None
    title: str = ""
    language: str = "en"
    errors: tuple[str, ...] = ()
    frames: tuple[FrameShare, ...] = ()
    headline: HeadlineCheck | None = None
    terms: tuple[Term, ...] = ()
    entities: tuple[Entity, ...] = ()
    corrections: tuple[str, ...] = ()  # the user's corrections applied, in words

    @property
    def primary_frame(self) -> str | None:
        """The frame most sentences carry, or None when no sentence has a frame."""
        return self.frames[0].frame if self.frames else None

    def sentences_with_frame(self, frame: str) -> tuple[Sentence, ...]:
        """The sentences that carry one frame, in text order."""
        return tuple(s for s in self.sentences if frame in s.frame_ids)

    def spans_of(self, category: str) -> tuple[Span, ...]:
        """The spans of one category, in text order."""
        return tuple(s for s in self.spans if s.category == category)

    def terms_by_sentence(self) -> list[list[Term]]:
        """The content words and names (`terms`) of each sentence, in order; terms outside
        every sentence (web debris, headings not parsed) are left out."""
        found: list[list[Term]] = [[] for _ in self.sentences]
        index = 0
        for term in self.terms:
            while index < len(self.sentences) and self.sentences[index].end <= term.start:
                index += 1
            if index >= len(self.sentences):
                break
            if term.start >= self.sentences[index].start:
                found[index].append(term)
        return found

    def unattributed_opinion(self) -> list[Sentence]:
        """Opinion sentences that no voiced quote overlaps: what still needs a source. A
        belief the writer credits to someone ("she knows that ...") is the writer's account,
        not a source."""
        ranges = [q.extent for q in self.quotes if q.voiced]
        return [s for s in self.sentences_of(labels.OPINION)
                if not any(start < s.end and s.start < end for start, end in ranges)]

    def sentences_of(self, label: str) -> tuple[Sentence, ...]:
        """The sentences with one label, in text order."""
        return tuple(s for s in self.sentences if s.label == label)

    def sources(self) -> tuple[str, ...]:
        """Distinct named speakers given a voice, in order of first appearance."""
        seen: dict[str, str] = {}
        for quote in self.quotes:
            if quote.speaker_name and quote.voiced:
                seen.setdefault(speaker_key(quote.speaker_name), quote.speaker_name)
        return tuple(seen.values())

    def speaker_of(self, quote: Quote) -> str | None:
        """Who is quoted, in words: the resolved full name, else the speaker's words, else
        None; speakers that differ only by case or a leading article ("Independent sources",
        "independent sources") are one, written as where they first appear."""
        words = self._speaker_words(quote)
        if words is None:
            return None
        key = speaker_key(words)
        return next(w for w in map(self._speaker_words, self.quotes)
                    if w is not None and speaker_key(w) == key)

    def _speaker_words(self, quote: Quote) -> str | None:
        if quote.speaker_name:
            return quote.speaker_name
        if quote.speaker is not None:
            return " ".join(self.text[quote.speaker.start:quote.speaker.end].split()) or None
        return None

    def cue_of(self, quote: Quote) -> str | None:
        """The reporting verb as written (else its lemma), or None when there is none."""
        if quote.cue is not None:
            written = " ".join(self.text[quote.cue.start:quote.cue.end].split())
            if written:
                return written
        return quote.cue_verb or None

    def excerpt(self, start: int, end: int) -> str:
        """The text of a range."""
        return self.text[start:end]

    def to_json(self) -> dict[str, Any]:
        """The `framelens/analysis-v1` document object (contract fields plus extras)."""
        return {
            "source": self.source,
            "title": self.title,
            "text": self.text,
            "language": self.language,
            "genre": {"label": self.genre.label, "score": self.genre.score,
                      "evidence": list(self.genre.evidence)},
            "sentences": [
                {"start": s.start, "end": s.end, "label": s.label, "score": s.score,
                 "tone": s.tone, "evidence": [asdict(e) for e in s.evidence],
                 "frames": list(s.frame_ids),
                 "frame_evidence": [asdict(t) for t in s.frames], **_by_json(s.by)}
                for s in self.sentences
            ],
            "spans": [
                {"start": s.start, "end": s.end, "category": s.category,
                 "explanation": s.explanation, "subtype": s.subtype, "rule": s.rule,
                 "alternative": s.alternative, "text": self.text[s.start:s.end],
                 **_technique_json(s), **_by_json(s.by)}
                for s in self.spans
            ],
            "quotes": [_quote_json(q) for q in self.quotes],
            "metrics": asdict(self.metrics),
            "errors": list(self.errors),
            "frames": [asdict(f) for f in self.frames],
            "headline": None if self.headline is None else asdict(self.headline),
            "terms": [[t.start, t.end, t.lemma, t.pos, t.entity, t.role] for t in self.terms],
            "entities": [[e.start, e.end, e.label, e.role] for e in self.entities],
            **({"corrections": list(self.corrections)} if self.corrections else {}),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Analysis:
        """Rebuild an Analysis from `to_json` output."""
        known_metrics = {f.name for f in fields(Metrics)}
        return cls(
            text=data["text"],
            source=data.get("source"),
            title=data.get("title", ""),
            language=data.get("language", "en"),
            genre=Genre(data["genre"]["label"], data["genre"]["score"],
                        tuple(data["genre"].get("evidence", ()))),
            sentences=tuple(
                Sentence(s["start"], s["end"], s["label"], s["score"],
                         tuple(Evidence(**e) for e in s.get("evidence", ())), s.get("tone", 0.0),
                         tuple(_frame_tag_from_json(t) for t in s.get("frame_evidence", ())),
                         s.get("by", ""))
                for s in data["sentences"]
            ),
            spans=tuple(
                Span(s["start"], s["end"], s["category"], s["explanation"], s.get("rule", ""),
                     s.get("subtype", ""), s.get("alternative"), s.get("question", ""),
                     s.get("voice", ""), s.get("speaker"), s.get("by", ""))
                for s in data["spans"]
            ),
            quotes=tuple(_quote_from_json(q) for q in data["quotes"]),
            metrics=Metrics(**{k: v for k, v in data.get("metrics", {}).items()
                               if k in known_metrics}),
            errors=tuple(data.get("errors", ())),
            frames=tuple(FrameShare(f["frame"], f["share"], f.get("sentences", 0),
                                    tuple(f.get("evidence", ()))) for f in data.get("frames", ())),
            headline=_headline_from_json(data.get("headline")),
            terms=tuple(Term(*t) for t in data.get("terms", ())),
            entities=tuple(Entity(*e) for e in data.get("entities", ())),
            corrections=tuple(data.get("corrections", ())),
        )


def _by_json(by: str) -> dict[str, str]:
    """The additive "by" field: present only on what a user made or corrected."""
    return {"by": by} if by else {}


def _technique_json(span: Span) -> dict[str, Any]:
    """The extra fields of a technique span (none for other spans, keeping their JSON as it was)."""
    if span.category != labels.TECHNIQUE:
        return {}
    return {"question": span.question, "voice": span.voice, "speaker": span.speaker}


def _range_json(r: TextRange | None) -> dict[str, int] | None:
    return None if r is None else {"start": r.start, "end": r.end}


def _range_from_json(d: dict[str, int] | None) -> TextRange | None:
    return None if d is None else TextRange(d["start"], d["end"])


def _frame_tag_from_json(d: dict[str, Any]) -> FrameTag:
    return FrameTag(d["frame"], d["score"], tuple(Evidence(**e) for e in d.get("evidence", ())))


def _headline_from_json(d: dict[str, Any] | None) -> HeadlineCheck | None:
    if d is None:
        return None
    headline = _range_from_json(d["headline"])
    assert headline is not None
    return HeadlineCheck(headline, _range_from_json(d.get("standfirst")),
                         tuple(d["frames"]), tuple(d["body_frames"]), d["tone"], d["body_tone"],
                         d["opinion"], d["body_opinion"], tuple(d.get("findings", ())))


def _quote_json(q: Quote) -> dict[str, Any]:
    return {
        "kind": q.kind,
        "content": _range_json(q.content),
        "speaker": _range_json(q.speaker),
        "cue": _range_json(q.cue),
        "speaker_name": q.speaker_name,
        "cue_verb": q.cue_verb,
        "cue_tone": q.cue_tone,
        "rule": q.rule,
        "explanation": q.explanation,
        **_by_json(q.by),
    }


def _quote_from_json(d: dict[str, Any]) -> Quote:
    content = _range_from_json(d["content"])
    assert content is not None
    return Quote(d["kind"], content, _range_from_json(d.get("speaker")),
                 _range_from_json(d.get("cue")), d.get("rule", ""), d.get("speaker_name"),
                 d.get("cue_verb"), d.get("cue_tone"), d.get("explanation", ""), d.get("by", ""))


@dataclass(frozen=True)
class MetricRow:
    """One metric of two documents side by side."""

    key: str
    label: str
    a: float
    b: float

    @property
    def difference(self) -> float:
        """B minus A."""
        return self.b - self.a

    def formatted(self) -> tuple[str, str, str]:
        """A, B and the signed difference, formatted for people."""
        info = labels.METRICS_BY_KEY[self.key]
        diff = info.format_change(abs(self.difference))
        sign = "+" if self.difference > 0 else "-" if self.difference < 0 else "±"
        return info.format(self.a), info.format(self.b), sign + diff


@dataclass(frozen=True)
class Comparison:
    """Two analyses side by side: every metric with its difference and the sharpest contrasts."""

    a: Analysis
    b: Analysis
    rows: tuple[MetricRow, ...]
    contrasts: tuple[str, ...] = field(default=())
    alignment: Alignment | None = None
    actors: ActorComparison | None = None

    def to_json(self) -> dict[str, Any]:
        """The `framelens/comparison-v1` object (alignment and actors keys when computed)."""
        extra = self.alignment.to_json() if self.alignment is not None else {}
        if self.actors is not None:
            extra["actors"] = self.actors.to_json()
        return {
            "schema": labels.COMPARISON_SCHEMA,
            "a": {"source": self.a.source, "title": self.a.title, "genre": self.a.genre.label},
            "b": {"source": self.b.source, "title": self.b.title, "genre": self.b.genre.label},
            "metrics": [
                {"key": r.key, "label": r.label, "a": r.a, "b": r.b, "difference": r.difference}
                for r in self.rows
            ],
            "contrasts": list(self.contrasts),
            "frames": {"a": [asdict(f) for f in self.a.frames],
                       "b": [asdict(f) for f in self.b.frames]},
        } | extra
