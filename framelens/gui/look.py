"""How the main window looks: theme, font sizes and the room the legend needs.

The text takes the zoomed size; legend, explanations, tabs and pane headers a little less;
menus, status bar and dock title keep the desktop's size, except in presentation mode,
where everything is read from the back of a room and takes the zoomed size too.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication, QMenu

from framelens.gui import panels, theme
from framelens.gui.presentation import STRIP_SCALE
from framelens.gui.settings import MIN_FONT_SIZE

LABEL_SCALE = 0.85  # labels relative to the article text


def label_size(window) -> float:
    return max(window.font_size * LABEL_SCALE, MIN_FONT_SIZE)


def apply_look(window) -> None:
    """Apply theme, contrast and font sizes to the whole window."""
    theme.apply_theme(QApplication.instance(), window.dark, window.presenting, window.font_size)
    for pane in window.panes:
        font = pane.editor.font()
        font.setPointSizeF(window.font_size)
        pane.editor.setFont(font)
        pane.editor.set_style(window.legend.enabled(), window.dark)
    small = label_size(window)
    for widget in (window.legend, window.explanation, window.tabs, *window.panes):
        font = widget.font()
        font.setPointSizeF(small)
        widget.setFont(font)
    window.legend.restyle(window.dark, small)
    scale_chrome(window)
    fit_legend(window)
    panels.set_dark(window.comparison_panel, window.dark)


def scale_chrome(window) -> None:
    """Menus, status bar, dock title and the legend strip: the zoomed size when presenting,
    the desktop's own size otherwise."""
    chrome = QFont(QApplication.font())
    if window.presenting:
        chrome.setPointSizeF(max(label_size(window), chrome.pointSizeF()))
    for widget in (window.menuBar(), window.statusBar(), window.dock, window.side.why_label,
                   window.side.details_box, *window.menuBar().findChildren(QMenu)):
        widget.setFont(chrome)
    text_color = QApplication.palette().color(QPalette.ColorRole.Text)
    window.presenter.strip.restyle(window.legend.enabled(), window.dark,
                                   max(window.font_size * STRIP_SCALE, MIN_FONT_SIZE), text_color)


def fit_legend(window) -> None:
    """Widen the legend dock so category names are never cut at large font sizes."""
    legend = window.legend
    metrics = legend.fontMetrics()
    items = [legend.topLevelItem(i) for i in range(legend.topLevelItemCount())]
    name = max(metrics.horizontalAdvance(item.text(0)) for item in items)
    count = metrics.horizontalAdvance("0000")
    # check box, symbol and padding beside the name, then the two count columns
    needed = name + 4 * metrics.height() + 2 * count + legend.frameWidth() * 2
    if window.dock.width() < needed:
        window.resizeDocks([window.dock], [needed], Qt.Orientation.Horizontal)
        window.dock_width.remember()
