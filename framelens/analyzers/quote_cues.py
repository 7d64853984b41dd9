"""Reporting cues: the verb lexicon and what the parse says about a cue's speaker and content.

A cue is a verb whose lemma is in `resources/reporting_verbs.toml` (or the phrase
"according to" from `resources/quotes.toml`). Its speaker is its grammatical subject
(the agent of a passive, or the subject of the clause it hangs from: "..., noting that");
its content is its reported clause, its infinitive ("vows to ..."), its object ("cited
the figures", "described it as ...") or, for a parenthetical "..., she argues, ...", the
clause it interrupts.

Not every such verb is a cue: a participle modifying a noun ("the reported influx") never
is, and a verb of showing ("reveal", "suggest") or a stance or object cue reports someone
only when its subject can be a source (a person, a group, an institution or a document),
not the writer's own argument ("History shows", "It reveals", "This moment demands").
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span, Token

from framelens import labels, resources

_SUBJECTS = ("nsubj", "csubj")
_CLIMB = ("conj", "xcomp", "advcl", "acl", "pcomp", "relcl")
_TRIM = frozenset(",;:-\u2014\u2013")
_SOURCE_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE", "WORK_OF_ART", "LAW"})
_OWN_SUBJECT = ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass")
FRAME_RULE = "quotes.reported_frame"
# After an object cue's object, these prepositions carry the rest of what was said:
# "described it as ...", "criticised him for ...", "accused them of ...", "attacked her over ...".
_OBJECT_PREPOSITIONS = frozenset({"as", "for", "of", "over"})


@dataclass(frozen=True)
class Lexicon:
    """Reporting verbs and quote settings, read once from the resource files."""

    neutral: frozenset[str]
    loaded: dict[str, str]
    adjacent: frozenset[str]
    intent: frozenset[str]
    belief: frozenset[str]
    nominal: frozenset[str]
    stance_object: frozenset[str]
    unspoken: frozenset[str]
    side_object: frozenset[str]
    propositions: frozenset[str]
    frame_verbs: frozenset[str]
    refusals: frozenset[str]
    speech_acts: frozenset[str]
    frame_nouns: frozenset[str]
    comments: frozenset[str]
    evidential: frozenset[str]
    not_sources: frozenset[str]
    people_words: frozenset[str]
    person_suffixes: tuple[str, ...]
    source_nouns: frozenset[str]
    documents: frozenset[str]
    particles: dict[str, frozenset[str]]
    according: tuple[tuple[str, ...], ...]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    writer_pronouns: frozenset[str]
    limits: dict[str, int]
    rules: dict[str, str]
    tones: dict[str, str]
    verb_forms: frozenset[str]

    def speech(self, lemma: str) -> bool:
        """A verb of saying (neutral or loaded)."""
        return lemma in self.neutral or lemma in self.loaded

    def tone(self, lemma: str) -> str:
        """`loaded` for a judging verb, else `neutral`."""
        return labels.CUE_LOADED if lemma in self.loaded else labels.CUE_NEUTRAL


@functools.cache
def lexicon() -> Lexicon:
    """The cue lexicon (cached)."""
    verbs: dict[str, Any] = resources.load_toml("reporting_verbs.toml")
    settings: dict[str, Any] = resources.load_toml("quotes.toml")
    pronouns = settings["pronouns"]
    speakers = settings["speakers"]
    return Lexicon(
        neutral=frozenset(verbs["verbs"]["neutral"]),
        loaded=dict(verbs["verbs"]["loaded"]),
        adjacent=frozenset(verbs["verbs"]["adjacent"]),
        intent=frozenset(verbs["stance"]["intent"]),
        belief=frozenset(verbs["stance"]["belief"]),
        unspoken=frozenset(verbs["stance"]["unspoken"]),
        nominal=frozenset(verbs["nominal"]["verbs"]),
        stance_object=frozenset(verbs["nominal"]["stance_object"]),
        side_object=frozenset(verbs["nominal"]["side_object"]),
        propositions=frozenset(verbs["nominal"]["propositions"]),
        frame_verbs=frozenset(verbs["frames"]["verbs"]),
        refusals=frozenset(verbs["stance"]["refusals"]),
        speech_acts=frozenset(verbs["stance"]["speech_acts"]),
        frame_nouns=frozenset(verbs["frames"]["nouns"]),
        comments=frozenset(verbs["frames"]["comments"]),
        evidential=frozenset(speakers["evidential"]),
        not_sources=frozenset(speakers["not_sources"]),
        people_words=frozenset(speakers["people_words"]),
        person_suffixes=tuple(speakers["person_suffixes"]),
        source_nouns=frozenset(speakers["people"]) | frozenset(speakers["documents"]),
        documents=frozenset(speakers["documents"]),
        particles={k: frozenset(v) for k, v in verbs["nominal"]["with_particle"].items()},
        according=tuple(tuple(p.split()) for p in settings["according"]["phrases"]),
        person_pronouns=frozenset(pronouns["person"]),
        group_pronouns=frozenset(pronouns["group"]),
        writer_pronouns=frozenset(pronouns["writer"]),
        limits={k: int(v) for k, v in settings["limits"].items()},
        rules={k: v["explanation"] for k, v in settings["rules"].items()},
        tones=dict(settings["tones"]),
        verb_forms=frozenset(_third_person(v) for v in
                             set(verbs["verbs"]["neutral"]) | set(verbs["verbs"]["loaded"])),
    )


def _third_person(lemma: str) -> str:
    """'say' -> 'says', 'argue' -> 'argues', 'testify' -> 'testifies', 'stress' -> 'stresses'."""
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ies"
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return lemma + "es"
    return lemma + "s"


@dataclass(frozen=True)
class Reported:
    """Indirect speech found from a cue verb: token ranges and the rule that fired."""

    cue: Token
    content: tuple[Token, Token]
    speaker: Span | None
    rule: str


def speaker_of(verb: Token, depth: int = 3) -> tuple[Span | None, bool]:
    """The subject phrase of a cue verb and whether the verb is passive with no agent."""
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            return _subject_phrase(child), False
    for child in verb.children:
        if child.dep_ == "agent":
            agent = next((c for c in child.children if c.dep_ == "pobj"), None)
            return (None, True) if agent is None else (_subject_phrase(agent), False)
    if any(child.dep_ in ("nsubjpass", "csubjpass") for child in verb.children):
        return None, True
    if verb.dep_ in _CLIMB and verb.head is not verb and depth > 0:
        if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
            head = verb.head
            return verb.doc[head.left_edge.i: head.i + 1], False
        return speaker_of(verb.head, depth - 1)
    return None, False


def is_attributive(token: Token) -> bool:
    """A participle modifying a noun ("the reported influx", "X's reported reliance on ...")."""
    if token.dep_ == "amod":
        return True
    if token.tag_ in ("VBN", "JJ") and token.head.i > token.i and \
            token.head.pos_ in ("NOUN", "PROPN"):
        return True
    obj = next((c for c in token.children if c.dep_ == "dobj" and c.i == token.i + 1), None)
    comp = next((c for c in token.children if c.dep_ == "ccomp" and c.i > token.i), None)
    return obj is not None and comp is not None and comp.pos_ in ("VERB", "AUX") and \
        not any(c.dep_ in _OWN_SUBJECT for c in comp.children)


def is_source(speaker: Span, lex: Lexicon, strict: bool = False) -> bool:
    """The phrase can be a source: a person, group, institution or document (not "History").

    `strict` also refuses "it"/"this"/"that", the writer's own subject of "reveals".
    """
    root = speaker.root
    lower = root.lower_
    if root.tag_ in ("WDT", "WP") and root.head.dep_ == "relcl":
        antecedent = root.head.head
        return is_source(antecedent.doc[antecedent.i: antecedent.i + 1], lex, strict)
    if lower in lex.not_sources:
        return not strict and lower in lex.group_pronouns
    if root.pos_ in ("PRON", "PROPN") or lower in lex.people_words or \
            root.ent_type_ in _SOURCE_ENTS:
        return True
    return root.lemma_.lower() in lex.source_nouns or lower in lex.source_nouns or \
        lower.endswith(lex.person_suffixes)


def _subject_phrase(token: Token, whole: bool = False) -> Span:
    """The subject's tokens up to any clause modifying it (all with `whole`), trimmed."""
    first, last = token.left_edge, token.right_edge
    clause = next((c for c in token.rights if c.dep_ in ("relcl", "acl")), None)
    if clause is not None and clause.left_edge.i > token.i and not whole:
        last = token.doc[clause.left_edge.i - 1]
    while last.i > first.i and last.text in _TRIM:
        last = token.doc[last.i - 1]
    return token.doc[first.i: last.i + 1]


