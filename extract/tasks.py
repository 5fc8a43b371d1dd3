"""Task extractor: each piece of work the letter orders, with assignees and deadline."""
from __future__ import annotations

from .document import Doc
from .header import HeaderResult
from .schema import Deadline, Task


def extract_tasks(doc: Doc, header: HeaderResult, structure: list, deadlines: list[Deadline],
                  abbreviations: dict[str, str]) -> list[Task]:
    return []
