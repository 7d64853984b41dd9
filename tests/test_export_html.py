"""The self-contained HTML export: parsed back, no scripts, nothing remote, every note present."""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

import pytest

from framelens import labels
from framelens.comparison import compare
from framelens.export import html
from framelens.export import marks as marklib
from framelens.export.options import ExportOptions
from framelens.fileio import OutputError
from framelens.model import Analysis, Genre, Metrics, Sentence, Span


class _Collector(HTMLParser):
    """Every start tag with its attributes, and the text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _parse(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(page)
    collector.close()
    return collector


@pytest.fixture(scope="module")
def seed_page(seed_analyses, tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("html") / "seeds.html"
    html.write_html(seed_analyses, compare(*seed_analyses), str(out), ExportOptions())
    return out.read_text(encoding="utf-8")


def test_html_has_no_script_and_nothing_remote(seed_page):
    parsed = _parse(seed_page)
    assert not [tag for tag, _ in parsed.tags if tag in ("script", "iframe", "link", "img")]
    for _, attrs in parsed.tags:
        assert not [name for name in attrs if name.startswith("on")]
        for name in ("src", "href", "xlink:href"):
            value = attrs.get(name) or ""
            assert not value or value.startswith("#"), (name, value)
    assert not re.search(r"url\(\s*['\"]?(?!#)", seed_page)
    assert "@import" not in seed_page


def test_html_has_every_mark_with_its_note(seed_page, seed_analyses):
    parsed = _parse(seed_page)
    ids = {attrs.get("id") for _, attrs in parsed.tags}
    for side, analysis in zip("AB", seed_analyses, strict=True):
        marks = marklib.collect_marks(analysis, labels.STYLED_CATEGORIES)
        assert marks
        for mark in marks:
            assert f"{side}-m{mark.number}" in ids and f"{side}-n{mark.number}" in ids
            assert escape(mark.note, quote=True) in seed_page  # hover title: whole note
            if mark.refers_to is None:
                assert escape(mark.printed, quote=True) in seed_page  # the note list


def test_html_note_that_points_back_links_to_the_earlier_note(seed_page, seed_analyses):
    pointing = 0
    for side, analysis in zip("AB", seed_analyses, strict=True):
        for mark in marklib.collect_marks(analysis, labels.STYLED_CATEGORIES):
            if mark.refers_to is not None:
                earlier = f"{mark.tag[0]}{mark.refers_to}"
                assert (f'<li id="{side}-n{mark.number}">' in seed_page and
                        f'Same reason as <a href="#{side}-n{mark.refers_to}">{earlier}</a>.'
                        in seed_page)
                pointing += 1
    assert pointing > 5


def test_html_hover_titles_explain_marks(seed_page, wire):
    titles = [attrs["title"] for tag, attrs in _parse(seed_page).tags
              if tag == "span" and attrs.get("title")]
    loaded = next(s for s in wire.spans if s.category == labels.LOADED)
    assert any(loaded.explanation in title for title in titles)


def test_html_shows_both_articles_and_charts(seed_page):
    text = " ".join(" ".join(_parse(seed_page).text).split())
    assert "This erosion of trust has been years in the making" in text
    assert "For weeks, Iran has grappled with widespread demonstrations" in text
    assert seed_page.count("<svg") >= 2
    assert "<metadata>" not in seed_page


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script> said the \u201cofficial\u201d.",
    "An <img src=http://example.com/x.png onerror=alert(1)> and a & b \U0001F525 \u4e2d\u6587.",
])
def test_html_escapes_article_text(tmp_path, text):
    analysis = Analysis(text=text, sentences=(Sentence(0, len(text), labels.FACT, 0.1),),
                        spans=(Span(0, 8, labels.LOADED, "<b>why</b>", "loaded.test"),),
                        quotes=(), genre=Genre(labels.GENRE_REPORTING, 0.2), metrics=Metrics())
    out = tmp_path / "hostile.html"
    html.write_html([analysis], None, str(out))
    parsed = _parse(out.read_text(encoding="utf-8"))
    assert not [tag for tag, _ in parsed.tags if tag in ("script", "img")]
    assert text in "".join(parsed.text)
    assert not any("onerror" in attrs for _, attrs in parsed.tags)


def test_html_unwritable_path_raises_output_error(tmp_path, seed_analyses):
    with pytest.raises(OutputError):
        html.write_html(seed_analyses, None, str(tmp_path / "no" / "out.html"))
    assert not list(tmp_path.iterdir())
