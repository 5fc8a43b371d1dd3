"""Names of bodies: recasing uppercase header text, expanding abbreviations, finding agency heads.
Cases are phrases printed in real letters."""
import pytest

from extract.bodies import agency_head_re, expand, fold, provinces, recase

RECASE = [
    ("ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG", "Ủy ban nhân dân tỉnh Kiên Giang"),
    ("BỘ TÀI CHÍNH", "Bộ Tài chính"),
    ("CỤC THUẾ", "Cục Thuế"),
    ("THUẾ TỈNH VĨNH LONG", "Thuế tỉnh Vĩnh Long"),
    ("VĂN PHÒNG CHÍNH PHỦ", "Văn phòng Chính phủ"),
    ("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ"),
    ("BAN TUYÊN GIÁO VÀ DÂN VẬN", "Ban Tuyên giáo và Dân vận"),
    ("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Bộ Văn hóa, Thể thao và Du lịch"),
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "Ủy ban nhân dân Thành phố Hồ Chí Minh"),
    ("HỘI ĐỒNG NHÂN DÂN TỈNH LAI CHÂU", "Hội đồng nhân dân tỉnh Lai Châu"),
    ("PHÓ CHÁNH VĂN PHÒNG", "Phó Chánh Văn phòng"),
    ("PHÓ TRƯỞNG THUẾ TỈNH", "Phó Trưởng Thuế tỉnh"),
    (
        "VỀ VIỆC ỦY QUYỀN CHO GIÁM ĐỐC SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG THỰC HIỆN NHIỆM VỤ TRONG LĨNH VỰC",
        "Về việc ủy quyền cho Giám đốc Sở Nông nghiệp và Môi trường thực hiện nhiệm vụ trong lĩnh vực",
    ),
    (
        "KẾT LUẬN CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ BÙI THANH SƠN TẠI BUỔI LÀM VIỆC VỚI LÃNH ĐẠO TỈNH PHÚ THỌ",
        "Kết luận của Phó Thủ tướng Chính phủ Bùi Thanh Sơn tại buổi làm việc với lãnh đạo tỉnh Phú Thọ",
    ),
    (
        "CHÀO MỪNG ĐẠI HỘI LẦN THỨ XIV CỦA ĐẢNG; CƠ SỞ DỮ LIỆU, BỘ MÁY, VI PHẠM",
        "Chào mừng đại hội lần thứ XIV của Đảng; cơ sở dữ liệu, bộ máy, vi phạm",
    ),
    ("CHỈ THỊ SỐ 32/CT-TTG NGÀY 21/10/2025 VỀ CCHC", "Chỉ thị số 32/CT-TTG ngày 21/10/2025 về CCHC"),
    ("TRÊN ĐỊA BÀN THÀNH PHỐ CẦN THƠ NĂM 2025", "Trên địa bàn thành phố Cần Thơ năm 2025"),
    ("CÁC TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG", "Các tỉnh, thành phố trực thuộc Trung ương"),
    ("đối với UBND huyện Kiên Lương", "Đối với UBND huyện Kiên Lương"),  # mixed case kept as printed
]


@pytest.mark.parametrize("upper, expected", RECASE)
def test_recase(upper, expected):
    assert recase(upper) == expected


EXPAND = [
    ("Chủ tịch UBND huyện Kiên Lương", None, "Chủ tịch Ủy ban nhân dân huyện Kiên Lương"),
    ("Sở TN&MT", None, "Sở Tài nguyên và Môi trường"),
    ("CT và các PCT UBND tỉnh", None, "Chủ tịch và các Phó Chủ tịch Ủy ban nhân dân tỉnh"),
    ("UBND TP Hà Nội", None, "Ủy ban nhân dân thành phố Hà Nội"),
    ("Sở VHTTDL", None, "Sở Văn hóa, Thể thao và Du lịch"),
    ("công tác CCHC", {"CCHC": "cải cách hành chính"}, "công tác cải cách hành chính"),
    ("Quyết định số 925/QĐ-UBND", None, "Quyết định số 925/QĐ-UBND"),  # symbols are not names
]


@pytest.mark.parametrize("name, letter_abbreviations, expected", EXPAND)
def test_expand(name, letter_abbreviations, expected):
    assert expand(name, letter_abbreviations) == expected


HEADS = [
    ("Giao Sở Tài chính chủ trì", [("Sở", "body")]),
    ("Phó Chủ tịch UBND tỉnh", [("Phó Chủ tịch", "title"), ("UBND", "body")]),
    ("Ủy ban nhân dân các xã, phường", [("Ủy ban nhân dân", "body")]),
    ("Bộ trưởng Bộ Xây dựng", [("Bộ trưởng", "title"), ("Bộ", "body")]),
    ("Chánh Văn phòng Ủy ban nhân dân tỉnh", [("Chánh Văn phòng", "title"), ("Ủy ban nhân dân", "body")]),
    ("cơ sở dữ liệu cán bộ", []),  # "sở", "bộ" inside words of running text are no heads
]


@pytest.mark.parametrize("text, expected", HEADS)
def test_agency_head_re(text, expected):
    assert [(m.group(), m.lastgroup) for m in agency_head_re().finditer(text)] == expected


def test_fold_and_provinces():
    assert fold("ỦY BAN NHÂN DÂN Tỉnh Đắk Lắk") == "uy ban nhan dan tinh dak lak"
    names = provinces()
    assert len(set(names[:34])) == 34  # the provinces and cities since 12 June 2025
    assert {"Kiên Giang", "Thừa Thiên Huế", "Hà Nội"} <= set(names)
