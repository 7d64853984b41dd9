"""The word-list manager: the user's own lists of loaded words, hedges, boosters and words
to ignore; entries added, edited and removed in a table, lists imported and exported as
files (to share packs), each switched on or off. Every change is saved at once and the
window analyses its articles again with it (`user_menus.WordLists.reload`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from framelens.userdata import UserDataError
from framelens.wordlists import WordList, WordListError, WordListLibrary

KINDS = ("loaded", "hedge", "booster", "ignore")
COLUMNS = ("Words", "Kind", "Neutral alternative", "Why")
LIST_FILTER = "Word lists (*.jsonl);;All files (*)"


class WordListDialog(QDialog):
    """Lists on the left (ticked: switched on), the chosen list's entries on the right."""

    changed = Signal()

    def __init__(self, library: WordListLibrary, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Word Lists")
        self.library = library
        self.current: WordList | None = None
        self._filling = False
        self.lists = QListWidget()
        self.lists.currentItemChanged.connect(lambda item, _old: self._show_list(item))
        self.lists.itemChanged.connect(self._list_toggled)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.itemChanged.connect(lambda _item: self._table_edited())
        self.message = QLabel()
        self.message.setObjectName("wordListMessage")
        self.message.setWordWrap(True)

        left = QVBoxLayout()
        left.addWidget(QLabel("Your lists (ticked: in use)"))
        left.addWidget(self.lists)
        for text, slot in (("New List\u2026", self.new_list_dialog),
                           ("Import\u2026", self.import_dialog),
                           ("Export\u2026", self.export_dialog),
                           ("Delete List", self.delete_list)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            left.addWidget(button)
        right = QVBoxLayout()
        right.addWidget(self.table)
        row = QHBoxLayout()
        for text, slot in (("Add Entry", lambda: self.add_entry("", "loaded")),
                           ("Remove Entry", self.remove_entry)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        right.addLayout(row)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(self.message)
        self.resize(860, 420)
        self.refresh()

    # --- lists -------------------------------------------------------------------------
    def refresh(self, select: str | None = None) -> None:
        """Read the lists again (a file that cannot be read is named in the message line)."""
        wanted = select or (self.current.name if self.current else None)
        found, problems = self.library.lists()
        self._filling = True
        try:
            self.lists.clear()
            for word_list in found:
                item = QListWidgetItem(word_list.name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if word_list.enabled
                                   else Qt.CheckState.Unchecked)
                item.setData(Qt.ItemDataRole.UserRole, word_list)
                self.lists.addItem(item)
        finally:
            self._filling = False
        self.say(problems[0] if problems else "")
        names = [self.lists.item(i).text() for i in range(self.lists.count())]
        row = names.index(wanted) if wanted in names else (0 if names else -1)
        self.lists.setCurrentRow(row)
        if row < 0:
            self._show_list(None)

    def say(self, text: str, error: bool = True) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #a00000" if error and text else "")

    def _show_list(self, item) -> None:
        self.current = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self._fill_table()

    def _list_toggled(self, item) -> None:
        if self._filling:
            return
        self.set_enabled(item.text(), item.checkState() == Qt.CheckState.Checked)

    def set_enabled(self, name: str, on: bool) -> None:
        """Switch a list on or off."""
        try:
            self.library.set_enabled(name, on)
        except UserDataError as exc:
            self.say(str(exc))
            return
        self.refresh(name)
        self.changed.emit()

    def new_list(self, name: str) -> WordList | None:
        try:
            made = self.library.save(WordList(self.library.free_name(name), ()))
        except (WordListError, UserDataError) as exc:
            self.say(str(exc))
            return None
        self.refresh(made.name)
        return made

    def new_list_dialog(self) -> None:
        name, ok = QInputDialog.getText(self, "New word list", "Name of the list:")
        if ok and name.strip():
            self.new_list(name.strip())

    def import_path(self, path: str) -> WordList | None:
        """Import a list file; a malformed one is refused with the line named, nothing added."""
        try:
            made = self.library.import_file(path)
        except (WordListError, UserDataError) as exc:
            self.say(str(exc))
            return None
        self.refresh(made.name)
        self.say(f"Imported \u201c{made.name}\u201d ({len(made.records)} entries).", False)
        self.changed.emit()
        return made

    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import a word list", "", LIST_FILTER)
        if path:
            self.import_path(path)

    def export_path(self, path: str) -> bool:
        if self.current is None:
            self.say("Choose a list to export.")
            return False
        try:
            self.library.export(self.current.name, path)
        except UserDataError as exc:
            self.say(str(exc))
            return False
        self.say(f"Exported \u201c{self.current.name}\u201d to {path}.", False)
        return True

    def export_dialog(self) -> None:
        if self.current is None:
            self.say("Choose a list to export.")
            return
        path, _ = QFileDialog.getSaveFileName(self, "Export the word list",
                                              f"{self.current.name}.jsonl", LIST_FILTER)
        if path:
            self.export_path(path)

    def delete_list(self) -> None:
        """Delete the chosen list's file (after asking: export it first to keep a copy)."""
        from framelens.gui.user_marks import confirm

        if self.current is None or not confirm(
                self, "Delete word list", f"Delete the list \u201c{self.current.name}\u201d? "
                "Export it first to keep a copy."):
            return
        self.library.remove(self.current.name)
        self.current = None
        self.refresh()
        self.changed.emit()

    # --- entries -----------------------------------------------------------------------
    def _fill_table(self) -> None:
        self._filling = True
        try:
            records = self.current.records if self.current else ()
            self.table.setRowCount(0)
            for record in records:
                self._append_row(record)
            self.table.resizeColumnsToContents()
        finally:
            self._filling = False

    def _append_row(self, record: dict) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        term = QTableWidgetItem(record.get("term", ""))
        term.setData(Qt.ItemDataRole.UserRole, dict(record))
        self.table.setItem(row, 0, term)
        kind = QComboBox()
        kind.addItems(KINDS)
        category = record.get("category", "loaded")
        kind.setCurrentText("loaded" if category == "loaded_language" else category)
        kind.currentTextChanged.connect(lambda _text: self._table_edited())
        self.table.setCellWidget(row, 1, kind)
        self.table.setItem(row, 2, QTableWidgetItem(record.get("alternative") or ""))
        self.table.setItem(row, 3, QTableWidgetItem(record.get("explanation", "")))

    def add_entry(self, term: str, category: str = "loaded", alternative: str = "",
                  reason: str = "") -> None:
        """Add an entry to the chosen list (a new list "My words" if there is none)."""
        if self.current is None and self.new_list("My words") is None:
            return
        self._filling = True
        try:
            self._append_row({"term": term, "category": category,
                              "alternative": alternative or None, "explanation": reason})
        finally:
            self._filling = False
        if term.strip():
            self._table_edited()
        else:
            self.table.editItem(self.table.item(self.table.rowCount() - 1, 0))

    def remove_entry(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self._table_edited()

    def _records(self) -> list[dict]:
        records = []
        for row in range(self.table.rowCount()):
            term = self.table.item(row, 0)
            if term is None or not term.text().strip():
                continue  # a row still being typed
            record = dict(term.data(Qt.ItemDataRole.UserRole) or {})
            record["term"] = " ".join(term.text().split())
            record["category"] = self.table.cellWidget(row, 1).currentText()
            for column, key in ((2, "alternative"), (3, "explanation")):
                cell = self.table.item(row, column)
                value = " ".join(cell.text().split()) if cell is not None else ""
                if value:
                    record[key] = value
                else:
                    record.pop(key, None)
            records.append(record)
        return records

    def _table_edited(self) -> None:
        if self._filling or self.current is None:
            return
        edited = WordList(self.current.name, tuple(self._records()), self.current.enabled)
        try:
            self.current = self.library.save(edited)
        except (WordListError, UserDataError) as exc:
            self.say(str(exc))
            return
        self.say("")
        item = self.lists.currentItem()
        if item is not None:
            item.setData(Qt.ItemDataRole.UserRole, self.current)
        self.changed.emit()
