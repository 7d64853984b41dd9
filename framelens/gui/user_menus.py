"""The window's hooks for the user's own marks: corrections, word lists, draft review.

`attach(window)` creates the three controllers and gives each pane its right-click
corrections; `build_menu` adds their commands to the Edit and Review menus. Word lists
reach the engine through the one analysis worker (`WordLists.options`).
"""

from __future__ import annotations

from framelens.gui.review import ReviewPanel
from framelens.gui.user_marks import UserMarks
from framelens.userdata import UserDataError, data_dir
from framelens.wordlists import UserWords, WordList, WordListError, WordListLibrary, new_record

MY_WORDS = "My words"


class WordLists:
    """The user's word lists as the window uses them: the words switched on, re-read when
    the manager changes them, and both panes analysed again."""

    def __init__(self, window, folder=None):
        self.window = window
        self.library = WordListLibrary(folder or data_dir())
        self.words = UserWords()
        self.dialog = None
        self.reload(analyse=False)

    def options(self) -> dict:
        """Keyword arguments for the analyser: none unless a list is switched on (so an
        analyser that knows nothing of word lists keeps working)."""
        return {"words": self.words} if self.words else {}

    def reload(self, analyse: bool = True) -> None:
        """Read the lists again; analyse both panes again if the words changed."""
        lists, problems = self.library.lists()
        words = self.library.active_words()
        if problems:
            self.window.statusBar().showMessage(problems[0], 15000)
        changed, self.words = words != self.words, words
        if analyse and changed:
            for pane in self.window.panes:
                if pane.text().strip():
                    self.window.analyse(pane.index)

    def add_word(self, words: str, alternative: str = "", reason: str = "",
                 list_name: str = MY_WORDS) -> bool:
        """Add loaded words to one of the user's lists (made if missing); analyse again."""
        lists = {w.name: w for w in self.library.lists()[0]}
        target = lists.get(list_name) or WordList(list_name, ())
        try:
            record = new_record(words.lower(), "loaded", alternative, reason)
            self.library.save(WordList(target.name, (*target.records, record), target.enabled))
        except (WordListError, UserDataError) as exc:
            self.window.statusBar().showMessage(f"Not added to the word list: {exc}", 10000)
            return False
        if self.dialog is not None:
            self.dialog.refresh()
        self.reload()
        return True

    def open_dialog(self):
        """Show the word-list manager (made once, kept)."""
        from framelens.gui.wordlist_dialog import WordListDialog

        if self.dialog is None:
            self.dialog = WordListDialog(self.library, self.window)
            self.dialog.changed.connect(self.reload)
        self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog


def attach(window) -> tuple[UserMarks, WordLists, ReviewPanel]:
    """The corrections, word lists and draft review of `window`, wired to its panes."""
    marks = UserMarks(window)
    for pane in window.panes:
        pane.editor.extend_menu = (
            lambda menu, here, selected, p=pane.index: marks.extend_menu(p, menu, here, selected))
    review = ReviewPanel(window)
    marks.redrawn.connect(review.follow_marks)
    return marks, WordLists(window), review


def build_menu(window, review_menu, actions: dict, edit_menu) -> None:
    """Edit: undo and reset corrections; Review: review draft, its report, word lists."""
    from framelens.gui.menus import _action

    edit_menu.addSeparator()
    actions["undo_correction"] = _action(window, edit_menu, "Undo &Correction",
                                         lambda: window.user_marks.undo(), ["Ctrl+Alt+Z"])
    actions["reset_corrections"] = _action(window, edit_menu,
                                           "Reset Corrections of This Article\u2026",
                                           lambda: window.user_marks.reset())
    actions["review"] = _action(window, review_menu, "&Review Draft (Step Through Findings)",
                                lambda: window.review.start(window.active), ["F6"])
    actions["draft_report"] = _action(window, review_menu, "Save Draft &Report\u2026",
                                      lambda: window.review.save_report_dialog())
    review_menu.addSeparator()
    actions["word_lists"] = _action(window, review_menu, "&Word Lists\u2026",
                                    lambda: window.word_lists.open_dialog(), ["Ctrl+Shift+L"])
