"""Comparison charts shared by the window and the PDF/HTML exports.

Built on `matplotlib.figure.Figure` directly (never pyplot), so charts can be drawn in any
thread and need no GUI backend. Colours come from `framelens.styles`; every series also has
its own hatch pattern so the charts read in black-and-white print. matplotlib is imported
when the first chart is made: importing this module stays cheap for the window's start-up.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from pathlib import PurePath
from typing import TYPE_CHECKING

from framelens import labels, styles
from framelens.model import Analysis, Comparison

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

FONT = "DejaVu Sans"
SHARE_HATCHES = {labels.OPINION: "//", labels.FACT: "..", labels.ATTRIBUTED: "\\\\"}
# Metrics of the density chart: (metrics key, style category, axis label).
DENSITY_METRICS = (
    ("loaded_per_100", labels.LOADED, "Loaded\nwords"),
    ("hedge_per_100", labels.HEDGE, "Hedges"),
    ("booster_per_100", labels.BOOSTER, "Boosters"),
)
SOURCES_METRIC = ("named_source_count", labels.QUOTE_SPEAKER, "Named\nsources")
SIDE_HATCHES = {"A": "", "B": "xx"}
SHARE_KEYS = {labels.OPINION: "opinion_share", labels.FACT: "fact_share",
              labels.ATTRIBUTED: "attributed_share"}


@dataclass(frozen=True)
class Theme:
    """Figure colours and text sizes (points) for the light or dark theme."""

    background: str
    text: str
    grid: str
    edge: str
    text_size: float = 12.0
    title_size: float = 14.0


LIGHT = Theme(background="#FFFFFF", text="#1A1A1A", grid="#C8C8C8", edge="#1A1A1A")
DARK = Theme(background="#1E1E1E", text="#EDEDED", grid="#4A4A4A", edge="#EDEDED")


def theme(dark: bool, font_scale: float = 1.0) -> Theme:
    """The chart theme matching the window's theme, text scaled by `font_scale`."""
    base = DARK if dark else LIGHT
    return replace(base, text_size=base.text_size * font_scale,
                   title_size=base.title_size * font_scale)


def short_title(analysis: Analysis, limit: int = 32) -> str:
    """The article's title (or file name) cut to `limit` characters for axis labels."""
    title = analysis.title.strip() or (PurePath(analysis.source).name if analysis.source else "")
    if len(title) > limit:
        title = title[: limit - 1].rstrip() + "\u2026"
    return title


def side_label(side: str, analysis: Analysis, limit: int = 32) -> str:
    """'A: Short title' (or just 'A' when the article has no title or file name)."""
    title = short_title(analysis, limit)
    return f"{side}: {title}" if title else side


def _tint(category: str, dark: bool) -> str:
    style = styles.style(category)
    return style.dark_background if dark else style.background


def _new_figure(width: float, height: float, colours: Theme) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), facecolor=colours.background, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _style_axes(ax, colours: Theme) -> None:
    ax.set_facecolor(colours.background)
    ax.tick_params(colors=colours.text, labelsize=colours.text_size)
    for spine in ax.spines.values():
        spine.set_color(colours.grid)
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)


def _legend(fig: Figure, handles: list[Patch], colours: Theme, ncols: int) -> None:
    legend = fig.legend(handles=handles, loc="outside lower center", ncols=ncols, frameon=False,
                        prop={"family": FONT, "size": colours.text_size}, handlelength=2.2,
                        handleheight=1.3)
    for text in legend.get_texts():
        text.set_color(colours.text)


def _side_handles(comparison: Comparison, colours: Theme) -> list[Patch]:
    """Legend entries for the two articles: A filled, B hatched (both read in grayscale)."""
    from matplotlib.patches import Patch

    return [Patch(facecolor=colours.text, edgecolor=colours.text,
                  label=side_label("A", comparison.a, 28)),
            Patch(facecolor=colours.background, edgecolor=colours.text,
                  hatch=SIDE_HATCHES["B"], label=side_label("B", comparison.b, 28))]


