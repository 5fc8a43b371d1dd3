"""Task extractor: each piece of work the letter orders, with assignees, coordinators and deadline.

Reads the body's tree (``structure.parse_structure``) and the directive vocabulary
(``data/tasks.toml``):

- every innermost item of a directive list is a task when it orders work; a heading over a list
  is not, an item that is a full sentence over a list is one besides its children;
- sections that only state purpose, assess or specify (``section_headings``) give no tasks, and
  where a plan assigns its work unit by unit (``assignment_headings``) only that section does
  (not in a directive type, ``directive_types``, whose every section orders work);
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
from dataclasses import dataclass, field
from functools import cache

from . import deadlines as deadline_rules
from .bodies import CAPITALS, agency_head_re, comma_names, expand, fields, heads, localities, titles
from .data import alternation, load
from .document import Doc
from .header import HeaderResult
from .schema import Body, Deadline, Span, Task, TaskDeadline
from .structure import Node, parse_annex
from .table_rows import table_rows

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
    return re.compile(rf"(?<![,\w&])(?<!và )(?<!các )(?<!Các )(?<!, ){_not_in_compound()}(?:{verbs}){_WORD_END}")


def _not_in_compound() -> str:
    """Lookbehinds that keep a verb from matching as the second syllable of a compound word
    ("thành lập", "Ngoại giao")."""
    return "".join(f"(?<!{re.escape(c.rsplit(' ', 1)[0])} )" for c in _vocab()["directive"]["verb_compounds"])


@cache
def _main_verb_re() -> re.Pattern[str]:
    return _words_re(_vocab()["directive"]["main_verbs"])


@cache
def _name_stop_re() -> re.Pattern[str]:
    stops = alternation(_vocab()["directive"]["name_stops"] + _vocab()["not_tasks"]["decision_verbs"])
    return re.compile(rf"(?<![\w&])(?<!có ){_not_in_compound()}(?:{stops}){_WORD_END}")


@cache
def _issuer_charge_re() -> re.Pattern[str]:
    """The issuer charging others right after its name: "… yêu cầu", "… giao", "… đề nghị"."""
    return re.compile(rf"\s*(?:{alternation(_vocab()['structure']['issuer_charges'] + ['giao'])}){_WORD_END}\s*:?\s*")


@cache
def _commitment_re() -> re.Pattern[str]:
    """The issuer undertaking work: "… lãnh đạo Văn phòng sẽ chỉ đạo …"."""
    return re.compile(rf"(?<![\w&])sẽ\s+(?:{alternation(_vocab()['directive']['subject_verbs'])}){_WORD_END}")


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
def _addressee_charge_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _vocab()["directive"]["addressee_charges"]))


@cache
def _formula_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _vocab()["not_tasks"]["formulas"]), re.I)


@cache
def _preamble_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _vocab()["not_tasks"]["preamble"]), re.I)


@cache
def _guidance_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _vocab()["not_tasks"]["guidance_leads"]), re.I)


@cache
def _decision_re() -> re.Pattern[str]:
    return _words_re(_vocab()["not_tasks"]["decision_openers"], flags=re.I)


@cache
def _decision_verb_re() -> re.Pattern[str]:
    return _words_re(_vocab()["not_tasks"]["decision_verbs"])


@cache
def _section_skip_re() -> re.Pattern[str]:
    return _words_re(_vocab()["not_tasks"]["section_headings"], flags=re.I)


@cache
def _purpose_re() -> re.Pattern[str]:
    return _words_re(_vocab()["not_tasks"]["purpose_headings"], flags=re.I)


@cache
def _condition_re() -> re.Pattern[str]:
    return _words_re(_vocab()["directive"]["condition_starts"])


@cache
def _funding_re() -> re.Pattern[str]:
    return _words_re(_vocab()["not_tasks"]["funding_headings"], flags=re.I)


@cache
def _report_contents_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _vocab()["not_tasks"]["report_contents"]), re.I)


@cache
def _field_re() -> re.Pattern[str]:
    """A labelled field line of a plan's item: "Cơ quan chủ trì: …" (group named by its kind)."""
    groups = "|".join(f"(?P<{kind}>{alternation(words)})" for kind, words in _vocab()["fields"].items())
    return re.compile(rf"(?:{groups})\s*\**\s*:\s*", re.I)


@cache
def _time_label_re() -> re.Pattern[str]:
    """A paragraph that labels the time values listed under it: "Thời gian hoàn thành công việc
    nói trên … được quy định như sau:"."""
    return re.compile(rf"(?:{alternation(_vocab()['fields']['time'])}){_WORD_END}[^:.;\n]{{0,120}}:\s*$", re.I)


@cache
def _assignment_re() -> re.Pattern[str]:
    return _words_re(_vocab()["not_tasks"]["assignment_headings"], flags=re.I)


@cache
def _assignment_title_re() -> re.Pattern[str]:
    """An article's title naming the duty before the bodies ("Điều 2. Trách nhiệm thực hiện Sở
    Văn hoá và Thể thao, …")."""
    return re.compile(rf"(?:{alternation(_vocab()['not_tasks']['assignment_headings'])}){_WORD_END}\s*:?\s*(?=\S)", re.I)


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
def _honorific_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(_vocab()['bodies']['honorifics'])})(?![\w&])\s*:?\s*")


@cache
def _locality_re() -> re.Pattern[str]:
    """The shared locality that ends a title before a list of places: "… các tỉnh, thành phố
    trực thuộc Trung ương" (group ``words``: "tỉnh, thành phố")."""
    word = alternation(_vocab()["bodies"]["place_words"])
    return re.compile(rf"(?<![\w&])(?:các\s+)?(?P<words>(?:{word})(?:\s*,\s*(?:{word}))*)"
                      rf"(?:\s+trực thuộc [Tt]rung ương)?\s*$")


@cache
def _committee_end_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w&])(?:{alternation(_vocab()['bodies']['local_committees'])})\s*$")


@cache
def _qualified_generic_re() -> re.Pattern[str]:
    return _words_re(_vocab()["bodies"]["qualified_generic"])


@cache
def _shared_title_re() -> re.Pattern[str]:
    """A title over a generic object ("Thủ trưởng cơ quan ngang Bộ", "người đứng đầu các cơ
    quan"): the title is shared by the comma list that follows."""
    holders = alternation(_vocab()["bodies"]["holders"])
    return re.compile(rf"(?:(?P<title>{holders})|(?:Phó\s+)?(?:{alternation(titles())}))\s+(?=các\s|cơ quan\s|đơn vị\s)", re.I)
