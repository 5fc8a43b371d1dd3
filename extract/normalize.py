"""Raw letter text → normalised text, with an offset map back to the raw input.

Passes, each a list of edits (see ``offsets.rewrite``):
1. characters: NFC, spaces and line ends unified, invisible characters dropped; then one tone-mark
   style ("hoà" → "hòa", "uỷ" → "ủy"); Cyrillic look-alikes inside Latin words made Latin;
2. web-dump damage: markdown stars and escapes, table pipes, rule lines;
3. lines: paragraphs rebuilt from fixed-width line wrapping, spaces collapsed, letter-spaced
   words ("V Ă N PHÒNG") joined.
The normalised text holds one paragraph per line; uppercase header lines stay lines of their own.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from .data import alternation, load
from .offsets import Edit, OffsetMap, rewrite

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng


@dataclass(frozen=True)
class NormalizedText:
    text: str
    to_raw: OffsetMap  # normalised offset -> raw offset

    def raw_span(self, span: tuple[int, int]) -> tuple[int, int]:
        return self.to_raw.source_span(span)


def normalize(raw: str) -> NormalizedText:
    text, offsets = raw, OffsetMap.identity(len(raw))
    for edits_of in (_character_edits, _tone_edits, _lookalike_edits, _markup_edits, _line_edits):
        text, step = rewrite(text, edits_of(text))
        offsets = offsets.then(step)
    return NormalizedText(text, offsets)


# ---------------------------------------------------------------- pass 1: characters

_SPACES = dict.fromkeys(map(ord, "\t\xa0\u2002\u2003\u2007\u2009\u202f\u3000"), " ")
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\xad"
_CHARACTER_RE = re.compile(
    r"\r\n?"  # line ends
    rf"|[{_INVISIBLE}\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"  # invisible and control characters
    r"|[\t\xa0\u2002\u2003\u2007\u2009\u202f\u3000]"  # spaces of other widths
    r"|.[\u0300-\u036f]+"  # a base letter with combining marks: NFC
)


@cache
def _old_tone_spellings() -> dict[str, str]:
    """{"oà": "òa", "Uỷ": "Ủy", …}: the old placement of the mark on the pair's second vowel."""
    table = {}
    for pair in load("layout")["tone_pairs"]:
        for tone in _TONES:
            for first in (pair[0], pair[0].upper()):
                for second in (pair[1], pair[1].upper()):
                    old = first + unicodedata.normalize("NFC", second + tone)
                    new = unicodedata.normalize("NFC", first + tone) + second
                    table[old] = new
    return table


@cache
def _old_tone_re() -> re.Pattern[str]:
    # the pair ends the syllable; "quỷ" keeps its mark (the u belongs to "qu")
    return re.compile(rf"(?<![qQ])(?:{'|'.join(_old_tone_spellings())})(?!\w)")


def _character_edits(text: str) -> list[Edit]:
    edits = []
    for m in _CHARACTER_RE.finditer(text):
        s = m.group()
        if s[0] == "\r":
            new = "\n"
        elif len(s) == 1:
            new = s.translate(_SPACES) if ord(s) in _SPACES else ""
        else:
            new = unicodedata.normalize("NFC", s)
        if new != s:
            edits.append((m.start(), m.end(), new))
    return edits


def _tone_edits(text: str) -> list[Edit]:
    table = _old_tone_spellings()
    return [(m.start(), m.end(), table[m.group()]) for m in _old_tone_re().finditer(text)]


# Cyrillic letters drawn like Latin ones, found inside Latin words of some web copies ("BТС-PTHT")
_LOOKALIKES = dict(zip("АВСЕНКМОРТХаеорсух", "ABCEHKMOPTXaeopcyx"))
_MIXED_WORD_RE = re.compile(r"[^\W\d_]*[\u0400-\u04ff][^\W\d_]*|[\w-]*[\u0400-\u04ff][\w-]*")


def _lookalike_edits(text: str) -> list[Edit]:
    """Cyrillic look-alikes inside a word that also holds Latin letters become Latin letters."""
    edits = []
    for m in _MIXED_WORD_RE.finditer(text):
        word = m.group()
        if not any("a" <= c.lower() <= "z" or c in "Đđ" for c in word):
            continue  # a Cyrillic word, left alone
        for i, c in enumerate(word):
            if c in _LOOKALIKES:
                edits.append((m.start() + i, m.start() + i + 1, _LOOKALIKES[c]))
    return edits


