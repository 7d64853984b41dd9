"""Content words and named entities as plain data, for aligning and comparing articles.

The spaCy parse is available only inside the engine; what alignment and the actors table
need from it (lemmas, parts of speech, entity types, who acts and who is acted upon) is
copied here into `Term` and `Entity` records with absolute offsets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from framelens.model import Entity, Term

if TYPE_CHECKING:  # spaCy stays unloaded for those who only read terms (the window's compare)
    from spacy.tokens import Token

    from framelens.nlp.parsed import ParsedText

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
# Entity types worth keeping (spaCy's OntoNotes labels); ordinal and percent are numbers too.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "DATE",
                           "TIME", "CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL",
                           "PRODUCT", "WORK_OF_ART", "LAW"})
_AGENT_DEPS = frozenset({"nsubj", "csubj"})
_PATIENT_DEPS = frozenset({"nsubjpass", "csubjpass", "dobj", "obj", "dative"})


def role_of(token: Token) -> str:
    """'agent' for the subject of an active verb or the 'by' phrase of a passive one,
    'patient' for an object or a passive subject, '' otherwise."""
    dep = token.dep_
    if dep == "conj":  # "police and soldiers fired": the conjunct shares the first one's role
        first = token
        while first.dep_ == "conj" and first.head is not first:
            first = first.head
        dep, token = first.dep_, first
    if dep in _AGENT_DEPS:
        return "agent"
    if dep in _PATIENT_DEPS:
        return "patient"
    if dep == "pobj" and token.head.dep_ == "agent":
        return "agent"
    return ""


def number_key(text: str) -> str:
    """'2,200' -> '2200', '$2.5' -> '2.5': a number as compared across articles."""
    return text.replace(",", "").lstrip("$\u00a3\u20ac").rstrip("%")


def extract(parsed: ParsedText) -> tuple[tuple[Term, ...], tuple[Entity, ...]]:
    """The content words and named entities of a parsed text, in text order."""
    terms: list[Term] = []
    entities: list[Entity] = []
    for block in parsed.blocks:
        base = block.start
        for ent in block.doc.ents:
            if ent.label_ in ENTITY_LABELS and ent.text.strip():
                entities.append(Entity(base + ent.start_char, base + ent.end_char, ent.label_,
                                       role_of(ent.root)))
        for token in block.doc:
            if token.pos_ not in CONTENT_POS or not any(c.isalnum() for c in token.text):
                continue
            if token.is_stop and token.pos_ != "NUM":
                continue
            if token.pos_ == "NUM" or token.like_num:
                lemma = number_key(token.lower_)
            else:
                lemma = token.lemma_.lower()
            role = role_of(token) if token.pos_ in ("NOUN", "PROPN") else ""
            terms.append(Term(base + token.idx, base + token.idx + len(token), lemma,
                              token.pos_, token.ent_type_, role))
    return tuple(terms), tuple(entities)
