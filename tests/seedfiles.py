"""Paths of the repository and the seed articles, importable from every test folder."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
OPED = SEEDS / "000_e30f89b89acd5eb9.txt"
WIRE = SEEDS / "004_fbb9bac256490603.txt"


def read_exact(path: Path) -> str:
    """File content exactly as stored (no newline translation)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()
