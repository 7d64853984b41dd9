"""Quotes: direct quotations and reported speech, with speaker, reporting verb and its tone.

Direct quotes come from a character scan for quotation marks (`quote_marks`); a passage
in marks counts as a quote when it is long, opens a sentence or sits next to a reporting
verb, otherwise it is a borrowed phrase ("a “failsafe”") left to the reported speech
around it. The speaker and cue of a direct quote are looked for right after it
("“...,” she said"), then right before it ("He said: “...”"), then at the end of the
previous paragraph ("She added:"), then in the quote just before (news style gives the
speaker once). A quote signed "“...” \u2015 Name" has a speaker and no reporting verb.
Reported speech comes from the parse (`quote_cues`); speaker names are resolved by
`speakers`. Everything is linear in the text; spaCy is not run again.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Span, Token

from framelens import labels
from framelens.analyzers.quote_cues import (
    FRAME_RULE,
    Lexicon,
    according_to,
    is_attributive,
    lexicon,
    mistagged,
    reported,
    speaker_of,
)
from framelens.analyzers.quote_marks import ALL_MARKS, QuotedSpan, find_quoted
from framelens.analyzers.speakers import SpeakerResolver, head_phrase
from framelens.model import Quote, TextRange
from framelens.nlp.parsed import ParsedText

_STOPS = frozenset(".!?")
_DASHES = frozenset({"\u2015", "\u2014", "\u2013", "-", "--"})
_LEAD_INS = frozenset({",", ":", "that", "\u2014", "-"})
_NOMINAL = ("PROPN", "PRON", "NOUN")
_FALLBACK_SPEAKER_DEPS = ("dobj", "attr", "npadvmod", "appos", "dep", "oprd", "nsubj")


def cue_tone(lemma: str) -> str | None:
    """`neutral`, `loaded` or None when the lemma is not a reporting verb."""
    lex = lexicon()
    if lemma in lex.loaded:
        return labels.CUE_LOADED
    if lemma in lex.neutral:
        return labels.CUE_NEUTRAL
    return None


def gives_voice(quote: Quote) -> bool:
    """True for words a source said or wrote (the one test of what is the source's, used
    for opinion cues and loaded words alike); False for wants and plans ("X tries to ...")
    and for what the writer reads into someone's actions ("is tacitly admitting that ...")
    or mind ("X knows that ..."), which the writer tells in their own words."""
    verb = quote.cue_verb or ""
    return quote.voiced and (quote.kind == labels.DIRECT or not verb
                             or verb.startswith("according") or quote.rule == FRAME_RULE
                             or cue_tone(verb) is not None)


@dataclass
class _Found:
    kind: str
    start: int
    end: int
    cue: Token | None
    speaker: Span | None
    rule: str


class _Tokens:
    """All tokens of the parsed blocks with absolute offsets, searchable by position."""

    def __init__(self, parsed: ParsedText) -> None:
        self.starts: list[int] = []
        self.tokens: list[Token] = []
        self.block_start: dict[int, int] = {}
        for block in parsed.blocks:
            self.block_start[id(block.doc)] = block.start
            for token in block.doc:
                self.starts.append(block.start + token.idx)
                self.tokens.append(token)

    def at(self, token: Token) -> int:
        return self.block_start[id(token.doc)] + token.idx

    def span_range(self, span: Span) -> tuple[int, int]:
        offset = self.block_start[id(span.doc)]
        return offset + span.start_char, offset + span.end_char

    def first_from(self, pos: int) -> int:
        return bisect.bisect_left(self.starts, pos)


def quoted_passages(parsed: ParsedText) -> list[QuotedSpan]:
    """Every passage in quotation marks, from one scan of the text: the quotes, the
    loaded-language and the opinion analysers all take their quoted passages from here."""
    return find_quoted(parsed.text, _paragraphs(parsed),
                       lexicon().limits["single_quote_max_chars"])


def find_quotes(parsed: ParsedText, quoted: list[QuotedSpan] | None = None) -> list[Quote]:
    """Direct and indirect quotes in text order (`quoted`: the text's quoted passages, if
    already found)."""
    lex = lexicon()
    tokens = _Tokens(parsed)
    paragraphs = _paragraphs(parsed)
    if quoted is None:
        quoted = quoted_passages(parsed)
    found = _direct(parsed.text, quoted, paragraphs, tokens, lex)
    found += _indirect(parsed, found, tokens, lex)
    found.sort(key=lambda f: (f.start, f.end))
    resolver = SpeakerResolver.for_text(parsed, lex.person_pronouns, lex.group_pronouns,
                                        lex.limits["coreference_window"])
    return [_quote(f, tokens, resolver, lex) for f in found]


def _paragraphs(parsed: ParsedText) -> list[tuple[int, int]]:
    """Blocks joined into paragraphs (a long line is parsed as several blocks)."""
    merged: list[tuple[int, int]] = []
    for block in parsed.blocks:
        if merged and not parsed.text[merged[-1][1]:block.start].strip(" \t"):
            merged[-1] = (merged[-1][0], block.end)
        else:
            merged.append((block.start, block.end))
    return merged


def _direct(text: str, quoted: list[QuotedSpan], paragraphs: list[tuple[int, int]],
            tokens: _Tokens, lex: Lexicon) -> list[_Found]:
    para_starts = [p[0] for p in paragraphs]
    kept: list[tuple[QuotedSpan, int]] = []
    for index, span in enumerate(quoted):
        para = bisect.bisect_right(para_starts, span.start) - 1
        para_end = paragraphs[bisect.bisect_right(para_starts, span.end - 1) - 1][1]
        limit = quoted[index + 1].start if index + 1 < len(quoted) else para_end
        floor = max(paragraphs[para][0], kept[-1][0].end if kept else 0)
        if _is_quote(text, span, floor, min(limit, para_end), tokens, lex):
            kept.append((span, para))
    found: list[_Found] = []
    previous: tuple[_Found, int] | None = None
    index = 0
    while index < len(kept):
        span, para = kept[index]
        start, end = span.start, span.end
        parts = [(start, end)]
        cue = None
        while index + 1 < len(kept) and kept[index + 1][1] == para:
            nxt = kept[index + 1][0]
            gap_cue = _cue_after(text, end, nxt.start, tokens, lex, merging=True)
            if gap_cue is None or nxt.start - end > lex.limits["merge_gap_chars"]:
                break
            cue = cue or gap_cue
            end = nxt.end
            parts.append((nxt.start, nxt.end))
            index += 1
        para_end = paragraphs[bisect.bisect_right(para_starts, end - 1) - 1][1]
        limit = kept[index + 1][0].start if index + 1 < len(kept) else para_end
        floor = max(paragraphs[para][0], found[-1].end if found else 0)
        cue = cue or _cue_after(text, end, min(limit, para_end), tokens, lex)
        cue = cue or _cue_before(start, floor, tokens, lex)
        if cue is None and span.start == paragraphs[para][0] and para > 0:
            prev_start, prev_end = paragraphs[para - 1]
            if text[prev_start:prev_end].rstrip().endswith(":"):
                cue = _cue_before(prev_end, max(prev_start, floor), tokens, lex)
        cue = cue or _governing_cue(start, end, tokens, lex)
        if cue is not None and cue.text[0] in _DASHES:
            item = _Found(labels.DIRECT, start, end, None, _speaker(cue, parts, tokens),
                          "quotes.direct_signed")
        elif cue is not None:
            item = _Found(labels.DIRECT, start, end, cue, _speaker(cue, parts, tokens),
                          "quotes.direct")
        elif previous is not None and previous[1] >= para - 1 and previous[0].cue is not None:
            item = _Found(labels.DIRECT, start, end, previous[0].cue, previous[0].speaker,
                          "quotes.direct_continued")
        else:
            item = _Found(labels.DIRECT, start, end, None, None, "quotes.direct_unattributed")
        found.append(item)
        previous = (item, para)
        index += 1
    return found


def _is_quote(text: str, span: QuotedSpan, floor: int, limit: int, tokens: _Tokens,
              lex: Lexicon) -> bool:
    """Speech in marks, as opposed to a title, a scare quote or a borrowed phrase."""
    inner = text[span.start:span.end].strip(ALL_MARKS + " \t")
    words = len(inner.split())
    if words == 0:
        return False
    if not span.closed or span.paragraphs > 1:
        return True
    before = text[floor:span.start].rstrip()
    opens = not before or before[-1] in ":.!?" or (
        before[-1] in ALL_MARKS and before[-2:-1] in (".", "!", "?", ","))
    if span.single:
        return words >= 2 and (opens or _cue_after(text, span.end, limit, tokens, lex) is not None)
    if words >= lex.limits["direct_min_words"] or (opens and words >= 2):
        return True
    if inner[-1] in ",!?" and _cue_after(text, span.end, limit, tokens, lex) is not None:
        return True
    cue = _cue_before(span.start, floor, tokens, lex)
    if cue is None or words < 2:
        return False
    between = text[tokens.at(cue) + len(cue):span.start].split()
    return all(word in _LEAD_INS for word in between) or (
        len(between) <= 5 and between[-1][-1] in ",:")


def _cue_after(text: str, end: int, limit: int, tokens: _Tokens, lex: Lexicon,
               merging: bool = False) -> Token | None:
    """A reporting verb right after a quote ("“...,” she said"), before the sentence ends."""
    first = tokens.first_from(end)
    signature = _signature(text, end, first, tokens)
    if signature is not None and not merging:
        return signature
    inner_end = text[:end].rstrip(ALL_MARKS + " ")[-1:]
    if inner_end == "." or (merging and inner_end != "," and text[end:end + 1] != ","):
        return None
    for position in range(first, min(first + lex.limits["attribution_window"], len(tokens.tokens))):
        token = tokens.tokens[position]
        if tokens.starts[position] >= limit or token.text in _STOPS or token.text[0] in ALL_MARKS:
            return None
        if token.is_space:
            continue
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and \
                token.nbor().lower_ == "to":
            return token
        if token.pos_ in ("VERB", "AUX"):
            lemma = token.lemma_
            if (lex.speech(lemma) or lemma in lex.adjacent) and not is_attributive(token):
                subject, _ = speaker_of(token)
                before_quote = subject is not None and tokens.span_range(subject)[0] < end
                return None if before_quote else token
            if token.pos_ == "VERB":
                return None
    return None


def _signature(text: str, end: int, first: int, tokens: _Tokens) -> Token | None:
    """The dash of a signature right after a quote ("“...” \u2015 Maria Lopez")."""
    if first >= len(tokens.tokens) or text[end:tokens.starts[first]].strip():
        return None
    token = tokens.tokens[first]
    if token.text[0] in _DASHES and token.i + 1 < len(token.doc) and \
            token.nbor().pos_ == "PROPN":
        return token
    return None


def _governing_cue(start: int, end: int, tokens: _Tokens, lex: Lexicon) -> Token | None:
    """The reporting verb a quote hangs from in the parse ("told them to “...”")."""
    position = tokens.first_from(start)
    while position < len(tokens.tokens) and tokens.tokens[position].text[0] in ALL_MARKS:
        position += 1
    if position >= len(tokens.tokens) or tokens.starts[position] >= end:
        return None
    token = tokens.tokens[position]
    climbs = 3
    for ancestor in token.ancestors:
        if start <= tokens.at(ancestor) < end or ancestor.pos_ != "VERB":
            continue
        lemma = ancestor.lemma_
        if (lex.speech(lemma) or lemma in lex.intent or lemma in lex.nominal or
                lemma in lex.belief) and not is_attributive(ancestor):
            return ancestor
        climbs -= 1
        if climbs == 0:
            return None
    return None


def _cue_before(start: int, floor: int, tokens: _Tokens, lex: Lexicon) -> Token | None:
    """A reporting verb before a quote in the same sentence ("He said: “...”")."""
    last = tokens.first_from(start) - 1
    for position in range(last, max(last - lex.limits["attribution_window"], -1), -1):
        token = tokens.tokens[position]
        if tokens.starts[position] < floor or token.text in _STOPS or token.text[0] in ALL_MARKS:
            return None
        lemma = token.lemma_
        if token.pos_ == "VERB" and (lex.speech(lemma) or lemma in lex.adjacent) and \
                not is_attributive(token):
            return token
    return None


def _speaker(cue: Token, parts: list[tuple[int, int]], tokens: _Tokens) -> Span | None:
    """The speaker phrase of a direct quote's cue, never overlapping the quoted words."""
    if cue.text[0] in _DASHES:
        last = cue.nbor()
        while last.i + 1 < len(cue.doc) and last.nbor().pos_ == "PROPN":
            last = last.nbor()
        return cue.doc[cue.i + 1: last.i + 1]
    if cue.lower_ == "according":
        to = cue.nbor()
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        return None if obj is None else cue.doc[obj.left_edge.i: obj.right_edge.i + 1]
    speaker, _ = speaker_of(cue)
    if speaker is None:
        speaker = next((cue.doc[c.left_edge.i: c.right_edge.i + 1] for c in cue.rights
                        if c.dep_ in _FALLBACK_SPEAKER_DEPS and c.pos_ in _NOMINAL), None)
    if speaker is None:
        return None
    if _overlaps(tokens.span_range(speaker), parts):
        root = speaker.root
        root_range = (tokens.at(root), tokens.at(root) + len(root))
        return None if _overlaps(root_range, parts) else cue.doc[root.i: root.i + 1]
    return speaker


