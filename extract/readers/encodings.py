"""Legacy Vietnamese encodings in PDF text layers (TCVN3/ABC, VNI) → Unicode, from data tables.

An encoding is recognised by its font name (".VnTime", "VNI-Times") or, where the font name says
nothing, by content: text without a single Unicode Vietnamese letter but full of the bytes that are
letters in that encoding. The tables live in ``extract/data/encodings.toml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..data import load

Box = tuple[int, float, float, float, float]

_SUBSET_PREFIX_RE = re.compile(r"^[A-Z]{6}\+")
_LATIN_RE = re.compile(r"[A-Za-z]")
_VIETNAMESE_RE = re.compile(r"[\u1ea0-\u1ef9ăđơưĂĐƠƯ]")


@dataclass(frozen=True)
class Encoding:
    name: str
    fonts: tuple[str, ...]
    capital_suffixes: tuple[str, ...]
    tell: frozenset[str]
    table: dict[str, str]

    @property
    def pattern(self) -> re.Pattern[str]:
        return _pattern(self.name)


@cache
def encodings() -> tuple[Encoding, ...]:
    data = load("encodings")
    return tuple(
        Encoding(name, tuple(spec["fonts"]), tuple(spec["capital_font_suffixes"]),
                 frozenset(spec["tell"]), dict(spec["map"]))
        for name, spec in data.items() if "fonts" in spec
    )


@cache
def _pattern(name: str) -> re.Pattern[str]:
    table = next(e.table for e in encodings() if e.name == name)
    return re.compile("|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)))


def font_encoding(fontname: str) -> tuple[Encoding, bool] | None:
    """The legacy encoding a font name announces, and whether it is a capitals-only font."""
    name = _SUBSET_PREFIX_RE.sub("", fontname or "")
    for enc in encodings():
        if any(fragment.lower() in name.lower() for fragment in enc.fonts):
            return enc, any(name.endswith(s) for s in enc.capital_suffixes)
    return None


def detect(text: str) -> Encoding | None:
    """The legacy encoding ``text`` is in, judged by content alone; None for Unicode text."""
    if _VIETNAMESE_RE.search(text):
        return None
    letters = sum(c.isalpha() for c in text)
    best, best_count = None, 0
    for enc in encodings():
        count = sum(c in enc.tell for c in text)
        if count > best_count:
            best, best_count = enc, count
    if best is not None and best_count >= 3 and best_count >= 0.02 * max(letters, 1):
        return best
    return None


def convert(text: str, boxes: list[Box], encoding: Encoding, capitals: bool = False) -> tuple[str, list[Box]]:
    """``text`` in ``encoding`` as Unicode; a sequence that becomes one letter keeps the union of its
    boxes."""
    out: list[str] = []
    out_boxes: list[Box] = []
    pos = 0
    for m in encoding.pattern.finditer(text):
        for k in range(pos, m.start()):
            out.append(text[k])
            out_boxes.append(boxes[k])
        letter = encoding.table[m.group()]
        merged = union(boxes[m.start():m.end()])
        out.extend(letter)
        out_boxes.extend([merged] * len(letter))
        pos = m.end()
    out.extend(text[pos:])
    out_boxes.extend(boxes[pos:])
    result = "".join(out)
    if capitals:
        result = result.upper()
    return result, out_boxes


@cache
def _cyrillic() -> tuple[dict[str, str], re.Pattern[str]]:
    table = load("encodings")["cyrillic_shift"]["map"]
    return table, re.compile(f"[{re.escape(''.join(table))}]")


def repair_cyrillic(word: str) -> str:
    """Vietnamese letters that a broken ToUnicode table shifted into the Cyrillic block, put back
    when the word also holds Latin letters ("hӗ" → "hồ"); one character for one, so boxes stay."""
    table, pattern = _cyrillic()
    if not pattern.search(word) or not _LATIN_RE.search(word):
        return word
    return pattern.sub(lambda m: table[m.group()], word)


def union(boxes: list[Box]) -> Box:
    return (boxes[0][0], min(b[1] for b in boxes), min(b[2] for b in boxes),
            max(b[3] for b in boxes), max(b[4] for b in boxes))
