"""A long status-bar message is read in full: the language-model indicator steps aside while
it shows (a busy bar stays), comes back after, and the whole message is the bar's tooltip."""

from __future__ import annotations

from fakes import SteppedAnalyzer

MESSAGE = ("Aligned claim 3 of 16: both say the council closed the old river bridge; only B "
           "names the engineer who found the cracks and the date the work begins")
WORDS = MESSAGE.split(" ")
QT_MARGINS = 6 + 12  # QStatusBar draws a message 6 px from its left and 12 px from its right


def message_room(window) -> int:
    """The width in which the status bar draws its message: up to the first permanent widget."""
    bar = window.statusBar()
    right = bar.width() - 12
    for widget in (window.export_notice, window.analysis_status):
        if widget.isVisible():
            right = min(right, widget.geometry().left())
    return right - 6


def long_message(window) -> str:
    """A message that fits the status bar's whole width, but only just."""
    metrics, most = window.statusBar().fontMetrics(), window.statusBar().width() - QT_MARGINS
    words: list[str] = []
    while metrics.horizontalAdvance(" ".join([*words, WORDS[len(words) % len(WORDS)]])) < most:
        words.append(WORDS[len(words) % len(WORDS)])
    message = " ".join(words)
    assert metrics.horizontalAdvance(message) > most - 200  # wider than beside the indicator
    return message


def test_window_long_status_message_is_not_cut_by_the_model_indicator(make_window, fake, qtbot):
    window = make_window(fake)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.width() == 1280)
    qtbot.waitUntil(lambda: window.analysis_status.label.text() == "Language model ready",
                    timeout=10000)
    message = long_message(window)
    advance = window.statusBar().fontMetrics().horizontalAdvance(message)
    window.statusBar().showMessage(message, 10000)
    qtbot.waitUntil(lambda: message_room(window) >= advance, timeout=2000)
    assert window.statusBar().toolTip() == message  # the whole text, also on a narrower window
    window.statusBar().clearMessage()
    qtbot.waitUntil(window.analysis_status.label.isVisible)  # the model's state is back
    assert window.analysis_status.label.text() == "Language model ready"
    assert window.statusBar().toolTip() == ""


def test_window_status_message_leaves_the_busy_bar_of_an_analysis(make_window, qtbot):
    stepped = SteppedAnalyzer(first=0.3, second=0.8)
    window = make_window(stepped)
    window.resize(1280, 800)
    window.set_text(0, "A draft being analysed.\n", "draft")
    status = window.analysis_status
    qtbot.waitUntil(lambda: stepped.waited == 1, timeout=10000)
    qtbot.waitUntil(lambda: status.bar.value() == 30, timeout=10000)
    window.statusBar().showMessage(long_message(window), 10000)
    assert not status.label.isVisible()
    assert status.bar.isVisible()  # how far the analysis got is still shown
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        stepped.step()
    assert not status.isVisible()  # done while the message shows: the message has the room
    window.statusBar().clearMessage()
    qtbot.waitUntil(status.label.isVisible)
    assert status.label.text() == "Language model ready"
