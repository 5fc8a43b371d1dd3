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

``closing_deadline(doc, header, deadlines) -> Deadline | None``
    The limit the letter sets for all its items, if any: a closing sentence that charges the
    addressees with carrying out the letter and reporting by a date ("chỉ đạo thực hiện các nội
    dung nêu trên; báo cáo … chậm nhất là ngày 29/12/2020"), or a plan's "Thời gian thực hiện: Từ
    nay đến hết năm 2025". A task without a limit of its own inherits it (``inherited=True``).

``to_task_deadline(deadline, inherited=False) -> TaskDeadline``
    The task-level form of a ``Deadline``.

How it works: a trigger regex built from ``data/date_words.toml`` finds the words that set a
limit ("trước", "chậm nhất", "trong", "Thời gian hoàn thành:", "từ nay đến hết", "vào", "định
kỳ"); each trigger class allows some shapes of time expression (``timex.py``), tried in order
right after the trigger. The letter's date anchors yearless dates, relative limits and the
"past limit" filter (a limit before the letter's own date is quoted from an earlier letter).
"""
from __future__ import annotations

import datetime as dt
import re
from functools import cache

from .data import alternation, load
from .dates import find_dates, letter_date
from .document import Doc
from .header import HeaderResult
from .schema import Deadline, Span, TaskDeadline
from .timex import TimeExpr, parse_timex

# Which time-expression shapes each trigger class accepts (see timex.SHAPES).
_ALLOWED = {
    "before": ("weekly", "full", "monthly", "partial", "relative", "month", "quarter", "half", "year"),
    "within": ("relative", "month", "quarter", "half", "year"),
    "from_now": ("full", "partial", "month", "quarter", "half", "year"),
    "label": ("full", "partial", "relative", "month", "quarter", "half", "year", "span"),
    "at": ("weekly", "monthly", "partial_recurring"),
}


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
    }
    body = "|".join(f"(?P<{name}>{rx})" for name, rx in groups.items())
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)\s*", re.IGNORECASE)


@cache
def _skip_line_re() -> re.Pattern[str]:
    """Lines whose dates are other documents' ("Căn cứ Nghị định số …")."""
    return re.compile(r"^\s*(?:Căn cứ|Xét đề nghị|Theo đề nghị)\b", re.IGNORECASE)


@cache
def _description_re() -> re.Pattern[str]:
    """Words just before "trong <period>" that make the period a description, not a limit."""
    words = alternation(_words()["events"]["description"])
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)[^.;:,()]{{0,40}}$", re.IGNORECASE)


@cache
def _event_after_re() -> re.Pattern[str]:
    words = alternation(_words()["events"]["before_date"])
    return re.compile(rf"\s*(?:{words})(?!\w)", re.IGNORECASE)


@cache
def _pin_re() -> re.Pattern[str]:
    """"từ năm 2025": the first year of a yearly limit, when the letter names it."""
    return re.compile(r"(?<!\w)từ\s+năm\s+(?P<year>(?:19|20)\d{2})(?!\s+(?:đến|tới)\s+nay)", re.IGNORECASE)


def _lines(text: str) -> list[Span]:
    out, pos = [], 0
    for part in text.split("\n"):
        out.append((pos, pos + len(part)))
        pos += len(part) + 1
    return out


def find_limits(doc: Doc, header: HeaderResult) -> list[Deadline]:
    text = doc.text
    anchor = letter_date(doc, header)
    pin = _pinned_year(text, anchor)
    found: list[Deadline] = []
    taken = -1  # end of the last accepted expression: a trigger inside it is not a new limit
    for start, end in _lines(text):
        if _skip_line_re().match(text, start, end):
            continue
        for m in _trigger_re().finditer(text, start, end):
            if m.start() < taken:
                continue
            trigger = m.lastgroup
            if trigger == "within" and _description_re().search(text, max(start, m.start() - 60), m.start()):
                continue
            expr = parse_timex(text, m.end(), end, _ALLOWED[trigger], anchor, _recurs_before(text, start, m.start()))
            if expr is None or _event_after_re().match(text, expr.end):
                continue
            deadline = _deadline(text, m, expr, anchor, pin)
            if deadline is not None:
                found.append(deadline)
                taken = expr.end
    return found


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
    for m in _pin_re().finditer(text):
        year = int(m["year"])
        if anchor is None or year >= anchor.year:
            return year
    return None


def _deadline(text: str, trigger: re.Match, expr: TimeExpr, anchor: dt.date | None, pin: int | None) -> Deadline | None:
    date = expr.date
    if trigger.lastgroup == "before" and expr.kind in ("month", "quarter", "half", "year") and expr.start_date:
        date = expr.start_date - dt.timedelta(days=1)  # "trước năm 2027": by the end of 2026
    if expr.kind == "recurring" and expr.recurrence.startswith("FREQ=YEARLY") and pin and expr.month and expr.day:
        date = dt.date(pin, expr.month, expr.day)
        if anchor and date < anchor:
            date = date.replace(year=date.year + 1)
    if date is not None and anchor is not None and date < anchor:
        return None  # a limit already past on the letter's date: quoted from an earlier letter
    span = (trigger.start(), expr.end)
    return Deadline(
        date=date.isoformat() if date else None,
        text=text[span[0]:span[1]],
        kind=expr.kind,
        recurrence=expr.recurrence,
        span=span,
    )


def extract_deadlines(doc: Doc, header: HeaderResult) -> list[Deadline]:
    out: list[Deadline] = []
    seen: set = set()
    for d in find_limits(doc, header):
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
    """Sentences that apply a limit to the whole letter."""
    return re.compile(
        r"nội dung nêu trên|nội dung trên|trên đây|nhiệm vụ nêu trên|(?:Công văn|Chỉ thị|Kế hoạch|"
        r"Thông báo|Công điện|Quyết định|Chương trình|văn bản) này|các nhiệm vụ được giao|"
        r"^\W*(?:\w+\.\s*)?Thời (?:gian|hạn) (?:thực hiện|hoàn thành)",
        re.IGNORECASE,
    )


def closing_deadline(doc: Doc, header: HeaderResult, deadlines: list[Deadline]) -> Deadline | None:
    """The limit the letter sets for all its items: one printed in a closing paragraph that
    charges the addressees with the letter's content, or the value of a plan's "Thời gian thực
    hiện:" line (the label line itself or the line it heads)."""
    text = doc.text
    for d in deadlines:
        if d.span is None or d.date is None:
            continue
        line_start = text.rfind("\n", 0, d.span[0]) + 1
        line_end = text.find("\n", d.span[1])
        line_end = len(text) if line_end < 0 else line_end
        prev_start = text.rfind("\n", 0, max(line_start - 1, 0)) + 1
        line = text[line_start:line_end]
        heading = text[prev_start:max(line_start - 1, prev_start)]
        if _is_label_line(line) or (_is_label_line(heading) and len(heading) < 60):
            return d
        if _is_list_item(line):
            continue
        if _closing_re().search(line):
            return d
    return None


def _is_label_line(line: str) -> bool:
    return bool(re.match(r"^\W*(?:[\dIVX]+[.)]\s*)*Thời (?:gian|hạn) (?:thực hiện|hoàn thành)\b", line, re.IGNORECASE))


def _is_list_item(line: str) -> bool:
    return bool(re.match(r"^\s*(?:[-+•*]|\d+(?:\.\d+)*[.)]|[a-zđ][.)]|[IVX]+\.)\s", line))


def to_task_deadline(deadline: Deadline, inherited: bool = False) -> TaskDeadline:
    return TaskDeadline(
        date=deadline.date, text=deadline.text, inherited=inherited,
        recurrence=deadline.recurrence, span=deadline.span,
    )
