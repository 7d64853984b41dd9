"""Shared fixtures: the seed articles and their analyses (the model loads once per session)."""

from __future__ import annotations

import pytest
from seedfiles import OPED, WIRE, read_exact


@pytest.fixture(autouse=True)
def data_folder(tmp_path, monkeypatch):
    """Every test keeps the user's data (corrections, word lists, autosave, exercises) in a
    folder of its own: the user's real one is never touched."""
    folder = tmp_path / "userdata"
    monkeypatch.setenv("FRAMELENS_DATA_DIR", str(folder))
    return folder


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
