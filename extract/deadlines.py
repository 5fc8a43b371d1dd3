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
    over the body); the tasks extractor calls it rather than relying on the de-duplicated list.

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
"""
from __future__ import annotations

from .document import Doc
from .header import HeaderResult
from .schema import Deadline, Span, TaskDeadline


def extract_deadlines(doc: Doc, header: HeaderResult) -> list[Deadline]:
    return []


def find_limits(doc: Doc, header: HeaderResult) -> list[Deadline]:
    return []


def deadlines_in(deadlines: list[Deadline], span: Span) -> list[Deadline]:
    """The deadlines whose span lies inside ``span``, in text order."""
    return [d for d in deadlines if d.span and span[0] <= d.span[0] and d.span[1] <= span[1]]


def closing_deadline(doc: Doc, header: HeaderResult, deadlines: list[Deadline]) -> Deadline | None:
    return None


def to_task_deadline(deadline: Deadline, inherited: bool = False) -> TaskDeadline:
    return TaskDeadline(
        date=deadline.date, text=deadline.text, inherited=inherited,
        recurrence=deadline.recurrence, span=deadline.span,
    )
