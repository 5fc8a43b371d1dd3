"""Tasks printed as table rows: "A table row that names a task, a lead body and a time is a task".

Plans and programmes often annex a table "STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |
Thời gian hoàn thành". The normaliser puts each cell on its own line, so a table reads as a header
(an "STT" cell, then one cell per column) and rows that each open with their number. A table is
read only when its header names a lead column and a time column (``data/tasks.toml`` [tables]);
tables of administrative procedures ("Tên thủ tục hành chính | Cơ quan thực hiện") are not.

A row whose cells all survived maps them to the columns by position. Web dumps lose merged cells,
so a shorter row takes its task from the task column's place, its lead body from the first cell
that names a body and its time from the first cell that reads as one; a cell it lacks is the row
above's (a merged cell spans both).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Callable

from .data import load
from .document import Doc
from .schema import Span

_ROW_NUMBER = re.compile(r"(\d{1,3})\.?")
_SECTION = re.compile(r"(?:[IVX]{1,5}|[A-ZĐ])\.?(?:\s+\S.*)?")  # "I", "II. HOÀN THIỆN …", "A."
_SHORT_TOKEN = re.compile(r"\S{1,3}")  # a column-number row under the header: "A", "B", "1", "2"


@dataclass
class Row:
    """One row: its number, the task cell and, when found, the lead, coordination and time cells."""

    number: str
    span: Span
    task: Span
    lead: Span | None
    coordination: Span | None
    time: Span | None
    lead_inherited: bool = False
    time_inherited: bool = False


@dataclass
class _Columns:
    count: int
    task: int
    lead: int
    time: int
    coordination: int | None


@cache
def _vocab() -> dict:
    return load("tasks")["tables"]


@cache
def _time_cell_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _vocab()["time_cells"]), re.I)


def _has(cell: str, key: str) -> bool:
    low = cell.lower()
    return any(word.lower() in low for word in _vocab()[key])


def table_rows(doc: Doc, start: int, names_body: Callable[[str, int], bool]) -> list[Row]:
    """The task rows of every task table from ``start`` (the letter's body) to the end;
    ``names_body(text, pos)`` tells whether a body's name opens at ``pos``."""
    lines = [(a, b) for a, b in doc.lines() if b > start and doc.text[a:b].strip()]
    text = doc.text
    cells = [text[a:b].strip() for a, b in lines]
    rows: list[Row] = []
    i = 0
    while i < len(cells):
        if cells[i] in _vocab()["number_cells"]:
            columns, i = _header(cells, i)
            if columns is not None:
                found, i = _rows(text, lines, cells, i, columns, names_body)
                rows.extend(found)
                continue
        i += 1
    return rows


def _header(cells: list[str], i: int) -> tuple[_Columns | None, int]:
    """The columns named after the "STT" cell at ``i``, and the index after the header."""
    names: list[str] = []
    k = i + 1
    while k < len(cells) and len(names) < 12 and len(cells[k]) <= 60 and not _ROW_NUMBER.fullmatch(cells[k]) \
            and not _SECTION.fullmatch(cells[k]):
        names.append(cells[k])
        k += 1
    lead = next((n for n, name in enumerate(names, 1) if _has(name, "lead_columns")), None)
    time = next((n for n, name in enumerate(names, 1) if _has(name, "time_columns")), None)
    if lead is None or time is None or any(_has(name, "excluded_columns") for name in names):
        return None, i + 1
    task = next((n for n, name in enumerate(names, 1) if _has(name, "task_columns") and n != lead), 1)
    coordination = next((n for n, name in enumerate(names, 1) if _has(name, "coordination_columns")), None)
    while k < len(cells) and _SHORT_TOKEN.fullmatch(cells[k]) and k + 1 < len(cells) \
            and _SHORT_TOKEN.fullmatch(cells[k + 1]):
        k += 1  # the column-number row ("A B 1 2 3 4") before the first row
    return _Columns(len(names) + 1, task, lead, time, coordination), k


def _rows(text: str, lines: list[Span], cells: list[str], i: int, columns: _Columns,
          names_body: Callable[[str, int], bool]) -> tuple[list[Row], int]:
    """The rows from ``i`` to the table's end (a new header, "Nơi nhận", or text that is no row)."""
    starts: list[int] = []
    last = 0
    k = i
    while k < len(cells):
        cell = cells[k]
        if cell in _vocab()["number_cells"] or _has(cell, "table_ends"):
            break
        number = _ROW_NUMBER.fullmatch(cell)
        if number and int(number.group(1)) in (last + 1, 1) and k + 1 < len(cells) \
                and not _SHORT_TOKEN.fullmatch(cells[k + 1]):
            starts.append(k)
            last = int(number.group(1))
        elif _SECTION.fullmatch(cell) and cell.split(".")[0].strip().isupper():
            starts.append(k)  # a section heading row ends the row before it
        k += 1
    rows: list[Row] = []
    previous: Row | None = None
    for n, first in enumerate(starts):
        if not _ROW_NUMBER.fullmatch(cells[first]):
            continue
        end = starts[n + 1] if n + 1 < len(starts) else k
        own = lines[first + 1:end]
        if not own:
            continue
        row = _row(text, cells[first].rstrip("."), (lines[first][0], own[-1][1]), own, columns, previous,
                   lambda cell: names_body(text, cell[0]))
        if row is not None:
            rows.append(row)
            previous = row
    return rows, k


def _row(text: str, number: str, span: Span, own: list[Span], columns: _Columns, previous: Row | None,
         names_body: Callable[[Span], bool]) -> Row | None:
    values = [text[a:b].strip() for a, b in own]
    if len(own) == columns.count - 1:
        task, lead, time = own[columns.task - 1], own[columns.lead - 1], own[columns.time - 1]
        coordination = own[columns.coordination - 1] if columns.coordination else None
        if not names_body(lead):
            lead = None
        if not _time_cell_re().match(text[time[0]:time[1]].strip()):
            time = None
    else:
        task_at = columns.task - 1 if columns.task < columns.lead and columns.task - 1 < len(own) else \
            max(range(len(own)), key=lambda n: len(values[n]))
        task = own[task_at]
        rest = [c for n, c in enumerate(own) if n != task_at]
        bodies = [c for c in rest if names_body(c)]
        lead = bodies[0] if bodies else None
        coordination = bodies[1] if len(bodies) > 1 and columns.coordination else None
        time = next((c for c in rest if _time_cell_re().match(text[c[0]:c[1]].strip())), None)
    row = Row(number, span, task, lead, coordination, time)
    if row.lead is None and previous is not None:
        row.lead, row.lead_inherited = previous.lead, True
    if row.time is None and previous is not None:
        row.time, row.time_inherited = previous.time, True
    return row if row.lead is not None else None