_PLURAL_RE = re.compile(r"(?<![\w&])(?:các|Các)\s+")
_COORDINATION_RE = re.compile(r"(?<![\w&])phối hợp(?:\s+chặt chẽ)?(?:\s+với)?\s+", re.I)
_CLOSING_FORMULA_RE = re.compile(r"thông báo (?:để|đến)\s+(.{3,200}?)\s+(?:được\s+)?biết", re.I)
_REPORTING_RE = re.compile(r"(?:thông báo|đề nghị)(?![\w&])")
_DIRECTIVE_WORD_RE = re.compile(r"(?<![\w&])(?:khẩn trương|chủ trì|có trách nhiệm|chịu trách nhiệm|tiếp tục|nghiêm túc)(?![\w&])", re.I)
_TOPIC_WORD_RE = re.compile(r"Về\s+")
_REPORTED_RE = re.compile(r"(?<![\w&])(?:đã|đạt được)(?![\w&])")  # a lead-in reporting results
_SUBORDINATE_RE = re.compile(r"(?:Để|Nhằm|Trong thời gian tới|Thời gian tới|Căn cứ)(?![\w&])")
# items whose unmarked paragraphs are clauses of their own when each charges a body: an article's
# (khoản printed without numbers) and the last sub-item's, where a paragraph returns to the list
_CLAUSE_KINDS = ("article", "letter", "dash", "plus")
# an item that opens by reporting what was done ("Trong thời gian qua, nước ta đã tiến hành …",
# "Ngày 16/6/2025, Quốc hội đã thông qua …"): its first clause, or the one after an opening phrase
_PAST_RE = re.compile(r"^(?:[^.;:,]{0,60},\s*)?[^.;:,]{0,80}?(?<![\w&])(?:đã|đã được)(?![\w&])")
_FACT_START_RE = re.compile(r"^(?:Việc|Kết quả|Tổng số|Hiện nay|Năm \d{4})\b")


# --- body names ---------------------------------------------------------------------------

def _starts_body(text: str, pos: int) -> bool:
    """Whether a body's name opens at ``pos``: an agency head or title ("các Phó Thủ tướng"
    too), or a generic subject ("Các cơ quan"), but not a word that merely begins like one
    ("Báo cáo", "Bộ máy")."""
    head = agency_head_re().match(text, pos)
    not_head = _not_head_re().match(text, pos)
    if not_head and not (head and head.end() >= not_head.end()):  # "Bộ phận Một cửa" is a head
        return False
    plural = _PLURAL_RE.match(text, pos)
    return bool(head or _generic_subject_re().match(text, pos) or _place_list_re().match(text, pos)
                or (plural and agency_head_re().match(text, plural.end())))


def _phrase_end(text: str, pos: int, limit: int) -> int:
    """Where the body phrase starting at ``pos`` ends: a verb, a bracket, a full stop, or a colon
    that does not open a list of names ("Sở Văn hóa, Thể thao và Du lịch: Phối hợp …")."""
    end = limit
    verb = _subject_verb_re().search(text, pos, limit)
    stop = _name_stop_re().search(text, pos, verb.start() if verb else limit)
    if stop and stop.group() == "được":  # "Thủ trưởng các đơn vị … được giao nhiệm vụ … chịu trách nhiệm"
        clause = re.compile(r"[,.;:()]").search(text, stop.end(), limit)
        main = _main_verb_re().search(text, stop.end(), clause.start() if clause else limit)
        if main:
            stop, verb = None, main
    if stop or verb:
        end = (stop or verb).start()
    stop = re.compile(r"[(.!?\n]|:\s*$|:\s*(?=[A-ZĐÀ-Ỹ][^\s,]*\s+\S)").search(text, pos, end)
    if stop:
        if text[stop.start()] == ":" and _colon_list(text, pos, stop.start()):
            return _list_end(text, stop.end(), end)
        end = stop.start()
    return end


def _list_end(text: str, pos: int, end: int) -> int:
    """Where a list of names after a colon ends: a bracket or full stop, or a ";" that no further
    body follows ("Giám đốc các Sở: Tư pháp, Nông nghiệp và Môi trường; Chủ tịch …")."""
    for m in re.compile(r"[(.!?\n;]").finditer(text, pos, end):
        after = m.end() + len(text[m.end():end]) - len(text[m.end():end].lstrip())
        if text[m.start()] != ";" or not _starts_body(text, after):
            return m.start()
    return end


def _colon_list(text: str, start: int, colon: int) -> bool:
    """ "Các Bộ: Quốc phòng, Tài chính", "Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa, …"."""
    before = text[start:colon]
    after = text[colon + 1: colon + 40].lstrip()
    return bool(re.search(r"(?:các|Các)\s+\S+(?:\s+\S+)?(?:,\s*(?:cơ quan|ngành))?\s*$|Bộ\s*$|Sở\s*$|thành phố\s*$"
                          r"|Trung ương\s*$", before)) \
        and not _imperative_re().match(after)


def bodies_in(text: str, pos: int, limit: int, abbreviations: dict[str, str]) -> list[Body]:
    """The bodies named by the phrase at ``pos`` (one per body: "Các Bộ: Quốc phòng, Tài chính"
    gives "Bộ Quốc phòng" and "Bộ Tài chính"), or [] when no body is printed there."""
    return body_phrase(text, pos, limit, abbreviations)[0]


def body_phrase(text: str, pos: int, limit: int, abbreviations: dict[str, str]) -> tuple[list[Body], int]:
    """The bodies of the phrase at ``pos`` and where the phrase ends."""
    honorific = _honorific_re().match(text, pos)
    if honorific:
        pos = honorific.end()
    if not _starts_body(text, pos):
        return [], pos
    end = _phrase_end(text, pos, min(limit, pos + 400))
    named = _named_members(text, pos, end, limit)
    if named:
        return body_phrase(text, named[0], named[1], abbreviations)[0], named[1] + 1
    out: list[Body] = []
    for part_start, part_end in _split(text, pos, end, ";"):
        out.extend(_part_bodies(text, part_start, part_end, abbreviations))
    return out, end


def _named_members(text: str, pos: int, end: int, limit: int) -> Span | None:
    """The brackets after a plural category that name its members, each by its own head: "Các cơ
    quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu Kinh tế Phú Yên, …)" → the span inside
    them. Examples of a kind ("Các chủ rừng là tổ chức (các Ban quản lý rừng đặc dụng, …)", "Các
    Bộ khác có máy móc … (Bộ Xây dựng, Bộ Thủy lợi, Tổng cục địa chất...)") are not members."""
    opening = re.compile(r"\s*\(").match(text, end, limit)
    if not opening or not _PLURAL_RE.match(text, pos):
        return None
    head = agency_head_re().match(text, opening.end())
    close = text.find(")", opening.end(), limit)
    if not head or not head["body"] or _PLURAL_RE.match(text, opening.end()) or close < 0 \
            or re.search(r"(?:\.\.\.|…|v\.v\.?)\s*$", text[opening.end():close]):
        return None
    return opening.end(), close


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
        return _shared_list(text, (start, colon), (colon + 1, end), abbreviations)
    out: list[Body] = []
    run: list[Span] = []
    for piece in _list_items(text, start, end, split_and=True, heads_only=True):
        places = _place_list_re().fullmatch(text, piece[0], piece[1])
        if places:  # "các tỉnh Nghệ An, Quảng Ngãi, Cao Bằng" → "tỉnh Nghệ An", "tỉnh Quảng Ngãi", …
            out.extend(_shared_titles(text, run, abbreviations))
            run = []
            names = _list_items(text, places.start("names"), piece[1], split_and=True)
            out.extend(_body(f"{places['word']} {text[a:b]}", (a, b), abbreviations) for a, b in names)
        else:
            run.append(piece)
    return out + _shared_titles(text, run, abbreviations)


