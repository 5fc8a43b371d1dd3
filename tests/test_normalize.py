"""The normaliser: web-dump repair cases from real letters, and offsets that always map back."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.normalize import normalize
from extract.offsets import OffsetMap, rewrite

CASES = [
    # (raw as found in the corpus, normalised)
    ("**ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG**", "ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG"),
    ("*Hà Nội, ngày 28\ntháng 11 năm 2025*", "Hà Nội, ngày 28 tháng 11 năm 2025"),
    ("Số: 5615/CT-CS\n*V/v Mẫu tờ khai liên quan đến thực hiện Nghị\nquyết số 98/2023/QH15*",
     "Số: 5615/CT-CS\nV/v Mẫu tờ khai liên quan đến thực hiện Nghị quyết số 98/2023/QH15"),
    ("BỘ TÀI CHÍNH\n**CỤC THUẾ**\n-------\n|\n**CỘNG HÒA XÃ HỘI", "BỘ TÀI CHÍNH\nCỤC THUẾ\nCỘNG HÒA XÃ HỘI"),
    # a wrapped paragraph whose last line is short ends before the next capitalised line
    ("**Kính gửi:** Thuế\nthành phố Hồ Chí Minh\nCục Thuế nhận được Công văn số 3374/CCTKV02-NVDTPC\n"
     "ngày 30/6/2025 của Chi cục Thuế khu vực II (nay là Thuế thành phố Hồ Chí Minh) về việc",
     "Kính gửi: Thuế thành phố Hồ Chí Minh\nCục Thuế nhận được Công văn số 3374/CCTKV02-NVDTPC "
     "ngày 30/6/2025 của Chi cục Thuế khu vực II (nay là Thuế thành phố Hồ Chí Minh) về việc"),
    # a line starting with a number is not a list item unless the number is followed by "." or ")"
    ("a) Miễn thuế thu nhập doanh nghiệp trong thời hạn\n05 năm từ thời điểm phát sinh",
     "a) Miễn thuế thu nhập doanh nghiệp trong thời hạn 05 năm từ thời điểm phát sinh"),
    ("của Luật** **Quản lý thuế", "của Luật Quản lý thuế"),
    # list items start paragraphs even after an unfinished line
    ("thực hiện một số nhiệm vụ sau\n1. Khẩn trương thực hiện", "thực hiện một số nhiệm vụ sau\n1. Khẩn trương thực hiện"),
    ("Nơi nhận:\n- Như trên;\n- CT và các PCT UBND tỉnh;", "Nơi nhận:\n- Như trên;\n- CT và các PCT UBND tỉnh;"),
    # old tone placement, decomposed characters, odd spaces
    ("Uỷ ban nhân dân, hoà bình, khoẻ mạnh, thuỷ lợi, quỷ", "Ủy ban nhân dân, hòa bình, khỏe mạnh, thủy lợi, quỷ"),
    (unicodedata.normalize("NFD", "Quyết định"), "Quyết định"),
    ("Hà Nội,\xa0ngày  22\ttháng 12", "Hà Nội, ngày 22 tháng 12"),
    ("đảm bảo\r\nđúng quy định./.  \r\n", "đảm bảo đúng quy định./."),
    # letter-spaced words
    ("V Ă N PHÒNG CHÍNH PHỦ", "VĂN PHÒNG CHÍNH PHỦ"),
    ("QUY Ế T Đ Ị NH", "QUYẾT ĐỊNH"),
]


@pytest.mark.parametrize("raw, expected", CASES)
def test_normalise_real_phrasing(raw, expected):
    assert normalize(raw).text == expected


@pytest.mark.parametrize("raw, _", CASES)
def test_every_letter_maps_back_to_its_source(raw, _):
    result = normalize(raw)
    for i, ch in enumerate(result.text):
        if ch.isalnum():
            start, end = result.raw_span((i, i + 1))
            source = unicodedata.normalize("NFC", raw[start:end + 2])
            assert _base(ch) in _base(source), (ch, raw[start:end + 2])


def _base(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c)).lower()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aàăâđêoơưỷ AĐỦ\n\t*|-.:1/") + ["\u0300", "\r"]), max_size=80))
def test_offsets_are_monotone_and_in_range(raw):
    result = normalize(raw)
    positions = [result.to_raw.source(i) for i in range(len(result.text) + 1)]
    assert all(0 <= p <= len(raw) for p in positions)
    assert positions == sorted(positions)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.data())
def test_rewrite_maps_unchanged_text_to_itself(text, data):
    cut = sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=2)))
    replacement = data.draw(st.text(max_size=5))
    new, mapping = rewrite(text, [(cut[0], cut[1], replacement)])
    assert new == text[:cut[0]] + replacement + text[cut[1]:]
    for i in range(cut[0]):
        assert mapping.source(i) == i
    for i in range(len(text) - cut[1]):
        assert mapping.source(cut[0] + len(replacement) + i) == cut[1] + i


def test_maps_compose():
    first, m1 = rewrite("ab**cd", [(2, 4, "")])
    second, m2 = rewrite(first, [(0, 0, "X")])
    both = m1.then(m2)
    assert second == "Xabcd"
    assert [both.source(i) for i in range(len(second))] == [0, 0, 1, 4, 5]
    assert isinstance(OffsetMap.identity(3), OffsetMap)


def test_running_page_numbers_go_and_the_sentence_joins_up():
    raw = ("đảm bảo các điều kiện (âm thanh, ánh\n6 \nsáng, công nghệ hiện đại)\n11. Sở Tài chính\n9 \n"
           "- Căn cứ Kế hoạch được UBND Thành phố phê duyệt")
    assert normalize(raw).text == ("đảm bảo các điều kiện (âm thanh, ánh sáng, công nghệ hiện đại)\n"
                                   "11. Sở Tài chính\n- Căn cứ Kế hoạch được UBND Thành phố phê duyệt")


def test_numbers_in_table_cells_stay():
    raw = "STT\n|\n9\n|\nSở Tài chính"
    assert normalize(raw).text == "STT\n9\nSở Tài chính"


def test_a_dash_inside_an_open_quote_does_not_start_an_item():
    raw = "cho đại biểu tham gia chương trình “Festival Thăng Long\n- Hà Nội, lần thứ II năm 2026”.\n- Chủ trì"
    assert normalize(raw).text == ("cho đại biểu tham gia chương trình “Festival Thăng Long - Hà Nội, lần thứ II "
                                   "năm 2026”.\n- Chủ trì")


@pytest.mark.parametrize("raw, expected", [
    # the motto and the place-and-date line stay lines of their own
    ("Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 05 tháng 3 năm 2026",
     "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 05 tháng 3 năm 2026"),
    ("Số: 12/UBND-VP\nQuảng Ngãi, ngày 20 tháng 11 năm 2025", "Số: 12/UBND-VP\nQuảng Ngãi, ngày 20 tháng 11 năm 2025"),
    ("**THỦ TƯỚNG CHÍNH PHỦ**\n**-------**\n|\n*Hà\nNội, ngày 21 tháng 11 năm 2025*",
     "THỦ TƯỚNG CHÍNH PHỦ\nHà Nội, ngày 21 tháng 11 năm 2025"),
    # a full-width line ending in ";" merely wrapped; a short one ends its list line
    ("Giao Sở Y tế chủ trì, phối hợp với các sở, ngành liên quan và các tỉnh Quảng Trị, Thanh Hóa;\n"
     "Bộ Công an và các đơn vị khác thực hiện ngay các biện pháp cần thiết",
     "Giao Sở Y tế chủ trì, phối hợp với các sở, ngành liên quan và các tỉnh Quảng Trị, Thanh Hóa; "
     "Bộ Công an và các đơn vị khác thực hiện ngay các biện pháp cần thiết"),
    ("Kính gửi:\nSở Tài chính;\nSở Nội vụ đang chủ trì thực hiện các nội dung của Kế hoạch năm 2026.",
     "Kính gửi:\nSở Tài chính;\nSở Nội vụ đang chủ trì thực hiện các nội dung của Kế hoạch năm 2026."),
])
def test_header_lines_and_clause_ends(raw, expected):
    assert normalize(raw).text == expected


@pytest.mark.parametrize("raw, expected", [
    ("Hà Minh Hải ![](images/chu-ky-1.jpg)", "Hà Minh Hải"),
    ("Thông tư số __41/2024/TT-BGTVT__ ngày 15/11/2024", "Thông tư số 41/2024/TT-BGTVT ngày 15/11/2024"),
])
def test_markdown_images_and_underscores_go(raw, expected):
    assert normalize(raw).text == expected


@pytest.mark.parametrize("raw, expected", [
    ("Công văn số 1234/BТС-PTHT ngày 05/11/2025", "Công văn số 1234/BTC-PTHT ngày 05/11/2025"),
    ("Nghị quyết số 12/NQ-СР", "Nghị quyết số 12/NQ-CP"),
    ("Москва", "Москва"),  # a Cyrillic word stays Cyrillic
])
def test_cyrillic_lookalikes_inside_latin_words(raw, expected):
    assert normalize(raw).text == expected


def test_a_few_long_lines_do_not_make_wrapped_lines_short():
    wrapped = ("Tiếp theo kết quả tích cực, ý nghĩa đã đạt được của các công trình trên cả nước\n"
               "Lễ khánh thành, khởi công các công trình, dự án trên cả 03 miền Bắc - Trung -\n"
               "Nam chào mừng 50 năm ngày giải phóng miền Nam, thống nhất đất nước (dịp 30\n")
    long_line = "x " * 80 + "\n"
    raw = wrapped * 4 + long_line + wrapped * 4
    text = normalize(raw).text
    assert "Trung - Nam chào mừng" in text
