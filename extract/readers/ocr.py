"""Scanned pages → words with boxes and confidences, through the ``tesseract`` program.

Pages are rendered at 300 dpi with pypdfium2 (one at a time: PDFium is not thread-safe) and read
by Tesseract's Vietnamese model, one single-threaded process per page (OMP_THREAD_LIMIT=1), several
pages at once. Word boxes come back in pixels and are turned into PDF points, so OCR'd words carry
page boxes like a text layer's.
"""
from __future__ import annotations

import csv
import os
import shutil
import subprocess
import tempfile
import unicodedata
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import MissingTool
from .layout import Word

DPI = 300
LANGUAGE = "vie"
INSTALL = "apt-get install tesseract-ocr tesseract-ocr-vie"
PAGE_TIMEOUT = 300  # seconds for one page: a hung tesseract must not hang a batch
MIN_CONFIDENCE = 20  # words read with less confidence than this are stamp and seal noise
MIN_SYMBOL_CONFIDENCE = 60  # ... and so are doubtful words without a letter or digit


@dataclass
class OcrPage:
    words: list[Word]
    confidences: list[float]  # one per word (0-100)


@cache
def tesseract() -> str:
    """The tesseract program; raises ``MissingTool`` (with how to install it) when it is absent or
    lacks the Vietnamese model."""
    program = shutil.which("tesseract")
    if program is None:
        raise MissingTool(f"this PDF needs OCR and Tesseract is not installed: {INSTALL}")
    langs = subprocess.run([program, "--list-langs"], capture_output=True, text=True, check=False).stdout
    if LANGUAGE not in langs.split():
        raise MissingTool(f"Tesseract has no Vietnamese model: {INSTALL}")
    return program


def ocr_pages(pdf, indexes: list[int], *, workers: int | None = None) -> dict[int, OcrPage]:
    """OCR the pages ``indexes`` (0-based) of an open ``pypdfium2.PdfDocument``."""
    program = tesseract()
    workers = max(1, min(len(indexes), workers or os.cpu_count() or 1))
    scale = DPI / 72
    results: dict[int, Future] = {}
    with tempfile.TemporaryDirectory(prefix="congvan-ocr-") as tmp, ThreadPoolExecutor(workers) as pool:
        for index in indexes:
            image = Path(tmp) / f"page-{index}.pgm"
            pdf[index].render(scale=scale, grayscale=True).to_pil().save(image)
            results[index] = pool.submit(_read_image, program, image, index + 1, scale)
        return {index: future.result() for index, future in results.items()}


def _read_image(program: str, image: Path, page: int, scale: float) -> OcrPage:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    done = subprocess.run([program, str(image), "stdout", "-l", LANGUAGE, "--dpi", str(DPI), "tsv"],
                          capture_output=True, text=True, env=env, timeout=PAGE_TIMEOUT, check=False)
    if done.returncode != 0:
        raise MissingTool(f"tesseract failed on page {page}: {done.stderr.strip().splitlines()[-1:]}")
    return parse_tsv(done.stdout, page, scale)


def parse_tsv(tsv: str, page: int, scale: float) -> OcrPage:
    """Tesseract's TSV (level 5 rows are words) → words in PDF points, letters sharing the word's
    width evenly."""
    words, confidences = [], []
    baselines: dict[tuple[str, str, str], float] = {}  # Tesseract's line → its bottom, in points
    for row in csv.DictReader(tsv.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE):
        line = (row.get("block_num"), row.get("par_num"), row.get("line_num"))
        if row.get("level") == "4":
            baselines[line] = (int(row["top"]) + int(row["height"])) / scale
        text = unicodedata.normalize("NFC", (row.get("text") or "").strip())
        if row.get("level") != "5" or not text or _noise(text, float(row["conf"])):
            continue
        left, top = int(row["left"]) / scale, int(row["top"]) / scale
        width, height = int(row["width"]) / scale, int(row["height"]) / scale
        step = width / len(text)
        boxes = [(page, left + k * step, top, left + (k + 1) * step, top + height) for k in range(len(text))]
        words.append(Word(text, boxes, baselines.get(line)))
        confidences.append(float(row["conf"]))
    return OcrPage(words, confidences)


def _noise(text: str, confidence: float) -> bool:
    if confidence < MIN_CONFIDENCE or not text.strip("_|~"):  # rules under the header cells
        return True
    return confidence < MIN_SYMBOL_CONFIDENCE and not any(c.isalnum() for c in text)
