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
