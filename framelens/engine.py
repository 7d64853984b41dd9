"""The analysis engine: `analyze(text) -> Analysis` and `compare(a, b) -> Comparison`.

Pure Python, no Qt. The spaCy pipeline is loaded once per process and shared; no spaCy
object leaves this module. Each analyser runs guarded: if one fails, the others' results
are kept and the failure is reported in `Analysis.errors`.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TypeVar

from spacy.language import Language

from framelens import labels
from framelens.analyzers import (
    boilerplate,
    frames,
    genre,
    headline,
    metrics,
    opinion,
    quotes,
    readability,
    techniques,
    terms,
    tone,
    user_lexicon,
)
from framelens.analyzers.quote_marks import QuotedSpan
from framelens.comparison import compare
from framelens.language import ENGLISH, detect_language
from framelens.model import (
    Analysis,
    Entity,
    FrameShare,
    Genre,
    HeadlineCheck,
    Metrics,
    Quote,
    Sentence,
    Span,
    Term,
)
from framelens.nlp import pipeline
from framelens.nlp.parsed import ParsedText, parse_many
from framelens.textio import MAX_TEXT_CHARS, InputError
from framelens.wordlists import UserWords

__all__ = ["analyze", "analyze_many", "compare", "warm_up"]

log = logging.getLogger(__name__)
T = TypeVar("T")


@functools.cache
def warm_up() -> Language:
    """Load the language model and, on a second thread meanwhile, the other one-time data.

    The pronouncing dictionary behind readability, the language identifier and VADER's
    lexicon take about a second together; loading them while spaCy loads its model saves
    part of that on start-up. Called by the first analysis, or earlier by the window.
    """
    side = threading.Thread(target=_load_side_data, name="framelens-preload", daemon=True)
    side.start()
    try:
        return pipeline.load_pipeline()
    finally:
        side.join()


def _load_side_data() -> None:
    try:
        readability.reading_ease("Loading the pronouncing dictionary takes a moment.")
        detect_language("FrameLens reads English news articles and marks how they persuade.")
        tone.sentence_tones(["A fine start."])
        frames.load_model()  # the word vectors and the frames model
    except Exception:  # the analysis itself reports any real failure, guarded
        log.debug("preloading side data failed", exc_info=True)


def analyze(text: str, source: str | None = None,
            progress: Callable[[float], None] | None = None,
            words: UserWords | None = None) -> Analysis:
    """Analyse one text; `progress(fraction)` is called as the work advances; `words`: the
    user's word lists to apply besides the shipped ones (`framelens.wordlists`)."""
    return analyze_many([text], [source], progress, words)[0]


def analyze_many(texts: Sequence[str], sources: Sequence[str | None] | None = None,
                 progress: Callable[[float], None] | None = None,
                 words: UserWords | None = None) -> list[Analysis]:
    """Analyse several texts with one shared `nlp.pipe` stream (faster than one by one).

    `progress(fraction)` is called while parsing (most of the work: up to 0.9) and after
    each document is finished (up to 1.0). A text longer than
    `textio.MAX_TEXT_CHARS` raises `InputError` (one line naming the source) before any work;
    a text without letters (empty, spaces, only numbers/punctuation) gives an empty Analysis.
    """
    sources = list(sources) if sources is not None else [None] * len(texts)
    for text, source in zip(texts, sources, strict=True):
        _check_size(text, source)
    nlp = warm_up()
    debris: list[list[Span]] = []
    errors: list[list[str]] = [[] for _ in texts]
    for text, errs in zip(texts, errors, strict=True):
        debris.append(_guarded("boilerplate", functools.partial(boilerplate.find_boilerplate, text),
                               [], errs))
    excluded = [[(s.start, s.end) for s in spans] for spans in debris]
    for index, text in enumerate(texts):
        if not any(char.isalpha() for char in text):  # no words: nothing to parse or judge
            debris[index], excluded[index] = [], [(0, len(text))]
    parse_progress = None if progress is None else (lambda done: progress(0.9 * done))
    parsed_all = parse_many(nlp, texts, excluded, progress=parse_progress)
    results = []
    for index, (parsed, source) in enumerate(zip(parsed_all, sources, strict=True)):
        results.append(_analyze_parsed(parsed, debris[index], errors[index], source, words))
        if progress is not None:
            progress(0.9 + 0.1 * (index + 1) / len(texts))
    return results


