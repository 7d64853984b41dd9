"""Soak benchmark: 1,000 varied documents, good and bad, through one process.

Each document is written to a file and goes the way `framelens analyze` takes it:
`textio.read_text_file` (refusals counted), the language check, then `engine.analyze`.
Reports peak RSS, the RSS after 10%, 50% and 100% of the run (after garbage
collection) and the time. Run: `.venv/bin/python benchmarks/bench_soak.py [--count N]`;
`--big 5` instead times one generated 5 MB article and reports its peak memory.
"""

from __future__ import annotations

import argparse
import codecs
import gc
import io
import random
import resource
import sys
import tempfile
import time
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
HOSTILE_HTML = ROOT / "tests" / "data" / "hostile.html"
SPANISH = ("El ayuntamiento aprobó el martes la financiación de un nuevo puente sobre el río. "
           "Según los responsables, las obras comenzarán la próxima primavera y durarán unos "
           "tres años. Los críticos sostienen que el presupuesto es demasiado bajo.\n")
ODD_CHARS = ["\U0001F600", "\u4e2d\u6587", "\u0645\u0631\u062d\u0628\u0627", "\u05e9\u05dc\u05d5",
             "e\u0301", "\u200b", "\u200d", "\x00", "\x07", "\u00ab", "\u00bb", "\u201c", "\u201d",
             "'", '"', "\r\n", "\r", "\n"]