def _shared_list(text: str, prefix: Span, items: Span, abbreviations: dict[str, str]) -> list[Body]:
    """A list after a colon that completes the names before it, one body per item: "Các Bộ:
    Quốc phòng, Tài chính" → "Bộ Quốc phòng", "Bộ Tài chính"; "Bí thư tỉnh ủy và Chủ tịch Ủy ban
    nhân dân các tỉnh: Gia Lai, Lâm Đồng" → "Bí thư tỉnh ủy Gia Lai", "Chủ tịch Ủy ban nhân dân
    tỉnh Gia Lai", …. Bodies printed whole before the shared one stay as they are ("Chánh Văn
    phòng UBND tỉnh, Giám đốc các Sở: Tư pháp, …")."""
    holders = _list_items(text, prefix[0], prefix[1], split_and=True, heads_only=True)
    last = holders[-1]
    locality = _locality_re().search(text, last[0], last[1])
    sharing = [h for h in holders[:-1] if locality and _committee_end_re().search(text, h[0], h[1])]
    out = [_body(text[a:b], (a, b), abbreviations) for a, b in holders[:-1] if (a, b) not in sharing]
    places = _list_items(text, items[0], items[1], split_and=bool(locality))
    rest = next((k for k, (a, _) in enumerate(places) if not text[a].isupper()), len(places))
    for holder in [*sharing, last]:
        own = text[holder[0]:holder[1]]
        for a, b in places[:rest]:
            out.append(_body(_complete(own, text[a:b], locality if holder == last else None), (a, b), abbreviations))
    if rest < len(places):  # "…: Gia Lai, Đắk Lắk và Khánh Hòa và lãnh đạo các Bộ, ngành"
        after = _list_items(text, places[rest][0], items[1], split_and=True, heads_only=True)
        out.extend(_shared_titles(text, after, abbreviations))
    return out


def _complete(holder: str, item: str, locality: re.Match[str] | None) -> str:
    """One name of a shared list: the holder completed by the item."""
    if locality is not None:
        words = re.split(r"\s*,\s*", locality["words"])
        city = "thành phố" in words and item in _vocab()["bodies"]["cities"]
        stem = holder[: locality.start() - locality.pos]
        return f"{stem.rstrip()} {'thành phố' if city else words[0]} {item}"
    if _committee_end_re().search(holder):
        return f"{holder} {item}"
    if _PLURAL_RE.match(holder) and agency_head_re().match(item):
        return item  # "Các Bộ, cơ quan: Tài chính, …, Tập đoàn Điện lực Việt Nam"
    singular = re.sub(r"\s*,.*", "", _PLURAL_RE.sub("", holder)).rstrip()  # "Các Bộ, cơ quan" → "Bộ"
    head = singular.rsplit(" ", 1)[-1]
    if item.startswith(head + " "):  # "Bộ trưởng các Bộ: Tài chính, Nội vụ, Bộ Y tế"
        singular = singular[: len(singular) - len(head)].rstrip()
    return f"{singular} {item}"


def _shared_titles(text: str, pieces: list[Span], abbreviations: dict[str, str]) -> list[Body]:
    """Bodies of a comma list, a title over a generic object shared by the pieces after it that
    name no head of their own: "Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ" →
    "Thủ trưởng cơ quan ngang Bộ", "Thủ trưởng cơ quan thuộc Chính phủ"."""
    out: list[Body] = []
    title, previous = "", 0
    for a, b in pieces:
        own = _shared_title_re().match(text, a, b)
        joined = previous and not re.search(r"(?<![\w&])và(?![\w&])", text[previous:a])
        previous = b
        if own:
            title = text[own.start():own.end()]
        elif title and joined and not agency_head_re().match(text, a):
            out.append(_body(f"{title}{text[a:b]}", (a, b), abbreviations))
            continue
        else:
            title = ""
        out.append(_body(text[a:b], (a, b), abbreviations))
    return out


def _list_items(text: str, start: int, end: int, *, split_and: bool, heads_only: bool = False) -> list[Span]:
    """Comma (and "và") separated items; with ``heads_only`` a piece that does not open with an
    agency head or title stays with the piece before it ("các cơ quan, tổ chức có liên quan")."""
    pattern = r",\s*|\s+và\s+" if split_and else r",\s*"
    whole = [m.span() for m in _comma_name_re().finditer(text, start, end)]  # "Văn hóa, Thể thao và Du lịch"
    cuts = [(m.start(), m.end()) for m in re.finditer(pattern, text[start:end])
            if not any(a < start + m.start() < b for a, b in whole)]
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
    if text[pos - 4:pos].strip() == "và":
        if _plural_head_re().match(text, pos) or _place_list_re().match(text, pos):
            return True  # "Văn phòng Trung ương Đảng và các văn phòng tỉnh ủy, thành ủy", "… và các tỉnh Bắc Ninh, Gia Lai"
        if text.startswith("Văn phòng", piece_start) or _field_goes_on_re().match(text, pos):
            return False  # "Văn phòng HĐND và UBND huyện" is one office, "Cục Tiền lương và Bảo hiểm xã hội" one
    if not _starts_body(text, pos):
        return False
    # a name never runs past its line: "…, thành phố" at a heading's end is "thành phố" whole
    bare = _PLURAL_RE.sub("", text[pos:pos + 40].split("\n", 1)[0], count=1)
    if _qualified_generic_re().match(text, pos):  # "…, cơ quan ngang Bộ, cơ quan thuộc Chính phủ"
        return True
    head = agency_head_re().match(text, pos)
    if (head and head["body"] and " " not in head["body"]
            and re.search(r"(?<![\w&])(?:các|Các)\s+\w+\s*,\s*$", text[piece_start:pos])
            and re.match(r"\s*(?:,|$|\s[a-zđà-ỹ])", text[head.end():head.end() + 3])):
        return False  # "các Vụ, Cục thuộc Bộ Y tế": "Cục" shares "các"
    if _named_place_re().match(text, pos):  # "Thành phố Hồ Chí Minh, tỉnh Lâm Đồng đẩy nhanh …"
        return True
    if any(bare == w or bare.startswith((w + " ", w + ",", w + ":", w + ".", w + ";")) for w in _generic_words()):
        previous = _PLURAL_RE.sub("", text[piece_start:pos].strip(" ,"), count=1).lower()
        return text[pos:pos + 4].lower() == "các " and previous not in _generic_words()
    return True


