"""The PDF's glossary page: each persuasion technique that occurs in the handout, with its
definition, an example we wrote, the question to ask and how often each article uses it."""

from __future__ import annotations

import io
import logging
from collections.abc import Collection, Sequence

from reportlab.platypus import Flowable, Image, PageBreak, Paragraph, Spacer, Table

from framelens import labels
from framelens.export.marks import side_letter
from framelens.export.pdf_article import TEXT_TABLE, paragraph_styles
from framelens.export.pdf_canvas import markup
from framelens.model import Analysis, Comparison
from framelens.technique_counts import technique_counts
from framelens.technique_info import techniques

log = logging.getLogger(__name__)


def glossary_flowables(analyses: Sequence[Analysis], comparison: Comparison | None,
                       categories: Collection[str], width: float) -> list[Flowable]:
    """A page break and the glossary (with the chart of technique counts when comparing),
    or nothing when no technique is marked."""
    if labels.TECHNIQUE not in categories:
        return []
    counts = [{c.technique: c for c in technique_counts(a)} for a in analyses]
    used = [t for t in labels.TECHNIQUE_SUBTYPES if any(t in c for c in counts)]
    if not used:
        return []
    sheet = paragraph_styles(9)
    cell = sheet["cell"]
    rows: list[list[Paragraph]] = [[Paragraph(f"<b>{h}</b>", cell) for h in
                                    ("Technique", "What it is, an example, the question to ask",
                                     "Used (own voice / quoted)")]]
    for technique in used:
        info = techniques()[technique]
        uses = []
        for index, by_technique in enumerate(counts):
            count = by_technique.get(technique)
            if count is not None:
                uses.append(f"{side_letter(index)}: {count.writer} / {count.sources}")
        rows.append([
            Paragraph(f"<b>{markup(info.name)}</b>", cell),
            Paragraph(f"{markup(info.definition)}<br/><i>Example (ours):</i> "
                      f"\u201c{markup(info.example)}\u201d<br/><b>Ask:</b> "
                      f"{markup(info.question)}", cell),
            Paragraph("<br/>".join(uses), cell),
        ])
    table = Table(rows, colWidths=[width * 0.2, width * 0.6, width * 0.2], repeatRows=1)
    table.setStyle(TEXT_TABLE)
    intro = Paragraph("The persuasion techniques marked in this handout (tag T). A mark is a "
                      "prompt to ask the question, not a verdict: the rules find the wording "
                      "that often carries the technique.", sheet["small"])
    return [PageBreak(), Paragraph("Glossary of persuasion techniques", sheet["h2"]), intro,
            table, *_chart(comparison, width)]


def _chart(comparison: Comparison | None, width: float) -> list[Flowable]:
    """The technique counts of A and B as an image; nothing without a comparison or if the
    chart fails (a chart must never stop the export)."""
    if comparison is None:
        return []
    try:
        from framelens import charts

        figure = charts.technique_chart(comparison)
        if figure is None:
            return []
        w_in, h_in = figure.get_size_inches()
        png = charts.figure_png(figure, dpi=110)
    except Exception as exc:  # noqa: BLE001 - as in the summary page's charts
        log.warning("technique chart left out of the PDF: %s", exc)
        return []
    scale = width * 0.8 / (w_in * 72)
    return [Spacer(1, 8), Image(io.BytesIO(png), w_in * 72 * scale, h_in * 72 * scale)]