# ---------------------------------------------------------------- pass 2: web-dump markup

_MARKUP_RE = re.compile(
    r"^[ \t*]*[-_=~–—.]{3,}[ \t*]*$"  # rule lines under the header cells, bold or not
    r"|!\[[^\]\n]*\]\([^)\n]*\)"  # images: "![](images/….jpg)"
    r"|\*\*|__"  # bold
    r"|(?<!\()\*(?!\))"  # italics (a "(*)" footnote mark is kept)
    r"|\\(?=[-.*_#|()\[\]!+])"  # markdown escapes
    r"|^[ \t]*#{1,6}[ \t]+"  # heading marks
    r"|\|",  # table cells
    re.M,
)


_PAGE_NUMBER_RE = re.compile(r"[ \t]*[-–]?[ \t]*\d{1,3}[ \t]*[-–]?[ \t]*")


def _markup_edits(text: str) -> list[Edit]:
    edits = [(m.start(), m.end(), "\n" if m.group() == "|" else "") for m in _MARKUP_RE.finditer(text)]
    return sorted(edits + _page_number_edits(text))


def _page_number_edits(text: str) -> list[Edit]:
    """Running page numbers of text taken from PDFs: a line holding only "9" or "- 9 -" between two
    lines of running text (never a table cell: a neighbour line that is a "|" keeps it). The line
    goes with its line break, so the sentence it interrupted joins up again."""
    edits: list[Edit] = []
    lines = text.split("\n")
    pos = 0
    for i, line in enumerate(lines):
        if (0 < i < len(lines) - 1 and _PAGE_NUMBER_RE.fullmatch(line)
                and "|" not in lines[i - 1] + lines[i + 1] and lines[i - 1].strip() and lines[i + 1].strip()):
            edits.append((pos, pos + len(line) + 1, ""))
        pos += len(line) + 1
    return edits


# ---------------------------------------------------------------- pass 3: lines and paragraphs

_SENTENCE_END = tuple(".:!?…")


def list_markers() -> str:
    """The list markers of ``data/layout.toml`` as one alternation (a regex source)."""
    return "|".join(load("layout")["list_markers"])


@cache
def opener_re() -> re.Pattern[str]:
    """A line that starts a paragraph: an opener word or a list marker."""
    words = alternation(load("layout")["paragraph_openers"])
    return re.compile(rf"(?:{words})|(?:{list_markers()})")


@cache
def _closer_re() -> re.Pattern[str]:
    """A line that always ends its paragraph (the motto "Độc lập - Tự do - Hạnh phúc")."""
    return re.compile(rf"(?:{alternation(load('layout')['paragraph_closers'])})\W*$")


def _is_uppercase_line(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.7 * len(letters)


def _starts_upper(line: str) -> bool:
    first = next((c for c in line if c.isalnum() or c in "“\"("), "")
    return first.isupper() or first.isdigit() or first in "“\"("


def _breaks_between(prev: str, line: str, prev_continued: bool, width: int) -> bool:
    """Whether the printed line break between two lines of one block ends a paragraph."""
    if _is_uppercase_line(prev) or _is_uppercase_line(line) or _closer_re().search(prev):
        return True
    if opener_re().match(line):
        # "… chương trình “Festival Thăng Long\n- Hà Nội, lần thứ II”": a dash inside an open quote
        return not (line[0] in "-–" and prev.count("“") > prev.count("”"))
    if not _starts_upper(line):
        return False
    if prev.endswith(_SENTENCE_END) or prev.endswith("./."):
        return True
    if prev.endswith(";"):
        # "…; " then a capital: a new list line, unless the line merely wrapped at full width
        return len(prev) < 0.85 * width
    # a wrapped paragraph's last line is short; its first line may be short too (indentation)
    return prev_continued and len(prev) < 0.6 * width


def _wrap_width(lengths: list[int]) -> int:
    """The width a block of lines was wrapped at: its 90th-percentile line length, so that a few
    long lines (a table row, an unwrapped heading) do not make every wrapped line look short."""
    ordered = sorted(lengths)
    return ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]


