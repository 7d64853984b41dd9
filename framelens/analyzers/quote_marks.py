"""Quotation marks: find the passages they enclose by scanning characters, never crashing.

Handles curly and straight double marks, doubled single marks (''...'') and guillemets;
single marks only outside double ones, where an apostrophe (don't, Iran's, the
horses' carrots) is told apart from a closing mark by the letters around it. A quote
never runs past its paragraph, except in news style: a paragraph that opens with a mark
and does not close it continues in the next paragraph when that one opens with a mark.
A stray or unbalanced mark is dropped, so it cannot swallow the rest of the article. One
exception: an excerpt that begins inside a quotation ("... next year.” she said") has a
closing mark before any opening one; the text up to it is the end of that quotation.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

OPEN_DOUBLE = "\u201c\u201e\u201f\u00ab"
CLOSE_DOUBLE = "\u201d\u00bb"
OPEN_SINGLE = "\u2018\u201b\u2039"
CLOSE_SINGLE = "\u2019\u203a"
ALL_MARKS = OPEN_DOUBLE + CLOSE_DOUBLE + OPEN_SINGLE + CLOSE_SINGLE + "\"'`"
_BEFORE_OPEN = "([{\u2014\u2013-/" + OPEN_DOUBLE + OPEN_SINGLE
_AFTER_CLOSE = ",.;:!?)]}\u2014\u2013-\u2026" + CLOSE_DOUBLE + CLOSE_SINGLE

_OPEN, _CLOSE, _TOGGLE = "open", "close", "toggle"


@dataclass(frozen=True)
class QuotedSpan:
    """A passage in quotation marks: `start`/`end` include the marks."""

    start: int
    end: int
    single: bool = False
    closed: bool = True
    paragraphs: int = 1

    def inner(self, text: str) -> tuple[int, int]:
        """The passage without its marks (an opening mark may be doubled, ``like this'')."""
        start, end = self.start, self.end
        while start < min(end, self.start + 2) and text[start] in ALL_MARKS:
            start += 1
        if self.closed:
            while end > max(start, self.end - 2) and text[end - 1] in ALL_MARKS:
                end -= 1
        return start, end


class QuotedIndex:
    """A text's quoted passages without their marks, sorted, to find the ones that overlap
    a sentence or block without scanning them all."""

    def __init__(self, text: str, quoted: Sequence[QuotedSpan]):
        self.inner = sorted(q.inner(text) for q in quoted)
        self._starts = [start for start, _ in self.inner]
        self._longest = max((end - start for start, end in self.inner), default=0)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The passages (without marks) that overlap text[start:end]."""
        near = self.inner[bisect.bisect_left(self._starts, start - self._longest):
                          bisect.bisect_left(self._starts, end)]
        return [(s, e) for s, e in near if s < end and e > start]


@dataclass(frozen=True)
class _Mark:
    pos: int
    size: int
    role: str
    single: bool


def find_quoted(text: str, paragraphs: Sequence[tuple[int, int]],
                single_max_chars: int = 300) -> list[QuotedSpan]:
    """Quoted passages inside `paragraphs` (sorted, non-overlapping ranges of `text`)."""
    found: list[QuotedSpan] = []
    carried: int | None = None
    carried_paras = 0
    for index, (start, end) in enumerate(paragraphs):
        marks = list(_marks(text, start, end))
        if index == 0 and _begins_inside_quote(text, start, marks):
            found.append(QuotedSpan(start, marks[0].pos + marks[0].size, False, False, 1))
            marks = marks[1:]
        if carried is not None:
            if marks and marks[0].pos == start and marks[0].role != _CLOSE and not marks[0].single:
                marks = marks[1:]
            else:
                carried = None
        spans, open_at = _pair(text, marks, carried, single_max_chars)
        found.extend(QuotedSpan(s, e, single, True, carried_paras + 1 if s == carried else 1)
                     for s, e, single in spans)
        if open_at is None:
            carried, carried_paras = None, 0
            continue
        continued = open_at == carried
        opened_paragraph = open_at == start or continued
        if opened_paragraph and _next_opens(text, paragraphs, index):
            carried_paras = carried_paras + 1 if continued else 1
            carried = open_at
        elif opened_paragraph:
            paras = carried_paras + 1 if continued else 1
            found.append(QuotedSpan(open_at, end, False, False, paras))
            carried, carried_paras = None, 0
        else:
            carried, carried_paras = None, 0
    if carried is not None:
        last_end = paragraphs[-1][1]
        found.append(QuotedSpan(carried, last_end, False, False, carried_paras + 1))
    return sorted(found, key=lambda q: (q.start, q.end))


