"""The one place Python string offsets become Qt text positions and back.

The engine reports offsets as Python `str` indices (code points); Qt documents count
UTF-16 code units, so every character outside the Basic Multilingual Plane (emoji, some
CJK) takes two Qt positions. No other module converts offsets.
"""

from __future__ import annotations

import bisect


class Utf16Map:
    """Maps between code-point offsets of `text` and UTF-16 positions of the same text."""

    def __init__(self, text: str):
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if not (
            text.isascii()) else []
        self._astral_qt = [index + count for count, index in enumerate(self._astral)]
        self.length = len(text)

    def to_qt(self, offset: int) -> int:
        """The UTF-16 position of code-point `offset`."""
        return offset + bisect.bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        """The code-point offset of UTF-16 `position` (inside a surrogate pair: its start)."""
        before = bisect.bisect_left(self._astral_qt, position)
        if before and self._astral_qt[before - 1] + 1 == position:
            return self._astral[before - 1]
        return position - before
