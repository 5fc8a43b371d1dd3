"""Names of Vietnamese public bodies and office-holders: recasing, abbreviation expansion and a
regex for agency heads. The vocabulary lives in ``data/agencies.toml``.

Public API (used by the header and task extractors):

- ``recase(upper)``: uppercase header text → sentence case, proper names kept
  ("ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG" → "Ủy ban nhân dân tỉnh Kiên Giang",
  "BỘ TÀI CHÍNH" → "Bộ Tài chính"). Words already in mixed case are left as printed.
- ``expand(name, abbreviations=None)``: abbreviations expanded ("UBND huyện Kiên Lương" →
  "Ủy ban nhân dân huyện Kiên Lương", "Sở TN&MT" → "Sở Tài nguyên và Môi trường"); a letter's
  own definitions (``extract_abbreviations``) may be passed in and win over the table.
- ``agency_head_re()``: compiled regex matching, at a position, an office-holder title (group
  ``title``: "Chủ tịch", "Phó Giám đốc") or an agency head (group ``body``: "Sở", "Ủy ban nhân
  dân", "UBND"). Case-sensitive: heads are matched as printed in running text.
- ``fold(text)``: lower case without diacritics, for comparing names.
- ``titles()``, ``heads()``, ``fields()``, ``comma_names()``, ``localities()``, ``provinces()``,
  ``abbreviations()``: the table's lists.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache

from .data import alternation, load, whole_words_re

# Vietnamese capital letters, for "a capitalised word follows" checks
CAPITALS = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
# Roman numerals printed in titles ("lần thứ XIV", "khóa XV"); kept uppercase when recasing
_ROMAN_RE = re.compile(r"(?=[IVXLC])M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})")
# words that precede a roman numeral ("Đại hội lần thứ XIV", "Quốc hội khóa XV", "quý IV")
_ROMAN_CONTEXT = ("thứ", "khóa", "khoá", "quý", "phần", "chương", "mục", "lục", "đợt", "kỳ")
# syllables that make a compound word with a one-syllable head ("cơ sở", "cán bộ", "nhiệm vụ"):
# the head is then an ordinary word and is not capitalised
_COMPOUND_BEFORE = ("cơ", "cán", "toàn", "đồng", "tiến", "nhiệm", "dịch", "phục", "nghiệp", "thời",
                    "nội", "sự", "công", "tư", "hậu", "thủ", "trực", "nhà", "văn", "giải", "đề")
# words that cannot begin a place name after "tỉnh", "huyện", … (the name is unknown)
_NOT_PLACE = frozenset(
    "trực thuộc các và trên năm của về đối theo tại để có được mới sau này đó trong cho với từ "
    "đến giai đã là khi nhằm gồm cấp loại biên giới lân cận xã phường tỉnh huyện thành thị nơi "
    "mình nhà đang sẽ bị do hoặc ở như ra vào thì nên cũng cùng đồng bằng miền núi trung tâm "
    "lỵ ủy ban hội chủ quản đoàn tổ chức vùng".split()
)

# words that end a person's name ("… Nguyễn Hòa Bình tại cuộc họp")
_NOT_PERSON = _NOT_PLACE | frozenset("tại chủ làm ký thay phó trưởng giám đốc bộ sở".split())


# what a person's name follows in a title block: a title, "Chính phủ", "đồng chí"
_PERSON_AFTER = ("thủ tướng", "chủ tịch", "bộ trưởng", "bí thư", "chính phủ", "thường trực", "đồng chí",
                 "giám đốc", "thống đốc", "chủ nhiệm", "tổng bí thư", "ông", "bà")


@cache
def _table() -> dict:
    return load("agencies")


def fold(text: str) -> str:
    """Lower case without diacritics, words only ("ỦY BAN NHÂN DÂN" → "uy ban nhan dan"): for
    comparing names printed in different cases."""
    text = _base_letters(text.replace("đ", "d").replace("Đ", "D")).lower()
    return " ".join(re.findall(r"[0-9a-z&]+", text))


def heads() -> list[str]:
    """Agency heads as printed in running text ("Ủy ban nhân dân", "Sở", "Bộ Chỉ huy Quân sự")."""
    return list(_table()["heads"])


def titles() -> list[str]:
    """Office-holder titles ("Chủ tịch", "Giám đốc", "Chánh Văn phòng"); "Phó" forms excluded."""
    return list(_table()["titles"])


def fields() -> list[str]:
    """Specific names that follow a head, as printed ("Tài chính", "Bảo hiểm", "Thể thao")."""
    return list(_table()["fields"])


def comma_names() -> list[str]:
    """Specific names that hold a comma ("Văn hóa, Thể thao và Du lịch")."""
    return list(_table()["comma_names"])


def localities() -> list[str]:
    """Words after which a place name follows ("tỉnh", "thành phố", "xã")."""
    return list(_table()["localities"])


def provinces() -> list[str]:
    """The 34 current provinces and cities, then the older names they replaced."""
    table = _table()["provinces"]
    return [*table["current"], *table["former"]]


def abbreviations() -> dict[str, str]:
    """Abbreviation → expansion, as printed ("UBND" → "Ủy ban nhân dân")."""
    return dict(_table()["abbreviations"])


@cache
def agency_head_re() -> re.Pattern[str]:
    """An office-holder title (group ``title``) or an agency head (group ``body``) at a position,
    as printed in running text: "Phó Chủ tịch", "Giám đốc", "Sở", "Ủy ban nhân dân", "UBND".
    Use ``.match(text, pos)`` to test a position or ``.finditer`` to scan."""
    table = abbreviations()
    body_abbr = [k for k, v in table.items() if any(v.startswith(h) for h in heads()) and k.isupper()]
    title_abbr = [k for k, v in table.items() if any(v.startswith(t) for t in titles()) and k not in body_abbr]
    title = rf"(?:Phó\s+)?(?:{alternation(titles())})|{alternation(title_abbr)}"
    named = rf"(?:{alternation(_table()['named_heads'])})(?=\s+[{CAPITALS}])"
    body = rf"(?:Các\s+|các\s+)?(?:{named}|{alternation(heads() + _table()['printed_heads'])})|{alternation(body_abbr)}"
    return re.compile(rf"(?<![\w&])(?:(?P<title>{title})|(?P<body>{body}))(?![\w&])")


@cache
def _abbreviation_re(keys: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(keys, key=len, reverse=True)
    return re.compile(r"(?<![\w&/-])(" + "|".join(re.escape(k) for k in ordered) + r")(?![\w&/-])")


def expand(name: str, abbreviations: dict[str, str] | None = None) -> str:
    """``name`` with its abbreviations written out; ``abbreviations`` (a letter's own
    definitions, "CCHC" → "cải cách hành chính") win over the table."""
    table = {**_table()["abbreviations"], **(abbreviations or {})}
    if not table:
        return name

    def write_out(m: re.Match[str]) -> str:
        full = table[m.group(1)]
        return full[0].upper() + full[1:] if m.start() == 0 else full

    return re.sub(r"\s+", " ", _abbreviation_re(tuple(table)).sub(write_out, name)).strip()


# --- recasing -------------------------------------------------------------------------------

def _canonical_map(forms: list[str]) -> tuple[dict[str, str], re.Pattern[str]]:
    """Lower-case key → printed form, and a case-insensitive regex over the forms."""
    return {f.lower(): f for f in forms}, whole_words_re(forms)


@cache
def _proper_re() -> tuple[dict[str, str], re.Pattern[str]]:
    forms = [*_table()["proper"], *provinces()]
    return _canonical_map(forms)


@cache
def _named_head_re() -> tuple[dict[str, str], dict[str, str], re.Pattern[str]]:
    """A head followed by a chain of specific names: "sở giáo dục và đào tạo"."""
    head_map = {h.lower(): h for h in heads()}
    field_map = {f.lower(): f for f in _table()["fields"]}
    field = alternation(list(field_map.values()))
    chain = rf"(?:{field})(?:(?:\s*,\s*|\s+và\s+|\s*-\s*)(?:{field}))*"
    guard = "".join(f"(?<!{w} )" for w in _COMPOUND_BEFORE)
    pattern = rf"(?<!\w){guard}(?P<head>{alternation(heads())})\s+(?P<chain>{chain})(?!\w)"
    return head_map, field_map, re.compile(pattern, re.I)


@cache
def _fixed_head_re() -> tuple[dict[str, str], re.Pattern[str]]:
    """Multi-word heads always capitalised ("Ủy ban nhân dân", "Ban Chấp hành")."""
    fixed = [h for h in heads() if " " in h and not h.startswith("Các ")
             and (any(w[0].isupper() for w in h.split()[1:]) or h.endswith("nhân dân"))]
    return _canonical_map(fixed)


@cache
def _title_re() -> tuple[dict[str, str], re.Pattern[str]]:
    forms = [t for t in titles() if " " in t or t in ("Chủ tịch", "Bộ trưởng", "Thủ tướng")]
    forms = forms + [f"Phó {t}" for t in forms]
    return _canonical_map(forms)


@cache
def _locality_re() -> re.Pattern[str]:
    words = alternation(_table()["localities"])
    return re.compile(rf"(?<!\w)(?:{words})\s+(?P<name>\w+(?:\s+\w+)?)", re.I)


def _apply(text: str, mapping: dict[str, str], regex: re.Pattern[str]) -> str:
    def repl(m: re.Match[str]) -> str:
        key = re.sub(r"\s+", " ", m.group().lower())
        form = mapping.get(key)
        return _same_spacing(m.group(), form) if form else m.group()

    return regex.sub(repl, text)


def _same_spacing(printed: str, form: str) -> str:
    """``form``'s letter case laid over ``printed`` (which may hold line breaks or double spaces)."""
    if len(printed) == len(form):
        return form
    out, letters = [], iter(form.replace(" ", ""))
    for ch in printed:
        out.append(ch if ch.isspace() else next(letters, ch))
    return "".join(out)


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def recase(upper: str) -> str:
    """Uppercase header or title text in sentence case, keeping proper names, agency names,
    roman numerals and abbreviations: "VỀ VIỆC ỦY QUYỀN CHO GIÁM ĐỐC SỞ NÔNG NGHIỆP VÀ MÔI
    TRƯỜNG" → "Về việc ủy quyền cho Giám đốc Sở Nông nghiệp và Môi trường". Words already in mixed
    case (not all capitals) are kept as printed."""
    words = list(re.finditer(r"\S+", upper))
    keep = [m for m in words if not _is_upper_word(m.group()) or _is_code(m.group(), upper, m.start())]
    text = upper.lower()
    if len(text) != len(upper):  # a letter whose lower case changes length: leave the text alone
        return upper
    text = _apply(text, *_fixed_head_re())
    text = _apply(text, *_title_re())
    text = _capitalise_named_heads(text)
    text = _capitalise_places(text)
    text = _apply(text, *_proper_re())
    text = _capitalise_people(text)
    chars = list(text)
    for m in keep:
        chars[m.start():m.end()] = m.group()
    text = "".join(chars)
    first = re.search(r"\w", text)
    return text[: first.start()] + text[first.start()].upper() + text[first.start() + 1:] if first else text


