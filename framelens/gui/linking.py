"""The two panes linked like a diff viewer, by the comparison's aligned claims.

Putting the text cursor in a sentence of one article outlines the sentences of the other
that report the same claim (and scrolls them into view), and outlines the claim's own
sentences too. A narrow connector between the panes draws a band from each aligned sentence
of A to its counterparts in B: hatched where the two articles frame the claim differently,
plain where they tell it alike, the chosen claim darker. A bar at the connector's edge marks
a sentence that only one article reports. F7 / Shift+F7 step through the aligned claims.

Everything here reads the `Comparison` the window computes from the two analyses; nothing
is drawn while either pane's text differs from its analysed text (an edit waiting for its
analysis), so a band never points at words that have moved.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from framelens.explain import group_status, only_in_note
from framelens.gui.offsets import Utf16Map

PANE_NAMES = ("A", "B")
# Off-screen ends of a band are drawn this far beyond the connector's edge.
OFF_SCREEN = 12.0
BAR_WIDTH = 5.0


@dataclass
class LinkState:
    """One comparison bound to the two analyses it was computed from."""

    comparison: object
    analyses: tuple
    groups_of: tuple[dict[int, list[int]], dict[int, list[int]]] = field(default=({}, {}))
    only: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset())
    starts: tuple[list[int], list[int]] = ([], [])
    maps: tuple = ()  # a Utf16Map per side, made once

    @classmethod
    def of(cls, comparison) -> LinkState | None:
        alignment = getattr(comparison, "alignment", None)
        if alignment is None:
            return None
        groups_of: tuple[dict[int, list[int]], dict[int, list[int]]] = ({}, {})
        for index, group in enumerate(alignment.groups):
            for side, members in enumerate((group.a, group.b)):
                for sentence in members:
                    groups_of[side].setdefault(sentence, []).append(index)
        analyses = (comparison.a, comparison.b)
        return cls(comparison, analyses, groups_of,
                   (frozenset(alignment.only_in_a), frozenset(alignment.only_in_b)),
                   ([s.start for s in analyses[0].sentences],
                    [s.start for s in analyses[1].sentences]),
                   (Utf16Map(analyses[0].text), Utf16Map(analyses[1].text)))

    @property
    def groups(self) -> tuple:
        return self.comparison.alignment.groups

    def members(self, index: int, side: int) -> tuple[int, ...]:
        group = self.groups[index]
        return group.a if side == 0 else group.b

    def sentence_at(self, side: int, offset: int) -> int | None:
        """The sentence of one side holding code-point `offset`, if any."""
        starts = self.starts[side]
        index = bisect.bisect_right(starts, offset) - 1
        if index < 0:
            return None
        sentence = self.analyses[side].sentences[index]
        return index if sentence.start <= offset < sentence.end else None

    def sentence_range(self, side: int, index: int) -> tuple[int, int]:
        """The sentence's code-point range without its surrounding white space."""
        analysis = self.analyses[side]
        sentence = analysis.sentences[index]
        start, end = sentence.start, sentence.end
        while start < end and analysis.text[start].isspace():
            start += 1
        while end > start and analysis.text[end - 1].isspace():
            end -= 1
        return start, end


