"""The frame strip: a narrow gutter beside a pane's text with one chip per sentence that
carries a frame, level with the sentence's first line.

Each chip shows the frames' letters (strongest first) on a fill that differs per frame by
lightness and hatching, so it reads in grayscale too; the article text gains no colour.
Hovering a chip names the frames and the words that cue them; clicking it selects the
sentence. Chip positions are cached per text block and laid out only for the blocks on
screen, so painting stays cheap while scrolling, resizing or zooming.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QHBoxLayout, QToolTip, QWidget

from framelens.analyzers.frames import FRAME_IDS, frame_info
from framelens.explain import frame_tags
from framelens.gui.offsets import Utf16Map

# Fill lightness steps and hatching: neighbouring codebook frames never share both.
LIGHTNESS = (240, 212, 184, 156)
HUES = (210, 30, 120, 280, 0, 60, 180, 330)
PAD = 3


@dataclass(frozen=True)
class Chip:
    """One sentence's chip: where it starts (block number and position in the block), its
    frames (strongest first), letters and tooltip, and its code-point range."""

    block: int
    position: int
    frames: tuple[str, ...]
    letters: str
    tooltip: str
    start: int
    end: int


def frame_fill(frame: str) -> tuple[QColor, bool]:
    """The chip fill of a frame and whether it is hatched (distinct in grayscale)."""
    index = FRAME_IDS.index(frame) if frame in FRAME_IDS else len(FRAME_IDS)
    colour = QColor.fromHsl(HUES[index % len(HUES)], 70, LIGHTNESS[index % len(LIGHTNESS)])
    return colour, (index // len(LIGHTNESS)) % 2 == 1


def chips_of(analysis, document) -> dict[int, list[Chip]]:
    """The chips of an analysis whose text is `document`'s text, by block number."""
    mapping = Utf16Map(analysis.text)
    letters = {f: info.letter for f, info in frame_info().items()}
    chips: dict[int, list[Chip]] = {}
    for sentence in analysis.sentences:
        if not sentence.frames:
            continue
        start = sentence.start
        while start < sentence.end and analysis.text[start].isspace():
            start += 1
        position = mapping.to_qt(start)
        block = document.findBlock(position)
        frames = sentence.frame_ids
        chips.setdefault(block.blockNumber(), []).append(Chip(
            block.blockNumber(), position - block.position(), frames,
            "".join(letters.get(f, "?") for f in frames), frame_tags(sentence),
            sentence.start, sentence.end))
    return chips


