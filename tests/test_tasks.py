"""Tasks: which items and sentences order work, who must do it (real phrasing), and a floor on
the development gold computed with extract.evaluate's own functions."""
from __future__ import annotations

from collections import defaultdict

import pytest

from extract.deadlines import extract_deadlines
from extract.evaluate import Tally, score_doc
from extract.header import HeaderResult
from extract.pipeline import make_doc
from extract.readers import read_source
from extract.schema import Document
from extract.structure import parse_structure
from extract.tasks import extract_tasks


def tasks_of(text: str, recipients: list[str] | None = None):
    doc = make_doc(read_source(text.encode("utf-8"), name="letter.txt"))
    header = HeaderResult(document=Document(recipients=recipients or []), body=(0, len(doc.text)))
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
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Tăng cường truyền thông, nâng cao nhận thức của toàn xã hội.",
    "1. Việc hợp nhất 03 Chương trình có ý nghĩa hết sức quan trọng.",
]


@pytest.mark.parametrize("text", NOT_TASKS)
def test_not_tasks(text):
    assert tasks_of(text) == []


def test_plan_tasks_come_from_its_assignment_section():
    text = ("III. NỘI DUNG, HÌNH THỨC\n1. Nội dung\n- Đổi mới, thúc đẩy hiệu quả phong trào thi đua.\n"
            "V. TỔ CHỨC THỰC HIỆN\n1. Sở Nông nghiệp và Môi trường\n- Chủ trì tham mưu, tổ chức triển khai thực hiện Kế hoạch này.")
    assert summary(text) == [("V.1.-", ["Sở Nông nghiệp và Môi trường"])]


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
