"""Can learned parts bring the persuasion-technique figures to issue 13's targets? A probe.

Issue 13 asks, on PTC dev, for micro-F1 >= 0.22 with micro precision >= 0.40, macro-F1 >=
0.12 and any-technique F1 >= 0.33, while the bias figures (BABE dev, fed by the same
loaded-language marks) drop by no more than 0.01. This probe measures, in one process,
through the scorer's own loader and metrics (SemEval-2020 partial-credit span F1):

1. **Bound**: the figures if every emitted mark that touches no gold span of its own
   technique were dropped (an oracle filter). No filter of today's marks can beat it.
2. **Confidence for loaded-language marks**: a logistic regression over each mark's
   features (lexicon rule family and subtype, part of speech and role, whether it labels
   people, quotation marks, capitals, VADER valence, the sentence's opinion score and label,
   the distilled static vectors of the mark and of its sentence) predicting the mark's
   credit against PTC Loaded_Language gold. Hiding the least likely share of marks, 5-fold
   cross-validated by article: techniques and loaded-spans figures on PTC, and BABE bias
   macro-F1 with the model fitted on all of PTC dev and the same threshold.
3. **Words the lexicon misses**: a logistic regression over every content word the
   lexicon leaves unmarked (not a name, not in a source's quoted or reported words) — its
   static vector, part of speech, whether it modifies a noun, capitals — predicting whether
   at least half of it lies in Loaded_Language gold, CV by article (L2 chosen by CV
   log-loss); the precision of the most likely words, and the figures with them added.
4. **Sentence detectors** for the large techniques the rules miss (name-calling,
   repetition, doubt, appeal to fear, exaggeration, flag-waving, causal oversimplification):
   a logistic regression over the sentence's vector and its opinion cues, CV by article;
   the partial-credit precision of the top-ranked sentences marked whole.
5. **Name-calling phrases**: a logistic regression over every noun phrase (determiners and
   possessives cut off, as PTC marks a label) — whether its head names people, whether a
   loaded-language or pejorative mark lies in it, length, capitals, quotation marks, proper
   noun head, subject, adjective, the sentence's opinion score, the vectors of the phrase
   and of its head — CV by article; the precision of the top-ranked phrases.

Nothing is written and nothing here ships: the README's "Persuasion techniques" section
quotes its output. No PTC or BABE text is kept.

    .venv/bin/python benchmarks/probe_techniques.py
"""

from __future__ import annotations

import bisect
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
from spacy.tokens import Token

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fit_opinion import fit_logistic  # noqa: E402
from fit_techniques import BENCH, PTC, load_scorer  # noqa: E402

from framelens import engine, labels, resources, technique_info  # noqa: E402
from framelens.analyzers import (  # noqa: E402
    boilerplate,
    loaded,
    opinion,
    quotes,
    techniques,
    tone,
)
from framelens.analyzers.loaded_lexicon import load_lexicon  # noqa: E402
from framelens.analyzers.quote_marks import QuotedSpan  # noqa: E402
from framelens.model import Quote, Sentence, Span  # noqa: E402
from framelens.nlp import embeddings  # noqa: E402
from framelens.nlp.parsed import ParsedText, parse_many  # noqa: E402

FOLDS = 5
L2 = 1000.0
HIDE_GRID = (0.0, 0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.40, 0.50, 0.70)
NEW_WORDS_GRID = (0, 25, 50, 100, 150, 200, 400)
L2_GRID = (100.0, 1000.0, 3000.0)
MIN_PRECISION = 0.30  # the bar for any technique shown 20 or more times
MIN_WORDS = 20
MIN_QUOTED_WORDS = 5  # a passage in quotation marks this long is someone's words
SENTENCE_TECHNIQUES = ("name_calling", "repetition", "doubt", "appeal_to_fear",
                       "exaggeration_minimisation", "flag_waving", "causal_oversimplification")
