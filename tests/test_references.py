"""The reference extractor: citing phrases from real letters, the number parser, and a floor on the
development gold."""
from __future__ import annotations

from collections import defaultdict

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract import evaluate
from extract.document import Doc, RawText
from extract.header import HeaderResult
from extract.normalize import normalize
from extract.offsets import OffsetMap
from extract.references import extract_references, parse_numbers
from extract.schema import Document, Source


def doc_of(text: str) -> Doc:
    return Doc(raw=RawText(text=text, source=Source(sha256="0", format="txt")), text=text,
               to_raw=OffsetMap.identity(len(text)))


def references(text: str, **letter) -> list:
    doc = doc_of(text)
    return extract_references(doc, HeaderResult(document=Document(**letter), body=(0, len(text))))


def ref(type: str, number: str | None = None, symbol: str | None = None, **fields) -> dict:
    """An expected reference: the fields named here must match; others are not checked."""
    return {"type": type, "number": number, "symbol": symbol, **fields}


KG = {"issuer": "Ủy ban nhân dân tỉnh Kiên Giang"}

# (citing phrase as printed in a real letter, the letter's own fields, expected references)
CASES = [
    ("theo Quyết định số 925/QĐ-UBND ngày 17/4/2018 của Ủy ban nhân dân tỉnh Kiên Giang, phối hợp chặt chẽ", {},
     [ref("Quyết định", "925", "QĐ-UBND", year=None, date="2018-04-17", issuer="Ủy ban nhân dân tỉnh Kiên Giang",
          text="Quyết định số 925/QĐ-UBND ngày 17/4/2018 của Ủy ban nhân dân tỉnh Kiên Giang")]),
    # "của UBND tỉnh" resolved to the letter's province; "của UBND huyện" kept (the letter names no huyện)
    ("việc thực hiện Kế hoạch số 114/KH-UBND của UBND huyện về việc cụ thể hóa Kế hoạch số 138/KH-UBND ngày "
     "13/9/2019 của UBND tỉnh về cải thiện", KG,
     [ref("Kế hoạch", "114", "KH-UBND", date=None, issuer="Ủy ban nhân dân huyện"),
      ref("Kế hoạch", "138", "KH-UBND", date="2019-09-13", issuer="Ủy ban nhân dân tỉnh Kiên Giang")]),
    ("theo khoản 2 Điều 4, Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ hướng dẫn thi hành "
     "một số quy định của Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ về thực hiện", {},
     [ref("Thông tư", "01", "TT-VPCP", year=2018, date="2018-11-23", issuer="Văn phòng Chính phủ",
          pinpoint="khoản 2 Điều 4"),
      ref("Nghị định", "61", "NĐ-CP", year=2018, date="2018-04-23", issuer="Chính phủ", pinpoint=None)]),
    # one type word for a list: the date printed once belongs to the last number only
    ("tiếp theo các Công điện số 217/CĐ-TTg, 218/CĐ-TTg, 219/CĐ-TTg và 222/CĐ-TTg ngày 19/11/2025, Thủ tướng "
     "Chính phủ yêu cầu:", {},
     [ref("Công điện", "217", "CĐ-TTg", date=None), ref("Công điện", "218", "CĐ-TTg", date=None),
      ref("Công điện", "219", "CĐ-TTg", date=None), ref("Công điện", "222", "CĐ-TTg", date="2025-11-19")]),
    # ... each with its own date, sharing the issuer printed at the end
    ("theo các Nghị quyết số 347/NQ-CP ngày 24 tháng 10 năm 2025, số 380/NQ-CP ngày 25 tháng 11 năm 2025 của "
     "Chính phủ và các Công điện, văn bản chỉ đạo", {},
     [ref("Nghị quyết", "347", "NQ-CP", date="2025-10-24", issuer="Chính phủ"),
      ref("Nghị quyết", "380", "NQ-CP", date="2025-11-25", issuer="Chính phủ")]),
    # ... or printed before the list
    ("Căn cứ các Nghị quyết của Quốc hội: số 55/2010/QH12 ngày 24/11/2010 về miễn, giảm thuế sử dụng đất nông "
     "nghiệp; số 28/2016/QH14 ngày 11/11/2016 về sửa đổi", {},
     [ref("Nghị quyết", "55", "QH12", year=2010, date="2010-11-24", issuer="Quốc hội"),
      ref("Nghị quyết", "28", "QH14", year=2016, date="2016-11-11", issuer="Quốc hội")]),
    ("[1] Các công điện: số 217/CĐ-TTg ngày 16/11/2025; số 218/CĐ-TTg ngày 16/11/2025; số 219/CĐ-TTg ngày "
     "17/11/2025.", {},
     [ref("Công điện", "217", "CĐ-TTg", date="2025-11-16"), ref("Công điện", "218", "CĐ-TTg", date="2025-11-16"),
      ref("Công điện", "219", "CĐ-TTg", date="2025-11-17")]),
    ("(Số 1226/QĐ-BVHTTDL ngày 29/4/2025 và số 2657/QĐ-BVHTTDL ngày 29/7/2025)", {},
     [ref("Quyết định", "1226", "QĐ-BVHTTDL", date="2025-04-29"),
      ref("Quyết định", "2657", "QĐ-BVHTTDL", date="2025-07-29")]),
    ("tại các Tờ trình: số 287/TTr-SXD(KTXD) ngày 12/11/2024, số 340/TTr-SXD(KTXD) ngày 18/12/2024 về việc", {},
     [ref("Tờ trình", "287", "TTr-SXD(KTXD)", date="2024-11-12"),
      ref("Tờ trình", "340", "TTr-SXD(KTXD)", date="2024-12-18")]),
    # Party documents
    ("Chỉ thị số 41-CT/TW ngày 26/12/2024 của Bộ Chính trị về tăng cường sự lãnh đạo; Kết luận số 01-KL/TW ngày "
     "15/8/2021 của Bộ Chính trị khóa XIII về tiếp tục thực hiện Chỉ thị số 05-CT/TW về đẩy mạnh", {},
     [ref("Chỉ thị", "41", "CT/TW", date="2024-12-26", issuer="Bộ Chính trị"),
      ref("Kết luận", "01", "KL/TW", date="2021-08-15", issuer="Bộ Chính trị"),  # the term is no part of the body
      ref("Chỉ thị", "05", "CT/TW", date=None, issuer=None)]),
    ("Thực hiện Chỉ thị số 50-CT/TW, ngày 23/7/2025 của Ban Bí thư “Về tiếp tục đổi mới”", {},
     [ref("Chỉ thị", "50", "CT/TW", date="2025-07-23", issuer="Ban Bí thư")]),
    ("tại Văn bản số 9151- CV/BTCTW ngày 29/7/2025 về triển khai", {},
     [ref("Văn bản", "9151", "CV/BTCTW", date="2025-07-29")]),
    # numbers of unusual shape
    ("Căn cứ Nghị định số 74/CP ngày 25/10/1993 của Chính phủ; Căn cứ Thông tư số 89-TC/TCT ngày 09/11/1993 của "
     "Bộ Tài chính hướng dẫn", {},
     [ref("Nghị định", "74", "CP", date="1993-10-25", issuer="Chính phủ"),
      ref("Thông tư", "89", "TC/TCT", date="1993-11-09", issuer="Bộ Tài chính")]),
    ("tại Phiếu lấy ý kiến Thành viên Chính phủ số 1025/PLYK/2025 ngày 23 tháng 11 năm 2025, ý kiến", {},
     [ref("Phiếu lấy ý kiến", "1025", "PLYK/2025", year=None, date="2025-11-23")]),
    ("Cục Hải quan nhận được công văn số 2025-005/SAV-CHQ ngày 10/11/2025 của Công ty TNHH Sunny Automotive Vina "
     "đề nghị", {},
     [ref("Công văn", "2025-005", "SAV-CHQ", date="2025-11-10", issuer="Công ty TNHH Sunny Automotive Vina")]),
    ("Công văn số 144/2025/CV-BSGBTr ngày 17/11/2025 của Công ty Cổ phần Bia Sài Gòn – Bến Tre về việc", {},
     [ref("Công văn", "144", "CV-BSGBTr", year=2025, issuer="Công ty Cổ phần Bia Sài Gòn – Bến Tre")]),
    ("Căn cứ Nghị quyết số 66.2/2025/NQ-CP ngày 28 tháng 8 năm 2025 của Chính phủ Quy định xử lý khó khăn", {},
     [ref("Nghị quyết", "66.2", "NQ-CP", year=2025, date="2025-08-28", issuer="Chính phủ")]),
    ("Căn cứ Thông số 17/2025/TT-BNNMT ngày 19 tháng 6 năm 2025 của Bộ Nông nghiệp và Môi trường quy định", {},
     [ref("Thông tư", "17", "TT-BNNMT", year=2025, issuer="Bộ Nông nghiệp và Môi trường")]),
    ("hướng dẫn tại công văn 6376/TCHQ-GSQL ngày 14/7/2015 của Tổng cục Hải quan", {},
     [ref("Công văn", "6376", "TCHQ-GSQL", date="2015-07-14", issuer="Tổng cục Hải quan")]),
    ("Thông tư số 02/2017/TT-VPCP ngày 31/10/2017 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn", {},
     [ref("Thông tư", "02", "TT-VPCP", issuer="Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ")]),
    ("các Quyết định của Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch: Số 524/QĐ-BVHTTDL ngày 05 tháng 4 năm 2021", {},
     [ref("Quyết định", "524", "QĐ-BVHTTDL", issuer="Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch")]),
    # issuer (and date) printed before the citation
    ("Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 9807/TTr-SNV ngày 25 tháng 11 năm 2025;", {},
     [ref("Tờ trình", "9807", "TTr-SNV", date="2025-11-25", issuer="Sở Nội vụ")]),
    ("Ngày 28 tháng 10 năm 2025, Chủ tịch Ủy ban nhân dân Thành phố đã ban hành Công văn số 3280/UBND-VX về việc",
     {"issuer": "Ủy ban nhân dân Thành phố Hồ Chí Minh"},
     [ref("Công văn", "3280", "UBND-VX", date="2025-10-28",
          issuer="Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh")]),
    # ... by an office-holder ("Tư lệnh", "Chỉ huy trưởng": any title of agencies.toml), dropped before the body
    ("Theo đề nghị của Tư lệnh Bộ Tư lệnh Thủ đô Hà Nội tại Tờ trình số 194/TTr-BTL ngày 04/02/2025 về việc", {},
     [ref("Tờ trình", "194", "TTr-BTL", date="2025-02-04", issuer="Bộ Tư lệnh Thủ đô Hà Nội")]),
    ("Theo đề nghị của Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh tại Tờ trình số 5829/TTr-BCH ngày 14 tháng 11 năm 2025.",
     {}, [ref("Tờ trình", "5829", "TTr-BCH", issuer="Bộ Chỉ huy Quân sự tỉnh")]),
    # ... unless title and body are one title
    ("Triển khai chỉ đạo của Thủ tướng Chính phủ tại Công điện số 225/CĐ-TTg ngày 20/11/2025 về việc", {},
     [ref("Công điện", "225", "CĐ-TTg", issuer="Thủ tướng Chính phủ")]),
    # ... as a list of bodies, after a footnote's mark; by a body that "thông qua" a law
    ("[2] Bộ Chính trị, Ban Bí thư đã có Kết luận số 212-KL/TW ngày 18/11/2025, trong đó yêu cầu", {},
     [ref("Kết luận", "212", "KL/TW", date="2025-11-18", issuer="Bộ Chính trị, Ban Bí thư")]),
    ("2. Ngày 16/6/2025, Quốc hội đã thông qua Luật Tổ chức chính quyền địa phương số 72/2025/QH15 với những quy định",
     {}, [ref("Luật", "72", "QH15", year=2025, date="2025-06-16", issuer="Quốc hội")]),
    ("Cục Thi hành án dân sự thành phố Hà Nội chỉ gửi công văn số 1310/CV-THANDS ngày 22/8/2025 đến", {},
     [ref("Công văn", "1310", "CV-THANDS", issuer="Cục Thi hành án dân sự thành phố Hà Nội")]),
    # ... but not when other words come between the body and "tại"
    ("quyết định chi ngân sách của Bộ trưởng Bộ Tài chính quy định tại Luật ngân sách nhà nước.", {},
     [ref("Luật", title="Luật ngân sách nhà nước", issuer=None)]),
    # an issuer printed after the citations wins over one printed before them
    ("theo chỉ đạo của Phó Thủ tướng Chính phủ - Trưởng Ban Chỉ đạo 389 quốc gia tại Văn bản số 6721/VPCP-V.I ngày "
     "19 tháng 7 năm 2025 và số 7514/VPCP-V.I ngày 12 tháng 8 năm 2025 của Văn phòng Chính phủ.", {},
     [ref("Văn bản", "6721", "VPCP-V.I", issuer="Văn phòng Chính phủ"),
      ref("Văn bản", "7514", "VPCP-V.I", issuer="Văn phòng Chính phủ")]),
    # "của X tại" after a citation opens the next one
    ("của Bộ Chính trị tại thông báo số 99-TB/TW ngày 21/11/2025, của Ban Bí thư tại văn bản số 213-KL/TW ngày "
     "21/11/2025, Nghị quyết", {},
     [ref("Thông báo", "99", "TB/TW", issuer="Bộ Chính trị"), ref("Văn bản", "213", "KL/TW", issuer="Ban Bí thư")]),
    # a body's term and session are no part of its name
    ("thực hiện Nghị quyết số 23/2016/NQ-HĐND ngày 08/12/2016 của Hội đồng nhân dân tỉnh khóa XI, Kỳ họp thứ Hai về",
     {"issuer": "Ủy ban nhân dân tỉnh Gia Lai"},
     [ref("Nghị quyết", "23", "NQ-HĐND", issuer="Hội đồng nhân dân tỉnh Gia Lai")]),
    # a symbol names the body of another citation of its paragraph (not "UBND", "TW", shared by many)
    ("Thực hiện ý kiến của Ban Tổ chức Trung ương tại Văn bản số 9151- CV/BTCTW ngày 29/7/2025 về triển khai các kết "
     "luận và Văn bản số 9671-CV/BTCTW ngày 17/9/2025 về hoàn thiện vị trí việc làm", {},
     [ref("Văn bản", "9151", "CV/BTCTW", issuer="Ban Tổ chức Trung ương"),
      ref("Văn bản", "9671", "CV/BTCTW", issuer="Ban Tổ chức Trung ương")]),
    ("Chỉ thị số 41-CT/TW ngày 26/12/2024 của Bộ Chính trị về tăng cường sự lãnh đạo, Chỉ thị số 50-CT/TW ngày "
     "23/7/2025 về", {},
     [ref("Chỉ thị", "41", "CT/TW", issuer="Bộ Chính trị"), ref("Chỉ thị", "50", "CT/TW", issuer=None)]),
    # same number and symbol, other year: two documents
    ("Căn cứ Nghị định số 94/2016/NĐ-CP ngày 01 tháng 7 năm 2016 của Chính phủ;\nCăn cứ Nghị định số 94/2022/NĐ-CP "
     "ngày 07 tháng 11 năm 2022 của Chính phủ;\nsửa đổi Nghị định số 94/2016/NĐ-CP", {},
     [ref("Nghị định", "94", "NĐ-CP", year=2016, date="2016-07-01"),
      ref("Nghị định", "94", "NĐ-CP", year=2022, date="2022-11-07")]),
    # shapes read only after "<type> số": a hyphen before the symbol, the running number last
    ("Trả lời công văn số 1025-CVHQ ngày 10/10/2025 của Công ty TNHH Sunrise Apparel Việt Nam về việc", {},
     [ref("Công văn", "1025", "CVHQ", date="2025-10-10", issuer="Công ty TNHH Sunrise Apparel Việt Nam")]),
    ("và công văn số JHDPC/2025/276 ngày 05/9/2025 của Công ty", {},
     [ref("Công văn", "276", "JHDPC/2025", year=None, date="2025-09-05")]),
    ("kéo dài thêm 2-3 ngày; Tổ 5-A, nhóm COVID-19", {}, []),
    # upper-case title lines
    ("BAN HÀNH KẾ HOẠCH TRIỂN KHAI QUYẾT ĐỊNH SỐ\n06/QĐ-TTG NGÀY 02 THÁNG 01 NĂM 2025 CỦA THỦ TƯỚNG CHÍNH PHỦ", {},
     [ref("Quyết định", "06", "QĐ-TTG", date="2025-01-02")]),
    # repeated citations are one reference; the fullest mention gives text and span
    ("thực hiện Nghị quyết số 98/2023/QH15 từ năm 2025.\nCăn cứ Nghị quyết số 98/2023/QH15 ngày 24/6/2023 của "
     "Quốc hội về thí điểm", {},
     [ref("Nghị quyết", "98", "QH15", year=2023, date="2023-06-24", issuer="Quốc hội",
          text="Nghị quyết số 98/2023/QH15 ngày 24/6/2023 của Quốc hội")]),
    # laws cited by name, by name and number, amending laws
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\nCăn cứ Luật An toàn thực phẩm ngày 17 "
     "tháng 6 năm 2010;", {},
     [ref("Luật", title="Luật Tổ chức chính quyền địa phương", date="2025-06-16"),
      ref("Luật", title="Luật An toàn thực phẩm", date="2010-06-17")]),
    ("theo quy định của Luật Tài nguyên nước và các văn bản; theo quy định tại Điều 59 Luật Tài nguyên nước năm 2023",
     {}, [ref("Luật", title="Luật Tài nguyên nước năm 2023")]),
    ("Căn cứ Luật tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nCăn cứ Luật hoạt động giám sát của "
     "Quốc hội và Hội đồng nhân dân ngày 20 tháng 11 năm 2015;", {},
     [ref("Luật", title="Luật tổ chức chính quyền địa phương", date="2015-06-19"),
      ref("Luật", title="Luật hoạt động giám sát của Quốc hội và Hội đồng nhân dân", date="2015-11-20")]),
    ("Căn cứ điểm đ khoản 1 Điều 50 Luật Quản lý thuế số 38/2019/QH14 ngày 13/6/2019 của Quốc hội, quy định:", {},
     [ref("Luật", "38", "QH14", year=2019, title="Luật Quản lý thuế", date="2019-06-13", issuer="Quốc hội",
          pinpoint="điểm đ khoản 1 Điều 50")]),
    ("Căn cứ Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15;", {},
     [ref("Luật", "93", "QH15", title="Luật Khoa học, công nghệ và đổi mới sáng tạo")]),
    ("quy định tại Điều 162 Luật Doanh nghiệp 2014.\nV/v áp dụng quy định tại Điều 162 Luật DN 2014", {},
     [ref("Luật", title="Luật Doanh nghiệp 2014", pinpoint="Điều 162")]),
    ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Chứng khoán, Luật Kế toán, Luật Kiểm toán độc lập, Luật "
     "Quản lý, sử dụng tài sản công ngày 29 tháng 11 năm 2024;", {},
     [ref("Luật", date="2024-11-29", title="Luật sửa đổi, bổ sung một số điều của Luật Chứng khoán, Luật Kế toán, "
          "Luật Kiểm toán độc lập, Luật Quản lý, sử dụng tài sản công")]),
    ("Luật Đấu thầu số 22/2023/QH15 được sửa đổi, bổ sung tại Luật số 90/2025/QH15 sửa đổi, bổ sung một số điều "
     "của Luật Đấu thầu, Luật Hải quan;", {},
     [ref("Luật", "22", "QH15", title="Luật Đấu thầu"),
      ref("Luật", "90", "QH15", title="Luật sửa đổi, bổ sung một số điều của Luật Đấu thầu, Luật Hải quan")]),
    ("Căn cứ Điều 372 Bộ Luật tố tụng hình sự số 01/2015/QH13 ngày 27/11/2015 quy định", {},
     [ref("Bộ luật", "01", "QH13", year=2015, title="Bộ Luật tố tụng hình sự", date="2015-11-27")]),
    # old and misprinted number shapes, read right after a type word (with or without "số")
    ("theo Quyết định 201-CP ngày 01 tháng 7 năm 1980 của Hội đồng Chính phủ, đồng thời", {},
     [ref("Quyết định", "201", "CP", date="1980-07-01", issuer="Hội đồng Chính phủ")]),
    ("theo tinh thần Nghị định 404-CP ngày 09/11/1979 của Hội đồng Chính phủ", {},
     [ref("Nghị định", "404", "CP", date="1979-11-09", issuer="Hội đồng Chính phủ")]),
    ("Quy định số 11-QĐi/TW, ngày 18/02/2019 của Bộ Chính trị về", {},
     [ref("Quy định", "11", "QĐi/TW", date="2019-02-18", issuer="Bộ Chính trị")]),
    ("Chương trình hành động số 10- CTr/TU ngày 13/8/2025 của Ban Thường vụ Tỉnh ủy", {},
     [ref("Chương trình", "10", "CTr/TU", date="2025-08-13")]),
    ("Trả lời công văn số 20251022/CV-HD ngày 22/10/2025 của Công ty", {},
     [ref("Công văn", "20251022", "CV-HD", date="2025-10-22")]),
    ("- Thông tư số 49/2025TT-BCT ngày 09 tháng 9 năm 2025 của Bộ trưởng Bộ Công Thương;\n- Nghị định số "
     "95/2024 NĐ-CP ngày 24 tháng 7 năm 2024;\n- Nghị định số142/2018/NĐ-CP ngày 09 tháng 10 năm 2018", {},
     [ref("Thông tư", "49", "TT-BCT", year=2025, date="2025-09-09"),
      ref("Nghị định", "95", "NĐ-CP", year=2024, date="2024-07-24"),
      ref("Nghị định", "142", "NĐ-CP", year=2018, date="2018-10-09")]),
    ("a Phụ lục số 03 - Tỷ lệ phần trăm; Số 398 - Đường Trần Phú; Quyết định 03 cán bộ quản lý", {}, []),
    # date and issuer printed before the citation, or after its issuer, or in the passive
    ("CẢ NƯỚC Ngày 24 tháng 6 năm 1977 Hội đồng Chính phủ đã ra Quyết định số 169-CP về công tác điều tra", {},
     [ref("Quyết định", "169", "CP", date="1977-06-24", issuer="Hội đồng Chính phủ")]),
    ("Ngày 22/10/2025, tại Thông báo số 569/TB-VPCP của Văn phòng Chính phủ, Phó Thủ tướng", {},
     [ref("Thông báo", "569", "TB-VPCP", date="2025-10-22", issuer="Văn phòng Chính phủ")]),
    ("Nghị quyết số 46/NQ-CP của Chính phủ ngày 08 tháng 3 năm 2025 và chỉ đạo", {},
     [ref("Nghị quyết", "46", "NQ-CP", date="2025-03-08", issuer="Chính phủ")]),
    ("Xét báo cáo và đề xuất, kiến nghị của Ủy ban nhân dân tỉnh Hưng Yên (văn bản số 84/BC-UBND ngày 19 tháng "
     "11 năm 2025) về tình hình", {},
     [ref("Văn bản", "84", "BC-UBND", date="2025-11-19", issuer="Ủy ban nhân dân tỉnh Hưng Yên")]),
    # a law by name and an older law of the same name with its number are two documents
    ("Luật hải quan được Quốc hội khóa XIII kỳ họp thứ 7 thông qua ngày 23/6/2014 và có hiệu lực thi hành từ ngày "
     "01/01/2015. Luật này thay thế Luật Hải quan số 29/2001/QH10 năm 2001. Thực hiện quy định của Luật hải "
     "quan năm 2014 từ ngày 01/01/2015", {},
     [ref("Luật", title="Luật hải quan năm 2014", date="2014-06-23", issuer="Quốc hội"),
      ref("Luật", "29", "QH10", year=2001, date=None)]),
    # a law's name is kept as printed
    ("quy định chi tiết thi hành một số điều của Luật Thuế GTGT;", {}, [ref("Luật", title="Luật Thuế GTGT")]),
    # an amending law's title runs through every law it amends, a misprinted comma inside one name too
    ("Luật sửa đổi, bổ sung một số điều của Luật Chứng khoán, Luật Kế toán, Luật Quản lý, sử dụng tài, sản công, "
     "Luật Quản lý thuế, Luật xử phạt vi phạm hành chính ngày 29 tháng 11 năm 2024;", {},
     [ref("Luật", date="2024-11-29", title="Luật sửa đổi, bổ sung một số điều của Luật Chứng khoán, Luật Kế toán, "
          "Luật Quản lý, sử dụng tài, sản công, Luật Quản lý thuế, Luật xử phạt vi phạm hành chính")]),
    # a one-letter word ends no name ("Luật Nhà ở"), an item letter does ("Luật Giá b1)"); an estimate is no name
    ("Luật số 03/2022/QH15 sửa đổi, bổ sung một số điều của Luật Đầu tư công, Luật Nhà ở, Luật Đấu thầu, Luật "
     "Điện lực và Luật thi hành án dân sự;", {},
     [ref("Luật", "03", "QH15", title="Luật sửa đổi, bổ sung một số điều của Luật Đầu tư công, Luật Nhà ở, Luật "
          "Đấu thầu, Luật Điện lực và Luật thi hành án dân sự")]),
    ("quy định tại điểm a khoản 2 Điều 18 của Luật Giá b1) Đối với việc bình ổn giá", {},
     [ref("Luật", title="Luật Giá")]),
    ("quy định tại điểm d khoản 2 Điều 9 Luật Thuế giá trị gia tăng ước tăng thu khoảng 500 tỷ đồng.", {},
     [ref("Luật", title="Luật Thuế giá trị gia tăng")]),
    # "QPPL" is written out in a law's title; "GTGT" (above) is not
    ("trong xây dựng và tổ chức thi hành pháp luật; Luật Ban hành văn bản QPPL và các văn bản", {},
     [ref("Luật", title="Luật Ban hành văn bản quy phạm pháp luật")]),
    # a sentence broken across lines still gives its date and issuer to the citation
    ("theo thẩm quyền (Ngày 23/10/2025, Ngân hàng Nhà nước\nViệt Nam tiếp tục ban hành Quyết định số "
     "3539/QĐ-NHNN bổ sung phương án", {},
     [ref("Quyết định", "3539", "QĐ-NHNN", date="2025-10-23", issuer="Ngân hàng Nhà nước Việt Nam")]),
    # in a list dated number by number, two joined by "và" share the date after the second
    ("Các Công điện: số 007/CĐ-UBND ngày 17/11/2025, số 008/CĐ-UBND và số 009/CĐ-UBND ngày 19/11/2025; số "
     "010/CĐ-UBND ngày 20/11/2025 của UBND tỉnh về khẩn trương", {},
     [ref("Công điện", "007", "CĐ-UBND", date="2025-11-17"), ref("Công điện", "008", "CĐ-UBND", date="2025-11-19"),
      ref("Công điện", "009", "CĐ-UBND", date="2025-11-19"), ref("Công điện", "010", "CĐ-UBND", date="2025-11-20")]),
    # a footnote's closing "của Văn phòng Chính phủ" names a document first cited elsewhere too
    ("(Thông báo số 627/TB-VPCP ngày\n18/11/2025), chủ động, phối hợp Bộ Nội vụ\n[1] Thông báo số 627/TB-VPCP "
     "ngày 18/11/2025, Thông báo số 493/TB-VPCP ngày 18/9/2025; các văn bản số: 10894/VPCP-CN ngày 8/11/2025 "
     "của Văn phòng Chính phủ..", {},
     [ref("Thông báo", "627", "TB-VPCP", issuer="Văn phòng Chính phủ"),
      ref("Thông báo", "493", "TB-VPCP", issuer="Văn phòng Chính phủ"),
      ref("Văn bản", "10894", "VPCP-CN", issuer="Văn phòng Chính phủ")]),
    # citations of one body's series in a row share the issuer printed after the last
    ("Chỉ thị số 31-CT/TU ngày 06/6/2023, Kế hoạch số 134-KH/TU ngày 29/12/2023 của Ban Thường vụ Tỉnh ủy; Chỉ "
     "thị số 03/CT-UBND ngày 19/3/2019", {},
     [ref("Chỉ thị", "31", "CT/TU", issuer="Ban Thường vụ Tỉnh ủy"),
      ref("Kế hoạch", "134", "KH/TU", issuer="Ban Thường vụ Tỉnh ủy"), ref("Chỉ thị", "03", "CT-UBND", issuer=None)]),
    # a table row goes on with the decision's subject after its issuer
    ("24. Quyết định số 63/2002/QĐ-UB ngày 16 tháng 10 năm 2002 của Ủy ban nhân dân tỉnh Bình Phước Tách phòng tổ "
     "chức - Hành chính thuộc Sở Y tế", {},
     [ref("Quyết định", "63", "QĐ-UB", issuer="Ủy ban nhân dân tỉnh Bình Phước")]),
    # a citizen's petition cited by its code, from the person named after "của ông"
    ("Cục Thuế nhận được đơn phản ánh kiến nghị số PAKN.1761647228267 của ông Thái Mạnh Cường về chính sách "
     "thuế.", {},
     [ref("Đơn phản ánh kiến nghị", "PAKN.1761647228267", None, issuer="Ông Thái Mạnh Cường")]),
    # not references: bills, laws proposed for amendment, forms, standards, the letter's own number
    ("nhận được đơn phản ánh kiến nghị của Độc giả Hoàng Văn Trung (mã số PAKN: 1760343060336) qua hệ thống",
     {}, []),
    ("(1) Bộ Tài chính đề nghị sửa 03 Luật trong đó có Luật Đầu tư cùng được đưa vào phương án", {}, []),
    ("Ngân hàng Nhà nước hoàn thiện hồ sơ trình, dự thảo Luật Bảo hiểm tiền gửi", {}, []),
    ("thì thực hiện kê khai thuế TNDN theo mẫu số 03/TNDN ban hành kèm Thông tư số 80/2021/TT-BTC", {},
     [ref("Thông tư", "80", "TT-BTC", year=2021)]),
    ("quy định tại Quy chuẩn kỹ thuật QCVN 01-100:2012/BNNPTNT Yêu cầu chung", {}, []),
    ("Số: 5155/SGDĐT-GDTXNNĐH\nThành phố Hồ Chí Minh, ngày 28 tháng 11 năm 2025\nđã báo cáo theo Công văn số "
     "5155/SGDĐT-GDTXNNĐH ngày 28/11/2025", {}, []),
    ("Sở Nội vụ đã có Văn bản số 8091/BNV-TCBC ngày 17/9/2025", {"number": "8091", "symbol": "BNV-TCBC"}, []),
]


