"""Static word embeddings distilled from a sentence encoder, read with numpy alone.

`resources/embeddings/` holds one float16 matrix (a row per WordPiece token) and its
vocabulary, distilled once from all-MiniLM-L6-v2 by `benchmarks/distill_embeddings.py`
(model2vec; Apache-2.0 model, see the NOTICE there). A text's vector is the mean of its
pieces' rows, so anything linear over it splits exactly into per-word contributions:
`Embedded.word_vectors` gives each word's summed rows and the common divisor. No PyTorch,
no tokenizer library: the uncased WordPiece split is done here (lower-case, accents
stripped, punctuation split off, greedy longest match).
"""

from __future__ import annotations

import functools
import json
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from framelens import resources

DIRECTORY = "embeddings"
MAX_WORD_CHARS = 100


@dataclass(frozen=True)
class Embedded:
    """The pieces of a sequence of words: per-word summed rows and the piece count."""

    word_vectors: np.ndarray  # (words, dims): sum of each word's piece rows
    piece_count: int

    @property
    def mean(self) -> np.ndarray:
        """The text's vector: the mean over all pieces (zeros when no piece is known)."""
        if self.piece_count == 0:
            return np.zeros(self.word_vectors.shape[1], dtype=np.float32)
        return self.word_vectors.sum(axis=0) / self.piece_count


class StaticEmbeddings:
    """A WordPiece vocabulary with one vector per piece."""

    def __init__(self, vocab: Sequence[str], vectors: np.ndarray) -> None:
        if len(vocab) != vectors.shape[0]:
            raise resources.ResourceError(
                f"embeddings: {len(vocab)} vocabulary entries for {vectors.shape[0]} rows")
        self.index = {piece: row for row, piece in enumerate(vocab)}
        self.vectors = vectors.astype(np.float32)

    @property
    def dims(self) -> int:
        """Vector length."""
        return int(self.vectors.shape[1])

    def pieces(self, word: str) -> tuple[int, ...]:
        """The vocabulary rows of one word (unknown pieces dropped), cached."""
        return _pieces(self, word)

    def embed_words(self, words: Sequence[str]) -> Embedded:
        """The summed piece rows of each word, and how many pieces there were."""
        owners: list[int] = []
        flat: list[int] = []
        for position, word in enumerate(words):
            rows = self.pieces(word)
            flat.extend(rows)
            owners.extend([position] * len(rows))
        assignment = np.zeros((len(words), len(flat)), dtype=np.float32)
        assignment[owners, range(len(flat))] = 1.0
        return Embedded(assignment @ self.vectors[flat], len(flat))

    def embed(self, text: str) -> np.ndarray:
        """The mean vector of a text split on whitespace."""
        return self.embed_words(text.split()).mean

    def wordpiece(self, word: str) -> list[int]:
        """Uncased BERT WordPiece: normalise, split punctuation, greedy longest match."""
        rows: list[int] = []
        for chunk in _basic_split(word):
            rows.extend(self._match(chunk))
        return rows

    def _match(self, chunk: str) -> list[int]:
        if len(chunk) > MAX_WORD_CHARS:
            return []
        rows, start = [], 0
        while start < len(chunk):
            end, found = len(chunk), None
            while end > start:
                piece = chunk[start:end] if start == 0 else "##" + chunk[start:end]
                if piece in self.index:
                    found = self.index[piece]
                    break
                end -= 1
            if found is None:
                return []  # the whole chunk is [UNK], which the pooling drops
            rows.append(found)
            start = end
        return rows


@functools.lru_cache(maxsize=65_536)
def _pieces(model: StaticEmbeddings, word: str) -> tuple[int, ...]:
    return tuple(model.wordpiece(word))


def _basic_split(word: str) -> list[str]:
    """Lower-case, strip accents and split off punctuation, as BERT's basic tokenizer does."""
    text = unicodedata.normalize("NFD", word.lower())
    chunks: list[str] = []
    current = ""
    for char in text:
        if unicodedata.category(char) == "Mn":
            continue
        if char.isspace() or _is_punctuation(char):
            if current:
                chunks.append(current)
            current = ""
            if not char.isspace():
                chunks.append(char)
        else:
            current += char
    if current:
        chunks.append(current)
    return chunks


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


@functools.cache
def load() -> StaticEmbeddings:
    """The shipped embeddings (loaded once per process)."""
    config = json.loads(resources.path(f"{DIRECTORY}/config.json").read_text(encoding="utf-8"))
    vocab = resources.path(f"{DIRECTORY}/vocab.txt").read_text(encoding="utf-8").split("\n")
    vectors = np.load(resources.path(f"{DIRECTORY}/vectors.npy"))
    return StaticEmbeddings(vocab[: int(config["rows"])], vectors)
