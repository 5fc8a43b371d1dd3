"""The command line and the batch: real runs in a temporary folder, bad input included."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import extract
from extract import CongvanError
from extract.cli import main
from extract.errors import BinaryInput, EmptyInput, InputTooLarge, NotVietnamese, UnsupportedFormat

LETTER = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 215/UBND-KT
Quảng Trị, ngày 03 tháng 02 năm 2026
V/v triển khai Kế hoạch số 12/KH-UBND ngày 10/01/2026

Kính gửi: Sở Tài chính.

Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2026 của UBND tỉnh, Chủ tịch UBND tỉnh giao Sở Tài chính chủ trì, phối hợp với các cơ quan liên quan tham mưu bố trí kinh phí; báo cáo UBND tỉnh trước ngày 28/02/2026.
"""


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "good.txt").write_text(LETTER, encoding="utf-8")
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (inbox / "english.txt").write_text("The quick brown fox jumps over the lazy dog. " * 20, encoding="utf-8")
    (inbox / "huge.txt").write_text("Ủy ban nhân dân tỉnh. " * 250_000, encoding="utf-8")  # ~5.7 MB
    (inbox / "notes.csv").write_text("a,b\n", encoding="utf-8")  # not a supported format: ignored
    return inbox


@pytest.mark.parametrize("name, error", [
    ("empty.txt", EmptyInput), ("binary.txt", BinaryInput), ("english.txt", NotVietnamese),
    ("huge.txt", InputTooLarge), ("notes.csv", UnsupportedFormat),
])
def test_bad_input_raises_a_typed_one_line_error(folder, name, error):
    with pytest.raises(error) as info:
        extract.read_letter(folder / name)
    assert isinstance(info.value, CongvanError)
    assert "\n" not in str(info.value) and name in str(info.value)


def test_batch_carries_on_past_bad_files_and_lists_them(folder, tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["batch", str(folder), "-o", str(out), "--quiet"])
    captured = capsys.readouterr()
    assert code == 1
    assert sorted(p.name for p in out.glob("*.json")) == ["good.json"]
    assert "5 files: 1 converted, 0 skipped (up to date), 4 failed" in captured.out
    for name in ("empty.txt", "binary.txt", "english.txt", "huge.txt"):
        assert name in captured.err
    assert "Traceback" not in captured.err
    assert not list(out.glob(".*.tmp")), "no temporary file may be left behind"
    letter = json.loads((out / "good.json").read_text(encoding="utf-8"))
    assert letter["schema_version"] == "1.0" and letter["source"]["format"] == "txt"


def test_batch_resume_skips_up_to_date_outputs(folder, tmp_path, capsys):
    for bad in ("empty.txt", "binary.txt", "english.txt", "huge.txt"):
        (folder / bad).unlink()
    out = tmp_path / "out"
    assert main(["batch", str(folder), "-o", str(out), "--quiet"]) == 0
    assert main(["batch", str(folder), "-o", str(out), "--quiet", "--resume"]) == 0
    assert "1 files: 0 converted, 1 skipped" in capsys.readouterr().out
    (folder / "good.txt").write_text(LETTER + "\n", encoding="utf-8")  # changed input is redone
    assert main(["batch", str(folder), "-o", str(out), "--quiet", "--resume"]) == 0
    assert "1 converted, 0 skipped" in capsys.readouterr().out


def test_extract_prints_json_and_includes_text_on_request(folder, capsys):
    assert main(["extract", str(folder / "good.txt"), "--with-text"]) == 0
    letter = json.loads(capsys.readouterr().out)
    text = letter["text"]
    assert text.startswith("ỦY BAN NHÂN DÂN")
    for ref in letter["references"]:
        start, end = ref["span"]
        assert text[start:end] == ref["text"]


def test_extract_writes_one_file_per_input(folder, tmp_path):
    out = tmp_path / "o"
    assert main(["extract", str(folder / "good.txt"), "-o", str(out)]) == 0
    assert (out / "good.json").is_file()


def test_schema_is_json_schema_with_the_contract_fields(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert set(schema["properties"]) >= {"schema_version", "source", "document", "references", "tasks",
                                          "deadlines", "abbreviations"}
    document = schema["$defs"]["Document"]["properties"]
    assert set(document) >= {"type", "number", "year", "symbol", "issuer", "parent_issuer", "place", "date",
                             "subject", "urgency", "confidentiality", "recipients", "cc", "signer"}


def test_read_letter_accepts_text_and_bytes():
    from_text = extract.read_letter(LETTER)
    from_bytes = extract.read_letter(LETTER.encode("utf-8"), name="letter.txt")
    assert from_text.source.file is None
    assert from_text.document == from_bytes.document


def test_console_script_runs(tmp_path):
    exe = Path(sys.executable).with_name("congvan")
    if not exe.exists():
        pytest.skip("console script not installed in this environment")
    result = subprocess.run([str(exe), "schema"], capture_output=True, text=True, env=dict(os.environ))
    assert result.returncode == 0 and '"Letter"' in result.stdout


def test_one_long_line_of_text_is_text_not_a_file_name():
    line = "Ủy ban nhân dân tỉnh đề nghị các sở thực hiện việc rà soát trước ngày 20/12/2025. " * 40
    letter = extract.read_letter(line)
    assert letter.source.file is None and letter.source.format == "txt"