def _analyze_parsed(parsed: ParsedText, debris: list[Span], errors: list[str],
                    source: str | None, user_words: UserWords | None = None) -> Analysis:
    text = parsed.text
    sentence_texts = [s.text for s in parsed.sentences()]
    tones = _guarded("tone", lambda: tone.sentence_tones(sentence_texts),
                     [0.0] * len(sentence_texts), errors)
    # One scan for quotation marks serves the quotes, loaded-language and opinion analysers.
    passages: list[QuotedSpan] = _guarded(
        "quotation marks", lambda: quotes.quoted_passages(parsed), [], errors)
    found_quotes: list[Quote] = _guarded(
        "quotes", lambda: quotes.find_quotes(parsed, passages), [], errors)
    marks: list[Span] = _guarded(
        "loaded", lambda: user_lexicon.find_marks(parsed, passages, found_quotes, user_words),
        [], errors)
    sentences: list[Sentence] = _guarded(
        "opinion", lambda: opinion.label_sentences(parsed, found_quotes, marks, tones, passages),
        [], errors)
    rhetoric: list[Span] = _guarded(
        "techniques", lambda: techniques.find_techniques(parsed, found_quotes, passages, marks),
        [], errors)
    unframed: tuple[list[Sentence], tuple[FrameShare, ...], HeadlineCheck | None] = (
        sentences, (), None)
    sentences, frame_shares, headline_check = _guarded(
        "frames", lambda: _with_frames(parsed, unframed[0], debris), unframed, errors)
    spans = sorted(marks + debris + rhetoric, key=lambda s: (s.start, s.end, s.category))
    figures = _guarded("metrics",
                       lambda: metrics.compute(text, sentences, spans, found_quotes),
                       Metrics(), errors)
    kind = _guarded("genre", lambda: genre.classify(text, sentences, spans, found_quotes, figures),
                    Genre(labels.GENRE_REPORTING, 0.0, ("genre could not be determined",)),
                    errors)
    no_terms: tuple[tuple[Term, ...], tuple[Entity, ...]] = ((), ())
    words, names = _guarded("terms", lambda: terms.extract(parsed), no_terms, errors)
    return Analysis(
        text=text,
        sentences=tuple(sentences),
        spans=tuple(spans),
        quotes=tuple(found_quotes),
        genre=kind,
        metrics=figures,
        source=source,
        title=_title(text, debris),
        language=_guarded("language", lambda: detect_language(text).code, ENGLISH, errors),
        errors=tuple(errors),
        frames=frame_shares,
        headline=headline_check,
        terms=words,
        entities=names,
    )


def _with_frames(parsed: ParsedText, sentences: list[Sentence], debris: Sequence[Span]
                 ) -> tuple[list[Sentence], tuple[FrameShare, ...], HeadlineCheck | None]:
    """Sentences with their frames, the document's frame shares and the headline check."""
    tags = frames.frame_sentences(parsed)
    if len(tags) != len(sentences):
        raise ValueError(f"{len(tags)} frame rows for {len(sentences)} sentences")
    framed = [replace(s, frames=t) for s, t in zip(sentences, tags, strict=True)]
    return (framed, frames.document_frames(tags),
            headline.check(parsed.text, framed, debris))


def _check_size(text: str, source: str | None) -> None:
    """Refuse a text above the documented limit (memory grows with length) in one plain line."""
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"{source or 'the text'}: too long ({len(text):,} characters; "
                         f"FrameLens analyses at most {MAX_TEXT_CHARS:,})")


def _guarded(name: str, compute: Callable[[], T], fallback: T, errors: list[str]) -> T:
    """Run one analyser; on failure record a one-line error and return `fallback`."""
    try:
        return compute()
    except Exception as exc:  # one analyser's bug must not lose the others' results
        log.debug("analyser %s failed", name, exc_info=True)
        errors.append(f"{name} analysis failed: {type(exc).__name__}: {exc}")
        return fallback


def _title(text: str, debris: Sequence[Span]) -> str:
    """The first line outside boilerplate, shortened: a document's headline."""
    position = 0
    for line in text.splitlines(keepends=True):
        start, stripped = position, line.strip()
        position += len(line)
        inside = any(s.start <= start + line.find(stripped) < s.end for s in debris)
        if stripped and not inside:
            return stripped if len(stripped) <= 120 else stripped[:117].rstrip() + "\u2026"
    return ""
