"""Boilerplate: web-page debris in scraped text, marked line by line.

Debris is never deleted: it becomes `boilerplate` spans so offsets still index the
input, and the engine leaves those ranges out of parsing and of every figure.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from framelens import labels, resources
from framelens.model import Span

# A standfirst or pull quote repeats within a few dozen lines; looking further is quadratic.
_REPEAT_WINDOW = 60
_LINE_RE = re.compile(r"[^\r\n]+")
_TRIM = " \t\u00a0\u2022\u00b7\u25cf\u25aa\u2013\u2014-*>|"


@dataclass(frozen=True)
class _Rule:
    rule_id: str
    pattern: re.Pattern[str]
    explanation: str
    max_words: int | None


@functools.cache
def _rules() -> tuple[tuple[_Rule, ...], dict[str, str | int]]:
    data = resources.load_toml("boilerplate.toml")
    rules = tuple(
        _Rule(
            entry["id"],
            re.compile(entry["pattern"], 0 if entry.get("case_sensitive") else re.IGNORECASE),
            entry["explanation"],
            entry.get("max_words"),
        )
        for entry in data["rule"]
    )
    return rules, data["repeat"]


def _normalise(line: str) -> str:
    return " ".join(line.lower().split())


def find_boilerplate(text: str) -> list[Span]:
    """Boilerplate spans (whole lines, trimmed) in text order."""
    rules, repeat = _rules()
    lines = []
    for match in _LINE_RE.finditer(text):
        raw = match.group()
        core = raw.strip(_TRIM)
        if not core:
            continue
        offset = raw.find(core)
        lines.append((match.start() + offset, match.start() + offset + len(core), core))
    keys = [_normalise(core) for _, _, core in lines]
    counts = Counter(keys)
    rule_hits = [_match_rule(core, len(core.split()), rules) for _, _, core in lines]
    text_keys = [key if hit is None else "" for key, hit in zip(keys, rule_hits, strict=True)]
    seen: set[str] = set()
    spans = []
    for index, (start, end, core) in enumerate(lines):
        words = len(core.split())
        key = keys[index]
        hit = rule_hits[index]
        if hit is not None:
            spans.append(Span(start, end, labels.BOILERPLATE, hit.explanation, hit.rule_id))
        elif counts[key] > 1 and (key in seen or words <= int(repeat["max_words_always"])):
            spans.append(Span(start, end, labels.BOILERPLATE, str(repeat["explanation"]),
                              str(repeat["id"])))
        elif words >= int(repeat["contained_min_words"]) and _contained(
            key, text_keys[max(0, index - _REPEAT_WINDOW) : index + 1 + _REPEAT_WINDOW]
        ):
            spans.append(Span(start, end, labels.BOILERPLATE,
                              str(repeat["contained_explanation"]), str(repeat["contained_id"])))
        seen.add(key)
    return spans


def _contained(key: str, others: list[str]) -> bool:
    """Whether `key` (less its final punctuation) stands inside a longer line."""
    core = key.rstrip(".!?\u2026 ")
    return any(core in other and len(other) > len(key) for other in others)


def _match_rule(line: str, words: int, rules: tuple[_Rule, ...]) -> _Rule | None:
    for rule in rules:
        if rule.max_words is not None and words > rule.max_words:
            continue
        if rule.pattern.fullmatch(line):
            return rule
    return None
