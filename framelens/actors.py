"""Actors and voices: who each article names, who is quoted, who acts and who is acted upon.

Actors are the people, organisations and groups an article names (spaCy entities kept as
`Analysis.entities`) and the groups it names with common nouns ("protesters", "police";
`resources/actors.toml`). For each: mentions, how often it is the agent (subject of an
active verb, the "by" of a passive) or the patient (object, passive subject), and whether
it is given a voice. Quoted sources are classed by role (official, expert, advocacy,
ordinary person, media, unnamed or vague) by the rules of `resources/actors.toml`.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass
from typing import Any

from framelens import resources
from framelens.explain import counted
from framelens.model import Analysis, Quote

ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP"})
_CONTEXT_CHARS = 80


@dataclass(frozen=True)
class Actor:
    """One actor of one article."""

    name: str
    kind: str
    mentions: int
    agent: int
    patient: int
    quoted: int

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "mentions": self.mentions,
                "agent": self.agent, "patient": self.patient, "quoted": self.quoted}


@dataclass(frozen=True)
class Source:
    """A quoted or credited source with its role and the words that show it."""

    name: str
    role: str
    rule: str
    evidence: str


@dataclass(frozen=True)
class ActorComparison:
    """Both articles' actors and source mix, and the contrasts in words."""

    a: tuple[Actor, ...]
    b: tuple[Actor, ...]
    sources_a: tuple[Source, ...]
    sources_b: tuple[Source, ...]
    contrasts: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        def mix(sources: tuple[Source, ...]) -> dict[str, int]:
            return dict(Counter(s.role for s in sources))

        return {"a": [x.to_json() for x in self.a], "b": [x.to_json() for x in self.b],
                "only_in_a": sorted({x.name for x in self.a} - {x.name for x in self.b}),
                "only_in_b": sorted({x.name for x in self.b} - {x.name for x in self.a}),
                "sources_a": [s.__dict__ for s in self.sources_a],
                "sources_b": [s.__dict__ for s in self.sources_b],
                "source_mix_a": mix(self.sources_a), "source_mix_b": mix(self.sources_b),
                "contrasts": list(self.contrasts)}


@functools.cache
def _rules() -> tuple[dict[str, Any], ...]:
    return tuple(resources.load_toml("actors.toml")["roles"])


@functools.cache
def _group_nouns() -> frozenset[str]:
    return frozenset(resources.load_toml("actors.toml")["groups"]["nouns"])


def role_label(role: str) -> str:
    """The words for a role id ('expert' -> 'expert or analyst')."""
    return next((r["label"] for r in _rules() if r["role"] == role), role)


def source_role(analysis: Analysis, quote: Quote) -> tuple[str, str]:
    """The role of a quote's source and the rule id, from the words of and near the speaker."""
    if quote.speaker is None:
        return "vague", "actors.vague"
    speaker = analysis.text[quote.speaker.start:quote.speaker.end].lower()
    near = description(analysis, quote.speaker.start, quote.speaker.end).lower()
    speaker_words = set(_words(speaker))
    for rule in _rules():
        if "speaker_words" in rule:
            if not quote.speaker_name and speaker_words & set(rule["speaker_words"]):
                return rule["role"], rule["id"]
        elif set(_words(near)) & set(rule["words"]):
            return rule["role"], rule["id"]
    return "unknown", ""


_CLAUSE_ENDS = ".;:!?\u201c\u201d\"()"
_ATTACHED = ("of", "at", "from", "with", "for")


def description(analysis: Analysis, start: int, end: int) -> str:
    """A source's name with the words that describe it: the title or description just
    before it in its clause ("American diplomat Thomas Barrack", "Another expert, Behnam
    Ben Taleblu") and the apposition or phrase attached after it (", an Iran specialist,",
    "of the Foundation for ..."). Words beyond its clause ("This extensive campaign,
    described by Time") describe something else."""
    text = analysis.text
    back = max(0, start - _CONTEXT_CHARS)
    before = text[back:start]
    cut = max(before.rfind(c) for c in _CLAUSE_ENDS + ",")
    if cut >= 0 and before[cut] == "," and not before[cut + 1:].strip():
        # "Another expert, NAME": the description stands before the comma
        cut = max(before.rfind(c, 0, cut) for c in _CLAUSE_ENDS + ",")
    before = before[cut + 1:]
    after = text[end:end + _CONTEXT_CHARS]
    rest = after.lstrip()
    if after.startswith(","):
        stop = min((i for i in (after.find(c, 1) for c in _CLAUSE_ENDS + ",") if i > 0),
                   default=len(after))
        after = after[:stop]
    elif rest.split(" ", 1)[0].lower() in _ATTACHED:
        stop = min((i for i in (after.find(c) for c in _CLAUSE_ENDS + ",") if i >= 0),
                   default=len(after))
        after = after[:stop]
    else:
        after = ""
    return before + text[start:end] + after


def _words(text: str) -> list[str]:
    return ["".join(c for c in w if c.isalnum() or c == ".").strip(".") or w
            for w in text.split()]


