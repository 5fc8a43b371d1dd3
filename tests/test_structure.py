"""The body as a tree: every list form, nesting, labels as the gold writes them (real phrasing)."""
from __future__ import annotations

import pytest

from extract.document import Doc
from extract.header import HeaderResult
from extract.pipeline import make_doc
from extract.readers import read_source
from extract.schema import Document
from extract.structure import Node, classify, parse_structure


def tree(text: str) -> tuple[Doc, list[Node]]:
    doc = make_doc(read_source(text.encode("utf-8"), name="letter.txt"))
    return doc, parse_structure(doc, HeaderResult(document=Document(), body=(0, len(doc.text))))


def labels(nodes: list[Node]) -> list[tuple[str | None, str]]:
    return [(n.label, n.kind) for root in nodes for n in root.walk()]


MARKERS = [
    ("II. NỘI DUNG THI ĐUA", ("section", "II")),
    ("Điều 3. Giám đốc Sở Nông nghiệp và Môi trường tỉnh Quảng Ngãi:", ("article", "Điều 3")),
    ("Điều 1.", ("article", "Điều 1")),
    ("1. Tăng cường công tác chỉ đạo, điều hành", ("number", "1")),
    ("2.1. Chương trình nghệ thuật đặc biệt Khai mạc", ("number", "2.1")),
    ("1.1 Có đủ các chức danh trong ban giám đốc", ("number", "1.1")),
    ("1.", ("number", "1")),
    ("(1) Về việc phê duyệt Chương trình", ("paren", "1")),
    ("đ) Tham mưu Ủy ban nhân dân thành phố", ("letter", "đ")),
    ("- Tiếp tục huy động tối đa các lực lượng", ("dash", "-")),
    ("+ Đối với các khu chế xuất", ("plus", "+")),
    ("(ii) Chủ đầu tư phối hợp chặt chẽ với các đơn vị liên quan", ("roman", "ii")),
    ("(iv) Giao Bộ Công Thương nghiên cứu, xem xét", ("roman", "iv")),
    ("(b) Thanh tra;", ("letter", "b")),
    ("Thứ nhất, các bộ, ngành, địa phương, các nhà đầu tư, nhà thầu", ("ordinal", "1")),
    ("Thứ tư, các địa phương cần chủ động, quyết liệt hơn nữa", ("ordinal", "4")),
    ("Thứ Bảy ngày 22/11/2025 dừng hệ thống", None),  # a weekday, no comma: not an item
    ("2.615.000", None),                      # an amount in a table, not an item
    ("Năm 2020, Ủy ban nhân dân huyện Kiên Lương", None),
]


@pytest.mark.parametrize("line,expected", MARKERS)
def test_classify(line, expected):
    found = classify(line)
    assert (found[:2] if found else None) == expected


