"""Dates as printed ("17/4/2018", "ngày 05 tháng 11 năm 2025") → ISO strings, with spans.

Shapes live in ``data/numbers.toml``; this module only validates and converts them.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .patterns import pattern
from .schema import Span


@dataclass(frozen=True)
class DateMatch:
    span: Span
    iso: str
    text: str


def iso_date(day: int | str, month: int | str, year: int | str) -> str | None:
    """``YYYY-MM-DD``, or None when the parts do not make a calendar date."""
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except (TypeError, ValueError):
        return None


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMatch]:
    """Every complete printed date in ``text[start:end]``, in order, spans into ``text``."""
    end = len(text) if end is None else end
    found: list[DateMatch] = []
    for name in ("worded_date", "numeric_date"):
        for m in pattern(name).finditer(text, start, end):
            value = iso_date(m["day"], m["month"], m["year"])
            if value and not any(f.span[0] <= m.start() < f.span[1] for f in found):
                found.append(DateMatch(m.span(), value, m.group()))
    return sorted(found, key=lambda d: d.span)
