"""Task extractor: each piece of work the letter orders, with assignees, coordinators and deadline.

Reads the body's tree (``structure.parse_structure``) and the directive vocabulary
(``data/tasks.toml``):

- every innermost item of a directive list is a task when it orders work; a heading over a list
  is not, an item that is a full sentence over a list is one besides its children;
- sections that only state purpose, assess or specify (``section_headings``) give no tasks, and
  where a plan assigns its work unit by unit (``assignment_headings``) only that section does;
- articles (Điều N) that approve or define (``decision_openers``) give none;
- outside lists, each sentence that charges a named body ("Giao …", "… đề nghị X …", "X chủ trì
  …") is a task with a null label; formulas (``not_tasks.formulas``) never are.

Assignees, in order: the body the item itself charges ("Giao X", "X: …", "X chủ trì …"); the
body its heading names; an opening "Chỉ đạo Y …" (Y does the work); the body the list's lead-in
charges ("… yêu cầu các cơ quan, đơn vị:"); the "Kính gửi" addressees; the body a closing
"thông báo để X biết, thực hiện" names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import deadlines as deadline_rules
from .bodies import agency_head_re, expand
from .data import alternation, load
from .document import Doc
from .header import HeaderResult
from .schema import Body, Deadline, Span, Task
from .structure import Node

_WORD_END = r"(?![\w&])"


@cache
def _vocab() -> dict:
    return load("tasks")


def _words_re(words: list[str], *, flags: int = 0) -> re.Pattern[str]:
    """Any of ``words`` as whole words (``.match`` anchors it at a position)."""
    return re.compile(rf"(?<![\w&])(?:{alternation(words)}){_WORD_END}", flags)


@cache
def _charge_opener_re() -> re.Pattern[str]:
    """ "Giao X", "Đề nghị X", "Yêu cầu X" at the start of an item (and "Chỉ đạo", kept apart)."""
    openers = [w for w in _vocab()["directive"]["charge_openers"] if w != "Chỉ đạo"]
    return re.compile(rf"(?:{alternation(openers)}){_WORD_END}\s*:?\s*", re.I)


@cache
def _delegation_re() -> re.Pattern[str]:
    return re.compile(rf"Chỉ đạo{_WORD_END}\s*", re.I)


@cache
def _charge_word_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w&])(?:{alternation(_vocab()['directive']['charge_words'])}){_WORD_END}\s*:?\s*", re.I)


@cache
def _subject_verb_re() -> re.Pattern[str]:
    """A verb that ends a body's name: case-sensitive, and not inside a comma list ("cơ quan, tổ
    chức có liên quan")."""
    verbs = alternation(_vocab()["directive"]["subject_verbs"])
    return re.compile(rf"(?<![,\w&])(?<!và )(?<!các )(?<!Các )(?<!, )(?:{verbs}){_WORD_END}")


@cache
def _name_stop_re() -> re.Pattern[str]:
    stops = alternation(_vocab()["directive"]["name_stops"])
    return re.compile(rf"(?<![\w&])(?<!có )(?:{stops}){_WORD_END}")


@cache
def _imperative_re() -> re.Pattern[str]:
    return _words_re(_vocab()["directive"]["imperative_starts"])


@cache
def _topic_re() -> re.Pattern[str]:
    return _words_re(_vocab()["directive"]["topic_starts"])


@cache
def _execution_re() -> re.Pattern[str]:
    return _words_re(_vocab()["directive"]["execution_clause"], flags=re.I)


@cache
def _formula_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _vocab()["not_tasks"]["formulas"]), re.I)


@cache
def _preamble_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _vocab()["not_tasks"]["preamble"]), re.I)


@cache
def _decision_re() -> re.Pattern[str]:
    return _words_re(_vocab()["not_tasks"]["decision_openers"], flags=re.I)


@cache
def _section_skip_re() -> re.Pattern[str]:
    return _words_re(_vocab()["not_tasks"]["section_headings"], flags=re.I)