def share_chart(comparison: Comparison, dark: bool = False, font_scale: float = 1.0) -> Figure:
    """Opinion / fact / attributed sentence shares of A and B as 100% stacked bars."""
    from matplotlib.patches import Patch

    colours = theme(dark, font_scale)
    fig = _new_figure(8.0, 3.4, colours)
    ax = fig.add_subplot()
    _style_axes(ax, colours)
    sides = (("A", comparison.a), ("B", comparison.b))
    positions = {"A": 1.0, "B": 0.0}
    handles = []
    for category in labels.SENTENCE_LABELS:
        style = styles.style(category)
        handles.append(Patch(facecolor=_tint(category, dark), edgecolor=style.color,
                             hatch=SHARE_HATCHES[category], label=style.name))
    for side, analysis in sides:
        caption = ax.text(0, positions[side] + 0.33,
                          side_label(side, analysis, round(60 / font_scale)), ha="left",
                          va="bottom", family=FONT, size=colours.text_size, color=colours.text,
                          clip_on=True)
        caption.set_in_layout(False)
        left = 0.0
        for category in labels.SENTENCE_LABELS:
            style = styles.style(category)
            value = analysis.metrics.value(SHARE_KEYS[category])
            (bar,) = ax.barh(positions[side], value, left=left, height=0.55,
                             color=_tint(category, dark), edgecolor=style.color, linewidth=1.5,
                             hatch=SHARE_HATCHES[category])
            bar.set_gid(f"{side}:{SHARE_KEYS[category]}")
            if value >= 0.07:
                ax.text(left + value / 2, positions[side], f"{value:.0%}", ha="center",
                        va="center", family=FONT, size=colours.text_size, weight="bold",
                        color=colours.text,
                        bbox={"boxstyle": "round,pad=0.2", "facecolor": colours.background,
                              "edgecolor": "none", "alpha": 0.85})
            left += value
        if left == 0:
            ax.text(0.5, positions[side], "no sentences", ha="center", va="center",
                    family=FONT, size=colours.text_size, style="italic", color=colours.text)
    ax.set_yticks([positions[s] for s, _ in sides], [s for s, _ in sides], family=FONT,
                  weight="bold")
    ax.set_ylim(-0.4, 1.8)
    ax.set_xlim(0, 1)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0], ["0%", "25%", "50%", "75%", "100%"], family=FONT)
    ax.set_title("Sentences: opinion, reported fact, attributed", family=FONT,
                 size=colours.title_size, color=colours.text, loc="left")
    _legend(fig, handles, colours, ncols=3)
    return fig


def density_chart(comparison: Comparison, dark: bool = False,
                  font_scale: float = 1.0) -> Figure:
    """Loaded-language, hedge and booster densities and named sources of A and B."""
    from matplotlib.ticker import MaxNLocator

    colours = theme(dark, font_scale)
    fig = _new_figure(8.0, 3.8, colours)
    density_ax, sources_ax = fig.subplots(1, 2, width_ratios=[3, 1])
    sides = (("A", comparison.a), ("B", comparison.b))
    for ax, metrics, unit in ((density_ax, DENSITY_METRICS, "per 100 words"),
                              (sources_ax, (SOURCES_METRIC,), "count")):
        _style_axes(ax, colours)
        ax.grid(axis="y", color=colours.grid, linewidth=0.8)
        ax.set_axisbelow(True)
        for index, (key, category, _label) in enumerate(metrics):
            colour = styles.style(category).color
            for offset, (side, analysis) in zip((-0.2, 0.2), sides, strict=True):
                value = analysis.metrics.value(key)
                fill = colour if side == "A" else colours.background
                (bar,) = ax.bar(index + offset, value, width=0.38, color=fill, edgecolor=colour,
                                linewidth=1.5, hatch=SIDE_HATCHES[side])
                bar.set_gid(f"{side}:{key}")
                text = labels.METRICS_BY_KEY[key].format(value)
                ax.annotate(f"{side}\n{text}", (index + offset, value), xytext=(0, 3),
                            textcoords="offset points", ha="center", va="bottom", family=FONT,
                            size=colours.text_size * 0.92, color=colours.text)
        ax.set_xticks(range(len(metrics)), [label for _k, _c, label in metrics], family=FONT)
        ax.set_ylabel(unit, family=FONT, size=colours.text_size, color=colours.text)
        ax.margins(y=0.35)
        if not any(a.metrics.value(key) for key, _c, _l in metrics for _s, a in sides):
            ax.set_ylim(0, 1)
        ax.set_ylim(bottom=0)
    sources_ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    fig.suptitle("Loaded language, hedges, boosters and sources", x=0.01, ha="left",
                 family=FONT, size=colours.title_size, color=colours.text)
    _legend(fig, _side_handles(comparison, colours), colours, ncols=2)
    return fig


QUOTED_HATCH = ".."


