"""PDF letters → ``RawText``: the text layer read by PDFium or pdfplumber, pages without one by OCR.

Two engines read a page's characters and their boxes. PDFium (pypdfium2, installed with pdfplumber)
is the default: the whole reader then runs about 7 times faster than with pdfplumber (pdfminer, pure
Python), within 5 times the time of ``pdftotext`` (bench/bench_pdf.py). Each engine's characters
become the same glyph records (``_Glyph``), and one function builds words from them: doubled
glyphs of fake bold dropped, decomposed marks composed, spaces that split a word without a gap
ignored, legacy TCVN3/VNI text converted. The words go to the layout reader (``layout.py``) with
those of OCR'd pages. A page is OCR'd when it has no text layer but an image,
or when too many of its glyphs have no Unicode mapping (pdfminer's "(cid:N)"); OCR renders pages
with PDFium whichever engine read the text.
"""
from __future__ import annotations

import ctypes
import io
import re
import statistics
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..document import RawText
from ..errors import DamagedFile, MissingTool
from ..schema import Source
from . import PDF_ENGINES, encodings
from .layout import Box, Page, Word, drop_page_furniture, group_lines, render
from .ocr import ocr_pages

_MIN_TEXT_CHARS = 20  # a page with fewer printed characters than this has no text layer
_MAX_UNMAPPED = 0.01  # a page with more glyphs than this share lacking a Unicode mapping is OCR'd
_WORD_GAP = 0.35  # a gap wider than this many letter heights between two letters splits a word
_SPACE_GAP = 0.1  # a space char narrower than this many letter heights is not a word break
_CYRILLIC_RE = re.compile(r"[\u04a0-\u04ff]")
_CID_RE = re.compile(r"\(cid:\d+\)")  # pdfminer's text for a glyph without a Unicode mapping
_PDFIUM_HYPHEN = "\x02"  # PDFium's code for a printed hyphen it takes to end a line ("34/2016/NĐ-" + "CP")


@dataclass
class _Layer:
    """A page's text layer as words, with what it says about the layer's health."""

    words: list[Word] = field(default_factory=list)
    chars: int = 0  # printed characters
    unmapped: int = 0  # glyphs without a Unicode mapping
    suspects: set[int] = field(default_factory=set)  # indexes of the words holding such glyphs
    legacy: set[str] = field(default_factory=set)  # legacy encodings converted


class _Glyph(NamedTuple):
    """A printed character as an engine reads it."""

    text: str  # one code point
    box: Box
    baseline: float  # the y its letter sits on, from the page's top
    font: str  # the font's name; "" when not asked for
    unmapped: bool  # the font gives the glyph no Unicode mapping


class _PageChars(Protocol):
    """A page's characters read by one engine."""

    text: str  # all of them in content order, spaces included: what the encoding is judged by

    def glyphs(self, with_fonts: bool) -> Iterator[_Glyph | None]:
        """The glyphs in content order, ``None`` for a space (printed, or inferred by the engine)."""


class _Unparsable(Exception):
    """The text engine cannot parse a file that PDFium opened."""


def read_pdf(data: bytes, source: Source, path: str | None = None, engine: str = "pdfium") -> RawText:
    """Read a PDF; ``engine`` ("pdfium", fast, or "pdfplumber") reads the text layer."""
    if engine not in PDF_ENGINES:
        raise ValueError(f"unknown PDF engine {engine!r}: choose one of {', '.join(PDF_ENGINES)}")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise DamagedFile(f"not a readable PDF ({exc})", path) from None
    try:
        return _read(pdf, _pdfium_pages(pdf) if engine == "pdfium" else _plumber_pages(data), source, path)
    except (pdfium.PdfiumError, _Unparsable) as exc:
        raise DamagedFile(f"damaged PDF ({exc})", path) from None
    finally:
        pdf.close()


def _read(pdf: pdfium.PdfDocument, engine_pages: Iterator[tuple[float, float, _PageChars]], source: Source,
          path: str | None) -> RawText:
    source.pages = len(pdf)
    pages: list[Page] = []
    scans, legacy = [], set()
    garbled: dict[int, tuple[list[Word], set[int]]] = {}  # page index → its words, the suspect ones
    for index, (width, height, chars) in enumerate(engine_pages):
        layer = _words(chars)
        if layer.chars < _MIN_TEXT_CHARS:
            if _has_image(pdf, index):
                scans.append(index)
        elif layer.unmapped > _MAX_UNMAPPED * layer.chars:
            garbled[index] = (layer.words, layer.suspects)
        legacy |= layer.legacy
        pages.append(Page(index + 1, width, height, group_lines(layer.words)))
    warnings = [f"{name.upper()} text converted to Unicode" for name in sorted(legacy)]
    if scans or garbled:
        warnings += _ocr(pdf, pages, scans, garbled, source, path)
    drop_page_furniture(pages)
    text, boxes = render(pages)
    return RawText(text=text, source=source, boxes=boxes, warnings=warnings)


