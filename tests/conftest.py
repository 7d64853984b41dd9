"""Shared fixtures: the seed articles and their analyses (the model loads once per session)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
OPED = SEEDS / "000_e30f89b89acd5eb9.txt"
WIRE = SEEDS / "004_fbb9bac256490603.txt"


def read_exact(path: Path) -> str:
    """File content exactly as stored (no newline translation)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


@pytest.fixture(scope="session")
def oped_text() -> str:
    return read_exact(OPED)


@pytest.fixture(scope="session")
def wire_text() -> str:
    return read_exact(WIRE)


@pytest.fixture(scope="session")
def seed_analyses(oped_text, wire_text):
    from framelens import engine

    return engine.analyze_many([oped_text, wire_text], [str(OPED), str(WIRE)])


@pytest.fixture(scope="session")
def oped(seed_analyses):
    return seed_analyses[0]


@pytest.fixture(scope="session")
def wire(seed_analyses):
    return seed_analyses[1]
