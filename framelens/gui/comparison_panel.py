"""The comparison panel: every metric of A and B side by side, the sharpest contrasts, charts.

Clicking (or pressing Enter on) a metric row emits `metricActivated(key)` so the window can
select the marks behind it. Charts come from `framelens.charts` and are embedded with
matplotlib's Qt backend, imported only when the first chart is drawn.
"""

from __future__ import annotations

import html
import os

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from framelens import charts, labels

EMPTY_HINT = ("Open an article in each pane to compare them: every metric side by side, "
              "the sharpest contrasts in plain words, and charts of opinion, loaded language "
              "and sources.")
KEY_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = ("Metric", "A", "B", "B \u2212 A")
# Chart text matches the window text at this application point size; larger fonts scale it.
CHART_BASE_POINT_SIZE = 12.0
# Below this width per unit of chart scale, charts go under the table instead of beside it.
MIN_CHART_WIDTH = 480


def _bold(font: QFont, factor: float = 1.0) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    if factor != 1.0:
        bold.setPointSizeF(font.pointSizeF() * factor)
    return bold


def _article_line(side: str, analysis) -> str:
    """'A — title · reads as opinion (score 0.82)' as rich text."""
    title = html.escape(charts.short_title(analysis, 90) or "(untitled)")
    genre = analysis.genre
    return (f"<b>{side}</b> \u2014 {title}<br>reads as <b>{html.escape(genre.label)}</b> "
            f"(score {genre.score:.2f})")


