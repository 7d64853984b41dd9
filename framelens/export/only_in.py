"""What only one article reports, as passages: runs of consecutive sentences the other
article has no counterpart for, each with where it sits (lead, body, near the end).

Fifty sentences listed one by one read like the article reprinted; grouped into the passages
they came from, with a count, a reader sees at once how much and which parts one article
has that the other leaves out. The PDF shows the start of each passage; the HTML the whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from framelens.explain import counted
from framelens.framing import position
from framelens.model import Analysis

_PLACES = {"headline": "Headline", "lead": "Lead", "body": "Body", "end": "Near the end"}


@dataclass(frozen=True)
class Passage:
    """Consecutive sentences (indices into `Analysis.sentences`) only one article reports."""

    sentences: tuple[int, ...]
    place: str  # where its first sentence sits: headline, lead, body or end


def passages(analysis: Analysis, indices: Sequence[int]) -> list[Passage]:
    """The sentences grouped into runs of consecutive sentences, in reading order."""
    runs: list[list[int]] = []
    for index in sorted(indices):
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return [Passage(tuple(run), position(analysis, run[0])) for run in runs]


def heading(name: str, count: int, found: Sequence[Passage]) -> str:
    """'Only in A: 52 sentences, in 11 passages'."""
    where = f", in {counted(len(found), 'passage')}" if len(found) > 1 else ""
    return f"Only in {name}: {counted(count, 'sentence')}{where}"


def label(passage: Passage) -> str:
    """'Lead, 3 sentences' or 'Body'."""
    size = len(passage.sentences)
    return _PLACES[passage.place] + (f", {size} sentences" if size > 1 else "")


def passage_text(analysis: Analysis, passage: Passage,
                 budget: int | None = None) -> tuple[str, int]:
    """The passage's whole sentences on one line, as many as fit in `budget` characters
    (at least one), and how many sentences were left out."""
    shown: list[str] = []
    used = 0
    for index in passage.sentences:
        sentence = analysis.sentences[index]
        text = " ".join(analysis.text[sentence.start:sentence.end].split())
        if shown and budget is not None and used + len(text) > budget:
            break
        shown.append(text)
        used += len(text) + 1
    return " ".join(shown), len(passage.sentences) - len(shown)
