"""The CSV export: one row per mark (sentences, sentence frames, spans, quote parts)."""

from __future__ import annotations

import csv

import pytest

from framelens import labels
from framelens.export import csvfile
from framelens.fileio import OutputError


def _read(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def seed_rows(seed_analyses, tmp_path_factory):
    out = tmp_path_factory.mktemp("csv") / "seeds.csv"
    csvfile.write_csv(seed_analyses, str(out))
    return _read(out)


def _expected_rows(analysis) -> int:
    parts = sum(1 for q in analysis.quotes for p in (q.content, q.speaker, q.cue) if p)
    frames = sum(len(s.frames) for s in analysis.sentences)
    return len(analysis.sentences) + len(analysis.spans) + parts + frames


def test_csv_one_row_per_mark(seed_rows, seed_analyses):
    assert tuple(seed_rows[0]) == csvfile.HEADER
    assert len(seed_rows) == sum(_expected_rows(a) for a in seed_analyses)


def test_csv_rows_carry_text_and_explanation(seed_rows, seed_analyses):
    for analysis in seed_analyses:
        mine = [r for r in seed_rows if r["document"] == analysis.source]
        assert mine
        for row in mine:
            assert analysis.text[int(row["start"]):int(row["end"])] == row["text"]
            assert row["category"] in (*labels.STYLED_CATEGORIES, csvfile.FRAME_CATEGORY)
            assert row["explanation"]


def test_csv_loaded_rows_have_subtype_and_alternative(seed_rows):
    loaded = [r for r in seed_rows if r["category"] == labels.LOADED]
    assert loaded
    assert all(r["subtype"] in labels.LOADED_SUBTYPES for r in loaded)
    assert any(r["alternative"] for r in loaded)


def test_csv_unwritable_path_raises_output_error(tmp_path, seed_analyses):
    with pytest.raises(OutputError):
        csvfile.write_csv(seed_analyses, str(tmp_path / "no" / "out.csv"))
    assert not list(tmp_path.iterdir())
