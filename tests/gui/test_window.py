"""Window behaviour with a fake analyser: drafts, superseded requests, faults, settings."""

from __future__ import annotations

import pytest
from fakes import drawn
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat

from framelens import labels

WAVE = QTextCharFormat.UnderlineStyle.WaveUnderline
TEXT = "We think this is a disaster. Ann said \u201cperhaps not\u201d. It is clearly late.\n"


def loaded_words(editor) -> list[str]:
    return drawn(editor, lambda fmt: fmt.underlineStyle() == WAVE)


def test_window_shows_marks_of_fake_analysis(make_window, fake, qtbot):
    window = make_window(fake)
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(0, TEXT, "draft")
    editor = window.panes[0].editor
    assert loaded_words(editor) == ["disaster"]
    counts = editor.counts()
    for category in (labels.OPINION, labels.ATTRIBUTED, labels.LOADED, labels.HEDGE,
                     labels.BOOSTER, labels.QUOTE_CONTENT, labels.QUOTE_SPEAKER, labels.QUOTE_CUE):
        assert counts[category] >= 1, category
    assert window.legend.items[labels.LOADED].text(1) == "1"


def test_window_legend_toggle_removes_and_restores_marks(make_window, fake, qtbot):
    window = make_window(fake)
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(0, TEXT, "draft")
    editor = window.panes[0].editor
    window.legend.set_toggle(labels.LOADED, False)
    assert loaded_words(editor) == []
    assert window.legend.items[labels.LOADED].checkState(0) == Qt.CheckState.Unchecked
    window.legend.set_toggle(labels.LOADED, True)
    assert loaded_words(editor) == ["disaster"]


def test_window_edit_triggers_reanalysis(make_window, fake, qtbot):
    window = make_window(fake)
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(0, "A calm day.\n", "draft")
    editor = window.panes[0].editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        qtbot.keyClicks(editor, "What a disaster.")
    assert fake.calls[-1] == "A calm day.\nWhat a disaster."
    assert loaded_words(editor) == ["disaster"]
    assert window.panes[0].dirty


def test_window_newer_request_supersedes_older(make_window, fake, qtbot):
    window = make_window(fake)
    fake.hold()
    window.set_text(0, "An old disaster.\n", "draft")
    assert fake.entered.wait(10)
    window.set_text(0, "A new text, clearly.\n", "draft")
    with qtbot.waitSignal(window.runner.superseded, timeout=10000) as dropped, \
            qtbot.waitSignal(window.analysisApplied, timeout=10000):
        fake.release()
    assert dropped.args[0] == 0
    assert window.panes[0].analysis.text == "A new text, clearly.\n"
    assert loaded_words(window.panes[0].editor) == []
    assert window.panes[0].editor.counts()[labels.BOOSTER] == 1


def test_window_stale_result_is_not_drawn_over_newer_text(make_window, fake, qtbot):
    window = make_window(fake, edit_pause_ms=60000)
    fake.hold()
    window.set_text(0, "A disaster.\n", "draft")
    assert fake.entered.wait(10)
    window.panes[0].editor.insertPlainText("Typed meanwhile. ")
    with qtbot.waitSignal(window.runner.finished, timeout=10000):
        fake.release()
    assert window.panes[0].analysis is None
    assert loaded_words(window.panes[0].editor) == []
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.analyse(0)
    assert window.panes[0].analysis.text == window.panes[0].text() == fake.calls[-1]


def test_window_failed_analysis_leaves_other_pane_working(make_window, fake, qtbot):
    window = make_window(fake)
    with qtbot.waitSignal(window.analysisFailed, timeout=10000):
        window.set_text(0, "BOOM goes the analyser.\n", "bad")
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(1, TEXT, "good")
    assert "fake analyser exploded" in window.panes[0].message.text()
    assert window.panes[0].message.isVisible()
    assert loaded_words(window.panes[1].editor) == ["disaster"]


def test_window_unreadable_file_shows_message(make_window, fake, qtbot, tmp_path):
    window = make_window(fake)
    assert not window.load_file(0, str(tmp_path / "missing.txt"))
    assert "no such file" in window.panes[0].message.text()


def test_window_model_missing_still_opens(make_window, fake, qtbot):
    from framelens.nlp.pipeline import ModelUnavailable

    def broken_model():
        raise ModelUnavailable("no English spaCy pipeline is installed; install one with: pip x")

    window = make_window(fake, warm_up=broken_model)
    qtbot.waitUntil(lambda: window.runner.model_error is not None, timeout=10000)
    window.set_text(0, TEXT, "draft")
    assert "install one with" in window.panes[0].message.text()
    assert "install one with" in window.statusBar().currentMessage()
    assert window.isVisible()


def test_window_close_while_analysis_runs(make_window, fake, qtbot):
    window = make_window(fake)
    fake.hold()
    window.set_text(0, TEXT, "draft")
    assert fake.entered.wait(10)
    window.close()
    fake.release()
    from framelens.gui.worker import wait_for_idle

    assert wait_for_idle(10000)
    qtbot.wait(50)  # let the queued result arrive at the closed window
    assert window.panes[0].analysis is None


