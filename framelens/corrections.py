"""The user's corrections of FrameLens's marks, kept per article and applied after analysis.

A correction removes a mark ("Not loaded here", "Not a technique"), sets a sentence's label
("Not an opinion"), names the right speaker of a quote, or marks words as loaded. It is
anchored to the words it concerns (`framelens.anchors`), so it survives re-analysis and
edits elsewhere in the text, and `apply` is a pure function of an Analysis: the engine and
the shipped resources never change. What a correction made carries `by = labels.BY_USER`,
which every view shows as "corrected by you".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from framelens import labels
from framelens.analyzers import metrics
from framelens.anchors import Anchor, locate
from framelens.model import Analysis, Quote, Sentence, Span, TextRange
from framelens.userdata import ArticleStore

REMOVE = "remove"  # a span is not what FrameLens says it is
LABEL = "label"  # a sentence has another label
SPEAKER = "speaker"  # a quote has another speaker ("" = not identified)
ADD = "add"  # words are loaded language
KINDS = (REMOVE, LABEL, SPEAKER, ADD)
USER_LOADED_RULE = "user.loaded"
# How far from a quote's words a corrected speaker's name is looked for, to mark it there.
SPEAKER_NEAR_CHARS = 200

# What the right-click menu says to remove a mark of each category.
REMOVE_WORDING = {
    labels.LOADED: "Not loaded here",
    labels.HEDGE: "Not a hedge here",
    labels.BOOSTER: "Not a booster here",
    labels.TECHNIQUE: "Not a technique",
}
NOT_AN_OPINION = "Not an opinion"


@dataclass(frozen=True)
class Correction:
    """One correction: its kind, the anchored words and what it says about them.

    `category` is the removed span's category (REMOVE), the new label (LABEL) or
    `labels.LOADED` (ADD); `subtype` narrows a removed technique to one technique;
    `speaker` is the right speaker (SPEAKER); `reason` and `alternative` are the user's.
    """

    kind: str
    anchor: Anchor
    category: str = ""
    subtype: str = ""
    speaker: str = ""
    reason: str = ""
    alternative: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "anchor": self.anchor.to_json()}
        for name in ("category", "subtype", "speaker", "reason"):
            if getattr(self, name):
                data[name] = getattr(self, name)
        if self.alternative:
            data["alternative"] = self.alternative
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Correction:
        """A correction from `to_json` output; ValueError on a malformed one."""
        kind = data.get("kind")
        if kind not in KINDS or not isinstance(data.get("anchor"), dict):
            raise ValueError(f"not a correction: {kind!r}")
        texts = {name: data.get(name, "") for name in ("category", "subtype", "speaker",
                                                         "reason")}
        alternative = data.get("alternative")
        if not all(isinstance(v, str) for v in texts.values()) or not isinstance(
                alternative, str | None):
            raise ValueError("malformed correction")
        return cls(kind, Anchor.from_json(data["anchor"]), alternative=alternative or None,
                   **texts)

    def describe(self) -> str:
        """The correction in a few words, for the status bar and the undo menu."""
        words = " ".join(self.anchor.words.split())
        words = words if len(words) <= 40 else words[:39] + "\u2026"
        if self.kind == REMOVE:
            return f"\u201c{words}\u201d: {REMOVE_WORDING.get(self.category, 'not marked')}"
        if self.kind == LABEL:
            return f"sentence \u201c{words}\u201d labelled {self.category}"
        if self.kind == SPEAKER:
            return f"speaker of \u201c{words}\u201d: {self.speaker or 'not identified'}"
        return f"\u201c{words}\u201d marked as loaded"


def remove_mark(text: str, span: Span) -> Correction:
    """Say that `span` is not what FrameLens marked it as."""
    subtype = span.subtype if span.category == labels.TECHNIQUE else ""
    return Correction(REMOVE, Anchor.of(text, span.start, span.end), span.category, subtype,
                      reason=REMOVE_WORDING.get(span.category, ""))


def set_label(text: str, sentence: Sentence, label: str) -> Correction:
    """Give `sentence` another label (`labels.SENTENCE_LABELS`)."""
    if label not in labels.SENTENCE_LABELS:
        raise ValueError(f"not a sentence label: {label}")
    return Correction(LABEL, Anchor.of(text, sentence.start, sentence.end), label)


def set_speaker(text: str, quote: Quote, speaker: str) -> Correction:
    """Name who really said `quote` ("" when nobody can tell)."""
    return Correction(SPEAKER, Anchor.of(text, quote.content.start, quote.content.end),
                      speaker=" ".join(speaker.split()))


def mark_loaded(text: str, start: int, end: int, alternative: str | None = None,
                reason: str = "") -> Correction:
    """Mark `text[start:end]` as loaded language, with a neutral alternative and a reason."""
    if not text[start:end].strip():
        raise ValueError("no words to mark")
    return Correction(ADD, Anchor.of(text, start, end), labels.LOADED,
                      reason=" ".join(reason.split()),
                      alternative=" ".join((alternative or "").split()) or None)


def apply(analysis: Analysis, corrections: list[Correction] | tuple[Correction, ...]
          ) -> Analysis:
    """The analysis as the user corrected it (later corrections win); corrections whose
    words are gone from the text are skipped. Metrics are recounted from the new marks."""
    if not corrections:
        return analysis
    text = analysis.text
    spans, sentences, quotes = list(analysis.spans), list(analysis.sentences), \
        list(analysis.quotes)
    applied = []
    for correction in corrections:
        where = locate(correction.anchor, text)
        if where is None:
            continue
        applied.append(correction.describe())
        start, end = where
        if correction.kind == REMOVE:
            spans = [s for s in spans if not (
                (s.start, s.end) == where and s.category == correction.category
                and (not correction.subtype or s.subtype == correction.subtype))]
        elif correction.kind == ADD:
            spans = [s for s in spans
                     if not ((s.start, s.end) == where and s.category == labels.LOADED)]
            explanation = correction.reason or "You marked these words as loaded language."
            spans.append(Span(start, end, labels.LOADED, explanation, USER_LOADED_RULE,
                              alternative=correction.alternative, by=labels.BY_USER))
        elif correction.kind == LABEL:
            sentences = [replace(s, label=correction.category, by=labels.BY_USER)
                         if (s.start, s.end) == where else s for s in sentences]
        elif correction.kind == SPEAKER:
            said = [q.content for q in quotes]
            quotes = [_with_speaker(text, q, correction.speaker, said)
                      if (q.content.start, q.content.end) == where else q for q in quotes]
    spans.sort(key=lambda s: (s.start, s.end, s.category))
    figures = metrics.compute(text, sentences, spans, quotes, reading=(
        analysis.metrics.flesch_reading_ease, analysis.metrics.grade_level))
    return replace(analysis, spans=tuple(spans), sentences=tuple(sentences),
                   quotes=tuple(quotes), metrics=figures,
                   corrections=analysis.corrections + tuple(applied))


def _with_speaker(text: str, quote: Quote, speaker: str, said: list[TextRange]) -> Quote:
    """`quote` said by `speaker`: the speaker mark moves to the name where the text gives it
    near the quote, else stays where FrameLens put it; no name ("") leaves no speaker mark."""
    if not speaker:
        return replace(quote, speaker=None, speaker_name=None, by=labels.BY_USER)
    named = speaker_near(text, quote, speaker, said)
    return replace(quote, speaker=named or quote.speaker, speaker_name=speaker,
                   by=labels.BY_USER)


def speaker_near(text: str, quote: Quote, speaker: str, said: Sequence[TextRange] = ()
                 ) -> TextRange | None:
    """Where `speaker` is named within `SPEAKER_NEAR_CHARS` of the quote's words (case and
    spacing aside, whole words, not inside this or another quote's words `said`), the
    nearest first; None when it is not."""
    words = speaker.split()
    if not words:
        return None
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)",
                         re.IGNORECASE)
    content = quote.content
    low, high = max(0, content.start - SPEAKER_NEAR_CHARS), content.end + SPEAKER_NEAR_CHARS
    found = [m for m in pattern.finditer(text, low, min(len(text), high))
             if not any(m.start() < r.end and r.start < m.end() for r in (content, *said))]
    if not found:
        return None
    nearest = min(found, key=lambda m: max(content.start - m.end(), m.start() - content.end))
    return TextRange(nearest.start(), nearest.end())


def unplaced(text: str, corrections: list[Correction] | tuple[Correction, ...]
             ) -> list[Correction]:
    """The corrections whose words are no longer in `text` (kept, but not applied)."""
    return [c for c in corrections if locate(c.anchor, text) is None]


class CorrectionStore:
    """The corrections of each article in the user's data folder (`userdata.ArticleStore`)."""

    def __init__(self, store: ArticleStore | None = None):
        self.store = store if store is not None else ArticleStore("corrections")

    def load(self, text: str, source: str | None = None) -> list[Correction]:
        """The article's corrections, oldest first (malformed entries are dropped from view
        but stay in the file until the user changes the corrections)."""
        return _parsed(self.store.load(text, source).items)

    def save(self, text: str, source: str | None, corrections: list[Correction]) -> None:
        """Keep `corrections` for the article (none: forget it)."""
        self.store.save(text, source, [c.to_json() for c in corrections])

    def follow(self, old_hash: str, text: str, source: str | None,
               corrections: list[Correction]) -> list[Correction]:
        """Keep `corrections` for the article as edited into `text` (`ArticleStore.follow`:
        nothing kept is lost); returns the corrections now kept for `text`, oldest first."""
        kept = self.store.follow(old_hash, text, source, [c.to_json() for c in corrections])
        return _parsed(kept)


def _parsed(items: list[dict[str, Any]]) -> list[Correction]:
    """The corrections among kept `items` (malformed ones are left out)."""
    found = []
    for item in items:
        try:
            found.append(Correction.from_json(item))
        except ValueError:
            continue
    return found
