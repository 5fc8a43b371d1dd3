"""Abbreviations defined inline: "cải cách hành chính (CCHC)"."""
from __future__ import annotations

from .document import Doc


def extract_abbreviations(doc: Doc) -> dict[str, str]:
    return {}