def reported(verb: Token, lex: Lexicon) -> Reported | None:
    """The indirect speech a cue verb introduces, if any."""
    if is_attributive(verb) or writer_comment(verb, lex):
        return None
    lemma = verb.lemma_
    speech = lex.speech(lemma)
    children = list(verb.children)
    unspoken = any(c.dep_ == "advmod" and c.lower_ in lex.unspoken for c in children)
    for child in children:
        if child.dep_ == "ccomp" and (speech or lemma in lex.belief or lemma in lex.intent):
            rule = "quotes.reported_clause" if speech and not unspoken else labels.STANCE_RULE
            return _with_speaker(verb, _subtree(child), rule, lex)
    if speech and verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
        head = verb.head
        return _with_speaker(verb, _subtree(head), "quotes.reported_parenthetical", lex)
    if lemma in lex.intent or lemma in lex.refusals:
        for child in children:
            if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX") and child.i > verb.i \
                    and (lemma in lex.intent or child.lemma_ in lex.speech_acts):
                return _with_speaker(verb, _subtree(child), labels.STANCE_RULE, lex)
    frame = _frame_clause(verb, lex)
    if frame is not None:
        return _with_speaker(verb, _subtree(frame), FRAME_RULE, lex)
    if lemma in lex.nominal and any(c.dep_ == "agent" for c in children):
        described = next((c for c in children if c.dep_ == "prep" and c.lower_ == "as"), None)
        if described is not None and described.right_edge.i > described.i:
            return _with_speaker(verb, _trim(described.doc[described.i + 1],
                                             described.right_edge),
                                 "quotes.reported_object", lex)
    if lemma in lex.nominal or lemma in lex.stance_object or lemma in lex.side_object:
        obj = next((c for c in children if c.dep_ in ("dobj", "attr") and c.i > verb.i), None)
        if obj is not None and _object_is_content(verb, obj, lex):
            last = obj.right_edge
            for child in children:
                if child.i > obj.i and child.dep_ in ("prep", "oprd", "ccomp") and (
                        child.dep_ != "prep" or child.lower_ in _OBJECT_PREPOSITIONS):
                    last = max(last, child.right_edge, key=lambda t: t.i)
            return _with_speaker(verb, _trim(obj.left_edge, last), "quotes.reported_object",
                                 lex)
    if speech and verb.dep_ == "ROOT" and lemma not in lex.side_object and _finite_after(verb):
        return _with_speaker(verb, _trim(verb.doc[verb.i + 1], verb.sent[-1]),
                             "quotes.reported_clause", lex)
    particles = lex.particles.get(lemma, frozenset())
    for child in children:
        if child.dep_ in ("prep", "prt") and child.lower_ in particles:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is None and child.dep_ == "prt":
                obj = next((c for c in children if c.dep_ == "dobj" and c.i > child.i), None)
            if obj is not None:
                return _with_speaker(verb, _subtree(obj), "quotes.reported_object", lex)
    return None


