"""Header extractor: type, number and symbol, issuer, place and date, subject, urgency,
confidentiality, recipients, cc and signer (Nghị định 30/2020/NĐ-CP layout).

The letter is read line by line from the top (issuer, motto, "Số:", place and date, title and
trích yếu, "Kính gửi"), until the first line that belongs to the body; a "Căn cứ" preamble and
its enacting line ("QUYẾT ĐỊNH:") are skipped. The closing block ("Nơi nhận" and the signature,
in either order: the source prints them as two columns) is found after the body. Shapes live in
``data/header.toml`` and ``data/numbers.toml``; names of bodies are recased with ``bodies``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from . import bodies
from .data import alternation, load
from .dates import find_dates, iso_date
from .document import Doc
from .patterns import pattern
from .schema import Document, Signer, Span

_UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"  # capitals
HEADER_LINES = 60  # the header never runs longer than this many lines
SIGNATURE_REACH = 14  # lines between "Nơi nhận" and a signature block printed beside it


@dataclass
class HeaderResult:
    document: Document
    body: Span  # the letter's body: after the addressee line (or title), before the signature block
    closing: Span | None = None  # signature block and "Nơi nhận", when found
    annex: Span | None = None  # what follows the closing block (appendices, forms), when any


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str


@dataclass
class _Top:
    """What the top of the letter gave, with spans, and the index of the first body line."""

    fields: dict = field(default_factory=dict)
    spans: dict = field(default_factory=dict)
    issuer_parts: list[Line] = field(default_factory=list)
    authority: Line | None = None
    date_printed: bool = False  # a date line was printed, even if left blank
    body_index: int = 0

    def put(self, name: str, value, span: Span | None) -> None:
        if value in (None, "", []):
            return
        self.fields[name] = value
        if span is not None:
            self.spans[name] = span


# ----------------------------------------------------------------------------- tables

@cache
def _table() -> dict:
    return load("header")


@cache
def _re(name: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(_table()[name], flags)


@cache
def _junk_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _table()["junk"]))


@cache
def _motto_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _table()["motto"]))


@cache
def _type_re() -> re.Pattern[str]:
    names = [n for n in load("doc_types")["types"] if "(" not in n]
    return re.compile(rf"^(?P<type>{alternation([n.upper() for n in names])})(?=\s|$)(?P<rest>.*)$")


@cache
def _type_names() -> dict[str, str]:
    return {n.upper(): n for n in load("doc_types")["types"] if "(" not in n}


@cache
def _mark_re(name: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation(_table()[name])})$", re.I)


@cache
def _title_head_re() -> re.Pattern[str]:
    """An office-holder title opening an uppercase line ("CHỦ TỊCH ỦY BAN …", "BỘ TRƯỞNG …")."""
    forms = [t.upper() for t in bodies.titles()]
    return re.compile(rf"^(?:PHÓ\s+)?(?:{alternation(forms)})(?=\s|$|,)\s*,?\s*")


@cache
def _head_start_re() -> re.Pattern[str]:
    """An agency head opening an uppercase run ("BỘ", "CỤC", "ỦY BAN NHÂN DÂN", "UBND")."""
    forms = [h.upper() for h in bodies.heads() if not h.startswith("Các ")]
    abbr = [k for k, v in bodies.abbreviations().items() if k.isupper() and any(v.startswith(h) for h in bodies.heads())]
    return re.compile(rf"^(?:{alternation(forms)}|{alternation(abbr)})(?=\s|$|,)")


@cache
def _junction_terms() -> frozenset[str]:
    """Multi-word names in capitals: a line break inside one of them does not start a new body."""
    table = load("agencies")
    words = [*bodies.heads(), *bodies.titles(), *table["fields"], *table["proper"], *bodies.provinces(),
             "Nhân dân", "Chính phủ", "Thành phố", "Hành chính công"]
    return frozenset(w.upper() for w in words if " " in w)


# ----------------------------------------------------------------------------- lines

def _lines(doc: Doc) -> list[Line]:
    """The text's non-empty lines, stripped, with conversion markup lines left out."""
    out = []
    for start, end in doc.lines():
        raw = doc.text[start:end]
        text = raw.strip()
        if not text or _junk_re().fullmatch(text):
            continue
        lead = len(raw) - len(raw.lstrip())
        out.append(Line(start + lead, start + lead + len(text), text))
    return out


