"""The comparison panel: every metric of A and B side by side, the sharpest contrasts, charts.

Clicking (or pressing Enter on) a metric row emits `metricActivated(key)` so the window can
select the marks behind it. Charts come from `framelens.charts`, drawn off the GUI thread
(see `chart_view`) so an update never stalls typing in draft mode.
"""

from __future__ import annotations

import functools
import html

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
from framelens.gui.chart_view import ChartView
from framelens.gui.frame_table import FrameTable, headline_lines

EMPTY_HINT = ("Open an article in each pane to compare them: every metric side by side, "
              "the sharpest contrasts in plain words, and charts of opinion, loaded language "
              "and sources.")
KEY_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = ("Metric", "A", "B", "B \u2212 A")
# Chart text matches the window text at this application point size; larger fonts scale it.
CHART_BASE_POINT_SIZE = 12.0
# Below this width per unit of chart scale, charts go under the table instead of beside it.
MIN_CHART_WIDTH = 480
CHARTS = (charts.share_chart, charts.density_chart, charts.frame_chart, charts.technique_chart)
CHART_HEIGHTS = (340, 380, 200, 380)  # logical pixels at chart scale 1 (the figures' own
FRAME_CHART, TECHNIQUE_CHART = 2, 3  # proportions); the frame chart grows with its rows


def _frame_chart_height(comparison) -> int:
    from framelens.frame_comparison import frame_rows

    return round(160 + 42 * max(len(frame_rows(comparison.a, comparison.b)), 1))


def _uses_techniques(comparison) -> bool:
    return any(span.category == labels.TECHNIQUE for analysis in (comparison.a, comparison.b)
               for span in analysis.spans)


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
    frameActivated = Signal(str)  # a frame row was clicked: select its sentences
    chartsReady = Signal()  # both charts show the current comparison and theme

    def __init__(self, parent=None):
        super().__init__(parent)
        self.comparison = None
        self.dark = False
        self._chart_scale = self._chart_scale_now()

        self.hint = QLabel(EMPTY_HINT)
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setMargin(24)

        self.table = self._build_table()
        self.article_labels = [QLabel(), QLabel()]
        self.contrasts_title = QLabel("Sharpest contrasts")
        self.contrasts_label = QLabel()
        self.frames_title = QLabel("Frames: share of sentences (click to select them)")
        self.frame_table = FrameTable()
        self.frame_table.frameActivated.connect(self.frameActivated)
        charts_box = QWidget()
        self.charts_layout = QVBoxLayout(charts_box)
        self.charts_layout.setContentsMargins(4, 0, 4, 0)
        for label in (*self.article_labels, self.contrasts_title, self.contrasts_label):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.charts_layout.addWidget(label)
        self.charts_layout.addWidget(self.frames_title)
        self.charts_layout.addWidget(self.frame_table)
        self.chart_views = [ChartView(height) for height in CHART_HEIGHTS]
        for view in self.chart_views:
            view.rendered.connect(self._chart_rendered)
            self.charts_layout.addWidget(view)
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
        for column in (1, 2):  # spare width goes to the article titles
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
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

    def set_comparison(self, comparison, hint: str = EMPTY_HINT) -> None:
        """Show a Comparison, or for None the `hint` (what is missing, or what is coming)."""
        self.comparison = comparison
        if comparison is None:
            self.hint.setText(hint)
            self.stack.setCurrentWidget(self.hint)
            self._update_charts()
            return
        sides = (("A", comparison.a), ("B", comparison.b))
        for label, (side, analysis) in zip(self.article_labels, sides, strict=True):
            label.setText(_article_line(side, analysis))
        self._fill_table(comparison, sides)
        lines = headline_lines(comparison) + list(comparison.contrasts)
        items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
        self.contrasts_label.setText(f"<ul style='margin-left:0'>{items}</ul>" if items
                                     else "<i>No sharp contrasts: the two articles measure "
                                          "much alike.</i>")
        self.frame_table.set_comparison(comparison)
        self.frames_title.setVisible(self.frame_table.rowCount() > 0)
        self.stack.setCurrentWidget(self.splitter)
        self._update_charts()

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
        for column in (0, 3):
            table.setColumnWidth(column, widths[column])
        frame = 2 * table.frameWidth() + table.verticalScrollBar().sizeHint().width()
        table.setMinimumWidth(sum(widths) + frame)
        table.resizeRowsToContents()
        self.choose_orientation()

    def choose_orientation(self) -> None:
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
        self.choose_orientation()

    def set_dark(self, dark: bool) -> None:
        """Draw the charts for a dark (True) or light background."""
        if dark != self.dark:
            self.dark = dark
            self._update_charts()

    def _chart_scale_now(self) -> float:
        return max(0.75, self.font().pointSizeF() / CHART_BASE_POINT_SIZE)

    def _update_charts(self) -> None:
        """Ask each chart view to redraw (off the GUI thread) for the current comparison."""
        comparison, dark, scale = self.comparison, self.dark, self._chart_scale_now()
        shown = [comparison is not None] * len(CHARTS)
        if comparison is not None:
            shown[FRAME_CHART] = bool(comparison.a.frames or comparison.b.frames)
            shown[TECHNIQUE_CHART] = _uses_techniques(comparison)
            if shown[FRAME_CHART]:
                self.chart_views[FRAME_CHART].base_height = _frame_chart_height(comparison)
        for view, make, on in zip(self.chart_views, CHARTS, shown, strict=True):
            view.set_scale(scale)
            view.setMinimumWidth(int(MIN_CHART_WIDTH * scale * 0.9))
            view.setVisible(on or make not in (charts.frame_chart, charts.technique_chart))
            view.set_chart(functools.partial(make, comparison, dark=dark, font_scale=scale)
                           if on else None)

    def charts_pending(self) -> bool:
        """True while a chart is still being drawn for the current comparison."""
        return any(view.pending() for view in self.chart_views)

    def _chart_rendered(self) -> None:
        if not self.charts_pending():
            self.chartsReady.emit()

    def chart_figures(self) -> list:
        """The matplotlib figures on display (empty until drawn: the panel must be shown)."""
        return [view.figure for view in self.chart_views if view.figure is not None]

    def _apply_fonts(self) -> None:
        font = self.font()
        self.contrasts_title.setFont(_bold(font, 1.1))
        self.frames_title.setFont(_bold(font))
        self.table.horizontalHeader().setFont(_bold(font))
        self.hint.setFont(QFont(font))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._apply_fonts()
            self._fit_table()
            if abs(self._chart_scale_now() - self._chart_scale) > 0.01:
                self._chart_scale = self._chart_scale_now()
                self._update_charts()