class AlignmentLinker(QObject):
    """Links the window's panes through the current comparison's alignment.

    `groupChanged(index)` is emitted when the chosen aligned claim changes (-1: none).
    """

    groupChanged = Signal(int)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.state: LinkState | None = None
        self.group = -1
        self._following = True  # the cursor chooses the claim (not while we move it)
        self._place: tuple[int, int | None] = (0, None)  # (side, sentence) of the cursor
        self._revisions: tuple[int, ...] = (-1, -1)
        for pane in window.panes:
            pane.editor.cursorPositionChanged.connect(
                lambda p=pane.index: self._cursor_moved(p))
        self.gutter = ConnectorGutter(self, window.panes)
        attach_gutter(window.panes[0], self.gutter)

    # --- state ---------------------------------------------------------------------------
    def set_comparison(self, comparison) -> None:
        """Bind a new comparison (None: nothing linked). A claim the user chose stays chosen
        (the one at the text cursor) after a new analysis; the first comparison chooses none:
        a cursor left where the article was opened is nobody's choice."""
        chosen = self.group >= 0
        self.state = LinkState.of(comparison) if comparison is not None else None
        # The document revisions whose text is the analysed text: any edit moves them on, so
        # `live` compares two numbers instead of whole texts on every keystroke and repaint.
        self._revisions = tuple(
            pane.editor.document().revision() if self.state is not None
            and pane.analysis is analysis and pane.text() == analysis.text else -1
            for pane, analysis in zip(self.window.panes, self.state.analyses if self.state
                                      else (None, None), strict=True))
        self.group = -1
        if chosen:
            self._follow(self.window.active, scroll=False)
        self._apply(scroll=False)
        self.groupChanged.emit(self.group)

    def live(self) -> LinkState | None:
        """The bound comparison, if both panes still show exactly its analysed texts."""
        state = self.state
        if state is None:
            return None
        for pane, analysis, revision in zip(self.window.panes, state.analyses, self._revisions,
                                            strict=True):
            if pane.analysis is not analysis or pane.editor.document().revision() != revision:
                return None
        return state

    # --- choosing a claim ----------------------------------------------------------------
    def _cursor_moved(self, side: int) -> None:
        if self._following:
            self._follow(side, scroll=True)

    def _follow(self, side: int, scroll: bool) -> None:
        """Choose the claim of the sentence holding `side`'s text cursor; say what it is."""
        state = self.live()
        if state is None:
            return
        editor = self.window.panes[side].editor
        sentence = state.sentence_at(side,
                                     state.maps[side].from_qt(editor.textCursor().position()))
        groups = state.groups_of[side].get(sentence, []) if sentence is not None else []
        group = groups[0] if groups else -1
        place, self._place = self._place, (side, sentence)
        if not scroll:  # a new comparison: set_comparison draws and tells
            self.group = group
            return
        if group != self.group:
            self.group = group
            self._apply(scroll=True, from_side=side)
            self.groupChanged.emit(group)
            if group >= 0:
                self._say(self.describe(group))
        if group < 0 and place != self._place and sentence in state.only[side]:
            self._say(only_in_note(PANE_NAMES[side], PANE_NAMES[1 - side]))

    def select_group(self, index: int) -> None:
        """Choose aligned claim `index` (-1: none): outline its sentences in both panes and
        scroll both to them; the text cursor goes to its first sentence in A."""
        state = self.live()
        if state is None or not 0 <= index < len(state.groups):
            index = -1
        self.group = index
        if index >= 0:
            start, _ = state.sentence_range(0, state.members(index, 0)[0])
            editor = self.window.panes[0].editor
            cursor = editor.textCursor()
            cursor.setPosition(state.maps[0].to_qt(start))
            self._following = False
            try:
                editor.setTextCursor(cursor)
            finally:
                self._following = True
            self._say(self.describe(index))
        self._apply(scroll=True)
        self.groupChanged.emit(index)

    def step(self, forward: bool) -> None:
        """The next (or previous) aligned claim, in A's reading order, wrapping around."""
        state = self.live()
        if state is None or not state.groups:
            self._say(self.unavailable())
            return
        count = len(state.groups)
        if self.group < 0:
            index = 0 if forward else count - 1
        else:
            index = (self.group + (1 if forward else -1)) % count
        self.select_group(index)

    def unavailable(self) -> str:
        if self.state is None:
            return "Open and analyse two articles to align what they report."
        if self.live() is None:
            return "The alignment follows once the edited text is analysed again."
        return "The two articles share no aligned claims."

    def describe(self, index: int) -> str:
        state = self.state
        return group_status(index, len(state.groups), state.groups[index]) if state else ""

    def _say(self, text: str) -> None:
        if text:
            self.window.statusBar().showMessage(text, 10000)

    # --- drawing -------------------------------------------------------------------------
    def _apply(self, scroll: bool, from_side: int | None = None) -> None:
        state = self.live()
        for side, pane in enumerate(self.window.panes):
            ranges = []
            if state is not None and self.group >= 0:
                ranges = [state.sentence_range(side, i)
                          for i in state.members(self.group, side)]
            text = state.analyses[side].text if state is not None else ""
            pane.editor.set_linked(ranges, text)
            if scroll and ranges and side != from_side:
                pane.editor.reveal(ranges, text)
        self.gutter.update()


