"""Tasks: which items and sentences order work, who must do it (real phrasing), and a floor on
the development gold computed with extract.evaluate's own functions."""
from __future__ import annotations

from collections import defaultdict

import pytest

from extract.deadlines import extract_deadlines
from extract.evaluate import Tally, score_doc
from extract.header import HeaderResult, extract_header
from extract.pipeline import make_doc
from extract.readers import read_source
from extract.schema import Document
from extract.structure import parse_structure
from extract.tasks import bodies_in, extract_tasks


def tasks_of(text: str, recipients: list[str] | None = None, issuer: str | None = None):
    doc = make_doc(read_source(text.encode("utf-8"), name="letter.txt"))
    header = HeaderResult(document=Document(recipients=recipients or [], issuer=issuer), body=(0, len(doc.text)))
    return extract_tasks(doc, header, parse_structure(doc, header), extract_deadlines(doc, header), {})


def summary(text: str, recipients: list[str] | None = None):
    return [(t.label, [a.name for a in t.assignees]) for t in tasks_of(text, recipients)]


ASSIGNEES = [
    # "Giao X" heading over dash items
    ("2. Giao Sở Nội vụ\n- Hướng dẫn, theo dõi tiến độ và đánh giá chất lượng cập nhật dữ liệu.",
     [("2.-", ["Sở Nội vụ"])]),
    # "X: …" names its own subject
    ("2. Ủy ban nhân dân thành phố Hồ Chí Minh: chỉ đạo chủ đầu tư, các nhà thầu đẩy nhanh tiến độ thi công.",
     [("2", ["Ủy ban nhân dân thành phố Hồ Chí Minh"])]),
    # "X chủ trì …" outside a list: a task with a null label
    ("Bộ Công Thương chủ trì phối hợp với các Bộ, cơ quan liên quan khẩn trương làm rõ các nội dung còn vướng mắc.",
     [(None, ["Bộ Công Thương"])]),
    # "Chỉ đạo Y …" with no body in the item or its heading: Y does the work
    ("4. Chỉ đạo Phòng Tài chính - Kế hoạch hướng dẫn việc xây dựng định mức xếp loại.",
     [("4", ["Phòng Tài chính - Kế hoạch"])]),
    # … but a unit heading wins over it
    ("3. Cục Đường bộ Việt Nam\n- Chỉ đạo các đơn vị quản lý đường bộ tập trung kiểm tra, rà soát.",
     [("3.-", ["Cục Đường bộ Việt Nam"])]),
    # lists split into one body each
    ("8. Các Bộ: Quốc phòng, Tài chính kịp thời xuất cấp các phương tiện, trang thiết bị.",
     [("8", ["Bộ Quốc phòng", "Bộ Tài chính"])]),
    ("3. Bộ Quốc phòng, Bộ Công an chỉ đạo các đơn vị quân đội, công an đóng trên địa bàn.",
     [("3", ["Bộ Quốc phòng", "Bộ Công an"])]),
    # a collective stays one body
    ("2. Các cơ quan, đơn vị căn cứ theo chức năng, nhiệm vụ, thẩm quyền chủ động phối hợp.",
     [("2", ["Các cơ quan, đơn vị"])]),
    # the decision's execution clause names every body and title
    ("Điều 4. Bộ trưởng Bộ Tài chính; Chủ tịch Ủy ban nhân dân các tỉnh, thành phố nêu tại Điều 1 và "
     "Thủ trưởng các cơ quan liên quan chịu trách nhiệm thi hành Quyết định này./.",
     [("Điều 4", ["Bộ trưởng Bộ Tài chính", "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố nêu tại Điều 1",
                  "Thủ trưởng các cơ quan liên quan"])]),
    # bodies charged in mid-sentence: the task starts with the sentence
    ("Nhân dịp Đại hội đại biểu toàn quốc lần thứ XI. Chủ tịch Ủy ban nhân dân thành phố Cần Thơ yêu cầu "
     "Giám đốc, Thủ trưởng các sở, ban ngành, Chủ tịch Ủy ban nhân dân xã, phường và các đơn vị liên quan "
     "trong phạm vi chức năng tập trung thực hiện.",
     [(None, ["Giám đốc", "Thủ trưởng các sở, ban ngành", "Chủ tịch Ủy ban nhân dân xã, phường",
              "các đơn vị liên quan"])]),
    # titles shared by a list of places: one body per title and place, cities as "thành phố"
    ("1. Bí thư tỉnh ủy và Chủ tịch Ủy ban nhân dân các tỉnh: Đắk Lắk, Gia Lai và Lâm Đồng tiếp tục phân công nhiệm vụ cụ thể.",
     [("1", ["Bí thư tỉnh ủy Đắk Lắk", "Bí thư tỉnh ủy Gia Lai", "Bí thư tỉnh ủy Lâm Đồng",
             "Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk", "Chủ tịch Ủy ban nhân dân tỉnh Gia Lai",
             "Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng"])]),
    ("4. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương: Hà Tĩnh, Huế chỉ đạo rà soát thiệt hại.",
     [("4", ["Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh", "Chủ tịch Ủy ban nhân dân thành phố Huế"])]),
    # … and the list of places ends where a body follows it
    ("1. Đồng chí Bí thư tỉnh ủy và Chủ tịch Ủy ban nhân dân các tỉnh: Gia Lai, Đắk Lắk và Khánh Hòa và lãnh đạo các Bộ, ngành "
     "tiếp tục tập trung lãnh đạo, chỉ đạo.",
     [("1", ["Bí thư tỉnh ủy Gia Lai", "Bí thư tỉnh ủy Đắk Lắk", "Bí thư tỉnh ủy Khánh Hòa",
             "Chủ tịch Ủy ban nhân dân tỉnh Gia Lai", "Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk",
             "Chủ tịch Ủy ban nhân dân tỉnh Khánh Hòa", "lãnh đạo các Bộ, ngành"])]),
    # a title over a generic object, shared by the comma list after it
    ("1. Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ tăng cường kiểm tra, giám sát.",
     [("1", ["Bộ trưởng các Bộ", "Thủ trưởng cơ quan ngang Bộ", "Thủ trưởng cơ quan thuộc Chính phủ"])]),
    ("1. Giao người đứng đầu các cơ quan chuyên môn, cơ quan hành chính khác, các đơn vị sự nghiệp công lập trực thuộc "
     "Ủy ban nhân dân Thành phố; Chủ tịch Ủy ban nhân dân các xã, phường và đặc khu\n"
     "- Tiếp tục triển khai việc cập nhật cơ sở dữ liệu của toàn bộ cán bộ, công chức, viên chức.",
     [("1.-", ["người đứng đầu các cơ quan chuyên môn, cơ quan hành chính khác",
               "người đứng đầu các đơn vị sự nghiệp công lập trực thuộc Ủy ban nhân dân Thành phố",
               "Chủ tịch Ủy ban nhân dân các xã, phường và đặc khu"])]),
    # an execution clause: a shared list, then more bodies after ";"; courtesy words dropped
    ("Điều 4. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các Sở: Tư pháp, Nông nghiệp và Môi trường; Chủ tịch Ủy ban "
     "nhân dân các xã, phường và đặc khu Lý Sơn chịu trách nhiệm thi hành Quyết định này./.",
     [("Điều 4", ["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Tư pháp", "Giám đốc Sở Nông nghiệp và Môi trường",
                  "Chủ tịch Ủy ban nhân dân các xã, phường và đặc khu Lý Sơn"])]),
    ("Điều 3. Các ông, bà: Chánh Văn phòng Bộ; Vụ trưởng Vụ Tổ chức cán bộ; Thủ trưởng các Vụ, Cục thuộc Bộ Y tế "
     "chịu trách nhiệm thi hành Quyết định này.",
     [("Điều 3", ["Chánh Văn phòng Bộ", "Vụ trưởng Vụ Tổ chức cán bộ", "Thủ trưởng các Vụ, Cục thuộc Bộ Y tế"])]),
    # the issuer charging another body in a heading: the items are that body's
    ("Điều 2. Hội đồng nhân dân tỉnh yêu cầu Ủy ban nhân dân tỉnh tập trung thực hiện một số nhiệm vụ, giải pháp chủ yếu sau:\n"
     "1. Chỉ đạo rà soát, nâng cao chất lượng công tác thẩm tra, thẩm định năng lực của các nhà đầu tư.",
     [("Điều 2.1", ["Ủy ban nhân dân tỉnh"])]),
    # an article's unnumbered clauses that each charge a body are tasks of their own
    ("Điều 2. Hội đồng nhân dân tỉnh giao Thường trực Hội đồng nhân dân tỉnh tổ chức thực hiện Nghị quyết.\n"
     "Ủy ban nhân dân tỉnh và các cơ quan, tổ chức, đơn vị liên quan có trách nhiệm báo cáo đầy đủ, kịp thời.",
     [("Điều 2", ["Thường trực Hội đồng nhân dân tỉnh"]),
      ("Điều 2", ["Ủy ban nhân dân tỉnh", "các cơ quan, tổ chức, đơn vị liên quan"])]),
    # a lead-in whose list only states facts is the task itself
    ("Bộ Nội vụ trân trọng đề nghị Ban Tuyên giáo và Dân vận Trung ương chỉ đạo các cơ quan báo chí định hướng thông tin, "
     "cụ thể như sau:\n1. Trong thời gian qua, nước ta đã tiến hành cuộc cách mạng về sắp xếp đơn vị hành chính các cấp.\n"
     "2. Ngày 16/6/2025, Quốc hội đã thông qua Luật Tổ chức chính quyền địa phương.",
     [(None, ["Ban Tuyên giáo và Dân vận Trung ương"])]),
]


