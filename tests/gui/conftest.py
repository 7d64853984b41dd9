"""GUI test fixtures: temporary settings and data folders, a fake analyser, window factory."""

from __future__ import annotations

import pytest
from fakes import FakeAnalyzer, MessageBoxes
from PySide6.QtCore import QSettings


@pytest.fixture(autouse=True)
def private_settings(tmp_path, monkeypatch, qapp):
    """Fresh QSettings and data folders per test; the user's own are never touched."""
    from framelens.gui.app import configure_application

    configure_application(qapp)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "config"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "config"))
    yield
    from framelens.gui.worker import wait_for_idle

    assert wait_for_idle(30000), "analysis work left running after the test"


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch):
    """No question box ever blocks a test: each is answered (see `fakes.MessageBoxes`)."""
    return MessageBoxes(monkeypatch)


@pytest.fixture
def fake():
    analyzer = FakeAnalyzer()
    yield analyzer
    analyzer.release()


@pytest.fixture
def make_window(qtbot, tmp_path):
    """Create a MainWindow (fake analyser unless `analyze` is given), closed after the test."""
    from framelens.gui.autosave import AutosaveStore
    from framelens.gui.window import MainWindow

    windows = []

    def make(analyze=None, warm_up=lambda: None, **kwargs):
        kwargs.setdefault("autosave", AutosaveStore(tmp_path / "autosave"))
        kwargs.setdefault("edit_pause_ms", 50)
        window = MainWindow(analyze=analyze, warm_up=warm_up, **kwargs)
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
