"""PDF reading speed, in one run: born-digital pages per second against ``pdftotext`` (poppler) on
the same files, and OCR seconds per page on the scans.

    .venv/bin/python bench/bench_pdf.py [PDF_DIR]     # default: ../shared/corpus/pdfs

Born-digital files are those with a text layer on every page; the reader's time covers the text
engine, layout and text assembly (``read_source``), not the extractors, and is measured for each
engine (``--pdf-engine``: PDFium, the default, and pdfplumber). ``pdftotext -layout`` runs as a
program per file, as it would in a pipeline. OCR runs as ``congvan`` runs it (all cores).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.readers import PDF_ENGINES, read_source  # noqa: E402


def split(files: list[Path]) -> tuple[list[tuple[Path, int]], list[tuple[Path, int]]]:
    """(born-digital, scanned) files with their page counts, judged by a first read."""
    import pypdfium2 as pdfium

    born, scans = [], []
    for path in files:
        pdf = pdfium.PdfDocument(path)
        pages = len(pdf)
        text = sum(pdf[i].get_textpage().count_chars() for i in range(pages))
        pdf.close()
        (born if text > 20 * pages else scans).append((path, pages))
    return born, scans


def read_all(born: list[tuple[Path, int]], engine: str) -> tuple[float, float, int]:
    """Seconds to read the files with ``engine``; of them, the seconds and pages of the files whose
    garbled glyphs were mended by OCR (not a text-layer speed)."""
    total, mended, mended_pages = 0.0, 0.0, 0
    for path, n in born:
        start = time.perf_counter()
        raw = read_source(path, pdf_engine=engine)
        seconds = time.perf_counter() - start
        total += seconds
        if raw.source.ocr:
            mended, mended_pages = mended + seconds, mended_pages + n
    return total, mended, mended_pages


def main(folder: Path) -> None:
    files = sorted(folder.glob("*.pdf"))
    if not files:
        sys.exit(f"no PDFs in {folder}")
    if shutil.which("pdftotext") is None:
        sys.exit("pdftotext absent: apt-get install poppler-utils")
    born, scans = split(files)
    pages = sum(n for _, n in born)

    start = time.perf_counter()
    for path, _ in born:
        subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    poppler = time.perf_counter() - start

    print(f"born-digital: {len(born)} files, {pages} pages")
    print(f"  pdftotext -layout      {pages / poppler:8.1f} pages/s")
    for engine in PDF_ENGINES:
        ours, mended, mended_pages = read_all(born, engine)
        print(f"  congvan, {engine:<12} {pages / ours:8.1f} pages/s, {ours / poppler:5.1f}x the time of pdftotext")
        if mended_pages:
            rest = pages - mended_pages
            print(f"    without the {mended_pages} pages of files mended by OCR: {rest / (ours - mended):.1f} pages/s,"
                  f" {(ours - mended) / (poppler * rest / pages):.1f}x the time of pdftotext")
    if scans and shutil.which("tesseract"):
        scan_pages = sum(n for _, n in scans)
        start = time.perf_counter()
        for path, _ in scans:
            read_source(path)
        seconds = time.perf_counter() - start
        print(f"scans: {len(scans)} files, {scan_pages} pages: {seconds / scan_pages:.2f} s per page (OCR)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus" / "pdfs")
