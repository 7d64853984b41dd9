"""Docks recover their width: a window squeezed narrow squeezes the legend dock, and when
it grows again the dock gets back the width the user (or the app) last chose for it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow


class DockWidthKeeper(QObject):
    """Keeps the width chosen for `dock`: by a drag of its separator (a mouse press on the
    main window itself) or by `remember()`; squeezes by the window are not choices."""

    def __init__(self, window: QMainWindow, dock: QDockWidget):
        super().__init__(window)
        self.window, self.dock = window, dock
        self.wanted = 0
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(0)
        self.settle.timeout.connect(self.recover)
        window.installEventFilter(self)

    def remember(self) -> None:
        """Take the dock's present width as the one to keep."""
        if self.dock.isVisible() and not self.dock.isFloating():
            self.wanted = self.dock.width()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == QEvent.Type.Resize:
            self.settle.start()
        elif kind == QEvent.Type.MouseButtonRelease:  # the end of a separator drag
            self.remember()
        return False

    def recover(self) -> None:
        """Give the dock back the width kept, as far as the central widget has room."""
        dock, window = self.dock, self.window
        if not self.wanted:  # the window's first layout: its width is the one to keep
            self.remember()
        if not dock.isVisible() or dock.isFloating() or dock.width() >= self.wanted:
            return
        central = window.centralWidget()
        room = max(central.width() - central.minimumSizeHint().width(), 0)
        width = min(self.wanted, dock.width() + room)
        if width > dock.width():
            window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
