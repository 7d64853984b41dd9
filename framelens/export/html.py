"""Self-contained annotated HTML: inline CSS, inline SVG charts, no scripts, nothing remote.

The same content as the PDF: summary, legend, metrics, contrasts, charts, each article with
its marks (tint, colour, weight, underline style and a numbered tag), the numbered notes
under each paragraph, and the sources table. Hovering a marked run shows its notes (the
`title` attribute). Print CSS keeps tags and underline styles, so black-and-white works.
"""

from __future__ import annotations

import datetime
import logging
import re
import unicodedata
from collections.abc import Collection, Sequence
from html import escape

from framelens import __version__, explain, guide, labels
from framelens.comparison import metric_table
from framelens.export import claims_html
from framelens.export import marks as marklib
from framelens.export.options import ExportOptions
from framelens.export.pdf_article import display_source
from framelens.fileio import atomic_output
from framelens.model import Analysis, Comparison
from framelens.styles import category_styles, style

log = logging.getLogger(__name__)
_CSS_UNDERLINE = {"single": "solid", "double": "double", "wave": "wavy", "dot": "dotted",
                  "dash": "dashed"}
_BASE_CSS = """
body{font-family:"DejaVu Sans",Verdana,Arial,sans-serif;max-width:60rem;margin:1.5rem auto;
padding:0 1rem;line-height:1.6;color:#111;background:#fff}
h1{margin-bottom:.2rem}.meta{color:#444;font-size:.9rem}
table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0}
td,th{border:1px solid #999;padding:.15rem .4rem;vertical-align:top;text-align:left}
th{background:#e8e8e8}.num{text-align:right}
.columns{display:flex;gap:1.5rem;flex-wrap:wrap}.columns>div{flex:1 1 22rem;min-width:0}
.side{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem}
.charts svg{max-width:100%;height:auto}
p.text{margin:.5rem 0 .2rem}p.debris{margin:0;font-size:.85rem}
.notes{font-size:.8rem;color:#333;margin:0 0 .8rem 1rem;padding:0;list-style:none}
.notes li{margin:.1rem 0}
sup.tag{font-size:.62em;font-weight:bold;margin-right:.1em}
sup.tag a,.notes a{text-decoration:none;color:inherit}
.m{text-underline-offset:.18em;text-decoration-thickness:.08em}
@media print{body{max-width:none;margin:0;font-size:10pt}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
section.article{break-before:page}.notes{break-inside:avoid}}
"""


def _note_html(mark: marklib.Mark, side: str) -> str:
    """The printed note; a "Same reason as L15." links to note L15."""
    note = _clean(mark.printed)
    if mark.refers_to is None:
        return note
    tag = f"{style(mark.category).symbol}{mark.refers_to}"
    return note.replace(f"Same reason as {tag}.",
                        f'Same reason as <a href="#{side}-n{mark.refers_to}">{tag}</a>.', 1)


def _clean(text: str) -> str:
    """Text without control characters (which HTML cannot carry), then escaped."""
    kept = "".join(c for c in text if c in "\t\n" or unicodedata.category(c) != "Cc")
    return escape(kept, quote=True)


def _css() -> str:
    rules = [_BASE_CSS, claims_html.CSS]
    for category, entry in category_styles().items():
        rules.append(f".tag-{category}{{color:{entry.color}}}")
    return "".join(rules)


def _run_style(look: marklib.Look) -> str:
    parts = []
    if look.background:
        parts.append(f"background:{look.background}")
    if look.color:
        parts.append(f"color:{look.color}")
    if look.bold:
        parts.append("font-weight:bold")
    if look.italic:
        parts.append("font-style:italic")
    if look.underlines:
        kind, color = look.underlines[0]
        parts.append(f"text-decoration:underline {_CSS_UNDERLINE[kind]} {color}")
    return ";".join(parts)


