"""What exercise mode draws: the user's marks over the text, and the Exercise tab (buttons
for the mouse, the agreement figures and the disagreements to discuss).

The user's marks are outlined boxes with a letter tag (a sentence's label at its start);
FrameLens's marks keep their usual highlights, so on reveal both stay visible and differ in
grayscale too. The key's label of a sentence follows the user's in a filled tag.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QTextCursor
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from framelens import exercise, labels
from framelens.agreement import Agreement, figure
from framelens.exercise import CATEGORY_NAMES
from framelens.gui.offsets import Utf16Map

LETTER = {labels.OPINION: "O", labels.FACT: "F", labels.ATTRIBUTED: "A", labels.LOADED: "L",
          labels.HEDGE: "H", labels.BOOSTER: "B", labels.TECHNIQUE: "T", exercise.QUOTE: "Q",
          exercise.SPEAKER: "S"}
HELP = ("Sentence at the cursor: O opinion, F fact, A attributed. Selected words (or the word "
        "at the cursor): L loaded, H hedge, B booster, T technique, Q quote, S speaker. "
        "Delete removes; Ctrl+Z undoes. Right-click or the buttons do the same.")
REMOVE = "remove"


class MarkOverlay(QWidget):
    """Draws a pane's exercise marks over its text: word marks as outlined boxes, each mark
    with its letter in an outlined tag (sentence labels at the sentence's start); on reveal,
    the key's sentence label follows in a filled tag."""

    def __init__(self, controller, pane: int):
        editor = controller.window.panes[pane].editor
        super().__init__(editor.viewport())
        self.controller, self.pane, self.editor = controller, pane, editor
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        editor.updateRequest.connect(lambda *_: self.refresh())
        editor.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.refresh()
        return False

    def refresh(self) -> None:
        viewport = self.editor.viewport()
        self.setGeometry(viewport.rect())
        self.update()

    def _rects(self, start: int, end: int, mapping: Utf16Map) -> list[QRect]:
        """One rectangle per visual line of a code-point range on screen (an empty range:
        the caret's rectangle at its start)."""
        if start == end:
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(mapping.to_qt(start))
            return [self.editor.cursorRect(cursor)]
        return [rect.toAlignedRect()
                for rect in self.editor.range_rects(mapping.to_qt(start), mapping.to_qt(end))]

    def paintEvent(self, event) -> None:
        layer = self.controller.layers.get(self.pane)
        if layer is None:
            return
        painter = QPainter(self)
        ink = self.palette().text().color()
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, self.editor.font().pointSizeF() * 0.6))
        small.setBold(True)
        painter.setFont(small)
        mapping = Utf16Map(layer.text)
        theirs = self.controller.reference_sentences(self.pane) if layer.revealed else {}
        for mark in layer.marks:
            rects = [r for r in self._rects(mark.start, mark.end if not mark.is_sentence
                                            else mark.start, mapping)
                     if r.bottom() >= 0 and r.top() <= self.height()]
            if not rects:
                continue
            if not mark.is_sentence:
                painter.setPen(QPen(ink, 2.0))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                for rect in rects:
                    painter.drawRect(rect.adjusted(-1, 0, 1, 0))
            tag = QRect(rects[0].left() - 1, max(0, rects[0].top() - 9), 11, 10)
            self._tag(painter, tag, LETTER[mark.category], ink, filled=False)
            other = theirs.get(mark.start) if mark.is_sentence else None
            if other:  # FrameLens's (or the key's) label beside the user's, filled
                self._tag(painter, tag.translated(12, 0), LETTER[other], ink, filled=True)
        painter.end()

    def _tag(self, painter: QPainter, box: QRect, letter: str, ink: QColor,
             filled: bool) -> None:
        """A letter in a small box: outlined for the user's marks, filled for the key's."""
        paper = self.palette().base().color()
        painter.fillRect(box, ink if filled else paper)
        painter.setPen(QPen(ink, 1.0))
        painter.drawRect(box)
        painter.setPen(paper if filled else ink)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, letter)


class ExercisePanel(QWidget):
    """The dock's content: what to do, a button per mark, the agreement figures and the
    disagreements."""

    markRequested = Signal(str)  # a category, or REMOVE

    def __init__(self):
        super().__init__()
        self.status = QLabel(HELP)
        self.status.setWordWrap(True)
        self.buttons = QWidget()
        grid = QGridLayout(self.buttons)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, category in enumerate((*exercise.CATEGORIES, REMOVE)):
            text = ("Remove (Del)" if category == REMOVE
                    else f"{CATEGORY_NAMES[category]} ({LETTER[category]})")
            button = QPushButton(text)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the text keeps its selection
            button.clicked.connect(lambda _=False, c=category: self.markRequested.emit(c))
            grid.addWidget(button, index // 2, index % 2)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["Category", "Precision", "Recall", "F1"])
        self.table.verticalHeader().hide()
        self.kappa = QLabel("")
        self.kappa.setWordWrap(True)
        self.disagreements = QListWidget()
        self.reason = QLabel("")
        self.reason.setWordWrap(True)
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        for widget in (self.status, self.buttons, self.table, self.kappa,
                       QLabel("<b>To discuss</b>"), self.disagreements, self.reason):
            layout.addWidget(widget)

    def show_agreement(self, agreement: Agreement | None, text: str) -> None:
        self.disagreements.clear()
        self.reason.setText("")
        if agreement is None:
            self.table.setRowCount(0)
            self.kappa.setText("")
            return
        self.table.setRowCount(len(agreement.spans))
        for row, score in enumerate(agreement.spans):
            cells = [CATEGORY_NAMES[score.category], figure(score.precision),
                     figure(score.recall), figure(score.f1)]
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        rows_height = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setMinimumHeight(rows_height + self.table.horizontalHeader().height() + 4)
        sentences = agreement.sentences
        self.kappa.setText(f"Sentence labels: \u03ba = {figure(sentences.kappa)}, agreement "
                           f"{figure(sentences.observed)} over {sentences.compared} sentences "
                           f"({sentences.unlabelled} not labelled)")
        for item in agreement.disagreements:
            entry = QListWidgetItem(item.describe(text))
            entry.setData(Qt.ItemDataRole.UserRole, item)
            self.disagreements.addItem(entry)
