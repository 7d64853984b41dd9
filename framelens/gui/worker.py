"""Analysis off the GUI thread: one worker thread per process, results posted back.

The spaCy pipeline is not thread-safe, so every model call (warm-up and analysis) runs on
one single-thread pool whose thread never expires. Results come back to the GUI thread
through a queued signal (after picard's `run_task`). Each pane has a request counter: a
newer request supersedes an older one, queued stale requests are skipped, and a stale
result is dropped instead of being drawn over newer text. Progress reported by the engine
while it parses is forwarded the same way, throttled, and only for the newest request.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from framelens.gui.threads import post_to_gui, single_thread_pool
from framelens.textio import InputError

log = logging.getLogger(__name__)
PROGRESS_MIN_STEP = 0.01  # forward a progress report only when it advanced this much


_pool: QThreadPool | None = None


def analysis_pool() -> QThreadPool:
    """The process-wide single-thread pool (created on first use, from the GUI thread)."""
    global _pool
    if _pool is None:
        _pool = single_thread_pool(keep_thread=True)
    return _pool


class _Task(QRunnable):
    """Runs `job` on the worker thread and posts `done(result, error)` to the GUI thread."""

    def __init__(self, job: Callable[[], Any], done: Callable[[Any, str | None], None]):
        super().__init__()
        self._job = job
        self._done = done

    def run(self) -> None:
        try:
            result, error = self._job(), None
        except Exception as exc:  # any failure becomes a message in the window
            log.debug("background job failed", exc_info=True)
            result, error = None, _one_line(exc)
        done = self._done
        post_to_gui(lambda: done(result, error))


class _Refused(Exception):
    """An analysis failure already phrased for the user in one line."""


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def default_analyze(text: str, source: str | None, progress=None, words=None):
    """The real engine (imported on the worker thread so the window opens first); `words`:
    the user's word lists switched on (`wordlists.UserWords`)."""
    from framelens import engine

    return engine.analyze(text, source, progress=progress, words=words)


def default_warm_up() -> None:
    """Load the language model, and the engine's other one-time data (on the worker thread)."""
    from framelens import engine

    engine.warm_up()


class AnalysisRunner(QObject):
    """Sends analysis requests to the worker thread and reports their fate as signals."""

    modelReady = Signal()
    modelFailed = Signal(str)
    started = Signal(int, int)  # pane, request id
    finished = Signal(int, int, object)  # pane, request id, Analysis
    failed = Signal(int, int, str)  # pane, request id, one-line message
    superseded = Signal(int, int)  # pane, request id (skipped or dropped)
    progressed = Signal(int, int, float)  # pane, request id, fraction 0..1 (from the worker)

    def __init__(self, analyze: Callable[..., Any] | None = None,
                 warm_up: Callable[[], None] | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._analyze = analyze or default_analyze
        self._warm_up = warm_up or default_warm_up
        self._latest: dict[int, int] = {}
        self._counter = 0
        self._closed = False
        self.model_error: str | None = None
        self.model_loaded = False

    def start(self) -> None:
        """Load the model in the background."""
        analysis_pool().start(_Task(self._warm_up, self._warm_up_done))

    def _warm_up_done(self, _result: Any, error: str | None) -> None:
        if self._closed:
            return
        if error is None:
            self.model_loaded = True
            self.modelReady.emit()
        else:
            self.model_error = error
            self.modelFailed.emit(error)

    def request(self, pane: int, text: str, source: str | None, **options: Any) -> int:
        """Queue an analysis of `text` for `pane` (`options`: more keyword arguments for the
        analyser, e.g. the user's `words`); returns the request id."""
        self._counter += 1
        request_id = self._counter
        self._latest[pane] = request_id

        def job():
            if self._latest.get(pane) != request_id or self._closed:
                return _SKIPPED
            self.started.emit(pane, request_id)
            try:
                return self._analyze(text, source, progress=self._reporter(pane, request_id),
                                     **options)
            except InputError as exc:  # e.g. a text over the size limit: its own plain line
                raise _Refused(str(exc)) from None
            except Exception as exc:  # an engine bug: a message in that pane only
                log.debug("analysis failed", exc_info=True)
                raise _Refused(f"Analysis failed: {_one_line(exc)}") from None

        def done(result: Any, error: str | None) -> None:
            self._finish(pane, request_id, result, error)

        analysis_pool().start(_Task(job, done))
        return request_id

    def _reporter(self, pane: int, request_id: int) -> Callable[[float], None]:
        """A throttled `progress(fraction)` for the engine; runs on the worker thread."""
        last = [-1.0]

        def report(fraction: float) -> None:
            if fraction - last[0] < PROGRESS_MIN_STEP and not (fraction >= 1.0 > last[0]):
                return
            if self._closed or self._latest.get(pane) != request_id:
                return
            last[0] = fraction
            self.progressed.emit(pane, request_id, min(max(float(fraction), 0.0), 1.0))

        return report

    def _finish(self, pane: int, request_id: int, result: Any, error: str | None) -> None:
        if self._closed:
            return
        if result is _SKIPPED or self._latest.get(pane) != request_id:
            self.superseded.emit(pane, request_id)
        elif error is not None:
            self.failed.emit(pane, request_id, error)
        else:
            self.finished.emit(pane, request_id, result)

    def cancel(self, pane: int) -> None:
        """Forget pending work for `pane` (its text was replaced without analysis)."""
        self._counter += 1
        self._latest[pane] = self._counter

    def is_latest(self, pane: int, request_id: int) -> bool:
        """True if `request_id` is the newest request of `pane`."""
        return self._latest.get(pane) == request_id

    def close(self) -> None:
        """Drop queued work and ignore results still to come (a running job finishes alone)."""
        self._closed = True
        analysis_pool().clear()


_SKIPPED = object()


def wait_for_idle(milliseconds: int) -> bool:
    """Wait up to `milliseconds` for the worker to finish; True if it is idle."""
    return _pool is None or _pool.waitForDone(milliseconds)
