"""The Techniques tab: techniques grouped with writer/source counts, click to jump, F8."""

from __future__ import annotations

from framelens import labels
from framelens.gui.techniques_panel import TechniquesPanel, next_span
from framelens.model import Analysis, Genre, Metrics, Span

TEXT = ("Our nation deserves better. Our country was sold short. "
        "Anna Berg said our nation was betrayed. Critics say it was rushed.")


def _span(phrase: str, subtype: str, voice: str, speaker: str | None = None,
          nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    return Span(start, start + len(phrase), labels.TECHNIQUE, f"evidence for {phrase}",
                f"technique.{subtype}", subtype, question="Would it stand without the flag?",
                voice=voice, speaker=speaker)


SPANS = (
    _span("Our nation", "flag_waving", labels.VOICE_WRITER),
    _span("Our country", "flag_waving", labels.VOICE_WRITER),
    _span("our nation", "flag_waving", labels.VOICE_SOURCE, "Anna Berg"),
    _span("Critics say", labels.VAGUE_ATTRIBUTION, labels.VOICE_WRITER),
)


def _analysis() -> Analysis:
    return Analysis(TEXT, (), SPANS, (), Genre(labels.GENRE_OPINION, 0.8),
                    Metrics(technique_count=3, technique_writer_count=2,
                            technique_source_count=1, vague_attribution_count=1))


def test_techniques_panel_groups_by_technique_with_writer_and_source_counts(qtbot):
    panel = TechniquesPanel()
    qtbot.addWidget(panel)
    panel.set_analyses([_analysis(), None], ["Op-ed", ""])
    tree = panel.trees[0]
    groups = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert groups == ["Flag-waving \u2014 3 (own voice 2, quoted 1)",
                      "Vague attribution \u2014 1 (own voice 1, quoted 0)"]
    flag = tree.topLevelItem(0)
    assert [flag.child(i).text(1) for i in range(flag.childCount())] == [
        "writer", "writer", "quoted: Anna Berg"]
    assert "2 in its own voice, 1 quoted" in panel.headers[0].text()
    assert "not analysed yet" in panel.headers[1].text()


def test_techniques_panel_click_jumps_and_chooses_the_technique_for_f8(qtbot):
    panel = TechniquesPanel()
    qtbot.addWidget(panel)
    panel.set_analyses([_analysis(), None], ["Op-ed", ""])
    quoted = panel.trees[0].topLevelItem(0).child(2)
    with qtbot.waitSignal(panel.techniqueActivated) as signal:
        panel.trees[0].itemClicked.emit(quoted, 0)
    assert signal.args == [0, SPANS[2].start, SPANS[2].end]
    assert panel.chosen_technique == "flag_waving"


def test_techniques_panel_next_span_steps_within_one_technique_and_wraps():
    analysis = _analysis()
    first = next_span(analysis, "flag_waving", -1, True)
    assert first == SPANS[0]
    assert next_span(analysis, "flag_waving", SPANS[2].start, True) == SPANS[0]
    assert next_span(analysis, "flag_waving", SPANS[0].start, False) == SPANS[2]
    assert next_span(analysis, "doubt", 0, True) is None


def test_window_f8_steps_through_the_technique_chosen_in_the_tab(make_window, qtbot):
    window = make_window(lambda text, source=None, progress=None: _analysis())
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(0, TEXT, "draft")
    qtbot.waitUntil(lambda: window.techniques_panel is not None, timeout=10000)
    panel = window.techniques_panel
    qtbot.waitUntil(lambda: panel.trees[0].topLevelItemCount() == 2, timeout=10000)
    panel.trees[0].itemClicked.emit(panel.trees[0].topLevelItem(0), 0)
    window.legend.setCurrentItem(window.legend.items[labels.TECHNIQUE])
    editor = window.panes[0].editor
    seen = []
    for _ in range(4):
        window.step_mark(True)
        seen.append(editor.textCursor().selectedText())
    # from the cursor at the start: the next marks of that technique only, wrapping around
    assert seen == ["Our country", "our nation", "Our nation", "Our country"]
    assert "Would it stand without the flag?" in window.explanation.toPlainText()
