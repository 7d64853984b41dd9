"""The Aligned claims tab on its own: whole claims readable at any width, the actors and
voices text never cut, a chosen claim shown.

The comparison is written by hand over the fake analyser, so each test knows exactly which
claims and sentences the tab holds.
"""

from __future__ import annotations

import pytest
from fakes import fake_analyze

from framelens.actors import Actor, ActorComparison, Source
from framelens.alignment import AlignedGroup, Alignment
from framelens.gui.aligned_panel import AlignedClaimsPanel
from framelens.model import Comparison

CLAIMS = 14
SENTENCE = ("The council of the little river town met again on day {n} to argue at length about "
            "the old stone bridge, what its repair would cost and who would pay for the work.")
DIFFERENCES = ("A: stated as fact; B: attributed to a source.",
               "Credited: A credits nobody; B credits a named source, Mayor Ann Lee (said).",
               "Position: A in the lead; B near the end.")
CONTRASTS = tuple(f"Only B names the engineer number {n}, who is quoted on the bridge's cost "
                  "and on the state's share of the bill." for n in range(6))


def long_comparison() -> Comparison:
    """CLAIMS aligned sentence pairs, long enough to wrap; a long actors-and-voices text."""
    text = " ".join(SENTENCE.format(n=n) for n in range(CLAIMS))
    a, b = fake_analyze(text), fake_analyze(text.replace("argue", "quarrel"))
    groups = tuple(AlignedGroup((i,), (i,), 0.8, (), DIFFERENCES) for i in range(CLAIMS))
    alignment = Alignment(groups, (), (), 0.9, True, "Similarity of what the two articles "
                                                      "report: 0.90.")
    people = (Actor("Ann Lee", "person", 4, 2, 1, 3), Actor("the council", "group", 6, 3, 0, 0))
    sources = (Source("Ann Lee", "official", "role.mayor", "Mayor"),)
    actors = ActorComparison(people, people, sources, sources, CONTRASTS)
    return Comparison(a, b, (), (), alignment, actors)


@pytest.fixture
def panel(qtbot):
    widget = AlignedClaimsPanel()
    qtbot.addWidget(widget)
    widget.resize(1500, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_comparison(long_comparison())
    qtbot.wait(20)  # the tree's delayed layout runs
    return widget


def row_heights(tree, items) -> list[int]:
    return [tree.visualItemRect(item).height() for item in items]


def tree_rows(panel, name: str):
    tree = getattr(panel, name)
    return tree, [tree.topLevelItem(0).child(i) for i in range(CLAIMS)] if name == "claims" \
        else [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]


@pytest.mark.parametrize("name", ["claims", "actors"])
def test_aligned_panel_rows_grow_when_the_tab_gets_narrower(panel, qtbot, name):
    """A narrower window (a projector, a larger font, a moved splitter) wraps each claim and
    each actor's part onto more lines: the rows must grow with them, or the text is cut off
    with an ellipsis."""
    tree, items = tree_rows(panel, name)
    wide = row_heights(tree, items)
    panel.resize(620, 700)
    qtbot.wait(50)
    shown = row_heights(tree, items)
    assert shown[0] > wide[0], "rows wrap onto more lines at this width"
    tree.doItemsLayout()  # what Qt lays out for the columns as they are now
    assert shown == row_heights(tree, items)


def test_aligned_panel_the_end_of_a_row_taller_than_the_view_can_be_read(panel, qtbot):
    panel.resize(420, 200)
    qtbot.wait(50)
    tree = panel.claims
    last = panel.group_items[-1]
    assert tree.visualItemRect(last).height() > tree.viewport().height()
    tree.verticalScrollBar().setValue(tree.verticalScrollBar().maximum())
    assert tree.viewport().rect().contains(tree.visualItemRect(last).bottomLeft())


def test_aligned_panel_actors_and_voices_text_is_never_cut(panel, qtbot):
    """In a short tab the actors-and-voices paragraph keeps its full height (it scrolls)
    instead of being squeezed under the actors table."""
    panel.resize(700, 260)
    qtbot.wait(50)
    voices = panel.voices
    assert "engineer number 5" in voices.text()
    assert voices.height() >= voices.heightForWidth(voices.width())


def test_tab_scrolls_a_chosen_claim_into_view(panel, qtbot):
    """Choosing a claim far down the list (from the panes or F7) shows its whole row (this
    fails when the panel does not scroll: no `scrollToItem` and auto-scroll off)."""
    panel.resize(900, 320)
    qtbot.wait(50)
    tree = panel.claims
    last = panel.group_items[-1]
    assert not tree.visualItemRect(last).intersects(tree.viewport().rect())
    panel.select_group(CLAIMS - 1)
    qtbot.wait(50)  # any delayed layout of the wrapped rows runs
    assert tree.currentItem() is last
    assert tree.viewport().rect().contains(tree.visualItemRect(last))


def test_tab_shows_the_claim_chosen_while_it_was_hidden(qtbot):
    """F7 in the panes while another tab is showing: opening the Aligned claims tab shows
    the chosen claim, though its rows were laid out again for the tab's real width."""
    widget = AlignedClaimsPanel()
    qtbot.addWidget(widget)
    widget.set_comparison(long_comparison())
    widget.select_group(CLAIMS - 2)
    widget.resize(900, 320)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.wait(50)
    tree = widget.claims
    assert tree.currentItem() is widget.group_items[CLAIMS - 2]
    assert tree.viewport().rect().contains(tree.visualItemRect(tree.currentItem()))
