"""The body's list structure as a tree of sections, items and headings, with spans.

``parse_structure(doc, header)`` reads the letter's body (``header.body``) line by line (the
normaliser puts one paragraph, or one table cell, on each line) and returns the top-level nodes.
A line that opens with a list marker (``data/tasks.toml`` [markers]) starts a node; an unmarked
line continues the node before it, except a closing sentence (``list_breakers``) after a list,
which stands at the top level as a ``paragraph`` node.

Nesting follows the markers' kinds: an article (Điều) holds sections (I., II.), which hold
numbered items (1., then 1.1. inside 1.), which hold the "weaker" kinds ((1), a), -, +) in the
order the letter first nests them. Labels are the paths the gold annotation writes: "2.a",
"II.3", "Điều 3.1", "3.-" (a dash under item 3), "2.1" for "(1)" under "2.".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .bodies import agency_head_re
from .data import alternation, load
from .document import Doc
from .header import HeaderResult
from .schema import Span

# kinds whose depth is fixed: an article holds sections, a section numbered items
_RANK = {"article": 0, "section": 1, "number": 2}
_LINE_END_COLON = re.compile(r":\s*$")
_CONTINUED_RE = re.compile(r"(?:\d+\s+)?(\w)")  # its first letter, after a stray number
_QUOTED_ARTICLE = re.compile(r"[“\"]\s*(?:Điều|ĐIỀU)\s+\d")  # "“Điều 55. Nhiệm vụ, quyền hạn …"
_ELLIPSIS = re.compile(r"[.…\s]+")  # "…": a cut in a quoted text
_ANNEX_TITLE_LINES = 5  # an annexed plan's uppercase title runs over at most this many lines
_OPEN_END = re.compile(r"[\w)]$")  # a paragraph line that stops mid-sentence
_RUNNING_LINE = 60  # characters: a line this long is running text, not a title or a name


@dataclass
class Node:
    """One list item (or a top-level paragraph) of the body.

    kind: "article", "section", "number", "paren", "roman", "letter", "dash", "plus", "ordinal", or "paragraph" for
        an unmarked top-level paragraph (lead-ins, closing sentences).
    marker: the marker as the label writes it ("II", "2.1", "a", "-", "Điều 3"); "" for paragraphs.
    label: the path from the outermost item ("II.3", "4.a", "8.d.-"); None for paragraphs.
    span: the whole node: its marker line, continuation paragraphs and children.
    head: the node's own first paragraph, marker excluded (the heading, when it has children).
    paragraphs: spans of the unmarked paragraphs that continue it, before any child.
    children: nested items, in order.
    """

    kind: str
    marker: str
    label: str | None
    span: Span
    head: Span
    paragraphs: list[Span] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)

    @property
    def text_span(self) -> Span:
        """The node's own text: its head and continuation paragraphs, children excluded."""
        end = self.paragraphs[-1][1] if self.paragraphs else self.head[1]
        return (self.head[0], end)

    def is_heading(self, text: str) -> bool:
        """A heading over its children: its own text ends with ":" or without a full stop ("4. Sở
        Nông nghiệp và Môi trường", "II. NỘI DUNG"), not a sentence that orders work itself
        ("1. Các cơ quan … xây dựng kế hoạch …; đề ra giải pháp …." over dashes)."""
        if not self.children:
            return False
        own = text[self.text_span[0]:self.text_span[1]].strip()
        if self.paragraphs or _LINE_END_COLON.search(own):
            return True
        return not own.rstrip("/ ").endswith((".", ";"))

    def walk(self):
        """This node and every node below it, in text order."""
        yield self
        for child in self.children:
            yield from child.walk()


@cache
def _marker_res() -> list[tuple[str, re.Pattern[str]]]:
    table = load("tasks")["markers"]
    kinds = {"number_bare": "number", "letter_paren": "letter"}
    return [(kinds.get(name, name), re.compile(pattern)) for name, pattern in table.items()]


@cache
def _imperative_re() -> re.Pattern[str]:
    """An item opening with an order ("Tiếp tục", "Tổ chức"): ``data/tasks.toml`` imperative_starts."""
    return re.compile(rf"(?:{alternation(load('tasks')['directive']['imperative_starts'])})(?![\w&])")


@cache
def _breaker_re() -> re.Pattern[str]:
    """A closing paragraph: a breaker word, or a body charging others in its first words."""
    table = load("tasks")["structure"]
    issuer = rf"[^\W\d](?:[^.,;:()]{{0,60}}?)\s(?:{alternation(table['issuer_charges'])})(?![\w&])"
    return re.compile(rf"(?:{alternation(table['list_breakers'])})\b|(?={issuer})")


