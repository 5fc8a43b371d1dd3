"""The shared document that every pipeline step reads and writes (spaCy's ``Doc``, in spirit).

Readers fill ``raw`` (text as extracted, with page boxes for PDFs); ``normalize`` fills ``text``
and ``to_raw``; ``segment`` fills ``tokens`` and ``sentences``; extractors read all of that and
never re-read files or re-normalise. ``provenance(span)`` maps any span of ``text`` back to the
raw input and, for PDFs, to a page and bounding box.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .offsets import OffsetMap
from .schema import BBox, Provenance, Source, Span


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    protected: bool = False  # a document number, symbol or date kept whole


@dataclass
class RawText:
    """What a reader returns: the text as extracted, and where each character sat on the page."""

    text: str
    source: Source
    # boxes[i] = (page, x0, top, x1, bottom) of raw character i, or None where unknown (PDFs only)
    boxes: list[tuple[int, float, float, float, float] | None] | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class Doc:
    raw: RawText
    text: str
    to_raw: OffsetMap
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)

    @property
    def source(self) -> Source:
        return self.raw.source

    def raw_span(self, span: Span) -> Span:
        return self.to_raw.source_span(span)

    def page_box(self, span: Span) -> tuple[int | None, BBox | None]:
        """The page of the span's first character and the box around its characters on that page."""
        boxes = self.raw.boxes
        if not boxes:
            return None, None
        start, end = self.raw_span(span)
        hits = [b for b in boxes[start:end] if b is not None]
        if not hits:
            return None, None
        page = hits[0][0]
        on_page = [b for b in hits if b[0] == page]
        return page, (
            min(b[1] for b in on_page),
            min(b[2] for b in on_page),
            max(b[3] for b in on_page),
            max(b[4] for b in on_page),
        )

    def provenance(self, span: Span) -> Provenance:
        page, bbox = self.page_box(span)
        return Provenance(span=span, page=page, bbox=bbox)

    def lines(self) -> tuple[Span, ...]:
        """Spans of the normalised text's lines (one paragraph, or one header line, each),
        computed once: every extractor walks them."""
        return self._lines

    @cached_property
    def _lines(self) -> tuple[Span, ...]:
        out, pos = [], 0
        for part in self.text.split("\n"):
            out.append((pos, pos + len(part)))
            pos += len(part) + 1
        return tuple(out)
