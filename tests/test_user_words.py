"""The user's own data, Qt-free: anchors, corrections, word lists (with the real engine), the
draft review's findings and report, and `--words` / `--draft-report` on the command line."""

from __future__ import annotations

import json

import pytest
from pypdf import PdfReader
from test_contract import run_cli

from framelens import corrections, engine, labels, review, wordlists
from framelens.anchors import Anchor, locate
from framelens.export.draft_report import write_draft_report
from framelens.userdata import ArticleStore, UserDataError

BUDGET = ("The council trimmed the library budget on Monday. Critics slammed the plan. "
          "The mayor said the money would come back next year.")
DRAFT = ("Council Budget\n\nThe council trimmed the library budget on Monday.\n"
         "Critics say the plan is bad. The mayor claimed that the cuts were needed.\n"
         "This is clearly the worst budget in years, and perhaps the council will think "
         "again.\n")


def _list(tmp_path, text: str, name: str = "pack.jsonl"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("new_text", "expected"), [
    ("the cat and the dog and the cat", (0, 3)),  # unchanged: the first "the" stays first
    ("Oh. the cat and the dog and the cat", (4, 7)),  # text before it: follows the words
    ("the dog and the cat", (12, 15)),  # reordered: the "the" of "the cat" is found
    ("a bird", None),  # the words are gone
])
def test_anchors_find_the_words_again_after_edits(new_text, expected):
    anchor = Anchor.of("the cat and the dog and the cat", 0, 3)
    assert locate(anchor, new_text) == expected


def test_anchors_tell_repeated_words_apart_by_their_context():
    text = "A fine start. The plan is a disaster. Then another disaster came."
    second = text.rindex("disaster")
    edited = "Breaking: " + text
    assert locate(Anchor.of(text, second, second + 8), edited) == (second + 10, second + 18)


def test_corrections_apply_with_the_real_engine_and_keep_after_reanalysis():
    analysis = engine.analyze(BUDGET)
    slammed = next(s for s in analysis.spans if analysis.excerpt(s.start, s.end) == "slammed")
    start = BUDGET.index("trimmed")
    kept = [corrections.remove_mark(BUDGET, slammed),
            corrections.mark_loaded(BUDGET, start, start + 7, "cut", "Makes a cut sound small."),
            corrections.set_label(BUDGET, analysis.sentences[0], labels.OPINION)]
    corrected = corrections.apply(analysis, kept)
    loaded = [(corrected.excerpt(s.start, s.end), s.by) for s in corrected.spans_of(labels.LOADED)]
    assert loaded == [("trimmed", labels.BY_USER)]
    assert (corrected.sentences[0].label, corrected.sentences[0].by) == (labels.OPINION,
                                                                          labels.BY_USER)
    assert corrected.metrics.opinion_share > analysis.metrics.opinion_share
    assert corrected.metrics.flesch_reading_ease == analysis.metrics.flesch_reading_ease
    # a new analysis of an edited text: the corrections follow their words
    edited = "UPDATED. " + BUDGET
    again = corrections.apply(engine.analyze(edited), kept)
    assert [(again.excerpt(s.start, s.end), s.by) for s in again.spans_of(labels.LOADED)] \
        == [("trimmed", labels.BY_USER)]
    # the JSON contract only gains the "by" field, and reads it back
    data = corrected.to_json()
    assert data["spans"][0]["by"] == "user" and "by" not in data["sentences"][1]
    assert type(corrected).from_json(data) == corrected


def test_corrections_store_round_trips_and_refuses_to_overwrite_a_corrupt_file(data_folder):
    store = corrections.CorrectionStore()
    kept = [corrections.mark_loaded(BUDGET, 4, 11, None, "")]
    store.save(BUDGET, "budget.txt", kept)
    assert store.load(BUDGET) == kept
    assert store.load("edited text", "budget.txt") == kept  # found again by its source
    path = ArticleStore("corrections").path_for(BUDGET)
    path.write_text("[1, 2", encoding="utf-8")
    fresh = corrections.CorrectionStore()
    with pytest.raises(UserDataError, match="left as it is"):
        fresh.load(BUDGET)
    with pytest.raises(UserDataError, match="left as it is"):
        fresh.save(BUDGET, None, kept)
    assert path.read_text(encoding="utf-8") == "[1, 2"