@pytest.mark.parametrize("steps, bigger", [(1, True), (-1, False)])
def test_window_zoom_changes_and_persists_font_size(make_window, fake, steps, bigger):
    window = make_window(fake)
    before = window.font_size
    window.zoom(steps)
    assert (window.font_size > before) == bigger
    assert window.panes[0].editor.font().pointSizeF() == pytest.approx(window.font_size)
    assert window.settings.font_size() == pytest.approx(window.font_size)


def test_window_settings_persist_between_windows(make_window, fake):
    first = make_window(fake)
    first.legend.set_toggle(labels.HEDGE, False)
    first.set_dark(True)
    first.close()
    second = make_window(fake)
    assert labels.HEDGE not in second.legend.enabled()
    assert labels.LOADED in second.legend.enabled()
    assert second.dark


def test_window_metric_click_selects_marks(make_window, fake, qtbot):
    window = make_window(fake)
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(0, TEXT, "draft")
    window.show_metric("loaded_per_100")
    assert window.panes[0].editor.textCursor().selectedText() == "disaster"


def test_window_next_mark_moves_to_selected_category(make_window, fake, qtbot):
    window = make_window(fake)
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(0, TEXT + "Another disaster.\n", "draft")
    window.legend.setCurrentItem(window.legend.items[labels.LOADED])
    window.step_mark(True)
    editor = window.panes[0].editor
    first = editor.textCursor().selectionStart()
    window.step_mark(True)
    assert editor.textCursor().selectedText() == "disaster"
    assert editor.textCursor().selectionStart() > first
    assert "Neutral alternative" in window.explanation.toHtml()


class _SaveDialog:
    """Stands in for the file dialog: 'chooses' a fixed path."""

    path = ""

    @classmethod
    def getSaveFileName(cls, *args, **kwargs):  # noqa: N802 (Qt's name)
        return cls.path, ""


def _export_action(window, label: str):
    from PySide6.QtGui import QAction

    return next(a for a in window.findChildren(QAction) if a.text().startswith(label))


def test_window_exports_annotated_pdf_of_both_panes(make_window, fake, qtbot, tmp_path,
                                                     monkeypatch):
    from pypdf import PdfReader

    from framelens.gui import exports

    window = make_window(fake)
    for pane in (0, 1):
        with qtbot.waitSignal(window.analysisApplied, timeout=10000):
            window.set_text(pane, TEXT, "draft")
    _SaveDialog.path = str(tmp_path / "handout.pdf")
    monkeypatch.setattr(exports, "QFileDialog", _SaveDialog)
    _export_action(window, "Annotated &PDF").trigger()
    reader = PdfReader(_SaveDialog.path)
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    assert "We think this is a disaster" in text
    notes = [str(a.get_object()["/Contents"]) for page in reader.pages
             for a in page.get("/Annots") or []]
    assert any(note.startswith("A") for note in notes)
    assert any(note.startswith("B") for note in notes)


def test_window_export_failure_is_a_message_not_a_crash(make_window, fake, qtbot, tmp_path,
                                                       monkeypatch):
    from framelens.gui import exports

    window = make_window(fake)
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(0, TEXT, "draft")
    _SaveDialog.path = str(tmp_path / "no such folder" / "marks.csv")
    monkeypatch.setattr(exports, "QFileDialog", _SaveDialog)
    shown = []
    monkeypatch.setattr(exports.QMessageBox, "warning",
                        lambda parent, title, message: shown.append((title, message)))
    _export_action(window, "Marks as &CSV").trigger()
    assert len(shown) == 1
    title, message = shown[0]
    assert title == "Export failed" and "marks.csv" in message and "\n" not in message
    assert not (tmp_path / "no such folder").exists()


def _drop(editor, mime) -> bool:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent

    event = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    editor.dropEvent(event)
    return event.isAccepted()


def test_window_files_dropped_on_a_pane_open_there(make_window, fake, qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QUrl

    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("The first article is a disaster.\n", encoding="utf-8")
    second.write_text("The second article is calm.\n", encoding="utf-8")
    window = make_window(fake)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(first)), QUrl.fromLocalFile(str(second))])
    assert _drop(window.panes[1].editor, mime)
    # the first file goes where it was dropped (B), the second into the other pane
    qtbot.waitUntil(lambda: all(p.analysis is not None for p in window.panes), timeout=10000)
    assert window.panes[1].editor.toPlainText() == first.read_text(encoding="utf-8")
    assert window.panes[0].editor.toPlainText() == second.read_text(encoding="utf-8")


def test_window_dropped_bad_file_is_a_message_in_that_pane(make_window, fake, qtbot,
                                                           tmp_path):
    from PySide6.QtCore import QMimeData, QUrl

    binary = tmp_path / "photo.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    window = make_window(fake)
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(0, TEXT, "draft")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(binary))])
    _drop(window.panes[1].editor, mime)
    assert "photo.png" in window.statusBar().currentMessage()
    assert window.panes[0].editor.toPlainText() == TEXT  # the other pane is untouched


def test_no_two_actions_share_a_shortcut(make_window, fake):
    """A key bound twice does nothing in Qt (an "ambiguous shortcut"): every shortcut of the
    window's menus must be bound once (F7 was once both Review Draft and Next Aligned Claim)."""
    from collections import defaultdict

    from PySide6.QtGui import QAction

    window = make_window(analyze=fake)
    bound = defaultdict(set)
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            if not key.isEmpty():
                bound[key.toString()].add(action.text())
    assert "F7" in bound
    assert {key: names for key, names in bound.items() if len(names) > 1} == {}
