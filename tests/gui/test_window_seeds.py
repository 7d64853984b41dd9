"""The real engine in the window: the seeds open offline with every category marked."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

from framelens import labels
from framelens.gui.offsets import Utf16Map

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]
SEEDS = [str(ROOT / "seeds" / "000_e30f89b89acd5eb9.txt"),
         str(ROOT / "seeds" / "004_fbb9bac256490603.txt")]


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the way an offline machine would."""
    def refuse(*_args, **_kwargs):
        raise OSError("network access is blocked in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def open_seeds(make_window, qtbot):
    window = make_window(analyze=None, warm_up=None)
    window.open_paths(SEEDS)
    qtbot.waitUntil(lambda: all(p.analysis is not None for p in window.panes), timeout=180000)
    return window


def test_window_seeds_show_every_category_offline(make_window, qtbot, no_network):
    window = open_seeds(make_window, qtbot)
    totals = {c: sum(p.editor.counts()[c] for p in window.panes)
              for c in labels.STYLED_CATEGORIES}
    assert all(totals[c] > 0 for c in labels.STYLED_CATEGORIES), totals
    assert window.legend.items[labels.LOADED].text(1) == str(
        window.panes[0].editor.counts()[labels.LOADED])
    assert "opinion" in window.summary.text()


def test_window_tooltip_of_a_loaded_word(make_window, qtbot):
    window = open_seeds(make_window, qtbot)
    pane = window.panes[1]
    span = next(s for s in pane.analysis.spans if s.category == labels.LOADED)
    editor = pane.editor
    cursor = QTextCursor(editor.document())
    cursor.setPosition(Utf16Map(pane.analysis.text).to_qt(span.start) + 1)
    editor.setTextCursor(cursor)
    editor.ensureCursorVisible()
    point = editor.cursorRect(cursor).center()

    def tooltip() -> str:
        QApplication.sendEvent(editor.viewport(), QHelpEvent(
            QEvent.Type.ToolTip, point, editor.viewport().mapToGlobal(point)))
        return QToolTip.text()

    tip = tooltip()
    assert "Loaded language" in tip
    assert pane.analysis.text[span.start:span.end] in tip
    assert span.rule not in tip  # rule ids are jargon in class: behind "Details"
    if span.alternative:
        assert span.alternative in tip
    window.details_box.setChecked(True)
    assert span.rule in tooltip()