@pytest.mark.parametrize("text,expected", ASSIGNEES)
def test_assignees(text, expected):
    assert summary(text) == expected


def test_item_naming_no_body_goes_to_the_addressees():
    assert summary("1. Tăng cường công tác chỉ đạo, điều hành, bố trí kinh phí thực hiện công tác CCHC.",
                   ["Chủ tịch UBND huyện Kiên Lương"]) == [("1", ["Chủ tịch UBND huyện Kiên Lương"])]


def test_coordinators():
    [task] = tasks_of("5.a) Chủ trì, phối hợp với các đơn vị cấp nước thuộc phạm vi quản lý xây dựng phương án.")
    assert [c.name for c in task.coordinators] == ["các đơn vị cấp nước thuộc phạm vi quản lý"]


NOT_TASKS = [
    "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.",
    "Điều 1. Phê duyệt giá thóc để thu thuế sử dụng đất nông nghiệp vụ mùa năm 2025.",
    "Văn phòng Chính phủ thông báo để các Bộ, cơ quan liên quan biết, thực hiện./.",
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị các cơ quan, đơn vị phản ánh về Sở Nội vụ.",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
    "Cục Thuế ghi nhận vướng mắc của Thuế thành phố Hồ Chí Minh và sẽ bổ sung chỉ tiêu này.",
    # the issuer announcing its own plan
    "Cục Thuế có kế hoạch nâng cấp hệ thống Quản lý thuế tập trung (TMS) từ 18h00 tối Thứ Bảy ngày 22/11/2025.",
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Tăng cường truyền thông, nâng cao nhận thức của toàn xã hội.",
    "1. Việc hợp nhất 03 Chương trình có ý nghĩa hết sức quan trọng.",
    # what a cited text rules, not an order
    "Theo Nghị định số 151/2025/NĐ-CP ngày 12/6/2025, thành phần hồ sơ chỉ yêu cầu cơ quan chuyên môn về nông nghiệp "
    "và môi trường chuyển thông tin địa chính thửa đất.",
    # the issuer approving
    "Điều 1. Hội đồng nhân dân tỉnh tán thành nội dung Báo cáo kết quả giám sát của Đoàn Giám sát.",
    # the council agreeing its own programme: its items describe the programme
    "Điều 1. Thống nhất nội dung Chương trình giám sát của Hội đồng nhân dân tỉnh năm 2018 như sau:\n"
    "1. Giám sát tại các kỳ họp:\n1.1. Hội đồng nhân dân tỉnh xem xét các báo cáo công tác theo quy định.",
    # a regulation's article titled by offices: it defines, it orders nothing
    "Điều 4. Giám đốc Sở, Phó Giám đốc Sở và số lượng cấp phó\n1. Giám đốc Sở, Phó Giám đốc Sở\n"
    "a) Sở Tư pháp thành phố Hà Nội có Giám đốc và các Phó Giám đốc;",
]


