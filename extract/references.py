"""Reference extractor: every other document the letter cites.

A citation is found from its number ("925/QĐ-UBND", "01/2018/TT-VPCP", "02-NQ/TW") or, for a law
cited by name, from "Luật …". The words around it are read by the shapes of data/references.toml
(type word and "số" to the left, the date and "của" issuer to the right, a pinpoint before it);
number, symbol and date shapes are those of data/numbers.toml, document kinds those of
data/doc_types.toml. Every mention of one document is merged into one Reference that keeps them all.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from . import bodies
from .data import alternation, load
from .dates import find_dates
from .document import Doc
from .header import HeaderResult
from .patterns import pattern, ungrouped
from .schema import Reference, Span

# number shapes, most specific first: where two overlap the first wins
ANCHORS = ("compound_number_symbol", "spaced_party_number_symbol", "party_number_symbol",
           "party_cased_number_symbol", "number_symbol")
# read only right after a type word ("Quyết định số 169-CP", "Nghị định 404-CP", "công văn số 20251022/CV-HD",
# "Thông tư số 49/2025TT-BCT")
LOOSE_ANCHORS = ("long_number_symbol", "glued_year_number_symbol", "dash_number_symbol", "symbol_first_number",
                 "code_number")
LAW_TYPES = ("Luật", "Bộ luật", "Hiến pháp")
_LETTER = r"[^\W\d_]"
_NUMBER_LEAD = re.compile(r"\s*[,:]?\s*(?:(?:số|so)\s*:?\s*)?")  # "Luật Đất đai số 31/2024/QH15"
_LAW_WORD = re.compile(rf"{_LETTER}+(?:-{_LETTER}+)*")
_GLUED_NUMBER_WORD = re.compile(r"(?<![\wđ])(?i:số|so|sô)$")  # "số142/2018/NĐ-CP"
_NAME_WORD = re.compile(r"[^\s,;:.()“”\"'!?\[\]]+")


@dataclass
class Mention:
    """One citing phrase: what it says of the document, and where."""

    span: Span
    core_end: int  # end of the number and its date: where a list of numbers may go on
    type: str | None = None
    number: str | None = None
    year: int | None = None
    symbol: str | None = None
    date: str | None = None
    issuer: str | None = None
    issuer_before: str | None = None  # "của Sở Nội vụ tại Tờ trình số …": read when no issuer follows
    pinpoint: str | None = None
    title: str | None = None
    explicit_type: bool = False  # the type word is printed (not read off the symbol)
    shouted: bool = False  # printed in an upper-case line (a title), so cased unlike the body
    group: list[Mention] = field(default_factory=list, repr=False)  # the list it belongs to
    text: str = ""


# ---------------------------------------------------------------------------- tables


@cache
def _table() -> dict:
    return load("references")


@cache
def _type_words() -> dict[str, str]:
    """Every word printed for a document kind (case-folded) → the kind's name."""
    words = {name.casefold(): name for name in load("doc_types")["types"] if "(" not in name}
    words.update({w.casefold(): name for w, name in _table()["type_aliases"].items()})
    return words


@cache
def _type_re() -> re.Pattern[str]:
    """Type words: abbreviations and laws as printed, other words in any case."""
    names = list(_type_words())
    originals = [w for w in _table()["type_aliases"] if w.isupper()]
    laws = [v for law in LAW_TYPES for v in (law, law.upper(), law[0] + law[1:].title())]
    loose = [w for w in names if w not in {o.casefold() for o in originals} and _type_words()[w] not in LAW_TYPES]
    return re.compile(
        rf"(?<![\wĐđ])(?:(?i:{alternation(loose)})|{alternation(originals + laws)})(?![\wĐđ])"
    )


@cache
def _symbol_types() -> dict[str, str]:
    """A symbol's first part ("QĐ" of "QĐ-UBND") → the kind it names."""
    out: dict[str, str] = {}
    for name, abbreviations in load("doc_types")["types"].items():
        for abbreviation in abbreviations:
            out.setdefault(abbreviation, name.split(" (")[0])
    return out


