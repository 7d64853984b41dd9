"""The articles get the larger share of the window's height.

The tab area below them (Comparison, Sources, Techniques, Aligned claims) starts at a third
of the height. When it has less room than its pages ask for (a large font on a laptop
screen) it scrolls, rather than pushing the articles down to a few lines.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget

TAB_SHARE = 1 / 3  # of the height shared by the articles and the tabs, at first
LEAST_LINES = 4  # of the tabs' text that stay in view however small the tab area is made
SPLIT_KEY = "articles_tabs"  # the saved split (the key before it held a half-and-half default)


class TabArea(QScrollArea):
    """Holds the tab widget: scrolls it when squeezed below its pages' height, and is shown
    and hidden with it (`tabs.hide()` folds the area away)."""

    def __init__(self, tabs: QTabWidget):
        super().__init__()
        self.tabs = tabs
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(tabs)
        tabs.installEventFilter(self)

    def least_height(self) -> int:
        return self.tabs.tabBar().sizeHint().height() + LEAST_LINES * (
            self.tabs.fontMetrics().lineSpacing())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        inner = self.tabs.minimumSizeHint()  # as wide as before: only the height gives way
        return QSize(inner.width(), min(inner.height(), self.least_height()))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.tabs.sizeHint()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.tabs:
            if event.type() == QEvent.Type.HideToParent:
                self.hide()
            elif event.type() == QEvent.Type.ShowToParent:
                self.show()
            elif event.type() in (QEvent.Type.FontChange, QEvent.Type.LayoutRequest):
                self.updateGeometry()
        return False


def give_articles_room(window) -> None:
    """Unless a split was saved: the tabs at most `TAB_SHARE` of the height (of the window's
    present height, before it is first laid out)."""
    if window.settings.window_state(SPLIT_KEY) is not None:
        return
    height = max(window.height(), 3)
    tabs = round(height * TAB_SHARE)
    window.vertical.setSizes([height - tabs, tabs])
