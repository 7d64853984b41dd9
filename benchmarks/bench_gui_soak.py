"""GUI soak benchmark (not a test): a lesson's worth of use in one window, and its memory.

Opens the two seeds with the real engine, then runs rounds of what a class does: legend
toggles, theme switches, zoom steps, and typing followed by the re-analysis it triggers.
After each round it collects garbage and reads the resident set size. Memory is reported
against the first round in the same process (the baseline), so a noisy machine does not
matter: a window that keeps its memory flat ends near 1.00x. It also reports how the
reference count of `None` moved (PySide6 6.12.0 on Python 3.11 lost one per redrawn mark).

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui_soak.py [--rounds 8]
       [--actions 500]
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import sys
import time
from pathlib import Path

from gui_window import SEEDS, bench_window


def rss_mib() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize() / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--actions", type=int, default=500, help="actions per round")
    args = parser.parse_args()

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    from framelens import labels
    from framelens.gui.app import finish_background_work

    app, window = bench_window("framelens-soak-")

    def wait_for(signal, timeout_ms: int = 120_000) -> None:
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        signal.disconnect(loop.quit)

    window.open_paths(SEEDS)
    wait_for(window.allAnalysed)
    toggled = [labels.OPINION, labels.LOADED, labels.QUOTE_CONTENT, labels.HEDGE]
    editor = window.panes[1].editor
    none_before = sys.getrefcount(None)
    rounds: list[dict[str, float]] = []
    started = time.perf_counter()
    for number in range(args.rounds):
        for step in range(args.actions):
            category = toggled[step % len(toggled)]
            window.legend.set_toggle(category, category not in window.legend.enabled())
            if step % 50 == 0:
                window.set_dark(not window.dark)
            if step % 50 == 25:
                window.zoom(1 if step % 100 == 25 else -1)
            app.processEvents()
        editor.moveCursor(QTextCursor.MoveOperation.End)
        QTest.keyClicks(editor, f" Round {number} was a disaster.")
        wait_for(window.analysisApplied)
        gc.collect()
        rounds.append({"round": number + 1, "rss_mib": round(rss_mib(), 1),
                       "none_refcount_change": sys.getrefcount(None) - none_before})
    base = rounds[0]["rss_mib"]
    result = {
        "actions": args.rounds * args.actions,
        "seconds": round(time.perf_counter() - started, 1),
        "rss_first_round_mib": base,
        "rss_last_round_mib": rounds[-1]["rss_mib"],
        "rss_growth_ratio": round(rounds[-1]["rss_mib"] / base, 3),
        "rss_growth_mib_per_1000_actions": round(
            (rounds[-1]["rss_mib"] - base) / max((args.rounds - 1) * args.actions, 1) * 1000, 2),
        "none_refcount_change": rounds[-1]["none_refcount_change"],
        "rounds": rounds,
    }
    for pane in window.panes:
        pane.dirty = False  # the typed words are the benchmark's, not a draft to keep
    window.close()
    finish_background_work()
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
