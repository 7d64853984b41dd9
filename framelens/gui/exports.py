"""The Export menu: PDF, HTML, CSV and JSON of what the window shows.

Export modules are imported only when used; an entry whose module is not importable yet
is disabled. Write errors (`OutputError`) are shown in a message box.
"""

from __future__ import annotations

import html
import importlib
import importlib.util
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDir, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QMenu, QMessageBox, QWidget

NOTICE_MS = 30_000
TITLE_WORDS = 5


@dataclass(frozen=True)
class ExportFormat:
    """One export entry: module, its writer and the file type offered."""

    label: str
    module: str
    suffix: str
    file_filter: str


FORMATS = (
    ExportFormat("Annotated &PDF\u2026", "framelens.export.pdf", ".pdf", "PDF (*.pdf)"),
    ExportFormat("Annotated &HTML page\u2026", "framelens.export.html", ".html", "HTML (*.html)"),
    ExportFormat("Marks as &CSV\u2026", "framelens.export.csvfile", ".csv", "CSV (*.csv)"),
    ExportFormat("Analysis as &JSON\u2026", "framelens.export.jsonfile", ".json", "JSON (*.json)"),
)


def available(fmt: ExportFormat) -> bool:
    """True if the export module can be imported."""
    try:
        importlib.import_module(fmt.module)
    except Exception:  # a module still being written must not break the menu
        return False
    return True


def write(fmt: ExportFormat, analyses: list, comparison, out_path: str) -> None:
    """Run the writer of `fmt` (raises `framelens.fileio.OutputError` on failure)."""
    module = importlib.import_module(fmt.module)
    if fmt.module.endswith(".jsonfile"):
        module.write_analyses(analyses, out_path)
    elif fmt.module.endswith(".csvfile"):
        module.write_csv(analyses, out_path)
    else:
        from framelens.export.options import ExportOptions

        writer = module.write_pdf if fmt.module.endswith(".pdf") else module.write_html
        writer(analyses, comparison, out_path, ExportOptions())


def suggested_name(titles: list[str]) -> str:
    """A file name (without suffix) from the article titles: the first words of each,
    lower case, joined with "-vs-" ("iran-faces-a-rapidly-escalating-vs-...")."""
    parts = []
    for title in titles:
        words = re.findall(r"[^\W_]+", title.casefold())[:TITLE_WORDS]
        if words:
            parts.append("-".join(words))
    return "-vs-".join(parts) or "framelens"


class ExportNotice(QLabel):
    """The status bar's word that a file was written, with links to open it or its folder."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.path = ""
        self.setTextFormat(Qt.TextFormat.RichText)
        self.linkActivated.connect(self._open)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.hide)
        self.hide()

    def written(self, path: str) -> None:
        self.path = path
        self.setText(f"Exported <b>{html.escape(Path(path).name)}</b>: "
                     "<a href='file'>open it</a> \u00b7 <a href='folder'>open its folder</a>")
        self.setToolTip(path)
        self.show()
        self.timer.start(NOTICE_MS)

    def _open(self, link: str) -> None:
        target = self.path if link == "file" else str(Path(self.path).parent)
        QDesktopServices.openUrl(QUrl.fromLocalFile(target))


def build_menu(menu: QMenu, parent: QWidget,
               current: Callable[[], tuple[list, object, str]]) -> None:
    """Fill `menu` of window `parent` (its `settings` remember the export folder, its
    `export_notice` confirms); `current()` returns (analyses, comparison or None,
    suggested base name)."""
    actions: list[tuple[QAction, ExportFormat]] = []
    for fmt in FORMATS:
        action = menu.addAction(fmt.label)
        action.triggered.connect(lambda _=False, f=fmt: _export(f, parent, current))
        actions.append((action, fmt))

    def refresh() -> None:
        has_analysis = bool(current()[0])
        for action, fmt in actions:
            action.setEnabled(has_analysis and available(fmt))

    menu.aboutToShow.connect(refresh)


def _export(fmt: ExportFormat, parent: QWidget, current) -> None:
    from framelens.fileio import OutputError

    analyses, comparison, base = current()
    if not analyses:
        return
    folder = parent.settings.export_folder() or QDir.homePath()
    path, _ = QFileDialog.getSaveFileName(parent, "Export", str(Path(folder) / (base + fmt.suffix)),
                                          fmt.file_filter)
    if not path:
        return
    parent.settings.set_export_folder(str(Path(path).parent))
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        write(fmt, analyses, comparison, path)
        parent.export_notice.written(path)
    except OutputError as exc:
        QMessageBox.warning(parent, "Export failed", str(exc))
    except Exception as exc:  # an exporter bug: a message, never a traceback or a crash
        QMessageBox.warning(parent, "Export failed", f"{type(exc).__name__}: {exc}")
    finally:
        QGuiApplication.restoreOverrideCursor()
