"""Offset maps: every character of a rewritten text remembers where it came from.

A rewrite is a list of edits ``(start, end, replacement)`` over the old text. ``rewrite`` applies
them and returns the new text with an ``OffsetMap`` from new offsets to old ones; maps compose, so
the normalised text of a letter maps straight back to the raw input, and a PDF reader can map
the raw text on to pages and boxes.
"""
from __future__ import annotations

from array import array
from collections.abc import Iterable

Edit = tuple[int, int, str]


class OffsetMap:
    """``source(i)`` is the offset in the source text of character ``i`` of the derived text.

    The map holds one entry per derived character plus one for the end, so spans map as
    ``[source(start), source_end(end))``.
    """

    __slots__ = ("_to_source",)

    def __init__(self, to_source: array):
        self._to_source = to_source

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls(array("q", range(length + 1)))

    def __len__(self) -> int:
        return len(self._to_source) - 1

    def source(self, offset: int) -> int:
        return self._to_source[offset]

    def source_end(self, end: int) -> int:
        """The source offset just past derived character ``end - 1``."""
        if end <= 0:
            return self._to_source[0]
        return self._to_source[end - 1] + 1 if end <= len(self) else self._to_source[-1]

    def source_span(self, span: tuple[int, int]) -> tuple[int, int]:
        start, end = span
        return self.source(start), max(self.source(start), self.source_end(end))

    def then(self, later: OffsetMap) -> OffsetMap:
        """The map of a text derived by ``later`` from the text this map derives."""
        mine = self._to_source
        return OffsetMap(array("q", (mine[i] for i in later._to_source)))


def rewrite(text: str, edits: Iterable[Edit]) -> tuple[str, OffsetMap]:
    """Apply non-overlapping edits, sorted by start; return the new text and its map to ``text``.

    Characters of a replacement map to the characters they replace, one by one while both last
    (so an equal-length substitution keeps every offset), the rest to the last replaced one.
    """
    parts: list[str] = []
    to_source = array("q")
    pos = 0
    for start, end, replacement in edits:
        if start < pos:
            raise ValueError(f"overlapping edit at {start} (previous ended at {pos})")
        parts.append(text[pos:start])
        to_source.extend(range(pos, start))
        parts.append(replacement)
        width = end - start
        to_source.extend(start + min(k, width - 1) if width else start for k in range(len(replacement)))
        pos = end
    parts.append(text[pos:])
    to_source.extend(range(pos, len(text) + 1))
    return "".join(parts), OffsetMap(to_source)
