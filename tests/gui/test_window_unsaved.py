"""Never lose an article silently: quitting over an unsaved draft asks Save / Discard /
Cancel; a paste asks which pane it replaces."""

from __future__ import annotations

import pytest

TEXT = "We think this is a disaster. Ann said \u201cperhaps not\u201d. It is clearly late.\n"
PASTED = "A pasted letter to the editor, clearly a disaster.\n"


@pytest.fixture
def with_draft(make_window, fake, qtbot):
    window = make_window(fake)
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(0, TEXT, "my draft", draft=True)
    return window


def _quit(window) -> None:
    window.actions_["quit"].trigger()


def test_window_quit_with_unsaved_draft_cancel_keeps_window_and_text(with_draft, message_boxes,
                                                                     qtbot):
    message_boxes.answers = ["Cancel"]
    _quit(with_draft)
    assert len(message_boxes.asked) == 1 and "A (" in message_boxes.asked[0]
    assert with_draft.isVisible()
    assert with_draft.panes[0].text() == TEXT


def test_window_quit_with_unsaved_draft_save_writes_the_file(with_draft, message_boxes, qtbot,
                                                            tmp_path, monkeypatch):
    from framelens.gui import menus

    out = tmp_path / "draft.txt"
    monkeypatch.setattr(menus.QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(out), ""))
    message_boxes.answers = ["Save"]
    _quit(with_draft)
    assert out.read_text(encoding="utf-8") == TEXT
    assert not with_draft.isVisible()


def test_window_quit_with_unsaved_draft_save_cancelled_keeps_window(with_draft, message_boxes,
                                                                   monkeypatch):
    from framelens.gui import menus

    monkeypatch.setattr(menus.QFileDialog, "getSaveFileName", lambda *args, **kwargs: ("", ""))
    message_boxes.answers = ["Save"]
    _quit(with_draft)
    assert with_draft.isVisible()


def test_window_quit_discard_closes_and_clears_the_autosave(with_draft, message_boxes):
    with_draft.save_drafts()
    assert with_draft.autosave.load() is not None
    message_boxes.answers = ["Discard"]
    _quit(with_draft)
    assert not with_draft.isVisible()
    assert with_draft.autosave.load() is None


def test_window_quit_without_drafts_asks_nothing(make_window, fake, qtbot, message_boxes):
    window = make_window(fake)
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(0, TEXT, "from a file")
    _quit(window)
    assert message_boxes.asked == [] and not window.isVisible()


@pytest.mark.parametrize(("answer", "expected_a", "expected_b"), [
    ("Cancel", TEXT, TEXT),
    ("Replace B", TEXT, PASTED),
    ("Replace A", PASTED, TEXT),
])
def test_window_paste_asks_which_article_it_replaces(make_window, fake, qtbot, monkeypatch,
                                                     message_boxes, answer, expected_a,
                                                     expected_b):
    from framelens.gui import window as window_module

    window = make_window(fake)
    for pane in (0, 1):
        with qtbot.waitSignal(window.analysisApplied, timeout=10000):
            window.set_text(pane, TEXT, f"article {pane}")
    monkeypatch.setattr(window_module, "clipboard_text", lambda: PASTED)
    message_boxes.answers = [answer]
    window.actions_["paste"].trigger()
    assert len(message_boxes.asked) == 1
    assert [pane.text() for pane in window.panes] == [expected_a, expected_b]


def test_window_paste_into_empty_active_pane_asks_nothing(make_window, fake, qtbot, monkeypatch,
                                                        message_boxes):
    from framelens.gui import window as window_module

    window = make_window(fake)
    monkeypatch.setattr(window_module, "clipboard_text", lambda: PASTED)
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.actions_["paste"].trigger()
    assert message_boxes.asked == []
    assert window.panes[0].text() == PASTED and window.panes[0].dirty
