"""Deadlines: every printed form of a time limit, from real phrasing, and the dev-gold floor."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from extract.dates import add_duration
from extract.deadlines import (
    closing_deadline, deadlines_in, extract_deadlines, find_limits, letter_date, period_deadline,
    to_task_deadline,
)
from extract.document import Doc, RawText
from extract.evaluate import Tally, date_of, listify, match_sets
from extract.header import HeaderResult
from extract.normalize import normalize
from extract.offsets import OffsetMap
from extract.schema import Document, Source


def make(text: str, date: str | None = "2025-11-20") -> tuple[Doc, HeaderResult]:
    doc = Doc(raw=RawText(text=text, source=Source(sha256="0", format="txt")), text=text,
              to_raw=OffsetMap.identity(len(text)))
    return doc, HeaderResult(document=Document(date=date), body=(0, len(text)))


def limits(text: str, date: str | None = "2025-11-20"):
    return extract_deadlines(*make(text, date))


# (phrase as printed in a real letter, letter date, expected (date, kind, recurrence) of each limit)
CASES = [
    # absolute dates, every printed form
    ("báo cáo kết quả chỉ đạo thực hiện về UBND tỉnh (qua Sở Nội vụ) chậm nhất là ngày 29/12/2020.",
     "2020-12-22", [("2020-12-29", "absolute", None)]),
    ("rà soát tất cả các công trình khai thác nước dưới đất trên địa bàn, hoàn thành trước ngày 31/12/2025",
     "2025-11-18", [("2025-12-31", "absolute", None)]),
    ("phạm vi cầu vượt ngang trên đường ĐT.770B trước ngày 30 tháng 11 năm 2025.",
     "2025-11-20", [("2025-11-30", "absolute", None)]),
    ("gửi về Bộ Nội vụ trước ngày 26/11/2025 để tổng hợp", "2025-11-21", [("2025-11-26", "absolute", None)]),
    ("gửi Văn phòng Chính phủ trước 17 giờ ngày 27/11/2025 để tổng hợp", "2025-11-27",
     [("2025-11-27", "absolute", None)]),
    ("hoàn thành chậm nhất trước ngày 31/01/2026;", "2025-11-30", [("2026-01-31", "absolute", None)]),
    ("Yêu cầu hoàn thiện gửi Văn phòng Ủy ban nhân dân trước ngày 24/5/2019.", "2019-05-24",
     [("2019-05-24", "absolute", None)]),
    ("Thời hạn ban hành: trước ngày 01 tháng 01 năm 2026.", "2025-11-29", [("2026-01-01", "absolute", None)]),
    # a date without a year takes the letter's year, the next one when it has passed
    ("gửi báo cáo về Bộ Xây dựng chậm nhất ngày 10 tháng 12 để tổng hợp", "2025-11-20",
     [("2025-12-10", "absolute", None)]),
    ("gửi hồ sơ về Sở Nội vụ trước ngày 15/01 để tổng hợp", "2025-12-20", [("2026-01-15", "absolute", None)]),
    # months, quarters, halves, years: the last day of the period
    ("báo cáo cấp có thẩm quyền những vấn đề vượt thẩm quyền (nếu có) trong tháng 11 năm 2025.",
     "2025-11-24", [("2025-11-30", "month", None)]),
    ("Hoàn thành, báo cáo kết quả Ủy ban nhân dân tỉnh (qua Công an tỉnh) trong tháng 11/2025.",
     "2025-11-20", [("2025-11-30", "month", None)]),
    ("Thời gian hoàn thành: Tháng 11 - 12/2025.", "2025-11-21", [("2025-12-31", "month", None)]),
    ("báo cáo Thủ tướng Chính phủ trong quý I năm 2026.", "2025-11-18", [("2026-03-31", "quarter", None)]),
    ("Hoàn thành trong quý III/2020.", "2020-05-04", [("2020-09-30", "quarter", None)]),
    ("các nhiệm vụ chủ yếu phải thực hiện trong 6 tháng đầu năm 2026", "2025-12-10",
     [("2026-06-30", "month", None)]),
    ("để có thể hoàn thành Dự án thành phần 1 thuộc Dự án cao tốc Biên Hòa - Vũng Tàu trong năm 2025, bảo đảm",
     "2025-11-20", [("2025-12-31", "year", None)]),
    ("- Thời gian thực hiện: Năm 2026 và các năm tiếp theo.", "2025-11-18", [("2026-12-31", "year", None)]),
    ("3. Thời gian thực hiện:\nTừ nay đến hết năm 2025.", "2025-11-19", [("2025-12-31", "year", None)]),
    ("b) Thời gian hỗ trợ: Từ nay đến hết ngày 31 tháng 12 năm 2025.", "2025-11-25",
     [("2025-12-31", "absolute", None)]),
    ("Thời hạn hoàn thành: Từ ngày 01/01/2026 đến ngày 31/3/2026.", "2025-11-21", [("2026-03-31", "absolute", None)]),
    ("vi phạm phân vùng môi trường trước năm 2030.", "2025-11-19", [("2029-12-31", "year", None)]),
    ("phê duyệt quy hoạch cán bộ cấp mình quản lý chậm nhất tháng 6.", "2025-11-21", [("2026-06-30", "month", None)]),
    # relative limits: resolved against the letter's date when anchored on it
    ("báo cáo Ủy ban nhân dân tỉnh trong thời hạn 10 ngày kể từ ngày ký.", "2025-11-20",
     [("2025-11-30", "relative", None)]),
    ("Thời hạn chậm nhất 05 ngày làm việc kể từ ngày ban hành Quyết định này.", "2025-11-20",
     [("2025-11-27", "relative", None)]),
    ("trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản đề nghị", "2025-11-18",
     [(None, "relative", None)]),
    ("Thời hạn chậm nhất 05 ngày làm việc kể từ ngày ban hành Quyết định công bố", "2025-11-18",
     [(None, "relative", None)]),
    # recurring limits: RRULE, date null unless pinned
    ("Báo cáo Thủ tướng Chính phủ kết quả thực hiện nhiệm vụ của các bộ, ngành trước ngày 20 hằng tháng.",
     "2025-11-18", [(None, "recurring", "FREQ=MONTHLY;BYMONTHDAY=20")]),
    ("mẫu báo cáo hàng tuần trước 15:00 ngày thứ Sáu hàng tuần và theo dõi", "2025-11-26",
     [(None, "recurring", "FREQ=WEEKLY;BYDAY=FR;BYHOUR=15;BYMINUTE=0")]),
    ("kịp thời báo cáo Thủ tướng Chính phủ vào 15:00 ngày Chủ nhật hàng tuần để kịp thời chỉ đạo", "2025-11-26",
     [(None, "recurring", "FREQ=WEEKLY;BYDAY=SU;BYHOUR=15;BYMINUTE=0")]),
    ("tổng hợp báo cáo Ủy ban nhân dân tỉnh trước ngày 25/12 hàng năm.", "2025-11-25",
     [(None, "recurring", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25")]),
    ("b) Định kỳ hằng năm (trước ngày 15 tháng 12) báo cáo kết quả về Ủy ban nhân dân thành phố", "2025-11-17",
     [(None, "recurring", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15")]),
    ("1.1. Trước ngày 31 tháng 7 của năm xét tặng, Cục Quản lý Y, Dược cổ truyền", "2025-11-24",
     [(None, "recurring", "FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=31")]),
    ("đăng tải file word vào ngày 15 của tháng trước đó trên App Thông tin Tuyên giáo", "2025-11-19",
     [(None, "recurring", "FREQ=MONTHLY;BYMONTHDAY=15")]),
    # a yearly limit whose first year the letter names ("từ năm 2025") is pinned
    ("V/v hướng dẫn đánh giá, xếp loại trung tâm học tập cộng đồng từ năm 2025\ngửi kết quả về Sở Giáo dục và "
     "Đào tạo, hạn cuối ngày 15 tháng 12 hàng năm", "2025-11-28",
     [("2025-12-15", "recurring", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15")]),
    # not limits: events, periods of events, descriptions, past limits, conditions, citations
    ("Treo cờ Tổ quốc từ ngày 10/5/2026 đến hết ngày 14/5/2026.", "2026-05-05", []),
    ("Thời hạn ủy quyền: kể từ ngày Quyết định này có hiệu lực thi hành đến hết ngày 28/02/2027.", "2025-11-20", []),
    ("Trong tháng 11 năm 2025, do mưa, lũ lớn tại khu vực Trung Bộ đã xảy ra tình trạng ngập lụt", "2025-11-21", []),
    ("V/v: động lực tăng trưởng kinh tế trong những tháng cuối năm 2025", "2025-11-17", []),
    ("cập nhật dữ liệu đội ngũ cán bộ, công chức, viên chức trước ngày 30 tháng 10 năm 2025 theo Công văn",
     "2025-11-28", []),
    ("Từ nay đến ngày 19 tháng 12 năm 2025 chỉ còn 01 tháng, thời gian rất gấp", "2025-11-20", []),
    ("được thông qua hoặc ban hành và có hiệu lực trước ngày 01 tháng 3 năm 2027 thì các quy định", "2025-07-01", []),
    ("Căn cứ Kế hoạch số 325/KH-UBND trước ngày 03/12/2025 của UBND Thành phố", "2025-11-20", []),
    ("đánh giá kết quả thực hiện trong năm 2025 của các đơn vị", "2025-11-20", []),
    ("Thời gian thực hiện: từ tháng 10/2025 đến khi tổ chức thành công Đại hội", "2025-11-18", []),
]


@pytest.mark.parametrize("text,date,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_deadline_forms(text, date, expected):
    got = [(d.date, d.kind, d.recurrence) for d in limits(text, date)]
    assert got == expected


def test_bare_cells_of_a_time_column_are_limits():
    text = ("PHỤ LỤC\nTT\nTên nhiệm vụ\nCơ quan chủ trì\nThời gian hoàn thành\n4\n"
            "Xây dựng Bộ tiêu chí đánh giá mức độ chuyển đổi số doanh nghiệp.\nSở KH&CN\nQuí IV-2025\n"
            "5\nPhối hợp rà soát, sửa đổi Luật Quy hoạch\nSở Tài chính\nNăm 2025 - 2026\n"
            "PHỤ LỤC II\nChỉ tiêu\nNăm 2027\n")
    assert [(d.date, d.text) for d in limits(text, "2025-12-01")] == [
        ("2025-12-31", "Quí IV-2025"), ("2026-12-31", "Năm 2025 - 2026")]  # a statistics column is not


def test_text_and_span_are_the_words_that_set_the_limit():
    text = "Yêu cầu Chủ tịch UBND huyện báo cáo kết quả chậm nhất là ngày 29/12/2020."
    (d,) = limits(text, "2020-12-22")
    assert d.text == "chậm nhất là ngày 29/12/2020"
    assert text[d.span[0]:d.span[1]] == d.text


def test_each_distinct_date_once_and_every_occurrence_for_tasks():
    text = ("2. Bộ Tài chính báo cáo cấp có thẩm quyền trong tháng 11 năm 2025.\n"
            "3. Bộ Nội vụ báo cáo cấp có thẩm quyền trong tháng 11 năm 2025.")
    doc, header = make(text, "2025-11-24")
    assert [d.date for d in extract_deadlines(doc, header)] == ["2025-11-30"]
    every = find_limits(doc, header)
    assert len(every) == 2
    second = (text.index("3."), len(text))
    (inside,) = deadlines_in(every, second)
    assert inside.span[0] > second[0]
    assert to_task_deadline(inside, inherited=True).inherited


def test_closing_deadline_applies_to_the_whole_letter():
    text = ("1. Chỉ đạo Phòng Nội vụ tăng cường kiểm tra.\n"
            "2. Rà soát, hoàn thành trước ngày 26/12/2020.\n"
            "Yêu cầu Chủ tịch UBND huyện chỉ đạo thực hiện các nội dung nêu trên; báo cáo kết quả chậm nhất "
            "là ngày 29/12/2020.\nNơi nhận:")
    doc, header = make(text, "2020-12-22")
    closing = closing_deadline(doc, header, extract_deadlines(doc, header))
    assert closing is not None and closing.date == "2020-12-29"


def test_closing_deadline_of_a_plan_is_its_implementation_period():
    text = "II. YÊU CẦU\n3. Thời gian thực hiện:\nTừ nay đến hết năm 2025.\nIII. NỘI DUNG\n1. Sở Y tế: trước ngày 10/12/2025."
    doc, header = make(text, "2025-11-19")
    assert closing_deadline(doc, header, extract_deadlines(doc, header)).date == "2025-12-31"


def test_a_limit_inside_a_numbered_item_is_not_the_closing_one():
    text = "1.1. Cập nhật dữ liệu vào Cơ sở dữ liệu quốc gia trước ngày 06 tháng 12 năm 2025.\nĐề nghị các cơ quan khẩn trương triển khai."
    doc, header = make(text, "2025-11-28")
    assert closing_deadline(doc, header, extract_deadlines(doc, header)) is None


def test_a_plan_time_heading_without_colon_sets_the_limit_of_its_paragraph():
    doc, header = make("2. Thời gian thực hiện\nCông tác giám sát, đánh giá được tiến hành thường xuyên, liên tục "
                       "trong năm 2025, sẽ có văn bản thông báo lịch giám sát.\n3. Thành phần\nCác sở, ngành.")
    assert closing_deadline(doc, header, extract_deadlines(doc, header)).date == "2025-12-31"


def test_per_item_time_lines_are_not_the_plans_limit():
    text = ("1. Rà soát văn bản.\nThời gian thực hiện: Thường xuyên.\n"
            "2. Cập nhật cơ sở dữ liệu.\nThời gian thực hiện: Tháng 12/2025.\nNơi nhận:")
    doc, header = make(text, "2025-11-20")
    deadlines = extract_deadlines(doc, header)
    assert [d.date for d in deadlines] == ["2025-12-31"]
    assert closing_deadline(doc, header, deadlines) is None


def test_a_yearly_rule_is_pinned_only_by_the_subject():
    text = ("V/v báo cáo kết quả\nKính gửi: Các sở, ban, ngành\nTriển khai từ năm 2026 và thực hiện thường xuyên.\n"
            "Hàng năm, trước ngày 25 tháng 12, các cơ quan gửi báo cáo.")
    assert [(d.date, d.recurrence) for d in limits(text, "2025-11-19")] == [
        (None, "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25")]


@pytest.mark.parametrize("head,expected", [
    ("ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG\nSố: 1795 /UBND-NC\nKiên Giang, ngày 22 tháng 12 năm 2020\nV/v tiếp tục", "2020-12-22"),
    # an unsigned copy: the latest document its "Căn cứ"/"Theo đề nghị" lines cite in that year
    ("Số: /QĐ-UBND Hà Nội, ngày tháng năm 2026\nQUYẾT ĐỊNH\nCăn cứ Thông báo số 212-TB/TU ngày 23/01/2026;\n"
     "Theo đề nghị của Sở Xây dựng tại Tờ trình số 191/TTr-SXD ngày 10/4/2026;", "2026-04-10"),
    ("NGHỊ QUYẾT\nĐiều 3. Nghị quyết này đã được Hội đồng nhân dân tỉnh thông qua ngày 13 tháng 7 năm 2017.", "2017-07-13"),
])
def test_letter_date_falls_back_to_the_printed_header(head, expected):
    doc, header = make(head, None)
    assert letter_date(doc, header) == dt.date.fromisoformat(expected)


@pytest.mark.parametrize("start,count,unit,expected", [
    ("2025-11-20", 10, "day", "2025-11-30"),
    ("2025-11-20", 5, "workday", "2025-11-27"),  # Thursday + 5 working days skips the weekend
    ("2025-11-28", 1, "workday", "2025-12-01"),  # Friday + 1 working day is Monday
    ("2025-01-31", 1, "month", "2025-02-28"),
])
def test_add_duration(start, count, unit, expected):
    assert add_duration(dt.date.fromisoformat(start), count, unit).isoformat() == expected


def test_dev_gold_deadlines_floor(corpus, gold_letters):
    """The scorer's deadlines group (distinct dates per letter) on the dev gold, computed with
    extract.evaluate's functions on this module's output, the letter's date read from the text."""
    from extract.readers import read_source

    tally = Tally()
    for name, gold in gold_letters.items():
        raw = read_source(corpus / "texts" / f"{name}.txt")
        normalised = normalize(raw.text)
        doc = Doc(raw=raw, text=normalised.text, to_raw=normalised.to_raw)
        header = HeaderResult(document=Document(), body=(0, len(doc.text)))  # the date read by letter_date
        gold_dates = sorted({date_of(d) for d in listify(gold.get("deadlines")) if date_of(d)})
        pred_dates = sorted({d.date for d in extract_deadlines(doc, header) if d.date})
        tp, fp, fn, _ = match_sets(gold_dates, pred_dates, lambda a, b: a == b)
        tally.add(tp, fp, fn)
    assert tally.f1() >= 0.90, json.dumps(tally.as_dict())


