"""Class handouts: a worksheet (the article with line and sentence numbers, no marks, wide
margins, tasks per category) and its key (the marks with their reasons, and a teacher's
corrections marked as such).

Both are drawn line by line on a ReportLab canvas, so the line numbers printed are exactly
the lines of the page; neither carries PDF annotations (a worksheet must not give the
answers away in a viewer's comment pane).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from framelens import __version__, labels
from framelens.exercise import (
    ADDED,
    CATEGORY_NAMES,
    RELABELLED,
    REMOVED,
    Correction,
    ExerciseMark,
    MarkSet,
    corrections,
    marks_from_analysis,
)
from framelens.explain import clip as explain_clip
from framelens.explain import counted
from framelens.export.pdf_article import display_source
from framelens.export.pdf_canvas import FONT, printable, register_fonts
from framelens.fileio import atomic_output
from framelens.model import Analysis

PAPER = {"a4": A4, "letter": LETTER}
LEFT, RIGHT, TOP, BOTTOM = 30 * mm, 55 * mm, 20 * mm, 18 * mm
BODY, LEADING, SMALL = 11.0, 20.0, 7.5
GREY = HexColor("#666666")
TASKS = (
    ("Sentences", "Beside each numbered sentence, write O (the writer's opinion), "
                  "F (a fact stated without a source) or A (attributed to a source)."),
    ("Loaded language", "Underline three loaded words and propose a neutral alternative "
                        "for each in the margin."),
    ("Hedges and boosters", "Circle two words that soften a claim (may, reportedly) and "
                            "two that harden one (clearly, undoubtedly)."),
    ("Quotes and speakers", "Bracket each quote and box who says it. Who is given a voice, "
                            "and who is only talked about?"),
    ("Techniques", "Find one persuasion technique (an appeal to fear, flag-waving, a slogan, "
                   "a vague 'critics say') and name it in the margin."),
)
# Letters drawn with each key mark: the mark reads without colour.
LETTERS = {labels.LOADED: "L", labels.HEDGE: "H", labels.BOOSTER: "B", labels.TECHNIQUE: "T",
           labels.QUOTE_CONTENT: "Q", labels.QUOTE_SPEAKER: "S"}
_WORD = re.compile(r"\S+")


@dataclass
class Line:
    """One printed line: its words as (text, x, start, end, sentence numbers starting there)."""

    words: list[tuple[str, float, int, int, list[int], list[str]]] = field(default_factory=list)
    gap_before: bool = False

    @property
    def sentences(self) -> list[int]:
        return [n for word in self.words for n in word[4]]


def layout(text: str, sentence_starts: Sequence[int], width: float,
           tags: dict[int, list[str]] | None = None) -> list[Line]:
    """Wrap `text` to `width` points, with "[n]" before the word where sentence n starts and,
    after the word where a key mark ends, its tags (`tags` by end offset)."""
    tags = tags or {}
    numbers = {start: index + 1 for index, start in enumerate(sorted(set(sentence_starts)))}
    starts = sorted(numbers)
    lines: list[Line] = []
    offset = 0
    space = stringWidth(" ", FONT, BODY)
    for paragraph in text.split("\n"):
        words = list(_WORD.finditer(paragraph))
        if words:
            line = Line(gap_before=bool(lines))
            x = 0.0
            for word in words:
                start, end = offset + word.start(), offset + word.end()
                beginning = [numbers[s] for s in starts if start <= s < end]
                ending = [t for e in range(start + 1, end + 1) for t in tags.get(e, ())]
                shown = printable(word.group())[0]
                cost = sum(_tag_width(n) for n in beginning) + stringWidth(shown, FONT, BODY)
                cost += sum(stringWidth(t, FONT + "-Bold", SMALL - 1) + 1 for t in ending)
                if line.words and x + cost > width:
                    lines.append(line)
                    line, x = Line(), 0.0
                line.words.append((shown, x, start, end, beginning, ending))
                x += cost + space
            lines.append(line)
        offset += len(paragraph) + 1
    return lines


def _tag_width(number: int) -> float:
    return stringWidth(f"[{number}]", FONT + "-Bold", SMALL) + 2


class _Pages:
    """Draws lines onto pages, with the header, footer and line numbers."""

    def __init__(self, canvas: Canvas, size: tuple[float, float], heading: str):
        self.canvas, self.size, self.heading = canvas, size, heading
        self.page = 0
        self.y = 0.0
        self.new_page()

    def new_page(self) -> None:
        if self.page:
            self.canvas.showPage()
        self.page += 1
        canvas = self.canvas
        canvas.setFont(FONT, SMALL)
        canvas.setFillColor(GREY)
        canvas.drawString(LEFT, BOTTOM * 0.55,
                          f"FrameLens {__version__} \u00b7 {self.heading} \u00b7 page {self.page}")
        canvas.setFillColorRGB(0, 0, 0)
        self.y = self.size[1] - TOP

    def need(self, height: float) -> None:
        if self.y - height < BOTTOM:
            self.new_page()

    def text(self, words: str, size: float = BODY, bold: bool = False, x: float = LEFT,
             width: float | None = None, gap: float = 4.0) -> None:
        """A wrapped paragraph of plain words."""
        font = FONT + ("-Bold" if bold else "")
        width = width or self.size[0] - LEFT - RIGHT
        line = ""
        for word in printable(words)[0].split():
            trial = f"{line} {word}".strip()
            if line and stringWidth(trial, font, size) > width:
                self._plain(line, font, size, x)
                line = word
            else:
                line = trial
        if line:
            self._plain(line, font, size, x)
        self.y -= gap

    def _plain(self, line: str, font: str, size: float, x: float) -> None:
        self.need(size * 1.4)
        self.y -= size * 1.4
        self.canvas.setFont(font, size)
        self.canvas.drawString(x, self.y, line)


def _article(pages: _Pages, lines: list[Line], marks: Sequence[ExerciseMark] = (),
             sentence_notes: dict[int, str] | None = None) -> dict[int, int]:
    """Draw the numbered article; returns the line number of each sentence number. With
    `marks`, word marks are underlined (their tags come from `layout`); with
    `sentence_notes`, each sentence's label is written in the right margin."""
    canvas = pages.canvas
    line_of: dict[int, int] = {}
    right = pages.size[0] - RIGHT
    for number, line in enumerate(lines, start=1):
        pages.need(LEADING + (LEADING * 0.4 if line.gap_before else 0))
        if line.gap_before:
            pages.y -= LEADING * 0.4
        pages.y -= LEADING
        y = pages.y
        canvas.setFont(FONT, SMALL)
        canvas.setFillColor(GREY)
        canvas.drawRightString(LEFT - 6 * mm, y, str(number))
        canvas.setFillColorRGB(0, 0, 0)
        for shown, x, start, end, beginning, ending in line.words:
            here = LEFT + x
            for sentence in beginning:
                canvas.setFont(FONT + "-Bold", SMALL)
                canvas.drawString(here, y + 3, f"[{sentence}]")
                here += _tag_width(sentence)
                line_of[sentence] = number
            canvas.setFont(FONT, BODY)
            canvas.drawString(here, y, shown)
            word_width = stringWidth(shown, FONT, BODY)
            for mark in marks:
                if mark.start < end and start < mark.end:
                    _underline(canvas, mark.category, here, here + word_width, y)
            here += word_width + 1
            canvas.setFont(FONT + "-Bold", SMALL - 1)
            for tag in ending:
                canvas.drawString(here, y + 5, tag)
                here += stringWidth(tag, FONT + "-Bold", SMALL - 1) + 1
        if sentence_notes:
            notes = [sentence_notes[s] for s in line.sentences if s in sentence_notes]
            if notes:
                canvas.setFont(FONT, SMALL)
                canvas.drawString(right + 4 * mm, y, "; ".join(notes)[:40])
    return line_of


