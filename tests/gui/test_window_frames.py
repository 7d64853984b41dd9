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