def attach_gutter(pane, gutter: QWidget) -> None:
    """Put the connector at the right edge of pane A, after its text."""
    box = pane.editor.parentWidget()
    layout = box.layout() if box is not None else None
    if layout is not None and box is not pane:
        layout.addWidget(gutter)
    else:  # no frame strip box: the pane's own layout
        pane.layout().addWidget(gutter)


@dataclass(frozen=True)
class Band:
    """One drawn link: group index, the two sentences, and its path in gutter coordinates."""

    group: int
    path: QPainterPath


class ConnectorGutter(QWidget):
    """The narrow strip between the panes drawing aligned sentences as bands."""

    def __init__(self, linker: AlignmentLinker, panes, parent=None):
        super().__init__(parent)
        self.linker = linker
        self.panes = panes
        self.setObjectName("connectorGutter")
        self.setMouseTracking(True)
        for pane in panes:
            pane.editor.updateRequest.connect(
                lambda rect, dy, editor=pane.editor: self._editor_updated(editor, rect, dy))
        self._fit_width()

    def _editor_updated(self, editor, rect, dy: int) -> None:
        """Repaint when a pane scrolls or is laid out again, not for every caret blink."""
        if dy or rect.contains(editor.viewport().rect()):
            self.update()

    def _fit_width(self) -> None:
        self.setFixedWidth(max(24, self.panes[0].editor.fontMetrics().horizontalAdvance("MMM")))

    # --- geometry ------------------------------------------------------------------------
    def _span(self, side: int, start: int, end: int, mapping: Utf16Map) -> tuple[float, float]:
        """The vertical extent of a code-point range of one pane, in gutter coordinates
        (clamped just beyond the gutter's edges when off screen)."""
        editor = self.panes[side].editor
        document = editor.document()
        offset = editor.contentOffset()
        shift = self.mapFromGlobal(editor.viewport().mapToGlobal(QPoint(0, 0))).y()

        def y_of(qt: int, bottom: bool) -> float:
            block = document.findBlock(qt)
            if not block.isValid():
                return float(editor.viewport().height())
            top = editor.blockBoundingGeometry(block).translated(offset).top()
            line = block.layout().lineForTextPosition(qt - block.position())
            if line.isValid():
                return top + line.y() + (line.height() if bottom else 0.0)
            height = editor.blockBoundingRect(block).height()
            return top + (height if bottom else 0.0)

        top = y_of(mapping.to_qt(start), False) + shift
        bottom = y_of(mapping.to_qt(max(start, end - 1)), True) + shift
        low, high = -OFF_SCREEN, self.height() + OFF_SCREEN
        return min(max(top, low), high), min(max(bottom, low), high)

    def bands(self) -> list[Band]:
        """Every link on screen, the chosen claim's last (drawn on top)."""
        state = self.linker.live()
        if state is None or not self.panes[1].isVisible() or not self.panes[0].isVisible():
            return []
        maps = state.maps
        cache: dict[tuple[int, int], tuple[float, float]] = {}

        def span(side: int, index: int) -> tuple[float, float]:
            if (side, index) not in cache:
                cache[side, index] = self._span(side, *state.sentence_range(side, index),
                                                maps[side])
            return cache[side, index]

        width, height = float(self.width()), float(self.height())
        found: list[Band] = []
        order = sorted(range(len(state.groups)), key=lambda g: g == self.linker.group)
        for index in order:
            group = state.groups[index]
            for i in group.a:
                a_top, a_bottom = span(0, i)
                for j in group.b:
                    b_top, b_bottom = span(1, j)
                    if max(a_bottom, b_bottom) <= 0 or min(a_top, b_top) >= height:
                        continue  # both ends above, or both below, the view
                    found.append(Band(index, _band_path(width, a_top, a_bottom,
                                                        b_top, b_bottom)))
        return found

    def only_bars(self) -> list[tuple[int, int, QRectF]]:
        """(side, sentence, rectangle) of the "only in" sentences on screen."""
        state = self.linker.live()
        if state is None:
            return []
        bars = []
        for side in (0, 1):
            mapping = state.maps[side]
            x = 0.0 if side == 0 else self.width() - BAR_WIDTH
            for index in sorted(state.only[side]):
                top, bottom = self._span(side, *state.sentence_range(side, index), mapping)
                if bottom <= 0 or top >= self.height():
                    continue
                bars.append((side, index, QRectF(x, top, BAR_WIDTH, max(bottom - top, 4.0))))
        return bars

    def item_at(self, point: QPointF) -> tuple[str, int, int]:
        """What is under `point`: ("only", side, sentence), ("group", index, 0) or ("", 0, 0)."""
        for side, index, rect in self.only_bars():
            if rect.adjusted(-2, 0, 2, 0).contains(point):
                return "only", side, index
        for band in reversed(self.bands()):  # the topmost first
            if band.path.contains(point):
                return "group", band.group, 0
        return "", 0, 0

    # --- painting ------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        state = self.linker.live()
        chosen = self.linker.group
        ink = self.palette().text().color()
        for band in self.bands():
            group = state.groups[band.group]
            differs = bool(group.differences)
            strong = band.group == chosen
            fill = QColor(214, 130, 40) if differs else QColor(90, 130, 200)
            fill.setAlpha(170 if strong else 45)
            painter.setPen(QPen(QColor(ink.red(), ink.green(), ink.blue(),
                                       220 if strong else 70), 1.5 if strong else 0.8))
            painter.setBrush(fill)
            painter.drawPath(band.path)
            if differs:  # hatching: "framing differs" reads in grayscale too
                hatch = QColor(ink)
                hatch.setAlpha(150 if strong else 60)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(hatch, Qt.BrushStyle.BDiagPattern))
                painter.drawPath(band.path)
        bar_ink = QColor(ink)
        bar_ink.setAlpha(200)
        for _side, _index, rect in self.only_bars():
            painter.setPen(QPen(bar_ink, 1))
            painter.setBrush(QBrush(bar_ink, Qt.BrushStyle.Dense4Pattern))
            painter.drawRect(rect)
        painter.end()

    # --- events --------------------------------------------------------------------------
    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            kind, first, second = self.item_at(QPointF(event.pos()))
            if kind == "group":
                QToolTip.showText(event.globalPos(), self.linker.describe(first), self)
            elif kind == "only":
                QToolTip.showText(event.globalPos(),
                                  only_in_note(PANE_NAMES[first], PANE_NAMES[1 - first]), self)
            else:
                QToolTip.showText(event.globalPos(), GUTTER_HELP, self)
            return True
        if event.type() == event.Type.FontChange:
            self._fit_width()
        return super().event(event)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            kind, first, second = self.item_at(event.position())
            if kind == "group":
                self.linker.select_group(first)
            elif kind == "only":
                state = self.linker.live()
                if state is not None:
                    window = self.linker.window
                    window.show_ranges(first, [state.sentence_range(first, second)])
        super().mouseReleaseEvent(event)


GUTTER_HELP = ("Bands join sentences of A and B that report the same claim: hatched where the "
               "two articles frame it differently, plain where they tell it alike. A bar at "
               "an edge marks a sentence only that article reports. Click a band to choose "
               "the claim; F7 / Shift+F7 step through them.")


def _band_path(width: float, a_top: float, a_bottom: float, b_top: float,
               b_bottom: float) -> QPainterPath:
    """A band from A's extent on the left edge to B's on the right, with curved sides."""
    middle = width / 2
    path = QPainterPath(QPointF(0, a_top))
    path.cubicTo(QPointF(middle, a_top), QPointF(middle, b_top), QPointF(width, b_top))
    path.lineTo(QPointF(width, b_bottom))
    path.cubicTo(QPointF(middle, b_bottom), QPointF(middle, a_bottom), QPointF(0, a_bottom))
    path.closeSubpath()
    return path
