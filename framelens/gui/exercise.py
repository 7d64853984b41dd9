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

from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeySequence,
    QPainter,
    QPen,
    QTextCursor,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from framelens import exercise, labels
from framelens.agreement import Agreement, agree, figure
from framelens.exercise import CATEGORY_NAMES, ExerciseError, ExerciseMark, Marker, MarkSet
from framelens.gui.offsets import Utf16Map
from framelens.model import Analysis

SENTENCE_KEYS = {Qt.Key.Key_O: labels.OPINION, Qt.Key.Key_F: labels.FACT,
                 Qt.Key.Key_A: labels.ATTRIBUTED}
WORD_KEYS = {Qt.Key.Key_L: labels.LOADED, Qt.Key.Key_H: labels.HEDGE,
             Qt.Key.Key_B: labels.BOOSTER, Qt.Key.Key_T: labels.TECHNIQUE,
             Qt.Key.Key_Q: exercise.QUOTE, Qt.Key.Key_S: exercise.SPEAKER}
LETTER = {labels.OPINION: "O", labels.FACT: "F", labels.ATTRIBUTED: "A", labels.LOADED: "L",
          labels.HEDGE: "H", labels.BOOSTER: "B", labels.TECHNIQUE: "T", exercise.QUOTE: "Q",
          exercise.SPEAKER: "S"}
FILTER = "FrameLens exercise (*.json);;All files (*)"
HELP = ("Sentence at the cursor: O opinion, F fact, A attributed. Selected words (or the word "
        "at the cursor): L loaded, H hedge, B booster, T technique, Q quote, S speaker. "
        "Delete removes; Ctrl+Z undoes.")


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


class MarkOverlay(QWidget):
    """Draws a pane's exercise marks over its text: word marks as outlined boxes, each mark
    with its letter in an outlined tag (sentence labels at the sentence's start); on reveal,
    the key's sentence label follows in a filled tag."""

    def __init__(self, controller: ExerciseController, pane: int):
        editor = controller.window.panes[pane].editor
        super().__init__(editor.viewport())
        self.controller, self.pane, self.editor = controller, pane, editor
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        editor.updateRequest.connect(lambda *_: self.refresh())
        editor.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.refresh()
        return False

    def refresh(self) -> None:
        viewport = self.editor.viewport()
        self.setGeometry(viewport.rect())
        self.update()

    def _rects(self, start: int, end: int, mapping: Utf16Map) -> list[QRect]:
        """One rectangle per visual line of a code-point range."""
        cursor = QTextCursor(self.editor.document())
        rects: dict[int, QRect] = {}
        for position in range(mapping.to_qt(start), mapping.to_qt(end) + 1):
            cursor.setPosition(position)
            rect = self.editor.cursorRect(cursor)
            line = rects.get(rect.top())
            rects[rect.top()] = rect if line is None else line.united(rect)
        return list(rects.values())

    def paintEvent(self, event) -> None:
        layer = self.controller.layers.get(self.pane)
        if layer is None:
            return
        painter = QPainter(self)
        ink = self.palette().text().color()
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, self.editor.font().pointSizeF() * 0.6))
        small.setBold(True)
        painter.setFont(small)
        mapping = Utf16Map(layer.text)
        theirs = self.controller.reference_sentences(self.pane) if layer.revealed else {}
        for mark in layer.marks:
            rects = [r for r in self._rects(mark.start, mark.end if not mark.is_sentence
                                            else mark.start, mapping)
                     if r.bottom() >= 0 and r.top() <= self.height()]
            if not rects:
                continue
            if not mark.is_sentence:
                painter.setPen(QPen(ink, 2.0))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                for rect in rects:
                    painter.drawRect(rect.adjusted(-1, 0, 1, 0))
            tag = QRect(rects[0].left() - 1, max(0, rects[0].top() - 9), 11, 10)
            self._tag(painter, tag, LETTER[mark.category], ink, filled=False)
            other = theirs.get(mark.start) if mark.is_sentence else None
            if other:  # FrameLens's (or the key's) label beside the user's, filled
                self._tag(painter, tag.translated(12, 0), LETTER[other], ink, filled=True)
        painter.end()

    def _tag(self, painter: QPainter, box: QRect, letter: str, ink: QColor,
             filled: bool) -> None:
        """A letter in a small box: outlined for the user's marks, filled for the key's."""
        paper = self.palette().base().color()
        painter.fillRect(box, ink if filled else paper)
        painter.setPen(QPen(ink, 1.0))
        painter.drawRect(box)
        painter.setPen(paper if filled else ink)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, letter)


