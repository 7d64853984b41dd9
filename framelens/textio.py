"""Files to text: encoding detection, HTML extraction and input checks.

Offsets index what this returns. A UTF-8 `.txt`/`.md` file comes back exactly as stored
(line endings included); only a leading byte-order mark is dropped, since it is not text.
HTML is reduced to its main text (trafilatura, falling back to every visible text node):
scripts are dropped, nothing is executed and nothing is fetched.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

MAX_TEXT_CHARS = 6_000_000  # ~900,000 words: minutes and ~1 GB of memory (docs/bad-input.md)
MAX_FILE_BYTES = 4 * MAX_TEXT_CHARS  # room for UTF-16/32 and HTML markup
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
CONTROL_SHARE_LIMIT = 0.10


class InputError(ValueError):
    """The input cannot be analysed; the message is one plain line naming the file."""


@dataclass(frozen=True)
class LoadedText:
    """A text read from a file, with how it was decoded (`kind`: "text" or "html")."""

    path: str
    text: str
    encoding: str
    kind: str = "text"


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_SIGNATURES = (
    (b"%PDF-", "a PDF document; copy its text into a .txt file first"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file); save it as plain text first"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"{\\rtf", "an RTF document; save it as plain text first"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file; save it as plain text first"),
)

# charset-normalizer alphabets that a Western single-byte code page can produce.
_WESTERN_ALPHABETS = ("Latin", "General Punctuation", "Currency Symbols", "Letterlike Symbols",
                      "Spacing Modifier Letters", "Control character")


def read_text_file(path: str | Path) -> LoadedText:
    """Read a text, Markdown or HTML file; raise InputError with a one-line reason otherwise."""
    name = str(path)
    file = Path(path)
    raw = _read_bytes(file, name)
    if not raw:
        raise InputError(f"{name}: the file is empty")
    is_html = file.suffix.lower() in HTML_SUFFIXES
    text, encoding = decode(raw, name)
    if is_html:
        text = html_to_text(text)
        if not text.strip():
            raise InputError(f"{name}: the web page has no readable text")
    elif not text:
        raise InputError(f"{name}: the file is empty")
    elif not text.strip():
        raise InputError(f"{name}: the file holds only spaces and blank lines")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"{name}: too long ({len(text):,} characters; "
                         f"FrameLens analyses at most {MAX_TEXT_CHARS:,})")
    return LoadedText(name, text, encoding, "html" if is_html else "text")


def _read_bytes(file: Path, name: str) -> bytes:
    try:
        if file.is_dir():
            raise InputError(f"{name}: is a folder, not a file")
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(f"{name}: too large ({size / 1e6:.1f} MB; FrameLens reads files "
                             f"up to {MAX_FILE_BYTES / 1e6:.0f} MB)")
        return file.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a folder, not a file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied (FrameLens may not read this file)") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None


def decode(raw: bytes, name: str) -> tuple[str, str]:
    """Decode bytes: BOM first, then strict UTF-8, then detection; refuse binary data."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return _checked(raw.decode(encoding), name), encoding
            except UnicodeDecodeError:
                raise InputError(f"{name}: damaged text (invalid {encoding} after its "
                                 f"byte-order mark)") from None
    for signature, what in _SIGNATURES:
        if raw.startswith(signature):
            raise InputError(f"{name}: not a text file (this is {what})")
    try:
        return _checked(raw.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    return _detect(raw, name)


def _detect(raw: bytes, name: str) -> tuple[str, str]:
    """Ask charset-normalizer; for Latin-script text prefer Windows-1252, its usual source."""
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise InputError(f"{name}: not a text file (binary data or an unknown encoding)")
    western = all(any(part in alphabet for part in _WESTERN_ALPHABETS)
                  for alphabet in best.alphabets)
    if western and b"\x00" not in raw:
        try:
            return _checked(raw.decode("cp1252"), name), "cp1252"
        except UnicodeDecodeError:
            return _checked(raw.decode("latin-1"), name), "latin-1"
    return _checked(str(best), name), best.encoding


def _checked(text: str, name: str) -> str:
    """The text, unless control characters show it is really binary data."""
    visible = [char for char in text if not char.isspace()]
    controls = sum(1 for char in visible if unicodedata.category(char) == "Cc")
    if visible and controls / len(visible) > CONTROL_SHARE_LIMIT:
        raise InputError(f"{name}: not a text file (binary data)")
    return text


def html_to_text(html: str) -> str:
    """The main text of a web page (trafilatura), else all its visible text. Never fetches."""
    import trafilatura

    try:
        main = trafilatura.extract(html, output_format="txt", include_comments=False,
                                   include_tables=True, include_images=False,
                                   include_links=False, favor_recall=True, deduplicate=False)
    except Exception:  # trafilatura/lxml give up on some malformed pages; fall back below
        main = None
    if main and main.strip():
        return main
    return visible_text(html)


class _VisibleText(HTMLParser):
    """Collects text outside scripts, styles and other non-content elements."""

    SKIP = frozenset({"script", "style", "noscript", "template", "iframe", "object", "embed",
                      "svg", "math", "head", "title", "canvas", "select", "button"})
    BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
                        "blockquote", "section", "article", "header", "footer", "pre", "hr",
                        "table", "ul", "ol", "dd", "dt", "figcaption"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping.append(tag)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.skipping:
            while self.skipping and self.skipping.pop() != tag:
                pass
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """All visible text of an HTML page, one paragraph a line (the standard-library parser)."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)