def _ocr(pdf, pages: list[Page], scans: list[int], garbled: dict[int, tuple[list[Word], set[int]]],
         source: Source, path: str | None) -> list[str]:
    """Read scanned pages by OCR, and mend the garbled words of garbled pages with the OCR'd word
    printed in their place; the warnings to report."""
    try:
        read = ocr_pages(pdf, sorted([*scans, *garbled]))
    except MissingTool as exc:
        if scans:
            raise MissingTool(str(exc), path) from None
        return [f"pages {_pages(garbled)} have glyphs without Unicode mapping and were not OCR'd: {exc}"]
    confidences = []
    for index, result in read.items():
        if index in garbled:
            words, suspects = garbled[index]
            pages[index].lines = group_lines(_mend(words, suspects, result.words))
        else:
            pages[index].lines = group_lines(result.words)
        confidences.extend(c for c in result.confidences if c >= 0)
    source.ocr = True
    source.ocr_confidence = round(statistics.fmean(confidences), 1) if confidences else None
    warnings = []
    if scans:
        warnings.append(f"pages {_pages(scans)} are images, read by OCR")
    if garbled:
        warnings.append(f"pages {_pages(garbled)} have glyphs without Unicode mapping, mended by OCR")
    return warnings


def _mend(words: list[Word], suspects: set[int], read: list[Word]) -> list[Word]:
    """The text layer's words, those holding unmapped glyphs replaced by the OCR'd words printed
    in the same place (their letters spread over the word's box)."""
    out = list(words)
    for i in suspects:
        word = words[i]
        hits = sorted((o for o in read if _inside(o, word)), key=lambda o: o.x0)
        if not hits:
            continue
        text = "".join(o.text for o in hits)
        page, step = word.boxes[0][0], (word.x1 - word.x0) / len(text)
        boxes = [(page, word.x0 + k * step, word.top, word.x0 + (k + 1) * step, word.bottom) for k in range(len(text))]
        out[i] = Word(text, boxes, word.baseline)
    return out


def _inside(read: Word, word: Word) -> bool:
    """Whether most of an OCR'd word lies on a text-layer word."""
    overlap = min(read.x1, word.x1) - max(read.x0, word.x0)
    middle = (read.top + read.bottom) / 2
    return overlap >= 0.6 * (read.x1 - read.x0) and word.top <= middle <= word.bottom


def _pages(indexes: list[int]) -> str:
    return ", ".join(str(i + 1) for i in indexes)


def _has_image(pdf: pdfium.PdfDocument, index: int) -> bool:
    page = pdf[index]
    try:
        return any(True for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3))
    finally:
        page.close()


# ---------------------------------------------------------------- the engines: pages → glyphs


def _is_space(ch: str) -> bool:
    return ch.isspace() or ch in "\x00\ufffe\uffff"


def _pdfium_pages(pdf: pdfium.PdfDocument) -> Iterator[tuple[float, float, _PageChars]]:
    for index in range(len(pdf)):
        page = pdf[index]
        textpage = page.get_textpage()
        try:
            width, height = page.get_size()
            yield width, height, _PdfiumChars(textpage.raw, index + 1, height)
        finally:
            textpage.close()
            page.close()


class _PdfiumChars:
    """A page's characters through PDFium's text page, which also infers spaces from gaps."""

    def __init__(self, tp, number: int, page_height: float) -> None:
        self.tp, self.number, self.page_height = tp, number, page_height
        count = pdfium_c.FPDFText_CountChars(tp)
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(tp, i)) for i in range(count))
        self.text = text.replace(_PDFIUM_HYPHEN, "-")

    def glyphs(self, with_fonts: bool) -> Iterator[_Glyph | None]:
        tp, number, height = self.tp, self.number, self.page_height
        fonts = _FontNames(tp) if with_fonts else None
        rect = pdfium_c.FS_RECTF()
        origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
        for i, ch in enumerate(self.text):
            if _is_space(ch):
                yield None
                continue
            pdfium_c.FPDFText_GetLooseCharBox(tp, i, rect)
            pdfium_c.FPDFText_GetCharOrigin(tp, i, origin_x, origin_y)
            # the box starts at the pen position, as pdfminer's does: a loose box can reach back
            # into the space before the letter ("việc phê" read as "việcphê")
            left = min(max(rect.left, origin_x.value), rect.right)
            yield _Glyph(ch, (number, left, height - rect.top, rect.right, height - rect.bottom),
                         height - origin_y.value, fonts.name(i) if fonts is not None else "",
                         bool(pdfium_c.FPDFText_HasUnicodeMapError(tp, i)))


class _FontNames:
    """Font names of a text page's characters, read through PDFium."""

    def __init__(self, tp) -> None:
        self.tp = tp
        self.buffer = ctypes.create_string_buffer(256)
        self.flags = ctypes.c_int()

    def name(self, index: int) -> str:
        n = pdfium_c.FPDFText_GetFontInfo(self.tp, index, self.buffer, len(self.buffer), ctypes.byref(self.flags))
        return self.buffer.value.decode("utf-8", "replace") if n else ""


