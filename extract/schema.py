"""The output contract (../shared/SCHEMA.md) as pydantic v2 models.

Field names of SCHEMA.md are fixed; the models add provenance fields (``spans``, ``page``,
``bbox``) beside them, never rename or drop one. ``congvan schema`` prints
``Letter.model_json_schema()``.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

Span = tuple[int, int]
"""``[start, end)`` character offsets into the letter's normalised text."""

BBox = tuple[float, float, float, float]
"""``(x0, top, x1, bottom)`` in PDF points, origin at the page's top left (pdfplumber's convention)."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Provenance(_Model):
    """Where a value was printed: its span in the normalised text and, for PDFs, page and box."""

    span: Span
    page: int | None = None
    bbox: BBox | None = None


class Source(_Model):
    file: str | None = Field(None, description="the path as given, or null for text passed in memory")
    sha256: str = Field(description="SHA-256 of the input bytes")
    format: str = Field(description="pdf | docx | doc | txt | md")
    pages: int | None = None
    ocr: bool = False
    ocr_confidence: float | None = Field(None, description="mean Tesseract word confidence (0-100) over OCR pages")
    encoding: str | None = Field(None, description="the input's character encoding, where it was text")


class Signer(_Model):
    name: str | None = None
    title: str | None = None
    authority: Literal["KT.", "TM.", "TL.", "TUQ.", "Q."] | None = None


class Document(_Model):
    type: str | None = Field(None, description='tên loại; "Công văn" for a letter with a "V/v" subject')
    number: str | None = Field(None, description="số, as printed (leading zeros kept)")
    year: int | None = Field(None, description='the year inside the number ("01/2018/TT-VPCP"), else null')
    symbol: str | None = Field(None, description="ký hiệu without number and year")
    issuer: str | None = None
    parent_issuer: str | None = None
    place: str | None = None
    date: str | None = Field(None, description="ISO 8601 date")
    subject: str | None = Field(None, description='trích yếu without "V/v", one line')
    urgency: Literal["Khẩn", "Thượng khẩn", "Hỏa tốc"] | None = None
    confidentiality: Literal["Mật", "Tối mật", "Tuyệt mật"] | None = None
    recipients: list[str] = Field(default_factory=list)
    cc: list[str] = Field(default_factory=list)
    signer: Signer = Field(default_factory=Signer)
    provenance: dict[str, Provenance] = Field(
        default_factory=dict, description="field name -> where it was printed"
    )


class Reference(_Model):
    type: str | None = None
    number: str | None = None
    year: int | None = None
    symbol: str | None = None
    date: str | None = None
    issuer: str | None = None
    pinpoint: str | None = None
    title: str | None = None
    text: str
    span: Span
    page: int | None = None
    bbox: BBox | None = None
    mentions: list[Span] = Field(default_factory=list, description="every span citing it, first included")


class Deadline(_Model):
    date: str | None = None
    text: str
    kind: Literal["absolute", "month", "quarter", "year", "relative", "recurring"] = "absolute"
    recurrence: str | None = Field(None, description="RFC 5545 RRULE for recurring limits")
    span: Span | None = None
    page: int | None = None
    bbox: BBox | None = None


class TaskDeadline(_Model):
    date: str | None = None
    text: str
    inherited: bool = False
    recurrence: str | None = None
    span: Span | None = None


class Body(_Model):
    """A body or office-holder as printed, and normalised (abbreviations expanded)."""

    name: str
    normalized: str | None = None
    span: Span | None = None


class Task(_Model):
    label: str | None = None
    text: str
    assignees: list[Body] = Field(default_factory=list)
    coordinators: list[Body] = Field(default_factory=list)
    deadline: TaskDeadline | None = None
    span: Span
    page: int | None = None
    bbox: BBox | None = None


class Letter(_Model):
    schema_version: str = SCHEMA_VERSION
    source: Source
    document: Document = Field(default_factory=Document)
    references: list[Reference] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)
    abbreviations: dict[str, str] = Field(default_factory=dict)
    text: str | None = Field(None, description="the normalised text the spans point into (--with-text)")
    warnings: list[str] = Field(default_factory=list, description="what the reader noticed but could not repair")
