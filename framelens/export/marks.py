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
from framelens.model import Analysis, Quote, Sentence, Span
from framelens.styles import CategoryStyle, style

# Sentence labels that get a number and a note (facts are only tinted).
NUMBERED_SENTENCE_LABELS = (labels.OPINION, labels.ATTRIBUTED)
# Which category's colour and slant win where marks overlap (first wins).
_TEXT_PRIORITY = (labels.LOADED, labels.BOOSTER, labels.HEDGE, labels.QUOTE_CUE,
                  labels.QUOTE_SPEAKER, labels.QUOTE_CONTENT, labels.TECHNIQUE,
                  labels.BOILERPLATE)


@dataclass(frozen=True)
class Part:
    """One drawn range of a mark, in one category's style."""

    category: str
    start: int
    end: int


@dataclass(frozen=True)
class Mark:
    """A numbered, explained passage of one document.

    `explanation` is whole: a PDF comment or a hover shows it on its own. `printed` is the
    note as printed among the others, leaning on the ones before it (see `collect_marks`).
    """

    number: int
    category: str
    start: int
    end: int
    text: str
    rule: str
    explanation: Explanation
    parts: tuple[Part, ...]
    alternative: str | None = None
    printed: str = ""
    refers_to: int | None = None  # the earlier mark whose reason `printed` points to

    @property
    def note(self) -> str:
        """The whole one-line note (`Explanation.note`), for a note read on its own."""
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
    """The numbered marks of one document, in text order (outer passages first).

    Printed notes are written in reading order and do not repeat themselves: a sentence cue
    is described in full the first time it is named and by its short name after that, and a
    word marked for the same reason as an earlier mark says "Same reason as L15." instead
    of printing the reason again.
    """
    found: list[tuple[int, int, Sentence | Span | Quote, tuple[Part, ...]]] = []
    for sentence in analysis.sentences:
        if sentence.label in NUMBERED_SENTENCE_LABELS and sentence.label in categories:
            found.append((sentence.start, -sentence.end, sentence,
                          (Part(sentence.label, sentence.start, sentence.end),)))
    for span in analysis.spans:
        if span.category in categories and span.end > span.start:
            found.append((span.start, -span.end, span,
                           (Part(span.category, span.start, span.end),)))
    for quote in analysis.quotes:
        parts = _quote_parts(quote, categories)
        if parts:
            found.append((min(p.start for p in parts), -max(p.end for p in parts), quote, parts))
    found.sort(key=lambda item: (item[0], item[1]))
    glossed: set[str] = set()
    reasons: dict[tuple[str, str, str], int] = {}
    marks = []
    for number, (start, negative_end, item, parts) in enumerate(found, start=1):
        end = -negative_end
        category, alternative, refers_to = parts[0].category, None, None
        if isinstance(item, Sentence):
            explanation = explain_sentence(analysis, item, NOTE_CUES)
            printed = explain_sentence(analysis, item, NOTE_CUES, glossed).note()
            glossed.update(explanation.cues)
            rule = ",".join(dict.fromkeys(e.rule for e in item.evidence))
        elif isinstance(item, Span):
            explanation = explain_span(analysis, item)
            rule, alternative = item.rule, item.alternative
            printed, refers_to = _printed_span(explanation, number, category, reasons)
        else:
            explanation, rule = explain_quote(analysis, item), item.rule
            printed = explanation.note()
        marks.append(Mark(number, category, start, end, analysis.excerpt(start, end), rule,
                          explanation, parts, alternative, printed, refers_to))
    return marks


def _printed_span(explanation: Explanation, number: int, category: str,
                  reasons: dict[tuple[str, str, str], int]) -> tuple[str, int | None]:
    """A span's printed note, and the earlier mark it points back to: "Same reason as L15."
    in place of a reason that mark already printed (`reasons`: what made it, first mark)."""
    if not explanation.lines:
        return explanation.note(), None
    key = (explanation.heading, explanation.rule, explanation.lines[0])
    first = reasons.setdefault(key, number)
    if first == number:
        return explanation.note(), None
    reason = f"Same reason as {style(category).symbol}{first}."
    return replace(explanation, lines=(reason, *explanation.lines[1:])).note(), first


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
