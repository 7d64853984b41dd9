"""Light and dark themes, and the high-contrast variant used in presentation mode.

Only the window's own chrome is defined here; category colours come from the styles.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

_DARK = {
    QPalette.ColorRole.Window: "#232629",
    QPalette.ColorRole.WindowText: "#eff0f1",
    QPalette.ColorRole.Base: "#1b1e20",
    QPalette.ColorRole.AlternateBase: "#2a2e32",
    QPalette.ColorRole.Text: "#eff0f1",
    QPalette.ColorRole.Button: "#31363b",
    QPalette.ColorRole.ButtonText: "#eff0f1",
    QPalette.ColorRole.ToolTipBase: "#31363b",
    QPalette.ColorRole.ToolTipText: "#eff0f1",
    QPalette.ColorRole.Highlight: "#3daee9",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#6cc1ff",
    QPalette.ColorRole.PlaceholderText: "#9a9ea2",
    QPalette.ColorRole.Mid: "#4d5359",
}
_HIGH_CONTRAST = {
    QPalette.ColorRole.Text: ("#000000", "#ffffff"),
    QPalette.ColorRole.WindowText: ("#000000", "#ffffff"),
    QPalette.ColorRole.Base: ("#ffffff", "#000000"),
}

STYLESHEET = """
QLabel#paneTitle { font-weight: bold; font-size: %(title)spt; }
QLabel#paneSource { color: palette(placeholder-text); }
QLabel#paneMessage { border: 1px solid palette(mid); padding: 4px; }
QLabel#paneMessage[error="true"] { font-weight: bold; border: 2px solid palette(text); }
QLabel#paneMessage[warning="true"] { font-weight: bold; border: 2px dashed palette(text); }
QFrame#pane { border: 2px solid transparent; }
QFrame#pane[active="true"] { border: 2px solid palette(highlight); }
QFrame#restoreBar { border: 2px solid palette(highlight); }
"""


def apply_theme(app: QApplication, dark: bool, high_contrast: bool = False,
                point_size: float = 13.0) -> None:
    """Set the application's style, palette and stylesheet."""
    # With a style sheet set, Qt stops passing fonts down to child widgets unless told to:
    # the panels must follow the font size set on their tab widget (zoom, presentation).
    app.setAttribute(Qt.ApplicationAttribute.AA_UseStyleSheetPropagationInWidgetStyles, True)
    app.setStyle(QStyleFactory.create("Fusion"))
    palette = app.style().standardPalette()
    if dark:
        for role, color in _DARK.items():
            palette.setColor(role, QColor(color))
        palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#7f8386"))
    if high_contrast:
        for role, (light, dark_color) in _HIGH_CONTRAST.items():
            palette.setColor(role, QColor(dark_color if dark else light))
    app.setPalette(palette)
    app.setStyleSheet(STYLESHEET % {"title": title_size(point_size)})


def title_size(point_size: float) -> float:
    """Pane titles: a little larger than the text, but not a screenful at projector sizes."""
    return round(min(point_size * 1.15, max(16.0, point_size * 0.8)), 1)