@cache
def _place_list_re() -> re.Pattern[str]:
    """A plural place word over the places' names, each capitalised: "các tỉnh Bắc Ninh, Gia Lai"."""
    name = rf"[{CAPITALS}][\w-]*(?: +[{CAPITALS}][\w-]*)*"  # on its own line
    return re.compile(rf"(?:các|Các) +(?P<word>{alternation(_vocab()['bodies']['place_words'])}) +"
                      rf"(?P<names>{name}(?:(?: *, *| +và +){name})*)")


@cache
def _named_place_re() -> re.Pattern[str]:
    """A place word before the place's name: "tỉnh Lâm Đồng", "thành phố Huế" (a body of its own)."""
    return re.compile(rf"(?:{alternation(localities())}) +[{CAPITALS}]")  # on its own line


@cache
def _comma_name_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w&])(?:{alternation(comma_names())}){_WORD_END}")


@cache
def _plural_head_re() -> re.Pattern[str]:
    """"các" and an agency head in any case: "các văn phòng tỉnh ủy", "các Sở"."""
    return re.compile(rf"(?:các|Các)\s+(?:{alternation(heads())}){_WORD_END}", re.I)


@cache
def _field_goes_on_re() -> re.Pattern[str]:
    """A specific name after "và" that goes on with the name before it, neither a locality nor a
    capitalised name after it: "Bảo hiểm xã hội" in "Cục Tiền lương và Bảo hiểm xã hội" ("Công
    an tỉnh", "Bảo hiểm xã hội Việt Nam" are bodies)."""
    locality = alternation(localities())
    return re.compile(rf"(?:{alternation(fields())})(?:\s+xã hội)?{_WORD_END}"
                      rf"(?!\s+(?:(?:{locality}){_WORD_END}|[{CAPITALS}]))")


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
    addressees: list[Body] = field(default_factory=list)
    # the bodies the closing limit binds (``_bound_by_closing``); None: every task
    bound: list[Body] | None = None
    # item head → the field block it shares with a later sibling (``_shared_fields``)
    shared_fields: dict[Span, dict[str, Span]] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.doc.text

    def bodies(self, span: Span) -> list[Body]:
        return bodies_in(self.text, span[0], span[1], self.abbreviations)

    def is_issuer(self, body: Body) -> bool:
        """Whether ``body`` is the letter's issuer ("UBND tỉnh" in a letter of the Ủy ban nhân
        dân tỉnh Kiên Giang)."""
        issuer = (self.header.document.issuer or "").lower()
        return bool(issuer) and issuer.startswith(_core(body))

    def period(self, heading: Node | Span) -> Deadline | None:
        """The period a heading (or a lead-in's span) sets for the work under it."""
        span = heading.text_span if isinstance(heading, Node) else heading
        return deadline_rules.period_deadline(self.doc, self.header, span, self.limits)

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
                  abbreviations: dict[str, str], limits: list[Deadline] | None = None) -> list[Task]:
    """``limits``: every occurrence of a limit (``deadlines.find_limits``), computed when not given."""
    if limits is None:
        limits = deadline_rules.find_limits(doc, header)
    closing = deadline_rules.closing_deadline(doc, header, deadlines, limits)
    letter = _Letter(doc, header, abbreviations, limits or deadlines, closing)
    fallback = letter.addressees = _addressees(letter, structure)
    letter.bound = _bound_by_closing(letter)
    annex = parse_annex(doc, header)
    letter.shared_fields = _shared_fields(letter, structure + annex)
    tasks = _nodes_tasks(letter, structure, fallback) + _nodes_tasks(letter, annex, fallback)
    return tasks + _row_tasks(letter)


def _nodes_tasks(letter: _Letter, structure: list[Node], fallback: list[Body]) -> list[Task]:
    """The tasks of a body's (or an annexed plan's) top-level nodes. Where the plan assigns its
    work unit by unit, its other sections give only the items that name their own body."""
    tasks: list[Task] = []
    directive = letter.header.document.type in _vocab()["not_tasks"]["directive_types"]
    assignment = [n for n in structure if n.kind == "section" and _assigns(letter, n) and not directive]
    lead: list[Body] = []
    announced = False
    lead_in: list[Task] = []  # the lead-in's own charge, a task when its list orders nothing
    listed = 0
    # the lead-in's period holds for the run of items of the kind that follows it
    lead_period: Deadline | None = None
    run_kind: str | None = None
    guiding = False  # the list explains rules ("Bộ Tài chính hướng dẫn cụ thể một số nội dung như sau:")
    for i, node in enumerate(structure):
        if node.kind == "paragraph":
            if lead_in and not listed:
                tasks.extend(lead_in)
            lead_in, listed = [], 0
            lead_period, run_kind, guiding = None, None, False
            before_list = i + 1 < len(structure) and structure[i + 1].kind != "paragraph"
            previous = _open_chain(letter, structure, i)
            own = _sentence_tasks(letter, node.span, followed_by_list=before_list, previous=previous)
            if i + 1 < len(structure) and structure[i + 1].kind == "paragraph" and _left_open(letter, node.span):
                # a sentence broken by the source goes on in the next paragraph, which reads it whole
                own = [t for t in own if t.span[1] < node.span[1]]
            if before_list:
                lead = _lead_bodies(letter, node.span)
                lead_period = letter.period(node.span)
                announced = _announcing(letter.text[node.span[0]:node.span[1]]) or _charges_list(letter, node.span, lead)
                whole = _sentence_tasks(letter, node.span, followed_by_list=False, previous=previous)
                lead_in = [t for t in whole if t.span not in {o.span for o in own}]
                guiding = _guidance_re().search(letter.text, *node.span) is not None
                if guiding:
                    lead_in = []
            tasks.extend(own)
            continue
        run_kind = run_kind or node.kind
        if node.kind != run_kind:
            lead_period = None
        if assignment and node not in assignment:
            found = _self_assigned(letter, node, [])
        else:
            found = _item_tasks(letter, node, [], lead or fallback, announced, period=lead_period)
        if guiding:  # rules the issuer explains: only an item that charges a body by name orders work
            found = [t for t in found if _charge_opener_re().match(letter.text, t.span[0])]
        listed += len(found)
        tasks.extend(found)
    if lead_in and not listed:
        tasks.extend(lead_in)
    return tasks


def _open_chain(letter: _Letter, structure: list[Node], i: int) -> Span | None:
    """The paragraphs before ``structure[i]`` that one sentence runs through, the source having
    broken it over several lines ("… Tập đoàn Bưu chính" / "Viễn thông Việt Nam, các cơ quan …
    kháng chiến" / "(19/12/1946-19/12/2025) …"); the paragraph before it alone otherwise."""
    if not i or structure[i - 1].kind != "paragraph":
        return None
    j = i - 1
    while j and structure[j - 1].kind == "paragraph" and _left_open(letter, structure[j - 1].span):
        j -= 1
    return structure[j].span[0], structure[i - 1].span[1]