@cache
def _assignment_re() -> re.Pattern[str]:
    return _words_re(_vocab()["not_tasks"]["assignment_headings"], flags=re.I)


@cache
def _announcing_re() -> re.Pattern[str]:
    return _words_re(_vocab()["not_tasks"]["announcing_leads"], flags=re.I)


@cache
def _generic_subject_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(_vocab()['bodies']['generic_subjects'])}){_WORD_END}")


@cache
def _not_head_re() -> re.Pattern[str]:
    return _words_re(_vocab()["bodies"]["not_heads"])


@cache
def _generic_words() -> frozenset[str]:
    return frozenset(_vocab()["bodies"]["generic"])


@cache
def _place_list_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(_vocab()['bodies']['place_words'])})(?:\s+trực thuộc Trung ương)?\s*$", re.I)


_HONORIFIC_RE = re.compile(r"^(?:các\s+|Các\s+)?(?:đồng chí|Đồng chí|Quý)\s+")
_PLURAL_RE = re.compile(r"(?<![\w&])(?:các|Các)\s+")
_COORDINATION_RE = re.compile(r"(?<![\w&])phối hợp(?:\s+chặt chẽ)?(?:\s+với)?\s+", re.I)
_CLOSING_FORMULA_RE = re.compile(r"thông báo (?:để|đến)\s+(.{3,200}?)\s+(?:được\s+)?biết", re.I)
_REPORTING_RE = re.compile(r"(?:thông báo|đề nghị)(?![\w&])")
_DIRECTIVE_WORD_RE = re.compile(r"(?<![\w&])(?:khẩn trương|chủ trì|có trách nhiệm|chịu trách nhiệm|tiếp tục|nghiêm túc)(?![\w&])", re.I)
_SUBORDINATE_RE = re.compile(r"(?:Để|Nhằm|Trong thời gian tới|Thời gian tới)(?![\w&])")
_FACT_START_RE = re.compile(r"^(?:Việc|Kết quả|Tổng số|Hiện nay|Năm \d{4})\b")


# --- body names ---------------------------------------------------------------------------

def _starts_body(text: str, pos: int) -> bool:
    """Whether a body's name opens at ``pos``: an agency head or title ("các Phó Thủ tướng"
    too), or a generic subject ("Các cơ quan"), but not a word that merely begins like one
    ("Báo cáo", "Bộ máy")."""
    if _not_head_re().match(text, pos):
        return False
    plural = _PLURAL_RE.match(text, pos)
    return bool(agency_head_re().match(text, pos) or _generic_subject_re().match(text, pos)
                or (plural and agency_head_re().match(text, plural.end())))


def _phrase_end(text: str, pos: int, limit: int) -> int:
    """Where the body phrase starting at ``pos`` ends: a verb, a bracket, a full stop, or a colon
    that does not open a list of names ("Sở Văn hóa, Thể thao và Du lịch: Phối hợp …")."""
    end = limit
    verb = _subject_verb_re().search(text, pos, limit)
    stop = _name_stop_re().search(text, pos, verb.start() if verb else limit)
    if stop or verb:
        end = (stop or verb).start()
    stop = re.compile(r"[(.!?\n]|:\s*$|:\s*(?=[A-ZĐÀ-Ỹ][^\s,]*\s+\S)").search(text, pos, end)
    if stop:
        if text[stop.start()] == ":" and _colon_list(text, pos, stop.start()):
            rest = re.compile(r"[(.!?\n;]").search(text, stop.end(), end)
            return rest.start() if rest else end
        end = stop.start()
    return end


def _colon_list(text: str, start: int, colon: int) -> bool:
    """ "Các Bộ: Quốc phòng, Tài chính", "Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa, …"."""
    before = text[start:colon]
    after = text[colon + 1: colon + 40].lstrip()
    return bool(re.search(r"(?:các|Các)\s+\S+(?:\s+\S+)?\s*$|Bộ\s*$|Sở\s*$|thành phố\s*$|Trung ương\s*$", before)) \
        and not _imperative_re().match(after)


