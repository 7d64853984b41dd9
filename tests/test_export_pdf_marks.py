"""The marks on the PDF page: the print alone draws them (the highlights carrying notes
never stack over it and darken it), and tags stand apart from each other and the text."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from pypdf import PdfReader

from framelens import labels
from framelens.export import pdf
from framelens.export.options import ExportOptions
from framelens.model import Analysis, Genre, Metrics, Quote, Sentence, Span, TextRange

needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm")
TEXT = ("It was built by a developer.The critics were loud. "
        "Ann Lee said \u201cthe plan failed badly and everyone knows it\u201d in March. "
        "We think this is a disgrace.")


def _range(phrase: str) -> TextRange:
    start = TEXT.index(phrase)
    return TextRange(start, start + len(phrase))


def _analysis() -> Analysis:
    sentences = tuple(Sentence(r.start, r.end, label, score) for r, label, score in (
        (_range("It was built by a developer."), labels.FACT, 0.1),
        (_range("The critics were loud."), labels.OPINION, 0.7),
        (_range("Ann Lee said \u201cthe plan failed badly and everyone knows it\u201d in March."),
         labels.ATTRIBUTED, 0.2),
        (_range("We think this is a disgrace."), labels.OPINION, 0.9)))
    quote = Quote(labels.DIRECT, _range("the plan failed badly and everyone knows it"),
                  _range("Ann Lee"), _range("said"), "quotes.direct", "Ann Lee", "say",
                  labels.CUE_NEUTRAL)
    disgrace = _range("disgrace")
    spans = (Span(disgrace.start, disgrace.end, labels.LOADED, "pejorative", "loaded.disgrace",
                  "pejorative", "failure"),)
    return Analysis(TEXT, sentences, spans, (quote,), Genre(labels.GENRE_OPINION, 0.7),
                    Metrics(word_count=30), source="tiny.txt", title="Tiny")


@pytest.fixture(scope="module")
def tiny_pdf(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "tiny.pdf"
    pdf.write_pdf([_analysis()], None, str(out), ExportOptions())
    return out


def _render(path: Path, page: int, folder: Path, *flags: str) -> Image.Image:
    prefix = folder / f"page{page}{''.join(flags)}"
    subprocess.run(["pdftoppm", "-r", "60", "-f", str(page), "-l", str(page), "-png",
                    "-singlefile", *flags, str(path), str(prefix)], check=True)
    return Image.open(f"{prefix}.png").convert("RGB")


@needs_poppler
def test_pdf_note_highlights_do_not_darken_the_printed_marks(tiny_pdf, tmp_path):
    reader = PdfReader(tiny_pdf)
    page = next(i for i, p in enumerate(reader.pages, start=1) if p.get("/Annots"))
    with_notes = _render(tiny_pdf, page, tmp_path)
    print_only = _render(tiny_pdf, page, tmp_path, "-hide-annotations")
    assert ImageChops.difference(with_notes, print_only).getbbox() is None


def test_pdf_tags_stand_apart_from_each_other_and_the_text(tiny_pdf):
    text = " ".join(page.extract_text() or "" for page in PdfReader(tiny_pdf).pages)
    body = text[text.index("It was built"):]
    assert not re.search(r"[OFAQSVLHBX]\d+[OFAQSVLHBX]\d+", body), body  # "A3Q4"
    assert not re.search(r"[.!?][OFAQSVLHBX]\d+", body), body  # "developer.O1"
