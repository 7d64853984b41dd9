"""Corrections follow their article: a corrected speaker is marked where the text names it,
and the record of an edited article moves to its new text without losing anything."""

from __future__ import annotations

import json
import re

import pytest

from framelens import corrections, engine, explain, labels
from framelens.model import Quote, TextRange
from framelens.userdata import ArticleStore, UserDataError, text_hash

ORIGINAL = "The council trimmed the budget. Critics slammed the plan.\n"
EDITED = "Update: " + ORIGINAL


@pytest.mark.parametrize(("text", "name", "expected"), [
    # the name nearest the quote, whatever its case and spacing
    ("Ann Lee came in. Bob said \u201cwe are done\u201d.", "ann  LEE", "Ann Lee"),
    ("Ann said \u201cwe are done\u201d, Ann told us later.", "Ann", "Ann"),
    # not a part of another word, not inside the quote, not far from it
    ("Annabel said \u201cwe are done\u201d.", "Ann", None),
    ("Bob said \u201cAnn and I are done\u201d.", "Ann", None),
    ("Bob said \u201cask Ann\u201d. Cy said \u201cwe are done\u201d.", "Ann", None),
    ("Ann left. " + "The hall was quiet for a long time. " * 8 + "\u201cWe are done.\u201d",
     "Ann", None),
])
def test_corrections_speaker_near_finds_the_typed_name_by_the_quote(text, name, expected):
    quotes = [TextRange(m.start() + 1, m.end() - 1)
              for m in re.finditer("\u201c[^\u201d]*\u201d", text)]
    quote = Quote(labels.DIRECT, quotes[-1], None, None, "test")
    found = corrections.speaker_near(text, quote, name, quotes)
    assert (None if found is None else text[found.start:found.end]) == expected


def test_corrections_wrong_speaker_with_the_real_engine_marks_the_named_speaker():
    text = ("Mayor Ann Lee opened the session on Monday.\n"
            "\"We will fix every road this year,\" the spokesman said.\n")
    analysis = engine.analyze(text)
    quote = analysis.quotes[0]
    assert text[quote.speaker.start:quote.speaker.end] == "the spokesman"
    corrected = corrections.apply(analysis, [corrections.set_speaker(text, quote, "Ann Lee")])
    fixed = corrected.quotes[0]
    assert (text[fixed.speaker.start:fixed.speaker.end], fixed.by) == ("Ann Lee",
                                                                        labels.BY_USER)
    assert "Speaker corrected by you: Ann Lee." in explain.explain_quote(corrected, fixed).lines
    assert corrected.metrics.named_source_count == analysis.metrics.named_source_count + 1


def _store(data_folder):
    return corrections.CorrectionStore(ArticleStore("corrections", data_folder))


def _removed(text: str, words: str) -> corrections.Correction:
    start = text.index(words)
    return corrections.Correction(corrections.REMOVE,
                                  corrections.Anchor.of(text, start, start + len(words)),
                                  labels.LOADED)


def test_corrections_move_to_the_edited_text_and_the_old_text_still_finds_them(tmp_path):
    store = _store(tmp_path)
    first = [_removed(ORIGINAL, "slammed")]
    store.save(ORIGINAL, None, first)
    both = [*first, _removed(EDITED, "trimmed")]
    store.follow(text_hash(ORIGINAL), EDITED, None, both)
    folder = tmp_path / "corrections"
    assert sorted(p.name for p in folder.iterdir()) == [f"{text_hash(EDITED)}.json"]
    assert store.load(EDITED) == both
    assert store.load(ORIGINAL) == both  # the older version finds the record that moved
    # a second edit carries the whole history along
    again = "Late update. " + EDITED
    store.follow(text_hash(EDITED), again, None, both)
    record = json.loads((folder / f"{text_hash(again)}.json").read_text(encoding="utf-8"))
    assert record["previous"] == [text_hash(ORIGINAL), text_hash(EDITED)]
    assert store.load(ORIGINAL) == store.load(EDITED) == both


def test_corrections_old_record_stays_when_it_holds_anything_the_new_one_lacks(tmp_path):
    folder = tmp_path / "corrections"
    folder.mkdir()
    old = folder / f"{text_hash(ORIGINAL)}.json"
    unknown = {"kind": "from a later FrameLens", "anchor": {"words": "plan"}}
    old.write_text(json.dumps({"schema": "framelens/corrections-v1", "source": None,
                               "items": [_removed(ORIGINAL, "slammed").to_json(), unknown]}),
                   encoding="utf-8")
    store = _store(tmp_path)
    kept = store.load(ORIGINAL)  # the unknown item is not shown, but it is in the file
    store.follow(text_hash(ORIGINAL), EDITED, None, kept)
    assert unknown in json.loads(old.read_text(encoding="utf-8"))["items"]
    assert store.load(EDITED) == kept


def test_corrections_old_record_stays_when_the_new_one_cannot_be_written(tmp_path):
    store = _store(tmp_path)
    first = [_removed(ORIGINAL, "slammed")]
    store.save(ORIGINAL, None, first)
    (tmp_path / "corrections" / f"{text_hash(EDITED)}.json").mkdir()  # in the way
    with pytest.raises(UserDataError):
        store.follow(text_hash(ORIGINAL), EDITED, None, first)
    assert store.load(ORIGINAL) == first


def test_corrections_unreadable_old_record_is_left_as_it_is(tmp_path):
    folder = tmp_path / "corrections"
    folder.mkdir()
    old = folder / f"{text_hash(ORIGINAL)}.json"
    old.write_text("{not json", encoding="utf-8")
    store = _store(tmp_path)
    moved = [_removed(EDITED, "slammed")]
    store.follow(text_hash(ORIGINAL), EDITED, None, moved)
    assert old.read_text(encoding="utf-8") == "{not json"
    assert store.load(EDITED) == moved


def test_corrections_edited_back_into_an_older_version_keep_that_versions_own(tmp_path):
    store = _store(tmp_path)
    own = [_removed(ORIGINAL, "trimmed")]  # kept for the original text in another session
    store.save(ORIGINAL, None, own)
    moved = [_removed(EDITED, "slammed")]
    store.save(EDITED, None, moved)
    kept = store.follow(text_hash(EDITED), ORIGINAL, None, moved)  # the edit is taken back
    assert kept == store.load(ORIGINAL) == [*moved, *own]
    assert [p.name for p in (tmp_path / "corrections").iterdir()] == [
        f"{text_hash(ORIGINAL)}.json"]
