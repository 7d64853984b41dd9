"""Sentence boundaries: a sentence the parser cuts mid-clause is kept whole."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from framelens.nlp.parsed import _joined


def _doc(words: list[str], starts: list[bool]) -> Doc:
    return Doc(Vocab(), words=words, sent_starts=starts)


def test_a_cut_before_a_lower_case_word_without_closing_punctuation_is_joined():
    words = ["She", "recalls", "the", "use", "of", "Iran", "'s", "own", "militia", ".",
             "Now", "it", "grows", "."]
    starts = [True] + [False] * 6 + [True] + [False] * 2 + [True] + [False] * 3
    sentences = [s.text for s in _joined(_doc(words, starts))]
    assert sentences == ["She recalls the use of Iran 's own militia .", "Now it grows ."]


def test_real_sentence_ends_and_headlines_are_kept():
    # a full stop, a colon and a closing quote end sentences; a capital starts one
    words = ["Prices", "rose", ".", "then", "fell", ":", "sharply", "\u201d", "again",
             "Markets", "calm"]
    starts = [True, False, False, True, False, False, True, False, True, True, False]
    sentences = [s.text for s in _joined(_doc(words, starts))]
    assert sentences == ["Prices rose .", "then fell :", "sharply \u201d", "again",
                         "Markets calm"]


def test_no_sentence_of_the_wire_report_starts_mid_clause(wire):
    # the small model cut "... the historical use of Iran's | own Basij ..." in two
    for sentence in wire.sentences:
        text = wire.text[sentence.start:sentence.end]
        assert not text[:1].islower(), text[:80]