@pytest.mark.parametrize("text", NOT_TASKS)
def test_not_tasks(text):
    assert tasks_of(text) == []


def test_courtesy_charge_goes_to_the_addressees():
    assert summary("Bộ Nội vụ trân trọng cảm ơn và rất mong Quý cơ quan phối hợp làm tốt công tác tuyên truyền./.",
                   ["Báo Nhân dân", "Đài Truyền hình Việt Nam"]) == [(None, ["Báo Nhân dân", "Đài Truyền hình Việt Nam"])]


def test_decision_execution_article_over_clauses():
    """ "Điều 6. Điều khoản thi hành" holds the execution clause as its item 2."""
    text = ("Điều 6. Điều khoản thi hành\n1. Quyết định này có hiệu lực kể từ ngày 01 tháng 3 năm 2025.\n"
            "2. Chánh Văn phòng Ủy ban nhân dân Thành phố, Giám đốc Sở Tư pháp chịu trách nhiệm thi hành Quyết định này./.")
    assert summary(text) == [("Điều 6.2", ["Chánh Văn phòng Ủy ban nhân dân Thành phố", "Giám đốc Sở Tư pháp"])]


TABLE = ("Điều 2. Thủ trưởng các đơn vị thuộc Bộ có trách nhiệm phổ biến thông tin thống kê theo Lịch.\n"
         "LỊCH PHỔ BIẾN THÔNG TIN THỐNG KÊ NĂM 2026\n| STT |\n| Tên thông tin thống kê |\n| Thời gian phổ biến |\n"
         "| Đơn vị chịu trách nhiệm phổ biến |\n| 1 |\n| Số đơn vị hành chính |\n| Tháng 6/2025 |\n"
         "| Vụ Chính quyền địa phương |\n| 2 |\n| Số đại biểu Hội đồng nhân dân |\n| 3 |\n"
         "| Số lượng hội, tổ chức phi chính phủ |\n| Tháng 5/2025 |\n| Vụ Tổ chức phi chính phủ |")


def test_table_rows_are_tasks():
    """A row naming a task, a lead body and a time is a task; a row that lost its merged cells
    takes the row above's."""
    rows = [(t.label, t.text, [a.name for a in t.assignees]) for t in tasks_of(TABLE) if t.label != "Điều 2"]
    assert rows == [("1", "Số đơn vị hành chính", ["Vụ Chính quyền địa phương"]),
                    ("2", "Số đại biểu Hội đồng nhân dân", ["Vụ Chính quyền địa phương"]),
                    ("3", "Số lượng hội, tổ chức phi chính phủ", ["Vụ Tổ chức phi chính phủ"])]


def test_procedure_tables_are_not_tasks():
    text = ("| TT |\n| Tên thủ tục hành chính |\n| Thời hạn giải quyết |\n| Cơ quan chủ trì |\n| 1 |\n"
            "| Cấp bản sao từ sổ gốc |\n| Trong ngày |\n| Sở Tư pháp |")
    assert [t for t in tasks_of(text) if t.label == "1"] == []


def test_plan_tasks_come_from_its_assignment_section():
    text = ("III. NỘI DUNG, HÌNH THỨC\n1. Nội dung\n- Đổi mới, thúc đẩy hiệu quả phong trào thi đua.\n"
            "V. TỔ CHỨC THỰC HIỆN\n1. Sở Nông nghiệp và Môi trường\n- Chủ trì tham mưu, tổ chức triển khai thực hiện Kế hoạch này.")
    assert summary(text) == [("V.1.-", ["Sở Nông nghiệp và Môi trường"])]


