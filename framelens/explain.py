"""Why a passage was marked, in words: one phrasing for the window, the PDF, HTML and CSV.

Every mark (a labelled sentence, a loaded word, hedge, booster or run of web debris, a
quote) is explained by an `Explanation` of plain-text parts. The window renders it as a
tooltip (`framelens.gui.explain`); the exports print `Explanation.note()`, one line. So
the words a class reads on the projector are the words on the handout.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from framelens import labels
from framelens.analyzers import frames
from framelens.model import Analysis, Evidence, Quote, Sentence, Span
from framelens.styles import style
from framelens.technique_info import technique_name

# Notes on paper name a sentence's strongest cues only, so they stay readable.
NOTE_CUES = 3
_LOADED_VERB = ("A loaded verb colours how the reader takes the statement;"
                " \u201csaid\u201d is neutral.")


@dataclass(frozen=True)
class Explanation:
    """What a mark is, which words it covers, why, and the rule that made it (for a
    sentence, `cues` are the rules of the cues its lines name)."""

    heading: str
    quoted: str = ""
    lines: tuple[str, ...] = ()
    rule: str = ""
    cues: tuple[str, ...] = ()

    def note(self) -> str:
        """One line for paper and files: heading, marked words, reasons, rule."""
        text = self.heading + (f" \u201c{self.quoted}\u201d" if self.quoted else "")
        parts: list[str] = []
        for line in (line for line in self.lines if line):
            if parts and not _ends_sentence(parts[-1]):
                parts[-1] += ";"
            parts.append(line)
        reasons = " ".join(parts)
        if reasons and not _ends_sentence(reasons):
            reasons += "."
        text += f": {reasons}" if reasons else "."
        return f"{text} [rule {self.rule}]" if self.rule else text


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """"1 quote", "2 quotes": a number with its noun in the right number."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


# One definition of each count of who speaks, for every place that shows one.
QUOTES_MEAN = "quotes: words someone said or wrote, direct or reported"
CREDITED_MEAN = ("beliefs or plans credited: what the writer says someone knows, wants or "
                 "plans; the writer's account, not anyone's words")
SPEAKERS_MEAN = "speakers: everyone quoted, named or not (\u201cofficials\u201d, a full name)"
NAMED_SOURCES_MEAN = "named sources: the people or bodies quoted by name"


@dataclass(frozen=True)
class SourceCounts:
    """Who is given a voice in one article, counted one way everywhere (status bar,
    legend, Sources tab, command line): see the `*_MEAN` definitions above."""

    quotes: int
    credited: int
    speakers: int
    named_sources: int

    def short(self) -> str:
        """"18 quotes, 6 named sources"."""
        return f"{counted(self.quotes, 'quote')}, {counted(self.named_sources, 'named source')}"

    def full(self) -> str:
        """"18 quotes from 13 speakers (6 named sources)"."""
        return (f"{counted(self.quotes, 'quote')} from {counted(self.speakers, 'speaker')} "
                f"({counted(self.named_sources, 'named source')})")


def source_counts(analysis: Analysis) -> SourceCounts:
    """Quotes, credited beliefs, speakers and named sources of an analysis (the quote and
    named-source figures equal `Metrics.quote_count` and `Metrics.named_source_count`)."""
    voiced = [quote for quote in analysis.quotes if quote.voiced]
    speakers = {analysis.speaker_of(quote) for quote in voiced} - {None}
    return SourceCounts(len(voiced), len(analysis.quotes) - len(voiced), len(speakers),
                        len(analysis.sources()))


def by_you(by: str) -> str:
    """What a heading adds when the user made or corrected the mark: the views and the
    exports say so ("Loaded language — corrected by you")."""
    return " \u2014 corrected by you" if by == labels.BY_USER else ""


def corrections_note(analysis: Analysis) -> str:
    """The user's corrections of an article in one line for the exports (removed marks
    leave no note of their own), or "" when there are none."""
    if not analysis.corrections:
        return ""
    return (f"Corrected by you ({len(analysis.corrections)}): "
            + "; ".join(analysis.corrections) + ".")


def _ends_sentence(text: str) -> bool:
    return text.rstrip("\u201d\u2019\")'")[-1:] in (".", "!", "?", "\u2026")


