"""Offsets: Python code points become Qt UTF-16 positions in one place, marks land right."""

from __future__ import annotations

import pytest
from fakes import drawn
from PySide6.QtGui import QTextCharFormat

from framelens.gui.offsets import Utf16Map

WAVE = QTextCharFormat.UnderlineStyle.WaveUnderline


@pytest.mark.parametrize("text, offset, expected", [
    ("plain ascii", 6, 6),
    ("caf\u00e9 disaster", 5, 5),              # BMP accent: one unit
    ("\U0001F600 disaster", 2, 3),              # emoji: two units
    ("\U0001F600\U0001F389 x", 3, 5),           # two emoji
    ("\u4e2d\u6587 x", 3, 3),                   # CJK in the BMP
    ("\U00020000 x", 1, 2),                     # CJK extension B (astral)
])
def test_textpane_utf16_map_round_trips(text, offset, expected):
    mapping = Utf16Map(text)
    assert mapping.to_qt(offset) == expected
    assert mapping.from_qt(expected) == offset


def test_textpane_utf16_inside_surrogate_pair_maps_to_its_character():
    mapping = Utf16Map("a\U0001F600b")
    assert mapping.from_qt(2) == 1
    assert mapping.from_qt(3) == 2


@pytest.mark.parametrize("prefix", [
    "\U0001F389\U0001F389 ",                    # emoji before the mark
    "e\u0301t\u00e9 \u200b",                    # combining accent and zero-width space
    "\u05e9\u05dc\u05d5\u05dd \U0001F1EE\U0001F1F7 ",  # Hebrew and a flag
])
def test_textpane_marks_after_non_bmp_text_land_on_the_word(make_window, fake, qtbot, prefix):
    window = make_window(fake)
    text = prefix + "What a disaster, clearly.\n"
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(0, text, "emoji")
    editor = window.panes[0].editor
    assert drawn(editor, lambda fmt: fmt.underlineStyle() == WAVE) == ["disaster"]
    loaded = [m for m in editor.marks if m.category == "loaded_language"]
    assert loaded[0].cursor.selectedText() == "disaster"


def test_textpane_tooltip_explains_loaded_word(make_window, fake, qtbot):
    window = make_window(fake)
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(0, "\U0001F600 What a disaster.\n", "draft")
    editor = window.panes[0].editor
    position = editor.toPlainText().index("disaster") + 1 + 2  # +1 inside, +1 for the emoji
    text = editor.explanation_at(position)
    assert "Loaded language" in text and "Neutral alternative: \u201cproblem\u201d" in text
    assert "fake.disaster" in text


def _analysed(window, qtbot, text):
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(0, text, "draft", draft=True)
    return window.panes[0].editor


def _menu_texts(editor, word, occurrence=0):
    index = -1
    for _ in range(occurrence + 1):
        index = editor.toPlainText().index(word, index + 1)
    mark = editor.replaceable_at(Utf16Map(editor.toPlainText()).to_qt(index + 1))
    menu = editor.context_menu(editor.cursorRect().center(), mark)
    texts = [a.text() for a in menu.actions()]
    return menu, texts


def test_textpane_context_menu_replaces_loaded_word_with_alternative(make_window, fake, qtbot):
    window = make_window(fake)
    editor = _analysed(window, qtbot, "Disaster struck. What a disaster, clearly.\n")
    menu, texts = _menu_texts(editor, "disaster")
    assert texts[0] == "Replace \u201cdisaster\u201d with \u201cproblem\u201d"
    assert any("Copy" in t for t in texts)  # the usual edit actions are still there
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        menu.actions()[0].trigger()
    assert editor.toPlainText() == "Disaster struck. What a problem, clearly.\n"
    # the new text is analysed like any edit: only the untouched "Disaster" is still marked
    assert [m.cursor.selectedText() for m in editor.marks if m.category == "loaded_language"] \
        == ["Disaster"]
    editor.undo()
    assert editor.toPlainText() == "Disaster struck. What a disaster, clearly.\n"


@pytest.mark.parametrize(("text", "word", "offer", "result"), [
    # the alternative takes the case of a sentence start
    ("Disaster struck. What a disaster.\n", "Disaster",
     "Replace \u201cDisaster\u201d with \u201cProblem\u201d",
     "Problem struck. What a disaster.\n"),
    # after an emoji (two UTF-16 units each) the article before the word is still found
    ("\U0001F600\U0001F600 It was an awful idea.\n", "awful",
     "Replace \u201can awful\u201d with \u201ca bad\u201d",
     "\U0001F600\U0001F600 It was a bad idea.\n"),
])
def test_textpane_replacement_offers_and_writes_the_right_wording(make_window, fake, qtbot,
                                                                 text, word, offer, result):
    window = make_window(fake)
    editor = _analysed(window, qtbot, text)
    menu, texts = _menu_texts(editor, word)
    assert texts[0] == offer
    menu.actions()[0].trigger()
    assert editor.toPlainText() == result


def test_textpane_replacement_makes_the_article_agree(make_window, fake, qtbot):
    window = make_window(fake)
    editor = _analysed(window, qtbot, "An awful day. It was an awful idea.\n")
    menu, texts = _menu_texts(editor, "awful", occurrence=1)
    assert texts[0] == "Replace \u201can awful\u201d with \u201ca bad\u201d"
    menu.actions()[0].trigger()
    assert editor.toPlainText() == "An awful day. It was a bad idea.\n"
    menu, texts = _menu_texts(editor, "awful")
    assert texts[0] == "Replace \u201cAn awful\u201d with \u201cA bad\u201d"


def test_textpane_no_replacement_offered_where_it_would_be_wrong(make_window, fake, qtbot):
    window = make_window(fake)
    editor = _analysed(window, qtbot, "What a disaster, clearly.\n")
    # a booster has no alternative: the menu is the plain edit menu
    _, texts = _menu_texts(editor, "clearly")
    assert not any(t.startswith("Replace") for t in texts)
    # read-only text (draft mode off) is not changed from the menu
    editor.setReadOnly(True)
    _, texts = _menu_texts(editor, "disaster")
    assert not any(t.startswith("Replace") for t in texts)
    editor.setReadOnly(False)
    # a marked word the user has since retyped keeps its mark until the next analysis,
    # but the alternative was made for the old word and is not offered for the new one
    window.analyse = lambda pane: None  # hold the re-analysis back
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index("disaster") + 3)
    cursor.insertText("x")
    assert editor.replaceable_at(editor.toPlainText().index("disxaster") + 1) is None


def test_window_edit_menu_replaces_the_word_at_the_cursor(make_window, fake, qtbot):
    window = make_window(fake)
    editor = _analysed(window, qtbot, "It was clearly a disaster.\n")
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.Start)
    window.replace_loaded()  # nothing loaded at the start: a message, no change
    assert "no loaded word" in window.statusBar().currentMessage()
    assert editor.toPlainText() == "It was clearly a disaster.\n"
    window.legend.setCurrentItem(window.legend.items["loaded_language"])
    window.step_mark(True)  # F8 selects the next loaded word
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.actions_["replace"].trigger()
    assert editor.toPlainText() == "It was clearly a problem.\n"
    assert "Ctrl+Z" in window.statusBar().currentMessage()