def _underline(canvas: Canvas, category: str, x1: float, x2: float, y: float) -> None:
    """A grayscale-safe underline per category: solid, dashed, dotted, double or a box."""
    canvas.saveState()
    canvas.setLineWidth(0.8)
    if category == labels.HEDGE:
        canvas.setDash(3, 2)
    elif category == labels.BOOSTER:
        canvas.setDash(1, 1.5)
    if category == labels.QUOTE_SPEAKER:
        canvas.rect(x1 - 1, y - 3, x2 - x1 + 2, BODY + 3, stroke=1, fill=0)
    else:
        canvas.line(x1, y - 2.5, x2, y - 2.5)
        if category in (labels.TECHNIQUE, labels.QUOTE_CONTENT):
            canvas.line(x1, y - 4.5, x2, y - 4.5)
    canvas.restoreState()


def _canvas(handle, paper: str, title: str) -> tuple[Canvas, tuple[float, float]]:
    register_fonts()
    size = PAPER[paper]
    canvas = Canvas(handle, pagesize=size, pageCompression=1)
    canvas.setTitle(title[:240])
    canvas.setCreator(f"FrameLens {__version__}")
    return canvas, size


def _heading(pages: _Pages, analysis: Analysis, kind: str) -> None:
    pages.text(f"{kind}: {analysis.title or display_source(analysis)}", 14, bold=True, gap=2)
    if analysis.source:
        pages.text(display_source(analysis), SMALL, gap=6)


def _sentence_starts(analysis: Analysis) -> list[int]:
    return [s.start for s in analysis.sentences]