def _row_tasks(letter: _Letter) -> list[Task]:
    """The rows of the letter's task tables (``table_rows``), each a task of its lead body."""
    out: list[Task] = []
    deadline = None
    for row in table_rows(letter.doc, letter.header.body[0], _starts_body):
        text = letter.text
        if not row.time_inherited:
            own = deadline_rules.deadlines_in(letter.limits, row.time) if row.time else []
            deadline = deadline_rules.to_task_deadline(own[0]) if own else None
        coordinators = letter.bodies(row.coordination) if row.coordination else []
        out.append(Task(label=row.number, text=text[row.task[0]:row.task[1]].strip(),
                        assignees=_unique(_cell_bodies(letter, row.lead)),
                        coordinators=_unique(coordinators), deadline=deadline, span=row.span))
    return out


def _cell_bodies(letter: _Letter, cell: Span) -> list[Body]:
    """The bodies of a lead cell: "Sở Tài chính", "Bộ CHQS tỉnh; UBND cấp xã"."""
    return [b for part in _split(letter.text, cell[0], cell[1], ";") for b in letter.bodies(part)]


def _announcing(lead: str) -> bool:
    """A lead-in that announces the list after it as work: "… yêu cầu …:", "… một số nhiệm vụ,
    giải pháp sau đây:"."""
    lead = lead.rstrip()
    last = re.split(r"[.;]\s+", lead)[-1]  # the sentence that opens the list
    return lead.endswith(":") and bool(_announcing_re().search(last))


def _charges_list(letter: _Letter, span: Span, lead: list[Body]) -> bool:
    """A lead-in that charges a body with the list after it: "Đề nghị Thường trực Tỉnh ủy tập
    trung lãnh đạo, chỉ đạo … thực hiện các nhiệm vụ, giải pháp …; trong đó lưu ý một số nội
    dung trọng tâm sau:"."""
    return bool(lead) and letter.text[span[0]:span[1]].rstrip().endswith(":") \
        and bool(_charged_at_start(letter, span) or _charged_anywhere(letter, span))


def _assigns(letter: _Letter, section: Node) -> bool:
    """A section that assigns the plan's work unit by unit: its heading says so ("IV. TỔ CHỨC
    THỰC HIỆN"), or a sub-heading does ("V. THỜI GIAN VÀ TRÁCH NHIỆM THỰC HIỆN" over "2. Trách
    nhiệm thực hiện")."""
    return any(_assignment_re().match(_own(letter, n)) for n in (section, *section.children)
               if n is section or n.children)


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
    return _acting_in_last_sentence(letter, span)


def _acting_in_last_sentence(letter: _Letter, span: Span) -> list[Body]:
    """A body acting in a clause of the lead-in's last sentence: "…; căn cứ vào phương hướng …,
    Văn phòng Trung ương Đảng và các văn phòng tỉnh ủy, thành ủy cụ thể hóa để tổ chức thực
    hiện, trong đó, cần tập trung một số nhiệm vụ trọng tâm sau:"."""
    text = letter.text
    if not _announcing(text[span[0]:span[1]]):
        return []
    cuts = list(re.finditer(r"[.;]\s+", text[span[0]:span[1]]))
    start = span[0] + cuts[-1].end() if cuts else span[0]
    for m in re.finditer(r"(?:^|,)\s*", text[start:span[1]]):
        found = letter.acting((start + m.end(), span[1]))
        if found:
            return found
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
                announced: bool = False, *, period: Deadline | None = None) -> list[Task]:
    """The tasks of a list item and the items under it. ``period`` is the period the list's
    lead-in sets (``_deadline``)."""
    own = _own(letter, node)
    heading = node.kind == "section" or bool(node.children) \
        or (bool(node.paragraphs) and not _sentence(letter, node.head))
    topic = _TOPIC_WORD_RE.match(own)  # "1. Về đánh giá tình hình …" is an assessment too
    skipped = _section_skip_re().match(own, topic.end() if topic else 0)
    if heading and node.children and _funding_re().match(own):
        return [task for child in node.children
                for task in _item_tasks(letter, child, [*headings, node], [], announced, period=period)
                if task.assignees]
    fields = _fields(letter, node)
    if fields:
        return [_field_task(letter, node, headings, fields, period)]
    if _field_re().match(letter.text, node.head[0], node.head[1]):
        return []  # "- Cơ quan thực hiện: Sở Khoa học và Công nghệ.": a field, not an order
    if node.children and _report_contents_re().search(letter.text, *node.text_span):
        task = _item_task(letter, node, headings, lead, announced, period)  # the list is the report's content
        return [task] if task else []
    if heading and node.kind in ("section", "number", "paren", "letter") and skipped:
        if not _announces(letter, node):
            return []
        announced = True
    elif node.kind == "section":
        announced = _announces(letter, node)
    if node.kind == "article" or any(h.kind == "article" for h in headings):
        if (_decides(letter, node) and not _execution_re().search(own)
                and "trách nhiệm" not in own) or _formula_re().search(own):
            return []
    if node.kind == "article" and node.children and not _article_orders(letter, node, own):
        return []  # "Điều 2. Nhiệm vụ và quyền hạn" of a regulation: functions, not orders
    unit = _unit_heading(letter, node)
    if unit:  # "2. Sở Nội vụ" over the paragraph of its work: the paragraphs are its task
        work = Node(node.kind, node.marker, node.label, (node.paragraphs[0][0], node.span[1]),
                    node.paragraphs[0], node.paragraphs[1:])
        return _leaf_tasks(letter, work, [*headings, node], unit, announced, period)
    if not node.children or _time_values(letter, node):
        return _leaf_tasks(letter, node, headings, lead, announced, period)
    out: list[Task] = []
    if not node.is_heading(letter.text) and node.kind != "section":
        task = _item_task(letter, node, headings, lead, announced, period, own_text_only=True)
        if task:
            out.append(task)
    announced = announced or _announces(letter, node) or _announcing(own)
    for child in node.children:
        out.extend(_item_tasks(letter, child, [*headings, node], lead, announced, period=period))
    return out


def _sentence(letter: _Letter, span: Span) -> bool:
    """A paragraph that is a full sentence, not a title: "a) Đánh giá sự phù hợp của dự án đầu tư
    với quy hoạch tỉnh … (…)." then paragraphs that go on with it, unlike "1. Đánh giá kết quả"."""
    return letter.text[span[0]:span[1]].rstrip().endswith((".", ";"))


def _unit_heading(letter: _Letter, node: Node) -> list[Body]:
    """The bodies of an item whose own line is only a unit's name, over paragraphs and no
    sub-items ("2. Sở Nội vụ" then "Phối hợp Sở Y tế thẩm định, lập thủ tục …"); [] otherwise."""
    text = letter.text
    own = text[node.head[0]:node.head[1]].rstrip()
    if node.children or not node.paragraphs or own.endswith((";", ",")) \
            or own.endswith(tuple(f" {w}" for w in _vocab()["bodies"]["open_endings"])):
        return []  # "3. Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;" goes on below
    bodies, end = body_phrase(text, node.head[0], node.head[1], letter.abbreviations)
    return bodies if bodies and not text[end:node.head[1]].strip(" :") else []


