"""The class exercise on the command line: `framelens agree KEY STUDENT... [--csv OUT]`
scores students' exercise files against a key; `--worksheet`, `--key` and `--key-from` on
`analyze` and `compare` write the handouts.

`agree` prints a table per student (one row per category) and then one per category (F1 of each
student); a file that cannot be scored gets one line on stderr and the others are still
scored. Exit status 0, or 2 when a file was refused.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Sequence
from pathlib import Path

from framelens.agreement import Agreement, agree, figure, rows, summary_line
from framelens.exercise import (
    CATEGORY_NAMES,
    WORD_CATEGORIES,
    ExerciseError,
    MarkSet,
    different_text,
    load,
    text_hash,
)
from framelens.fileio import OutputError, atomic_output


def add_agree_command(commands) -> None:
    """The `agree` subcommand."""
    agree_parser = commands.add_parser(
        "agree", help="score students' exercise files against a key (or FrameLens's marks)")
    agree_parser.add_argument("key", metavar="KEY.json",
                              help="the teacher's key, or FrameLens's analysis JSON")
    agree_parser.add_argument("students", nargs="+", metavar="STUDENT.json")
    agree_parser.add_argument("--csv", metavar="OUT.csv",
                              help="also write one row per student and category")


def add_handout_options(sub: argparse.ArgumentParser) -> None:
    """`--worksheet`, `--key` and `--key-from` for `analyze` and `compare`."""
    sub.add_argument("--worksheet", metavar="W.pdf",
                     help="write a class worksheet: the text with line and sentence numbers, "
                          "no marks, and tasks")
    sub.add_argument("--key", metavar="K.pdf",
                     help="write the key to the worksheet: the marks with their reasons")
    sub.add_argument("--key-from", metavar="KEY.json", action="append", default=[],
                     help="a teacher's key (saved in the window) to print instead of "
                          "FrameLens's marks; its corrections are marked (once per article)")


def write_handouts(args: argparse.Namespace, analyses: Sequence) -> None:
    """Write the worksheet and key PDFs asked for (`ExerciseError`, `OutputError` on failure)."""
    from framelens.export import handouts

    teachers = [load(path) for path in args.key_from]
    if teachers and not args.key:
        raise ExerciseError("--key-from needs --key K.pdf (the key PDF to write)")
    by_hash = {marks.text_hash: marks for marks in teachers}
    hashes = {text_hash(analysis.text) for analysis in analyses}
    for path, marks in zip(args.key_from, teachers, strict=True):
        if marks.text_hash not in hashes:
            raise ExerciseError(different_text(Path(path).name, marks))
    if args.worksheet:
        handouts.write_worksheet(analyses, args.worksheet, args.paper)
    if args.key:
        handouts.write_key([(a, by_hash.get(text_hash(a.text))) for a in analyses], args.key,
                           args.paper)


HEADER = ("Category", "Key", "Student", "Precision", "Recall", "F1")
CSV_HEADER = ("file", "name", "category", "key_marks", "student_marks", "precision",
              "recall", "f1", "kappa", "observed_agreement")
REFUSED = 2


def table(header: Sequence[str], body: Sequence[Sequence[str]]) -> list[str]:
    """Plain-text columns: the first left-aligned, the rest right-aligned."""
    all_rows = [list(header), *map(list, body)]
    widths = [max(len(r[i]) for r in all_rows) for i in range(len(header))]
    lines = []
    for index, row in enumerate(all_rows):
        cells = [row[0].ljust(widths[0]), *(c.rjust(w) for c, w in zip(row[1:], widths[1:],
                                                                        strict=True))]
        lines.append("  ".join(cells).rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def _name(path: str, marks: MarkSet) -> str:
    return f"{Path(path).name} ({marks.by.describe()})"


def run(key_path: str, student_paths: Sequence[str], csv_path: str | None = None) -> int:
    """Score each student file against the key; returns the exit status."""
    try:
        key = load(key_path)
    except ExerciseError as exc:
        print(f"framelens: {exc}", file=sys.stderr)
        return REFUSED
    if not key.marks:
        print(f"framelens: {Path(key_path).name}: the key has no marks", file=sys.stderr)
        return REFUSED
    scored: list[tuple[str, MarkSet, Agreement]] = []
    refused = 0
    for path in student_paths:
        try:
            student = load(path)
            if not student.marks:
                raise ExerciseError(f"{Path(path).name}: no marks in it (an empty exercise)")
            scored.append((path, student, agree(key, student, Path(path).name)))
        except ExerciseError as exc:
            print(f"framelens: {exc}", file=sys.stderr)
            refused += 1
    about = key.title or Path(key_path).name
    print(f"Key: {_name(key_path, key)} \u2014 {about}")
    for path, student, agreement in scored:
        print()
        print(_name(path, student))
        print("\n".join("  " + line for line in table(HEADER, rows(agreement))))
        print("  " + summary_line(agreement))
    if len(scored) > 1:
        print()
        print("F1 per category (kappa for sentence labels)")
        names = [Path(path).name for path, _, _ in scored]
        body = [[CATEGORY_NAMES[c], *(figure(a.span_score(c).f1) for _, _, a in scored)]
                for c in WORD_CATEGORIES]
        body.append(["Sentence labels", *(figure(a.sentences.kappa) for _, _, a in scored)])
        print("\n".join("  " + line for line in table(["Category", *names], body)))
    if csv_path:
        try:
            write_csv(scored, csv_path)
        except OutputError as exc:
            print(f"framelens: {exc}", file=sys.stderr)
            return REFUSED
    return REFUSED if refused else 0


def write_csv(scored: Sequence[tuple[str, MarkSet, Agreement]], out: str) -> None:
    """One row per student and category (sentence labels as kappa and observed agreement)."""
    def number(value: float | None) -> str:
        return "" if value is None else f"{value:.4f}"

    with atomic_output(out) as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_HEADER)
        for path, student, agreement in scored:
            for score in agreement.spans:
                writer.writerow([path, student.by.name, score.category, score.key_count,
                                 score.student_count, number(score.precision),
                                 number(score.recall), number(score.f1), "", ""])
            sentences = agreement.sentences
            writer.writerow([path, student.by.name, "sentence_labels",
                             sentences.compared + sentences.unlabelled, sentences.compared,
                             "", "", "", number(sentences.kappa), number(sentences.observed)])
