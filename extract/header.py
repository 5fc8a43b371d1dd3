"""Header extractor: type, number and symbol, issuer, place and date, subject, urgency,
confidentiality, recipients, cc and signer (Nghị định 30/2020/NĐ-CP layout)."""
from __future__ import annotations

from dataclasses import dataclass

from .document import Doc
from .schema import Document, Span


@dataclass
class HeaderResult:
    document: Document
    body: Span  # the letter's body: after the addressee line (or title), before the signature block
    closing: Span | None = None  # signature block and "Nơi nhận", when found


def extract_header(doc: Doc) -> HeaderResult:
    return HeaderResult(document=Document(), body=(0, len(doc.text)))