def sources(analysis: Analysis) -> tuple[Source, ...]:
    """Each distinct voiced source with its role."""
    found: dict[str, Source] = {}
    for quote in analysis.quotes:
        if not quote.voiced:
            continue
        name = analysis.speaker_of(quote) or "(no speaker named)"
        role, rule = source_role(analysis, quote)
        evidence = " ".join(analysis.text[max(0, (quote.speaker or quote.content).start - 40):
                                          (quote.speaker or quote.content).end].split())
        found.setdefault(name, Source(name, role, rule, evidence))
    return tuple(found.values())


def actors(analysis: Analysis) -> tuple[Actor, ...]:
    """The actors of one article, most mentioned first."""
    names = _canonical_names(analysis)
    table: dict[str, list[int]] = {}
    kinds: dict[str, str] = {}
    for entity in analysis.entities:
        text = _clean(analysis.text[entity.start:entity.end])
        if entity.label not in ACTOR_LABELS or text not in names:
            continue
        name = names[text]
        row = table.setdefault(name, [0, 0, 0])
        if entity.label == "PERSON":  # a tagger that once calls a person an ORG is outvoted
            kinds[name] = "person"
        else:
            kinds.setdefault(name, entity.label.lower())
        row[0] += 1
        row[1] += entity.role == "agent"
        row[2] += entity.role == "patient"
    for term in analysis.terms:
        if term.pos == "NOUN" and term.lemma in _group_nouns() and not term.entity:
            row = table.setdefault(term.lemma, [0, 0, 0])
            kinds.setdefault(term.lemma, "group")
            row[0] += 1
            row[1] += term.role == "agent"
            row[2] += term.role == "patient"
    quoted = Counter(analysis.speaker_of(q) for q in analysis.quotes if q.voiced)
    out = [Actor(name, kinds[name], row[0], row[1], row[2],
                 sum(n for s, n in quoted.items() if s and (s == name or name in s)))
           for name, row in table.items()]
    return tuple(sorted(out, key=lambda x: (-x.mentions, x.name)))


# Lower-case words that belong inside names ("Osama bin Laden", "Ursula von der Leyen").
_NAME_PARTICLES = frozenset({"al", "bin", "bint", "da", "de", "del", "der", "di", "du", "el",
                             "ibn", "la", "le", "van", "von", "y"})


def _looks_like_a_name(text: str, known_words: set[str]) -> bool:
    """Whether an entity the tagger found reads as a name: not a slogan ("Death to X", a
    lower-case word inside) and not a possessive that lost its apostrophe ("Khameneis",
    "Iraqs": the same word without its final s is a name the article uses)."""
    words = text.split()
    if any(w[:1].islower() and w not in _NAME_PARTICLES for w in words):
        return False
    last = words[-1] if words else ""
    return not (len(last) > 3 and last.endswith("s") and last[:-1] in known_words)


def _clean(text: str) -> str:
    text = " ".join(text.split())
    for suffix in ("\u2019s", "'s"):
        text = text.removesuffix(suffix)
    return text.removeprefix("the ").removeprefix("The ")


def _canonical_names(analysis: Analysis) -> dict[str, str]:
    """A surname alone is the full name it shortens ('Daftari' -> 'Lisa Daftari'); what
    does not read as a name is left out."""
    every = {_clean(analysis.text[e.start:e.end]) for e in analysis.entities}
    known_words = {word for name in every for word in name.split()}
    full = sorted((name for name in every if _looks_like_a_name(name, known_words)),
                  key=len, reverse=True)
    canonical: dict[str, str] = {}
    for name in full:
        longer = next((f for f in full if f != name and f.split()[-1:] == name.split()[-1:]
                       and len(f) > len(name)), None)
        canonical[name] = canonical.get(longer, longer) if longer else name
    return canonical


def _unmatched(names: set[str], others: set[str]) -> set[str]:
    """The people of `names` the other article does not name, by full name or surname
    ('Khamenei' in one article is 'Ali Khamenei' in the other)."""
    surnames = {other.split()[-1] for other in others if other.split()}
    return {name for name in names if name.split() and name.split()[-1] not in surnames}


def compare_actors(a: Analysis, b: Analysis, name_a: str = "A",
                   name_b: str = "B") -> ActorComparison:
    """Actors and source mix of both articles, with the contrasts in words."""
    actors_a, actors_b = actors(a), actors(b)
    sources_a, sources_b = sources(a), sources(b)
    lines = []
    for name, mine, other in ((name_a, sources_a, sources_b), (name_b, sources_b, sources_a)):
        if len(mine) > len(other):
            mix = Counter(s.role for s in mine)
            parts = ", ".join(f"{role_label(r)} {n}" for r, n in mix.most_common())
            other_name = name_b if name == name_a else name_a
            other_text = (f"quotes {counted(len(other), 'source')}" if other
                          else "quotes no one")
            lines.append(f"{name} quotes {counted(len(mine), 'source')} ({parts}); "
                         f"{other_name} {other_text}.")
    named_a = {x.name for x in actors_a if x.kind == "person"}
    named_b = {x.name for x in actors_b if x.kind == "person"}
    for name, only in ((name_a, _unmatched(named_a, named_b)),
                       (name_b, _unmatched(named_b, named_a))):
        if only:
            lines.append(f"Only {name} names {', '.join(sorted(only)[:6])}.")
    return ActorComparison(actors_a, actors_b, sources_a, sources_b, tuple(lines))