def _unflatten(doc: Doc, lines: list[Line]) -> list[Line]:
    """Header lines as one part each: a header printed on one long line (web dumps) is cut into
    its parts, "Số:" printed alone is joined to the number on the next line, and a line holding
    both number and date ("Số: /QĐ-UBND Hà Nội, ngày …") is cut in two."""
    out: list[Line] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        if k < HEADER_LINES // 4 and re.fullmatch(_table()["number_lead"], line.text) and k + 1 < len(lines):
            line = Line(line.start, lines[k + 1].end, doc.text[line.start:lines[k + 1].end])
            k += 1
        flat = k < 5 and len(line.text) > _table()["flat_line_length"]
        out.extend(_cut_flat(line, flat) if k < HEADER_LINES // 4 else [line])
        k += 1
    return out


@cache
def _flat_cut_re() -> re.Pattern[str]:
    types = alternation([n.upper() for n in _type_names()])
    return re.compile(
        rf"(?P<motto>{_motto_re().pattern})|(?P<rule>-{{3,}})"
        rf"|(?P<number>{_table()['number_lead']}(?=\d|/))"
        rf"|(?P<place>(?<![\w/-])(?:(?:Thành\s+phố|TP\.?)\s+)?(?:[{_UPPER}][^\W\d_]*\s+){{0,4}}[{_UPPER}][^\W\d_]*"
        rf",?\s+(?=ngày\s*\d{{0,2}}\s*tháng))"
        rf"|(?P<subject>(?<!\w)(?:V/v|V/V)\s)|(?P<recipients>Kính\s+gửi\s*:)"
        rf"|(?P<title>(?<=\s)(?:{types})(?=\s+[{_UPPER}]{{2}}))"
    )


@cache
def _body_opener_re() -> re.Pattern[str]:
    return re.compile(rf"(?<=[\w)])\s+(?:{alternation(_table()['body_openers'])})\b")


_FLAT_ONLY = ("motto", "rule", "title")  # marks that cut only a whole-header line


def _cut_flat(line: Line, flat: bool) -> list[Line]:
    marks = [m for m in _flat_cut_re().finditer(line.text) if flat or m.lastgroup not in _FLAT_ONLY]
    if len(marks) < 2 and not (marks and marks[0].start() > 0):
        return [line]
    cuts = {0, len(line.text)}
    for m in marks:
        cuts.add(m.start())
        if m.lastgroup in ("motto", "rule"):
            cuts.add(m.end())
            run = re.search(rf"(?:[{_UPPER}][^\s]*\s+){{1,12}}$", line.text[: m.start()])
            if run:  # "… do Bảo hiểm xã hội Việt Nam ban hành. BẢO HIỂM XÃ HỘI VIỆT NAM ----"
                cuts.add(run.start())
        if m.lastgroup == "place":
            date = re.compile(r"ngày\s*\d{0,2}\s*tháng\s*\d{0,2}\s*năm\s*\d{0,4}").search(line.text, m.end())
            if date:
                cuts.add(date.end())
        if m.lastgroup in ("title", "recipients"):
            stop = _body_opener_re().search(line.text, m.end()) if m.lastgroup == "recipients" else \
                re.compile(rf"\s+(?=[{_UPPER}]?[^\W\d_{_UPPER}])").search(line.text, m.end())
            if stop:
                cuts.add(stop.start())
                break  # the body starts here: what follows is not the header
    bounds = sorted(cuts)
    parts = [_sub_line(line, a, b) for a, b in zip(bounds, bounds[1:])]
    return [p for p in parts if p.text and not _junk_re().fullmatch(p.text)]


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _span_of(lines: list[Line]) -> Span:
    return (lines[0].start, lines[-1].end)


def _joined(lines: list[Line]) -> str:
    return re.sub(r"\s+", " ", " ".join(line.text for line in lines)).strip()


def _sub_line(line: Line, start: int, end: int) -> Line:
    """The part ``[start, end)`` of a line's text, stripped, as a line of its own."""
    part = line.text[start:end]
    lead = len(part) - len(part.lstrip())
    text = part.strip()
    return Line(line.start + start + lead, line.start + start + lead + len(text), text)


# ----------------------------------------------------------------------------- the top

def extract_header(doc: Doc) -> HeaderResult:
    lines = _unflatten(doc, _lines(doc))
    if not lines:
        return HeaderResult(document=Document(), body=(0, len(doc.text)))
    top = _read_top(doc, lines)
    closing = _read_closing(lines, top.body_index)
    fields, spans = dict(top.fields), dict(top.spans)
    _fill_issuer(top, fields, spans)
    _fill_fallbacks(doc, lines, top, fields, spans)
    if closing.signer.name or closing.signer.title:
        fields["signer"] = closing.signer
        spans.update(closing.spans)
    if closing.cc:
        fields["cc"] = closing.cc
        spans["cc"] = closing.cc_span
    document = Document(**fields)
    document.provenance = {name: doc.provenance(span) for name, span in spans.items()}
    body_start = lines[top.body_index].start if top.body_index < len(lines) else len(doc.text)
    body_end = closing.start if closing.start is not None else lines[-1].end
    annex = None
    if closing.end is not None and doc.text[closing.end:lines[-1].end].strip():
        after = re.search(r"\S", doc.text[closing.end:])
        annex = (closing.end + after.start(), lines[-1].end)
    return HeaderResult(
        document=document,
        body=(body_start, max(body_start, body_end)),
        closing=(closing.start, closing.end) if closing.start is not None else None,
        annex=annex,
    )


def _read_top(doc: Doc, lines: list[Line]) -> _Top:
    top = _Top()
    i, limit = 0, min(len(lines), HEADER_LINES)
    while i < limit:
        line = lines[i]
        rest = _strip_motto(line)
        if rest is None:  # the whole line is the motto
            i += 1
            continue
        step = _read_header_line(doc, lines, i, rest, top)
        if step == 0:
            break
        i += step
    top.body_index = _skip_preamble(lines, i)
    return top


def _strip_motto(line: Line) -> list[Line] | None:
    """The parts of a line left when the motto is cut out; None when nothing is left."""
    parts, pos = [], 0
    for m in _motto_re().finditer(line.text):
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, len(line.text)))
    kept = [_sub_line(line, s, e) for s, e in parts if line.text[s:e].strip(" -–,.")]
    if not kept:
        return None
    if len(kept) == 1 and kept[0].text == line.text:
        return [line]
    # a motto split over lines: "CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG" / "HÒA XÃ HỘI …"
    return [p for p in kept if not _is_motto_piece(p.text)] or None