def _paragraph(analysis: Analysis, side: str, marks: list[marklib.Mark],
               categories: Collection[str], start: int, end: int) -> str:
    by_number = {m.number: m for m in marks}
    starting: dict[int, list[marklib.Mark]] = {}
    for mark in marks:
        starting.setdefault(mark.start, []).append(mark)
    pieces = []
    debris_only = True
    for run in marklib.runs(analysis, marks, categories, start, end):
        text = analysis.text[run.start:run.end]
        if text.strip() and labels.BOILERPLATE not in run.categories:
            debris_only = False
        for mark in starting.get(run.start, ()):
            pieces.append(f'<sup class="tag tag-{mark.category}" id="{side}-m{mark.number}">'
                          f'<a href="#{side}-n{mark.number}">{mark.tag}</a></sup>')
        css = _run_style(run.look)
        notes = " \u00b7 ".join(f"{by_number[n].tag}: {by_number[n].note}"
                                for n in reversed(run.numbers))
        if css or notes:
            title = f' title="{_clean(notes)}"' if notes else ""
            pieces.append(f'<span class="m" style="{css}"{title}>{_clean(text)}</span>')
        else:
            pieces.append(_clean(text))
    kind = "debris" if debris_only else "text"
    html = [f'<p class="{kind}">{"".join(pieces)}</p>']
    notes_here = [m for m in marks if start <= m.start < end]
    if notes_here:
        html.append('<ol class="notes">')
        html += [f'<li id="{side}-n{m.number}"><a class="tag-{m.category}" '
                 f'href="#{side}-m{m.number}"><b>{m.tag}</b></a> {_note_html(m, side)}</li>'
                 for m in notes_here]
        html.append("</ol>")
    return "".join(html)


def _sources(analysis: Analysis, side: str, categories: Collection[str]) -> str:
    if not set(labels.QUOTE_PARTS) & set(categories):
        return ""
    head = f"<h3>Sources quoted in {side}</h3>"
    if not analysis.quotes:
        return head + "<p>No quotes or reported speech found.</p>"
    rows = ["<tr><th>Speaker</th><th>Reporting verb</th><th>Kind</th><th>Quoted content</th></tr>"]
    for quote in analysis.quotes:
        content = " ".join(analysis.excerpt(quote.content.start, quote.content.end).split())
        verb = _clean(explain.cue_label(analysis, quote))
        if quote.cue_tone == labels.CUE_LOADED:
            verb = f'<b style="color:{style(labels.LOADED).color}">{verb}</b>'
        rows.append(f"<tr><td><b>{_clean(explain.speaker_label(analysis, quote))}</b></td>"
                    f"<td>{verb}</td><td>{_clean(explain.kind_label(quote))}</td><td>{_clean(content)}</td></tr>")
    return head + "<table>" + "".join(rows) + "</table>"


def _article(analysis: Analysis, side: str, categories: Collection[str]) -> str:
    marks = marklib.collect_marks(analysis, categories)
    title = analysis.title or display_source(analysis)
    parts = [f"<h2>{side}: {_clean(title)}</h2>",
             f'<p class="meta">Source: {_clean(display_source(analysis))} \u00b7 reads as '
             f"<b>{_clean(analysis.genre.label)}</b> (score {analysis.genre.score:.2f}) \u00b7 "
             f"{analysis.metrics.word_count} words. Hover a marked passage for its note.</p>"]
    if analysis.corrections:
        parts.append(f'<p class="meta">{_clean(explain.corrections_note(analysis))}</p>')
    parts += [_paragraph(analysis, side, marks, categories, start, end)
              for start, end in marklib.blocks(analysis.text)]
    return "".join(parts)


def _legend(categories: Collection[str]) -> str:
    rows = ["<tr><th>Looks like</th><th>Mark</th><th>Meaning</th></tr>"]
    for category, entry in category_styles().items():
        if category not in categories:
            continue
        tag = "" if category == labels.FACT else (
            f'<sup class="tag tag-{category}">{entry.symbol}</sup>')
        look = _run_style(marklib.look_of((category,)))
        rows.append(f'<tr><td>{tag}<span class="m" style="{look}">sample</span></td>'
                    f"<td><b>{_clean(entry.name)}</b> ({entry.symbol})</td>"
                    f"<td>{_clean(entry.description)}</td></tr>")
    return "<table>" + "".join(rows) + "</table>"


