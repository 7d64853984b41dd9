"""One article pane: a title/source header over an editable text view with highlights.

Marks are drawn by a QSyntaxHighlighter as layout formats (the document itself is never
reformatted, so editing and undo stay plain, and weight/slant still change the layout).
Each mark holds a live QTextCursor: while the user types, marks move with their words until
the next analysis replaces them. Selected ranges (metric click-through) are extra selections.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QPainter,
    QPen,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from framelens import labels
from framelens.analyzers.inflection import replacement
from framelens.gui import formats
from framelens.gui.explain import LAYERS, marks_of, without_details
from framelens.gui.offsets import Utf16Map
from framelens.gui.widgets import ElidedLabel

TITLE_LINES = 2  # a long headline is cut with "…" (whole in its tooltip): room for the text


@dataclass
class Mark:
    """A drawn mark: its category, live cursor over the text and explanation; a loaded
    word also keeps its neutral alternative and the words it was made for."""

    category: str
    cursor: QTextCursor
    explanation: str
    alternative: str | None = None
    words: str = ""

    def contains(self, position: int) -> bool:
        return self.cursor.selectionStart() <= position < self.cursor.selectionEnd()

    def replaceable(self) -> bool:
        """Whether the mark offers an alternative and still covers the words it was made
        for (typing inside a marked word leaves the mark on changed words until the next
        analysis)."""
        return bool(self.alternative) and self.cursor.selectedText() == self.words


_LAYER = {category: index for index, category in enumerate(LAYERS)}


class MarkHighlighter(QSyntaxHighlighter):
    """Draws the editor's visible marks, merging overlapping layers per text segment."""

    def __init__(self, editor: ArticleEditor):
        super().__init__(editor.document())
        self.editor = editor
        self.by_start: list[Mark] = []
        self.longest = 0

    def index(self, marks: list[Mark]) -> None:
        self.by_start = sorted(marks, key=lambda m: m.cursor.selectionStart())
        self.longest = max((m.cursor.selectionEnd() - m.cursor.selectionStart()
                            for m in marks), default=0)

    def highlightBlock(self, text: str) -> None:
        if not self.by_start:
            return
        block_start = self.currentBlock().position()
        block_end = block_start + len(text)
        first = bisect.bisect_left(self.by_start, block_start - self.longest,
                                   key=lambda m: m.cursor.selectionStart())
        enabled, formats_ = self.editor.enabled, self.editor.formats
        found = []
        for mark in self.by_start[first:]:
            start = mark.cursor.selectionStart()
            if start >= block_end:
                break
            end = mark.cursor.selectionEnd()
            if end > block_start and end > start and mark.category in enabled:
                found.append((max(start, block_start) - block_start,
                              min(end, block_end) - block_start, _LAYER[mark.category],
                              mark.category))
        if not found:
            return
        cuts = sorted({edge for start, end, _, _ in found for edge in (start, end)})
        for left, right in zip(cuts, cuts[1:], strict=False):
            layers = sorted((layer, category) for start, end, layer, category in found
                            if start <= left and right <= end)
            if not layers:
                continue
            merged = QTextCharFormat()
            for _, category in layers:
                merged.merge(formats_[category])
            self.setFormat(left, right - left, merged)


