"""Frames: which Policy Frames Codebook dimensions each sentence and the document use.

Each sentence gets up to two frames, strongest first. A linear model (`resources/frames.toml`,
`frames_model.npz`) reads the mean of the sentence's static word vectors plus its cue-word
counts and scores the merged classes it was fitted on; the cue words then pick the codebook
frame inside a merged class. Because the model is linear over a mean of word vectors, its
score splits exactly into per-word contributions: the evidence of a frame is its cue words
(rule `frames.<id>.cue`) and the words that pushed the model towards it most
(`frames.<id>.model`). The document's frames are the shares of its sentences carrying each.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from framelens import resources
from framelens.model import Evidence, FrameShare, FrameTag
from framelens.nlp import embeddings

if TYPE_CHECKING:  # spaCy types only: explanations read frame names without loading spaCy
    from spacy.tokens import Span as SpacySpan

    from framelens.nlp.parsed import ParsedText

RESOURCE = "frames.toml"
CUE_CAP = 2.0
FRAME_IDS = (
    "economic", "capacity_resources", "morality", "fairness_equality",
    "legality_constitutionality", "policy_prescription", "crime_punishment",
    "security_defense", "health_safety", "quality_of_life", "cultural_identity",
    "public_opinion", "political", "external_regulation_reputation", "other",
)
_SKIP_POS = frozenset({"PUNCT", "SPACE", "DET", "ADP", "CCONJ", "SCONJ", "PART", "AUX", "PRON",
                       "NUM", "SYM", "X"})


@dataclass(frozen=True)
class FrameInfo:
    """One codebook dimension as the resource describes it."""

    frame: str
    name: str
    letter: str
    definition: str


@dataclass(frozen=True)
class FrameModel:
    """The merged classes, their codebook members and the linear weights over the features."""

    classes: tuple[str, ...]
    members: Mapping[str, tuple[str, ...]]
    weights: np.ndarray  # (classes, dims + frames)
    bias: np.ndarray  # (classes,)
    min_probability: float
    uncued_probability: float
    second_ratio: float
    evidence_words: int
    cue_only_hits: int


@dataclass(frozen=True)
class _Cues:
    words: Mapping[str, tuple[str, ...]]  # single lemma or form -> frames
    phrases: Mapping[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]
    # first word -> (lemma sequence, frames) of the phrases that start with it


@dataclass(frozen=True)
class SentenceFeatures:
    """What the model reads of one sentence, kept with the words for explanations."""

    vector: np.ndarray  # dims + len(FRAME_IDS)
    words: tuple[tuple[int, int, str], ...]  # content words: start, end, text
    word_vectors: np.ndarray  # (content words, dims), already divided by the piece count
    cue_hits: tuple[tuple[str, int, int, str], ...]  # frame, start, end, text


@functools.cache
def frame_info() -> dict[str, FrameInfo]:
    """Every frame id with its name, letter and definition, in codebook order."""
    table = resources.load_toml(RESOURCE)["frames"]
    missing = [f for f in FRAME_IDS if f not in table]
    if missing:
        raise resources.ResourceError(f"{RESOURCE}: frames missing: {', '.join(missing)}")
    return {f: FrameInfo(f, table[f]["name"], table[f]["letter"], table[f]["definition"])
            for f in FRAME_IDS}


@functools.cache
def _cues() -> _Cues:
    words: dict[str, list[str]] = {}
    phrases: dict[tuple[str, ...], list[str]] = {}
    for frame, table in resources.load_toml(RESOURCE)["frames"].items():
        for entry in table.get("words", ()):
            parts = tuple(entry.lower().split())
            target = words.setdefault(parts[0], []) if len(parts) == 1 else phrases.setdefault(
                parts, [])
            if frame not in target:
                target.append(frame)
    by_first: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for phrase, frames in phrases.items():
        by_first.setdefault(phrase[0], []).append((phrase, tuple(frames)))
    return _Cues({k: tuple(v) for k, v in words.items()},
                 {k: tuple(v) for k, v in by_first.items()})


@functools.cache
def load_model() -> FrameModel:
    """The fitted model named in the resource (weights from `benchmarks/fit_frames.py`)."""
    config = resources.load_toml(RESOURCE)
    settings = config["settings"]
    with np.load(resources.path(config["model"]["file"])) as data:
        weights, bias = data["weights"].astype(np.float32), data["bias"].astype(np.float32)
    classes = tuple(config["model"]["classes"])
    if weights.shape != (len(classes), embeddings.load().dims + len(FRAME_IDS)):
        raise resources.ResourceError(f"{config['model']['file']}: weights of shape "
                                      f"{weights.shape} do not fit the features")
    return FrameModel(classes, {c: tuple(m) for c, m in config["model"]["members"].items()},
                      weights, bias, float(settings["min_probability"]),
                      float(settings["uncued_probability"]), float(settings["second_ratio"]),
                      int(settings["evidence_words"]), int(settings["cue_only_hits"]))


def cue_hits(span: SpacySpan, offset: int) -> list[tuple[str, int, int, str]]:
    """Cue words of a spaCy span: (frame, start, end, text), absolute offsets."""
    cues = _cues()
    tokens = [t for t in span if not t.is_space]
    lemmas = [t.lemma_.lower() for t in tokens]
    lowers = [t.lower_ for t in tokens]
    hits = []
    for index, token in enumerate(tokens):
        for key in {lemmas[index], lowers[index]}:
            for frame in cues.words.get(key, ()):
                hits.append((frame, offset + token.idx, offset + token.idx + len(token),
                             token.text))
    for index in range(len(tokens)):
        candidates = {*cues.phrases.get(lemmas[index], ()), *cues.phrases.get(lowers[index], ())}
        for phrase, frames in candidates:
            size = len(phrase)
            if index + size > len(tokens) or not all(
                    phrase[k] in (lemmas[index + k], lowers[index + k]) for k in range(size)):
                continue
            first, last = tokens[index], tokens[index + size - 1]
            text = span.doc.text[first.idx:last.idx + len(last)]
            hits.extend((frame, offset + first.idx, offset + last.idx + len(last), text)
                        for frame in frames)
    return sorted(set(hits), key=lambda h: (h[1], h[0]))


def sentence_features(span: SpacySpan, offset: int) -> SentenceFeatures:
    """The model's input for one spaCy span whose doc starts at `offset` in the text."""
    model = embeddings.load()
    tokens = [t for t in span if not t.is_space]
    embedded = model.embed_words([t.text for t in tokens])
    divisor = max(embedded.piece_count, 1)
    hits = cue_hits(span, offset)
    counts = Counter(frame for frame, *_ in hits)
    cue_vector = np.array([min(counts[f], CUE_CAP) for f in FRAME_IDS], dtype=np.float32)
    keep = [i for i, t in enumerate(tokens) if t.pos_ not in _SKIP_POS and not t.is_stop]
    words = tuple((offset + tokens[i].idx, offset + tokens[i].idx + len(tokens[i]),
                   tokens[i].text) for i in keep)
    return SentenceFeatures(np.concatenate([embedded.mean, cue_vector]), words,
                            embedded.word_vectors[keep] / divisor, tuple(hits))