TOP_SENTENCES = (20, 40, 80)
TOP_PHRASES = (20, 40, 60, 100, 150, 200)
RULE_FAMILIES = ("loaded.vader_valence", "loaded.verdict_adjective", "loaded.stance_label",
                 "loaded.migration_metaphor", "loaded.scare_quotes")
SUBTYPES = ("emotive", "pejorative", "exaggeration", "euphemism")
POS = ("ADJ", "ADV", "NOUN", "VERB", "PROPN")
DEPS = ("amod", "acomp", "attr", "ROOT", "nsubj", "dobj", "pobj", "advmod", "compound")
CUE_NAMES = (
    *(f"rule:{r.removeprefix('loaded.')}" for r in RULE_FAMILIES), "rule:lexicon",
    *(f"subtype:{s}" for s in SUBTYPES), *(f"pos:{p}" for p in POS),
    *(f"dep:{d}" for d in DEPS),
    "labels people", "is a noun for people", "in quotation marks", "capitalised",
    "several words", "abs valence", "opinion score", "attributed sentence",
)
_QUOTE_CHARS = "\"'\u201c\u201d\u2018\u2019"
_PEOPLE_ENTITIES = frozenset({"PERSON", "NORP", "ORG"})
_SKIP_POS = frozenset({"PUNCT", "SPACE", "DET", "ADP", "CCONJ", "SCONJ", "PART", "AUX", "PRON",
                       "NUM", "SYM", "X"})


@dataclass
class Article:
    """One analysed text: its parse, every loaded-language mark (none hidden), sentences
    and technique spans, as the engine makes them."""

    parsed: ParsedText
    marks: list[Span]
    sentences: list[Sentence]
    techniques: list[Span]
    every_mark: list[Span]  # loaded language, hedges and boosters
    quotes: list[Quote]
    passages: list[QuotedSpan]


def analyse(texts: Sequence[str]) -> list[Article]:
    """The engine's analysers, in the engine's order, on each text."""
    debris = [boilerplate.find_boilerplate(text) for text in texts]
    parsed_all = parse_many(engine.warm_up(), texts,
                            [[(s.start, s.end) for s in d] for d in debris])
    found = []
    for parsed in parsed_all:
        tones = tone.sentence_tones([s.text for s in parsed.sentences()])
        passages = quotes.quoted_passages(parsed)
        said = quotes.find_quotes(parsed, passages)
        marks = loaded.find_marks(parsed, passages, said)
        sentences = opinion.label_sentences(parsed, said, marks, tones, passages)
        rhetoric = techniques.find_techniques(parsed, said, passages, marks)
        found.append(Article(parsed, [m for m in marks if m.category == labels.LOADED],
                             sentences, rhetoric, marks, said, passages))
    return found


def people_nouns() -> frozenset[str]:
    return frozenset(resources.load_toml(technique_info.RESOURCE)["name_calling"]["people_nouns"])


