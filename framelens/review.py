"""Review of a draft: what an editor checks, one finding at a time (Qt-free).

From an Analysis, in reading order: opinion sentences with no source, vague attributions
("critics say"), loaded words with their neutral alternative, loaded reporting verbs
("claimed"), boosters and hedges, and techniques in the writer's own voice. A
`ReviewSession` steps through them; findings the writer ignores ("here": this place; "always":
these words of this kind anywhere in the draft) stay ignored for that draft (`ArticleStore`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from framelens import labels
from framelens.anchors import Anchor, locate
from framelens.explain import clip
from framelens.model import Analysis, Span
from framelens.technique_info import technique_name
from framelens.userdata import ArticleStore

OPINION = "opinion"
VAGUE = "vague_attribution"
LOADED = "loaded"
REPORTING_VERB = "reporting_verb"
BOOSTER = "booster"
HEDGE = "hedge"
TECHNIQUE = "technique"
# The kinds in the order a report lists them, with their names.
KIND_NAMES = {
    OPINION: "Opinion with no source",
    VAGUE: "Vague attributions",
    LOADED: "Loaded words",
    REPORTING_VERB: "Loaded reporting verbs",
    BOOSTER: "Boosters",
    HEDGE: "Hedges",
    TECHNIQUE: "Techniques in your own voice",
}
# What to do about each kind, for the report.
KIND_ADVICE = {
    OPINION: "Say whose view it is, or show the evidence that makes it a finding.",
    VAGUE: "Name the source, or say why it cannot be named.",
    LOADED: "Use the neutral word unless the strong one is the fact.",
    REPORTING_VERB: "\u201cSaid\u201d reports; \u201cclaimed\u201d and the like take sides.",
    BOOSTER: "Keep certainty for what the evidence shows.",
    HEDGE: "Hedge only where the doubt is real, and say whose it is.",
    TECHNIQUE: "Check that the rhetoric is the source's, not yours.",
}
HERE, ALWAYS = "here", "always"


@dataclass(frozen=True)
class Finding:
    """One thing to look at: its kind, where it is (offsets, line), the words, what to do
    about it, and the neutral alternative when there is one (R puts it in)."""

    kind: str
    start: int
    end: int
    line: int
    words: str
    advice: str
    alternative: str | None = None


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _said_like(verb: str) -> str:
    """"said" in the form of a reporting verb as written ("claims" -> "says")."""
    word = verb.lower()
    if word.endswith("ing"):
        return "saying"
    if word.endswith("s") and not word.endswith("ss"):
        return "says"
    return "said"


def findings(analysis: Analysis) -> list[Finding]:
    """Everything an editor would check in the draft, in reading order."""
    text = analysis.text
    found: list[Finding] = []

    def add(kind: str, start: int, end: int, advice: str, alternative: str | None = None
            ) -> None:
        found.append(Finding(kind, start, end, _line_of(text, start), text[start:end], advice,
                             alternative))

    for sentence in analysis.unattributed_opinion():
        add(OPINION, sentence.start, sentence.end,
            "An opinion in your own voice: give its source, or show the evidence.")
    loaded_at: dict[tuple[int, int], Span] = {
        (s.start, s.end): s for s in analysis.spans_of(labels.LOADED)}
    cues = set()
    for quote in analysis.quotes:
        if quote.cue is not None and quote.cue_tone == labels.CUE_LOADED:
            where = (quote.cue.start, quote.cue.end)
            cues.add(where)
            span = loaded_at.get(where)
            verb = text[where[0]:where[1]]
            alternative = span.alternative if span and span.alternative else _said_like(verb)
            add(REPORTING_VERB, *where, f"\u201c{verb}\u201d takes sides on what was said; "
                f"\u201c{alternative}\u201d does not.", alternative)
    for span in analysis.spans:
        if span.category == labels.LOADED and (span.start, span.end) not in cues:
            advice = span.explanation or "A loaded word."
            add(LOADED, span.start, span.end, advice, span.alternative)
        elif span.category in (labels.BOOSTER, labels.HEDGE):
            kind = BOOSTER if span.category == labels.BOOSTER else HEDGE
            add(kind, span.start, span.end, span.explanation or KIND_NAMES[kind])
        elif span.category == labels.TECHNIQUE and span.voice != labels.VOICE_SOURCE:
            if span.subtype == labels.VAGUE_ATTRIBUTION:
                add(VAGUE, span.start, span.end,
                    "Who exactly? Name the source, or say why it cannot be named.")
            else:
                question = f" Ask: {span.question}" if span.question else ""
                add(TECHNIQUE, span.start, span.end,
                    f"{technique_name(span.subtype)} in your own voice.{question}")
    order = list(KIND_NAMES)
    found.sort(key=lambda f: (f.start, order.index(f.kind), f.end))
    return found


def ignore_record(text: str, finding: Finding, scope: str) -> dict[str, Any]:
    """What is kept to ignore `finding` `HERE` (this place) or `ALWAYS` (these words)."""
    if scope == HERE:
        return {"scope": HERE, "kind": finding.kind,
                "anchor": Anchor.of(text, finding.start, finding.end).to_json()}
    return {"scope": ALWAYS, "kind": finding.kind, "words": _key(finding.words)}


def _key(words: str) -> str:
    return " ".join(words.casefold().split())


def is_ignored(text: str, finding: Finding, ignores: Sequence[dict[str, Any]]) -> bool:
    """Whether one of the kept `ignores` covers `finding` in `text`."""
    for record in ignores:
        if record.get("kind") != finding.kind:
            continue
        if record.get("scope") == ALWAYS and record.get("words") == _key(finding.words):
            return True
        if record.get("scope") == HERE and isinstance(record.get("anchor"), dict):
            try:
                anchor = Anchor.from_json(record["anchor"])
            except ValueError:
                continue
            if locate(anchor, text) == (finding.start, finding.end):
                return True
    return False


class ReviewSession:
    """Stepping through a draft's findings: the current one, what is left, what is ignored."""

    def __init__(self, analysis: Analysis, ignores: list[dict[str, Any]] | None = None):
        self.ignores: list[dict[str, Any]] = list(ignores or [])
        self.text = analysis.text
        self.all: list[Finding] = []
        self.position = 0  # index into `open` of the current finding
        self.open: list[Finding] = []
        self.refresh(analysis, 0)

    def refresh(self, analysis: Analysis, resume_at: int | None = None) -> None:
        """Take a new analysis of the draft (after an edit); carry on at offset `resume_at`
        (default: where the current finding is)."""
        if resume_at is None:
            current = self.current()
            resume_at = current.start if current else len(analysis.text)
        self.text = analysis.text
        self.all = findings(analysis)
        self.open = [f for f in self.all if not is_ignored(self.text, f, self.ignores)]
        self.position = next((i for i, f in enumerate(self.open) if f.start >= resume_at),
                             len(self.open))

    def current(self) -> Finding | None:
        return self.open[self.position] if self.position < len(self.open) else None

    def left(self) -> int:
        """How many findings are still to look at, the current one included."""
        return len(self.open) - self.position

    def next(self) -> Finding | None:
        """Go on to the next finding (Enter)."""
        self.position = min(self.position + 1, len(self.open))
        return self.current()

    def ignore(self, scope: str) -> Finding | None:
        """Ignore the current finding here (I) or these words always (A); go on."""
        current = self.current()
        if current is None:
            return None
        self.ignores.append(ignore_record(self.text, current, scope))
        self.open = [f for i, f in enumerate(self.open) if i < self.position
                     or not is_ignored(self.text, f, self.ignores[-1:])]
        return self.current()

    def replaced(self, finding: Finding, new_text: str, new_end: int) -> None:
        """The writer replaced the finding's words, so that the draft is now `new_text`, the
        new words ending at `new_end`: drop the finding, move later ones, until the next
        analysis (`refresh`) brings the findings of the new text."""
        shift = new_end - finding.end
        kept = []
        for item in self.open:
            if item.end <= finding.start and item != finding:
                kept.append(item)
            elif item.start >= finding.end and item != finding:
                kept.append(replace(item, start=item.start + shift, end=item.end + shift))
        self.text, self.open = new_text, kept
        self.position = next((i for i, f in enumerate(self.open) if f.start >= new_end),
                             len(self.open))


class ReviewStore:
    """The ignored findings of each draft (by its text hash, else its source file)."""

    def __init__(self, store: ArticleStore | None = None):
        self.store = store if store is not None else ArticleStore("review")

    def load(self, text: str, source: str | None = None) -> list[dict[str, Any]]:
        return self.store.load(text, source).items

    def save(self, text: str, source: str | None, ignores: list[dict[str, Any]],
             replacing: str | None = None) -> None:
        """Keep the draft's ignores; `replacing`: the draft's previous text, whose record
        (made before the writer's last replacement) is dropped."""
        self.store.save(text, source, ignores)
        if replacing is not None and replacing != text:
            self.store.forget(replacing)


def describe(finding: Finding) -> str:
    """A finding in one line: line number, kind, the words (clipped), the alternative."""
    words = clip(finding.words, 60)
    alternative = f" \u2192 \u201c{finding.alternative}\u201d" if finding.alternative else ""
    return f"line {finding.line}: \u201c{words}\u201d{alternative}"