def _is_motto_piece(text: str) -> bool:
    return bool(re.fullmatch(
        r"(?:CỘNG(?:\s+HÒA)?(?:\s+XÃ)?(?:\s+HỘI)?|(?:HÒA\s+)?(?:XÃ\s+)?(?:HỘI\s+)?CHỦ\s+NGHĨA\s+VIỆT\s+NAM"
        r"|HÒA\s+XÃ\s+HỘI(?:\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM)?|ĐẢNG\s+CỘNG\s+SẢN|VIỆT\s+NAM|Độc\s+lập.*)",
        text.strip(" -–,."),
    ))


def _read_header_line(doc: Doc, lines: list[Line], i: int, parts: list[Line], top: _Top) -> int:
    """Read the header element that starts at line ``i``; return how many lines it took (0: the
    body starts here)."""
    f = top.fields
    line = lines[i]
    seen_core = any(k in f for k in ("number", "symbol", "date", "place", "type", "subject"))
    if len(parts) == 1 and parts[0].text == line.text and _is_motto_piece(line.text):
        return 1
    if "symbol" not in f and "number" not in f:
        taken = _read_number(doc, lines, i, parts, top)
        if taken:
            return taken
    if "place" not in f and "date" not in f and i < 25:
        taken = _read_place_date(doc, lines, i, parts, top)
        if taken:
            return taken
    text = line.text
    for name in ("urgency", "confidentiality"):
        mark = _mark_re(name).match(text.strip(" .:"))
        if mark and name not in f:
            canonical = next(w for w in _table()[name] if w.lower() == mark.group().lower())
            top.put(name, canonical, (line.start, line.end))
            return 1
    if _re("recipients_lead").match(text) and "recipients" not in f and seen_core:
        return _read_recipients(lines, i, top)
    if "subject" not in f and seen_core and _re("subject_lead").match(text):
        return _read_plain_subject(lines, i, top)
    if "type" not in f and "subject" not in f:
        taken = _read_title(doc, lines, i, top)
        if taken:
            return taken
    if "subject" not in f and "type" not in f and ("number" in f or "symbol" in f) and text.startswith("Về "):
        return _read_plain_subject(lines, i, top)  # "Về hướng dẫn …" printed under the number
    telegram = _re("telegram_lead").search(text)
    if telegram and "recipients" not in f and _is_upper(telegram["sender"] or "XX"):
        return _read_telegram(lines, i, top)
    if not seen_core and all(_is_upper(p.text) or not re.search(r"[^\W\d_]", p.text) for p in parts):
        top.issuer_parts.extend(_upper_runs(parts))
        return 1
    if not seen_core and i < 8 and not any(_is_upper(p.text) for p in parts) and not top.issuer_parts:
        return 1  # a web page's title or a template note above the header
    return 0


def _upper_runs(parts: list[Line]) -> list[Line]:
    """Runs of capitalised words in the given line parts ("1. ỦY BAN NHÂN DÂN TỈNH AN GIANG")."""
    runs = []
    for part in parts:
        for m in re.finditer(r"[^\s]+(?:\s+[^\s]+)*", part.text):
            words = list(re.finditer(r"\S+", m.group()))
            upper = [w for w in words if _is_upper(w.group()) or w.group() in ("&", "-", "–")]
            if not upper:
                continue
            first = next(w for w in words if _is_upper(w.group()))
            last = [w for w in words if _is_upper(w.group())][-1]
            runs.append(_sub_line(part, m.start() + first.start(), m.start() + last.end()))
    return runs


# --- number and symbol

def _read_number(doc: Doc, lines: list[Line], i: int, parts: list[Line], top: _Top) -> int:
    """"Số: 1795 /UBND-NC", "Số 35-CT/TU", "Số:      /KH-UBND"; the symbol may run onto the next
    line ("Số: 3783/QĐ-" / "UBND"). Returns the lines taken."""
    end = lines[min(i + 1, len(lines) - 1)].end
    for part in parts:
        lead = _re("number_lead").search(part.text)
        if not lead:
            continue
        pos = part.start + lead.end()
        spaced = pattern("spaced_digits").match(doc.text, pos)  # "0 7/2024/QĐ-UBND"
        for name in ("party_number_symbol", "number_symbol", "blank_number_symbol"):
            m = pattern(name).match(doc.text, spaced.end() if spaced else pos, end)
            if m:
                number = m.groupdict().get("number")
                if number and spaced:
                    number = spaced["head"] + number
                _put_number(part, m, part.start + lead.start(), number, top)
                return 2 if m.end() > lines[i].end else 1
    return 0


def _put_number(part: Line, m: re.Match[str], lead_start: int, number: str | None, top: _Top) -> None:
    span = (lead_start, m.end())
    top.put("number", number, span)
    year = m.groupdict().get("year")
    top.put("year", int(year) if year else None, span)
    top.put("symbol", re.sub(r"\s+", "", m["symbol"]).rstrip(".,;"), span)
    before = part.text[: lead_start - part.start]
    if _is_upper(before):  # "ỦY BAN NHÂN DÂN TỈNH AN GIANG Số: …" on one line
        top.issuer_parts.extend(_upper_runs([_sub_line(part, 0, lead_start - part.start)]))


# --- place and date

