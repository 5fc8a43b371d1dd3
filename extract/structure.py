"""The body's list structure as a tree of sections, items and headings, with spans."""
from __future__ import annotations

from .document import Doc
from .header import HeaderResult


def parse_structure(doc: Doc, header: HeaderResult) -> list:
    return []
