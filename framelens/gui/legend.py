"""The legend: one row per category, drawn with the category's own style, with a toggle
and a live count for each pane. The selected row is the category for next/previous mark."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import QApplication, QHeaderView, QTreeWidget, QTreeWidgetItem

from framelens import labels, styles
from framelens.gui import formats

PANE_LETTERS = ("A", "B")


class Legend(QTreeWidget):
    """Category toggles with counts per pane."""

    toggled = Signal(object)  # set of enabled categories
    categorySelected = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setColumnCount(3)
        self.setHeaderLabels(["Category", "A", "B"])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.items: dict[str, QTreeWidgetItem] = {}
        self._dark = False
        for category, style in styles.category_styles().items():
            item = QTreeWidgetItem([style.name, "0", "0"])
            item.setData(0, Qt.ItemDataRole.UserRole, category)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked)
            item.setToolTip(0, style.description)
            for column in (1, 2):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            self.addTopLevelItem(item)
            self.items[category] = item
        self._last_enabled = self.enabled()
        self.itemChanged.connect(self._item_changed)
        self.currentItemChanged.connect(self._current_changed)

    def enabled(self) -> set[str]:
        """The categories whose toggle is on."""
        return {c for c, item in self.items.items()
                if item.checkState(0) == Qt.CheckState.Checked}

    def set_enabled(self, categories: set[str]) -> None:
        self.blockSignals(True)
        for category, item in self.items.items():
            state = Qt.CheckState.Checked if category in categories else Qt.CheckState.Unchecked
            item.setCheckState(0, state)
        self.blockSignals(False)
        self._last_enabled = self.enabled()
        self.toggled.emit(self._last_enabled)

    def set_toggle(self, category: str, on: bool) -> None:
        """Switch one category on or off (as a click on its box does)."""
        self.items[category].setCheckState(
            0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def set_counts(self, pane: int, counts: dict[str, int] | None,
                   credited: dict[str, int] | None = None) -> None:
        """Show the mark counts of pane 0 (A) or 1 (B); None shows a dash. `credited` are the
        quote marks of beliefs or plans credited to someone: a row shows them apart
        ("1+5": one quote, five credited beliefs), so its first figure is the quote count
        the status bar and the Sources tab give."""
        for category, item in self.items.items():
            column = pane + 1
            if counts is None:
                item.setText(column, "\u2013")
                item.setToolTip(column, "")
                continue
            total, apart = counts.get(category, 0), (credited or {}).get(category, 0)
            item.setText(column, f"{total - apart}+{apart}" if apart else str(total))
            item.setToolTip(column, (
                f"{total - apart} in quotes (words someone said or wrote) + {apart} in beliefs "
                "or plans the writer credits to someone (the writer's account, not anyone's "
                "words)") if apart else f"{total} marks in {PANE_LETTERS[pane]}")

    def selected_category(self) -> str | None:
        item = self.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def restyle(self, dark: bool, point_size: float) -> None:
        """Redraw the swatches for the theme and font size."""
        self._dark = dark
        # The application's palette, not this widget's: the widget learns of a theme
        # switch only later, and would draw light-theme swatches in the old text colour.
        text_color = QApplication.palette().color(QPalette.ColorRole.Text)
        size = QSize(0, 0)
        for category, item in self.items.items():
            pixmap = formats.swatch(category, dark, point_size, text_color,
                                    sample=styles.style(category).symbol or "Aa")
            size = size.expandedTo(pixmap.size())
            item.setIcon(0, QIcon(pixmap))
        self.setIconSize(size)

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        # New swatch icons and counts change items too: only a change of toggles is news.
        enabled = self.enabled()
        if column == 0 and enabled != self._last_enabled:
            self._last_enabled = enabled
            self.toggled.emit(enabled)

    def _current_changed(self, current: QTreeWidgetItem | None, _previous) -> None:
        if current is not None:
            self.categorySelected.emit(current.data(0, Qt.ItemDataRole.UserRole))


def category_names() -> dict[str, str]:
    """Display names of the categories (for menus and status lines)."""
    return {category: styles.style(category).name for category in labels.STYLED_CATEGORIES}
