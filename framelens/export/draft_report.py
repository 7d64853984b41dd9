"""The draft report: one page of what to check in a draft, by kind, with line numbers.

Written for the writer to take away after "Review Draft" (window) or `framelens analyze
DRAFT --draft-report OUT.pdf|OUT.html`. Both formats list the same lines (`report_lines`);
a long list is cut per kind ("and 12 more") so the page stays one page.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from html import escape
from pathlib import Path

from framelens import __version__
from framelens.explain import counted
from framelens.fileio import OutputError, atomic_output
from framelens.model import Analysis
from framelens.review import KIND_ADVICE, KIND_NAMES, Finding, describe

MAX_LINES = 40  # finding lines on the page, all kinds together
MIN_PER_KIND = 3


def report_lines(found: Sequence[Finding]) -> list[tuple[str, str, list[str]]]:
    """(kind heading, what to do, lines) for each kind with findings, cut to fit one page."""
    by_kind = {kind: [f for f in found if f.kind == kind] for kind in KIND_NAMES}
    present = {kind: items for kind, items in by_kind.items() if items}
    share = max(MIN_PER_KIND, MAX_LINES // max(len(present), 1))
    sections = []
    for kind, items in present.items():
        lines = [describe(f) for f in items[:share]]
        if len(items) > share:
            lines.append(f"and {len(items) - share} more")
        sections.append((f"{KIND_NAMES[kind]} ({len(items)})", KIND_ADVICE[kind], lines))
    return sections


def _title(analysis: Analysis) -> str:
    return analysis.title or (Path(analysis.source).name if analysis.source else "Draft")


def _intro(analysis: Analysis, found: Sequence[Finding]) -> str:
    today = datetime.date.today().isoformat()
    return (f"{counted(len(found), 'finding')} in {counted(analysis.metrics.word_count, 'word')}"
            f" \u2014 FrameLens {__version__}, {today}")


def render_html(analysis: Analysis, found: Sequence[Finding]) -> str:
    """The report as a self-contained HTML page."""
    parts = [f"<h1>Draft report: {escape(_title(analysis))}</h1>",
             f"<p class=intro>{escape(_intro(analysis, found))}</p>"]
    for heading, advice, lines in report_lines(found):
        parts.append(f"<h2>{escape(heading)}</h2><p class=advice>{escape(advice)}</p><ul>" +
                     "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>")
    if not found:
        parts.append("<p>Nothing to check: no unsourced opinion, loaded words, hedges, "
                     "boosters or techniques in your own voice were found.</p>")
    style = ("body{font-family:sans-serif;max-width:46em;margin:2em auto;line-height:1.35}"
             "h1{font-size:1.3em}h2{font-size:1.05em;margin:.8em 0 .2em}"
             "ul{margin:0;padding-left:1.2em}.intro{color:#444}"
             ".advice{margin:0 0 .2em;font-style:italic}"
             "@media print{body{margin:0}}")
    return ("<!DOCTYPE html><html lang=en><meta charset=utf-8>"
            f"<title>Draft report: {escape(_title(analysis))}</title><style>{style}</style>"
            f"<body>{''.join(parts)}</body></html>\n")


def _pdf(analysis: Analysis, found: Sequence[Finding], out: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    from framelens.export.pdf_canvas import FONT, markup, register_fonts

    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=8.5, leading=10.5)
    heading = ParagraphStyle("heading", parent=body, fontName=FONT + "-Bold", fontSize=10,
                             leading=13, spaceBefore=5)
    title = ParagraphStyle("title", parent=body, fontName=FONT + "-Bold", fontSize=14,
                           leading=17)
    story = [Paragraph(markup(f"Draft report: {_title(analysis)}"), title),
             Paragraph(markup(_intro(analysis, found)), body), Spacer(1, 3 * mm)]
    advice_style = ParagraphStyle("advice", parent=body, fontName=FONT + "-Oblique")
    for kind_heading, advice, lines in report_lines(found):
        story.append(Paragraph(markup(kind_heading), heading))
        story.append(Paragraph(markup(advice), advice_style))
        story += [Paragraph("\u2022 " + markup(line), body) for line in lines]
    if not found:
        story.append(Paragraph("Nothing to check.", body))
    with atomic_output(out, binary=True) as handle:
        SimpleDocTemplate(handle, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                          topMargin=15 * mm, bottomMargin=15 * mm,
                          title=f"Draft report: {_title(analysis)}",
                          creator=f"FrameLens {__version__}").build(story)


def write_draft_report(analysis: Analysis, found: Sequence[Finding], out: str) -> None:
    """Write the report as PDF or HTML, by the file's extension (OutputError in one line)."""
    suffix = Path(out).suffix.lower()
    if suffix == ".pdf":
        _pdf(analysis, found, out)
    elif suffix in (".html", ".htm"):
        with atomic_output(out) as handle:
            handle.write(render_html(analysis, found))
    else:
        raise OutputError(f"cannot write {out}: the draft report is .pdf or .html")
