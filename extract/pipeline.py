"""The pipeline: raw text → normalised ``Doc`` → segmentation → extractors → ``Letter``.

Data flows one way; each step reads what earlier steps wrote on the ``Doc`` and returns its own
results. Provenance (page and box, for PDFs) is filled in one place, at the end.
"""
from __future__ import annotations

import re

from .abbreviations import extract_abbreviations
from .deadlines import extract_deadlines, find_limits
from .document import Doc, RawText
from .errors import EmptyInput, NotVietnamese
from .header import extract_header
from .normalize import normalize
from .references import extract_references
from .schema import Letter
from .segment import segment
from .structure import parse_structure
from .tasks import extract_tasks

# letters only Vietnamese uses among Latin scripts (tone-marked vowels, ă â đ ê ô ơ ư)
_VIETNAMESE_LETTER_RE = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I)


def make_doc(raw: RawText) -> Doc:
    normalised = normalize(raw.text)
    doc = Doc(raw=raw, text=normalised.text, to_raw=normalised.to_raw)
    check_language(doc)
    segment(doc)
    return doc


def check_language(doc: Doc) -> None:
    """Refuse text that holds no letters, or that is plainly not Vietnamese."""
    letters = sum(c.isalpha() for c in doc.text)
    if letters == 0:
        raise EmptyInput("no text in the letter", doc.source.file)
    if letters >= 200 and len(_VIETNAMESE_LETTER_RE.findall(doc.text)) < 0.02 * letters:
        raise NotVietnamese("the text is not Vietnamese (too few Vietnamese letters)", doc.source.file)


def build_letter(raw: RawText, *, with_text: bool = False) -> Letter:
    return run(raw, with_text=with_text)[1]


def run(raw: RawText, *, with_text: bool = False) -> tuple[Doc, Letter]:
    """The intermediate ``Doc`` and the finished ``Letter``."""
    doc = make_doc(raw)
    header = extract_header(doc)
    abbreviations = extract_abbreviations(doc)
    references = extract_references(doc, header)
    limits = find_limits(doc, header)  # every occurrence: tasks look for the limits in their own text
    deadlines = extract_deadlines(doc, header, limits)
    structure = parse_structure(doc, header)
    tasks = extract_tasks(doc, header, structure, deadlines, abbreviations, limits)
    for item in (*references, *tasks, *deadlines):
        if item.span is not None:
            item.page, item.bbox = doc.page_box(item.span)
    return doc, Letter(
        source=doc.source,
        document=header.document,
        references=references,
        tasks=tasks,
        deadlines=deadlines,
        abbreviations=abbreviations,
        text=doc.text if with_text else None,
        warnings=list(raw.warnings),
    )
