"""Can Qt open a window here? Checked before the QApplication is made, without Qt.

Qt ends the process with a bare "Aborted" when its platform plugin cannot start: no X
display to connect to, or (Qt >= 6.5) a library of the X11 (xcb) plugin not installed. These
checks find the same problems in a few milliseconds and say in one line what to do.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# The system libraries Qt's xcb plugin loads, with the Debian/Ubuntu package of each (the
# ones a minimal or WSL install lacks; Qt's own libraries come with PySide6).
XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
}
UNIX_LIKE = ("linux", "freebsd", "openbsd", "netbsd")


def first_platform(environ: Mapping[str, str]) -> str:
    """The Qt platform plugin that will be tried first ("xcb", "wayland", "offscreen", ...)."""
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:  # "wayland;xcb" tries wayland first; "xcb:option=value" passes options
        return chosen.split(";")[0].split(":")[0].strip().lower()
    if environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland":
        return "wayland"
    return "xcb"


def missing_libraries(load: Callable[[str], object] = ctypes.CDLL) -> list[str]:
    """The xcb plugin's system libraries that cannot be loaded."""
    missing = []
    for name in XCB_LIBRARIES:
        try:
            load(name)
        except OSError:
            missing.append(name)
    return missing


def can_connect(display: str) -> bool:
    """True if an X server answers at `display` (as Qt's xcb plugin will connect to it)."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True  # reported as a missing library instead
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    failed = xcb.xcb_connection_has_error(connection)
    xcb.xcb_disconnect(connection)  # frees the connection, also a failed one
    return not failed


def display_problem(environ: Mapping[str, str] | None = None, platform: str | None = None,
                    load: Callable[[str], object] = ctypes.CDLL,
                    connect: Callable[[str], bool] = can_connect) -> str | None:
    """Why the window cannot open here (one sentence naming the fix), or None if it can.

    Only the X11 (xcb) plugin is checked: it is Qt's default on Linux and the BSDs and the one
    that aborts for want of a library; the others are left to Qt.
    """
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith(UNIX_LIKE) or first_platform(environ) != "xcb":
        return None
    missing = missing_libraries(load)
    if missing:
        packages = " ".join(XCB_LIBRARIES[name] for name in missing)
        return (f"the window cannot open: Qt's X11 plugin needs {', '.join(missing)}, which "
                f"{'is' if len(missing) == 1 else 'are'} not installed (on Debian or Ubuntu: "
                f"sudo apt install {packages})")
    display = environ.get("DISPLAY", "")
    if not display:
        chosen = environ.get("QT_QPA_PLATFORM", "")
        why = (f"QT_QPA_PLATFORM={chosen} asks for X11 but DISPLAY is unset" if chosen
               else "no display found (DISPLAY and WAYLAND_DISPLAY are unset)")
        return (f"the window cannot open: {why}; start it from a desktop session, or use "
                "'framelens compare A B' in a terminal")
    if not connect(display):
        return (f"the window cannot open: no X server answers at DISPLAY={display} (is it "
                "running, and may this user use it?); or use 'framelens compare A B' in a "
                "terminal")
    return None
