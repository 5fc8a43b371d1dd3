"""Words with positions → text in reading order, with a box per character (PDF text and OCR).

A page's words are grouped into lines by height. The letter's two-column blocks, the header table
(issuer | motto and date) and the signature row (Nơi nhận | signer), are found by a gutter that no
word crosses, and each column is read in turn, left then right; everything else reads top to
bottom. Running page numbers, headers and footers are dropped. A line break that plainly ends a
paragraph (a wider gap, an indented capitalised line) becomes a blank line, so the normaliser keeps
it; a line ending in an attached hyphen or slash ("123/QĐ-" + "UBND") is joined without a space.
"""
from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, cached_property

from ..data import alternation, load
from ..normalize import opener_re  # the normaliser's paragraph openers and list markers

Box = tuple[int, float, float, float, float]  # page (1-based), x0, top, x1, bottom

_INF = float("inf")
_ROW_TOLERANCE = 0.35  # words whose centres differ by less than this many line heights share a line
_MIN_GUTTER = 0.8  # a column gutter is at least this many line heights wide
_HEADER_SEARCH = 3  # the header block starts on one of the page's first lines
_EDGE_ZONE = 0.15  # running headers and footers sit in the top or bottom 15% of the page


@dataclass
class Word:
    text: str
    boxes: list[Box]  # one per character of ``text``
    baseline: float | None = None  # the line the letters sit on; the box's bottom when unknown
    x0: float = field(init=False)
    top: float = field(init=False)
    x1: float = field(init=False)
    bottom: float = field(init=False)

    def __post_init__(self) -> None:
        self.x0 = min(b[1] for b in self.boxes)
        self.top = min(b[2] for b in self.boxes)
        self.x1 = max(b[3] for b in self.boxes)
        self.bottom = max(b[4] for b in self.boxes)
        if self.baseline is None:
            self.baseline = self.bottom

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass
class Line:
    words: list[Word]  # left to right

    @cached_property
    def x0(self) -> float:
        return self.words[0].x0

    @cached_property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @cached_property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @cached_property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @cached_property
    def height(self) -> float:
        return statistics.median(w.height for w in self.words)

    @cached_property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    lines: list[Line]


@dataclass
class Flow:
    """Lines read one after another; ``columns`` marks a column of a two-column block."""

    lines: list[Line]
    columns: bool = False


# ---------------------------------------------------------------- words → lines


def group_lines(words: list[Word]) -> list[Line]:
    """Words → lines, top to bottom: a word joins the line whose baseline is within a fraction of
    its height."""
    lines: list[list[Word]] = []
    baseline = height = 0.0
    for word in sorted(words, key=lambda w: w.baseline):
        if lines and word.baseline - baseline <= _ROW_TOLERANCE * min(height, word.height):
            lines[-1].append(word)
        else:
            lines.append([word])
            baseline, height = word.baseline, word.height
    return [Line(sorted(ws, key=lambda w: w.x0)) for ws in lines]


# ---------------------------------------------------------------- running headers and footers


@cache
def _page_number_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in load("page_layout")["page_number_lines"]))


_RULE_RE = re.compile(r"[-_=~–—.·¯*…\s]{3,}")  # a line drawn with characters under a header cell


