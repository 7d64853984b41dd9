"""Start-up check benchmark (not a test): what the display check before Qt costs.

In fresh processes, times `framelens.gui.preflight.display_problem()` (cold: ctypes, the xcb
plugin's libraries, a connection to the X server) and, in the same process after it, making
the QApplication and showing the main window, the baseline it is compared with.

Usage (on X11, where the check does its full work):
    DISPLAY=:0 QT_QPA_PLATFORM=xcb .venv/bin/python benchmarks/bench_startup_check.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

from gui_window import ROOT, bench_window


def child() -> None:
    """Runs in the measured process; prints one JSON line of results."""
    import time

    sys.path.insert(0, str(ROOT))  # this checkout's framelens, not an installed one
    started = time.perf_counter()
    from framelens.gui.preflight import display_problem

    problem = display_problem()
    checked = time.perf_counter()
    from PySide6.QtCore import QTimer

    app, window = bench_window("framelens-bench-")
    shown: dict[str, float] = {}
    QTimer.singleShot(0, lambda: (shown.setdefault("at", time.perf_counter()), app.quit()))
    app.exec()
    window.runner.close()
    print(json.dumps({"check_ms": 1000 * (checked - started),
                      "window_ms": 1000 * (shown["at"] - checked), "problem": problem}),
          flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child()
        return 0
    results = []
    for _ in range(args.runs):
        done = subprocess.run([sys.executable, __file__, "--child"], capture_output=True,
                              text=True, cwd=ROOT)
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        if done.returncode != 0 or not lines:
            print(done.stderr, file=sys.stderr)
            return 1
        results.append(json.loads(lines[-1]))
    check = statistics.median(r["check_ms"] for r in results)
    window = statistics.median(r["window_ms"] for r in results)
    print(f"display check: {check:.1f} ms (median of {args.runs}; problem: "
          f"{results[0]['problem']!r})")
    print(f"QApplication and window shown after it: {window:.0f} ms")
    print(f"check / window: {check / window:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
