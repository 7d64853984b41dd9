"""CSV export: one row per mark, for people who analyse the results in a spreadsheet.

Every sentence label, sentence frame (category `frame`, subtype the frame id), span and
quote part is a row: a quote gives one row for its content
and one each for its speaker and reporting verb (subtype = direct/indirect), all carrying
the quote's explanation, so a spreadsheet can filter by any category the window shows. A
technique span also says whose it is (the writer's or a quoted source's) and the question
to ask of it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from dataclasses import replace

from framelens import explain, labels
from framelens.explain import (
    NOTE_CUES,
    explain_quote,
    explain_sentence,
    explain_span,
    whose,
)
from framelens.fileio import atomic_output
from framelens.model import Analysis

# The category of a sentence-frame row (its subtype is the frame id).
FRAME_CATEGORY = "frame"
HEADER = ("document", "start", "end", "category", "subtype", "text", "explanation", "rule",
          "alternative", "voice", "question")


def rows(analysis: Analysis) -> Iterator[tuple[str, ...]]:
    """The CSV rows of one document (without the header), in text order."""
    document = analysis.source or analysis.title
    found: list[tuple[int, int, str, str, str, str, str, str, str]] = []
    for sentence in analysis.sentences:
        rules = ",".join(dict.fromkeys(e.rule for e in sentence.evidence))
        found.append((sentence.start, sentence.end, sentence.label, "",
                      explain_sentence(analysis, sentence, NOTE_CUES).note(), rules, "", "", ""))
        for tag in sentence.frames:
            found.append((sentence.start, sentence.end, FRAME_CATEGORY, tag.frame,
                          explain.frame_tags(replace(sentence, frames=(tag,))),
                          ",".join(dict.fromkeys(e.rule for e in tag.evidence)), "", "", ""))
    for span in analysis.spans:
        voice = whose(span) if span.category == labels.TECHNIQUE else ""
        found.append((span.start, span.end, span.category, span.subtype,
                      explain_span(analysis, span).note(), span.rule, span.alternative or "",
                      voice, span.question))
    for quote in analysis.quotes:
        note = explain_quote(analysis, quote).note()
        for category, part in ((labels.QUOTE_CONTENT, quote.content),
                               (labels.QUOTE_SPEAKER, quote.speaker),
                               (labels.QUOTE_CUE, quote.cue)):
            if part is not None:
                found.append((part.start, part.end, category, quote.kind, note, quote.rule, "",
                              "", ""))
    found.sort(key=lambda row: (row[0], -row[1]))
    for start, end, category, subtype, note, rule, alternative, voice, question in found:
        yield (document, str(start), str(end), category, subtype,
               analysis.excerpt(start, end), note, rule, alternative, voice, question)


def write_csv(analyses: Sequence[Analysis], out: str) -> None:
    """Write every mark of every document to `out` (UTF-8 with BOM, so spreadsheets agree)."""
    with atomic_output(out) as handle:
        handle.write("\ufeff")
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for analysis in analyses:
            writer.writerows(rows(analysis))
