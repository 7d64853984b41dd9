"""The one definition of how each category looks, read from `resources/styles.toml`.

The window, the PDF and the HTML export all take colours, underline styles and names
from here, so screen and paper agree.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from framelens import labels, resources

UNDERLINES = ("none", "single", "double", "wave", "dot", "dash")


@dataclass(frozen=True)
class CategoryStyle:
    """How one category is drawn and named."""

    category: str
    name: str
    description: str
    color: str
    background: str
    dark_background: str
    underline: str
    bold: bool
    italic: bool
    dim: bool
    symbol: str


@functools.cache
def category_styles() -> dict[str, CategoryStyle]:
    """All category styles, in legend order."""
    table = resources.load_toml("styles.toml")["category"]
    styles = {}
    for category in labels.STYLED_CATEGORIES:
        entry = table.get(category)
        if entry is None:
            raise resources.ResourceError(f"styles.toml: no style for category {category!r}")
        underline = entry.get("underline", "none")
        if underline not in UNDERLINES:
            raise resources.ResourceError(f"styles.toml: {category}: bad underline {underline!r}")
        styles[category] = CategoryStyle(
            category=category,
            name=entry["name"],
            description=entry["description"],
            color=entry.get("color", ""),
            background=entry.get("background", ""),
            dark_background=entry.get("dark_background", entry.get("background", "")),
            underline=underline,
            bold=bool(entry.get("bold", False)),
            italic=bool(entry.get("italic", False)),
            dim=bool(entry.get("dim", False)),
            symbol=entry.get("symbol", ""),
        )
    return styles


def style(category: str) -> CategoryStyle:
    """The style of one category."""
    return category_styles()[category]
