"""A small article we wrote for the class-exercise tests, with a key and a student's marks
whose agreement figures are worked out by hand in the tests."""

from __future__ import annotations

from framelens import labels
from framelens.exercise import QUOTE, SPEAKER, ExerciseMark, Marker, MarkSet
from framelens.model import Analysis, Genre, Metrics, Quote, Sentence, Span, TextRange

TEXT = ('The council approved the budget on Monday. '
        'Critics say the plan is a reckless gamble. '
        '"We will fix the roads," said Mayor Lee. '
        'It may rain tomorrow.')
SENTENCES = ('The council approved the budget on Monday.',
             'Critics say the plan is a reckless gamble.',
             '"We will fix the roads," said Mayor Lee.',
             'It may rain tomorrow.')


def where(words: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def mark(category: str, words: str, note: str = "", subtype: str = "") -> ExerciseMark:
    return ExerciseMark(category, *where(words), subtype=subtype, note=note)


def key_set() -> MarkSet:
    """The key: fact, attributed, attributed, opinion; 'reckless gamble' loaded, 'may' a
    hedge, the quote and 'Mayor Lee' its speaker."""
    sentence_labels = (labels.FACT, labels.ATTRIBUTED, labels.ATTRIBUTED, labels.OPINION)
    marks = [mark(label, words, note=f"key says {label}")
             for label, words in zip(sentence_labels, SENTENCES, strict=True)]
    marks += [mark(labels.LOADED, "reckless gamble", "An emotive phrase."),
              mark(labels.HEDGE, "may", "Softens the claim."),
              mark(QUOTE, '"We will fix the roads,"'), mark(SPEAKER, "Mayor Lee")]
    return MarkSet(TEXT, tuple(marks), Marker("teacher", "Ms Ortiz"), "Budget day")


def student_set() -> MarkSet:
    """The student: fact, opinion, attributed, opinion; 'reckless' loaded, 'will' a booster,
    the same quote, 'Lee' as its speaker."""
    sentence_labels = (labels.FACT, labels.OPINION, labels.ATTRIBUTED, labels.OPINION)
    marks = [mark(label, words) for label, words in zip(sentence_labels, SENTENCES, strict=True)]
    marks += [mark(labels.LOADED, "reckless"), mark(labels.BOOSTER, "will"),
              mark(QUOTE, '"We will fix the roads,"'), mark(SPEAKER, "Lee")]
    return MarkSet(TEXT, tuple(marks), Marker("student", "Ana"))


def framelens_analysis() -> Analysis:
    """What FrameLens might find in the article, built by hand (no language model)."""
    sentences = tuple(Sentence(*where(s), label, 0.7) for s, label in zip(
        ('The council approved the budget on Monday.',
         'Critics say the plan is a reckless gamble.',
         '"We will fix the roads," said Mayor Lee.', 'It may rain tomorrow.'),
        (labels.FACT, labels.OPINION, labels.ATTRIBUTED, labels.FACT), strict=True))
    spans = (Span(*where("reckless"), labels.LOADED, "An emotive word.", "loaded.x",
                  "emotive", "risky"),
             Span(*where("may"), labels.HEDGE, "Softens the claim.", "hedge.may"),
             Span(*where("Monday"), labels.BOILERPLATE, "Debris.", "debris"))
    quote = Quote(labels.DIRECT, TextRange(*where('"We will fix the roads,"')),
                  TextRange(*where("Mayor Lee")), TextRange(*where("said")), "quotes.direct",
                  "Mayor Lee", "say", labels.CUE_NEUTRAL)
    return Analysis(TEXT, sentences, spans, (quote,), Genre(labels.GENRE_REPORTING, 0.2),
                    Metrics(), "budget.txt", "Budget day")