def test_dev_gold_recurring_rules(corpus, gold_letters):
    """Every recurring rule of the dev gold is found with its RRULE."""
    from extract.readers import read_source

    for name, gold in gold_letters.items():
        rules = {d["recurrence"] for d in listify(gold.get("deadlines")) if isinstance(d, dict) and d.get("recurrence")}
        if not rules:
            continue
        raw = read_source(corpus / "texts" / f"{name}.txt")
        normalised = normalize(raw.text)
        doc = Doc(raw=raw, text=normalised.text, to_raw=normalised.to_raw)
        header = HeaderResult(document=Document(date=gold["document"].get("date")), body=(0, len(doc.text)))
        found = {d.recurrence for d in extract_deadlines(doc, header)}
        assert rules <= found, name


# --- rules added from the blind-annotated letters and the project's samples ----------------------

GENERAL_CASES = [
    # a shorter limit word inside a longer one that found no time: "hoàn thành trong" + "trong thời hạn …"
    ("trình phê duyệt giá đất cụ thể; hoàn thành trong thời hạn 10 ngày kể từ ngày ký Thông báo này.",
     "2025-11-21", [("2025-12-01", "relative", None)]),
    # a quarter "of the year" named by its role is a yearly rule, not this year's quarter
    ("c) Trong quý I của năm liền kề đánh giá, Sở Nội vụ chủ trì", "2025-11-20",
     [(None, "recurring", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=-1")]),
    # a yearless half already over is the half just past, a narrative, not next year's
    ("Trong 6 tháng đầu năm được sự chỉ đạo tập trung, quyết liệt của Tỉnh ủy", "2017-07-10", []),
    # publishing results is work with a limit, not a description of results
    ("nâng cao chất lượng các cơ sở dữ liệu trên phạm vi toàn quốc; công bố kết quả trong năm 2026.",
     "2025-11-16", [("2026-12-31", "year", None)]),
    # a date that conditions a rule ("đã được cấp trước ngày …") is no limit
    ("Giấy chứng nhận điều kiện vệ sinh thú y đã được cấp trước ngày 01/7/2016 mà chưa hết thời hạn",
     "2016-06-01", []),
    # a scenario's horizon and the state of a problem are no limits
    ("Xây dựng kịch bản thúc đẩy tăng trưởng từ nay đến hết năm 2025; giao nhiệm vụ cụ thể cho từng khu vực.",
     "2025-11-20", []),
    ("sẽ được xử lý trong các văn bản Luật; tiếp tục được xử lý trong năm 2025 và chuyển sang năm 2026.",
     "2025-11-20", []),
]


@pytest.mark.parametrize("text,date,expected", GENERAL_CASES, ids=[c[0][:40] for c in GENERAL_CASES])
def test_general_deadline_forms(text, date, expected):
    assert [(d.date, d.kind, d.recurrence) for d in limits(text, date)] == expected


def test_a_publication_column_is_a_time_column_and_its_own_cells_read_as_printed():
    """A schedule the letter issues ("Thời gian phổ biến" over "Tháng 6/2026") gives limits, a month
    printed before the letter's date included; a follow-up table that cites earlier notices quotes
    their limits, so its past dates are left out."""
    own = ("LỊCH PHỔ BIẾN THÔNG TIN THỐNG KÊ NĂM 2026\nSTT\nTên thông tin thống kê\nThời gian phổ biến\n"
           "1\nSố đơn vị hành chính\nChính thức\nTháng 6/2025\n2\nSố vụ tai nạn lao động\nChính thức\nTháng 3/2026\n")
    assert [d.date for d in limits(own, "2025-11-26")] == ["2025-06-30", "2026-03-31"]
    quoting = ("PHỤ LỤC\nNhiệm vụ\nCơ quan chủ trì\nThời hạn hoàn thành\nThông báo số 44-TB/TGV ngày 12/9/2025\n"
               "Bộ Tài chính\n31/05/2025\nBộ Khoa học và Công nghệ\n31/12/2025\n")
    assert [d.date for d in limits(quoting, "2025-11-16")] == ["2025-12-31"]


def segmented(text: str, date: str) -> tuple[Doc, HeaderResult]:
    """A Doc cut into sentences as the pipeline cuts it."""
    from extract.pipeline import make_doc

    doc = make_doc(RawText(text=text, source=Source(sha256="0", format="txt")))
    return doc, HeaderResult(document=Document(date=date), body=(0, len(doc.text)))


@pytest.mark.parametrize("closing,date,expected", [
    # the addressees are charged with the letter's content, then report by a date: every item's limit
    ("Yêu cầu Giám đốc các Sở, Chủ tịch UBND các huyện nghiêm túc triển khai thực hiện các nội dung nêu trên; "
     "báo cáo kết quả về UBND tỉnh (qua Văn phòng UBND tỉnh) trước ngày 15/6/2025 để tổng hợp./.", "2025-03-18",
     "2025-06-15"),
    # one body follows the letter up and reports: its report's date only
    ("Giám đốc các sở, Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm thi hành Chỉ thị này. Giao Sở "
     "Nông nghiệp và Môi trường theo dõi, đôn đốc, kiểm tra việc thực hiện; báo cáo Chủ tịch Ủy ban nhân dân "
     "tỉnh kết quả thực hiện Chỉ thị trước ngày 15/9/2026./.", "2026-01-10", None),
    # a report on the letter's results, with no charge to carry it out: the report's date only
    ("Các sở, ban, ngành, Ủy ban nhân dân phường, xã gửi báo cáo kết quả thực hiện Công văn này về Sở Nội vụ "
     "trước ngày 16 tháng 12 năm 2025 để tổng hợp./.", "2025-11-20", None),
    # an article's own limit, though its sentence names "Quyết định này"
    ("Điều 2. Sở Văn hóa, Thể thao và Du lịch có trách nhiệm xây dựng các quy trình được công bố tại Quyết "
     "định này. Hoàn thành trước ngày 28/11/2025.", "2025-11-20", None),
])
def test_which_closing_sentences_set_every_items_limit(closing, date, expected):
    text = f"1. Rà soát, cập nhật dữ liệu.\n2. Tăng cường kiểm tra.\n{closing}\nNơi nhận:\n- Như trên;"
    doc, header = segmented(text, date)
    found = closing_deadline(doc, header, extract_deadlines(doc, header))
    assert (found.date if found else None) == expected


def test_letter_date_of_a_headerless_digest_is_no_limit_it_sets():
    text = ("UBND tỉnh nhận được Công văn số 6544/BKHĐT-KHGDTNMT ngày 18/9/2018 của Bộ Kế hoạch và Đầu tư.\n"
            "Giao Sở Kế hoạch và Đầu tư tham gia ý kiến. Yêu cầu hoàn thiện gửi ý kiến tham gia về Bộ Kế hoạch "
            "và Đầu tư trước ngày 28/9/2018.")
    doc, header = make(text, None)
    assert letter_date(doc, header) == dt.date(2018, 9, 18)
    assert [d.date for d in extract_deadlines(doc, header)] == ["2018-09-28"]


# --- round 2: periods of work, terms counted from the letter, limits listed under a label ---------

PERIOD_CASES = [
    # a term with no anchor, in a sentence that ties the work to the letter itself: from its date
    # (Monday 01/12/2025 + 3 working days)
    ("Điều 2. Giao Sở Y tế chủ trì, phối hợp với các đơn vị liên quan căn cứ Quyết định này, trong thời "
     "hạn 03 ngày làm việc công khai các TTHC trên cơ sở dữ liệu quốc gia về TTHC", "2025-12-01",
     [("2025-12-04", "relative", None)]),
    # ... while a procedure's term, counted from an application the letter does not date, is none
    ("Trong thời hạn 05 ngày làm việc cơ quan có thẩm quyền công nhận trả lời tổ chức về tính hợp lệ của "
     "hồ sơ.", "2025-11-20", []),
    # the period a campaign is carried out in ends the work
    ("3. Thời gian tổ chức phong trào thi đua: Phong trào thi đua cao điểm được triển khai thực hiện từ tháng "
     "10 năm 2025 đến hết tháng 3 năm 2026. Tổng kết vào tháng 4 năm 2026.", "2025-11-18",
     [("2026-03-31", "month", None)]),
    # a range of years as a label's value ends with its last year
    ("- Thời gian thực hiện: năm 2026 - 2027.", "2025-11-29", [("2027-12-31", "year", None)]),
    # "thường xuyên, liên tục" in a period of work does not make it a description
    ("- Thời gian thực hiện: thường xuyên, liên tục trong năm 2025.", "2025-11-20", [("2025-12-31", "year", None)]),
    # a heading's period is a limit; the same period naming a program in a sentence is not
    ("2. Về nhiệm vụ trọng tâm từ nay đến tháng 6/2027", "2025-12-05", [("2027-06-30", "month", None)]),
    ("nhất là các nhiệm vụ trọng tâm nêu trong phương hướng, nhiệm vụ từ nay đến tháng 6/2027.", "2025-12-05", []),
    # "Đối với … trong năm 2025," names which items are meant
    ("2. Đối với các nhiệm vụ triển khai trong năm 2025, các bộ, cơ quan, đơn vị, địa phương chủ động bố "
     "trí trong nguồn ngân sách nhà nước", "2025-11-29", []),
]


@pytest.mark.parametrize("text,date,expected", PERIOD_CASES, ids=[c[0][:40] for c in PERIOD_CASES])
def test_periods_of_work_and_unanchored_terms(text, date, expected):
    assert [(d.date, d.kind, d.recurrence) for d in limits(text, date)] == expected


def test_limits_listed_under_a_label_are_each_a_limit():
    text = ("Thời gian hoàn thành công việc nói trên ở các vùng trong nước được quy định như sau:\n"
            "- Vùng đồng bằng sông Cửu Long: cuối năm 1982;\n"
            "- Vùng Đông Nam bộ, Tây nguyên, ven biển miền Trung: cuối năm 1983;\n"
            "- Các vùng khác (phía Bắc): cuối năm 1984.\n"
            "2. Căn cứ vào kết quả của công tác nói trên, cần lập hồ sơ ruộng đất.\n"
            "- Cấp tỉnh: cuối năm 1985.")  # a dash item past the list is no value of the label
    assert [(d.date, d.text) for d in limits(text, "1980-11-10")] == [
        ("1982-12-31", "Vùng đồng bằng sông Cửu Long: cuối năm 1982"),
        ("1983-12-31", "Vùng Đông Nam bộ, Tây nguyên, ven biển miền Trung: cuối năm 1983"),
        ("1984-12-31", "Các vùng khác (phía Bắc): cuối năm 1984"),
    ]


def test_a_label_naming_the_work_sets_the_plans_period_and_a_submission_label_does_not():
    text = ("II. NỘI DUNG\n3. Thời gian tổ chức phong trào thi đua: Phong trào thi đua cao điểm được triển khai "
            "thực hiện từ tháng 10 năm 2025 đến hết tháng 3 năm 2026.\nV. HỒ SƠ\n2. Thời gian trình khen thưởng:\n"
            "Hồ sơ gửi về Sở Nội vụ trước ngày 15/3/2026 để tổng hợp.\nVI. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ: theo dõi.")
    doc, header = make(text, "2025-11-18")
    assert closing_deadline(doc, header, extract_deadlines(doc, header)).date == "2026-03-31"


@pytest.mark.parametrize("lead,date,expected", [
    # a heading's period of work, inherited by the items under it
    ("2. Về nhiệm vụ trọng tâm từ nay đến tháng 6/2027", "2025-12-05", "2027-06-30"),
    # a lead-in's period: an open period ends with its first period
    ("Đề nghị Thường trực Tỉnh ủy tập trung lãnh đạo, chỉ đạo, tập trung thực hiện các nhiệm vụ, giải pháp trên "
     "các lĩnh vực trong 02 tháng cuối năm 2025 và những tháng đầu năm 2026 theo tinh thần chỉ đạo của Thủ tướng "
     "Chính phủ; trong đó lưu ý một số nội dung trọng tâm sau:", "2025-11-20", "2025-12-31"),
    # a day the list aims at is no period its items inherit
    ("2. Để đảm bảo chất lượng, tiến độ hoàn thành 02 công trình dự án, phấn đấu hoàn thành xây dựng trước ngày "
     "30 tháng 11 năm 2025 theo đúng chỉ đạo của Chính phủ, đề nghị các cơ quan thực hiện các nội dung sau:",
     "2025-11-10", None),
    # a report the lead-in asks for dates the report only
    ("Đề nghị các sở, ngành triển khai các nội dung sau, tổng hợp báo cáo kết quả trong tháng 12 năm 2025:",
     "2025-11-20", None),
])
def test_the_period_a_heading_or_lead_in_sets_for_its_items(lead, date, expected):
    text = f"{lead}\n1. Tăng cường kiểm tra.\n2. Rà soát, cập nhật dữ liệu."
    doc, header = make(text, date)
    found = period_deadline(doc, header, (0, len(lead)))
    assert (found.date if found else None) == expected
    assert period_deadline(doc, header, (len(lead) + 1, len(text))) is None  # the items print none


ANNOTATED = ["159", "231", "091", "211", "072", "262", "136", "095", "205", "331", "181", "220", "039", "401",
             "412", "070", "074", "381", "128", "066", "174", "195", "291", "219", "405", "069", "197", "185",
             "058", "153", "380", "055", "170", "142"]  # the project's annotated letters (sets AC and DE)


def test_project_annotations_deadlines_floor(corpus):
    """The scorer's deadlines group on the project's annotated letters, the header's date read
    by letter_date from the text."""
    from pathlib import Path

    from extract.readers import read_source

    annotations = Path(__file__).resolve().parent.parent / "corpus" / "annotations"
    tally = Tally()
    for name in ANNOTATED:
        gold = json.loads((annotations / f"{name}.gold.json").read_text(encoding="utf-8"))
        raw = read_source(corpus / "texts" / f"{name}.txt")
        normalised = normalize(raw.text)
        doc = Doc(raw=raw, text=normalised.text, to_raw=normalised.to_raw)
        header = HeaderResult(document=Document(), body=(0, len(doc.text)))
        gold_dates = sorted({date_of(d) for d in listify(gold.get("deadlines")) if date_of(d)})
        pred_dates = sorted({d.date for d in extract_deadlines(doc, header) if d.date})
        tally.add(*match_sets(gold_dates, pred_dates, lambda a, b: a == b)[:3])
    assert tally.f1() >= 0.95, json.dumps(tally.as_dict())