def drop_page_furniture(pages: list[Page]) -> None:
    """Remove page numbers, lines repeated at the top or bottom of several pages, and rules."""
    def edge_lines(page: Page) -> list[Line]:
        out = []
        for line in page.lines[:2]:
            if line.bottom <= _EDGE_ZONE * page.height:
                out.append(line)
        for line in page.lines[-2:]:
            if line.top >= (1 - _EDGE_ZONE) * page.height and line not in out:
                out.append(line)
        return out

    def shape(line: Line) -> str:
        return re.sub(r"\d+", "#", line.text)

    repeated = Counter(s for page in pages for s in {shape(line) for line in edge_lines(page)})
    threshold = max(2, len(pages) // 2)
    for page in pages:
        drop = [line for line in edge_lines(page)
                if _page_number_re().fullmatch(line.text) or repeated[shape(line)] >= threshold]
        page.lines = [line for line in page.lines
                      if all(line is not d for d in drop) and not _RULE_RE.fullmatch(line.text)]


# ---------------------------------------------------------------- two-column blocks


def _subtract(free: list[tuple[float, float]], words: list[Word]) -> list[tuple[float, float]]:
    for w in words:
        out = []
        for a, b in free:
            if w.x1 <= a or w.x0 >= b:
                out.append((a, b))
                continue
            if w.x0 > a:
                out.append((a, w.x0))
            if w.x1 < b:
                out.append((w.x1, b))
        free = out
    return free


def _candidates(free, min_width: float, previous: tuple[float, float] | None):
    """Free intervals that can still be a gutter: something on their left, wide enough, and
    overlapping the gutter chosen so far."""
    out = [(a, b) for a, b in free if a > -_INF and b - a >= min_width]
    if previous is not None:
        out = [(a, b) for a, b in out if a < previous[1] and b > previous[0]]
    return out


def two_columns(lines: list[Line], start: int, stop: int | None = None,
                spill: bool = False) -> tuple[int, tuple[float, float]] | None:
    """Grow a two-column block from ``lines[start]`` downwards while a gutter stays free.

    With ``spill``, a line of the left column may run on under an empty stretch of the right one
    (a long "Nơi nhận" entry beside the space left for the signature). Returns (end index,
    exclusive; gutter (x0, x1)), or None when no gutter with words on both sides exists.
    """
    stop = len(lines) if stop is None else stop
    height = statistics.median(line.height for line in lines[start:stop]) if stop > start else 0
    min_width = _MIN_GUTTER * height
    free = _subtract([(-_INF, _INF)], lines[start].words)
    chosen = None
    end = start + 1
    while True:
        found = _candidates(free, min_width, chosen)
        if not found:
            break
        chosen = max(found, key=lambda ab: (ab[1] < _INF, ab[1] - ab[0]))  # interior first
        if end >= stop:
            break
        trial = _subtract(free, lines[end].words)
        if _candidates(trial, min_width, chosen):
            free = trial
        elif not (spill and chosen[1] < _INF and lines[end].x0 < chosen[0]
                  and not any(w.x0 >= chosen[1] for w in lines[end].words)):
            break
        end += 1
    interior = [(a, b) for a, b in _candidates(free, min_width, chosen) if b < _INF]
    if not interior:
        return None
    return end, max(interior, key=lambda ab: ab[1] - ab[0])


def split_columns(lines: list[Line], gutter: tuple[float, float]) -> tuple[list[Line], list[Line]]:
    left, right = [], []
    for line in lines:
        lw = [w for w in line.words if w.x0 < gutter[0]]
        rw = [w for w in line.words if w.x0 >= gutter[0]]
        if lw:
            left.append(Line(lw))
        if rw:
            right.append(Line(rw))
    return left, right


@cache
def _signature_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(load('page_layout')['signature_openers'])})(?!\w)")


@cache
def _header_end_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(load('page_layout')['header_enders'])})(?!\w)", re.I)


@cache
def _recipients_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(load('page_layout')['recipients_openers'])})(?!\w)", re.I)


def _right_start(line: Line, page: Page) -> str | None:
    """The text of the line from its first word right of the page's middle third, if any."""
    for i, word in enumerate(line.words):
        if word.x0 >= 0.4 * page.width:
            return " ".join(w.text for w in line.words[i:])
    return None


def _is_signature_seed(line: Line, page: Page) -> bool:
    if _recipients_re().match(line.text):
        return True
    right = _right_start(line, page)
    return right is not None and bool(_signature_re().match(right))


