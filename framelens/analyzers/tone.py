"""Tone: VADER compound score per sentence (never per article: the compound saturates)."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


@functools.cache
def _analyser() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def sentence_tones(sentences: Iterable[str]) -> list[float]:
    """The VADER compound score in [-1, 1] of each sentence."""
    analyser = _analyser()
    return [float(analyser.polarity_scores(s)["compound"]) for s in sentences]