PLAN_RULES = [
    # an item with labelled fields is one task: its lead field names the assignees
    ("II. NỘI DUNG\n2. Tổ chức tập huấn chuyên sâu, bồi dưỡng kiến thức pháp luật\n- Cơ quan chủ trì: Bộ Công an.\n"
     "- Cơ quan phối hợp: các bộ, cơ quan ngang bộ.\n- Thời gian thực hiện: năm 2025 và các năm tiếp theo.",
     [("II.2", ["Bộ Công an"])]),
    # the fields may be paragraphs that go on with a dash item; each dash is a task of its lead field
    ("III. NHIỆM VỤ, GIẢI PHÁP\n4. Nâng cao phẩm chất, năng lực cho đội ngũ cán bộ\n"
     "- Tổ chức tập huấn, bồi dưỡng kiến thức, kỹ năng xây dựng pháp luật.\n"
     "Đơn vị chủ trì tham mưu thực hiện: Sở Tư pháp.\nĐơn vị phối hợp thực hiện: Các cơ quan, đơn vị liên quan.\n"
     "Thời gian thực hiện: Theo kế hoạch công tác tư pháp hàng năm.\n"
     "- Nâng cao kiến thức, kỹ năng xây dựng pháp luật trong chương trình bồi dưỡng.\n"
     "Đơn vị chủ trì: Sở Nội vụ.\nĐơn vị phối hợp: Sở Tư pháp.\nThời gian thực hiện: Thường xuyên.",
     [("III.4.-", ["Sở Tư pháp"]), ("III.4.-", ["Sở Nội vụ"])]),
    # dashes printed before one field block share it; a dash naming its own subject keeps it
    ("III. NHIỆM VỤ, GIẢI PHÁP\n3. Nâng cao nhận thức, trách nhiệm của các cơ quan, đơn vị\n"
     "- Các cơ quan, đơn vị, địa phương tiếp tục nâng cao nhận thức về tầm quan trọng.\n"
     "- Tăng cường công tác giáo dục chính trị, tư tưởng, kỷ luật, kỷ cương.\n"
     "Đơn vị thực hiện: Sở Nội vụ.\nĐơn vị phối hợp: Sở Tư pháp.\nThời gian thực hiện: Thường xuyên.",
     [("III.3.-", ["Các cơ quan, đơn vị, địa phương"]), ("III.3.-", ["Sở Nội vụ"])]),
    # a lead field without a time field is a procedure's description, not a task's fields
    ("1. Cấp giấy phép hoạt động\n- Cơ quan thực hiện: Sở Khoa học và Công nghệ.\n- Thời hạn giải quyết: 05 ngày làm việc.",
     []),
    # a funding section gives only the items that charge a named body
    ("III. KINH PHÍ THỰC HIỆN\n1. Kinh phí bảo đảm thực hiện Kế hoạch này được bố trí từ nguồn ngân sách nhà nước.\n"
     "2. Đối với các nhiệm vụ triển khai trong năm 2025, các bộ, cơ quan, đơn vị, địa phương chủ động bố trí kinh phí.\n"
     "3. Bộ Tài chính chủ trì tổng hợp, trình cấp có thẩm quyền bố trí kinh phí.",
     [("III.2", ["các bộ, cơ quan, đơn vị, địa phương"]), ("III.3", ["Bộ Tài chính"])]),
    # "Về đánh giá …" is an assessment, whatever its items say
    ("1. Về đánh giá tình hình hoạt động từ tháng 6/2022 đến nay\n(1) Công tác tham mưu ngày càng bài bản.\n"
     "(2) Duy trì nền nếp, nâng cao chất lượng công tác thông tin phục vụ lãnh đạo.",
     []),
    # the lead-in's last sentence names who acts on the items below
    ("2. Về nhiệm vụ trọng tâm\nQuán triệt sâu sắc ý kiến chỉ đạo; căn cứ vào phương hướng, Văn phòng Trung ương Đảng "
     "cụ thể hóa để tổ chức thực hiện, trong đó, cần tập trung một số nhiệm vụ trọng tâm sau:\n"
     "(1) Tích cực, chủ động, sáng tạo, tiếp tục nâng cao chất lượng công tác tham mưu, tổng hợp.\n"
     "(2) Nâng cao chất lượng công tác thông tin phục vụ lãnh đạo.\nTheo dõi sát và báo cáo kịp thời tình hình hoạt động.",
     [("2.1", ["Văn phòng Trung ương Đảng"]), ("2.2", ["Văn phòng Trung ương Đảng"])]),
    # the contents of a report are one task with the item that orders it
    ("1. Chủ tịch Ủy ban nhân dân các tỉnh: Đắk Lắk, Khánh Hòa chỉ đạo cơ quan chức năng khẩn trương rà soát, thống kê, "
     "tổng hợp báo cáo cụ thể về một số nội dung sau:\n(1) Số hộ dân có nhà bị sập, đổ, trôi cần phải xây dựng lại.\n"
     "(2) Số hộ dân có nhà bị hư hỏng nặng cần phải sửa chữa.",
     [("1", ["Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk", "Chủ tịch Ủy ban nhân dân tỉnh Khánh Hòa"])]),
    # the assignment part may be a sub-heading of the plan's last section
    ("IV. GIẢI PHÁP THỰC HIỆN\n1. Tăng cường sự lãnh đạo của cấp ủy, tổ chức đảng.\n"
     "V. THỜI GIAN VÀ TRÁCH NHIỆM THỰC HIỆN\n1. Thời gian thực hiện\nTừ ngày ban hành Kế hoạch.\n2. Trách nhiệm thực hiện\n"
     "- Sở Nội vụ hướng dẫn khen thưởng Đợt thi đua.",
     [("V.2.-", ["Sở Nội vụ"])]),
]


@pytest.mark.parametrize("text,expected", PLAN_RULES)
def test_plan_rules(text, expected):
    assert summary(text) == expected


def test_annexed_plan_gives_tasks():
    """A decision issuing a plan: the plan printed after the signature holds the tasks."""
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai thi hành Luật.\n"
            "Điều 2. Quyết định này có hiệu lực thi hành từ ngày ký ban hành.\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n"
            "THỦ TƯỚNG\nPhạm Minh Chính\nKẾ HOẠCH\nTRIỂN KHAI THI HÀNH LUẬT BẢO VỆ DỮ LIỆU CÁ NHÂN\n"
            "(Kèm theo Quyết định số /QĐ-TTg ngày tháng năm 2025 của Thủ tướng Chính phủ)\n"
            "I. NỘI DUNG\n1. Xây dựng Cổng thông tin quốc gia về bảo vệ dữ liệu cá nhân\n- Cơ quan thực hiện: Bộ Công an.\n"
            "- Thời gian thực hiện: năm 2026 - 2027.")
    doc = make_doc(read_source(text.encode("utf-8"), name="letter.txt"))
    header = extract_header(doc)
    found = extract_tasks(doc, header, parse_structure(doc, header), extract_deadlines(doc, header), {})
    assert [(t.label, [a.name for a in t.assignees]) for t in found] == [("I.1", ["Bộ Công an"])]


def test_spans_hold_the_text():
    text = "1. Tăng cường công tác chỉ đạo, điều hành.\n2. Chỉ đạo Phòng Nội vụ tăng cường kiểm tra."
    doc = make_doc(read_source(text.encode("utf-8"), name="letter.txt"))
    header = HeaderResult(document=Document(), body=(0, len(doc.text)))
    for task in extract_tasks(doc, header, parse_structure(doc, header), [], {}):
        assert doc.text[task.span[0]:task.span[1]].strip() == task.text
        for body in task.assignees:
            assert doc.text[body.span[0]:body.span[1]] == body.name