def _read_place_date(doc: Doc, lines: list[Line], i: int, parts: list[Line], top: _Top) -> int:
    """"Kiên Giang, ngày 22 tháng 12 năm 2020", possibly split over the next line."""
    regex = _re("place_date")
    for part in parts:
        end = lines[min(i + 1, len(lines) - 1)].end
        m = regex.match(doc.text, part.start, end)
        if not m or len(m["place"].split()) > 7 or re.search(r"\d", m["place"]):
            continue
        if not m["place"][0].isupper():
            continue
        place = _trim_place(re.sub(r"\s+", " ", m["place"]).strip(" ,-–"))
        if _motto_re().search(place):
            continue
        top.put("place", place, m.span("place"))
        date = iso_date(m["day"], m["month"], m["year"]) if m["day"] and m["month"] and m["year"] else None
        # a blank date ("ngày   tháng   năm 2026") is recorded as printed but has no value
        top.date_printed = True
        top.put("date", date, (m.start("place"), m.start() + len(m.group().rstrip())))
        end = m.start() + len(m.group().rstrip())
        return 2 if end > lines[i].end else 1
    return 0


def _trim_place(place: str) -> str:
    """"Luật BHYT Hà Nội" (a subject run into the place on a one-line header) → "Hà Nội"."""
    for name in sorted(bodies.provinces(), key=len, reverse=True):
        if place.endswith(name) and place != name:
            head = place[: -len(name)].strip()
            return place if re.fullmatch(r"(?i:thành phố|tp\.?|tỉnh)", head) else name
    return place


# --- title, subject and addressees

def _read_title(doc: Doc, lines: list[Line], i: int, top: _Top) -> int:
    """"QUYẾT ĐỊNH" (and the uppercase trích yếu under it, and the enacting body's name)."""
    line = lines[i]
    m = _type_re().match(line.text)
    if not m or line.text.rstrip().endswith(":"):
        return 0
    rest = m["rest"].strip()
    if rest and _is_upper(rest) and not re.match(r"(?:VỀ|V/V)\b", rest):
        return 0  # an uppercase line that only begins with a type's words ("CHỈ THỊ SỐ 32 …")
    top.put("type", _type_names()[re.sub(r"\s+", " ", m["type"])], (line.start, line.start + m.end("type")))
    block: list[Line] = []
    if rest:
        block.append(_sub_line(line, m.start("rest"), len(line.text)))
    j = i + 1
    if not block or _is_upper(block[0].text):
        if not block and j < len(lines) and not _is_upper(lines[j].text) and not _ends_subject(lines[j].text):
            block.append(lines[j])  # a mixed-case trích yếu: "Về việc treo cờ Tổ quốc"
            j += 1
            authority = _authority_lines(lines, j)
            named = [line for line in authority if not _re("session").match(line.text)]
            if named and _is_authority(_joined(named), top):
                top.authority = Line(named[0].start, named[-1].end, _joined(named))
                j += len(authority)
        else:
            while j < len(lines) and _is_upper(lines[j].text) and not _motto_re().search(lines[j].text):
                block.append(lines[j])
                j += 1
            block, j = _peel_authority(lines, block, j, top)
    if block:
        _put_subject(block, top)
    return j - i


def _ends_subject(text: str) -> bool:
    return bool(_re("preamble").match(text) or _re("recipients_lead").match(text) or _re("enacting").match(text))


def _peel_authority(lines: list[Line], block: list[Line], j: int, top: _Top) -> tuple[list[Line], int]:
    """Take the enacting body's name ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "CHÍNH PHỦ") and
    a resolution's session line off the end of an uppercase title block."""
    while block and _re("session").match(block[-1].text):
        block = block[:-1]
    telegram = _re("telegram_lead").search(lines[j].text) if j < len(lines) else None
    tail = [_sub_line(lines[j], 0, telegram.start("sender") + len(telegram["sender"]))] if telegram else []
    for k in (1, 2, 3):
        if len(block) <= k and not (tail and len(block) >= k):
            break
        candidate = block[-k:] + tail
        if _is_authority(_joined(candidate), top):
            top.authority = Line(candidate[0].start, candidate[-1].end, _joined(candidate))
            return block[:-k], j
    if tail and _is_authority(_joined(tail), top):
        top.authority = tail[0]
    return block, j


def _authority_lines(lines: list[Line], j: int) -> list[Line]:
    """The uppercase lines from ``j`` (the enacting body's name and a session line under it)."""
    block = []
    while j < len(lines) and len(block) < 3 and _is_upper(lines[j].text):
        block.append(lines[j])
        j += 1
    return block


def _is_authority(text: str, top: _Top) -> bool:
    """Whether an uppercase line names the body that enacts the document (the issuer, or its head
    or a title of it)."""
    bare = _title_head_re().sub("", text, count=1)
    if not _head_start_re().match(bare) and not _title_head_re().match(text):
        return False
    known = [bodies.fold(_joined(top.issuer_parts))] if top.issuer_parts else []
    if not known:
        return True
    said = bodies.fold(bare) or bodies.fold(text)
    return any(k.startswith(said) or said.startswith(k) or said in k for k in known if k)


