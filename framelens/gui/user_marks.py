"""Corrections in the window: the right-click menu on marks and words, undo and reset.

Each pane keeps the engine's analysis as it came (`raw`) and the user's corrections of its
article; what the pane shows is `corrections.apply(raw, corrections)`. A correction is drawn
at once (no new analysis), saved in the user's data folder, and kept when the text is
analysed again; "Undo Correction" takes back the last one, and a corrected mark offers
"Undo My Correction" on its own.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
)

from framelens import corrections, labels
from framelens.corrections import Correction, CorrectionStore
from framelens.gui.offsets import Utf16Map
from framelens.styles import style
from framelens.userdata import ArticleStore, UserDataError, data_dir, text_hash

log = logging.getLogger(__name__)
STATUS_MS = 8000


class UserMarks(QObject):
    """The window's corrections: per pane, the raw analysis and the article's corrections."""

    # a pane's marks were drawn again after a correction (no new analysis): what follows the
    # marks (the draft review, an exercise that hides them) follows it
    redrawn = Signal(int)

    def __init__(self, window, folder=None):
        super().__init__(window)
        self.window = window
        self.store = CorrectionStore(ArticleStore("corrections", folder or data_dir()))
        self.raw: dict[int, object] = {}
        self.corrections: dict[int, list[Correction]] = {0: [], 1: []}
        self.saved_hash: dict[int, str | None] = {0: None, 1: None}

    # --- analysis ---------------------------------------------------------------------
    def corrected(self, pane: int, analysis):
        """The analysis as the user corrected it; a newly opened article's corrections are
        read from the data folder, an edited one's move to its new text."""
        target = self.window.panes[pane]
        self.raw[pane] = analysis
        if target.fresh:
            self.corrections[pane] = self._load(analysis.text, target.source)
            self.saved_hash[pane] = text_hash(analysis.text)
        elif self.corrections[pane] and self.saved_hash[pane] != text_hash(analysis.text):
            self._save(pane)
        return corrections.apply(analysis, self.corrections[pane])

    def _load(self, text: str, source: str | None) -> list[Correction]:
        try:
            return self.store.load(text, source)
        except UserDataError as exc:
            self.window.statusBar().showMessage(str(exc), 15000)
            return []

    def _save(self, pane: int) -> str | None:
        """Keep the pane's corrections; the one-line reason (also shown) if they could not be."""
        analysis = self.raw.get(pane)
        if analysis is None:
            return None
        source, old_hash = self.window.panes[pane].source, self.saved_hash[pane]
        try:
            if old_hash is not None and old_hash != text_hash(analysis.text):
                self.corrections[pane] = self.store.follow(old_hash, analysis.text, source,
                                                           self.corrections[pane])
            else:
                self.store.save(analysis.text, source, self.corrections[pane])
        except UserDataError as exc:
            self.window.statusBar().showMessage(str(exc), 15000)
            return str(exc)
        self.saved_hash[pane] = text_hash(analysis.text)
        return None

    def _redraw(self, pane: int) -> None:
        analysis = self.raw.get(pane)
        target = self.window.panes[pane]
        if analysis is None or analysis.text != target.text():
            return
        target.apply_analysis(corrections.apply(analysis, self.corrections[pane]))
        self.window._refresh_views()
        self.redrawn.emit(pane)

    # --- changes ----------------------------------------------------------------------
    def add(self, pane: int, correction: Correction) -> None:
        """Apply a correction now and keep it."""
        self.corrections[pane].append(correction)
        problem = self._save(pane)
        self._redraw(pane)
        if problem:
            self.window.statusBar().showMessage(f"Not saved: {problem}", 15000)
        else:
            self.window.statusBar().showMessage(
                f"Corrected by you: {correction.describe()} (Ctrl+Alt+Z undoes it).",
                STATUS_MS)

    def undo(self, pane: int | None = None) -> Correction | None:
        """Take back the last correction of a pane (default: the active one)."""
        pane = self.window.active if pane is None else pane
        if not self.corrections[pane]:
            self.window.statusBar().showMessage("No correction to undo in this pane.", 4000)
            return None
        return self.take_back(pane, self.corrections[pane][-1])

    def take_back(self, pane: int, correction: Correction) -> Correction:
        self.corrections[pane].remove(correction)
        self._save(pane)
        self._redraw(pane)
        self.window.statusBar().showMessage(f"Undone: {correction.describe()}.", STATUS_MS)
        return correction

    def reset(self, pane: int | None = None, ask: bool = True) -> None:
        """Forget every correction of a pane's article (after asking)."""
        pane = self.window.active if pane is None else pane
        count = len(self.corrections[pane])
        if not count:
            self.window.statusBar().showMessage("This article has no corrections.", 4000)
            return
        if ask and not confirm(self.window, "Reset corrections",
                               f"Forget your {count} correction(s) of this article? "
                               "FrameLens's own marks come back."):
            return
        self.corrections[pane] = []
        self._save(pane)
        self._redraw(pane)
        self.window.statusBar().showMessage("Your corrections of this article are reset.",
                                            STATUS_MS)

    # --- the right-click menu ----------------------------------------------------------
    def extend_menu(self, pane: int, menu, qt_position: int, selection: tuple[int, int] | None
                    ) -> None:
        """Put the corrections that fit Qt `qt_position` at the top of `menu`."""
        target = self.window.panes[pane]
        analysis = target.analysis
        if analysis is None or analysis.text != target.text():
            return
        mapping = Utf16Map(analysis.text)
        here = mapping.from_qt(qt_position)
        actions = self._actions(pane, analysis, here, selection, menu)
        if not actions:
            return
        first = menu.actions()[0] if menu.actions() else None
        for action in actions:
            menu.insertAction(first, action) if first else menu.addAction(action)
        if first is not None:
            menu.insertSeparator(first)

    def _actions(self, pane: int, analysis, here: int, selection, menu) -> list[QAction]:
        text = analysis.text
        found: list[QAction] = []

        def action(label: str, slot) -> None:
            item = QAction(label, menu)
            item.triggered.connect(slot)
            found.append(item)

        spans = [s for s in analysis.spans if s.start <= here < s.end
                 and s.category in corrections.REMOVE_WORDING]
        for span in spans:
            wording = corrections.REMOVE_WORDING[span.category]
            if span.category == labels.TECHNIQUE:
                wording += f" ({span.subtype.replace('_', ' ')})"
            action(f"{wording}: \u201c{_short(text[span.start:span.end])}\u201d",
                   lambda _=False, s=span: self.add(pane, corrections.remove_mark(text, s)))
        for quote in analysis.quotes:
            parts = [quote.content, quote.speaker, quote.cue]
            if any(p is not None and p.start <= here < p.end for p in parts):
                action("Wrong Speaker\u2026", lambda _=False, q=quote: self._ask_speaker(pane, q))
                break
        sentence = next((s for s in analysis.sentences if s.start <= here < s.end), None)
        if sentence is not None:
            if sentence.label == labels.OPINION:
                action(corrections.NOT_AN_OPINION, lambda _=False: self.add(
                    pane, corrections.set_label(text, sentence, labels.FACT)))
            for label in labels.SENTENCE_LABELS:
                if label != sentence.label:
                    action(f"Label Sentence as {style(label).name}",
                           lambda _=False, lb=label: self.add(
                               pane, corrections.set_label(text, sentence, lb)))
        words = selection if selection and selection[0] < selection[1] else _word_at(text, here)
        if words is not None and not any(s.category == labels.LOADED and (s.start, s.end) == words
                                         for s in analysis.spans):
            action(f"Mark \u201c{_short(text[words[0]:words[1]])}\u201d as Loaded\u2026",
                   lambda _=False: self._ask_loaded(pane, *words))
        for correction in self._corrections_at(pane, analysis, here):
            action(f"Undo My Correction ({correction.describe()})",
                   lambda _=False, c=correction: self.take_back(pane, c))
        return found

    def _corrections_at(self, pane: int, analysis, here: int) -> list[Correction]:
        from framelens.anchors import locate

        found = []
        for correction in self.corrections[pane]:
            where = locate(correction.anchor, analysis.text)
            if where is not None and where[0] <= here < where[1]:
                found.append(correction)
        return found

    def _ask_speaker(self, pane: int, quote) -> None:
        analysis = self.window.panes[pane].analysis
        dialog = _Form(self.window, "Wrong speaker", [("Who said it?", "Leave empty if the "
                                                        "text does not say")])
        dialog.fields[0].setText(analysis.speaker_of(quote) or "")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add(pane, corrections.set_speaker(analysis.text, quote,
                                                   dialog.fields[0].text()))

    def _ask_loaded(self, pane: int, start: int, end: int) -> None:
        analysis = self.window.panes[pane].analysis
        words = analysis.text[start:end]
        dialog = _Form(self.window, f"Mark \u201c{_short(words)}\u201d as loaded",
                       [("Neutral alternative:", "optional"), ("Why it is loaded:", "optional")],
                       "Also add it to my word list (marked in every article)")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            alternative, reason = (f.text() for f in dialog.fields)
            self.add(pane, corrections.mark_loaded(analysis.text, start, end, alternative,
                                                   reason))
            if dialog.everywhere.isChecked():
                self.window.word_lists.add_word(words, alternative, reason)


def confirm(parent, title: str, question: str) -> bool:
    """Ask a yes/no question (a message box run with exec, as tests can answer it)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, parent)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes


class _Form(QDialog):
    """A small form of one-line fields with OK and Cancel."""

    def __init__(self, parent, title: str, rows: list[tuple[str, str]], check: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QFormLayout(self)
        self.fields = []
        for label, hint in rows:
            field = QLineEdit()
            field.setPlaceholderText(hint)
            layout.addRow(label, field)
            self.fields.append(field)
        self.everywhere = QCheckBox(check)
        if check:
            layout.addRow(self.everywhere)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)


def _short(words: str, limit: int = 30) -> str:
    flat = " ".join(words.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "\u2026"


def _word_at(text: str, here: int) -> tuple[int, int] | None:
    """The word (letters, digits, inner hyphens and apostrophes) around offset `here`."""
    def inside(i: int) -> bool:
        return 0 <= i < len(text) and (text[i].isalnum() or (
            text[i] in "-'\u2019" and 0 < i < len(text) - 1 and text[i - 1].isalnum()
            and text[i + 1].isalnum()))

    if not inside(here):
        return None
    start, end = here, here + 1
    while inside(start - 1):
        start -= 1
    while inside(end):
        end += 1
    return start, end
