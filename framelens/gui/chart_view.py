"""A chart drawn off the GUI thread and shown as an image.

matplotlib's Agg renderer takes a few hundred milliseconds per comparison chart on a busy
2-core machine; drawing it on the GUI thread (as FigureCanvasQTAgg does) would stall typing
in draft mode. `framelens.charts` builds plain `Figure`s that are safe to draw in any thread,
so each chart is rendered on a dedicated single-thread pool and the finished pixels are
posted back. A newer request supersedes an older one; a stale image is never shown.
"""

from __future__ import annotations

import atexit
import logging

import shiboken6
from PySide6.QtCore import QRunnable, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from framelens.gui.threads import post_to_gui, single_thread_pool

log = logging.getLogger(__name__)
RESIZE_PAUSE_MS = 120
BASE_DPI = 100.0


_pool: QThreadPool | None = None


def chart_pool() -> QThreadPool:
    """The process-wide single-thread pool for chart rendering (created from the GUI thread)."""
    global _pool
    if _pool is None:
        _pool = single_thread_pool()
        atexit.register(wait_for_charts)
    return _pool


def wait_for_charts(msecs: int = 30000) -> bool:
    """Block until queued chart renders are done (for tests and shutdown)."""
    return _pool is None or _pool.waitForDone(msecs)


class _Ticket:
    """The newest request number of one view, readable from the chart thread."""

    def __init__(self):
        self.current = 0


def render(make, width: int, height: int, ratio: float):
    """Build a figure with `make()` and draw it at width x height logical pixels."""
    figure = make()
    figure.set_size_inches(width / BASE_DPI, height / BASE_DPI)
    figure.set_dpi(BASE_DPI * ratio)
    figure.canvas.draw()
    pixel_width, pixel_height = figure.canvas.get_width_height(physical=True)
    return figure, bytes(figure.canvas.buffer_rgba()), pixel_width, pixel_height


class _RenderTask(QRunnable):
    def __init__(self, ticket: _Ticket, number: int, job, done):
        super().__init__()
        self._ticket, self._number, self._job, self._done = ticket, number, job, done

    def run(self) -> None:
        if self._ticket.current != self._number:
            return  # superseded while queued
        try:
            result, error = self._job(), None
        except Exception as exc:  # a chart bug must not take the window down
            log.warning("chart rendering failed", exc_info=True)
            result, error = None, str(exc) or type(exc).__name__
        done, number = self._done, self._number
        post_to_gui(lambda: done(number, result, error))


class ChartView(QWidget):
    """Shows one chart; `set_chart(make)` with a no-argument figure factory, or None to clear."""

    rendered = Signal()

    def __init__(self, base_height: int, parent=None):
        super().__init__(parent)
        self.base_height = base_height
        self.scale = 1.0
        self.figure = None
        self.error: str | None = None
        self._make = None
        self._dirty = False
        self._pixmap: QPixmap | None = None
        self._ticket = _Ticket()
        self._shown = 0
        self._drawn_size = QSize()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RESIZE_PAUSE_MS)
        self._timer.timeout.connect(self._request)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(800, round(self.base_height * self.scale))

    def set_scale(self, scale: float) -> None:
        """Scale the chart's height with its text (projector fonts)."""
        self.scale = scale
        self.setFixedHeight(round(self.base_height * scale))

    def set_chart(self, make) -> None:
        """Draw the figure `make()` returns (off the GUI thread); None clears the view."""
        self._make, self._dirty = make, make is not None
        if make is None:
            self._ticket.current += 1
            self.figure, self._pixmap, self.error = None, None, None
            self.update()
            return
        self._request()

    def pending(self) -> bool:
        """True while the chart on screen is not the one last asked for."""
        return self._make is not None and (self._dirty or self._shown != self._ticket.current)

    def _request(self) -> None:
        if self._make is None or not self.isVisible() or self.width() < 50:
            return
        self._dirty = False
        self._ticket.current += 1
        make, size, ratio = self._make, self.size(), self.devicePixelRatioF()
        chart_pool().start(_RenderTask(self._ticket, self._ticket.current,
                                       lambda: render(make, size.width(), size.height(), ratio),
                                       self._done))

    def _done(self, number: int, result, error: str | None) -> None:
        if not shiboken6.isValid(self) or number != self._ticket.current:
            return
        if result is None:
            self._shown, self.error = number, error
            self.update()
            self.rendered.emit()
            return
        self._shown = number
        figure, pixels, width, height = result
        image = QImage(pixels, width, height, QImage.Format.Format_RGBA8888).copy()
        self._pixmap = QPixmap.fromImage(image)
        self._pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.figure, self.error = figure, None
        self.update()
        self.rendered.emit()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        if self._pixmap is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawPixmap(self.rect(), self._pixmap)
        elif self.error:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             f"The chart could not be drawn: {self.error}")
        painter.end()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._make is not None:
            self._dirty = True
            self._timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self._timer.start()