def _is_breaker(line: str) -> bool:
    m = _breaker_re().match(line)
    return bool(m) and (m.end() > 0 or bool(agency_head_re().match(line)))


def classify(line: str) -> tuple[str, str, int] | None:
    """The list marker opening ``line``: (kind, marker, offset of the text after it), or None."""
    for kind, regex in _marker_res():
        m = regex.match(line)
        if m:
            marker = m["m"]
            if kind == "ordinal":  # "Thứ hai" is item 2
                marker = str(load("tasks")["structure"]["ordinal_words"].index(marker.split()[-1]) + 1)
            return kind, (f"Điều {marker}" if kind == "article" else marker), m.end()
    return None


_LETTER_BEFORE = {"i": "h", "v": "u", "x": "v"}  # the Vietnamese alphabet's letter before each


def _letter_not_roman(found: tuple[str, str, int] | None, stack: list[Node]) -> tuple[str, str, int] | None:
    """"(i)" after "(h)" continues a lettered list ("(h) Phòng Kinh tế đối ngoại;" then "(i) Phòng
    Đấu thầu, …"); elsewhere it is a roman numeral ("(i) Tập đoàn … báo cáo …", "(ii) …")."""
    if found and found[0] == "roman" and any(
            n.kind == "letter" and n.marker == _LETTER_BEFORE.get(found[1]) for n in stack):
        return "letter", found[1], found[2]
    return found


def body_span(doc: Doc, header: HeaderResult) -> Span:
    """The body to parse: ``header.body``, or, when the header extractor could not bound it
    (the whole text), the text between the addressee/title block and "Nơi nhận"."""
    start, end = header.body
    if (start, end) != (0, len(doc.text)):
        return start, end
    lines = doc.lines()
    first = _first_body_line(doc.text, lines)
    start = lines[first][0] if first < len(lines) else len(doc.text)
    closing = re.compile(r"(?m)^(?:Nơi nhận|NƠI NHẬN)\b").search(doc.text, start)
    return start, closing.start() if closing else len(doc.text)


_HEADER_LINE = re.compile(
    r"^(?:Số\s*:|Số\s+\d|V/v|Về việc|Kính gửi|Đồng kính gửi|Độc lập|CỘNG HÒA|.{0,40},\s*ngày\b|-{3,})"
)


def _first_body_line(text: str, lines: list[Span]) -> int:
    """The first line after the national motto, number, date, title and addressees."""
    in_address = False
    limit = min(len(lines), 60)
    for i in range(limit):
        line = text[lines[i][0]:lines[i][1]].strip()
        if not line:
            continue
        if re.match(r"^(?:Kính gửi|Đồng kính gửi)", line) or re.search(r"\bđiện\s*:\s*$", line):
            in_address = True
            if len(line.split()) > 40:  # "Kính gửi: …" and the body run together on one line
                return i + 1
            continue
        if in_address and line.startswith(("-", "+", "•")):
            continue
        if _HEADER_LINE.match(line) or (_is_upper(line) and not classify(line)):
            in_address = False
            continue
        words = line.split()
        if classify(line) or len(words) >= 8 or line.startswith("Căn cứ"):
            return i
    return 0


def _starts_lower(line: str, pos: int) -> bool:
    """Text that cannot open an item: a lower-case word, or a number then one."""
    m = _CONTINUED_RE.match(line, pos)
    return bool(m) and m.group(1).islower()


def _is_upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def parse_structure(doc: Doc, header: HeaderResult) -> list[Node]:
    """The body's top-level nodes (list items and unmarked paragraphs), each with its subtree."""
    return parse_span(doc, body_span(doc, header))


def parse_annex(doc: Doc, header: HeaderResult) -> list[Node]:
    """The nodes of a plan or programme attached after the signature ("KẾ HOẠCH / TRIỂN KHAI …
    / (Kèm theo Quyết định số …)"), which a decision issues and whose items are the letter's work;
    [] for other annexes (procedure lists, criteria tables, footnotes)."""
    span = plan_annex(doc, header)
    return parse_span(doc, span) if span else []


def plan_annex(doc: Doc, header: HeaderResult) -> Span | None:
    """The annexed plan's text after its title block, when the annex opens with a plan's title."""
    if header.annex is None:
        return None
    lines = [(a, b) for a, b in doc.lines() if a >= header.annex[0] and b <= header.annex[1]
             and doc.text[a:b].strip()]
    if not lines or not _annex_title_re().fullmatch(doc.text[lines[0][0]:lines[0][1]].strip()):
        return None
    body = 1
    while body < min(len(lines), _ANNEX_TITLE_LINES) and _is_upper(doc.text[lines[body][0]:lines[body][1]]):
        body += 1
    if body < len(lines) and doc.text.startswith("(", lines[body][0]):  # "(Kèm theo Quyết định số …)"
        body += 1
    return (lines[body][0], header.annex[1]) if body < len(lines) else None


