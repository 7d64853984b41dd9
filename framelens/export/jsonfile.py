"""The `framelens/analysis-v1` JSON contract and the comparison JSON."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

from framelens import labels
from framelens.fileio import atomic_output
from framelens.model import Analysis, Comparison


def analysis_document(analyses: Sequence[Analysis]) -> dict[str, Any]:
    """The top-level contract object for several analysed documents."""
    return {"schema": labels.SCHEMA, "documents": [a.to_json() for a in analyses]}


def write_json(payload: dict[str, Any], out: str) -> None:
    """Write JSON to a path (atomically) or to stdout for `-`."""
    if out == "-":
        json.dump(payload, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    with atomic_output(out) as handle:
        json.dump(payload, handle, ensure_ascii=False)


def write_analyses(analyses: Sequence[Analysis], out: str) -> None:
    """Write the analysis contract JSON."""
    write_json(analysis_document(analyses), out)


def write_comparison(comparison: Comparison, out: str) -> None:
    """Write the comparison JSON (with both analyses in the contract format)."""
    payload = comparison.to_json()
    payload["documents"] = analysis_document([comparison.a, comparison.b])["documents"]
    write_json(payload, out)