def bodies_in(text: str, pos: int, limit: int, abbreviations: dict[str, str]) -> list[Body]:
    """The bodies named by the phrase at ``pos`` (one per body: "Các Bộ: Quốc phòng, Tài chính"
    gives "Bộ Quốc phòng" and "Bộ Tài chính"), or [] when no body is printed there."""
    return body_phrase(text, pos, limit, abbreviations)[0]


def body_phrase(text: str, pos: int, limit: int, abbreviations: dict[str, str]) -> tuple[list[Body], int]:
    """The bodies of the phrase at ``pos`` and where the phrase ends."""
    honorific = _HONORIFIC_RE.match(text, pos)
    if honorific:
        pos = honorific.end()
    if not _starts_body(text, pos):
        return [], pos
    end = _phrase_end(text, pos, min(limit, pos + 400))
    out: list[Body] = []
    for part_start, part_end in _split(text, pos, end, ";"):
        out.extend(_part_bodies(text, part_start, part_end, abbreviations))
    return out, end


def _split(text: str, start: int, end: int, sep: str) -> list[Span]:
    spans, pos = [], start
    for m in re.finditer(re.escape(sep), text[start:end]):
        spans.append((pos, start + m.start()))
        pos = start + m.end()
    spans.append((pos, end))
    return [s for s in (_trim(text, a, b) for a, b in spans) if s[1] > s[0]]


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start] in " ,;:-–":
        start += 1
    while end > start and text[end - 1] in " ,;:-–":
        end -= 1
    for word in (" và", " cùng", " thì"):
        if text[start:end].endswith(word):
            end -= len(word)
    return start, end


def _part_bodies(text: str, start: int, end: int, abbreviations: dict[str, str]) -> list[Body]:
    colon = text.find(":", start, end)
    if colon > 0 and _colon_list(text, start, colon):
        prefix = text[start:colon].strip()
        if "," not in prefix:
            singular = _PLURAL_RE.sub("", prefix)
            places = bool(_place_list_re().search(prefix))
            items = _list_items(text, colon + 1, end, split_and=places)
            return [_body(f"{singular} {text[a:b]}", (a, b), abbreviations) for a, b in items]
    pieces = _list_items(text, start, end, split_and=True, heads_only=True)
    return [_body(text[a:b], (a, b), abbreviations) for a, b in pieces]


def _list_items(text: str, start: int, end: int, *, split_and: bool, heads_only: bool = False) -> list[Span]:
    """Comma (and "và") separated items; with ``heads_only`` a piece that does not open with an
    agency head or title stays with the piece before it ("các cơ quan, tổ chức có liên quan")."""
    pattern = r",\s*|\s+và\s+" if split_and else r",\s*"
    cuts = [(m.start(), m.end()) for m in re.finditer(pattern, text[start:end])]
    items: list[Span] = []
    pos = start
    for a, b in cuts:
        a, b = start + a, start + b
        if heads_only and not _opens_new_body(text, b, pos):
            continue
        items.append(_trim(text, pos, a))
        pos = b
    items.append(_trim(text, pos, end))
    return [s for s in items if s[1] > s[0]]


def _opens_new_body(text: str, pos: int, piece_start: int) -> bool:
    """Whether the piece at ``pos`` (after a comma or "và") names a body of its own: it opens with
    an agency head or title, or with "các" and a generic word after a specific name; a bare
    generic word ("đơn vị", "thành phố nêu tại Điều 1") continues the name before it."""
    if text.startswith("Văn phòng", piece_start) and text[pos - 4:pos].strip() == "và":
        return False  # "Văn phòng HĐND và UBND huyện" is one office
    if not _starts_body(text, pos):
        return False
    bare = _PLURAL_RE.sub("", text[pos:pos + 40], count=1)
    if any(bare == w or bare.startswith(w + " ") or bare.startswith(w + ",") for w in _generic_words()):
        previous = _PLURAL_RE.sub("", text[piece_start:pos].strip(" ,"), count=1).lower()
        return text[pos:pos + 4].lower() == "các " and previous not in _generic_words()
    return True


