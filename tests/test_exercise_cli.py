"""`framelens agree` and the worksheet and key PDFs, read back."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest
from exercise_article import TEXT, framelens_analysis, key_set, mark, student_set
from pypdf import PdfReader
from seedfiles import ROOT

from framelens import labels
from framelens.exercise import Marker, MarkSet, marks_from_analysis, save
from framelens.export.handouts import write_key, write_worksheet


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "framelens", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=600)


@pytest.fixture
def files(tmp_path):
    save(key_set(), tmp_path / "key.json")
    save(student_set(), tmp_path / "ana.json")
    return tmp_path


def test_agree_prints_a_table_per_student_with_hand_computed_figures(files):
    result = run_cli("agree", str(files / "key.json"), str(files / "ana.json"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "ana.json (student Ana)" in lines
    loaded = next(line.split() for line in lines if line.strip().startswith("Loaded language"))
    assert loaded[2:] == ["1", "1", "1.00", "0.53", "0.70"]  # R = 8/15, F1 = 16/23
    hedge = next(line.split() for line in lines if line.strip().startswith("Hedge"))
    assert hedge[1:] == ["1", "0", "n/a", "0.00", "0.00"]
    assert "kappa 0.64" in result.stdout  # 7/11
    assert "3 disagreements" in result.stdout


def test_agree_writes_csv_and_a_per_category_table_for_several_students(files):
    perfect = MarkSet(TEXT, key_set().marks, Marker("student", "Ben"))
    save(perfect, files / "ben.json")
    out = files / "scores.csv"
    result = run_cli("agree", str(files / "key.json"), str(files / "ana.json"),
                     str(files / "ben.json"), "--csv", str(out))
    assert result.returncode == 0, result.stderr
    assert "F1 per category" in result.stdout
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    ana = {r["category"]: r for r in rows if r["name"] == "Ana"}
    assert float(ana[labels.LOADED]["recall"]) == pytest.approx(8 / 15, abs=1e-4)
    assert float(ana["sentence_labels"]["kappa"]) == pytest.approx(7 / 11, abs=1e-4)
    ben = {r["category"]: r for r in rows if r["name"] == "Ben"}
    assert float(ben["sentence_labels"]["kappa"]) == 1.0
    assert ben[labels.TECHNIQUE]["f1"] == ""  # nothing to score: left empty, not zero


def _refusal(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    return lines[0]


def test_agree_key_of_a_different_text_is_refused_in_one_line(files):
    save(MarkSet(TEXT.replace("Monday", "Friday"), (mark(labels.FACT, TEXT[:10]),),
                 Marker("student", "Cy")), files / "cy.json")
    line = _refusal(run_cli("agree", str(files / "key.json"), str(files / "cy.json")))
    assert line.startswith("framelens: cy.json: these marks are for a different text")


def test_agree_student_offsets_outside_the_text_are_refused(files):
    payload = json.loads((files / "ana.json").read_text(encoding="utf-8"))
    payload["documents"][0]["spans"][0]["end"] = len(TEXT) + 50
    (files / "bad.json").write_text(json.dumps(payload), encoding="utf-8")
    line = _refusal(run_cli("agree", str(files / "key.json"), str(files / "bad.json")))
    assert "bad.json: a mark at" in line and "lies outside the text" in line


@pytest.mark.parametrize(("content", "expected"), [
    ("", "empty.json: the file is empty"),
    (None, "empty.json: no marks in it"),
    ('{"schema": "framelens/analysis-v1", "documents": [{"text": ', "not valid JSON"),
])
def test_agree_empty_or_malformed_student_file_is_refused_and_others_still_scored(
        files, content, expected):
    path = files / "empty.json"
    if content is None:
        save(MarkSet(TEXT, (), Marker("student", "Dee")), path)
    else:
        path.write_text(content, encoding="utf-8")
    result = run_cli("agree", str(files / "key.json"), str(path), str(files / "ana.json"))
    assert expected in _refusal(result)
    assert "ana.json (student Ana)" in result.stdout  # the good file is still scored


def _text_of(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def _annotations(path) -> list:
    return [a for page in PdfReader(str(path)).pages for a in page.get("/Annots") or []]


def test_worksheet_has_line_and_sentence_numbers_and_tasks_but_no_marks(tmp_path):
    out = tmp_path / "w.pdf"
    write_worksheet([framelens_analysis()], str(out))
    text = _text_of(out)
    assert _annotations(out) == []
    assert "Underline three loaded words" in text
    for number in ("[1]", "[2]", "[3]", "[4]"):
        assert number in text
    lines = [line.strip() for line in text.splitlines()]
    assert "1" in lines and "2" in lines  # line numbers in the margin
    assert "emotive" not in text.lower() and "risky" not in text  # no reasons, no answers


def test_key_pdf_lists_framelens_marks_with_reasons(tmp_path):
    out = tmp_path / "k.pdf"
    write_key([(framelens_analysis(), None)], str(out))
    text = _text_of(out)
    assert "Marks by FrameLens" in text
    assert "Loaded language: \u201creckless\u201d" in text
    assert "risky" in text  # FrameLens's neutral alternative, in its reason
    assert "teacher" not in text.split("Sentences")[1]


def test_key_pdf_marks_the_teachers_corrections(tmp_path):
    analysis = framelens_analysis()
    framelens = marks_from_analysis(analysis)
    kept = [m for m in framelens.marks if m.category != labels.HEDGE]
    kept.append(mark(labels.LOADED, "gamble"))
    save(MarkSet(TEXT, tuple(kept), Marker("teacher", "Ms Ortiz")), tmp_path / "key.json")
    from framelens.exercise import load

    out = tmp_path / "k.pdf"
    write_key([(analysis, load(tmp_path / "key.json", TEXT))], str(out))
    text = " ".join(_text_of(out).split())
    assert "Marks by teacher Ms Ortiz" in text
    assert "\u201cgamble\u201d." in text and "[added by the teacher]" in text
    assert "Removed by the teacher" in text and "Hedge: \u201cmay\u201d" in text
    assert _annotations(out) == []


def test_analyze_writes_worksheet_and_key_from_a_teachers_key(tmp_path):
    article = tmp_path / "budget.txt"
    article.write_text(TEXT, encoding="utf-8")
    save(key_set(), tmp_path / "key.json")
    result = run_cli("analyze", str(article), "--worksheet", str(tmp_path / "w.pdf"),
                     "--key", str(tmp_path / "k.pdf"), "--key-from", str(tmp_path / "key.json"))
    assert result.returncode == 0, result.stderr
    assert _annotations(tmp_path / "w.pdf") == []
    key_text = " ".join(_text_of(tmp_path / "k.pdf").split())
    assert "Marks by teacher Ms Ortiz" in key_text
    assert "\u201creckless gamble\u201d" in key_text


def test_analyze_key_from_another_article_is_a_one_line_failure(tmp_path):
    article = tmp_path / "other.txt"
    article.write_text("The bridge reopened on Friday after repairs.", encoding="utf-8")
    save(key_set(), tmp_path / "key.json")
    result = run_cli("analyze", str(article), "--key", str(tmp_path / "k.pdf"),
                     "--key-from", str(tmp_path / "key.json"))
    assert result.returncode == 1
    assert result.stderr.strip() == ("framelens: key.json: these marks are for a different text "
                                     "(\u201cBudget day\u201d)")
    assert not (tmp_path / "k.pdf").exists()


def test_compare_writes_worksheet_and_key_for_the_pair(tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(TEXT, encoding="utf-8")
    second.write_text("The bridge reopened on Friday. Drivers say it is a disgrace.",
                      encoding="utf-8")
    save(key_set(), tmp_path / "key.json")
    result = run_cli("compare", str(first), str(second), "--worksheet", str(tmp_path / "w.pdf"),
                     "--key", str(tmp_path / "k.pdf"), "--key-from", str(tmp_path / "key.json"))
    assert result.returncode == 0, result.stderr
    worksheet = PdfReader(str(tmp_path / "w.pdf"))
    assert len(worksheet.pages) == 2  # each article on its own page
    assert "bridge reopened" in worksheet.pages[1].extract_text()
    key_text = " ".join(_text_of(tmp_path / "k.pdf").split())
    assert "Marks by teacher Ms Ortiz" in key_text  # article A: the teacher's key
    assert "Marks by FrameLens" in key_text  # article B: no key given, FrameLens's marks
