"""The comparison and sources panels: what they list, and what a click tells the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from framelens import labels
from framelens.comparison import compare
from framelens.gui.chart_view import wait_for_charts
from framelens.gui.comparison_panel import ComparisonPanel
from framelens.gui.sources_panel import UNATTRIBUTED, SourcesPanel
from framelens.model import Analysis, Genre, Metrics, Quote, Sentence, TextRange

TEXT = ('The minister said "We will act." Critics claimed the plan failed. '
        'This policy is a disgrace. Reform, some say, is overdue. '
        'I think the reform is wonderful.')


def _range(phrase: str) -> TextRange:
    start = TEXT.index(phrase)
    return TextRange(start, start + len(phrase))


def _sentence(phrase: str, label: str) -> Sentence:
    r = _range(phrase)
    return Sentence(r.start, r.end, label, 0.9 if label == labels.OPINION else 0.1)


QUOTE_MINISTER = Quote(labels.DIRECT, _range("We will act."), _range("The minister"),
                       _range("said"), "quotes.direct", speaker_name="Anna Jones",
                       cue_verb="said", cue_tone=labels.CUE_NEUTRAL)
QUOTE_CRITICS = Quote(labels.INDIRECT, _range("the plan failed"), _range("Critics"),
                      _range("claimed"), "quotes.indirect", cue_verb="claimed",
                      cue_tone=labels.CUE_LOADED)
QUOTE_NOBODY = Quote(labels.INDIRECT, _range("is overdue"), None, _range("say"),
                     "quotes.indirect", cue_verb="say", cue_tone=labels.CUE_NEUTRAL)


def _analysis(title: str = "Op-ed", quotes=(QUOTE_MINISTER, QUOTE_CRITICS, QUOTE_NOBODY),
              **metrics) -> Analysis:
    sentences = (
        _sentence('The minister said "We will act."', labels.ATTRIBUTED),
        _sentence("Critics claimed the plan failed.", labels.ATTRIBUTED),
        _sentence("This policy is a disgrace.", labels.OPINION),
        _sentence("Reform, some say, is overdue.", labels.OPINION),
        _sentence("I think the reform is wonderful.", labels.OPINION),
    )
    return Analysis(TEXT, sentences, (), tuple(quotes), Genre(labels.GENRE_OPINION, 0.8),
                    Metrics(**metrics), source="/tmp/oped.txt", title=title)


@pytest.fixture
def pair():
    a = _analysis("An op-ed", opinion_share=0.6, fact_share=0.0, attributed_share=0.4,
                  loaded_per_100=3.0, named_source_count=1)
    b = _analysis("A wire report", quotes=(QUOTE_MINISTER,), opinion_share=0.1,
                  fact_share=0.5, attributed_share=0.4, named_source_count=4)
    return a, b


@pytest.fixture
def comparison_panel(qtbot, pair):
    panel = ComparisonPanel()
    qtbot.addWidget(panel)
    panel.resize(1200, 800)
    panel.set_comparison(compare(*pair))
    yield panel
    assert wait_for_charts(), "chart rendering left running after the test"


@pytest.fixture
def sources_panel(qtbot, pair):
    panel = SourcesPanel()
    qtbot.addWidget(panel)
    panel.resize(1200, 800)
    panel.set_analyses(list(pair), ["An op-ed", "A wire report"])
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_comparison_panel_lists_every_metric_in_order(comparison_panel, pair):
    assert comparison_panel.metric_keys() == [m.key for m in labels.METRICS]
    row = comparison_panel.row_of("opinion_share")
    cells = [comparison_panel.table.item(row, c).text() for c in range(4)]
    assert cells == ["Opinion sentences", "60%", "10%", "-50 pts"]


def test_comparison_panel_headers_carry_titles_and_genres(comparison_panel):
    headers = [comparison_panel.table.horizontalHeaderItem(c).text() for c in (1, 2)]
    assert headers == ["A: An op-ed", "B: A wire report"]
    assert "opinion" in comparison_panel.article_labels[0].text()


def test_comparison_panel_row_tooltip_is_metric_description(comparison_panel):
    row = comparison_panel.row_of("hedge_per_100")
    tooltip = comparison_panel.table.item(row, 2).toolTip()
    assert labels.METRICS_BY_KEY["hedge_per_100"].description in tooltip


@pytest.mark.parametrize("key", ["word_count", "loaded_per_100", "named_source_count"])
def test_comparison_panel_click_on_row_emits_metric_key(qtbot, comparison_panel, key):
    comparison_panel.show()
    qtbot.waitExposed(comparison_panel)
    table = comparison_panel.table
    item = table.item(comparison_panel.row_of(key), 1)
    table.scrollToItem(item)
    with qtbot.waitSignal(comparison_panel.metricActivated, timeout=3000) as blocker:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                         pos=table.visualItemRect(item).center())
    assert blocker.args == [key]


def test_comparison_panel_lists_contrasts(comparison_panel, pair):
    text = comparison_panel.contrasts_label.text()
    assert compare(*pair).contrasts
    assert all(line.split(" (")[0] in text for line in compare(*pair).contrasts)


def test_comparison_panel_draws_two_charts_when_shown_and_switches_theme(qtbot, comparison_panel):
    assert comparison_panel.chart_figures() == []  # not drawn while hidden
    with qtbot.waitSignal(comparison_panel.chartsReady, timeout=10000):
        comparison_panel.show()
    assert len(comparison_panel.chart_figures()) == 2
    light = comparison_panel.chart_figures()[0].get_facecolor()
    with qtbot.waitSignal(comparison_panel.chartsReady, timeout=10000):
        comparison_panel.set_dark(True)
    assert not comparison_panel.charts_pending()
    dark = comparison_panel.chart_figures()[0].get_facecolor()
    assert sum(dark[:3]) < sum(light[:3])


def test_comparison_panel_none_shows_hint(qtbot, comparison_panel):
    comparison_panel.show()
    comparison_panel.set_comparison(None)
    assert comparison_panel.stack.currentWidget() is comparison_panel.hint
    assert comparison_panel.chart_figures() == []


def test_comparison_panel_shows_seed_comparison(qtbot, seed_analyses):
    panel = ComparisonPanel()
    qtbot.addWidget(panel)
    panel.set_comparison(compare(*seed_analyses))
    panel.show()
    qtbot.waitUntil(lambda: len(panel.chart_figures()) == 2, timeout=10000)
    assert panel.table.rowCount() == len(labels.METRICS)
    assert wait_for_charts()


def _children(tree, section: int) -> list:
    root = tree.topLevelItem(section)
    return [root.child(i) for i in range(root.childCount())]


def test_sources_panel_lists_quotes_sorted_by_speaker(sources_panel):
    speakers = [item.text(0) for item in _children(sources_panel.trees[0], 0)]
    assert speakers == ["Anna Jones", "Critics", UNATTRIBUTED]
    assert sources_panel.trees[0].topLevelItem(0).text(0) == "Quotes (3)"


def test_sources_panel_shows_verb_tone_in_words_and_kind(sources_panel):
    by_speaker = {item.text(0): item for item in _children(sources_panel.trees[0], 0)}
    assert by_speaker["Critics"].text(1) == "\u26a0 claimed (loaded)"
    assert by_speaker["Critics"].font(1).bold()
    assert by_speaker["Anna Jones"].text(1) == "said (neutral)"
    assert by_speaker["Anna Jones"].text(2) == labels.DIRECT
    assert by_speaker["Anna Jones"].text(3) == "We will act."


def test_sources_panel_lists_only_unattributed_opinion(sources_panel):
    section = sources_panel.trees[0].topLevelItem(1)
    assert section.text(0) == "Unattributed opinion (2)"
    texts = [item.text(0) for item in _children(sources_panel.trees[0], 1)]
    assert texts == ["This policy is a disgrace.", "I think the reform is wonderful."]


def test_sources_panel_lists_credited_beliefs_apart_from_quotes(qtbot):
    stance = Quote(labels.INDIRECT, _range("the reform is wonderful"), _range("I"),
                   _range("think"), labels.STANCE_RULE, cue_verb="think")
    panel = SourcesPanel()
    qtbot.addWidget(panel)
    analysis = _analysis(quotes=(QUOTE_MINISTER, QUOTE_CRITICS, QUOTE_NOBODY, stance))
    panel.set_analyses([analysis, analysis], ["An op-ed", "The same"])
    tree = panel.trees[0]
    assert tree.topLevelItem(0).text(0) == "Quotes (3)"
    assert tree.topLevelItem(2).text(0) == "Beliefs and plans credited (1)"
    assert [item.text(3) for item in _children(tree, 2)] == ["the reform is wonderful"]
    assert _children(tree, 2)[0].text(2) == "belief or plan credited"
    # a belief the writer credits is not a source: the sentence still needs one
    assert "I think the reform is wonderful." in [i.text(0) for i in _children(tree, 1)]
    assert "3 quotes from 2 speakers" in panel.headers[0].text()


@pytest.mark.parametrize(("pane", "section", "row", "expected"), [
    (0, 0, 0, (0, TEXT.index("The minister"), TEXT.index("act.") + 4)),
    (0, 0, 1, (0, TEXT.index("Critics"), TEXT.index("failed") + 6)),
    (1, 0, 0, (1, TEXT.index("The minister"), TEXT.index("act.") + 4)),
    (0, 1, 0, (0, TEXT.index("This policy"), TEXT.index("disgrace.") + 9)),
])
def test_sources_panel_click_emits_pane_and_range(qtbot, sources_panel, pane, section, row,
                                                  expected):
    tree = sources_panel.trees[pane]
    item = tree.topLevelItem(section).child(row)
    tree.scrollToItem(item)
    with qtbot.waitSignal(sources_panel.quoteActivated, timeout=3000) as blocker:
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                         pos=tree.visualItemRect(item).center())
    assert tuple(blocker.args) == expected


def test_sources_panel_enter_on_item_emits_range(qtbot, sources_panel):
    tree = sources_panel.trees[0]
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(1).child(1))
    start = TEXT.index("I think")
    with qtbot.waitSignal(sources_panel.quoteActivated, timeout=3000) as blocker:
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert blocker.args == [0, start, len(TEXT)]


def test_sources_panel_section_click_emits_nothing(qtbot, sources_panel):
    tree = sources_panel.trees[0]
    section = tree.topLevelItem(0)
    with qtbot.assertNotEmitted(sources_panel.quoteActivated):
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                         pos=tree.visualItemRect(section).center())


def test_sources_panel_missing_and_empty_analyses_do_not_crash(qtbot, sources_panel):
    sources_panel.set_analyses([None, _analysis(quotes=())], ["", "Empty"])
    assert "not analysed" in sources_panel.headers[0].text()
    assert sources_panel.trees[0].topLevelItemCount() == 0
    assert sources_panel.trees[1].topLevelItem(0).text(0) == "Quotes (0)"
    sources_panel.set_analyses([], [])
    assert sources_panel.trees[1].topLevelItemCount() == 0


def test_sources_panel_shows_seed_sources(qtbot, seed_analyses):
    panel = SourcesPanel()
    qtbot.addWidget(panel)
    panel.set_analyses(list(seed_analyses), ["Op-ed", "Wire"])
    for pane, analysis in enumerate(seed_analyses):
        quotes = panel.trees[pane].topLevelItem(0)
        assert quotes.text(0) == f"Quotes ({analysis.metrics.quote_count})"
        names = [quotes.child(i).text(0) for i in range(quotes.childCount())
                 if quotes.child(i).data(0, Qt.ItemDataRole.UserRole)]
        assert names == sorted(names, key=lambda n: (n == UNATTRIBUTED, n.casefold()))


@pytest.mark.parametrize(("width", "orientation"), [(1400, Qt.Orientation.Horizontal),
                                                    (500, Qt.Orientation.Vertical)])
def test_comparison_panel_charts_beside_table_only_when_they_fit(qtbot, comparison_panel, width,
                                                                 orientation):
    comparison_panel.show()
    comparison_panel.resize(width, 700)
    qtbot.waitUntil(lambda: comparison_panel.splitter.orientation() == orientation, timeout=3000)
