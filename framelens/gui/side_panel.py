"""The legend dock's contents: the legend, then "Why was this marked?" with the
explanation of the last mark hovered, clicked or jumped to; rule ids and weights only
with its "Details" box ticked."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from framelens.gui.explain import without_details
from framelens.gui.legend import Legend


class SidePanel(QWidget):
    """Legend above the explanation panel."""

    detailsToggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.legend = Legend()
        self.why_label = QLabel("<b>Why was this marked?</b>")
        self.explanation = QTextBrowser()
        self.explanation.setOpenLinks(False)
        self.explanation.setPlaceholderText("Hover over or click a mark to see why it was marked.")
        self.details_box = QCheckBox("Details: rule ids and weights")
        self.details_box.toggled.connect(self._details_toggled)
        self.explanation_html = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.legend, 3)
        layout.addWidget(self.why_label)
        layout.addWidget(self.explanation, 2)
        layout.addWidget(self.details_box)

    def show_explanation(self, html: str) -> None:
        """Fill "Why was this marked?" ("" shows the placeholder)."""
        self.explanation_html = html
        self.explanation.setHtml(html if self.details_box.isChecked() else without_details(html))

    def _details_toggled(self, on: bool) -> None:
        self.show_explanation(self.explanation_html)
        self.detailsToggled.emit(on)
