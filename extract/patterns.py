"""Compiled forms of the shapes in ``data/numbers.toml``, shared by every extractor."""
from __future__ import annotations

import re
from functools import cache

from .data import load


@cache
def pattern(name: str) -> re.Pattern[str]:
    return re.compile(load("numbers")["patterns"][name])


@cache
def protected_re() -> re.Pattern[str]:
    """Every shape that must stay one token: numbers with symbols, and dates."""
    names = ("party_number_symbol", "number_symbol", "numeric_date", "worded_date")
    parts = [re.sub(r"\(\?P<\w+>", "(?:", load("numbers")["patterns"][n]) for n in names]
    # named back-references cannot survive the rename: the date separator is repeated literally
    parts = [p.replace("(?P=sep)", "[/.-]") for p in parts]
    return re.compile("|".join(f"(?:{p})" for p in parts))
