"""The articles are what a class reads: at a large font on a laptop screen the two panes keep
most of the height, the tab area below them gives way (and scrolls), and a split the user
chooses is kept."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from framelens.gui.settings import Settings

# 1280x800 at 150 % (QT_FONT_DPI=144): the window's logical size, less a title bar
LAPTOP_AT_150 = (853, 520)
HEADLINE = ("Council votes to close the old river bridge for a year of repairs after "
            "engineers warn of cracks")
PARAGRAPH = ("The council met on Tuesday evening. Ann said \u201cthe bridge must close\u201d. "
             "Traffic will move to the ring road while the work goes on.\n\n")
LEAST_LINES = 10  # of article text in each pane: a paragraph and what follows it


def lines_shown(pane) -> float:
    return pane.editor.viewport().height() / pane.editor.fontMetrics().lineSpacing()


def laptop_window(make_window, fake, qtbot, settings):
    window = make_window(fake, settings=settings)
    window.resize(*LAPTOP_AT_150)
    for pane in (0, 1):
        with qtbot.waitSignal(window.analysisApplied, timeout=10000):
            window.set_text(pane, PARAGRAPH * 12, HEADLINE)
    qtbot.waitUntil(lambda: window.comparison_panel is not None, timeout=10000)
    qtbot.waitUntil(lambda: window.width() == LAPTOP_AT_150[0])
    qtbot.wait(50)
    return window


def test_window_articles_show_ten_lines_each_at_150_percent_on_a_laptop(
        make_window, fake, qtbot, tmp_path):
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = laptop_window(make_window, fake, qtbot, settings)
    for pane in window.panes:
        assert lines_shown(pane) >= LEAST_LINES, (pane.index, lines_shown(pane))
    articles, tabs = window.vertical.sizes()
    assert tabs <= (articles + tabs) / 3 + 2  # the tabs start at a third at most
    title = window.panes[0].title
    assert title.shown_text().endswith("\u2026")  # the headline as the analysis found it,
    assert title.toolTip() == window.panes[0].analysis.title  # cut, and whole in its tooltip
    assert title.height() <= 2 * title.fontMetrics().lineSpacing() + 2  # two lines at most


def test_window_tab_area_scrolls_rather_than_pushing_the_articles(
        make_window, fake, qtbot, tmp_path):
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = laptop_window(make_window, fake, qtbot, settings)
    window.tabs.setCurrentWidget(window.sources_panel)
    area = window.tabs.parentWidget().parentWidget()  # viewport, then the scroll area
    qtbot.wait(50)
    if window.tabs.minimumSizeHint().height() > area.viewport().height():
        assert area.verticalScrollBar().isVisible()  # the rest of the tab is reachable
    window.tabs.hide()  # F10 and presentation mode fold the tabs away: the articles grow
    qtbot.waitUntil(lambda: not area.isVisible())
    qtbot.waitUntil(lambda: window.panes[0].height() > window.vertical.height() - 10)
    window.tabs.show()
    qtbot.waitUntil(area.isVisible)


def test_window_split_the_user_chooses_is_kept_for_next_time(make_window, fake, qtbot, tmp_path):
    path = str(tmp_path / "s.ini")
    window = laptop_window(make_window, fake, qtbot,
                           Settings(QSettings(path, QSettings.Format.IniFormat)))
    total = sum(window.vertical.sizes())
    window.vertical.setSizes([total // 2, total - total // 2])  # the user wants more tabs
    chosen = window.vertical.sizes()
    window.close()
    again = make_window(fake, settings=Settings(QSettings(path, QSettings.Format.IniFormat)))
    again.resize(window.size())
    qtbot.waitUntil(lambda: again.size() == window.size())
    qtbot.wait(50)
    # kept to within layout rounding (a few pixels), not reset to a third
    assert abs(again.vertical.sizes()[1] - chosen[1]) <= max(8, total // 100)
