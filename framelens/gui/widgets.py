"""Small labels that never push the layout around: one that elides to a single line on
demand (pane titles in presentation mode), one that picks the longest wording that fits
(the status bar's summary); and the two-article stack of the Sources and Techniques tabs."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QSplitter, QTreeWidget, QVBoxLayout, QWidget


class ElidedLabel(QLabel):
    """A word-wrapped label that can be switched to one elided line; the full text is
    always in its tooltip."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.eliding = False
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
        """The text as drawn: elided to the label's width when eliding."""
        if not self.eliding:
            return self.text()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                             self.contentsRect().width())

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
        if not self.eliding:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        self.style().drawItemText(painter, self.contentsRect(),
                                  int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                                  self.palette(), self.isEnabled(), self.shown_text(),
                                  self.foregroundRole())


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
