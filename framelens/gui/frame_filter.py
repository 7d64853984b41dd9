"""View > Show Only Sentences of Frame: choose a frame to select its sentences in both panes
and fade the other chips of the frame strips; "All Frames" undoes it."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup

from framelens.analyzers.frames import frame_info
from framelens.gui.frame_table import show_frame

ALL = "All Frames"


def used_frames(window) -> list[str]:
    """The frames either pane's article uses, in codebook order."""
    used = {share.frame for pane in window.panes if pane.analysis is not None
            for share in pane.analysis.frames}
    return [f for f in frame_info() if f in used]


def apply(window, frame: str | None) -> None:
    """Filter both panes by `frame` (None: no filter, selection cleared)."""
    for strip in window.frame_strips:
        strip.set_only(frame)
    if frame is None:
        for pane in window.panes:
            window.show_ranges(pane.index, [])
    else:
        show_frame(window, frame)


def build_menu(menu, window) -> None:
    """Fill `menu` (a View submenu) with the frames in use each time it opens."""
    group = QActionGroup(menu)
    group.setExclusive(True)

    def fill() -> None:
        for action in group.actions():
            group.removeAction(action)
        menu.clear()
        current = window.frame_strips[0].only if window.frame_strips else None
        choices = [(None, ALL)] + [(f, f"{info.name} ({info.letter})")
                                   for f, info in frame_info().items()
                                   if f in used_frames(window)]
        for frame, text in choices:
            action = QAction(text, menu)
            action.setCheckable(True)
            action.setChecked(frame == current)
            action.setData(frame)
            action.triggered.connect(lambda _on=False, f=frame: apply(window, f))
            group.addAction(action)
            menu.addAction(action)

    menu.aboutToShow.connect(fill)
    fill()
