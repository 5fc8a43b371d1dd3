"""Header extractor: table-driven cases built from phrasing printed in real letters, and an
end-to-end floor on the gold letters of ../shared/corpus."""
import json
from collections import defaultdict
from pathlib import Path

import pytest

from extract.document import Doc, RawText
from extract.evaluate import Tally, score_doc
from extract.header import extract_header
from extract.normalize import normalize
from extract.schema import Source

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
BODY = "Qua xem xét Báo cáo số 284/BC-ĐKT ngày 30/11/2020 của Đoàn Kiểm tra, Ủy ban nhân dân tỉnh nhận thấy:\n"
CLOSING = "Nơi nhận:\n- Như trên;\n- Lưu: VT, NC.\nCHỦ TỊCH\nLâm Minh Thành\n"


def doc_of(text: str) -> Doc:
    """A letter as the corpus prints it: each printed line a paragraph of its own."""
    text = text.replace("\n", "\n\n")
    raw = RawText(text=text, source=Source(file=None, sha256="0", format="txt"))
    normalised = normalize(text)
    return Doc(raw=raw, text=normalised.text, to_raw=normalised.to_raw)


def letter(issuer="ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG\n", number="Số: 1795 /UBND-NC\n",
           date="Kiên Giang, ngày 22 tháng 12 năm 2020\n",
           subject="V/v tiếp tục chỉ đạo sau kiểm tra công tác CCHC năm 2020\n",
           recipients="Kính gửi: Chủ tịch UBND huyện Kiên Lương.\n", body=BODY, closing=CLOSING) -> str:
    return issuer + MOTTO + number + subject + date + recipients + body + closing


NUMBERS = [
    ("Số: 1795 /UBND-NC\n", ("1795", None, "UBND-NC")),
    ("Số: 01/2018/TT-VPCP\n", ("01", 2018, "TT-VPCP")),
    ("Số:      /KH-UBND\n", (None, None, "KH-UBND")),
    ("Số: /2025/QĐ-UBND\n", (None, 2025, "QĐ-UBND")),
    ("Số 37-HD/BTGDVTW\n", ("37", None, "HD/BTGDVTW")),
    ("Số:\n2820/QĐ-UBND\n", ("2820", None, "QĐ-UBND")),
    ("Số: 3783/QĐ-\nUBND\n", ("3783", None, "QĐ-UBND")),
    ("Số: 0124/KH-UBND\n", ("0124", None, "KH-UBND")),
    ("Số: 0 7/2024/QĐ-UBND\n", ("07", 2024, "QĐ-UBND")),  # a stray space inside the number
]


@pytest.mark.parametrize("line, expected", NUMBERS)
def test_number_and_symbol(line, expected):
    doc = doc_of(letter(number=line))
    d = extract_header(doc).document
    assert (d.number, d.year, d.symbol) == expected
    printed = doc.text[slice(*d.provenance["symbol"].span)]
    assert printed.startswith("Số") and d.symbol.split("-")[-1] in printed


DATES = [
    ("Kiên Giang, ngày 22 tháng 12 năm 2020\n", ("Kiên Giang", "2020-12-22")),
    ("Hà Nội ngày 01 tháng 12 năm 2025\n", ("Hà Nội", "2025-12-01")),
    ("Hà Tĩnh, ngày 01 tháng12 năm 2025\n", ("Hà Tĩnh", "2025-12-01")),
    ("Thành phố Hồ Chí Minh, ngày 28 tháng 11 năm 2025\n", ("Thành phố Hồ Chí Minh", "2025-11-28")),
    ("Hà Nội, ngày   tháng   năm 2026\n", ("Hà Nội", None)),  # unsigned copy: blank date
]


@pytest.mark.parametrize("line, expected", DATES)
def test_place_and_date(line, expected):
    d = extract_header(doc_of(letter(date=line))).document
    assert (d.place, d.date) == expected


