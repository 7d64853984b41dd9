"""Test helpers for the window: a fake analyser and a look at what the highlighter drew."""

from __future__ import annotations

import re
import threading

from framelens import labels
from framelens.explain import HEADLINE_MORE_ALARMING
from framelens.model import (
    Analysis,
    Evidence,
    FrameShare,
    FrameTag,
    Genre,
    HeadlineCheck,
    Metrics,
    Quote,
    Sentence,
    Span,
    TextRange,
)

# word -> (category, subtype, alternative)
FAKE_WORDS = {
    "disaster": (labels.LOADED, "emotive", "problem"),
    "awful": (labels.LOADED, "emotive", "bad"),
    "perhaps": (labels.HEDGE, "", None),
    "clearly": (labels.BOOSTER, "", None),
}
# cue word -> frame (a sentence carries the frames of its cue words, in this order)
FAKE_FRAMES = {"money": "economic", "troops": "security_defense", "vote": "political"}
FAKE_QUOTE = re.compile(r"(\w+) (said) \u201c([^\u201d]*)\u201d")


def fake_analyze(text: str, source: str | None = None, progress=None) -> Analysis:
    """A tiny deterministic analyser: marks fixed words, sentences by keyword, quotes by pattern."""
    if "BOOM" in text:
        raise RuntimeError("fake analyser exploded")
    sentences = []
    for match in re.finditer(r"[^.!?\n]+[.!?]?", text):
        body = match.group()
        if not body.strip() or body.startswith("Share"):
            continue
        label = (labels.OPINION if "think" in body
                 else labels.ATTRIBUTED if "said" in body else labels.FACT)
        sentences.append(Sentence(match.start(), match.end(), label, 0.5,
                                  frames=_fake_frames(body, match.start())))
    spans = []
    for word, (category, subtype, alternative) in FAKE_WORDS.items():
        for match in re.finditer(rf"\b{word}\b", text, re.IGNORECASE):
            spans.append(Span(match.start(), match.end(), category, f"fake {category}",
                              f"fake.{word}", subtype, alternative))
    for match in re.finditer(r"^Share.*$", text, re.MULTILINE):
        spans.append(Span(match.start(), match.end(), labels.BOILERPLATE, "page furniture",
                          "fake.share"))
    quotes = [Quote(labels.DIRECT, TextRange(*m.span(3)), TextRange(*m.span(1)),
                    TextRange(*m.span(2)), "fake.quote", m.group(1), "said", labels.CUE_NEUTRAL)
              for m in FAKE_QUOTE.finditer(text)]
    spans.sort(key=lambda s: (s.start, s.end))
    return Analysis(frames=_fake_shares(sentences), headline=_fake_headline(text),
                    text=text, sentences=tuple(sentences), spans=tuple(spans),
                    quotes=tuple(quotes), genre=Genre(labels.GENRE_REPORTING, 0.2),
                    metrics=Metrics(sentence_count=len(sentences)), source=source,
                    title=text.strip().splitlines()[0][:60] if text.strip() else "")


def _fake_frames(body: str, offset: int) -> tuple[FrameTag, ...]:
    tags = []
    for word, frame in FAKE_FRAMES.items():
        found = re.search(rf"\b{word}\b", body, re.IGNORECASE)
        if found:
            evidence = Evidence(f"fake.frame.{word}.cue", f"the word {found.group()!r}",
                                offset + found.start(), offset + found.end(), 1.0,
                                found.group())
            tags.append(FrameTag(frame, 0.8, (evidence,)))
    return tuple(tags)


def _fake_shares(sentences: list[Sentence]) -> tuple[FrameShare, ...]:
    counts: dict[str, int] = {}
    for sentence in sentences:
        for frame in sentence.frame_ids:
            counts[frame] = counts.get(frame, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return tuple(FrameShare(f, n / len(sentences), n) for f, n in ranked)


def _fake_headline(text: str) -> HeadlineCheck | None:
    """A headline finding when the first line shouts ALARM."""
    first = text.split("\n", 1)[0]
    if "ALARM" not in first:
        return None
    return HeadlineCheck(TextRange(0, len(first)), None, (), (), -0.8, 0.0, 0.2, 0.2,
                         (HEADLINE_MORE_ALARMING,))


class FakeAnalyzer:
    """Injectable analyser that records its calls and can be held at a gate."""

    def __init__(self):
        self.calls: list[str] = []
        self.gate: threading.Event | None = None
        self.entered = threading.Event()

    def hold(self) -> None:
        self.gate = threading.Event()
        self.entered.clear()

    def release(self) -> None:
        if self.gate is not None:
            self.gate.set()

    def __call__(self, text: str, source: str | None = None, progress=None) -> Analysis:
        self.calls.append(text)
        self.entered.set()
        if self.gate is not None:
            self.gate.wait(20)
        return fake_analyze(text, source)


class SteppedAnalyzer:
    """Reports progress, then waits for one `step()` per call before finishing.

    Each call reports `first` (in many tiny increments, as the engine's parser does),
    waits for a step, reports `second`, and returns the fake analysis.
    """

    def __init__(self, first: float = 0.3, second: float = 0.8):
        self.first, self.second = first, second
        self.steps = threading.Semaphore(0)
        self.calls: list[str] = []
        self.waited = 0  # calls that reached the wait

    def step(self) -> None:
        self.steps.release()

    def release(self) -> None:
        for _ in range(10):
            self.steps.release()

    def __call__(self, text: str, source: str | None = None, progress=None) -> Analysis:
        self.calls.append(text)
        for tick in range(1, 1001):
            progress(self.first * tick / 1000)
        self.waited += 1
        self.steps.acquire(timeout=20)
        progress(self.second)
        return fake_analyze(text, source)


class MessageBoxes:
    """Answers every QMessageBox run with exec() without showing it (no modal blocks a
    test): clicks the button whose label starts with the next queued answer; with none
    queued, the "Discard" button if the box has one, else its escape button. Records the
    questions asked."""

    def __init__(self, monkeypatch):
        from PySide6.QtWidgets import QMessageBox

        self.asked: list[str] = []
        self.answers: list[str] = []
        monkeypatch.setattr(QMessageBox, "exec", lambda box: self._exec(box))

    def _exec(self, box) -> int:
        from PySide6.QtWidgets import QMessageBox

        self.asked.append(box.text())
        labels_ = {button.text().replace("&", ""): button for button in box.buttons()}
        if self.answers:
            answer = self.answers.pop(0)
            button = next(b for text, b in labels_.items() if text.startswith(answer))
        else:
            discard = [b for b in box.buttons()
                       if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole]
            button = discard[0] if discard else box.escapeButton()
        if button is not None:
            button.click()
        return 0


def drawn(editor, predicate) -> list[str]:
    """Texts of the segments the highlighter draws with a format matching `predicate`."""
    from PySide6.QtGui import QTextCursor

    found = []
    block = editor.document().begin()
    while block.isValid():
        for item in block.layout().formats():
            if predicate(item.format):
                cursor = QTextCursor(editor.document())
                cursor.setPosition(block.position() + item.start)
                cursor.setPosition(block.position() + item.start + item.length,
                                   QTextCursor.MoveMode.KeepAnchor)
                found.append(cursor.selectedText())
        block = block.next()
    return found
