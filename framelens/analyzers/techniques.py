"""Persuasion techniques: name-calling, flag-waving, exaggeration, doubt … and vague attribution.

Each technique is found by cue rules written as data (`resources/techniques.toml`: regular
expressions over each sentence, with an id and the evidence in words) and by one rule in
code: name-calling, a noun phrase naming people that a pejorative word of the
loaded-language lexicon modifies ("the corrupt officials"). A span covers the words that
carry the technique, never more than a sentence. Rules too imprecise on annotated news
(name-calling among them) are switched off in the resource and run only when measured.

Whose rhetoric it is: a span inside the content of a quote or of reported speech is the
source's ("used by Lisa Daftari, quoted"), one inside a long passage in quotation marks
with no speaker found is an unnamed source's; everything else is the writer's.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token

from framelens import labels, resources
from framelens.analyzers.quote_marks import QuotedSpan
from framelens.model import Quote, Span
from framelens.nlp.parsed import ParsedText, SentenceView
from framelens.technique_info import RESOURCE, techniques

# A passage in quotation marks with at least this many words is someone's words, not a
# scare-quoted label of the writer's.
_MIN_QUOTED_WORDS = 5
_NAME_CALLING_RULE = "technique.name_calling.pejorative_label"
# Heads that name people or groups of people (the label is about someone).
_PEOPLE_ENTITIES = frozenset({"PERSON", "NORP"})


@dataclass(frozen=True)
class _Rule:
    id: str
    technique: str
    pattern: re.Pattern[str]
    evidence: str
    not_preceded: re.Pattern[str] | None
    enabled: bool
    speaker: str | None


@dataclass(frozen=True)
class _Voice:
    """Whose words a range is: the writer's (speaker None) or a source's."""

    voice: str
    speaker: str | None


@functools.cache
def _rules() -> tuple[_Rule, ...]:
    rules = []
    for entry in resources.load_toml(RESOURCE).get("rule", ()):
        if entry["technique"] not in labels.TECHNIQUE_SUBTYPES:
            raise resources.ResourceError(f"{RESOURCE}: {entry['id']}: unknown technique")
        flags = 0 if entry.get("case", False) else re.IGNORECASE
        before = entry.get("not_preceded")
        rules.append(_Rule(entry["id"], entry["technique"], re.compile(entry["pattern"], flags),
                           entry["evidence"],
                           re.compile(before, re.IGNORECASE) if before else None,
                           bool(entry.get("enabled", True)), entry.get("speaker")))
    return tuple(rules)


def find_techniques(parsed: ParsedText, quotes: Sequence[Quote],
                    passages: Sequence[QuotedSpan], loaded_marks: Sequence[Span],
                    include_disabled: bool = False) -> list[Span]:
    """The technique spans of a text, in text order.

    Rules switched off in the resource (`enabled = false`: too imprecise on annotated news
    to show a class) run only with `include_disabled`, for measuring them.
    """
    rules = tuple(r for r in _rules() if r.enabled or include_disabled)
    name_calling = include_disabled or bool(_name_calling_settings().get("enabled", True))
    voices = _VoiceIndex(parsed.text, quotes, passages)
    loaded_at = {m.start: m for m in loaded_marks if m.category == labels.LOADED}
    found: dict[tuple[int, int, str], Span] = {}
    for sentence in parsed.sentences():
        for start, end, rule in _cue_matches(sentence, rules):
            voice = voices.at(start, end)
            if rule.speaker and voice.voice == labels.VOICE_WRITER:
                voice = _Voice(labels.VOICE_SOURCE, rule.speaker)
            span = _make_span(parsed.text, start, end, rule.technique, rule.id, rule.evidence,
                              voice)
            found.setdefault((start, end, rule.technique), span)
        for start, end in _name_calling(sentence, loaded_at) if name_calling else ():
            span = _make_span(parsed.text, start, end, "name_calling", _NAME_CALLING_RULE,
                              "labels people with a word that condemns them",
                              voices.at(start, end))
            found.setdefault((start, end, "name_calling"), span)
    return _outermost(sorted(found.values(), key=lambda s: (s.start, -s.end, s.subtype)))


def _outermost(spans: list[Span]) -> list[Span]:
    """The spans (sorted by start, longest first) minus those inside another span of the
    same technique ("sources confirm" inside "independent sources confirm")."""
    kept: list[Span] = []
    reach: dict[str, int] = {}
    for span in spans:
        if span.end <= reach.get(span.subtype, -1):
            continue
        reach[span.subtype] = max(span.end, reach.get(span.subtype, -1))
        kept.append(span)
    return sorted(kept, key=lambda s: (s.start, s.end, s.subtype))


def _cue_matches(sentence: SentenceView, rules: Sequence[_Rule]) -> list[tuple[int, int, _Rule]]:
    """(start, end, rule) of every cue rule matching the sentence."""
    text = sentence.text
    matches = []
    for rule in rules:
        for match in rule.pattern.finditer(text):
            group = "mark" if "mark" in rule.pattern.groupindex else 0
            start, end = match.span(group)
            while start < end and not text[start].isalnum():
                start += 1
            while end > start and text[end - 1] in " ,;:":
                end -= 1
            if end <= start:
                continue
            if rule.not_preceded is not None and rule.not_preceded.search(text[:start]):
                continue
            matches.append((sentence.start + start, sentence.start + end, rule))
    return matches


def _name_calling(sentence: SentenceView, loaded_at: dict[int, Span]) -> list[tuple[int, int]]:
    """Noun phrases naming people that a pejorative modifier condemns ("the corrupt
    officials"): the phrase without its determiner. A pejorative noun on its own ("thugs")
    is left to loaded language."""
    found = []
    for chunk in sentence.span.noun_chunks:
        head = chunk.root
        if sentence.char(head) in loaded_at or not _names_people(head):
            continue
        words = [t for t in chunk if t.dep_ not in ("det", "poss", "predet") and not t.is_punct]
        modifiers = [loaded_at.get(sentence.char(t)) for t in words if t.i != head.i]
        if words and any(m is not None and m.subtype == "pejorative" for m in modifiers):
            found.append(sentence.token_range(words[0], words[-1]))
    return found


def _names_people(token: Token) -> bool:
    """Whether a noun names a person or group: a person or nationality/religious/political
    group entity, or a noun of the people list."""
    if token.ent_type_ in _PEOPLE_ENTITIES:
        return True
    return token.lemma_.lower() in _people_nouns()


def _name_calling_settings() -> dict[str, Any]:
    settings: dict[str, Any] = resources.load_toml(RESOURCE)["name_calling"]
    return settings


@functools.cache
def _people_nouns() -> frozenset[str]:
    return frozenset(_name_calling_settings()["people_nouns"])


def _make_span(text: str, start: int, end: int, technique: str, rule_id: str, evidence: str,
               voice: _Voice) -> Span:
    info = techniques()[technique]
    words = " ".join(text[start:end].split())
    explanation = f"{info.name}: \u201c{words}\u201d {evidence}. {_whose(voice)}"
    return Span(start, end, labels.TECHNIQUE, explanation, rule_id, technique,
                question=info.question, voice=voice.voice, speaker=voice.speaker)


def _whose(voice: _Voice) -> str:
    if voice.voice == labels.VOICE_WRITER:
        return "Used by the writer."
    return f"Used by {voice.speaker or 'an unnamed source'}, quoted."


class _VoiceIndex:
    """Finds whose words a range is from the quotes and quoted passages of the text."""

    def __init__(self, text: str, quotes: Sequence[Quote], passages: Sequence[QuotedSpan]):
        ranges: list[tuple[int, int, str | None]] = []
        for quote in quotes:
            if quote.voiced:
                ranges.append((quote.content.start, quote.content.end,
                               quote.speaker_name or _speaker_text(text, quote)))
        for passage in passages:
            inner_start, inner_end = passage.inner(text)
            if len(text[inner_start:inner_end].split()) >= _MIN_QUOTED_WORDS:
                ranges.append((inner_start, inner_end, None))
        # Quotes with a speaker first, so a passage is credited to its speaker when known.
        ranges.sort(key=lambda r: (r[0], r[2] is None))
        self._ranges = ranges
        self._starts = [r[0] for r in ranges]
        self._longest = max((e - s for s, e, _ in ranges), default=0)

    def at(self, start: int, end: int) -> _Voice:
        """The voice of text[start:end]: a source's if it lies inside their words."""
        low = bisect.bisect_left(self._starts, start - self._longest)
        high = bisect.bisect_right(self._starts, start)
        inside = [r for r in self._ranges[low:high] if r[0] <= start and end <= r[1]]
        if not inside:
            return _Voice(labels.VOICE_WRITER, None)
        named = [r for r in inside if r[2]]
        return _Voice(labels.VOICE_SOURCE, (named or inside)[0][2])


def _speaker_text(text: str, quote: Quote) -> str | None:
    if quote.speaker is None:
        return None
    return " ".join(text[quote.speaker.start:quote.speaker.end].split()) or None
