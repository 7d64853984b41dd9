""""Why was this marked?": the explanation of every mark, as short HTML for tooltips.

Each mark names its category (from the styles), the rule that made it, the evidence, the
score where there is one, and the neutral alternative for loaded words.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from framelens import labels, styles
from framelens.model import Analysis, Quote, Sentence, Span

# Drawing order: later layers are painted over earlier ones.
LAYERS = (labels.OPINION, labels.FACT, labels.ATTRIBUTED, labels.BOILERPLATE,
          labels.QUOTE_CONTENT, labels.QUOTE_SPEAKER, labels.QUOTE_CUE,
          labels.HEDGE, labels.BOOSTER, labels.LOADED)


@dataclass(frozen=True)
class MarkInfo:
    """One drawable mark: category, code-point range and its explanation."""

    category: str
    start: int
    end: int
    explanation: str


def _excerpt(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return escape(text if len(text) <= limit else text[:limit - 1] + "\u2026")


def _heading(category: str, extra: str = "") -> str:
    name = escape(styles.style(category).name)
    return f"<b>{name}</b>{escape(extra)}"


def explain_sentence(analysis: Analysis, sentence: Sentence) -> str:
    """Label, opinion score, tone and the cues behind a sentence's label."""
    lines = [_heading(sentence.label, f" sentence \u2014 opinion score {sentence.score:.2f}")]
    lines.append(escape(styles.style(sentence.label).description))
    for item in sentence.evidence:
        cue = _excerpt(analysis.text[item.start:item.end], 40)
        lines.append(f"\u2022 {escape(item.description)}: \u201c{cue}\u201d "
                     f"(weight {item.weight:+.2f}, rule <code>{escape(item.rule)}</code>)")
    if sentence.tone:
        lines.append(f"Tone {sentence.tone:+.2f} (\u22121 negative \u2026 +1 positive)")
    return "<br>".join(lines)


def explain_span(analysis: Analysis, span: Span) -> str:
    """Category, subtype, the word list or rule, and the neutral alternative."""
    subtype = f" ({span.subtype})" if span.subtype else ""
    marked = _excerpt(analysis.text[span.start:span.end])
    lines = [_heading(span.category, subtype) + f": \u201c{marked}\u201d"]
    if span.explanation:
        lines.append(escape(span.explanation))
    if span.alternative:
        lines.append(f"Neutral alternative: <i>{escape(span.alternative)}</i>")
    lines.append(f"Rule: <code>{escape(span.rule)}</code>")
    return "<br>".join(lines)


def explain_quote(analysis: Analysis, quote: Quote, part: str) -> str:
    """Who said it, with which verb (neutral or loaded), direct or reported."""
    text = analysis.text
    speaker = analysis.speaker_of(quote) or "no speaker found"
    lines = [_heading(part) + f" \u2014 {escape(quote.kind)} quote"]
    lines.append(f"Speaker: <b>{escape(speaker)}</b>")
    verb = analysis.cue_of(quote)
    if verb:
        tone = escape(quote.cue_tone or labels.CUE_NEUTRAL)
        lines.append(f"Reporting verb: \u201c{escape(verb)}\u201d ({tone})")
    said = _excerpt(text[quote.content.start:quote.content.end])
    lines.append(f"Said: \u201c{said}\u201d")
    if quote.explanation:
        lines.append(escape(quote.explanation))
    lines.append(f"Rule: <code>{escape(quote.rule)}</code>")
    return "<br>".join(lines)


def marks_of(analysis: Analysis) -> list[MarkInfo]:
    """Every mark of an analysis, in drawing order (sentences first, words last)."""
    marks = [MarkInfo(s.label, s.start, s.end, explain_sentence(analysis, s))
             for s in analysis.sentences if s.label in labels.SENTENCE_LABELS]
    for quote in analysis.quotes:
        parts = ((labels.QUOTE_CONTENT, quote.content), (labels.QUOTE_SPEAKER, quote.speaker),
                 (labels.QUOTE_CUE, quote.cue))
        marks += [MarkInfo(part, where.start, where.end, explain_quote(analysis, quote, part))
                  for part, where in parts if where is not None and where.end > where.start]
    marks += [MarkInfo(s.category, s.start, s.end, explain_span(analysis, s))
              for s in analysis.spans if s.category in labels.STYLED_CATEGORIES]
    order = {category: index for index, category in enumerate(LAYERS)}
    marks.sort(key=lambda m: (order.get(m.category, len(order)), m.start))
    return marks