class ExercisePanel(QWidget):
    """The dock's content: what to do, the agreement figures and the disagreements."""

    def __init__(self):
        super().__init__()
        self.status = QLabel(HELP)
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["Category", "Precision", "Recall", "F1"])
        self.table.verticalHeader().hide()
        self.kappa = QLabel("")
        self.kappa.setWordWrap(True)
        self.disagreements = QListWidget()
        self.reason = QLabel("")
        self.reason.setWordWrap(True)
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        for widget in (self.status, self.table, self.kappa, QLabel("<b>To discuss</b>"),
                       self.disagreements, self.reason):
            layout.addWidget(widget)

    def show_agreement(self, agreement: Agreement | None, text: str) -> None:
        self.disagreements.clear()
        self.reason.setText("")
        if agreement is None:
            self.table.setRowCount(0)
            self.kappa.setText("")
            return
        self.table.setRowCount(len(agreement.spans))
        for row, score in enumerate(agreement.spans):
            cells = [CATEGORY_NAMES[score.category], figure(score.precision),
                     figure(score.recall), figure(score.f1)]
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        rows_height = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setMinimumHeight(rows_height + self.table.horizontalHeader().height() + 4)
        sentences = agreement.sentences
        self.kappa.setText(f"Sentence labels: \u03ba = {figure(sentences.kappa)}, agreement "
                           f"{figure(sentences.observed)} over {sentences.compared} sentences "
                           f"({sentences.unlabelled} not labelled)")
        for item in agreement.disagreements:
            entry = QListWidgetItem(item.describe(text))
            entry.setData(Qt.ItemDataRole.UserRole, item)
            self.disagreements.addItem(entry)


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
        window.analysisApplied.connect(self._analysis_applied)
        for pane in window.panes:
            pane.editor.installEventFilter(self)
            pane.editor.textChanged.connect(lambda p=pane.index: self._text_changed(p))

    # --- starting and stopping ------------------------------------------------------------
    def start(self, pane: int, teacher: bool = False) -> bool:
        """Exercise mode on a pane: FrameLens's marks hidden; as `teacher`, they become the
        editable layer (to be corrected and saved as the key)."""
        target = self.window.panes[pane]
        if not target.text().strip():
            self._say("Open an article first.")
            return False
        if teacher and target.analysis is None:
            self._say("Wait for the analysis: the teacher starts from FrameLens's marks.")
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
        self.window._refresh_views()

    def _hide_answers(self, pane: int) -> None:
        self.window.panes[pane].editor.clear_marks()
        self.window.legend.set_counts(pane, None)
        self.window.tabs.hide()

    def _analysis_applied(self, pane: int) -> None:
        layer = self.layers.get(pane)
        if layer is not None and not layer.revealed:
            self._hide_answers(pane)

    def _text_changed(self, pane: int) -> None:
        layer = self.layers.get(pane)
        if layer is not None and self.window.panes[pane].text() != layer.text:
            self.stop(pane)
            self._say("The exercise ended: another text was opened in this pane.")

    # --- marking ------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
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
        if key in SENTENCE_KEYS:
            self.label_sentence(pane, SENTENCE_KEYS[key])
            return True
        if key in WORD_KEYS:
            self.mark_words(pane, WORD_KEYS[key])
            return True
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_X):
            self.remove_at_cursor(pane)
            return True
        return False

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
            self._say("The cursor is in no sentence (or the sentences are not found yet).")
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
            self._say("Select words to mark (or put the cursor in a word).")
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
            self._say("Start an exercise first (Exercise > Start).")
            return None
        reference = self.reference(pane)
        if reference is None:
            self._say("Wait for the analysis to finish, then reveal.")
            return None
        layer.revealed = True
        shown = Analysis.from_json(exercise.to_document(reference)) if layer.key else (
            self.window.panes[pane].analysis)
        self.window.panes[pane].editor.set_marks(shown)
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
            self._say("Start an exercise first (Exercise > Start).")
            return False
        try:
            layer.key = exercise.load(path, layer.text)
        except ExerciseError as exc:
            self._say(str(exc))
            return False
        if layer.revealed:
            self.reveal(pane)
        self._say(f"Scoring against the key by {layer.key.by.describe()}.")
        return True

    def save(self, pane: int, path: str) -> bool:
        """Write the pane's marks as an exercise (or, for a teacher, a key) file."""
        layer = self.layers.get(pane)
        if layer is None:
            self._say("There is no exercise to save.")
            return False
        target = self.window.panes[pane]
        title = target.analysis.title if target.analysis is not None else ""
        try:
            exercise.save(layer.mark_set(target.analysis, title), path)
        except OSError as exc:
            self._say(str(exc))
            return False
        self._say(f"Saved the marks by {layer.by.describe()} to {path}")
        return True

    def open(self, pane: int, path: str) -> bool:
        """Resume a saved exercise (the pane gets its text if it holds another)."""
        try:
            marks = exercise.load(path)
        except ExerciseError as exc:
            self._say(str(exc))
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

    def show_revealed(self, pane: int, path: str) -> None:
        """Open a saved exercise, reveal it and show the first disagreement (screenshots)."""
        revealed = self.open(pane, path) and self.reveal(pane) is not None
        if revealed and not self.window.panes[1 - pane].text().strip():
            self.window.presenter.toggle_one_pane()
        if revealed and self.panel.disagreements.count():
            self._jump(self.panel.disagreements.item(0))

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 8000)
        self.panel.reason.setText(message)

    # --- menu ----------------------------------------------------------------------------
    def build_menu(self, menu) -> None:
        """The Exercise menu (Tools of a class): start, reveal, keys, files."""
        window = self.window

        def add(text: str, slot, shortcut: str | None = None) -> None:
            action = menu.addAction(text, slot)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            window.addAction(action)

        add("&Start Exercise in This Pane", lambda: self.start(window.active), "Ctrl+Shift+E")
        add("Start as &Teacher (Correct FrameLens's Marks)",
            lambda: self.start(window.active, teacher=True))
        add("&Reveal FrameLens's Marks", lambda: self.reveal(window.active), "Ctrl+Shift+K")
        menu.addSeparator()
        add("&Open Exercise\u2026", lambda: self._ask_open(window.active))
        add("&Save Marks As\u2026", lambda: self._ask_save(window.active))
        add("Score Against a Teacher's &Key\u2026", lambda: self._ask_key(window.active))
        menu.addSeparator()
        add("S&top Exercise", lambda: self.stop(window.active))

    def _ask_open(self, pane: int) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Open exercise", "", FILTER)
        if path:
            self.open(pane, path)

    def _ask_key(self, pane: int) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Teacher's key", "", FILTER)
        if path:
            self.load_key(pane, path)

    def _ask_save(self, pane: int) -> None:
        layer = self.layers.get(pane)
        if layer is None:
            self._say("There is no exercise to save.")
            return
        name, ok = QInputDialog.getText(self.window, "Your name", "Name (for the teacher):",
                                        text=layer.by.name)
        if not ok:
            return
        layer.by = Marker(layer.by.role, name.strip())
        path, _ = QFileDialog.getSaveFileName(self.window, "Save marks", "exercise.json", FILTER)
        if path:
            self.save(pane, path)


def attach(window) -> ExerciseController:
    """Give the window exercise mode and its menu (after `menus.build`)."""
    controller = ExerciseController(window)
    controller.build_menu(window.menuBar().addMenu("E&xercise"))
    return controller
