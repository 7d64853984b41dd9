"""Review Draft: stepping through findings with Enter, R (replace), I and A (ignore); what
is ignored stays ignored for the draft; the draft report lists the rest by line."""

from __future__ import annotations

from PySide6.QtCore import Qt

from framelens import review

DRAFT = "The plan is a disaster.\nI think it is awful.\nPerhaps it is a disaster.\n"


def _current(panel):
    finding = panel.session.current()
    return None if finding is None else (finding.kind, finding.words)


def _press(qtbot, panel, key):
    qtbot.keyClick(panel.content, key)


def test_review_draft_steps_replaces_and_ignores(make_window, fake, qtbot, tmp_path):
    window = make_window(fake)
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(0, DRAFT, "draft", draft=True)
    panel = window.review
    assert panel.start(0)
    assert panel.isVisible()
    assert _current(panel) == (review.LOADED, "disaster")
    assert panel.counter.text() == "5 left of 5"
    # R: the neutral alternative goes in, and the text is analysed again
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        _press(qtbot, panel, Qt.Key.Key_R)
        assert window.panes[0].text().startswith("The plan is a problem.\n")
        assert _current(panel) == (review.OPINION, "I think it is awful.")
    assert _current(panel) == (review.OPINION, "I think it is awful.")
    assert panel.counter.text() == "4 left of 4"
    _press(qtbot, panel, Qt.Key.Key_I)  # ignore this opinion sentence here
    assert _current(panel) == (review.LOADED, "awful")
    _press(qtbot, panel, Qt.Key.Key_Return)  # leave "awful" for now
    assert _current(panel) == (review.HEDGE, "Perhaps")
    _press(qtbot, panel, Qt.Key.Key_A)  # ignore the hedge "perhaps" in this draft always
    assert _current(panel) == (review.LOADED, "disaster")
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        _press(qtbot, panel, Qt.Key.Key_R)
    assert window.panes[0].text() == ("The plan is a problem.\nI think it is awful.\n"
                                      "Perhaps it is a problem.\n")
    assert _current(panel) is None
    assert panel.counter.text() == "0 left of 1"

    # a new review of the same draft: the ignored findings stay ignored
    window.review.stop()
    assert panel.start(0)
    assert [(f.kind, f.words) for f in panel.session.open] == [(review.LOADED, "awful")]
    kept = list((tmp_path / "userdata" / "review").glob("*.json"))
    assert len(kept) == 1  # one record for the draft as it is now, none for older versions
    report = tmp_path / "report.html"

    assert panel.save_report_dialog(str(report))
    page = report.read_text(encoding="utf-8")
    assert "Loaded words (1)" in page and "line 2: \u201cawful\u201d \u2192 \u201cbad\u201d" in page
    assert "Hedges" not in page and "Opinion with no source" not in page


def test_review_draft_replace_needs_draft_mode(make_window, fake, qtbot):
    window = make_window(fake)
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(0, DRAFT, "draft")
    window.actions_["draft"].trigger()  # read-only now
    panel = window.review
    panel.start(0)
    _press(qtbot, panel, Qt.Key.Key_R)
    assert window.panes[0].text() == DRAFT
    assert "Draft Mode" in window.statusBar().currentMessage()
    assert _current(panel) == (review.LOADED, "disaster")