@cache
def _compiled() -> dict[str, Any]:
    t = _table()
    number_word = t["numbering"]["number_word"]
    date_shape = "|".join(ungrouped(n) for n in ("worded_date", "numeric_date"))
    titles = [*bodies.titles(), *(f"Phó {title}" for title in bodies.titles())]
    heads = alternation([*t["issuer"]["heads"], *titles])
    issuer_shape = rf"(?:{heads})(?:\s+(?:[-–]\s+)?[^\s,;:.()“”\"/]+){{0,12}}?"
    issuers_shape = rf"{issuer_shape}(?:(?:{t['issuer']['list_separator']}){issuer_shape})*"
    date_re = f"(?:(?i:ngày)\\s+)?(?i:{date_shape})"
    before = [
        (re.compile(b["pattern"].replace("$issuers", issuers_shape).replace("$issuer", issuer_shape).replace("$date", date_re)),
         b["strip_title"])
        for b in t["issuer"]["before"]
    ]
    return {
        "passive": re.compile(t["issuer"]["passive"].replace("$issuer", issuer_shape).replace("$date", date_re)),
        "slot": re.compile(rf"\s*:?\s*(?:(?i:{number_word})\s*)?"),
        "desc_slot": re.compile(rf"(?P<desc>\s+[^/\n;.]*?)\s+(?i:{number_word})\s*"),
        "number_word_before": re.compile(rf"(?i:(?<![\wđ]){number_word})\s*$"),
        "not_document": re.compile(
            rf"(?i:(?<![\wđ])(?:{alternation(t['numbering']['not_documents'])}))\s*(?i:{number_word})?\s*$"
        ),
        "own_number": re.compile(t["numbering"]["own_number"]),
        "tight": re.compile(t["lists"]["tight"], re.I),
        "after_so": re.compile(t["lists"]["after_so"], re.I),
        "date_join": re.compile(t["lists"]["date_join"], re.I),
        "date_lead": re.compile(t["dates"]["lead"], re.I),
        "issuer_lead": re.compile(t["issuer"]["lead"], re.I),
        "person": re.compile(t["issuer"]["person"]),
        "next_citation": re.compile(rf"{t['issuer']['next_citation']}(?:{_type_re().pattern})"),
        "issuer_list": re.compile(t["issuer"]["list_separator"]),
        "issuer_head": re.compile(rf"(?:{heads})(?![\wđ])"),
        "issuer_stop": re.compile(rf"(?i:{alternation(t['issuer']['stops'])})(?![\wđ])"),
        "law_stop": re.compile(rf"(?:{alternation(t['laws']['stops'])})(?![\wđ])"),
        "law_opener": re.compile(t["laws"]["opener"]),
        "law_names": re.compile(rf"(?i:{alternation(t['laws']['names'])})(?![\wđ])"),
        "amending": re.compile(t["laws"]["amending"]),
        "to_amend": re.compile(t["laws"]["to_amend"]),
        "name_goes_on": re.compile(t["laws"]["name_goes_on"]),
        "not_law": re.compile(rf"(?i:(?<![\wđ])(?:{alternation(t['laws']['not_laws'])}))\s+$"),
        "pinpoint": re.compile(t["pinpoint"]["before"]),
        "office_title": re.compile(rf"(?P<title>{alternation(titles)})\s+(?=(?:{heads})(?![\wđ]))"),
        "whole_title": re.compile(rf"(?:{alternation(titles)})(?![\wđ])"),
        # names read whole, before the stops: "Văn hóa, Thể thao và Du lịch", "Bộ Chỉ huy Quân sự"
        "whole_names": re.compile(rf"(?:{alternation(t['issuer']['comma_names'] + _capitalised_heads())})(?![\wđ])"),
        "locality": re.compile(rf"(?<![\wđ])(?i:{alternation(t['issuer']['localities'])})$"),
        "before": before,  # (pattern, strip_title) pairs
    }


def _capitalised_heads() -> list[str]:
    """Agency heads of several capitalised words ("Bộ Chỉ huy Quân sự", "Ban Chỉ đạo"): one name,
    though "chỉ" or "chỉ đạo" alone ends an issuer."""
    return [h for h in bodies.heads() if " " in h and h.split()[1][0].isupper() and not h.startswith("Các ")]


# ---------------------------------------------------------------------------- numbers


@dataclass(frozen=True)
class Number:
    """A printed document number split as the header rules say: "01/2018/TT-VPCP" → 01, 2018, TT-VPCP."""

    start: int
    end: int
    number: str
    year: int | None
    symbol: str
    loose: bool = False  # a shape of LOOSE_ANCHORS: a citation only right after a type word


def parse_numbers(text: str) -> list[Number]:
    """Every document number in ``text``, in order, the most specific shape winning overlaps."""
    found: list[Number] = []
    taken: list[tuple[int, int]] = []
    for name in ANCHORS + LOOSE_ANCHORS:
        for m in pattern(name).finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            number = _number_of(text, m, loose=name in LOOSE_ANCHORS)
            if number:
                taken.append(m.span())
                found.append(number)
    return sorted(found, key=lambda n: n.start)


def _number_of(text: str, m: re.Match[str], *, loose: bool = False) -> Number | None:
    glued = _GLUED_NUMBER_WORD.search(text, max(0, m.start() - 4), m.start())  # "Nghị định số142/2018/NĐ-CP"
    if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "/.:,-") and not glued:
        return None  # the tail of a longer token ("QCVN 01-150:2017/BNNPTNT")
    symbol = m["symbol"]
    end = m.end()
    item = re.search(r"\s*\n\s*[-–+•]", symbol)
    if item:  # "số 48/NQ-CP.⏎- Tham mưu …": the next line's list mark is no part of the symbol
        symbol, end = symbol[: item.start()], m.start("symbol") + item.start()
    if end < len(text) and text[end].isalpha():  # "QĐ-UBND - Đồng ý": the last part is a word's start
        cut = max(symbol.rfind(c) for c in "-–/")
        if cut <= 0:
            return None
        symbol = symbol[:cut]
    symbol = re.sub(r"[\s.\-–/]+$", "", symbol)  # "40/2009/QH12.⏎- Trường hợp": no line break, no end mark
    end = max(m.start("symbol") + len(symbol), m.end("number"))
    number, year = m["number"].strip(), m.groupdict().get("year")
    old_style = re.fullmatch(r"(\d+)-((?:19|20)\d\d)", number)  # "19-2017/NQ-CP"
    if old_style and not year:
        number, year = old_style.groups()
    suffix = re.match(r"\([A-ZĐ][A-Za-zĐđ0-9-]*\)", text[end : end + 16])  # "287/TTr-SXD(KTXD)"
    if suffix:
        symbol, end = symbol + suffix.group(), end + suffix.end()
    symbol = re.sub(r"\s+", "", symbol).replace("–", "-")
    return Number(m.start(), end, number, int(year) if year else None, symbol, loose)


