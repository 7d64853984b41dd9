"""Class exercise in the window: mark first, then reveal.

In exercise mode a pane's text is read-only and FrameLens's marks are hidden (with the legend
counts and the comparison tabs, which would give them away). The user marks the sentence at
the cursor with O, F or A and the selected words (or the word at the cursor) with L, H, B,
T, Q or S; Delete removes the marks at the cursor; Ctrl+Z / Ctrl+Shift+Z undo and redo.
The user's marks are drawn as outlines with a letter tag (a sentence's label at its start),
so that on Reveal they stay distinct from FrameLens's highlights, in grayscale
too. Reveal scores the marks against FrameLens's or a loaded teacher's key. A teacher starts
from FrameLens's marks as the editable layer and saves the result as the key.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QStandardPaths, Qt
from PySide6.QtGui import QKeySequence, QTextCursor, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QDockWidget, QListWidgetItem, QMenu, QMessageBox

from framelens import exercise, labels
from framelens.agreement import Agreement, agree
from framelens.exercise import CATEGORY_NAMES, ExerciseError, ExerciseMark, Marker, MarkSet
from framelens.fileio import OutputError
from framelens.gui.exercise_view import HELP, REMOVE, ExercisePanel, MarkOverlay
from framelens.gui.offsets import Utf16Map
from framelens.gui.unsaved import ask
from framelens.model import Analysis

SENTENCE_KEYS = {Qt.Key.Key_O: labels.OPINION, Qt.Key.Key_F: labels.FACT,
                 Qt.Key.Key_A: labels.ATTRIBUTED}
WORD_KEYS = {Qt.Key.Key_L: labels.LOADED, Qt.Key.Key_H: labels.HEDGE,
             Qt.Key.Key_B: labels.BOOSTER, Qt.Key.Key_T: labels.TECHNIQUE,
             Qt.Key.Key_Q: exercise.QUOTE, Qt.Key.Key_S: exercise.SPEAKER}
REMOVE_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_X)


@dataclass
class Layer:
    """One pane's exercise: the text, the user's marks, who marks, and what they are scored
    against (`key`: a teacher's key; None: FrameLens's marks)."""

    text: str
    marks: list[ExerciseMark] = field(default_factory=list)
    by: Marker = field(default_factory=lambda: Marker("student"))
    key: MarkSet | None = None
    revealed: bool = False
    undo: QUndoStack = field(default_factory=QUndoStack)

    def mark_set(self, analysis: Analysis | None, title: str = "") -> MarkSet:
        genre = analysis.genre if analysis is not None else MarkSet(self.text, (), self.by).genre
        source = analysis.source if analysis is not None else None
        return MarkSet(self.text, exercise.sorted_marks(self.marks), self.by, title, source,
                       genre)


class _SetMarks(QUndoCommand):
    """One undoable change of a layer's marks (all of them before and after)."""

    def __init__(self, controller: ExerciseController, pane: int, after: list[ExerciseMark],
                 text: str):
        super().__init__(text)
        self.controller, self.pane = controller, pane
        self.before = list(controller.layers[pane].marks)
        self.after = after

    def redo(self) -> None:
        self.controller.layers[self.pane].marks = list(self.after)
        self.controller.changed(self.pane)

    def undo(self) -> None:
        self.controller.layers[self.pane].marks = list(self.before)
        self.controller.changed(self.pane)


class ExerciseController(QObject):
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
        folder = Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.AppDataLocation)) / "exercises"
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

    def mark(self, pane: int, category: str) -> None:
        """Label the sentence at the cursor, mark the words, or (`REMOVE`) remove a mark."""
        if pane not in self.layers:
            self.say("Start an exercise first (Exercise > Start).")
        elif category in labels.SENTENCE_LABELS:
            self.label_sentence(pane, category)
        elif category == REMOVE:
            self.remove_at_cursor(pane)
        else:
            self.mark_words(pane, category)

    def _cursor_range(self, pane: int) -> tuple[int, int]:
        editor = self.window.panes[pane].editor
        cursor = editor.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        mapping = Utf16Map(self.layers[pane].text)
        return mapping.from_qt(cursor.selectionStart()), mapping.from_qt(cursor.selectionEnd())

    def _position(self, pane: int) -> int:
        cursor = self.window.panes[pane].editor.textCursor()
        return Utf16Map(self.layers[pane].text).from_qt(cursor.selectionStart())

    def label_sentence(self, pane: int, label: str) -> None:
        """Give the sentence at the cursor `label` (the same label again takes it off)."""
        analysis = self.window.panes[pane].analysis
        here = self._position(pane)
        sentence = None if analysis is None else next(
            (s for s in analysis.sentences if s.start <= here < s.end), None)
        if sentence is None:
            self.say("The cursor is in no sentence (or the sentences are not found yet).")
            return
        layer = self.layers[pane]
        old = [m for m in layer.marks if m.is_sentence and m.start == sentence.start]
        kept = [m for m in layer.marks if m not in old]
        if not any(m.category == label for m in old):
            kept.append(ExerciseMark(label, sentence.start, sentence.end))
        self._apply(pane, kept, f"Sentence: {CATEGORY_NAMES[label]}")

    def mark_words(self, pane: int, category: str) -> None:
        """Mark the selection (or the word at the cursor) as `category`; on an existing word
        mark without a selection, change its category."""
        layer = self.layers[pane]
        editor = self.window.panes[pane].editor
        here = self._position(pane)
        if not editor.textCursor().hasSelection():
            existing = [m for m in layer.marks if not m.is_sentence and m.start <= here < m.end]
            if existing:
                old = existing[-1]
                changed = ExerciseMark(category, old.start, old.end, old.subtype, old.note)
                self._apply(pane, [changed if m is old else m for m in layer.marks],
                            f"Change to {CATEGORY_NAMES[category]}")
                return
        start, end = self._cursor_range(pane)
        if end <= start or not layer.text[start:end].strip():
            self.say("Select words to mark (or put the cursor in a word).")
            return
        kept = [m for m in layer.marks
                if not (m.category == category and m.start < end and start < m.end)]
        kept.append(ExerciseMark(category, start, end))
        self._apply(pane, kept, f"Mark {CATEGORY_NAMES[category]}")

    def remove_at_cursor(self, pane: int) -> None:
        """Remove the word marks at the cursor, or else the sentence label."""
        layer = self.layers[pane]
        here = self._position(pane)
        words = [m for m in layer.marks if not m.is_sentence and m.start <= here < m.end]
        found = words or [m for m in layer.marks if m.is_sentence and m.start <= here < m.end]
        if found:
            self._apply(pane, [m for m in layer.marks if m not in found], "Remove mark")

    def _apply(self, pane: int, marks: list[ExerciseMark], what: str) -> None:
        self.layers[pane].undo.push(_SetMarks(self, pane, marks, what))

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