def clip(text: str, limit: int = 80) -> str:
    """The text on one line, cut with an ellipsis past `limit` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "\u2026"


def explain_span(analysis: Analysis, span: Span) -> Explanation:
    """A loaded word, hedge, booster, debris or technique: category, subtype, why, neutral
    alternative; for a technique, whose it is and the question a reader can ask of it."""
    if span.category == labels.TECHNIQUE:
        return explain_technique(analysis, span)
    heading = style(span.category).name + (f" ({span.subtype})" if span.subtype else "")
    heading += by_you(span.by)
    lines = [span.explanation] if span.explanation else []
    if span.alternative:
        lines.append(f"Neutral alternative: \u201c{span.alternative}\u201d")
    return Explanation(heading, clip(analysis.excerpt(span.start, span.end)), tuple(lines),
                       span.rule)


def explain_technique(analysis: Analysis, span: Span) -> Explanation:
    """A technique span: the technique, the evidence and whose it is (in `explanation`), and
    the question to ask."""
    name = technique_name(span.subtype)
    heading = f"{style(span.category).name}: {name}{by_you(span.by)}"
    # the explanation stands alone in JSON ("Flag-waving: ..."); here the heading names it
    reason = span.explanation.removeprefix(f"{name}: ")
    lines = [reason] if reason else []
    if span.question:
        lines.append(f"Ask: {span.question}")
    return Explanation(heading, clip(analysis.excerpt(span.start, span.end)), tuple(lines),
                       span.rule)


def whose(span: Span) -> str:
    """Whose rhetoric a technique span is, in words: "writer" or "quoted: <speaker>"."""
    if span.voice == labels.VOICE_SOURCE:
        return f"quoted: {span.speaker or 'unnamed source'}"
    return "writer"


def explain_sentence(analysis: Analysis, sentence: Sentence, max_cues: int | None = None,
                     glossed: Collection[str] = ()) -> Explanation:
    """A labelled sentence: its label, opinion score and cues, the ones behind the label first.

    Cues pushing towards the label (towards opinion for an opinion sentence, away from it
    for a fact or attributed one) come first, strongest first. With `max_cues` only that
    many of those are named and the rest counted; without it every cue is listed with its
    weight, and the label's description and the tone are added. A cue whose rule is in
    `glossed` (already explained to this reader), or named earlier in this explanation, is
    named by its short name only.
    """
    towards_opinion = sentence.label == labels.OPINION

    def supports(cue: Evidence) -> bool:
        return (cue.weight > 0) == towards_opinion and cue.weight != 0

    ranked = sorted(sentence.evidence, key=lambda e: (not supports(e), -abs(e.weight)))
    if max_cues is None:
        shown = ranked
    else:
        shown = [cue for cue in ranked if supports(cue)][:max_cues] or ranked[:max_cues]
    lines = [] if max_cues is not None else [style(sentence.label).description]
    described = set(glossed)
    for cue in shown:
        words = clip(analysis.excerpt(cue.start, cue.end), 40)
        weight = f" (weight {cue.weight:+.2f})" if max_cues is None else ""
        what = cue.name if cue.rule in described and cue.name else cue.description
        described.add(cue.rule)
        lines.append(f"{what} \u201c{words}\u201d{weight}")
    if len(ranked) > len(shown):
        lines.append(f"and {counted(len(ranked) - len(shown), 'more cue')}")
    if max_cues is None and sentence.tone:
        lines.append(f"Tone {sentence.tone:+.2f} (\u22121 negative \u2026 +1 positive)")
    if sentence.frames:
        lines.append(frame_tags(sentence))
    rules = tuple(dict.fromkeys(e.rule for e in shown))
    heading = f"{style(sentence.label).name} sentence (opinion score {sentence.score:.2f})"
    heading += by_you(sentence.by)
    return Explanation(heading, "", tuple(lines), ", ".join(rules), rules)


def speaker_label(analysis: Analysis, quote: Quote) -> str:
    """Who is quoted, in words: the resolved name, the speaker text, or "not identified"."""
    return analysis.speaker_of(quote) or "not identified"


def cue_label(analysis: Analysis, quote: Quote) -> str:
    """The reporting verb as written, with its tone, e.g. "claimed (loaded)", or "none"."""
    verb = analysis.cue_of(quote)
    if not verb:
        return "none"
    return f"{verb} ({quote.cue_tone})" if quote.cue_tone else verb


def kind_label(quote: Quote) -> str:
    """The kind of a quote in a sources table: direct, indirect, or a credited belief."""
    return quote.kind if quote.voiced else "belief or plan credited"


def explain_quote(analysis: Analysis, quote: Quote, with_content: bool = False) -> Explanation:
    """A quote: direct or reported, who said it, with which verb, and why it counts."""
    speaker = ("Speaker corrected by you" if quote.by == labels.BY_USER else "Speaker")
    lines = [f"{speaker}: {speaker_label(analysis, quote)}.",
             f"Reporting verb: {cue_label(analysis, quote)}."]
    if quote.cue_tone == labels.CUE_LOADED:
        lines.append(_LOADED_VERB)
    if quote.explanation:
        lines.append(quote.explanation)
    if with_content:
        lines.append(
            f"Said: \u201c{clip(analysis.excerpt(quote.content.start, quote.content.end))}\u201d")
    return Explanation(f"{quote.kind.capitalize()} quote{by_you(quote.by)}", "", tuple(lines),
                       quote.rule)


HEADLINE_MORE_ALARMING = "The headline is more alarming than the article."
HEADLINE_MORE_OPINIONATED = "The headline judges more strongly than the article does."


def frame_name(frame: str) -> str:
    """A frame id in words ("security_defense" -> "Security and defence")."""
    return frames.frame_info()[frame].name


def _frame_list(frame_ids: Sequence[str]) -> str:
    names = [frame_name(f).lower() for f in frame_ids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def headline_frame_finding(headline_frame: str, body_frames: Sequence[str]) -> str:
    """"The headline frames this as a security matter; the body mostly reports politics."""
    head = frame_name(headline_frame).lower()
    if not body_frames:
        return f"The headline frames this as a {head} matter; the body has no clear frame."
    return (f"The headline frames this as a {head} matter; the body mostly reports "
            f"{_frame_list(body_frames)}.")


