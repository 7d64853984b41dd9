"""Genre: is the whole document opinion (op-ed, editorial) or reporting (news)?"""

from __future__ import annotations

import math

from framelens import labels
from collections.abc import Sequence

from framelens.model import Genre, Metrics, Quote, Sentence, Span


def classify(text: str, sentences: Sequence[Sentence], spans: Sequence[Span],
             quotes: Sequence[Quote], metrics: Metrics) -> Genre:
    """Opinion or reporting; the score is how opinion-like the document is, in [0, 1]."""
    raw = (4.0 * (metrics.opinion_share - 0.4) - 3.0 * (metrics.attributed_share - 0.2)
           + 0.5 * metrics.first_person_per_100 + 0.3 * metrics.loaded_per_100)
    score = 1.0 / (1.0 + math.exp(-raw))
    label = labels.GENRE_OPINION if score >= 0.5 else labels.GENRE_REPORTING
    evidence = (
        f"{metrics.opinion_share:.0%} of sentences state opinion",
        f"{metrics.attributed_share:.0%} of sentences are attributed to sources",
        f"{metrics.first_person_per_100:.1f} first-person words per 100 words",
    )
    return Genre(label, round(score, 3), evidence)
