"""Child process for the autosave test: types a draft into the window, then waits to be killed."""

from __future__ import annotations

import sys

from fakes import fake_analyze
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from framelens.gui.app import configure_application
from framelens.gui.autosave import AutosaveStore
from framelens.gui.window import MainWindow


def main() -> None:
    app = QApplication(sys.argv[:1])
    configure_application(app)
    window = MainWindow(analyze=fake_analyze, warm_up=lambda: None, autosave=AutosaveStore())
    window.show()

    def type_draft() -> None:
        QTest.keyClicks(window.panes[0].editor, sys.argv[1])
        print("typed", flush=True)

    QTimer.singleShot(0, type_draft)
    app.exec()


if __name__ == "__main__":
    main()
