"""Same fact, different framing: what differs between the aligned sentences of A and B.

For one aligned group, in plain words: the sentence label, who is credited (a named
source, a vague one, nobody), the reporting verb, loaded words, hedges and boosters one
side has and the other lacks, numbers that differ, and where the claim sits (headline,
lead, body, near the end).
"""

from __future__ import annotations

from collections.abc import Sequence

from framelens import labels
from framelens.actors import source_role
from framelens.analyzers.terms import number_key
from framelens.model import Analysis

_LABEL_WORDS = {labels.OPINION: "stated as opinion", labels.FACT: "stated as fact",
                labels.ATTRIBUTED: "attributed to a source"}
_SPAN_WORDS = ((labels.LOADED, "loaded words"), (labels.HEDGE, "hedges"),
               (labels.BOOSTER, "boosters"))
LEAD_SENTENCES = 3


def position(analysis: Analysis, index: int) -> str:
    """'headline', 'lead', 'body' or 'end' for the sentence at `index`."""
    sentence = analysis.sentences[index]
    if index == 0 and analysis.title and analysis.text[sentence.start:sentence.end].strip(
    ).startswith(analysis.title.rstrip("\u2026")[:40]):
        return "headline"
    if index <= LEAD_SENTENCES:
        return "lead"
    if index >= len(analysis.sentences) * 0.75:
        return "end"
    return "body"


def credit(analysis: Analysis, indices: Sequence[int]) -> tuple[str, str]:
    """Who the sentences credit ('named', 'vague' or 'nobody') and the speaker and verb."""
    for quote in _quotes(analysis, indices):
        speaker = analysis.speaker_of(quote) or ""
        verb = analysis.cue_of(quote) or ""
        role, _ = source_role(analysis, quote)
        kind = "vague" if role == "vague" or not speaker else "named"
        return kind, f"{speaker} ({verb})" if verb else speaker
    return "nobody", ""


def _quotes(analysis: Analysis, indices: Sequence[int]) -> list:
    found = []
    for index in indices:
        sentence = analysis.sentences[index]
        found += [q for q in analysis.quotes
                  if q.content.start < sentence.end and q.content.end > sentence.start]
    return found


def _inside(analysis: Analysis, indices: Sequence[int], start: int) -> bool:
    return any(analysis.sentences[i].start <= start < analysis.sentences[i].end
               for i in indices)


def span_ranges(analysis: Analysis, indices: Sequence[int],
                category: str) -> dict[str, list[tuple[int, int]]]:
    """The lower-cased words of one span category (loaded, hedge, booster) in the sentences
    `indices`, each with the character ranges where it occurs."""
    found: dict[str, list[tuple[int, int]]] = {}
    for span in analysis.spans:
        if span.category == category and _inside(analysis, indices, span.start):
            word = analysis.text[span.start:span.end].lower()
            found.setdefault(word, []).append((span.start, span.end))
    return found


def number_ranges(analysis: Analysis,
                  indices: Sequence[int]) -> dict[str, list[tuple[int, int]]]:
    """The numbers (written with digits, as compared: `number_key`) in the sentences
    `indices`, each with the character ranges where it occurs."""
    found: dict[str, list[tuple[int, int]]] = {}
    for term in analysis.terms:
        if (term.pos == "NUM" and any(c.isdigit() for c in term.lemma)
                and _inside(analysis, indices, term.start)):
            found.setdefault(number_key(term.lemma), []).append((term.start, term.end))
    return found


def _span_words(analysis: Analysis, indices: Sequence[int], category: str) -> set[str]:
    return set(span_ranges(analysis, indices, category))


def _numbers(analysis: Analysis, indices: Sequence[int]) -> set[str]:
    return set(number_ranges(analysis, indices))


def differences(a: Analysis, b: Analysis, group_a: Sequence[int], group_b: Sequence[int],
                name_a: str = "A", name_b: str = "B") -> tuple[str, ...]:
    """The framing differences of one aligned group, most telling first."""
    found: list[str] = []
    label_a = {a.sentences[i].label for i in group_a}
    label_b = {b.sentences[j].label for j in group_b}
    if label_a != label_b:
        found.append(f"{name_a}: {_labels(label_a)}; {name_b}: {_labels(label_b)}.")
    credit_a, credit_b = credit(a, group_a), credit(b, group_b)
    if credit_a[0] != credit_b[0]:
        found.append(f"Credited: {name_a} {_credit(credit_a)}; {name_b} {_credit(credit_b)}.")
    elif credit_a[1] != credit_b[1] and credit_a[0] != "nobody":
        found.append(f"Sources: {name_a} {credit_a[1]}; {name_b} {credit_b[1]}.")
    numbers_a, numbers_b = _numbers(a, group_a), _numbers(b, group_b)
    if numbers_a and numbers_b and numbers_a != numbers_b:
        found.append(f"Numbers differ: {name_a} {', '.join(sorted(numbers_a))}; "
                     f"{name_b} {', '.join(sorted(numbers_b))}.")
    for category, noun in _SPAN_WORDS:
        only_a = _span_words(a, group_a, category) - _span_words(b, group_b, category)
        only_b = _span_words(b, group_b, category) - _span_words(a, group_a, category)
        for name, words in ((name_a, only_a), (name_b, only_b)):
            if words:
                quoted = ", ".join(f"\u201c{w}\u201d" for w in sorted(words))
                found.append(f"{noun.capitalize()} only in {name}: {quoted}.")
    place_a, place_b = position(a, min(group_a)), position(b, min(group_b))
    if place_a != place_b:
        found.append(f"Position: {name_a} {_place(place_a)}; {name_b} {_place(place_b)}.")
    return tuple(found)


def _labels(found: set[str]) -> str:
    return " and ".join(_LABEL_WORDS.get(label, label) for label in sorted(found))


def _credit(found: tuple[str, str]) -> str:
    kind, who = found
    if kind == "nobody":
        return "credits nobody"
    return f"credits a {kind} source, {who}" if who else f"credits a {kind} source"


def _place(place: str) -> str:
    return {"headline": "in the headline", "lead": "in the lead", "body": "in the body",
            "end": "near the end"}[place]
