"""Corrections that the rest of the window follows: a corrected speaker stays marked, the
draft review drops what the user just corrected away, and the corrections move with the
article when it is edited (nothing of them is lost)."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QDialog, QMenu

from framelens import labels, review
from framelens.gui.offsets import Utf16Map
from framelens.gui.user_marks import _Form
from framelens.userdata import text_hash


def _open(make_window, fake, qtbot, text, source=None, draft=False):
    window = make_window(fake)
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(0, text, "draft", source=source, draft=draft)
    return window


def _trigger(window, word, entry):
    """Choose `entry` of the right-click menu at the first `word` of pane A."""
    editor = window.panes[0].editor
    text = editor.toPlainText()
    menu = QMenu()
    editor.extend_menu(menu, Utf16Map(text).to_qt(text.index(word) + 1), None)
    next(a for a in menu.actions() if a.text() == entry).trigger()


def _correct_speaker(window, monkeypatch, word_in_quote, name):
    def answer(dialog):
        dialog.fields[0].setText(name)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(_Form, "exec", answer)
    _trigger(window, word_in_quote, "Wrong Speaker\u2026")


def _speaker_marks(window):
    """The words drawn as a quote's speaker in pane A, with their tooltips."""
    editor = window.panes[0].editor
    text = window.panes[0].text()
    mapping = Utf16Map(text)
    quote = window.panes[0].analysis.quotes[0]
    assert editor.counts()[labels.QUOTE_SPEAKER] == (quote.speaker is not None)
    if quote.speaker is None:
        return None
    words = text[quote.speaker.start:quote.speaker.end]
    return words, editor.explanation_at(mapping.to_qt(quote.speaker.start))


def test_corrected_speaker_keeps_its_mark_with_the_name_in_the_tooltip(
        make_window, fake, qtbot, monkeypatch):
    window = _open(make_window, fake, qtbot, "Bob said \u201cthe plan is fine\u201d.\n")
    _correct_speaker(window, monkeypatch, "plan", "Ann Lee")
    words, tooltip = _speaker_marks(window)
    assert words == "Bob"  # the name is not in the text: the mark stays where it was
    assert "Speaker corrected by you: Ann Lee" in tooltip


def test_corrected_speaker_named_near_the_quote_is_marked_there(
        make_window, fake, qtbot, monkeypatch):
    text = ("Ann Lee spoke first at the meeting.\n"
            "Bob said \u201cthe plan is fine\u201d, reading her notes.\n")
    window = _open(make_window, fake, qtbot, text)
    _correct_speaker(window, monkeypatch, "plan", "ann  lee")
    words, tooltip = _speaker_marks(window)
    assert words == "Ann Lee"
    assert "Speaker corrected by you: ann lee" in tooltip
    # "nobody can tell" leaves the quote without a speaker mark
    _correct_speaker(window, monkeypatch, "plan", "")
    assert _speaker_marks(window) is None


def test_review_draft_drops_a_finding_corrected_away_at_once(make_window, fake, qtbot):
    draft = "The plan is a disaster.\nI think it is awful.\nPerhaps it is a disaster.\n"
    window = _open(make_window, fake, qtbot, draft, draft=True)
    panel = window.review
    assert panel.start(0)
    assert (panel.session.current().kind, panel.counter.text()) == (review.LOADED,
                                                                    "5 left of 5")
    _trigger(window, "disaster", "Not loaded here: \u201cdisaster\u201d")
    # no new analysis: the list and the counter follow the correction
    current = panel.session.current()
    assert (current.kind, current.words) == (review.OPINION, "I think it is awful.")
    assert panel.counter.text() == "4 left of 4"
    assert "I think it is awful." in panel.words.text()
    # taking the correction back brings the finding back
    window.user_marks.undo(0)
    assert [(f.kind, f.words) for f in panel.session.open][:1] == [(review.LOADED, "disaster")]
    assert panel.counter.text() == "4 left of 5"


def test_corrections_follow_the_article_as_it_is_edited(make_window, fake, qtbot, data_folder):
    text = "The budget is a disaster.\nIt is awful for the town.\n"
    window = _open(make_window, fake, qtbot, text, draft=True)
    _trigger(window, "disaster", "Not loaded here: \u201cdisaster\u201d")
    editor = window.panes[0].editor
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        editor.moveCursor(editor.textCursor().MoveOperation.Start)
        editor.insertPlainText("Update: ")
    _trigger(window, "awful", "Not loaded here: \u201cawful\u201d")
    edited = window.panes[0].text()
    kept = list((data_folder / "corrections").glob("*.json"))
    assert [p.name for p in kept] == [f"{text_hash(edited)}.json"]  # one record, no stale one
    record = json.loads(kept[0].read_text(encoding="utf-8"))
    assert [item["anchor"]["words"] for item in record["items"]] == ["disaster", "awful"]
    window.close()
    # the original text, pasted again: both corrections, the later one too
    again = _open(make_window, fake, qtbot, text)
    assert [s.category for s in again.panes[0].analysis.spans] == []


def test_exercise_keeps_the_answers_hidden_when_a_correction_is_undone(make_window, fake,
                                                                       qtbot):
    text = "The budget is a disaster.\nOfficials think the plan will work.\n"
    window = _open(make_window, fake, qtbot, text)
    _trigger(window, "disaster", "Not loaded here: \u201cdisaster\u201d")
    assert window.exercise.start(0)
    assert window.panes[0].editor.marks == []
    window.user_marks.undo(0)  # Ctrl+Alt+Z during the exercise
    assert window.panes[0].editor.marks == []
