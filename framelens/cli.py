"""The `framelens` command line: analyze, compare, gui. The GUI is imported lazily."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from framelens import __version__, exercise_cli, labels
from framelens.explain import counted
from framelens.textio import InputError

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
SEED_FILES = ("000_e30f89b89acd5eb9.txt", "004_fbb9bac256490603.txt")
QUIET_LIBRARIES = ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer")


# The `gui` options passed on to `framelens.gui.app.run` as they are.
GUI_OPTIONS = ("presentation", "zoom", "claim", "show", "exercise")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framelens",
        description="See how a news text persuades: opinion vs fact, loaded language, "
                    "who is quoted. With no command, opens the desktop app.")
    parser.add_argument("--version", action="version", version=f"framelens {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    commands = parser.add_subparsers(dest="command")

    analyze = commands.add_parser("analyze", help="analyse one or more articles")
    analyze.add_argument("paths", nargs="+", metavar="PATH")
    _add_output_options(analyze)
    analyze.add_argument("--draft-report", metavar="OUT.pdf|OUT.html",
                         help="write a one-page report of what to check in the draft (one PATH)")

    compare = commands.add_parser("compare", help="compare the framing of two articles")
    compare.add_argument("paths", nargs="*", metavar="PATH")
    compare.add_argument("--pairs", metavar="PAIRS.tsv",
                         help="compare many pairs in one run (one 'pathA<TAB>pathB' a line); "
                              "writes {'schema': 'framelens/comparisons-v1', ...} to --json")
    compare.add_argument("--claims-csv", metavar="OUT.csv",
                         help="write the aligned claims: one row per group, then what only "
                              "one article reports")
    _add_output_options(compare)

    exercise_cli.add_agree_command(commands)

    gui = commands.add_parser("gui", help="open the desktop app (two articles side by side)")
    gui.add_argument("paths", nargs="*", metavar="PATH")
    gui.add_argument("--screenshot", metavar="OUT.png",
                     help="open at a fixed size, wait for both analyses, save a screenshot, exit")
    gui.add_argument("--presentation", action="store_true",
                     help="open in presentation mode (large type, the text given the screen)")
    gui.add_argument("--zoom", type=int, default=0, metavar="N",
                     help="zoom N steps in (negative: out) after opening")
    gui.add_argument("--claim", type=int, default=0, metavar="N",
                     help="once both articles are analysed, choose aligned claim N and show "
                          "the Aligned claims tab")
    gui.add_argument("--show", choices=("review", "word-lists"), default="",
                     help="with --screenshot: picture Review Draft on A, or the word-list "
                          "manager")
    gui.add_argument("--exercise", metavar="STUDENT.json",
                     help="open a saved class exercise in pane A (with --screenshot: revealed)")
    return parser


def _add_output_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--json", metavar="OUT", help="write JSON here ('-' for stdout)")
    sub.add_argument("--pdf", metavar="OUT.pdf", help="write an annotated PDF")
    sub.add_argument("--html", metavar="OUT.html",
                     help="write a self-contained annotated HTML page")
    sub.add_argument("--csv", metavar="OUT.csv", help="write one row per mark")
    sub.add_argument("--categories", metavar="LIST",
                     help="comma-separated categories to include in PDF/HTML "
                          f"(default all: {','.join(labels.STYLED_CATEGORIES)})")
    sub.add_argument("--paper", choices=("a4", "letter"), default="a4", help="PDF paper size")
    sub.add_argument("--side-by-side", action="store_true",
                     help="PDF: lay the two articles out in two columns")
    sub.add_argument("--words", action="append", default=[], metavar="FILE",
                     help="apply a word list of your own (JSONL, as made by the window's Word "
                          "Lists; may be repeated)")
    sub.add_argument("--my-corrections", action="store_true",
                     help="apply the corrections you made to these articles in the window")
    exercise_cli.add_handout_options(sub)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="framelens: %(message)s")
    for chatty in QUIET_LIBRARIES:  # their warnings ("discarding data: None") are not for users
        logging.getLogger(chatty).setLevel(logging.DEBUG if args.verbose else logging.CRITICAL)
    try:
        if args.command == "analyze":
            return _analyze(args)
        if args.command == "compare":
            return _compare(args)
        if args.command == "agree":
            return exercise_cli.run(args.key, args.students, args.csv)
        paths = getattr(args, "paths", None) or [str(SEEDS_DIR / name) for name in SEED_FILES]
        return _gui(paths, getattr(args, "screenshot", None),
                    **{option: getattr(args, option) for option in GUI_OPTIONS
                       if hasattr(args, option)})
    except KeyboardInterrupt:
        return 130
    except _Failure as failure:
        print(f"framelens: {failure}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. `framelens analyze ... --json - | head`
        return 1
    except Exception as exc:  # last resort: a bug must still end in one line, not a traceback
        logging.getLogger(__name__).debug("unexpected error", exc_info=True)
        hint = "" if args.verbose else " (run with --verbose for details)"
        print(f"framelens: unexpected error: {type(exc).__name__}: {_one_line(exc)}{hint}",
              file=sys.stderr)
        return 2


def _one_line(exc: BaseException) -> str:
    """An exception's message squeezed onto one line."""
    return " ".join(str(exc).split()) or "no details"


