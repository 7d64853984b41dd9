"""The PDF section "Same facts, different framing": aligned claims side by side with their
differences, then what only A and only B report, then actors and voices (the same content
as the HTML section, `export/claims_html.py`)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from framelens.actor_table import ACTOR_COLUMNS, actor_rows
from framelens.actors import role_label
from framelens.explain import clip, counted
from framelens.export.claim_marks import MARK_KEY, claim_runs
from framelens.export.only_in import Passage, heading, label, passage_text, passages
from framelens.export.pdf_article import paragraph_styles
from framelens.export.pdf_canvas import markup
from framelens.model import Analysis, Comparison

# A cell is clipped so that no table row can be taller than a page.
CELL_CHARS = 600
# An "only in" passage shows whole sentences up to this many characters, then a count.
PASSAGE_CHARS = 320
# The actors table lists the most mentioned; the rest are counted.
ACTOR_ROWS = 20
ONLY_IN_NOTE = ("Each passage shows its first sentences; the HTML export and the claims CSV "
                "list every sentence.")
_TABLE = TableStyle([
    ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8E8E8")),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
])


def _claim(own: Analysis, own_indices: Sequence[int], other: Analysis,
           other_indices: Sequence[int]) -> str:
    """A claim's sentences with the words its framing differences name in bold, underlined
    (they read so in black and white)."""
    return "".join(f"<u><b>{markup(text)}</b></u>" if marked else markup(text)
                   for text, marked in claim_runs(own, own_indices, other, other_indices,
                                                  CELL_CHARS))


def _passage(analysis: Analysis, passage: Passage, style: ParagraphStyle) -> Paragraph:
    text, left_out = passage_text(analysis, passage, PASSAGE_CHARS)
    more = f" <i>(and {counted(left_out, 'more sentence')})</i>" if left_out else ""
    return Paragraph(f"\u2022 <b>{markup(label(passage))}:</b> {markup(clip(text, CELL_CHARS))}"
                     f"{more}", style)


def claims_flowables(comparison: Comparison, width: float) -> list[Flowable]:
    """The section's flowables; none when the comparison has no alignment."""
    claims = comparison.alignment
    if claims is None:
        return []
    sheet = paragraph_styles(9)
    small = sheet["small"]
    a, b = comparison.a, comparison.b
    # the heading and its introduction stay with the first rows of the table
    out: list[Flowable] = [Paragraph("Same facts, different framing", sheet["h2"]),
                           Paragraph(markup(claims.summary), sheet["small_intro"])]
    if claims.groups:
        rows = [[Paragraph("<b>A</b>", small), Paragraph("<b>B</b>", small),
                 Paragraph("<b>How the telling differs</b>", small)]]
        for group in claims.groups:
            notes = [group.evidence(), *group.differences]
            rows.append([Paragraph(_claim(a, group.a, b, group.b), small),
                         Paragraph(_claim(b, group.b, a, group.a), small),
                         Paragraph("<br/>".join(markup(clip(n, 300)) for n in notes if n),
                                   small)])
        table = Table(rows, colWidths=[width * 0.36, width * 0.36, width * 0.28], repeatRows=1)
        table.setStyle(_TABLE)
        out += [Paragraph(markup(MARK_KEY), sheet["small_intro"]), table]
    for side, analysis, indices in (("A", a, claims.only_in_a), ("B", b, claims.only_in_b)):
        if indices:
            found = passages(analysis, indices)
            out.append(Paragraph(markup(heading(side, len(indices), found)), sheet["h3"]))
            if any(passage_text(analysis, p, PASSAGE_CHARS)[1] for p in found):
                out.append(Paragraph(markup(ONLY_IN_NOTE), small))
            out += [_passage(analysis, passage, small) for passage in found]
    actors = comparison.actors
    if actors is not None:
        out.append(Paragraph("Actors and voices", sheet["h3"]))
        out += [Paragraph(f"\u2022 {markup(line)}", small) for line in actors.contrasts]
        for side, sources in (("A", actors.sources_a), ("B", actors.sources_b)):
            mix = ", ".join(f"{s.name} ({role_label(s.role)})" for s in sources) or "none"
            out.append(Paragraph(markup(f"Sources in {side}: {mix}"), small))
        out += _actors_table(actor_rows(actors), width, small)
    return out


def _actors_table(rows: list[tuple[str, str, str, str]], width: float,
                  style: ParagraphStyle) -> list[Flowable]:
    """Who each article names, and as what: acting, acted upon, quoted."""
    if not rows:
        return []
    cells = [[Paragraph(f"<b>{markup(title)}</b>", style) for title in ACTOR_COLUMNS]]
    cells += [[Paragraph(markup(text), style) for text in row] for row in rows[:ACTOR_ROWS]]
    table = Table(cells, colWidths=[width * 0.3, width * 0.12, width * 0.29, width * 0.29],
                  repeatRows=1)
    table.setStyle(_TABLE)
    found: list[Flowable] = [table]
    if len(rows) > ACTOR_ROWS:
        found.append(Paragraph(markup(f"and {counted(len(rows) - ACTOR_ROWS, 'more actor')}, "
                                      "each named less often"), style))
    return found
