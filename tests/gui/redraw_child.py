"""Child process for the survival test: redraws a highlighted pane until a call budget is spent.

Prints one JSON line: how many `setFormat` calls the highlighter made and how the reference
count of `None` moved. Exits with status 3 as soon as that count has fallen by more than
`LOST_REFERENCES_ALLOWED` (a binding that drops references to `None` would otherwise run
Python into a "none_dealloc" abort, as PySide6 6.12.0 does on Python 3.11).
"""

from __future__ import annotations

import json
import sys

from fakes import fake_analyze
from PySide6.QtWidgets import QApplication

from framelens import labels
from framelens.gui.app import configure_application
from framelens.gui.textpane import ArticlePane, MarkHighlighter

LOST_REFERENCES_ALLOWED = 200
LINE = "I think it was a disaster, perhaps. Share this. He said \u201cclearly awful\u201d today."


def main(budget: int) -> int:
    app = QApplication(sys.argv[:1])
    configure_application(app)
    calls = 0
    set_format = MarkHighlighter.setFormat

    def counting_set_format(self, *args):
        nonlocal calls
        calls += 1
        return set_format(self, *args)

    MarkHighlighter.setFormat = counting_set_format
    pane = ArticlePane(0)
    text = "\n".join(f"{number}. {LINE}" for number in range(1000))
    pane.set_article(text, None, "Redraw test")
    pane.apply_analysis(fake_analyze(text))
    pane.resize(900, 700)
    pane.show()
    every = set(labels.STYLED_CATEGORIES)
    before = sys.getrefcount(None)
    redraws = 0
    result = {"redraws": 0, "set_format_calls": 0, "none_refcount_change": 0}
    while calls < budget:
        # a legend toggle and a theme switch, as a class does them: each redraws the pane
        pane.editor.set_style(every - {labels.OPINION} if redraws % 2 else every,
                              dark=bool(redraws % 4 >= 2))
        redraws += 1
        change = sys.getrefcount(None) - before
        result = {"redraws": redraws, "set_format_calls": calls, "none_refcount_change": change}
        if change < -LOST_REFERENCES_ALLOWED:
            print(json.dumps(result), flush=True)
            return 3
    app.processEvents()
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1])))
