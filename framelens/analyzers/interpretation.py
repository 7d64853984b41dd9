"""The writer's interpretations and verdicts: judgements the grammar reveals.

"It is proof that ...", "Khamenei understands this", "It reveals how far ...", "This
strategy carries immense risk" and "That should concern us" state no fact a reader could
check: they are the writer reading evidence, minds and consequences ("X is a disaster",
built from an evaluative word, is a verdict of the same kind). Each family is a
rule of `resources/opinion.toml` with its own word lists; the grammar decides when a word
counts (a linking verb before "proof", a third-party subject before "understands", an
abstract subject before "reveals", a risk noun as the object of "carries").
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token

from framelens import resources
from framelens.analyzers.quote_cues import lexicon
from framelens.nlp.parsed import SentenceView

RESOURCE = "opinion.toml"
EVIDENTIAL = "opinion.evidential_frame"
MIND_READING = "opinion.mind_reading"
INTERPRETIVE = "opinion.interpretive_verb"
RISK = "opinion.risk_judgement"
MAIN_CLAUSE = "opinion.main_clause_interpretation"

_EVALUATIVE_RULES = frozenset({
    "opinion.evaluative_adjective", "opinion.scale_adjective", "opinion.evaluative_adverb",
    "opinion.intensifier", "opinion.evaluative_noun", "opinion.evaluative_verb",
    "opinion.emotive_word", "opinion.loaded_word", "opinion.superlative"})
_LINKING_VERBS = frozenset({"be", "seem", "appear", "become", "remain", "look", "sound",
                            "feel", "prove"})
_SUBJECTS = ("nsubj", "csubj")
_PEOPLE_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_WRITER = frozenset({"i", "we", "you", "me", "us", "one"})

Hit = tuple[str, int, int]


@dataclass(frozen=True)
class _Words:
    """The word lists of the four interpretation families, and 'should'."""

    evidential_nouns: frozenset[str]
    frame_prepositions: frozenset[str]
    mind_verbs: frozenset[str]
    interpretive_verbs: frozenset[str]
    evidence_subjects: frozenset[str]
    risk_verbs: frozenset[str]
    risk_nouns: frozenset[str]
    risk_carriers: frozenset[str]
    should: frozenset[str]


@functools.cache
def _words() -> _Words:
    rules: dict[str, Any] = resources.load_toml(RESOURCE)["rules"]

    def words(rule: str, key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in rules[rule][key])

    return _Words(
        evidential_nouns=words(EVIDENTIAL, "words"),
        frame_prepositions=words(EVIDENTIAL, "prepositions"),
        mind_verbs=words(MIND_READING, "words"),
        interpretive_verbs=words(INTERPRETIVE, "words"),
        evidence_subjects=words(INTERPRETIVE, "evidence_subjects"),
        risk_verbs=words(RISK, "words"),
        risk_nouns=words(RISK, "nouns"),
        risk_carriers=words(RISK, "carriers"),
        should=words("opinion.should", "words"),
    )


def interpretation_hits(sent: SentenceView, own: Sequence[Token],
                        cues: frozenset[int]) -> list[Hit]:
    """Hits of the four families among the writer's own tokens of a sentence, plus the
    decisive main-clause rule when one of them (or 'should') carries the main clause;
    `cues`: starts of verbs the quotes analyser found giving someone a voice."""
    words = _words()
    hits: list[Hit] = []
    main: Hit | None = None
    for token in own:
        start, end = sent.token_range(token, token)
        if start in cues:
            continue
        rule = _rule_of(token, words)
        if rule is not None:
            hits.append((rule, start, end))
        # 'should' is its own cue (opinion.should); here it only counts for the main clause
        should = token.tag_ == "MD" and token.lower_ in words.should
        if (rule is not None or should) and main is None and _main_clause(token):
            main = (MAIN_CLAUSE, start, end)
    return hits if main is None else [*hits, main]


def _main_clause(token: Token) -> bool:
    """The cue is the sentence's main assertion: its root verb, or the root's complement,
    object or modal ('It reveals ...', 'It is proof that ...', 'That should concern ...').
    A clause standing first and parsed as the complement of what follows it ("This is the
    truth: the regime can ...") is main too; one after a verb of saying is not."""
    verb = token
    if token.dep_ in ("attr", "acomp", "oprd", "dobj", "aux"):
        verb = token.head
    if verb.dep_ == "ROOT":
        return True
    return verb.dep_ in ("ccomp", "parataxis") and verb.i < verb.head.i and \
        verb.head.dep_ == "ROOT" and any(c.dep_ in _SUBJECTS for c in verb.children)


def _rule_of(token: Token, words: _Words) -> str | None:
    lemma = token.lemma_.lower()
    if token.pos_ == "NOUN":
        if lemma in words.evidential_nouns and _framed(token, words):
            return EVIDENTIAL
        if lemma in words.risk_nouns and (
                (token.dep_ == "dobj" and token.head.lemma_ in words.risk_carriers)
                or _predicate(token)):
            return RISK
        return None
    if token.pos_ != "VERB":
        return None
    if lemma in words.risk_verbs:
        return RISK
    subject = _subject(token)
    if subject is None:
        return None
    if lemma in words.mind_verbs and _third_party(subject):
        return MIND_READING
    if lemma in words.interpretive_verbs and _abstract(subject, words):
        return INTERPRETIVE
    return None


def _framed(noun: Token, words: _Words) -> bool:
    """'It is proof that', 'is a sign of', 'the truth behind': the noun is what something
    amounts to (after a linking verb) or frames a hidden story (a preposition after it)."""
    return _predicate(noun) or any(
        c.dep_ == "prep" and c.lower_ in words.frame_prepositions for c in noun.children)


def _predicate(noun: Token) -> bool:
    return noun.dep_ in ("attr", "acomp", "oprd") and noun.head.lemma_ in _LINKING_VERBS


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in _SUBJECTS), None)


