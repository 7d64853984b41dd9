"""PDF drawing of marks: the embedded font, marked-up runs, and a canvas that adds annotations.

Each marked run of text is wrapped in an internal `<a href="#flm-N">` link. ReportLab's
paragraph calls `canvas.linkRect` with the run's rectangle on the page, line by line; the
canvas below records those rectangles instead of making links, then at the end of each page
draws the grayscale-safe underlines (wave, dot, dash, double) and adds one real
`/Highlight` annotation per mark, carrying the mark's note for the reader's comments panel.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import matplotlib
from reportlab.lib.colors import HexColor
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import (
    HighlightAnnotation,
    PDFDictionary,
    PDFObjectReference,
    PDFString,
    xObjectName,
)
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from framelens.export.marks import Look, Mark, Run
from framelens.styles import style

FONT = "FrameLensSans"
REPLACEMENT = "\ufffd"
_FONT_FILES = {(0, 0): "DejaVuSans.ttf", (1, 0): "DejaVuSans-Bold.ttf",
               (0, 1): "DejaVuSans-Oblique.ttf", (1, 1): "DejaVuSans-BoldOblique.ttf"}
_LINK_PREFIX = "flm-"
_EMPTY_FORM = "FrameLensEmptyAppearance"
NOOP_CALLBACK = "flm_noop"
# Opens every marked paragraph so ReportLab lays it out fragment by fragment: then the
# rectangles it reports for marked runs always span descent to ascent.
PARAGRAPH_START = f'<onDraw name="{NOOP_CALLBACK}" label=""/>'


def _draw_nothing(canvas: Canvas, kind: str, label: str | None) -> None:
    """The `<onDraw>` callback of `PARAGRAPH_START`."""


@functools.cache
def register_fonts() -> frozenset[int]:
    """Embed matplotlib's DejaVu Sans family; returns the code points it can draw."""
    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    covered: frozenset[int] = frozenset()
    for (bold, italic), filename in _FONT_FILES.items():
        name = FONT + ("-Bold" if bold else "") + ("-Oblique" if italic else "")
        font = TTFont(name, str(folder / filename))
        pdfmetrics.registerFont(font)
        addMapping(FONT, bold, italic, name)
        if not bold and not italic:
            covered = frozenset(font.face.charToGlyph)
    return covered


def printable(text: str) -> tuple[str, int]:
    """The text as the embedded font can draw it, and how many characters were replaced.

    Characters without a glyph (CJK, most emoji) and right-to-left letters (which would be
    printed unshaped and in the wrong order) become U+FFFD; control and format characters
    are dropped.
    """
    covered = register_fonts()
    out: list[str] = []
    replaced = 0
    for char in text:
        if char == "\t":
            out.append(" ")
        elif unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn") and char != "\u00ad":
            if unicodedata.category(char) in ("Cs", "Co", "Cn"):
                out.append(REPLACEMENT)
                replaced += 1
        elif ord(char) not in covered or unicodedata.bidirectional(char) in ("R", "AL"):
            out.append(REPLACEMENT)
            replaced += 1
        else:
            out.append(char)
    return "".join(out), replaced


def markup(text: str) -> str:
    """Text made safe for a ReportLab paragraph: printable and XML-escaped."""
    return escape(printable(text)[0])


@dataclass(frozen=True)
class _RunEntry:
    document: str
    numbers: tuple[int, ...]
    underlines: tuple[tuple[str, str], ...]
    font_size: float


@dataclass
class Registry:
    """What the canvas needs to know about the runs it meets: marks, notes, underlines."""

    marks: dict[tuple[str, int], Mark] = field(default_factory=dict)
    entries: list[_RunEntry] = field(default_factory=list)
    annotated: set[tuple[str, int]] = field(default_factory=set)

    def add_marks(self, document: str, marks: list[Mark]) -> None:
        """Register the marks of one document under a short key ("A", "B")."""
        self.marks.update(((document, m.number), m) for m in marks)

    def link(self, document: str, numbers: tuple[int, ...], look: Look, font_size: float) -> str:
        """A link target that makes the canvas record this run's rectangles."""
        self.entries.append(_RunEntry(document, numbers, look.underlines, font_size))
        return f"{_LINK_PREFIX}{len(self.entries) - 1}"


def tag_markup(mark: Mark, size: float) -> str:
    """The superscript tag ("L12") printed where a mark starts."""
    color = style(mark.category).color
    return f'<super><font size="{size:.1f}" color="{color}"><b>{mark.tag}</b></font></super>'


def run_markup(text: str, run: Run, tags: str, link: str | None) -> str:
    """One run of article text with its colour, weight, slant, tint and tags."""
    look = run.look
    body = markup(text)
    if look.color:
        body = f'<font color="{look.color}">{body}</font>'
    if look.bold:
        body = f"<b>{body}</b>"
    if look.italic:
        body = f"<i>{body}</i>"
    if link:
        body = f'<a href="#{link}">{body}</a>'
    body = tags + body
    if look.background:
        body = f'<font backColor="{look.background}">{body}</font>'
    return body


