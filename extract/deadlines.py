"""Deadline extractor: every time limit the letter sets, resolved to ISO dates.

Public API (the tasks extractor imports these):

``extract_deadlines(doc, header) -> list[Deadline]``
    Every limit for finishing or reporting work, in text order, each distinct date once (the first
    span kept); recurring limits ("trước ngày 20 hằng tháng") have ``date`` None unless the letter
    pins a first occurrence, and ``recurrence`` an RFC 5545 RRULE. Event dates, periods of events,
    dates inside citations and limits quoted from past letters are left out.

``find_limits(doc, header) -> list[Deadline]``
    The same limits before de-duplication: every occurrence, so that two tasks printing the same
    date ("trong tháng 11 năm 2025" in items III.2 and III.3) each find their own. Cheap (regexes
    over the text); the tasks extractor calls it rather than relying on the de-duplicated list.

``deadlines_in(deadlines, span) -> list[Deadline]``
    Those deadlines whose span lies inside ``span`` (a task's span), in text order. Pass it
    ``find_limits(doc, header)`` to see every occurrence.

``closing_deadline(doc, header, deadlines, limits=None) -> Deadline | None``
    The limit the letter sets for all its items, if any: a closing sentence that charges the
    addressees with carrying out the letter and reporting by a date ("chỉ đạo thực hiện các nội
    dung nêu trên; báo cáo … chậm nhất là ngày 29/12/2020"), or a plan's "Thời gian thực hiện: Từ
    nay đến hết năm 2025" (or "Thời gian tổ chức phong trào thi đua: … triển khai thực hiện từ tháng
    10 năm 2025 đến hết tháng 3 năm 2026"). A task without a limit of its own, nor a period from its
    heading (``period_deadline``), inherits it (``inherited=True``).
    A closing sentence that only dates a report ("… gửi báo cáo kết quả thực hiện Công văn này
    trước ngày …") or charges one body with following the letter up ("Giao Sở X theo dõi, đôn
    đốc …; báo cáo … trước ngày …") sets no limit for the items.

``period_deadline(doc, header, span, limits=None) -> Deadline | None``
    The period a heading or a list's lead-in (its text at ``span``) sets for the items under it
    ("2. Về nhiệm vụ trọng tâm từ nay đến tháng 6/2027"; "Đề nghị … thực hiện các nhiệm vụ, giải
    pháp … trong 02 tháng cuối năm 2025 …; trong đó lưu ý một số nội dung trọng tâm sau:"). An item
    without a limit of its own inherits it before the letter's ``closing_deadline``.

``to_task_deadline(deadline, inherited=False) -> TaskDeadline``
    The task-level form of a ``Deadline``.

How it works: a trigger regex built from ``data/date_words.toml`` finds the words that set a
limit ("trước", "chậm nhất", "trong", "Thời gian hoàn thành:", "từ nay đến hết", "vào", "định
kỳ", "triển khai thực hiện từ … đến hết …"); each trigger class allows some shapes of time
expression (``dates.parse_timex``), tried in order right after the trigger; when none fits, a
shorter trigger starting inside it is tried ("hoàn thành trong" fails, "trong thời hạn 10 ngày kể
từ ngày ký" fits). A term with no anchor ("trong thời hạn 03 ngày làm việc") counts from the
letter's date only where its sentence names the letter itself ("căn cứ Quyết định này, …"). A
limit label over a dash list ("Thời gian hoàn thành … như sau:") makes each item's value after
its colon a limit ("- Vùng đồng bằng sông Cửu Long: cuối năm 1982;"). The letter's date anchors
yearless dates, relative limits and the "past limit" filter (a limit before the letter's own date
is quoted from an earlier letter) — except in the time column of a table that cites no other
document: that is the letter's own schedule, read as printed.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import cache

from .data import alternation, load, whole_words_re
from .dates import TimeExpr, find_dates, parse_timex
from .document import Doc
from .header import HeaderResult
from .normalize import list_markers
from .patterns import pattern
from .schema import Deadline, Span, TaskDeadline

_PASSED_RE = re.compile(r"thông qua ngày\s+", re.IGNORECASE)  # a resolution's "thông qua ngày …"
_BODY_START_RE = re.compile(r"^\s*(?:Căn cứ|Kính gửi)", re.MULTILINE | re.IGNORECASE)
_CLAUSE_END_RE = re.compile(r"\s*(?:[.;)\n]|$)")
_SIGNATURE_RE = re.compile(r"^\s*Nơi nhận\s*:?", re.MULTILINE)

# Which time-expression shapes (dates.parse_timex) each class of trigger accepts.
_ALLOWED = {
    "before": ("weekly", "full", "monthly", "partial", "relative", "month", "quarter", "half", "year"),
    "within": ("relative", "month", "quarter", "half", "year"),
    "from_now": ("full", "partial", "month", "quarter", "half", "year"),
    "label": ("full", "partial", "relative", "month", "quarter", "half", "year", "years", "span"),
    "at": ("weekly", "monthly", "partial_recurring"),
    "work": ("span",),
}
# "căn cứ Quyết định này, trong thời hạn 03 ngày làm việc …": a term with no anchor printed runs
# from the letter's date when its sentence ties the work to the letter itself.
_OWN_TERM = ("term",)


@cache
def _words() -> dict:
    return load("date_words")


@cache
def _trigger_re() -> re.Pattern[str]:
    w = _words()
    groups = {
        "from_now": rf"(?:{alternation(w['periods']['from_now'])})\s+đến(?:\s+(?:hết|cuối))?",
        "label": rf"(?:{alternation(w['limits']['labels'])})\s*:",
        "before": alternation(w["limits"]["before"]),
        "within": alternation(w["limits"]["within"]),
        "at": alternation(w["limits"]["at"] + w["recurrence"]["lead"]),
        "work": rf"(?:{alternation(w['periods']['work'])})(?=\s+từ\s)",
    }
    body = "|".join(f"(?P<{name}>{rx})" for name, rx in groups.items())
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)\s*", re.IGNORECASE)


@cache
def _skip_line_re() -> re.Pattern[str]:
    """Lines whose dates are other documents' ("Căn cứ Nghị định số …", "Xét đề nghị của … tại
    văn bản số …") or that name the subject ("V/v: … trong những tháng cuối năm 2025")."""
    return re.compile(r"\s*(?:Căn cứ|Xét|Theo đề nghị|V/v|Về việc)(?!\w)", re.IGNORECASE)


