"""Small labels that never push the layout around: one that elides to a single line on
demand (pane titles in presentation mode) or to a few lines (long headlines), one that picks
the longest wording that fits (the status bar's summary); and the two-article stack of the
Sources and Techniques tabs."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QSplitter, QTreeWidget, QVBoxLayout, QWidget


class ElidedLabel(QLabel):
    """A word-wrapped label that can be switched to one elided line, and wraps to at most
    `max_lines` lines (the last cut with "…"; 0: no limit); the full text is always in its
    tooltip."""

    def __init__(self, parent: QWidget | None = None, max_lines: int = 0):
        super().__init__(parent)
        self.eliding = False
        self.max_lines = max_lines
        self.setWordWrap(True)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        self.setToolTip(text)

    def set_eliding(self, on: bool) -> None:
        """One line cut with "…" (True), or the whole text wrapped (False)."""
        self.eliding = on
        self.setWordWrap(not on)
        self.updateGeometry()
        self.update()

    def shown_text(self) -> str:
        """The text as drawn: elided to the label's width when eliding, else to
        `max_lines` lines."""
        if not self.eliding:
            if not self.max_lines:
                return self.text()
            return within_lines(self.text(), self.fontMetrics(), self.contentsRect().width(),
                                self.max_lines)
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                             self.contentsRect().width())

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        height = super().heightForWidth(width)
        if self.eliding or not self.max_lines:
            return height
        margins = self.contentsMargins()
        most = (self.max_lines * self.fontMetrics().lineSpacing() + margins.top()
                + margins.bottom())
        return min(height, most)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        if not self.eliding:
            return super().minimumSizeHint()
        margins = self.contentsMargins()
        return QSize(0, self.fontMetrics().height() + margins.top() + margins.bottom())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        if not self.eliding:
            return super().sizeHint()
        return QSize(super().sizeHint().width(), self.minimumSizeHint().height())

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        shown = self.shown_text()
        if not self.eliding and shown == self.text():
            super().paintEvent(event)
            return
        align = (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter if self.eliding
                 else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                 | Qt.TextFlag.TextWordWrap)
        painter = QPainter(self)
        self.style().drawItemText(painter, self.contentsRect(), int(align), self.palette(),
                                  self.isEnabled(), shown, self.foregroundRole())


def within_lines(text: str, metrics, width: int, lines: int) -> str:
    """`text` if it wraps to at most `lines` lines at `width`, else its longest run of whole
    words that does with "…" after it."""
    limit = lines * metrics.lineSpacing()

    def fits(candidate: str) -> bool:
        box = metrics.boundingRect(QRect(0, 0, max(width, 1), 1 << 20),
                                   int(Qt.TextFlag.TextWordWrap), candidate)
        return box.height() <= limit

    if fits(text):
        return text
    words = text.split(" ")
    low, high = 0, len(words) - 1
    while low < high:  # the most words that fit, found by halving
        middle = (low + high + 1) // 2
        if fits(" ".join(words[:middle]) + "\u2026"):
            low = middle
        else:
            high = middle - 1
    if low == 0:
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    return " ".join(words[:low]) + "\u2026"


class FittingLabel(QLabel):
    """A one-line label given several wordings, longest first: it shows the longest that
    fits its width (the last, elided, if none does) and the first in its tooltip."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.wordings: list[str] = [""]

    def set_wordings(self, wordings: list[str]) -> None:
        self.wordings = list(wordings) or [""]
        self.setToolTip(self.wordings[0])
        self._fit()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(0, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self.fontMetrics().horizontalAdvance(self.wordings[0]) + 8,
                     super().sizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        self._fit()

    def _fit(self) -> None:
        metrics, width = self.fontMetrics(), self.contentsRect().width()
        for wording in self.wordings:
            if metrics.horizontalAdvance(wording) <= width:
                shown = wording
                break
        else:
            shown = metrics.elidedText(self.wordings[-1], Qt.TextElideMode.ElideRight, width)
        if shown != self.text():
            super().setText(shown)


def stack_articles(panel: QWidget, headers: list[QLabel], views: list[QWidget]) -> None:
    """Lay out one header and view per article, A above B, in a splitter filling `panel`."""
    splitter = QSplitter(Qt.Orientation.Vertical)
    splitter.setChildrenCollapsible(False)
    for header, view in zip(headers, views, strict=True):
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 4, 0, 0)
        header.setWordWrap(True)
        header.setTextFormat(Qt.TextFormat.RichText)
        box_layout.addWidget(header)
        box_layout.addWidget(view, 1)
        splitter.addWidget(box)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(splitter)


def activating_tree(columns: tuple[str, ...] | list[str], activate) -> QTreeWidget:
    """A tree with `columns` and alternating rows whose click or Enter calls
    `activate(item)` (the panels' lists of passages to jump to)."""
    tree = QTreeWidget()
    tree.setColumnCount(len(columns))
    tree.setHeaderLabels(list(columns))
    tree.setAlternatingRowColors(True)
    tree.setUniformRowHeights(True)
    tree.itemClicked.connect(lambda item, _column: activate(item))
    tree.itemActivated.connect(lambda item, _column: activate(item))
    return tree