def mark_features(article: Article, people: frozenset[str]) -> np.ndarray:
    """(marks, features): cue features, the mark's vector and its sentence's vector."""
    vectors, lexicon = embeddings.load(), load_lexicon()
    starts = [s.start for s in article.sentences]
    views = list(article.parsed.sentences())
    tokens = list(article.parsed.tokens())
    offsets = [offset for offset, _ in tokens]
    text = article.parsed.text
    rows = []
    for mark in article.marks:
        index = max(bisect.bisect_right(starts, mark.start) - 1, 0)
        inside = [t for _, t in tokens[bisect.bisect_left(offsets, mark.start):
                                      bisect.bisect_left(offsets, mark.end)]]
        cues = np.zeros(len(CUE_NAMES))

        def on(name: str, value: float = 1.0, cues: np.ndarray = cues) -> None:
            cues[CUE_NAMES.index(name)] = value

        on(f"rule:{mark.rule.removeprefix('loaded.')}" if mark.rule in RULE_FAMILIES
           else "rule:lexicon")
        if mark.subtype in SUBTYPES:
            on(f"subtype:{mark.subtype}")
        root = _root(inside)
        if root is not None:
            if root.pos_ in POS:
                on(f"pos:{root.pos_}")
            if root.dep_ in DEPS:
                on(f"dep:{root.dep_}")
            if root.dep_ in ("amod", "compound") and _names_people(root.head, people):
                on("labels people")
            if root.pos_ in ("NOUN", "PROPN") and _names_people(root, people):
                on("is a noun for people")
            if root.text[:1].isupper() and not root.is_sent_start:
                on("capitalised")
        on("abs valence", max((abs(lexicon.vader.get(t.lower_, 0.0)) for t in inside),
                              default=0.0) / 4.0)
        before, after = text[max(mark.start - 1, 0):mark.start], text[mark.end:mark.end + 1]
        if (before and before in _QUOTE_CHARS) or (after and after in _QUOTE_CHARS):
            on("in quotation marks")
        if len(inside) > 1:
            on("several words")
        if index < len(article.sentences):
            on("opinion score", article.sentences[index].score)
            if article.sentences[index].label == labels.ATTRIBUTED:
                on("attributed sentence")
        words = [t.text for t in inside] or text[mark.start:mark.end].split()
        context = ([t.text for t in views[index].span if t.pos_ not in _SKIP_POS]
                   if index < len(views) else [])
        rows.append(np.concatenate([cues, vectors.embed_words(words).mean,
                                    vectors.embed_words(context).mean]))
    return np.array(rows).reshape(len(rows), len(CUE_NAMES) + 2 * vectors.dims)


def _root(tokens: Sequence[Token]) -> Token | None:
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i),
                tokens[0] if tokens else None)


def _names_people(token: Token, people: frozenset[str]) -> bool:
    return token.ent_type_ in _PEOPLE_ENTITIES or token.lemma_.lower() in people


def credit(score: ModuleType, span: tuple[int, int], gold: Sequence[tuple[int, int]]) -> float:
    """A span's partial credit against gold spans (overlap / span length, capped at 1)."""
    overlap = sum(score.overlap(span, g) for g in gold)
    return min(1.0, overlap / (span[1] - span[0]))


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2) -> tuple[float, np.ndarray, np.ndarray,
                                                                np.ndarray]:
    """Bias, weights, mean and scale of a logistic regression on standardised features."""
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
    bias, weights = fit_logistic((x - mean) / scale, y, np.ones(len(y)), l2)
    return bias, weights, mean, scale


def predict(x: np.ndarray, bias: float, weights: np.ndarray, mean: np.ndarray,
            scale: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-(bias + ((x - mean) / scale) @ weights))))


def cross_validated(x: np.ndarray, y: np.ndarray, folds: np.ndarray,
                    l2: float = L2) -> np.ndarray:
    """Each row's probability from the model fitted on the other folds only."""
    out = np.zeros(len(y))
    for fold in np.unique(folds):
        train, test = folds != fold, folds == fold
        out[test] = predict(x[test], *fit(x[train], y[train], l2))
    return out


Spans = list[tuple[int, int, str, str]]


def spans_of(article: Article, keep_marks: Sequence[bool] | None = None) -> Spans:
    """The scorer's (start, end, category, subtype) of an article's marks and techniques."""
    keep = [True] * len(article.marks) if keep_marks is None else keep_marks
    return ([(s.start, s.end, s.category, s.subtype) for s in article.techniques]
            + [(m.start, m.end, m.category, m.subtype)
               for m, k in zip(article.marks, keep, strict=True) if k])


def oracle(spans: Spans, gold: dict[str, list[tuple[int, int]]]) -> Spans:
    """The spans that touch a gold span of their own technique (loaded language included)."""
    kept = []
    for start, end, category, subtype in spans:
        technique = "loaded_language" if category == labels.LOADED else subtype
        if any(start < g_end and g_start < end for g_start, g_end in gold.get(technique, ())):
            kept.append((start, end, category, subtype))
    return kept