@cache
def _description_re() -> re.Pattern[str]:
    """Words just before "trong <period>" that make the period a description, not a limit."""
    words = alternation(_words()["events"]["description"])
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)[^.;:,()]{{0,40}}$", re.IGNORECASE)


@cache
def _program_re() -> re.Pattern[str]:
    """Words just before "từ nay đến …" that make the period part of a program's name."""
    return re.compile(rf"(?<!\w)(?:{alternation(_words()['events']['program'])})(?!\w)[^.;:()]{{0,40}}$", re.IGNORECASE)


@cache
def _event_after_re() -> re.Pattern[str]:
    """Words right after the time expression that make it an event's ("trước ngày 20/11 khai mạc")."""
    words = alternation(_words()["events"]["after_limit"])
    return re.compile(rf"\s*(?:{words})(?!\w)", re.IGNORECASE)


@cache
def _pin_re() -> re.Pattern[str]:
    """"từ năm 2025": the first year of a yearly limit, when the letter names it."""
    return re.compile(
        r"(?<!\w)từ\s+năm\s+(?P<year>(?:19|20)\d{2})(?!\s*(?:đến|tới|-|–|trở về trước)(?!\w))", re.IGNORECASE
    )


def letter_date(doc: Doc, header: HeaderResult) -> dt.date | None:
    """The letter's own date, or the best lower bound for it: the header's date; else the dated
    place line ("Hà Nội, ngày 20 tháng 11 năm 2025") among the first lines; else, for an unsigned
    copy ("ngày   tháng   năm 2026"), the latest date of that year among the documents its "Căn
    cứ"/"Theo đề nghị" lines cite (or 1 January); else a "thông qua ngày …" date; else the
    latest date printed before the body that is no limit (a headerless digest's "trước ngày
    28/9/2018" is an upper bound, the "Công văn số … ngày 18/9/2018" it answers a lower one)."""
    if header.document.date:
        try:
            return dt.date.fromisoformat(header.document.date)
        except ValueError:
            pass
    text = doc.text
    head = _head_end(text)
    for m in _dated_place_re().finditer(text, 0, head):
        dates = find_dates(text, m.start("date"), m.end())
        if dates:
            return dt.date.fromisoformat(dates[0].iso)
        if m["year"]:  # the day and month left blank
            year = int(m["year"])
            cited = [dt.date.fromisoformat(d.iso) for start, end in doc.lines()
                     if _skip_line_re().match(text, start, end) for d in find_dates(text, start, end)]
            return max((d for d in cited if d.year == year), default=dt.date(year, 1, 1))
    passed = _PASSED_RE.search(text)
    if passed:
        dates = find_dates(text, passed.start(), min(len(text), passed.end() + 30))
        if dates:
            return dt.date.fromisoformat(dates[0].iso)
    limits = [d.span for start, end in doc.lines() if start < head
              for d in _limits_in_line(text, start, min(end, head), None, None)]
    return max((dt.date.fromisoformat(d.iso) for d in find_dates(text, 0, head)
                if not any(a <= d.span[0] < b for a, b in limits)), default=None)


