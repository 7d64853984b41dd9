"""Corrections in the window: right-click a mark or a word, the correction sticks (re-analysis,
edits elsewhere, a new window on the same data folder), shows as the user's, and undoes."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QDialog, QMenu

from framelens import labels
from framelens.export import marks as marklib
from framelens.gui.offsets import Utf16Map
from framelens.gui.user_marks import _Form
from framelens.userdata import text_hash

TEXT = "The budget is a disaster for the town.\nOfficials think the plan will work.\n"


def _open(make_window, fake, qtbot, text=TEXT, source=None):
    window = make_window(fake)
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(0, text, "draft", source=source)
    return window


def _menu(window, word, occurrence=0):
    """The right-click entries FrameLens adds at `word` in pane A (as the editor asks)."""
    editor = window.panes[0].editor
    text = editor.toPlainText()
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(word, index + 1)
    menu = QMenu()
    editor.extend_menu(menu, Utf16Map(text).to_qt(index + 1), None)
    return menu, {a.text(): a for a in menu.actions() if a.text()}


def _loaded(window):
    analysis = window.panes[0].analysis
    return [(analysis.text[s.start:s.end], s.by) for s in analysis.spans_of(labels.LOADED)]


def _reanalysed(window, qtbot):
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.analyse(0)


def test_user_marks_not_loaded_survives_reanalysis_edits_and_restart(make_window, fake,
                                                                     qtbot):
    window = _open(make_window, fake, qtbot)
    assert _loaded(window) == [("disaster", "")]
    _, actions = _menu(window, "disaster")
    actions["Not loaded here: \u201cdisaster\u201d"].trigger()
    assert _loaded(window) == []  # at once, without a new analysis
    assert window.panes[0].editor.counts()[labels.LOADED] == 0
    _reanalysed(window, qtbot)
    assert _loaded(window) == []
    # an edit elsewhere moves the words; the correction follows them
    editor = window.panes[0].editor
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        editor.moveCursor(editor.textCursor().MoveOperation.Start)
        editor.insertPlainText("Update: ")
    assert window.panes[0].analysis.text.startswith("Update: The budget")
    assert _loaded(window) == []
    edited = window.panes[0].text()
    window.close()

    again = _open(make_window, fake, qtbot, edited)
    assert _loaded(again) == []
    again.user_marks.undo()
    assert _loaded(again) == [("disaster", "")]
    again.close()
    third = _open(make_window, fake, qtbot, edited)
    assert _loaded(third) == [("disaster", "")]  # the undo was saved too


def test_user_marks_mark_as_loaded_shows_as_the_users_in_window_and_exports(
        make_window, fake, qtbot, monkeypatch):
    window = _open(make_window, fake, qtbot)

    def answer(dialog):
        dialog.fields[0].setText("spending plan")
        dialog.fields[1].setText("Sounds like a verdict.")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(_Form, "exec", answer)
    _, actions = _menu(window, "budget")
    actions["Mark \u201cbudget\u201d as Loaded\u2026"].trigger()
    assert ("budget", labels.BY_USER) in _loaded(window)
    span = next(s for s in window.panes[0].analysis.spans if s.by == labels.BY_USER)
    assert span.alternative == "spending plan"
    editor = window.panes[0].editor
    tooltip = editor.explanation_at(Utf16Map(TEXT).to_qt(TEXT.index("budget") + 1))
    assert "corrected by you" in tooltip and "Sounds like a verdict." in tooltip
    notes = [m.note for m in marklib.collect_marks(window.panes[0].analysis,
                                                   labels.STYLED_CATEGORIES)]
    assert any("corrected by you" in n and "budget" in n for n in notes)
    assert window.panes[0].analysis.to_json()["spans"][0]["by"] == "user"
    # and the word's own right-click now offers to take it back
    _, actions = _menu(window, "budget")
    undo = [text for text in actions if text.startswith("Undo My Correction")]
    assert undo
    actions[undo[0]].trigger()
    assert ("budget", labels.BY_USER) not in _loaded(window)


def test_user_marks_not_an_opinion_relabels_the_sentence(make_window, fake, qtbot):
    window = _open(make_window, fake, qtbot)
    assert [s.label for s in window.panes[0].analysis.sentences] == [labels.FACT,
                                                                     labels.OPINION]
    _, actions = _menu(window, "Officials")
    actions["Not an opinion"].trigger()
    sentences = window.panes[0].analysis.sentences
    assert [(s.label, s.by) for s in sentences] == [(labels.FACT, ""),
                                                    (labels.FACT, labels.BY_USER)]
    assert window.panes[0].analysis.metrics.opinion_share == 0.0
    window.user_marks.reset(ask=False)
    assert window.panes[0].analysis.sentences[1].label == labels.OPINION


def test_user_marks_corrupt_store_gives_one_line_and_is_not_overwritten(
        make_window, fake, qtbot, data_folder):
    broken = data_folder / "corrections" / f"{text_hash(TEXT)}.json"
    broken.parent.mkdir(parents=True)
    broken.write_text("{not json", encoding="utf-8")
    window = _open(make_window, fake, qtbot)
    message = window.statusBar().currentMessage()
    assert "cannot read the saved corrections" in message and "\n" not in message
    assert _loaded(window) == [("disaster", "")]
    _, actions = _menu(window, "disaster")
    actions["Not loaded here: \u201cdisaster\u201d"].trigger()
    assert "left as it is" in window.statusBar().currentMessage()
    assert broken.read_text(encoding="utf-8") == "{not json"


def test_user_marks_are_kept_as_json_in_the_data_folder(make_window, fake, qtbot, data_folder):
    window = _open(make_window, fake, qtbot)
    _, actions = _menu(window, "disaster")
    actions["Not loaded here: \u201cdisaster\u201d"].trigger()
    saved = json.loads((data_folder / "corrections" / f"{text_hash(TEXT)}.json").read_text())
    assert saved["schema"] == "framelens/corrections-v1"
    assert saved["items"][0]["kind"] == "remove"
    assert saved["items"][0]["anchor"]["words"] == "disaster"


def test_user_marks_wrong_speaker_names_the_right_one(make_window, fake, qtbot, monkeypatch):
    text = "Bob said \u201cthe plan is fine\u201d.\n"
    window = _open(make_window, fake, qtbot, text)
    assert window.panes[0].analysis.speaker_of(window.panes[0].analysis.quotes[0]) == "Bob"

    def answer(dialog):
        assert dialog.fields[0].text() == "Bob"  # the present speaker, to edit
        dialog.fields[0].setText("Ann Lee")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(_Form, "exec", answer)
    _, actions = _menu(window, "plan")
    actions["Wrong Speaker\u2026"].trigger()
    analysis = window.panes[0].analysis
    quote = analysis.quotes[0]
    assert (analysis.speaker_of(quote), quote.by) == ("Ann Lee", labels.BY_USER)
    tooltip = window.panes[0].editor.explanation_at(Utf16Map(text).to_qt(text.index("plan")))
    assert "Speaker corrected by you: Ann Lee" in tooltip


def test_user_marks_reset_asks_first(make_window, fake, qtbot, message_boxes):
    window = _open(make_window, fake, qtbot)
    _, actions = _menu(window, "disaster")
    actions["Not loaded here: \u201cdisaster\u201d"].trigger()
    window.user_marks.reset()  # the question is answered with its escape button: Cancel
    assert _loaded(window) == []
    message_boxes.answers.append("Yes")
    window.user_marks.reset()
    assert _loaded(window) == [("disaster", "")]
    assert any("Forget your 1 correction" in q for q in message_boxes.asked)


def test_user_marks_right_click_on_a_mark_offers_the_corrections(make_window, fake, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QContextMenuEvent, QTextCursor
    from PySide6.QtWidgets import QApplication

    window = _open(make_window, fake, qtbot)
    editor = window.panes[0].editor
    cursor = QTextCursor(editor.document())
    cursor.setPosition(TEXT.index("disaster") + 2)
    point = editor.cursorRect(cursor).center()
    shown = []

    def read_and_close():  # the menu is modal: read it, then close it
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(50, read_and_close)
            return
        shown.extend(a.text() for a in menu.actions())
        menu.close()

    QTimer.singleShot(50, read_and_close)
    editor.contextMenuEvent(QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                                              editor.viewport().mapToGlobal(point)))
    assert shown[:2] == ["Not loaded here: \u201cdisaster\u201d", "Label Sentence as Opinion"]
    assert "Replace \u201cdisaster\u201d with \u201cproblem\u201d" in shown  # still offered
