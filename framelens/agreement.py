"""How far a student's marks agree with a key (FrameLens's marks or a teacher's).

Word marks are scored per category with the partial-credit span measure of SemEval-2020
Task 11 that the benchmarks use: the marks of each side are merged where they touch, a
student mark earns the share of it that key marks cover (precision), a key mark the share of
it that student marks cover (recall). Sentence labels are compared with Cohen's kappa over
the key's sentences the student labelled. Pure functions over `exercise.MarkSet`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from framelens.exercise import (
    CATEGORY_NAMES,
    WORD_CATEGORIES,
    ExerciseError,
    ExerciseMark,
    MarkSet,
    different_text,
)

SENTENCES = "sentences"
MISSED, EXTRA, LABEL = "missed", "extra", "label"


@dataclass(frozen=True)
class SpanScore:
    """Partial-credit precision, recall and F1 of one word category; None where there is
    nothing to divide by (no student marks: no precision; no key marks: no recall)."""

    category: str
    precision: float | None
    recall: float | None
    f1: float | None
    key_count: int
    student_count: int


@dataclass(frozen=True)
class SentenceScore:
    """Sentence labels: Cohen's kappa and the observed agreement over `compared` sentences
    (the key's sentences the student labelled), and how many the student left unlabelled."""

    kappa: float | None
    observed: float | None
    compared: int
    unlabelled: int


@dataclass(frozen=True)
class Disagreement:
    """One thing to discuss: a key mark the student missed, a student mark the key lacks, or
    a sentence labelled differently; with the key's reason where the key has one."""

    category: str
    kind: str
    start: int
    end: int
    key_label: str = ""
    student_label: str = ""
    reason: str = ""

    def describe(self, text: str) -> str:
        """One line for people."""
        words = " ".join(text[self.start:self.end].split())
        words = words if len(words) <= 60 else words[:59] + "\u2026"
        if self.kind == LABEL:
            return (f"{CATEGORY_NAMES[self.key_label]} in the key, "
                    f"{CATEGORY_NAMES[self.student_label].lower()} for the student: "
                    f"\u201c{words}\u201d")
        what = CATEGORY_NAMES[self.category]
        if self.kind == MISSED:
            return f"{what} not marked by the student: \u201c{words}\u201d"
        return f"{what} marked by the student, not in the key: \u201c{words}\u201d"


@dataclass(frozen=True)
class Agreement:
    """A student's marks against a key."""

    spans: tuple[SpanScore, ...]
    sentences: SentenceScore
    disagreements: tuple[Disagreement, ...]

    def span_score(self, category: str) -> SpanScore:
        return next(s for s in self.spans if s.category == category)


def merge(ranges: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Ranges merged where they overlap or touch (empty ranges dropped)."""
    merged: list[list[int]] = []
    for start, end in sorted(r for r in ranges if r[1] > r[0]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def span_prf(key: Sequence[tuple[int, int]], student: Sequence[tuple[int, int]]
             ) -> tuple[float | None, float | None, float | None]:
    """Partial-credit precision, recall and F1 of `student` ranges against `key` ranges."""
    key_spans, student_spans = merge(key), merge(student)
    credit_p = sum(_overlap(s, k) / (s[1] - s[0]) for s in student_spans for k in key_spans)
    credit_r = sum(_overlap(s, k) / (k[1] - k[0]) for s in student_spans for k in key_spans)
    precision = credit_p / len(student_spans) if student_spans else None
    recall = credit_r / len(key_spans) if key_spans else None
    if precision is None and recall is None:
        return None, None, None
    p, r = precision or 0.0, recall or 0.0
    return precision, recall, (2 * p * r / (p + r) if p + r else 0.0)


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's kappa of (key, student) label pairs; None for no pairs, or when chance
    agreement is certain (both gave one and the same label throughout)."""
    if not pairs:
        return None
    count = len(pairs)
    observed = sum(1 for a, b in pairs if a == b) / count
    key_counts, student_counts = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    chance = sum(key_counts[c] * student_counts[c] for c in key_counts) / count ** 2
    if chance >= 1.0:
        return None
    return (observed - chance) / (1.0 - chance)


def student_label(sentence: ExerciseMark, student: Sequence[ExerciseMark]) -> str | None:
    """The label the student gave the key's `sentence`: that of the student sentence mark
    covering most of it (None when no student sentence mark overlaps it)."""
    best = max(student, default=None,
               key=lambda m: (_overlap((m.start, m.end), (sentence.start, sentence.end)),
                              -m.start))
    if best is None or _overlap((best.start, best.end), (sentence.start, sentence.end)) == 0:
        return None
    return best.category


def agree(key: MarkSet, student: MarkSet, name: str = "the student's file") -> Agreement:
    """Score `student` against `key`; `ExerciseError` when they are about different texts."""
    if key.text_hash != student.text_hash:
        raise ExerciseError(different_text(name, student))
    scores, disagreements = [], []
    for category in WORD_CATEGORIES:
        key_marks, student_marks = key.of(category), student.of(category)
        precision, recall, f1 = span_prf([(m.start, m.end) for m in key_marks],
                                         [(m.start, m.end) for m in student_marks])
        scores.append(SpanScore(category, precision, recall, f1, len(key_marks),
                                len(student_marks)))
        disagreements += _unmatched(category, key_marks, student_marks)
    pairs, unlabelled = [], 0
    student_sentences = student.sentence_marks()
    for sentence in key.sentence_marks():
        label = student_label(sentence, student_sentences)
        if label is None:
            unlabelled += 1
            continue
        pairs.append((sentence.category, label))
        if label != sentence.category:
            disagreements.append(Disagreement(SENTENCES, LABEL, sentence.start, sentence.end,
                                              sentence.category, label, sentence.note))
    observed = sum(1 for a, b in pairs if a == b) / len(pairs) if pairs else None
    sentences = SentenceScore(cohen_kappa(pairs), observed, len(pairs), unlabelled)
    disagreements.sort(key=lambda d: (d.start, d.end, d.category))
    return Agreement(tuple(scores), sentences, tuple(disagreements))


def _unmatched(category: str, key_marks: Sequence[ExerciseMark],
               student_marks: Sequence[ExerciseMark]) -> list[Disagreement]:
    """Key marks no student mark touches (missed) and student marks no key mark touches."""
    found = [Disagreement(category, MISSED, k.start, k.end, reason=k.note) for k in key_marks
             if not any(_overlap((k.start, k.end), (s.start, s.end)) for s in student_marks)]
    found += [Disagreement(category, EXTRA, s.start, s.end) for s in student_marks
              if not any(_overlap((k.start, k.end), (s.start, s.end)) for k in key_marks)]
    return found


def figure(value: float | None, digits: int = 2) -> str:
    """A score for a table: "0.67", or "n/a" when there was nothing to score."""
    return "n/a" if value is None else f"{value:.{digits}f}"


def rows(agreement: Agreement) -> list[tuple[str, str, str, str, str, str]]:
    """The table of one student: category, key marks, student marks, P, R, F1."""
    return [(CATEGORY_NAMES[s.category], str(s.key_count), str(s.student_count),
             figure(s.precision), figure(s.recall), figure(s.f1)) for s in agreement.spans]


def summary_line(agreement: Agreement) -> str:
    """One line: kappa of the sentence labels, the mean F1 over the word categories either
    side marked, and how many disagreements there are."""
    f1s = [s.f1 for s in agreement.spans if s.f1 is not None]
    mean = sum(f1s) / len(f1s) if f1s else None
    sentences = agreement.sentences
    return (f"Sentence labels: kappa {figure(sentences.kappa)}, agreement "
            f"{figure(sentences.observed)} over {sentences.compared} sentences "
            f"({sentences.unlabelled} unlabelled). Words: mean F1 {figure(mean)} over "
            f"{len(f1s)} categories. {len(agreement.disagreements)} disagreements.")