def _is_uppercase(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 6 and sum(c.isupper() for c in letters) >= 0.7 * len(letters)


def page_flows(page: Page, first: bool) -> list[Flow]:
    """The page's lines in reading order, as flows; two-column blocks become two flows."""
    lines = page.lines
    flows: list[Flow] = []
    body: list[Line] = []

    def columns(start: int, end: int, gutter: tuple[float, float]) -> None:
        if body:
            flows.append(Flow(list(body)))
            body.clear()
        flows.extend(Flow(column, columns=True) for column in split_columns(lines[start:end], gutter) if column)

    i = 0
    for start in range(min(_HEADER_SEARCH, len(lines))):  # stamps and notes may stand above it
        if not (first or _is_uppercase(lines[start].text)):  # an appendix opens with a header too
            continue
        stop = next((k for k in range(start, len(lines)) if _header_end_re().match(lines[k].text)), None)
        found = two_columns(lines, start, stop)
        if found and found[0] >= start + 2:
            body.extend(lines[:start])
            columns(start, *found)
            i = found[0]
            break
    while i < len(lines):
        if _is_signature_seed(lines[i], page):
            start = i  # the signer's title may stand alone above "Nơi nhận", right of the middle
            while (start > 0 and len(body) > i - start and lines[start - 1].x0 >= 0.4 * page.width
                   and lines[start].top - lines[start - 1].bottom < 2 * lines[start].height):
                start -= 1
            found = two_columns(lines, start, spill=True)
            if found and found[0] > start + 1:
                del body[len(body) - (i - start):]
                columns(start, *found)
                i = found[0]
                continue
        body.append(lines[i])
        i += 1
    if body:
        flows.append(Flow(body))
    return flows


# ---------------------------------------------------------------- flows → text


_JOINING_END_RE = re.compile(r"\w[-/]$")
_OPENERS = "“\"'(-+•–—*"  # a line opening with one of these may start a paragraph


class TextBuilder:
    """Accumulates text and its per-character boxes (None for inserted characters)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.boxes: list[Box | None] = []

    def add(self, text: str, boxes: list[Box | None] | None = None) -> None:
        self.parts.append(text)
        self.boxes.extend(boxes if boxes is not None else [None] * len(text))

    def add_line(self, line: Line) -> None:
        for k, word in enumerate(line.words):
            if k:
                self.add(" ")
            self.add(word.text, list(word.boxes))

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _margin(lines: list[Line]) -> float:
    xs = Counter(round(line.x0) for line in lines)
    return min(xs, key=lambda x: (-xs[x], x)) if xs else 0.0


def _leading(lines: list[Line]) -> float:
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:]) if b.top > a.top]
    return max(0.0, statistics.median(gaps)) if gaps else 0.0


def _right_edge(lines: list[Line]) -> float:
    ends = sorted(line.x1 for line in lines)
    return ends[int(0.8 * (len(ends) - 1))] if ends else 0.0


def _separator(prev: Line, line: Line, edges: tuple[float, float, float], same_page: bool,
               body: bool) -> str:
    """What stands between two lines of one flow: "" (a word split at a hyphen or slash), " " (a
    wrapped line of the body), a line break (the normaliser decides), or a blank line (a new
    paragraph)."""
    margin, right, leading = edges
    if _JOINING_END_RE.search(prev.words[-1].text) and line.text[:1].isalnum():
        return ""
    height = max(prev.height, line.height)
    first = line.text[:1]
    if not (first.isupper() or first.isdigit() or first in _OPENERS):
        return "\n"  # a lowercase start continues the sentence
    if same_page and line.top - prev.bottom > leading + 0.5 * height:
        return "\n\n"
    if line.x0 > margin + 0.8 * height:
        return "\n\n"  # an indented first line
    if (body and prev.x1 >= right - 1.5 * height and not prev.text.endswith((".", ":"))
            and not opener_re().match(line.text)):
        return " "  # the line before runs to the right margin: the sentence goes on
    return "\n"


def render(pages: list[Page]) -> tuple[str, list[Box | None]]:
    """The pages' text in reading order, one printed line per line, paragraphs apart."""
    out = TextBuilder()
    previous: tuple[Line, Flow, int] | None = None  # last line written, its flow, its page
    for index, page in enumerate(pages):
        flows = page_flows(page, first=index == 0)
        body_lines = [line for flow in flows if not flow.columns for line in flow.lines]
        body_edges = (_margin(body_lines), _right_edge(body_lines), _leading(body_lines))
        for flow in flows:
            edges = ((_margin(flow.lines), _right_edge(flow.lines), _leading(flow.lines)) if flow.columns
                     else body_edges)
            for k, line in enumerate(flow.lines):
                if previous is None:
                    pass
                elif k == 0 and (flow.columns or previous[1].columns or previous[2] == page.number):
                    out.add("\n\n")
                else:
                    out.add(_separator(previous[0], line, edges, previous[2] == page.number, not flow.columns))
                out.add_line(line)
                previous = (line, flow, page.number)
    return out.text, out.boxes