@cache
def _dated_place_re() -> re.Pattern[str]:
    """"Hà Nội, ngày 20 tháng 11 năm 2025", and the blank "Hà Nội, ngày   tháng   năm 2026"."""
    return re.compile(
        r"[^\W\d][^\n\d,]{1,40},\s*"
        r"(?P<date>ngày\s*(?:\d{1,2}\s*)?tháng\s*(?:\d{1,2}\s*)?năm\s*(?P<year>(?:19|20)\d{2})?)",
        re.IGNORECASE,
    )


def _head_end(text: str) -> int:
    """Where the header region ends: the first "Căn cứ"/"Kính gửi" line, or the 15th line."""
    m = _BODY_START_RE.search(text)
    cut = m.start() if m else len(text)
    lines = text.split("\n", 15)
    return min(cut, len(text) - len(lines[15]) if len(lines) > 15 else len(text))


def find_limits(doc: Doc, header: HeaderResult) -> list[Deadline]:
    text = doc.text
    anchor = letter_date(doc, header)
    pin = _pinned_year(f"{header.document.subject or ''}\n{text[:_head_end(text)]}", anchor)
    found: list[Deadline] = []
    in_table = False  # below a "Thời gian hoàn thành" column header, in the same annex
    own_table = False  # ... of a table that cites no other document: its cells are the letter's own
    listed = False  # in the dash list a limit label heads ("Thời gian hoàn thành … như sau:")
    for start, end in doc.lines():
        if _skip_line_re().match(text, start, end):
            continue
        listed = listed and bool(_LIST_ITEM_RE.match(text, start, end))
        value = _item_value(text, start, end, anchor) if listed else None
        if value is not None:
            deadline = _deadline(text, *value, anchor, pin, strictly_before=False)
            found.extend([deadline] if deadline else [])
            continue
        if _label_list_re().match(text, start, end):
            listed = True
        if _annex_re().match(text, start, end) or _column_label_re().fullmatch(text, start, end):
            in_table = not _annex_re().match(text, start, end)
            own_table = in_table and not _cites_a_document(text, end, _table_end(text, end))
            continue
        cell = _table_cell(text, start, end, anchor) if in_table else None
        if cell is not None:
            deadline = _deadline(text, cell[0], cell[1], anchor, pin, strictly_before=False, keep_past=own_table)
            found.extend([deadline] if deadline else [])
            continue
        found.extend(_limits_in_line(text, start, end, anchor, pin))
    return found


