"""Class exercises: the marks a student (or a teacher's key) made on one article, as data.

An exercise file and a key file are `framelens/analysis-v1` documents: the text, sentence
labels in `sentences`, loaded words, hedges, boosters and techniques in `spans`, quotes and
their speakers in `quotes` (a speaker marked without a quote goes in the additive
`speakers` list), plus the additive `by` (who marked: student, teacher or framelens) and
`text_sha256` (which article the marks belong to). FrameLens's own `analyze --json` output
reads as a mark set too, so a key can be FrameLens's marks as they are.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from framelens import explain, labels
from framelens.fileio import atomic_output
from framelens.model import Analysis, Genre, Metrics, Quote, Sentence, Span, TextRange

QUOTE: str = labels.QUOTE_CONTENT
SPEAKER: str = labels.QUOTE_SPEAKER
# Word categories a student marks, and all categories of an exercise, in legend order.
WORD_CATEGORIES = (labels.LOADED, labels.HEDGE, labels.BOOSTER, labels.TECHNIQUE, QUOTE, SPEAKER)
CATEGORIES = labels.SENTENCE_LABELS + WORD_CATEGORIES
CATEGORY_NAMES = {labels.OPINION: "Opinion", labels.FACT: "Fact",
                  labels.ATTRIBUTED: "Attributed", labels.LOADED: "Loaded language",
                  labels.HEDGE: "Hedge", labels.BOOSTER: "Booster",
                  labels.TECHNIQUE: "Technique", QUOTE: "Quote", SPEAKER: "Speaker"}
ROLES = ("student", "teacher", "framelens")
EXERCISE_RULE = "exercise"
# A speaker mark is stored with the nearest quote mark at most this many characters away.
SPEAKER_REACH = 120


class ExerciseError(ValueError):
    """An exercise or key file that cannot be used; the message is one line for people."""


@dataclass(frozen=True)
class ExerciseMark:
    """One mark: a sentence label or a marked word range, with an optional technique
    subtype and a note (FrameLens's reason for its own marks, the marker's note otherwise)."""

    category: str
    start: int
    end: int
    subtype: str = ""
    note: str = ""

    @property
    def is_sentence(self) -> bool:
        return self.category in labels.SENTENCE_LABELS


@dataclass(frozen=True)
class Marker:
    """Who made a mark set: a role (`ROLES`) and a name (may be empty)."""

    role: str
    name: str = ""

    def describe(self) -> str:
        """"student Ana", "teacher", "FrameLens"."""
        if self.role == "framelens":
            return "FrameLens"
        return f"{self.role} {self.name}".strip()


@dataclass(frozen=True)
class MarkSet:
    """The marks one person (or FrameLens) made on one text."""

    text: str
    marks: tuple[ExerciseMark, ...]
    by: Marker
    title: str = ""
    source: str | None = None
    genre: Genre = Genre(labels.GENRE_REPORTING, 0.0)

    @property
    def text_hash(self) -> str:
        return text_hash(self.text)

    def of(self, category: str) -> tuple[ExerciseMark, ...]:
        """The marks of one category, in text order."""
        return tuple(m for m in self.marks if m.category == category)

    def sentence_marks(self) -> tuple[ExerciseMark, ...]:
        return tuple(m for m in self.marks if m.is_sentence)


def text_hash(text: str) -> str:
    """The SHA-256 of a text's UTF-8 bytes: which article a mark set belongs to."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sorted_marks(marks: Iterable[ExerciseMark]) -> tuple[ExerciseMark, ...]:
    """Marks in one stable order (text order, then category), without duplicates."""
    order = {c: i for i, c in enumerate(CATEGORIES)}
    return tuple(sorted(set(marks), key=lambda m: (m.start, m.end, order.get(m.category, 99),
                                                   m.subtype, m.note)))


# --- from and to an Analysis --------------------------------------------------------------
_WEIGHT = re.compile(r" \(weight [+-]\d+\.\d+\)")


def _plain(explanation: explain.Explanation) -> str:
    """An explanation as one plain sentence or two, without rule weights (a class's reading)."""
    head = explanation.heading + (f": \u201c{explanation.quoted}\u201d"
                                  if explanation.quoted else "")
    lines = [_WEIGHT.sub("", line) for line in explanation.lines]
    return " ".join([head + ("." if lines else ""), *lines]).strip()


