"""Opinion versus reported fact versus attributed statement, sentence by sentence.

Each sentence gets explainable cues (rules and word lists in `resources/opinion.toml`):
evaluative words, modality, first/second person, questions, imperatives ... push towards
opinion; numbers, dates, named entities and reporting verbs towards fact. Words inside
quotes or reported speech belong to the source, not the writer, so they give no opinion
cues. The score is a logistic function of the cue weights (fitted on our own features,
see the resource header); a sentence that is not opinion is `attributed` when it is
mostly quoted or reported speech and `fact` otherwise.
"""

from __future__ import annotations

import functools
import importlib.resources
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token

from framelens import labels, resources
from framelens.analyzers import quotes as quote_finder
from framelens.analyzers.interpretation import interpretation_hits, verdict_hits
from framelens.analyzers.quote_marks import QuotedIndex, QuotedSpan
from framelens.model import Evidence, Quote, Sentence, Span
from framelens.nlp.parsed import ParsedText, SentenceView

RESOURCE = "opinion.toml"
_FACT_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW",
                            "PRODUCT", "WORK_OF_ART"})
_DATE_ENTITIES = frozenset({"DATE", "TIME"})
_NUMBER_ENTITIES = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
_WORD_RULES = ("evaluative_adjective", "scale_adjective", "evaluative_adverb", "intensifier",
               "evaluative_noun", "evaluative_verb")
_DEGREE_WORDS = frozenset({"so", "too", "very", "quite", "rather", "far", "much", "even",
                           "ever", "most", "all", "deadly"})
_SKIP_OPENERS = frozenset({"and", "so", "but", "now", "then", "please", "just", "simply"})


Hit = tuple[str, int, int]


@dataclass(frozen=True)
class _Config:
    """The rules of `opinion.toml` as lookup sets, with weights."""

    words: dict[str, frozenset[str]]
    phrases: dict[str, tuple[tuple[str, ...], ...]]
    superlative_exclude: frozenset[str]
    emotive: frozenset[str]
    min_adjectives: int
    descriptions: dict[str, str]
    names: dict[str, str]
    caps: dict[str, int]
    weights: dict[str, float]
    bias: float
    quoted_share: float
    strong_tone: float


@functools.cache
def _config() -> _Config:
    data: dict[str, Any] = resources.load_toml(RESOURCE)
    rules = data["rules"]
    words = {rule: frozenset(w.lower() for w in body.get("words", ()))
             for rule, body in rules.items()}
    phrases: dict[str, tuple[tuple[str, ...], ...]] = {}
    for phrase in rules["opinion.stance_phrase"]["phrases"]:
        words_of = tuple(phrase.split())
        phrases[words_of[0]] = phrases.get(words_of[0], ()) + (words_of,)
    weights = {k: float(v) for k, v in data["weights"].items() if k != "bias"}
    return _Config(
        words=words,
        phrases=phrases,
        superlative_exclude=frozenset(rules["opinion.superlative"].get("exclude", ())),
        emotive=_vader_words(float(rules["opinion.emotive_word"]["min_valence"])),
        min_adjectives=int(rules["opinion.many_adjectives"]["min_count"]),
        descriptions={rule: body["description"] for rule, body in rules.items()},
        names={rule: body["name"] for rule, body in rules.items()},
        caps={rule: int(body.get("cap", 1)) for rule, body in rules.items()},
        weights={rule: weights.get(rule, 0.0) for rule in rules},
        bias=float(data["weights"]["bias"]),
        quoted_share=float(data["settings"]["quoted_share"]),
        strong_tone=float(data["settings"]["strong_tone"]),
    )


def _vader_words(min_valence: float) -> frozenset[str]:
    """Single words of VADER's sentiment lexicon (shipped with vaderSentiment, MIT) with
    |valence| >= `min_valence`."""
    lexicon = importlib.resources.files("vaderSentiment").joinpath("vader_lexicon.txt")
    words = set()
    for line in lexicon.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) >= 2 and fields[0].isalpha() and abs(float(fields[1])) >= min_valence:
            words.add(fields[0].lower())
    return frozenset(words)


def rule_ids() -> tuple[str, ...]:
    """Every cue rule id, in resource order (the features of the fitted model)."""
    return tuple(_config().descriptions)


def decisive_rules() -> frozenset[str]:
    """Rules that make a sentence opinion on their own (`decisive = true`): their weight is
    set, not fitted, and the sentences they fire in are left out of the fit."""
    rules = resources.load_toml(RESOURCE)["rules"]
    return frozenset(rule for rule, body in rules.items() if body.get("decisive", False))


