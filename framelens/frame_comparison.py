"""Two articles' frames side by side: profiles, primary frames, frames only one uses, and
the contrast in one or two sentences of plain words."""

from __future__ import annotations

from dataclasses import dataclass

from framelens.explain import frame_name
from framelens.model import Analysis, TextRange

# A frame counts as used when at least this share of the article's sentences carry it.
USED_SHARE = 0.05


@dataclass(frozen=True)
class FrameRow:
    """One frame's share of the sentences of A and of B."""

    frame: str
    name: str
    a: float
    b: float

    @property
    def difference(self) -> float:
        """B minus A, in share points (0..1)."""
        return self.b - self.a


def _shares(analysis: Analysis) -> dict[str, float]:
    return {f.frame: f.share for f in analysis.frames}


def frame_rows(a: Analysis, b: Analysis) -> tuple[FrameRow, ...]:
    """Every frame either article uses, the larger share first."""
    share_a, share_b = _shares(a), _shares(b)
    frames = sorted(set(share_a) | set(share_b),
                    key=lambda f: (-max(share_a.get(f, 0.0), share_b.get(f, 0.0)), f))
    return tuple(FrameRow(f, frame_name(f), share_a.get(f, 0.0), share_b.get(f, 0.0))
                 for f in frames)


def only_in(a: Analysis, b: Analysis) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The frames A uses and B does not, and the other way round (see `USED_SHARE`)."""
    share_a, share_b = _shares(a), _shares(b)
    used_a = {f for f, s in share_a.items() if s >= USED_SHARE}
    used_b = {f for f, s in share_b.items() if s >= USED_SHARE}
    only_a = tuple(f for f in share_a if f in used_a and f not in share_b)
    only_b = tuple(f for f in share_b if f in used_b and f not in share_a)
    return only_a, only_b


def _names(frames: tuple[str, ...] | list[str]) -> str:
    words = [frame_name(f).lower() for f in frames]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def frame_contrasts(a: Analysis, b: Analysis, name_a: str = "A", name_b: str = "B") -> list[str]:
    """One or two sentences on how A and B frame the story differently (none without frames)."""
    if not a.frames or not b.frames:
        return []
    first_a, first_b = a.frames[0], b.frames[0]
    lines = []
    if first_a.frame == first_b.frame:
        lines.append(f"Both frame the story mainly as {frame_name(first_a.frame).lower()} "
                     f"({name_a} {first_a.share:.0%} of sentences, {name_b} "
                     f"{first_b.share:.0%}).")
    else:
        lines.append(f"{name_a} frames the story mainly as {frame_name(first_a.frame).lower()} "
                     f"({first_a.share:.0%} of sentences); {name_b} as "
                     f"{frame_name(first_b.frame).lower()} ({first_b.share:.0%}).")
    only_a, only_b = only_in(a, b)
    if only_a or only_b:
        parts = [f"only {side} uses {_names(list(frames))}"
                 for side, frames in ((name_a, only_a), (name_b, only_b)) if frames]
        sentence = "; ".join(parts)
        lines.append(sentence[0].upper() + sentence[1:] + ".")
    else:
        rows = [r for r in frame_rows(a, b) if r.frame != first_a.frame]
        if rows:
            widest = max(rows, key=lambda r: abs(r.difference))
            if abs(widest.difference) >= 0.1:
                more, less = (name_b, name_a) if widest.difference > 0 else (name_a, name_b)
                high, low = max(widest.a, widest.b), min(widest.a, widest.b)
                lines.append(f"{more} gives {widest.name.lower()} {high:.0%} of its sentences, "
                             f"{less} {low:.0%}.")
    return lines


def frame_ranges(analysis: Analysis, frame: str) -> list[TextRange]:
    """The sentences that carry one frame (for "click a frame, see its sentences")."""
    return [TextRange(s.start, s.end) for s in analysis.sentences_with_frame(frame)]