def _begins_inside_quote(text: str, start: int, marks: Sequence[_Mark]) -> bool:
    """True when the text's first double mark closes a quotation of two or more words that
    ends a sentence or clause: the text is an excerpt that starts mid-quotation."""
    first = next((m for m in marks if not m.single), None)
    if first is None or first.role != _CLOSE or any(m.pos < first.pos for m in marks):
        return False
    before = text[start:first.pos].rstrip()
    return len(before.split()) >= 2 and before[-1:] in ".!?,;\u2026"


def _next_opens(text: str, paragraphs: Sequence[tuple[int, int]], index: int) -> bool:
    if index + 1 >= len(paragraphs):
        return False
    start, end = paragraphs[index + 1]
    first = next(_marks(text, start, end), None)
    return first is not None and first.pos == start and first.role != _CLOSE and not first.single


def _pair(text: str, marks: Sequence[_Mark], carried: int | None,
          single_max_chars: int) -> tuple[list[tuple[int, int, bool]], int | None]:
    """Pair the marks of one paragraph; returns the spans and a double mark left open."""
    spans: list[tuple[int, int, bool]] = []
    open_double = carried
    open_single: int | None = None
    for mark in marks:
        if mark.single:
            if open_double is not None:
                continue
            if mark.role == _OPEN:
                open_single = mark.pos
            elif open_single is not None and mark.pos - open_single <= single_max_chars:
                if mark.pos - open_single > 1:
                    spans.append((open_single, mark.pos + mark.size, True))
                open_single = None
            continue
        role = mark.role
        if role == _TOGGLE:
            role = _OPEN if open_double is None else _CLOSE
        if role == _OPEN:
            open_double = mark.pos
            open_single = None
        elif open_double is not None:
            if mark.pos > open_double + 1:
                spans.append((open_double, mark.pos + mark.size, False))
            open_double = None
    return spans, open_double


def _marks(text: str, start: int, end: int) -> Iterator[_Mark]:
    """The quotation marks of text[start:end] with their likely role."""
    i = start
    while i < end:
        char = text[i]
        if char not in ALL_MARKS:
            i += 1
            continue
        prev = text[i - 1] if i > start else ""
        if char in "'`" and i + 1 < end and text[i + 1] == char:
            role = _OPEN if char == "`" else _straight_role(text, i, 2, start, end)
            yield _Mark(i, 2, role, False)
            i += 2
            continue
        nxt = text[i + 1] if i + 1 < end else ""
        if char in OPEN_DOUBLE:
            yield _Mark(i, 1, _OPEN, False)
        elif char in CLOSE_DOUBLE:
            yield _Mark(i, 1, _CLOSE, False)
        elif char == '"':
            yield _Mark(i, 1, _straight_role(text, i, 1, start, end), False)
        elif char in OPEN_SINGLE:
            yield _Mark(i, 1, _OPEN, True)
        elif not (prev.isalnum() and nxt.isalnum()):
            single = _single_role(prev, nxt, char)
            if single is not None:
                yield _Mark(i, 1, single, True)
        i += 1


def _straight_role(text: str, i: int, size: int, start: int, end: int) -> str:
    prev = text[i - 1] if i > start else ""
    nxt = text[i + size] if i + size < end else ""
    opens = (not prev or prev.isspace() or prev in _BEFORE_OPEN) and bool(nxt) and not nxt.isspace()
    closes = (not nxt or nxt.isspace() or nxt in _AFTER_CLOSE) and bool(prev) and not prev.isspace()
    if opens and not closes:
        return _OPEN
    if closes and not opens:
        return _CLOSE
    return _TOGGLE


def _single_role(prev: str, nxt: str, char: str) -> str | None:
    """Open or close for a single mark that is not between two letters; None if neither."""
    if char == "'" and (not prev or prev.isspace() or prev in _BEFORE_OPEN):
        return _OPEN if nxt.isalpha() else None
    if prev and not prev.isspace() and (not nxt or nxt.isspace() or nxt in _AFTER_CLOSE):
        return _CLOSE
    return None
