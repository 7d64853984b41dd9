"""The comparison charts: drawn without Qt, bars equal to the metrics, readable in grayscale."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from framelens import charts, labels
from framelens.comparison import compare
from framelens.model import Analysis, Genre, Metrics

ROOT = Path(__file__).resolve().parent.parent


def _analysis(title: str, **metrics: float) -> Analysis:
    return Analysis(text="", sentences=(), spans=(), quotes=(), genre=Genre("opinion", 0.8),
                    metrics=Metrics(**metrics), title=title)


@pytest.fixture(scope="module")
def comparison():
    a = _analysis("An op-ed with a rather long title that will not fit", opinion_share=0.6,
                  fact_share=0.3, attributed_share=0.1, loaded_per_100=2.5, hedge_per_100=0.4,
                  booster_per_100=0.9, named_source_count=1)
    b = _analysis("Wire report", opinion_share=0.05, fact_share=0.45, attributed_share=0.5,
                  loaded_per_100=0.2, hedge_per_100=1.1, booster_per_100=0.0,
                  named_source_count=7)
    return compare(a, b)


def _bars(fig):
    return {patch.get_gid(): patch for ax in fig.axes for patch in ax.patches if patch.get_gid()}


CHARTS = [charts.share_chart, charts.density_chart]


@pytest.mark.parametrize("make", CHARTS)
@pytest.mark.parametrize("dark", [False, True])
def test_charts_render_png_and_inline_svg(comparison, make, dark):
    fig = make(comparison, dark=dark)
    png = charts.figure_png(fig, dpi=60)
    svg = charts.figure_svg(fig)
    assert png.startswith(b"\x89PNG") and len(png) > 2000
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert "<script" not in svg and 'href="http' not in svg


@pytest.mark.parametrize("key", ["opinion_share", "fact_share", "attributed_share"])
def test_charts_share_bar_widths_equal_metric_values(comparison, key):
    bars = _bars(charts.share_chart(comparison))
    assert bars[f"A:{key}"].get_width() == pytest.approx(comparison.a.metrics.value(key))
    assert bars[f"B:{key}"].get_width() == pytest.approx(comparison.b.metrics.value(key))


@pytest.mark.parametrize("key", ["loaded_per_100", "hedge_per_100", "booster_per_100",
                                 "named_source_count"])
def test_charts_density_bar_heights_equal_metric_values(comparison, key):
    bars = _bars(charts.density_chart(comparison))
    assert bars[f"A:{key}"].get_height() == pytest.approx(comparison.a.metrics.value(key))
    assert bars[f"B:{key}"].get_height() == pytest.approx(comparison.b.metrics.value(key))


def test_charts_share_categories_differ_by_hatch_for_grayscale(comparison):
    bars = _bars(charts.share_chart(comparison))
    hatches = {bars[f"A:{charts.SHARE_KEYS[c]}"].get_hatch() for c in labels.SENTENCE_LABELS}
    assert len(hatches) == 3 and all(hatches)


def test_charts_density_b_is_hatched_and_a_is_not(comparison):
    bars = _bars(charts.density_chart(comparison))
    assert not bars["A:loaded_per_100"].get_hatch()
    assert bars["B:loaded_per_100"].get_hatch()


def test_charts_legends_name_categories_and_articles(comparison):
    share_legend = charts.share_chart(comparison).legends[0]
    names = [t.get_text() for t in share_legend.get_texts()]
    assert names == ["Opinion", "Reported fact", "Attributed"]
    density_legend = charts.density_chart(comparison).legends[0]
    sides = [t.get_text() for t in density_legend.get_texts()]
    assert sides[0].startswith("A: An op-ed") and sides[0].endswith("\u2026")
    assert sides[1] == "B: Wire report"


def test_charts_empty_analyses_render():
    empty = compare(_analysis(""), _analysis(""))
    for make in CHARTS:
        assert charts.figure_png(make(empty), dpi=40).startswith(b"\x89PNG")


@pytest.mark.parametrize(("code", "must_not_load"), [
    ("import framelens.charts", ("PySide6", "matplotlib")),  # cheap for the window's start-up
    ("from framelens import charts, comparison, model\n"
     "a = model.Analysis('', (), (), (), model.Genre('opinion', 0.5), model.Metrics())\n"
     "charts.figure_png(charts.share_chart(comparison.compare(a, a)))", ("PySide6",)),
])
def test_charts_import_and_render_without_qt(code, must_not_load):
    listing = "\nimport sys\nprint('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code + listing], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    assert not [m for m in out.stdout.split() if m.startswith(must_not_load)]


def test_charts_font_scale_enlarges_text_for_projectors(comparison):
    def tick_size(fig):
        return fig.axes[0].get_xticklabels()[0].get_fontsize()

    for make in CHARTS:
        assert tick_size(make(comparison, font_scale=2.0)) == pytest.approx(
            2 * tick_size(make(comparison)))