def frame_tags(sentence: Sentence, words: int = 3) -> str:
    """A sentence's frames with the words behind each, for notes: "Frames: Economic
    (inflation, wages); Political (party)", or "" when it has none."""
    parts = []
    for tag in sentence.frames:
        cues = list(dict.fromkeys(e.name.lower() for e in tag.evidence if e.name))[:words]
        parts.append(frame_name(tag.frame) + (f" ({', '.join(cues)})" if cues else ""))
    return "Frames: " + "; ".join(parts) if parts else ""


def explain_frames(analysis: Analysis, sentence: Sentence) -> Explanation:
    """Why a sentence carries its frames: each frame, its strength and its words."""
    lines = []
    for tag in sentence.frames:
        cue_words = [analysis.excerpt(e.start, e.end) for e in tag.evidence
                     if e.rule.endswith(".cue")]
        model_words = [analysis.excerpt(e.start, e.end) for e in tag.evidence
                       if e.rule.endswith(".model")]
        reason = f"{frame_name(tag.frame)} (strength {tag.score:.2f})"
        if cue_words:
            reason += ": cue words " + ", ".join(f"\u201c{w}\u201d" for w in cue_words)
        if model_words:
            reason += ("; " if cue_words else ": ") + "words the model weighs towards it " + \
                ", ".join(f"\u201c{w}\u201d" for w in model_words)
        lines.append(reason)
    rules = tuple(dict.fromkeys(e.rule for t in sentence.frames for e in t.evidence))
    heading = "Frames" if sentence.frames else "No frame"
    return Explanation(heading, "", tuple(lines), ", ".join(rules), rules)


def primary_frame_reason(analysis: Analysis) -> str:
    """Why the document's primary frame won, in one line, or "" without frames."""
    if not analysis.frames:
        return ""
    first = analysis.frames[0]
    words = ", ".join(first.evidence[:4])
    reason = (f"Primary frame: {frame_name(first.frame)}, in "
              f"{counted(first.sentences, 'sentence')} ({first.share:.0%})")
    return reason + (f"; carried by {words}." if words else ".")


def frame_profile_line(analysis: Analysis, top: int = 4) -> str:
    """"Frames: Security and defence 38% (primary), Political 13%" or "Frames: none found"."""
    if not analysis.frames:
        return "Frames: none found."
    parts = [f"{frame_name(f.frame)} {f.share:.0%}" + (" (primary)" if i == 0 else "")
             for i, f in enumerate(analysis.frames[:top])]
    return "Frames: " + ", ".join(parts) + "."


def headline_summary(analysis: Analysis) -> str:
    """The headline check in one line, or "" when the text has no headline."""
    check = analysis.headline
    if check is None:
        return ""
    if check.findings:
        return "Headline check: " + " ".join(check.findings)
    return "Headline check: the headline frames the story as the body does, in the same tone."


# --- aligned claims (the comparison's alignment) ----------------------------------------
STATUS_TIE_CHARS = 80


def group_status(index: int, count: int, group) -> str:
    """One aligned claim in a status line: its place, what ties it (cut short) and how many
    differences there are ("Aligned claim 3 of 12: shared names: Tehran; 2 differences in
    the telling (Aligned claims tab)"); the whole account is in the tab."""
    tie = group.evidence()
    if len(tie) > STATUS_TIE_CHARS:
        tie = tie[:STATUS_TIE_CHARS].rsplit(" ", 1)[0].rstrip(";,:") + "\u2026"
    n = len(group.differences)
    told = (f"{n} difference{'s' if n != 1 else ''} in the telling (Aligned claims tab)"
            if n else "both tell it alike")
    return f"Aligned claim {index + 1} of {count}" + (f": {tie}" if tie else "") + f"; {told}."


def only_in_note(side: str, other: str) -> str:
    """What an "only in" marker means."""
    return f"Only in {side}: {other} reports nothing that matches this sentence."