class FrameStrip(QWidget):
    """The gutter beside one pane's editor; `sentenceClicked(start, end)` on a chip click."""

    sentenceClicked = Signal(int, int)

    def __init__(self, pane, parent=None):
        super().__init__(parent)
        self.pane = pane
        self.editor = pane.editor
        self._analysis = None
        self._revision = -1
        self._chips: dict[int, list[Chip]] = {}
        self.only: str | None = None  # the frame filter: other chips are drawn faded
        self.setMouseTracking(True)
        self.setObjectName("frameStrip")
        self.setToolTip("")
        self.editor.updateRequest.connect(self._editor_updated)
        self.editor.installEventFilter(self)
        self._fit_width()

    # --- cache ---------------------------------------------------------------------------
    def _current(self) -> dict[int, list[Chip]]:
        """The cached chips, rebuilt when the pane shows a new analysis; none while the text
        differs from the analysed one (an edit waiting for its analysis)."""
        analysis = self.pane.analysis
        document = self.editor.document()
        if analysis is not self._analysis:
            self._analysis = analysis
            fits = analysis is not None and analysis.text == self.editor.toPlainText()
            self._revision = document.revision() if fits else -2  # -2: stale, never drawn
            self._chips = chips_of(analysis, document) if analysis is not None else {}
        if self._revision != document.revision():
            return {}
        return self._chips

    # --- geometry ------------------------------------------------------------------------
    def _fit_width(self) -> None:
        metrics = self.editor.fontMetrics()
        self.setFixedWidth(metrics.horizontalAdvance("MM") + 2 * PAD + 4)

    def visible_chips(self) -> list[tuple[QRectF, Chip]]:
        """The chips on screen with their rectangles in strip coordinates."""
        chips = self._current()
        if not chips:
            return []
        editor = self.editor
        shift = self.mapFromGlobal(editor.viewport().mapToGlobal(QPoint(0, 0))).y()
        height = editor.fontMetrics().height()
        bottom_limit = editor.viewport().height()
        block = editor.firstVisibleBlock()
        top = editor.blockBoundingGeometry(block).translated(editor.contentOffset()).top()
        placed: list[tuple[QRectF, Chip]] = []
        last_bottom = float("-inf")
        while block.isValid() and top <= bottom_limit:
            if block.isVisible():
                layout = block.layout()
                for chip in chips.get(block.blockNumber(), ()):
                    line = layout.lineForTextPosition(chip.position)
                    y = top + (line.y() if line.isValid() else 0.0)
                    y = max(y, last_bottom + 1)
                    rect = QRectF(2, shift + y, self.width() - 4, height)
                    placed.append((rect, chip))
                    last_bottom = y + height
            top += editor.blockBoundingRect(block).height()
            block = block.next()
        return placed

    def dimmed(self, chip: Chip) -> bool:
        """True when the frame filter fades this chip (it lacks the chosen frame)."""
        return self.only is not None and self.only not in chip.frames

    def set_only(self, frame: str | None) -> None:
        """Fade every chip without `frame` (None: show all alike)."""
        self.only = frame
        self.update()

    def chip_at(self, point) -> Chip | None:
        for rect, chip in self.visible_chips():
            if rect.contains(point):
                return chip
        return None

    # --- events --------------------------------------------------------------------------
    def _editor_updated(self, _rect, _dy: int) -> None:
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FontChange:
            self._fit_width()
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            self.update()
        return False

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.editor.font())
        text_pen = QPen(QColor(20, 20, 20))
        for rect, chip in self.visible_chips():
            if not rect.intersects(QRectF(event.rect())):
                continue
            colour, hatched = frame_fill(chip.frames[0])
            painter.setOpacity(0.25 if self.dimmed(chip) else 1.0)
            painter.setPen(QPen(QColor(60, 60, 60), 1))
            painter.setBrush(colour)
            painter.drawRoundedRect(rect, 3, 3)
            if hatched:
                painter.setBrush(QBrush(QColor(90, 90, 90, 120), Qt.BrushStyle.BDiagPattern))
                painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(text_pen)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, chip.letters)
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            chip = self.chip_at(QPointF(event.pos()))
            if chip is not None:
                QToolTip.showText(event.globalPos(), chip.tooltip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mouseReleaseEvent(self, event) -> None:
        chip = self.chip_at(event.position())
        if chip is not None and event.button() == Qt.MouseButton.LeftButton:
            self.sentenceClicked.emit(chip.start, chip.end)
        super().mouseReleaseEvent(event)


def attach(pane) -> FrameStrip:
    """Put a frame strip to the left of `pane`'s editor (in place of the bare editor)."""
    editor = pane.editor
    box = QWidget(pane)
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(2)
    strip = FrameStrip(pane, box)
    pane.layout().replaceWidget(editor, box)
    row.addWidget(strip)
    row.addWidget(editor)
    return strip


def attach_all(window) -> list[FrameStrip]:
    """A strip beside each of the window's panes; a chip click selects its sentence."""
    strips = []
    for pane in window.panes:
        strip = attach(pane)
        strip.sentenceClicked.connect(
            lambda start, end, p=pane.index: window.show_ranges(p, [(start, end)]))
        window.analysisApplied.connect(lambda _pane, s=strip: s.update())
        strips.append(strip)
    return strips