def label_sentences(parsed: ParsedText, quotes: Sequence[Quote], marks: Sequence[Span],
                    tones: Sequence[float], quoted: Sequence[QuotedSpan] | None = None
                    ) -> list[Sentence]:
    """Label every sentence `opinion`, `fact` or `attributed`, with score and evidence
    (`quoted`: the text's passages in quotation marks, if already found)."""
    config = _config()
    sentences = []
    all_cues = sentence_cues(parsed, quotes, marks, tones, quoted)
    for sent, hits, tone in zip(parsed.sentences(), all_cues, tones, strict=True):
        evidence = _weigh(hits, config)
        raw = config.bias + sum(e.weight for e in evidence)
        score = 1.0 / (1.0 + math.exp(-raw))
        if score >= 0.5:
            label = labels.OPINION
        elif _quoted(sent.start, sent.end, quotes) and any(
                rule in ("fact.quoted", "fact.reporting_verb") for rule, _, _ in hits):
            label = labels.ATTRIBUTED
        else:
            label = labels.FACT
        sentences.append(Sentence(sent.start, sent.end, label, round(score, 3), evidence, tone))
    return sentences


def _quoted(start: int, end: int, quotes: Sequence[Quote]) -> bool:
    """Whether a quote found by the quotes analyser (the one authority on attribution)
    overlaps the sentence, so `attributed` sentences and the sources list agree."""
    return any(q.content.start < end and start < q.content.end for q in quotes)


def sentence_cues(parsed: ParsedText, quotes: Sequence[Quote], marks: Sequence[Span],
                  tones: Sequence[float], quoted: Sequence[QuotedSpan] | None = None
                  ) -> list[list[Hit]]:
    """The cue hits `(rule, start, end)` of every sentence, before weighting."""
    config = _config()
    sourced = [(q.content.start, q.content.end) for q in quotes
               if quote_finder.gives_voice(q) and not _own_words(parsed, q)]
    cues = frozenset(q.cue.start for q in quotes if q.cue is not None and q.voiced)
    if quoted is None:
        quoted = quote_finder.quoted_passages(parsed)
    index = QuotedIndex(parsed.text, quoted)
    return [_cues(sent, sourced, cues, index.overlapping(sent.start, sent.end), marks, tone,
                  config)
            for sent, tone in zip(parsed.sentences(), tones, strict=True)]


def _own_words(parsed: ParsedText, quote: Quote) -> bool:
    """True when the 'speaker' is the writer (I think that ..., we believe ...)."""
    if quote.speaker is None:
        return False
    speaker = parsed.text[quote.speaker.start:quote.speaker.end].strip().lower()
    return speaker in _config().words["opinion.first_person"]


def _weigh(hits: Sequence[Hit], config: _Config) -> tuple[Evidence, ...]:
    """Evidence for the hits: each rule's first `cap` hits carry its weight, later ones 0."""
    seen: dict[str, int] = {}
    evidence = []
    for rule, start, end in sorted(hits, key=lambda h: (h[1], h[2], h[0])):
        seen[rule] = seen.get(rule, 0) + 1
        weight = config.weights[rule] if seen[rule] <= config.caps[rule] else 0.0
        evidence.append(Evidence(rule, config.descriptions[rule], start, end, round(weight, 3),
                                 config.names[rule]))
    return tuple(evidence)


