"""Loaded language, hedges and boosters from the lexicons in `resources/`."""

from __future__ import annotations

import functools
from typing import Any

from framelens import labels, resources
from framelens.model import Span
from framelens.nlp.parsed import ParsedText


@functools.cache
def _lexicon() -> dict[str, dict[str, Any]]:
    entries: dict[str, dict[str, Any]] = {}
    for entry in resources.load_jsonl("loaded_language.jsonl"):
        entries[entry["term"]] = {**entry, "category": labels.LOADED}
    for entry in resources.load_jsonl("hedges_boosters.jsonl"):
        entries[entry["term"]] = entry
    return entries


def find_marks(parsed: ParsedText) -> list[Span]:
    """Loaded-language, hedge and booster spans in text order."""
    lexicon = _lexicon()
    spans = []
    for start, token in parsed.tokens():
        entry = lexicon.get(token.lower_) or lexicon.get(token.lemma_.lower())
        if entry is None:
            continue
        spans.append(Span(start, start + len(token), entry["category"], entry["explanation"],
                          entry["id"], entry.get("subtype", ""), entry.get("alternative")))
    return spans
