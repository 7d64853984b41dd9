"""The shipped lexicon with the user's word lists added: their entries first, so a word the
user lists is marked their way, and their ignore entries drop marks on those words.

The merged lexicon is cached per set of words (`UserWords` is hashable), so switching a
list on and off again costs nothing, and the shipped lexicon is never changed.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from framelens import labels
from framelens.analyzers import loaded
from framelens.analyzers.loaded_lexicon import (
    Entry,
    Lexicon,
    Phrase,
    inflections,
    load_lexicon,
    phrase_slots,
)
from framelens.analyzers.quote_marks import QuotedSpan
from framelens.model import Quote, Span
from framelens.nlp.parsed import ParsedText
from framelens.wordlists import UserEntry, UserWords


def find_marks(parsed: ParsedText, quoted: Sequence[QuotedSpan], quotes: Sequence[Quote],
               words: UserWords | None) -> list[Span]:
    """`loaded.find_marks` with the user's words: their entries added, ignored words unmarked."""
    if not words:
        return loaded.find_marks(parsed, quoted, quotes)
    marks = loaded.find_marks(parsed, quoted, quotes, lexicon_with(words))
    return [m for m in marks if not words.ignores(parsed.text[m.start:m.end])]


def _explanation(item: UserEntry) -> str:
    where = f"your word list \u201c{item.list_name}\u201d"
    if item.explanation:
        return f"{item.explanation} (From {where}.)"
    what = {labels.HEDGE: "a hedge", labels.BOOSTER: "a booster"}.get(
        item.category, "loaded language")
    return f"Listed as {what} in {where}."


@functools.lru_cache(maxsize=8)
def lexicon_with(words: UserWords) -> Lexicon:
    """The shipped lexicon with `words`' marking entries put before the shipped ones."""
    base = load_lexicon()
    added: dict[str, list[Entry]] = {}
    added_phrases: dict[str, list[Phrase]] = {}
    for item in words.marking:
        entry = Entry(item.rule, item.category, item.subtype, _explanation(item),
                      item.alternative, frozenset(item.pos), frozenset(item.tags))
        slots = phrase_slots(item.term)
        if not slots:
            for form in inflections(item.term):
                added.setdefault(form, []).append(entry)
        for phrase in slots:
            for first in phrase[0]:
                added_phrases.setdefault(first, []).append(Phrase(phrase, entry))
    merged = dict(base.words)
    for key, entries in added.items():
        merged[key] = (*entries, *base.words.get(key, ()))
    phrases = dict(base.phrases)
    for key, found in added_phrases.items():
        # longest first; at equal length the user's phrase (put first) wins
        phrases[key] = tuple(sorted((*found, *base.phrases.get(key, ())),
                                    key=lambda p: -len(p.slots)))
    return Lexicon(merged, phrases, base.vader, base.signals)
