"""The comparison and sources panels, imported defensively.

They live in `comparison_panel.py` and `sources_panel.py`; if either cannot be imported
(or fails), the window shows a short note in its tab and keeps working.
"""

from __future__ import annotations

import importlib
import logging

from PySide6.QtWidgets import QLabel, QTabWidget, QWidget

from framelens.comparison import compare

log = logging.getLogger(__name__)
WAITING_HINT = ("Both articles are open: the comparison appears here as soon as both are "
                "analysed.")
LOADING_HINT = ("Both articles are open. The language model is loading (about ten seconds "
                "the first time); the comparison appears here as soon as both are analysed.")


def _placeholder(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def create(tabs: QTabWidget) -> tuple[QWidget | None, QWidget | None]:
    """Add the Comparison and Sources tabs; returns the panels (None when unavailable)."""
    comparison = sources = None
    try:
        from framelens.gui.comparison_panel import ComparisonPanel

        comparison = ComparisonPanel()
        tabs.addTab(comparison, "Comparison")
    except ModuleNotFoundError:
        tabs.addTab(_placeholder("The comparison panel is not available."), "Comparison")
    except Exception:  # the panel module is optional: the window must open without it
        log.warning("comparison panel unavailable", exc_info=True)
        tabs.addTab(_placeholder("The comparison panel is not available."), "Comparison")
    try:
        from framelens.gui.sources_panel import SourcesPanel

        sources = SourcesPanel()
        tabs.addTab(sources, "Sources")
    except ModuleNotFoundError:
        tabs.addTab(_placeholder("The sources panel is not available."), "Sources")
    except Exception:  # as above
        log.warning("sources panel unavailable", exc_info=True)
        tabs.addTab(_placeholder("The sources panel is not available."), "Sources")
    return comparison, sources


def create_tab(tabs: QTabWidget, module: str, cls: str, title: str) -> QWidget | None:
    """Add a tab holding `framelens.gui.<module>.<cls>()`; returns the panel, or None with a
    short note in the tab when it cannot be made (the window must open without it)."""
    try:
        panel = getattr(importlib.import_module(f"framelens.gui.{module}"), cls)()
        tabs.addTab(panel, title)
        return panel
    except Exception:  # as above: the window must open without it
        log.warning("%s panel unavailable", title, exc_info=True)
        tabs.addTab(_placeholder(f"The {title.lower()} panel is not available."), title)
        return None


def create_techniques(tabs: QTabWidget) -> QWidget | None:
    """Add the Techniques tab; returns the panel (None when unavailable)."""
    return create_tab(tabs, "techniques_panel", "TechniquesPanel", "Techniques")


def create_aligned(tabs: QTabWidget) -> QWidget | None:
    """Add the Aligned claims tab; returns the panel (None when unavailable)."""
    return create_tab(tabs, "aligned_panel", "AlignedClaimsPanel", "Aligned claims")


def update(comparison_panel, sources_panel, analyses: list, titles: list[str],
           hint: str | None = None):
    """Feed both panels the current analyses (a panel error is logged, not raised); `hint`
    is what the comparison panel says while it has no comparison to show. Returns the
    comparison (None without two analyses, or if comparing failed)."""
    first, second = analyses
    result = None
    if first and second:
        try:
            result = compare(first, second, "A", "B")
        except Exception:  # a comparison bug must not break the window
            log.warning("comparison failed", exc_info=True)
    if comparison_panel is not None:
        guarded(comparison_panel.set_comparison, result, *([hint] if hint else []))
    if sources_panel is not None:
        guarded(sources_panel.set_analyses, list(analyses), list(titles))
    return result


def set_dark(comparison_panel, dark: bool) -> None:
    if comparison_panel is not None and hasattr(comparison_panel, "set_dark"):
        guarded(comparison_panel.set_dark, dark)


def guarded(function, *args) -> None:
    try:
        function(*args)
    except Exception:  # a panel bug must not break highlighting
        log.warning("panel update failed", exc_info=True)