class _Failure(Exception):
    """A one-line, user-facing error."""


def _load(paths: Sequence[str]) -> tuple[list[str], list[str], list[str]]:
    """Read the files; returns (paths, texts, error lines). Bad files do not stop the rest."""
    from framelens import textio

    good, texts, errors = [], [], []
    for path in paths:
        try:
            loaded = textio.read_text_file(path)
        except InputError as exc:
            errors.append(str(exc))
            continue
        good.append(path)
        texts.append(loaded.text)
    return good, texts, errors


def _user_words(args: argparse.Namespace):  # -> UserWords | None
    """The word lists named by --words, or a one-line failure naming the bad line."""
    if not getattr(args, "words", None):
        return None
    from framelens.wordlists import WordListError, load_words_files

    try:
        return load_words_files(args.words)
    except WordListError as exc:
        raise _Failure(str(exc)) from None


def _corrected(args: argparse.Namespace, analyses: list) -> list:
    """With --my-corrections, the analyses as corrected in the window (`corrections.apply`)."""
    if not getattr(args, "my_corrections", False):
        return analyses
    from framelens.corrections import CorrectionStore, apply
    from framelens.userdata import UserDataError

    store = CorrectionStore()
    try:
        return [apply(a, store.load(a.text, a.source)) for a in analyses]
    except UserDataError as exc:
        raise _Failure(str(exc)) from None


def _run_engine(paths: Sequence[str], texts: Sequence[str], words=None
                ) -> tuple[list, list[str]]:
    """Analyse the texts; returns the usable analyses and one error line per refused text.

    A text FrameLens cannot use (another language, no words) is refused after analysis,
    from the language the engine found, so the language is identified only once.
    """
    from framelens import engine
    from framelens.language import language_problem
    from framelens.nlp.pipeline import ModelUnavailable

    try:
        analyses = engine.analyze_many(texts, paths, words=words)
    except ModelUnavailable as exc:
        raise _Failure(str(exc)) from None
    usable, errors = [], []
    for path, analysis in zip(paths, analyses, strict=True):
        problem = language_problem(analysis.language)
        if problem:
            errors.append(f"{path}: {problem}")
        else:
            usable.append(analysis)
    return usable, errors


def _options(args: argparse.Namespace):  # -> ExportOptions
    from framelens.export.options import ExportOptions

    if args.categories:
        wanted = frozenset(c.strip() for c in args.categories.split(",") if c.strip())
        unknown = wanted - set(labels.STYLED_CATEGORIES)
        if unknown:
            raise _Failure(f"unknown categories: {', '.join(sorted(unknown))} "
                           f"(known: {', '.join(labels.STYLED_CATEGORIES)})")
        return ExportOptions(categories=wanted, paper=args.paper, side_by_side=args.side_by_side)
    return ExportOptions(paper=args.paper, side_by_side=args.side_by_side)


def _export(args: argparse.Namespace, analyses: list, comparison) -> None:
    from framelens.fileio import OutputError

    try:
        if args.csv:
            from framelens.export import csvfile

            csvfile.write_csv(analyses, args.csv)
        if args.html:
            from framelens.export import html

            html.write_html(analyses, comparison, args.html, _options(args))
        if args.pdf:
            from framelens.export import pdf

            pdf.write_pdf(analyses, comparison, args.pdf, _options(args))
        if args.worksheet or args.key or args.key_from:
            exercise_cli.write_handouts(args, analyses)
    except (OutputError, exercise_cli.ExerciseError) as exc:
        raise _Failure(str(exc)) from None


def _analyze(args: argparse.Namespace) -> int:
    from framelens.export import jsonfile

    words = _user_words(args)
    if args.draft_report and len(args.paths) != 1:
        raise _Failure("--draft-report takes one PATH (the draft)")
    paths, texts, errors = _load(args.paths)
    analyses, refused = _run_engine(paths, texts, words) if texts else ([], [])
    analyses = _corrected(args, analyses)
    errors += refused
    for line in errors:
        print(f"framelens: {line}", file=sys.stderr)
    if args.json:
        _write_json(lambda: jsonfile.write_analyses(analyses, args.json))
    _export(args, analyses, None)
    if args.draft_report and analyses:
        _draft_report(analyses[0], args.draft_report)
    if not (args.json or args.pdf or args.html or args.csv or args.draft_report
            or args.worksheet or args.key):
        for analysis in analyses:
            print(_summary(analysis))
    return 1 if errors else 0


