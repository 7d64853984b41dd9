"""Parsed text: the input split into blocks (lines), each parsed by spaCy.

Parsing line by line keeps sentence boundaries at line breaks, bounds memory on huge
inputs (a long line is cut into pieces of at most `MAX_BLOCK_CHARS`) and lets many
documents share one `nlp.pipe` batch. Offsets of everything here are absolute
indices into `ParsedText.text`. Nothing in this module leaves the engine.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

MAX_BLOCK_CHARS = 5_000
_LINE_RE = re.compile(r"[^\r\n]+")
_SOFT_BREAK_RE = re.compile(r"[.!?;:]\s+|\s+")


@dataclass(frozen=True)
class Block:
    """One parsed line (or piece of a long line) and where it starts in the text."""

    start: int
    doc: Doc

    @property
    def end(self) -> int:
        return self.start + len(self.doc.text)


@dataclass(frozen=True)
class SentenceView:
    """A spaCy sentence with its absolute offsets."""

    start: int
    end: int
    span: Span
    block: Block

    @property
    def text(self) -> str:
        return self.span.text

    def char(self, token: Token) -> int:
        """Absolute start offset of a token of this sentence."""
        return self.block.start + token.idx

    def token_range(self, first: Token, last: Token) -> tuple[int, int]:
        """Absolute half-open range from `first` to the end of `last`."""
        return self.block.start + first.idx, self.block.start + last.idx + len(last)


@dataclass(frozen=True)
class ParsedText:
    """A text with its parsed blocks (excluded ranges, e.g. boilerplate, are not parsed)."""

    text: str
    blocks: tuple[Block, ...]

    def sentences(self) -> Iterator[SentenceView]:
        """All sentences in text order. Where the parser ends a sentence mid-clause (no
        closing punctuation, and the next 'sentence' starts in lower case: "the use of
        Iran's | own Basij ...", a misparse of the small model in long paragraphs), the two
        are one sentence."""
        for block in self.blocks:
            for sent in _joined(block.doc):
                if sent.text.strip():
                    start = block.start + sent.start_char
                    yield SentenceView(start, block.start + sent.end_char, sent, block)

    def tokens(self) -> Iterator[tuple[int, Token]]:
        """Every token with its absolute start offset."""
        for block in self.blocks:
            for token in block.doc:
                yield block.start + token.idx, token


_SENTENCE_END = frozenset(".!?:;\u2026\"\u201d)]")


def _joined(doc: Doc) -> Iterator[Span]:
    """The doc's sentences, a sentence cut mid-clause joined to its continuation."""
    pending: Span | None = None
    for sent in doc.sents:
        if pending is not None:
            last = pending.text.rstrip()[-1:]
            first = sent.text.lstrip()[:1]
            if last and last not in _SENTENCE_END and first.islower():
                pending = doc[pending.start:sent.end]
                continue
            yield pending
        pending = sent
    if pending is not None:
        yield pending


def block_ranges(text: str, excluded: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Ranges of non-empty lines, trimmed of surrounding spaces, outside `excluded`.

    A line longer than MAX_BLOCK_CHARS is cut at a sentence end or space near the limit.
    """
    excluded_sorted = sorted(excluded)
    ranges = []
    for match in _LINE_RE.finditer(text):
        start, end = match.span()
        for piece_start, piece_end in _subtract(start, end, excluded_sorted):
            for cut_start, cut_end in _cut_long(text, piece_start, piece_end):
                while cut_start < cut_end and _blank(text[cut_start]):
                    cut_start += 1
                while cut_end > cut_start and _blank(text[cut_end - 1]):
                    cut_end -= 1
                if cut_end > cut_start:
                    ranges.append((cut_start, cut_end))
    return ranges


def _blank(char: str) -> bool:
    """Spaces and invisible characters (zero-width, BOM, controls) that cannot start a block."""
    return char.isspace() or unicodedata.category(char) in ("Cf", "Cc")


def _subtract(start: int, end: int,
              excluded: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    cursor = start
    for ex_start, ex_end in excluded:
        if ex_end <= cursor or ex_start >= end:
            continue
        if ex_start > cursor:
            yield cursor, ex_start
        cursor = max(cursor, ex_end)
    if cursor < end:
        yield cursor, end


def _cut_long(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while end - start > MAX_BLOCK_CHARS:
        window = text[start + MAX_BLOCK_CHARS // 2 : start + MAX_BLOCK_CHARS]
        breaks = [m.end() for m in _SOFT_BREAK_RE.finditer(window)]
        cut = start + MAX_BLOCK_CHARS // 2 + breaks[-1] if breaks else start + MAX_BLOCK_CHARS
        yield start, cut
        start = cut
    yield start, end


def parse_many(
    nlp: Language,
    texts: Sequence[str],
    excluded: Sequence[Sequence[tuple[int, int]]],
    batch_size: int = 64,
    progress: Callable[[float], None] | None = None,
) -> list[ParsedText]:
    """Parse several texts in one `nlp.pipe` stream.

    `progress(fraction)` is called as blocks are parsed (at most about a hundred times).
    """
    plans = [block_ranges(text, ex) for text, ex in zip(texts, excluded, strict=True)]
    pieces: Iterable[str] = (texts[i][s:e] for i, plan in enumerate(plans) for s, e in plan)
    docs = iter(nlp.pipe(pieces, batch_size=batch_size))
    total = sum(end - start for plan in plans for start, end in plan) or 1
    step = max(total // 100, MAX_BLOCK_CHARS)
    done = reported = 0
    parsed = []
    for text, plan in zip(texts, plans, strict=True):
        blocks = []
        for start, end in plan:
            blocks.append(Block(start, next(docs)))
            done += end - start
            if progress is not None and done - reported >= step:
                reported = done
                progress(done / total)
        parsed.append(ParsedText(text, tuple(blocks)))
    return parsed