def _overlaps(span: tuple[int, int], parts: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and span[1] > start for start, end in parts)


def _indirect(parsed: ParsedText, direct: list[_Found], tokens: _Tokens,
              lex: Lexicon) -> list[_Found]:
    quoted = sorted((f.start, f.end) for f in direct)
    quoted_starts = [q[0] for q in quoted]
    seen: set[tuple[int, int]] = set()
    found: list[_Found] = []

    def inside_quote(pos: int) -> bool:
        i = bisect.bisect_right(quoted_starts, pos) - 1
        return i >= 0 and quoted[i][0] <= pos < quoted[i][1]

    def add(first: Token, last: Token, cue: Token, speaker: Span | None, rule: str) -> None:
        start, end = tokens.at(first), tokens.at(last) + len(last)
        if end - start < 2 or (start, end) in seen or _mostly_quoted(start, end, quoted):
            return
        seen.add((start, end))
        found.append(_Found(labels.INDIRECT, start, end, cue, speaker, rule))

    for sent in parsed.sentences():
        for token in sent.span:
            if token.pos_ not in ("VERB", "NOUN", "PROPN") or inside_quote(tokens.at(token)):
                continue
            found_here = reported(token, lex) if token.pos_ == "VERB" else mistagged(token, lex)
            if found_here is None:
                continue
            speaker = found_here.speaker
            if speaker is not None and speaker.root.lower_ in lex.writer_pronouns:
                continue
            add(*found_here.content, token, speaker, found_here.rule)
        for (first, last), speaker, cue in according_to(sent.span, lex):
            if not inside_quote(tokens.at(cue)):
                add(first, last, cue, speaker, "quotes.according_to")
    return found


