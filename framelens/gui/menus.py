"""Menus, shortcuts and the file dialogs of the main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from framelens.gui import exports, frame_filter, user_menus
from framelens.gui.help_page import show_guide

OPEN_FILTER = "Articles (*.txt *.text *.md *.markdown *.html *.htm);;All files (*)"


def _action(window, menu, text: str, slot, shortcuts=(), checkable: bool = False) -> QAction:
    action = QAction(text, window)
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    action.setCheckable(checkable)
    action.triggered.connect(slot)
    menu.addAction(action)
    window.addAction(action)  # shortcuts keep working in full screen without a menu bar
    return action


def build(window) -> dict[str, QAction]:
    """Create the menu bar of `window`; returns the actions by name."""
    bar = window.menuBar()
    actions: dict[str, QAction] = {}

    file_menu = bar.addMenu("&File")
    actions["open_a"] = _action(window, file_menu, "Open in &Left Pane (A)\u2026",
                                lambda: open_dialog(window, 0), ["Ctrl+O"])
    actions["open_b"] = _action(window, file_menu, "Open in &Right Pane (B)\u2026",
                                lambda: open_dialog(window, 1), ["Ctrl+Shift+O"])
    recent = file_menu.addMenu("Open &Recent")
    recent.aboutToShow.connect(lambda: _fill_recent(window, recent))
    actions["paste"] = _action(window, file_menu, "&Paste as New Article",
                               lambda: paste_article(window), ["Ctrl+Shift+V"])
    actions["save"] = _action(window, file_menu, "&Save Text As\u2026",
                              lambda: save_dialog(window), [QKeySequence.StandardKey.Save])
    file_menu.addSeparator()
    exports.build_menu(file_menu.addMenu("&Export"), window, lambda: _export_state(window))
    file_menu.addSeparator()
    actions["quit"] = _action(window, file_menu, "&Quit", window.close,
                              [QKeySequence.StandardKey.Quit])

    edit_menu = bar.addMenu("&Edit")
    actions["draft"] = _action(window, edit_menu, "&Draft Mode (Text Editable)",
                               lambda on: [p.editor.setReadOnly(not on) for p in window.panes],
                               checkable=True)
    actions["draft"].setChecked(True)
    actions["replace"] = _action(window, edit_menu, "&Replace Loaded Word with Neutral Alternative",
                                 window.replace_loaded, ["Ctrl+Shift+R"])
    edit_menu.addSeparator()
    actions["find"] = _action(window, edit_menu, "&Find\u2026", window.find_bar.open,
                              [QKeySequence.StandardKey.Find])
    actions["find_next"] = _action(window, edit_menu, "Find &Next",
                                   lambda: window.find_bar.find(True), ["F3"])
    actions["find_previous"] = _action(window, edit_menu, "Find Pre&vious",
                                       lambda: window.find_bar.find(False), ["Shift+F3"])
    edit_menu.addSeparator()
    actions["reanalyse"] = _action(window, edit_menu, "Analyse &Again",
                                   lambda: [window.analyse(p.index) for p in window.panes], ["F5"])

    view_menu = bar.addMenu("&View")
    actions["next"] = _action(window, view_menu, "&Next Mark", lambda: window.step_mark(True),
                              ["F8", "Alt+Down"])
    actions["previous"] = _action(window, view_menu, "&Previous Mark",
                                  lambda: window.step_mark(False), ["Shift+F8", "Alt+Up"])
    actions["next_claim"] = _action(window, view_menu, "Next &Aligned Claim",
                                    lambda: window.linker.step(True), ["F7", "Ctrl+]"])
    actions["previous_claim"] = _action(window, view_menu, "Previous Ali&gned Claim",
                                        lambda: window.linker.step(False),
                                        ["Shift+F7", "Ctrl+["])
    frame_filter.build_menu(view_menu.addMenu("Show Only Sentences of &Frame"), window)
    view_menu.addSeparator()
    actions["zoom_in"] = _action(window, view_menu, "Zoom &In", lambda: window.zoom(1),
                                 ["Ctrl+=", "Ctrl++"])
    actions["zoom_out"] = _action(window, view_menu, "Zoom &Out", lambda: window.zoom(-1),
                                  ["Ctrl+-"])
    actions["zoom_reset"] = _action(window, view_menu, "&Reset Zoom", lambda: window.zoom(0),
                                    ["Ctrl+0"])
    view_menu.addSeparator()
    actions["dark"] = _action(window, view_menu, "&Dark Theme", window.set_dark,
                              ["Ctrl+Shift+D"], checkable=True)
    actions["dark"].setChecked(window.dark)
    actions["present"] = _action(window, view_menu, "Presentation &Mode", window.set_presenting,
                                 ["F11", "Ctrl+Shift+P"], checkable=True)
    actions["leave"] = _action(window, view_menu, "Leave Presentation Mode", window.escape,
                               ["Escape"])
    actions["legend"] = _action(window, view_menu, "Show or Hide the &Legend",
                                window.presenter.toggle_legend, ["F9"])
    actions["panels"] = _action(window, view_menu, "Show or Hide &Comparison and Sources",
                                window.presenter.toggle_panels, ["F10"])
    actions["one_pane"] = _action(window, view_menu, "&One Pane / Both Panes",
                                  window.presenter.toggle_one_pane, ["F12"])

    user_menus.build_menu(window, bar.addMenu("&Review"), actions, edit_menu)

    help_menu = bar.addMenu("&Help")
    actions["guide"] = _action(window, help_menu, "&How to Read the Marks",
                               lambda: show_guide(window), [QKeySequence.StandardKey.HelpContents])
    _action(window, help_menu, "&About FrameLens", lambda: about(window))
    return actions


def open_dialog(window, pane: int) -> None:
    paths, _ = QFileDialog.getOpenFileNames(window, "Open article", "", OPEN_FILTER)
    if paths:
        window.open_paths(paths, None if len(paths) > 1 else pane)


def _fill_recent(window, menu) -> None:
    menu.clear()
    recent = window.settings.recent_files()
    for path in recent:
        action = menu.addAction(Path(path).name)
        action.setToolTip(path)
        action.triggered.connect(lambda _=False, p=path: window.open_paths([p]))
    if not recent:
        menu.addAction("(none)").setEnabled(False)
    else:
        menu.addSeparator()
        menu.addAction("Clear List", window.settings.clear_recent_files)


def paste_article(window) -> None:
    """Clipboard text becomes a new, unsaved article: in the active pane if it is empty,
    else where the user says (an article is never replaced without asking)."""
    from framelens.gui.unsaved import choose_paste_pane
    from framelens.gui.window import clipboard_text

    text = clipboard_text()
    if not text.strip():
        window.statusBar().showMessage("The clipboard holds no text.", 5000)
        return
    pane = choose_paste_pane(window)
    if pane is None:
        window.statusBar().showMessage("Nothing pasted.", 4000)
        return
    window.set_text(pane, text, "Pasted text", draft=True)
    window.statusBar().showMessage(f"Pasted into {'AB'[pane]} as a new, unsaved article.", 5000)


def save_dialog(window, pane_index: int | None = None) -> bool:
    """Save a pane's text (default: the active pane's) as a UTF-8 file; True if saved."""
    from framelens.fileio import OutputError, atomic_output

    pane = window.panes[window.active if pane_index is None else pane_index]
    path, _ = QFileDialog.getSaveFileName(
        window, f"Save the text of {'AB'[pane.index]}", pane.source or "draft.txt",
        "Text (*.txt);;All files (*)")
    if not path:
        return False
    try:
        with atomic_output(path) as handle:
            handle.write(pane.text())
    except OutputError as exc:
        QMessageBox.warning(window, "Save failed", str(exc))
        return False
    pane.source, pane.dirty = path, False
    window.settings.add_recent_file(path)
    window.save_drafts()
    window.statusBar().showMessage(f"Saved {path}", 5000)
    return True


def _export_state(window):
    analyses = [p.analysis for p in window.panes if p.analysis is not None]
    both = [p.analysis for p in window.panes]
    comparison = None
    if all(both):
        from framelens.comparison import compare

        comparison = compare(both[0], both[1], "A", "B")
    titles = [pane.analysis.title or pane.title.text() for pane in window.panes
              if pane.analysis is not None]
    return analyses, comparison, exports.suggested_name(titles)


def about(window) -> None:
    from framelens import __version__

    QMessageBox.about(window, "About FrameLens",
                      f"<b>FrameLens {__version__}</b><p>See how a news text persuades: opinion "
                      "vs reported fact, loaded language, hedges and boosters, and who is quoted."
                      "<p>Everything runs on this computer; nothing is sent anywhere.")