@cache
def _annex_title_re() -> re.Pattern[str]:
    return re.compile(alternation(load("tasks")["structure"]["plan_annex_titles"]))


def parse_span(doc: Doc, span: Span) -> list[Node]:
    """The top-level nodes of the lines inside ``span``."""
    text = doc.text
    start, end = span
    roots: list[Node] = []
    stack: list[Node] = []
    pending: Node | None = None  # a node whose marker stood alone on its line ("1.", "Điều 1.")
    quoting = 0  # depth inside a quotation of another text ("“Điều 8. …” "), which orders nothing
    # the marker kind of the item that introduced a quotation left open ("- Tại khoản 1 Điều 55 …
    # quy định:" then "“Điều 55. …" never closed, or an unquoted "Điều 116. …"): the next item of
    # that kind ends the quotation (when it introduces one too, for a quotation left open), and so
    # does, for an unquoted one, an unmarked paragraph
    citing: str | None = None
    lines = [(a, b) for a, b in doc.lines() if b > start and a < end and text[a:b].strip()]
    for k, (line_start, line_end) in enumerate(lines):
        line_start, line_end = max(line_start, start), min(line_end, end)
        raw = text[line_start:line_end]
        stripped = raw.strip()
        if not stripped or re.fullmatch(r"\d{1,3}", stripped):  # blank line, page number
            continue
        found = _letter_not_roman(classify(stripped), stack)
        if citing and found and found[0] == citing and (not quoting or _LINE_END_COLON.search(stripped)):
            quoting, citing = 0, None  # the next citation: "- Tại điểm đ khoản 1 Điều 116 … quy định:"
        elif quoting or stripped.startswith(("“", '"')):
            if not quoting and _QUOTED_ARTICLE.match(stripped):
                citing = stack[-1].kind if stack else None
            quoting = _quote_depth(stripped, quoting)
            citing = citing if quoting else None
            continue
        elif citing and (found or _ELLIPSIS.fullmatch(stripped)):
            continue
        lead = line_start + len(raw) - len(raw.lstrip())
        line_end = lead + len(stripped)
        if citing:  # the letter's own words again after an unquoted citation
            citing = None
            stack.clear()
            roots.append(Node("paragraph", "", None, (lead, line_end), (lead, line_end)))
            continue
        if pending is not None:
            pending.head = (lead, line_end)
            pending.span = (pending.span[0], line_end)
            pending = None
            _extend(stack, line_end)
            continue
        if found and found[0] == "dash" and (_starts_lower(stripped, found[2])
                                             or _broken_before(text, lines, k, stack, roots)):
            found = None  # "- 2025 sang thực hiện …": a line broken inside "2021 - 2025"
            if stack:  # the rest of the item's sentence
                _join(stack, line_end)
                continue
        if found and found[0] == "article" and stack and stack[-1].kind != "article" \
                and _LINE_END_COLON.search(text[stack[-1].text_span[0]:stack[-1].text_span[1]]):
            citing = stack[-1].kind  # "- Tại điểm đ khoản 1 Điều 116 … quy định:" over "Điều 116. …"
            continue
        if found:
            kind, marker, offset = found
            head_start = lead + offset
            node = Node(kind, marker, None, (lead, line_end), (head_start, line_end))
            _attach(node, stack, roots)
            if head_start >= line_end:
                pending = node
            continue
        _continue(text, (lead, line_end), stack, roots)
    return roots


def _broken_before(text: str, lines: list[Span], k: int, stack: list[Node], roots: list[Node]) -> bool:
    """A dash line that continues the paragraph or item text before it, broken by the source
    inside a name ("… cao tốc Ninh Bình" / "- Hải Phòng, đoạn qua …"; "… các Tập đoàn: …, Công
    nghiệp" / "- Viễn thông Quân đội theo chức năng …"): that text stops mid-sentence and no dash
    item follows, so the line opens no list."""
    if k == 0:
        return False
    if stack:  # the open item's own text ends on the line before, and it holds no items yet
        if stack[-1].children or stack[-1].text_span[1] != lines[k - 1][1]:
            return False
    elif not roots or roots[-1].kind != "paragraph":
        return False
    before = text[lines[k - 1][0]:lines[k - 1][1]].strip()
    after = text[lines[k + 1][0]:lines[k + 1][1]].strip() if k + 1 < len(lines) else ""
    following = classify(after)
    dash = classify(text[lines[k][0]:lines[k][1]].strip())
    if _imperative_re().match(text[lines[k][0]:lines[k][1]].strip(), dash[2] if dash else 0):
        return False  # "- Tiếp tục triển khai …": an item after a heading that lost its colon
    return (len(before) >= _RUNNING_LINE and _OPEN_END.search(before) is not None and not _is_upper(before)
            and not (following and following[0] == "dash"))


