"""Reference extractor: every other document the letter cites."""
from __future__ import annotations

from .document import Doc
from .header import HeaderResult
from .schema import Reference


def extract_references(doc: Doc, header: HeaderResult) -> list[Reference]:
    return []