def probabilities(model: FrameModel, vector: np.ndarray) -> np.ndarray:
    """Softmax over the model's classes."""
    logits = model.weights @ vector + model.bias
    logits -= logits.max()
    exp = np.exp(logits)
    return np.asarray(exp / exp.sum())


def tag(model: FrameModel, features: SentenceFeatures) -> tuple[FrameTag, ...]:
    """Up to two frames for one sentence, strongest first, each with its evidence.

    The model's best class gives a frame when its probability reaches `min_probability`
    and a cue word of the frame is present, or `uncued_probability` without one; the
    second class likewise, if it is at least `second_ratio` as likely as the first. The
    frames the model cannot tell apart from "other" (capacity and resources, quality of
    life, external regulation and reputation) are also given on their cue words alone, when
    `cue_only_hits` different words cue one of them.
    """
    probs = probabilities(model, features.vector)
    order = [int(i) for i in np.argsort(-probs)]
    cued = Counter(frame for frame, *_ in features.cue_hits)
    tags: list[FrameTag] = []
    for rank, index in enumerate(order[:2]):
        klass, probability = model.classes[index], float(probs[index])
        if rank == 1 and probability < model.second_ratio * float(probs[order[0]]):
            break
        frame = _member(model.members[klass], features.cue_hits)
        if frame is None:
            continue
        floor = model.min_probability if cued[frame] else model.uncued_probability
        if probability >= floor:
            tags.append(FrameTag(frame, round(probability, 3),
                                 _evidence(model, index, frame, features)))
    other = model.classes.index("other")
    for frame in model.members["other"]:
        distinct = {start for cue_frame, start, *_ in features.cue_hits if cue_frame == frame}
        if len(tags) < 2 and len(distinct) >= model.cue_only_hits and frame not in (
                t.frame for t in tags):
            tags.append(FrameTag(frame, round(float(probs[other]), 3),
                                 _evidence(model, other, frame, features)))
    return tuple(tags)