def test_gold_floor(gold_letters, gold_predictions):
    """The tasks groups on the development gold, scored by the project's own scorer."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    for name, gold in gold_letters.items():
        score_doc(gold, gold_predictions[name], tallies)
    assert tallies["tasks"].f1() >= 0.95
    assert tallies["task_assignees"].f1() >= 0.85
    assert tallies["task_deadlines"].f1() >= 0.85


def deadlines_of(text: str, recipients: list[str] | None = None, issuer: str | None = None):
    return [(t.label, [a.name for a in t.assignees], t.deadline and t.deadline.date,
             t.deadline and t.deadline.inherited) for t in tasks_of(text, recipients, issuer)]


KIEN_LUONG = (
    "Tuy nhiên, bên cạnh những kết quả đạt được vẫn còn một số hạn chế, cần khắc phục như sau:\n"
    "1. Tăng cường công tác chỉ đạo, điều hành, bố trí kinh phí thực hiện công tác CCHC.\n"
    "2. Chỉ đạo Phòng Nội vụ tăng cường kiểm tra về chuyên môn nghiệp vụ công tác CCHC.\n"
    "3. Đối với kiến nghị của huyện Kiên Lương:\n"
    "Đề nghị UBND tỉnh sớm công bố danh mục nhóm TTHC liên thông thuộc lĩnh vực đất đai.\n"
    "Nội dung này UBND tỉnh đã có Quyết định số 469/QĐ-UBND ngày 04/3/2019 của UBND tỉnh. Giao Sở Tài nguyên và "
    "Môi trường tham mưu UBND tỉnh công bố danh mục nhóm thủ tục hành chính liên thông.\n"
    "Yêu cầu Chủ tịch Ủy ban nhân dân huyện Kiên Lương chỉ đạo thực hiện các nội dung nêu trên; báo cáo kết quả "
    "chỉ đạo thực hiện về UBND tỉnh (qua Sở Nội vụ) chậm nhất là ngày 29/12/2020.")

TASK_DEADLINES = [
    # the period a heading sets holds for the items under it
    ("2. Về nhiệm vụ trọng tâm từ nay đến tháng 6/2027\n"
     "(1) Tích cực, chủ động, sáng tạo, tiếp tục nâng cao chất lượng công tác tham mưu.\n"
     "(2) Nâng cao chất lượng công tác thông tin phục vụ lãnh đạo.", [], None,
     [("2.1", [], "2027-06-30", True), ("2.2", [], "2027-06-30", True)]),
    # the period of a lead-in that charges a body: its items are that body's work, "Chăm lo …" too
    ("Đề nghị Thường trực Tỉnh ủy tập trung lãnh đạo, chỉ đạo, thực hiện các nhiệm vụ, giải pháp trên các lĩnh vực "
     "trong 02 tháng cuối năm 2025 và những tháng đầu năm 2026; trong đó lưu ý một số nội dung trọng tâm sau:\n"
     "1. Đổi mới tư duy, tầm nhìn phát triển, khai thác tối đa nguồn lực bên trong.\n"
     "2. Chăm lo đời sống vật chất, tinh thần của Nhân dân, nhất là đồng bào dân tộc thiểu số.", [], None,
     [("1", ["Thường trực Tỉnh ủy"], "2025-12-31", True), ("2", ["Thường trực Tỉnh ủy"], "2025-12-31", True)]),
    # the closing limit binds the addressee and the units it is told to direct; the reply to the
    # district's request is another body's work: no limit
    (KIEN_LUONG, ["Chủ tịch UBND huyện Kiên Lương"], "Ủy ban nhân dân tỉnh Kiên Giang",
     [("1", ["Chủ tịch UBND huyện Kiên Lương"], "2020-12-29", True), ("2", ["Phòng Nội vụ"], "2020-12-29", True),
      ("3", ["Sở Tài nguyên và Môi trường"], None, None),
      (None, ["Chủ tịch Ủy ban nhân dân huyện Kiên Lương"], "2020-12-29", False)]),
    # "Giám đốc các Sở" covers "Sở Nội vụ"
    ("Chủ tịch UBND tỉnh yêu cầu Giám đốc các Sở, Chủ tịch UBND các huyện, thị xã, thành phố tập trung thực hiện "
     "tốt một số nội dung sau:\n1. Sở Nội vụ đưa kết quả thực hiện các nội dung tại văn bản này vào tiêu chí đánh giá.\n"
     "Yêu cầu Giám đốc các Sở, Chủ tịch UBND các huyện, thị xã, thành phố nghiêm túc triển khai thực hiện các nội "
     "dung nêu trên; báo cáo kết quả về UBND tỉnh trước ngày 15/6/2025.",
     ["Giám đốc các Sở", "Chủ tịch UBND các huyện, thị xã, thành phố"], "Ủy ban nhân dân tỉnh Quảng Bình",
     [("1", ["Sở Nội vụ"], "2025-06-15", True),
      (None, ["Giám đốc các Sở", "Chủ tịch UBND các huyện, thị xã, thành phố"], "2025-06-15", False)]),
    # a dash list under a time label gives the item's time, region by region: the first is its limit
    ("1. Tổ chức công tác đo đạc, xây dựng bản đồ phân loại đất trên toàn lãnh thổ.\n"
     "Thời gian hoàn thành công việc nói trên ở các vùng trong nước được quy định như sau:\n"
     "- Vùng đồng bằng sông Cửu Long: cuối năm 1982;\n- Các vùng khác (phía Bắc): cuối năm 1984.", [], None,
     [("1", [], "1982-12-31", False)]),
]


@pytest.mark.parametrize("text,recipients,issuer,expected", TASK_DEADLINES)
def test_task_deadlines(text, recipients, issuer, expected):
    assert deadlines_of(text, recipients, issuer) == expected


MORE_RULES = [
    # a reply to a request: the body charged after the topic's colon, not the one requested
    ("III. VỀ MỘT SỐ KIẾN NGHỊ CỦA TỈNH\n1. Về đề nghị nghiên cứu, sửa đổi, bổ sung Nghị quyết số 66.4/2025/NQ-CP: giao "
     "Bộ Nông nghiệp và Môi trường chủ trì nghiên cứu, đề xuất phương án xử lý.\n2. Về đề nghị Bộ Nội vụ tham mưu ban "
     "hành các cơ chế, chính sách: Bộ Nội vụ nghiên cứu đề xuất của Ủy ban nhân dân thành phố Đà Nẵng.", None,
     [("III.1", ["Bộ Nông nghiệp và Môi trường"]), ("III.2", ["Bộ Nội vụ"])]),
    # a plan's content item that charges a named body under its label is a task, though the plan
    # assigns its work in "Tổ chức thực hiện"; the quota lines are not
    ("IV. SỐ LƯỢNG ĐỀ NGHỊ KHEN THƯỞNG\n1. Khen thưởng cấp Nhà nước:\nSở Nội vụ phối hợp với các cơ quan, đơn vị có "
     "liên quan báo cáo Ủy ban bầu cử tỉnh.\n2. Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh\n"
     "a) Ban Chỉ đạo bầu cử của tỉnh: Không quá 05 cá nhân;\nVI. TỔ CHỨC THỰC HIỆN\n1. Sở Văn hóa, Thể thao và Du lịch: "
     "Tiếp tục chỉ đạo các cơ quan truyền thông của tỉnh đẩy mạnh tuyên truyền.", None,
     [("IV.1", ["Sở Nội vụ"]), ("VI.1", ["Sở Văn hóa, Thể thao và Du lịch"])]),
    # the issuer's own undertaking with a time limit is its task
    ("3. Về các kiến nghị, đề xuất\nNhững kiến nghị thuộc thẩm quyền của Văn phòng Trung ương Đảng, lãnh đạo Văn phòng "
     "sẽ chỉ đạo các đơn vị liên quan nghiên cứu, xem xét. Thời gian hoàn thành trước ngày 30/12/2025.",
     "Văn phòng Trung ương Đảng", [("3", ["Văn phòng Trung ương Đảng"])]),
    # the rules a guidance letter explains order no work
    ("Bộ Tài chính hướng dẫn cụ thể một số nội dung như sau:\n1. Thời hạn nộp hồ sơ hải quan: Đối với hàng hóa xuất "
     "khẩu, nộp sau khi đã tập kết hàng hóa.\n2. Cục trưởng Cục Hải quan, Chi cục trưởng Chi cục Hải quan ban hành quyết "
     "định kiểm tra sau thông quan.", "Bộ Tài chính", []),
    # a law's taking effect mentioned inside an order does not make it an effect clause
    ("Để thực hiện thống nhất quy định của Luật Hải quan năm 2014, trong khi chờ Nghị định có hiệu lực thi hành, Bộ Tài "
     "chính yêu cầu các đơn vị thực hiện các quy định của Luật hải quan năm 2014 từ thời điểm Luật có hiệu lực.",
     "Bộ Tài chính", [(None, ["các đơn vị"])]),
]


@pytest.mark.parametrize("text,issuer,expected", MORE_RULES)
def test_more_rules(text, issuer, expected):
    assert [(t.label, [a.name for a in t.assignees]) for t in tasks_of(text, issuer=issuer)] == expected


BODY_NAMES = [
    # "và" before a specific name goes on with the name; before a new head or "các X" it splits
    ("Cục Tiền lương và Bảo hiểm xã hội chủ trì tổng hợp", ["Cục Tiền lương và Bảo hiểm xã hội"]),
    ("Sở Văn hóa và Thể thao chủ trì tổ chức", ["Sở Văn hóa và Thể thao"]),
    ("Văn phòng Trung ương Đảng và các văn phòng tỉnh uỷ, thành uỷ tiếp tục phát huy truyền thống",
     ["Văn phòng Trung ương Đảng", "các văn phòng tỉnh uỷ, thành uỷ"]),
    ("Sở Nội vụ và Công an tỉnh chủ trì", ["Sở Nội vụ", "Công an tỉnh"]),
    ("Bộ Tài chính và Bảo hiểm xã hội Việt Nam phối hợp", ["Bộ Tài chính", "Bảo hiểm xã hội Việt Nam"]),
    ("Văn phòng HĐND và UBND huyện tham mưu", ["Văn phòng HĐND và UBND huyện"]),
    # a head printed with a capital C in an old letter
    ("Tổng Cục Quản lý ruộng đất có nhiệm vụ hướng dẫn cụ thể", ["Tổng Cục Quản lý ruộng đất"]),
    # "Bộ phận" heads a body before a capitalised name only
    ("Bộ phận Một cửa các cấp thực hiện số hóa 100% hồ sơ", ["Bộ phận Một cửa các cấp"]),
    ("Bộ phận kế toán thực hiện", []),
    # "Ngoại giao" is a ministry's name, not the verb "giao"
    ("Bộ Ngoại giao chủ trì", ["Bộ Ngoại giao"]),
    # "Các Bộ, cơ quan: …": each name completes "Bộ", a name with its own head stays as printed,
    # and "Văn hóa, Thể thao và Du lịch" is one ministry
    ("Các Bộ, cơ quan: Tài chính, Văn hóa, Thể thao và Du lịch, Ngoại giao, Tập đoàn Điện lực Việt Nam theo "
     "chức năng, nhiệm vụ được giao khẩn trương rà soát",
     ["Bộ Tài chính", "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Ngoại giao", "Tập đoàn Điện lực Việt Nam"]),
    # a category whose members are named in brackets gives them; examples of a kind do not
    ("Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu Kinh tế Phú Yên, Ban Quản lý các Khu công nghiệp "
     "tỉnh): là đầu mối chủ trì",
     ["Sở Tài chính", "Ban quản lý Khu Kinh tế Phú Yên", "Ban Quản lý các Khu công nghiệp tỉnh"]),
    ("Các Bộ khác có máy móc về khai thác ảnh chụp bằng máy bay (Bộ Xây dựng, Bộ Thủy lợi, Tổng cục địa chất...) có "
     "trách nhiệm huy động máy móc", ["Các Bộ khác có máy móc về khai thác ảnh chụp bằng máy bay"]),
    # a generic word closing the sentence still goes on with the name before it
    ("Các cơ quan, đơn vị, địa phương.", ["Các cơ quan, đơn vị, địa phương"]),  # "Đơn vị chủ trì thực hiện: …"
    # a place word before a place's name opens a body of its own
    ("Thành phố Hồ Chí Minh, tỉnh Lâm Đồng đẩy nhanh việc lựa chọn nhà đầu tư", ["Thành phố Hồ Chí Minh", "tỉnh Lâm Đồng"]),
    # "các tỉnh" over the provinces' names: one body per province
    ("Các tỉnh Nghệ An, Quảng Ngãi, Cao Bằng khẩn trương hoàn thiện", ["tỉnh Nghệ An", "tỉnh Quảng Ngãi", "tỉnh Cao Bằng"]),
    ("Thành phố Hà Nội và các tỉnh Bắc Ninh, Gia Lai đẩy nhanh tiến độ", ["Thành phố Hà Nội", "tỉnh Bắc Ninh", "tỉnh Gia Lai"]),
    # holders of a legal role
    ("Chủ đầu tư phối hợp chặt chẽ với các đơn vị liên quan", ["Chủ đầu tư"]),
]


@pytest.mark.parametrize("text,expected", BODY_NAMES)
def test_body_names(text, expected):
    assert [b.name for b in bodies_in(text, 0, len(text), {})] == expected


@pytest.mark.parametrize("line", [
    "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố",
    "Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố",
])
def test_heading_name_ends_with_its_line(line):
    """A unit heading's last name is read on its own line, whatever the next line says."""
    text = line + "\na) Tập trung triển khai các nhiệm vụ, giải pháp."
    assert bodies_in(text, 0, len(line), {})[-1].name == "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố"


