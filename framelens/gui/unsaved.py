"""Never lose an article silently: ask before quitting over an unsaved draft, and before a
paste replaces an article.

Questions are QMessageBox instances run with `exec()` (tests answer them by patching it).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

PANE_NAMES = ("A", "B")


def ask(window, title: str, text: str, choices: list[tuple[str, QMessageBox.ButtonRole]],
        default: int, escape: int) -> int:
    """Ask with buttons `choices` ((label, role), ...); returns the index chosen."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      window)
    buttons = [box.addButton(label, role) for label, role in choices]
    box.setDefaultButton(buttons[default])
    box.setEscapeButton(buttons[escape])
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    return buttons.index(clicked) if clicked in buttons else escape


def describe(pane) -> str:
    """"A (“Title”, an unsaved draft)" for questions about a pane."""
    name = PANE_NAMES[pane.index]
    title = pane.title.text().split(" \u2014 ", 1)[-1]
    state = ", an unsaved draft" if pane.dirty else ""
    return f"{name} (\u201c{title}\u201d{state})"


def unsaved_panes(window) -> list:
    """The panes holding edited or pasted text that is in no file."""
    return [pane for pane in window.panes if pane.dirty and pane.text().strip()]


def confirm_close(window) -> bool:
    """Before quitting: Save / Discard / Cancel when a pane holds an unsaved draft.
    Returns True when the window may close."""
    from framelens.gui.menus import save_dialog

    drafts = unsaved_panes(window)
    if not drafts:
        return True
    which = " and ".join(describe(pane) for pane in drafts)
    choice = ask(window, "Unsaved draft",
                 f"{which} {'has' if len(drafts) == 1 else 'have'} changes that are in no "
                 "file. Save before quitting?",
                 [("&Save\u2026", QMessageBox.ButtonRole.AcceptRole),
                  ("&Discard", QMessageBox.ButtonRole.DestructiveRole),
                  ("Cancel", QMessageBox.ButtonRole.RejectRole)], default=0, escape=2)
    if choice == 2:
        return False
    if choice == 1:
        for pane in drafts:  # the autosave goes too: the user chose to throw the text away
            pane.dirty = False
        return True
    return all(save_dialog(window, pane.index) for pane in drafts)


def choose_paste_pane(window) -> int | None:
    """The pane pasted text goes to: the active one if empty, else the user's choice
    (None: cancelled). An article is never replaced without asking."""
    active = window.panes[window.active]
    if not active.text().strip():
        return active.index
    choices, targets = [], []
    for pane in (active, window.panes[1 - active.index]):
        name = PANE_NAMES[pane.index]
        label = f"Into {name} (empty)" if not pane.text().strip() else f"Replace {name}"
        choices.append((label, QMessageBox.ButtonRole.AcceptRole))
        targets.append(pane.index)
    choices.append(("Cancel", QMessageBox.ButtonRole.RejectRole))
    empty = [i for i, pane in enumerate(targets) if not window.panes[pane].text().strip()]
    occupied = [describe(window.panes[pane]) for pane in targets
                if window.panes[pane].text().strip()]
    choice = ask(window, "Paste as new article",
                 f"Where should the pasted text go? {' and '.join(occupied)} "
                 f"{'holds' if len(occupied) == 1 else 'hold'} an article that a paste "
                 "replaces.", choices, default=empty[0] if empty else 2, escape=2)
    return None if choice == 2 else targets[choice]