@pytest.mark.parametrize(("text", "letter", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_citing_phrases(text, letter, expected):
    found = references(text, **letter)
    assert [r.number or r.title for r in found] == [e["number"] or e["title"] for e in expected]
    for got, want in zip(found, expected):
        assert {k: getattr(got, k) for k in want} == want
        assert text[got.span[0] : got.span[1]] == got.text
        assert got.span in got.mentions


def test_own_series_takes_the_letters_issuer():
    text = "Số: 226/CĐ-TTg\nHà Nội, ngày 21 tháng 11 năm 2025\n[1] Các công điện: số 217/CĐ-TTg ngày 16/11/2025."
    (found,) = references(text, issuer="Thủ tướng Chính phủ")
    assert (found.number, found.issuer) == ("217", "Thủ tướng Chính phủ")


def test_every_mention_is_kept():
    text = "theo Thông tư số 80/2021/TT-BTC ngày 29/9/2021. Mẫu kèm Thông tư số 80/2021/TT-BTC."
    (found,) = references(text)
    assert [text[s:e] for s, e in found.mentions] == ["Thông tư số 80/2021/TT-BTC ngày 29/9/2021",
                                                       "Thông tư số 80/2021/TT-BTC"]


# ---------------------------------------------------------------------------- the number parser

SYMBOL_PART = st.text(alphabet="ABCDĐEGHKLMNOPQRSTUVXY", min_size=1, max_size=6)


@given(number=st.integers(1, 99999), year=st.integers(1945, 2099), kind=st.sampled_from(["QĐ", "NĐ", "TT", "NQ"]),
       agency=SYMBOL_PART, pad=st.booleans())
def test_number_year_symbol_round_trips(number, year, kind, agency, pad):
    printed_number = f"{number:02d}" if pad else str(number)
    text = f"theo văn bản số {printed_number}/{year}/{kind}-{agency} ngày 01/01/{year}"
    (parsed,) = parse_numbers(text)
    assert (parsed.number, parsed.year, parsed.symbol) == (printed_number, year, f"{kind}-{agency}")
    assert text[parsed.start : parsed.end] == f"{printed_number}/{year}/{kind}-{agency}"


@given(number=st.integers(1, 9999), kind=st.sampled_from(["NQ", "CT", "KL", "QĐ", "HD"]),
       body=st.sampled_from(["TW", "TU", "VPTW", "BTCTW"]), space=st.booleans())
def test_party_numbers_round_trip(number, kind, body, space):
    text = f"Chỉ thị số {number}-{' ' if space else ''}{kind}/{body} ngày 26/12/2024"
    (parsed,) = parse_numbers(text)
    assert (parsed.number, parsed.year, parsed.symbol) == (str(number), None, f"{kind}/{body}")


@given(number=st.integers(1, 99999), agency=SYMBOL_PART, unit=SYMBOL_PART)
def test_number_without_year_round_trips(number, agency, unit):
    (parsed,) = parse_numbers(f"Công văn số {number}/{agency}-{unit}.")
    assert (parsed.number, parsed.year, parsed.symbol) == (str(number), None, f"{agency}-{unit}")


@given(day=st.integers(1, 28), month=st.integers(1, 12), year=st.integers(1990, 2030))
def test_dates_are_not_numbers(day, month, year):
    assert parse_numbers(f"ngày {day}/{month}/{year} và ngày {day:02d}-{month:02d}-{year}") == []


# ---------------------------------------------------------------------------- the development gold


def test_floor_on_the_gold_letters(corpus, gold_letters):
    """References alone (no header: the letter's own issuer unknown) on every gold letter."""
    tallies = defaultdict(evaluate.Tally)
    for name, gold in gold_letters.items():
        text = normalize((corpus / "texts" / f"{name}.txt").read_text(encoding="utf-8")).text
        found = [r.model_dump() for r in references(text)]
        evaluate.score_doc({"references": gold.get("references", [])}, {"references": found}, tallies)
    assert tallies["references"].f1() >= 0.97
    assert tallies["reference_dates"].f1() >= 0.97
    assert tallies["reference_issuers"].f1() >= 0.93


def test_every_letter_reads(corpus):
    """No crash on any real letter, and every reference's text is its span."""
    for path in sorted((corpus / "texts").glob("*.txt")):
        text = normalize(path.read_text(encoding="utf-8", errors="replace")).text
        for found in references(text):
            assert text[found.span[0] : found.span[1]] == found.text, path.name
