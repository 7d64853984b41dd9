"""Frames in the window: the comparison tab's frame table and charts, the headline check,
and the frame strip beside each pane."""

from __future__ import annotations

from PySide6.QtCore import Qt

from framelens.explain import HEADLINE_MORE_ALARMING, frame_name
from framelens.gui.chart_view import wait_for_charts

TEXT_A = ("ALARM over the budget\n"
          "The city spent money on roads. The troops arrived at dawn. "
          "Officials said the money was gone. People walked home.\n")
TEXT_B = ("A calm report\n"
          "The council will vote on Monday. Money is short. The vote is close.\n")


def _both(make_window, fake, qtbot):
    window = make_window(fake)
    window.set_text(0, TEXT_A, "a")
    window.set_text(1, TEXT_B, "b")
    qtbot.waitUntil(lambda: all(p.analysis is not None for p in window.panes), timeout=10000)
    qtbot.waitUntil(lambda: window.comparison_panel is not None
                    and window.comparison_panel.comparison is not None, timeout=10000)
    return window


def _focused(editor) -> list[str]:
    return [cursor.selectedText() for cursor in editor._focus]


def test_comparison_tab_lists_frame_shares_and_click_selects_sentences(make_window, fake,
                                                                        qtbot):
    window = _both(make_window, fake, qtbot)
    panel = window.comparison_panel
    window.tabs.setCurrentWidget(panel)
    table = panel.frame_table
    assert table.isVisible() and panel.frames_title.isVisible()
    assert set(table.frames()) == {"economic", "security_defense", "political"}
    row = table.frames().index("economic")
    cells = [table.item(row, c).text() for c in range(3)]
    assert cells == [frame_name("economic"), "40%", "25%"]
    item = table.item(row, 0)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualItemRect(item).center())
    assert _focused(window.panes[0].editor) == ["The city spent money on roads.",
                                                " Officials said the money was gone."]
    assert _focused(window.panes[1].editor) == [" Money is short."]


def test_comparison_tab_draws_frame_chart_beside_the_others(make_window, fake, qtbot):
    window = _both(make_window, fake, qtbot)
    panel = window.comparison_panel
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: not panel.charts_pending() and len(panel.chart_figures()) == 3,
                    timeout=15000)
    frame_figure = panel.chart_views[2].figure
    assert frame_figure.axes[0].get_title(loc="left") == "Frames: share of sentences"
    bars = {p.get_gid() for p in frame_figure.axes[0].patches}
    assert {"A:frame:economic", "B:frame:political"} <= bars
    assert not panel.chart_views[3].isVisible()  # no techniques in either: no empty chart
    assert wait_for_charts()


def test_headline_finding_shown_in_pane_and_comparison(make_window, fake, qtbot):
    window = _both(make_window, fake, qtbot)
    message = window.panes[0].message
    assert message.isVisible() and HEADLINE_MORE_ALARMING in message.text()
    assert not window.panes[1].message.isVisible()  # no finding: nothing said
    assert ("A\u2019s headline: " + HEADLINE_MORE_ALARMING
            in window.comparison_panel.contrasts_label.text())


def _chip_tops(strip) -> list[tuple[str, int]]:
    return [(chip.letters, round(rect.top())) for rect, chip in strip.visible_chips()]


