"""Word lists of one's own (LIWC-style): loaded words, hedges, boosters and words to ignore.

A list is a JSONL file in the format of `resources/loaded_language.jsonl` and
`resources/hedges_boosters.jsonl`: one object a line with a `term` and, optionally, a
`category` ("loaded", the default, "hedge", "booster" or "ignore"), `subtype`,
`explanation` (the user's reason), `alternative` and `id`; lines starting with `#` are
comments. So a shipped list can be imported as it is, and a list exported here can be
shared as a pack. Lists live in `<data>/wordlists/`, each can be switched off, and a
malformed file is refused with one line naming the line at fault, keeping what is there.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from framelens import labels
from framelens.fileio import OutputError, atomic_output
from framelens.userdata import UserDataError, data_dir, write_json

IGNORE = "ignore"
CATEGORIES = {"loaded": labels.LOADED, labels.LOADED: labels.LOADED,
              labels.HEDGE: labels.HEDGE, labels.BOOSTER: labels.BOOSTER, IGNORE: IGNORE}
_TEXT_FIELDS = ("id", "subtype", "explanation", "no_alternative", "needs")
_LIST_FIELDS = ("pos", "tag", "forms", "not_after", "not_before")
_SLUG = re.compile(r"[^a-z0-9]+")
_WORD = re.compile(r"[a-z]+")
MAX_LIST_BYTES = 5_000_000


class WordListError(ValueError):
    """A word list cannot be used: one line naming the file and the line."""


@dataclass(frozen=True)
class UserEntry:
    """One entry of a user's list, ready for the engine (hashable, so lexicons cache)."""

    term: str
    category: str
    rule: str
    list_name: str
    subtype: str = ""
    explanation: str = ""
    alternative: str | None = None
    pos: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class UserWords:
    """The words of the lists switched on: what `engine.analyze(text, words=...)` takes."""

    entries: tuple[UserEntry, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.entries)

    @property
    def marking(self) -> tuple[UserEntry, ...]:
        """The entries that mark words (loaded, hedge, booster)."""
        return tuple(e for e in self.entries if e.category != IGNORE)

    def ignores(self, words: str) -> bool:
        """Whether marks on `words` are to be dropped (an ignore entry, in any inflection)."""
        key = " ".join(words.lower().split())
        return any(key == term or key in _forms(term) for term in self._ignored)

    @property
    def _ignored(self) -> tuple[str, ...]:
        return tuple(e.term for e in self.entries if e.category == IGNORE)


def _forms(term: str) -> frozenset[str]:
    from framelens.analyzers.loaded_lexicon import inflections

    return inflections(term) if _WORD.fullmatch(term) else frozenset({term})


@dataclass(frozen=True)
class WordList:
    """A named list: its records (the JSON objects of its lines), on or off, its file."""

    name: str
    records: tuple[dict[str, Any], ...]
    enabled: bool = True
    path: Path | None = None

    def words(self) -> UserWords:
        """The list's entries for the engine."""
        return UserWords(tuple(_user_entry(r, self.name) for r in self.records))


def _problem(record: Any) -> str | None:
    """What is wrong with one record, or None."""
    if not isinstance(record, dict):
        return "not a JSON object"
    term = record.get("term")
    if not isinstance(term, str) or not term.strip():
        return "no \"term\""
    if record.get("category", "loaded") not in CATEGORIES:
        return (f"unknown category {record.get('category')!r} (use loaded, hedge, booster "
                "or ignore)")
    for name in _TEXT_FIELDS:
        if not isinstance(record.get(name, ""), str):
            return f"\"{name}\" is not text"
    if not isinstance(record.get("alternative"), str | None):
        return "\"alternative\" is not text"
    for name in _LIST_FIELDS:
        value = record.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return f"\"{name}\" is not a list of text"
    return None


def parse_list(text: str, name: str) -> tuple[dict[str, Any], ...]:
    """The records of a list file's `text`; WordListError naming the first bad line."""
    records = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise WordListError(f"{name}, line {number}: not valid JSON ({exc.msg})") from None
        problem = _problem(record)
        if problem:
            raise WordListError(f"{name}, line {number}: {problem}")
        records.append(record)
    return tuple(records)


