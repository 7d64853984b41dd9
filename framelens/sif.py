"""Word-by-word sentence similarity over every word, with the common direction removed.

After Arora, Liang & Ma, "A simple but tough-to-beat baseline for sentence embeddings"
(ICLR 2017): a word counts in proportion to a / (a + p(w)), so "the", "of" and "said" say
little and a rare name says much, and the direction every sentence shares (the "common
discourse" component, the first principal directions of many sentences' word vectors)
is removed before comparing. The distilled vectors (`framelens.nlp.embeddings`) already
carry the frequency weight: model2vec scaled each piece's row by a / (a + p) when it was
distilled (`resources/embeddings/config.json`: sif_coefficient), so a frequent word has
a short vector. What this module adds:

- every whitespace word of a sentence, stop words included, as the sum of its pieces'
  rows (a word of many pieces is a rare word and weighs more);
- the common directions, fitted on training sentences by `benchmarks/fit_alignment.py`
  and stored with the model (`resources/alignment_model.json`, numbers only), projected
  out of every word vector;
- `match`: each word's closest word in the other sentence (cosine), averaged with the
  word vectors' lengths as weights, both ways, then the mean of the two directions.

The content-word scores of `framelens.paraphrase` stay; this is one more feature of the
fitted sentence similarity (measured by cross-validation in the fitting script).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from framelens.model import Analysis
from framelens.nlp import embeddings
from framelens.paraphrase import best_by_sentence, weighted_mean

WORD_CHARS = 40  # a longer "word" is debris (a URL, a run of symbols)


@dataclass(frozen=True)
class Words:
    """Every word of every sentence of an article, as summed piece rows."""

    vectors: np.ndarray  # (words, dims); zero for a word with no known piece
    owner: np.ndarray  # (words,): the sentence each word belongs to
    sentences: int


def words(analysis: Analysis) -> Words:
    """The words of each sentence of `analysis` (split on whitespace), embedded."""
    model = embeddings.load()
    rows: list[tuple[int, ...]] = []
    owner: list[int] = []
    for index, sentence in enumerate(analysis.sentences):
        for word in analysis.text[sentence.start:sentence.end].split():
            if len(word) <= WORD_CHARS:
                rows.append(model.pieces(word))
                owner.append(index)
    vectors = np.zeros((len(rows), model.dims), dtype=np.float32)
    pieces = [piece for word in rows for piece in word]
    if pieces:
        word_of_piece = np.repeat(np.arange(len(rows)), [len(word) for word in rows])
        np.add.at(vectors, word_of_piece, model.vectors[pieces])
    return Words(vectors, np.array(owner, dtype=int), len(analysis.sentences))


def common_components(sides: Sequence[Words], count: int) -> np.ndarray:
    """The `count` first principal directions (uncentred, as in Arora et al.) of the word
    vectors of `sides`: what all sentences share. Shape (count, dims)."""
    dims = embeddings.load().dims
    stacked = [side.vectors for side in sides if len(side.vectors)]
    if count <= 0 or not stacked:
        return np.zeros((0, dims), dtype=np.float32)
    matrix = np.vstack(stacked).astype(np.float64)
    return np.linalg.svd(matrix, full_matrices=False)[2][:count].astype(np.float32)


def match(a: Words, b: Words, common: np.ndarray) -> np.ndarray:
    """Per sentence pair (rows: A, columns: B), the length-weighted mean of each word's
    best cosine in the other sentence, averaged both ways (0 where a side has no word)."""
    out = np.zeros((a.sentences, b.sentences))
    if not len(a.owner) or not len(b.owner):
        return out
    units_a, lengths_a = _units(a.vectors, common)
    units_b, lengths_b = _units(b.vectors, common)
    cos = np.clip(units_a @ units_b.T, 0.0, 1.0)
    forward = weighted_mean(best_by_sentence(cos, b.owner, b.sentences), lengths_a, a.owner,
                            a.sentences)
    backward = weighted_mean(best_by_sentence(cos.T, a.owner, a.sentences), lengths_b, b.owner,
                             b.sentences)
    return (forward + backward.T) / 2


def _units(vectors: np.ndarray, common: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    if len(common):
        vectors = vectors - (vectors @ common.T) @ common
    lengths = np.linalg.norm(vectors, axis=1)
    return vectors / np.maximum(lengths, 1e-9)[:, None], lengths
