"""Background threads for the window: single-thread pools and posting results back.

Widgets may only be touched from the GUI thread. Work on a pool thread hands its result
back with `post_to_gui(callable)`, which emits a queued signal of an object living on the
GUI thread (after picard's `run_task`). `prepare()` must run on the GUI thread before any
work is posted; the pool factories call it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal


class _GuiRelay(QObject):
    """Runs callables posted from any thread on the thread it lives on (the GUI thread)."""

    posted = Signal(object)

    def __init__(self):
        super().__init__()
        self.posted.connect(self._run)

    def _run(self, call: Callable[[], None]) -> None:
        call()


_relay: _GuiRelay | None = None


def prepare() -> None:
    """Create the relay on the calling (GUI) thread, once."""
    global _relay
    if _relay is None:
        _relay = _GuiRelay()


def post_to_gui(call: Callable[[], None]) -> None:
    """Run `call` on the GUI thread soon (safe to call from a pool thread)."""
    assert _relay is not None, "threads.prepare() was not called on the GUI thread"
    _relay.posted.emit(call)


def single_thread_pool(keep_thread: bool = False) -> QThreadPool:
    """A new pool with one thread (kept alive for good when `keep_thread`)."""
    prepare()
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    if keep_thread:
        pool.setExpiryTimeout(-1)
    return pool
