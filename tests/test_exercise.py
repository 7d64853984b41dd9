"""Exercise and key files: the analysis contract with `by` and a text hash; clear refusals."""

from __future__ import annotations

import json

import pytest
from exercise_article import TEXT, framelens_analysis, key_set, mark, student_set, where

from framelens import labels
from framelens.exercise import (
    ADDED,
    QUOTE,
    RELABELLED,
    REMOVED,
    SPEAKER,
    ExerciseError,
    Marker,
    MarkSet,
    corrections,
    load,
    marks_from_analysis,
    save,
    sorted_marks,
    text_hash,
)


def test_exercise_file_round_trips_and_follows_the_contract(tmp_path):
    path = tmp_path / "ana.json"
    save(student_set(), path)
    payload = json.loads(path.read_text(encoding="utf-8"))
    assert payload["schema"] == labels.SCHEMA
    document = payload["documents"][0]
    assert document["by"] == {"role": "student", "name": "Ana"}
    assert document["text_sha256"] == text_hash(TEXT)
    assert document["text"] == TEXT
    assert {s["label"] for s in document["sentences"]} <= set(labels.SENTENCE_LABELS)
    assert {s["category"] for s in document["spans"]} <= set(labels.SPAN_CATEGORIES)
    assert all(s["explanation"].strip() for s in document["spans"])
    # the speaker is stored with its quote, as the contract's quotes are
    assert document["quotes"][0]["speaker"] == dict(zip(("start", "end"), where("Lee"),
                                                        strict=True))
    loaded = load(path, TEXT)
    assert loaded.marks == sorted_marks(student_set().marks)
    assert loaded.by == Marker("student", "Ana")


def test_exercise_speaker_without_a_quote_survives_the_round_trip(tmp_path):
    alone = MarkSet(TEXT, (mark(SPEAKER, "Critics"),), Marker("student"))
    save(alone, tmp_path / "s.json")
    assert load(tmp_path / "s.json").marks == alone.marks


def test_exercise_reads_framelens_analysis_json_as_marks_with_reasons():
    marks = marks_from_analysis(framelens_analysis())
    assert marks.by.role == "framelens"
    categories = {(m.category, TEXT[m.start:m.end]) for m in marks.marks}
    assert (labels.LOADED, "reckless") in categories
    assert (SPEAKER, "Mayor Lee") in categories
    assert (QUOTE, '"We will fix the roads,"') in categories
    assert not any(m.category == labels.BOILERPLATE for m in marks.marks)
    loaded = next(m for m in marks.marks if m.category == labels.LOADED)
    assert "risky" in loaded.note  # FrameLens's reason, with its neutral alternative


def test_exercise_key_for_another_text_is_refused_with_its_title(tmp_path):
    save(key_set(), tmp_path / "key.json")
    with pytest.raises(ExerciseError, match=r"key\.json: these marks are for a different text "
                                            "\\(\u201cBudget day\u201d\\)"):
        load(tmp_path / "key.json", TEXT.replace("Monday", "Tuesday"))


@pytest.mark.parametrize(("content", "message"), [
    ("", "the file is empty"),
    ("{not json", r"not valid JSON \(line 1"),
    ('{"schema": "framelens/analysis-v1", "documents": []}', "holds 0 documents"),
    ('{"schema": "other/v9", "documents": [{}]}', "is not framelens/analysis-v1"),
    ('{"text": "abc", "sentences": [{"start": 0, "end": 9, "label": "fact", "score": 1}]}',
     "a mark at 0\u20139 lies outside the text \\(3 characters\\)"),
    ('{"text": "abc", "text_sha256": "00"}', "the text was changed after marking"),
    ('{"text": "abc", "spans": [{"start": 0, "end": 2}]}', "not a FrameLens exercise"),
])
def test_exercise_bad_files_give_one_line_reasons(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ExerciseError, match=message) as caught:
        load(path)
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith("bad.json: ")


def test_exercise_corrections_name_what_the_teacher_changed():
    framelens = marks_from_analysis(framelens_analysis())
    kept = [m for m in framelens.marks if (m.category, TEXT[m.start:m.end]) != (labels.HEDGE,
                                                                                  "may")]
    opinion = next(m for m in kept if m.category == labels.OPINION)
    kept.remove(opinion)
    kept += [mark(labels.ATTRIBUTED, TEXT[opinion.start:opinion.end]),
             mark(labels.LOADED, "gamble")]
    key = MarkSet(TEXT, tuple(kept), Marker("teacher"))
    found = {(c.kind, c.mark.category, TEXT[c.mark.start:c.mark.end], c.was)
             for c in corrections(framelens, key)}
    assert found == {
        (REMOVED, labels.HEDGE, "may", ""),
        (RELABELLED, labels.ATTRIBUTED, 'Critics say the plan is a reckless gamble.',
         labels.OPINION),
        (ADDED, labels.LOADED, "gamble", ""),
    }
