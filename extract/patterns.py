"""Compiled forms of the shapes in ``data/numbers.toml``, shared by every extractor."""
from __future__ import annotations

import re
from functools import cache

from .data import load


@cache
def pattern(name: str) -> re.Pattern[str]:
    return re.compile(load("numbers")["patterns"][name])


def ungrouped(name: str) -> str:
    """A shape's regex without its named groups, to sit inside a larger pattern (or beside other
    shapes with the same group names). The named back-reference of the date separator cannot
    survive the rename, so the separator class is repeated literally."""
    return re.sub(r"\(\?P<\w+>", "(?:", load("numbers")["patterns"][name]).replace("(?P=sep)", "[/.-]")


@cache
def protected_re() -> re.Pattern[str]:
    """Every shape that must stay one token: numbers with symbols, and dates."""
    names = ("party_number_symbol", "number_symbol", "numeric_date", "worded_date")
    return re.compile("|".join(f"(?:{ungrouped(n)})" for n in names))