def technique_chart(comparison: Comparison, dark: bool = False,
                    font_scale: float = 1.0) -> Figure | None:
    """Technique counts of A and B, own voice solid and quoted dotted (stacked), or None if
    neither uses any. In grayscale the sides differ by fill (A solid, B cross-hatched)."""
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    from framelens.technique_counts import technique_counts
    from framelens.technique_info import techniques

    counts = [{c.technique: c for c in technique_counts(a)}
              for a in (comparison.a, comparison.b)]
    used = [t for t in techniques() if any(t in side for side in counts)]
    if not used:
        return None
    colours = theme(dark, font_scale)
    fig = _new_figure(8.0, 3.8, colours)
    ax = fig.subplots()
    _style_axes(ax, colours)
    ax.grid(axis="y", color=colours.grid, linewidth=0.8)
    ax.set_axisbelow(True)
    for index, technique in enumerate(used):
        for offset, side, by_technique in ((-0.2, "A", counts[0]), (0.2, "B", counts[1])):
            count = by_technique.get(technique)
            writer, quoted = (count.writer, count.sources) if count else (0, 0)
            fill = colours.text if side == "A" else colours.background
            ax.bar(index + offset, writer, width=0.38, color=fill, edgecolor=colours.text,
                   linewidth=1.2, hatch=SIDE_HATCHES[side])
            ax.bar(index + offset, quoted, width=0.38, bottom=writer, color=colours.background,
                   edgecolor=colours.text, linewidth=1.2, hatch=QUOTED_HATCH)
            ax.annotate(f"{side}\n{writer + quoted}", (index + offset, writer + quoted),
                        xytext=(0, 3), textcoords="offset points", ha="center", va="bottom",
                        family=FONT, size=colours.text_size * 0.8, color=colours.text)
    names = [techniques()[t].name.replace(" ", "\n", 1) for t in used]
    ax.set_xticks(range(len(used)), names, family=FONT, size=colours.text_size * 0.75)
    ax.set_ylabel("marks", family=FONT, size=colours.text_size, color=colours.text)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.margins(y=0.3)
    ax.set_ylim(bottom=0)
    fig.suptitle("Persuasion techniques: own voice (solid) and quoted (dotted)", x=0.01,
                 ha="left", family=FONT, size=colours.title_size, color=colours.text)
    handles = [Patch(facecolor=colours.text, edgecolor=colours.text,
                     label=side_label("A", comparison.a, 28)),
               Patch(facecolor=colours.background, edgecolor=colours.text,
                     hatch=SIDE_HATCHES["B"],
                     label=side_label("B", comparison.b, 28)),
               Patch(facecolor=colours.background, edgecolor=colours.text, hatch=QUOTED_HATCH,
                     label="quoted")]
    _legend(fig, handles, colours, ncols=3)
    return fig


def figure_png(fig: Figure, dpi: int = 150) -> bytes:
    """The figure as PNG bytes (for PDF embedding)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None},
                facecolor=fig.get_facecolor())
    return buffer.getvalue()


def figure_svg(fig: Figure) -> str:
    """The figure as an inline `<svg>` element (no XML prolog), text drawn as paths."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None}, facecolor=fig.get_facecolor())
    svg = buffer.getvalue().decode("utf-8")
    return svg[svg.index("<svg"):]


def frame_chart(comparison: Comparison, dark: bool = False, font_scale: float = 1.0) -> Figure:
    """The frame profiles of A and B: per frame, the share of each article's sentences that
    carry it, as paired horizontal bars (A filled, B hatched, so grayscale print reads)."""

    from framelens.frame_comparison import frame_rows

    colours = theme(dark, font_scale)
    rows = frame_rows(comparison.a, comparison.b)
    fig = _new_figure(8.0, 1.6 + 0.42 * max(len(rows), 1), colours)
    ax = fig.add_subplot()
    _style_axes(ax, colours)
    ax.grid(axis="x", color=colours.grid, linewidth=0.8)
    ax.set_axisbelow(True)
    for index, row in enumerate(rows):
        position = len(rows) - 1 - index
        for offset, side, value in ((0.19, "A", row.a), (-0.19, "B", row.b)):
            fill = colours.text if side == "A" else colours.background
            (bar,) = ax.barh(position + offset, value, height=0.36, color=fill,
                             edgecolor=colours.text, linewidth=1.2, hatch=SIDE_HATCHES[side])
            bar.set_gid(f"{side}:frame:{row.frame}")
            ax.text(value + 0.01, position + offset, f"{side} {value:.0%}", va="center",
                    ha="left", family=FONT, size=colours.text_size * 0.8, color=colours.text)
    if not rows:
        ax.text(0.5, 0, "no frames found", ha="center", va="center", family=FONT,
                size=colours.text_size, style="italic", color=colours.text)
    ax.set_yticks(range(len(rows)), [r.name for r in reversed(rows)], family=FONT)
    top = max([max(r.a, r.b) for r in rows] + [0.1])
    ax.set_xlim(0, min(1.0, top + 0.15))
    ax.xaxis.set_major_formatter(lambda value, _pos: f"{value:.0%}")
    ax.set_title("Frames: share of sentences", family=FONT, size=colours.title_size,
                 color=colours.text, loc="left")
    _legend(fig, _side_handles(comparison, colours), colours, ncols=2)
    return fig