def _read_plain_subject(lines: list[Line], i: int, top: _Top) -> int:
    """"V/v …" (a letter's trích yếu), with its wrapped continuation lines before the date or
    the addressee line."""
    block = [lines[i]]
    j = i + 1
    while j < len(lines) and j < i + 4:
        following = lines[j:j + 3]
        if _is_header_anchor(lines[j].text):
            break
        if not any(_is_header_anchor(line.text) for line in following):
            break
        block.append(lines[j])
        j += 1
    _put_subject(block, top)
    if "type" not in top.fields:
        top.put("type", "Công văn", (lines[i].start, lines[i].start + 3))
    return j - i


def _is_header_anchor(text: str) -> bool:
    return bool(
        _re("place_date").match(text) or _re("recipients_lead").match(text)
        or _re("number_lead").match(text) or _motto_re().search(text)
    )


def _put_subject(block: list[Line], top: _Top) -> None:
    text = _joined(block)
    text = _re("subject_drop").sub("", text, count=1).strip(" .;:")
    if not text:
        return
    if _is_upper(text):
        text = bodies.recase(text)
    top.put("subject", text[0].upper() + text[1:], _span_of(block))


def _read_recipients(lines: list[Line], i: int, top: _Top) -> int:
    line = lines[i]
    lead = _re("recipients_lead").match(line.text)
    body = _run_on_body(line.text, lead.end(), top) if len(line.text) > _table()["flat_line_length"] else None
    if body:  # the line is cut where the body starts: what follows is the body's first line
        lines[i : i + 1] = [_sub_line(line, 0, body), _sub_line(line, body, len(line.text))]
        line = lines[i]
    first = line.text[lead.end():].strip()
    if first and not first.endswith(":"):
        top.put("recipients", [_clean_item(first)], (line.start + lead.end(), line.end))
        return 1
    items, j = _dash_list(lines, i + 1, [first] if first else [])
    if items:
        top.put("recipients", [_clean_item(t) for t, _ in items], (items[0][1][0], items[-1][1][1]))
    return j - i


def _run_on_body(text: str, pos: int, top: _Top) -> int | None:
    """Where the body starts on an addressee line that runs on into it (after ``pos``): at a body
    opener, or where the letter's own issuer speaks of itself ("Kính gửi: Thuế tỉnh Ninh Bình Cục Thuế
    nhận được công văn số …" under the header's "CỤC THUẾ")."""
    starts = [m.start() for m in [_body_opener_re().search(text, pos)] if m]
    segments = _issuer_segments(top.issuer_parts)
    if segments:
        own = r"\s+".join(re.escape(w) for w in _joined(segments[-1]).split())
        for m in re.compile(rf"(?<=\s)(?i:{own})\s+(?=[^\W\d_])").finditer(text, pos):
            if text[m.end()].islower():  # the issuer as the subject of a sentence
                starts.append(m.start())
                break
    return min(starts) if starts else None


def _read_telegram(lines: list[Line], i: int, top: _Top) -> int:
    """"THỦ TƯỚNG CHÍNH PHỦ điện:" and the dash lines of addressees under it."""
    items, j = _dash_list(lines, i + 1, [])
    if items:
        top.put("recipients", [_clean_item(t) for t, _ in items], (items[0][1][0], items[-1][1][1]))
    if top.authority is None:
        m = _re("telegram_lead").search(lines[i].text)
        if m["sender"].strip():
            top.authority = _sub_line(lines[i], 0, m.end("sender"))
    return j - i


def _dash_list(lines: list[Line], j: int, opening: list[str]) -> tuple[list[tuple[str, Span]], int]:
    """Items of a dash list from line ``j``: one per dash line; a line that does not open with a
    dash continues the item before it, and so does a dash line under an item ending in ":"
    ("- Các Bộ:" / "+ Công an") or, in a list whose items end in ";", in "," (a line broken by the
    source: "- … các tỉnh: Gia Lai," / "- Đắk Lẳk và Khánh Hòa;")."""
    items: list[tuple[str, Span]] = []
    open_ends = (",", ":") if _list_separator(lines, j) == ";" else (":",)
    while j < len(lines):
        text = lines[j].text
        if _re("co_recipients_lead").match(text):
            j = _skip_dash_list(lines, j + 1)
            break
        dash = re.match(r"^[-–—+•]\s*", text)
        open_item = items and items[-1][0].rstrip().endswith(open_ends if dash else (",", ":"))
        if dash and not open_item:
            items.append((text[dash.end():], (lines[j].start + dash.end(), lines[j].end)))
        elif items and (open_item or dash):
            body = text[dash.end():] if dash else text
            items[-1] = (items[-1][0].rstrip() + " " + body, (items[-1][1][0], lines[j].end))
        elif not items and not dash and len(text) < 120 and text.endswith((";", ".", ",")) and not opening:
            items.append((text, (lines[j].start, lines[j].end)))  # an addressee without a dash
            if text.endswith((";", ",")):
                j += 1
                continue
            j += 1
            break
        else:
            break
        j += 1
    return items, j


def _list_separator(lines: list[Line], j: int) -> str:
    """";" when an item of the dash list from line ``j`` ends in it, else ","."""
    end = _skip_dash_list(lines, j)
    return ";" if any(line.text.endswith(";") for line in lines[j:end]) else ","


def _skip_dash_list(lines: list[Line], j: int) -> int:
    while j < len(lines) and re.match(r"^[-–—+•]", lines[j].text):
        j += 1
    return j


