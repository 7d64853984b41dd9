"""PDF flowables for one article: its text with marks, the numbered notes and the sources table."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from framelens import explain, labels
from framelens.export import marks as marklib
from framelens.export.pdf_canvas import (
    FONT,
    PARAGRAPH_START,
    REPLACEMENT,
    Registry,
    markup,
    printable,
    run_markup,
    tag_markup,
)
from framelens.model import Analysis
from framelens.styles import style

_QUOTE_CATEGORIES = frozenset(labels.QUOTE_PARTS)


# A table of text cells (sources, glossary): a light grid, a grey header, text from the top.
TEXT_TABLE = TableStyle([
    ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8E8E8")),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
])


def paragraph_styles(size: float) -> dict[str, ParagraphStyle]:
    """Body, note, heading and table styles at a given body font size."""
    base = ParagraphStyle("body", fontName=FONT, fontSize=size, leading=size * 1.5,
                          alignment=TA_JUSTIFY, spaceAfter=size * 0.3)
    return {
        "body": base,
        "note": ParagraphStyle("note", base, fontSize=size * 0.78, leading=size * 0.98,
                               alignment=0, leftIndent=size, spaceAfter=1,
                               textColor=colors.HexColor("#333333")),
        "debris": ParagraphStyle("debris", base, spaceAfter=0, alignment=0),
        "h1": ParagraphStyle("h1", base, fontSize=16, leading=20, alignment=0, spaceAfter=4,
                             fontName=FONT + "-Bold"),
        # a heading is never the last line of a page: it keeps with what follows
        "h2": ParagraphStyle("h2", base, fontSize=12.5, leading=16, alignment=0, spaceBefore=6,
                             spaceAfter=4, fontName=FONT + "-Bold", keepWithNext=1),
        "h3": ParagraphStyle("h3", base, fontSize=10, leading=13, alignment=0, spaceBefore=6,
                             spaceAfter=3, fontName=FONT + "-Bold", keepWithNext=1),
        "small": ParagraphStyle("small", base, fontSize=8, leading=10, alignment=0),
        "small_intro": ParagraphStyle("small_intro", base, fontSize=8, leading=10, alignment=0,
                                      keepWithNext=1),
        "cell": ParagraphStyle("cell", base, fontSize=7.5, leading=9.2, alignment=0,
                               spaceAfter=0),
    }


def display_source(analysis: Analysis) -> str:
    """The source as shown in print: a file's name (not its folders), or the URL as given."""
    source = analysis.source or ""
    if "://" in source:
        return source
    return Path(source).name if source else "(pasted text)"


def _paragraph(analysis: Analysis, document: str, runs: list[marklib.Run],
               starting: dict[int, list[marklib.Mark]], registry: Registry,
               size: float, para_style: ParagraphStyle) -> Paragraph:
    """One paragraph of article text with its runs styled, tagged and recorded."""
    pieces = [PARAGRAPH_START]
    for run in runs:
        # Tags stand apart from each other ("A15 Q16", not "A15Q16") and from a word
        # that ends right before them ("developer. O13", not "developer.O13").
        tags = " ".join(tag_markup(m, size * 0.62) for m in starting.get(run.start, ()))
        if tags and len(pieces) > 1 and not analysis.text[run.start - 1].isspace():
            tags = " " + tags
        link = registry.link(document, run.numbers, run.look, size) if run.numbers else None
        pieces.append(run_markup(analysis.text[run.start:run.end], run, tags, link))
    return Paragraph("".join(pieces), para_style)


def _notes(marks: list[marklib.Mark], sheet: dict[str, ParagraphStyle]) -> list[Flowable]:
    return [Paragraph(f'<font color="{style(m.category).color}"><b>{m.tag}</b></font> '
                      f"{markup(m.printed)}", sheet["note"]) for m in marks]


def _debris_notes(marks: list[marklib.Mark], sheet: dict[str, ParagraphStyle]) -> Paragraph:
    """One compact note for a stretch of web debris: tags grouped by explanation."""
    groups: dict[str, list[str]] = {}
    for mark in marks:
        reason = " ".join(mark.explanation.lines)
        groups.setdefault(reason, []).append(mark.tag)
    color = style(labels.BOILERPLATE).color
    text = " \u00b7 ".join(f'<font color="{color}"><b>{", ".join(tags)}</b></font> '
                           f"{markup(reason)}" for reason, tags in groups.items())
    return Paragraph(text, sheet["note"])


# A note flowable with the tags ("L12") it explains.
Note = tuple[tuple[str, ...], Flowable]


@dataclass
class Para:
    """One paragraph of article text and the notes of the marks that start in it; each note
    with the tags ("L12") it explains, so a page can carry the notes of the tags it prints."""

    text: Flowable
    notes: list[Note] = field(default_factory=list)


