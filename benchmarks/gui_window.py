"""The GUI benchmarks' window: the real engine, the two seeds, private settings.

Imported by `bench_gui.py` and `bench_gui_soak.py` (run as scripts, so this folder is on
`sys.path`); PySide6 is imported only when a window is made.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# run as scripts, the benchmarks would import the installed FrameLens, which need not be
# this checkout's (a git worktree, a second clone): this checkout's comes first
if str(ROOT) not in sys.path:
    sys.path.insert(1, str(ROOT))
SEEDS = [str(ROOT / "seeds" / "000_e30f89b89acd5eb9.txt"),
         str(ROOT / "seeds" / "004_fbb9bac256490603.txt")]
SIZE = (1600, 1000)


def bench_window(prefix: str):
    """A shown `MainWindow` over the real engine with settings in a fresh temporary folder
    and no autosave; returns (application, window)."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from framelens.gui.app import configure_application
    from framelens.gui.settings import Settings
    from framelens.gui.window import MainWindow

    app = QApplication(sys.argv[:1])
    configure_application(app)
    folder = tempfile.mkdtemp(prefix=prefix)
    settings = Settings(QSettings(f"{folder}/settings.ini", QSettings.Format.IniFormat))
    window = MainWindow(settings=settings, autosave=None, restore_drafts=False)
    window.resize(*SIZE)
    window.show()
    return app, window