def _clean_item(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip(";,.:").strip()


def _skip_preamble(lines: list[Line], i: int) -> int:
    """Skip "Căn cứ …;" legal-basis lines at the body's start: up to the enacting line that
    follows them ("QUYẾT ĐỊNH:"), or, without one, the lines that each end in ";"."""
    if i >= len(lines) or not _re("preamble").match(lines[i].text):
        return i
    for j in range(i + 1, min(len(lines), i + 40)):
        text = lines[j].text
        if _re("enacting").match(text) or _enacts(text):
            return j + 1
        if re.match(r"(?:Điều\s+\d|Chương\s+[IVXL\d]|[IVX]+\.\s|\d+\.\s)", text):
            break
    j = i
    while j < len(lines) and _re("preamble").match(lines[j].text) and lines[j].text.endswith(";"):
        j += 1
    return j


def _enacts(text: str) -> bool:
    """"Bộ trưởng Bộ Công an ban hành Thông tư …": the enacting sentence of a circular."""
    return bool(re.search(r"\bban hành\b.*\b(?:Thông tư|Quyết định|Chỉ thị|Nghị quyết)\b.*\.$", text)) and len(text) < 400


# ----------------------------------------------------------------------------- issuer

def _issuer_segments(parts: list[Line]) -> list[list[Line]]:
    """Split the header's uppercase lines into bodies ("BỘ TÀI CHÍNH" / "CỤC THUẾ"): an agency head
    starts a new one, unless a name runs across the break ("VĂN / PHÒNG CHÍNH PHỦ")."""
    segments: list[list[Line]] = []
    for part in parts:
        for piece in _split_at_heads(part):
            if segments and not _starts_new_body(_joined(segments[-1]), piece.text):
                segments[-1].append(piece)
            else:
                segments.append([piece])
    return segments


def _split_at_heads(part: Line) -> list[Line]:
    """A line naming two bodies ("BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN") cut before the second."""
    pieces, start = [], 0
    for word in re.finditer(r"\S+", part.text):
        if word.start() > start and _starts_new_body(part.text[start:word.start()], part.text[word.start():]):
            pieces.append(_sub_line(part, start, word.start()))
            start = word.start()
    pieces.append(_sub_line(part, start, len(part.text)))
    return pieces


def _starts_new_body(before_text: str, after_text: str) -> bool:
    if not _head_start_re().match(after_text):
        return False
    before, after = before_text.split(), after_text.split()
    if _head_start_re().fullmatch(" ".join(before)):
        return False  # "VĂN PHÒNG" / "CHÍNH PHỦ": a head alone names no body yet
    if len(before) < 2 or before[-1] in ("VÀ", "-", "–", "&") or before[-1].endswith(","):
        return False
    terms = _junction_terms()
    return not any(
        " ".join(before[-a:] + after[:b]) in terms
        for a in range(1, min(5, len(before)) + 1) for b in range(1, min(5, len(after)) + 1)
    )


def _body_name(text: str) -> str:
    return bodies.expand(bodies.recase(text))


def _fill_issuer(top: _Top, fields: dict, spans: dict) -> None:
    segments = _issuer_segments(top.issuer_parts)
    if not segments and top.authority is not None:
        bare = _title_head_re().sub("", top.authority.text, count=1)
        if _head_start_re().match(bare):
            fields["issuer"] = _body_name(bare)
            spans["issuer"] = (top.authority.start, top.authority.end)
        return
    if not segments:
        return
    issuer, parent = segments[-1], segments[-2] if len(segments) > 1 else None
    name = _body_name(_joined(issuer))
    if parent:
        fields["parent_issuer"] = _body_name(_joined(parent))
        spans["parent_issuer"] = _span_of(parent)
        name = _with_locality(name, fields["parent_issuer"])
    fields["issuer"] = name
    spans["issuer"] = _span_of(issuer)


@cache
def _locality_re() -> re.Pattern[str]:
    words = load("agencies")["localities"] + ["Thành phố", "Trung ương"]
    return re.compile(rf"(?<!\w)(?:{alternation(words)})(?!\w).*$")


def _with_locality(name: str, parent: str) -> str:
    """"Sở Giáo dục và Đào tạo" under "Ủy ban nhân dân Thành phố Hồ Chí Minh" → "Sở Giáo dục và
    Đào tạo Thành phố Hồ Chí Minh": the parent's locality, when the issuer prints none."""
    own = _locality_re().search(name)
    theirs = _locality_re().search(parent)
    if own or not theirs or any(p.lower() in name.lower() for p in bodies.provinces()):
        return name
    return f"{name} {theirs.group()}"


def _fill_fallbacks(doc: Doc, lines: list[Line], top: _Top, fields: dict, spans: dict) -> None:
    """A resolution whose header is lost: the date it was passed, the number its annex heading
    prints; a type from the symbol."""
    if "date" not in fields and not top.date_printed:
        m = None
        for m in _re("passed_date").finditer(doc.text):
            pass
        if m is not None:
            date = iso_date(m["day"], m["month"], m["year"])
            if date:
                fields["date"] = date
                spans["date"] = m.span()
    if not fields.get("number") and not fields.get("symbol") and (fields.get("date") or not top.date_printed):
        _fill_attached_number(doc, fields, spans)
    if "type" not in fields and fields.get("symbol"):
        head = re.split(r"[-/]", fields["symbol"])[0]
        for name, symbols in load("doc_types")["types"].items():
            if head in symbols and "(" not in name:
                fields["type"] = name
                break
        else:
            if fields.get("recipients"):
                fields["type"] = "Công văn"


def _fill_attached_number(doc: Doc, fields: dict, spans: dict) -> None:
    """"(Ban hành kèm theo Nghị quyết số 08/NQ-HĐND ngày 14 tháng 7 năm 2017 …)": the number of the
    document whose own date follows it; without an own date, of the document of its type whose
    annex heading opens a line (with that date)."""
    for lead in _re("attached_to", re.M).finditer(doc.text):
        m = pattern("party_number_symbol").match(doc.text, lead.end()) or pattern("number_symbol").match(doc.text, lead.end())
        dates = find_dates(doc.text, m.end(), m.end() + 40) if m else []
        if not dates or not re.fullmatch(r"\s*,?\s*(?:ngày\s*)?", doc.text[m.end():dates[0].span[0]]):
            continue
        own_heading = lead["heading"] is not None and lead["type"].lower() == (fields.get("type") or "").lower()
        if dates[0].iso == fields.get("date") or (not fields.get("date") and own_heading):
            fields["date"] = dates[0].iso
            spans.setdefault("date", dates[0].span)
            fields["number"] = m["number"]
            fields["year"] = int(m["year"]) if m.groupdict().get("year") else None
            fields["symbol"] = re.sub(r"\s+", "", m["symbol"])
            spans["number"] = spans["symbol"] = m.span()
            return


# ----------------------------------------------------------------------------- closing

@dataclass
class _Closing:
    start: int | None = None
    end: int | None = None
    signer: Signer = field(default_factory=Signer)
    spans: dict = field(default_factory=dict)
    cc: list[str] = field(default_factory=list)
    cc_span: Span | None = None


def _read_closing(lines: list[Line], body_index: int) -> _Closing:
    closing = _Closing()
    cc_index = next((j for j in range(body_index, len(lines)) if _re("cc_lead").match(lines[j].text)), None)
    cc_end = None
    if cc_index is not None:
        cc_end = _read_cc(lines, cc_index, closing)
    signature = _find_signature(lines, body_index, cc_index, cc_end)
    starts, ends = [], []
    if cc_index is not None:
        starts.append(lines[cc_index].start)
        ends.append(lines[cc_end - 1].end)
    if signature:
        closing.signer, closing.spans = signature.signer, signature.spans
        starts.append(signature.span[0])
        ends.append(signature.span[1])
    if starts:
        closing.start, closing.end = min(starts), max(ends)
    return closing


def _read_cc(lines: list[Line], i: int, closing: _Closing) -> int:
    """The "Nơi nhận" items, one per line; returns the index after the list."""
    lead = _re("cc_lead").match(lines[i].text)
    items: list[tuple[str, Span]] = []
    first = lines[i].text[lead.end():].strip()
    if first:
        items.append((first, (lines[i].start + lead.end(), lines[i].end)))
    j = i + 1
    while j < len(lines) and j < i + 40:
        text = lines[j].text
        dash = re.match(r"^[-–—+•]\s*", text)
        if (_is_upper(text) and not dash) or _name_part(text) or len(text) > 200:
            break
        inline = _inline_name(text)
        if inline:  # the signature printed at the end of the last item
            text = text[: inline[0]].rstrip()
            if not text:
                break
        end = lines[j].start + len(text)
        if items and not dash and (not items[-1][0].endswith((";", ".")) or text.startswith("(")):
            items[-1] = (items[-1][0] + " " + text, (items[-1][1][0], end))
        else:
            items.append((text[dash.end():] if dash else text, (lines[j].start + (dash.end() if dash else 0), end)))
        j += 1
        if inline or _re("cc_last").match(text):
            break
    closing.cc = [c for c in (_clean_item(t) for t, _ in items) if c]
    if items:
        closing.cc_span = (items[0][1][0], items[-1][1][1])
    return j


_NAME_WORD = r"[^\W\d_][^\W\d_]*"


def _is_name(text: str) -> bool:
    """A person's name as printed under a signature: 2–5 capitalised words ("Lâm Minh Thành"),
    or the same in capitals when it opens with a family name."""
    words = text.split()
    if not 2 <= len(words) <= 5 or not all(re.fullmatch(_NAME_WORD, w) for w in words):
        return False
    if all(_is_name_word(w) for w in words):
        return not bodies.agency_head_re().match(text)
    return _is_upper(text) and words[0].title() in load("agencies")["surnames"]


def _is_name_word(word: str) -> bool:
    return bool(re.fullmatch(_NAME_WORD, word)) and word[0].isupper() and (len(word) == 1 or word[1:].islower())


def _name_part(text: str) -> str | None:
    """The name on a name line, without what a conversion left after it (a footnote mark: "Hà
    Minh Hải 3")."""
    m = re.match(r"((?:[^\W\d_]+\s+){1,4}[^\W\d_]+)(?:\s+[\d!\[(].*)?$", text)
    return m.group(1) if m and _is_name(m.group(1)) else None


def _inline_name(text: str) -> tuple[int, int, int] | None:
    """A signature printed inside one line ("KT. BỘ TRƯỞNG THỨ TRƯỞNG Đỗ Hoàng Anh Tuấn", "… Lưu:
    VT. BỘ TRƯỞNG, CHỦ NHIỆM Mai Tiến Dũng"): (start of the title run, start and end of the name)."""
    words = list(re.finditer(r"\S+", text))
    for j in range(1, len(words)):
        if not _is_name_word(words[j].group()) or any(c.islower() for c in words[j - 1].group()):
            continue
        k = j
        while k < len(words) and k - j < 5 and _is_name_word(words[k].group()):
            k += 1
        if k - j < 2 or (k < len(words) and words[k].group()[0].islower()):
            continue
        first = j
        while first > 0 and not any(c.islower() for c in words[first - 1].group()):
            first -= 1
        name = text[words[j].start(): words[k - 1].end()]
        if _title_line(text[words[first].start(): words[j].start()]) and _is_name(name):
            return words[first].start(), words[j].start(), words[k - 1].end()
    return None


def _title_line(text: str) -> bool:
    return _is_upper(text) and (bool(_re("authority").search(text)) or bool(_title_search(text)))


@cache
def _title_any_re() -> re.Pattern[str]:
    forms = [t.upper() for t in bodies.titles()]
    return re.compile(rf"(?:PHÓ\s+)?(?:{alternation(forms)})(?=\s|$|,)")


def _title_search(text: str) -> list[re.Match[str]]:
    return list(_title_any_re().finditer(text))


def _find_signature(lines: list[Line], body_index: int, cc_index: int | None, cc_end: int | None) -> _Signature | None:
    """The signature block (authority, title, name) nearest the "Nơi nhận" list, or the first one
    after the body when the letter has no such list."""
    found = []
    for q in range(body_index, len(lines)):
        signature = _signature_at(lines, q, body_index)
        if signature is not None:
            found.append(signature)
            if cc_index is None:
                break
    if not found or cc_index is None:
        return found[0] if found else None

    def distance(sig: _Signature) -> int:
        if sig.first >= cc_end:
            return sig.first - cc_end
        return max(0, cc_index - sig.last)

    best = min(found, key=distance)
    return best if distance(best) <= SIGNATURE_REACH else None


@dataclass
class _Signature:
    first: int  # index of the line where the block starts
    last: int  # index of the name line (or of its repetition)
    span: Span  # from the block's first title to the end of the (last printed) name
    signer: Signer
    spans: dict


def _signature_at(lines: list[Line], q: int, floor: int) -> _Signature | None:
    """A signature whose name is printed on line ``q``, with the title block above it (or before
    it on the same line)."""
    text = lines[q].text
    name_text = _name_part(text)
    block: list[Line] = []
    if name_text is not None:
        name = Line(lines[q].start, lines[q].start + len(name_text), name_text)
        p = q - 1
        while p >= floor and _re("signature_noise").match(lines[p].text):
            p -= 1
    else:
        inline = _inline_name(text)
        if inline is None:
            return None
        block_start, name_start, name_end = inline
        name = _sub_line(lines[q], name_start, name_end)
        block = [_sub_line(lines[q], block_start, name_start)]
        p = q - 1 if block_start == 0 else floor - 1
    while p >= floor and len(block) < 6 and _is_upper(lines[p].text) and not _re("cc_lead").match(lines[p].text):
        block.insert(0, lines[p])
        p -= 1
    if not block or not any(_title_line(line.text) for line in block):
        return None
    signer, spans = _read_signer(block, name)
    repeated = q + 1 < len(lines) and _name_part(lines[q + 1].text) == name.text  # signature caption
    end = lines[q + 1].start + len(name.text) if repeated else name.end
    first = next(k for k in range(max(floor, 0), q + 1) if lines[k].end >= block[0].start)
    return _Signature(first, q + 1 if repeated else q, (block[0].start, end), signer, spans)


def _read_signer(block: list[Line], name: Line) -> tuple[Signer, dict]:
    """Title: the line directly above the name, joined to the lines above it (up to the last
    authority prefix) while it names no title; when other words precede the title on that line
    ("VỀ HQ PHÓ TRƯỞNG BAN", "KT. BỘ TRƯỞNG THỨ TRƯỞNG"), the last title printed. Authority: the
    prefix nearest the title."""
    prefixed = [k for k, line in enumerate(block) if _re("authority").search(line.text)]
    floor = prefixed[-1] + 1 if prefixed and prefixed[-1] < len(block) - 1 else 0
    if prefixed and block[prefixed[-1]].text.endswith((",", "-", "–", " VÀ")):
        floor = prefixed[-1]  # the title runs on: "KT. TRƯỞNG BAN BAN CHÍNH SÁCH," / "THUẾ QUỐC TẾ"
    k = len(block) - 1
    title_lines = [block[k]]
    while not _title_search(_joined(title_lines)) and k > floor:
        k -= 1
        title_lines.insert(0, block[k])
    title_text = _joined(title_lines)
    prefixes = list(_re("authority").finditer(title_text))
    matches = [m for m in _title_search(title_text) if not prefixes or m.start() >= prefixes[-1].end()]
    if prefixes or (matches and matches[0].start() > 0) or len(matches) > 1:
        title_text = title_text[matches[-1].start():] if matches else title_text[prefixes[-1].end():]
    title = bodies.recase(title_text.strip(" ,.")) if title_text.strip(" ,.") else None
    authorities = list(_re("authority").finditer(_joined(block)))
    authority = None
    if authorities:
        last = authorities[-1]
        authority = "KT." if last["kt"] else f"{last['prefix'] or last['q']}."
    person = name.text if not _is_upper(name.text) else " ".join(w.capitalize() for w in name.text.split())
    spans = {"signer": (block[0].start, name.end)}
    return Signer(name=person, title=title, authority=authority), spans
