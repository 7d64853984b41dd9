"""The sources panel: who is quoted in each article, and which opinion still lacks a source.

For each article (A above, B below) a tree lists its quotes sorted by speaker, with the
reporting verb and its tone, the kind of quote and the quoted content, then the opinion
sentences that carry no attribution, then the beliefs and plans the writer credits to
someone ("she knows that ..."), which are attributions but not anyone's words. Clicking an
entry (or pressing Enter on it) emits `quoteActivated(pane, start, end)` so the window can
scroll to the passage.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from framelens import explain, labels, styles
from framelens.gui.widgets import activating_tree, stack_articles

SIDES = ("A", "B")
COLUMNS = ("Speaker", "Reporting verb", "Kind", "What was said")
UNATTRIBUTED = "(unattributed)"
RANGE_ROLE = Qt.ItemDataRole.UserRole
TOOLTIP_CHARS = 600
TITLE_CHARS = 80
_SPACES = re.compile(r"\s+")


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _tooltip(text: str) -> str:
    text = _one_line(text)
    if len(text) > TOOLTIP_CHARS:
        text = text[: TOOLTIP_CHARS - 1] + "\u2026"
    return f"<p>{html.escape(text)}</p>"


def quote_speaker(analysis, quote) -> str:
    """The speaker's name, else the speaker's words in the text, else '(unattributed)'."""
    return analysis.speaker_of(quote) or UNATTRIBUTED


def sorted_quotes(analysis) -> list:
    """Quotes sorted by speaker (unattributed last), then by position (stable)."""
    def key(quote):
        speaker = quote_speaker(analysis, quote)
        return (speaker == UNATTRIBUTED, speaker.casefold(), quote.content.start)
    return sorted(analysis.quotes, key=key)


def _verb(analysis, quote) -> str:
    return analysis.cue_of(quote) or ""


def _add_spanned(parent: QTreeWidgetItem, item: QTreeWidgetItem) -> None:
    """Add a child whose text runs across all columns (spanning needs the item in the tree)."""
    parent.addChild(item)
    item.setFirstColumnSpanned(True)


class SourcesPanel(QWidget):
    """Quotes and unattributed opinion of both articles."""

    quoteActivated = Signal(int, int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.titles = ["", ""]
        self.headers = [QLabel(), QLabel()]
        self.trees = [self._build_tree(pane) for pane in range(2)]
        stack_articles(self, self.headers, self.trees)
        self.set_analyses([None, None], ["", ""])

    def _build_tree(self, pane: int) -> QTreeWidget:
        tree = activating_tree(COLUMNS, lambda item: self._activate(pane, item))
        tree.setRootIsDecorated(True)
        tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        for column in range(1, len(COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return tree

    def _activate(self, pane: int, item: QTreeWidgetItem) -> None:
        passage = item.data(0, RANGE_ROLE)
        if passage:
            self.quoteActivated.emit(pane, int(passage[0]), int(passage[1]))

    def set_analyses(self, analyses, titles) -> None:
        """Show the quotes of A and B (an entry may be None: not analysed yet)."""
        analyses = (list(analyses) + [None, None])[:2]
        titles = (list(titles) + ["", ""])[:2]
        self.titles = titles
        for pane, analysis in enumerate(analyses):
            self._fill(pane, analysis, titles[pane])

    def _fill(self, pane: int, analysis, title: str) -> None:
        tree, header = self.trees[pane], self.headers[pane]
        tree.clear()
        side = SIDES[pane]
        name = title or (analysis.title if analysis else "") or "(no article)"
        name = html.escape(name if len(name) <= TITLE_CHARS else name[: TITLE_CHARS - 1] + "\u2026")
        if analysis is None:
            header.setText(f"<b>{side}</b> \u2014 {name}: <i>not analysed yet</i>")
            return
        ordered = sorted_quotes(analysis)
        quotes = [q for q in ordered if q.voiced]
        stances = [q for q in ordered if not q.voiced]
        lacking = analysis.unattributed_opinion()
        counts = explain.source_counts(analysis)
        credited = (f"; {explain.counted(counts.credited, 'belief or plan', 'beliefs or plans')}"
                    " credited") if counts.credited else ""
        header.setText(f"<b>{side}</b> \u2014 {name}: {counts.full()}{credited}; "
                       f"{explain.counted(len(lacking), 'opinion sentence')} without a source")
        header.setToolTip("<br>".join(html.escape(meaning.capitalize()) for meaning in (
            explain.QUOTES_MEAN, explain.SPEAKERS_MEAN, explain.NAMED_SOURCES_MEAN,
            explain.CREDITED_MEAN)))
        quotes_root = self._section(tree, f"Quotes ({len(quotes)})")
        for quote in quotes:
            quotes_root.addChild(self._quote_item(analysis, quote))
        if not quotes:
            _add_spanned(quotes_root, self._note("No quotes or reported speech found."))
        opinion_root = self._section(tree, f"Unattributed opinion ({len(lacking)})")
        opinion_root.setToolTip(0, "Opinion sentences with no source: what still needs one.")
        for sentence in lacking:
            _add_spanned(opinion_root, self._sentence_item(analysis, sentence))
        if not lacking:
            _add_spanned(opinion_root, self._note("Every opinion sentence is attributed."))
        if stances:
            stance_root = self._section(tree, f"Beliefs and plans credited ({len(stances)})")
            stance_root.setToolTip(0, "What the writer says someone knows, wants or plans: "
                                      "the writer's account, not the person's own words.")
            for quote in stances:
                stance_root.addChild(self._quote_item(analysis, quote))
        tree.expandAll()
        self._fit_speaker_column(tree, [quote_speaker(analysis, q) for q in ordered])

    def _fit_speaker_column(self, tree: QTreeWidget, speakers: list[str]) -> None:
        """Size the first column to the speakers' names, not to the spanned sentences."""
        metrics = QFontMetrics(tree.font())
        widest = max((metrics.horizontalAdvance(name) for name in [COLUMNS[0], *speakers]),
                     default=0)
        limit = max(tree.viewport().width() // 3, metrics.horizontalAdvance("M" * 12))
        padding = 2 * tree.indentation() + metrics.height()
        tree.setColumnWidth(0, min(widest + padding, limit))

    def _section(self, tree: QTreeWidget, text: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(tree, [text])
        font = QFont(tree.font())
        font.setBold(True)
        item.setFont(0, font)
        item.setFirstColumnSpanned(True)
        return item

    def _note(self, text: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text])
        font = QFont(self.font())
        font.setItalic(True)
        item.setFont(0, font)
        return item

    def _quote_item(self, analysis, quote) -> QTreeWidgetItem:
        verb = _verb(analysis, quote)
        loaded = quote.cue_tone == labels.CUE_LOADED
        tone = quote.cue_tone or "no verb"
        verb_text = f"\u26a0 {verb} (loaded)" if loaded else (f"{verb} ({tone})" if verb else "")
        content = _one_line(analysis.excerpt(quote.content.start, quote.content.end))
        speaker = quote_speaker(analysis, quote)
        item = QTreeWidgetItem([speaker, verb_text, explain.kind_label(quote), content])
        start, end = quote.extent
        item.setData(0, RANGE_ROLE, (start, end))
        item.setToolTip(3, _tooltip(content))
        item.setToolTip(0, _tooltip(quote.explanation or f"Quote attributed to {speaker}."))
        if loaded:
            font = QFont(self.font())
            font.setBold(True)
            font.setUnderline(True)
            item.setFont(1, font)
            item.setForeground(1, QBrush(QColor(styles.style(labels.LOADED).color)))
            item.setToolTip(1, _tooltip(f"'{verb}' is a loaded reporting verb: it colours "
                                        "what the source said; 'said' would be neutral."))
        if speaker == UNATTRIBUTED:
            font = QFont(self.font())
            font.setItalic(True)
            item.setFont(0, font)
        return item

    def _sentence_item(self, analysis, sentence) -> QTreeWidgetItem:
        text = _one_line(analysis.excerpt(sentence.start, sentence.end))
        item = QTreeWidgetItem([text])
        item.setData(0, RANGE_ROLE, (sentence.start, sentence.end))
        item.setToolTip(0, _tooltip(f"{text} \u2014 opinion score {sentence.score:.2f}"))
        return item