def _frame_clause(verb: Token, lex: Lexicon) -> Token | None:
    """The that-clause of 'expressed concern that ...', 'voiced hope that ...'."""
    if verb.lemma_ not in lex.frame_verbs:
        return None
    for obj in verb.children:
        if obj.dep_ == "dobj" and obj.lemma_.lower() in lex.frame_nouns:
            for clause in (*obj.children, *verb.children):
                if clause.dep_ in ("acl", "ccomp") and clause.i > obj.i and any(
                        c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
                    return clause
    return None


def _before_comment(content: tuple[Token, Token], lex: Lexicon) -> tuple[Token, Token]:
    """Reported content ends before the writer's trailing comment, a participle after a
    comma ('he had no knowledge of it, highlighting the covert nature of ...')."""
    first, last = content
    for token in first.doc[first.i + 2: last.i + 1]:
        if writer_comment(token, lex):
            return _trim(first, token.doc[token.i - 2])
    return content


def writer_comment(token: Token, lex: Lexicon) -> bool:
    """A participle after a comma that comments on what was just told ('..., highlighting
    the covert nature of ...'): the writer's words, neither a cue nor reported content."""
    return token.tag_ == "VBG" and token.lemma_ in lex.comments and token.i > 0 and \
        token.nbor(-1).text == "," and not any(c.dep_ in _OWN_SUBJECT for c in token.children)


def _object_is_content(verb: Token, obj: Token, lex: Lexicon) -> bool:
    """The object of an object cue is what was said ("cited the figures", "attacked Clinton")."""
    lemma, noun = verb.lemma_, obj.lemma_.lower()
    if lemma in lex.nominal or noun in lex.propositions or noun in lex.documents:
        return True
    if lemma not in lex.side_object:
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("as", "for") for c in verb.children) or \
        is_source(obj.doc[obj.i: obj.i + 1], lex)