def rss_mib() -> float:
    """Current resident set size in MiB (Linux /proc)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize() / 2**20


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _paragraphs() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    return [line for text in texts for line in text.splitlines() if line.strip()]


def _without_punctuation(paragraphs: list[str]) -> bytes:
    """One 50,000-character line with no sentence punctuation."""
    words = " ".join(paragraphs).translate(str.maketrans("", "", ".!?;:")).split()
    return " ".join(words * 10)[:50_000].encode()


def make_documents(count: int, seed: int = 7) -> list[tuple[str, str, bytes]]:
    """(kind, file name, bytes) for `count` documents: mostly articles, plus every bad kind."""
    rng = random.Random(seed)
    paragraphs = _paragraphs()

    def article(size: int, shuffle: bool = False) -> str:
        picked = [rng.choice(paragraphs) for _ in range(size)]
        if shuffle or rng.random() < 0.3:  # shuffled words: no line repeats (so no boilerplate)
            picked = [" ".join(rng.sample(p.split(), len(p.split()))) for p in picked]
        return rng.choice(["\n", "\n\n", "\r\n"]).join(picked)

    def zipped() -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("a.txt", article(3))
        return buffer.getvalue()

    def html() -> bytes:
        body = "".join(f"<p onclick='x()'>{p}<script>alert(1)</script>" for p in
                       rng.sample(paragraphs, 6))
        return f"<html><head><link href='https://x.invalid/s.css'></head><body>{body}".encode()

    bad: list[tuple[str, str, Callable[[], bytes]]] = [
        ("empty", "txt", lambda: b""),
        ("whitespace", "txt", lambda: b" \n\t\r\n  "),
        ("punctuation", "txt", lambda: b"!!! ... ??? --- 123 4.5"),
        ("single word", "txt", lambda: rng.choice(["Hello", "Disgraceful!", "Yes"]).encode()),
        ("png", "txt", lambda: b"\x89PNG\r\n\x1a\n\x00\x00" + rng.randbytes(2000)),
        ("zip", "txt", zipped),
        ("pdf", "txt", lambda: b"%PDF-1.4\n" + rng.randbytes(2000)),
        ("random bytes", "txt", lambda: rng.randbytes(3000)),
        ("utf-16", "txt", lambda: codecs.BOM_UTF16_LE + article(4).encode("utf-16-le")),
        ("utf-8 bom", "txt", lambda: codecs.BOM_UTF8 + article(4).encode()),
        ("windows-1252", "txt",
         lambda: article(4).encode("cp1252", errors="replace") + b" \x93quoted\x94"),
        ("spanish", "txt", lambda: (SPANISH * 3).encode()),
        ("html", "html", html),
        ("hostile html", "html", HOSTILE_HTML.read_bytes),
        ("quote mess", "txt", lambda: "".join(rng.choice(["\u201c", "\u201d", '"', "'", "\u00ab",
                                                          "\u00bb", " word ", ". "])
                                              for _ in range(400)).encode()),
        ("odd characters", "txt", lambda: " ".join(rng.choice(ODD_CHARS + paragraphs[:3])
                                                   for _ in range(200)).encode()),
        ("random unicode", "txt", lambda: "".join(chr(rng.randrange(1, 0x2FFFF)) for _ in
                                                  range(1500)).encode(errors="replace")),
        ("no punctuation 50k", "txt", lambda: _without_punctuation(paragraphs)),
        ("10k one-word lines", "txt",
         lambda: "\n".join(f"word{i}" for i in range(10_000)).encode()),
    ]
    documents: list[tuple[str, str, bytes]] = []
    big_every = max(count // 5, 1)
    for index in range(count):
        if index % big_every == big_every // 10:
            big = article(2_000, shuffle=True)
            documents.append((f"big article ({len(big) // 1000}k chars)", "txt", big.encode()))
        elif index % 4 == 1:
            kind, suffix, make = bad[(index // 4) % len(bad)]
            documents.append((kind, suffix, make()))
        else:
            documents.append(("article", "txt", article(rng.randint(3, 40)).encode()))
    return documents


def run(count: int) -> None:
    from framelens import engine, textio
    from framelens.language import detect_language
    from framelens.nlp.pipeline import load_pipeline, model_name

    load_pipeline()
    documents = make_documents(count)
    checkpoints = {max(count // 10, 1): "10%", max(count // 2, 1): "50%", count: "100%"}
    outcomes: Counter[str] = Counter()
    memory: dict[str, float] = {}
    chars = 0
    gc.collect()
    start_rss = rss_mib()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        for index, (kind, suffix, content) in enumerate(documents, 1):
            path = Path(folder) / f"doc{index:05d}.{suffix}"
            path.write_bytes(content)
            try:
                text = textio.read_text_file(path).text
            except textio.InputError:
                outcomes[f"refused: {kind}"] += 1
            else:
                if detect_language(text).problem():
                    outcomes[f"refused (language/no words): {kind}"] += 1
                else:
                    analysis = engine.analyze(text, str(path))
                    chars += len(text)
                    outcomes["analysed with analyser errors" if analysis.errors
                             else "analysed"] += 1
            path.unlink()
            if index in checkpoints:
                gc.collect()
                memory[checkpoints[index]] = rss_mib()
    elapsed = time.perf_counter() - started
    print(f"FrameLens soak: {count} documents, model {model_name()}, "
          f"Python {sys.version.split()[0]}")
    print(f"time {elapsed:.1f} s; {chars:,} characters analysed ({chars / elapsed:,.0f} chars/s)")
    print(f"RSS before {start_rss:.0f} MiB; after 10% {memory['10%']:.0f} MiB, "
          f"50% {memory['50%']:.0f} MiB, 100% {memory['100%']:.0f} MiB; "
          f"peak {peak_rss_mib():.0f} MiB")
    growth = memory["100%"] - memory["10%"]
    print(f"growth from 10% to 100%: {growth:+.0f} MiB "
          f"({growth / memory['10%']:+.1%})")
    for outcome, number in sorted(outcomes.items()):
        print(f"  {number:4d}  {outcome}")


def run_big(megabytes: float) -> None:
    """Analyse one generated article of `megabytes` MB and report time and peak memory."""
    from framelens import engine
    from framelens.nlp.pipeline import load_pipeline

    load_pipeline()
    rng = random.Random(11)
    paragraphs = _paragraphs()
    parts: list[str] = []
    size = 0
    while size < megabytes * 1e6:
        words = rng.choice(paragraphs).split()
        parts.append(" ".join(rng.sample(words, len(words))))  # shuffled: no repeated lines
        size += len(parts[-1]) + 2
    text = "\n\n".join(parts)
    before = peak_rss_mib()
    started = time.perf_counter()
    analysis = engine.analyze(text)
    elapsed = time.perf_counter() - started
    print(f"big article: {len(text):,} characters, {len(text.split()):,} words, "
          f"{len(analysis.sentences):,} sentences; time {elapsed:.1f} s; "
          f"peak RSS {before:.0f} MiB before, {peak_rss_mib():.0f} MiB after")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="documents to analyse")
    parser.add_argument("--big", type=float, metavar="MB",
                        help="instead, analyse one generated article of this many MB")
    args = parser.parse_args()
    if args.big:
        run_big(args.big)
    else:
        run(args.count)


if __name__ == "__main__":
    main()
