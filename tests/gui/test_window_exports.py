"""Export dialogs suggest a name from the titles, remember the folder, and say in the
status bar that the file was written, with a way to open it or its folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction

from framelens.gui.exports import suggested_name

FIRST = "Iran faces a rapidly escalating crisis, reportedly.\nWe think it is a disaster.\n"
SECOND = "Militias cross the border: officials said \u201cperhaps\u201d.\nClearly late.\n"


def test_exports_suggested_name_from_titles():
    assert suggested_name(["Iran faces a rapidly escalating crisis", "Militias: a view"]) == (
        "iran-faces-a-rapidly-escalating-vs-militias-a-view")
    assert suggested_name([]) == "framelens"


class SaveDialog:
    """Records the path the dialog suggests; 'chooses' `chosen` in `folder`."""

    def __init__(self):
        self.suggested: list[str] = []
        self.folder = ""

    def getSaveFileName(self, parent, caption, suggested, file_filter):  # noqa: N802
        self.suggested.append(suggested)
        return str(Path(self.folder) / Path(suggested).name), ""


def _export(window, label: str) -> None:
    next(a for a in window.findChildren(QAction) if a.text().startswith(label)).trigger()


def test_window_export_suggests_name_remembers_folder_and_confirms(make_window, fake, qtbot,
                                                                   tmp_path, monkeypatch):
    from framelens.gui import exports

    window = make_window(fake)
    for pane, text in ((0, FIRST), (1, SECOND)):
        with qtbot.waitSignal(window.analysisApplied, timeout=10000):
            window.set_text(pane, text, "draft")
    dialog = SaveDialog()
    monkeypatch.setattr(exports, "QFileDialog", dialog)
    opened = []
    monkeypatch.setattr(exports.QDesktopServices, "openUrl", lambda url: opened.append(url))
    dialog.folder = str(tmp_path / "handouts")
    Path(dialog.folder).mkdir()
    _export(window, "Marks as &CSV")
    name = "iran-faces-a-rapidly-escalating-vs-militias-cross-the-border-officials.csv"
    assert Path(dialog.suggested[0]).name == name
    written = Path(dialog.folder) / name
    assert written.exists()
    notice = window.export_notice
    assert notice.isVisible() and name in notice.text()
    notice.linkActivated.emit("folder")
    notice.linkActivated.emit("file")
    assert [url.toLocalFile() for url in opened] == [dialog.folder, str(written)]
    # the next export, even from a new window, starts in the same folder
    second = make_window(fake)
    with qtbot.waitSignal(second.analysisApplied, timeout=10000):
        second.set_text(0, FIRST, "draft")
    _export(second, "Analysis as &JSON")
    assert str(Path(dialog.suggested[1]).parent) == dialog.folder