def _time_values(letter: _Letter, node: Node) -> bool:
    """An item whose dash list gives its time, region by region, under a label paragraph:
    "Thời gian hoàn thành công việc nói trên ở các vùng trong nước được quy định như sau:" over
    "- Vùng đồng bằng sông Cửu Long: cuối năm 1982;": the dashes are values, not tasks."""
    if not node.paragraphs or any(c.kind not in ("dash", "plus") or c.children for c in node.children):
        return False
    label = node.paragraphs[-1]
    return (_time_label_re().match(letter.text, label[0], label[1]) is not None
            and any(deadline_rules.deadlines_in(letter.limits, c.span) for c in node.children))


def _self_assigned(letter: _Letter, node: Node, headings: list[Node]) -> list[Task]:
    """Outside the section that assigns a plan's work: only the items that print their own lead
    body in a field ("- Cơ quan chủ trì: Bộ Công an."), and the funding items that charge one."""
    if node.children and _funding_re().match(_own(letter, node)):
        return _item_tasks(letter, node, headings, [])
    fields = _fields(letter, node)
    if fields:
        return [_field_task(letter, node, headings, fields, None)]
    if not node.children:
        acting = _acting_step(letter, node, headings)
        if acting or _charges_below_label(letter, node):
            return _leaf_tasks(letter, node, headings, acting, False, None)
    return [task for child in node.children for task in _self_assigned(letter, child, [*headings, node])]


def _charges_below_label(letter: _Letter, node: Node) -> bool:
    """An item of a plan's content that charges a named body under its label: "1. Khen thưởng
    cấp Nhà nước:" then "Sở Nội vụ phối hợp với các cơ quan, đơn vị có liên quan báo cáo …"."""
    if not node.paragraphs or not _own(letter, node).endswith(":"):
        return False
    return bool(letter.acting(node.paragraphs[0]))


def _acting_step(letter: _Letter, node: Node, headings: list[Node]) -> list[Body]:
    """The body an item of a plan's steps opens with, doing the work: "+ Sở Nông nghiệp và Môi
    trường tổng hợp chung các mẫu biểu …", "b) Thực hiện mở tài khoản và phát hành thẻ: Ủy ban
    nhân dân xã, phường phối hợp …"; none for a quota line ("- Đoàn Kiểm tra giám sát bầu cử của
    tỉnh: Mỗi đoàn xét chọn 01 cá nhân") or an item of the plan's purpose or audience."""
    text, start = letter.text, node.head[0]
    label = re.compile(r"[^.;:]{1,80}:\s*").match(text, start, node.head[1])
    if label and not _starts_body(text, start):  # "b) Thực hiện mở tài khoản và phát hành thẻ: Ủy ban nhân dân xã, …"
        start = label.end()
    head = agency_head_re().match(text, start)
    if not (head and head["body"]) and not _PLURAL_RE.match(text, start):
        return []
    if any(_purpose_re().match(_own(letter, h)) for h in headings):
        return []
    bodies, end = body_phrase(text, start, node.head[1], letter.abbreviations)
    clause = re.compile(r"[^.;:]*").match(text, end, node.head[1]).end()  # its sentence
    acts = _subject_verb_re().match(text, end) is not None and not _REPORTING_RE.match(text, end)
    return bodies if acts and not text.startswith(":", clause) else []


def _fields(letter: _Letter, node: Node) -> dict[str, Span]:
    """The labelled fields of a plan's item, its own or the block it shares (``_shared_fields``)."""
    return _own_fields(letter, node) or letter.shared_fields.get(node.head, {})


def _own_fields(letter: _Letter, node: Node) -> dict[str, Span]:
    """The labelled fields under a plan's item, printed as sub-items ("- Cơ quan chủ trì: Bộ Công
    an.") or as the paragraphs that go on with it ("Đơn vị chủ trì thực hiện: Sở Nội vụ."), kind →
    the span of the value (with the lines nested under it); {} unless a lead and a time are printed."""
    found: dict[str, Span] = {}
    lines = [(p, p) for p in node.paragraphs] + [(child.head, child.span) for child in node.children]
    for head, whole in lines:
        m = _field_re().match(letter.text, head[0], head[1])
        if m and m.lastgroup not in found:
            found[m.lastgroup] = (m.end(), whole[1])
    return found if "lead" in found and "time" in found else {}


def _shared_fields(letter: _Letter, nodes: list[Node]) -> dict[Span, dict[str, Span]]:
    """Dash items printed before the field block of a later sibling share it: "- Tăng cường công
    tác giáo dục chính trị …" then "- Nâng cao nhận thức …" over "Đơn vị thực hiện: …" / "Thời
    gian thực hiện: …" (item head → the block's fields)."""
    shared: dict[Span, dict[str, Span]] = {}
    for node in nodes:
        waiting: list[Node] = []
        for child in node.children:
            own = _own_fields(letter, child)
            if own:
                shared.update((w.head, own) for w in waiting)
                waiting = []
            elif child.kind == "dash" and not child.children and not child.paragraphs:
                waiting.append(child)
            else:
                waiting = []
        shared.update(_shared_fields(letter, node.children))
    return shared


def _field_task(letter: _Letter, node: Node, headings: list[Node], fields: dict[str, Span],
                period: Deadline | None) -> Task:
    """One task from an item's fields: the item's own text names the work."""
    text = letter.text
    coordination = fields.get("coordination")
    # an item that names its own subject charges it rather than the lead field ("- Các cơ quan,
    # đơn vị, địa phương tiếp tục nâng cao nhận thức …" over "Đơn vị thực hiện: Các Sở, ngành")
    assignees = _unique(letter.acting(node.head) or _subject(letter, node.head)
                        or _cell_bodies(letter, fields["lead"]))
    # a title over the paragraph that states the work ("9. Tổ chức nghiên cứu, học tập kinh
    # nghiệm …" over "Tham mưu, đề xuất tổ chức Đoàn của tỉnh …."): the paragraph is the task
    work = node.head
    if not _sentence(letter, node.head) and node.paragraphs \
            and not _field_re().match(text, node.paragraphs[0][0], node.paragraphs[0][1]):
        work = node.paragraphs[0]
    return Task(
        label=node.label,
        text=text[work[0]:work[1]].strip(),
        assignees=assignees,
        coordinators=_unique(letter.bodies(coordination) if coordination else []),
        deadline=_deadline(letter, fields["time"], assignees, [*headings, node], period),
        span=(node.head[0], node.span[1]),
    )


