"""Align two articles claim by claim: which sentences report the same event, which only one has.

Each sentence becomes a weighted set of *anchors* and words: names of people, places and
organisations, numbers, dates, and content-word lemmas. A word's weight is its kind's
weight times its rarity within the pair (a word in every sentence of both articles ties
nothing). Their weighted overlap, the paraphrase scores of `framelens.paraphrase` (the
same thing in other words, from distilled word vectors) and whether the numbers differ
make a graded sentence similarity; the fitted models of `framelens.alignment_model` turn
these into an article-level `similarity` (do the two report the same event?) and a link
probability per sentence pair.

Two sentences align when the link probability is high enough **and** the pair shows its
own evidence (a shared name, number or date, or a sentence similarity of at least
`Params.meaning`), or when they share enough anchors on their own. Articles below
`Params.related`, or that name people and places but never the same ones, are called
unrelated and nothing is aligned: topic vocabulary alone ("earthquake", "magnitude")
never aligns two articles about two different events.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from framelens import framing, paraphrase, sif
from framelens.alignment_model import Features, Model
from framelens.alignment_model import load as load_model
from framelens.model import Analysis, Sentence

NAME_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT",
                           "WORK_OF_ART", "LAW"})
NUMBER_ENTITIES = frozenset({"CARDINAL", "MONEY", "QUANTITY", "PERCENT"})
DATE_ENTITIES = frozenset({"DATE", "TIME"})
NAME, NUMBER, DATE, WORD = "name", "number", "date", "word"
ANCHOR_KINDS = (NAME, NUMBER, DATE)
# Small numbers and generic dates say little about which event is meant.
# Content words are compared by their first letters ('shooting'/'shooter'/'shoot'):
# a light stemmer that lets a noun match its verb.
STEM_CHARS = 5
# How many of an article's most-mentioned people's name words are looked up in the other.
MAIN_PEOPLE = 3
# An article's lead: its first sentences with content (title and opening sentences; the
# inverted pyramid puts who and what there). 3 by cross-validation among 2, 3 and 5
# (benchmarks/fit_alignment.py).
LEAD_SENTENCES = 3
# Sentence similarity (graded similarity / 5) from which the evidence says "same meaning"
# rather than "close meaning": 2.5 of 5, "roughly equivalent"; below 1.5 of 5 ("not
# equivalent, but on the same topic") it says only that the wording is related.
SAME_MEANING = 0.5
CLOSE_MEANING = 0.3
_WEAK_NUMBERS = frozenset({"one", "two", "three", "1", "2", "3", "first", "second"})


@dataclass(frozen=True)
class Params:
    """The lexical kinds' weights and the thresholds: `align` on the link
    probability, `only` on a sentence's best sentence similarity, `related` on the article
    similarity (chosen by cross-validation over ECB+ topics with the model; see
    benchmarks/fit_alignment.py, which stores them in resources/alignment_model.json)."""

    name_weight: float = 1.5
    number_weight: float = 2.0
    date_weight: float = 1.5
    word_weight: float = 1.0
    align: float = 0.5
    only: float = 0.1
    related: float = 0.5
    # A linked pair shows its own evidence: a shared anchor, or a sentence similarity (0..1,
    # graded similarity / 5) of at least `meaning`: the same thing in other words.
    meaning: float = 0.5
    # Two sentences whose weighted word cosine and shared anchors' weight reach these are
    # linked in any related pair, whatever the model says (the lexical rule).
    overlap_cosine: float = 0.12
    overlap_anchors: float = 1.5


def default_params() -> Params:
    """The kinds' weights above with the thresholds fitted with the shipped model."""
    return replace(Params(), **load_model().thresholds)


