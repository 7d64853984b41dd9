"""CSV of aligned claims: one row per aligned group, then one per sentence only one side has.

Columns: kind (aligned, only_in_a, only_in_b), the sentence indices and texts of A and B,
the score, the evidence that ties them and the framing differences in words.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence

from framelens.fileio import atomic_output
from framelens.model import Analysis, Comparison

HEADER = ("kind", "a_sentences", "b_sentences", "a_text", "b_text", "score", "evidence",
          "differences")


def _text(analysis: Analysis, indices: Sequence[int]) -> str:
    return " ".join(" ".join(analysis.excerpt(analysis.sentences[i].start,
                                              analysis.sentences[i].end).split())
                    for i in indices)


def rows(comparison: Comparison) -> Iterator[tuple[str, ...]]:
    """The rows (without the header); nothing when the comparison has no alignment."""
    claims = comparison.alignment
    if claims is None:
        return
    a, b = comparison.a, comparison.b
    for group in claims.groups:
        yield ("aligned", " ".join(map(str, group.a)), " ".join(map(str, group.b)),
               _text(a, group.a), _text(b, group.b), f"{group.score:.3f}", group.evidence(),
               " ".join(group.differences))
    for i in claims.only_in_a:
        yield ("only_in_a", str(i), "", _text(a, [i]), "", "", "", "")
    for j in claims.only_in_b:
        yield ("only_in_b", "", str(j), "", _text(b, [j]), "", "", "")


def write_claims_csv(comparison: Comparison, out: str) -> None:
    """Write the aligned claims of a comparison (UTF-8 with BOM, so spreadsheets agree)."""
    with atomic_output(out) as handle:
        handle.write("\ufeff")
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows(comparison))
