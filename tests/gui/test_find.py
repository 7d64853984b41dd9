"""Find in the focused pane: Ctrl+F, then F3 / Shift+F3 for next and previous, wrapping."""

from __future__ import annotations

from PySide6.QtCore import Qt

TEXT = "A disaster here. Calm there. Another disaster. And a third disaster.\n"
OTHER = "Nothing to see in B, no disaster at all.\n"


def _open(make_window, fake, qtbot):
    window = make_window(fake)
    for pane, text in ((0, TEXT), (1, OTHER)):
        with qtbot.waitSignal(window.analysisApplied, timeout=10000):
            window.set_text(pane, text, "draft")
    return window


def _selection(editor) -> tuple[str, int]:
    cursor = editor.textCursor()
    return cursor.selectedText(), cursor.selectionStart()


def test_find_ctrl_f_then_f3_and_shift_f3_step_through_matches(make_window, fake, qtbot):
    window = _open(make_window, fake, qtbot)
    qtbot.waitExposed(window)
    editor = window.panes[0].editor
    editor.setFocus()
    window.set_active(0)
    qtbot.keyClick(editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible() and window.find_bar.field.hasFocus()
    qtbot.keyClicks(window.find_bar.field, "disaster")
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    starts = [TEXT.index("disaster"), TEXT.index("disaster", 10), TEXT.rindex("disaster")]
    assert _selection(editor) == ("disaster", starts[0])
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_F3)
    assert _selection(editor) == ("disaster", starts[1])
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_F3)
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_F3)  # wraps to the first
    assert _selection(editor) == ("disaster", starts[0])
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert _selection(editor) == ("disaster", starts[2])  # wraps backwards
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert _selection(editor) == ("disaster", starts[1])
    assert window.panes[1].editor.textCursor().selectedText() == ""  # B untouched
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()


def test_find_says_when_the_active_pane_has_no_match(make_window, fake, qtbot):
    window = _open(make_window, fake, qtbot)
    window.set_active(1)
    window.find_bar.open()
    window.find_bar.field.setText("Calm")
    assert not window.find_bar.find(True)
    assert window.find_bar.result.text() == "Not in B"
