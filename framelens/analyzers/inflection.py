"""Put a neutral alternative in the form of the word it replaces ("claimed" -> "said").

The lexicon stores alternatives as base forms ("say", "play down"); a marked verb in the
past, the third person or the -ing form gets its alternative's first word in that form, so
the suggestion can be dropped into the sentence as it stands. Regular English spelling
rules, plus the irregular forms listed in `resources/loaded_signals.toml`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

_VOWELS = "aeiou"
# One vowel group, ending consonant-vowel-consonant: the final consonant doubles
# ("plan" -> "planned", "cut" -> "cutting"); w, x, y and h never double.
_SHORT_CVC = re.compile(r"^[^aeiou]*[aeiou][^aeiouwxyh]$")


def inflect_like(alternative: str, tag: str,
                 irregular: Mapping[str, Sequence[str]], attributive: bool = False) -> str:
    """`alternative` with its first word in the form that Penn tag `tag` names.

    An `attributive` participle stands before its noun ("soaring inflation"), where an
    adverb follows no verb: "rise sharply" becomes "sharply rising", not "rising sharply".
    """
    verb, _, rest = alternative.partition(" ")
    form = _form(verb.lower(), tag, irregular)
    if attributive and tag in ("VBG", "VBN") and rest.endswith("ly") and " " not in rest:
        return f"{rest} {form}"
    return f"{form} {rest}" if rest else form


def _form(verb: str, tag: str, irregular: Mapping[str, Sequence[str]]) -> str:
    forms = irregular.get(verb, ())
    if tag == "VBD" and len(forms) > 0:
        return forms[0]
    if tag == "VBN" and len(forms) > 1:
        return forms[1]
    if tag == "VBG" and len(forms) > 2:
        return forms[2]
    if tag in ("VBD", "VBN"):
        return _past(verb)
    if tag == "VBZ":
        return _third_person(verb)
    if tag == "VBG":
        return _gerund(verb)
    return verb


def _past(verb: str) -> str:
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2:-1] not in _VOWELS:
        return verb[:-1] + "ied"
    if _SHORT_CVC.match(verb):
        return verb + verb[-1] + "ed"
    return verb + "ed"


def _third_person(verb: str) -> str:
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in _VOWELS:
        return verb[:-1] + "ies"
    return verb + "s"


def _gerund(verb: str) -> str:
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    if _SHORT_CVC.match(verb):
        return verb + verb[-1] + "ing"
    return verb + "ing"


def in_case_of(words: str, alternative: str, before: str = "") -> str:
    """`alternative` written in the case of the `words` it replaces, whose paragraph has
    `before` ahead of them: in capitals where the words are ("REGIME" -> "GOVERNMENT"),
    capitalised where they begin a sentence ("Regime" -> "Government"), otherwise as
    listed (a capitalised name inside a sentence, "Big Pharma", is no sentence start)."""
    letters = [c for c in words if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return alternative.upper()
    lead = before.rstrip().rstrip("\"'\u201c\u2018([").rstrip()
    starts_sentence = not lead or lead[-1] in ".!?:\u2026"
    if starts_sentence and letters and letters[0].isupper():
        return alternative[:1].upper() + alternative[1:]
    return alternative


# Words spelt with a vowel but said with a consonant ("a union", "a one-off") and the
# reverse ("an hour", "an uninformed"), checked first. A spelling rule, checked against the
# CMU Pronouncing Dictionary for every alternative the lexicon offers (tests/test_inflection).
_CONSONANT_SOUND = ("uni", "unan", "use", "usu", "ura", "ure", "uri", "uro", "uten", "uto", "uti",
                    "ubiq", "ugan", "uk", "eu", "one", "once")
_VOWEL_SOUND = ("hour", "honest", "honour", "honor", "heir", "unid", "unim", "unin", "uniss")


def article_for(word: str) -> str:
    """"a" or "an": the indefinite article that goes before `word`."""
    lower = word.lower()
    if lower.startswith(_VOWEL_SOUND):
        return "an"
    if lower.startswith(_CONSONANT_SOUND):
        return "a"
    return "an" if lower[:1] in _VOWELS else "a"


# "a" or "an" right before the words being replaced.
_ARTICLE_BEFORE = re.compile(r"\b([Aa]n?)(\s+)$")


def replacement(words: str, alternative: str, before: str = "") -> tuple[int, str]:
    """How to put `alternative` in place of `words`, whose paragraph has `before` ahead of
    them: how many characters before the words the edit also takes (a preceding "a"/"an"
    that must change: "an ironclad" -> "a firm"), and the text to write, in the case of
    the words."""
    text = in_case_of(words, alternative, before)
    found = _ARTICLE_BEFORE.search(before)
    if found is None or found.group(1).lower() == article_for(text):
        return 0, text
    article = article_for(text)
    if found.group(1)[0].isupper():
        article = article.capitalize()
    return len(before) - found.start(1), article + found.group(2) + text