def _third_party(subject: Token) -> bool:
    """Someone other than the writer or the reader ('Khamenei', 'he', 'the regime')."""
    return subject.lower_ not in _WRITER and subject.tag_ not in ("WDT", "EX")


def _abstract(subject: Token, words: _Words) -> bool:
    """'It', 'this', 'the decision', 'history': not a person, group or evidence document
    ('the data show' and 'officials reveal' report; 'this shows' argues)."""
    lower, lemma = subject.lower_, subject.lemma_.lower()
    if lower in lexicon().not_sources:
        return lower not in ("which", "who", "what") or subject.head.dep_ != "relcl"
    if subject.pos_ != "NOUN" or subject.ent_type_ in _PEOPLE_ENTS:
        return False
    lex = lexicon()
    people = lex.source_nouns - lex.documents
    return not (lemma in words.evidence_subjects or lemma in people
                or lower in lex.people_words or lower.endswith(lex.person_suffixes))


def verdict_hits(sent: SentenceView, own: Sequence[Token], hits: Sequence[Hit],
                 contrast_words: frozenset[str]) -> list[Hit]:
    """Verdicts built from evaluative words: 'X is a disaster' (a linking verb whose
    complement is evaluative) and 'but ... plainly wrong' (a turn to the writer's view)."""
    evaluative = {start for rule, start, _ in hits if rule in _EVALUATIVE_RULES}
    if not evaluative:
        return []
    found: list[Hit] = []
    for token in own:
        if token.lemma_ in _LINKING_VERBS and any(
                c.dep_ in ("acomp", "attr", "oprd") and _evaluated(sent, c, evaluative)
                for c in token.children):
            found.append(("opinion.copular_judgement", *sent.token_range(token, token)))
            break
    for token in own:
        if (token.lower_ in contrast_words
                and any(start > sent.char(token) for start in evaluative)):
            found.append(("opinion.contrast_judgement", *sent.token_range(token, token)))
            break
    return found


def _evaluated(sent: SentenceView, complement: Token, evaluative: set[int]) -> bool:
    """True when a verb's complement, or a word describing it, gave an evaluative cue."""
    return sent.char(complement) in evaluative or any(
        g.dep_ in ("amod", "advmod") and sent.char(g) in evaluative for g in complement.children)