def marks_from_analysis(analysis: Analysis, by: Marker | None = None,
                        reasons: bool = True) -> MarkSet:
    """The marks of an analysis as a mark set (FrameLens's by default), each with FrameLens's
    reason as its note when `reasons` (a file's own notes are kept as they are otherwise)."""
    marks: list[ExerciseMark] = []
    for sentence in analysis.sentences:
        if sentence.label in labels.SENTENCE_LABELS:
            note = _plain(explain.explain_sentence(analysis, sentence)) if reasons else ""
            marks.append(ExerciseMark(sentence.label, sentence.start, sentence.end, note=note))
    for span in analysis.spans:
        if span.category in WORD_CATEGORIES:
            note = _plain(explain.explain_span(analysis, span)) if reasons else _own_note(span)
            subtype = span.subtype if span.category == labels.TECHNIQUE else ""
            marks.append(ExerciseMark(span.category, span.start, span.end, subtype, note))
    for quote in analysis.quotes:
        note = _plain(explain.explain_quote(analysis, quote)) if reasons else quote.explanation
        if quote.content.end > quote.content.start:
            marks.append(ExerciseMark(QUOTE, quote.content.start, quote.content.end, note=note))
        if quote.speaker is not None and quote.speaker.end > quote.speaker.start:
            marks.append(ExerciseMark(SPEAKER, quote.speaker.start, quote.speaker.end,
                                      note=note))
    return MarkSet(analysis.text, sorted_marks(marks), by or Marker("framelens"),
                   analysis.title, analysis.source, analysis.genre)


def _own_note(span: Span) -> str:
    """A file's note on a span, without the placeholder `to_document` writes for none."""
    if span.rule == EXERCISE_RULE and span.explanation.startswith("Marked by "):
        return ""
    return span.explanation


def _pair_speakers(marks: tuple[ExerciseMark, ...]) -> tuple[dict[ExerciseMark, ExerciseMark],
                                                             list[ExerciseMark]]:
    """Each speaker mark with the nearest free quote mark within `SPEAKER_REACH`; the rest."""
    quotes = [m for m in marks if m.category == QUOTE]
    paired: dict[ExerciseMark, ExerciseMark] = {}
    alone = []
    for speaker in (m for m in marks if m.category == SPEAKER):
        free = [q for q in quotes if q not in paired]
        gaps = [(max(q.start - speaker.end, speaker.start - q.end, 0), q) for q in free]
        near = [(gap, q.start, q) for gap, q in gaps if gap <= SPEAKER_REACH]
        if near:
            paired[min(near, key=lambda g: (g[0], g[1]))[2]] = speaker
        else:
            alone.append(speaker)
    return paired, alone


def _quote_kind(text: str) -> str:
    return labels.DIRECT if text[:1] in "\"\u201c\u201e\u00ab'\u2018" else labels.INDIRECT


def to_document(mark_set: MarkSet) -> dict[str, Any]:
    """The mark set as one `framelens/analysis-v1` document (with `by` and `text_sha256`)."""
    by = mark_set.by.describe()
    sentences = tuple(Sentence(m.start, m.end, m.category, 1.0) for m in mark_set.marks
                      if m.is_sentence)
    spans = tuple(Span(m.start, m.end, m.category, m.note or f"Marked by {by}.", EXERCISE_RULE,
                       m.subtype) for m in mark_set.marks
                  if m.category in (labels.LOADED, labels.HEDGE, labels.BOOSTER,
                                    labels.TECHNIQUE))
    paired, alone = _pair_speakers(mark_set.marks)
    quotes = []
    for mark in mark_set.of(QUOTE):
        speaker = paired.get(mark)
        quotes.append(Quote(_quote_kind(mark_set.text[mark.start:mark.end]),
                            TextRange(mark.start, mark.end),
                            None if speaker is None else TextRange(speaker.start, speaker.end),
                            None, EXERCISE_RULE, explanation=mark.note))
    analysis = Analysis(mark_set.text, sentences, spans, tuple(quotes), mark_set.genre,
                        Metrics(), mark_set.source, mark_set.title)
    document = analysis.to_json()
    document["speakers"] = [{"start": m.start, "end": m.end, "note": m.note} for m in alone]
    document["by"] = {"role": mark_set.by.role, "name": mark_set.by.name}
    document["text_sha256"] = mark_set.text_hash
    return document


def save(mark_set: MarkSet, path: str | Path) -> None:
    """Write a mark set as an analysis-v1 file (atomically; `OutputError` on failure)."""
    payload = {"schema": labels.SCHEMA, "documents": [to_document(mark_set)]}
    with atomic_output(path) as handle:
        json.dump(payload, handle, ensure_ascii=False, indent=1)


# --- reading ------------------------------------------------------------------------------
def load(path: str | Path, text: str | None = None) -> MarkSet:
    """Read an exercise, a key or a FrameLens analysis file (one document).

    With `text`, the file must be about that text. Raises `ExerciseError` with a one-line
    reason: unreadable, not JSON, not the analysis contract, a mark outside the text, a
    text that does not match its hash, or a different article.
    """
    name = Path(path).name
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise ExerciseError(f"{name}: cannot read it ({exc.strerror or exc})") from None
    if not raw.strip():
        raise ExerciseError(f"{name}: the file is empty")
    try:
        payload = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ExerciseError(f"{name}: not a UTF-8 text file") from None
    except json.JSONDecodeError as exc:
        raise ExerciseError(f"{name}: not valid JSON (line {exc.lineno}, column {exc.colno}: "
                            f"{exc.msg})") from None
    mark_set = from_payload(payload, name)
    if text is not None and mark_set.text_hash != text_hash(text):
        raise ExerciseError(different_text(name, mark_set))
    return mark_set