@dataclass(frozen=True)
class SharedTerm:
    """A word both sentences use: its lemma, its kind (name, number, date, word), its
    weight, and how A writes it ("Khamenei", not "khamenei")."""

    lemma: str
    kind: str
    weight: float
    text: str = ""
    start: int = -1  # where A writes it

    def shown(self) -> str:
        """Names as written; other words by their lemma."""
        return self.text if self.kind == NAME and self.text else self.lemma


def _names_shown(terms: Sequence[SharedTerm]) -> list[str]:
    """Shared name words as A writes them, in A's order, the words of one name joined
    ("Revolutionary Guard", not "Guard, Revolutionary")."""
    names: list[list[Any]] = []  # [phrase, end]
    for term in sorted((t for t in terms if t.kind == NAME), key=lambda t: t.start):
        if names and term.start >= 0 and 0 <= term.start - names[-1][1] <= 1:
            names[-1] = [f"{names[-1][0]} {term.shown()}", term.start + len(term.text)]
        else:
            names.append([term.shown(), term.start + len(term.text)])
    return list(dict.fromkeys(phrase for phrase, _ in names))


@dataclass(frozen=True)
class AlignedGroup:
    """Sentences of A and B (indices into `Analysis.sentences`) reporting the same claim."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float
    shared: tuple[SharedTerm, ...] = ()
    differences: tuple[str, ...] = ()
    meaning: float = 0.0
    similar_words: tuple[tuple[str, str], ...] = ()
    meaning_shown: bool = False

    def evidence(self) -> str:
        """What ties the sentences, in words: 'shared names: Khamenei; numbers: 800; same
        meaning in other words (0.83): fighters ~ militiamen'."""
        parts = []
        for kind, title in ((NAME, "names"), (NUMBER, "numbers"), (DATE, "dates"),
                            (WORD, "words")):
            words = (_names_shown(self.shared) if kind == NAME else
                     [t.lemma for t in self.shared if t.kind == kind])
            if words:
                parts.append(f"{title}: {', '.join(words[:6])}")
        text = "shared " + "; ".join(parts) if parts else ""
        if self.meaning_shown or not text:
            pairs = ", ".join(f"{x} ~ {y}" for x, y in self.similar_words)
            how = ("same meaning" if self.meaning >= SAME_MEANING else
                   "close meaning" if self.meaning >= CLOSE_MEANING else "related wording")
            text += ("; " if text else "") + (
                f"{how} in other words ({self.meaning:.2f})" + (f": {pairs}" if pairs else ""))
        if not self.shared and self.meaning < CLOSE_MEANING:
            # the link rests on the article-level match: the two report one event
            text += (f"; linked as part of the event both articles report (link "
                     f"{self.score:.2f})")
        return text

    def to_json(self) -> dict[str, Any]:
        return {"a": list(self.a), "b": list(self.b), "score": round(self.score, 4),
                "evidence": self.evidence(),
                "shared": [{"lemma": t.lemma, "kind": t.kind, "weight": round(t.weight, 3),
                            "text": t.shown()} for t in self.shared],
                "meaning": round(self.meaning, 4),
                "similar_words": [list(pair) for pair in self.similar_words],
                "differences": list(self.differences)}


@dataclass(frozen=True)
class Alignment:
    """Aligned groups, what only one article reports, and how similar the two are."""

    groups: tuple[AlignedGroup, ...]
    only_in_a: tuple[int, ...]
    only_in_b: tuple[int, ...]
    similarity: float
    related: bool
    summary: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"alignment": [g.to_json() for g in self.groups],
                "only_in_a": list(self.only_in_a), "only_in_b": list(self.only_in_b),
                "similarity": round(self.similarity, 4), "related": self.related,
                "alignment_summary": self.summary}


# key -> (kind, lemma, text as written, where it starts in the article)
SentenceTerms = dict[str, tuple[str, str, str, int]]


