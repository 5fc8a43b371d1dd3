"""Issue 4's bar for scans: the JSON of a scanned sample letter scores within 0.08 of its text's.

Each printable sample letter (corpus/samples) is printed to PDF in the official layout, rasterised
into an image-only "scan", read back by OCR, and scored with the shared scorer's rules against the
letter's gold, beside the JSON read from the letter's text.
"""
from __future__ import annotations

import shutil

import pytest

import extract
from conftest import SAMPLES
from extract.evaluate import score
from pdf_factory import Letter, fonts_available, scanned

pytestmark = [
    pytest.mark.skipif(not fonts_available(), reason="fonts-liberation2 absent (apt-get install fonts-liberation2)"),
    pytest.mark.skipif(shutil.which("tesseract") is None,
                       reason="tesseract absent (apt-get install tesseract-ocr tesseract-ocr-vie)"),
]


def printable_samples():
    out = []
    for path in sorted(SAMPLES.glob("*.txt")):
        try:
            letter = Letter.from_text(path.read_text(encoding="utf-8"))
        except ValueError:  # the web-dump sample has no official layout to print
            continue
        if path.with_name(f"{path.stem}.gold.json").exists():
            out.append((path, letter))
    return out


def test_scanned_samples_score_within_008_of_their_texts(tmp_path):
    samples = printable_samples()
    if not samples:
        pytest.skip("no printable sample letters with gold")
    for folder in ("gold", "txt", "scan"):
        (tmp_path / folder).mkdir()
    for path, letter in samples:
        gold = path.with_name(f"{path.stem}.gold.json")
        shutil.copy(gold, tmp_path / "gold" / gold.name)
        (tmp_path / "txt" / f"{path.stem}.json").write_text(extract.read_letter(path).model_dump_json())
        from_scan = extract.read_letter(scanned(letter.pdf()), name=f"{path.stem}.pdf")
        assert from_scan.source.ocr is True
        (tmp_path / "scan" / f"{path.stem}.json").write_text(from_scan.model_dump_json())
    from_text = score(tmp_path / "gold", tmp_path / "txt")[0]["_overall"]
    from_scan = score(tmp_path / "gold", tmp_path / "scan")[0]["_overall"]
    print(f"text {from_text:.3f}  scan {from_scan:.3f}")
    assert from_scan >= from_text - 0.08
