"""Dates as printed ("17/4/2018", "ngày 05 tháng 11 năm 2025") → ISO strings, with spans.

Shapes live in ``data/numbers.toml``; this module only validates and converts them.

Time expressions ("tháng 11 năm 2025", "cuối năm 1982", "quý I/2026", "6 tháng đầu năm 2026",
"10 ngày kể từ ngày ký", "03 ngày làm việc", "15:00 ngày thứ Sáu hàng tuần", "ngày 20 hằng tháng")
are parsed by ``parse_timex`` from the shapes of ``data/date_words.toml`` and resolved to the last
day they allow, or to an RFC 5545 RRULE for recurring ones; ``deadlines.py`` decides which of them
are limits.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from .data import alternation, load
from .patterns import pattern
from .schema import Span


@dataclass(frozen=True)
class DateMatch:
    span: Span
    iso: str
    text: str


def iso_date(day: int | str, month: int | str, year: int | str) -> str | None:
    """``YYYY-MM-DD``, or None when the parts do not make a calendar date."""
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except (TypeError, ValueError):
        return None


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMatch]:
    """Every complete printed date in ``text[start:end]``, in order, spans into ``text``."""
    end = len(text) if end is None else end
    found: list[DateMatch] = []
    for name in ("worded_date", "numeric_date"):
        for m in pattern(name).finditer(text, start, end):
            value = iso_date(m["day"], m["month"], m["year"])
            if value and not any(f.span[0] <= m.start() < f.span[1] for f in found):
                found.append(DateMatch(m.span(), value, m.group()))
    return sorted(found, key=lambda d: d.span)


# --- time expressions: the shapes of data/date_words.toml [shapes], resolved to dates -------------

@dataclass(frozen=True)
class TimeExpr:
    """A time expression parsed at a position: its end, what it names and the date it resolves to.

    ``date`` is the last day the expression allows (a month's last day, the date named); None
    for a recurring rule without a pinned occurrence or a relative limit whose anchor is not the
    letter's date. ``start`` is the first day of a named period ("trước năm 2027" needs it)."""

    end: int
    kind: str  # absolute | month | quarter | year | relative | recurring
    date: dt.date | None = None
    start: dt.date | None = None
    recurrence: str | None = None
    month: int | None = None
    day: int | None = None


@cache
def _words() -> dict:
    return load("date_words")


@cache
def shape(name: str) -> re.Pattern[str]:
    """A shape of ``date_words.toml`` with its ``{placeholders}`` filled, compiled once."""
    w = _words()
    fills = {
        "every": alternation(w["recurrence"]["every"]),
        "weekday": alternation(list(w["recurrence"]["weekdays"])),
        "unit": alternation(list(w["relative"]["units"])),
        "since": alternation(w["relative"]["since"]),
        "own": alternation(w["relative"]["own_anchors"]),
        "docs": alternation(w["relative"]["own_documents"]),
        "link": alternation(w["relative"]["own_links"]),
        "time": w["shapes"]["time"],
        "end": w["shapes"]["end"],
    }
    template = w["shapes"][name]
    return re.compile(re.sub(r"\{([a-z]+)\}", lambda m: fills[m[1]], template), re.IGNORECASE)


def parse_timex(text: str, pos: int, end: int, shapes: tuple[str, ...], anchor: dt.date | None,
                recurs: bool = False) -> TimeExpr | None:
    """The first of ``shapes`` that matches ``text`` at ``pos`` (not past ``end``), resolved
    against ``anchor`` (the letter's date). ``recurs``: a recurrence word ("định kỳ", "hằng
    năm") governs the sentence, so a yearless date is a yearly rule."""
    for name in shapes:
        found = _PARSERS[name](text, pos, end, anchor, recurs)
        if found is not None:
            return found
    return None


_DAY_WORD_RE = re.compile(r"(?:ngày\s+)?", re.IGNORECASE)
_NOW_RE = re.compile(r"nay(?!\w)", re.IGNORECASE)  # "từ nay đến …"


def _weekly(text, pos, end, anchor, recurs):
    m = shape("weekly").match(text, pos, end)
    if not m:
        return None
    code = _words()["recurrence"]["weekdays"][re.sub(r"\s+", " ", m["weekday"].lower())]
    rule = f"FREQ=WEEKLY;BYDAY={code}"
    if m["hour"]:
        rule += f";BYHOUR={int(m['hour'])};BYMINUTE={int(m['minute'] or 0)}"
    return TimeExpr(m.end(), "recurring", recurrence=rule)


def _full(text, pos, end, anchor, recurs):
    at = shape("time").match(text, pos, end).end()
    m = pattern("worded_date").match(text, at, end)
    if not m:
        at = _DAY_WORD_RE.match(text, at, end).end()
        m = pattern("numeric_date").match(text, at, end)
    value = m and iso_date(m["day"], m["month"], m["year"])
    return TimeExpr(m.end(), "absolute", dt.date.fromisoformat(value)) if value else None


def _monthly(text, pos, end, anchor, recurs):
    m = shape("monthly").match(text, pos, end)
    if not m or not 1 <= int(m["day"]) <= 31:
        return None
    return TimeExpr(m.end(), "recurring", recurrence=f"FREQ=MONTHLY;BYMONTHDAY={int(m['day'])}", day=int(m["day"]))


def _partial(text, pos, end, anchor, recurs, only_recurring=False):
    m = shape("partial").match(text, pos, end)
    if not m:
        return None
    day, month = int(m["day"] or m["day2"]), int(m["month"] or m["month2"])
    if iso_date(day, month, 2024) is None:  # 2024: a leap year, so 29/2 passes
        return None
    tail = shape("yearly_tail").match(text, m.end(), end)
    if tail or (recurs and not m["year"]):
        return TimeExpr((tail or m).end(), "recurring", recurrence=f"FREQ=YEARLY;BYMONTH={month};BYMONTHDAY={day}",
                        month=month, day=day)
    if only_recurring:
        return None
    if m["year"]:
        value = iso_date(day, month, m["year"])
        return TimeExpr(m.end(), "absolute", dt.date.fromisoformat(value)) if value else None
    return TimeExpr(m.end(), "absolute", _next_occurrence(anchor, month, day), month=month, day=day)


def _partial_recurring(text, pos, end, anchor, recurs):
    return _partial(text, pos, end, anchor, recurs, only_recurring=True)


def _next_occurrence(anchor: dt.date | None, month: int, day: int) -> dt.date | None:
    """A yearless day and month: its first occurrence on or after the letter's date."""
    if anchor is None:
        return None
    for year in (anchor.year, anchor.year + 1):
        value = iso_date(day, month, year)
        if value and dt.date.fromisoformat(value) >= anchor:
            return dt.date.fromisoformat(value)
    return None


def _period(m: re.Match, end: int, kind: str, first: int, last: int, anchor: dt.date | None,
            next_year: bool = True) -> TimeExpr | None:
    """A span of whole months ``first``..``last`` of the printed (or the letter's) year.
    ``next_year``: a yearless period already over on the letter's date is next year's ("trong
    tháng 01" written in December); without it, it stays in the letter's year ("6 tháng đầu năm"
    written in July is the half just past)."""
    if not 1 <= first <= last <= 12:
        return None
    year = int(m["year"]) if m["year"] else (anchor.year if anchor else None)
    if year is None:
        return TimeExpr(end, kind)
    if next_year and not m["year"] and anchor and dt.date(year, last, _last_day(year, last)) < anchor:
        year += 1
    return TimeExpr(end, kind, dt.date(year, last, _last_day(year, last)), dt.date(year, first, 1))


def _at_end(m: re.Match, found: TimeExpr | None) -> TimeExpr | None:
    """"cuối năm 1982", "hết tháng 3": the period's last day, with no first day ("trước cuối năm
    2025" is still 31/12/2025)."""
    return TimeExpr(found.end, found.kind, found.date) if found is not None and m["end"] else found


def _last_day(year: int, month: int) -> int:
    return ((dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)).day


def _month(text, pos, end, anchor, recurs):
    m = shape("month").match(text, pos, end)
    if not m:
        return None
    month = int(m["month"])
    tail = shape("yearly_tail").match(text, m.end(), end)
    if tail and not m["year"] and 1 <= month <= 12:
        return TimeExpr(tail.end(), "recurring", recurrence=f"FREQ=YEARLY;BYMONTH={month}", month=month)
    return _at_end(m, _period(m, m.end(), "month", month, month, anchor))


def _quarter(text, pos, end, anchor, recurs):
    m = shape("quarter").match(text, pos, end)
    if not m:
        return None
    q = _words()["periods"]["roman"].get(m["quarter"].upper()) or int(m["quarter"])
    tail = shape("yearly_tail").match(text, m.end(), end)
    if tail and not m["year"]:  # "Trong quý I của năm liền kề đánh giá": a yearly rule
        return TimeExpr(tail.end(), "recurring", recurrence=f"FREQ=YEARLY;BYMONTH={3 * q};BYMONTHDAY=-1", month=3 * q)
    return _at_end(m, _period(m, m.end(), "quarter", 3 * q - 2, 3 * q, anchor))


def _half(text, pos, end, anchor, recurs):
    m = shape("half").match(text, pos, end)
    if not m:
        return None
    n = _words()["periods"]["month_words"].get(m["months"].lower()) or int(m["months"])
    if not 1 <= n <= 12:
        return None
    first, last = (1, n) if m["part"].lower() == "đầu" else (13 - n, 12)
    return _period(m, m.end(), "month", first, last, anchor, next_year=False)


def _year(text, pos, end, anchor, recurs):
    m = shape("year").match(text, pos, end)
    if not m:
        return None
    return _at_end(m, _period(m, m.end(), "year", 1, 12, anchor))


def _years(text, pos, end, anchor, recurs):
    m = shape("years").match(text, pos, end)
    return _period(m, m.end(), "year", 1, 12, anchor) if m else None


def _relative(text, pos, end, anchor, recurs):
    m = shape("relative").match(text, pos, end)
    if not m:
        return None
    own = shape("own_anchor").match(m["anchor"])
    if not own or anchor is None:
        return TimeExpr(m.start("anchor") + len(m["anchor"].rstrip()), "relative")
    count = int(m["count"])
    unit = _words()["relative"]["units"][re.sub(r"\s+", " ", m["unit"].lower())]
    return TimeExpr(m.start("anchor") + own.end(), "relative", add_duration(anchor, count, unit))


def _term(text, pos, end, anchor, recurs):
    """"03 ngày làm việc" with no anchor printed: counted from ``anchor`` (the caller decides that
    the letter's date is the anchor)."""
    m = shape("term").match(text, pos, end)
    if not m:
        return None
    unit = _words()["relative"]["units"][re.sub(r"\s+", " ", m["unit"].lower())]
    return TimeExpr(m.end(), "relative", add_duration(anchor, int(m["count"]), unit) if anchor else None)


def add_duration(start: dt.date, count: int, unit: str) -> dt.date:
    """``start`` plus ``count`` days, working days (Monday to Friday), weeks or months."""
    if unit == "day":
        return start + dt.timedelta(days=count)
    if unit == "week":
        return start + dt.timedelta(weeks=count)
    if unit == "month":
        month = start.month - 1 + count
        year, month = start.year + month // 12, month % 12 + 1
        return dt.date(year, month, min(start.day, _last_day(year, month)))
    day = start
    while count > 0:
        day += dt.timedelta(days=1)
        count -= day.weekday() < 5
    return day


def _span(text, pos, end, anchor, recurs):
    """"từ X đến (hết) Y": the period's end, Y."""
    m = shape("span_from").match(text, pos, end)
    if not m:
        return None
    ends = ("full", "partial", "month", "quarter", "half", "year")
    first = parse_timex(text, m.end(), end, ends, anchor) or _now(text, m.end(), end)
    if first is None:
        return None
    to = shape("span_to").match(text, first.end, end)
    return parse_timex(text, to.end(), end, ends, anchor) if to else None


def _now(text, pos, end):
    m = _NOW_RE.match(text, pos, end)
    return TimeExpr(m.end(), "absolute") if m else None


_PARSERS = {
    "weekly": _weekly, "full": _full, "monthly": _monthly, "partial": _partial,
    "partial_recurring": _partial_recurring, "month": _month, "quarter": _quarter, "half": _half,
    "year": _year, "years": _years, "relative": _relative, "term": _term, "span": _span,
}
