"""Annotated PDF export (ReportLab platypus): summary page, marked articles, sources, annotations.

Layout: a summary page, then each article in full with its marks drawn in the text (tints,
colours, weights, underline styles and a numbered tag per mark), the numbered notes under
each paragraph, and a sources table. Every mark is also a `/Highlight` annotation whose note
is the explanation (see `pdf_canvas`). Web debris is shown dimmed, not omitted.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle
from reportlab.platypus.doctemplate import LayoutError

from framelens import __version__
from framelens.export import marks as marklib
from framelens.export.options import ExportOptions
from framelens.export.pdf_article import (
    article_blocks,
    article_header,
    display_source,
    paragraph_styles,
    sources_table,
)
from framelens.export.pdf_canvas import FONT, MarkingCanvas, Registry, register_fonts
from framelens.export.pdf_summary import summary_flowables
from framelens.fileio import OutputError, atomic_output
from framelens.model import Analysis, Comparison

PAPER = {"a4": A4, "letter": LETTER}
MARGIN = 16 * mm
BODY_SIZE = 9.5
SIDE_BY_SIDE_SIZE = 8.0


def document_title(analyses: Sequence[Analysis]) -> str:
    """The PDF's title metadata: FrameLens and the article titles."""
    titles = [a.title or display_source(a) for a in analyses]
    return ("FrameLens: " + " / ".join(t[:80] for t in titles))[:240]


def _footer(canvas: MarkingCanvas, doc: SimpleDocTemplate, date: str) -> None:
    canvas.saveState()
    canvas.setFont(FONT, 7)
    canvas.setFillColor(colors.HexColor("#555555"))
    canvas.drawString(MARGIN, MARGIN * 0.55, f"FrameLens {__version__} \u00b7 {date}")
    canvas.drawRightString(doc.pagesize[0] - MARGIN, MARGIN * 0.55, f"page {doc.page}")
    canvas.restoreState()


def _one_after_another(analyses: Sequence[Analysis], all_marks: list[list[marklib.Mark]],
                       options: ExportOptions, registry: Registry,
                       width: float) -> list[Flowable]:
    story: list[Flowable] = []
    for index, (analysis, marks) in enumerate(zip(analyses, all_marks, strict=True)):
        side = marklib.side_letter(index)
        story.append(PageBreak())
        story += article_header(analysis, side, BODY_SIZE)
        for block in article_blocks(analysis, side, marks, options.categories, registry,
                                    BODY_SIZE):
            story += block
        story += sources_table(analysis, side, options.categories, width)
    return story


def _side_by_side(analyses: Sequence[Analysis], all_marks: list[list[marklib.Mark]],
                  options: ExportOptions, registry: Registry, width: float) -> list[Flowable]:
    """The two articles in two columns, paragraph beside paragraph, for handouts."""
    columns = [article_blocks(a, marklib.side_letter(i), m, options.categories, registry,
                              SIDE_BY_SIDE_SIZE)
               for i, (a, m) in enumerate(zip(analyses, all_marks, strict=True))]
    headers = [article_header(a, marklib.side_letter(i), SIDE_BY_SIDE_SIZE)
               for i, a in enumerate(analyses)]
    rows: list[list[list[Flowable]]] = [headers]
    for index in range(max(len(c) for c in columns)):
        rows.append([c[index] if index < len(c) else [] for c in columns])
    table = Table(rows, colWidths=[width / 2, width / 2], splitInRow=1, repeatRows=0)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEAFTER", (0, 0), (0, -1), 0.4, colors.HexColor("#999999")),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
    ]))
    story: list[Flowable] = [PageBreak(), table]
    for index, analysis in enumerate(analyses):
        story += sources_table(analysis, marklib.side_letter(index), options.categories, width)
    return story


def write_pdf(analyses: Sequence[Analysis], comparison: Comparison | None, out: str,
              options: ExportOptions | None = None) -> None:
    """Write the annotated PDF report of one or more analyses to `out` (atomically)."""
    options = options or ExportOptions()
    register_fonts()
    date = datetime.date.today().isoformat()
    pagesize = PAPER.get(options.paper, A4)
    width = pagesize[0] - 2 * MARGIN
    registry = Registry()
    all_marks = [marklib.collect_marks(a, options.categories) for a in analyses]
    for index, marks in enumerate(all_marks):
        registry.add_marks(marklib.side_letter(index), marks)
    story = summary_flowables(analyses, comparison, options.categories, registry, date, width)
    if not analyses:
        story.append(Paragraph("No article could be analysed.", paragraph_styles(9)["small"]))
    elif options.side_by_side and len(analyses) == 2:
        story += _side_by_side(analyses, all_marks, options, registry, width)
    else:
        story += _one_after_another(analyses, all_marks, options, registry, width)
    footer = functools.partial(_footer, date=date)
    with atomic_output(out, binary=True) as handle:
        doc = SimpleDocTemplate(
            handle, pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN,
            topMargin=MARGIN, bottomMargin=MARGIN, title=document_title(analyses),
            author="", subject="", keywords="", creator=f"FrameLens {__version__}",
            producer=f"FrameLens {__version__}")
        try:
            doc.build(story, onFirstPage=footer, onLaterPages=footer,
                      canvasmaker=functools.partial(MarkingCanvas, registry=registry))
        except LayoutError as exc:
            raise OutputError(f"cannot lay out {out}: {exc}") from exc
