"""Which language a text is in, offline (py3langid), so non-English text is reported, not misread.

FrameLens analyses English. A text is called non-English only when py3langid is confident
and the text is long enough for that to mean something: single English sentences (the
benchmark feeds many) are never refused, and a short text in another language is simply
analysed as if it were English.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from framelens import resources

ENGLISH = "en"
NO_LANGUAGE = "zxx"
MIN_LETTERS = 150
MIN_CONFIDENCE = 0.98
SAMPLE_CHARS = 10_000


@dataclass(frozen=True)
class LanguageGuess:
    """The language FrameLens takes a text to be in.

    `code` is an ISO 639 code: "en" for English or whenever the evidence is too weak,
    another code when the text is confidently in that language, "zxx" when it has no letters.
    """

    code: str
    confidence: float
    letters: int

    @property
    def name(self) -> str:
        """The language's English name (the code itself when the name is unknown)."""
        return language_names().get(self.code, f"language '{self.code}'")

    @property
    def is_english(self) -> bool:
        return self.code == ENGLISH

    def problem(self) -> str | None:
        """Why FrameLens cannot analyse this text, as a plain phrase, or None when it can."""
        return language_problem(self.code)


def language_problem(code: str) -> str | None:
    """Why a text in language `code` cannot be analysed (a plain phrase), or None."""
    if code == NO_LANGUAGE:
        return "no words to analyse (only numbers, punctuation or symbols)"
    if code != ENGLISH:
        name = language_names().get(code, f"language '{code}'")
        return f"this looks like {name}; FrameLens analyses English"
    return None


@functools.cache
def language_names() -> dict[str, str]:
    """ISO 639 code → English language name, from `resources/language_names.tsv`."""
    pairs = (line.split("\t", 1) for line in resources.load_lines("language_names.tsv"))
    return {code.strip(): name.strip() for code, name in pairs}


@functools.cache
def _identifier():  # -> py3langid LanguageIdentifier; its model ships inside the package
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _sample(text: str) -> str:
    """At most 2 × SAMPLE_CHARS characters: the start and the middle of a long text."""
    if len(text) <= 2 * SAMPLE_CHARS:
        return text
    middle = len(text) // 2
    return text[:SAMPLE_CHARS] + "\n" + text[middle:middle + SAMPLE_CHARS]


def detect_language(text: str) -> LanguageGuess:
    """Guess the language of `text`; English unless another language is clearly indicated."""
    sample = _sample(text)
    letters = sum(1 for char in sample if char.isalpha())
    if letters == 0:
        return LanguageGuess(NO_LANGUAGE, 1.0, 0)
    code, confidence = _identifier().classify(sample)
    confidence = float(confidence)
    confident = confidence >= MIN_CONFIDENCE and letters >= MIN_LETTERS
    if code in (ENGLISH, NO_LANGUAGE) or not confident:
        return LanguageGuess(ENGLISH, confidence if code == ENGLISH else 1.0 - confidence,
                             letters)
    return LanguageGuess(code, confidence, letters)