class MarkingCanvas(Canvas):
    """A canvas that turns recorded mark rectangles into underlines and highlight annotations."""

    def __init__(self, *args: Any, registry: Registry, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._registry = registry
        self._rects: list[tuple[_RunEntry, tuple[float, float, float, float]]] = []
        self.setNamedCB(NOOP_CALLBACK, _draw_nothing)
        self.beginForm(_EMPTY_FORM, 0, 0, 1, 1)
        self.endForm()

    def linkRect(self, contents: str, destinationname: str, Rect: Any = None,  # noqa: N802, N803
                 addtopage: int = 1, name: str | None = None, relative: int = 1,
                 **kwargs: Any) -> Any:
        """Record a marked run's rectangle; ordinary internal links pass through."""
        if destinationname.startswith(_LINK_PREFIX):
            entry = self._registry.entries[int(destinationname[len(_LINK_PREFIX):])]
            self._rects.append((entry, tuple(self._absRect(Rect, relative))))
            return None
        return super().linkRect(contents, destinationname, Rect, addtopage, name, relative,
                                **kwargs)

    def showPage(self) -> None:  # noqa: N802
        """Draw this page's underlines and annotations, then finish the page."""
        self.saveState()
        for entry, rect in self._rects:
            _draw_underlines(self, entry, rect)
        self.restoreState()
        self._annotate()
        self._rects = []
        super().showPage()

    def _annotate(self) -> None:
        quads: dict[tuple[str, int], list[list[float]]] = {}
        for entry, (x1, y1, x2, y2) in self._rects:
            for number in entry.numbers:
                boxes = quads.setdefault((entry.document, number), [])
                if boxes and abs(boxes[-1][1] - y1) < 0.5 and abs(boxes[-1][2] - x1) < 1.5:
                    boxes[-1][2] = max(boxes[-1][2], x2)
                    boxes[-1][3] = max(boxes[-1][3], y2)
                else:
                    boxes.append([x1, y1, x2, y2])
        appearance = PDFDictionary({"N": PDFObjectReference(xObjectName(_EMPTY_FORM))})
        for key, boxes in quads.items():
            if key in self._registry.annotated:
                continue
            self._registry.annotated.add(key)
            mark = self._registry.marks[key]
            color = _annotation_tint(style(mark.category).color)
            points = [v for x1, y1, x2, y2 in boxes for v in (x1, y2, x2, y2, x1, y1, x2, y1)]
            rect = (min(b[0] for b in boxes), min(b[1] for b in boxes),
                    max(b[2] for b in boxes), max(b[3] for b in boxes))
            note = NoteHighlight(self._absRect(rect, 0), f"{key[0]}{mark.tag} \u2014 {mark.note}",
                                 points, [color.red, color.green, color.blue], CA=0,
                                 T=PDFString(f"FrameLens {key[0]}{mark.tag}"), F=4,
                                 AP=appearance)
            self._addAnnotation(note, f"framelens-{key[0]}-{mark.number}", 1)


class NoteHighlight(HighlightAnnotation):
    """A highlight that carries a mark's note without painting (opacity 0): the page prints
    every mark itself, and painted highlights stacked over it (a quote in an attributed
    sentence has three) darkened the text."""

    permitted = HighlightAnnotation.permitted + ("CA",)


def _annotation_tint(color: str) -> HexColor:
    """A pale tint of a category colour: viewers paint highlights multiplied over the text."""
    base = HexColor(color)
    return HexColor("#{:02X}{:02X}{:02X}".format(
        *(round(255 * (0.8 + 0.2 * c)) for c in (base.red, base.green, base.blue))))


def _draw_underlines(canvas: Canvas, entry: _RunEntry,
                     rect: tuple[float, float, float, float]) -> None:
    x1, y1, x2, _ = rect
    baseline = y1 + 0.2 * entry.font_size
    for index, (kind, color) in enumerate(entry.underlines):
        y = baseline - 1.8 - 2.6 * index
        canvas.setStrokeColor(HexColor(color))
        canvas.setLineWidth(0.9 if kind == "dot" else 0.7)
        canvas.setLineCap(1 if kind == "dot" else 0)
        if kind == "dot":
            canvas.setDash([0.01, 1.9], x1 % 1.91)
        elif kind == "dash":
            canvas.setDash([2.8, 1.6], x1 % 4.4)
        else:
            canvas.setDash([])
        if kind == "wave":
            _wave(canvas, x1, x2, y - 0.3)
        elif kind == "double":
            canvas.line(x1, y + 0.6, x2, y + 0.6)
            canvas.line(x1, y - 0.9, x2, y - 0.9)
        else:
            canvas.line(x1, y, x2, y)


def _wave(canvas: Canvas, x1: float, x2: float, y: float, period: float = 3.0) -> None:
    """A zigzag wave whose phase follows the page, so adjacent runs join up."""
    path = canvas.beginPath()
    x = x1 - (x1 % (period / 2))
    path.moveTo(x1, y)
    while x < x2:
        x = min(x + period / 2, x2)
        up = round(x / (period / 2)) % 2 == 0
        path.lineTo(x, y + (0.8 if up else -0.8))
    canvas.drawPath(path, stroke=1, fill=0)
