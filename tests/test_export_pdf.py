"""The annotated PDF: read back with pypdf and rendered with poppler's pdftoppm."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from framelens import __version__, explain, labels
from framelens.comparison import compare
from framelens.export import marks as marklib
from framelens.export import pdf, pdf_layout
from framelens.export.options import ExportOptions
from framelens.fileio import OutputError
from framelens.model import Analysis, Genre, Metrics, Quote, Sentence, Span, TextRange
from framelens.styles import style

WIRE_SPEAKERS = ("Lisa Daftari", "Behnam Ben Taleblu", "Barak Seener", "Brian Carter")
needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm")


def _text(reader: PdfReader) -> str:
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


def _annotations(reader: PdfReader) -> list[dict]:
    return [a.get_object() for page in reader.pages for a in page.get("/Annots") or []
            if a.get_object().get("/Subtype") == "/Highlight"]


def _mark_count(analyses, categories=frozenset(labels.STYLED_CATEGORIES)) -> int:
    return sum(len(marklib.collect_marks(a, categories)) for a in analyses)


@pytest.fixture(scope="module")
def seed_pdf(seed_analyses, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "seeds.pdf"
    pdf.write_pdf(seed_analyses, compare(*seed_analyses), str(out), ExportOptions())
    return out


def _render(path: Path, page: int, folder: Path) -> Image.Image:
    prefix = folder / f"page{page}"
    subprocess.run(["pdftoppm", "-r", "40", "-f", str(page), "-l", str(page), "-png",
                    "-singlefile", str(path), str(prefix)], check=True)
    return Image.open(f"{prefix}.png").convert("RGB")


def _has_colour(image: Image.Image, hex_colour: str, tolerance: int = 0) -> bool:
    target = tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    colours = image.getcolors(maxcolors=1 << 24) or []
    return any(all(abs(c - t) <= tolerance for c, t in zip(pixel, target, strict=True))
               for _, pixel in colours)


def _tiny_analysis(text: str, spans: tuple[Span, ...] = (), quotes: tuple[Quote, ...] = ()):
    return Analysis(text=text, sentences=(Sentence(0, len(text), labels.OPINION, 0.9),),
                    spans=spans, quotes=quotes, genre=Genre(labels.GENRE_OPINION, 0.8),
                    metrics=Metrics(word_count=len(text.split())), source="tiny.txt")


def test_pdf_has_summary_and_both_articles(seed_pdf):
    reader = PdfReader(seed_pdf)
    assert len(reader.pages) >= 4
    text = _text(reader)
    for phrase in ("FrameLens report", f"FrameLens {__version__}", "Sharpest contrasts",
                   "This erosion of trust has been years in the making",
                   "Repression becomes unreliable when it turns personal",
                   "For weeks, Iran has grappled with widespread demonstrations",
                   "Human rights organizations and independent monitors report"):
        assert phrase in text


def test_pdf_sources_table_lists_every_speaker(seed_pdf, wire):
    text = _text(PdfReader(seed_pdf))
    table = text[text.index("Sources quoted in B"):]
    for quote in wire.quotes:
        assert " ".join(explain.speaker_label(wire, quote).split()) in table
    for name in WIRE_SPEAKERS:
        assert name in text
    for name in wire.sources():
        assert name in table


def test_pdf_one_annotation_per_mark_with_its_note(seed_pdf, seed_analyses):
    annotations = _annotations(PdfReader(seed_pdf))
    assert len(annotations) == _mark_count(seed_analyses) > 50
    for annotation in annotations:
        assert str(annotation["/Contents"]).strip()
        assert len(annotation["/QuadPoints"]) % 8 == 0


def test_pdf_notes_explain_loaded_words_with_alternative(seed_pdf, wire):
    contents = [str(a["/Contents"]) for a in _annotations(PdfReader(seed_pdf))]
    loaded = [s for s in wire.spans if s.category == labels.LOADED and s.alternative]
    assert loaded
    for span in loaded:
        assert any(span.rule in c and span.alternative in c for c in contents)


def test_pdf_metadata_is_title_date_and_version_only(seed_pdf):
    info = PdfReader(seed_pdf).metadata
    assert info["/Title"].startswith("FrameLens: ")
    assert info["/Producer"] == info["/Creator"] == f"FrameLens {__version__}"
    for key in ("/Author", "/Subject", "/Keywords"):
        assert not info.get(key)
    assert set(info) <= {"/Title", "/Author", "/Subject", "/Keywords", "/Creator", "/Producer",
                         "/CreationDate", "/ModDate", "/Trapped"}


@needs_poppler
def test_pdf_renders_style_colours(seed_pdf, tmp_path):
    summary = _render(seed_pdf, 1, tmp_path)
    for category in labels.SENTENCE_LABELS:
        assert _has_colour(summary, style(category).background), category
    article = _render(seed_pdf, 3, tmp_path)
    assert _has_colour(article, style(labels.FACT).background)
    assert _has_colour(article, style(labels.OPINION).background, tolerance=40)
    assert _has_colour(article, style(labels.LOADED).color, tolerance=60)


@pytest.mark.parametrize("categories", [frozenset({labels.LOADED}),
                                        frozenset({labels.HEDGE, labels.QUOTE_SPEAKER})])
def test_pdf_categories_option_keeps_only_those_marks(seed_analyses, tmp_path, categories):
    out = tmp_path / "some.pdf"
    pdf.write_pdf(seed_analyses, compare(*seed_analyses), str(out),
                  ExportOptions(categories=categories))
    reader = PdfReader(out)
    annotations = _annotations(reader)
    assert len(annotations) == _mark_count(seed_analyses, categories)
    assert len(annotations) < _mark_count(seed_analyses)
    assert "Opinion sentence (opinion score" not in _text(reader)


@pytest.mark.parametrize(("paper", "size"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_pdf_paper_size(seed_analyses, tmp_path, paper, size):
    out = tmp_path / f"{paper}.pdf"
    pdf.write_pdf(seed_analyses[:1], None, str(out), ExportOptions(paper=paper))
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


def test_pdf_side_by_side_keeps_every_mark(seed_analyses, tmp_path):
    out = tmp_path / "side.pdf"
    pdf.write_pdf(seed_analyses, compare(*seed_analyses), str(out),
                  ExportOptions(side_by_side=True))
    reader = PdfReader(out)
    assert len(_annotations(reader)) == _mark_count(seed_analyses)
    assert "This erosion of trust has been years in the making" in _text(reader)


@pytest.mark.parametrize("text", [
    "Officials said the \U0001F525 fire was \u201cterrible\u201d and \U0001F680 rockets flew.",
    "The ministry said \u4e2d\u6587\u65b0\u95fb reports were a disgrace.",
    "The crowd chanted \u0645\u0631\u062d\u0628\u0627 and \u05e9\u05dc\u05d5\u05dd loudly.",
    "Control \x00\x07 and zero\u200bwidth and e\u0301 combining <b>tags</b> & more.",
])
def test_pdf_text_the_font_cannot_show_does_not_break_export(tmp_path, text):
    spans = (Span(4, 12, labels.LOADED, "A test mark.", "loaded.test", "emotive", "plain"),)
    analysis = _tiny_analysis(text, spans)
    out = tmp_path / "script.pdf"
    pdf.write_pdf([analysis], None, str(out))
    reader = PdfReader(out)
    assert len(_annotations(reader)) == 2
    if any(ord(c) > 0x4DFF or "\u0590" <= c <= "\u06ff" for c in text):
        assert "cannot show" in _text(reader)


def test_pdf_quote_without_speaker_is_listed_as_not_identified(tmp_path):
    text = "Critics claimed \u201cit is a scandal\u201d on Monday."
    quote = Quote(labels.DIRECT, TextRange(16, 34), None, TextRange(8, 15), "quotes.direct",
                  cue_verb="claim", cue_tone=labels.CUE_LOADED)
    out = tmp_path / "quote.pdf"
    pdf.write_pdf([_tiny_analysis(text, quotes=(quote,))], None, str(out))
    table = _text(PdfReader(out)).split("Sources quoted in A")[1]
    assert "not identified" in table and "claimed (loaded)" in table


@pytest.mark.parametrize("where", ["missing-folder/out.pdf", "."])
def test_pdf_unwritable_path_raises_output_error_and_leaves_nothing(tmp_path, where):
    target = tmp_path / where
    before = sorted(tmp_path.rglob("*"))
    with pytest.raises(OutputError):
        pdf.write_pdf([_tiny_analysis("A short text.")], None, str(target))
    assert sorted(tmp_path.rglob("*")) == before


def test_pdf_side_by_side_columns_fill_their_pages():
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph

    body = getSampleStyleSheet()["BodyText"]
    flow = [*(Paragraph(f"Short paragraph number {i}.", body) for i in range(3)),
            Paragraph(" ".join(f"word{i}" for i in range(1500)), body),
            Paragraph("The end.", body)]
    height = 300.0
    pieces = pdf_layout.column_pieces(flow, 200.0, height)

    def used(piece) -> float:
        total = sum(f.wrap(200.0, height)[1] + f.getSpaceAfter() for f in piece)
        return total + sum(f.getSpaceBefore() for f in piece[1:])

    assert len(pieces) > 2
    assert all(used(piece) <= height for piece in pieces)
    # a long paragraph is split to fill each column, not pushed to the next page whole
    assert all(used(piece) > 0.8 * height for piece in pieces[:-1])


def test_pdf_side_by_side_unequal_articles_keep_every_word(tmp_path):
    many = "\n".join(f"Short line {i} of the first article." for i in range(150))
    one = " ".join(f"w{i}x" for i in range(2500))
    out = tmp_path / "unequal.pdf"
    pdf.write_pdf([_tiny_analysis(many), _tiny_analysis(one)], None, str(out),
                  ExportOptions(side_by_side=True))
    text = _text(PdfReader(out))
    assert all(f"w{i}x" in text for i in range(2500))
    assert all(f"Short line {i} of" in text for i in range(150))


def _tagged_paras(count: int, words: int, per_para: int = 4):
    """Paragraphs with `per_para` superscript tags and one note per tag."""
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph

    from framelens.export.pdf_article import Para

    body, small = getSampleStyleSheet()["BodyText"], getSampleStyleSheet()["Italic"]
    paras = []
    for p in range(count):
        tags = [f"L{p}x{s}" for s in range(per_para)]
        text = " ".join(f"<super>{tag}</super>" + " ".join(["word"] * words) for tag in tags)
        notes = [((tag,), Paragraph(f"{tag} note explaining the mark.", small)) for tag in tags]
        paras.append(Para(Paragraph(text, body), notes))
    return paras


@pytest.mark.parametrize(("count", "words", "per_para"), [
    (30, 12, 4),   # many short paragraphs
    (4, 160, 4),   # long paragraphs split over pages
    (1, 3, 120),   # one paragraph whose notes alone would fill several pages
])
def test_pdf_footnoted_pages_carry_the_notes_of_the_tags_they_print(count, words, per_para):
    height, width = 500.0, 300.0
    paras = _tagged_paras(count, words, per_para)
    pages = pdf_layout.footnoted_pages([], paras, width, height, 8.0)
    assert len(pages) > 1
    printed, noted = [], []
    for page in pages:
        on_page = set().union(*(pdf_layout.tags_in(item) for item in page.text))
        page_notes = [tag for tags, _ in page.notes for tag in tags]
        assert set(page_notes) == on_page  # every tag's note is on the page that prints it
        used = sum(item.wrap(width, height)[1] for item in page.text)
        used += sum(note.wrap(width, height)[1] for _, note in page.notes)
        assert used <= height
        printed += sorted(on_page)
        noted += page_notes
    assert sorted(printed) == sorted(noted) == sorted(
        f"L{p}x{s}" for p in range(count) for s in range(per_para))


def test_pdf_article_pages_have_their_notes_at_the_foot(seed_pdf, seed_analyses):
    import re

    reader = PdfReader(seed_pdf)
    oped = seed_analyses[0]
    openings = [" ".join(oped.text[start:end].split()[:6]) for start, end in
                marklib.blocks(oped.text) if len(oped.text[start:end].split()) > 12]
    note = re.compile(r"\b[A-Z]\d+ (Opinion|Attributed) sentence \(opinion score")
    checked = 0
    for page in reader.pages:
        text = " ".join((page.extract_text() or "").split())
        found = [text.index(o) for o in openings if o in text]
        first_note = note.search(text)
        if found and first_note:
            # all the article text of the page comes before its first note
            assert max(found) < first_note.start()
            checked += 1
    assert checked >= 3


def test_pdf_debris_note_gives_the_reason_even_when_the_debris_has_a_colon(tmp_path):
    text = "Rented Guns: The Meaning of a Strategy\nThe council met on Monday and voted."
    debris = Span(0, text.index("\n"), labels.BOILERPLATE, "This line repeats the headline.",
                  "boilerplate.repeated_line")
    analysis = Analysis(text=text, sentences=(Sentence(text.index("The council"), len(text),
                                                       labels.FACT, 0.1),),
                        spans=(debris,), quotes=(), genre=Genre(labels.GENRE_REPORTING, 0.2),
                        metrics=Metrics(word_count=13), source="debris.txt")
    out = tmp_path / "debris.pdf"
    pdf.write_pdf([analysis], None, str(out))
    assert "X1 This line repeats the headline." in _text(PdfReader(out))


def test_pdf_legend_names_every_category_unbroken(seed_pdf):
    # a handout's legend must not split a word over two lines ("Attribute" / "d (A)")
    summary = " ".join((PdfReader(seed_pdf).pages[0].extract_text() or "").split())
    for category in labels.STYLED_CATEGORIES:
        entry = f"{style(category).name} ({style(category).symbol})"
        assert entry in summary, entry


def test_pdf_comments_are_whole_notes_while_page_notes_point_back(seed_pdf):
    # a comment is read alone in a PDF reader's list; the printed notes are read in order
    contents = [str(a["/Contents"]) for a in _annotations(PdfReader(seed_pdf))]
    assert not any("Same reason as" in c for c in contents)
    assert "Same reason as L" in _text(PdfReader(seed_pdf))


def test_pdf_figures_keep_every_value_on_one_line(seed_pdf, seed_analyses):
    # a value split mid-word ("reporti" / "ng", "+12" / "pts") misreads on a handout
    from framelens.comparison import metric_table

    summary = " ".join((PdfReader(seed_pdf).pages[0].extract_text() or "").split())
    _, body = metric_table(seed_analyses, compare(*seed_analyses))
    for row in body:
        assert " ".join(row) in summary, row