class ArticleEditor(QPlainTextEdit):
    """The text view of one pane: highlights, explanations on hover/click, file drops."""

    explanationRequested = Signal(str)
    filesDropped = Signal(list)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setAcceptDrops(True)
        self.viewport().setMouseTracking(True)
        self.marks: list[Mark] = []
        self.enabled: set[str] = set(labels.STYLED_CATEGORIES)
        self.dark = False
        self.formats = formats.all_formats(False)
        self._focus: list[QTextCursor] = []
        self._linked: list[QTextCursor] = []  # sentences of the chosen aligned claim
        self.redrawing = False
        self.details = False  # tooltips show rule ids and weights
        # extend_menu(menu, qt_position, qt_selection or None): more entries (corrections)
        self.extend_menu = None
        self.highlighter = MarkHighlighter(self)

    # --- marks -----------------------------------------------------------------------
    def set_marks(self, analysis) -> None:
        """Replace the marks with those of `analysis` (whose text is this document's text)."""
        mapping = Utf16Map(analysis.text)
        document = self.document()
        self.marks = []
        for info in marks_of(analysis):
            cursor = QTextCursor(document)
            cursor.setPosition(mapping.to_qt(info.start))
            cursor.setPosition(mapping.to_qt(info.end), QTextCursor.MoveMode.KeepAnchor)
            words = cursor.selectedText() if info.alternative else ""
            self.marks.append(Mark(info.category, cursor, info.explanation, info.alternative,
                                   words))
        self._focus = []
        self.redraw()

    def clear_marks(self) -> None:
        self.marks, self._focus, self._linked = [], [], []
        self.redraw()

    def set_style(self, enabled: set[str], dark: bool) -> None:
        """Show only the `enabled` categories, in the light or dark variant."""
        self.enabled, self.dark = set(enabled), dark
        self.formats = formats.all_formats(dark)
        self.redraw()

    def counts(self) -> dict[str, int]:
        """How many marks of each category the pane holds."""
        result = dict.fromkeys(labels.STYLED_CATEGORIES, 0)
        for mark in self.marks:
            result[mark.category] = result.get(mark.category, 0) + 1
        return result

    def visible_marks(self) -> list[Mark]:
        return [m for m in self.marks if m.category in self.enabled]

    def redraw(self) -> None:
        """Draw the visible marks again (after new marks, a toggle or a theme change)."""
        self.highlighter.index(self.marks)
        self.redrawing = True  # rehighlighting signals a content change that is no edit
        try:
            self.highlighter.rehighlight()
        finally:
            self.redrawing = False
        self._draw_focus()

    def _draw_focus(self) -> None:
        selections = []
        if self._focus:
            focus = QTextCharFormat()
            color = QColor(self.palette().highlight().color())
            color.setAlpha(110)
            focus.setBackground(color)
            for cursor in self._focus:
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = focus
                selections.append(selection)
        self.setExtraSelections(selections)

    def focus_ranges(self, ranges: list[tuple[int, int]], text: str) -> None:
        """Mark code-point `ranges` of `text` as selected and scroll to the first."""
        self._focus = self._cursors(ranges, text)
        self._draw_focus()
        if self._focus:
            self._show(self._focus[0])

    def _cursors(self, ranges: list[tuple[int, int]], text: str) -> list[QTextCursor]:
        """Live cursors over code-point `ranges` of `text` (none unless it is the document's
        text)."""
        if text != self.toPlainText():
            return []
        mapping = Utf16Map(text)
        cursors = []
        for start, end in ranges:
            cursor = QTextCursor(self.document())
            cursor.setPosition(mapping.to_qt(start))
            cursor.setPosition(mapping.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            cursors.append(cursor)
        return cursors

    # --- aligned claims (see linking.py) -----------------------------------------------------
    def set_linked(self, ranges: list[tuple[int, int]], text: str) -> None:
        """Outline code-point `ranges` of `text` (the chosen aligned claim's sentences):
        drawn over the text, never hiding the marks under it."""
        if not ranges and not self._linked:
            return
        self._linked = self._cursors(ranges, text)
        self.viewport().update()

    def linked_ranges(self) -> list[tuple[int, int]]:
        """The outlined ranges, in Qt positions."""
        return [(c.selectionStart(), c.selectionEnd()) for c in self._linked]

    def reveal(self, ranges: list[tuple[int, int]], text: str) -> None:
        """Scroll so that the first of `ranges` is in view, without moving the text cursor
        (unless it is already in view)."""
        cursors = self._cursors(ranges[:1], text)
        if not cursors:
            return
        block = self.document().findBlock(cursors[0].selectionStart())
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        if 0 <= top <= self.viewport().height() * 0.8:
            return
        bar = self.verticalScrollBar()
        bar.setValue(max(0, block.firstLineNumber() - 3))

    def linked_rects(self) -> list[QRectF]:
        """The on-screen line rectangles of the outlined ranges (viewport coordinates)."""
        return [rect for cursor in self._linked
                for rect in self.range_rects(cursor.selectionStart(), cursor.selectionEnd())]

    def range_rects(self, start: int, end: int) -> list[QRectF]:
        """One rectangle per visual line of the Qt range [start, end) that is on screen, in
        viewport coordinates (laid out lines only: cheap whatever the range's length)."""
        rects = []
        offset = self.contentOffset()
        height = self.viewport().height()
        block = self.document().findBlock(start)
        while block.isValid() and block.position() < end:
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > height:
                break
            if block.isVisible() and geometry.bottom() >= 0:
                layout = block.layout()
                for number in range(layout.lineCount()):
                    line = layout.lineAt(number)
                    line_start = block.position() + line.textStart()
                    left = max(start, line_start)
                    right = min(end, line_start + line.textLength())
                    if left >= right:
                        continue
                    x1 = line.cursorToX(left - block.position())[0]
                    x2 = line.cursorToX(right - block.position())[0]
                    rects.append(QRectF(geometry.left() + x1 - 1, geometry.top() + line.y(),
                                        x2 - x1 + 2, line.height()))
            block = block.next()
        return rects

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self._linked:
            painter = QPainter(self.viewport())
            ink = QColor(self.palette().text().color())
            fill = QColor(self.palette().highlight().color())
            fill.setAlpha(28)
            ink.setAlpha(170)
            painter.setPen(QPen(ink, 1.2, Qt.PenStyle.DashLine))
            painter.setBrush(fill)
            for rect in self.linked_rects():
                painter.drawRoundedRect(rect, 2, 2)
            painter.end()

    def scroll_to_article(self, analysis) -> None:
        """Put the first sentence outside web debris at the top of the view."""
        if not analysis.sentences:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(Utf16Map(analysis.text).to_qt(analysis.sentences[0].start))
        self.setTextCursor(cursor)
        self.verticalScrollBar().setValue(cursor.block().firstLineNumber())

    def _show(self, cursor: QTextCursor) -> None:
        self.setTextCursor(cursor)
        self.centerCursor()

    def step(self, category: str | None, forward: bool) -> Mark | None:
        """Select the next (or previous) visible mark of `category` (None: any word mark)."""
        wanted = [m for m in self.visible_marks()
                  if (m.category == category if category
                      else m.category not in labels.SENTENCE_LABELS)]
        if not wanted:
            return None
        wanted.sort(key=lambda m: m.cursor.selectionStart())
        here = self.textCursor().selectionStart()
        if forward:
            after = [m for m in wanted if m.cursor.selectionStart() > here]
            target = after[0] if after else wanted[0]
        else:
            before = [m for m in wanted if m.cursor.selectionStart() < here]
            target = before[-1] if before else wanted[-1]
        self._show(target.cursor)
        self.explanationRequested.emit(target.explanation)
        return target

    def explanation_at(self, position: int) -> str:
        """The explanations of every visible mark at Qt `position` (words first)."""
        found = [m.explanation for m in reversed(self.visible_marks()) if m.contains(position)]
        return "<hr>".join(found)

    # --- neutral alternatives ---------------------------------------------------------
    def replaceable_at(self, position: int) -> Mark | None:
        """The visible loaded word at Qt `position` that has a neutral alternative."""
        return next((m for m in self.visible_marks()
                     if m.category == labels.LOADED and m.contains(position)
                     and m.replaceable()), None)

    def replaceable_at_cursor(self) -> Mark | None:
        """The loaded word under the text cursor (or at the start of its selection, as
        Next Mark leaves it)."""
        cursor = self.textCursor()
        return self.replaceable_at(cursor.selectionStart() if cursor.hasSelection()
                                   else cursor.position())

    def replacement(self, mark: Mark) -> tuple[QTextCursor, str]:
        """What replacing `mark` changes (`inflection.replacement`): a cursor over the
        words, with a preceding "a"/"an" that must agree, and the text to put there."""
        start = mark.cursor.selectionStart()
        block = mark.cursor.document().findBlock(start)
        line = block.text()
        before = line[:Utf16Map(line).from_qt(start - block.position())]
        # the article and spaces taken back are ASCII: one Qt position each
        back, text = replacement(mark.words, mark.alternative or "", before)
        cursor = QTextCursor(mark.cursor)
        if back:
            cursor.setPosition(start - back)
            cursor.setPosition(mark.cursor.selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
        return cursor, text

    def replace_with_alternative(self, mark: Mark) -> tuple[str, str] | None:
        """Put the neutral alternative in place of the marked words: one undoable edit,
        which the next analysis sees like any other typing. Returns (old, new) text, or
        None when the text is read-only or the mark no longer covers its words."""
        if self.isReadOnly() or not mark.replaceable():
            return None
        cursor, text = self.replacement(mark)
        old = cursor.selectedText()
        cursor.beginEditBlock()
        cursor.insertText(text)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        return old, text

    def context_menu(self, pos: QPoint, mark: Mark | None) -> QMenu:
        """The standard edit menu for viewport point `pos`, led by "Replace … with …" when
        `mark`, the loaded word there, has a neutral alternative and the text is editable."""
        menu = self.createStandardContextMenu(pos)
        if mark is not None and not self.isReadOnly():
            cursor, text = self.replacement(mark)
            action = QAction(f"Replace \u201c{cursor.selectedText()}\u201d with "
                             f"\u201c{text}\u201d", menu)
            action.triggered.connect(lambda: self.replace_with_alternative(mark))
            first = menu.actions()[0] if menu.actions() else None
            if first is None:
                menu.addAction(action)
            else:
                menu.insertAction(first, action)
                menu.insertSeparator(first)
        return menu

    def contextMenuEvent(self, event) -> None:
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            mark = self.replaceable_at(self.cursorForPosition(event.pos()).position())
        else:
            mark = self.replaceable_at_cursor()
        menu = self.context_menu(event.pos(), mark)
        if self.extend_menu is not None:
            cursor = self.textCursor()
            here = (self.cursorForPosition(event.pos()).position()
                    if event.reason() == QContextMenuEvent.Reason.Mouse else cursor.position())
            selected = (cursor.selectionStart(), cursor.selectionEnd())
            inside = cursor.hasSelection() and selected[0] <= here <= selected[1]
            self.extend_menu(menu, here, selected if inside else None)
        menu.exec(event.globalPos())
        menu.deleteLater()

    # --- events ----------------------------------------------------------------------
    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            cursor = self.cursorForPosition(event.pos())
            text = self.explanation_at(cursor.position())
            if text:
                shown = text if self.details else without_details(text)
                QToolTip.showText(event.globalPos(), shown, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            text = self.explanation_at(self.textCursor().position())
            if text:
                self.explanationRequested.emit(text)

    def dragEnterEvent(self, event) -> None:
        if _local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if _local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:
        files = _local_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.filesDropped.emit(files)
        else:
            super().dropEvent(event)


def _local_files(mime) -> list[str]:
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]


class ArticlePane(QFrame):
    """Header (title, source line, message) above the article's text view."""

    edited = Signal()

    def __init__(self, index: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.index = index
        self.source: str | None = None
        self.analysis = None
        self.dirty = False
        self.fresh = True
        self._loading = False
        self.title = ElidedLabel(max_lines=TITLE_LINES)
        self.title.setObjectName("paneTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.source_line = ElidedLabel()
        self.source_line.setObjectName("paneSource")
        self.message = QLabel()
        self.message.setObjectName("paneMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.editor = ArticleEditor()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        for widget in (self.title, self.source_line, self.message, self.editor):
            layout.addWidget(widget)
        self.editor.textChanged.connect(self._text_changed)
        self.set_article("", None, "No article", "Open a file (Ctrl+O), drop one here, "
                                                  "or paste text (Ctrl+Shift+V).")

    def set_article(self, text: str, source: str | None, title: str, detail: str = "") -> None:
        """Show a new article (no marks until its analysis arrives)."""
        self._loading = True
        try:
            self.editor.clear_marks()
            self.editor.setPlainText(text)
        finally:
            self._loading = False
        self.source, self.analysis, self.dirty, self.fresh = source, None, False, True
        self.title.setText(title)
        self.source_line.setText(detail or (Path(source).name if source else ""))
        self.show_message("")

    def set_compact(self, on: bool) -> None:
        """Title and source line on one elided line each (presentation mode), or wrapped."""
        self.title.set_eliding(on)
        self.source_line.set_eliding(on)

    def text(self) -> str:
        """The document's own text: what is analysed and what offsets index."""
        return self.editor.toPlainText()

    def apply_analysis(self, analysis) -> bool:
        """Draw `analysis` if it is of the current text; False if it is stale."""
        if analysis.text != self.text():
            return False
        self.analysis = analysis
        self.editor.set_marks(analysis)
        if self.fresh and self.editor.textCursor().position() == 0:
            self.editor.scroll_to_article(analysis)
        self.fresh = False
        if analysis.title:
            self.title.setText(analysis.title)
        genre = f"{analysis.genre.label} (score {analysis.genre.score:.2f})"
        where = Path(self.source).name if self.source else "typed or pasted text"
        self.source_line.setText(f"{where} \u2014 reads as {genre}")
        return True

    def show_message(self, text: str, error: bool = False, warning: bool = False) -> None:
        """A line under the header: why this pane could not be analysed (`error`), or what
        to doubt in its marks (`warning`, e.g. a text not in English)."""
        self.message.setProperty("error", error)
        self.message.setProperty("warning", warning and not error)
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def _text_changed(self) -> None:
        if not self._loading and not self.editor.redrawing:
            self.dirty = True
            self.edited.emit()