def write_worksheet(analyses: Sequence[Analysis], out: str, paper: str = "a4") -> None:
    """The worksheet: each article numbered by line and sentence, no marks, and the tasks."""
    with atomic_output(out, binary=True) as handle:
        canvas, size = _canvas(handle, paper, "FrameLens worksheet")
        pages = _Pages(canvas, size, "Worksheet")
        for index, analysis in enumerate(analyses):
            if index:
                pages.new_page()
            _heading(pages, analysis, "Worksheet")
            pages.text("Name: ______________________   Class: ________   Date: __________",
                       9, gap=8)
            pages.text("Tasks", 11, bold=True, gap=0)
            for number, (name, task) in enumerate(TASKS, start=1):
                pages.text(f"{number}. {name}: {task}", 9, x=LEFT + 4 * mm, gap=1)
            pages.y -= 8
            width = size[0] - LEFT - RIGHT
            _article(pages, layout(analysis.text, _sentence_starts(analysis), width))
        canvas.save()


def _reason(mark: ExerciseMark, framelens: dict[tuple[str, int, int], str]) -> str:
    return mark.note or framelens.get((mark.category, mark.start, mark.end), "")


def write_key(items: Sequence[tuple[Analysis, MarkSet | None]], out: str,
              paper: str = "a4") -> None:
    """The key of each article: FrameLens's marks with their reasons or, where a teacher's
    key is given, the teacher's marks with the corrections to FrameLens marked as such."""
    with atomic_output(out, binary=True) as handle:
        canvas, size = _canvas(handle, paper, "FrameLens key")
        pages = _Pages(canvas, size, "Key")
        for index, (analysis, teacher) in enumerate(items):
            if index:
                pages.new_page()
            _key_pages(pages, analysis, teacher)
        canvas.save()


def _key_pages(pages: _Pages, analysis: Analysis, teacher: MarkSet | None) -> None:
    framelens = marks_from_analysis(analysis)
    key = teacher or framelens
    changes = corrections(framelens, key) if teacher is not None else ()
    changed = {c.mark: c for c in changes if c.kind != REMOVED}
    reasons = {(m.category, m.start, m.end): m.note for m in framelens.marks}
    _heading(pages, analysis, "Key")
    who = (f"Marks by {key.by.describe()}, corrected from FrameLens's marks: "
           f"{counted(len(changes), 'correction')}, each marked \u201cteacher\u201d."
           if teacher is not None else "Marks by FrameLens, with its reasons.")
    pages.text(who, 9, gap=1)
    pages.text("Under the words: L loaded (solid), H hedge (dashed), B booster (dotted), "
               "T technique (double), Q quote (double), S speaker (box); the label of each "
               "sentence is in the right margin.", 8, gap=8)
    sentences = key.sentence_marks()
    number_of = {m.start: i + 1 for i, m in enumerate(sorted(sentences, key=lambda m: m.start))}
    words = [m for m in key.marks if not m.is_sentence]
    numbers = {m: i + 1 for i, m in enumerate(words)}
    notes = {number_of[m.start]: CATEGORY_NAMES[m.category]
             + (" (teacher)" if m in changed else "") for m in sentences}
    width = pages.size[0] - LEFT - RIGHT
    tags: dict[int, list[str]] = {}
    for mark in words:
        tags.setdefault(mark.end, []).append(f"{numbers[mark]}{LETTERS[mark.category]}")
    line_of = _article(pages, layout(key.text, list(number_of), width, tags), words, notes)
    full = pages.size[0] - LEFT - 15 * mm
    pages.y -= 10
    pages.text("Sentences", 11, bold=True, gap=2)
    for mark in sorted(sentences, key=lambda m: m.start):
        number = number_of[mark.start]
        pages.text(f"[{number}] line {line_of.get(number, '?')} \u2014 "
                   f"{CATEGORY_NAMES[mark.category]}. {_reason(mark, reasons)}"
                   f"{_teacher_note(changed.get(mark))}", 8, width=full, gap=1)
    pages.y -= 6
    pages.text("Marked words", 11, bold=True, gap=2)
    for mark in words:
        pages.text(f"{numbers[mark]}{LETTERS[mark.category]} \u2014 "
                   f"{CATEGORY_NAMES[mark.category]}: \u201c{key.text[mark.start:mark.end]}\u201d. "
                   f"{_reason(mark, reasons)}{_teacher_note(changed.get(mark))}", 8,
                   width=full, gap=1)
    removed = [c.mark for c in changes if c.kind == REMOVED]
    if removed:
        pages.y -= 6
        pages.text("Removed by the teacher (FrameLens marked these)", 11, bold=True, gap=2)
        for mark in removed:
            pages.text(f"{CATEGORY_NAMES[mark.category]}: "
                       f"\u201c{explain_clip(key.text[mark.start:mark.end])}\u201d \u2014 "
                       f"FrameLens's reason: {mark.note} [removed by the teacher]", 8,
                       width=full, gap=1)


def _teacher_note(change: Correction | None) -> str:
    if change is None:
        return ""
    if change.kind == ADDED:
        return " [added by the teacher]"
    if change.kind == RELABELLED:
        return f" [corrected by the teacher: FrameLens said {CATEGORY_NAMES[change.was].lower()}]"
    return ""