CASES = [
    # roman sections split over two uppercase lines, unit headings, dashes under them
    ("I. MỤC ĐÍCH,\nYÊU CẦU\n1. Mục đích\n- Tăng cường truyền thông, nâng cao nhận thức.\n"
     "V. TỔ CHỨC\nTHỰC HIỆN\n1. Sở Nông nghiệp và Môi trường\n- Chủ trì tham mưu, tổ chức triển khai thực hiện Kế hoạch này.\n"
     "2. Sở Tài chính\nCăn cứ chức năng, nhiệm vụ, phối hợp với các cơ quan, đơn vị liên quan triển khai thực hiện Kế hoạch.",
     [("I", "section"), ("I.1", "number"), ("I.1.-", "dash"), ("V", "section"), ("V.1", "number"),
      ("V.1.-", "dash"), ("V.2", "number")]),
    # nested numbers: "2.1." under "2." is "2.1", not "2.2.1"
    ("2. Các hoạt động chính\n2.1. Chương trình nghệ thuật đặc biệt Khai mạc Festival.\n"
     "2.2. Chương trình nghệ thuật nhạc trẻ.\n3. Các hoạt động phụ trợ\n3.1. Hoạt động triển lãm.",
     [("2", "number"), ("2.1", "number"), ("2.2", "number"), ("3", "number"), ("3.1", "number")]),
    # lettered items under a unit heading, a dash list under a lettered item
    ("4. Sở Y tế\na) Thường xuyên kiểm tra chất lượng nước cấp cho mục đích sinh hoạt.\n"
     "b) Giao Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ có trách nhiệm:\n"
     "- Vận động các doanh nghiệp thuộc khu vực quản lý thực hiện các giải pháp.\n"
     "c) Giao Công an thành phố kịp thời phát hiện và xử lý.",
     [("4", "number"), ("4.a", "letter"), ("4.b", "letter"), ("4.b.-", "dash"), ("4.c", "letter")]),
    # "(1)" under "2." is "2.1"; pluses under dashes
    ("2. Về những nội dung còn có ý kiến khác nhau:\n(1) Về việc phê duyệt Chương trình: giao Bộ Nông nghiệp và Môi trường làm chủ Chương trình.\n"
     "(2) Về triển khai Chương trình: các Bộ, cơ quan xây dựng kế hoạch.\n"
     "- Rà soát các mặt hàng dự trữ quốc gia.\n+ Huy động lực lượng, phương tiện.",
     [("2", "number"), ("2.1", "paren"), ("2.2", "paren"), ("2.2.-", "dash"), ("2.2.-.+", "plus")]),
    # articles, an article whose marker stands alone, numbered clauses inside an article
    ("Điều 1.\nThông qua nội dung báo cáo của Ngân hàng Nhà nước Việt Nam.\n"
     "Điều 3. Giám đốc Sở Nông nghiệp và Môi trường tỉnh Quảng Ngãi:\n"
     "1. Chịu trách trước pháp luật và Chủ tịch Ủy ban nhân dân tỉnh.\n"
     "2. Tham mưu thay đổi trình tự, thủ tục, thẩm quyền thực hiện các nhiệm vụ.\n"
     "Điều 4. Chánh Văn phòng Ủy ban nhân dân tỉnh chịu trách nhiệm thi hành Quyết định này./.",
     [("Điều 1", "article"), ("Điều 3", "article"), ("Điều 3.1", "number"), ("Điều 3.2", "number"),
      ("Điều 4", "article")]),
    # a quotation of another text is no list; a closing sentence leaves the list
    ("Căn cứ khoản 2 Điều 49 Luật Quản lý thuế, quy định:\n“Điều 49. Nguyên tắc ấn định thuế\n"
     "2. Cơ quan quản lý thuế ấn định số tiền thuế phải nộp.”\n1. Tăng cường công tác chỉ đạo, điều hành.\n"
     "Yêu cầu Chủ tịch Ủy ban nhân dân huyện Kiên Lương chỉ đạo thực hiện các nội dung nêu trên.",
     [(None, "paragraph"), ("1", "number"), (None, "paragraph")]),
    # a quoted article left open ends at the next citation of the same kind; an unquoted cited
    # article runs to the letter's own next paragraph, which leaves the list
    ("- Tại điểm h khoản 1 Điều 55 Luật Thanh tra số 56/2010/QH12 quy định:\n"
     "“Điều 55. Nhiệm vụ, quyền hạn của người ra quyết định thanh tra chuyên ngành\n"
     "- Quyết định xử lý theo thẩm quyền hoặc kiến nghị người có thẩm quyền xử lý kết quả thanh tra;\n"
     "- Tại điểm đ khoản 1 Điều 116 Luật Quản lý thuế số 38/2019/QH14 quy định:\n"
     "Điều 116. Nhiệm vụ, quyền hạn của người ra quyết định thanh tra thuế\n"
     "1. Người ra quyết định thanh tra thuế có các nhiệm vụ, quyền hạn sau đây:\n…\n"
     "đ) Quyết định xử lý theo thẩm quyền hoặc kiến nghị người có thẩm quyền xử lý kết quả thanh tra thuế.\n"
     "Theo nội dung nêu tại công văn số 4814/CCTKV.05-TTKT3, đề nghị Thuế thành phố Hải Phòng xử lý theo thẩm quyền.",
     [("-", "dash"), ("-", "dash"), (None, "paragraph")]),
    # the issuer charging others after a list closes it
    ("2. Về mức chi phí quản lý: đề nghị Ủy ban nhân dân các tỉnh căn cứ quy định để trình Hội đồng nhân dân cấp tỉnh.\n"
     "Bộ Nội vụ đề nghị Ủy ban nhân dân các tỉnh, thành phố triển khai thực hiện theo đúng quy định.",
     [("2", "number"), (None, "paragraph")]),
    # … but inside an article a "Trong quá trình …" paragraph does not leave it
    ("Điều 2. Nhiệm vụ và quyền hạn\n1. Thẩm định dự thảo văn bản trước khi trình.\n"
     "Trong quá trình xử lý, nếu còn ý kiến khác nhau, chủ trì họp với cơ quan, tổ chức có liên quan.\n"
     "2. Quản lý, sử dụng con dấu, thiết bị lưu khóa bí mật của cơ quan.",
     [("Điều 2", "article"), ("Điều 2.1", "number"), ("Điều 2.2", "number")]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_tree_labels(text, expected):
    _, nodes = tree(text)
    assert labels(nodes) == expected


def test_heading_keeps_its_content_paragraph():
    """ "6. Đối với kiến nghị …:" holds the "Đề nghị …" paragraph under it; the closing "Yêu cầu …"
    after it stands at the top level."""
    doc, nodes = tree("6. Đối với kiến nghị của huyện Kiên Lương:\n"
                      "Đề nghị UBND tỉnh sớm công bố danh mục nhóm TTHC liên thông.\n"
                      "Yêu cầu Chủ tịch Ủy ban nhân dân huyện Kiên Lương chỉ đạo thực hiện các nội dung nêu trên.")
    assert [n.kind for n in nodes] == ["number", "paragraph"]
    assert doc.text[nodes[0].paragraphs[0][0]:].startswith("Đề nghị UBND tỉnh")


def test_heading_or_sentence_over_a_list():
    doc, nodes = tree("1. Các cơ quan, đơn vị xây dựng kế hoạch triển khai thực hiện đợt thi đua.\n"
                      "- Giới thiệu điển hình tiên tiến trong Đợt thi đua.\n"
                      "2. Sở Nội vụ\n- Tham mưu, hướng dẫn khen thưởng tổng kết.")
    assert [n.is_heading(doc.text) for n in nodes] == [False, True]


def test_spans_cover_children():
    doc, nodes = tree("4. Sở Y tế\na) Thường xuyên kiểm tra chất lượng nước.\nb) Tiếp tục chủ trì xây dựng quy chuẩn.")
    item = nodes[0]
    assert doc.text[item.head[0]:item.head[1]] == "Sở Y tế"
    assert item.span[1] == item.children[-1].span[1] == len(doc.text)


def test_every_letter_parses(corpus):
    """No crash, and every node's span lies inside the text, on the 362 real letters."""
    for path in sorted((corpus / "texts").glob("*.txt"))[::12]:
        doc, nodes = tree(path.read_text(encoding="utf-8"))
        for root in nodes:
            for node in root.walk():
                assert 0 <= node.span[0] <= node.head[0] <= node.head[1] <= node.span[1] <= len(doc.text)


BROKEN_AND_LOST = [
    # a dash line that continues a sentence broken by the source opens no list
    ("Xét báo cáo của Ủy ban nhân dân tỉnh Hưng Yên về tình hình cung ứng vật liệu phục vụ Dự án cao tốc Ninh Bình\n"
     "- Hải Phòng, đoạn qua Nam Định và Thái Bình, Phó Thủ tướng có ý kiến như sau:\n"
     "Chủ tịch Ủy ban nhân dân tỉnh Hưng Yên khẩn trương làm việc với các địa phương.",
     [(None, "paragraph"), (None, "paragraph"), (None, "paragraph")]),
    # … and one that continues an item's text, broken inside a name, joins the item
    ("10. Các Bộ, cơ quan liên quan và các Tập đoàn: Công nghiệp - Năng lượng Quốc gia Việt Nam, Bưu chính viễn thông "
     "Việt Nam, Công nghiệp\n- Viễn thông Quân đội theo chức năng, nhiệm vụ và thẩm quyền, khẩn trương xử lý các kiến nghị.",
     [("10", "number")]),
    # … but not an item that opens with an order under a heading that lost its colon
    ("1. Giao người đứng đầu các cơ quan chuyên môn, các đơn vị sự nghiệp công lập trực thuộc Ủy ban nhân dân Thành phố\n"
     "- Tiếp tục triển khai việc cập nhật cơ sở dữ liệu của toàn bộ cán bộ, công chức, viên chức.",
     [("1", "number"), ("1.-", "dash")]),
    # … but a lead-in without a colon still opens one when dash items follow
    ("Ủy ban nhân dân tỉnh yêu cầu các sở, ngành tập trung thực hiện tốt các nội dung công việc sau đây\n"
     "- Rà soát các văn bản quy phạm pháp luật.\n- Tăng cường kiểm tra, giám sát.",
     [(None, "paragraph"), ("-", "dash"), ("-", "dash")]),
    # a list jumping from (4) to (6) lost the marker of (5): the paragraph of (4) is item (5)
    ("1. Bí thư tỉnh ủy:\n(4) Rà soát, tổng hợp đầy đủ, chính xác thiệt hại.\n"
     "Tổ chức điều phối tiếp nhận và phân phối tiền và hàng cứu trợ.\n(6) Chủ động công bố thông tin.",
     [("1", "number"), ("1.4", "paren"), ("1.5", "paren"), ("1.6", "paren")]),
    # "(i)", "(ii)" under a lettered lead-in nest as roman items; "(i)" after "(h)" is a letter
    ("b) Để làm tốt các nhiệm vụ sắp tới, đề nghị:\n(i) Tập đoàn Công nghiệp-Năng lượng quốc gia Việt Nam báo cáo.\n"
     "(ii) Chủ đầu tư phối hợp chặt chẽ với các đơn vị liên quan.",
     [("b", "letter"), ("b.i", "roman"), ("b.ii", "roman")]),
    ("1. Các phòng:\n(h) Phòng Kinh tế đối ngoại;\n(i) Phòng Đấu thầu, Thẩm định và Giám sát đầu tư;\n"
     "(k) Phòng Đăng ký kinh doanh;",
     [("1", "number"), ("1.h", "letter"), ("1.i", "letter"), ("1.k", "letter")]),
]


@pytest.mark.parametrize("text,expected", BROKEN_AND_LOST)
def test_broken_lines_and_lost_markers(text, expected):
    assert labels(tree(text)[1]) == expected
