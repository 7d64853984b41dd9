"""The status bar's analysis indicator: language model state and per-pane progress.

While the model loads or an analysis waits, the bar is busy (indeterminate); once the engine
reports how far it got, it shows the percentage for the pane being analysed. While the status
bar shows a message, the indicator steps aside (the bar stays only while busy), so the message
is not cut off; the message is also the status bar's tooltip, whole.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from framelens.explain import counted, source_counts
from framelens.language import ENGLISH, NO_LANGUAGE, LanguageGuess

LOADING = "Loading the language model\u2026"


class AnalysisStatus(QWidget):
    """A label and a progress bar, shown at the right end of the status bar."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLabel(LOADING)
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.model_state = LOADING
        self.pane: str | None = None
        self.message_shown = False
        self._busy()

    def _busy(self) -> None:
        self.bar.setRange(0, 0)
        self.bar.show()
        self._give_way()

    def message_changed(self, message: str) -> None:
        """The status bar shows `message` ("" when it is cleared): make room for it."""
        self.message_shown = bool(message)
        status_bar = self.parentWidget()
        if status_bar is not None:
            status_bar.setToolTip(message)
        self._give_way()

    def _give_way(self) -> None:
        """The label only without a message; the whole indicator only without one or busy."""
        self.label.setVisible(not self.message_shown)
        self.setVisible(not (self.message_shown and self.bar.isHidden()))

    def model_loaded(self, ok: bool) -> None:
        """The model finished loading (or failed): remember what to say when idle."""
        self.model_state = "Language model ready" if ok else "No language model"
        if self.pane is None:
            self.idle()

    def analysing(self, pane: str) -> None:
        """`pane` waits for or has started an analysis whose progress is not known yet."""
        self.pane = pane
        self.label.setText(f"Analysing {pane}\u2026")
        self._busy()

    def progress(self, pane: str, fraction: float) -> None:
        """The analysis of `pane` is `fraction` (0..1) done."""
        self.pane = pane
        percent = round(100 * fraction)
        self.label.setText(f"Analysing {pane}\u2026 {percent}%")
        self.bar.setRange(0, 100)
        self.bar.setValue(percent)
        self.bar.show()
        self._give_way()

    def idle(self) -> None:
        """Nothing is being analysed: the model state, and a busy bar only while it loads."""
        self.pane = None
        self.label.setText(self.model_state)
        if self.model_state == LOADING:
            self._busy()
        else:
            self.bar.hide()
            self._give_way()


def summary_wordings(analyses: list) -> list[str]:
    """The status-bar figures of both panes, from the fullest wording to the shortest (the
    bar shows the longest that fits, so B's figures are never cut off on a narrow window)."""
    levels: list[list[str]] = [[], [], [], []]
    for name, analysis in zip(("A", "B"), analyses, strict=True):
        if analysis is None:
            continue
        m = analysis.metrics
        sources = source_counts(analysis)
        opinion = f"{name}: {m.opinion_share:.0%} opinion"
        loaded = f"{m.loaded_per_100:.1f} loaded/100 words"
        levels[0].append(f"{opinion} \u00b7 {m.fact_share:.0%} fact \u00b7 "
                         f"{m.attributed_share:.0%} attributed \u00b7 {loaded} \u00b7 "
                         f"{sources.short()}")
        levels[1].append(f"{opinion} \u00b7 {loaded} \u00b7 {sources.short()}")
        levels[2].append(f"{opinion} \u00b7 {sources.short()}")
        levels[3].append(f"{opinion} \u00b7 {counted(sources.quotes, 'quote')}")
    return ["     |     ".join(levels[0])] + ["  |  ".join(level) for level in levels[1:]]


def language_problem(code: str) -> str | None:
    """The warning for an analysis of a text in another language (None for English)."""
    if code in (ENGLISH, NO_LANGUAGE):
        return None
    return LanguageGuess(code, 1.0, 0).problem()
