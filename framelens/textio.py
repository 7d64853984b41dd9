"""Files to text: encoding detection and input checks. Offsets index what this returns."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path


class InputError(ValueError):
    """The input cannot be analysed; the message is one plain line naming the file."""


@dataclass(frozen=True)
class LoadedText:
    """A text read from a file, with how it was decoded."""

    path: str
    text: str
    encoding: str


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_text_file(path: str | Path) -> LoadedText:
    """Read a text file: UTF-8 exactly as stored, other encodings detected."""
    name = str(path)
    file = Path(path)
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a folder, not a file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    text, encoding = decode(raw, name)
    if not text.strip():
        raise InputError(f"{name}: the file is empty")
    return LoadedText(name, text, encoding)


def decode(raw: bytes, name: str) -> tuple[str, str]:
    """Decode bytes: BOM first, then strict UTF-8, then detection."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw.decode(encoding), encoding
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise InputError(f"{name}: not a text file (binary or unknown encoding)")
    return str(best), best.encoding