@pytest.mark.parametrize(("line", "problem"), [
    ('{"term": "x", "category": "slur"}', "unknown category 'slur'"),
    ('{"category": "hedge"}', 'no "term"'),
    ('["term"]', "not a JSON object"),
    ('{"term": "x", "pos": "ADJ"}', '"pos" is not a list of text'),
    ('{"term": "x",', "not valid JSON"),
])
def test_wordlists_malformed_line_is_named(line, problem):
    with pytest.raises(wordlists.WordListError) as caught:
        wordlists.parse_list('# header\n{"term": "fine"}\n' + line + "\n", "pack.jsonl")
    assert str(caught.value).startswith(f"pack.jsonl, line 3: {problem}")


def test_wordlists_shipped_lists_import_as_they_are(data_folder):
    from framelens import resources

    library = wordlists.WordListLibrary()
    made = library.import_file(resources.path("hedges_boosters.jsonl"))
    assert len(made.records) == len(resources.load_jsonl("hedges_boosters.jsonl"))
    assert {e.category for e in made.words().entries} == {labels.HEDGE, labels.BOOSTER}


def test_wordlists_change_what_the_engine_marks(tmp_path):
    pack = _list(tmp_path, '{"term": "trim", "alternative": "cut", "pos": ["VERB"]}\n'
                           '{"term": "slam", "category": "ignore"}\n'
                           '{"term": "come back", "category": "hedge"}\n')
    words = wordlists.load_words_files([pack])
    plain, mine = engine.analyze(BUDGET), engine.analyze(BUDGET, words=words)

    def marks(analysis):
        return [(analysis.excerpt(s.start, s.end), s.category, s.alternative)
                for s in analysis.spans if s.category in (labels.LOADED, labels.HEDGE)]

    assert marks(plain) == [("slammed", labels.LOADED, "criticised")]
    assert marks(mine) == [("trimmed", labels.LOADED, "cut"), ("come back", labels.HEDGE, None)]
    trimmed = next(s for s in mine.spans if s.rule == "user.trim")
    assert "your word list \u201cpack\u201d" in trimmed.explanation
    # the shipped lexicon is untouched: the next plain analysis is as before
    assert marks(engine.analyze(BUDGET)) == marks(plain)


def test_review_findings_in_reading_order_with_alternatives():
    analysis = engine.analyze(DRAFT)
    found = [(f.kind, f.words, f.alternative, f.line) for f in review.findings(analysis)]
    assert (review.VAGUE, "Critics say", None, 4) in found
    assert (review.REPORTING_VERB, "claimed", "said", 4) in found
    assert (review.BOOSTER, "clearly", None, 5) in found
    assert (review.HEDGE, "perhaps", None, 5) in found
    starts = [f.start for f in review.findings(analysis)]
    assert starts == sorted(starts)


def test_review_session_ignores_here_and_always():
    analysis = engine.analyze("It is clearly wrong. It is clearly late. Perhaps not.\n")

    def words(session):
        return [f.words for f in session.open if f.kind in (review.BOOSTER, review.HEDGE)]

    def to_booster(session):
        while session.current().kind != review.BOOSTER:
            session.next()

    session = review.ReviewSession(analysis)
    assert words(session) == ["clearly", "clearly", "Perhaps"]
    to_booster(session)
    left = session.left()
    session.ignore(review.HERE)
    assert words(session) == ["clearly", "Perhaps"]
    assert session.left() == left - 1
    again = review.ReviewSession(analysis, session.ignores)
    assert words(again) == ["clearly", "Perhaps"]
    to_booster(again)
    again.ignore(review.ALWAYS)  # every "clearly" booster in this draft
    assert words(again) == ["Perhaps"]