def article_paragraphs(analysis: Analysis, document: str, marks: list[marklib.Mark],
                       categories: Collection[str], registry: Registry,
                       size: float) -> list[Para]:
    """The article's paragraphs with the notes of their marks.

    Lines that are all web debris are printed small and dimmed; one compact note, owned by
    the last line of each stretch of them, explains the lot.
    """
    sheet = paragraph_styles(size)
    debris_sheet = paragraph_styles(size * 0.85)
    starting: dict[int, list[marklib.Mark]] = {}
    for mark in marks:
        starting.setdefault(mark.start, []).append(mark)
    out: list[Para] = []
    pending: list[marklib.Mark] = []
    for start, end in marklib.blocks(analysis.text):
        runs = list(marklib.runs(analysis, marks, categories, start, end))
        here = [m for m in marks if start <= m.start < end]
        if all(labels.BOILERPLATE in run.categories
               or not analysis.text[run.start:run.end].strip() for run in runs):
            out.append(Para(_paragraph(analysis, document, runs, starting, registry,
                                       size * 0.85, debris_sheet["debris"])))
            pending += here
            continue
        if pending:
            out[-1].notes.append((tuple(m.tag for m in pending),
                                  _debris_notes(pending, debris_sheet)))
            pending = []
        out.append(Para(_paragraph(analysis, document, runs, starting, registry, size,
                                   sheet["body"]),
                        [((m.tag,), note) for m, note in zip(here, _notes(here, sheet),
                                                             strict=True)]))
    if pending:
        out[-1].notes.append((tuple(m.tag for m in pending), _debris_notes(pending, debris_sheet)))
    return out


def article_blocks(analysis: Analysis, document: str, marks: list[marklib.Mark],
                   categories: Collection[str], registry: Registry,
                   size: float) -> list[list[Flowable]]:
    """The article's paragraphs, each a list of flowables: text, then the notes of its marks
    (for narrow columns, where notes at the foot of the page would not fit)."""
    return [[para.text, *(note for _, note in para.notes),
             *([Spacer(1, size * 0.5)] if para.notes else [])]
            for para in article_paragraphs(analysis, document, marks, categories, registry,
                                           size)]


def article_header(analysis: Analysis, side: str, size: float,
                   notes_at_foot: bool = True) -> list[Flowable]:
    """The article's heading: side letter, title, source, genre and any font fallback note."""
    sheet = paragraph_styles(size)
    title = analysis.title or display_source(analysis)
    flowables: list[Flowable] = [
        Paragraph(f"{side}: {markup(title)}", sheet["h2"]),
        Paragraph(f"Source: {markup(display_source(analysis))} \u00b7 reads as "
                  f"<b>{markup(analysis.genre.label)}</b> (score {analysis.genre.score:.2f}) "
                  f"\u00b7 {analysis.metrics.word_count} words", sheet["small"]),
    ]
    replaced = printable(analysis.text)[1]
    if replaced:
        flowables.append(Paragraph(
            f"<b>Note:</b> {explain.counted(replaced, 'character')} this PDF's font cannot show "
            f"(for example emoji, CJK or right-to-left scripts) "
            f"{'is' if replaced == 1 else 'are'} printed as {REPLACEMENT}. The HTML and "
            "CSV exports keep them.", sheet["small"]))
    if analysis.corrections:
        flowables.append(Paragraph(markup(explain.corrections_note(analysis)), sheet["small"]))
    where = "at the foot of the page" if notes_at_foot else "below the paragraph"
    flowables.append(Paragraph(
        f"Marked text carries a tag (symbol and number) at its start; the note {where} "
        "explains it. Web debris is printed dimmed and left out of the figures.",
        sheet["small"]))
    flowables.append(Spacer(1, 6))
    return flowables


def sources_table(analysis: Analysis, side: str, categories: Collection[str],
                  width: float) -> list[Flowable]:
    """The table of who is quoted: speaker, reporting verb and tone, kind, content."""
    if not _QUOTE_CATEGORIES & set(categories):
        return []
    sheet = paragraph_styles(9)
    cell = sheet["cell"]
    heading = Paragraph(f"Sources quoted in {side}", sheet["h3"])
    if not analysis.quotes:
        return [heading, Paragraph("No quotes or reported speech found.", sheet["small"])]
    rows: list[list[Paragraph]] = [[Paragraph(f"<b>{h}</b>", cell) for h in
                                    ("Speaker", "Reporting verb", "Kind", "Quoted content")]]
    for quote in analysis.quotes:
        content = analysis.excerpt(quote.content.start, quote.content.end)
        loaded = quote.cue_tone == labels.CUE_LOADED
        verb = markup(explain.cue_label(analysis, quote))
        rows.append([
            Paragraph(f"<b>{markup(explain.speaker_label(analysis, quote))}</b>", cell),
            Paragraph(f'<font color="{style(labels.LOADED).color}"><b>{verb}</b></font>'
                      if loaded else verb, cell),
            Paragraph(markup(explain.kind_label(quote)), cell),
            Paragraph(markup(" ".join(content.split())), cell),
        ])
    table = Table(rows, colWidths=[width * 0.2, width * 0.16, width * 0.1, width * 0.54],
                  repeatRows=1)
    table.setStyle(TEXT_TABLE)
    return [heading, table]