def _cues(sent: SentenceView, sourced: Sequence[tuple[int, int]], cues: frozenset[int],
          in_marks: Sequence[tuple[int, int]], marks: Sequence[Span], tone: float,
          config: _Config) -> list[Hit]:
    """Cue hits of one sentence; `in_marks`: the passages in quotation marks overlapping
    it (without their marks), someone else's words or a term mentioned, never the writer's
    own evaluative vocabulary."""
    inside = [(max(s, sent.start), min(e, sent.end)) for s, e in sourced
              if s < sent.end and e > sent.start]
    quoted_chars = sum(e - s for s, e in _merge(inside))
    mostly_quoted = quoted_chars >= config.quoted_share * max(1, sent.end - sent.start)

    def is_sourced(start: int) -> bool:
        return any(s <= start < e for s, e in inside)

    hits: list[Hit] = []
    own_tokens = []
    for token in sent.span:
        start, end = sent.token_range(token, token)
        if not is_sourced(start) and not any(s <= start < e for s, e in in_marks):
            own_tokens.append(token)
            hits.extend((rule, start, end) for rule in _token_rules(token, config))
        hits.extend((rule, start, end) for rule in _fact_rules(token, start in cues, config))
    hits.extend(_phrase_hits(sent, own_tokens, config))
    hits.extend(interpretation_hits(sent, own_tokens, cues))
    hits.extend(_sentence_hits(sent, own_tokens, is_sourced, in_marks, config))
    covered = {(start, end) for _, start, end in hits}
    for mark in marks:
        if sent.start <= mark.start < sent.end and not is_sourced(mark.start):
            rule = {labels.LOADED: "opinion.loaded_word", labels.BOOSTER: "opinion.booster",
                    labels.HEDGE: "opinion.hedge"}.get(mark.category)
            if rule is not None and (mark.start, mark.end) not in covered:
                hits.append((rule, mark.start, mark.end))
    hits.extend(verdict_hits(sent, own_tokens, hits,
                             config.words["opinion.contrast_judgement"]))
    if abs(tone) >= config.strong_tone and not mostly_quoted:
        hits.append(("opinion.strong_tone", sent.start, sent.end))
    for ent in sent.span.ents:
        if ent.label_ in _FACT_ENTITIES:
            hits.append(("fact.named_entity", *sent.token_range(ent[0], ent[-1])))
        elif ent.label_ in _DATE_ENTITIES:
            hits.append(("fact.date", *sent.token_range(ent[0], ent[-1])))
    if mostly_quoted:
        first, last = min(s for s, _ in inside), max(e for _, e in inside)
        hits.append(("fact.quoted", first, last))
    return hits


