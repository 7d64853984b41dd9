"""Help > How to Read the Marks: the guide of `framelens.guide` in a window, with rule ids
and weights behind a "details" box."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from framelens import guide


class GuideDialog(QDialog):
    """The guide, readable at the window's zoom; not modal, so it can stay open in class."""

    def __init__(self, parent=None, point_size: float | None = None):
        super().__init__(parent)
        self.setWindowTitle(guide.TITLE)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.details = QCheckBox("Details: rule ids and weights")
        self.details.toggled.connect(self._fill)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        if point_size:
            font = self.font()
            font.setPointSizeF(point_size)
            self.setFont(font)
        self.resize(self.fontMetrics().horizontalAdvance("M") * 48,
                    self.fontMetrics().height() * 36)
        self._fill()

    def _fill(self) -> None:
        self.browser.setHtml(guide.guide_html(details=self.details.isChecked()))


def show_guide(window) -> GuideDialog:
    """Open (or raise) the guide beside `window`, at its label size."""
    dialog = window.guide_dialog
    if dialog is None:
        dialog = GuideDialog(window, max(window.font_size * 0.85, 9.0))
        window.guide_dialog = dialog
    dialog.show()
    dialog.raise_()
    return dialog
