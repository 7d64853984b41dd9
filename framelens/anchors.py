"""Anchors for the user's marks: find a passage again after the text around it changed.

A passage is remembered by its words, a little context on either side and its offset (as
annotation tools do with a quote selector and a position selector). In a new version of the
text, the occurrence of the words whose context agrees best wins, the nearest to the old
offset on a tie; so editing elsewhere in the article does not lose the mark.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

CONTEXT_CHARS = 32


@dataclass(frozen=True)
class Anchor:
    """The words of a passage, the text just before and after them, and where they were."""

    words: str
    prefix: str
    suffix: str
    start: int

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Anchor:
        """The anchor of `text[start:end]`."""
        return cls(text[start:end], text[max(0, start - CONTEXT_CHARS):start],
                   text[end:end + CONTEXT_CHARS], start)

    def to_json(self) -> dict[str, Any]:
        return {"words": self.words, "prefix": self.prefix, "suffix": self.suffix,
                "start": self.start}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Anchor:
        """An anchor from `to_json` output; ValueError on a malformed one."""
        words, prefix, suffix, start = (data.get("words"), data.get("prefix", ""),
                                        data.get("suffix", ""), data.get("start", 0))
        if not isinstance(words, str) or not words or not isinstance(prefix, str) \
                or not isinstance(suffix, str) or not isinstance(start, int):
            raise ValueError("malformed anchor")
        return cls(words, prefix, suffix, start)


def _common_prefix(a: str, b: str) -> int:
    size = 0
    for left, right in zip(a, b, strict=False):
        if left != right:
            break
        size += 1
    return size


def locate(anchor: Anchor, text: str) -> tuple[int, int] | None:
    """Where the anchored words are in `text` now, or None when they are gone."""
    best: tuple[int, int, int] | None = None  # (-context agreement, distance, start)
    position = text.find(anchor.words)
    while position >= 0:
        before = text[max(0, position - len(anchor.prefix)):position]
        after = text[position + len(anchor.words):][:len(anchor.suffix)]
        agreement = _common_prefix(before[::-1], anchor.prefix[::-1]) + \
            _common_prefix(after, anchor.suffix)
        key = (-agreement, abs(position - anchor.start), position)
        if best is None or key < best:
            best = key
        position = text.find(anchor.words, position + 1)
    return None if best is None else (best[2], best[2] + len(anchor.words))