def _limits_in_line(text: str, start: int, end: int, anchor: dt.date | None, pin: int | None) -> list[Deadline]:
    found: list[Deadline] = []
    pos = start
    while (m := _trigger_re().search(text, pos, end)) is not None:
        # a shorter trigger may start inside one that found no expression: "hoàn thành trong" then
        # "trong thời hạn 10 ngày kể từ ngày ký"; a trigger inside an accepted expression is no new limit
        pos = m.start() + 1
        trigger = m.lastgroup
        clause = _clause_start(text, start, m.start())
        if trigger == "within" and _describes(text, clause, m.start()) \
                or trigger == "from_now" and _program_re().search(text, max(clause, m.start() - 40), m.start()):
            continue
        shapes = _ALLOWED[trigger]
        if trigger == "within" and _names_the_letter(text, start, m.start()):
            shapes += _OWN_TERM
        expr = parse_timex(text, m.end(), end, shapes, anchor, _recurs_before(text, start, m.start()))
        if expr is None or _event_after_re().match(text, expr.end):
            continue
        if trigger == "within" and clause == m.start() and text.startswith(",", expr.end):
            continue  # "Trong tháng 11 năm 2025, … đã xảy ra": the time of a narrative
        if trigger == "from_now" and not _clause_ends(text, expr.end):
            continue  # "Từ nay đến ngày 19/12/2025 chỉ còn 01 tháng": a countdown, not a period of work
        if (_condition_re().search(text, max(clause, m.start() - 30), m.start())
                or _conditional_after_re().match(text, expr.end)):
            continue  # "có hiệu lực trước ngày …", "… trước ngày 31/12/2026 thì …", "… đã hoàn thành"
        # a label's limit is its value ("Thời gian thực hiện: năm 2026 - 2027"), a period of work its
        # "từ … đến …"; other limits keep their word ("trước ngày 26/11/2025")
        at = m.end() if trigger in ("label", "work") else m.start()
        deadline = _deadline(text, at, expr, anchor, pin, strictly_before=_is_strictly_before(m))
        if deadline is not None:
            found.append(deadline)
            pos = expr.end
    return found


_LIST_ITEM_RE = re.compile(r"\s*[-+•]\s")
_ITEM_VALUE_RE = re.compile(r"\s*[-+•]\s[^:\n]{1,120}:\s*")


@cache
def _label_list_re() -> re.Pattern[str]:
    """A limit label over a list, the line ending with its colon: "Thời gian hoàn thành công việc
    nói trên ở các vùng trong nước được quy định như sau:"."""
    labels = alternation(_words()["limits"]["labels"])
    return re.compile(rf"\s*(?:\d+(?:\.\d+)*[.)]\s*)?(?:{labels})(?!\w)[^:\n]{{0,120}}:\s*$", re.IGNORECASE)


def _item_value(text: str, start: int, end: int, anchor: dt.date | None) -> tuple[int, TimeExpr] | None:
    """A list item under a limit label whose value, after its colon, is a bare period or date ("-
    Vùng đồng bằng sông Cửu Long: cuối năm 1982;"), as (the item's text start, the expression)."""
    m = _ITEM_VALUE_RE.match(text, start, end)
    expr = parse_timex(text, m.end(), end, _CELL_SHAPES, anchor) if m else None
    if expr is None or not _clause_ends(text, expr.end):
        return None
    return _LIST_ITEM_RE.match(text, start, end).end(), expr


def _table_end(text: str, pos: int) -> int:
    """Where the table whose header ends at ``pos`` ends: the next annex heading, or the text's end."""
    m = _annex_re().search(text, pos)
    return m.start() if m else len(text)


def _cites_a_document(text: str, start: int, end: int) -> bool:
    """A number and symbol ("Thông báo số 44-TB/TGV", "Công văn số 15/UBND-KT") between ``start``
    and ``end``: a table that cites other documents quotes their limits (a follow-up table of
    earlier conclusions), so its past dates are not the letter's own."""
    return any(pattern(name).search(text, start, end) for name in ("number_symbol", "party_number_symbol"))


