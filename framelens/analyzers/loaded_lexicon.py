"""The loaded-language lexicon: entries read from `resources/`, with the rules of fit.

`loaded_language.jsonl` (the writer's loaded words, each with subtype, explanation and a
neutral alternative or the reason there is none) and `hedges_boosters.jsonl` are read once
into word and phrase tables; verb entries also match their regular inflections and loaded
adjectives their -ly adverbs. An entry fits a token by part of speech and context
(`Entry.fits`); a word in a title-cased heading fits although the tagger calls it a name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Token

from framelens import labels, resources

_PHRASE_TOKEN_RE = re.compile(r"[a-z0-9']+|[^\sa-z0-9']")
_VERB_POS = "VERB"
_MINOR_WORDS = frozenset({"the", "a", "an", "of", "to", "in", "on", "for", "and", "or", "but",
                          "at", "by", "with", "as", "from", "vs", "is", "are", "its", "s"})


def in_heading(token: Token) -> bool:
    """The token sits in a title-cased heading ("The Regime's Desperate Playbook"), where
    every word is capitalised and the tagger reads words as names: they are word choices."""
    words = [t for t in token.sent if t.is_alpha and t.lower_ not in _MINOR_WORDS]
    return len(words) >= 3 and all(t.text[0].isupper() for t in words)


@dataclass(frozen=True)
class Entry:
    """One lexicon entry, ready to become a `Span`."""

    rule: str
    category: str
    subtype: str
    explanation: str
    alternative: str | None
    pos: frozenset[str]
    tags: frozenset[str]
    clause: bool = False
    not_after: frozenset[str] = frozenset()
    not_before: frozenset[str] = frozenset()

    def fits(self, token: Token) -> bool:
        """Whether the token has a part of speech and tag this entry accepts.

        A proper noun inside a sentence ("the Fantastic Four") is a name, not a word choice,
        unless the entry lists PROPN. An entry that needs a clause (a verb of saying such as
        "claimed") fits only a token that introduces what was said. An entry with
        `not_after` lemmas does not fit within three words after one of them ("designated a
        terrorist organisation" names a legal status, not the writer's label), nor one with
        `not_before` lemmas within two words before one of them ("brute force", "Lib Dems").
        """
        heading = token.pos_ == "PROPN" and in_heading(token)
        if token.pos_ == "PROPN" and not token.is_sent_start and "PROPN" not in self.pos \
                and not heading:
            return False
        pos_ok = not self.pos or token.pos_ in self.pos or (
            heading and bool(self.pos & {"NOUN", "ADJ"}))
        tag_ok = not self.tags or token.tag_ in self.tags
        if self.not_after and any(t.lemma_.lower() in self.not_after
                                  for t in token.doc[max(0, token.i - 3):token.i]):
            return False
        if self.not_before and any(t.lower_ in self.not_before or t.lemma_.lower() in
                                   self.not_before for t in token.doc[token.i + 1:token.i + 3]):
            return False
        return pos_ok and tag_ok and (not self.clause or introduces_clause(token))


def introduces_clause(token: Token) -> bool:
    """Whether a verb or noun governs a reported clause: "claimed [that it failed]",
    "claims [to be]", "the claim [that it failed]" (not "claimed responsibility")."""
    for child in token.children:
        if child.dep_ in ("ccomp", "xcomp"):
            return True
        if child.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that"
                                       for c in child.children):
            return True
    return False


@dataclass(frozen=True)
class Phrase:
    """A multi-token entry: each position holds the word forms it accepts."""

    slots: tuple[frozenset[str], ...]
    entry: Entry


@dataclass(frozen=True)
class Lexicon:
    words: dict[str, tuple[Entry, ...]]
    phrases: dict[str, tuple[Phrase, ...]]
    vader: dict[str, float]
    signals: dict[str, Any]


def inflections(word: str) -> frozenset[str]:
    """The word and its regular verb inflections (-s, -ed, -ing), over-generated on purpose."""
    forms = {word}
    if len(word) < 3 or not word.isalpha():
        return frozenset(forms)
    stem = word[:-1] if word.endswith("e") else word
    forms |= {word + "s", word + "es", stem + "ed", stem + "ing", word + "d"}
    if word.endswith("y") and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return frozenset(forms)


def _entry(record: dict[str, Any], category: str) -> Entry:
    explanation = record["explanation"]
    if category == labels.LOADED and not record.get("alternative"):
        explanation = f"{explanation} {_no_alternative(record)}"
    return Entry(record["id"], category, record.get("subtype", ""), explanation,
                  record.get("alternative"), frozenset(record.get("pos", ())),
                  frozenset(record.get("tag", ())), record.get("needs") == "clause",
                  frozenset(record.get("not_after", ())),
                  frozenset(record.get("not_before", ())))


def _no_alternative(record: dict[str, Any]) -> str:
    """Why a loaded entry offers no neutral alternative: its own reason, else its subtype's."""
    reasons = resources.load_toml("loaded_signals.toml")["no_alternative"]
    return str(record.get("no_alternative") or reasons.get(record.get("subtype", ""),
                                                          reasons["default"]))


def _records() -> Iterator[tuple[dict[str, Any], str]]:
    for record in resources.load_jsonl("loaded_language.jsonl"):
        yield record, labels.LOADED
    for record in resources.load_jsonl("hedges_boosters.jsonl"):
        yield record, record["category"]


def phrase_slots(term: str) -> list[tuple[frozenset[str], ...]]:
    """The token slots of a multi-word term (with and without its hyphens); [] for a word."""
    return [tuple(inflections(t) for t in tokens) for tokens in _phrase_variants(term)
            if len(tokens) > 1]


def _phrase_variants(term: str) -> Iterable[tuple[str, ...]]:
    tokens = tuple(_PHRASE_TOKEN_RE.findall(term))
    yield tokens
    if "-" in tokens:
        yield tuple(t for t in tokens if t != "-")


@functools.cache
def load_lexicon() -> Lexicon:
    words: dict[str, list[Entry]] = {}
    phrases: dict[str, list[Phrase]] = {}
    for record, category in _records():
        entry = _entry(record, category)
        term = record["term"].lower()
        verb = _VERB_POS in entry.pos
        forms = set(inflections(term) if verb else {term}) | set(record.get("forms", ()))
        for form in forms:
            words.setdefault(form, []).append(entry)
        for tokens in _phrase_variants(term):
            if len(tokens) > 1:
                slots = tuple(inflections(t) for t in tokens)
                phrases.setdefault(tokens[0], []).append(Phrase(slots, entry))
                for first in slots[0]:
                    if first != tokens[0]:
                        phrases.setdefault(first, []).append(Phrase(slots, entry))
    for record in resources.load_jsonl("loaded_language.jsonl"):
        for adverb in _derived_adverbs(record):
            words.setdefault(adverb, []).append(_entry({**record, "pos": ["ADV"]}, labels.LOADED))
    ordered = {k: tuple(sorted(v, key=lambda p: -len(p.slots))) for k, v in phrases.items()}
    signals = resources.load_toml("loaded_signals.toml")
    return Lexicon({k: tuple(v) for k, v in words.items()}, ordered, _vader_valences(), signals)


def _derived_adverbs(record: dict[str, Any]) -> set[str]:
    """The -ly adverbs of a loaded adjective ("vicious" -> "viciously"): equally loaded."""
    term = record["term"]
    adjective = not record.get("pos") or "ADJ" in record["pos"]
    if not term.isalpha() or term.endswith("ly") or not adjective:
        return set()
    if term.endswith("le"):
        return {term[:-1] + "y"}
    if term.endswith("y"):
        return {term[:-1] + "ily"}
    if term.endswith("ic"):
        return {term + "ally"}
    return {term + "ly"}


def _vader_valences() -> dict[str, float]:
    """VADER's word valences (MIT, shipped with vaderSentiment); empty if it is missing."""
    try:
        import vaderSentiment
    except ImportError:
        return {}
    lexicon_file = Path(vaderSentiment.__file__).resolve().parent / "vader_lexicon.txt"
    valences: dict[str, float] = {}
    try:
        lines = lexicon_file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return {}
    for line in lines:
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isalpha():
            try:
                valences[parts[0]] = float(parts[1])
            except ValueError:
                continue
    return valences
