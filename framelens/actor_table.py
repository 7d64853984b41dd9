"""The actors of two articles in one table, in words: each actor's part in A and in B
("named 4×, acts 2, acted upon 1, quoted 3"), and each article's source mix in counts.

One phrasing for the window's Aligned claims tab and the PDF.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from framelens.actors import Actor, ActorComparison, Source, role_label

ACTOR_COLUMNS = ("Actor", "Kind", "In A (named, acting, acted upon, quoted)", "In B")
# The tagger's names for kinds of actor, in words (person and group read as they are).
_KIND_WORDS = {"org": "organisation", "norp": "nationality, faith or party"}


def kind_label(kind: str) -> str:
    """An actor's kind in words: "organisation" for the tagger's "org"."""
    return _KIND_WORDS.get(kind, kind)


def actor_part(actor: Actor | None) -> str:
    """An actor's part in one article: "named 4×, acts 2, acted upon 1, quoted 3"."""
    if actor is None:
        return "\u2014 not named"
    parts = [f"named {actor.mentions}\u00d7"]
    for count, words in ((actor.agent, "acts"), (actor.patient, "acted upon"),
                         (actor.quoted, "quoted")):
        if count:
            parts.append(f"{words} {count}")
    return ", ".join(parts)


def source_mix(sources: Sequence[Source]) -> str:
    """Counts of quoted or credited sources by role: "2 official, 1 expert or analyst"."""
    mix = Counter(role_label(s.role) for s in sources)
    return ", ".join(f"{n} {role}" for role, n in mix.most_common()) or "no one quoted"


def actor_rows(actors: ActorComparison) -> list[tuple[str, str, str, str]]:
    """(name, kind, part in A, part in B) of every actor, most mentioned in both first
    (then by name, so that the order is the same on every run)."""
    in_a = {x.name: x for x in actors.a}
    in_b = {x.name: x for x in actors.b}
    names = sorted(set(in_a) | set(in_b),
                   key=lambda n: (-((in_a[n].mentions if n in in_a else 0)
                                    + (in_b[n].mentions if n in in_b else 0)), n.lower()))
    rows = []
    for name in names:
        actor = in_a.get(name) or in_b[name]
        rows.append((name, kind_label(actor.kind), actor_part(in_a.get(name)),
                     actor_part(in_b.get(name))))
    return rows
