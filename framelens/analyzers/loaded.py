"""Loaded language, hedges and boosters, found by lexicon lookup over the parsed tokens.

Entries come from `resources/loaded_language.jsonl` and `resources/hedges_boosters.jsonl`:
single words match by surface form or lemma (verbs also by their regular inflections),
optionally only with a given part of speech or tag; phrases ("without doubt", "far-right",
"iron fist") match token by token, longest first. Strongly valenced adjectives and adverbs
in VADER's lexicon that our lexicon does not list are marked as emotive, with a templated
explanation (`resources/loaded_signals.toml`). Two generalising rules reach words no list
holds: a valenced adjective used as a verdict ("the plan is disastrous") and a one-stance
label built with anti-/pro- ("pro-gun lawmakers"). Flood and invasion metaphors for people
arriving ("a flood of migrants") are marked where the grammar ties the word to the people,
and doubt-casting verbs of saying ("claimed") only where they introduce what was said.

Quotations (the passages `quotes.quoted_passages` finds, the one scan for quotation
marks: curly, straight and single marks told apart from apostrophes, quotes running over
paragraphs): words inside a quoted passage of several words are the source's, not the
writer's, so they are not marked as the writer's loaded language (the quote itself is
shown by the quotes analyser). Likewise, words in the content of reported speech ("she said
the plan was reckless", "according to X") are the source's and are left unmarked; the
reporting verb itself ("slammed") is the writer's choice and is marked. A short quoted
fragment of a few words is the writer's own framing (scare quotes: the "experts") and is
marked, with a note on the quote marks.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from framelens import labels
from framelens.analyzers import quotes as quote_finder
from framelens.analyzers.inflection import inflect_like
from framelens.analyzers.loaded_lexicon import Entry, Lexicon, in_heading, load_lexicon
from framelens.analyzers.quote_marks import QuotedIndex, QuotedSpan
from framelens.model import Quote, Span
from framelens.nlp.parsed import ParsedText

# Parts of a named entity of these types are names, not word choices ("Brave", "Savage").
_NAME_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT",
                            "LAW", "LOC"})


def _match_phrase(doc: Doc, index: int, lexicon: Lexicon) -> tuple[int, Entry] | None:
    """The longest phrase starting at token `index`: (number of tokens, entry)."""
    token = doc[index]
    for key in {token.lower_, token.lemma_.lower()}:
        for phrase in lexicon.phrases.get(key, ()):
            size = len(phrase.slots)
            if index + size > len(doc):
                continue
            if all(doc[index + k].lower_ in slot or doc[index + k].lemma_.lower() in slot
                   for k, slot in enumerate(phrase.slots)):
                return size, phrase.entry
    return None


def _match_word(token: Token, lexicon: Lexicon) -> Entry | None:
    migration = _migration_entry(token, lexicon)
    if migration is not None:
        return migration
    listed = False
    for key in (token.lower_, token.lemma_.lower()):
        for entry in lexicon.words.get(key, ()):
            if entry.fits(token):
                return entry
            listed = True
    # A listed word that fits none of its entries is plain in this sense or context: the
    # lexicon has decided, so the generic fallbacks do not second-guess it.
    return None if listed else _vader_entry(token, lexicon) or _verdict_entry(token, lexicon)


def _migration_entry(token: Token, lexicon: Lexicon) -> Entry | None:
    """A flood or invasion metaphor for people arriving ("a flood of migrants", "migrants
    swarmed the border", "towns swamped by refugees", "the migrant invasion"), found through
    the grammar so that "the army detained migrants" or "a flood near the camp" stay plain."""
    metaphor = lexicon.signals["migration_metaphor"]
    if token.lemma_.lower() not in metaphor["words"] or token.pos_ not in ("NOUN", "VERB"):
        return None
    groups = metaphor["groups"]
    if not any(t.lemma_.lower() in groups for t in _metaphor_targets(token)):
        return None
    explanation = metaphor["explanation"].format(word=token.text)
    return Entry(metaphor["rule"], labels.LOADED, "emotive", explanation, None, frozenset(),
                  frozenset())


def _metaphor_targets(token: Token) -> Iterator[Token]:
    """Who a metaphor word is about: the object of "of" or a compound before a noun ("a tide
    of refugees", "refugee tide"); the subject or the "by" agent of a verb."""
    for child in token.children:
        if child.dep_ in ("compound", "amod", "nsubj"):
            yield child
        elif child.dep_ in ("prep", "agent") and child.lower_ in ("of", "by"):
            for target in child.children:
                if target.dep_ == "pobj":
                    yield target
                    yield from target.conjuncts


def _vader_entry(token: Token, lexicon: Lexicon) -> Entry | None:
    """A strongly valenced adjective or adverb that the lexicon does not list."""
    vader = lexicon.signals["vader"]
    if token.pos_ not in vader["pos"]:
        return None
    word = token.lower_
    valence = lexicon.vader.get(word)
    if valence is None or abs(valence) < vader["min_valence"] or word in vader["exclude"]:
        return None
    tone = "negative" if valence < 0 else "positive"
    if tone not in vader["tones"]:
        return None
    explanation = vader["explanation"].format(word=token.text, tone=tone)
    return Entry(vader["rule"], labels.LOADED, "emotive", explanation, None, frozenset(),
                  frozenset())


def _verdict_entry(token: Token, lexicon: Lexicon) -> Entry | None:
    """A valenced adjective used as a verdict on its subject ("the plan is disastrous")."""
    verdict = lexicon.signals["verdict"]
    if token.pos_ != "ADJ" or token.dep_ not in verdict["deps"]:
        return None
    word = token.lower_
    valence = lexicon.vader.get(word)
    if valence is None or abs(valence) < verdict["min_valence"]:
        return None
    if word in verdict["exclude"] or word in lexicon.signals["vader"]["exclude"]:
        return None
    explanation = verdict["explanation"].format(word=token.text)
    return Entry(verdict["rule"], labels.LOADED, "emotive", explanation, None, frozenset(),
                  frozenset())


def _stance_label(doc: Doc, index: int, lexicon: Lexicon) -> tuple[int, Entry] | None:
    """An "anti-X" / "pro-X" label (prefix, hyphen, word): three tokens and the entry."""
    stance = lexicon.signals["stance_label"]
    if index + 2 >= len(doc) or doc[index].lower_ not in stance["prefixes"]:
        return None
    hyphen, word = doc[index + 1], doc[index + 2]
    if hyphen.text != "-" or hyphen.whitespace_ or doc[index].whitespace_ or not word.is_alpha:
        return None
    if word.lower_ in stance["exclude"]:
        return None
    words = doc[index:index + 3].text
    base = next((e.alternative for e in lexicon.words.get(word.lower_, ())
                 if e.category == labels.LOADED and e.alternative), None)
    alternative = None if base is None else f"{doc[index].lower_}-{base}"
    explanation = stance["explanation"].format(words=words)
    if alternative is None:
        explanation = f"{explanation} {stance['no_alternative']}"
    return 3, Entry(stance["rule"], labels.LOADED, "pejorative", explanation, alternative,
                     frozenset(), frozenset())


def _reported_content(token: Token, reported: dict[str, Any]) -> bool:
    """Whether the token sits in what a source is reported to say: "she said [the plan
    failed]", "[the plan failed], according to her" (the source's name itself excluded)."""
    for cue in token.sent:
        if cue.lower_ == "according" and cue.i + 1 < len(cue.doc) and cue.nbor().lower_ == "to":
            return not any(t.i == token.i for t in cue.nbor().subtree)
    verbs, deps = reported["verbs"], reported["deps"]
    while token.head.i != token.i:
        head = token.head
        if token.dep_ in deps and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in verbs:
            return True
        token = head
    return False


@dataclass(frozen=True)
class _Quoted:
    """A quoted passage of a block: block-relative offsets of its content (marks excluded)."""

    start: int
    end: int
    text: str
    scare: bool


def _quoted_passages(doc: Doc, offset: int, inner: Sequence[tuple[int, int]],
                     quotes: dict[str, Any], reporting: Collection[str]) -> list[_Quoted]:
    """The quoted passages (`inner`: absolute ranges without their marks) that overlap the
    block at `offset`, in block-relative offsets.

    A scare quote has few words, starts in lower case, is not a full utterance (no closing
    punctuation) and its sentence has no reporting verb (else it is a source's partial quote).
    """
    found = []
    for inner_start, inner_end in inner:
        start, end = max(inner_start - offset, 0), min(inner_end - offset, len(doc.text))
        if start >= end:
            continue
        content = doc.text[start:end]
        scare = (0 < len(content.split()) <= int(quotes["max_scare_words"])
                 and content[:1].islower() and content[-1:].isalpha())
        if scare:
            span = doc.char_span(start, end, alignment_mode="expand")
            scare = span is None or not any(t.lemma_.lower() in reporting for t in span.sent)
        found.append(_Quoted(start, end, content, scare))
    return found


def _span(entry: Entry, start: int, end: int, note: str, alternative: str | None) -> Span:
    explanation = f"{entry.explanation} {note}" if note else entry.explanation
    return Span(start, end, entry.category, explanation, entry.rule, entry.subtype, alternative)


def _alternative(entry: Entry, token: Token, size: int, lexicon: Lexicon) -> str | None:
    """The entry's neutral alternative, in the form of a marked single verb ("said")."""
    if entry.alternative and size == 1 and token.pos_ == "VERB":
        irregular = lexicon.signals["inflection"]["irregular"]
        attributive = token.dep_ == "amod" or (
            token.i < token.head.i and token.head.pos_ in ("NOUN", "PROPN"))
        return inflect_like(entry.alternative, token.tag_, irregular, attributive)
    return entry.alternative


def _quote_note(start: int, end: int, quoted: list[_Quoted], note: str) -> str | None:
    """No note outside quotes, `note` inside scare quotes, None (leave unmarked) in a quotation."""
    for passage in quoted:
        if passage.start <= start and end <= passage.end:
            return note if passage.scare else None
    return ""


def _block_marks(doc: Doc, offset: int, inner: Sequence[tuple[int, int]],
                 lexicon: Lexicon) -> list[Span]:
    """Marks of one parsed block, with absolute offsets."""
    quotes = lexicon.signals["quotes"]
    reported = lexicon.signals["reported_speech"]
    quoted = _quoted_passages(doc, offset, inner, quotes, reported["verbs"])
    spans: list[Span] = []
    index = 0
    while index < len(doc):
        token = doc[index]
        if token.is_punct or token.is_space:
            index += 1
            continue
        # A listed phrase may start with a name ("China virus"); a lone name is not a word choice.
        found = _match_phrase(doc, index, lexicon)
        listed = token.lower_ in lexicon.words or token.lemma_.lower() in lexicon.words
        if found is None and token.ent_type_ in _NAME_ENTITIES and not (
                listed and in_heading(token)):
            index += 1
            continue
        found = found or _stance_label(doc, index, lexicon)
        size, entry = found if found else (1, _match_word(token, lexicon))
        if entry is not None:
            last = doc[index + size - 1]
            start, end = token.idx, last.idx + len(last)
            note: str | None = ""
            if entry.category == labels.LOADED:
                note = _quote_note(start, end, quoted, quotes["scare_note"])
                if note == "" and _reported_content(token, reported):
                    note = None
            if note is not None:
                spans.append(_span(entry, offset + start, offset + end, note,
                                   _alternative(entry, token, size, lexicon)))
        index += size
    for passage in quoted:
        inside = any(offset + passage.start <= m.start < offset + passage.end for m in spans)
        if passage.scare and not inside:
            spans.append(Span(offset + passage.start, offset + passage.end, labels.LOADED,
                              quotes["scare_explanation"].format(words=passage.text),
                              quotes["scare_rule"], "pejorative", None))
    return sorted(spans, key=lambda m: (m.start, m.end))


def find_marks(parsed: ParsedText, quoted: Sequence[QuotedSpan] | None = None,
               quotes: Sequence[Quote] = (), lexicon: Lexicon | None = None) -> list[Span]:
    """Loaded-language, hedge and booster spans in text order, one per word or phrase
    (`quoted`: the text's quoted passages, if already found). Loaded words in the content
    of `quotes` that give a source a voice are the source's and are dropped. `lexicon`
    replaces the shipped one (the user's word lists added: `user_lexicon.lexicon_with`)."""
    lexicon = lexicon or load_lexicon()
    if quoted is None:
        quoted = quote_finder.quoted_passages(parsed)
    index = QuotedIndex(parsed.text, quoted)
    spans: list[Span] = []
    for block in parsed.blocks:
        spans.extend(_block_marks(block.doc, block.start,
                                  index.overlapping(block.start, block.end), lexicon))
    sourced = [q.content for q in quotes if quote_finder.gives_voice(q)]
    return [s for s in spans if s.category != labels.LOADED
            or not any(c.start <= s.start and s.end <= c.end for c in sourced)]
