"""The Exercise menu, its file dialogs, the right-click menu of exercise mode and the
handouts (worksheet and key PDFs) written from the window."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu

from framelens.exercise import CATEGORIES, CATEGORY_NAMES, Marker
from framelens.gui.exercise_view import LETTER, REMOVE

FILTER = "FrameLens exercise (*.json);;All files (*)"
PDF_FILTER = "PDF (*.pdf);;All files (*)"


def build(controller, menu: QMenu) -> None:
    """The Exercise menu: start, reveal, keys, files, handouts, stop."""
    window = controller.window

    def add(text: str, slot, shortcut: str | None = None) -> None:
        action = menu.addAction(text, slot)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        window.addAction(action)

    add("&Start Exercise in This Pane", lambda: controller.start(window.active), "Ctrl+Shift+E")
    add("Start as &Teacher (Correct FrameLens's Marks)",
        lambda: controller.start(window.active, teacher=True))
    add("&Reveal", lambda: controller.reveal(window.active), "Ctrl+Shift+K")
    menu.addSeparator()
    add("&Open Exercise\u2026", lambda: ask_open(controller, window.active))
    add("&Save Marks As\u2026", lambda: ask_save(controller, window.active))
    add("Score Against a Teacher's &Key\u2026", lambda: ask_key(controller, window.active))
    menu.addSeparator()
    add("Export &Worksheet PDF\u2026", lambda: ask_handout(controller, worksheet=True))
    add("Export Key &PDF\u2026", lambda: ask_handout(controller, worksheet=False))
    menu.addSeparator()
    add("S&top Exercise", lambda: controller.stop(window.active))


def context_menu(controller, pane: int) -> QMenu:
    """Right-click in exercise mode: label the sentence, mark the words, remove, undo."""
    menu = QMenu(controller.window.panes[pane].editor)
    for category in CATEGORIES:
        what = "Sentence: " if category in CATEGORIES[:3] else "Mark as "
        action = menu.addAction(f"{what}{CATEGORY_NAMES[category]}\t{LETTER[category]}")
        action.triggered.connect(lambda _=False, c=category: controller.mark(pane, c))
        if category == CATEGORIES[2]:
            menu.addSeparator()
    menu.addSeparator()
    menu.addAction("Remove Mark\tDel", lambda: controller.mark(pane, REMOVE))
    undo = controller.layers[pane].undo
    menu.addAction("Undo\tCtrl+Z", undo.undo).setEnabled(undo.canUndo())
    return menu


def ask_open(controller, pane: int) -> None:
    path, _ = QFileDialog.getOpenFileName(controller.window, "Open exercise", "", FILTER)
    if path:
        controller.open(pane, path)


def ask_key(controller, pane: int) -> None:
    path, _ = QFileDialog.getOpenFileName(controller.window, "Teacher's key", "", FILTER)
    if path:
        controller.load_key(pane, path)


def ask_save(controller, pane: int) -> bool:
    """Ask for the marker's name and a file, then save; True if saved."""
    layer = controller.layers.get(pane)
    if layer is None:
        controller.say("There is no exercise to save.")
        return False
    name, ok = QInputDialog.getText(controller.window, "Your name",
                                    "Name (for the teacher):", text=layer.by.name)
    if not ok:
        return False
    layer.by = Marker(layer.by.role, name.strip())
    suggested = "key.json" if layer.by.role == "teacher" else "exercise.json"
    path, _ = QFileDialog.getSaveFileName(controller.window, "Save marks", suggested, FILTER)
    return bool(path) and controller.save(pane, path)


def ask_handout(controller, worksheet: bool) -> None:
    what = "worksheet" if worksheet else "key"
    path, _ = QFileDialog.getSaveFileName(controller.window, f"Export {what}",
                                          f"{what}.pdf", PDF_FILTER)
    if path:
        controller.write_handout(path, worksheet)