def sentence_terms(analysis: Analysis) -> list[SentenceTerms]:
    """The anchors and content words of each sentence of an analysis."""
    found: list[SentenceTerms] = []
    for terms in analysis.terms_by_sentence():
        keyed: SentenceTerms = {}
        for term in terms:
            kind = _kind(term.pos, term.entity, term.lemma)
            if kind:
                key = term.lemma[:STEM_CHARS] if kind == WORD else term.lemma
                keyed[f"{kind}:{key}"] = (kind, term.lemma,
                                          analysis.text[term.start:term.end], term.start)
        found.append(keyed)
    return found


def _kind(pos: str, entity: str, lemma: str) -> str:
    if entity in DATE_ENTITIES:
        return DATE
    if entity in NUMBER_ENTITIES or pos == "NUM":
        return "" if lemma in _WEAK_NUMBERS else NUMBER
    if entity in NAME_ENTITIES or pos == "PROPN":
        return NAME
    if entity == "ORDINAL":
        return ""
    return WORD if pos in ("NOUN", "VERB", "ADJ") else ""


def _weights(a: Sequence[SentenceTerms], b: Sequence[SentenceTerms],
             params: Params) -> dict[str, float]:
    """Each key's weight: its kind's weight times its rarity among the pair's sentences."""
    counts: Counter[str] = Counter()
    for terms in (*a, *b):
        counts.update(terms.keys())
    total = len(a) + len(b)
    kind_weight = {NAME: params.name_weight, NUMBER: params.number_weight,
                   DATE: params.date_weight, WORD: params.word_weight}
    weights = {}
    for key, count in counts.items():
        kind = key.split(":", 1)[0]
        weights[key] = kind_weight[kind] * math.log(1.0 + total / count)
    return weights