def test_draft_report_pdf_is_one_page_with_line_numbers(tmp_path):
    analysis = engine.analyze(DRAFT)
    found = review.findings(analysis) * 30  # many findings still fit on one page
    out = tmp_path / "report.pdf"
    write_draft_report(analysis, found, str(out))
    reader = PdfReader(str(out))
    assert len(reader.pages) == 1
    page = reader.pages[0].extract_text()
    assert "Draft report: Council Budget" in page
    assert "line 4: \u201cclaimed\u201d \u2192 \u201csaid\u201d" in page
    assert "more" in page  # the long lists were cut


def test_cli_words_changes_analyze_and_compare(tmp_path):
    article = _list(tmp_path, BUDGET, "budget.txt")
    pack = _list(tmp_path, '{"term": "trim", "alternative": "cut"}\n')
    out = tmp_path / "out.json"
    result = run_cli("analyze", str(article), "--words", str(pack), "--json", str(out))
    assert result.returncode == 0, result.stderr
    spans = json.loads(out.read_text(encoding="utf-8"))["documents"][0]["spans"]
    assert any(s["text"] == "trimmed" and s["alternative"] == "cut" for s in spans)
    result = run_cli("compare", str(article), str(article), "--words", str(pack))
    assert result.returncode == 0, result.stderr
    bad = _list(tmp_path, '{"term": "trim"}\n{"term": "cut", "category": "slur"}\n', "bad.jsonl")
    result = run_cli("analyze", str(article), "--words", str(bad))
    assert result.returncode == 1
    assert result.stderr.strip() == ("framelens: bad.jsonl, line 2: unknown category 'slur' "
                                     "(use loaded, hedge, booster or ignore)")


def test_cli_draft_report_writes_html(tmp_path):
    draft = _list(tmp_path, DRAFT, "draft.txt")
    out = tmp_path / "report.html"
    result = run_cli("analyze", str(draft), "--draft-report", str(out))
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "Loaded reporting verbs (1)" in page and "line 4" in page


def test_corrections_travel_into_pdf_and_html_notes(tmp_path):
    from framelens.export import html, pdf

    analysis = engine.analyze(BUDGET)
    slammed = next(s for s in analysis.spans if analysis.excerpt(s.start, s.end) == "slammed")
    start = BUDGET.index("trimmed")
    corrected = corrections.apply(analysis, [
        corrections.remove_mark(BUDGET, slammed),
        corrections.mark_loaded(BUDGET, start, start + 7, "cut", "")])
    out = tmp_path / "corrected.pdf"
    pdf.write_pdf([corrected], None, str(out))
    printed = " ".join(" ".join(page.extract_text().split())
                       for page in PdfReader(str(out)).pages)
    assert "Corrected by you (2): \u201cslammed\u201d: Not loaded here;" in printed
    assert "Loaded language \u2014 corrected by you" in printed  # the added mark's own note
    page = html.render_html([corrected], None)
    assert "Corrected by you (2)" in page and "corrected by you" in page


def test_cli_my_corrections_apply_to_exports(tmp_path):
    article = _list(tmp_path, BUDGET, "budget.txt")
    start = BUDGET.index("trimmed")
    corrections.CorrectionStore().save(BUDGET, str(article), [
        corrections.mark_loaded(BUDGET, start, start + 7, "cut", "")])
    out = tmp_path / "out.json"
    assert run_cli("analyze", str(article), "--json", str(out)).returncode == 0
    spans = json.loads(out.read_text(encoding="utf-8"))["documents"][0]["spans"]
    assert not any(s.get("by") for s in spans)  # without the flag: FrameLens's marks only
    result = run_cli("analyze", str(article), "--my-corrections", "--json", str(out))
    assert result.returncode == 0, result.stderr
    document = json.loads(out.read_text(encoding="utf-8"))["documents"][0]
    assert [s["text"] for s in document["spans"] if s.get("by") == "user"] == ["trimmed"]
    assert document["corrections"] == ["\u201ctrimmed\u201d marked as loaded"]


def test_draft_report_pdf_survives_emoji_and_markup_characters(tmp_path):
    text = "Shock \U0001F631 <b>claims</b> & more: the plan is clearly a disaster.\n"
    analysis = engine.analyze(text)
    out = tmp_path / "report.pdf"
    write_draft_report(analysis, review.findings(analysis), str(out))
    assert "clearly" in PdfReader(str(out)).pages[0].extract_text()