def best_possible(result: dict[str, Any]) -> dict[str, float]:
    """The F1 each figure would have with today's recall and perfect precision."""
    def top(recall: float) -> float:
        return 2 * recall / (1 + recall)
    per = result["per_technique"].values()
    return {"micro": top(result["micro_r"]), "any": top(result["any_r"]),
            "macro": sum(top(row["r"]) for row in per) / len(result["per_technique"])}


def figures(score: ModuleType, items: Sequence[dict[str, Any]],
            spans: Sequence[Spans]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The scorer's techniques and loaded-spans figures of the given spans."""
    preds = [{"spans": s} for s in spans]
    loaded_items = [{"gold_spans": score.merge_spans(item["gold"]["loaded_language"]
                                                     + item["gold"]["name_calling"])}
                    for item in items]
    return score.score_techniques(items, preds), score.score_loaded_spans(loaded_items, preds)


def line(label: str, t: dict[str, Any], spans: dict[str, Any], extra: str = "") -> str:
    ll = t["per_technique"]["loaded_language"]
    return (f"  {label:<22s} micro P {t['micro_p']:.3f} R {t['micro_r']:.3f} "
            f"F1 {t['micro_f1']:.3f}  macro {t['macro_f1']:.3f}  any {t['any_f1']:.3f} | "
            f"loaded language {ll['pred_spans']:4d} P {ll['p']:.3f} R {ll['r']:.3f} | "
            f"loaded-spans F1 {spans['f1']:.3f}{extra}")


def by_owner(values: np.ndarray, owners: np.ndarray, n: int) -> list[np.ndarray]:
    return [values[owners == i] for i in range(n)]


def bound(score: ModuleType, items: Sequence[dict[str, Any]], arts: Sequence[Article]) -> None:
    now = figures(score, items, [spans_of(a) for a in arts])
    best = figures(score, items, [oracle(spans_of(a), item["gold"])
                                  for a, item in zip(arts, items, strict=True)])
    print("1. Today's marks, and only those of them that touch gold (oracle filter):")
    print(line("today", *now))
    print(line("oracle filter", *best))
    top = best_possible(now[0])
    print(f"  perfect precision at today's recall: micro-F1 {top['micro']:.3f}, "
          f"macro-F1 {top['macro']:.3f}, any-F1 {top['any']:.3f}")


def confidence(score: ModuleType, items: Sequence[dict[str, Any]], arts: Sequence[Article],
               babe: Sequence[dict[str, Any]], babe_arts: Sequence[Article]) -> None:
    people = people_nouns()
    x = np.vstack([mark_features(a, people) for a in arts])
    owners = np.array([i for i, a in enumerate(arts) for _ in a.marks])
    y = np.array([credit(score, (m.start, m.end), item["gold"]["loaded_language"])
                  for item, a in zip(items, arts, strict=True) for m in a.marks])
    probability = cross_validated(x, y, owners % FOLDS)
    model = fit(x, y)
    babe_x = np.vstack([mark_features(a, people) for a in babe_arts])
    babe_owners = np.array([i for i, a in enumerate(babe_arts) for _ in a.marks])
    babe_p = predict(babe_x, *model)
    print(f"\n2. Hiding the least likely loaded-language marks ({len(y)} marks, mean credit "
          f"{y.mean():.3f}; CV by article; BABE with the model fitted on all of PTC dev):")
    for hide in HIDE_GRID:
        cut = float(np.quantile(probability, hide)) if hide else -1.0
        keep = by_owner(probability >= cut, owners, len(arts))
        ptc = figures(score, items, [spans_of(a, k) for a, k in zip(arts, keep, strict=True)])
        babe_keep = by_owner(babe_p >= cut, babe_owners, len(babe_arts))
        bias = score.score_bias(babe, [{"spans": spans_of(a, k)} for a, k in
                                       zip(babe_arts, babe_keep, strict=True)])
        print(line(f"hide {hide:.0%}", *ptc,
                   f" | BABE macro-F1 {bias['macro_f1']:.3f} words F1 {bias['words_f1']:.3f}"))


def content_words(article: Article) -> list[tuple[int, int, Token]]:
    """(start, end, token) of the words a tagger could add: content words no lexicon mark
    covers, not names, not in a quote's content or a long quoted passage."""
    text = article.parsed.text
    taken = [(m.start, m.end) for m in article.every_mark]
    sourced = [(q.content.start, q.content.end) for q in article.quotes if q.voiced]
    for passage in article.passages:
        start, end = passage.inner(text)
        if len(text[start:end].split()) >= MIN_QUOTED_WORDS:
            sourced.append((start, end))
    found = []
    for offset, token in article.parsed.tokens():
        end = offset + len(token)
        if token.pos_ not in POS or token.ent_type_ or len(token.text) < 3 \
                or not token.is_alpha:
            continue
        if any(s < end and offset < e for s, e in taken + sourced):
            continue
        found.append((offset, end, token))
    return found


def new_words(score: ModuleType, items: Sequence[dict[str, Any]],
              arts: Sequence[Article]) -> None:
    vectors = embeddings.load()
    rows, owners, targets, where = [], [], [], []
    for index, (item, article) in enumerate(zip(items, arts, strict=True)):
        for start, end, token in content_words(article):
            cues = [token.pos_ == p for p in POS] + [token.dep_ == "amod",
                                                     token.is_title and not token.is_sent_start]
            rows.append(np.concatenate([np.array(cues, dtype=float),
                                        vectors.embed_words([token.text]).mean]))
            owners.append(index)
            targets.append(credit(score, (start, end), item["gold"]["loaded_language"]))
            where.append((start, end))
    x, y, owner = np.array(rows), np.array(targets), np.array(owners)
    hit = (y >= 0.5).astype(float)
    losses = {l2: log_loss(cross_validated(x, hit, owner % FOLDS, l2), hit) for l2 in L2_GRID}
    l2 = min(losses, key=lambda k: losses[k])
    order = np.argsort(-cross_validated(x, hit, owner % FOLDS, l2))
    running = np.cumsum(y[order]) / np.arange(1, len(y) + 1)
    reach = [k + 1 for k in range(MIN_WORDS - 1, len(y)) if running[k] >= MIN_PRECISION]
    print(f"\n3. Words the lexicon misses ({len(y)} candidate words, {int(hit.sum())} in "
          f"Loaded_Language gold; l2 {l2:g}; CV by article):")
    for count in NEW_WORDS_GRID:
        chosen = order[:count]
        added: list[Spans] = [spans_of(a) for a in arts]
        for i in chosen:
            added[owner[i]].append((*where[i], labels.LOADED, "emotive"))
        precision = f" | added words P {y[chosen].mean():.3f}" if count else ""
        print(line(f"lexicon + {count} words", *figures(score, items, added), precision))
    print(f"  largest number of added words with precision >= {MIN_PRECISION:.2f} "
          f"(from {MIN_WORDS} on): {max(reach) if reach else 'none'}")


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def sentence_detectors(score: ModuleType, items: Sequence[dict[str, Any]],
                       arts: Sequence[Article]) -> None:
    vectors = embeddings.load()
    rows, owners, spans = [], [], []
    for index, article in enumerate(arts):
        for position, sentence in enumerate(article.sentences):
            text = article.parsed.text[sentence.start:sentence.end]
            cues = [sentence.score, sentence.label == labels.ATTRIBUTED, position == 0,
                    len(text.split()) / 40, text.rstrip().endswith("?"), '"' in text]
            rows.append(np.concatenate([np.array(cues, dtype=float), vectors.embed(text)]))
            owners.append(index)
            spans.append((sentence.start, sentence.end))
    x, owner = np.array(rows), np.array(owners)
    print("\n4. Sentence detectors, whole sentence marked (CV by article; partial-credit "
          "precision of the top-ranked sentences):")
    for technique in SENTENCE_TECHNIQUES:
        y = np.array([credit(score, span, items[o]["gold"][technique])
                      for span, o in zip(spans, owner, strict=True)])
        order = np.argsort(-cross_validated(x, (y > 0).astype(float), owner % FOLDS))
        tops = "  ".join(f"top {k}: {y[order[:k]].mean():.2f}" for k in TOP_SENTENCES)
        print(f"  {technique:34s} gold spans {sum(len(i['gold'][technique]) for i in items):4d}"
              f"  {tops}")


def noun_phrases(article: Article, people: frozenset[str]
                 ) -> list[tuple[int, int, np.ndarray]]:
    """(start, end, features) of every noun phrase of the article, without determiners."""
    vectors = embeddings.load()
    text = article.parsed.text
    starts = [s.start for s in article.sentences]
    found = []
    for block in article.parsed.blocks:
        for chunk in block.doc.noun_chunks:
            words = [t for t in chunk if t.dep_ not in ("det", "poss", "predet")
                     and not t.is_punct and t.pos_ != "PRON"]
            if not words:
                continue
            start = block.start + words[0].idx
            end = block.start + words[-1].idx + len(words[-1])
            head = chunk.root
            inside = [m for m in article.marks if m.start < end and start < m.end]
            index = max(bisect.bisect_right(starts, start) - 1, 0)
            opinion_score = article.sentences[index].score if article.sentences else 0.0
            cues = [_names_people(head, people), bool(inside),
                    any(m.subtype == "pejorative" for m in inside), len(words) / 4,
                    any(t.is_title and not t.is_sent_start for t in words),
                    start > 0 and text[start - 1] in _QUOTE_CHARS, head.pos_ == "PROPN",
                    head.dep_ in ("nsubj", "nsubjpass"), opinion_score,
                    any(t.pos_ == "ADJ" for t in words)]
            found.append((start, end, np.concatenate([
                np.array(cues, dtype=float), vectors.embed_words([t.text for t in words]).mean,
                vectors.embed_words([head.text]).mean])))
    return found


def name_calling(score: ModuleType, items: Sequence[dict[str, Any]],
                 arts: Sequence[Article]) -> None:
    people = people_nouns()
    rows, owners, targets = [], [], []
    for index, (item, article) in enumerate(zip(items, arts, strict=True)):
        for start, end, row in noun_phrases(article, people):
            rows.append(row)
            owners.append(index)
            targets.append(credit(score, (start, end), item["gold"]["name_calling"]))
    x, y, owner = np.array(rows), np.array(targets), np.array(owners)
    hit = (y >= 0.5).astype(float)
    print(f"\n5. Name-calling noun phrases ({len(y)} phrases, {int(hit.sum())} at least half "
          f"in Name_Calling gold; CV by article; partial-credit precision of the top-ranked):")
    for l2 in L2_GRID:
        order = np.argsort(-cross_validated(x, hit, owner % FOLDS, l2))
        tops = "  ".join(f"top {k}: {y[order[:k]].mean():.2f}" for k in TOP_PHRASES)
        print(f"  l2 {l2:6g}  {tops}")


def main() -> int:
    score = load_scorer()
    items, _ = score.load_ptc_techniques(str(PTC / "articles"),
                                         str(PTC / "ptc_dev-task2-TC.labels"))
    babe, _ = score.load_babe(str(BENCH / "bias" / "babe_dev.csv"))
    arts = analyse([item["text"] for item in items])
    steps: list[Callable[[], None]] = [
        lambda: bound(score, items, arts),
        lambda: confidence(score, items, arts, babe, analyse([b["text"] for b in babe])),
        lambda: new_words(score, items, arts),
        lambda: sentence_detectors(score, items, arts),
        lambda: name_calling(score, items, arts),
    ]
    for step in steps:
        step()
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
