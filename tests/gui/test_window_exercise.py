"""Class exercise end to end: mark with the keyboard, reveal, score; a teacher's key saved,
reloaded and used for scoring."""

from __future__ import annotations

import pytest
from exercise_article import TEXT, framelens_analysis, where
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from framelens import labels
from framelens.exercise import QUOTE, SPEAKER, ExerciseMark, Marker, load
from framelens.gui.offsets import Utf16Map


def analyse(text, source=None, progress=None):
    assert text == TEXT
    return framelens_analysis()


@pytest.fixture
def window(make_window, qtbot):
    window = make_window(analyze=analyse)
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(0, TEXT, "Budget day")
    return window


def put_cursor(window, start, end=None):
    editor = window.panes[0].editor
    mapping = Utf16Map(TEXT)
    cursor = QTextCursor(editor.document())
    cursor.setPosition(mapping.to_qt(start))
    if end is not None:
        cursor.setPosition(mapping.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(window.panes[0].editor, key, modifier)


def mark_as_student(qtbot, window):
    """Fact, opinion, attributed, fact; 'reckless' loaded, 'may' hedge, 'will' booster, the
    quote, and 'Lee' as its speaker."""
    for words, key in (("The council", Qt.Key.Key_F), ("Critics say", Qt.Key.Key_O),
                       ("said Mayor", Qt.Key.Key_A), ("It may rain", Qt.Key.Key_F)):
        put_cursor(window, where(words)[0])
        press(qtbot, window, key)
    put_cursor(window, where("reckless")[0] + 2)  # no selection: the word at the cursor
    press(qtbot, window, Qt.Key.Key_L)
    for words, key in (("may", Qt.Key.Key_H), ("will", Qt.Key.Key_B),
                       ('"We will fix the roads,"', Qt.Key.Key_Q), ("Lee", Qt.Key.Key_S)):
        put_cursor(window, *where(words))
        press(qtbot, window, key)


def test_exercise_hides_framelens_marks_and_keeps_the_text(qtbot, window):
    pane = window.panes[0]
    assert pane.editor.marks
    assert window.exercise.start(0)
    assert pane.editor.marks == []  # FrameLens's marks hidden
    assert pane.editor.isReadOnly()
    assert not window.tabs.isVisible()
    assert not window.summary.isVisible()  # "43% opinion" would give the answers away
    put_cursor(window, where("reckless")[0])
    press(qtbot, window, Qt.Key.Key_L)
    assert pane.text() == TEXT  # a shortcut marks, it never types
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.analyse(0)  # Analyse Again while the exercise runs: the answers stay hidden
    assert pane.editor.marks == []


def test_exercise_marks_change_remove_and_undo(qtbot, window):
    window.exercise.start(0)
    layer = window.exercise.layers[0]
    put_cursor(window, *where("reckless gamble"))
    press(qtbot, window, Qt.Key.Key_L)
    assert layer.marks == [ExerciseMark(labels.LOADED, *where("reckless gamble"))]
    put_cursor(window, where("gamble")[0])
    press(qtbot, window, Qt.Key.Key_T)  # on a mark, no selection: change its category
    assert layer.marks == [ExerciseMark(labels.TECHNIQUE, *where("reckless gamble"))]
    press(qtbot, window, Qt.Key.Key_Delete)
    assert layer.marks == []
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert layer.marks == [ExerciseMark(labels.TECHNIQUE, *where("reckless gamble"))]
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert layer.marks == [ExerciseMark(labels.LOADED, *where("reckless gamble"))]
    put_cursor(window, where("Critics")[0])
    press(qtbot, window, Qt.Key.Key_O)
    press(qtbot, window, Qt.Key.Key_A)  # another label replaces it
    sentence = where("Critics say the plan is a reckless gamble.")
    assert ExerciseMark(labels.ATTRIBUTED, *sentence) in layer.marks
    assert ExerciseMark(labels.OPINION, *sentence) not in layer.marks


def test_exercise_reveal_scores_against_framelens_with_hand_computed_figures(qtbot, window):
    window.exercise.start(0)
    mark_as_student(qtbot, window)
    agreement = window.exercise.reveal(0)
    assert window.panes[0].editor.marks  # FrameLens's marks drawn beside the student's
    # FrameLens: 'reckless' loaded, 'may' hedge, the quote, 'Mayor Lee'; no booster
    assert agreement.span_score(labels.LOADED).f1 == pytest.approx(1.0)
    assert agreement.span_score(labels.HEDGE).f1 == pytest.approx(1.0)
    booster = agreement.span_score(labels.BOOSTER)
    assert (booster.precision, booster.recall) == (0.0, None)
    assert agreement.span_score(SPEAKER).recall == pytest.approx(1 / 3)
    assert agreement.span_score(QUOTE).f1 == pytest.approx(1.0)
    # FrameLens F O A F, student F O A F: kappa 1; then relabel sentence 2 as fact:
    assert agreement.sentences.kappa == pytest.approx(1.0)
    put_cursor(window, where("Critics")[0])
    press(qtbot, window, Qt.Key.Key_F)
    agreement = window.exercise.agreements[0]
    # pairs (F,F) (O,F) (A,A) (F,F): p_o = 3/4; FL F2 O1 A1, student F3 A1;
    # p_e = (2*3 + 1*0 + 1*1) / 16 = 7/16; kappa = (12/16 - 7/16) / (9/16) = 5/9
    assert agreement.sentences.kappa == pytest.approx(5 / 9)
    panel = window.exercise.panel
    assert panel.table.item(0, 3).text() == "1.00"
    assert "0.56" in panel.kappa.text()
    items = [panel.disagreements.item(i) for i in range(panel.disagreements.count())]
    booster_item = next(i for i in items if "Booster" in i.text())
    panel.disagreements.itemClicked.emit(booster_item)
    editor = window.panes[0].editor
    assert editor.textCursor().selectedText() == "will"  # the jump selects it
    opinion_item = next(i for i in items if "Opinion in the key" in i.text())
    panel.disagreements.itemClicked.emit(opinion_item)
    assert panel.reason.text().startswith("Opinion sentence")  # FrameLens's reason


def test_exercise_teacher_key_saved_reloaded_and_used_for_scoring(qtbot, window, tmp_path):
    controller = window.exercise
    assert controller.start(0, teacher=True)
    layer = controller.layers[0]
    assert ExerciseMark(labels.LOADED, *where("reckless")) in [
        ExerciseMark(m.category, m.start, m.end) for m in layer.marks]
    put_cursor(window, where("may")[0])
    press(qtbot, window, Qt.Key.Key_Delete)  # the teacher removes the hedge
    put_cursor(window, *where("gamble"))
    press(qtbot, window, Qt.Key.Key_L)  # and adds a loaded word
    key_path = tmp_path / "key.json"
    assert controller.save(0, str(key_path))
    key = load(key_path, TEXT)
    assert key.by.role == "teacher"
    assert not key.of(labels.HEDGE)
    controller.stop(0)
    assert window.panes[0].editor.marks  # FrameLens's marks are back

    controller.start(0)  # a student now
    put_cursor(window, *where("gamble"))
    press(qtbot, window, Qt.Key.Key_L)
    assert controller.load_key(0, str(key_path))
    agreement = controller.reveal(0)
    loaded = agreement.span_score(labels.LOADED)
    # key: 'reckless' and 'gamble' (two marks, 'reckless gamble' minus the space between);
    # student: 'gamble' only. P = 1, R = (0 + 1) / 2 = 0.5
    assert (loaded.precision, loaded.recall) == pytest.approx((1.0, 0.5))
    hedge = agreement.span_score(labels.HEDGE)
    assert (hedge.key_count, hedge.f1) == (0, None)  # the removed hedge is not asked for
    student_path = tmp_path / "ana.json"
    controller.layers[0].by = Marker("student", "Ana")
    assert controller.save(0, str(student_path))
    assert load(student_path, TEXT).by.name == "Ana"


def test_exercise_key_for_another_text_is_refused_in_the_status_bar(qtbot, window, tmp_path):
    from exercise_article import key_set

    from framelens.exercise import MarkSet, save

    other = key_set()
    save(MarkSet(TEXT + " More.", other.marks, other.by, "Other day"), tmp_path / "k.json")
    window.exercise.start(0)
    assert not window.exercise.load_key(0, str(tmp_path / "k.json"))
    assert "different text" in window.statusBar().currentMessage()


def test_exercise_open_resumes_saved_marks(qtbot, window, tmp_path):
    window.exercise.start(0)
    put_cursor(window, *where("reckless"))
    press(qtbot, window, Qt.Key.Key_L)
    window.exercise.save(0, str(tmp_path / "e.json"))
    window.exercise.stop(0)
    assert window.exercise.open(0, str(tmp_path / "e.json"))
    assert window.exercise.layers[0].marks == [ExerciseMark(labels.LOADED, *where("reckless"))]


def test_exercise_right_click_marks_the_word_under_the_mouse(qtbot, window, monkeypatch):
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    chosen = []

    def pick(menu, where):
        action = next(a for a in menu.actions() if a.text().startswith("Mark as Hedge"))
        chosen.append([a.text().split("\t")[0] for a in menu.actions() if a.text()])
        action.trigger()

    monkeypatch.setattr(window.exercise, "run_menu", pick)
    window.exercise.start(0)
    editor = window.panes[0].editor
    put_cursor(window, 0)
    cursor = QTextCursor(editor.document())
    cursor.setPosition(where("may")[0] + 1)
    point = editor.cursorRect(cursor).center()
    QApplication.sendEvent(editor.viewport(),
                           QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                                             editor.viewport().mapToGlobal(point)))
    assert window.exercise.layers[0].marks == [ExerciseMark(labels.HEDGE, *where("may"))]
    assert "Sentence: Opinion" in chosen[0] and "Remove Mark" in chosen[0]


