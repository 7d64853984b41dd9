"""The PDF's glossary page: each persuasion technique that occurs in the handout, with its
definition, an example we wrote, the question to ask and how often each article uses it."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from reportlab.lib import colors
from reportlab.platypus import Flowable, PageBreak, Paragraph, Table, TableStyle

from framelens import labels
from framelens.export.marks import side_letter
from framelens.export.pdf_article import paragraph_styles
from framelens.export.pdf_canvas import markup
from framelens.model import Analysis
from framelens.technique_counts import technique_counts
from framelens.technique_info import techniques


def glossary_flowables(analyses: Sequence[Analysis], categories: Collection[str],
                       width: float) -> list[Flowable]:
    """A page break and the glossary, or nothing when no technique is marked."""
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
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8E8E8")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    intro = Paragraph("The persuasion techniques marked in this handout (tag T). A mark is a "
                      "prompt to ask the question, not a verdict: the rules find the wording "
                      "that often carries the technique.", sheet["small"])
    return [PageBreak(), Paragraph("Glossary of persuasion techniques", sheet["h2"]), intro,
            table]
