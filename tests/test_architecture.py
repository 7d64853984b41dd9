"""House rules that must hold mechanically: no Qt in the engine or the analyze command."""

from __future__ import annotations

import subprocess
import sys

from seedfiles import ROOT, WIRE


def _modules_after(code: str) -> set[str]:
    script = code + "\nimport sys\nprint('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    return set(out.stdout.split())


def test_engine_import_does_not_load_qt():
    modules = _modules_after("import framelens, framelens.engine, framelens.cli")
    assert "framelens.engine" in modules
    assert not {m for m in modules if m.startswith("PySide6")}


def test_analyze_command_does_not_load_qt(tmp_path):
    code = (
        "import sys\n"
        "from framelens.cli import main\n"
        f"status = main(['analyze', {str(WIRE)!r}, '--json', {str(tmp_path / 'o.json')!r}])\n"
        "assert status == 0, status\n"
    )
    modules = _modules_after(code)
    assert "framelens.engine" in modules
    assert not {m for m in modules if m.startswith("PySide6")}


def test_pyside_is_imported_only_under_gui():
    offenders = []
    for path in (ROOT / "framelens").rglob("*.py"):
        if "gui" in path.relative_to(ROOT / "framelens").parts:
            continue
        text = path.read_text(encoding="utf-8")
        if "import PySide6" in text or "from PySide6" in text:
            offenders.append(str(path))
    assert offenders == []


def test_window_module_does_not_load_spacy():
    """The window is shown before the language model loads (on the analysis worker): importing
    it must not import spaCy on the GUI thread (0.8 s before the window could appear; the
    comparison's alignment once pulled it in through a helper of the terms analyser)."""
    modules = _modules_after("import framelens.gui.window, framelens.comparison")
    assert "framelens.gui.window" in modules
    assert not {m for m in modules if m == "spacy" or m.startswith("spacy.")}
