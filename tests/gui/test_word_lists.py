"""The word-list manager: a list imported, used by the analysis, switched off, exported and
imported again unchanged; a malformed file refused with the line named."""

from __future__ import annotations

import re
from dataclasses import replace

from fakes import fake_analyze

from framelens import labels
from framelens.model import Span
from framelens.wordlists import read_list

LIST = ('# a pack we wrote for the class\n'
        '{"term": "splurge", "alternative": "spending", "explanation": "Makes spending sound '
        'reckless."}\n'
        '{"term": "disaster", "category": "ignore"}\n'
        '{"term": "surely", "category": "booster"}\n')
TEXT = "The council's splurge was a disaster. Surely it will pass.\n"


def analyze_with_words(text, source=None, progress=None, words=None):
    """The fake analyser, honouring the user's words as the engine does (marks added,
    ignored words unmarked): the test is of the window's plumbing."""
    analysis = fake_analyze(text, source)
    if not words:
        return analysis
    spans = [s for s in analysis.spans if not words.ignores(text[s.start:s.end])]
    for entry in words.marking:
        for found in re.finditer(rf"\b{re.escape(entry.term)}\b", text, re.IGNORECASE):
            spans.append(Span(found.start(), found.end(), entry.category, entry.explanation,
                              entry.rule, alternative=entry.alternative))
    return replace(analysis, spans=tuple(sorted(spans, key=lambda s: (s.start, s.end))))


def _marked(window):
    analysis = window.panes[0].analysis
    return sorted((analysis.text[s.start:s.end], s.category) for s in analysis.spans)


def test_word_lists_import_apply_switch_off_export_reimport(make_window, qtbot, tmp_path):
    window = make_window(analyze_with_words)
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(0, TEXT, "draft")
    assert _marked(window) == [("disaster", labels.LOADED)]
    pack = tmp_path / "class pack.jsonl"
    pack.write_text(LIST, encoding="utf-8")
    dialog = window.word_lists.open_dialog()
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        made = dialog.import_path(str(pack))
    assert made is not None and made.name == "class pack"
    assert _marked(window) == [("Surely", labels.BOOSTER), ("splurge", labels.LOADED)]
    assert dialog.table.rowCount() == 3

    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        dialog.set_enabled("class pack", False)
    assert _marked(window) == [("disaster", labels.LOADED)]

    exported = tmp_path / "shared.jsonl"
    assert dialog.export_path(str(exported))
    again = dialog.import_path(str(exported))
    assert again is not None and again.name == "shared"
    assert again.records == read_list(pack).records
    second = tmp_path / "shared-again.jsonl"
    assert dialog.export_path(str(second))
    # the same entries, line for line (only the header comment names the list)
    assert second.read_text().splitlines()[1:] == exported.read_text().splitlines()[1:]
    assert read_list(second).records == read_list(pack).records


def test_word_lists_malformed_file_names_the_line_and_adds_nothing(make_window, qtbot,
                                                                  tmp_path, data_folder):
    window = make_window(analyze_with_words)
    bad = tmp_path / "broken.jsonl"
    bad.write_text('{"term": "splurge"}\n# fine so far\n{"term": "oops",}\n', encoding="utf-8")
    dialog = window.word_lists.open_dialog()
    assert dialog.import_path(str(bad)) is None
    message = dialog.message.text()
    assert message.startswith("broken.jsonl, line 3: not valid JSON")
    assert "\n" not in message
    assert dialog.lists.count() == 0
    assert not (data_folder / "wordlists").exists() or not list(
        (data_folder / "wordlists").glob("*.jsonl"))


def test_word_lists_entry_added_in_the_table_marks_the_word(make_window, qtbot):
    window = make_window(analyze_with_words)
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(0, TEXT, "draft")
    dialog = window.word_lists.open_dialog()
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        dialog.add_entry("council's splurge", "loaded", "council's spending", "")
    assert ("council's splurge", labels.LOADED) in _marked(window)
    assert dialog.lists.item(0).text() == "My words"


def test_word_lists_delete_asks_first(make_window, qtbot, tmp_path, message_boxes):
    window = make_window(analyze_with_words)
    dialog = window.word_lists.open_dialog()
    dialog.import_path(str(_pack(tmp_path)))
    dialog.delete_list()  # answered with Cancel
    assert dialog.lists.count() == 1
    message_boxes.answers.append("Yes")
    dialog.delete_list()
    assert dialog.lists.count() == 0


def _pack(tmp_path):
    pack = tmp_path / "class pack.jsonl"
    pack.write_text(LIST, encoding="utf-8")
    return pack


def test_word_lists_mark_as_loaded_can_add_the_word_to_my_list(make_window, qtbot,
                                                               monkeypatch):
    from PySide6.QtWidgets import QDialog, QMenu

    from framelens.gui.offsets import Utf16Map
    from framelens.gui.user_marks import _Form

    window = make_window(analyze_with_words)
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(0, TEXT, "draft")

    def answer(dialog):
        dialog.fields[0].setText("spending")
        dialog.everywhere.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(_Form, "exec", answer)
    menu = QMenu()
    window.panes[0].editor.extend_menu(menu, Utf16Map(TEXT).to_qt(TEXT.index("splurge")), None)
    action = next(a for a in menu.actions() if a.text().startswith("Mark \u201csplurge\u201d"))
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        action.trigger()
    lists = window.word_lists.library.lists()[0]
    assert [(w.name, w.records) for w in lists] == [
        ("My words", ({"term": "splurge", "category": "loaded", "alternative": "spending"},))]
    # in another article too, the word is now marked, with the alternative
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(1, "Another splurge.\n", "other")
    other = window.panes[1].analysis
    assert [(other.text[s.start:s.end], s.alternative) for s in other.spans] == [
        ("splurge", "spending")]
