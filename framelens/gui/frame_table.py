"""The comparison tab's frame parts: a small table of frame shares (A, B) whose rows select
that frame's sentences in both panes, and the headline check in plain words."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from framelens.frame_comparison import frame_rows

FRAME_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = ("Frame", "A", "B")


def headline_lines(comparison, names: tuple[str, str] = ("A", "B")) -> list[str]:
    """"A's headline: …" for each article whose headline check found something."""
    lines = []
    for name, analysis in zip(names, (comparison.a, comparison.b), strict=True):
        check = getattr(analysis, "headline", None)
        if check is not None:
            lines += [f"{name}\u2019s headline: {finding}" for finding in check.findings]
    return lines


def show_frame(window, frame: str) -> None:
    """Select, in both panes of `window`, the sentences that carry `frame`."""
    from framelens.frame_comparison import frame_ranges

    for pane in window.panes:
        if pane.analysis is not None:
            ranges = frame_ranges(pane.analysis, frame)
            window.show_ranges(pane.index, [(r.start, r.end) for r in ranges])


def headline_note(analysis) -> str:
    """The pane's line on its headline ("Headline: The headline is more alarming than the
    article."), or "" when the headline fits the body."""
    check = getattr(analysis, "headline", None)
    if check is None or not check.findings:
        return ""
    return "Headline: " + " ".join(check.findings)


class FrameTable(QTableWidget):
    """Frame shares of A and B, larger first; a click (or Enter) emits `frameActivated(id)`."""

    frameActivated = Signal(str)

    def __init__(self, parent=None):
        super().__init__(0, len(COLUMNS), parent)
        self.setHorizontalHeaderLabels(COLUMNS)
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setToolTip("Click a frame to select its sentences in both articles.")
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.cellClicked.connect(self._activated)
        self.cellActivated.connect(self._activated)

    def set_comparison(self, comparison) -> None:
        """Fill from a Comparison (None or no frames: empty and hidden)."""
        rows = frame_rows(comparison.a, comparison.b) if comparison is not None else ()
        self.setRowCount(len(rows))
        align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for index, row in enumerate(rows):
            for column, text in enumerate((row.name, f"{row.a:.0%}", f"{row.b:.0%}")):
                item = QTableWidgetItem(text)
                item.setData(FRAME_ROLE, row.frame)
                if column:
                    item.setTextAlignment(align)
                self.setItem(index, column, item)
        self.resizeRowsToContents()
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(r) for r in range(self.rowCount()))
        self.setFixedHeight(height)
        self.setVisible(bool(rows))

    def frames(self) -> list[str]:
        """The frame ids in table order."""
        return [self.item(r, 0).data(FRAME_ROLE) for r in range(self.rowCount())]

    def _activated(self, row: int, _column: int) -> None:
        item = self.item(row, 0)
        if item is not None:
            self.frameActivated.emit(item.data(FRAME_ROLE))
