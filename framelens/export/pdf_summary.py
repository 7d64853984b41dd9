"""The PDF summary page: the articles, legend, metrics side by side, contrasts and charts."""

from __future__ import annotations

import io
import logging
from collections.abc import Collection, Sequence

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Image, Paragraph, Spacer, Table, TableStyle

from framelens import __version__, explain, labels
from framelens.comparison import metric_table
from framelens.export import marks as marklib
from framelens.export.pdf_article import display_source, paragraph_styles
from framelens.export.pdf_canvas import PARAGRAPH_START, Registry, markup, run_markup
from framelens.model import Analysis, Comparison
from framelens.styles import style

log = logging.getLogger(__name__)
_GRID = TableStyle([
    ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8E8E8")),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
])


def _legend(categories: Collection[str], registry: Registry, width: float) -> Table:
    """One sample per category, drawn exactly as in the article, with its name and meaning."""
    cell = paragraph_styles(9)["cell"]
    rows = [[Paragraph("<b>Looks like</b>", cell), Paragraph("<b>Mark</b>", cell),
             Paragraph("<b>Meaning</b>", cell)]]
    for category in labels.STYLED_CATEGORIES:
        if category not in categories:
            continue
        category_style = style(category)
        look = marklib.look_of((category,))
        sample = marklib.Run(0, 6, (category,), (), look)
        link = registry.link("legend", (), look, 8.5) if look.underlines else None
        tag = (f'<super><font size="5.5" color="{category_style.color}"><b>'
               f'{category_style.symbol}</b></font></super>')
        text = "sample" if category != labels.FACT else "sample (no tag)"
        if category == labels.FACT:
            tag = ""
        sample_markup = PARAGRAPH_START + run_markup(text, sample, tag, link)
        rows.append([Paragraph(sample_markup, paragraph_styles(8.5)["cell"]),
                     Paragraph(f"<b>{markup(category_style.name)}</b> "
                               f"({category_style.symbol})", cell),
                     Paragraph(markup(category_style.description), cell)])
    table = Table(rows, colWidths=[width * 0.19, width * 0.27, width * 0.54])
    table.setStyle(_GRID)
    return table


def _metrics(analyses: Sequence[Analysis], comparison: Comparison | None,
             width: float) -> Table:
    """Every metric side by side (with B − A for a comparison)."""
    cell = paragraph_styles(9)["cell"]
    header, body = metric_table(analyses, comparison)
    rows = [[Paragraph(f"<b>{markup(h)}</b>", cell) for h in header]]
    rows += [[Paragraph(markup(c), cell) for c in line] for line in body]
    table = Table(rows, colWidths=_metric_widths(header, body, cell, width), repeatRows=1)
    table.setStyle(_GRID)
    return table


def _metric_widths(header: Sequence[str], body: Sequence[Sequence[str]],
                   cell: ParagraphStyle, width: float) -> list[float]:
    """Column widths that keep every value on one line ("reporting", "+12 pts"); the
    metric names take what is left (and wrap between words if they must)."""
    padding = 2 * 6 + 1  # reportlab's default left and right cell padding, and a margin
    values = [max(stringWidth(header[i], cell.fontName + "-Bold", cell.fontSize),
                  *(stringWidth(row[i], cell.fontName, cell.fontSize) for row in body))
              + padding for i in range(1, len(header))]
    if sum(values) > width * 0.6:  # very long values: share the width evenly instead
        values = [width * 0.5 / len(values)] * len(values)
    return [width - sum(values), *values]


def _charts(comparison: Comparison, width: float) -> list[Flowable]:
    """The share and density charts as images side by side; nothing if charts fail."""
    try:
        from framelens import charts

        images = []
        for make in (charts.share_chart, charts.density_chart):
            figure = make(comparison)
            w_in, h_in = figure.get_size_inches()
            png = charts.figure_png(figure, dpi=110)
            scale = (width / 2 - 6) / (w_in * 72)
            images.append(Image(io.BytesIO(png), w_in * 72 * scale, h_in * 72 * scale))
    except Exception as exc:  # noqa: BLE001 - a chart must never stop the export
        log.warning("charts left out of the PDF: %s", exc)
        return []
    table = Table([images], colWidths=[width / 2, width / 2])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [table]


def summary_flowables(analyses: Sequence[Analysis], comparison: Comparison | None,
                      categories: Collection[str], registry: Registry, date: str,
                      width: float) -> list[Flowable]:
    """The summary page(s)."""
    sheet = paragraph_styles(9)
    flowables: list[Flowable] = [
        Paragraph("FrameLens report", sheet["h1"]),
        Paragraph(f"Made on {date} with FrameLens {__version__}. Marks are what FrameLens's "
                  "rules found: a starting point for discussion, not a verdict.", sheet["small"]),
        Spacer(1, 4),
    ]
    for index, analysis in enumerate(analyses):
        flowables.append(Paragraph(
            f"<b>{marklib.side_letter(index)}: "
            f"{markup(analysis.title or display_source(analysis))}</b><br/>"
            f"Source: {markup(display_source(analysis))} \u00b7 reads as "
            f"{markup(analysis.genre.label)} \u00b7 {analysis.metrics.word_count} words, "
            f"{explain.counted(analysis.metrics.quote_count, 'quote')}<br/>"
            f"{markup(explain.frame_profile_line(analysis))}"
            + (f"<br/>{markup(explain.headline_summary(analysis))}" if analysis.headline else ""),
            sheet["small"]))
        flowables.append(Spacer(1, 3))
    if comparison is not None and comparison.contrasts:
        flowables.append(Paragraph("Sharpest contrasts", sheet["h3"]))
        flowables += [Paragraph(f"\u2022 {markup(line)}", sheet["small"])
                      for line in comparison.contrasts]
    legend = _legend(categories, registry, width * 0.5 - 6)
    metrics = _metrics(analyses, comparison, width * 0.5 - 6)
    side_by_side = Table([[[Paragraph("Legend", sheet["h3"]), legend],
                           [Paragraph("Figures", sheet["h3"]), metrics]]],
                         colWidths=[width / 2, width / 2])
    side_by_side.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                      ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                      ("RIGHTPADDING", (0, 0), (-1, -1), 6)]))
    flowables.append(side_by_side)
    if comparison is not None:
        flowables += _charts(comparison, width)
        flowables += _frame_chart(comparison, width)
    return flowables


def _frame_chart(comparison: Comparison, width: float) -> list[Flowable]:
    """The two frame profiles as one chart across the page; nothing if the chart fails."""
    try:
        from framelens import charts

        figure = charts.frame_chart(comparison)
        w_in, h_in = figure.get_size_inches()
        png = charts.figure_png(figure, dpi=110)
    except Exception as exc:  # noqa: BLE001 - a chart must never stop the export
        log.warning("frame chart left out of the PDF: %s", exc)
        return []
    scale = min(1.0, width * 0.7 / (w_in * 72))
    return [Spacer(1, 4), Image(io.BytesIO(png), w_in * 72 * scale, h_in * 72 * scale)]
