"""Start the desktop app: `run(paths, screenshot=None) -> exit status`."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path

from framelens.gui.preflight import display_problem

log = logging.getLogger(__name__)
ORGANIZATION = "FrameLens"
APPLICATION = "FrameLens"
SCREENSHOT_SIZE = (1600, 1000)
PRESENTATION_SCREENSHOT_SIZE = (1920, 1080)  # a projector
SCREENSHOT_TIMEOUT_MS = 180_000
CLOSE_WAIT_MS = 3000


def display_available() -> bool:
    """False on Linux/BSD when there is no X11 or Wayland display and no Qt platform chosen."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def configure_application(app) -> None:
    """Names used by QSettings and QStandardPaths (settings and autosave folders)."""
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)


def _quiet_qt_messages() -> None:
    """Send Qt's own warnings to the log instead of the terminal; a fatal one (Qt would
    abort with a bare "Aborted") ends the process with one line instead."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("framelens.qt")

    def handle(mode, _context, message: str) -> None:
        qt_log.debug("%s", message)
        if mode == QtMsgType.QtFatalMsg:
            first_line = message.strip().splitlines()[0] if message.strip() else "no reason given"
            print(f"framelens: Qt cannot go on: {first_line} (run 'framelens -v gui' for "
                  "Qt's messages)", file=sys.stderr)
            sys.stderr.flush()
            os._exit(1)

    qInstallMessageHandler(handle)


def quiet_libraries() -> None:
    """Silence the HTML-extraction libraries' warnings, as the CLI does (unless set already)."""
    from framelens.cli import QUIET_LIBRARIES

    for name in QUIET_LIBRARIES:
        logger = logging.getLogger(name)
        if logger.level == logging.NOTSET:
            logger.setLevel(logging.CRITICAL)


def run_without_display(paths: list[str]) -> int:
    """No display: say so in one line, then print the comparison of two files instead."""
    if len(paths) != 2:
        print("framelens: no display found (DISPLAY and WAYLAND_DISPLAY are unset); start it "
              "from a desktop session, or use 'framelens compare A B' in a terminal.",
              file=sys.stderr)
        return 2
    print("framelens: no display found (DISPLAY and WAYLAND_DISPLAY are unset), so the window "
          "cannot open; here is 'framelens compare' of the two articles instead.",
          file=sys.stderr)
    from framelens import cli

    return cli.main(["compare", *paths])


def run(paths: list[str], screenshot: str | None = None, presentation: bool = False,
        zoom: int = 0, claim: int = 0, show: str = "", exercise: str | None = None) -> int:
    """Open the window on up to two files, in presentation mode and `zoom` steps in if
    asked, with aligned claim number `claim` chosen once both are analysed, and a saved
    `exercise` in pane A; with `screenshot`, save a picture and exit (of Review Draft or
    the word-list manager if `show` says so; the exercise revealed)."""
    quiet_libraries()
    if not display_available():
        if screenshot is None:
            return run_without_display(list(paths))
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    problem = display_problem()  # Qt would abort with a bare "Aborted" (about 10 ms)
    if problem is not None:
        if screenshot is None:
            print(f"framelens: {problem}.", file=sys.stderr)
            return 1
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a picture needs no display
    from PySide6.QtWidgets import QApplication

    _quiet_qt_messages()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure_application(app)
    if screenshot is not None:
        return _screenshot(app, paths, screenshot, presentation, zoom, claim, show, exercise)

    from framelens.gui.autosave import AutosaveStore
    from framelens.gui.window import MainWindow

    window = MainWindow(autosave=AutosaveStore())
    window.show()
    if presentation:
        window.set_presenting(True)
    if zoom:
        window.zoom(zoom)
    if claim:
        _choose_claim_once_analysed(window, claim)
    window.open_paths(list(paths))
    if exercise is not None:
        window.exercise.open_when_analysed(0, exercise)
    status = app.exec()
    finish_background_work()
    return status


def finish_background_work() -> None:
    """Let a running analysis end; if it takes too long, leave without waiting for it."""
    from framelens.gui.worker import wait_for_idle

    if not wait_for_idle(CLOSE_WAIT_MS):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


def show_first_explanation(window) -> None:
    """Fill the "Why was this marked?" box with the first loaded word (for the picture)."""
    for pane in reversed(window.panes):
        marks = [m for m in pane.editor.marks if m.category == "loaded_language"]
        if marks:
            window.show_explanation(marks[0].explanation)
            return


def choose_claim(window, claim: int) -> None:
    """Show the Aligned claims tab with claim number `claim` (1-based) chosen."""
    window._update_panels()
    if window.aligned_panel is not None:
        window.tabs.setCurrentWidget(window.aligned_panel)
    window.linker.select_group(claim - 1)


def _choose_claim_once_analysed(window, claim: int) -> None:
    def chosen() -> None:
        window.allAnalysed.disconnect(chosen)
        choose_claim(window, claim)

    window.allAnalysed.connect(chosen)


def save_png(pixmap, out: str) -> None:
    """Write a pixmap as PNG atomically (raises `OutputError` with a one-line reason)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from framelens.fileio import atomic_output

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    buffer.close()
    with atomic_output(out, binary=True) as handle:
        handle.write(bytes(data))


def _show_user_workflow(window, show: str):
    """Open Review Draft on A (the window is pictured) or the word-list manager (it is)."""
    if show == "review":
        window.review.start(0)
    elif show == "word-lists":
        dialog = window.word_lists.open_dialog()
        dialog.resize(900, 360)
        return dialog
    return window


def _screenshot(app, paths: list[str], out: str, presentation: bool = False,
                zoom: int = 0, claim: int = 0, show: str = "",
                exercise: str | None = None) -> int:
    from PySide6.QtCore import QSettings, QTimer

    from framelens.gui.settings import Settings
    from framelens.gui.window import MainWindow

    with tempfile.TemporaryDirectory(prefix="framelens-shot-") as folder:
        store = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings=Settings(store), autosave=None, restore_drafts=False)
        window.resize(*(PRESENTATION_SCREENSHOT_SIZE if presentation else SCREENSHOT_SIZE))
        window.show()
        if presentation:  # the picture is of the window: at the projector's size, not full screen
            window.set_presenting(True, full_screen=False)
        if zoom:
            window.zoom(zoom)
        outcome = {"status": 1, "message": "timed out waiting for the analyses"}

        def capture() -> None:
            revealed = exercise is None or window.exercise.show_revealed(0, exercise)
            if exercise is None:
                show_first_explanation(window)
            if claim:
                choose_claim(window, claim)
            shown = _show_user_workflow(window, show)  # "review" or "word-lists", if asked
            app.processEvents()
            try:
                save_png(shown.grab(), out)
            except OSError as exc:
                outcome.update(status=1, message=str(exc))
                window.close()
                return
            if any(p.message.isVisible() and p.message.property("error") for p in window.panes):
                outcome.update(status=1, message="an article could not be analysed "
                                                 f"(screenshot saved to {out})")
            elif not revealed:
                outcome.update(status=1, message=window.statusBar().currentMessage())
            else:
                outcome.update(status=0, message="")
            window.close()

        window.allAnalysed.connect(lambda: QTimer.singleShot(100, capture))
        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, window.close)
        window.open_paths(list(paths))
        if not any(pane.text().strip() for pane in window.panes):
            QTimer.singleShot(0, capture)
        app.exec()
    finish_background_work()
    if outcome["message"]:
        print(f"framelens: {outcome['message']}", file=sys.stderr)
    return int(outcome["status"])
