"""The window survives a lesson: redrawing marks for hours must not wear Python down.

PySide6 6.12.0 on Python 3.11 dropped a reference to `None` on every
`QSyntaxHighlighter.setFormat` call, so after a few thousand redraws Python aborted
("none_dealloc: deallocating None") and took the window and unsaved work with it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from fakes import drawn
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtTest import QTest

from framelens import labels

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
# A lesson: ~300 toggles, theme switches and zoom steps, each redrawing two seed-sized
# panes of ~100 marked blocks with a few format runs each, is of the order of 10^5 calls.
SET_FORMAT_BUDGET = 300_000
WAVE = QTextCharFormat.UnderlineStyle.WaveUnderline


def test_survival_redrawing_marks_keeps_none_alive(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path),
               XDG_DATA_HOME=str(tmp_path),
               PYTHONPATH=os.pathsep.join([str(HERE), str(ROOT)]))
    done = subprocess.run([sys.executable, str(HERE / "redraw_child.py"),
                           str(SET_FORMAT_BUDGET)], env=env, capture_output=True, text=True,
                          timeout=900, cwd=ROOT)
    assert done.returncode == 0, (
        f"redrawing marks {'aborted Python' if done.returncode < 0 else 'leaked'} "
        f"(exit {done.returncode}): {done.stdout.strip()} {done.stderr.strip()[-400:]}")
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["set_format_calls"] >= SET_FORMAT_BUDGET
    assert result["none_refcount_change"] >= -10, result


def test_survival_soak_toggles_themes_zoom_and_edits(make_window, fake, qtbot):
    """Thousands of the things a class does, in one window: it must still be alive and
    still draw its marks at the end. (A binding that loses references kills the process
    here; how `None`'s count moves is measured exactly in the child process above, since
    in this process the garbage of earlier tests moves it too.)"""
    window = make_window(fake)
    text = "\n".join(f"{n}. I think it was a disaster, perhaps. He said \u201cclearly awful\u201d."
                     for n in range(12))
    for pane in (0, 1):
        with qtbot.waitSignal(window.analysisApplied, timeout=10000):
            window.set_text(pane, text, f"soak {pane}")
    editor = window.panes[0].editor
    toggled = [labels.OPINION, labels.LOADED, labels.HEDGE, labels.BOOSTER]
    for step in range(3000):
        category = toggled[step % len(toggled)]
        window.legend.set_toggle(category, category not in window.legend.enabled())
        if step % 100 == 0:
            window.set_dark(not window.dark)
        if step % 100 == 50:
            window.zoom(1 if step % 200 == 50 else -1)
        if step % 50 == 0:
            editor.moveCursor(editor.textCursor().MoveOperation.End)
            QTest.keyClicks(editor, " awful")
            QTest.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        if step % 100 == 0:
            qtbot.wait(1)
    for category in toggled:
        window.legend.set_toggle(category, True)
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.analyse(0)
    assert editor.counts()[labels.LOADED] == 24
    assert drawn(editor, lambda fmt: fmt.underlineStyle() == WAVE)


def test_survival_zoom_and_theme_redraw_each_pane_once(make_window, fake, qtbot, monkeypatch):
    """A zoom step or theme switch redraws each pane once, not once per legend row (new
    swatches used to read as toggles: eleven redraws of every pane per step)."""
    from framelens.gui.textpane import ArticleEditor

    window = make_window(fake)
    for pane in (0, 1):
        with qtbot.waitSignal(window.analysisApplied, timeout=10000):
            window.set_text(pane, "I think it was a disaster, perhaps.\n", f"pane {pane}")
    redraws = []
    original = ArticleEditor.redraw
    monkeypatch.setattr(ArticleEditor, "redraw", lambda self: redraws.append(self) or
                        original(self))
    window.zoom(1)
    assert len(redraws) == 2
    redraws.clear()
    window.set_dark(not window.dark)
    assert len(redraws) == 2
    redraws.clear()
    window.legend.set_toggle(labels.OPINION, False)
    assert len(redraws) == 2 and labels.OPINION not in window.panes[0].editor.enabled
