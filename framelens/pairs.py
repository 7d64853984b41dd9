"""`framelens compare --pairs PAIRS.tsv --json OUT`: many comparisons in one process.

The model loads once; each distinct file is read and analysed once, however many pairs
name it. A bad line or file gives one line on stderr and an empty place in the output
(`null`), and the other pairs go on.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from framelens import labels
from framelens.textio import InputError

PAIRS_SCHEMA = "framelens/comparisons-v1"


def read_pairs(path: str) -> list[tuple[str, str] | None]:
    """The pairs of a PAIRS.tsv file; None for a line that is not two tab-separated paths."""
    pairs: list[tuple[str, str] | None] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        fields = line.split("\t")
        pairs.append((fields[0], fields[1]) if len(fields) == 2 and all(fields) else None)
    return pairs


def compare_pairs(pairs_path: str, out: str, failure: Callable[[str], Exception]) -> int:
    """Compare every pair and write the comparisons JSON; the exit status is 1 if any failed."""
    from framelens import engine, textio
    from framelens.comparison import compare
    from framelens.export import jsonfile
    from framelens.language import language_problem

    try:
        pairs = read_pairs(pairs_path)
    except (OSError, UnicodeDecodeError) as exc:
        raise failure(f"{pairs_path}: cannot read the pairs file ({exc})") from None
    texts: dict[str, str] = {}
    problems: dict[str, str] = {}
    for pair in pairs:
        for path in pair or ():
            if path in texts or path in problems:
                continue
            try:
                text = textio.read_text_file(path).text
                if len(text) > textio.MAX_TEXT_CHARS:
                    raise InputError(f"{path}: too long ({len(text):,} characters; FrameLens "
                                     f"analyses at most {textio.MAX_TEXT_CHARS:,})")
                texts[path] = text
            except InputError as exc:
                problems[path] = str(exc)
    names = list(texts)
    analyses = dict(zip(names, engine.analyze_many([texts[n] for n in names], names),
                        strict=True))
    for name, analysis in analyses.items():
        problem = language_problem(analysis.language)
        if problem:
            problems[name] = f"{name}: {problem}"
    comparisons: list[dict[str, Any] | None] = []
    failed = 0
    for number, pair in enumerate(pairs, 1):
        if pair is None or any(p in problems for p in pair):
            reason = (f"{pairs_path}:{number}: not two tab-separated paths" if pair is None
                      else next(problems[p] for p in pair if p in problems))
            print(f"framelens: {reason}", file=sys.stderr)
            comparisons.append(None)
            failed += 1
            continue
        first, second = analyses[pair[0]], analyses[pair[1]]
        payload = compare(first, second).to_json()
        payload["documents"] = jsonfile.analysis_document([first, second])["documents"]
        comparisons.append(payload)
    jsonfile.write_json({"schema": PAIRS_SCHEMA, "comparisons": comparisons,
                         "analysis_schema": labels.SCHEMA}, out)
    return 1 if failed else 0
