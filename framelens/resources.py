"""Find, read and cache the data files in `resources/` (lexicons, rules, styles).

Formats: `.toml` (with a `[meta]` table naming source and licence), `.txt`/`.tsv`
(one entry a line, `#` starts a comment line) and `.jsonl` (one JSON object a line,
lines starting with `#` are comments). Every file names its source and licence.
"""

from __future__ import annotations

import functools
import json
import tomllib
from pathlib import Path
from typing import Any

RESOURCE_DIR = Path(__file__).resolve().parent.parent / "resources"


class ResourceError(RuntimeError):
    """A resource file is missing or malformed."""


def path(name: str) -> Path:
    """The path of a resource file, or a clear error naming it."""
    candidate = RESOURCE_DIR / name
    if not candidate.is_file():
        raise ResourceError(f"resource file not found: {candidate}")
    return candidate


@functools.cache
def load_toml(name: str) -> dict[str, Any]:
    """A TOML resource as a dict (cached; do not mutate)."""
    try:
        with path(name).open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ResourceError(f"{name}: {exc}") from exc


@functools.cache
def load_lines(name: str) -> tuple[str, ...]:
    """The non-empty, non-comment lines of a text resource, stripped."""
    lines = path(name).read_text(encoding="utf-8").splitlines()
    return tuple(ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#"))


@functools.cache
def load_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    """The objects of a JSONL resource (comment lines skipped)."""
    records = []
    for number, line in enumerate(path(name).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise ResourceError(f"{name}:{number}: {exc.msg}") from exc
    return tuple(records)