def _line_edits(text: str) -> list[Edit]:
    edits: list[Edit] = []
    spans = []
    pos = 0
    for part in text.split("\n"):
        spans.append((pos, pos + len(part)))
        pos += len(part) + 1
    content = []  # (start, end) of stripped content per line, or None for blank lines
    for start, end in spans:
        raw = text[start:end]
        stripped = raw.strip(" ")
        if not stripped:
            content.append(None)
            continue
        lead = len(raw) - len(raw.lstrip(" "))
        content.append((start + lead, start + lead + len(stripped)))
    # blocks of consecutive non-blank lines, for their wrap width
    widths: list[int] = [0] * len(content)
    i = 0
    while i < len(content):
        if content[i] is None:
            i += 1
            continue
        j = i
        while j < len(content) and content[j] is not None:
            j += 1
        widths[i:j] = [_wrap_width([e - s for s, e in content[i:j]])] * (j - i)
        i = j
    previous = None  # (index, start, end)
    continued = False
    first = next((c for c in content if c is not None), None)
    if first is None:
        return [(0, len(text), "")] if text else []
    if first[0] > 0:
        edits.append((0, first[0], ""))
    for idx, c in enumerate(content):
        if c is None:
            continue
        start, end = c
        if previous is not None:
            p_idx, p_start, p_end = previous
            same_block = all(content[k] is not None for k in range(p_idx, idx + 1))
            prev_line, line = text[p_start:p_end], text[start:end]
            if not same_block or _breaks_between(prev_line, line, continued, widths[idx]):
                sep, continued = "\n", False
            else:
                sep, continued = " ", True
            edits.append((p_end, start, sep))
        edits.extend(_space_edits(text, start, end))
        previous = (idx, start, end)
    if previous is not None and previous[2] < len(text):
        edits.append((previous[2], len(text), ""))
    return edits


_SPACE_RUN_RE = re.compile(r" {2,}")
_SPACED_LETTERS_RE = re.compile(r"(?<!\S)(?:\S+ )?(?:\w ){2,}\S+")  # "V Ă N PHÒNG", "QUY Ế T Đ Ị NH"


def _space_edits(text: str, start: int, end: int) -> list[Edit]:
    line = text[start:end]
    edits = {m.start() + start: (m.start() + start, m.end() + start, " ") for m in _SPACE_RUN_RE.finditer(line)}
    if "  " not in line and not _SPACED_LETTERS_RE.search(line):
        return list(edits.values())
    for m in _SPACED_LETTERS_RE.finditer(line):
        if not _is_uppercase_line(m.group()):
            continue
        offset = m.start() + start
        for gap in _letter_spacing_gaps(m.group()):
            edits[offset + gap] = (offset + gap, offset + gap + 1, "")
    return sorted(edits.values())


_SYLLABLE_RE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    r"[aăâeêioôơuưy]{1,3}(?:ch|ng|nh|[cmnpt])?"
)


def _base(s: str) -> str:
    decomposed = unicodedata.normalize("NFD", s.lower())
    kept = "".join(c for c in decomposed if c not in _TONES)
    return unicodedata.normalize("NFC", kept)


def _is_syllable_prefix(s: str) -> bool:
    base = _base(s)
    return any(_SYLLABLE_RE.fullmatch(base + tail) for tail in ("", "a", "ng", "t")) or bool(
        re.fullmatch(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])", base)
    )


def _has_vowel(s: str) -> bool:
    return any(c in "aăâeêioôơuưy" for c in _base(s))


def _letter_spacing_gaps(run: str) -> list[int]:
    """Offsets (within ``run``) of the spaces that split one syllable: greedy, a token is glued to
    the syllable being built while the result can still become a Vietnamese syllable."""
    tokens = run.split(" ")
    gaps, pos = [], len(tokens[0])
    current = tokens[0]
    for tok in tokens[1:]:
        joined = current + tok
        glue = len(tok) == 1 or len(current) == 1 or not _has_vowel(tok) or not _has_vowel(current)
        if glue and _is_syllable_prefix(joined):
            gaps.append(pos)
            current = joined
        else:
            current = tok
        pos += 1 + len(tok)
    return gaps