def test_exercise_buttons_mark_the_selection(qtbot, window):
    window.exercise.start(0)
    put_cursor(window, *where("reckless gamble"))
    button = next(b for b in window.exercise.panel.buttons.findChildren(type(
        window.exercise.panel.buttons.layout().itemAt(0).widget()))
        if b.text().startswith("Loaded language"))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.exercise.layers[0].marks == [
        ExerciseMark(labels.LOADED, *where("reckless gamble"))]


def test_exercise_pane_stays_read_only_in_draft_mode(qtbot, window):
    window.exercise.start(0)
    window.actions_["draft"].trigger()
    window.actions_["draft"].trigger()  # off and on again: every other pane is editable
    assert window.panes[0].editor.isReadOnly()
    assert not window.panes[1].editor.isReadOnly()


def test_exercise_close_with_unsaved_marks_asks_and_cancel_keeps_the_window(
        qtbot, window, message_boxes):
    window.exercise.start(0)
    put_cursor(window, *where("may"))
    press(qtbot, window, Qt.Key.Key_H)
    message_boxes.answers.append("Cancel")
    assert not window.close()
    assert "exercise marks in A are in no file" in message_boxes.asked[-1]
    assert window.exercise.layers[0].marks  # nothing lost


def test_exercise_another_text_keeps_unsaved_marks_in_a_file(qtbot, window, tmp_path):
    window.exercise.start(0)
    put_cursor(window, *where("may"))
    press(qtbot, window, Qt.Key.Key_H)
    window.panes[0].set_article("Another text entirely.", None, "Other")
    assert 0 not in window.exercise.layers
    message = window.statusBar().currentMessage()
    assert "unsaved marks are in" in message
    kept = message.split("unsaved marks are in ", 1)[1]
    assert load(kept, TEXT).marks == (ExerciseMark(labels.HEDGE, *where("may")),)


def test_exercise_window_writes_worksheet_and_teachers_key_pdf(qtbot, window, tmp_path):
    from pypdf import PdfReader

    controller = window.exercise
    assert controller.write_handout(str(tmp_path / "w.pdf"), worksheet=True)
    worksheet = PdfReader(str(tmp_path / "w.pdf"))
    assert not any(page.get("/Annots") for page in worksheet.pages)
    controller.start(0, teacher=True)
    put_cursor(window, *where("gamble"))
    press(qtbot, window, Qt.Key.Key_L)
    assert controller.write_handout(str(tmp_path / "k.pdf"), worksheet=False)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(tmp_path / "k.pdf")).pages
                             ).split())
    assert "\u201cgamble\u201d" in text and "[added by the teacher]" in text
