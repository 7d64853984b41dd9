"""The `framelens analyze --json` contract that other tools and the scorer depend on."""

from __future__ import annotations

import json
import subprocess
import sys

from seedfiles import OPED, ROOT, WIRE, read_exact

from framelens import labels


def run_cli(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "framelens", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=600)


def check_contract(payload: dict) -> None:
    assert payload["schema"] == "framelens/analysis-v1"
    for doc in payload["documents"]:
        text = doc["text"]
        assert doc["genre"]["label"] in labels.GENRE_LABELS
        assert isinstance(doc["genre"]["score"], float)
        for sent in doc["sentences"]:
            assert 0 <= sent["start"] < sent["end"] <= len(text)
            assert sent["label"] in labels.SENTENCE_LABELS
            assert 0.0 <= sent["score"] <= 1.0
        for span in doc["spans"]:
            assert 0 <= span["start"] < span["end"] <= len(text)
            assert span["category"] in labels.SPAN_CATEGORIES
            assert span["explanation"].strip()
        for quote in doc["quotes"]:
            assert quote["kind"] in labels.QUOTE_KINDS
            for part in ("content", "speaker", "cue"):
                if quote[part] is not None:
                    assert 0 <= quote[part]["start"] <= quote[part]["end"] <= len(text)


def test_analyze_json_matches_contract_and_text_equals_file(tmp_path):
    out = tmp_path / "out.json"
    result = run_cli("analyze", str(OPED), str(WIRE), "--json", str(out))
    assert result.returncode == 0, result.stderr
    payload = json.loads(out.read_text(encoding="utf-8"))
    check_contract(payload)
    sources = [d["source"] for d in payload["documents"]]
    assert sources == [str(OPED), str(WIRE)]
    for doc, path in zip(payload["documents"], (OPED, WIRE), strict=False):
        assert doc["text"] == read_exact(path)


def test_analyze_json_to_stdout():
    result = run_cli("analyze", str(WIRE), "--json", "-")
    assert result.returncode == 0, result.stderr
    check_contract(json.loads(result.stdout))


def test_one_bad_file_does_not_stop_the_others(tmp_path):
    out = tmp_path / "out.json"
    missing = tmp_path / "nope.txt"
    result = run_cli("analyze", str(missing), str(WIRE), "--json", str(out))
    assert result.returncode != 0
    assert "nope.txt" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert [d["source"] for d in payload["documents"]] == [str(WIRE)]


def test_compare_prints_a_table_and_writes_json(tmp_path):
    out = tmp_path / "cmp.json"
    result = run_cli("compare", str(OPED), str(WIRE), "--json", str(out))
    assert result.returncode == 0, result.stderr
    assert "Opinion sentences" in result.stdout
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert payload["schema"] == labels.COMPARISON_SCHEMA
    assert {row["key"] for row in payload["metrics"]} == {m.key for m in labels.METRICS}


def test_engine_reports_progress_up_to_completion():
    from framelens import engine

    seen: list[float] = []
    text = "".join(f"The council met on day {n} and approved the budget for bridge {n}.\n"
                   for n in range(400))
    engine.analyze(text, progress=seen.append)
    assert len(seen) > 2
    assert seen == sorted(seen)
    assert seen[-1] == 1.0
