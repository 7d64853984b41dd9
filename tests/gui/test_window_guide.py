"""How to read the marks: a Help page in plain words; rule ids and weights only behind a
"details" toggle, in the guide and in "Why was this marked?"."""

from __future__ import annotations

from pathlib import Path

from framelens import guide, styles

TEXT = "We think this is a disaster. Ann said \u201cperhaps not\u201d. It is clearly late.\n"


def test_window_help_shows_how_to_read_the_marks(make_window, fake, qtbot):
    window = make_window(fake)
    window.actions_["guide"].trigger()
    dialog = window.guide_dialog
    assert dialog.isVisible()
    text = dialog.browser.toPlainText()
    for category_style in styles.category_styles().values():
        assert category_style.name in text
    assert "not a verdict" in text and "opinion score" in text
    assert "obligation_modal" not in text  # jargon stays behind the details box
    dialog.details.setChecked(True)
    assert "opinion.obligation_modal" in dialog.browser.toPlainText()


def test_window_explanation_shows_rule_ids_only_with_details(make_window, fake, qtbot):
    window = make_window(fake)
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(0, TEXT, "draft")
    editor = window.panes[0].editor
    editor.explanationRequested.emit(editor.explanation_at(TEXT.index("disaster")))
    shown = window.explanation.toPlainText()
    assert "Neutral alternative" in shown and "fake.disaster" not in shown
    window.details_box.setChecked(True)
    assert "Rule: fake.disaster" in window.explanation.toPlainText()
    window.details_box.setChecked(False)
    assert "fake.disaster" not in window.explanation.toPlainText()


def test_html_export_has_the_guide_with_details_folded(tmp_path):
    from fakes import fake_analyze

    from framelens.export.html import render_html

    page = render_html([fake_analyze(TEXT)], None)
    assert "How to read the marks" in page
    assert "<details><summary>Details: rule ids and weights</summary>" in page


def test_readme_carries_the_guide():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert guide.guide_markdown() in readme