def test_unit_heading_ends_with_its_line():
    text = ("I. VỀ HOÀN THIỆN THỂ CHẾ\n\n2. Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các "
            "tỉnh, thành phố\n\nKhẩn trương rà soát, sửa đổi các quy định không phù hợp.")
    assert summary(text) == [("I.2", ["Bộ trưởng các Bộ", "Thủ trưởng cơ quan ngang bộ",
                                      "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố"])]


ROUND4_RULES = [
    # businesses charged by their kind, lower or upper case
    ("IV. PHÂN CÔNG NHIỆM VỤ\n13. Đề nghị các doanh nghiệp viễn thông (VNPT, Viettel, MobiFone và doanh nghiệp khác) "
     "bảo đảm thông tin liên lạc thông suốt.\n14. Doanh nghiệp, cộng đồng, tổ chức, cá nhân: Quan tâm, đăng ký hỗ trợ "
     "nhu yếu phẩm.",
     [("IV.13", ["các doanh nghiệp viễn thông"]), ("IV.14", ["Doanh nghiệp, cộng đồng, tổ chức, cá nhân"])]),
    # "(i)", "(ii)" items under a lead-in are tasks of their own
    ("1. Về Dự án Nhà máy điện\nb) Để làm tốt các nhiệm vụ sắp tới, đề nghị:\n(i) Tập đoàn Công nghiệp-Năng lượng "
     "quốc gia Việt Nam báo cáo Thủ tướng Chính phủ xem xét.\n(ii) Chủ đầu tư phối hợp chặt chẽ với các đơn vị liên "
     "quan hoàn thành nghiệm thu.",
     [("1.b.i", ["Tập đoàn Công nghiệp-Năng lượng quốc gia Việt Nam"]), ("1.b.ii", ["Chủ đầu tư"])]),
    # praise is no task
    ("a) Đánh giá cao những nỗ lực của Chủ đầu tư trong thời gian vừa qua, đã hoàn thành được một số mốc tiến độ.", []),
    # an item that is a full sentence with paragraphs after it is no "Đánh giá" heading
    ("2. Các sở, ban, ngành, địa phương:\na) Đánh giá sự phù hợp của dự án đầu tư với quy hoạch tỉnh.\n"
     "Khi đánh giá sự phù hợp của dự án đầu tư với quy hoạch tỉnh thì thực hiện đánh giá theo nội dung quy hoạch.\n"
     "b) Đánh giá sơ bộ về hiệu quả kinh tế - xã hội của dự án đầu tư.",
     [("2.a", ["Các sở, ban, ngành, địa phương"]), ("2.b", ["Các sở, ban, ngành, địa phương"])]),
    # a topic heading "Về …:" over paragraphs that each charge a body: one task each
    ("5. Về kiến nghị ban hành quy định về cơ chế quản lý các Chương trình mục tiêu quốc gia:\n"
     "Bộ Nông nghiệp và Môi trường khẩn trương chủ trì hoàn thiện Báo cáo trình Quốc hội.\n"
     "Bộ Tài chính khẩn trương hoàn thiện dự thảo Nghị định của Chính phủ.",
     [("5", ["Bộ Nông nghiệp và Môi trường"]), ("5", ["Bộ Tài chính"])]),
    # a plan that assigns its work in "Tổ chức thực hiện": a step elsewhere that opens with the
    # body doing it is a task; a quota line and a purpose item are not
    ("IV. PHƯƠNG PHÁP, CÁC BƯỚC\n3. Các bước đánh giá\n- Tổng hợp, báo cáo ở cấp thành phố\n"
     "+ Sở Nông nghiệp và Môi trường tổng hợp chung các mẫu biểu theo quy định.\n"
     "+ Định kỳ thu thập thông tin theo các mẫu biểu quy định.\n"
     "- Đoàn Kiểm tra giám sát bầu cử của tỉnh: Mỗi đoàn xét chọn 01 cá nhân/01 đoàn;\n"
     "VI. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\n- Tham mưu bố trí kinh phí thực hiện.",
     [("IV.3.-.+", ["Sở Nông nghiệp và Môi trường"]), ("VI.1.-", ["Sở Tài chính"])]),
    ("III. NỘI DUNG THI ĐUA\n2. Phương án triển khai\nb) Thực hiện mở tài khoản và phát hành thẻ: Ủy ban nhân dân "
     "xã, phường phối hợp với các Ngân hàng thương mại thực hiện mở tài khoản cho đối tượng.\n"
     "d) Kiểm tra, giám sát đánh giá trong quá trình triển khai các hoạt động thi đua;\n"
     "V. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế\na) Chủ trì triển khai, đôn đốc, kiểm tra việc thực hiện Kế hoạch.",
     [("III.2.b", ["Ủy ban nhân dân xã, phường"]), ("V.1.a", ["Sở Y tế"])]),
    # a paragraph opening with a condition stays inside the item it follows
    ("1. Các cơ quan đăng ký đầu tư:\nb) Tổ chức lấy ý kiến và xác định nội dung đề nghị có ý kiến.\n"
     "Trường hợp các cơ quan phối hợp thẩm định có ý kiến khác nhau, cơ quan chủ trì có trách nhiệm phối hợp xử lý.",
     [("1.b", ["Các cơ quan đăng ký đầu tư"])]),
    # the issuer's lead-in broken by the source over two paragraphs is still a lead-in
    ("Ủy ban nhân dân thành phố Cần Thơ ban hành Kế hoạch giám sát, đánh giá Chương trình năm 2025 (sau đây gọi tắt "
     "là\n\nChương trình), với nội dung cụ thể như sau:\n\nVI. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\n"
     "- Tham mưu bố trí kinh phí thực hiện.",
     [("VI.1.-", ["Sở Tài chính"])]),
    # a unit's name alone over a paragraph: the paragraph is the unit's task; a name list that goes
    # on below its line is no unit heading
    ("V. TỔ CHỨC THỰC HIỆN\n\n2. Sở Nội vụ\n\nPhối hợp Sở Y tế thẩm định, lập thủ tục xét trình Chủ tịch Ủy ban nhân "
     "dân thành phố tặng Bằng khen.",
     [("V.2", ["Sở Nội vụ"])]),
    ("I. MỤC ĐÍCH, YÊU CẦU\n2. Yêu cầu\nc) Các cơ quan, đơn vị, địa phương coi việc thực hiện Phong trào thi đua là "
     "nhiệm vụ chính trị.\nVI. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\n- Tham mưu bố trí kinh phí thực hiện.",
     [("VI.1.-", ["Sở Tài chính"])]),
]


