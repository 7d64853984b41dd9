"""Autosave of edited drafts, so a crash or a kill loses nothing.

While a pane holds unsaved edits, its text is written every few seconds (atomically) to
`<AppDataLocation>/autosave/drafts.json`; the next start offers it back in a bar above the
panes. The file is removed when nothing is left unsaved.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from framelens.fileio import OutputError, atomic_output
from framelens.userdata import data_dir

log = logging.getLogger(__name__)
AUTOSAVE_INTERVAL_MS = 3000


def default_folder() -> Path:
    """The user's data folder for FrameLens autosaves (beside corrections and word lists:
    `userdata.data_dir`, Qt's AppDataLocation, or FRAMELENS_DATA_DIR when set)."""
    return data_dir() / "autosave"


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


class DraftKeeper(QObject):
    """The window's side of autosave: a timer while drafts are edited, and the restore bar.

    `panes` gives the window's article panes; `set_text(pane, text, title, source=, draft=)`
    puts recovered text back into one.
    """

    def __init__(self, store: AutosaveStore | None, panes, set_text, parent: QObject):
        super().__init__(parent)
        self.store = store
        self._panes = panes
        self._set_text = set_text
        self._recovered: dict | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self.timer.timeout.connect(self.save)
        self.bar = QFrame()
        self.bar.setObjectName("restoreBar")
        self.label = QLabel()
        self.label.setWordWrap(True)
        restore = QPushButton("&Restore draft")
        discard = QPushButton("&Discard")
        restore.clicked.connect(self.restore)
        discard.clicked.connect(self.discard)
        layout = QHBoxLayout(self.bar)
        layout.addWidget(self.label, 1)
        layout.addWidget(restore)
        layout.addWidget(discard)
        self.bar.hide()

    def edited(self) -> None:
        """A pane was edited: autosave a few seconds from now (not on every keystroke)."""
        if self.store is not None and not self.timer.isActive():
            self.timer.start()

    def save(self) -> None:
        """Autosave the panes if any holds unsaved edits; clear the autosave otherwise."""
        if self.store is None:
            return
        panes = self._panes()
        if any(pane.dirty for pane in panes):
            self.store.save([{"title": pane.title.text(), "source": pane.source,
                              "text": pane.text(), "dirty": pane.dirty} for pane in panes])
        else:
            self.store.clear()

    def offer(self) -> None:
        """Show the restore bar if the last session left unsaved drafts."""
        self._recovered = self.store.load() if self.store is not None else None
        if self._recovered is None:
            return
        when = time.strftime("%d %b %Y %H:%M", time.localtime(self._recovered.get("saved_at", 0)))
        self.label.setText(f"FrameLens was closed with unsaved draft text (autosaved {when}). "
                           f"Restore it?")
        self.bar.show()

    def restore(self) -> None:
        """Put the recovered draft text back into the panes."""
        data, self._recovered = self._recovered, None
        self.bar.hide()
        for index, entry in enumerate((data or {}).get("panes", [])[:2]):
            if isinstance(entry, dict) and entry.get("dirty") and isinstance(
                    entry.get("text"), str):
                title = str(entry.get("title") or "Draft").split(" \u2014 ", 1)[-1]
                self._set_text(index, entry["text"], f"{title} (recovered)",
                               source=entry.get("source"), draft=True)

    def discard(self) -> None:
        """Forget the recovered drafts (the file goes unless a pane is being edited)."""
        self._recovered = None
        self.bar.hide()
        if self.store is not None and not any(pane.dirty for pane in self._panes()):
            self.store.clear()

    def close(self) -> None:
        """Save now (the window is closing)."""
        self.timer.stop()
        self.save()
