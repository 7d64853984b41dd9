"""FrameLens never phones home: the CLI works with every network call made to fail."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from seedfiles import OPED, WIRE

from framelens import cli

HOSTILE_HTML = Path(__file__).parent / "data" / "hostile.html"


class NetworkBlocked(AssertionError):
    """Raised by any attempt to reach the network during a test."""


@pytest.fixture
def no_network(monkeypatch):
    """Make every way of opening a connection or resolving a name raise NetworkBlocked."""
    attempts: list[str] = []

    def refuse(name: str):
        def blocked(*args, **kwargs):
            attempts.append(f"{name}{args[1:] if name.startswith('socket.') else args}")
            raise NetworkBlocked(f"network access attempted: {name}")
        return blocked

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    return attempts


def test_offline_fixture_really_blocks_connections(no_network):
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("example.com", 80), timeout=1)
    with pytest.raises(NetworkBlocked), socket.socket() as sock:
        sock.connect(("127.0.0.1", 9))
    with pytest.raises(NetworkBlocked):
        socket.getaddrinfo("example.com", 443)
    assert len(no_network) == 3


def test_offline_cli_analyses_seeds_and_hostile_html(no_network, tmp_path, capsys):
    out = tmp_path / "out.json"
    status = cli.main(["analyze", str(OPED), str(WIRE), str(HOSTILE_HTML), "--json", str(out)])
    assert status == 0, capsys.readouterr().err
    documents = json.loads(out.read_text(encoding="utf-8"))["documents"]
    assert [d["source"] for d in documents] == [str(OPED), str(WIRE), str(HOSTILE_HTML)]
    assert all(d["sentences"] for d in documents)
    assert "evil.example.com" not in documents[2]["text"]
    assert no_network == []


def test_offline_cli_compare_works(no_network, tmp_path, capsys):
    status = cli.main(["compare", str(OPED), str(WIRE), "--json", str(tmp_path / "cmp.json")])
    assert status == 0, capsys.readouterr().err
    assert "Opinion sentences" in capsys.readouterr().out
    assert no_network == []


def test_offline_language_detection_and_html_extraction(no_network):
    from framelens import textio
    from framelens.language import detect_language

    assert textio.read_text_file(HOSTILE_HTML).text.startswith("Council approves")
    assert detect_language("Der Stadtrat hat am Dienstag die Finanzierung einer neuen Brücke "
                           "über den Fluss beschlossen, nach langen und harten Verhandlungen "
                           "mit den Nachbargemeinden, dem Land und dem Bund über die Kosten."
                           ).code == "de"
    assert no_network == []