def _finite_after(verb: Token) -> bool:
    """A that-less reported clause follows ("X suggests the plan fails"): a later finite verb."""
    following = verb.doc[verb.i + 1: verb.sent.end]
    return len(following) > 3 and following[0].dep_ != "prep" and any(
        t.tag_ in ("VBZ", "VBD", "VBP", "MD") for t in following)


def mistagged(token: Token, lex: Lexicon) -> Reported | None:
    """A reporting verb the tagger read as a noun ("Smith posits that ..."): by its form."""
    if token.pos_ not in ("NOUN", "PROPN") or token.i + 1 >= len(token.doc) or \
            token.nbor().lower_ != "that" or token.lower_ not in lex.verb_forms:
        return None
    before = token.doc[token.sent.start: token.i]
    names = [t for t in before if t.pos_ in ("PROPN", "PRON")]
    if not names or before[-1].pos_ not in ("PROPN", "PRON"):
        return None
    first = before[-1]
    while first.i > token.sent.start and first.nbor(-1).pos_ == "PROPN":
        first = first.nbor(-1)
    speaker = token.doc[first.i: before[-1].i + 1]
    return Reported(token, _trim(token.nbor(), token.sent[-1]), speaker,
                    "quotes.reported_clause")


def _with_speaker(verb: Token, content: tuple[Token, Token], rule: str,
                  lex: Lexicon) -> Reported | None:
    """The cue's speaker, or None when the cue has no speaker or its subject is no source."""
    speaker, passive = speaker_of(verb)
    if speaker is None and passive and rule == "quotes.reported_clause":
        rule = "quotes.passive_report"
    elif speaker is None and rule != "quotes.reported_parenthetical":
        return None
    evidential = verb.lemma_ in lex.evidential
    checked = evidential or rule in (labels.STANCE_RULE, "quotes.reported_object", FRAME_RULE)
    if speaker is not None and checked and not is_source(speaker, lex, strict=evidential):
        return None
    return Reported(verb, _before_comment(content, lex), speaker, rule)


def _subtree(token: Token) -> tuple[Token, Token]:
    return _trim(token.left_edge, token.right_edge)


def _trim(first: Token, last: Token) -> tuple[Token, Token]:
    """Drop leading/trailing commas, dashes and a sentence-final stop from a token range."""
    doc = first.doc
    while first.i < last.i and (first.text in _TRIM or first.is_space):
        first = doc[first.i + 1]
    while last.i > first.i and (last.text in _TRIM or last.text == "." or last.is_space):
        last = doc[last.i - 1]
    return first, last


def according_to(sent: Span, lex: Lexicon) -> Iterator[tuple[tuple[Token, Token], Span, Token]]:
    """("according to X" phrases) -> (content range, speaker, cue token) in a sentence."""
    lowers = [t.lower_ for t in sent]
    for phrase in lex.according:
        size = len(phrase)
        for i in range(len(lowers) - size + 1):
            if tuple(lowers[i:i + size]) != phrase:
                continue
            cue = sent[i]
            obj = next((c for c in sent[i + size - 1].children if c.dep_ == "pobj"), None)
            if obj is None:
                continue
            speaker = _subject_phrase(obj)
            content = _rest_of_sentence(sent, i, _subject_phrase(obj, whole=True).end - sent.start)
            if content is not None:
                yield content, speaker, cue


def _rest_of_sentence(sent: Span, start: int, end: int) -> tuple[Token, Token] | None:
    """The sentence without the attribution phrase sent[start:end] (sentence-relative)."""
    before = [t for t in sent[:start] if not t.is_punct and not t.is_space]
    after = [t for t in sent[end:] if not t.is_punct and not t.is_space]
    if len(before) >= 3 and len(after) >= 3:
        return _trim(before[0], after[-1])
    if len(after) >= 3:
        return _trim(after[0], after[-1])
    if len(before) >= 3:
        return _trim(before[0], before[-1])
    return None
