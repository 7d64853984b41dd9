"""Headline versus body: does the headline frame the story as the article does, and in the
same voice?

The headline is the first line outside boilerplate when it is short and the article goes on
after it; the standfirst is the next line when that is one or two sentences and more
paragraphs follow. Both are compared with the rest (the body) on frames (the headline's
primary frame among the body's top three?), tone (VADER, more negative = more alarming) and
opinion score (the writer's judgement). Findings are phrased by `framelens.explain`.
"""

from __future__ import annotations

from collections.abc import Sequence

from framelens import explain
from framelens.analyzers import frames
from framelens.model import FrameTag, HeadlineCheck, Sentence, Span, TextRange

MAX_HEADLINE_WORDS = 25
MAX_STANDFIRST_WORDS = 60
MIN_STANDFIRST_WORDS = 4  # a standfirst says something: a stray word is no standfirst
MIN_BODY_SENTENCES = 3
BODY_TOP = 3
# The headline is more alarming when its tone is this much more negative than the body's
# mean tone and negative enough on its own.
ALARM_GAP = 0.4
ALARM_FLOOR = -0.4
# The headline judges more strongly when its opinion score exceeds the body's mean by this.
OPINION_GAP = 0.35
OPINION_FLOOR = 0.6


def _lines(text: str, debris: Sequence[Span]) -> list[TextRange]:
    """Non-empty lines outside boilerplate, trimmed."""
    ranges, position = [], 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        start = position + (line.find(stripped) if stripped else 0)
        position += len(line)
        end = start + len(stripped)
        covered = sum(max(0, min(s.end, end) - max(s.start, start)) for s in debris)
        # a line that is mostly web debris ("• share": the bullet left over) is debris too
        if stripped and covered * 2 < len(stripped):
            ranges.append(TextRange(start, end))
    return ranges


def _within(sentence: Sentence, part: TextRange | None) -> bool:
    return part is not None and part.start <= sentence.start < part.end


def find_parts(text: str, sentences: Sequence[Sentence], debris: Sequence[Span]
               ) -> tuple[TextRange, TextRange | None] | None:
    """The headline and standfirst ranges, or None when the text has no headline."""
    lines = _lines(text, debris)
    if len(lines) < 2:
        return None
    head = lines[0]
    if len(text[head.start:head.end].split()) > MAX_HEADLINE_WORDS:
        return None
    standfirst = None
    second = lines[1]
    second_sentences = [s for s in sentences if _within(s, second)]
    if (len(lines) >= 4 and 1 <= len(second_sentences) <= 2
            and MIN_STANDFIRST_WORDS <= len(text[second.start:second.end].split())
            <= MAX_STANDFIRST_WORDS):
        standfirst = second
    return head, standfirst


def check(text: str, sentences: Sequence[Sentence], debris: Sequence[Span]
          ) -> HeadlineCheck | None:
    """Compare headline (and standfirst) with the body, or None without a headline."""
    parts = find_parts(text, sentences, debris)
    if parts is None:
        return None
    head, standfirst = parts
    top = [s for s in sentences if _within(s, head) or _within(s, standfirst)]
    body = [s for s in sentences if s not in top]
    if not top or len(body) < MIN_BODY_SENTENCES:
        return None
    head_tags: list[FrameTag] = sorted((t for s in top for t in s.frames),
                                       key=lambda t: -t.score)
    head_frames = tuple(dict.fromkeys(t.frame for t in head_tags))
    body_shares = frames.document_frames([s.frames for s in body])
    body_frames = tuple(f.frame for f in body_shares[:BODY_TOP])
    tone = min(s.tone for s in top)
    body_tone = sum(s.tone for s in body) / len(body)
    opinion = max(s.score for s in top)
    body_opinion = sum(s.score for s in body) / len(body)
    findings = []
    if head_frames and head_frames[0] not in body_frames:
        findings.append(explain.headline_frame_finding(head_frames[0], body_frames))
    if tone <= ALARM_FLOOR and tone - body_tone <= -ALARM_GAP:
        findings.append(explain.HEADLINE_MORE_ALARMING)
    if opinion >= OPINION_FLOOR and opinion - body_opinion >= OPINION_GAP:
        findings.append(explain.HEADLINE_MORE_OPINIONATED)
    return HeadlineCheck(head, standfirst, head_frames, body_frames, round(tone, 3),
                         round(body_tone, 3), round(opinion, 3), round(body_opinion, 3),
                         tuple(findings))
