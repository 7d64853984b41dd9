"""Presentation mode: on a projector the article text gets the screen.

Entering it keeps a copy of the layout; titles go to one elided line, the legend dock gives
way to a one-line strip (F9 brings the full legend back, and takes it away again), the
Comparison and Sources tabs fold away (F10 shows them), and every label takes the zoomed
size. One-pane focus (F12) hides the other pane, in or out of presentation mode. Leaving
puts back exactly what was there.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from framelens import styles
from framelens.gui import formats

STRIP_SCALE = 0.65  # the strip's names, relative to the article text


@dataclass(frozen=True)
class SavedLayout:
    """What presentation mode changes, as it was before."""

    geometry: QRect
    state: QByteArray
    panes: QByteArray
    vertical: QByteArray
    window_state: Qt.WindowState
    font_size: float
    tabs_visible: bool
    focused_pane: int | None


class LegendStrip(QWidget):
    """The legend on one line: each switched-on category's name drawn as it is marked."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("legendStrip")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setToolTip("The legend (F9 shows it in full, with counts and explanations)")
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(6, 2, 6, 2)
        self.row.setSpacing(14)
        self.names: dict[str, QLabel] = {}
        self.enabled: set[str] = set()
        for category, style in styles.category_styles().items():
            label = QLabel()
            label.setToolTip(f"{style.name}: {style.description}")
            label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            self.names[category] = label
            self.row.addWidget(label)
        self.more = QLabel()
        self.row.addWidget(self.more)
        self.row.addStretch(1)

    def restyle(self, enabled: set[str], dark: bool, point_size: float, text_color) -> None:
        """Draw the names of the `enabled` categories at `point_size` for the theme."""
        self.enabled = set(enabled)
        for category, label in self.names.items():
            label.setPixmap(formats.swatch(category, dark, point_size, text_color,
                                           sample=styles.style(category).name))
        font = self.more.font()
        font.setPointSizeF(point_size)
        self.more.setFont(font)
        self._fit()

    def _fit(self) -> None:
        """Show whole names only, as many as fit; the rest are counted ("+3 more: F9")."""
        margins = self.row.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        needed = sum(label.pixmap().width() + self.row.spacing()
                     for category, label in self.names.items() if category in self.enabled)
        if needed > room:  # keep room to say how many are left out
            room -= self.more.fontMetrics().horizontalAdvance("+10 more (F9)") + self.row.spacing()
        hidden = 0
        for category, label in self.names.items():
            width = label.pixmap().width() + self.row.spacing()
            fits = category in self.enabled and width <= room and not hidden
            label.setVisible(fits)
            if fits:
                room -= width
            elif category in self.enabled:
                hidden += 1
        self.more.setText(f"+{hidden} more (F9)" if hidden else "")
        self.more.setVisible(bool(hidden))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(0, super().sizeHint().height())


class Presenter:
    """Presentation mode and one-pane focus of a MainWindow."""

    def __init__(self, window):
        self.window = window
        self.active = False
        self.full_legend = False  # in presentation mode: the legend dock instead of the strip
        self.focused_pane: int | None = None
        self.saved: SavedLayout | None = None
        self.strip = LegendStrip()
        self.strip.hide()

    def enter(self, font_size: float, full_screen: bool = True) -> None:
        """Keep the layout, then give the text the screen at `font_size` or larger."""
        window = self.window
        self.saved = SavedLayout(window.geometry(), window.saveState(),
                                 window.splitter.saveState(), window.vertical.saveState(),
                                 window.windowState(), window.font_size,
                                 window.tabs.isVisibleTo(window), self.focused_pane)
        self.active, self.full_legend = True, False
        window.font_size = max(window.font_size, font_size)
        if full_screen:
            window.showFullScreen()
        window.tabs.hide()
        self._arrange()

    def leave(self) -> None:
        """Put back the layout kept by `enter`, exactly."""
        saved, window = self.saved, self.window
        self.active, self.full_legend, self.saved = False, False, None
        if saved is None:
            return
        window.font_size = saved.font_size
        self.focused_pane = saved.focused_pane
        if saved.window_state & Qt.WindowState.WindowMaximized:
            window.showMaximized()
        else:
            window.showNormal()
        self._arrange()
        window.apply_look()
        self._restore(saved)
        # the window system may apply the end of full screen later: restore after it too
        QTimer.singleShot(0, lambda: self._restore(saved))

    def _restore(self, saved: SavedLayout) -> None:
        if self.active:
            return
        window = self.window
        if not saved.window_state & Qt.WindowState.WindowMaximized:
            window.setGeometry(saved.geometry)
        window.tabs.setVisible(saved.tabs_visible)
        # lay out the smaller menus and status bar first, or the splitters are restored
        # into the old room and then stretched
        window.layout().activate()
        window.centralWidget().layout().activate()
        window.restoreState(saved.state)
        window.splitter.restoreState(saved.panes)
        window.vertical.restoreState(saved.vertical)
        window.dock_width.remember()
        if window.comparison_panel is not None:  # charts beside the table again if they fit
            window.comparison_panel.choose_orientation()

    def toggle_legend(self) -> None:
        """F9: in presentation mode the strip or the full legend; otherwise the legend dock."""
        if self.active:
            self.full_legend = not self.full_legend
            self._arrange()
            if self.full_legend:
                self.window.fit_legend()
        else:
            self.window.dock.setVisible(not self.window.dock.isVisible())

    def toggle_panels(self) -> None:
        """F10: show or fold away the Comparison and Sources tabs."""
        tabs = self.window.tabs
        tabs.setVisible(not tabs.isVisibleTo(self.window))

    def toggle_one_pane(self) -> None:
        """F12: only the active pane, or both side by side."""
        self.focused_pane = None if self.focused_pane is not None else self.window.active
        self._arrange()

    def _arrange(self) -> None:
        window = self.window
        for pane in window.panes:
            pane.set_compact(self.active)
            pane.setVisible(self.focused_pane in (None, pane.index))
        self.strip.setVisible(self.active and not self.full_legend)
        if self.active:
            window.dock.setVisible(self.full_legend)