def _is_upper_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _is_code(word: str, text: str, start: int) -> bool:
    """An abbreviation, a number or a roman numeral: kept in capitals ("CCHC", "QH15", "XIV")."""
    core = word.strip(".,;:()\"'“”")
    if not core or any(c.isdigit() for c in core) or "&" in core or "/" in core:
        return True
    if core in _table()["abbreviations"] or not re.search(r"[aeiouy]", _base_letters(core), re.I):
        return True
    if _ROMAN_RE.fullmatch(core):
        before = text[:start].split()
        return len(core) > 2 or bool(before and before[-1].lower() in _ROMAN_CONTEXT)
    return False


def _base_letters(word: str) -> str:
    """``word`` without diacritics ("CHÍNH" → "CHINH")."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _capitalise_named_heads(text: str) -> str:
    head_map, field_map, regex = _named_head_re()

    def repl(m: re.Match[str]) -> str:
        head = head_map.get(re.sub(r"\s+", " ", m["head"].lower()), _cap(m["head"]))
        chain = re.sub(
            alternation(list(field_map.values())),
            lambda f: _same_spacing(f.group(), field_map.get(re.sub(r"\s+", " ", f.group().lower()), f.group())),
            m["chain"],
            flags=re.I,
        )
        return _same_spacing(m["head"], head) + m.group()[len(m["head"]): m.start("chain") - m.start()] + chain

    return regex.sub(repl, text)


@cache
def _person_re() -> re.Pattern[str]:
    surnames = alternation(_table()["surnames"])
    return re.compile(rf"(?<!\w)(?P<name>(?:{surnames})(?:\s+\w+){{1,3}})", re.I)


def _capitalise_people(text: str) -> str:
    """A family name and the words after it capitalised where a title or "đồng chí" precedes."""
    def repl(m: re.Match[str]) -> str:
        before = " ".join(text[max(0, m.start() - 40): m.start()].split()[-3:]).lower()
        if not before.endswith(_PERSON_AFTER):
            return m.group()
        words = list(re.finditer(r"\w+", m["name"]))
        kept = next((i for i, w in enumerate(words[1:], 1) if w.group().lower() in _NOT_PERSON), len(words))
        if kept < 2:
            return m.group()
        cut = words[kept - 1].end()
        name = re.sub(r"\w+", lambda w: _cap(w.group()), m["name"][:cut]) + m["name"][cut:]
        return name

    return _person_re().sub(repl, text)


def _capitalise_places(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        words = m["name"].split()
        if words[0].lower() in _NOT_PLACE:
            return m.group()
        kept = 1 if len(words) > 1 and words[1].lower() in _NOT_PLACE else len(words)
        name = m["name"]
        cut = name.find(words[kept - 1]) + len(words[kept - 1])
        capitalised = re.sub(r"\w+", lambda w: _cap(w.group()), name[:cut]) + name[cut:]
        return m.group()[: m.start("name") - m.start()] + capitalised

    return _locality_re().sub(repl, text)
