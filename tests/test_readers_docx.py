"""DOCX reader: paragraphs and header tables in document order; .doc needs LibreOffice; damage."""
from __future__ import annotations

import io
import shutil

import pytest

from extract.errors import DamagedFile, MissingTool
from extract.normalize import normalize
from extract.readers import read_source


def _letter_docx() -> bytes:
    import docx

    document = docx.Document()
    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    header.cell(1, 0).text = "Số: 45/KH-UBND"
    header.cell(1, 1).text = "An Giang, ngày 12 tháng 3 năm 2025"
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Căn cứ Quyết định số 925/QĐ-UBND ngày 05 tháng 6 năm 2024 của Ủy ban nhân dân tỉnh;")
    document.add_paragraph("")
    schedule = document.add_table(rows=1, cols=3)
    for k, text in enumerate(["1", "Sở Tài chính", "Quý II/2025"]):
        schedule.cell(0, k).text = text
    signature = document.add_table(rows=1, cols=2)
    signature.cell(0, 0).text = "Nơi nhận:\n- Như trên;\n- Lưu: VT."
    signature.cell(0, 1).text = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nTrần Văn Bình"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_reads_header_table_by_column_then_body_then_signature():
    raw = read_source(_letter_docx(), name="letter.docx")
    lines = normalize(raw.text).text.splitlines()
    assert lines[:6] == ["ỦY BAN NHÂN DÂN", "TỈNH AN GIANG", "Số: 45/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Độc lập - Tự do - Hạnh phúc", "An Giang, ngày 12 tháng 3 năm 2025"]
    assert lines.index("KẾ HOẠCH") < lines.index("Nơi nhận:") < lines.index("TM. ỦY BAN NHÂN DÂN")
    assert lines[lines.index("Sở Tài chính") + 1] == "Quý II/2025"  # a wider table reads row by row
    assert raw.source.format == "docx" and raw.boxes is None


@pytest.mark.parametrize("data", [b"PK\x03\x04 not a zip", b"plain bytes, not a package"])
def test_damaged_docx_is_a_one_line_error(data):
    with pytest.raises(DamagedFile) as err:
        read_source(data, name="broken.docx")
    assert "\n" not in str(err.value)




def test_doc_without_libreoffice_says_how_to_install_it(monkeypatch):
    from extract.readers import docx as docx_reader

    monkeypatch.setattr(docx_reader.shutil, "which", lambda name: None)
    with pytest.raises(MissingTool, match="LibreOffice") as err:
        read_source(b"\xd0\xcf\x11\xe0 an old Word file", name="letter.doc")
    assert "\n" not in str(err.value)


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")),
                    reason="LibreOffice absent (apt-get install libreoffice-writer-nogui)")
def test_doc_is_converted_by_libreoffice_and_read_like_the_docx(tmp_path):
    import subprocess

    (tmp_path / "letter.docx").write_bytes(_letter_docx())
    program = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([program, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "doc", "--outdir", str(tmp_path), str(tmp_path / "letter.docx")],
                   check=True, capture_output=True, timeout=180)
    from_doc = read_source((tmp_path / "letter.doc").read_bytes(), name="letter.doc")
    from_docx = read_source(_letter_docx(), name="letter.docx")
    assert from_doc.source.format == "doc"
    assert normalize(from_doc.text).text.splitlines()[:6] == normalize(from_docx.text).text.splitlines()[:6]
