"""The Techniques tab: each article's persuasion techniques, grouped by technique.

For each article (A above, B below) a tree lists the techniques it uses with their counts in
the writer's own voice and in quotes; under each, the marked words and whose they are.
Clicking an entry (or Enter) emits `techniqueActivated(pane, start, end)` so the window can
scroll to it, and makes its technique the one F8 steps through (`chosen_technique`).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QWidget

from framelens import explain, labels
from framelens.gui.widgets import activating_tree, stack_articles
from framelens.technique_counts import technique_counts, technique_spans
from framelens.technique_info import techniques

SIDES = ("A", "B")
COLUMNS = ("Technique / words", "Whose")
RANGE_ROLE = Qt.ItemDataRole.UserRole
TECHNIQUE_ROLE = Qt.ItemDataRole.UserRole + 1


def group_label(count) -> str:
    """"Flag-waving — 3 (own voice 2, quoted 1)": a technique's line in the tree."""
    name = techniques()[count.technique].name
    return f"{name} \u2014 {count.total} (own voice {count.writer}, quoted {count.sources})"


def next_span(analysis, technique: str, here: int, forward: bool):
    """The technique span after (or before) code-point offset `here`, wrapping around."""
    spans = technique_spans(analysis, technique)
    if not spans:
        return None
    if forward:
        after = [s for s in spans if s.start > here]
        return after[0] if after else spans[0]
    before = [s for s in spans if s.start < here]
    return before[-1] if before else spans[-1]


class TechniquesPanel(QWidget):
    """The techniques of both articles, grouped by technique, with writer/source counts."""

    techniqueActivated = Signal(int, int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.chosen_technique: str | None = None
        self.headers = [QLabel(), QLabel()]
        self.trees = [self._build_tree(pane) for pane in range(2)]
        stack_articles(self, self.headers, self.trees)
        self.set_analyses([None, None], ["", ""])

    def _build_tree(self, pane: int) -> QTreeWidget:
        return activating_tree(COLUMNS, lambda item: self._activate(pane, item))

    def _activate(self, pane: int, item: QTreeWidgetItem) -> None:
        technique = item.data(0, TECHNIQUE_ROLE)
        if technique:
            self.chosen_technique = technique
        passage = item.data(0, RANGE_ROLE)
        if passage:
            self.techniqueActivated.emit(pane, int(passage[0]), int(passage[1]))

    def set_analyses(self, analyses, titles) -> None:
        """Show the techniques of A and B (an entry may be None: not analysed yet)."""
        analyses = (list(analyses) + [None, None])[:2]
        titles = (list(titles) + ["", ""])[:2]
        for pane, analysis in enumerate(analyses):
            self._fill(pane, analysis, titles[pane])

    def _fill(self, pane: int, analysis, title: str) -> None:
        tree, header = self.trees[pane], self.headers[pane]
        tree.clear()
        name = html.escape(title or (analysis.title if analysis else "") or "(no article)")
        if analysis is None:
            header.setText(f"<b>{SIDES[pane]}</b> \u2014 {name}: <i>not analysed yet</i>")
            return
        counts = technique_counts(analysis)
        figures = analysis.metrics
        header.setText(f"<b>{SIDES[pane]}</b> \u2014 {name}: "
                       f"{explain.counted(figures.technique_count, 'technique mark')} "
                       f"({figures.technique_writer_count} in its own voice, "
                       f"{figures.technique_source_count} quoted); "
                       f"{explain.counted(figures.vague_attribution_count, 'vague attribution')}")
        for count in counts:
            info = techniques()[count.technique]
            group = QTreeWidgetItem(tree, [group_label(count), ""])
            group.setData(0, TECHNIQUE_ROLE, count.technique)
            font = QFont(tree.font())
            font.setBold(True)
            group.setFont(0, font)
            group.setToolTip(0, f"<p>{html.escape(info.definition)}</p>"
                                f"<p><b>Ask:</b> {html.escape(info.question)}</p>")
            for span in technique_spans(analysis, count.technique):
                words = explain.clip(analysis.excerpt(span.start, span.end))
                item = QTreeWidgetItem(group, [words, explain.whose(span)])
                item.setData(0, RANGE_ROLE, (span.start, span.end))
                item.setData(0, TECHNIQUE_ROLE, count.technique)
                item.setToolTip(0, html.escape(explain.explain_span(analysis, span).note()))
        if not counts:
            QTreeWidgetItem(tree, ["No persuasion technique found.", ""])
        tree.expandAll()
        tree.resizeColumnToContents(1)


def is_technique_category(category: str | None) -> bool:
    """Whether F8 should step through one technique (the legend's Technique row)."""
    return category == labels.TECHNIQUE


def step_technique(window, forward: bool) -> bool:
    """F8 within the technique chosen in the Techniques tab of `window`; False when none is
    chosen (then F8 steps through every technique mark)."""
    from framelens.explain import explain_span
    from framelens.gui.explain import to_html
    from framelens.gui.offsets import Utf16Map

    technique = getattr(window.techniques_panel, "chosen_technique", None)
    pane = window.panes[window.active]
    if technique is None or pane.analysis is None:
        return False
    here = Utf16Map(pane.analysis.text).from_qt(pane.editor.textCursor().selectionStart())
    span = next_span(pane.analysis, technique, here, forward)
    if span is None:
        window.statusBar().showMessage(f"No such marks in {'AB'[window.active]}.", 4000)
        return True
    window.show_ranges(window.active, [(span.start, span.end)])
    window.show_explanation(to_html(explain_span(pane.analysis, span)))
    return True