def _compare(args: argparse.Namespace) -> int:
    from framelens.comparison import compare
    from framelens.export import jsonfile

    if args.pairs:
        from framelens.pairs import compare_pairs

        if args.paths or not args.json:
            raise _Failure("--pairs takes no PATH arguments and needs --json OUT")
        return compare_pairs(args.pairs, args.json, _Failure)
    if len(args.paths) != 2:
        raise _Failure("compare needs two paths (or --pairs PAIRS.tsv)")
    words = _user_words(args)
    paths, texts, errors = _load(args.paths)
    if errors:
        raise _Failure("; ".join(errors))
    analyses, refused = _run_engine(paths, texts, words)
    analyses = _corrected(args, analyses)
    if refused:
        raise _Failure("; ".join(refused))
    first, second = analyses
    comparison = compare(first, second)
    if args.json:
        _write_json(lambda: jsonfile.write_comparison(comparison, args.json))
    if args.claims_csv:
        from framelens.export.claims_csv import write_claims_csv

        _write_json(lambda: write_claims_csv(comparison, args.claims_csv))
    _export(args, [first, second], comparison)
    if args.json != "-":
        print(comparison_table(comparison))
    return 0


def _draft_report(analysis, out: str) -> None:
    """Write the one-page draft report (the findings the draft review steps through)."""
    from framelens.export.draft_report import write_draft_report
    from framelens.review import ReviewStore, findings, is_ignored
    from framelens.userdata import UserDataError

    try:
        ignores = ReviewStore().load(analysis.text, analysis.source)
    except UserDataError as exc:
        print(f"framelens: {exc}", file=sys.stderr)
        ignores = []
    found = [f for f in findings(analysis) if not is_ignored(analysis.text, f, ignores)]
    _write_json(lambda: write_draft_report(analysis, found, out))
    print(f"{out}: {counted(len(found), 'finding')}")


def _write_json(write: Callable[[], None]) -> None:
    """Run a JSON write; an unwritable path becomes a one-line failure (nothing half-written)."""
    from framelens.fileio import OutputError

    try:
        write()
    except OutputError as exc:
        raise _Failure(str(exc)) from None


def _gui(paths: Sequence[str], screenshot: str | None, **options) -> int:
    """Open the window; `options` are `gui.app.run`'s (presentation, zoom, claim, ...)."""
    try:
        from framelens.gui.app import run
    except ImportError:
        # The window is not available: print the comparison instead.
        if len(paths) == 2:
            return main(["compare", *paths])
        raise _Failure("the desktop app needs PySide6: pip install PySide6-Essentials") from None
    return run(list(paths), screenshot=screenshot, **options)


def _summary(analysis) -> str:
    m = analysis.metrics
    return (f"{analysis.source}: {analysis.genre.label} (score {analysis.genre.score:.2f}); "
            f"{m.sentence_count} sentences: {m.opinion_share:.0%} opinion, "
            f"{m.fact_share:.0%} fact, "
            f"{m.attributed_share:.0%} attributed; {counted(m.quote_count, 'quote')} from "
            f"{counted(m.named_source_count, 'named source')}; "
            f"loaded {m.loaded_per_100:.1f}/100 words")


def comparison_table(comparison) -> str:
    """The comparison as a readable plain-text table with the contrasts below."""
    name_a = f"A: {comparison.a.title or comparison.a.source}"
    name_b = f"B: {comparison.b.title or comparison.b.source}"
    from framelens.comparison import metric_table

    header, body = metric_table([comparison.a, comparison.b], comparison)
    rows = [header, *body]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = [name_a[:100], name_b[:100], ""]
    for index, row in enumerate(rows):
        cells = [cell.rjust(w) for cell, w in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join([row[0].ljust(widths[0]), *cells]))
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    if comparison.contrasts:
        lines += ["", "Sharpest contrasts:"] + [f"  - {c}" for c in comparison.contrasts]
    claims = comparison.alignment
    if claims is not None and claims.summary:
        lines += ["", "Aligned claims: " + claims.summary,
                  f"  {counted(len(claims.groups), 'aligned group')}; "
                  f"{len(claims.only_in_a)} sentences only in A, "
                  f"{len(claims.only_in_b)} only in B"]
    if comparison.actors is not None:
        lines += [f"  - {line}" for line in comparison.actors.contrasts]
    return "\n".join(lines)