def _line_top(window, pane: int, start: int) -> int:
    """The top of the line holding code point `start`, in the strip's coordinates."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QTextCursor

    editor = window.panes[pane].editor
    cursor = QTextCursor(editor.document())
    cursor.setPosition(start)
    top = editor.cursorRect(cursor).top()
    strip = window.frame_strips[pane]
    return strip.mapFromGlobal(editor.viewport().mapToGlobal(QPoint(0, top))).y()


def test_frame_strip_chip_per_framed_sentence_level_with_it(make_window, fake, qtbot):
    window = _both(make_window, fake, qtbot)
    strip = window.frame_strips[0]
    assert strip.isVisible() and strip.width() < 60
    chips = [chip for _rect, chip in strip.visible_chips()]
    assert [c.letters for c in chips] == ["E", "S", "E"]  # economic, security, economic
    placed = strip.visible_chips()
    for index, (rect, chip) in enumerate(placed):
        line_top = _line_top(window, 0, TEXT_A.index(TEXT_A[chip.start:chip.end].strip()))
        if index == 0 or placed[index - 1][0].bottom() < line_top:
            assert abs(rect.top() - line_top) <= 2  # level with the sentence's first line
        else:  # sentences starting on one line: chips stacked below, never overlapping
            assert rect.top() > placed[index - 1][0].bottom()
    assert [c.letters for _r, c in window.frame_strips[1].visible_chips()] == ["N", "E", "N"]
    # no chip for the sentences without a frame
    assert not any("People walked" in TEXT_A[c.start:c.end] for c in chips)


def test_frame_strip_tooltip_names_frames_and_evidence(make_window, fake, qtbot):
    window = _both(make_window, fake, qtbot)
    rect, chip = window.frame_strips[0].visible_chips()[1]
    assert chip.tooltip == f"Frames: {frame_name('security_defense')} (troops)"
    economic = window.frame_strips[0].visible_chips()[0][1]
    assert "Economic" in economic.tooltip and "money" in economic.tooltip
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    strip = window.frame_strips[0]
    point = rect.center().toPoint()
    QApplication.sendEvent(strip, QHelpEvent(QHelpEvent.Type.ToolTip, point,
                                             strip.mapToGlobal(point)))
    qtbot.waitUntil(lambda: QToolTip.text() == chip.tooltip, timeout=3000)


def test_frame_strip_click_selects_the_sentence(make_window, fake, qtbot):
    window = _both(make_window, fake, qtbot)
    strip = window.frame_strips[0]
    rect, _chip = strip.visible_chips()[1]
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert _focused(window.panes[0].editor) == [" The troops arrived at dawn."]


def test_frame_strip_follows_scrolling_resizing_and_zoom(make_window, fake, qtbot):
    window = make_window(fake)
    text = "Long read\n" + "".join(f"Line {i} has nothing. Here is money {i}.\n"
                                   for i in range(80))
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(0, text, "long")
    strip, editor = window.frame_strips[0], window.panes[0].editor
    editor.verticalScrollBar().setValue(0)
    before = strip.visible_chips()
    assert before and len(before) < 80  # only the chips on screen are laid out
    editor.verticalScrollBar().setValue(20)
    after = strip.visible_chips()
    first = after[0][1]
    assert first.start > before[0][1].start
    assert abs(after[0][0].top() - _line_top(window, 0, text.index("Here", first.start))) <= 2
    window.resize(700, 800)
    qtbot.wait(50)
    for rect, chip in strip.visible_chips()[:3]:
        assert abs(rect.top() - _line_top(window, 0, text.index("Here", chip.start))) <= 2
    width = strip.width()
    window.zoom(4)
    qtbot.wait(50)
    assert strip.width() > width
    for rect, chip in strip.visible_chips()[:3]:
        assert abs(rect.top() - _line_top(window, 0, text.index("Here", chip.start))) <= 2


def test_frame_strip_empty_while_text_is_edited(make_window, fake, qtbot):
    window = _both(make_window, fake, qtbot)
    editor = window.panes[0].editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.insertPlainText("More money.")
    assert window.frame_strips[0].visible_chips() == []
    qtbot.waitUntil(lambda: len(window.frame_strips[0].visible_chips()) == 4, timeout=10000)


def _frame_menu(window):
    from PySide6.QtWidgets import QMenu

    return next(m for m in window.findChildren(QMenu) if "Frame" in m.title())


def test_frame_filter_menu_selects_one_frame_and_fades_other_chips(make_window, fake, qtbot):
    window = _both(make_window, fake, qtbot)
    menu = _frame_menu(window)
    menu.aboutToShow.emit()
    texts = [a.text() for a in menu.actions()]
    assert texts == ["All Frames", "Economic (E)", "Security and defence (S)", "Political (N)"]
    security = next(a for a in menu.actions() if a.data() == "security_defense")
    security.trigger()
    assert _focused(window.panes[0].editor) == [" The troops arrived at dawn."]
    assert _focused(window.panes[1].editor) == []
    strip = window.frame_strips[0]
    assert [strip.dimmed(c) for _r, c in strip.visible_chips()] == [True, False, True]
    menu.aboutToShow.emit()
    assert [a.text() for a in menu.actions() if a.isChecked()] == ["Security and defence (S)"]
    menu.actions()[0].trigger()
    assert not any(strip.dimmed(c) for _r, c in strip.visible_chips())
    assert _focused(window.panes[0].editor) == []
