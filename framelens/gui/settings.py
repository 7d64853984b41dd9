"""Typed user settings with declared defaults, stored with QSettings (after picard's options).

Preferences (toggles, font size, theme, recent files) are kept apart from window state
(geometry, splitters, docks). Tests point QSettings at a temporary folder.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from framelens import labels

DEFAULT_FONT_SIZE = 13.0
MIN_FONT_SIZE, MAX_FONT_SIZE = 8.0, 48.0
PRESENTATION_FONT_SIZE = 24.0
MAX_RECENT = 10
THEMES = ("light", "dark")


class Settings:
    """FrameLens preferences and window state over one QSettings store."""

    def __init__(self, store: QSettings | None = None):
        self.store = store if store is not None else QSettings()

    # preferences
    def enabled_categories(self) -> set[str]:
        saved = self.store.value("view/categories", None, type=list)
        if not saved and not self.store.contains("view/categories"):
            return set(labels.STYLED_CATEGORIES)
        return {c for c in saved or [] if c in labels.STYLED_CATEGORIES}

    def set_enabled_categories(self, categories: set[str]) -> None:
        ordered = [c for c in labels.STYLED_CATEGORIES if c in categories]
        self.store.setValue("view/categories", ordered if ordered else [""])

    def font_size(self) -> float:
        size = self.store.value("view/font_size", DEFAULT_FONT_SIZE, type=float)
        return min(max(float(size), MIN_FONT_SIZE), MAX_FONT_SIZE)

    def set_font_size(self, size: float) -> None:
        self.store.setValue("view/font_size", float(size))

    def theme(self) -> str:
        theme = self.store.value("view/theme", "light", type=str)
        return theme if theme in THEMES else "light"

    def set_theme(self, theme: str) -> None:
        self.store.setValue("view/theme", theme)

    def recent_files(self) -> list[str]:
        return [p for p in self.store.value("files/recent", [], type=list) or [] if p]

    def add_recent_file(self, path: str) -> list[str]:
        recent = [path] + [p for p in self.recent_files() if p != path]
        self.store.setValue("files/recent", recent[:MAX_RECENT])
        return recent[:MAX_RECENT]

    def export_folder(self) -> str:
        """The folder of the last export ("" before the first)."""
        return self.store.value("files/export_folder", "", type=str) or ""

    def set_export_folder(self, folder: str) -> None:
        self.store.setValue("files/export_folder", folder)

    def clear_recent_files(self) -> None:
        self.store.setValue("files/recent", [])

    # window state
    def window_state(self, key: str) -> QByteArray | None:
        value = self.store.value(f"window/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window_state(self, key: str, value: QByteArray) -> None:
        self.store.setValue(f"window/{key}", value)

    def restore_layout(self, window, parts: dict) -> None:
        """Restore `window`'s geometry and the state of `parts` ({key: QMainWindow/QSplitter})."""
        geometry = self.window_state("geometry")
        if geometry is None or not window.restoreGeometry(geometry):
            window.resize(1400, 900)
        for key, widget in parts.items():
            state = self.window_state(key)
            if state is not None:
                widget.restoreState(state)

    def save_layout(self, window, parts: dict) -> None:
        """Save what `restore_layout` restores, and write the settings out."""
        self.set_window_state("geometry", window.saveGeometry())
        for key, widget in parts.items():
            self.set_window_state(key, widget.saveState())
        self.sync()

    def sync(self) -> None:
        self.store.sync()
