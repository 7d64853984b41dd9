"""Presentation mode is for a projector: the text gets the screen, every label scales with
the zoom, one pane can have it all, and leaving puts the layout back exactly."""

from __future__ import annotations

import pytest

LONG_TITLE = ("The Islamic Republic of Iran faces a rapidly escalating internal crisis, "
              "reportedly resorting to a desperate measure")
TEXT = LONG_TITLE + "\n\n" + ("We think this is a disaster. Ann said \u201cperhaps not\u201d. "
                              "It is clearly late. ") * 40 + "\n"


def _open_both(window, qtbot) -> None:
    for pane in (0, 1):
        with qtbot.waitSignal(window.analysisApplied, timeout=10000):
            window.set_text(pane, TEXT, "draft")


@pytest.mark.parametrize("one_pane", [False, True])
def test_presentation_gives_the_text_the_screen_at_1920_by_1080(make_window, fake, qtbot,
                                                                one_pane):
    window = make_window(fake)
    _open_both(window, qtbot)
    window.resize(1920, 1080)
    window.set_presenting(True, full_screen=False)
    window.zoom(1)
    window.zoom(1)
    if one_pane:
        window.set_active(1)
        window.actions_["one_pane"].trigger()
    qtbot.waitUntil(lambda: window.size().width() == 1920 and window.size().height() == 1080)
    qtbot.wait(50)
    visible = [pane for pane in window.panes if pane.isVisible()]
    assert [pane.index for pane in visible] == ([1] if one_pane else [0, 1])
    for pane in visible:
        viewport = pane.editor.viewport()
        assert viewport.height() >= 0.6 * window.height(), viewport.height()
        assert viewport.width() >= (0.8 if one_pane else 0.4) * window.width(), viewport.width()
        title = pane.title
        assert title.height() < 2 * title.fontMetrics().height()  # one line
        shown = title.shown_text()
        assert title.fontMetrics().horizontalAdvance(shown) <= title.contentsRect().width()
        assert title.toolTip() == title.text()
        assert one_pane or shown.endswith("\u2026")  # half the width cuts this title
    # the legend is a one-line strip; the comparison and sources fold away
    assert window.presenter.strip.isVisible() and not window.dock.isVisible()
    assert not window.tabs.isVisible()
    # every label scales with the zoom: menus, status bar, explanation header
    text_points = window.panes[0].editor.font().pointSizeF()
    assert text_points > 30
    for widget in (window.menuBar(), window.statusBar(), window.why_label):
        assert widget.font().pointSizeF() >= 0.8 * text_points, widget


def test_presentation_keys_bring_back_legend_and_comparison(make_window, fake, qtbot):
    window = make_window(fake)
    _open_both(window, qtbot)
    window.set_presenting(True, full_screen=False)
    window.actions_["legend"].trigger()
    assert window.dock.isVisible() and not window.presenter.strip.isVisible()
    legend = window.legend
    widest = max(legend.fontMetrics().horizontalAdvance(legend.topLevelItem(i).text(0))
                 for i in range(legend.topLevelItemCount()))
    qtbot.waitUntil(lambda: legend.columnWidth(0) >= widest)  # names never cut
    window.actions_["panels"].trigger()
    assert window.tabs.isVisible()
    window.actions_["legend"].trigger()
    assert not window.dock.isVisible() and window.presenter.strip.isVisible()


def _layout(window) -> dict:
    return {"size": window.size(), "dock": window.dock.width(),
            "dock_visible": window.dock.isVisible(), "panes": window.splitter.sizes(),
            "tabs": window.tabs.isVisible(), "shown": [pane.isVisible() for pane in window.panes],
            "font": window.panes[0].editor.font().pointSizeF(),
            "menu_font": window.menuBar().font().pointSizeF(),
            "wrapped_title": not window.panes[0].title.eliding,
            "strip": window.presenter.strip.isVisible()}


def _article_height(window) -> int:
    return window.vertical.sizes()[0]


def test_presentation_leaving_restores_the_layout_exactly(make_window, fake, qtbot):
    window = make_window(fake)
    _open_both(window, qtbot)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.analysis_status.bar.isVisible())
    window.splitter.setSizes([700, 300])
    qtbot.wait(50)
    before, height_before = _layout(window), _article_height(window)
    window.actions_["present"].trigger()
    window.zoom(1)
    window.zoom(1)
    for key in ("one_pane", "legend", "panels"):
        window.actions_[key].trigger()
    qtbot.wait(50)
    window.actions_["leave"].trigger()
    qtbot.waitUntil(lambda: _layout(window) == before, timeout=3000)
    # the tabs' contents may need a few pixels more after a trip through large type
    assert abs(_article_height(window) - height_before) <= 10
    assert not window.presenting


def test_presentation_legend_strip_shows_whole_names_only(make_window, fake, qtbot):
    window = make_window(fake)
    window.resize(1000, 700)
    window.set_presenting(True, full_screen=False)
    window.zoom(1)
    strip = window.presenter.strip
    qtbot.waitUntil(lambda: strip.isVisible() and window.width() == 1000)
    qtbot.wait(50)
    shown = [label for label in strip.names.values() if label.isVisible()]
    assert shown and all(label.geometry().right() <= strip.width() for label in shown)
    hidden = len(strip.names) - len(shown)
    assert hidden and strip.more.text() == f"+{hidden} more (F9)"
    assert strip.more.geometry().right() <= strip.width()