def _key(number: str, symbol: str) -> tuple[str, str]:
    return number.lstrip("0") or number, _fold(symbol).replace(" ", "")


def _fold(text: str) -> str:
    """``bodies.fold`` with "&" read as a space: "TN&MT" and "TN-MT" give one key."""
    return " ".join(bodies.fold(text).replace("&", " ").split())


# ---------------------------------------------------------------------------- right of a citation


def _read_date(text: str, pos: int) -> tuple[str, int] | None:
    """The date printed right after ``pos`` ("ngày 17/4/2018", ", ngày 23/7/2025"), if any."""
    window = text[pos : pos + 48].lower()  # upper-case titles print "NGÀY 26 THÁNG 3 NĂM 2025"
    for d in find_dates(window):
        if _compiled()["date_lead"].match(window[: d.span[0]]):
            return d.iso, pos + d.span[1]
        break
    return None


def read_issuer(text: str, pos: int) -> tuple[str, int] | None:
    """A body's name starting at ``pos``, up to the first word that begins the cited document's
    subject or the sentence's next part (data: [issuer] stops)."""
    stop, max_words = _compiled()["issuer_stop"], _table()["issuer"]["max_words"]
    end, i, words = None, pos, 0
    while words < max_words:
        word = _compiled()["whole_names"].match(text, i)
        if not word and stop.match(text, i):
            break
        word = word or _NAME_WORD.match(text, i)
        if not word or word.group()[0].isdigit():
            break
        if word.group() == "và" and _joins_other(text, word.end()):
            break
        end, words = word.end(), words + 1
        gap = re.match(r" [-–] | ", text[end : end + 3])
        if not gap:
            break
        i = end + len(gap.group())
    if end is None or not text[pos].isupper():
        return None
    name = text[pos:end]
    while name.endswith((" và", " -", " –")):
        name = name.rsplit(" ", 1)[0]
    return name, pos + len(name)


def _joins_other(text: str, pos: int) -> bool:
    """After "và": a lower-case word or another document, so the name ended before "và"."""
    rest = text[pos : pos + 40].lstrip()
    return not rest[:1].isupper() or bool(_type_re().match(rest))


def _issuer_after(text: str, pos: int, *, by_do: bool) -> tuple[str, int] | None:
    """The "của …" (or "do …") issuer after a citation; not one that opens the next citation
    ("thông báo số 99-TB/TW ngày 21/11/2025, của Ban Bí thư tại văn bản số 213-KL/TW")."""
    lead = _compiled()["issuer_lead"].match(text, pos)
    if not lead or (not by_do and "do" in lead.group().split()):
        return None
    issuer = _person(text, lead.end()) or read_issuer(text, lead.end())
    if issuer and _compiled()["next_citation"].match(text, issuer[1]):
        return None
    return issuer


def _person(text: str, pos: int) -> tuple[str, int] | None:
    """A person who sent the cited paper, named after "ông"/"bà": "đơn … của ông Thái Mạnh Cường"
    → "Ông Thái Mạnh Cường"."""
    honorific = _compiled()["person"].match(text, pos)
    name = read_issuer(text, honorific.end()) if honorific else None
    if not name:
        return None
    return f"{honorific.group().strip().capitalize()} {name[0]}", name[1]


def _read_tail(text: str, mention: Mention, pos: int) -> None:
    """Date and issuer printed after ``pos``; extends the mention's span over them. A law by
    name takes no "do …" issuer: "Luật Doanh nghiệp 2014 do Bộ … ban hành" names the letter's."""
    date = _read_date(text, pos)
    if date:
        mention.date, pos = date
    mention.core_end = pos
    issuer = _issuer_after(text, pos, by_do=mention.number is not None or mention.type not in LAW_TYPES)
    if issuer:
        mention.issuer, pos = issuer
        late = None if date or not re.match(r"\s+(?i:ngày)", text[pos : pos + 8]) else _read_date(text, pos)
        if late:  # "Nghị quyết số 46/NQ-CP của Chính phủ ngày 08 tháng 3 năm 2025"
            mention.date, pos = late
    elif not date:
        passive = _passive(text, pos)
        if passive:
            mention.issuer, mention.date, pos = passive
    mention.span = (mention.span[0], pos)


