"""Options shared by the PDF and HTML exports."""

from __future__ import annotations

from dataclasses import dataclass, field

from framelens import labels

PAPER_SIZES = ("a4", "letter")


@dataclass(frozen=True)
class ExportOptions:
    """What to include and how to lay it out."""

    categories: frozenset[str] = field(default_factory=lambda: frozenset(labels.STYLED_CATEGORIES))
    paper: str = "a4"
    side_by_side: bool = False
