"""Abbreviations defined inline: "cải cách hành chính (CCHC)" → {"CCHC": "cải cách hành chính"}.

An abbreviation in parentheses ("(CCHC)", "(TN&MT)", "(sau đây gọi tắt là UBND tỉnh)") is kept
only when its capital letters are the initials of the words printed just before it, walking back
from the parenthesis: each letter is the first letter of one word (diacritics ignored, but Đ is
its own letter), "&" stands for "và", "và" may also be dropped, and "." or "-" stand for nothing.
A word written out in the abbreviation ("UBND tỉnh") must be printed as it is. When the letters
do not fit, nothing is recorded: a wrong expansion is worse than none. The first definition of
an abbreviation wins (one printed in an upper-case heading gives way to a later one in running
text). A few two-letter conventions ("TW" for "trung ương") come from the table.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache

from .data import alternation, load
from .document import Doc


@cache
def _table() -> dict:
    return load("inline_abbreviations")


@cache
def _definition_re() -> re.Pattern[str]:
    """"(CCHC)", "(TN&MT)", "(sau đây gọi tắt là UBND tỉnh)": the abbreviation in group ``abbr``."""
    lead = alternation(_table()["lead_ins"])
    acronym = r"[A-ZĐ][A-ZĐ&.\-–]*[A-ZĐ]"
    return re.compile(rf"\(\s*(?:(?i:{lead})\s*:?\s*)?(?P<abbr>{acronym}(?:\s+[^\W\d_]+){{0,3}})\s*\)")


def extract_abbreviations(doc: Doc) -> dict[str, str]:
    text = doc.text
    found: dict[str, str] = {}
    for m in _definition_re().finditer(text):
        abbr = m["abbr"]
        if abbr in found and not found[abbr].isupper():
            continue  # the first definition wins, unless it was printed in an upper-case heading
        line_start = text.rfind("\n", 0, m.start()) + 1
        expansion = expand(abbr, text[line_start:m.start()])
        if expansion:
            found[abbr] = expansion
    return found


def expand(abbr: str, before: str) -> str | None:
    """The words at the end of ``before`` that ``abbr`` abbreviates, as printed, or None."""
    table = _table()
    words = [w for w in re.finditer(r"[^\s,;:()\"“”]+", before)][-table["max_words"]:]
    if not words or not before[words[-1].end():].strip(" ,") == "":
        return None
    parts = abbr.split()
    acronym, spelled = parts[0], [p.lower() for p in parts[1:]]
    # words written out in the abbreviation ("UBND tỉnh") close the name as printed
    if spelled:
        tail = [w.group().lower() for w in words[-len(spelled):]]
        if tail != spelled:
            return None
        words = words[: -len(spelled)]
    letters = [c for c in acronym.upper() if c not in table["separators"]]
    start = _match(letters, [w.group() for w in words], table)
    if start is None:
        return None
    return before[words[start].start():].rstrip(" ,")


def _match(letters: list[str], words: list[str], table: dict) -> int | None:
    """The index of the first word when ``letters`` are the initials of ``words[i:]``, else None."""
    conjunctions = set(table["conjunctions"])

    def walk(i: int, j: int) -> int | None:
        if i < 0:
            return j + 1 if j + 1 < len(words) and words[j + 1].lower() not in conjunctions else None
        if j < 0:
            return None
        word = words[j]
        if word in table["separators"]:
            return walk(i, j - 1)
        if letters[i] == "&":
            return walk(i - 1, j - 1) if word.lower() in conjunctions else None
        if word.lower() in conjunctions:
            return walk(i, j - 1)  # "Khoa học và Công nghệ (KHCN)": the "và" left out
        compound = table["compounds"].get("".join(letters[i - 1:i + 1])) if i > 0 else None
        if compound and j > 0 and " ".join(words[j - 1:j + 1]).lower() == compound:
            return walk(i - 2, j - 2)  # "Ngân sách trung ương (NSTW)"
        return walk(i - 1, j - 1) if _initial(word) == letters[i] else None

    return walk(len(letters) - 1, len(words) - 1)


def _initial(word: str) -> str:
    """The first letter, upper-cased, diacritics dropped except that Đ stays Đ."""
    first = word[0].upper()
    if first == "Đ":
        return first
    return unicodedata.normalize("NFD", first)[0]
