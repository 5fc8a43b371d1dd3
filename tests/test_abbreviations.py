"""Inline abbreviations: kept only when the letters are the initials of the words before them."""
from __future__ import annotations

import pytest

from extract.abbreviations import expand, extract_abbreviations
from extract.document import Doc, RawText
from extract.offsets import OffsetMap
from extract.schema import Source


def abbreviations(text: str) -> dict[str, str]:
    doc = Doc(raw=RawText(text=text, source=Source(sha256="0", format="txt")), text=text,
              to_raw=OffsetMap.identity(len(text)))
    return extract_abbreviations(doc)


# (phrase from a real letter, expected abbreviations)
CASES = [
    ("Tiếp tục chỉ đạo sau kiểm tra công tác cải cách hành chính (CCHC) năm 2020",
     {"CCHC": "cải cách hành chính"}),
    ("Sở Tài nguyên và Môi trường (TN&MT) chủ trì", {"TN&MT": "Tài nguyên và Môi trường"}),
    ("Sở Nông nghiệp và Môi trường (NNMT)", {"NNMT": "Nông nghiệp và Môi trường"}),
    ("Nhằm giúp các trung tâm học tập cộng đồng (TTHTCĐ) tự đánh giá", {"TTHTCĐ": "trung tâm học tập cộng đồng"}),
    ("cắt giảm 2.049 điều kiện kinh doanh (ĐKKD)", {"ĐKKD": "điều kiện kinh doanh"}),
    ("Trung tâm Phục vụ hành chính công (TTPVHCC)", {"TTPVHCC": "Trung tâm Phục vụ hành chính công"}),
    ("Cục Quản lý Thông tin, Báo chí, Xuất bản (QLTTBCXB)",
     {"QLTTBCXB": "Quản lý Thông tin, Báo chí, Xuất bản"}),
    ("tách thành 2 phần: Ngân sách trung ương (NSTW)", {"NSTW": "Ngân sách trung ương"}),
    ("phát triển kinh tế - xã hội (KT-XH) của tỉnh", {"KT-XH": "kinh tế - xã hội"}),
    ("Ủy ban nhân dân Thành phố Hồ Chí Minh (TP.HCM)", {"TP.HCM": "Thành phố Hồ Chí Minh"}),
    ("Ủy ban nhân dân tỉnh (sau đây gọi tắt là UBND tỉnh) chỉ đạo", {"UBND tỉnh": "Ủy ban nhân dân tỉnh"}),
    ("danh mục văn bản quy phạm pháp luật (viết tắt là VBQPPL)", {"VBQPPL": "văn bản quy phạm pháp luật"}),
    # initials that do not fit: nothing, never a wrong expansion
    ("vốn đầu tư trực tiếp nước ngoài (FDI)", {}),
    ("Đài Tiếng nói Việt Nam (VOV)", {}),
    ("Cục Kiểm soát thủ tục hành chính (VPCP)", {}),
    ("Chương trình mục tiêu quốc gia phòng, chống ma túy (sau đây viết tắt là Chương trình)", {}),
    ("- Cục CST, Vụ PC (BTC);", {}),
    ("Sở Y tế (Chi Cục Dân số - Xã hội)", {}),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_inline_abbreviations(text, expected):
    assert abbreviations(text) == expected


def test_first_definition_wins_over_a_later_one():
    text = "thủ tục hành chính (TTHC) ... các thủ tục hành chính nội bộ (TTHC)"
    assert abbreviations(text) == {"TTHC": "thủ tục hành chính"}


def test_an_upper_case_heading_gives_way_to_running_text():
    text = "DANH MỤC THỦ TỤC HÀNH CHÍNH (TTHC)\nCông bố kèm theo danh mục thủ tục hành chính (TTHC) mới"
    assert abbreviations(text) == {"TTHC": "thủ tục hành chính"}


@pytest.mark.parametrize("abbr,before,expected", [
    ("KHCN", "Sở Khoa học và Công nghệ", "Khoa học và Công nghệ"),  # "và" left out of the letters
    ("ĐU", "Ban Thường vụ Đảng ủy", "Đảng ủy"),  # Đ is its own letter
    ("DU", "Ban Thường vụ Đảng ủy", None),
    ("CCHC", "cải cách hành chính,", "cải cách hành chính"),
    ("CCHC", "cải cách hành chính; rồi", None),  # the name must close right before the parenthesis
])
def test_expand(abbr, before, expected):
    assert expand(abbr, before) == expected


def test_no_false_expansion_across_the_corpus(corpus):
    """On every sixth real letter, each recorded expansion's initials spell the abbreviation."""
    import re
    import unicodedata

    from extract.normalize import normalize
    from extract.readers import read_source

    def initials(words: str) -> str:
        words = re.sub(r"(?i)trung ương", "T W", words)  # the one two-letter convention of the table
        out = ""
        for w in re.split(r"[\s,]+", words):
            if not w or w.lower() in ("và", "&", "-", "–"):
                continue
            first = w[0].upper()
            out += first if first == "Đ" else unicodedata.normalize("NFD", first)[0]
        return out

    checked = 0
    for path in sorted((corpus / "texts").glob("*.txt"))[::6]:
        raw = read_source(path)
        text = normalize(raw.text).text
        doc = Doc(raw=raw, text=text, to_raw=OffsetMap.identity(len(text)))
        for abbr, expansion in extract_abbreviations(doc).items():
            acronym, *spelled = abbr.split()
            letters = "".join(c for c in acronym if c.isalpha())
            name = expansion[: len(expansion) - len(" ".join(spelled))].strip() if spelled else expansion
            assert initials(name) == letters, (path.name, abbr, expansion)
            checked += 1
    assert checked > 0
