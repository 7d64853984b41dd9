"""What the window says about an analysis: progress, non-English text, refused and bad files."""

from __future__ import annotations

import dataclasses
import logging

import pytest
from fakes import SteppedAnalyzer, fake_analyze
from PySide6.QtCore import Qt

from framelens import labels

TEXT = "We think this is a disaster. Ann said \u201cperhaps not\u201d. It is clearly late.\n"
ELLIPSIS = "\u2026"


@pytest.mark.parametrize("pane, name", [(0, "A"), (1, "B")])
def test_window_status_shows_progress_of_the_latest_request_only(make_window, qtbot, pane, name):
    stepped = SteppedAnalyzer(first=0.3, second=0.8)
    window = make_window(stepped)
    forwarded = []  # recorded on the worker thread, as the runner emits
    window.runner.progressed.connect(lambda _p, rid, fraction: forwarded.append((rid, fraction)),
                                     Qt.ConnectionType.DirectConnection)
    shown = []
    window.analysis_status.bar.valueChanged.connect(shown.append)
    label = window.analysis_status.label

    window.set_text(pane, "An old draft.\n", "draft")
    old_request = window.pending[pane]
    qtbot.waitUntil(lambda: stepped.waited == 1, timeout=10000)
    assert 0.28 < forwarded[-1][1] <= 0.3
    assert len(forwarded) <= 31  # 1000 reports from the engine, about one per percent forwarded
    qtbot.waitUntil(lambda: label.text() == f"Analysing {name}{ELLIPSIS} 30%", timeout=10000)
    assert window.analysis_status.bar.value() == 30

    window.set_text(pane, "A newer draft.\n", "draft")
    assert label.text() == f"Analysing {name}{ELLIPSIS}"  # the old percentage is gone
    with qtbot.waitSignal(window.runner.superseded, timeout=10000):
        stepped.step()  # the old request reports 80% and finishes: dropped
    qtbot.waitUntil(lambda: stepped.waited == 2, timeout=10000)
    assert all(fraction < 0.5 for rid, fraction in forwarded if rid == old_request)
    qtbot.waitUntil(lambda: label.text() == f"Analysing {name}{ELLIPSIS} 30%", timeout=10000)
    assert 80 not in shown

    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        stepped.step()
    assert 80 in shown  # the newest request's own progress is shown
    assert window.panes[pane].analysis.text == "A newer draft.\n"
    assert label.text() == "Language model ready"
    assert not window.analysis_status.bar.isVisible()


def analyzer_in_language(code: str):
    def analyze(text, source=None, progress=None):
        return dataclasses.replace(fake_analyze(text, source), language=code)

    return analyze


@pytest.mark.parametrize("code, warning", [
    ("es", "this looks like Spanish; FrameLens analyses English"),
    ("de", "this looks like German; FrameLens analyses English"),
    ("en", None),
    ("zxx", None),
])
def test_window_warns_in_the_pane_about_non_english_text(make_window, qtbot, code, warning):
    window = make_window(analyzer_in_language(code))
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(0, TEXT, "draft")
    message = window.panes[0].message
    if warning is None:
        assert not message.isVisible()
    else:
        assert message.isVisible()
        assert message.text() == warning
        assert message.property("warning") and not message.property("error")
    assert window.panes[0].editor.counts()[labels.LOADED] == 1  # the marks are still drawn


def test_window_over_limit_text_is_refused_in_its_pane_only(make_window, qtbot, monkeypatch):
    from framelens import engine

    monkeypatch.setattr(engine, "MAX_TEXT_CHARS", 500)

    def analyze(text, source=None, progress=None):
        if len(text) > 500:  # the engine's own refusal, raised before any model work
            return engine.analyze(text, source, progress=progress)
        return fake_analyze(text, source)

    window = make_window(analyze)
    with qtbot.waitSignal(window.analysisFailed, timeout=30000):
        window.set_text(0, TEXT * 20, "huge", source="huge.txt")
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(1, TEXT, "small")
    message = window.panes[0].message
    assert message.isVisible() and message.property("error")
    assert message.text().startswith("huge.txt: too long (")
    assert "\n" not in message.text() and "Traceback" not in message.text()
    assert window.panes[0].analysis is None
    assert window.panes[1].editor.counts()[labels.LOADED] == 1


@pytest.mark.parametrize("name, make, expected", [
    ("missing.txt", lambda path: None, "no such file"),
    ("folder.txt", lambda path: path.mkdir(), "is a folder"),
    ("photo.txt", lambda path: path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40),
     "not a text file"),
])
def test_window_file_errors_are_one_line_in_their_pane(make_window, fake, qtbot, tmp_path,
                                                         name, make, expected):
    window = make_window(fake)
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(1, TEXT, "other")
    path = tmp_path / name
    make(path)
    assert not window.load_file(0, str(path))
    message = window.panes[0].message.text()
    assert expected in message.lower()
    assert name in message
    assert "\n" not in message and "Traceback" not in message
    assert window.panes[0].message.property("error")
    assert window.panes[1].editor.counts()[labels.LOADED] == 1


@pytest.mark.parametrize("library", ["trafilatura", "htmldate", "courlan"])
def test_window_app_silences_html_libraries(monkeypatch, caplog, library):
    from framelens.gui.app import quiet_libraries

    monkeypatch.setattr(logging.getLogger(library), "level", logging.NOTSET)
    quiet_libraries()
    with caplog.at_level(logging.WARNING):
        logging.getLogger(library).warning("discarding data: None")
        logging.getLogger(f"{library}.core").error("parsing failed")
    assert caplog.records == []
