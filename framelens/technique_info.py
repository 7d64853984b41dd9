"""What each persuasion technique is, for people: name, definition, question, an example.

Read from `resources/techniques.toml` (our own words; the inventory follows PTC and
SemEval-2023 Task 3). No spaCy here: the exports and the window read it too.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from framelens import labels, resources

RESOURCE = "techniques.toml"


@dataclass(frozen=True)
class Technique:
    """One technique as the reader sees it: name, definition, question, an example."""

    id: str
    name: str
    definition: str
    question: str
    example: str


@functools.cache
def techniques() -> dict[str, Technique]:
    """Every technique (the 13 of PTC besides loaded language, and vague attribution) by id."""
    table: dict[str, Any] = resources.load_toml(RESOURCE)["technique"]
    found = {key: Technique(key, entry["name"], entry["definition"], entry["question"],
                            entry["example"]) for key, entry in table.items()}
    missing = set(labels.TECHNIQUE_SUBTYPES) - set(found)
    if missing:
        raise resources.ResourceError(f"{RESOURCE}: no entry for {sorted(missing)}")
    return found


def technique_name(subtype: str) -> str:
    """The name of a technique for people ("Name-calling"), from its id."""
    info = techniques().get(subtype)
    return info.name if info else subtype.replace("_", " ")
