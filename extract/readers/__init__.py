"""Readers: a file (or bytes, or text in memory) → ``RawText``, chosen by the file's format."""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..document import RawText
from ..errors import EmptyInput, InputTooLarge, UnsupportedFormat
from ..schema import Source
from .text import read_text

TEXT_FORMATS = {"txt", "md", "text", "markdown"}
SUPPORTED_SUFFIXES = {".txt", ".md", ".text", ".markdown", ".pdf", ".docx", ".doc"}
MAX_BYTES = 50 * 1024 * 1024  # a PDF scan of a long plan can be large; text has its own limit
MAX_TEXT_CHARS = 2_000_000  # 2 million characters: ten times the longest real letter seen
PDF_ENGINES = ("pdfium", "pdfplumber")  # what reads a PDF's text layer; PDFium is many times faster


def read_source(source: str | Path | bytes, *, name: str | None = None, pdf_engine: str = "pdfium") -> RawText:
    """Read a path, raw bytes (``name`` gives the format), or a letter's text held in a ``str``.

    A ``str`` that names an existing file is read as that file; any other ``str`` is the text.
    ``pdf_engine`` reads a PDF's text layer: "pdfium" (fast) or "pdfplumber" (see ``readers.pdf``).
    """
    if isinstance(source, str) and not _names_a_file(source):
        return _from_bytes(source.encode("utf-8"), "txt", None, pdf_engine)
    if isinstance(source, bytes):
        fmt = Path(name).suffix.lower().lstrip(".") if name else "txt"
        return _from_bytes(source, fmt or "txt", name, pdf_engine)
    path = Path(source)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedFormat(f"unsupported format {suffix or '(no suffix)'!r}; "
                                f"congvan reads {', '.join(sorted(SUPPORTED_SUFFIXES))}", str(path))
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputTooLarge(f"{size / 1e6:.1f} MB is larger than the {MAX_BYTES // 2**20} MiB limit", str(path))
    return _from_bytes(path.read_bytes(), suffix.lstrip("."), str(path), pdf_engine)


def _names_a_file(text: str) -> bool:
    if "\n" in text or len(text) > 4096:
        return False
    try:
        return Path(text).is_file()
    except (OSError, ValueError):  # too long for a file name, or a NUL byte
        return False


def _from_bytes(data: bytes, fmt: str, path: str | None, pdf_engine: str) -> RawText:
    if not data.strip():
        raise EmptyInput("empty file" if path else "empty text", path)
    fmt = "txt" if fmt == "text" else "md" if fmt == "markdown" else fmt
    source = Source(file=path, sha256=hashlib.sha256(data).hexdigest(), format=fmt)
    if fmt in TEXT_FORMATS:
        raw = read_text(data, source, path)
    elif fmt == "pdf":
        from .pdf import read_pdf

        raw = read_pdf(data, source, path, engine=pdf_engine)
    elif fmt == "docx":
        from .docx import read_docx

        raw = read_docx(data, source, path)
    elif fmt == "doc":
        from .docx import read_doc

        raw = read_doc(data, source, path)
    else:
        raise UnsupportedFormat(f"unsupported format {fmt!r}", path)
    if len(raw.text) > MAX_TEXT_CHARS:
        raise InputTooLarge(
            f"{len(raw.text):,} characters of text is more than a letter "
            f"(limit {MAX_TEXT_CHARS:,})", path)
    return raw