def _merge(ranges: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _token_rules(token: Token, config: _Config) -> tuple[str, ...]:
    """The opinion cues one token of the writer's own words gives (usually none or one)."""
    lower, lemma, tag, pos = token.lower_, token.lemma_.lower(), token.tag_, token.pos_
    words = config.words
    if pos == "PRON" and lower in words["opinion.first_person"] and token.text != "US":
        return ("opinion.first_person",)
    if lower in words["opinion.second_person"] and pos == "PRON":
        return ("opinion.second_person",)
    if tag == "MD" and lower in words["opinion.should"]:
        return ("opinion.should",)
    if tag == "MD" or (lemma in ("need", "have", "got") and _next_lower(token) == "to"):
        if lower in words["opinion.obligation_modal"] or lemma in ("need", "have", "got"):
            return ("opinion.obligation_modal",)
        if lower in words["opinion.prediction"]:
            return ("opinion.prediction",)
        if lower in words["opinion.possibility_modal"]:
            return ("opinion.possibility_modal",)
        return ()
    if lower in words["opinion.scare_quotes"]:
        return ("opinion.scare_quotes",)
    if tag in ("JJS", "RBS") and lower not in config.superlative_exclude:
        if lemma in words["opinion.evaluative_adjective"]:
            return ("opinion.superlative", "opinion.evaluative_adjective")
        return ("opinion.superlative",)
    if lower == "most" and token.head.pos_ in ("ADJ", "ADV") and token.head is not token:
        return ("opinion.superlative",)
    graded = tag in ("JJR", "RBR") or lower in ("rather", "instead", "preferable", "superior",
                                                 "inferior")
    if (lower in words["opinion.comparative"] and graded
            and (lower not in ("more", "less") or token.head.pos_ in ("ADJ", "ADV"))):
        return ("opinion.comparative",)
    if lower in _DEGREE_WORDS:
        if token.head.pos_ in ("ADJ", "ADV") and token.head is not token and pos == "ADV":
            return ("opinion.intensifier",)
        return ()
    for rule in _WORD_RULES:
        if _pos_fits(rule, pos) and (lemma in words[f"opinion.{rule}"]
                                     or lower in words[f"opinion.{rule}"]):
            return (f"opinion.{rule}",)
    if pos == "ADV" and lower.endswith("ly") and _adjective_of(lower) in words[
            "opinion.evaluative_adjective"]:
        return ("opinion.evaluative_adverb",)
    if pos in ("ADJ", "ADV", "NOUN") and (lower in config.emotive or lemma in config.emotive):
        return ("opinion.emotive_word",)
    if lower in words["opinion.generalisation"]:
        return ("opinion.generalisation",)
    if token.dep_ == "neg" or (lower in words["opinion.negation"] and pos in ("DET", "CCONJ")):
        return ("opinion.negation",)
    if lower in words["opinion.argument_marker"] and pos in ("CCONJ", "ADV", "SCONJ"):
        return ("opinion.argument_marker",)
    return ()


def _pos_fits(rule: str, pos: str) -> bool:
    if rule in ("evaluative_adjective", "scale_adjective"):
        return pos == "ADJ"
    if rule in ("evaluative_adverb", "intensifier"):
        return pos == "ADV"
    if rule == "evaluative_noun":
        return pos in ("NOUN", "PROPN")
    return pos == "VERB"


def _adjective_of(adverb: str) -> str:
    """'terribly' -> 'terrible', 'wisely' -> 'wise', 'happily' -> 'happy' (a cheap guess)."""
    stem = adverb[:-2]
    if stem.endswith("ib") or stem.endswith("ab"):
        return stem + "le"
    if stem.endswith("i"):
        return stem[:-1] + "y"
    return stem


def _next_lower(token: Token) -> str:
    return token.nbor().lower_ if token.i + 1 < len(token.doc) else ""


def _fact_rules(token: Token, is_cue: bool, config: _Config) -> list[str]:
    """Source and fact cues of one token (these count inside quotes too); `is_cue` when
    the quotes analyser found the token introducing someone's words."""
    found = []
    if (token.ent_type_ not in _DATE_ENTITIES and token.lower_ != "one"
            and (any(c.isdigit() for c in token.text) or token.ent_type_ in _NUMBER_ENTITIES)):
        found.append("fact.number")
    tone = quote_finder.cue_tone(token.lemma_) if token.pos_ == "VERB" else None
    if tone is not None:
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        writer_or_reader = subject is not None and (
            subject.lower_ in config.words["opinion.first_person"]
            or subject.lower_ in config.words["opinion.second_person"])
        if tone == labels.CUE_LOADED:
            found.append("opinion.loaded_cue")
        elif is_cue and not writer_or_reader:
            found.append("fact.reporting_verb")
    elif token.lower_ == "according" and _next_lower(token) == "to":
        found.append("fact.reporting_verb")
    if token.dep_ == "ROOT" and token.tag_ == "VBD" and tone is None:
        found.append("fact.past_event")
    return found


def _phrase_hits(sent: SentenceView, own: Sequence[Token], config: _Config) -> list[Hit]:
    """Stance phrases ('of course', 'the truth is') among the writer's words."""
    lowers = [t.lower_ for t in own]
    hits = []
    for i, word in enumerate(lowers):
        for phrase in config.phrases.get(word, ()):
            last = i + len(phrase) - 1
            if tuple(lowers[i:last + 1]) == phrase:
                hits.append(("opinion.stance_phrase", *sent.token_range(own[i], own[last])))
    return hits


def _sentence_hits(sent: SentenceView, own: Sequence[Token], is_sourced: Any,
                   in_marks: Sequence[tuple[int, int]], config: _Config) -> list[Hit]:
    """Cues of the whole sentence: own question or exclamation, imperative, scare quotes."""
    hits: list[Hit] = []
    text = sent.text.rstrip()
    ending = text.rstrip("\"'\u201d\u2019)] ")
    end_char = sent.start + len(ending) - 1
    if ending.endswith("?") and not is_sourced(end_char):
        hits.append(("opinion.rhetorical_question", end_char, end_char + 1))
    elif ending.endswith("!") and not is_sourced(end_char):
        hits.append(("opinion.exclamation", end_char, end_char + 1))
    words = [t for t in own if not t.is_punct]
    while words and words[0].lower_ in _SKIP_OPENERS:
        words = words[1:]
    if words and not ending.endswith("?"):
        first = words[0]
        subjectless = not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in first.children)
        bare_verb = first.tag_ == "VB" and first.dep_ == "ROOT" and subjectless
        negated = first.lower_ == "do" and _next_lower(first) in ("n't", "not")
        if bare_verb or first.lower_ == "let" or negated:
            hits.append(("opinion.imperative", *sent.token_range(first, first)))
    root = sent.span.root
    if root.tag_ in ("VBZ", "VBP") and not is_sourced(sent.char(root)):
        hits.append(("opinion.present_general", *sent.token_range(root, root)))
    adjectives = [t for t in own if t.pos_ == "ADJ"]
    if len(adjectives) >= config.min_adjectives:
        hits.append(("opinion.many_adjectives", *sent.token_range(adjectives[0], adjectives[-1])))
    for start, end in in_marks:
        if start < sent.start or end > sent.end:
            continue
        inner = sent.text[start - sent.start:end - sent.start].strip()
        few_words = 0 < len(inner.split()) <= 3 and inner[-1:] not in ".,!?;:"
        if few_words and (not is_sourced(start) or end - start < 0.5 * len(text)):
            hits.append(("opinion.scare_quotes", max(sent.start, start - 1),
                         min(sent.end, end + 1)))
    return hits