class ComparisonPanel(QWidget):
    """Metrics table, contrasts and charts for the two articles."""

    metricActivated = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.comparison = None
        self.dark = False
        self._canvases: list[QWidget] = []
        self._charts_stale = False
        self._chart_scale = 1.0

        self.hint = QLabel(EMPTY_HINT)
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setMargin(24)

        self.table = self._build_table()
        self.article_labels = [QLabel(), QLabel()]
        self.contrasts_title = QLabel("Sharpest contrasts")
        self.contrasts_label = QLabel()
        charts_box = QWidget()
        self.charts_layout = QVBoxLayout(charts_box)
        self.charts_layout.setContentsMargins(4, 0, 4, 0)
        for label in (*self.article_labels, self.contrasts_title, self.contrasts_label):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.charts_layout.addWidget(label)
        self.charts_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(charts_box)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([400, 500])

        self.stack = QStackedWidget()
        self.stack.addWidget(self.hint)
        self.stack.addWidget(self.splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._apply_fonts()

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(len(labels.METRICS), len(COLUMNS))
        table.setHorizontalHeaderLabels(COLUMNS)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.cellClicked.connect(self._row_activated)
        table.cellActivated.connect(self._row_activated)
        return table

    def _row_activated(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        if item is not None and item.data(KEY_ROLE):
            self.metricActivated.emit(item.data(KEY_ROLE))

    def metric_keys(self) -> list[str]:
        """The metric keys in table order (for tests and the window)."""
        return [self.table.item(row, 0).data(KEY_ROLE) for row in range(self.table.rowCount())
                if self.table.item(row, 0) is not None]

    def row_of(self, key: str) -> int:
        """The table row showing metric `key` (-1 when absent)."""
        keys = self.metric_keys()
        return keys.index(key) if key in keys else -1

    def set_comparison(self, comparison) -> None:
        """Show a Comparison, or the empty-state hint for None."""
        self.comparison = comparison
        if comparison is None:
            self.stack.setCurrentWidget(self.hint)
            self._clear_charts()
            return
        sides = (("A", comparison.a), ("B", comparison.b))
        for label, (side, analysis) in zip(self.article_labels, sides, strict=True):
            label.setText(_article_line(side, analysis))
        self._fill_table(comparison, sides)
        items = "".join(f"<li>{html.escape(line)}</li>" for line in comparison.contrasts)
        self.contrasts_label.setText(f"<ul style='margin-left:0'>{items}</ul>" if items
                                     else "<i>No sharp contrasts: the two articles measure "
                                          "much alike.</i>")
        self.stack.setCurrentWidget(self.splitter)
        self._charts_stale = True
        self._refresh_charts()

    def _fill_table(self, comparison, sides) -> None:
        for column, (side, analysis) in enumerate(sides, start=1):
            title = charts.short_title(analysis, 40)
            header = QTableWidgetItem(f"{side}: {title}" if title else side)
            header.setToolTip(analysis.title or analysis.source or side)
            self.table.setHorizontalHeaderItem(column, header)
        rows = {row.key: row for row in comparison.rows}
        infos = [info for info in labels.METRICS if info.key in rows]
        self.table.setRowCount(len(infos))
        align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for index, info in enumerate(infos):
            values = rows[info.key].formatted()
            tooltip = f"{info.label} ({info.unit}): {info.description}"
            for column, text in enumerate((info.label, *values)):
                item = QTableWidgetItem(text)
                item.setToolTip(tooltip)
                if column:
                    item.setTextAlignment(align)
                self.table.setItem(index, column, item)
            self.table.item(index, 0).setData(KEY_ROLE, info.key)
        self._fit_table()

    def _fit_table(self) -> None:
        """Size the value columns to their numbers (titles elide) and keep metric names whole."""
        table = self.table
        cells = QFontMetrics(table.font())
        heads = QFontMetrics(table.horizontalHeader().font())
        pad = cells.height()
        widths = []
        for column in range(len(COLUMNS)):
            texts = [table.item(row, column).text() for row in range(table.rowCount())
                     if table.item(row, column) is not None]
            widths.append(max((cells.horizontalAdvance(t) for t in texts), default=0) + pad)
        for column in (1, 2):
            widths[column] = max(widths[column], heads.horizontalAdvance("A: Wire\u2026") + pad)
        widths[3] = max(widths[3], heads.horizontalAdvance(COLUMNS[3]) + pad)
        for column in (1, 2, 3):
            table.setColumnWidth(column, widths[column])
        frame = 2 * table.frameWidth() + table.verticalScrollBar().sizeHint().width()
        table.setMinimumWidth(sum(widths) + frame)
        table.resizeRowsToContents()
        self._choose_orientation()

    def _choose_orientation(self) -> None:
        """Charts beside the table when they fit, else below it (large fonts, narrow windows)."""
        needed = self.table.minimumWidth() + MIN_CHART_WIDTH * self._chart_scale_now()
        wide = self.width() >= needed
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)
            extent = self.width() if wide else self.height()
            self.splitter.setSizes([extent * 4 // 9, extent * 5 // 9])

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._choose_orientation()

    def set_dark(self, dark: bool) -> None:
        """Draw the charts for a dark (True) or light background."""
        if dark != self.dark:
            self.dark = dark
            self._charts_stale = True
            self._refresh_charts()

    def _chart_scale_now(self) -> float:
        return max(0.75, self.font().pointSizeF() / CHART_BASE_POINT_SIZE)

    def _refresh_charts(self) -> None:
        """Redraw the charts if they are out of date and the panel is on screen."""
        if not self._charts_stale or self.comparison is None or not self.isVisible():
            return
        self._charts_stale = False
        self._clear_charts()
        os.environ.setdefault("QT_API", "pyside6")
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        self._chart_scale = self._chart_scale_now()
        for make in (charts.share_chart, charts.density_chart):
            figure = make(self.comparison, dark=self.dark, font_scale=self._chart_scale)
            canvas = FigureCanvasQTAgg(figure)
            height = figure.get_size_inches()[1]
            canvas.setMinimumHeight(int(height * figure.dpi * self._chart_scale * 0.8))
            canvas.setMinimumWidth(int(MIN_CHART_WIDTH * self._chart_scale * 0.9))
            self.charts_layout.insertWidget(self.charts_layout.count() - 1, canvas)
            self._canvases.append(canvas)

    def _clear_charts(self) -> None:
        for canvas in self._canvases:
            self.charts_layout.removeWidget(canvas)
            canvas.deleteLater()
        self._canvases = []

    def chart_figures(self) -> list:
        """The matplotlib figures on display (empty until the panel is shown)."""
        return [canvas.figure for canvas in self._canvases]

    def _apply_fonts(self) -> None:
        font = self.font()
        self.contrasts_title.setFont(_bold(font, 1.1))
        self.table.horizontalHeader().setFont(_bold(font))
        self.hint.setFont(QFont(font))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._refresh_charts()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._apply_fonts()
            self._fit_table()
            if abs(self._chart_scale_now() - self._chart_scale) > 0.01:
                self._charts_stale = True
                self._refresh_charts()