def _body(name: str, span: Span, abbreviations: dict[str, str]) -> Body:
    name = re.sub(r"\s+", " ", name).strip(" ,;:.-")
    return Body(name=name, normalized=expand(name, abbreviations), span=span)


# --- the letter ---------------------------------------------------------------------------

@dataclass
class _Letter:
    doc: Doc
    header: HeaderResult
    abbreviations: dict[str, str]
    limits: list[Deadline]
    inherited: Deadline | None

    @property
    def text(self) -> str:
        return self.doc.text

    def bodies(self, span: Span) -> list[Body]:
        return bodies_in(self.text, span[0], span[1], self.abbreviations)

    def acting(self, span: Span) -> list[Body]:
        """The bodies a span opens with when a directive verb follows them ("Bộ Công Thương chủ
        trì …", "Các cơ quan, đơn vị căn cứ …"), not a report ("Bộ Nội vụ đã xây dựng …")."""
        bodies, end = body_phrase(self.text, span[0], span[1], self.abbreviations)
        if bodies and self.text.startswith(":", end):  # "Bộ Xây dựng: chỉ đạo …"
            return bodies
        verb = _subject_verb_re().match(self.text, end)
        if not bodies or verb is None or _REPORTING_RE.match(self.text, end):
            return []
        return bodies


def extract_tasks(doc: Doc, header: HeaderResult, structure: list, deadlines: list[Deadline],
                  abbreviations: dict[str, str]) -> list[Task]:
    limits = deadline_rules.find_limits(doc, header) or deadlines
    letter = _Letter(doc, header, abbreviations, limits, deadline_rules.closing_deadline(doc, header, deadlines))
    fallback = _addressees(letter, structure)
    tasks: list[Task] = []
    assignment = [n for n in structure if n.kind == "section" and _assignment_re().match(_own(letter, n))]
    lead: list[Body] = []
    announced = False
    for i, node in enumerate(structure):
        if node.kind == "paragraph":
            before_list = i + 1 < len(structure) and structure[i + 1].kind != "paragraph"
            if before_list:
                lead = _lead_bodies(letter, node.span)
                announced = _announcing(letter.text[node.span[0]:node.span[1]])
            previous = structure[i - 1].span if i and structure[i - 1].kind == "paragraph" else None
            tasks.extend(_sentence_tasks(letter, node.span, followed_by_list=before_list, previous=previous))
            continue
        if assignment and node not in assignment:
            continue
        tasks.extend(_item_tasks(letter, node, [], lead or fallback, announced))
    return tasks


def _announcing(lead: str) -> bool:
    """A lead-in that announces the list after it as work: "… yêu cầu …:", "… một số nhiệm vụ,
    giải pháp sau đây:"."""
    lead = lead.rstrip()
    last = re.split(r"[.;]\s+", lead)[-1]  # the sentence that opens the list
    return lead.endswith(":") and bool(_announcing_re().search(last))


def _own(letter: _Letter, node: Node) -> str:
    return letter.text[node.head[0]:node.head[1]].strip()


def _addressees(letter: _Letter, structure: list[Node]) -> list[Body]:
    """The letter's addressees: its "Kính gửi" lines, else the body that a closing "thông báo để
    X biết, thực hiện" names."""
    out: list[Body] = []
    for name in letter.header.document.recipients:
        parsed = bodies_in(name, 0, len(name), letter.abbreviations)
        out.extend(Body(name=b.name, normalized=b.normalized) for b in parsed)
        if not parsed:
            out.append(Body(name=name, normalized=expand(name, letter.abbreviations)))
    if out:
        return out
    for node in reversed(structure):
        if node.kind != "paragraph":
            break
        m = _CLOSING_FORMULA_RE.search(letter.text, node.span[0], node.span[1])
        if m:
            found = letter.bodies(m.span(1))
            return found[:1]
    return []