def _decides(letter: _Letter, node: Node) -> bool:
    """An article or item that approves, defines or grants, its issuer maybe named first
    ("Hội đồng nhân dân tỉnh tán thành nội dung Báo cáo …")."""
    text = letter.text
    if _decision_re().match(text, node.head[0], node.head[1]):
        return True
    bodies, end = body_phrase(text, node.head[0], node.head[1], letter.abbreviations)
    verb = re.compile(r"\s*").match(text, end).end()
    return bool(bodies) and bool(_decision_verb_re().match(text, verb))


def _article_orders(letter: _Letter, node: Node, own: str) -> bool:
    """An article over items orders work when its heading names the body that acts ("Điều 3.
    Giám đốc Sở … chịu trách nhiệm:", not a title "Điều 4. Giám đốc Sở, Phó Giám đốc Sở và số
    lượng cấp phó"), charges ("… giao"), opens its items with ":", speaks of duties ("trách
    nhiệm") or holds the execution clause ("Điều 6. Điều khoản thi hành" over "2. … chịu trách
    nhiệm thi hành Quyết định này")."""
    return (own.endswith(":") or "trách nhiệm" in own.lower() or bool(letter.acting(node.head))
            or bool(_charge_word_re().search(own)) or bool(_execution_re().search(letter.text, *node.span)))


def _leaf_tasks(letter: _Letter, node: Node, headings: list[Node], lead: list[Body],
                announced: bool, period: Deadline | None) -> list[Task]:
    """An innermost item's task; the unmarked paragraphs after a sentence item that open with an
    imperative or a charged body of their own ("2. Các tỉnh ủy … cụ thể hóa …." then "Bố trí kinh
    phí …"; "Điều 2. … giao Thường trực …." then "Ủy ban nhân dân tỉnh và các cơ quan … có trách
    nhiệm báo cáo …") are further duties of the same item, each a task with its label."""
    text = letter.text
    before = [node.head, *node.paragraphs]
    # an item that itself opens with an imperative goes on with more of the same work
    # ("(2) Nâng cao chất lượng công tác thông tin …." then "Theo dõi sát và báo cáo kịp thời …")
    imperative_item = _imperative_re().match(text, node.head[0]) is not None
    # "5. Về kiến nghị …:" over paragraphs that each charge a body ("Bộ Nông nghiệp và Môi trường
    # khẩn trương chủ trì, …." then "Bộ Tài chính khẩn trương hoàn thiện dự thảo Nghị định …")
    topic_head = bool(_topic_re().match(text, node.head[0])) and text[node.head[0]:node.head[1]].rstrip().endswith(":")
    cut = next((k for k, p in enumerate(node.paragraphs)
                if ((not imperative_item and _imperative_re().match(text, p[0]) and not _topic_re().match(text, p[0]))
                    or ((node.kind in _CLAUSE_KINDS or topic_head) and not _condition_re().match(text, p[0])
                        and _charged_at_start(letter, p)))
                and text[before[k][0]:before[k][1]].rstrip().endswith(".")), None)
    if cut is None:
        task = _item_task(letter, node, headings, lead, announced, period)
        return [task] if task else []
    first = Node(node.kind, node.marker, node.label, (node.span[0], node.paragraphs[cut][0] - 1),
                 node.head, node.paragraphs[:cut])
    out = [task for task in [_item_task(letter, first, headings, lead, announced, period)] if task]
    owner = _item_assignees(letter, node, headings) or lead
    for para in node.paragraphs[cut:]:
        duty = Node(node.kind, node.marker, node.label, para, para)
        own = _subject(letter, para) or _charged_at_start(letter, para) or owner
        task = _item_task(letter, duty, headings, owner, announced, period, assignees=own)
        if task:
            out.append(task)
    return out


def _announces(letter: _Letter, node: Node) -> bool:
    """An assessment section whose closing paragraph announces the list below as work."""
    if not node.paragraphs or not node.children:
        return False
    last = letter.text[node.paragraphs[-1][0]:node.paragraphs[-1][1]].rstrip()
    sentence = re.split(r"[.;]\s+", last)[-1]  # "… đã đoàn kết, … đạt được một số kết quả như sau:"
    return _announcing(last) and not _REPORTED_RE.search(sentence)


def _item_task(letter: _Letter, node: Node, headings: list[Node], lead: list[Body], announced: bool,
               period: Deadline | None, own_text_only: bool = False,
               assignees: list[Body] | None = None) -> Task | None:
    text = letter.text
    span = node.text_span if own_text_only else (node.head[0], node.span[1])
    own = text[span[0]:span[1]].strip()
    if not own or _formula_re().search(text[node.head[0]:node.head[1]]):
        return None
    orders = _orders_work(letter, node, headings) \
        or (announced and not _FACT_START_RE.match(own) and not _PAST_RE.match(own))
    committed = [] if orders else _issuer_commitment(letter, span)
    if not orders and not committed:
        return None
    assignees = _unique(assignees or committed or _item_assignees(letter, node, headings) or lead)
    coordinators = _coordinators(letter, node, headings)
    delegated = _delegation_re().match(text, node.head[0], node.head[1]) is not None
    return Task(
        label=node.label,
        text=own,
        assignees=assignees,
        coordinators=_unique(coordinators),
        deadline=_deadline(letter, span, assignees, headings, period, delegated),
        span=span,
    )


def _issuer_commitment(letter: _Letter, span: Span) -> list[Body]:
    """The issuer, when an item is its own undertaking with a time limit ("Những kiến nghị thuộc
    thẩm quyền của Văn phòng Trung ương Đảng, lãnh đạo Văn phòng sẽ chỉ đạo các đơn vị liên quan
    …. Thời gian hoàn thành trước ngày 30/12/2025."); an undertaking without one is no task."""
    issuer = letter.header.document.issuer
    if not issuer or not _commitment_re().search(letter.text, *span) or not deadline_rules.deadlines_in(letter.limits, span):
        return []
    return [Body(name=issuer, normalized=expand(issuer, letter.abbreviations))]


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
    if _DIRECTIVE_WORD_RE.search(text, span[0], span[1]) and not _PAST_RE.match(own):
        return True
    return any(_subject(letter, h.head) for h in headings)


def _item_assignees(letter: _Letter, node: Node, headings: list[Node]) -> list[Body]:
    own = (_subject(letter, node.head) or _charged_after_topic(letter, node)
           or _subject_after_opening(letter, node.head))
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


def _charged_after_topic(letter: _Letter, node: Node) -> list[Body]:
    """The bodies charged after an item's topic, in each sentence or clause after its colon:
    "Về đề nghị nghiên cứu, sửa đổi … Nghị quyết số 66.4/2025/NQ-CP …: giao Bộ Nông nghiệp và
    Môi trường chủ trì …". A reply to a request restates it first ("6. Đối với kiến nghị của
    huyện Kiên Lương:" then "Đề nghị UBND tỉnh sớm công bố …"): a charge naming the letter's own
    issuer is the request, not an order."""
    text = letter.text
    start, end = node.text_span
    colon = text.find(":", start, end)
    if not _topic_re().match(text, start) or colon < 0:
        return []
    found: list[Body] = []
    for m in re.finditer(r"[^\s.;](?:[^.;\n]|\.(?!\s))*", text[colon + 1:end]):  # its sentences and clauses
        span = (colon + 1 + m.start(), colon + 1 + m.end())
        bodies = _charged_at_start(letter, span) or _charged_anywhere(letter, span)
        found.extend(b for b in bodies if not letter.is_issuer(b))
    return _unique(found)


