"""The Aligned claims tab: what both articles report, side by side with how each tells it,
what only one reports, and who is named, given a voice, acting and acted upon.

Left: a tree with the aligned claims (A's sentences, B's, and the differences in words),
then the sentences only A and only B report. Right: the actors and voices contrasts, the
source mix of each article, and one table of actors with their part in A and in B.
Clicking a claim emits `groupActivated(index)` (the window outlines it in both panes);
clicking an "only in" sentence emits `sentenceActivated(pane, start, end)`.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from framelens.actor_table import ACTOR_COLUMNS, actor_rows, source_mix
from framelens.explain import clip, counted

GROUP_ROLE = Qt.ItemDataRole.UserRole
SENTENCE_ROLE = Qt.ItemDataRole.UserRole + 1
CLAIM_COLUMNS = ("#", "A says", "B says", "How the telling differs")
SENTENCE_CHARS = 320
_SPACES = re.compile(r"\s+")


def sentence_text(analysis, indices) -> str:
    """The sentences' text on one line, clipped for a table cell."""
    text = " ".join(_SPACES.sub(" ", analysis.excerpt(analysis.sentences[i].start,
                                                      analysis.sentences[i].end)).strip()
                    for i in indices)
    return clip(text, SENTENCE_CHARS)


class WrappingDelegate(QStyledItemDelegate):
    """Row heights for text wrapped at its column's width.

    QTreeView asks its delegate for a row's height without the column width, so wrapped text
    would be cut to the lines its own line breaks make; this delegate gives the width (except
    for the first column: numbers and section titles, which do not wrap).
    """

    def __init__(self, tree: QTreeWidget):
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option, index):  # noqa: N802 (Qt's name)
        if index.column() > 0:
            option = QStyleOptionViewItem(option)
            option.rect = QRect(0, 0, self.tree.header().sectionSize(index.column()), 1)
        return super().sizeHint(option, index)


def _tree(name: str, columns: tuple[str, ...]) -> QTreeWidget:
    """A tree whose rows wrap their text and grow to fit it, laid out again whenever a
    column's width changes (a narrower window, a moved splitter, a larger font, the tab
    first shown); it scrolls by pixels, so the end of a row taller than the view can be read
    too."""
    tree = QTreeWidget()
    tree.setObjectName(name)
    tree.setColumnCount(len(columns))
    tree.setHeaderLabels(columns)
    tree.setWordWrap(True)
    tree.setUniformRowHeights(False)
    tree.setAlternatingRowColors(True)
    tree.setItemDelegate(WrappingDelegate(tree))
    tree.setVerticalScrollMode(QTreeWidget.ScrollMode.ScrollPerPixel)  # rows taller than the view
    relayout = QTimer(tree)
    relayout.setSingleShot(True)
    relayout.setInterval(0)
    relayout.timeout.connect(lambda: _lay_out_again(tree))
    tree.header().sectionResized.connect(lambda *_: relayout.start())
    return tree


def _lay_out_again(tree: QTreeWidget) -> None:
    """Rows laid out for the columns' new widths; the chosen row stays in view (its place
    moves as the rows above it grow or shrink)."""
    tree.doItemsLayout()
    if tree.currentItem() is not None:
        tree.scrollToItem(tree.currentItem(), QTreeWidget.ScrollHint.PositionAtTop)