def _lead_bodies(letter: _Letter, span: Span) -> list[Body]:
    """The bodies a list's lead-in charges: "… yêu cầu Giám đốc, Thủ trưởng các sở, …:" or
    "… thành phố Đà Nẵng cần tập trung …:"."""
    text = letter.text
    found = _charged_anywhere(letter, span)
    if found:
        return found
    for m in re.finditer(r"(?<![\w&])(?:cần|phải|có trách nhiệm)\s", text[span[0]:span[1]]):
        cut = span[0] + m.start()
        back = text.rfind(",", span[0], cut)
        start = back + 1 if back >= 0 else span[0]
        start += len(text[start:cut]) - len(text[start:cut].lstrip())
        bodies = letter.bodies((start, span[1]))
        if bodies:
            return bodies
    return []


def _charged_anywhere(letter: _Letter, span: Span) -> list[Body]:
    """Bodies printed right after a charge word anywhere in the span ("… đề nghị các cơ quan …")."""
    for m in _charge_word_re().finditer(letter.text, span[0], span[1]):
        bodies = letter.bodies((m.end(), span[1]))
        if bodies:
            return bodies
    return []


# --- list items ---------------------------------------------------------------------------

def _item_tasks(letter: _Letter, node: Node, headings: list[Node], lead: list[Body],
                announced: bool = False) -> list[Task]:
    own = _own(letter, node)
    heading = node.kind == "section" or bool(node.children or node.paragraphs)
    if heading and node.kind in ("section", "number", "paren", "letter") and _section_skip_re().match(own):
        if not _announces(letter, node):
            return []
        announced = True
    elif node.kind == "section":
        announced = _announces(letter, node)
    if node.kind == "article" or any(h.kind == "article" for h in headings):
        if (_decision_re().match(own) and not _execution_re().search(own)
                and "trách nhiệm" not in own) or _formula_re().search(own):
            return []
    if node.kind == "article" and node.children and not _article_orders(letter, node, own):
        return []  # "Điều 2. Nhiệm vụ và quyền hạn" of a regulation: functions, not orders
    if not node.children:
        return _leaf_tasks(letter, node, headings, lead, announced)
    out: list[Task] = []
    if not node.is_heading(letter.text) and node.kind != "section":
        task = _item_task(letter, node, headings, lead, announced, own_text_only=True)
        if task:
            out.append(task)
    announced = announced or _announces(letter, node) or _announcing(own)
    for child in node.children:
        out.extend(_item_tasks(letter, child, [*headings, node], lead, announced))
    return out


def _article_orders(letter: _Letter, node: Node, own: str) -> bool:
    """An article over items orders work when its heading names the body ("Điều 3. Giám đốc Sở
    …:"), charges ("… giao"), opens its items with ":" or speaks of duties ("trách nhiệm")."""
    return (own.endswith(":") or "trách nhiệm" in own.lower() or bool(_subject(letter, node.head))
            or bool(_charge_word_re().search(own)))


def _leaf_tasks(letter: _Letter, node: Node, headings: list[Node], lead: list[Body],
                announced: bool) -> list[Task]:
    """An innermost item's task; the unmarked paragraphs after a sentence item that open with an
    imperative of their own ("2. Các tỉnh ủy … cụ thể hóa …." then "Bố trí kinh phí …") are
    further duties of the same item, each a task with its label."""
    text = letter.text
    cut = next((k for k, p in enumerate(node.paragraphs)
                if _imperative_re().match(text, p[0]) and not _topic_re().match(text, p[0])
                and text[node.head[0]:node.head[1]].rstrip().endswith(".")), None)
    if cut is None:
        task = _item_task(letter, node, headings, lead, announced)
        return [task] if task else []
    first = Node(node.kind, node.marker, node.label, (node.span[0], node.paragraphs[cut][0] - 1),
                 node.head, node.paragraphs[:cut])
    out = [task for task in [_item_task(letter, first, headings, lead, announced)] if task]
    owner = _item_assignees(letter, node, headings) or lead
    for para in node.paragraphs[cut:]:
        duty = Node(node.kind, node.marker, node.label, para, para)
        task = _item_task(letter, duty, headings, owner, announced, assignees=_subject(letter, para) or owner)
        if task:
            out.append(task)
    return out