ISSUERS = [
    ("ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG\n", ("Ủy ban nhân dân tỉnh Kiên Giang", None)),
    ("ỦY BAN NHÂN\nDÂN\nTỈNH BẮC NINH\n", ("Ủy ban nhân dân tỉnh Bắc Ninh", None)),
    ("BỘ TÀI CHÍNH\nCỤC THUẾ\n", ("Cục Thuế", "Bộ Tài chính")),
    ("BỘ TÀI\nCHÍNH\nCỤC HẢI QUAN\n", ("Cục Hải quan", "Bộ Tài chính")),
    ("VĂN PHÒNG CHÍNH\nPHỦ\n", ("Văn phòng Chính phủ", None)),
    ("VĂN PHÒNG\nCHÍNH PHỦ\n", ("Văn phòng Chính phủ", None)),
    ("THỦ\nTƯỚNG CHÍNH PHỦ\n", ("Thủ tướng Chính phủ", None)),
    ("CỤC THUẾ\nTHUẾ TỈNH VĨNH LONG\n", ("Thuế tỉnh Vĩnh Long", "Cục Thuế")),
    ("BỘ NÔNG NGHIỆP\nVÀ\nMÔI TRƯỜNG\n", ("Bộ Nông nghiệp và Môi trường", None)),
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n",
     ("Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh", "Ủy ban nhân dân Thành phố Hồ Chí Minh")),
    ("UBND THÀNH PHỐ HÀ\nNỘI\nTRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG\n",
     ("Trung tâm Phục vụ hành chính công thành phố Hà Nội", "Ủy ban nhân dân thành phố Hà Nội")),
    ("BAN CHẤP HÀNH\nTRUNG ƯƠNG\nBAN TUYÊN GIÁO VÀ DÂN VẬN\nĐẢNG CỘNG SẢN\nVIỆT NAM\n",
     ("Ban Tuyên giáo và Dân vận Trung ương", "Ban Chấp hành Trung ương")),
    ("BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN -------\n", ("Tổng cục Hải quan", "Bộ Tài chính")),
]


@pytest.mark.parametrize("lines, expected", ISSUERS)
def test_issuer(lines, expected):
    d = extract_header(doc_of(letter(issuer=lines))).document
    assert (d.issuer, d.parent_issuer) == expected


SIGNERS = [
    ("TM. ỦY BAN NHÂN\nDÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nBùi Xuân Cường\n", ("Bùi Xuân Cường", "Phó Chủ tịch", "KT.")),
    ("CHỦ TỊCH\nLâm Minh Thành\nLâm Minh Thành\n", ("Lâm Minh Thành", "Chủ tịch", None)),
    ("K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nPhạm Tất Thắng\n", ("Phạm Tất Thắng", "Phó Trưởng ban", "KT.")),
    ("TL. CỤC TRƯỞNG\nKT.TRƯỞNG BAN BAN CHÍNH SÁCH, THUẾ QUỐC TẾ\nPHÓ TRƯỞNG BAN\nMạnh Thị Tuyết Mai\n",
     ("Mạnh Thị Tuyết Mai", "Phó Trưởng ban", "KT.")),
    ("TL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\nVõ Tuấn Anh\n", ("Võ Tuấn Anh", "Phó Chánh Văn phòng", "KT.")),
    ("KT. TRƯỞNG THUẾ\nTỈNH\nPHÓ TRƯỞNG THUẾ TỈNH\nHuỳnh Minh Giám\n", ("Huỳnh Minh Giám", "Phó Trưởng Thuế tỉnh", "KT.")),
    ("KT. BỘ TRƯỞNG THỨ TRƯỞNG Đỗ Hoàng Anh Tuấn\n", ("Đỗ Hoàng Anh Tuấn", "Thứ trưởng", "KT.")),
    ("TL.\nBỘ TRƯỞNG CHÁNH VĂN PHÒNG Nguyễn Đức Tâm\n", ("Nguyễn Đức Tâm", "Chánh Văn phòng", "TL.")),
    ("KT GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrương Hải Thanh\n", ("Trương Hải Thanh", "Phó Giám đốc", "KT.")),
    ("TM. CHÍNH PHỦ\nTHỦ TƯỚNG\nPhạm Minh Chính\n", ("Phạm Minh Chính", "Thủ tướng", "TM.")),
    # the title after the prefix runs over the line break
    ("TL. CỤC TRƯỞNG\nKT. TRƯỞNG BAN BAN CHÍNH SÁCH,\nTHUẾ QUỐC TẾ\nNguyễn Thị Thanh Hằng\n",
     ("Nguyễn Thị Thanh Hằng", "Trưởng ban Ban Chính sách, Thuế quốc tế", "KT.")),
]


