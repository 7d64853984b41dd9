"""The user's own data: corrections, word lists and review ignores, kept per article.

The folder is Qt's AppDataLocation on Linux (`$XDG_DATA_HOME/FrameLens/FrameLens`, i.e.
`~/.local/share/FrameLens/FrameLens`), next to the window's autosave; `FRAMELENS_DATA_DIR`
overrides it (tests, portable installs). Nothing here imports Qt. Records about one article
are JSON files named by the hash of its text; every write is atomic, and a file that cannot
be read is reported in one line and never overwritten.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from framelens.fileio import OutputError, atomic_output

DATA_ENV = "FRAMELENS_DATA_DIR"
_ORGANIZATION = _APPLICATION = "FrameLens"
PREVIOUS_KEPT = 32  # earlier text hashes a record remembers, so that those versions find it


class UserDataError(RuntimeError):
    """A file of the user's data cannot be read or written (one line, naming the file)."""


def data_dir() -> Path:
    """The folder of the user's FrameLens data (created by the first write, not here)."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override)
    if sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    elif sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / _ORGANIZATION / _APPLICATION


def text_hash(text: str) -> str:
    """The identity of an article's text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def write_json(path: Path, payload: Any) -> None:
    """Write `payload` as JSON to `path` atomically (temp file, then replace)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_output(path) as handle:
            json.dump(payload, handle, ensure_ascii=False, indent=1)
            handle.write("\n")
    except (OSError, OutputError) as exc:
        raise UserDataError(f"cannot save {path}: {getattr(exc, 'strerror', None) or exc}") \
            from exc


@dataclass
class ArticleRecords:
    """The items kept about one article (`kind`: "corrections", "review"), and where."""

    items: list[dict[str, Any]] = field(default_factory=list)
    path: Path | None = None


class ArticleStore:
    """One JSON file per article under `<data>/<kind>/<text hash>.json`.

    An article is found by the hash of its text; failing that, by the newest record that
    remembers the hash as an earlier version (`follow`), then by its source file (the text
    was edited elsewhere, so its hash changed), the newest record of the same source. A file that is
    not a readable record raises `UserDataError` and is remembered, so that nothing is ever
    written over it.
    """

    def __init__(self, kind: str, folder: Path | None = None):
        self.kind = kind
        self.folder = (folder if folder is not None else data_dir()) / kind
        self.schema = f"framelens/{kind}-v1"
        self._broken: set[Path] = set()

    def path_for(self, text: str) -> Path:
        return self.folder / f"{text_hash(text)}.json"

    def load(self, text: str, source: str | None = None) -> ArticleRecords:
        """The records of `text` (by hash, else of a later version of it, else by `source`);
        empty when there are none."""
        path = self.path_for(text)
        if path.is_file():
            return ArticleRecords(self._read(path), path)
        for candidate in self._matching("previous", text_hash(text)):
            return ArticleRecords(self._read(candidate), candidate)
        if source:
            for candidate in self._matching("source", source):
                return ArticleRecords(self._read(candidate), candidate)
        return ArticleRecords([], None)

    def save(self, text: str, source: str | None, items: list[dict[str, Any]],
             previous: list[str] | None = None) -> Path:
        """Keep `items` for `text` (no items: forget the article); returns the file.
        `previous`: the hashes of the article's earlier texts, oldest first (default: those
        the record already holds)."""
        path = self.path_for(text)
        if path in self._broken:
            raise UserDataError(f"{path} could not be read, so it is left as it is; move it "
                                "away to keep new changes")
        if not items:
            path.unlink(missing_ok=True)
            return path
        if previous is None:  # a change of the same text: its earlier versions stay known
            previous = self._previous(path) if path.is_file() else []
        record: dict[str, Any] = {"schema": self.schema, "text_hash": text_hash(text),
                                  "source": source, "items": items}
        if previous:
            record["previous"] = list(previous)
        write_json(path, record)
        return path

    def follow(self, old_hash: str, text: str, source: str | None,
               items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Keep `items` under the edited `text`, the article's text of hash `old_hash` before;
        returns what is now kept for `text`.

        Nothing kept is lost: a record the new text already had (an earlier version edited
        back into) keeps its items, and the old record is removed only when everything in it
        is in the new one. The new record remembers the older hashes, so that the older
        versions still find it, and the folder holds one record per article, not one per edit.
        """
        new_hash = text_hash(text)
        if old_hash == new_hash:
            self.save(text, source, items)
            return items
        path, old_path = self.path_for(text), self.folder / f"{old_hash}.json"
        here = self._read(path) if path.is_file() else []  # unreadable: nothing is written
        kept = [*items, *(item for item in here if item not in items)]
        old_items: list[dict[str, Any]] | None = None
        earlier = self._previous(path)
        if old_path.is_file() and old_path not in self._broken:
            try:
                old_items = self._read(old_path)
            except UserDataError:
                old_items = None  # unreadable: it stays as it is (`_read` remembers it)
            else:
                earlier += self._previous(old_path)
        previous = list(dict.fromkeys(h for h in (*earlier, old_hash) if h != new_hash))
        if len(previous) > PREVIOUS_KEPT:  # the text first opened, and the latest versions
            previous = [previous[0], *previous[1 - PREVIOUS_KEPT:]]
        self.save(text, source, kept, previous=previous)
        if old_items is not None and kept and all(item in kept for item in old_items):
            old_path.unlink(missing_ok=True)
        return kept

    def forget(self, text: str) -> None:
        """Remove the record of an older version of an article (unless it is unreadable)."""
        path = self.path_for(text)
        if path not in self._broken:
            path.unlink(missing_ok=True)

    def _matching(self, key: str, value: str) -> list[Path]:
        """The records whose `key` is `value` (or, for a list, holds it), newest first."""
        found = []
        for candidate in self.folder.glob("*.json") if self.folder.is_dir() else ():
            try:
                data = json.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            field_value = data.get(key) if isinstance(data, dict) else None
            if field_value == value or (isinstance(field_value, list) and value in field_value):
                found.append(candidate)
        return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)

    def _previous(self, path: Path) -> list[str]:
        """The earlier hashes a record remembers (none for a record without them, or none)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        hashes = data.get("previous") if isinstance(data, dict) else None
        return [h for h in hashes if isinstance(h, str)] if isinstance(hashes, list) else []

    def _read(self, path: Path) -> list[dict[str, Any]]:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            self._broken.add(path)
            raise UserDataError(f"{path}: cannot read the saved {self.kind} "
                                f"({type(exc).__name__}); the file is left as it is") from exc
        items = data.get("items") if isinstance(data, dict) else None
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            self._broken.add(path)
            raise UserDataError(f"{path}: not a FrameLens {self.kind} file; "
                                "the file is left as it is")
        return items