def _table_cell(text: str, start: int, end: int, anchor: dt.date | None) -> tuple[int, TimeExpr] | None:
    """A cell of a time column that is a bare period or date ("Quý IV/2025", "Tháng 12/2025.",
    "Năm 2025 - 2026"), as (its start, the expression)."""
    at = start + len(text[start:end]) - len(text[start:end].lstrip())
    expr = parse_timex(text, at, end, _CELL_SHAPES, anchor)
    return (at, expr) if expr is not None and _clause_ends(text, expr.end) else None


_CELL_SHAPES = ("full", "month", "quarter", "half", "years", "year")


@cache
def _column_label_re() -> re.Pattern[str]:
    """The header of a table's time column: "Thời gian hoàn thành", "Thời gian dự kiến hoàn thành"."""
    return re.compile(rf"\s*(?:{alternation(_words()['limits']['column_labels'])})\s*", re.IGNORECASE)


@cache
def _annex_re() -> re.Pattern[str]:
    """An annex heading ("PHỤ LỤC II") starts a new table: the column header must be seen again."""
    return re.compile(r"^[^\S\n]*PHỤ LỤC(?:[^\S\n]+[IVX\d]+)?[^\S\n]*$", re.MULTILINE)


def _clause_start(text: str, line_start: int, pos: int) -> int:
    """Where the clause holding ``pos`` starts: after the last ". ; :" of its line, spaces skipped."""
    cut = max(text.rfind(p, line_start, pos) for p in ".;:")
    cut = line_start if cut < 0 else cut + 1
    while cut < pos and text[cut].isspace():
        cut += 1
    return cut


def _clause_ends(text: str, pos: int) -> bool:
    return bool(_CLAUSE_END_RE.match(text, pos))


@cache
def _condition_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(_words()['events']['before_trigger'])})\s*$", re.IGNORECASE)


@cache
def _conditional_after_re() -> re.Pattern[str]:
    events = _words()["events"]
    words = alternation(events["after_conditional"] + events["after_narrative"])
    return re.compile(rf"\s*,?\s*(?:{words})(?!\w)", re.IGNORECASE)


def _describes(text: str, clause: int, pos: int) -> bool:
    """"kết quả thực hiện trong năm 2025": a description word just before the period, and no
    reporting verb earlier in the clause."""
    described = _description_re().search(text, max(clause, pos - 40), pos)
    return bool(described) and not _report_re().search(text, clause, pos)


@cache
def _report_re() -> re.Pattern[str]:
    return whole_words_re(_words()['events']['report_verbs'])


def _names_the_letter(text: str, line_start: int, pos: int) -> bool:
    """The sentence before ``pos`` names the letter itself ("căn cứ Quyết định này,")."""
    sentence_start = max(text.rfind(".", line_start, pos), line_start)
    return bool(_own_letter_re().search(text, sentence_start, pos))


@cache
def _own_letter_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(_words()['relative']['own_documents'])})\s+này(?!\w)", re.IGNORECASE)


def _recurs_before(text: str, line_start: int, pos: int) -> bool:
    """A recurrence word ("định kỳ", "hằng năm") earlier in the same sentence governs a yearless date."""
    sentence_start = max(text.rfind(".", line_start, pos), text.rfind(";", line_start, pos), line_start)
    return bool(_recurrence_lead_re().search(text, sentence_start, pos))


@cache
def _recurrence_lead_re() -> re.Pattern[str]:
    rec = _words()["recurrence"]
    return re.compile(
        rf"(?<!\w)(?:{alternation(rec['lead'])}|(?:{alternation(rec['every'])})\s+năm)(?!\w)", re.IGNORECASE
    )


def _pinned_year(text: str, anchor: dt.date | None) -> int | None:
    """The year from which the letter's rules apply, when its subject says so ("Về hướng dẫn
    đánh giá, xếp loại … từ năm 2025"): the first occurrence of a yearly limit falls in it."""
    for m in _pin_re().finditer(text):
        year = int(m["year"])
        if anchor is not None and year in (anchor.year, anchor.year + 1):
            return year
    return None