def _subject_after_opening(letter: _Letter, span: Span) -> list[Body]:
    """The body acting after an opening phrase: "Đối với các nhiệm vụ triển khai trong năm 2025,
    các bộ, cơ quan, đơn vị, địa phương chủ động bố trí …"."""
    text = letter.text
    if not (_topic_re().match(text, span[0]) or _SUBORDINATE_RE.match(text, span[0])):
        return []
    comma = text.find(",", span[0], span[1])
    if comma < 0:
        return []
    after = comma + 1 + len(text[comma + 1:span[1]]) - len(text[comma + 1:span[1]].lstrip())
    return letter.acting((after, span[1]))


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
    opener = _charge_opener_re().match(text, pos, span[1]) or _assignment_title_re().match(text, pos, span[1])
    if opener:
        return letter.bodies((opener.end(), span[1]))
    bodies, end = body_phrase(text, pos, span[1], letter.abbreviations)
    issuer = _issuer_charge_re().match(text, end, span[1]) if bodies else None
    if issuer:  # "Hội đồng nhân dân tỉnh yêu cầu Ủy ban nhân dân tỉnh tập trung …:"
        return letter.bodies((issuer.end(), span[1]))
    return bodies


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


def _deadline(letter: _Letter, span: Span, assignees: list[Body], headings: list[Node] = (),
              lead_period: Deadline | None = None, delegated: bool = False) -> TaskDeadline | None:
    """The task's own limit; else, inherited, the period its nearest heading sets ("2. Về nhiệm
    vụ trọng tâm từ nay đến tháng 6/2027" over (1)-(6)), the period its list's lead-in sets, or
    the letter's closing limit when the task is one of the bodies that limit binds (a task the
    item ``delegated`` to a body under the addressees is theirs)."""
    own = deadline_rules.deadlines_in(letter.limits, span)
    if own:
        return deadline_rules.to_task_deadline(own[0])
    scoped = next((p for p in map(letter.period, reversed(headings)) if p is not None), None)
    closing = letter.inherited if delegated or _bound(letter, assignees) else None
    inherited = scoped or lead_period or closing
    return deadline_rules.to_task_deadline(inherited, inherited=True) if inherited else None


def _bound_by_closing(letter: _Letter) -> list[Body] | None:
    """The bodies the letter's closing limit binds: the addressees and the bodies its sentence
    charges ("Yêu cầu Chủ tịch Ủy ban nhân dân huyện Kiên Lương chỉ đạo thực hiện các nội dung
    nêu trên; báo cáo … chậm nhất là ngày 29/12/2020"); None when that sentence charges no body
    (a plan's "Thời gian thực hiện:" line binds every task)."""
    if letter.inherited is None or letter.inherited.span is None:
        return None
    pos = letter.inherited.span[0]
    sentence = next((s for s in letter.doc.sentences if s[0] <= pos < s[1]), None)
    if sentence is None:
        return None
    charged = _charged_at_start(letter, sentence) or _charged_anywhere(letter, sentence)
    return [*letter.addressees, *charged] if charged else None


def _bound(letter: _Letter, assignees: list[Body]) -> bool:
    """Whether the closing limit binds a task of ``assignees``: each is a bound body or one of
    the group a bound body names ("Giám đốc các Sở" binds "Sở Nội vụ")."""
    if letter.bound is None:
        return True
    return bool(assignees) and all(any(_covers(b, a) for b in letter.bound) for a in assignees)


def _covers(group: Body, body: Body) -> bool:
    """``group`` is ``body`` (its holder's title aside), or a plural that ``body`` is one of:
    "Giám đốc các Sở" → "Sở Nội vụ", "Chủ tịch UBND các huyện, thị xã" → "UBND huyện Lệ Thủy";
    a generic plural ("các cơ quan, đơn vị") covers every body."""
    whole, one = _core(group), _core(body)
    if whole == one:
        return True
    plural = re.search(r"(?:^|\s)các\s+", whole)
    if plural is None:
        return False
    stem = whole[:plural.start()].strip()
    kinds = [k.strip() for k in re.split(r",|\svà\s", whole[plural.end():]) if k.strip()]
    return any((k in _generic_words() and not stem) or one.startswith(f"{stem} {k.split()[0]}".strip())
               for k in kinds)


def _core(body: Body) -> str:
    """A body's name, lowercase and written out, without its holder's title: "Chủ tịch UBND
    huyện X" → "ủy ban nhân dân huyện x"."""
    name = body.normalized or body.name
    title = agency_head_re().match(name)
    if title and title["title"]:
        name = name[title.end():]
    return re.sub(r"\s+", " ", name).strip().lower()


# --- sentences outside lists ---------------------------------------------------------------

def _left_open(letter: _Letter, span: Span) -> bool:
    """A paragraph that stops mid-sentence ("… (sau đây gọi tắt là" before "Chương trình), với nội
    dung cụ thể như sau:")."""
    return not letter.text[span[0]:span[1]].rstrip().endswith((".", ":", ";", "!", "?", "/."))


def _sentence_tasks(letter: _Letter, span: Span, *, followed_by_list: bool,
                    previous: Span | None = None) -> list[Task]:
    """Tasks of an unmarked paragraph, one per sentence that charges a body. A paragraph that
    continues a sentence left open by the one before (a line broken by the source) starts it
    there."""
    text = letter.text
    out: list[Task] = []
    sentences = [s for s in letter.doc.sentences if span[0] <= s[0] < span[1]] or [span]
    if previous and _left_open(letter, previous):
        # the last sentence that starts in them, not where a broken line goes on
        before = [s for s in letter.doc.sentences if previous[0] <= s[0] < previous[1]
                  and (s[0] == previous[0] or text[max(0, s[0] - 4):s[0]].rstrip().endswith((".", ":", ";", "!", "?")))]
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
        if _addressee_charge_re().search(sentence) and letter.addressees:
            assignees = letter.addressees  # "… rất mong Quý cơ quan phối hợp …"
        else:
            assignees = _charged_at_start(letter, (start, end)) or _charged_anywhere(letter, (start, end))
        if not assignees:
            continue
        coordinators = [b for m in _COORDINATION_RE.finditer(text, start, end)
                        for b in letter.bodies((m.end(), end))]
        assignees = _unique(assignees)
        out.append(Task(label=None, text=sentence, assignees=assignees,
                        coordinators=_unique(coordinators), deadline=_deadline(letter, (start, end), assignees),
                        span=(start, end)))
    return out
