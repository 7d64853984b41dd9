"""One definition of each count: the legend, the status bar and the Sources tab agree, and
their words tell quotes, speakers and named sources apart."""

from __future__ import annotations

import dataclasses
import re

from fakes import fake_analyze

from framelens import labels
from framelens.model import Quote, TextRange

TEXT = ("Ann said \u201cthe plan failed\u201d. Officials said \u201cit did not\u201d. "
        "The mayor knows that voters are angry. It is clearly late.\n")


def with_credited_belief(text: str, source=None, progress=None):
    """The fake analysis plus what the engine finds in 'The mayor knows that …': a belief
    the writer credits to the mayor (an attribution, but nobody's words)."""
    analysis = fake_analyze(text, source)
    speaker, cue = text.index("The mayor"), text.index("knows")
    content = text.index("voters are angry")
    stance = Quote(labels.INDIRECT, TextRange(content, content + 16),
                   TextRange(speaker, speaker + 9), TextRange(cue, cue + 5), labels.STANCE_RULE,
                   "the mayor", "know", labels.CUE_NEUTRAL)
    named = [dataclasses.replace(analysis.quotes[0], speaker_name="Ann Lee"),
             dataclasses.replace(analysis.quotes[1], speaker_name=None)]
    quotes = (*named, stance)
    metrics = dataclasses.replace(analysis.metrics, quote_count=2, named_source_count=1)
    return dataclasses.replace(analysis, quotes=quotes, metrics=metrics)


def test_window_counts_of_quotes_agree_in_legend_status_bar_and_sources_tab(make_window,
                                                                          qtbot):
    window = make_window(with_credited_belief)
    window.resize(1800, 900)
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(0, TEXT, "draft")
    qtbot.waitUntil(lambda: window.sources_panel is not None, timeout=10000)
    window._update_panels()
    # legend: two quotes, one credited belief drawn the same way but counted apart
    assert window.legend.items[labels.QUOTE_CONTENT].text(1) == "2+1"
    assert "beliefs or plans" in window.legend.items[labels.QUOTE_CONTENT].toolTip(1)
    status = window.summary.toolTip()
    assert "2 quotes, 1 named source" in status
    sources = re.sub(r"<[^>]+>", "", window.sources_panel.headers[0].text())
    assert "2 quotes from 2 speakers (1 named source)" in sources
    assert "1 belief or plan credited" in sources
    assert "named" in window.sources_panel.headers[0].toolTip()


def test_window_status_bar_keeps_both_panes_figures_at_800_pixels(make_window, fake, qtbot):
    window = make_window(fake)
    for pane in (0, 1):
        with qtbot.waitSignal(window.analysisApplied, timeout=10000):
            window.set_text(pane, TEXT, "draft")
    window.resize(800, 600)
    qtbot.waitUntil(lambda: window.width() == 800)
    qtbot.wait(50)
    summary, status = window.summary, window.analysis_status
    assert "B:" in summary.text() and "\u2026" not in summary.text()
    assert summary.fontMetrics().horizontalAdvance(summary.text()) <= summary.width()
    right_edge = summary.mapTo(window, summary.rect().topRight()).x()
    assert right_edge < status.mapTo(window, status.rect().topLeft()).x()