def _deadline(text: str, start: int, expr: TimeExpr, anchor: dt.date | None, pin: int | None,
              strictly_before: bool, keep_past: bool = False) -> Deadline | None:
    """The limit printed from ``start`` to the expression's end, or None when already past (unless
    ``keep_past``: a cell of the letter's own schedule is read as printed)."""
    date = expr.date
    if strictly_before and expr.kind in ("month", "quarter", "year") and expr.start:
        date = expr.start - dt.timedelta(days=1)  # "trước năm 2027": by the end of 2026
    if expr.kind == "recurring" and expr.recurrence.startswith("FREQ=YEARLY") and pin and expr.month and expr.day:
        date = dt.date(pin, expr.month, expr.day)
        if anchor and date < anchor:
            date = date.replace(year=date.year + 1)
    if date is not None and anchor is not None and date < anchor and not keep_past:
        return None  # a limit already past on the letter's date: quoted from an earlier letter
    span = (start, expr.end)
    return Deadline(
        date=date.isoformat() if date else None,
        text=text[span[0]:span[1]],
        kind=expr.kind,
        recurrence=expr.recurrence,
        span=span,
    )


def _is_strictly_before(trigger: re.Match) -> bool:
    """"trước tháng 12", "trước năm 2027" end the day before the period; "chậm nhất tháng 6"
    and "hạn cuối quý I" end with it."""
    return trigger.lastgroup == "before" and trigger.group().strip().lower() == "trước"


def extract_deadlines(doc: Doc, header: HeaderResult, limits: list[Deadline] | None = None) -> list[Deadline]:
    """Each distinct limit once, at its first occurrence; pass ``find_limits(doc, header)`` as
    ``limits`` where it is already at hand."""
    out: list[Deadline] = []
    seen: set = set()
    for d in find_limits(doc, header) if limits is None else limits:
        key = d.date or (d.kind, d.recurrence, d.text.lower())
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


def deadlines_in(deadlines: list[Deadline], span: Span) -> list[Deadline]:
    """The deadlines whose span lies inside ``span``, in text order."""
    return [d for d in deadlines if d.span and span[0] <= d.span[0] and d.span[1] <= span[1]]


@cache
def _closing_re() -> re.Pattern[str]:
    """Words of a sentence that applies its limit to the whole letter ("các nội dung nêu trên")."""
    return whole_words_re(_words()['closing']['phrases'])


@cache
def _plan_label_re() -> re.Pattern[str]:
    """A plan's own time line, numbered or bare, not a dash item: "3. Thời gian thực hiện:", "3.
    Thời gian tổ chức phong trào thi đua:" (a few words may name the work), or the label alone as
    a heading over its value ("2. Thời gian thực hiện" over "Công tác giám sát, đánh giá được tiến
    hành thường xuyên, liên tục trong năm 2025, …")."""
    labels = alternation(_words()["closing"]["labels"])
    return re.compile(rf"\s*(?:(?:[IVX]+|\d+(?:\.\d+)*)[.)]\s*)?(?:{labels})(?!\w)(?:[^:.;\n]{{0,50}}:|\s*$)",
                      re.IGNORECASE)


@cache
def _list_item_re() -> re.Pattern[str]:
    """A list item or an article ("Điều 3."): the normaliser's list markers."""
    return re.compile(rf"\s*(?:{list_markers()}|Điều\s+\d+\.?\s)")


def closing_deadline(doc: Doc, header: HeaderResult, deadlines: list[Deadline],
                     limits: list[Deadline] | None = None) -> Deadline | None:
    """The limit the letter sets for all its items: the value of a plan's one "Thời gian thực
    hiện:" line (on the label's line or the line it heads; when the letter prints several such
    lines they are per-item times, not the plan's), else a limit in one of the last paragraphs
    before the signature that is no list item (nor "Điều N.") and whose sentence charges the
    addressees with the letter's content ("chỉ đạo thực hiện các nội dung nêu trên; báo cáo …
    chậm nhất là ngày 29/12/2020"); see ``_charges_the_letter``."""
    text = doc.text
    dated = [d for d in deadlines if d.span is not None and d.date is not None]
    label_lines = sum(1 for start, end in doc.lines() if _plan_label_re().match(text, start, end))
    limits = find_limits(doc, header) if limits is None else limits
    labelled = [d for d in limits if d.date and _under_plan_label(text, d.span[0])]
    if label_lines == 1 and labelled:
        return labelled[0]
    last_lines = _last_body_lines(doc, header, 3)
    for d in dated:
        start, end = _line_around(text, d.span[0])
        if (start, end) in last_lines and not _list_item_re().match(text, start, end) \
                and _charges_the_letter(doc, start, d.span[0]):
            return d
    return None


