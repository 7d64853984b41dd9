"""Start-up where Qt cannot open a window: one line saying why and what to install, never a
bare "Aborted" (Qt's qFatal). The environment is faked; the machine is not broken."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from framelens.gui.preflight import display_problem

ROOT = Path(__file__).resolve().parents[2]
UNREACHABLE_DISPLAY = ":4711"  # no X server answers there

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the X11 (xcb) plugin is Linux/BSD only")


def loader_without(*absent: str):
    def load(name: str) -> object:
        if name in absent:
            raise OSError(f"{name}: cannot open shared object file")
        return object()

    return load


def run_gui(tmp_path: Path, code: str = "", **environ: str) -> subprocess.CompletedProcess:
    """`framelens gui` in a child process, after `code` (which may fake a library)."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               **environ)
    script = code + "\nimport sys\nfrom framelens.cli import main\nsys.exit(main(['gui']))\n"
    return subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                          text=True, timeout=120, cwd=ROOT)


def assert_one_line(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 1, (done.returncode, done.stderr)  # not -6: Qt's abort
    line = done.stderr.strip()
    assert line.startswith("framelens: ") and "\n" not in line, done.stderr
    assert "Traceback" not in done.stderr
    return line


def test_preflight_names_the_package_of_a_missing_xcb_library():
    problem = display_problem({"DISPLAY": ":0"}, "linux",
                              load=loader_without("libxcb-cursor.so.0"), connect=lambda _d: True)
    assert problem is not None and "\n" not in problem
    assert "libxcb-cursor.so.0" in problem
    assert "sudo apt install libxcb-cursor0" in problem


def test_preflight_names_every_missing_library_in_one_install_command():
    problem = display_problem({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux",
                              load=loader_without("libxcb-cursor.so.0", "libxcb-icccm.so.4"),
                              connect=lambda _d: True)
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4" in problem


@pytest.mark.parametrize("environ, platform", [
    ({"DISPLAY": ":0"}, "linux"),  # all there
    ({"QT_QPA_PLATFORM": "offscreen"}, "linux"),
    ({"QT_QPA_PLATFORM": "wayland;xcb", "WAYLAND_DISPLAY": "wayland-0"}, "linux"),
    ({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, "linux"),
    ({}, "win32"),
    ({}, "darwin"),
])
def test_preflight_lets_a_usable_or_unchecked_platform_start(environ, platform):
    assert display_problem(environ, platform, load=loader_without(),
                           connect=lambda _d: True) is None


def test_preflight_says_when_no_x_server_answers():
    problem = display_problem({"DISPLAY": ":7"}, "linux", load=loader_without(),
                              connect=lambda _d: False)
    assert "DISPLAY=:7" in problem and "\n" not in problem


@linux_only
def test_gui_with_x11_asked_for_but_no_display_says_so_in_one_line(tmp_path):
    line = assert_one_line(run_gui(tmp_path, QT_QPA_PLATFORM="xcb"))
    assert "DISPLAY is unset" in line


@linux_only
def test_gui_with_an_unreachable_display_says_so_in_one_line(tmp_path):
    line = assert_one_line(run_gui(tmp_path, DISPLAY=UNREACHABLE_DISPLAY))
    assert f"DISPLAY={UNREACHABLE_DISPLAY}" in line


@linux_only
def test_gui_without_libxcb_cursor_names_the_package_to_install(tmp_path):
    hide_cursor_library = (
        "import ctypes\n"
        "real_cdll = ctypes.CDLL\n"
        "def cdll(name, *args, **kwargs):\n"
        "    if str(name).startswith('libxcb-cursor'):\n"
        "        raise OSError(name + ': cannot open shared object file')\n"
        "    return real_cdll(name, *args, **kwargs)\n"
        "ctypes.CDLL = cdll\n"
    )
    line = assert_one_line(run_gui(tmp_path, hide_cursor_library, DISPLAY=UNREACHABLE_DISPLAY))
    assert "sudo apt install libxcb-cursor0" in line


def test_gui_on_a_platform_qt_cannot_load_ends_in_one_line_not_an_abort(tmp_path):
    line = assert_one_line(run_gui(tmp_path, QT_QPA_PLATFORM="no-such-platform"))
    assert "Qt cannot go on" in line