def _announces(letter: _Letter, node: Node) -> bool:
    """An assessment section whose closing paragraph announces the list below as work."""
    if not node.paragraphs or not node.children:
        return False
    last = letter.text[node.paragraphs[-1][0]:node.paragraphs[-1][1]].rstrip()
    return last.endswith(":") and bool(_announcing_re().search(last))


def _item_task(letter: _Letter, node: Node, headings: list[Node], lead: list[Body], announced: bool,
               own_text_only: bool = False, assignees: list[Body] | None = None) -> Task | None:
    text = letter.text
    span = node.text_span if own_text_only else (node.head[0], node.span[1])
    own = text[span[0]:span[1]].strip()
    if not own or _formula_re().search(text[node.head[0]:node.head[1]]):
        return None
    if not (_orders_work(letter, node, headings) or (announced and not _FACT_START_RE.match(own))):
        return None
    assignees = assignees or _item_assignees(letter, node, headings) or lead
    coordinators = _coordinators(letter, node, headings)
    return Task(
        label=node.label,
        text=own,
        assignees=_unique(assignees),
        coordinators=_unique(coordinators),
        deadline=_deadline(letter, span),
        span=span,
    )


def _orders_work(letter: _Letter, node: Node, headings: list[Node]) -> bool:
    """An item orders work when it opens with an imperative, charges a body, or names a body
    that acts, or when its heading names the unit that does it; an article only in the last two
    ways."""
    text = letter.text
    own = _own(letter, node)
    if _FACT_START_RE.match(own):
        return False
    spans = [node.head]
    if node.paragraphs and own.endswith(":"):  # "1. Về kiến nghị …:" over its content
        spans.append(node.paragraphs[0])
    charged = any(_charged_at_start(letter, span) or _charged_anywhere(letter, span)
                  or _execution_re().search(text, span[0], span[1]) for span in spans)
    span = (spans[0][0], spans[-1][1])
    if node.kind == "article" or any(h.kind == "article" for h in headings):
        return charged or (bool(headings) and _imperative_re().match(own) is not None)
    if charged or (_imperative_re().match(own) and not _topic_re().match(own)):
        return True
    if _DIRECTIVE_WORD_RE.search(text, span[0], span[1]):
        return True
    return any(_subject(letter, h.head) for h in headings)


def _item_assignees(letter: _Letter, node: Node, headings: list[Node]) -> list[Body]:
    own = _subject(letter, node.head)
    if own:
        return own
    if node.paragraphs and letter.text[node.head[0]:node.head[1]].rstrip().endswith(":"):
        for para in node.paragraphs:  # "1. Về kiến nghị …:" over "Các Bộ … nghiên cứu …"
            found = _subject(letter, para) or _charged_anywhere(letter, para)
            if found:
                return found
    for heading in reversed(headings):
        found = _subject(letter, heading.head)
        if found:
            return found
    delegation = _delegation_re().match(letter.text, node.head[0], node.head[1])
    if delegation:
        return letter.bodies((delegation.end(), node.head[1]))
    for heading in reversed(headings):
        found = _lead_of(letter, heading)
        if found:
            return found
    return []


def _lead_of(letter: _Letter, heading: Node) -> list[Body]:
    """A heading or its last paragraph that charges bodies: "3. Trong thời gian tới, yêu cầu các
    bộ, ngành tập trung …:"."""
    spans = [heading.head, *heading.paragraphs[-1:]]
    for span in reversed(spans):
        found = _lead_bodies(letter, span)
        if found:
            return found
    return []