def _member(members: Sequence[str], hits: Iterable[tuple[str, int, int, str]]) -> str | None:
    """The codebook frame inside a merged class: the best-cued member, else the default.

    The class `other` has no default: without a cue for one of its named members the
    sentence gets no frame from it.
    """
    counts = Counter(frame for frame, *_ in hits if frame in members and frame != "other")
    if counts:
        best = max(counts.values())
        return next(m for m in members if counts[m] == best)
    return None if members[0] == "other" else members[0]


def _evidence(model: FrameModel, index: int, frame: str,
              features: SentenceFeatures) -> tuple[Evidence, ...]:
    name = frame_info()[frame].name.lower()
    found = [Evidence(f"frames.{frame}.cue", f"{name} cue word", start, end, 1.0, text)
             for cue_frame, start, end, text in features.cue_hits if cue_frame == frame]
    cued = [(start, end) for _, start, end, _ in features.cue_hits]
    if len(features.words):
        dims = features.word_vectors.shape[1]
        # Centred over classes: what the word adds to this class beyond the others.
        centred = model.weights[index, :dims] - model.weights[:, :dims].mean(axis=0)
        contributions = features.word_vectors @ centred
        for position in np.argsort(-contributions)[:model.evidence_words]:
            start, end, text = features.words[int(position)]
            weight = float(contributions[int(position)])
            inside_cue = any(c_start <= start and end <= c_end for c_start, c_end in cued)
            if weight > 0 and not inside_cue:
                found.append(Evidence(f"frames.{frame}.model", f"word that suggests {name}",
                                      start, end, round(weight, 3), text))
    return tuple(sorted(found, key=lambda e: e.start))


def frame_sentences(parsed: ParsedText) -> list[tuple[FrameTag, ...]]:
    """The frames of each sentence of `parsed`, in text order."""
    model = load_model()
    return [tag(model, sentence_features(view.span, view.block.start))
            for view in parsed.sentences()]


def document_frames(tags: Sequence[Sequence[FrameTag]], count: int | None = None
                    ) -> tuple[FrameShare, ...]:
    """Each frame's share of the sentences, largest first, with the words that carried it.

    `count` is the number of sentences the shares divide by (default: `len(tags)`); ties in
    share go to the frame with the larger summed strength.
    """
    total = count if count is not None else len(tags)
    if total == 0:
        return ()
    carried: Counter[str] = Counter()
    strength: dict[str, float] = {}
    words: dict[str, Counter[str]] = {}
    for sentence_tags in tags:
        for frame_tag in sentence_tags:
            carried[frame_tag.frame] += 1
            strength[frame_tag.frame] = strength.get(frame_tag.frame, 0.0) + frame_tag.score
            words.setdefault(frame_tag.frame, Counter()).update(
                e.name.lower() for e in frame_tag.evidence)
    ranked = sorted(carried, key=lambda f: (-carried[f], -strength[f], FRAME_IDS.index(f)))
    return tuple(FrameShare(f, round(carried[f] / total, 3), carried[f],
                            tuple(w for w, _ in words[f].most_common(5)))
                 for f in ranked)