def _passive(text: str, pos: int) -> tuple[str, str, int] | None:
    """Issuer and date in the passive: "… được Quốc hội khóa XIII kỳ họp thứ 7 thông qua ngày 23/6/2014"."""
    m = _compiled()["passive"].match(text, pos)
    issuer = read_issuer(text, m.start("issuer")) if m else None
    dates = find_dates(m["date"].lower()) if issuer else []
    if not dates or issuer[1] != m.end("issuer"):
        return None
    return issuer[0], dates[0].iso, m.end()


# ---------------------------------------------------------------------------- left of a citation


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _type_before(text: str, start: int) -> tuple[re.Match[str], str | None] | None:
    """The nearest type word left of a number that reaches it: "Quyết định số ", "Nghị định ",
    "Kế hoạch hành động số ", "các Nghị quyết của Quốc hội: số ". Returns it and the words between."""
    c = _compiled()
    line = _line_start(text, start)
    if line and not text[line:start].strip() and c["number_word_before"].search(text, max(0, line - 9), line - 1):
        line = _line_start(text, line - 1)  # "Trả lời công văn số⏎11001/XNK-SSVN2": the type ends the line before
    lo = max(line, start - _table()["numbering"]["type_reach"])
    for m in reversed(list(_type_re().finditer(text, lo, start))):
        if c["slot"].fullmatch(text, m.end(), start):
            return m, None
        desc = c["desc_slot"].fullmatch(text, m.end(), start)
        if desc and not _type_re().search(desc["desc"]):
            return m, desc["desc"]
    return None


def _pinpoint_before(text: str, start: int) -> str | None:
    m = _compiled()["pinpoint"].search(text, max(0, start - 80), start)
    return re.sub(r"[\s,]+$", "", m["pinpoint"]) if m else None


def _issuer_before(text: str, start: int) -> tuple[str | None, str | None]:
    """Issuer (and date) printed before the citation: "của Sở Tài chính tại Công văn số …",
    "Ngày 28 tháng 10 năm 2025, Chủ tịch … đã ban hành Công văn số …"."""
    line = _line_start(text, start)
    lo = max(line, start - 240)
    window = text[lo:start]
    if lo == line > 0 and not re.search(r"[.;:!?]\s*$", text[max(0, line - 3) : line]):
        lo = max(_line_start(text, line - 1), start - 240)  # the sentence runs on from the line before
        window = f"{text[lo : line - 1]} {window}"
    for regex, strip_title in _compiled()["before"]:
        m = regex.search(window)
        if m:
            issuer = None
            if m.groupdict().get("issuer"):  # some shapes print only the date
                title = _office_title(window, m.start("issuer")) if strip_title else None
                issuer = _read_issuers(window, title if title else m.start("issuer"), m.end("issuer"))
            dates = find_dates(m["date"].lower()) if m.groupdict().get("date") else []
            return issuer, (dates[0].iso if dates else None)
    return None, None


def _office_title(text: str, pos: int) -> int | None:
    """End of an office-holder's title before a body's name ("Giám đốc" of "Giám đốc Sở Nội vụ"),
    unless title and name are one longer title ("Thủ tướng Chính phủ")."""
    c = _compiled()
    title = c["office_title"].match(text, pos)
    if not title or c["whole_title"].match(text, pos).end() > title.end("title"):
        return None
    return title.end()


def _read_issuers(text: str, pos: int, end: int) -> str | None:
    """The bodies named from ``pos`` to ``end``, one or a list of them: "Bộ Chính trị, Ban Bí thư";
    None when other words come before ``end`` ("của Bộ trưởng Bộ Tài chính quy định tại Luật …")."""
    c, first, last = _compiled(), pos, None
    while (issuer := read_issuer(text, pos)) is not None:
        last = issuer[1]
        more = c["issuer_list"].match(text, last)
        if not more or more.end() >= end or not c["issuer_head"].match(text, more.end()):
            break
        pos = more.end()
    return text[first:last] if last == end else None


def _is_shouted(text: str, pos: int) -> bool:
    line_end = text.find("\n", pos)
    line = text[_line_start(text, pos) : line_end if line_end >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) > 8 and sum(c.isupper() for c in letters) > 0.8 * len(letters)


# ---------------------------------------------------------------------------- laws by name


def _read_law_name(text: str, pos: int) -> int | None:
    """End of a law's name that starts at ``pos`` ("Đất đai" of "Luật Đất đai năm 2013"): a known
    name, or words up to a stop word, an item letter ("b)"), a word in capitals that is no known
    abbreviation (a header line) or another document's type ("Luật Nghị định …")."""
    c = _compiled()
    known = c["law_names"].match(text, pos)
    if known:
        return known.end()
    abbreviations = _table()["laws"]["abbreviations"]
    end, i = None, pos
    for _ in range(_table()["laws"]["max_words"]):
        word = _LAW_WORD.match(text, i)
        if not word or c["law_stop"].match(text, i):
            break
        if len(word.group()) == 1 and re.match(r"\d*\)", text[word.end() : word.end() + 3]):
            break  # an item letter: "… Luật Giá b)", "Luật Giá b1)", not "Luật Nhà ở, Luật Đấu thầu"
        if word.group().isupper() and word.group() not in abbreviations:
            break
        if word.group()[0].isupper() and _type_re().match(text, i):
            break
        end = word.end()
        if text[end : end + 1] != " ":
            break
        i = end + 1
    return end


