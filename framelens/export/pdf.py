"""Annotated PDF export (ReportLab platypus): summary page, marked articles, sources, annotations.

Layout: a summary page, then each article in full with its marks drawn in the text (tints,
colours, weights, underline styles and a numbered tag per mark), the numbered notes at the
foot of each page (the notes of exactly the tags printed on it), and a sources table; or,
for handouts, the two articles in two columns that each flow on their own, with the notes
under each paragraph (a column is too narrow for a page's worth of notes). Every mark is also
a `/Highlight` annotation whose note is the explanation (see `pdf_canvas`). Web debris is
shown dimmed, not omitted.
"""

from __future__ import annotations

import datetime
import functools
import itertools
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepInFrame,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import LayoutError

from framelens import __version__
from framelens.export import marks as marklib
from framelens.export.options import ExportOptions
from framelens.export.pdf_article import (
    article_blocks,
    article_header,
    article_paragraphs,
    display_source,
    paragraph_styles,
    sources_table,
)
from framelens.export.pdf_canvas import FONT, MarkingCanvas, Registry, register_fonts
from framelens.export.pdf_claims import claims_flowables
from framelens.export.pdf_glossary import glossary_flowables
from framelens.export.pdf_layout import column_pieces, footnoted_pages
from framelens.export.pdf_summary import summary_flowables
from framelens.fileio import OutputError, atomic_output
from framelens.model import Analysis, Comparison

PAPER = {"a4": A4, "letter": LETTER}
MARGIN = 16 * mm
BODY_SIZE = 9.5
SIDE_BY_SIDE_SIZE = 8.0
# Table cell padding of the side-by-side columns: left, right, top (= bottom).
_CELL_PADDING = (4.0, 6.0, 3.0)
# SimpleDocTemplate's frame keeps 6 pt of padding on each side.
_FRAME_PADDING = 6.0
# Space around the rule above the notes at the foot of a page.
_RULE_SPACE = 6.0


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
                       options: ExportOptions, registry: Registry, width: float,
                       height: float) -> list[Flowable]:
    """Each article on its own pages, every page with the notes of its tags at its foot."""
    story: list[Flowable] = []
    for index, (analysis, marks) in enumerate(zip(analyses, all_marks, strict=True)):
        side = marklib.side_letter(index)
        paras = article_paragraphs(analysis, side, marks, options.categories, registry,
                                   BODY_SIZE)
        head = article_header(analysis, side, BODY_SIZE)
        rule_height = _rule().wrap(width, height)[1] + _RULE_SPACE
        for page in footnoted_pages(head, paras, width, height, rule_height):
            content = list(page.text)
            if page.notes:
                content += [Spacer(1, max(page.free, 0.0)), _rule(), *(n for _, n in page.notes)]
            story += [PageBreak(), KeepInFrame(width, height, content, mode="shrink")]
        story += [PageBreak(), *sources_table(analysis, side, options.categories, width)]
    return story


def _rule() -> Flowable:
    """The short rule above the notes at the foot of a page."""
    return HRFlowable(width="30%", thickness=0.5, color=colors.HexColor("#777777"),
                      spaceBefore=_RULE_SPACE / 2, spaceAfter=_RULE_SPACE / 2, hAlign="LEFT")


def _side_by_side(analyses: Sequence[Analysis], all_marks: list[list[marklib.Mark]],
                  options: ExportOptions, registry: Registry, width: float,
                  height: float) -> list[Flowable]:
    """The two articles in two columns for handouts, each flowing down its own column.

    Each article is cut into column-high pieces (paragraphs split across pages as in a
    normal frame); page i shows piece i of A beside piece i of B, so a long paragraph on one
    side never leaves a gap on the other.
    """
    cell = width / 2 - _CELL_PADDING[0] - _CELL_PADDING[1]
    columns = []
    for index, (analysis, marks) in enumerate(zip(analyses, all_marks, strict=True)):
        side = marklib.side_letter(index)
        flow = article_header(analysis, side, SIDE_BY_SIDE_SIZE, notes_at_foot=False)
        for block in article_blocks(analysis, side, marks, options.categories, registry,
                                    SIDE_BY_SIDE_SIZE):
            flow += block
        columns.append(column_pieces(flow, cell, height - 2 * _CELL_PADDING[2]))
    story: list[Flowable] = []
    for left, right in itertools.zip_longest(*columns, fillvalue=[]):
        table = Table([[left, right]], colWidths=[width / 2, width / 2])
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEAFTER", (0, 0), (0, -1), 0.4, colors.HexColor("#999999")),
            ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PADDING[0]),
            ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PADDING[1]),
            ("TOPPADDING", (0, 0), (-1, -1), _CELL_PADDING[2]),
            ("BOTTOMPADDING", (0, 0), (-1, -1), _CELL_PADDING[2]),
        ]))
        story += [PageBreak(), table]
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
    height = pagesize[1] - 2 * MARGIN - 2 * _FRAME_PADDING
    registry = Registry()
    all_marks = [marklib.collect_marks(a, options.categories) for a in analyses]
    for index, marks in enumerate(all_marks):
        registry.add_marks(marklib.side_letter(index), marks)
    story = summary_flowables(analyses, comparison, options.categories, registry, date, width)
    if not analyses:
        story.append(Paragraph("No article could be analysed.", paragraph_styles(9)["small"]))
    elif options.side_by_side and len(analyses) == 2:
        story += _side_by_side(analyses, all_marks, options, registry, width, height)
    else:
        story += _one_after_another(analyses, all_marks, options, registry, width, height)
    if comparison is not None:
        story += claims_flowables(comparison, width)
    story += glossary_flowables(analyses, comparison, options.categories, width)
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
