"""What a new user sees at a glance: the comparison tab while analysing, legend swatches in
either theme, the explanation after a jump, the window title, the status bar when narrow."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from framelens import labels
from framelens.gui.settings import Settings

TEXT = "We think this is a disaster. Ann said \u201cperhaps not\u201d. It is clearly late.\n"


def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF()))


def swatch_contrast(legend, category: str) -> float:
    """The contrast ratio between the swatch's letters and its background tint."""
    item = legend.items[category]
    image = item.icon(0).pixmap(legend.iconSize()).toImage()
    colors: dict[int, int] = {}
    for x in range(image.width()):
        for y in range(image.height()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() == 255:
                colors[pixel.rgb()] = colors.get(pixel.rgb(), 0) + 1
    background = QColor.fromRgb(max(colors, key=colors.get))
    lum = _luminance(background)
    ratios = [(max(lum, _luminance(QColor.fromRgb(c))) + 0.05)
              / (min(lum, _luminance(QColor.fromRgb(c))) + 0.05) for c in colors]
    return max(ratios)


@pytest.mark.parametrize("start_dark", [True, False])
def test_window_legend_swatches_follow_the_theme_both_ways(make_window, fake, qtbot, start_dark):
    settings = Settings()
    settings.set_theme("dark" if start_dark else "light")
    window = make_window(fake, settings=settings)
    qtbot.waitExposed(window)
    window.set_dark(not start_dark)
    for category in (labels.OPINION, labels.FACT, labels.ATTRIBUTED):
        assert swatch_contrast(window.legend, category) >= 4.5, category
    window.set_dark(start_dark)
    for category in (labels.OPINION, labels.FACT, labels.ATTRIBUTED):
        assert swatch_contrast(window.legend, category) >= 4.5, category


def test_window_comparison_tab_says_analysis_is_coming_while_model_loads(make_window, fake,
                                                                         qtbot):
    import threading

    loaded = threading.Event()
    window = make_window(fake, warm_up=lambda: loaded.wait(20))
    window.set_text(0, TEXT, "first")
    window.set_text(1, TEXT, "second")
    qtbot.waitUntil(lambda: window.comparison_panel is not None, timeout=10000)
    hint = window.comparison_panel.hint
    qtbot.waitUntil(lambda: "loading" in hint.text(), timeout=5000)
    assert "Open an article" not in hint.text()
    with qtbot.waitSignal(window.allAnalysed, timeout=10000):
        loaded.set()
    qtbot.waitUntil(lambda: window.comparison_panel.comparison is not None, timeout=10000)


def test_window_explanation_follows_a_jump_from_the_sources_tab(make_window, fake, qtbot):
    window = make_window(fake)
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(0, TEXT, "draft")
    editor = window.panes[0].editor
    window.explanation.setHtml(editor.explanation_at(TEXT.index("disaster")))
    assert "Neutral alternative" in window.explanation.toPlainText()
    start = TEXT.index("Ann")
    window.show_ranges(0, [(start, TEXT.index("\u201d") + 1)])
    shown = window.explanation.toPlainText()
    assert "Neutral alternative" not in shown
    assert "Speaker: Ann" in shown


def test_window_title_names_the_articles_not_the_app_twice(make_window, fake, qtbot):
    window = make_window(fake)
    assert window.windowTitle() == "FrameLens"
    with qtbot.waitSignal(window.analysisApplied, timeout=10000):
        window.set_text(0, TEXT, "draft")
    # the desktop appends " — FrameLens" (the application's display name) itself
    assert "FrameLens" not in window.windowTitle()
    assert "We think this is a disaster" in window.windowTitle()