def _law_mentions(text: str, numbers: dict[int, Number]) -> list[Mention]:
    """Laws cited by name ("Luật Đất đai năm 2013", "Luật Quản lý thuế số 38/2019/QH14 ngày …") and
    amending laws, whose title runs through the laws they amend. A number that a law takes is
    removed from ``numbers``."""
    c = _compiled()
    out: list[Mention] = []
    consumed = 0
    for opener in c["law_opener"].finditer(text):
        start = opener.start()
        if start < consumed or c["not_law"].search(text, max(0, start - 16), start):
            continue
        if c["to_amend"].search(text, max(0, start - 60), start):
            continue
        mention = _amending_law(text, opener, numbers) or _named_law(text, opener, numbers)
        if mention:
            consumed = mention.span[1]
            mention.pinpoint = _pinpoint_before(text, start)
            _read_before(text, mention)
            out.append(mention)
    return out


def _law(text: str, start: int, end: int, anchor: Number | None) -> Mention:
    kind = "Bộ luật" if text.startswith("Bộ", start) else "Luật"
    mention = Mention(span=(start, end), core_end=end, type=kind, explicit_type=True,
                      title=_law_title(text[start:end]) if end > start else None, shouted=_is_shouted(text, start))
    if anchor:
        mention.number, mention.year, mention.symbol = anchor.number, anchor.year, anchor.symbol
    return mention


def _named_law(text: str, opener: re.Match[str], numbers: dict[int, Number]) -> Mention | None:
    if _compiled()["amending"].match(text, opener.end()):
        return None  # an amending law whose amended laws could not be read
    end = _read_law_name(text, opener.end())
    if not end:
        return None
    mention = _law(text, opener.start(), end, None)
    year = re.match(r"\s+(?:năm\s+)?((?:19|20)\d{2})(?![\d/])", text[end : end + 12])
    if year:
        mention.title = f"{mention.title} {year.group().strip()}"
        end += year.end()
    anchor = numbers.pop(_NUMBER_LEAD.match(text, end).end(), None)
    if anchor:
        mention.number, mention.year, mention.symbol = anchor.number, anchor.year, anchor.symbol
        end = anchor.end
    _read_tail(text, mention, end)
    return mention


def _amending_law(text: str, opener: re.Match[str], numbers: dict[int, Number]) -> Mention | None:
    """"Luật sửa đổi, bổ sung một số điều của Luật Chứng khoán, Luật Kế toán … ngày 29 tháng 11 năm
    2024", or with its number first: "Luật số 90/2025/QH15 sửa đổi, bổ sung một số điều của …"."""
    c, pos, anchor, date = _compiled(), opener.end(), None, None
    number = _NUMBER_LEAD.match(text, pos)
    if number.end() in numbers:
        anchor = numbers[number.end()]
        pos = anchor.end
        date = _read_date(text, pos)
        pos = date[1] if date else pos
    amending = c["amending"].match(text, pos)
    if not amending:
        return None
    end, numbered = _read_amended_laws(text, amending.end(), numbers)
    if not end:
        return None
    title = _law_title(f"{text[opener.start() : opener.end()]}{text[amending.start() : end].strip()}")
    if anchor:
        del numbers[anchor.start]
        mention = _law(text, opener.start(), end, anchor)
        mention.title, mention.date = title, date[0] if date else None
        mention.core_end = end
        return mention
    mention = _law(text, opener.start(), end, None)
    mention.title = title
    if not numbered:
        anchor = numbers.pop(_NUMBER_LEAD.match(text, end).end(), None)
        if anchor:
            mention.number, mention.year, mention.symbol = anchor.number, anchor.year, anchor.symbol
            end = anchor.end
    _read_tail(text, mention, end)
    return mention


def _read_amended_laws(text: str, pos: int, numbers: dict[int, Number]) -> tuple[int | None, bool]:
    """End of the laws an amending law names ("Luật Chứng khoán, Luật Kế toán, … và Luật X"), and
    whether they carry numbers of their own ("… của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số …"):
    then the numbers are the amended laws', cited on their own. After a single law, the number is
    the amending law's ("… của Luật Xây dựng số 62/2020/QH14")."""
    c, ends = _compiled(), []
    while True:
        opener = c["law_opener"].match(text, pos)
        name_end = _read_law_name(text, opener.end()) if opener else None
        if not name_end:
            break
        name_end = _name_continued(text, name_end)
        number = _NUMBER_LEAD.match(text, name_end)
        ends.append((name_end, numbers[number.end()].end if number.end() in numbers else None))
        more = re.match(r"\s*(?:,|và|,\s*và)\s*(?=(?:Bộ\s+[Ll]uật|Luật)\s)", text[ends[-1][1] or name_end :])
        if not more:
            break
        pos = (ends[-1][1] or name_end) + more.end()
    if not ends:
        return None, False
    if len(ends) == 1 or ends[-1][1] is None:
        return ends[-1][0], False
    return ends[-1][1], True