class AlignedClaimsPanel(QWidget):
    """Aligned claims, "only in" sentences, actors and voices of the current comparison."""

    groupActivated = Signal(int)
    sentenceActivated = Signal(int, int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("alignedSummary")
        self.claims = _tree("alignedClaims", CLAIM_COLUMNS)
        header = self.claims.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.claims.itemClicked.connect(lambda item, _column: self._activate(item))
        self.claims.itemActivated.connect(lambda item, _column: self._activate(item))
        self.voices = QLabel()
        self.voices.setObjectName("alignedVoices")
        self.voices.setWordWrap(True)
        self.voices.setTextFormat(Qt.TextFormat.RichText)
        self.actors = _tree("alignedActors", ACTOR_COLUMNS)
        self.actors.setRootIsDecorated(False)
        self.actors.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.actors.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        voices_box = QScrollArea()  # a short tab scrolls the paragraph instead of cutting it
        voices_box.setObjectName("alignedVoicesBox")
        voices_box.setWidgetResizable(True)
        voices_box.setFrameShape(QFrame.Shape.NoFrame)
        voices_box.setWidget(self.voices)
        side = QSplitter(Qt.Orientation.Vertical)
        side.setChildrenCollapsible(False)
        side.addWidget(voices_box)
        side.addWidget(self.actors)
        side.setStretchFactor(1, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.claims)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self.group_items: list[QTreeWidgetItem] = []
        self.set_comparison(None)

    # --- filling -------------------------------------------------------------------------
    def set_comparison(self, comparison, hint: str = "") -> None:
        """Show a comparison's alignment and actors (None: say what is missing)."""
        self.claims.clear()
        self.actors.clear()
        self.voices.clear()
        self.group_items = []
        alignment = getattr(comparison, "alignment", None)
        if comparison is None or alignment is None:
            self.summary.setText(hint or "Open two articles: what both report, and what only "
                                         "one does, appears here.")
            return
        a, b = comparison.a, comparison.b
        groups = alignment.groups
        self.summary.setText(
            f"{alignment.summary} {counted(len(groups), 'claim')} reported by both; "
            f"{counted(len(alignment.only_in_a), 'sentence')} only in A, "
            f"{len(alignment.only_in_b)} only in B. Click a claim to see it in both articles "
            "(F7 steps through them).")
        bold = QFont(self.claims.font())
        bold.setBold(True)
        if groups:
            both = self._section(f"Reported by both ({len(groups)})", bold)
            for index, group in enumerate(groups):
                item = QTreeWidgetItem([str(index + 1), sentence_text(a, group.a),
                                        sentence_text(b, group.b), self._differences(group)])
                item.setData(0, GROUP_ROLE, index)
                item.setToolTip(3, group.evidence())
                both.addChild(item)
                self.group_items.append(item)
        for side, analysis, indices in ((0, a, alignment.only_in_a),
                                        (1, b, alignment.only_in_b)):
            if not indices:
                continue
            name = "AB"[side]
            section = self._section(f"Only in {name} ({len(indices)})", bold)
            for i in indices:
                text = sentence_text(analysis, [i])
                cells = ["", text, "", ""] if side == 0 else ["", "", text, ""]
                item = QTreeWidgetItem(cells)
                sentence = analysis.sentences[i]
                item.setData(0, SENTENCE_ROLE, (side, sentence.start, sentence.end))
                section.addChild(item)
        self.claims.expandAll()
        self._fill_actors(comparison)

    def _section(self, text: str, font: QFont) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text])
        item.setFont(0, font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.claims.addTopLevelItem(item)
        item.setFirstColumnSpanned(True)
        return item

    @staticmethod
    def _differences(group) -> str:
        lines = list(group.differences) or ["Both tell it alike."]
        return "\n".join(lines)

    def _fill_actors(self, comparison) -> None:
        actors = comparison.actors
        if actors is None:
            return
        lines = [f"<b>Actors and voices.</b> {' '.join(html.escape(c) for c in actors.contrasts)}",
                 f"<b>Source mix.</b> A: {html.escape(source_mix(actors.sources_a))}. "
                 f"B: {html.escape(source_mix(actors.sources_b))}."]
        self.voices.setText("<br>".join(lines))
        for row in actor_rows(actors):
            self.actors.addTopLevelItem(QTreeWidgetItem(list(row)))

    # --- selection -----------------------------------------------------------------------
    def _activate(self, item: QTreeWidgetItem) -> None:
        group = item.data(0, GROUP_ROLE)
        if group is not None:
            self.groupActivated.emit(int(group))
            return
        sentence = item.data(0, SENTENCE_ROLE)
        if sentence:
            self.sentenceActivated.emit(int(sentence[0]), int(sentence[1]), int(sentence[2]))

    def select_group(self, index: int) -> None:
        """Show claim `index` as chosen (from the panes or F7) without re-emitting."""
        self.claims.blockSignals(True)
        try:
            if 0 <= index < len(self.group_items):
                item = self.group_items[index]
                self.claims.setCurrentItem(item)
                self.claims.doItemsLayout()  # wrapped rows: their heights first, then scroll
                self.claims.scrollToItem(item, QTreeWidget.ScrollHint.PositionAtTop)
            else:
                self.claims.clearSelection()
        finally:
            self.claims.blockSignals(False)