@pytest.mark.parametrize("text,expected", ROUND4_RULES)
def test_round4_rules(text, expected):
    assert summary(text) == expected


def test_plan_time_heading_without_colon_binds_every_task():
    text = ("II. ĐỐI TƯỢNG, THỜI GIAN\n\n2. Thời gian thực hiện\n\nCông tác giám sát, đánh giá được tiến hành thường "
            "xuyên, liên tục trong năm 2025, sẽ có văn bản thông báo lịch giám sát.\nVI. TỔ CHỨC THỰC HIỆN\n"
            "1. Sở Nông nghiệp và Môi trường\n- Tổng hợp, tham mưu báo cáo cấp thẩm quyền.")
    assert deadlines_of(text) == [("VI.1.-", ["Sở Nông nghiệp và Môi trường"], "2025-12-31", True)]


@pytest.mark.parametrize("doc_type,expected", [
    # a công điện's every section orders work: its closing "TỔ CHỨC THỰC HIỆN" takes nothing away
    ("Công điện", [("I.1", ["Bộ trưởng Bộ Công Thương"]), ("II.1", ["Văn phòng Chính phủ"])]),
    # a plan's assignment section holds its tasks; its content sections give none
    ("Kế hoạch", [("II.1", ["Văn phòng Chính phủ"])]),
])
def test_assignment_section_only_in_plans(doc_type, expected):
    text = ("I. VỀ HOÀN THIỆN THỂ CHẾ\n1. Bộ trưởng Bộ Công Thương hoàn thành việc rà soát, bổ sung phương án cắt giảm.\n"
            "II. TỔ CHỨC THỰC HIỆN\n1. Văn phòng Chính phủ theo dõi, đôn đốc việc triển khai các nhiệm vụ nêu trên.")
    doc = make_doc(read_source(text.encode("utf-8"), name="letter.txt"))
    header = HeaderResult(document=Document(type=doc_type), body=(0, len(doc.text)))
    tasks = extract_tasks(doc, header, parse_structure(doc, header), extract_deadlines(doc, header), {})
    assert [(t.label, [a.name for a in t.assignees]) for t in tasks] == expected