def _name_continued(text: str, end: int) -> int:
    """In a list of amended laws only ", Luật" or "và Luật" parts two laws: words after a comma
    that start in lower case go on the name ("Luật Quản lý, sử dụng tài, sản công, Luật Quản lý thuế")."""
    while (more := _compiled()["name_goes_on"].match(text, end)) and text[more.end() : more.end() + 1].islower():
        name_end = _read_law_name(text, more.end())
        if not name_end:
            break
        end = name_end
    return end


def _law_title(printed: str) -> str:
    """The name as printed, on one line, with the abbreviations of data [laws] written_out spelt
    out ("Luật Ban hành văn bản QPPL")."""
    words = _table()["laws"]["abbreviations"]
    written_out = set(_table()["laws"]["written_out"])
    return " ".join(words[w] if w in written_out else w for w in printed.split())


# ---------------------------------------------------------------------------- numbered citations


def _number_mentions(text: str, numbers: list[Number], own: list[Number], header_end: int) -> list[Mention]:
    """Citations by number; the letter's own number ("Số: 1795 /UBND-NC" in its header) is added
    to ``own`` and never cited."""
    c = _compiled()
    out: list[Mention] = []
    for n in numbers:
        if n.start < header_end and c["own_number"].search(text, max(0, n.start - 12), n.start):
            own.append(n)
            continue
        if c["not_document"].search(text, max(0, n.start - 30), n.start):
            continue
        mention = _number_mention(text, n, out)
        if mention:
            out.append(mention)
    return out


def _number_mention(text: str, n: Number, earlier: list[Mention]) -> Mention | None:
    c = _compiled()
    mention = Mention(span=(n.start, n.end), core_end=n.end, number=n.number, year=n.year, symbol=n.symbol,
                      shouted=_is_shouted(text, n.start))
    typed = _type_before(text, n.start)
    if n.loose and not (typed and (typed[1] is None or c["number_word_before"].search(text, max(0, n.start - 8), n.start))):
        return None
    if typed:
        word, desc = typed
        mention.type, mention.explicit_type = _type_words()[word.group().casefold()], True
        mention.span = (word.start(), n.end)
        if desc and mention.type in LAW_TYPES:
            mention.title = _law_title(f"{word.group()}{desc}".strip())
        elif desc:
            lead = re.match(r"\s*(?:của|do)\s+", desc)
            issuer = read_issuer(desc, lead.end()) if lead else None
            mention.issuer = issuer[0] if issuer else None  # "các Nghị quyết của Quốc hội: số …"
        mention.group = [mention]
        _join_same_type_list(text, mention, earlier)
    elif running := _running_list(text, earlier, n.start):
        mention.type = running.type
        mention.group = running.group
        mention.group.append(mention)
    elif c["number_word_before"].search(text, max(0, n.start - 8), n.start) or _symbol_type(n.symbol):
        mention.group = [mention]
    else:
        return None
    if mention.type is None:
        mention.type = _symbol_type(n.symbol) or "Văn bản"
    _read_tail(text, mention, n.end)
    if mention.group[0] is mention:
        _read_before(text, mention)
        mention.pinpoint = _pinpoint_before(text, mention.span[0])
    return mention


def _read_before(text: str, mention: Mention) -> None:
    """Issuer and date printed before the citation, for those that do not follow it."""
    if mention.issuer is None or mention.date is None:
        issuer, date = _issuer_before(text, mention.span[0])
        mention.issuer_before = issuer if mention.issuer is None else None
        mention.date = mention.date or date


def _running_list(text: str, earlier: list[Mention], start: int) -> Mention | None:
    """The citation whose list the bare number at ``start`` goes on: the one just before it when
    only a separator comes between ("217/CĐ-TTg, 218/CĐ-TTg"), or, for a number introduced by
    "số" after a separator, the list already running on the line ("số 55/…; số 28/… về …; số 107/…")."""
    line = [m for m in earlier if m.span[0] >= _line_start(text, start)]
    if not line:
        return None
    c, previous = _compiled(), line[-1]
    if c["tight"].match(text[previous.core_end : start]) or c["tight"].match(text[previous.span[1] : start]):
        return previous
    if not c["after_so"].search(text, max(previous.core_end, start - 12), start):
        return None
    return next((m for m in reversed(line) if len(m.group) > 1), previous)


def _join_same_type_list(text: str, mention: Mention, earlier: list[Mention]) -> None:
    """"Mục II Tờ trình số 207/…, Mục II Tờ trình số 212/… của Ngân hàng Nhà nước": citations of
    one type, or of one body's series ("Chỉ thị số 31-CT/TU ngày 06/6/2023, Kế hoạch số 134-KH/TU ngày
    29/12/2023 của Ban Thường vụ Tỉnh ủy"), printed one after another form a list that shares the
    issuer printed at its end."""
    if not earlier or _line_start(text, mention.span[0]) > earlier[-1].span[0]:
        return
    previous = earlier[-1]
    if previous.type != mention.type and (not mention.symbol or _agency(previous.symbol) != _agency(mention.symbol)):
        return
    pin = _compiled()["pinpoint"].search(text, max(0, mention.span[0] - 80), mention.span[0])
    if _compiled()["tight"].match(text[previous.span[1] : pin.start() if pin else mention.span[0]]):
        mention.group = previous.group
        mention.group.append(mention)


