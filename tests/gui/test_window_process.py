"""The app as a process: screenshot command, autosave surviving a kill, no display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from framelens import labels, styles
from framelens.gui.autosave import AutosaveStore, default_folder

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SEEDS = [str(ROOT / "seeds" / "000_e30f89b89acd5eb9.txt"),
         str(ROOT / "seeds" / "004_fbb9bac256490603.txt")]


def child_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join([str(HERE), str(ROOT), env.get("PYTHONPATH", "")])
    env.update(extra)
    return env


def colour_pixels(image: QImage, color: str, tolerance: int = 0) -> int:
    """How many pixels are within `tolerance` (per channel) of `color`."""
    target = QColor(color)
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(rgb.constBits())[:rgb.sizeInBytes()]
    pixels = zip(data[0::3], data[1::3], data[2::3], strict=True)
    want = (target.red(), target.green(), target.blue())
    if tolerance == 0:
        return sum(1 for pixel in pixels if pixel == want)
    return sum(1 for r, g, b in pixels if abs(r - want[0]) <= tolerance
               and abs(g - want[1]) <= tolerance and abs(b - want[2]) <= tolerance)


def test_window_screenshot_command_draws_highlight_colours(tmp_path):
    out = tmp_path / "shot.png"
    done = subprocess.run([sys.executable, "-m", "framelens", "gui", *SEEDS, "--screenshot",
                           str(out)], env=child_env(tmp_path), capture_output=True, text=True,
                          timeout=600, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 10_000
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1000)
    for label in labels.SENTENCE_LABELS:
        assert colour_pixels(image, styles.style(label).background) > 500, label
    assert colour_pixels(image, styles.style(labels.LOADED).color, tolerance=40) > 20


def test_window_autosave_brings_back_draft_after_kill(tmp_path, make_window, qtbot, monkeypatch):
    draft = "My unpublished draft: a disaster, perhaps."
    child = subprocess.Popen([sys.executable, str(HERE / "autosave_child.py"), draft],
                             env=child_env(tmp_path), stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert child.stdout.readline().strip() == "typed"
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
        saved = default_folder() / "drafts.json"
        qtbot.waitUntil(saved.exists, timeout=30000)
    finally:
        child.kill()
        child.wait(30)
    assert child.returncode != 0  # it was killed, not closed
    window = make_window(autosave=AutosaveStore())
    assert window.restore_bar.isVisible()
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.restore_drafts()
    assert window.panes[0].text() == draft
    assert window.panes[0].dirty


def headless_env(tmp_path: Path) -> dict[str, str]:
    env = child_env(tmp_path)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    return env


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland check is Linux-only")
def test_window_without_display_prints_the_comparison_instead(tmp_path):
    done = subprocess.run([sys.executable, "-m", "framelens"], env=headless_env(tmp_path),
                          capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().count("\n") == 0
    assert "no display" in done.stderr
    for metric in labels.METRICS[:3]:
        assert metric.label in done.stdout
    assert done.stdout.startswith("A: ") and "\nB: " in done.stdout  # the two titles


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland check is Linux-only")
def test_window_without_display_and_one_file_says_so_in_one_line(tmp_path):
    done = subprocess.run([sys.executable, "-m", "framelens", "gui", SEEDS[0]],
                          env=headless_env(tmp_path), capture_output=True, text=True, timeout=120,
                          cwd=ROOT)
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0
    assert "no display" in done.stderr
    assert done.stdout == ""
