"""Frames in the comparison, the chart and the exports."""

from __future__ import annotations

import csv

import pytest
from pypdf import PdfReader

from framelens import charts, explain
from framelens.comparison import compare
from framelens.export import csvfile, html, pdf
from framelens.export.options import ExportOptions
from framelens.frame_comparison import frame_contrasts, frame_ranges, frame_rows, only_in
from framelens.model import Analysis, FrameShare, Genre, Metrics


def _profile(title: str, *shares: tuple[str, float]) -> Analysis:
    return Analysis(text="", sentences=(), spans=(), quotes=(), genre=Genre("reporting", 0.2),
                    metrics=Metrics(), title=title,
                    frames=tuple(FrameShare(f, s, round(s * 20)) for f, s in shares))


OPED = _profile("Op-ed", ("morality", 0.4), ("political", 0.3), ("security_defense", 0.1))
WIRE = _profile("Wire", ("security_defense", 0.6), ("political", 0.2), ("public_opinion", 0.15))


def test_frame_comparison_rows_cover_both_profiles_largest_first():
    rows = frame_rows(OPED, WIRE)
    assert [r.frame for r in rows] == ["security_defense", "morality", "political",
                                       "public_opinion"]
    assert (rows[0].a, rows[0].b) == (0.1, 0.6)
    assert rows[1].name == "Morality" and rows[1].b == 0.0


def test_frame_comparison_names_frames_only_one_article_uses():
    assert only_in(OPED, WIRE) == (("morality",), ("public_opinion",))
    lines = frame_contrasts(OPED, WIRE)
    assert lines == [
        "A frames the story mainly as morality (40% of sentences); B as security and "
        "defence (60%).",
        "Only A uses morality; only B uses public opinion."]


def test_frame_comparison_without_frames_says_nothing():
    assert frame_contrasts(_profile("x"), WIRE) == []


def test_frame_comparison_contrasts_come_first_in_compare():
    comparison = compare(OPED, WIRE)
    assert comparison.contrasts[:2] == tuple(frame_contrasts(OPED, WIRE))
    assert comparison.to_json()["frames"]["b"][0]["frame"] == "security_defense"


def test_frame_chart_bars_equal_shares_and_b_is_hatched():
    fig = charts.frame_chart(compare(OPED, WIRE))
    bars = {p.get_gid(): p for ax in fig.axes for p in ax.patches if p.get_gid()}
    assert bars["A:frame:morality"].get_width() == pytest.approx(0.4)
    assert bars["B:frame:security_defense"].get_width() == pytest.approx(0.6)
    assert bars["B:frame:morality"].get_width() == 0.0
    assert not bars["A:frame:morality"].get_hatch() and bars["B:frame:morality"].get_hatch()
    assert charts.figure_png(fig, dpi=50).startswith(b"\x89PNG")
    assert charts.figure_svg(charts.frame_chart(compare(_profile("a"), _profile("b"))))


def test_frame_comparison_seeds_share_their_primary_frame(seed_analyses):
    oped, wire = seed_analyses
    lines = frame_contrasts(oped, wire)
    assert lines[0].startswith("Both frame the story mainly as security and defence (A ")
    ranges = frame_ranges(wire, "public_opinion")
    assert ranges and all(wire.excerpt(r.start, r.end) for r in ranges)


def test_frame_exports_csv_html_pdf(seed_analyses, tmp_path):
    oped, wire = seed_analyses
    comparison = compare(oped, wire)
    out = tmp_path / "marks.csv"
    csvfile.write_csv(seed_analyses, str(out))
    with out.open(encoding="utf-8-sig", newline="") as handle:
        frame_rows_csv = [r for r in csv.DictReader(handle) if r["category"] == "frame"]
    tagged = sum(len(s.frames) for a in seed_analyses for s in a.sentences)
    assert len(frame_rows_csv) == tagged
    assert {r["subtype"] for r in frame_rows_csv} >= {"security_defense", "political"}
    assert all(r["explanation"].startswith("Frames: ") for r in frame_rows_csv)

    page = html.render_html(seed_analyses, comparison)
    assert explain.frame_profile_line(wire) in page.replace("&#x27;", "'")
    assert 'id="A:frame:security_defense"' in page or "frame:security_defense" in page

    target = tmp_path / "seeds.pdf"
    pdf.write_pdf(seed_analyses, comparison, str(target), ExportOptions())
    text = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(target).pages).split())
    assert "Frames: Security and defence" in text and "(primary)" in text
    assert "Headline check:" in text
