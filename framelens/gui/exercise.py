"""Class exercise in the window: mark first, then reveal.

In exercise mode a pane's text is read-only and FrameLens's marks are hidden (with the legend
counts and the comparison tabs, which would give them away). The user marks the sentence at
the cursor with O, F or A and the selected words (or the word at the cursor) with L, H, B,
T, Q or S; Delete removes the marks at the cursor; Ctrl+Z / Ctrl+Shift+Z undo and redo.
The user's marks are drawn as outlines with a letter tag (a sentence's label at its start),
so that on Reveal they stay distinct from FrameLens's highlights, in grayscale
too. Reveal scores the marks against FrameLens's or a loaded teacher's key. A teacher starts
from FrameLens's marks as the editable layer and saves the result as the key. The layer and
its marking commands are in `exercise_marking`; the dock and the overlay in `exercise_view`.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import QDockWidget, QListWidgetItem, QMenu, QMessageBox

from framelens import exercise
from framelens.agreement import Agreement, agree
from framelens.exercise import ExerciseError, Marker, MarkSet
from framelens.fileio import OutputError
from framelens.gui.exercise_marking import REMOVE_KEYS, SENTENCE_KEYS, WORD_KEYS, Layer, Marking
from framelens.gui.exercise_view import HELP, REMOVE, ExercisePanel, MarkOverlay
from framelens.gui.unsaved import ask
from framelens.model import Analysis
from framelens.userdata import data_dir


class ExerciseController(Marking, QObject):
    """Exercise mode for the window's panes, its menu and its dock."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.layers: dict[int, Layer] = {}
        self.overlays: dict[int, MarkOverlay] = {}
        self.agreements: dict[int, Agreement] = {}
        self.panel = ExercisePanel()
        self.dock = QDockWidget("Exercise", window)
        self.dock.setObjectName("exerciseDock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.dock, self.dock)  # a tab beside the legend
        self.dock.hide()
        self.panel.disagreements.itemClicked.connect(self._jump)
        self.panel.markRequested.connect(lambda category: self.mark(self._pane(), category))
        window.analysisApplied.connect(self._analysis_applied)
        window.user_marks.redrawn.connect(self._analysis_applied)  # a correction redraws too
        window.actions_["draft"].triggered.connect(self._keep_read_only)
        window.installEventFilter(self)  # a close with unsaved marks asks first
        for pane in window.panes:
            pane.editor.installEventFilter(self)
            pane.editor.viewport().installEventFilter(self)  # right-clicks arrive there
            pane.editor.textChanged.connect(lambda p=pane.index: self._text_changed(p))

    # --- starting and stopping ------------------------------------------------------------
    def start(self, pane: int, teacher: bool = False) -> bool:
        """Exercise mode on a pane: FrameLens's marks hidden; as `teacher`, they become the
        editable layer (to be corrected and saved as the key)."""
        target = self.window.panes[pane]
        if not target.text().strip():
            self.say("Open an article first.")
            return False
        if teacher and target.analysis is None:
            self.say("Wait for the analysis: the teacher starts from FrameLens's marks.")
            return False
        layer = Layer(target.text())
        if teacher:
            layer.by = Marker("teacher")
            layer.marks = list(exercise.marks_from_analysis(target.analysis).marks)
        self.layers[pane] = layer
        if pane not in self.overlays:
            self.overlays[pane] = MarkOverlay(self, pane)
        target.editor.setReadOnly(True)
        self._hide_answers(pane)
        self.overlays[pane].show()
        self.dock.show()
        self.dock.raise_()
        self.changed(pane)
        who = "Correct FrameLens's marks, then save them as the key." if teacher else HELP
        self.panel.status.setText(who)
        return True

    def stop(self, pane: int) -> None:
        """Leave exercise mode: FrameLens's marks come back, the text is editable again."""
        layer = self.layers.pop(pane, None)
        if layer is None:
            return
        target = self.window.panes[pane]
        target.editor.setReadOnly(not self.window.actions_["draft"].isChecked())
        self.overlays[pane].hide()
        if target.analysis is not None and target.analysis.text == target.text():
            target.editor.set_marks(target.analysis)
        self.agreements.pop(pane, None)
        if not self.layers:
            self.dock.hide()
            self.window.tabs.show()
            self.window.summary.show()
        self.window._refresh_views()

    def _hide_answers(self, pane: int) -> None:
        """FrameLens's marks off, and whatever counts them: legend, status line, tabs."""
        self.window.panes[pane].editor.clear_marks()
        self.window.legend.set_counts(pane, None)
        self.window.tabs.hide()
        self.window.summary.hide()

    def _analysis_applied(self, pane: int) -> None:
        layer = self.layers.get(pane)
        if layer is not None and not layer.revealed:
            self._hide_answers(pane)

    def _keep_read_only(self) -> None:
        """Draft Mode makes every pane editable; a pane in an exercise stays read-only."""
        for pane in self.layers:
            self.window.panes[pane].editor.setReadOnly(True)

    def _text_changed(self, pane: int) -> None:
        """Another text in the pane ends its exercise; unsaved marks are kept in a file."""
        layer = self.layers.get(pane)
        if layer is None or self.window.panes[pane].text() == layer.text:
            return
        kept = None if layer.undo.isClean() else self._rescue(layer)
        self.stop(pane)
        self.say("The exercise ended: another text was opened in this pane."
                 + (f" Its unsaved marks are in {kept}" if kept else ""))

    def _rescue(self, layer: Layer) -> str | None:
        """Write unsaved marks to the user's data folder; returns the path (None: failed)."""
        folder = data_dir() / "exercises"
        marks = layer.mark_set(None)
        path = folder / f"exercise-{time.strftime('%Y%m%d-%H%M%S')}-{marks.text_hash[:8]}.json"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            exercise.save(marks, path)
        except OSError:
            return None
        return str(path)

    def unsaved(self) -> list[int]:
        """The panes whose exercise marks changed since they were opened or saved."""
        return [pane for pane, layer in self.layers.items() if not layer.undo.isClean()]

    def _confirm_close(self) -> bool:
        """Save / Discard / Cancel when marks are unsaved; True when the window may close."""
        from framelens.gui.exercise_menu import ask_save

        panes = self.unsaved()
        if not panes:
            return True
        which = " and ".join("AB"[p] for p in panes)
        choice = ask(self.window, "Unsaved exercise",
                     f"The exercise marks in {which} are in no file. Save them before quitting?",
                     [("&Save\u2026", QMessageBox.ButtonRole.AcceptRole),
                      ("&Discard", QMessageBox.ButtonRole.DestructiveRole),
                      ("Cancel", QMessageBox.ButtonRole.RejectRole)], default=0, escape=2)
        if choice == 2:
            return False
        return choice == 1 or all(ask_save(self, pane) for pane in panes)

    # --- marking ------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            if self._confirm_close():
                return False
            event.ignore()
            return True
        if event.type() == QEvent.Type.ContextMenu:
            pane = next((p.index for p in self.window.panes
                         if p.editor.viewport() is watched), None)
            if pane is None or pane not in self.layers:
                return False
            self._context_menu(pane, event)
            return True
        if event.type() != QEvent.Type.KeyPress:
            return False
        pane = next((p.index for p in self.window.panes if p.editor is watched), None)
        if pane is None or pane not in self.layers:
            return False
        layer = self.layers[pane]
        if event.matches(QKeySequence.StandardKey.Undo):
            layer.undo.undo()
            return True
        if event.matches(QKeySequence.StandardKey.Redo):
            layer.undo.redo()
            return True
        plain = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        if event.modifiers() & ~plain:
            return False
        key = Qt.Key(event.key())
        category = SENTENCE_KEYS.get(key) or WORD_KEYS.get(key) or (
            REMOVE if key in REMOVE_KEYS else None)
        if category is None:
            return False
        self.mark(pane, category)
        return True

    def _context_menu(self, pane: int, event) -> None:
        """Right-click: the cursor goes where the click is (unless on the selection), then
        the exercise's menu."""
        from framelens.gui.exercise_menu import context_menu

        editor = self.window.panes[pane].editor
        clicked = editor.cursorForPosition(event.pos()).position()
        selection = editor.textCursor()
        if not (selection.hasSelection()
                and selection.selectionStart() <= clicked < selection.selectionEnd()):
            cursor = QTextCursor(editor.document())
            cursor.setPosition(clicked)
            editor.setTextCursor(cursor)
        menu = context_menu(self, pane)
        self.run_menu(menu, event.globalPos())
        menu.deleteLater()

    @staticmethod
    def run_menu(menu: QMenu, where) -> None:
        """Show a menu until the user picks (tests put a picker in its place)."""
        menu.exec(where)

    def _pane(self) -> int:
        """The pane buttons act on: the active one if it is in an exercise."""
        return self.window.active if self.window.active in self.layers else min(
            self.layers, default=self.window.active)

    def changed(self, pane: int) -> None:
        """Redraw a layer (and re-score it if revealed)."""
        if self.layers[pane].revealed:
            self._score(pane)
        overlay = self.overlays.get(pane)
        if overlay is not None:
            overlay.refresh()

    # --- reveal and keys ------------------------------------------------------------------
    def reference(self, pane: int) -> MarkSet | None:
        """What the pane's marks are scored against: the loaded key, else FrameLens's."""
        layer = self.layers[pane]
        if layer.key is not None:
            return layer.key
        analysis = self.window.panes[pane].analysis
        return None if analysis is None else exercise.marks_from_analysis(analysis)

    def reference_sentences(self, pane: int) -> dict[int, str]:
        reference = self.reference(pane)
        return {} if reference is None else {m.start: m.category
                                             for m in reference.sentence_marks()}

    def reveal(self, pane: int) -> Agreement | None:
        """Show the key's (or FrameLens's) marks beside the user's, with the agreement."""
        layer = self.layers.get(pane)
        if layer is None:
            self.say("Start an exercise first (Exercise > Start).")
            return None
        reference = self.reference(pane)
        if reference is None:
            self.say("Wait for the analysis to finish, then reveal.")
            return None
        layer.revealed = True
        shown = Analysis.from_json(exercise.to_document(reference)) if layer.key else (
            self.window.panes[pane].analysis)
        self.window.panes[pane].editor.set_marks(shown)
        if all(layer.revealed for layer in self.layers.values()):
            self.window.summary.show()
            self.window.tabs.show()
        self.window._refresh_views()
        self._score(pane)
        self.overlays[pane].refresh()
        return self.agreements[pane]

    def _score(self, pane: int) -> None:
        layer = self.layers[pane]
        reference = self.reference(pane)
        if reference is None:
            return
        self.agreements[pane] = agree(reference, layer.mark_set(None))
        self.panel.show_agreement(self.agreements[pane], layer.text)
        self.panel.status.setText(f"Scored against {reference.by.describe()}'s marks. Click a "
                                  "disagreement to go to it.")

    def _jump(self, item: QListWidgetItem) -> None:
        disagreement = item.data(Qt.ItemDataRole.UserRole)
        pane = self.window.active if self.window.active in self.layers else min(self.layers)
        self.window.show_ranges(pane, [(disagreement.start, disagreement.end)])
        reason = disagreement.reason or "No reason given: the key has no mark here."
        self.panel.reason.setText(reason)

    def load_key(self, pane: int, path: str) -> bool:
        """Score the pane's exercise against a teacher's key file (same text only)."""
        layer = self.layers.get(pane)
        if layer is None:
            self.say("Start an exercise first (Exercise > Start).")
            return False
        try:
            layer.key = exercise.load(path, layer.text)
        except ExerciseError as exc:
            self.say(str(exc))
            return False
        if layer.revealed:
            self.reveal(pane)
        self.say(f"Scoring against the key by {layer.key.by.describe()}.")
        return True

    def save(self, pane: int, path: str) -> bool:
        """Write the pane's marks as an exercise (or, for a teacher, a key) file."""
        layer = self.layers.get(pane)
        if layer is None:
            self.say("There is no exercise to save.")
            return False
        target = self.window.panes[pane]
        title = target.analysis.title if target.analysis is not None else ""
        try:
            exercise.save(layer.mark_set(target.analysis, title), path)
        except OSError as exc:
            self.say(str(exc))
            return False
        layer.undo.setClean()
        self.say(f"Saved the marks by {layer.by.describe()} to {path}")
        return True

    def open(self, pane: int, path: str) -> bool:
        """Resume a saved exercise (the pane gets its text if it holds another)."""
        try:
            marks = exercise.load(path)
        except ExerciseError as exc:
            self.say(str(exc))
            return False
        if self.window.panes[pane].text() != marks.text:
            self.stop(pane)
            self.window.set_text(pane, marks.text, marks.title or "Exercise", source=marks.source)
        if pane not in self.layers and not self.start(pane):
            return False
        layer = self.layers[pane]
        layer.by = marks.by
        layer.undo.clear()
        layer.marks = list(marks.marks)
        self.changed(pane)
        return True

    def open_when_analysed(self, pane: int, path: str) -> None:
        """Open a saved exercise once the pane's analysis has arrived (start-up)."""
        def opened(done: int) -> None:
            if done == pane:
                self.window.analysisApplied.disconnect(opened)
                self.open(pane, path)

        self.window.analysisApplied.connect(opened)

    def show_revealed(self, pane: int, path: str) -> bool:
        """Open a saved exercise, reveal it and show the first disagreement (screenshots);
        False (with the reason in the status bar) when it cannot be shown."""
        revealed = self.open(pane, path) and self.reveal(pane) is not None
        if revealed and not self.window.panes[1 - pane].text().strip():
            self.window.presenter.toggle_one_pane()
        if revealed and self.panel.disagreements.count():
            self._jump(self.panel.disagreements.item(0))
        return revealed

    def write_handout(self, path: str, worksheet: bool) -> bool:
        """Write the worksheet, or the key PDF, of the active pane's article: the key is the
        teacher's layer while a teacher marks, else a loaded key, else FrameLens's marks."""
        from framelens.export import handouts

        pane = self.window.panes[self.window.active]
        if pane.analysis is None or pane.analysis.text != pane.text():
            self.say("Wait for the analysis of this pane first.")
            return False
        layer = self.layers.get(pane.index)
        teacher = None
        if layer is not None and layer.by.role == "teacher":
            teacher = layer.mark_set(pane.analysis, pane.analysis.title)
        elif layer is not None:
            teacher = layer.key
        try:
            if worksheet:
                handouts.write_worksheet([pane.analysis], path)
            else:
                handouts.write_key([(pane.analysis, teacher)], path)
        except (OutputError, ExerciseError) as exc:
            self.say(str(exc))
            return False
        self.say(f"Wrote {path}")
        return True

    def say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 8000)
        self.panel.reason.setText(message)

    # --- menu ----------------------------------------------------------------------------

def attach(window) -> ExerciseController:
    """Give the window exercise mode and its menu (before Help; after `menus.build`)."""
    from framelens.gui import exercise_menu

    controller = ExerciseController(window)
    bar = window.menuBar()
    menu = QMenu("E&xercise", bar)
    help_menu = bar.actions()[-1]
    bar.insertMenu(help_menu, menu)
    exercise_menu.build(controller, menu)
    return controller
