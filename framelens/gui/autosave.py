"""Autosave of edited drafts, so a crash or a kill loses nothing.

While a pane holds unsaved edits, its text is written every few seconds (atomically) to
`<AppDataLocation>/autosave/drafts.json`; the next start offers it back. The file is removed
when nothing is left unsaved.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from framelens.fileio import OutputError, atomic_output

log = logging.getLogger(__name__)
AUTOSAVE_INTERVAL_MS = 3000


def default_folder() -> Path:
    """The user's data folder for FrameLens autosaves."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "autosave"


class AutosaveStore:
    """Reads and writes the draft autosave file."""

    def __init__(self, folder: Path | None = None):
        self.folder = folder if folder is not None else default_folder()
        self.path = self.folder / "drafts.json"

    def save(self, panes: list[dict]) -> bool:
        """Write the panes' drafts ({title, source, text}); False (logged) if it failed."""
        payload = {"saved_at": time.time(), "panes": panes}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with atomic_output(self.path) as handle:
                json.dump(payload, handle, ensure_ascii=False)
        except (OSError, OutputError) as exc:
            log.warning("autosave failed: %s", exc)
            return False
        return True

    def load(self) -> dict | None:
        """The saved drafts, or None when there are none (or the file is unreadable)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        panes = data.get("panes") if isinstance(data, dict) else None
        if not isinstance(panes, list) or not any(
                isinstance(p, dict) and isinstance(p.get("text"), str) for p in panes):
            return None
        return data

    def clear(self) -> None:
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            log.warning("cannot remove autosave %s: %s", self.path, exc)
