"""Small helpers the rule modules share: whole-text spans and span merging."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from ..engine import Hit
from ..lexicon import Span, quoted, spans, words


def whole(text: str) -> Span:
    """The span of ``text`` without its surrounding blanks (for "something is missing")."""
    start = len(text) - len(text.lstrip())
    return (start, len(text.rstrip()))


def merge(found: Iterable[Span]) -> list[Span]:
    """Sorted spans with overlapping ones joined."""
    out: list[Span] = []
    for start, end in sorted(found):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def hits(text: str, found: Iterable[Span], detail: str) -> list[Hit]:
    """One hit per span; ``detail`` may use ``{word}`` for the quoted words at that span."""
    return [Hit(s, detail.format(word=quoted(text, [s]))) for s in merge(found)]


def matches(text: str, *patterns: re.Pattern[str]) -> list[Span]:
    """All spans where any of ``patterns`` matches."""
    return merge(s for p in patterns for s in spans(p, text))


HORIZON_PREFIX = re.compile(r"^\W*(?:(?:now|next|later)\s*[:\-–]\s*)?", re.IGNORECASE)


def body_start(text: str) -> int:
    """Where the statement proper starts, after blanks, bullets and a "Now:" style prefix."""
    return HORIZON_PREFIX.match(text).end()  # type: ignore[union-attr]


def words_outside(text: str, start: int, end: int, skip: list[Span],
                  skip_starts: list[int] | None = None) -> list[re.Match[str]]:
    """The words of ``text[start:end]`` (offsets relative to ``start``) that do not begin inside
    one of the sorted, non-overlapping ``skip`` spans (e.g. the dates of a timeline); pass
    ``skip_starts`` (their starts) when calling it in a loop."""
    starts = [s for s, _ in skip] if skip_starts is None else skip_starts
    kept = []
    for w in words(text[start:end]):
        at = start + w.start()
        i = bisect_right(starts, at) - 1
        if i < 0 or not skip[i][0] <= at < skip[i][1]:
            kept.append(w)
    return kept