def different_text(name: str, mark_set: MarkSet) -> str:
    """The message for marks of another article."""
    about = mark_set.title or explain.clip(" ".join(mark_set.text.split()), 50)
    return f"{name}: these marks are for a different text (\u201c{about}\u201d)"


def from_payload(payload: Any, name: str = "the file") -> MarkSet:
    """A mark set from a parsed analysis-v1 payload (or one bare document)."""
    if isinstance(payload, dict) and "documents" in payload:
        if payload.get("schema") not in (labels.SCHEMA, None):
            raise ExerciseError(f"{name}: schema {payload.get('schema')!r} is not "
                                f"{labels.SCHEMA}")
        documents = payload["documents"]
        if not isinstance(documents, list) or len(documents) != 1:
            count = len(documents) if isinstance(documents, list) else 0
            raise ExerciseError(f"{name}: holds {count} documents; an exercise holds one")
        payload = documents[0]
    if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
        raise ExerciseError(f"{name}: not a FrameLens exercise or analysis (no 'text')")
    document = payload
    text = document["text"]
    stated = document.get("text_sha256")
    if stated is not None and stated != text_hash(text):
        raise ExerciseError(f"{name}: the text was changed after marking (its hash does not "
                            "match)")
    _check_offsets(document, len(text), name)
    try:
        defaults: dict[str, Any] = {"genre": {"label": labels.GENRE_REPORTING, "score": 0.0},
                                    "sentences": [], "spans": [], "quotes": []}
        document = defaults | document
        analysis = Analysis.from_json(document)
        speakers = [ExerciseMark(SPEAKER, s["start"], s["end"], note=s.get("note", ""))
                    for s in document.get("speakers", ())]
        by = document.get("by") or {"role": "framelens"}
        marker = Marker(str(by.get("role", "student")), str(by.get("name", "")))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ExerciseError(f"{name}: not a FrameLens exercise or analysis "
                            f"({type(exc).__name__}: {exc})") from None
    own = marks_from_analysis(analysis, marker, reasons=False)
    marks = [m for m in own.marks if m.category in CATEGORIES]
    return MarkSet(text, sorted_marks([*marks, *speakers]), marker, analysis.title,
                   analysis.source, analysis.genre)


def _check_offsets(document: dict[str, Any], length: int, name: str) -> None:
    ranges: list[Any] = [*document.get("sentences", ()), *document.get("spans", ()),
                         *document.get("speakers", ())]
    for quote in document.get("quotes", ()):
        if isinstance(quote, dict):
            ranges += [quote.get(part) for part in ("content", "speaker", "cue")
                       if quote.get(part) is not None]
    for where in ranges:
        if not isinstance(where, dict):
            raise ExerciseError(f"{name}: a mark is not an object with start and end")
        start, end = where.get("start"), where.get("end")
        if not (isinstance(start, int) and isinstance(end, int)):
            raise ExerciseError(f"{name}: a mark has no whole-number start and end")
        if not 0 <= start <= end <= length:
            raise ExerciseError(f"{name}: a mark at {start}\u2013{end} lies outside the text "
                                f"({length} characters)")


# --- a teacher's corrections ---------------------------------------------------------------
ADDED, REMOVED, RELABELLED = "added", "removed", "relabelled"


@dataclass(frozen=True)
class Correction:
    """How a key differs from FrameLens's marks: a mark the teacher added, one removed, or
    a sentence (or word range) given another label (`was` is FrameLens's label)."""

    kind: str
    mark: ExerciseMark
    was: str = ""


def corrections(framelens: MarkSet, key: MarkSet) -> tuple[Correction, ...]:
    """The teacher's corrections: what `key` changes in `framelens`'s marks of the same text."""
    if framelens.text_hash != key.text_hash:
        raise ExerciseError(different_text("the key", key))
    ranges = {(m.start, m.end, m.is_sentence): m for m in framelens.marks}
    theirs = {(m.category, m.start, m.end) for m in framelens.marks}
    ours = {(m.category, m.start, m.end) for m in key.marks}
    found = []
    relabelled = set()
    for mark in key.marks:
        if (mark.category, mark.start, mark.end) in theirs:
            continue
        before = ranges.get((mark.start, mark.end, mark.is_sentence))
        if before is not None and (before.category, before.start, before.end) not in ours:
            found.append(Correction(RELABELLED, mark, before.category))
            relabelled.add(before)
        else:
            found.append(Correction(ADDED, mark))
    found += [Correction(REMOVED, m) for m in framelens.marks
              if (m.category, m.start, m.end) not in ours and m not in relabelled]
    return tuple(sorted(found, key=lambda c: (c.mark.start, c.mark.end, c.kind)))