@pytest.mark.parametrize("block, expected", SIGNERS)
@pytest.mark.parametrize("before_cc", [False, True])
def test_signer(block, expected, before_cc):
    cc = "Nơi nhận:\n- Như trên;\n- CT và các PCT UBND tỉnh;\n- Lưu: VT, NC.\n"
    closing = block + cc if before_cc else cc + block
    doc = doc_of(letter(closing=closing))
    result = extract_header(doc)
    signer = result.document.signer
    assert (signer.name, signer.title, signer.authority) == expected
    assert result.document.cc == ["Như trên", "CT và các PCT UBND tỉnh", "Lưu: VT, NC"]
    assert doc.text[slice(*result.body)].rstrip().endswith("nhận thấy:")
    said = doc.text[slice(*result.closing)].strip()
    assert said.startswith(closing.split("\n")[0]) and expected[0] in said
    assert said.endswith("Lưu: VT, NC." if before_cc else expected[0])


RECIPIENTS = [
    ("Kính gửi: Chủ tịch UBND huyện Kiên Lương.\n", ["Chủ tịch UBND huyện Kiên Lương"]),
    ("Kính gửi:\n- Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;\n"
     "- Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương.\n",
     ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", "Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương"]),
    ("Kính gửi: Các sở, ban, ngành tỉnh\n", ["Các sở, ban, ngành tỉnh"]),
    ("Kính gửi:\n- Bộ trưởng Bộ Xây dựng;\n- Chủ tịch Ủy ban nhân dân tỉnh Đồng Nai.\n"
     "Đồng kính gửi:\n- Văn phòng Chính phủ.\n",
     ["Bộ trưởng Bộ Xây dựng", "Chủ tịch Ủy ban nhân dân tỉnh Đồng Nai"]),
    # items that end in "," in a list that never uses ";": one addressee each
    ("Kính gửi:\n- Ban Tuyên giáo và Dân vận Trung ương,\n- Bộ Văn hóa, Thể thao và Du lịch,\n- Báo Nhân dân,\n"
     "- Cổng Thông tin điện tử của Chính phủ.\n",
     ["Ban Tuyên giáo và Dân vận Trung ương", "Bộ Văn hóa, Thể thao và Du lịch", "Báo Nhân dân",
      "Cổng Thông tin điện tử của Chính phủ"]),
]


@pytest.mark.parametrize("lines, expected", RECIPIENTS)
def test_recipients(lines, expected):
    doc = doc_of(letter(recipients=lines))
    result = extract_header(doc)
    assert result.document.recipients == expected
    assert doc.text[result.body[0]:].startswith("Qua xem xét")


def test_telegram_recipients_mend_broken_dash_lines():
    text = ("THỦ TƯỚNG CHÍNH\nPHỦ\n" + MOTTO + "Số: 223/CĐ-TTg\nHà Nội, ngày 20 tháng 11 năm 2025\nCÔNG ĐIỆN\n"
            "V/V TẬP TRUNG ỨNG\nPHÓ LŨ ĐẶC BIỆT LỚN TẠI KHÁNH HÒA, ĐẮK LẮK VÀ GIA LAI\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n"
            "- Bí thư tỉnh ủy, Chủ tịch Ủy ban nhân dân các tỉnh: Gia Lai,\n- Đắk Lắk và Khánh Hòa;\n"
            "- Các Bộ: Quốc phòng, Công an, Tài chính;\nTheo báo cáo của cơ quan chức năng, mưa lũ đặc biệt lớn.\n")
    d = extract_header(doc_of(text)).document
    assert d.type == "Công điện"
    assert d.subject == "Tập trung ứng phó lũ đặc biệt lớn tại Khánh Hòa, Đắk Lắk và Gia Lai"
    assert d.recipients == ["Bí thư tỉnh ủy, Chủ tịch Ủy ban nhân dân các tỉnh: Gia Lai, Đắk Lắk và Khánh Hòa",
                            "Các Bộ: Quốc phòng, Công an, Tài chính"]


TITLES = [
    ("QUYẾT ĐỊNH\nVỀ VIỆC ỦY QUYỀN CHO GIÁM ĐỐC SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\n"
     "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\nQUYẾT ĐỊNH:\n",
     "Quyết định", "Ủy quyền cho Giám đốc Sở Nông nghiệp và Môi trường"),
    ("THÔNG BÁO\nVề việc treo cờ Tổ quốc\n", "Thông báo", "Treo cờ Tổ quốc"),
    ("THÔNG BÁO\nKẾT\nLUẬN CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ BÙI THANH SƠN TẠI BUỔI LÀM VIỆC VỚI LÃNH ĐẠO TỈNH\nPHÚ THỌ\n",
     "Thông báo", "Kết luận của Phó Thủ tướng Chính phủ Bùi Thanh Sơn tại buổi làm việc với lãnh đạo tỉnh Phú Thọ"),
    ("KẾ HOẠCH\nTổ chức \"Festival Thăng Long - Hà Nội lần thứ II, năm 2026\"\n",
     "Kế hoạch", "Tổ chức \"Festival Thăng Long - Hà Nội lần thứ II, năm 2026\""),
    ("V/v: động lực tăng trưởng kinh tế trong những tháng cuối năm 2025\n",
     "Công văn", "Động lực tăng trưởng kinh tế trong những tháng cuối năm 2025"),
]


@pytest.mark.parametrize("block, doc_type, subject", TITLES)
def test_type_and_subject(block, doc_type, subject):
    text = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n" + MOTTO + "Số: 1617/QĐ-UBND\nQuảng Ngãi, ngày 20 tháng 11 năm 2025\n" \
        + block + BODY + CLOSING
    doc = doc_of(text)
    result = extract_header(doc)
    assert (result.document.type, result.document.subject) == (doc_type, subject)
    assert doc.text[result.body[0]:].startswith("Qua xem xét")  # after the title, authority and preamble


NUMBERS_FROM_ANNEX = [
    # the annex prints the resolution's own number beside the date it was passed
    ("thông qua ngày 14 tháng 7 năm 2017./.\n(Ban hành kèm theo Nghị quyết số 08/NQ-HĐND ngày 14 tháng 7 năm 2017 "
     "của Hội đồng nhân dân tỉnh)\n", ("08", "NQ-HĐND", "2017-07-14")),
    # no date of its own: the annex heading line of its type gives number and date
    ("thông qua./.\n(Kèm theo Nghị quyết số 88/NQ-HĐND ngày 14 tháng 7 năm 2017 của Hội đồng nhân dân tỉnh Hà "
     "Giang)\n", ("88", "NQ-HĐND", "2017-07-14")),
    # another document's number, with another date: not the resolution's own
    ("thông qua ngày 13 tháng 7 năm 2017./.\nQuy chế ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 02 tháng 3 "
     "năm 2016.\n", (None, None, "2017-07-13")),
]


@pytest.mark.parametrize("tail, expected", NUMBERS_FROM_ANNEX)
def test_lost_header_number_from_the_annex(tail, expected):
    text = ('<jsontable name="bang_0"> </jsontable>\nNGHỊ QUYẾT\nVỀ CHƯƠNG TRÌNH GIÁM SÁT NĂM 2018\n'
            "HỘI ĐỒNG NHÂN DÂN TỈNH HÀ GIANG\nKHÓA XVII, KỲ HỌP THỨ NĂM\n"
            "Căn cứ Luật tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nQUYẾT NGHỊ:\n"
            "Điều 1. Thông qua chương trình giám sát.\nNghị quyết này đã được Hội đồng nhân dân tỉnh " + tail)
    d = extract_header(doc_of(text)).document
    assert (d.number, d.symbol, d.date) == expected


def test_resolution_whose_header_is_lost():
    text = ('<jsontable name="bang_0"> </jsontable>\nNGHỊ QUYẾT\nVỀ CHƯƠNG TRÌNH GIÁM SÁT CỦA HỘI\n'
            "ĐỒNG NHÂN DÂN TỈNH NĂM 2018\nHỘI ĐỒNG NHÂN DÂN TỈNH LAI CHÂU\nKHÓA XIV, KỲ HỌP THỨ NĂM\n"
            "Căn cứ Luật tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nQUYẾT NGHỊ:\n"
            "Điều 1. Thông qua chương trình giám sát.\nNghị quyết này đã được Hội đồng nhân dân tỉnh Lai Châu Khóa\n"
            "XIV, Kỳ họp thứ năm thông qua ngày 13 tháng 7 năm 2017 và có hiệu lực từ ngày 01 tháng 8 năm 2017./.\n")
    doc = doc_of(text)
    result = extract_header(doc)
    d = result.document
    assert (d.type, d.number, d.symbol, d.place) == ("Nghị quyết", None, None, None)
    assert (d.issuer, d.date) == ("Hội đồng nhân dân tỉnh Lai Châu", "2017-07-13")
    assert d.subject == "Chương trình giám sát của Hội đồng nhân dân tỉnh năm 2018"
    assert doc.text[result.body[0]:].startswith("Điều 1.")


def test_header_printed_on_one_line():
    text = ("BỘ KẾ HOẠCH VÀ ĐẦU TƯ ----------- " + MOTTO.replace("\n", " ") + "---------------\n"
            "Số: 3397/BKHĐT-QLKTTW V/v hướng dẫn áp dụng quy định tại Điều 162 Luật DN 2014 Hà Nội, ngày 23 tháng 5 "
            "năm 2019 Kính gửi: Tổng công ty Khí Việt Nam-CTCP (PV GAS) Phúc đáp Công văn số 615/KVN-PC ngày 3 tháng 4 "
            "năm 2019 của Tổng công ty, Bộ Kế hoạch và Đầu tư có ý kiến như sau:\n" + CLOSING)
    d = extract_header(doc_of(text)).document
    assert (d.issuer, d.number, d.symbol, d.place, d.date) == (
        "Bộ Kế hoạch và Đầu tư", "3397", "BKHĐT-QLKTTW", "Hà Nội", "2019-05-23")
    assert d.subject == "Hướng dẫn áp dụng quy định tại Điều 162 Luật DN 2014"
    assert d.recipients == ["Tổng công ty Khí Việt Nam-CTCP (PV GAS)"]


def test_addressee_line_run_on_into_the_body():
    """The body's first sentence printed on the "Kính gửi" line, opened by the letter's own issuer."""
    body = ("Kính gửi: Thuế tỉnh Ninh Bình Cục Thuế nhận được công văn số 2313/NBI-QLDN1 ngày 13/9/2025 của Thuế "
            "tỉnh Ninh Bình về việc vướng mắc xác định chi phí được trừ. Về vấn đề này, Cục Thuế có ý kiến như sau:\n")
    doc = doc_of(letter(issuer="BỘ TÀI CHÍNH\nCỤC THUẾ\n", number="Số: 5491/CT-CS\n", recipients=body))
    result = extract_header(doc)
    assert result.document.recipients == ["Thuế tỉnh Ninh Bình"]
    assert doc.text[result.body[0]:].startswith("Cục Thuế nhận được công văn")


def test_provenance_points_at_the_printed_values():
    doc = doc_of(letter())
    d = extract_header(doc).document
    said = {name: doc.text[slice(*p.span)] for name, p in d.provenance.items()}
    assert said["place"] == "Kiên Giang"
    assert said["date"] == "Kiên Giang, ngày 22 tháng 12 năm 2020"
    assert said["recipients"] == "Chủ tịch UBND huyện Kiên Lương."
    assert said["issuer"] == "TỈNH KIÊN GIANG" or "KIÊN GIANG" in said["issuer"]
    assert said["signer"].endswith("Lâm Minh Thành")


def test_gold_letters_header_floor():
    gold_dir = CORPUS / "gold"
    if not gold_dir.is_dir():
        pytest.skip("../shared/corpus absent")
    tallies: dict[str, Tally] = defaultdict(Tally)
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        text = (CORPUS / "texts" / f"{gold_path.name[:-len('.gold.json')]}.txt").read_text(encoding="utf-8")
        raw = RawText(text=text, source=Source(file=None, sha256="0", format="txt"))
        normalised = normalize(text)
        document = extract_header(Doc(raw=raw, text=normalised.text, to_raw=normalised.to_raw)).document
        pred = {"document": json.loads(document.model_dump_json(exclude={"provenance"}))}
        score_doc(json.loads(gold_path.read_text(encoding="utf-8")), pred, tallies)
    header = Tally()
    for name, tally in tallies.items():
        if name.startswith("header:"):
            header.add(tally.tp, tally.fp, tally.fn)
    assert header.f1() >= 0.95
    assert tallies["recipients"].f1() >= 0.9


@pytest.mark.parametrize("mark, field, expected", [
    ("HỎA TỐC\n", "urgency", "Hỏa tốc"),
    ("KHẨN\n", "urgency", "Khẩn"),
    ("THƯỢNG KHẨN\n", "urgency", "Thượng khẩn"),
    ("MẬT\n", "confidentiality", "Mật"),
    ("TỐI MẬT\n", "confidentiality", "Tối mật"),
])
def test_urgency_and_confidentiality_marks(mark, field, expected):
    d = extract_header(doc_of(letter(number="Số: 1795 /UBND-NC\n" + mark))).document
    assert getattr(d, field) == expected
    assert d.subject.startswith("Tiếp tục chỉ đạo")
