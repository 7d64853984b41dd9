"""Review Draft: step through what an editor checks, one finding at a time (like a spell check).

A dock beside the text shows the current finding (what, where, what to do), a counter of
what is left, and takes one key each: Enter = next, R = replace with the neutral
alternative, I = ignore here, A = ignore always (these words, this kind, in this draft).
Ignored findings are kept per draft in the user's data folder (`review.ReviewStore`). After
a replacement the pane is analysed again as after any typing; the list follows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from framelens import review
from framelens.analyzers.inflection import replacement
from framelens.explain import clip
from framelens.gui.offsets import Utf16Map
from framelens.userdata import ArticleStore, UserDataError, data_dir

PANE_NAMES = ("A", "B")
REVIEW_HEIGHT = 340


class ReviewPanel(QDockWidget):
    """The draft review of one pane: the current finding and the keys to act on it."""

    def __init__(self, window, folder=None):
        super().__init__("Review Draft", window)
        self.setObjectName("reviewDock")
        self.window_ = window
        self.store = review.ReviewStore(ArticleStore("review", folder or data_dir()))
        self.session: review.ReviewSession | None = None
        self.saved_text = ""
        self.pane: int | None = None
        content = QWidget()
        content.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(content)
        self.counter = QLabel()
        self.counter.setObjectName("reviewCounter")
        self.kind = QLabel()
        self.kind.setStyleSheet("font-weight: bold")
        self.words = QLabel()
        self.words.setWordWrap(True)
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        for label in (self.counter, self.kind, self.words, self.advice):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        buttons = QGridLayout()
        self.buttons = {}
        for index, (name, text, keys, slot) in enumerate((
                ("next", "Next (Enter)", ("Return", "Enter"), self.next),
                ("replace", "Replace (R)", ("R",), self.replace),
                ("here", "Ignore Here (I)", ("I",), lambda: self.ignore(review.HERE)),
                ("always", "Ignore Always (A)", ("A",), lambda: self.ignore(review.ALWAYS)),
                ("report", "Save Report\u2026", (), self.save_report_dialog),
                ("close", "Close", (), self.stop))):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button, index // 2, index % 2)
            self.buttons[name] = button
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), content)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.content = content
        self.setWidget(content)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)
        self.hide()
        # a layout saved with the panel open must not bring it back without a review
        self.visibilityChanged.connect(lambda shown: shown and self.session is None
                                       and self.hide())
        window.analysisApplied.connect(self.follow_marks)

    # --- session ---------------------------------------------------------------------
    def start(self, pane: int) -> bool:
        """Review the draft in `pane` from its start; False when it has no analysis yet."""
        target = self.window_.panes[pane]
        analysis = target.analysis
        if analysis is None or analysis.text != target.text():
            self.window_.statusBar().showMessage(
                "Nothing to review yet: wait for the analysis of the draft.", 5000)
            return False
        try:
            ignores = self.store.load(analysis.text, target.source)
        except UserDataError as exc:
            self.window_.statusBar().showMessage(str(exc), 15000)
            ignores = []
        self.pane, self.session = pane, review.ReviewSession(analysis, ignores)
        self.saved_text = analysis.text  # the text the ignores were last kept under
        self.setWindowTitle(f"Review Draft \u2014 {PANE_NAMES[pane]}")
        self.show()
        self.raise_()
        # room for the finding and its keys beside the legend
        self.window_.resizeDocks([self], [REVIEW_HEIGHT], Qt.Orientation.Vertical)
        self._show_current()
        return True

    def stop(self) -> None:
        self.session = self.pane = None
        self.hide()

    def follow_marks(self, pane: int) -> None:
        """The pane's marks changed (a new analysis, or a correction): so do the findings."""
        if self.session is not None and pane == self.pane:
            analysis = self.window_.panes[pane].analysis
            self.session.refresh(analysis)
            self._show_current()

    def _show_current(self) -> None:
        session = self.session
        if session is None:
            return
        finding = session.current()
        total = len(session.open)
        self.counter.setText(f"{session.left()} left of {total}")
        if finding is None:
            self.kind.setText("Done")
            self.words.setText("Nothing left to check in this draft." if total else
                               "Nothing to check in this draft.")
            self.advice.setText("")
        else:
            self.kind.setText(f"{review.KIND_NAMES[finding.kind]} \u2014 line {finding.line}")
            alternative = (f" \u2192 \u201c{finding.alternative}\u201d"
                           if finding.alternative else "")
            self.words.setText(f"\u201c{clip(finding.words, 160)}\u201d{alternative}")
            self.advice.setText(finding.advice)
            editor = self.window_.panes[self.pane].editor
            editor.focus_ranges([(finding.start, finding.end)], session.text)
            if editor.toPlainText() == session.text:  # "Why was this marked?" follows
                here = Utf16Map(session.text).to_qt(finding.start)
                self.window_.show_explanation(editor.explanation_at(here))
        for name in ("next", "here", "always"):
            self.buttons[name].setEnabled(finding is not None)
        self.buttons["replace"].setEnabled(finding is not None and bool(finding.alternative))
        self.content.setFocus()

    # --- keys ------------------------------------------------------------------------
    def next(self) -> None:
        if self.session is not None:
            self.session.next()
            self._show_current()

    def ignore(self, scope: str) -> None:
        if self.session is None or self.session.current() is None:
            return
        self.session.ignore(scope)
        self._keep()
        self._show_current()

    def _keep(self) -> None:
        """Save what is ignored under the draft's text as it is now (a replacement changed
        it), so that the next review of this draft finds it."""
        if self.session is None or not self.session.ignores:
            return
        try:
            self.store.save(self.session.text, self.window_.panes[self.pane].source,
                            self.session.ignores, self.saved_text)
            self.saved_text = self.session.text
        except UserDataError as exc:
            self.window_.statusBar().showMessage(str(exc), 15000)

    def replace(self) -> None:
        """Put the neutral alternative in place of the current finding's words."""
        session = self.session
        finding = session.current() if session is not None else None
        if finding is None:
            return
        status = self.window_.statusBar()
        editor = self.window_.panes[self.pane].editor
        if not finding.alternative:
            status.showMessage("No neutral alternative to put in: edit the words yourself, "
                               "or press Enter for the next finding.", 5000)
            return
        if editor.isReadOnly():
            status.showMessage("Turn on Draft Mode to edit the text.", 4000)
            return
        text = session.text
        if editor.toPlainText() != text:
            status.showMessage("The text changed: wait a moment for the new analysis.", 4000)
            return
        paragraph = text.rfind("\n", 0, finding.start) + 1
        back, new = replacement(finding.words, finding.alternative,
                                text[paragraph:finding.start])
        mapping = Utf16Map(text)
        cursor = QTextCursor(editor.document())
        cursor.setPosition(mapping.to_qt(finding.start - back))
        cursor.setPosition(mapping.to_qt(finding.end), QTextCursor.MoveMode.KeepAnchor)
        old = cursor.selectedText()
        cursor.beginEditBlock()
        cursor.insertText(new)
        cursor.endEditBlock()
        session.replaced(finding, editor.toPlainText(), finding.start - back + len(new))
        self._keep()
        status.showMessage(f"Replaced \u201c{old}\u201d with \u201c{new}\u201d "
                           "(Ctrl+Z undoes it).", 6000)
        self._show_current()

    # --- report ----------------------------------------------------------------------
    def report_findings(self, pane: int) -> tuple[object, list[review.Finding]] | None:
        """The analysis of a pane and its findings, ignored ones left out."""
        analysis = self.window_.panes[pane].analysis
        if analysis is None:
            return None
        if self.session is not None and self.pane == pane:
            ignores = self.session.ignores
        else:
            try:
                ignores = self.store.load(analysis.text, self.window_.panes[pane].source)
            except UserDataError:
                ignores = []
        return analysis, [f for f in review.findings(analysis)
                          if not review.is_ignored(analysis.text, f, ignores)]

    def save_report_dialog(self, path: str | None = None) -> bool:
        """Save the one-page draft report of the reviewed (else the active) pane."""
        from framelens.export.draft_report import write_draft_report
        from framelens.fileio import OutputError

        pane = self.pane if self.pane is not None else self.window_.active
        found = self.report_findings(pane)
        status = self.window_.statusBar()
        if found is None:
            status.showMessage("Nothing to report yet: the draft has no analysis.", 5000)
            return False
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self.window_, "Save the draft report", "draft-report.pdf",
                "PDF (*.pdf);;HTML (*.html)")
            if not path:
                return False
        try:
            write_draft_report(found[0], found[1], path)
        except OutputError as exc:
            status.showMessage(str(exc), 10000)
            return False
        status.showMessage(f"Saved the draft report: {path}", 6000)
        return True