def _quote_depth(line: str, depth: int) -> int:
    """The quotation depth after ``line``: curly quotes counted; a line opening with a straight
    quote opens a quotation that a line with an odd count of straight quotes closes."""
    depth += line.count("“") - line.count("”")
    if line.count('"') % 2 and (depth > 0 or line.startswith('"')):
        depth += 1 if line.startswith('"') and depth <= 0 else -1
    return max(depth, 0)


def _attach(node: Node, stack: list[Node], roots: list[Node]) -> None:
    """Place ``node`` under the innermost open node that may hold it; label it."""
    if node.kind in _RANK:
        rank = _rank(node)
        while stack and (stack[-1].kind not in _RANK or _rank(stack[-1]) >= rank):
            stack.pop()
    else:
        same = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].kind == node.kind), None)
        if same is not None:
            del stack[same:]
    parent = stack[-1] if stack else None
    siblings = parent.children if parent else roots
    _restore_lost_marker(node, siblings, parent)
    node.label = _label(node, parent)
    siblings.append(node)
    stack.append(node)
    _extend(stack, node.span[1])


def _restore_lost_marker(node: Node, siblings: list[Node], parent: Node | None) -> None:
    """A numbered list that jumps from (4) to (6) lost the marker of (5) in the source: the last
    unmarked paragraph of (4) is item (5) ("(4) Rà soát, tổng hợp …" / "Tổ chức điều phối tiếp
    nhận …" / "(6) Chủ động công bố …")."""
    before = siblings[-1] if siblings else None
    if (before is None or before.kind != node.kind or node.kind not in ("paren", "number")
            or not (node.marker.isdigit() and before.marker.isdigit())
            or int(node.marker) != int(before.marker) + 2 or not before.paragraphs or before.children):
        return
    span = before.paragraphs.pop()
    lost = Node(node.kind, str(int(before.marker) + 1), None, span, span)
    before.span = (before.span[0], before.paragraphs[-1][1] if before.paragraphs else before.head[1])
    lost.label = _label(lost, parent)
    siblings.append(lost)


def _rank(node: Node) -> float:
    """Articles, then sections, then numbered items by depth ("1." above "1.1.")."""
    if node.kind == "number":
        return _RANK["number"] + node.marker.count(".")
    return _RANK[node.kind]


def _label(node: Node, parent: Node | None) -> str:
    own = "-" if node.kind == "dash" else "+" if node.kind == "plus" else node.marker
    if parent is None:
        return own
    base = parent.label or ""
    if node.kind == "number" and parent.kind == "number" and node.marker.startswith(parent.marker + "."):
        base = base[: len(base) - len(parent.marker)].rstrip(".")  # "1.1." under "1." is "1.1"
    return f"{base}.{own}" if base else own


def _extend(stack: list[Node], end: int) -> None:
    for node in stack:
        node.span = (node.span[0], max(node.span[1], end))


def _join(stack: list[Node], end: int) -> None:
    """Extend the open item's last paragraph (or its head) to ``end``: a line the source broke."""
    node = stack[-1]
    if node.paragraphs:
        node.paragraphs[-1] = (node.paragraphs[-1][0], end)
    else:
        node.head = (node.head[0], end)
    _extend(stack, end)


def _continue(text: str, span: Span, stack: list[Node], roots: list[Node]) -> None:
    """An unmarked paragraph: it continues the innermost open node, extends an uppercase
    heading split over lines, or (a closing sentence after a list) stands at the top level."""
    line = text[span[0]:span[1]]
    if stack:
        node = stack[-1]
        own = text[node.text_span[0]:node.text_span[1]]
        if not node.children and not node.paragraphs and _is_upper(own) and _is_upper(line):
            node.head = (node.head[0], span[1])  # "IV. TỔ CHỨC" / "THỰC HIỆN"
            _extend(stack, span[1])
            return
        opens_item = not node.children and not node.paragraphs and _LINE_END_COLON.search(own)
        in_article = stack[0].kind == "article"  # an article runs to the next one
        if opens_item or in_article or not _is_breaker(line):
            node.paragraphs.append(span)
            _extend(stack, span[1])
            return
        stack.clear()
    roots.append(Node("paragraph", "", None, span, span))
