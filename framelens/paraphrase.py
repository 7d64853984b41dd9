"""Same meaning in other words: sentence-pair scores from the distilled word embeddings.

Each sentence's content words (the `Term`s the engine keeps: nouns, verbs, adjectives,
names, numbers; no stop words) get their static vectors (`framelens.nlp.embeddings`,
already weighted by word frequency when distilled, so a common word has a short vector).
Two scores per sentence pair:

- `match`: every word of one sentence finds its closest word in the other ("fighters" /
  "militiamen", "arrested" / "custody"); the cosines are averaged, weighted by vector
  length, both ways (a word-mover-like best match);
- `meaning`: the cosine of the two sentences' mean vectors, over all their words;
- `contained`: the better of the two one-way best matches, high when one sentence's words
  all find a counterpart in the other, however much more the other says (a claim inside a
  longer sentence).

All words of both articles are compared in one matrix product, so the cost is small next
to the analysis itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from framelens.model import Analysis
from framelens.nlp import embeddings

WORD_CHARS = 40  # a longer "word" is debris (a URL, a run of symbols)


@dataclass(frozen=True)
class SentenceWords:
    """The content words of every sentence of an article with their unit vectors."""

    words: tuple[tuple[str, ...], ...]  # per sentence, the words in text order
    units: np.ndarray  # (all words, dims): unit vectors, zero for an unknown word
    lengths: np.ndarray  # (all words,): vector lengths (how much a word says)
    owner: np.ndarray  # (all words,): the sentence each word belongs to
    means: np.ndarray  # (sentences, dims): unit mean vector of each sentence's words


def sentence_words(analysis: Analysis) -> SentenceWords:
    """The content words of each sentence of `analysis`, embedded."""
    model = embeddings.load()
    per_sentence = [[word for term in terms
                     if len(word := analysis.text[term.start:term.end]) <= WORD_CHARS]
                    for terms in analysis.terms_by_sentence()]
    flat = [word for words in per_sentence for word in words]
    vectors = np.zeros((len(flat), model.dims), dtype=np.float32)
    for row, word in enumerate(flat):
        pieces = model.pieces(word)
        if pieces:
            vectors[row] = model.vectors[list(pieces)].mean(axis=0)
    lengths = np.linalg.norm(vectors, axis=1)
    units = vectors / np.maximum(lengths, 1e-9)[:, None]
    owner = np.repeat(np.arange(len(per_sentence)), [len(words) for words in per_sentence])
    means = np.zeros((len(per_sentence), model.dims), dtype=np.float32)
    np.add.at(means, owner, vectors)
    means /= np.maximum(np.linalg.norm(means, axis=1), 1e-9)[:, None]
    return SentenceWords(tuple(tuple(w) for w in per_sentence), units, lengths, owner, means)


@dataclass(frozen=True)
class Paraphrase:
    """Per sentence pair (rows: A, columns: B): best-match and mean-vector cosines."""

    match: np.ndarray
    meaning: np.ndarray
    contained: np.ndarray


def paraphrase(a: SentenceWords, b: SentenceWords) -> Paraphrase:
    """The `match` and `meaning` scores of every sentence pair (0 where one has no word)."""
    rows, cols = len(a.words), len(b.words)
    meaning = np.clip(a.means @ b.means.T, 0.0, 1.0)
    forward = backward = np.zeros((rows, cols))
    if len(a.owner) and len(b.owner):
        cos = np.clip(a.units @ b.units.T, 0.0, 1.0)
        a_to_b = best_by_sentence(cos, b.owner, cols)  # (A words, B sentences)
        b_to_a = best_by_sentence(cos.T, a.owner, rows)  # (B words, A sentences)
        forward = weighted_mean(a_to_b, a.lengths, a.owner, rows)
        backward = weighted_mean(b_to_a, b.lengths, b.owner, cols).T
    return Paraphrase((forward + backward) / 2, meaning, np.maximum(forward, backward))


def best_by_sentence(cos: np.ndarray, owner: np.ndarray, sentences: int) -> np.ndarray:
    """For every word (row), its best cosine within each sentence of the other side."""
    best = np.zeros((cos.shape[0], sentences))
    present = np.unique(owner)
    starts = np.searchsorted(owner, present)
    best[:, present] = np.maximum.reduceat(cos, starts, axis=1)
    return best


def weighted_mean(best: np.ndarray, lengths: np.ndarray, owner: np.ndarray,
                   sentences: int) -> np.ndarray:
    """Per own sentence (rows) and other sentence (columns): the length-weighted mean."""
    total = np.zeros((sentences, best.shape[1]))
    np.add.at(total, owner, best * lengths[:, None])
    weight = np.zeros(sentences)
    np.add.at(weight, owner, lengths)
    return total / np.maximum(weight, 1e-9)[:, None]


def closest_words(a: SentenceWords, b: SentenceWords, i: int, j: int,
                  limit: int = 3) -> list[tuple[str, str, float]]:
    """The word pairs of sentence i of A and j of B that mean most alike but are spelled
    differently ("fighters" ~ "militiamen"), best first."""
    rows = np.flatnonzero(a.owner == i)
    cols = np.flatnonzero(b.owner == j)
    if not len(rows) or not len(cols):
        return []
    cos = a.units[rows] @ b.units[cols].T
    words_a, words_b = a.words[i], b.words[j]
    found: list[tuple[str, str, float]] = []
    seen: set[str] = set()
    for flat in np.argsort(-cos, axis=None):
        r, c = divmod(int(flat), len(cols))
        left, right = words_a[r], words_b[c]
        if cos[r, c] < 0.5 or len(found) >= limit:
            break
        if (_stem(left) == _stem(right) or left.lower() in seen or right.lower() in seen
                or (left[:1].isupper() and right[:1].isupper())):  # names are anchors
            continue
        seen.update((left.lower(), right.lower()))
        found.append((left, right, float(cos[r, c])))
    return found


def _stem(word: str) -> str:
    return word.lower()[:5]


def numbers_differ(a: Sequence[set[str]], b: Sequence[set[str]]) -> np.ndarray:
    """Per sentence pair, the share of their numbers that only one of them has (0 when
    neither has a number): "800 fighters" against "850 fighters" is not the same fact."""
    out = np.zeros((len(a), len(b)))
    for i, left in enumerate(a):
        for j, right in enumerate(b):
            union = left | right
            if union:
                out[i, j] = len(left ^ right) / len(union)
    return out
