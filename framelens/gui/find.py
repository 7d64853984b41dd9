"""Find in the active pane: Ctrl+F opens a bar under the panes, Enter or F3 finds the next
match, Shift+Enter or Shift+F3 the previous one, wrapping at the ends; Esc closes it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget


class FindBar(QWidget):
    """A search field acting on the editor `editor_of()` returns (the active pane's)."""

    def __init__(self, editor_of: Callable[[], object], pane_name: Callable[[], str],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.editor_of, self.pane_name = editor_of, pane_name
        self.field = QLineEdit()
        self.field.setPlaceholderText("Find in the active pane")
        self.field.setClearButtonEnabled(True)
        self.field.returnPressed.connect(lambda: self.find(True))
        self.field.installEventFilter(self)
        self.result = QLabel()
        previous, following = QPushButton("Previous"), QPushButton("Next")
        previous.setToolTip("Previous match (Shift+F3)")
        following.setToolTip("Next match (F3)")
        previous.clicked.connect(lambda: self.find(False))
        following.clicked.connect(lambda: self.find(True))
        close = QPushButton("Close")
        close.setToolTip("Close (Esc)")
        close.clicked.connect(self.close_bar)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        row.addWidget(QLabel("Find:"))
        row.addWidget(self.field, 1)
        for widget in (previous, following, self.result, close):
            row.addWidget(widget)
        self.hide()

    def open(self) -> None:
        """Show the bar with the selected words (if any) as the search, ready to type."""
        selected = self.editor_of().textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.field.setText(selected)
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.editor_of().setFocus()

    def find(self, forward: bool) -> bool:
        """Select the next (or previous) match after the cursor, wrapping; False if none."""
        query = self.field.text()
        if not query:
            self.open()
            return False
        editor = self.editor_of()
        flags = QTextDocument.FindFlag(0) if forward else QTextDocument.FindFlag.FindBackward
        document = editor.document()
        found = document.find(query, editor.textCursor(), flags)
        if found.isNull():  # wrap around
            start = QTextCursor(document)
            if not forward:
                start.movePosition(QTextCursor.MoveOperation.End)
            found = document.find(query, start, flags)
        if found.isNull():
            self.result.setText(f"Not in {self.pane_name()}")
            return False
        editor.setTextCursor(found)
        editor.centerCursor()
        self.result.setText("")
        return True

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        """Shift+Enter in the field finds backwards (plain Enter is `returnPressed`)."""
        if (watched is self.field and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            self.find(False)
            return True
        return super().eventFilter(watched, event)
