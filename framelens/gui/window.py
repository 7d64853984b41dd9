"""The main window: two article panes side by side, legend, explanations, comparison."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from framelens import labels
from framelens.gui import (
    article_room,
    exercise,
    frame_strip,
    frame_table,
    linking,
    look,
    menus,
    panels,
    unsaved,
    user_menus,
)
from framelens.gui.autosave import AutosaveStore, DraftKeeper
from framelens.gui.docks import DockWidthKeeper
from framelens.gui.explain import credited_marks
from framelens.gui.exports import ExportNotice
from framelens.gui.find import FindBar
from framelens.gui.presentation import Presenter
from framelens.gui.settings import MAX_FONT_SIZE, MIN_FONT_SIZE, PRESENTATION_FONT_SIZE, Settings
from framelens.gui.side_panel import SidePanel
from framelens.gui.status import AnalysisStatus, language_problem, summary_wordings
from framelens.gui.techniques_panel import step_technique
from framelens.gui.textpane import ArticlePane
from framelens.gui.widgets import FittingLabel
from framelens.gui.worker import AnalysisRunner

log = logging.getLogger(__name__)
PANE_NAMES = ("A", "B")
EDIT_PAUSE_MS = 500
PANELS_DELAY_MS = 100
# Redrawing the charts takes a few hundred ms of GUI time: not while the user is typing.
PANELS_AFTER_TYPING_MS = 1500


class MainWindow(QMainWindow):
    """FrameLens: compare how two articles frame the same events."""

    analysisApplied = Signal(int)  # pane whose marks were just drawn
    analysisFailed = Signal(int, str)
    allAnalysed = Signal()  # no pane is waiting for an analysis any more

    def __init__(self, analyze=None, warm_up=None, settings: Settings | None = None,
                 autosave: AutosaveStore | None = None, restore_drafts: bool = True,
                 edit_pause_ms: int = EDIT_PAUSE_MS):
        super().__init__()
        self.setWindowTitle("FrameLens")
        self.settings = settings if settings is not None else Settings()
        self.autosave = autosave
        self.runner = AnalysisRunner(analyze, warm_up, self)
        self.pending: dict[int, int | None] = {0: None, 1: None}
        self.active = 0
        self.dark = self.settings.theme() == "dark"
        self.font_size = self.settings.font_size()

        self.panes = [ArticlePane(i) for i in range(2)]
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        for pane in self.panes:
            pane.setObjectName("pane")
            self.splitter.addWidget(pane)
        self.tabs = QTabWidget()
        self.comparison_panel = self.sources_panel = self.techniques_panel = None
        self.last_edit = 0.0
        self.vertical = QSplitter(Qt.Orientation.Vertical)
        self.vertical.addWidget(self.splitter)
        self.vertical.addWidget(article_room.TabArea(self.tabs))  # scrolls when squeezed
        self.vertical.setStretchFactor(0, 3)
        self.vertical.setStretchFactor(1, 1)
        self.drafts = DraftKeeper(autosave, lambda: self.panes, self.set_text, self)
        self.restore_bar = self.drafts.bar
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.restore_bar)
        layout.addWidget(self.vertical)
        self.find_bar = FindBar(lambda: self.panes[self.active].editor,
                                lambda: PANE_NAMES[self.active])
        layout.addWidget(self.find_bar)
        self.presenter = Presenter(self)
        layout.addWidget(self.presenter.strip)
        self.setCentralWidget(central)

        self.side = SidePanel()
        self.legend, self.explanation = self.side.legend, self.side.explanation
        self.why_label, self.details_box = self.side.why_label, self.side.details_box
        self.side.detailsToggled.connect(self._details_toggled)
        self.guide_dialog = None  # Help > How to Read the Marks, made when first asked for
        self.dock = QDockWidget("Legend", self)
        self.dock.setObjectName("legendDock")
        self.dock.setWidget(self.side)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock_width = DockWidthKeeper(self, self.dock)

        self.summary = FittingLabel()
        self.analysis_status = AnalysisStatus()
        self.statusBar().addWidget(self.summary, 1)
        self.export_notice = ExportNotice()
        self.statusBar().addPermanentWidget(self.export_notice)
        self.statusBar().addPermanentWidget(self.analysis_status)
        self.statusBar().messageChanged.connect(self.analysis_status.message_changed)

        self.edit_timers = []
        for pane in self.panes:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.setInterval(edit_pause_ms)
            timer.timeout.connect(lambda p=pane.index: self.analyse(p))
            self.edit_timers.append(timer)
            pane.edited.connect(lambda p=pane.index: self._edited(p))
            pane.editor.explanationRequested.connect(self.show_explanation)
            pane.editor.filesDropped.connect(lambda files, p=pane.index: self.open_paths(files, p))

        self.frame_strips = frame_strip.attach_all(self)
        self.comparison = None  # of the two analyses, once both are in
        self.aligned_panel = None
        self.linker = linking.AlignmentLinker(self)
        # the user's own marks: corrections, word lists, draft review (gui/user_menus.py)
        self.user_marks, self.word_lists, self.review = user_menus.attach(self)
        self.runner.modelReady.connect(self._model_ready)
        self.runner.modelFailed.connect(self._model_failed)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(self._failed)
        self.runner.superseded.connect(self._superseded)
        queued = Qt.ConnectionType.QueuedConnection  # both are emitted on the worker thread
        self.runner.started.connect(self._started, queued)
        self.runner.progressed.connect(self._progressed, queued)
        self.legend.toggled.connect(self._categories_toggled)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self.actions_ = menus.build(self)
        self.exercise = exercise.attach(self)  # class exercise: mark, then reveal
        self.panel_timer = QTimer(self)
        self.panel_timer.setSingleShot(True)
        self.panel_timer.timeout.connect(self._update_panels)

        self.legend.set_enabled(self.settings.enabled_categories())
        self.apply_look()
        self.settings.restore_layout(self, self._layout_parts())
        article_room.give_articles_room(self)  # the tabs a third, unless a split was saved
        self.set_active(0)
        if restore_drafts and self.autosave is not None:
            self.drafts.offer()
        self.runner.start()
        # The panels pull in matplotlib (~0.5 s): build them once the window is on screen.
        QTimer.singleShot(PANELS_DELAY_MS, self._create_panels)

    def _create_panels(self) -> None:
        self.comparison_panel, self.sources_panel = panels.create(self.tabs)
        if self.comparison_panel is not None:
            self.comparison_panel.metricActivated.connect(self.show_metric)
            self.comparison_panel.frameActivated.connect(
                lambda frame: frame_table.show_frame(self, frame))
        if self.sources_panel is not None:
            self.sources_panel.quoteActivated.connect(
                lambda pane, start, end: self.show_ranges(pane, [(start, end)]))
        self.techniques_panel = panels.create_techniques(self.tabs)
        if self.techniques_panel is not None:
            self.techniques_panel.techniqueActivated.connect(
                lambda pane, start, end: self.show_ranges(pane, [(start, end)]))
        self.aligned_panel = panels.create_aligned(self.tabs)
        if self.aligned_panel is not None:
            self.aligned_panel.groupActivated.connect(self.linker.select_group)
            self.aligned_panel.sentenceActivated.connect(
                lambda pane, start, end: self.show_ranges(pane, [(start, end)]))
            self.linker.groupChanged.connect(self.aligned_panel.select_group)
        panels.set_dark(self.comparison_panel, self.dark)
        self._update_panels()

    # --- opening articles ---------------------------------------------------------------
    def open_paths(self, paths: list[str], first_pane: int | None = None) -> None:
        """Load files: one into `first_pane` (default: the active pane), two into A and B."""
        if len(paths) >= 2 and first_pane is None:
            targets = [0, 1]
        else:
            start = self.active if first_pane is None else first_pane
            targets = [start, 1 - start]
        for pane, path in zip(targets, paths[:2], strict=False):
            self.load_file(pane, path)

    def load_file(self, pane: int, path: str) -> bool:
        """Read `path` into a pane and analyse it; a bad file shows a message in that pane."""
        from framelens import textio

        try:
            loaded = textio.read_text_file(path)
        except textio.InputError as exc:
            self.runner.cancel(pane)
            self.pending[pane] = None
            self.panes[pane].set_article("", None, f"{PANE_NAMES[pane]} \u2014 {Path(path).name}")
            self.panes[pane].show_message(str(exc), error=True)
            self.statusBar().showMessage(str(exc), 10000)
            self._refresh_views()
            self._check_all_done()
            return False
        self.settings.add_recent_file(str(Path(path).resolve()))
        detail = f"{Path(path).name} ({loaded.encoding})"
        self.set_text(pane, loaded.text, Path(path).name, source=str(path), detail=detail)
        return True

    def set_text(self, pane: int, text: str, title: str, source: str | None = None,
                 detail: str = "", draft: bool = False) -> None:
        """Show `text` in a pane and analyse it; `draft` marks it as unsaved (autosaved)."""
        self.panes[pane].set_article(text, source, f"{PANE_NAMES[pane]} \u2014 {title}", detail)
        self.panes[pane].dirty = draft
        if draft:
            self.drafts.timer.start()
        self.analyse(pane)

    def analyse(self, pane: int) -> None:
        """Send the pane's current text to the worker (a newer request supersedes older ones)."""
        self.edit_timers[pane].stop()
        text = self.panes[pane].text()
        if not text.strip():
            self.runner.cancel(pane)
            self.pending[pane] = None
            self.panes[pane].analysis = None
            self.panes[pane].editor.clear_marks()
            self._refresh_views()
            self._check_all_done()
            return
        if self.runner.model_error:
            self.panes[pane].show_message(self._model_message(), error=True)
            self._check_all_done()
            return
        self.pending[pane] = self.runner.request(pane, text, self.panes[pane].source,
                                                 **self.word_lists.options())
        if self.comparison_panel is not None and not self.panel_timer.isActive():
            self.panel_timer.start(PANELS_AFTER_TYPING_MS if self.panes[pane].dirty else 0)
        if self.runner.model_loaded:  # until then the status bar says the model is loading
            self.analysis_status.analysing(PANE_NAMES[pane])

    # --- results --------------------------------------------------------------------------
    def _finished(self, pane: int, request_id: int, analysis) -> None:
        self.pending[pane] = None
        analysis = self.user_marks.corrected(pane, analysis)
        target = self.panes[pane]
        if not target.apply_analysis(analysis):
            # The text changed after this request: the debounce timer will ask again.
            if not self.edit_timers[pane].isActive():
                self.analyse(pane)
            return
        problems = [p for p in [language_problem(analysis.language)] if p]
        if analysis.errors:
            problems.append("Part of the analysis failed: " + "; ".join(analysis.errors))
        notes = [n for n in [frame_table.headline_note(analysis)] if n]
        target.show_message("; ".join(problems + notes), error=bool(analysis.errors),
                            warning=bool(problems))
        self._refresh_views()
        self.analysisApplied.emit(pane)
        self._check_all_done()

    def _failed(self, pane: int, request_id: int, message: str) -> None:
        self.pending[pane] = None
        text = self._model_message() if self.runner.model_error else message
        self.panes[pane].show_message(text, error=True)
        self.statusBar().showMessage(f"{PANE_NAMES[pane]}: {text}", 10000)
        self.analysisFailed.emit(pane, message)
        self._check_all_done()

    def _superseded(self, pane: int, request_id: int) -> None:
        if self.pending[pane] == request_id:
            self.pending[pane] = None
            self._check_all_done()

    def _started(self, pane: int, request_id: int) -> None:
        if self.pending[pane] == request_id:
            self.analysis_status.analysing(PANE_NAMES[pane])

    def _progressed(self, pane: int, request_id: int, fraction: float) -> None:
        if self.pending[pane] == request_id and self.runner.is_latest(pane, request_id):
            self.analysis_status.progress(PANE_NAMES[pane], fraction)

    def _check_all_done(self) -> None:
        if all(v is None for v in self.pending.values()):
            self.analysis_status.idle()
            self.allAnalysed.emit()

    def _model_ready(self) -> None:
        self.analysis_status.model_loaded(True)
        self._update_panels()

    def _model_message(self) -> str:
        return f"The language model is missing or broken: {self.runner.model_error}"

    def _model_failed(self, message: str) -> None:
        self.analysis_status.model_loaded(False)
        self.statusBar().showMessage(self._model_message())
        for pane in self.panes:
            if pane.text().strip():
                pane.show_message(self._model_message(), error=True)

    def _refresh_views(self) -> None:
        analyses = [pane.analysis for pane in self.panes]
        for index, pane in enumerate(self.panes):
            if pane.analysis is None:
                self.legend.set_counts(index, None)
            else:
                self.legend.set_counts(index, pane.editor.counts(),
                                       credited_marks(pane.analysis))
        typing = time.monotonic() - self.last_edit < PANELS_AFTER_TYPING_MS / 1000
        self.panel_timer.start(PANELS_AFTER_TYPING_MS if typing else 0)
        self.summary.set_wordings(summary_wordings(analyses))
        # The desktop adds the application's name ("… — FrameLens"): the title names the
        # articles only, or it would say "FrameLens" twice.
        titles_short = [p.title.text() for p in self.panes if p.text()]
        self.setWindowTitle(" vs ".join(titles_short) if titles_short else "FrameLens")

    def _update_panels(self) -> None:
        titles = [pane.title.text() for pane in self.panes]
        analyses = [pane.analysis for pane in self.panes]
        self.comparison = panels.update(self.comparison_panel, self.sources_panel, analyses,
                                        titles, self._comparison_hint())
        if self.aligned_panel is not None:  # filled first: the linker then shows its choice
            panels.guarded(self.aligned_panel.set_comparison, self.comparison,
                           self._comparison_hint() or "")
        panels.guarded(self.linker.set_comparison, self.comparison)
        if self.techniques_panel is not None:
            panels.guarded(self.techniques_panel.set_analyses, analyses, titles)

    def _comparison_hint(self) -> str | None:
        """While both panes hold text but not both analyses: say the comparison is coming."""
        if not all(pane.text().strip() for pane in self.panes) or self.runner.model_error:
            return None
        return panels.WAITING_HINT if self.runner.model_loaded else panels.LOADING_HINT

    # --- drafts and autosave ----------------------------------------------------------------
    def _edited(self, pane: int) -> None:
        self.last_edit = time.monotonic()
        if self.panel_timer.isActive():
            self.panel_timer.start(PANELS_AFTER_TYPING_MS)
        self.edit_timers[pane].start()
        self.drafts.edited()

    def save_drafts(self) -> None:
        """Autosave the panes if any holds unsaved edits; clear the autosave otherwise."""
        self.drafts.save()

    def restore_drafts(self) -> None:
        """Put the recovered draft text back into the panes."""
        self.drafts.restore()

    # --- view -----------------------------------------------------------------------------
    def set_active(self, pane: int) -> None:
        self.active = pane
        for index, widget in enumerate(self.panes):
            widget.setProperty("active", index == pane)
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def _focus_changed(self, _old, new) -> None:
        for pane in self.panes:
            if new is not None and (new is pane.editor or pane.isAncestorOf(new)):
                self.set_active(pane.index)

    def _categories_toggled(self, enabled: set[str]) -> None:
        self.settings.set_enabled_categories(enabled)
        for pane in self.panes:
            pane.editor.set_style(enabled, self.dark)
        look.scale_chrome(self)

    @property
    def presenting(self) -> bool:
        return self.presenter.active

    def apply_look(self) -> None:
        """Apply theme, contrast and font sizes to the whole window (`look.apply_look`)."""
        look.apply_look(self)

    def fit_legend(self) -> None:
        look.fit_legend(self)

    def set_dark(self, dark: bool) -> None:
        self.dark = dark
        self.settings.set_theme("dark" if dark else "light")
        self.apply_look()

    def zoom(self, steps: int) -> None:
        """Make the text larger (+1) or smaller (-1); 0 resets."""
        size = (PRESENTATION_FONT_SIZE if self.presenting else 13.0) if steps == 0 else (
            self.font_size * (1.15 ** steps))
        self.font_size = round(min(max(size, MIN_FONT_SIZE), MAX_FONT_SIZE), 1)
        if not self.presenting:
            self.settings.set_font_size(self.font_size)
        self.apply_look()

    def set_presenting(self, on: bool, full_screen: bool = True) -> None:
        """Presentation mode: large type, high contrast, the text given the screen (full
        screen unless `full_screen` is False); leaving restores the layout exactly."""
        if on == self.presenting:
            return
        if on:
            self.presenter.enter(PRESENTATION_FONT_SIZE, full_screen)
            self.apply_look()
        else:
            self.presenter.leave()
        self.actions_["present"].setChecked(on)

    def show_explanation(self, html: str) -> None:
        """Fill "Why was this marked?"; rule ids and weights only with Details ticked."""
        self.side.show_explanation(html)

    def _details_toggled(self, on: bool) -> None:
        for pane in self.panes:
            pane.editor.details = on

    def escape(self) -> None:
        """Esc: close the find bar if it is open, else leave presentation mode."""
        if self.find_bar.isVisible():
            self.find_bar.close_bar()
        else:
            self.set_presenting(False)

    def step_mark(self, forward: bool) -> None:
        """Go to the next/previous mark of the legend's selected category in the active pane."""
        category = self.legend.selected_category()
        if category not in self.legend.enabled():
            category = None
        if category == labels.TECHNIQUE and step_technique(self, forward):
            return
        if self.panes[self.active].editor.step(category, forward) is None:
            self.statusBar().showMessage(f"No such marks in {PANE_NAMES[self.active]}.", 4000)

    def replace_loaded(self) -> None:
        """Put the neutral alternative in place of the loaded word at the active pane's
        cursor; otherwise say in the status bar why nothing changed."""
        editor = self.panes[self.active].editor
        mark = editor.replaceable_at_cursor()
        if editor.isReadOnly():
            self.statusBar().showMessage("Turn on Draft Mode to edit the text.", 4000)
        elif mark is None:
            self.statusBar().showMessage(
                "The cursor is on no loaded word with a neutral alternative "
                "(F8 goes to the next mark).", 4000)
        else:
            done = editor.replace_with_alternative(mark)
            if done is not None:
                self.statusBar().showMessage(f"Replaced \u201c{done[0]}\u201d with "
                                             f"\u201c{done[1]}\u201d (Ctrl+Z undoes it).", 6000)

    def show_metric(self, key: str) -> None:
        """Select, in both panes, the marks behind one comparison metric."""
        from framelens.comparison import metric_ranges

        for pane in self.panes:
            if pane.analysis is not None:
                ranges = metric_ranges(pane.analysis, key)
                self.show_ranges(pane.index, [(r.start, r.end) for r in ranges])

    def show_ranges(self, pane: int, ranges: list[tuple[int, int]]) -> None:
        """Select code-point ranges of a pane's analysed text and scroll to them."""
        analysis = self.panes[pane].analysis
        if analysis is not None:
            editor = self.panes[pane].editor
            editor.focus_ranges(ranges, analysis.text)
            # the "Why was this marked?" panel follows every jump, never showing an older mark
            here = editor.textCursor().selectionStart() if ranges else -1
            self.show_explanation(editor.explanation_at(here) if here >= 0 else "")

    # --- persistence and closing -------------------------------------------------------------
    def _layout_parts(self) -> dict:
        return {"state": self, "panes": self.splitter, article_room.SPLIT_KEY: self.vertical}

    def closeEvent(self, event) -> None:
        if not unsaved.confirm_close(self):
            event.ignore()
            return
        self.set_presenting(False)
        if self.presenter.focused_pane is not None:
            self.presenter.toggle_one_pane()
        self.settings.save_layout(self, self._layout_parts())
        self.drafts.close()
        self.runner.close()
        QApplication.instance().focusChanged.disconnect(self._focus_changed)
        event.accept()


def clipboard_text() -> str:
    return QGuiApplication.clipboard().text()
