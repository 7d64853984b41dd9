"""What the PDF and HTML exports show: numbered marks with their notes, and styled text runs.

A *mark* is one numbered passage with a note that explains it: an opinion or attributed
sentence, a loaded word, a hedge, a booster, a quote (content, speaker and cue together) or
a piece of web debris. Reported-fact sentences are the default label: they are tinted but
not numbered, so the notes stay about what needs explaining.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace

from framelens import labels
from framelens.explain import (
    NOTE_CUES,
    Explanation,
    explain_quote,
    explain_sentence,
    explain_span,
)
from framelens.model import Analysis, Quote
from framelens.styles import CategoryStyle, style

# Sentence labels that get a number and a note (facts are only tinted).
NUMBERED_SENTENCE_LABELS = (labels.OPINION, labels.ATTRIBUTED)
# Which category's colour and slant win where marks overlap (first wins).
_TEXT_PRIORITY = (labels.LOADED, labels.BOOSTER, labels.HEDGE, labels.QUOTE_CUE,
                  labels.QUOTE_SPEAKER, labels.QUOTE_CONTENT, labels.BOILERPLATE)


@dataclass(frozen=True)
class Part:
    """One drawn range of a mark, in one category's style."""

    category: str
    start: int
    end: int


@dataclass(frozen=True)
class Mark:
    """A numbered, explained passage of one document."""

    number: int
    category: str
    start: int
    end: int
    text: str
    rule: str
    explanation: Explanation
    parts: tuple[Part, ...]
    alternative: str | None = None

    @property
    def note(self) -> str:
        """The one-line note printed with the mark (`Explanation.note`)."""
        return self.explanation.note()

    @property
    def tag(self) -> str:
        """The printed tag: the category symbol and the number, e.g. "L12"."""
        return f"{style(self.category).symbol}{self.number}"


@dataclass(frozen=True)
class Look:
    """How one run of text is drawn: the result of every mark covering it."""

    background: str = ""
    color: str = ""
    bold: bool = False
    italic: bool = False
    dim: bool = False
    underlines: tuple[tuple[str, str], ...] = ()  # (underline kind, colour)


@dataclass(frozen=True)
class Run:
    """A maximal stretch of text covered by the same marks."""

    start: int
    end: int
    categories: tuple[str, ...]
    numbers: tuple[int, ...]
    look: Look


def side_letter(index: int) -> str:
    """"A", "B", ... for the documents of an export, in order."""
    return chr(ord("A") + index) if index < 26 else str(index + 1)


def _quote_parts(quote: Quote, categories: Collection[str]) -> tuple[Part, ...]:
    ranges = ((labels.QUOTE_CONTENT, quote.content), (labels.QUOTE_SPEAKER, quote.speaker),
              (labels.QUOTE_CUE, quote.cue))
    return tuple(Part(category, r.start, r.end) for category, r in ranges
                 if r is not None and category in categories and r.end > r.start)


def collect_marks(analysis: Analysis, categories: Collection[str]) -> list[Mark]:
    """The numbered marks of one document, in text order (outer passages first)."""
    found: list[tuple[int, int, Mark]] = []
    for sentence in analysis.sentences:
        if sentence.label in NUMBERED_SENTENCE_LABELS and sentence.label in categories:
            part = Part(sentence.label, sentence.start, sentence.end)
            found.append((sentence.start, -sentence.end, Mark(
                0, sentence.label, sentence.start, sentence.end,
                analysis.excerpt(sentence.start, sentence.end),
                ",".join(dict.fromkeys(e.rule for e in sentence.evidence)),
                explain_sentence(analysis, sentence, NOTE_CUES), (part,))))
    for span in analysis.spans:
        if span.category in categories and span.end > span.start:
            part = Part(span.category, span.start, span.end)
            found.append((span.start, -span.end, Mark(
                0, span.category, span.start, span.end, analysis.excerpt(span.start, span.end),
                span.rule, explain_span(analysis, span), (part,), span.alternative)))
    for quote in analysis.quotes:
        parts = _quote_parts(quote, categories)
        if parts:
            start = min(p.start for p in parts)
            end = max(p.end for p in parts)
            found.append((start, -end, Mark(
                0, parts[0].category, start, end, analysis.excerpt(start, end), quote.rule,
                explain_quote(analysis, quote), parts)))
    found.sort(key=lambda item: (item[0], item[1]))
    return [replace(m, number=number) for number, (_, _, m) in enumerate(found, start=1)]


def look_of(categories: Collection[str]) -> Look:
    """How text covered by these categories is drawn (tint, colour, weight, underlines)."""
    present = [style(c) for c in labels.STYLED_CATEGORIES if c in categories]
    tint = next((s.background for s in present if s.category in labels.SENTENCE_LABELS), "")
    texts: list[CategoryStyle] = [style(c) for c in _TEXT_PRIORITY if c in categories]
    return Look(
        background=tint,
        color=texts[0].color if texts else "",
        bold=any(s.bold for s in texts),
        italic=any(s.italic for s in texts),
        dim=any(s.dim for s in texts),
        underlines=tuple((s.underline, s.color) for s in texts if s.underline != "none"),
    )


def runs(analysis: Analysis, marks: list[Mark], categories: Collection[str],
         start: int = 0, end: int | None = None) -> Iterator[Run]:
    """Split `text[start:end]` into runs covered by the same marks (fact tints included)."""
    end = len(analysis.text) if end is None else end
    pieces: list[tuple[int, int, str, int]] = [
        (p.start, p.end, p.category, m.number) for m in marks for p in m.parts]
    if labels.FACT in categories:
        pieces += [(s.start, s.end, labels.FACT, 0) for s in analysis.sentences
                   if s.label == labels.FACT]
    pieces = [p for p in pieces if p[1] > start and p[0] < end]
    cuts = sorted({start, end} | {max(start, min(end, x)) for p in pieces for x in p[:2]})
    for left, right in zip(cuts, cuts[1:], strict=False):
        covering = [p for p in pieces if p[0] <= left and p[1] >= right]
        cats = tuple(dict.fromkeys(p[2] for p in covering))
        numbers = tuple(sorted({p[3] for p in covering if p[3]}))
        yield Run(left, right, cats, numbers, look_of(cats))


def blocks(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of each non-empty line of the text: the paragraphs as laid out."""
    position = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip():
            yield position, position + len(body)
        position += len(line)
