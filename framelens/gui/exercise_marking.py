"""The user's marks in an exercise: one pane's layer, and the keys and commands that edit it.

O, F and A label the sentence at the cursor; L, H, B, T, Q and S mark the selected words (or
the word at the cursor); Delete removes the marks at the cursor. Every change is one undoable
command on the layer's stack. `Marking` is the part of the exercise controller that does this.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QUndoCommand, QUndoStack

from framelens import exercise, labels
from framelens.exercise import CATEGORY_NAMES, ExerciseMark, Marker, MarkSet
from framelens.gui.exercise_view import REMOVE
from framelens.gui.offsets import Utf16Map
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

    def __init__(self, controller: Marking, pane: int, after: list[ExerciseMark],
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


class Marking:
    """Marking a pane's layer from the keyboard, the menu and the buttons (the exercise
    controller's part; it provides the window, the layers, `say` and `changed`)."""

    window: Any
    layers: dict[int, Layer]
    say: Callable[[str], None]
    changed: Callable[[int], None]

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
