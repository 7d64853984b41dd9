"""The panes linked by aligned claims: outlines, scrolling, the connector, F7, the tab.

The window runs the fake analyser; the comparison's alignment is written by hand here (the
engine's alignment is tested in tests/test_alignment.py), so each test states exactly which
sentences belong together. One test runs the real engine on the seeds.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QTextCursor

from framelens.alignment import AlignedGroup, Alignment
from framelens.gui import panels
from framelens.gui.offsets import Utf16Map

ROOT = Path(__file__).resolve().parents[2]
SEEDS = [str(ROOT / "seeds" / "000_e30f89b89acd5eb9.txt"),
         str(ROOT / "seeds" / "004_fbb9bac256490603.txt")]
FILLER = "Nothing else happened on the quiet river bank today.\n"
# Sentences of A: 0 vote, 1 money, then filler; B: 0 weather, 1 vote, filler, last: money.
TEXT_A = ("The council held a vote on the bridge.\nThe money came from the state.\n"
          + FILLER * 40)
TEXT_B = ("Rain fell all morning.\nCouncillors voted on the bridge project.\n"
          + FILLER * 40 + "The state paid the money for it.\n")


def fake_alignment(a, b) -> Alignment:
    last_b = len(b.sentences) - 1
    groups = (AlignedGroup((0,), (1,), 0.8, (), ("A: stated as fact; B: attributed.",)),
              AlignedGroup((1,), (last_b,), 0.6, (), ()))
    return Alignment(groups, (2,), (0,), 0.5, True, "Similarity of what the two articles "
                                                     "report: 0.50.")


@pytest.fixture
def hand_aligned(monkeypatch):
    """`compare` as the window calls it, with the hand-written alignment above."""
    real = panels.compare

    def compare(a, b, name_a="A", name_b="B"):
        result = real(a, b, name_a, name_b)
        return type(result)(result.a, result.b, result.rows, result.contrasts,
                            fake_alignment(a, b), result.actors)

    monkeypatch.setattr(panels, "compare", compare)


def open_pair(make_window, qtbot, fake):
    window = make_window(analyze=fake)
    window.set_text(0, TEXT_A, "A")
    window.set_text(1, TEXT_B, "B")
    qtbot.waitUntil(lambda: all(p.analysis is not None for p in window.panes), timeout=10000)
    qtbot.waitUntil(lambda: window.aligned_panel is not None, timeout=5000)
    window._update_panels()
    assert window.linker.live() is not None
    return window


def put_cursor(window, pane: int, offset: int) -> None:
    editor = window.panes[pane].editor
    cursor = QTextCursor(editor.document())
    cursor.setPosition(offset)
    editor.setTextCursor(cursor)


def sentence_text(window, pane: int, qt_range) -> str:
    return window.panes[pane].text()[qt_range[0]:qt_range[1]]


def test_cursor_in_a_claim_outlines_its_counterpart_and_scrolls_to_it(make_window, qtbot, fake,
                                                                       hand_aligned):
    window = open_pair(make_window, qtbot, fake)
    b_editor = window.panes[1].editor
    put_cursor(window, 0, TEXT_A.index("money") + 1)
    linked = b_editor.linked_ranges()
    assert [sentence_text(window, 1, r) for r in linked] == ["The state paid the money for it."]
    assert [sentence_text(window, 0, r) for r in window.panes[0].editor.linked_ranges()] == [
        "The money came from the state."]
    # the counterpart is the last line of B: it was scrolled into view, and is drawn there
    assert b_editor.verticalScrollBar().value() > 0
    assert b_editor.linked_rects(), "the counterpart's outline is on screen"
    assert "Aligned claim 2 of 2" in window.statusBar().currentMessage()
    assert window.aligned_panel.claims.currentItem() is window.aligned_panel.group_items[1]


def test_only_in_a_sentence_says_so_and_is_not_linked(make_window, qtbot, fake, hand_aligned):
    window = open_pair(make_window, qtbot, fake)
    put_cursor(window, 0, TEXT_A.index("Nothing") + 2)  # sentence 2 of A: only in A
    assert window.panes[1].editor.linked_ranges() == []
    assert window.statusBar().currentMessage().startswith("Only in A:")
    bars = window.linker.gutter.only_bars()
    assert (0, 2) in [(side, index) for side, index, _ in bars]


def test_f7_steps_through_the_claims_and_wraps(make_window, qtbot, fake, hand_aligned):
    window = open_pair(make_window, qtbot, fake)
    assert window.linker.group == -1  # nothing chosen until the user asks
    assert window.panes[1].editor.linked_ranges() == []
    chosen = []
    window.linker.groupChanged.connect(chosen.append)
    for _ in range(3):
        qtbot.keyClick(window.panes[0].editor, Qt.Key.Key_F7)
    assert [sentence_text(window, 1, r) for r in window.panes[1].editor.linked_ranges()] == [
        "Councillors voted on the bridge project."]
    qtbot.keyClick(window.panes[0].editor, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert chosen == [0, 1, 0, 1]
    assert [sentence_text(window, 1, r) for r in window.panes[1].editor.linked_ranges()] == [
        "The state paid the money for it."]
    window._update_panels()  # a new analysis of both keeps the chosen claim
    assert window.linker.group == 1


def test_clicking_a_band_in_the_connector_chooses_its_claim(make_window, qtbot, fake,
                                                            hand_aligned):
    window = open_pair(make_window, qtbot, fake)
    gutter = window.linker.gutter
    assert window.linker.group == -1
    # claim 2 joins A's second line to B's last line, off screen below: its band runs
    # from A's sentence down and out of the connector
    qtbot.waitUntil(lambda: sorted(b.group for b in gutter.bands()) == [0, 1], timeout=5000)
    points = [QPointF(x, y) for x in range(2, gutter.width() - 2, 3)
              for y in range(0, gutter.height(), 3)]
    on_second = [p for p in points if gutter.item_at(p) == ("group", 1, 0)]
    assert on_second, "claim 2's band is drawn in the connector"
    qtbot.mouseClick(gutter, Qt.MouseButton.LeftButton, pos=on_second[0].toPoint())
    assert window.linker.group == 1
    assert [sentence_text(window, 1, r) for r in window.panes[1].editor.linked_ranges()] == [
        "The state paid the money for it."]
    assert window.panes[1].editor.linked_rects(), "B was scrolled to the claim"


def test_aligned_claims_tab_lists_claims_and_only_in_and_jumps(make_window, qtbot, fake,
                                                               hand_aligned):
    window = open_pair(make_window, qtbot, fake)
    panel = window.aligned_panel
    first = panel.group_items[0]
    assert "The council held a vote" in first.text(1)
    assert "Councillors voted" in first.text(2)
    assert "attributed" in first.text(3)
    assert panel.group_items[1].text(3) == "Both tell it alike."
    sections = [panel.claims.topLevelItem(i).text(0)
                for i in range(panel.claims.topLevelItemCount())]
    assert sections == ["Reported by both (2)", "Only in A (1)", "Only in B (1)"]
    panel._activate(panel.group_items[1])
    assert window.linker.group == 1
    only_b = panel.claims.topLevelItem(2).child(0)
    panel._activate(only_b)
    assert window.panes[1].editor.textCursor().selectedText() == "Rain fell all morning."


def test_an_edit_unlinks_until_the_text_is_analysed_again(make_window, qtbot, fake,
                                                          hand_aligned):
    window = open_pair(make_window, qtbot, fake)
    window.linker.select_group(0)
    assert window.linker.gutter.bands()
    editor = window.panes[1].editor
    cursor = QTextCursor(editor.document())
    cursor.insertText("Breaking: ")
    assert window.linker.live() is None
    assert window.linker.gutter.bands() == []
    window.linker.step(True)
    assert "analysed again" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.panes[1].analysis.text == editor.toPlainText(),
                    timeout=10000)
    window._update_panels()
    assert window.linker.live() is not None


def test_no_second_article_means_nothing_linked(make_window, qtbot, fake):
    window = make_window(analyze=fake)
    window.set_text(0, TEXT_A, "A")
    qtbot.waitUntil(lambda: window.panes[0].analysis is not None, timeout=10000)
    window._update_panels()
    window.linker.step(True)
    assert "two articles" in window.statusBar().currentMessage()
    assert window.linker.gutter.bands() == []


def test_seeds_militia_claim_links_the_oped_to_the_wire(make_window, qtbot):
    """Real engine: putting the cursor in the op-ed's sentence on Iraqi militias outlines the
    wire report's sentence on the fighters who crossed into Iran (the claim the engine's
    seed test finds), scrolls it into view, and draws its bands."""
    window = make_window(analyze=None, warm_up=None)
    window.open_paths(SEEDS)
    qtbot.waitUntil(lambda: all(p.analysis is not None for p in window.panes), timeout=180000)
    qtbot.waitUntil(lambda: window.aligned_panel is not None, timeout=5000)
    window._update_panels()
    oped, wire = window.panes[0].analysis, window.panes[1].analysis

    def text(analysis, index):
        return analysis.text[analysis.sentences[index].start:analysis.sentences[index].end]

    i, j = next((i, j) for g in window.comparison.alignment.groups for i in g.a for j in g.b
                if "Iraqi militias" in text(oped, i) and "fighters" in text(wire, j))
    put_cursor(window, 0, Utf16Map(oped.text).to_qt(oped.sentences[i].start + 3))
    to_python = Utf16Map(wire.text).from_qt
    linked = [wire.text[to_python(start):to_python(end)]
              for start, end in window.panes[1].editor.linked_ranges()]
    assert text(wire, j).strip() in linked
    assert window.panes[1].editor.linked_rects(), "the wire's sentence was scrolled into view"
    assert window.linker.gutter.bands(), "the chosen claim's bands are drawn"