def _mostly_quoted(start: int, end: int, quoted: list[tuple[int, int]]) -> bool:
    """Half or more of the range is a direct quote already found (or the reverse)."""
    for q_start, q_end in quoted:
        overlap = min(end, q_end) - max(start, q_start)
        if overlap > 0 and (overlap * 2 >= end - start or overlap * 2 >= q_end - q_start):
            return True
    return False


def _quote(found: _Found, tokens: _Tokens, resolver: SpeakerResolver, lex: Lexicon) -> Quote:
    speaker_range = None if found.speaker is None else TextRange(*tokens.span_range(found.speaker))
    name = None
    if found.speaker is not None and speaker_range is not None:
        name = resolver.resolve(found.speaker, speaker_range.start)
    cue_range = verb = tone = None
    if found.cue is not None:
        cue = found.cue
        cue_end = cue.nbor() if cue.lower_ == "according" else cue
        cue_range = TextRange(tokens.at(cue), tokens.at(cue_end) + len(cue_end))
        verb = "according to" if cue.lower_ == "according" else cue.lemma_
        tone = lex.tone(verb)
    shown = name or (None if found.speaker is None else head_phrase(found.speaker))
    explanation = _explain(found, shown, verb, tone, lex)
    return Quote(found.kind, TextRange(found.start, found.end), speaker_range, cue_range,
                 found.rule, name, verb, tone, explanation)


def _explain(found: _Found, name: str | None, verb: str | None, tone: str | None,
             lex: Lexicon) -> str:
    said = found.cue.text if found.cue is not None else ""
    tone_phrase = lex.tones[tone or labels.CUE_NEUTRAL].format(
        verb=said, note=lex.loaded.get(verb or "", ""))
    return lex.rules[found.rule].format(speaker=name or "the source", verb=said,
                                        tone_phrase=tone_phrase)