def sentence_scores(a: Sequence[SentenceTerms], b: Sequence[SentenceTerms],
                    weights: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
    """Weighted cosine of every sentence pair, and the weight of the anchors they share."""
    keys = sorted(weights)
    column = {key: i for i, key in enumerate(keys)}
    weight = np.array([weights[k] for k in keys])
    anchor = np.array([0.0 if k.startswith(WORD) else 1.0 for k in keys])

    def matrix(side: Sequence[SentenceTerms]) -> np.ndarray:
        out = np.zeros((len(side), len(keys)))
        for row, terms in enumerate(side):
            for key in terms:
                out[row, column[key]] = 1.0
        return out

    ma, mb = matrix(a), matrix(b)
    wa, wb = ma * weight, mb * weight
    norms = np.sqrt((wa ** 2).sum(1))[:, None] * np.sqrt((wb ** 2).sum(1))[None, :]
    cosine = (wa @ wb.T) / np.maximum(norms, 1e-9)
    anchors = (wa * anchor) @ (mb.T)
    rare_words = (ma * (1 - anchor) * (weight > np.median(weight) if len(keys) else 0)) @ mb.T
    return cosine, np.maximum(anchors, (rare_words >= 2) * 1e3)


@dataclass(frozen=True)
class Scores:
    """The model's reading of a pair: graded sentence similarity (0..1), the probability
    that each sentence pair reports the same event, and the article-level similarity."""

    sentence: np.ndarray
    link: np.ndarray
    similarity: float
    has_terms_a: np.ndarray
    has_terms_b: np.ndarray
    cosine: np.ndarray
    anchors: np.ndarray
    names_apart: bool  # both name people or places, and never the same ones


def _people_found(a: Analysis, b: Analysis,
                  vocabulary: tuple[set[str], set[str]]) -> tuple[float, float] | None:
    """Share of A's and of B's most-mentioned people's names the other article uses
    (`vocabulary`: each article's words, `_words`); None when one names nobody."""
    people_a, people_b = _people(a), _people(b)
    if not people_a or not people_b:
        return None
    words_a, words_b = vocabulary

    def found(people: Counter[str], other: set[str]) -> float:
        top = [word for word, _ in people.most_common(MAIN_PEOPLE)]
        return sum(word in other for word in top) / len(top)

    return found(people_a, words_b), found(people_b, words_a)


def _words(analysis: Analysis) -> set[str]:
    return {analysis.text[t.start:t.end].lower() for t in analysis.terms}


def _people(analysis: Analysis, within: Sequence[Sentence] | None = None) -> Counter[str]:
    """The capitalised words of the people an article names (in the sentences `within`),
    counted."""
    return _name_words(analysis, frozenset({"PERSON"}), within)


def _name_words(analysis: Analysis, labels: frozenset[str],
                within: Sequence[Sentence] | None = None) -> Counter[str]:
    """The capitalised words of the entities of `labels` (only those that start in one of
    the sentences `within`, if given), counted."""
    counts: Counter[str] = Counter()
    for entity in analysis.entities:
        if entity.label in labels and (within is None or any(
                s.start <= entity.start < s.end for s in within)):
            text = analysis.text[entity.start:entity.end].replace("\u2019s", "")
            counts.update(w.lower() for w in text.replace("'s", "").split() if w[:1].isupper())
    return counts


def names_shared(a: Analysis, b: Analysis,
                 vocabulary: tuple[set[str], set[str]]) -> float | None:
    """The smaller of the two shares of name mentions (people, places, organisations) whose
    name the other article uses too, or None when one names nothing: articles about the
    same event keep naming the same protagonists. `vocabulary`: each article's words
    (`_words`)."""
    names_a, names_b = _name_words(a, NAME_ENTITIES), _name_words(b, NAME_ENTITIES)
    if not names_a or not names_b:
        return None
    words_a, words_b = vocabulary

    def mass(names: Counter[str], other: set[str]) -> float:
        return sum(n for w, n in names.items() if w in other) / sum(names.values())

    return min(mass(names_a, words_b), mass(names_b, words_a))


def protagonist(a: Analysis, b: Analysis) -> float | None:
    """How much each article's most-mentioned person is also the other's: the share of
    the other's mentions of people that name them, averaged both ways (None when one names
    nobody). Two arrests of two players of one team name the team in both, but each
    article is about its own player."""
    people_a, people_b = _people(a), _people(b)
    if not people_a or not people_b:
        return None

    def share(own: Counter[str], other: Counter[str]) -> float:
        return other[own.most_common(1)[0][0]] / sum(other.values())

    return (share(people_a, people_b) + share(people_b, people_a)) / 2


def features(a: Analysis, b: Analysis, params: Params | None = None,
             common: np.ndarray | None = None) -> Features:
    """Every score the model reads for the sentences of A and B (`common`: the directions
    `framelens.sif` removes; the shipped model's by default)."""
    terms_a, terms_b = sentence_terms(a), sentence_terms(b)
    weights = _weights(terms_a, terms_b, params or default_params())
    return features_of(a, b, terms_a, terms_b, weights,
                       (paraphrase.sentence_words(a), paraphrase.sentence_words(b)), common)


def features_of(a: Analysis, b: Analysis, terms_a: Sequence[SentenceTerms],
                terms_b: Sequence[SentenceTerms], weights: dict[str, float],
                words: tuple[paraphrase.SentenceWords, paraphrase.SentenceWords],
                common: np.ndarray | None = None) -> Features:
    """`features` from the sentence terms and words already found."""
    common = load_model().common if common is None else common
    cosine, anchors = sentence_scores(terms_a, terms_b, weights)
    close = paraphrase.paraphrase(*words)
    differ = paraphrase.numbers_differ(_numbers(terms_a), _numbers(terms_b))
    vocabulary = (_words(a), _words(b))
    people = _people_found(a, b, vocabulary)
    return Features(cosine, anchors, close.match, close.meaning, close.contained, differ,
                    None if people is None else max(people),
                    None if people is None else sum(people) / 2, names_shared(a, b, vocabulary),
                    protagonist(a, b),
                    np.array([bool(t) for t in terms_a]), np.array([bool(t) for t in terms_b]),
                    sif.match(sif.words(a), sif.words(b), common),
                    dates_shared(terms_a, terms_b),
                    lead_names_shared(a, b, terms_a, terms_b, vocabulary, people=True),
                    lead_names_shared(a, b, terms_a, terms_b, vocabulary))


def lead_names_shared(a: Analysis, b: Analysis, terms_a: Sequence[SentenceTerms],
                      terms_b: Sequence[SentenceTerms], vocabulary: tuple[set[str], set[str]],
                      people: bool = False) -> float | None:
    """The smaller of the two shares of the name words in an article's lead (names, or
    only people's, in its first `LEAD_SENTENCES` sentences with content) that the other
    article uses anywhere, or None when either lead names nobody of the kind: two reports
    of one event lead with the same people; a second arrest of the same kind leads with
    another. `vocabulary`: each article's words (`_words`)."""
    lead_a, lead_b = _lead_words(a, terms_a, people), _lead_words(b, terms_b, people)
    if not lead_a or not lead_b:
        return None
    words_a, words_b = vocabulary
    return min(len(lead_a & words_b) / len(lead_a), len(lead_b & words_a) / len(lead_b))


def _lead_words(analysis: Analysis, terms: Sequence[SentenceTerms], people: bool) -> set[str]:
    lead = [s for s, t in zip(analysis.sentences, terms, strict=True) if t][:LEAD_SENTENCES]
    return set(_people(analysis, lead) if people else _name_words(analysis, NAME_ENTITIES, lead))


def dates_shared(a: Sequence[SentenceTerms], b: Sequence[SentenceTerms]) -> float | None:
    """The smaller of the two shares of an article's dates (days, months, years, times of
    day) that the other article uses too, or None when one has no date: two events of the
    same kind (two earthquakes, two arrests) happen on different days."""
    dates_a = {key for terms in a for key in terms if key.startswith(DATE)}
    dates_b = {key for terms in b for key in terms if key.startswith(DATE)}
    if not dates_a or not dates_b:
        return None
    both = len(dates_a & dates_b)
    return min(both / len(dates_a), both / len(dates_b))


def _numbers(terms: Sequence[SentenceTerms]) -> list[set[str]]:
    return [{key for key in t if key.startswith(NUMBER)} for t in terms]


def score(found: Features, model: Model | None = None) -> Scores:
    """Apply the fitted model: sentence similarity, then article similarity, then the
    probability that each sentence pair reports the same event."""
    model = model or load_model()
    sentence = model.sentence_similarity(found)
    same_event = model.article_similarity(found, sentence)
    link = model.link_probability(found, sentence, same_event)
    return Scores(sentence, link, model.similarity(sentence, same_event), found.has_terms_a,
                  found.has_terms_b, found.cosine, found.anchors, found.names_shared == 0)


def decide(scores: Scores, params: Params) -> tuple[np.ndarray, np.ndarray, np.ndarray, bool]:
    """Which pairs align, which sentences are only on one side, and whether the articles
    report the same events at all."""
    link = scores.link
    # The article says they report the same event; the two sentences must also show it
    # themselves, by a shared name, number or date or by the same meaning in other words.
    # Or they overlap in specific words enough on their own (the rule before the model).
    evidence = (scores.anchors > 0) | (scores.sentence >= params.meaning)
    overlap = (scores.cosine >= params.overlap_cosine) & (
        scores.anchors >= params.overlap_anchors)
    linked = ((link >= params.align) & evidence) | overlap
    # Articles that share no single claim do not report the same events, however close
    # their vocabulary.
    # Two articles that both name people and places, never the same ones, report two
    # different events of the same kind (two earthquakes), however alike their telling.
    related = bool(scores.similarity >= params.related and linked.any()
                   and not scores.names_apart)
    linked &= related
    # Unrelated articles: everything either reports is missing from the other.
    # A sentence whose closest sentence on the other side says something else, and that
    # is aligned with none, is only on its side.
    sentence = scores.sentence
    best_a = sentence.max(1) if sentence.size else np.zeros(sentence.shape[0])
    best_b = sentence.max(0) if sentence.size else np.zeros(sentence.shape[1])
    only_a = (((best_a < params.only) & ~linked.any(1)) | (not related)) & scores.has_terms_a
    only_b = (((best_b < params.only) & ~linked.any(0)) | (not related)) & scores.has_terms_b
    return linked, only_a, only_b, related


def align(a: Analysis, b: Analysis, params: Params | None = None) -> Alignment:
    """Align the sentences of A and B; see the module docstring for how."""
    params = params or default_params()
    terms_a, terms_b = sentence_terms(a), sentence_terms(b)
    if not any(terms_a) or not any(terms_b):  # nothing to compare: no claim, no verdict
        return Alignment((), (), (), 0.0, True)
    weights = _weights(terms_a, terms_b, params)
    words_a, words_b = paraphrase.sentence_words(a), paraphrase.sentence_words(b)
    found = features_of(a, b, terms_a, terms_b, weights, (words_a, words_b))
    scores = score(found)
    linked, only_a, only_b, related = decide(scores, params)
    groups = tuple(replace(g, differences=framing.differences(a, b, g.a, g.b))
                   for g in _groups(linked, scores, terms_a, terms_b, weights,
                                    (words_a, words_b), params.meaning))
    return Alignment(groups, tuple(int(i) for i in np.flatnonzero(only_a)),
                     tuple(int(j) for j in np.flatnonzero(only_b)), scores.similarity, related,
                     _summary(related, scores.similarity))


def _groups(linked: np.ndarray, scores: Scores, terms_a: Sequence[SentenceTerms],
            terms_b: Sequence[SentenceTerms], weights: dict[str, float],
            words: tuple[paraphrase.SentenceWords, paraphrase.SentenceWords],
            meaning: float) -> tuple[AlignedGroup, ...]:
    """One group per set of A sentences linked to exactly the same B sentences."""
    by_partners: dict[tuple[int, ...], list[int]] = {}
    for i in range(linked.shape[0]):
        partners = tuple(int(j) for j in np.flatnonzero(linked[i]))
        if partners:
            by_partners.setdefault(partners, []).append(i)
    groups = []
    for partners, members in by_partners.items():
        score, best_i, best_j = max((float(scores.link[i, j]), i, j)
                                    for i in members for j in partners)
        # what ties them: the terms some linked sentence pair of the group shares
        shared_keys: set[str] = set()
        for i in members:
            for j in partners:
                if linked[i, j]:
                    shared_keys |= set(terms_a[i]) & set(terms_b[j])
        written = {k: (lemma, text, start) for i in members
                   for k, (_, lemma, text, start) in terms_a[i].items()}
        shared = sorted((SharedTerm(written[k][0], k.split(":", 1)[0], weights[k],
                                    written[k][1], written[k][2]) for k in shared_keys),
                        key=lambda t: -t.weight)
        similar = tuple((x, y) for x, y, _ in
                        paraphrase.closest_words(*words, best_i, best_j))
        groups.append(AlignedGroup(tuple(members), partners, score, tuple(shared),
                                   meaning=float(scores.sentence[best_i, best_j]),
                                   similar_words=similar,
                                   meaning_shown=bool(scores.sentence[best_i, best_j]
                                                      >= max(meaning, CLOSE_MEANING))))
    groups.sort(key=lambda g: (g.a[0], g.b[0]))
    return tuple(groups)


def _summary(related: bool, similarity: float) -> str:
    if not related:
        return ("The two articles do not seem to report the same events "
                f"(similarity {similarity:.2f}): no claims are aligned, and what each "
                "reports is listed as only in it.")
    return f"Similarity of what the two articles report: {similarity:.2f}."
