"""The words an aligned claim's framing differences are about, marked in the claim's text.

For the PDF and HTML "Same facts, different framing" tables: in one article's sentences of
an aligned group, the loaded words, hedges and boosters the other article's sentences lack,
and the numbers the other gives differently (the words `framing.differences` names in its
"Loaded words only in A" and "Numbers differ" notes), so that a reader sees them in place.
"""

from __future__ import annotations

from collections.abc import Sequence

from framelens import labels
from framelens.framing import number_ranges, span_ranges
from framelens.model import Analysis

# A run of a claim's text: (text, marked).
Run = tuple[str, bool]
MARKED_CATEGORIES = (labels.LOADED, labels.HEDGE, labels.BOOSTER)
MARK_KEY = ("Bold and underlined in a claim: the loaded words, hedges and boosters only that "
            "article uses in it, and the numbers it gives differently.")


def differing_ranges(own: Analysis, own_indices: Sequence[int], other: Analysis,
                     other_indices: Sequence[int]) -> list[tuple[int, int]]:
    """Character ranges of `own` (in its sentences `own_indices`) that the other side's
    sentences do not share: one-sided loaded words, hedges, boosters, and numbers that differ
    (only when both sides give numbers), sorted and without overlaps."""
    ranges: list[tuple[int, int]] = []
    for category in MARKED_CATEGORIES:
        theirs = span_ranges(other, other_indices, category)
        for word, where in span_ranges(own, own_indices, category).items():
            if word not in theirs:
                ranges += where
    numbers, their_numbers = number_ranges(own, own_indices), number_ranges(other, other_indices)
    if numbers and their_numbers:
        for key, where in numbers.items():
            if key not in their_numbers:
                ranges += where
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def claim_runs(own: Analysis, own_indices: Sequence[int], other: Analysis,
               other_indices: Sequence[int], limit: int | None = None) -> list[Run]:
    """The sentences' text on one line as runs, the differing words marked, cut with an
    ellipsis past `limit` characters (if given)."""
    marks = differing_ranges(own, own_indices, other, other_indices)
    pieces: list[Run] = []
    for index in own_indices:
        sentence = own.sentences[index]
        cut = sentence.start
        for start, end in marks:
            if end <= sentence.start or start >= sentence.end:
                continue
            start, end = max(start, sentence.start), min(end, sentence.end)
            pieces += [(own.text[cut:start], False), (own.text[start:end], True)]
            cut = end
        pieces += [(own.text[cut:sentence.end], False), (" ", False)]
    return _one_line(pieces, limit)


def _one_line(pieces: list[Run], limit: int | None) -> list[Run]:
    """White space collapsed to single spaces across runs, trimmed, clipped to `limit`
    characters with an ellipsis."""
    runs: list[Run] = []
    after_space = True  # drops leading white space
    for text, marked in pieces:
        chars = []
        for char in text:
            if char.isspace():
                if after_space:
                    continue
                char = " "
            after_space = char == " "
            chars.append(char)
        if chars:
            runs.append(("".join(chars), marked))
    if limit is None:
        return runs[:-1] + [(runs[-1][0].rstrip(), runs[-1][1])] if runs else []
    clipped: list[Run] = []
    room = limit if sum(len(t) for t, _ in runs) <= limit else limit - 1
    for text, marked in runs:
        if room <= 0:
            break
        clipped.append((text[:room], marked))
        room -= len(text)
    if clipped:
        text, marked = clipped[-1]
        ellipsis = "\u2026" if room < 0 or (room == 0 and len(runs) > len(clipped)) else ""
        clipped[-1] = (text.rstrip() + ellipsis, marked)
    return clipped
