""""Why was this marked?": every mark of an analysis with its explanation as tooltip HTML.

The words come from `framelens.explain`, the same phrasing the PDF, HTML and CSV notes
print; this module only lays them out (heading in bold, one reason a line, the rule) and
orders the marks for drawing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from framelens import explain, labels, styles
from framelens.model import Analysis

# Drawing order: later layers are painted over earlier ones.
LAYERS = (labels.OPINION, labels.FACT, labels.ATTRIBUTED, labels.BOILERPLATE,
          labels.QUOTE_CONTENT, labels.QUOTE_SPEAKER, labels.QUOTE_CUE, labels.TECHNIQUE,
          labels.HEDGE, labels.BOOSTER, labels.LOADED)


@dataclass(frozen=True)
class MarkInfo:
    """One drawable mark: category, code-point range, its explanation and, for a loaded
    word, the more neutral wording the user may put in its place."""

    category: str
    start: int
    end: int
    explanation: str
    alternative: str | None = None


_WEIGHT = re.compile(r" \(weight [+-]\d+\.\d+\)")
_DETAIL = re.compile(r'<span class="detail">.*?</span>', re.DOTALL)


def without_details(html: str) -> str:
    """The explanation without rule ids and weights (the "details" a class need not see)."""
    return _DETAIL.sub("", html)


def to_html(explanation: explain.Explanation, part: str = "") -> str:
    """Tooltip HTML: bold heading (after the quote part, if any), reasons, rule; rule ids
    and weights are marked as details (`without_details` takes them out)."""
    heading = f"<b>{escape(explanation.heading)}</b>"
    if part:
        heading = f"<b>{escape(styles.style(part).name)}</b> \u2014 {escape(explanation.heading)}"
    if explanation.quoted:
        heading += f": \u201c{escape(explanation.quoted)}\u201d"
    lines = [heading, *(_WEIGHT.sub(lambda m: f'<span class="detail">{m.group()}</span>',
                                    escape(line)) for line in explanation.lines)]
    html = "<br>".join(lines)
    if explanation.rule:
        html += f'<span class="detail"><br>Rule: <code>{escape(explanation.rule)}</code></span>'
    return html


def _quote_parts(quote) -> tuple:
    return ((labels.QUOTE_CONTENT, quote.content), (labels.QUOTE_SPEAKER, quote.speaker),
            (labels.QUOTE_CUE, quote.cue))


def credited_marks(analysis: Analysis) -> dict[str, int]:
    """How many quote marks of each part belong to beliefs or plans the writer credits to
    someone (drawn like quotes, but not counted as quotes: `explain.source_counts`)."""
    found: dict[str, int] = {}
    for quote in analysis.quotes:
        if not quote.voiced:
            for part, where in _quote_parts(quote):
                if where is not None and where.end > where.start:
                    found[part] = found.get(part, 0) + 1
    return found


def marks_of(analysis: Analysis) -> list[MarkInfo]:
    """Every mark of an analysis, in drawing order (sentences first, words last)."""
    marks = [MarkInfo(s.label, s.start, s.end, to_html(explain.explain_sentence(analysis, s)))
             for s in analysis.sentences if s.label in labels.SENTENCE_LABELS]
    for quote in analysis.quotes:
        parts = _quote_parts(quote)
        explanation = explain.explain_quote(analysis, quote, with_content=True)
        marks += [MarkInfo(part, where.start, where.end, to_html(explanation, part))
                  for part, where in parts if where is not None and where.end > where.start]
    marks += [MarkInfo(s.category, s.start, s.end, to_html(explain.explain_span(analysis, s)),
                       s.alternative)
              for s in analysis.spans if s.category in labels.STYLED_CATEGORIES]
    order = {category: index for index, category in enumerate(LAYERS)}
    marks.sort(key=lambda m: (order.get(m.category, len(order)), m.start))
    return marks