def period_deadline(doc: Doc, header: HeaderResult, span: Span, limits: list[Deadline] | None = None) -> Deadline | None:
    """The period that a heading or a list's lead-in (its text at ``span``) sets for the work
    under it: its first dated period ("trong …", "từ nay đến …", "từ … đến …"), unless it only
    dates a report the clause asks for ("…, báo cáo kết quả trong tháng 12/2025:"). "2. Về nhiệm
    vụ trọng tâm từ nay đến tháng 6/2027" over items (1)-(6); "Đề nghị Thường trực Tỉnh ủy … thực
    hiện các nhiệm vụ, giải pháp … trong 02 tháng cuối năm 2025 và những tháng đầu năm 2026 …;
    trong đó lưu ý một số nội dung trọng tâm sau:" over items 1-10. A day ("phấn đấu hoàn thành
    xây dựng trước ngày 30 tháng 11 năm 2025" in a lead-in) is the aim of the list, which its items
    do not inherit. Pass ``find_limits(doc, header)`` as ``limits`` to save its cost."""
    text = doc.text
    for d in deadlines_in(find_limits(doc, header) if limits is None else limits, span):
        line_start = text.rfind("\n", 0, d.span[0]) + 1
        trigger = _trigger_re().match(d.text)
        if d.date and not (trigger and trigger.lastgroup == "before") \
                and not _closing_report_re().search(text, _clause_start(text, line_start, d.span[0]), d.span[0]):
            return d
    return None


def _charges_the_letter(doc: Doc, line_start: int, pos: int) -> bool:
    """The sentence holding the limit at ``pos`` charges its bodies with the letter's content
    ("các nội dung nêu trên", "Chỉ thị này") before the report it asks for, and charges no body
    with following the letter up ("theo dõi, đôn đốc")."""
    text = doc.text
    start = max((s for s, _ in doc.sentences if line_start <= s <= pos), default=line_start)
    report = _closing_report_re().search(text, start, pos)
    charge_end = report.start() if report else pos
    return bool(_closing_re().search(text, start, charge_end)) and not _monitoring_re().search(text, start, pos)


@cache
def _closing_report_re() -> re.Pattern[str]:
    return whole_words_re(_words()['closing']['report'])


@cache
def _monitoring_re() -> re.Pattern[str]:
    return whole_words_re(_words()['closing']['monitoring'])


def _last_body_lines(doc: Doc, header: HeaderResult, count: int) -> list[Span]:
    """The last ``count`` non-blank lines before the signature block ("Nơi nhận:")."""
    text = doc.text
    end = header.closing[0] if header.closing else len(text)
    signed = _SIGNATURE_RE.search(text, 0, end)
    end = signed.start() if signed else end
    lines = [(s, e) for s, e in doc.lines() if e <= end and text[s:e].strip()]
    return lines[-count:]


def _line_around(text: str, pos: int) -> Span:
    end = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if end < 0 else end


def _under_plan_label(text: str, pos: int) -> bool:
    start, end = _line_around(text, pos)
    if _plan_label_re().match(text, start, end):
        return True
    if start == 0:
        return False
    prev_start, prev_end = _line_around(text, start - 1)
    return prev_end - prev_start < 60 and bool(_plan_label_re().match(text, prev_start, prev_end))


def to_task_deadline(deadline: Deadline, inherited: bool = False) -> TaskDeadline:
    return TaskDeadline(
        date=deadline.date, text=deadline.text, inherited=inherited,
        recurrence=deadline.recurrence, span=deadline.span,
    )
