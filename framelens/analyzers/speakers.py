"""Speaker names: a light coreference from a speaker mention to the full name it refers to.

Cheap and explainable, no extra model: named people and organisations are tracked in
text order from the parser's entities. A surname ("Daftari", "Ben Taleblu") resolves to
the most recent earlier full name ending with it; a personal pronoun ("she", "he") to the
most recent person named as a speaker or as the subject of a main clause within a window;
"they"/"it" to the most recent organisation in that role. No gender is guessed, so "she"
may resolve to a man named just before: the window and the speaker-first order keep that rare.
A speaker with no name ("officials", "a spokesman", "the report") resolves to None: the
sources of an article are the named ones, and the speaker span still shows who spoke.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from framelens.nlp.parsed import ParsedText

PERSON_LABELS = frozenset({"PERSON"})
GROUP_LABELS = frozenset({"ORG", "NORP", "GPE"})
_POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")


@dataclass
class _Candidate:
    position: int
    name: str
    person: bool


@dataclass
class SpeakerResolver:
    """Resolve speaker mentions to full names, walking the text in order."""

    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    window: int
    full_names: list[str] = field(default_factory=list)
    candidates: list[_Candidate] = field(default_factory=list)

    @classmethod
    def for_text(cls, parsed: ParsedText, person_pronouns: frozenset[str],
                 group_pronouns: frozenset[str], window: int) -> SpeakerResolver:
        """A resolver primed with the subjects of main clauses that are named entities."""
        resolver = cls(person_pronouns, group_pronouns, window)
        for block in parsed.blocks:
            for ent in block.doc.ents:
                if ent.label_ in PERSON_LABELS and len(ent) > 1:
                    resolver._remember_full(_clean(ent.text))
                if ent.label_ in PERSON_LABELS | GROUP_LABELS and _is_main_subject(ent):
                    resolver.candidates.append(_Candidate(
                        block.start + ent.start_char, _clean(ent.text),
                        ent.label_ in PERSON_LABELS))
        resolver.candidates.sort(key=lambda c: c.position)
        return resolver

    def resolve(self, mention: Span, position: int) -> str | None:
        """The full name `mention` (the speaker tokens at `position`) refers to."""
        for ent in mention.ents:
            if not ent.start <= mention.root.i < ent.end and not (
                    ent.label_ in PERSON_LABELS and ent.root.dep_ == "appos"
                    and ent.root.head.i == mention.root.i):
                continue
            name = _clean(ent.text)
            if ent.label_ in PERSON_LABELS:
                full = self._expand(name, position)
                self._add(_Candidate(position, full, True))
                return full
            if ent.label_ in GROUP_LABELS:
                self._add(_Candidate(position, name, False))
                return name
        head = mention.root
        if head.lower_ in self.person_pronouns or head.lower_ in self.group_pronouns:
            return self._antecedent(head, position)
        if head.pos_ == "PROPN":
            full = self._expand(_clean(head_phrase(mention)), position)
            self._add(_Candidate(position, full, True))
            return full
        return None

    def _add(self, candidate: _Candidate) -> None:
        bisect.insort(self.candidates, candidate, key=lambda c: c.position)

    def _antecedent(self, pronoun: Token, position: int) -> str | None:
        person = pronoun.lower_ in self.person_pronouns
        for candidate in reversed(self.candidates):
            if candidate.position >= position:
                continue
            if position - candidate.position > self.window:
                return None
            if candidate.person == person:
                return candidate.name
        return None

    def _expand(self, name: str, position: int) -> str:
        """A surname or partial name -> the longest full name seen that ends with it."""
        words = name.split()
        best = name
        for full in self.full_names:
            full_words = full.split()
            if len(full_words) > len(words) and full_words[-len(words):] == words:
                best = full if len(full) > len(best) else best
        if len(words) > 1:
            self._remember_full(name)
        return best

    def _remember_full(self, name: str) -> None:
        if name not in self.full_names:
            self.full_names.append(name)


def _clean(name: str) -> str:
    name = " ".join(name.split())
    for suffix in _POSSESSIVE:
        if name.endswith(suffix):
            return name[: -len(suffix)].rstrip()
    return name


def head_phrase(mention: Span) -> str:
    """The mention up to its first comma ("Brian Carter, an expert at ..." -> "Brian Carter")."""
    words = []
    for token in mention:
        if token.text in {",", "(", "\u2014", "\u2013"}:
            break
        words.append(token.text_with_ws)
    return "".join(words).strip()


def _is_main_subject(ent: Span) -> bool:
    """The entity heads or names the subject of its sentence's main verb (or a reporting clause)."""
    root = ent.root
    while root.dep_ in ("compound", "appos", "flat") and root.head is not root:
        root = root.head
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ in ("ROOT", "conj", "ccomp")