def _symbol_type(symbol: str) -> str | None:
    return _symbol_types().get(re.split(r"[-/]", symbol)[0])


# ---------------------------------------------------------------------------- issuers


def _expand(issuer: str, letter_issuer: str | None) -> str:
    """Abbreviations spelt out; "Ủy ban nhân dân tỉnh" given the province of the letter's own issuer."""
    words = _table()["issuer"]["expand"]
    issuer = " ".join(words.get(w, w) for w in issuer.split())
    level = _compiled()["locality"].search(issuer)
    if level and letter_issuer:
        own = re.search(rf"(?<![\wđ])(?i:{re.escape(level.group())})\s+(?P<name>[A-ZĐ].*)$", letter_issuer)
        if own:
            issuer = f"{issuer} {own['name']}"
    return issuer


def _agency(symbol: str | None) -> str | None:
    """The issuing body's part of a symbol: "TTg" of "CĐ-TTg", "UBND" of "UBND-VX"."""
    if not symbol:
        return None
    parts = re.split(r"[-/]", symbol)
    if len(parts) > 1 and parts[0] in _symbol_types():
        parts = parts[1:]
    return parts[0].casefold()


def _share_group_issuers(mentions: list[Mention]) -> None:
    """A list's "của …" printed once, after its last number or before its first, names them all;
    an issuer printed after the citations wins over one printed before them ("theo chỉ đạo của Phó
    Thủ tướng tại Văn bản số 6721/VPCP-V.I … và số 7514/VPCP-V.I … của Văn phòng Chính phủ")."""
    for mention in mentions:
        group = mention.group
        if len(group) > 1 and mention is group[0]:
            issuer = group[-1].issuer or group[0].issuer or group[0].issuer_before
            for member in group:
                member.issuer = member.issuer or issuer
    for mention in mentions:
        mention.issuer = mention.issuer or mention.issuer_before


def _share_joined_dates(text: str, mentions: list[Mention]) -> None:
    """In a list that dates its numbers one by one, two joined by "và" share the date printed after
    the second: "số 007/CĐ-UBND ngày 17/11/2025, số 008/CĐ-UBND và số 009/CĐ-UBND ngày 19/11/2025".
    A list with one date at its end gives it to its last number only ("217/CĐ-TTg, 218/CĐ-TTg,
    219/CĐ-TTg và 222/CĐ-TTg ngày 19/11/2025": shared gold 045)."""
    joined = _compiled()["date_join"]
    for mention in mentions:
        group = mention.group
        if len(group) < 3 or mention is not group[0]:
            continue
        for k in range(1, len(group) - 1):
            first, second = group[k], group[k + 1]
            dated_before = any(m.date for m in group[:k])
            if dated_before and first.date is None and second.date and joined.fullmatch(text, first.span[1], second.span[0]):
                first.date = second.date


# ---------------------------------------------------------------------------- merging


def _merge(mentions: list[Mention]) -> list[list[Mention]]:
    """Mentions of one document together: same number, symbol and year (a mention without a year
    goes with the first year printed for that number: "Nghị định số 94/2016/NĐ-CP" and "Nghị định
    số 94/2022/NĐ-CP" are two), or the same law by name."""
    groups: list[list[Mention]] = []
    by_number: dict[tuple, list[Mention]] = {}
    by_title: dict[str, list[list[Mention]]] = {}
    first_year: dict[tuple[str, str], int] = {}
    for m in sorted(mentions, key=lambda m: m.span):
        if m.number is not None and m.year:
            first_year.setdefault(_key(m.number, m.symbol or ""), m.year)

    def number_key(m: Mention) -> tuple:
        key = _key(m.number, m.symbol or "")
        return (*key, m.year or first_year.get(key))

    for m in sorted(mentions, key=lambda m: m.span):
        if m.number is not None:
            key = number_key(m)
            if key not in by_number:
                by_number[key] = []
                groups.append(by_number[key])
            by_number[key].append(m)
        title = _title_key(m.title)
        if title:
            same = [g for g in by_title.get(title, []) if _years_agree(g, m)]
            if m.number is None and same:
                same[0].append(m)
            elif m.number is None:
                groups.append([m])
                by_title.setdefault(title, []).append(groups[-1])
            else:
                by_title.setdefault(title, []).append(by_number[number_key(m)])
    merged = []
    for group in groups:
        if group and group[0].number is None:
            numbered = [g for g in by_title.get(_title_key(group[0].title), [])
                        if g[0].number is not None and all(_years_agree(g, m) for m in group)]
            if numbered:
                numbered[0].extend(group)
                continue
        merged.append(group)
    return [sorted(g, key=lambda m: m.span) for g in merged if g]


