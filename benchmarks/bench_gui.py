"""GUI benchmark (not a test): start-up times and GUI-thread stalls while analysis runs.

Measures, in a fresh process with the real engine on the two seeds:
  * time from process start to the window being shown,
  * time from process start to both seeds being highlighted,
  * the longest gap of a 10 ms timer on the GUI thread while text is typed into a pane and
    re-analysed in the background (typing in bursts so analyses run under the typing),
  * the longest time one keystroke took to be handled,
  * the longest stall in the seconds after both seeds appear (comparison charts drawn).

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui.py [--seconds 8]
       xvfb-run -a .venv/bin/python benchmarks/bench_gui.py
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

from gui_window import ROOT, SEEDS, bench_window

SETTLE_MS = 2500  # after both seeds are drawn, the comparison panel draws its charts
WORDS = ["The", "minister", "said", "the", "plan", "was", "clearly", "a", "disaster", "for",
         "everyone", "involved."]


def child(started: float, seconds: float) -> None:
    """Runs in the measured process; prints one JSON line of results."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    from framelens.gui.app import finish_background_work

    app, window = bench_window("framelens-bench-")
    results: dict[str, float] = {}
    QTimer.singleShot(0, lambda: results.setdefault("shown_s", time.time() - started))
    window.open_paths(SEEDS)

    gaps: list[float] = []
    keys: list[float] = []
    analyses = [0]
    clock = QElapsedTimer()
    ticker = QTimer()
    ticker.setInterval(10)

    def tick() -> None:
        gaps.append(clock.restart())

    ticker.timeout.connect(tick)
    window.runner.finished.connect(lambda *_: analyses.__setitem__(0, analyses[0] + 1))
    typed = [0]
    typing_end = [0.0]
    typist = QTimer()
    typist.setInterval(40)

    def type_word() -> None:
        if time.time() > typing_end[0]:
            typist.stop()
            ticker.stop()
            QTimer.singleShot(0, finish)
            return
        typed[0] += 1
        if typed[0] % 12 == 0:
            typist.setInterval(650)  # a pause: the edit timer fires and an analysis starts
        else:
            typist.setInterval(40)
        editor = window.panes[0].editor
        editor.moveCursor(QTextCursor.MoveOperation.End)
        timer = QElapsedTimer()
        timer.start()
        QTest.keyClicks(editor, WORDS[typed[0] % len(WORDS)] + " ")
        keys.append(timer.elapsed())

    typist.timeout.connect(type_word)

    def both_done() -> None:
        if "highlighted_s" in results or not all(p.analysis for p in window.panes):
            return
        results["highlighted_s"] = time.time() - started
        clock.start()
        ticker.start()
        QTimer.singleShot(SETTLE_MS, start_typing)

    def start_typing() -> None:
        settle = gaps[1:]
        results["settle_stall_ms"] = max(settle, default=0)
        gaps.clear()
        analyses[0] = 0
        typing_end[0] = time.time() + seconds
        clock.restart()
        typist.start()

    window.allAnalysed.connect(both_done)

    def finish() -> None:
        steady = gaps[1:]
        results.update(max_stall_ms=max(steady, default=0), median_tick_ms=sorted(steady)[
            len(steady) // 2] if steady else 0, ticks=len(steady), max_key_ms=max(keys, default=0),
            keystrokes=len(keys), analyses_during_typing=analyses[0])
        print(json.dumps(results), flush=True)
        for pane in window.panes:  # the typing is not the user's: no "save changes?" box
            pane.dirty = False
        window.close()

    QTimer.singleShot(180_000, finish)
    app.exec()
    finish_background_work()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0, help="how long to type")
    parser.add_argument("--child", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.seconds)
        return 0
    started = time.time()
    done = subprocess.run([sys.executable, __file__, "--child", repr(started), "--seconds",
                           str(args.seconds)], capture_output=True, text=True, cwd=ROOT)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        print(done.stderr, file=sys.stderr)
        return 1
    result = json.loads(lines[-1])
    print(f"window shown:          {result['shown_s']:.2f} s after process start (target <= 1.5)")
    print(f"both seeds highlighted: {result['highlighted_s']:.2f} s (target <= 5)")
    print(f"longest GUI stall:      {result['max_stall_ms']:.0f} ms while typing "
          f"{result['keystrokes']} words with {result['analyses_during_typing']} re-analyses "
          f"(median tick {result['median_tick_ms']:.0f} ms; target: no stall > 100 ms)")
    print(f"slowest keystroke:      {result['max_key_ms']:.0f} ms")
    print(f"longest stall while the panels redraw after the seeds appear: "
          f"{result['settle_stall_ms']:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
