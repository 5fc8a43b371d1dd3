"""Deadline extractor: every time limit the letter sets, resolved to ISO dates."""
from __future__ import annotations

from .document import Doc
from .header import HeaderResult
from .schema import Deadline


def extract_deadlines(doc: Doc, header: HeaderResult) -> list[Deadline]:
    return []