def _title_key(title: str | None) -> str:
    """A law's name without its year, abbreviations spelt out: "Luật DN 2014" is "Luật Doanh nghiệp"."""
    if not title:
        return ""
    words = _table()["laws"].get("abbreviations", {})
    spelt = " ".join(words.get(w, w) for w in title.split())
    return re.sub(r"\s*(?:nam\s+)?(?:19|20)\d\d$", "", _fold(spelt))


def _title_year(title: str | None) -> str | None:
    m = re.search(r"((?:19|20)\d\d)$", title or "")
    return m.group(1) if m else None


def _years_agree(group: list[Mention], m: Mention) -> bool:
    years = {_mention_year(x) for x in group} - {None}
    mine = _mention_year(m)
    return not mine or not years or mine in years


def _mention_year(m: Mention) -> str | None:
    """The year a law's mention names: in its title, its number ("29/2001/QH10") or its date."""
    return _title_year(m.title) or (str(m.year) if m.year else None) or (m.date or "")[:4] or None


def _reference(mentions: list[Mention], letter_issuer: str | None, own_agency: str | None) -> Reference:
    def fullness(m: Mention) -> tuple:
        return (not m.shouted, m.number is not None, m.date is not None, m.issuer is not None, m.explicit_type)

    best = max(mentions, key=fullness)  # max keeps the first of equals
    typed = [m for m in mentions if m.explicit_type and not m.shouted] or [m for m in mentions if m.explicit_type]
    issuer = next((m.issuer for m in sorted(mentions, key=lambda m: m.shouted) if m.issuer), None)
    if issuer is None and own_agency and _agency(best.symbol) == own_agency:
        issuer = letter_issuer
    titles = [m.title for m in mentions if m.title]
    return Reference(
        type=(typed[0] if typed else best).type,
        number=best.number,
        year=_first(mentions, "year"),
        symbol=best.symbol or None,  # a petition's code has none
        date=_first(mentions, "date"),
        issuer=_expand(issuer, letter_issuer) if issuer else None,
        pinpoint=_first(mentions, "pinpoint"),
        title=max(titles, key=len) if titles else None,
        text=best.text,
        span=best.span,
        mentions=[m.span for m in mentions],
    )


def _first(mentions: list[Mention], attr: str):
    return next((getattr(m, attr) for m in mentions if getattr(m, attr)), None)


# ---------------------------------------------------------------------------- entry point


def extract_references(doc: Doc, header: HeaderResult) -> list[Reference]:
    """Every document the letter cites, once each, in order of first mention."""
    text = doc.text
    own_doc = header.document
    header_end = header.body[0] if header.body[0] > 0 else _nth_line_end(text, 15)
    numbers = parse_numbers(text)
    by_start = {n.start: n for n in numbers}
    laws = _law_mentions(text, by_start)
    own: list[Number] = []
    mentions = laws + _number_mentions(text, sorted(by_start.values(), key=lambda n: n.start), own, header_end)
    own_keys = {_key(n.number, n.symbol) for n in own}
    if own_doc.number and own_doc.symbol:
        own_keys.add(_key(own_doc.number, own_doc.symbol))
    mentions = [m for m in mentions if m.number is None or _key(m.number, m.symbol or "") not in own_keys]
    _share_group_issuers(mentions)
    _share_joined_dates(text, mentions)
    for m in mentions:
        m.text = text[m.span[0] : m.span[1]]
    own_agency = _agency(own_doc.symbol or (own[0].symbol if own else None))
    refs = [_reference(group, own_doc.issuer, own_agency) for group in _merge(mentions)]
    _share_agency_issuers(text, refs)
    return sorted(refs, key=lambda r: r.span)


def _share_agency_issuers(text: str, refs: list[Reference]) -> None:
    """A citation without an issuer takes that of another citation in its paragraph whose symbol
    names the same body ("của Ban Tổ chức Trung ương tại Văn bản số 9151- CV/BTCTW … và Văn bản số
    9671-CV/BTCTW"; "Chính phủ đã ban hành Nghị quyết số 214/NQ-CP …, Nghị định số 278/2025/NĐ-CP"),
    unless that part names bodies of several levels or organs ("UBND", "TW": data [issuer] unshared_agencies)."""
    unshared = {a.casefold() for a in _table()["issuer"]["unshared_agencies"]}
    known: dict[tuple[int, str], str] = {}
    for ref in refs:
        agency = _agency(ref.symbol)
        if ref.issuer and agency and agency not in unshared:
            for start, _ in ref.mentions:
                known.setdefault((_line_start(text, start), agency), ref.issuer)
    for ref in refs:
        agency = _agency(ref.symbol)
        if ref.issuer is None and agency:  # any line the document is cited on
            ref.issuer = next((known[k] for s, _ in ref.mentions if (k := (_line_start(text, s), agency)) in known), None)


def _nth_line_end(text: str, n: int) -> int:
    pos = 0
    for _ in range(n):
        nxt = text.find("\n", pos)
        if nxt < 0:
            return len(text)
        pos = nxt + 1
    return pos
