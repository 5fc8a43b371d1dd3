"""congvan: Vietnamese directive letters → structured tasks.

    >>> import extract
    >>> letter = extract.read_letter("corpus/samples/cong-van.txt")
    >>> letter.document.number, [t.label for t in letter.tasks]
"""
from __future__ import annotations

from pathlib import Path

from .errors import CongvanError
from .schema import SCHEMA_VERSION, Letter

__all__ = ["read_letter", "read_spacy", "Letter", "CongvanError", "SCHEMA_VERSION"]
__version__ = "0.1.0"


def read_letter(source: str | Path | bytes, *, name: str | None = None, with_text: bool = False,
                pdf_engine: str = "pdfium") -> Letter:
    """Read a letter from a path, from bytes (``name`` gives the format) or from its text.

    ``pdf_engine`` reads a PDF's text layer: "pdfium" (fast, the default) or "pdfplumber".
    Raises a ``CongvanError`` subclass with a one-line message for input that is not a letter.
    """
    from .pipeline import build_letter
    from .readers import read_source

    return build_letter(read_source(source, name=name, pdf_engine=pdf_engine), with_text=with_text)


def read_spacy(source: str | Path | bytes, *, name: str | None = None, pdf_engine: str = "pdfium"):
    """The letter as a spaCy ``Doc`` whose span groups hold the extracted values (see spacy_doc)."""
    from .pipeline import run
    from .readers import read_source
    from .spacy_doc import to_spacy

    return to_spacy(*run(read_source(source, name=name, pdf_engine=pdf_engine)))