def test_sentence_broken_over_several_paragraphs_is_read_whole():
    """A report broken by the source over three lines: the middle line's "Viễn thông Việt Nam, các
    cơ quan … chuẩn bị" is no subject of its own, the sentence is what the Thủ tướng đã ban hành."""
    text = ("Thủ tướng Chính phủ đã ban hành Công điện số 158/CĐ-TTg ngày 04 tháng 9 năm 2025 chỉ đạo các bộ, "
            "ngành, Tập đoàn Bưu chính\n\nViễn thông Việt Nam, các cơ quan, đơn vị liên quan chuẩn bị tổ chức lễ "
            "khánh thành nhân kỷ niệm 79 năm ngày toàn quốc kháng chiến\n\n(19/12/1946-19/12/2025) và chào mừng "
            "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng.")
    assert tasks_of(text) == []


def test_field_item_title_over_its_work_paragraph():
    """A titled item whose fields are sub-items: the paragraph under the title states the work."""
    text = ("III. NHIỆM VỤ, GIẢI PHÁP\n**9. Tổ chức nghiên cứu, học tập kinh nghiệm công tác xây dựng chính sách, pháp luật**\n\n"
            "Tham mưu, đề xuất tổ chức Đoàn của tỉnh hoặc tham gia các Đoàn của Bộ Tư pháp.\n"
            "- Đơn vị chủ trì: Sở Tư pháp.\n- Đơn vị phối hợp: Văn phòng UBND tỉnh.\n- Thời gian thực hiện: Hằng năm.")
    tasks = tasks_of(text)
    assert [(t.label, t.text, [a.name for a in t.assignees]) for t in tasks] == [
        ("III.9", "Tham mưu, đề xuất tổ chức Đoàn của tỉnh hoặc tham gia các Đoàn của Bộ Tư pháp.", ["Sở Tư pháp"])]


def test_unit_heading_left_open_goes_on_below():
    """A heading whose name the source broke after "trực thuộc" is no unit heading: the item's own
    line names the work's bodies and is the task's start."""
    text = ("Để bảo đảm công tác chuẩn bị tốt nhất cho sự kiện quan trọng này, Thủ tướng Chính phủ yêu cầu:\n"
            "1. Bộ trưởng, Thủ trưởng các cơ quan ngang Bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc"
            "\n\nTrung ương, Tổng giám đốc các Tập đoàn tiếp tục nâng cao tinh thần trách nhiệm.")
    tasks = tasks_of(text)
    assert [(t.label, t.text[:10], [a.name for a in t.assignees][:2]) for t in tasks] == [
        ("1", "Bộ trưởng,", ["Bộ trưởng", "Thủ trưởng các cơ quan ngang Bộ"])]