def read_list(path: str | Path, name: str | None = None) -> WordList:
    """Read and check a list file (WordListError in one line if it cannot be used)."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_LIST_BYTES:
            raise WordListError(f"{path.name}: too large for a word list")
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise WordListError(f"{path.name}: not UTF-8 text") from None
    except OSError as exc:
        raise WordListError(f"{path.name}: cannot read it ({exc.strerror or exc})") from None
    return WordList(name or path.stem, parse_list(text, path.name), True, path)


def dump_list(records: Iterable[dict[str, Any]], name: str) -> str:
    """A list as file text: a comment naming it, then one record a line."""
    lines = [f"# FrameLens word list \u201c{name}\u201d: one JSON object a line (fields as in "
             "resources/loaded_language.jsonl; category loaded, hedge, booster or ignore)."]
    lines += [json.dumps(record, ensure_ascii=False) for record in records]
    return "\n".join(lines) + "\n"


def write_list(word_list: WordList, path: str | Path) -> None:
    """Write a list to `path` atomically (UserDataError in one line if it cannot be)."""
    try:
        with atomic_output(path) as handle:
            handle.write(dump_list(word_list.records, word_list.name))
    except OutputError as exc:
        raise UserDataError(str(exc)) from None


def load_words_files(paths: Sequence[str | Path]) -> UserWords:
    """The words of list files given on the command line (`--words FILE`)."""
    entries: list[UserEntry] = []
    for path in paths:
        entries += read_list(path).words().entries
    return UserWords(tuple(entries))


def _user_entry(record: dict[str, Any], list_name: str) -> UserEntry:
    term = " ".join(record["term"].lower().split())
    category = CATEGORIES[record.get("category", "loaded")]
    slug = _SLUG.sub("_", term).strip("_")
    return UserEntry(term, category, record.get("id") or f"user.{slug}", list_name,
                     record.get("subtype", ""), record.get("explanation", ""),
                     record.get("alternative") or None, tuple(record.get("pos", ())),
                     tuple(record.get("tag", ())))


def new_record(term: str, category: str = "loaded", alternative: str | None = None,
               reason: str = "") -> dict[str, Any]:
    """A record as the word-list manager writes it; WordListError if it is not valid."""
    record: dict[str, Any] = {"term": " ".join(term.split()), "category": category}
    if reason.strip():
        record["explanation"] = " ".join(reason.split())
    if alternative and alternative.strip():
        record["alternative"] = " ".join(alternative.split())
    problem = _problem(record)
    if problem:
        raise WordListError(problem)
    return record


class WordListLibrary:
    """The user's lists in `<data>/wordlists/`: read, save, import, export, on and off."""

    def __init__(self, folder: Path | None = None):
        self.folder = (folder if folder is not None else data_dir()) / "wordlists"
        self.state_path = self.folder / "lists.json"

    def lists(self) -> tuple[list[WordList], list[str]]:
        """Every list (by name) and one line for each file that could not be read."""
        found, problems = [], []
        off = self._off()
        for path in sorted(self.folder.glob("*.jsonl")) if self.folder.is_dir() else ():
            try:
                word_list = read_list(path)
            except WordListError as exc:
                problems.append(str(exc))
                continue
            found.append(WordList(word_list.name, word_list.records,
                                  word_list.name not in off, path))
        return found, problems

    def active_words(self) -> UserWords:
        """The words of the lists switched on (unreadable lists are left out)."""
        entries: list[UserEntry] = []
        for word_list in self.lists()[0]:
            if word_list.enabled:
                entries += word_list.words().entries
        return UserWords(tuple(entries))

    def save(self, word_list: WordList) -> WordList:
        """Write a list under its name (records checked first)."""
        for number, record in enumerate(word_list.records, 1):
            problem = _problem(record)
            if problem:
                raise WordListError(f"{word_list.name}, entry {number}: {problem}")
        path = self.folder / f"{word_list.name}.jsonl"
        self.folder.mkdir(parents=True, exist_ok=True)
        write_list(word_list, path)
        return WordList(word_list.name, word_list.records, word_list.enabled, path)

    def import_file(self, path: str | Path) -> WordList:
        """Copy a list file in, under a free name (checked first: a bad file adds nothing)."""
        incoming = read_list(path)
        return self.save(WordList(self.free_name(incoming.name), incoming.records))

    def export(self, name: str, path: str | Path) -> None:
        """Write the list `name` to `path`, to share it."""
        for word_list in self.lists()[0]:
            if word_list.name == name:
                write_list(word_list, path)
                return
        raise UserDataError(f"no word list named {name}")

    def remove(self, name: str) -> None:
        (self.folder / f"{name}.jsonl").unlink(missing_ok=True)

    def set_enabled(self, name: str, enabled: bool) -> None:
        off = self._off() - {name} | (set() if enabled else {name})
        write_json(self.state_path, {"off": sorted(off)})

    def free_name(self, wanted: str) -> str:
        """`wanted` made a safe file name, numbered if a list of that name exists."""
        base = re.sub(r"[^\w\- ]+", "", wanted).strip() or "words"
        name, number = base, 2
        while (self.folder / f"{name}.jsonl").exists():
            name, number = f"{base} ({number})", number + 1
        return name

    def _off(self) -> set[str]:
        try:
            data = json.loads(self.state_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return set()
        off = data.get("off") if isinstance(data, dict) else None
        return {name for name in off if isinstance(name, str)} if isinstance(off, list) else set()
