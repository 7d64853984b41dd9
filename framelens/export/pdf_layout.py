"""Cutting article text into pages by hand, where ReportLab's frames cannot do it alone.

Two layouts need it: the side-by-side handout, where each article flows down its own column
(`column_pieces`), and notes at the foot of the page (`footnoted_pages`), where each page
carries the notes of exactly the tags printed on it. Paragraphs are split across pages as a
frame would split them; the tags a part holds are read from its superscript runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.platypus import Flowable

from framelens.export.pdf_article import Note, Para


@dataclass
class Page:
    """One page of an article: the text from the top, the notes (with the tags they
    explain) at the foot, and the height left free between them."""

    text: list[Flowable] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    free: float = 0.0


def column_pieces(flow: list[Flowable], width: float, height: float) -> list[list[Flowable]]:
    """Cut a column of flowables into pieces no taller than `height`, splitting paragraphs
    (and keeping a whole flowable that cannot split and is taller than a page alone)."""
    pieces: list[list[Flowable]] = []
    current: list[Flowable] = []
    room = height
    queue = list(flow)
    while queue:
        item = queue.pop(0)
        before = item.getSpaceBefore() if current else 0.0
        tall = _height(item, width, max(room - before, 0.0))
        if before + tall + item.getSpaceAfter() <= room:
            current.append(item)
            room -= before + tall + item.getSpaceAfter()
            continue
        parts = item.split(width, room - before) if room - before > 0 else []
        if len(parts) >= 2:
            current.append(parts[0])
            queue[:0] = parts[1:]
        elif not current:
            current.append(item)
        else:
            queue.insert(0, item)
        pieces.append(current)
        current, room = [], height
    if current:
        pieces.append(current)
    return pieces


def footnoted_pages(head: Sequence[Flowable], paras: Sequence[Para], width: float,
                    height: float, rule_height: float) -> list[Page]:
    """Lay `head` and the paragraphs out on pages of `height`, each paragraph's notes at the
    foot of the page that prints its tags (`rule_height` is the rule above the notes)."""
    pages = [Page(free=height)]
    queue: list[tuple[Flowable, list[Note]]] = [(item, []) for item in head]
    queue += [(para.text, list(para.notes)) for para in paras]
    while queue:
        item, notes = queue.pop(0)
        page = pages[-1]
        before = item.getSpaceBefore() if page.text else 0.0
        below = _notes_height(notes, width, not page.notes, rule_height)
        tall = _height(item, width, max(page.free - before - below, 0.0))
        if before + tall + item.getSpaceAfter() + below <= page.free:
            _place(page, item, before + tall + item.getSpaceAfter() + below, notes)
            continue
        parts = _split(item, width, page.free - before - below)
        if parts:
            first, rest = parts[0], parts[1:]
            here, later = _notes_of(first, notes)
        else:
            # Its notes alone fill the room: give the text less until its part's notes fit
            # (on an empty page the smallest split is taken even if nothing fits).
            fitting = _fitting_part(item, notes, width, page.free - before, rule_height,
                                    not page.notes, must=not page.text)
            if fitting is not None:
                first, rest, here, later = fitting
                parts = [first, *rest] if rest else []
        if parts:
            size = before + _height(first, width, page.free) + _notes_height(
                here, width, not page.notes, rule_height)
            _place(page, first, size, here)
            queue[:0] = [(rest[0], later)] + [(part, []) for part in rest[1:]]
        elif not page.text:
            # Taller than a page and unsplittable: it stands alone (the frame may shrink it).
            _place(page, item, page.free, notes)
        else:
            queue.insert(0, (item, notes))
        pages.append(Page(free=height))
    return [page for page in pages if page.text]


def _notes_of(part: Flowable, notes: list[Note]) -> tuple[list[Note], list[Note]]:
    """The notes whose (first) tag this part prints, and the rest."""
    tags = tags_in(part)
    here = [n for n in notes if n[0] and n[0][0] in tags]
    return here, [n for n in notes if n not in here]


def _fitting_part(item: Flowable, notes: list[Note], width: float, free: float,
                  rule_height: float, first_notes: bool, must: bool
                  ) -> tuple[Flowable, list[Flowable], list[Note], list[Note]] | None:
    """Split `item` so that its first part and that part's notes fit in `free`, halving the
    text's room as needed. If nothing fits: the smallest split when `must`, else None."""
    room = free / 2
    best = None
    while room > 12:
        parts = _split(item, width, room)
        if parts:
            here, later = _notes_of(parts[0], notes)
            best = (parts[0], parts[1:], here, later)
            used = _height(parts[0], width, free) + _notes_height(here, width, first_notes,
                                                                  rule_height)
            if used <= free:
                return best
        room /= 2
    if not must:
        return None
    return best or (item, [], notes, [])


def tags_in(item: Flowable) -> set[str]:
    """The mark tags ("L12") a paragraph, or a part of one, prints: its superscript runs."""
    lines = getattr(getattr(item, "blPara", None), "lines", None)
    if lines is not None:
        frags = [word for line in lines for word in getattr(line, "words", ())]
    else:
        frags = list(getattr(item, "frags", ()))
    return {frag.text for frag in frags if getattr(frag, "rise", 0)}


def _place(page: Page, item: Flowable, used: float, notes: list[Note]) -> None:
    page.text.append(item)
    page.notes += notes
    page.free -= used


def _split(item: Flowable, width: float, room: float) -> list[Flowable]:
    """A paragraph split so its first part fits `room`; [] when no useful split exists."""
    if room <= 0:
        return []
    parts = item.split(width, room)
    return parts if len(parts) >= 2 else []


def _notes_height(notes: Sequence[Note], width: float, first: bool,
                  rule_height: float) -> float:
    if not notes:
        return 0.0
    total = sum(_height(note, width, 1e6) + note.getSpaceAfter() for _, note in notes)
    return total + (rule_height if first else 0.0)


def _height(item: Flowable, width: float, room: float) -> float:
    return float(item.wrap(width, room)[1])
