"""Docks recover their width when a squeezed window grows again."""

from __future__ import annotations

TEXT = "We think this is a disaster. Ann said \u201cperhaps not\u201d. It is clearly late.\n"


def test_window_legend_dock_recovers_width_after_narrow_resize(make_window, fake, qtbot):
    window = make_window(fake)
    for pane in (0, 1):  # the comparison table then needs its width: the dock is squeezed
        with qtbot.waitSignal(window.analysisApplied, timeout=10000):
            window.set_text(pane, TEXT, "draft")
    qtbot.waitUntil(lambda: window.comparison_panel is not None
                    and window.comparison_panel.comparison is not None, timeout=10000)
    window.resize(1400, 900)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.width() == 1400)
    qtbot.wait(50)
    before = window.dock.width()
    window.resize(570, 900)
    qtbot.waitUntil(lambda: window.width() < 700)
    qtbot.wait(50)
    assert window.dock.width() < before  # squeezed, as the window must be
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: window.width() == 1400)
    qtbot.waitUntil(lambda: window.dock.width() >= before, timeout=3000)
    legend = window.legend
    widest = max(legend.fontMetrics().horizontalAdvance(legend.topLevelItem(i).text(0))
                 for i in range(legend.topLevelItemCount()))
    assert legend.columnWidth(0) >= widest  # "Op…" is whole again