def _metrics(analyses: Sequence[Analysis], comparison: Comparison | None) -> str:
    header, body = metric_table(analyses, comparison)
    rows = ["<tr>" + "".join(f"<th>{_clean(h)}</th>" for h in header) + "</tr>"]
    rows += ["<tr>" + f"<td>{_clean(line[0])}</td>" +
             "".join(f'<td class="num">{_clean(c)}</td>' for c in line[1:]) + "</tr>"
             for line in body]
    return "<table>" + "".join(rows) + "</table>"


def _charts(comparison: Comparison) -> str:
    try:
        from framelens import charts

        figures = [make(comparison) for make in (charts.share_chart, charts.density_chart,
                                                 charts.frame_chart)]
        techniques = charts.technique_chart(comparison)
        svgs = [charts.figure_svg(figure) for figure in figures
                + ([techniques] if techniques is not None else [])]
    except Exception as exc:  # noqa: BLE001 - a chart must never stop the export
        log.warning("charts left out of the HTML: %s", exc)
        return ""
    svgs = [re.sub(r"<metadata>.*?</metadata>", "", s, flags=re.DOTALL) for s in svgs]
    return '<div class="columns charts">' + "".join(f"<div>{s}</div>" for s in svgs) + "</div>"


def render_html(analyses: Sequence[Analysis], comparison: Comparison | None,
                options: ExportOptions | None = None) -> str:
    """The whole report as one HTML string."""
    options = options or ExportOptions()
    categories = options.categories
    date = datetime.date.today().isoformat()
    titles = " / ".join((a.title or display_source(a))[:80] for a in analyses)
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>FrameLens: {_clean(titles)}</title>",
           f'<meta name="generator" content="FrameLens {__version__}">',
           f"<style>{_css()}</style></head><body>",
           "<header><h1>FrameLens report</h1>",
           f'<p class="meta">Made on {date} with FrameLens {__version__}. Marks are what '
           "FrameLens's rules found: a starting point for discussion, not a verdict.</p>"]
    for index, analysis in enumerate(analyses):
        title = _clean(analysis.title or display_source(analysis))
        out.append(f"<p><b>{marklib.side_letter(index)}: {title}"
                   f"</b><br>Source: {_clean(display_source(analysis))} \u00b7 reads as "
                   f"{_clean(analysis.genre.label)} \u00b7 {analysis.metrics.word_count} words, "
                   f"{explain.counted(analysis.metrics.quote_count, 'quote')}<br>"
                   f"{_clean(explain.frame_profile_line(analysis))}"
                   + (f"<br>{_clean(explain.headline_summary(analysis))}"
                      if analysis.headline else "") + "</p>")
    out.append("</header>")
    if comparison is not None and comparison.contrasts:
        out.append("<h3>Sharpest contrasts</h3><ul>" +
                   "".join(f"<li>{_clean(c)}</li>" for c in comparison.contrasts) + "</ul>")
    out.append(f'<div class="columns"><div><h3>Legend</h3>{_legend(categories)}</div>'
               f"<div><h3>Figures</h3>{_metrics(analyses, comparison)}</div></div>")
    if comparison is not None:
        out.append(_charts(comparison))
    articles = [(marklib.side_letter(i), a) for i, a in enumerate(analyses)]
    if options.side_by_side and len(analyses) == 2:
        out.append('<section class="article side">' + "".join(
            f"<div>{_article(a, side, categories)}</div>" for side, a in articles) + "</section>")
    else:
        out += [f'<section class="article">{_article(a, side, categories)}</section>'
                for side, a in articles]
    out += [_sources(a, side, categories) for side, a in articles]
    if comparison is not None:
        out.append(claims_html.section(comparison))
    out.append(f'<section class="guide">{guide.guide_html(collapsible=True)}</section>')
    out.append("</body></html>")
    return "\n".join(out)


def write_html(analyses: Sequence[Analysis], comparison: Comparison | None, out: str,
               options: ExportOptions | None = None) -> None:
    """Write the self-contained HTML report to `out` (atomically)."""
    page = render_html(analyses, comparison, options)
    with atomic_output(out) as handle:
        handle.write(page)