def _plumber_pages(data: bytes) -> Iterator[tuple[float, float, _PageChars]]:
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(io.BytesIO(data)) as plumber:
            for page in plumber.pages:
                yield page.width, page.height, _PlumberChars(page.chars, page.page_number)
                page.close()
    except PdfminerException as exc:
        raise _Unparsable(exc) from None


class _PlumberChars:
    """A page's characters through pdfplumber; a glyph mapped to several code points (a ligature,
    a letter with its marks) shares its box among them."""

    def __init__(self, chars: list[dict], number: int) -> None:
        self.chars, self.number = chars, number
        self.text = "".join(_plumber_text(c) for c in chars)

    def glyphs(self, with_fonts: bool) -> Iterator[_Glyph | None]:
        for c in self.chars:
            text = _plumber_text(c)
            if not text:
                continue
            step = (c["x1"] - c["x0"]) / len(text)
            baseline = c["top"] + c["y1"] - c["matrix"][5]  # the text origin, measured from the top
            for k, ch in enumerate(text):
                if _is_space(ch):
                    yield None
                    continue
                box = (self.number, c["x0"] + k * step, c["top"], c["x0"] + (k + 1) * step, c["bottom"])
                yield _Glyph(ch, box, baseline, c["fontname"] if with_fonts else "", text == "\ufffd")


def _plumber_text(char: dict) -> str:
    """A pdfplumber char's text, its "(cid:N)" (no Unicode mapping) as U+FFFD."""
    return "\ufffd" if _CID_RE.fullmatch(char["text"]) else char["text"]


# ---------------------------------------------------------------- glyphs → words


def _words(chars: _PageChars) -> _Layer:
    """A page's glyphs, read by either engine, → its words and what they say about the layer."""
    layer = _Layer()
    text = chars.text
    seen: set[tuple[str, int, int]] = set()
    clusters: list[str] = []  # one entry per printed glyph: the glyph's letter(s), NFC
    boxes: list[Box] = []
    baselines: list[float] = []
    word_font = ""
    spaced = False

    def finish() -> None:
        nonlocal clusters, boxes, baselines
        if clusters:
            layer.words.append(_word(clusters, boxes, statistics.median(baselines), word_font, layer))
        clusters, boxes, baselines = [], [], []

    for glyph in chars.glyphs(with_fonts=_may_be_legacy(text)):
        if glyph is None:
            spaced = True
            continue
        ch, box = glyph.text, glyph.box
        if unicodedata.category(ch) == "Cc":
            continue
        key = (ch, round(box[1]), round(box[2]))
        if key in seen:  # the same glyph drawn twice (fake bold, shadow)
            continue
        seen.add(key)
        layer.chars += 1
        joins = bool(clusters) and (unicodedata.combining(ch) or not _breaks(boxes[-1], box, spaced))
        if clusters and not joins:
            finish()
        if glyph.unmapped:
            layer.unmapped += 1
            layer.suspects.add(len(layer.words))  # the word being built
        if unicodedata.combining(ch) and clusters:
            clusters[-1] = unicodedata.normalize("NFC", clusters[-1] + ch)
            boxes[-1] = encodings.union([boxes[-1], box])
            continue
        if not clusters:
            word_font = glyph.font
        clusters.append(ch)
        boxes.append(box)
        baselines.append(glyph.baseline)
        spaced = False
    finish()
    if not layer.legacy:
        encoding = encodings.detect(text)
        if encoding is not None:
            layer.words = [_converted(w, encoding, False) for w in layer.words]
            layer.legacy.add(encoding.name)
    if _CYRILLIC_RE.search(text):
        for w in layer.words:
            w.text = encodings.repair_cyrillic(w.text)
    return layer


def _breaks(prev: Box, box: Box, spaced: bool) -> bool:
    """Whether a word ends between two consecutive glyphs."""
    height = min(prev[4] - prev[2], box[4] - box[2]) or 1.0
    same_row = abs((prev[2] + prev[4]) / 2 - (box[2] + box[4]) / 2) < 0.5 * height
    gap = box[1] - prev[3]
    if not same_row or gap < -0.5 * height:
        return True
    return gap > (_SPACE_GAP if spaced else _WORD_GAP) * height


def _word(clusters: list[str], boxes: list[Box], baseline: float, font: str, layer: _Layer) -> Word:
    text = "".join(clusters)
    char_boxes = [b for cluster, b in zip(clusters, boxes) for _ in cluster]
    word = Word(text, char_boxes, baseline)
    found = encodings.font_encoding(font) if font else None
    if found is not None:
        word = _converted(word, *found)
        layer.legacy.add(found[0].name)
    return word


def _converted(word: Word, encoding: encodings.Encoding, capitals: bool) -> Word:
    text, boxes = encodings.convert(word.text, word.boxes, encoding, capitals)
    return Word(text, boxes, word.baseline)


def _may_be_legacy(text: str) -> bool:
    tells = set().union(*(e.tell for e in encodings.encodings()))
    return any(c in tells for c in text)