def _charged_at_start(letter: _Letter, span: Span) -> list[Body]:
    """A sentence (or a clause after ";") that opens by charging a body: "Giao X …", "Đề nghị X
    …", "X chủ trì …"; "…; các cơ quan, đơn vị … nghiêm túc tổ chức, triển khai thực hiện"."""
    text = letter.text
    starts = [span[0], *(span[0] + m.end() for m in re.finditer(r";\s*", text[span[0]:span[1]]))]
    if _topic_re().match(text, span[0]) or _SUBORDINATE_RE.match(text, span[0]):
        comma = text.find(",", span[0], span[1])  # "Sau khi được Quốc hội thông qua, các Bộ …"
        if comma > 0:
            starts.insert(1, comma + 1 + len(text[comma + 1:span[1]]) - len(text[comma + 1:span[1]].lstrip()))
    found: list[Body] = []
    for pos in starts:
        opener = _charge_opener_re().match(text, pos, span[1])
        found.extend(letter.bodies((opener.end(), span[1])) if opener else letter.acting((pos, span[1])))
        if found and pos == span[0]:
            break
    return found


def _subject(letter: _Letter, span: Span) -> list[Body]:
    """The body an item charges at its start: "Giao X …", "Đề nghị X …", "X: …", "X chủ trì …"."""
    text = letter.text
    pos = span[0]
    opener = _charge_opener_re().match(text, pos, span[1])
    if opener:
        return letter.bodies((opener.end(), span[1]))
    return letter.bodies(span)


def _coordinators(letter: _Letter, node: Node, headings: list[Node]) -> list[Body]:
    out: list[Body] = []
    for span in (*[h.head for h in headings], node.text_span):
        for m in _COORDINATION_RE.finditer(letter.text, span[0], span[1]):
            out.extend(letter.bodies((m.end(), span[1])))
    return out


def _unique(bodies: list[Body]) -> list[Body]:
    seen, out = set(), []
    for body in bodies:
        key = body.name.lower()
        if key not in seen:
            seen.add(key)
            out.append(body)
    return out


def _deadline(letter: _Letter, span: Span):
    own = deadline_rules.deadlines_in(letter.limits, span)
    if own:
        return deadline_rules.to_task_deadline(own[0])
    if letter.inherited is not None:
        return deadline_rules.to_task_deadline(letter.inherited, inherited=True)
    return None


# --- sentences outside lists ---------------------------------------------------------------

def _sentence_tasks(letter: _Letter, span: Span, *, followed_by_list: bool,
                    previous: Span | None = None) -> list[Task]:
    """Tasks of an unmarked paragraph, one per sentence that charges a body. A paragraph that
    continues a sentence left open by the one before (a line broken by the source) starts it
    there."""
    text = letter.text
    out: list[Task] = []
    sentences = [s for s in letter.doc.sentences if span[0] <= s[0] < span[1]] or [span]
    if previous and not text[previous[0]:previous[1]].rstrip().endswith((".", ":", ";", "!", "?", "/.")):
        before = [s for s in letter.doc.sentences if previous[0] <= s[0] < previous[1]]
        if before:
            sentences[0] = (before[-1][0], sentences[0][1])
    for k, (start, end) in enumerate(sentences):
        end = min(end, span[1])
        sentence = text[start:end].strip()
        if not sentence or _formula_re().search(sentence):
            continue
        if followed_by_list and k == len(sentences) - 1 and sentence.rstrip("/. ").endswith(":"):
            continue  # the list's lead-in
        if _preamble_re().search(sentence):
            continue
        assignees = _charged_at_start(letter, (start, end)) or _charged_anywhere(letter, (start, end))
        if not assignees:
            continue
        coordinators = [b for m in _COORDINATION_RE.finditer(text, start, end)
                        for b in letter.bodies((m.end(), end))]
        out.append(Task(label=None, text=sentence, assignees=_unique(assignees),
                        coordinators=_unique(coordinators), deadline=_deadline(letter, (start, end)),
                        span=(start, end)))
    return out
