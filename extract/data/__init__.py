"""Vocabularies and patterns as data: TOML tables read once, eyecite-style.

Each table is a ``*.toml`` file beside this module, with a comment on every entry that needs one.
Code reads them through ``load(name)``; adding a document type, an agency head or a date word means
adding a row to a table, not a branch to the code.
"""
from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """The table ``extract/data/<name>.toml`` as a dict."""
    return tomllib.loads(resources.files(__package__).joinpath(f"{name}.toml").read_text(encoding="utf-8"))


def alternation(words: list[str]) -> str:
    """A regex alternation of literal words, longest first so that "Thông tư liên tịch" wins over
    "Thông tư"; spaces match any run of spaces."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def whole_words_re(words: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Any of ``words`` as a whole word (no letter or digit on either side)."""
    return re.compile(rf"(?<!\w)(?:{alternation(words)})(?!\w)", flags)
