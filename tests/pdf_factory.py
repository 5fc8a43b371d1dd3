"""Render a letter to PDF in the official layout (Nghị định 30/2020 style), for the reader tests.

``Letter`` holds a letter's parts; ``text()`` gives them in the order a transcription reads them
(header's left cell, right cell, title, body, Nơi nhận, signer) and ``pdf()`` prints them: a
two-column header (issuer, number and subject left; motto and date right), the title, the body with
first-line indents over as many pages as it needs (page numbers from page 2), and a two-column
signature block. ``scanned(pdf)`` turns a PDF into an image-only one, as a scanner would.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
FONTS = {"regular": "LiberationSerif-Regular.ttf", "bold": "LiberationSerif-Bold.ttf",
         "italic": "LiberationSerif-Italic.ttf"}
PAGE_WIDTH, PAGE_HEIGHT = 595.0, 842.0  # A4 in points
LEFT, RIGHT, TOP, BOTTOM = 85.0, 57.0, 57.0, 57.0  # margins: 3 cm left, 2 cm elsewhere


def fonts_available() -> bool:
    return all((FONT_DIR / f).is_file() for f in FONTS.values())


@dataclass
class Letter:
    issuer: list[str]
    number: str
    place_date: str
    title: list[str]
    body: list[str]
    recipients: list[str]
    signer: list[str]
    subject: list[str] = field(default_factory=list)  # "V/v …" under the number (công văn)
    motto: list[str] = field(default_factory=lambda: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                                      "Độc lập - Tự do - Hạnh phúc"])

    @classmethod
    def from_text(cls, text: str) -> Letter:
        """The parts of a letter laid out as plain text the way ``corpus/samples`` are: issuer
        lines, the motto, "Số: …" (and "V/v …"), the place and date, then title and body up to
        "Nơi nhận:", the recipients' list, and the signer's block after a blank line."""
        lines = [line.strip() for line in text.splitlines()] + [""]

        def first(test, start: int = 0) -> int:
            for i in range(start, len(lines)):
                if test(lines[i]):
                    return i
            raise ValueError("not a letter in the plain-text layout")

        motto = first(lambda line: line.startswith("CỘNG HÒA"))
        number = first(lambda line: line.startswith("Số"))
        date = first(lambda line: ", ngày" in line, number)
        cc = first(lambda line: line.startswith("Nơi nhận"))
        cc_end = first(lambda line: not line, cc)
        subject = [line for line in lines[number + 1:date] if line and not line.startswith(("CỘNG", "Độc lập"))]
        return cls(
            issuer=[line for line in lines[:motto] if line],
            number=lines[number].split(":", 1)[1].strip(),
            subject=subject if subject and subject[0].startswith("V/v") else [],
            place_date=lines[date],
            title=[],
            body=[line for line in lines[date + 1:cc] if line],
            recipients=lines[cc:cc_end],
            signer=[line for line in lines[cc_end:] if line],
        )

    def text(self) -> str:
        parts = [*self.issuer, f"Số: {self.number}", *self.subject, *self.motto, "", self.place_date, "",
                 *self.title, "", *self.body, "", *self.recipients, "", *self.signer]
        return "\n".join(parts) + "\n"

    def pdf(self) -> bytes:
        return _Printer(self).render()


class _Printer:
    def __init__(self, letter: Letter):
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.pdfgen import canvas

        for style, name in FONTS.items():
            pdfmetrics.registerFont(TTFont(f"Serif-{style}", str(FONT_DIR / name)))
        self.letter = letter
        self.buffer = io.BytesIO()
        self.canvas = canvas.Canvas(self.buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT))
        self.page = 1
        self.y = PAGE_HEIGHT - TOP

    def render(self) -> bytes:
        self.header()
        self.centred(self.letter.title, "bold", 14, gap=8)
        self.y -= 10
        opening = True
        for paragraph in self.letter.body:
            opening = opening and len(paragraph) < 80
            if opening:
                self.centred([paragraph], "bold", 13)
            else:
                self.paragraph(paragraph)
        self.signature()
        self.canvas.save()
        return self.buffer.getvalue()

    # header and signature: two columns
    def header(self) -> None:
        left = [(line, "bold", 12) for line in self.letter.issuer]
        left += [(f"Số: {self.letter.number}", "regular", 13)]
        left += [(line, "regular", 12) for line in self.letter.subject]
        right = [(self.letter.motto[0], "bold", 13), (self.letter.motto[1], "bold", 13),
                 (self.letter.place_date, "italic", 13)]
        self.columns(left, right, left_centre=LEFT + 75, right_centre=PAGE_WIDTH - RIGHT - 130)
        self.y -= 12

    def signature(self) -> None:
        self.y -= 10
        left = [(line, "regular", 11) for line in self.letter.recipients]
        right = [(line, "bold", 13) for line in self.letter.signer[:-1]]
        right += [("", "regular", 13)] * 3 + [(self.letter.signer[-1], "bold", 13)]  # room to sign
        needed = 16 * max(len(left), len(right))
        if self.y - needed < BOTTOM:
            self.new_page()
        self.columns(left, right, left_centre=None, right_centre=PAGE_WIDTH - RIGHT - 120)

    def columns(self, left, right, left_centre, right_centre) -> None:
        y = self.y
        for k in range(max(len(left), len(right))):
            for column, centre in ((left, left_centre), (right, right_centre)):
                if k < len(column) and column[k][0]:
                    text, style, size = column[k]
                    self.canvas.setFont(f"Serif-{style}", size)
                    if centre is None:
                        self.canvas.drawString(LEFT, y, text)
                    else:
                        self.canvas.drawCentredString(centre, y, text)
            y -= 16
        self.y = y

    # body
    def centred(self, lines: list[str], style: str, size: float, gap: float = 0) -> None:
        for line in lines:
            self.canvas.setFont(f"Serif-{style}", size)
            self.canvas.drawCentredString((LEFT + PAGE_WIDTH - RIGHT) / 2, self.y, line)
            self.y -= size + 4 + gap
            gap = 0

    def paragraph(self, text: str) -> None:
        from reportlab.lib.utils import simpleSplit

        size, indent = 13, 28
        width = PAGE_WIDTH - LEFT - RIGHT
        first = simpleSplit(text, "Serif-regular", size, width - indent)
        lines = first[:1]
        if len(first) > 1:
            rest = " ".join(text.split()[len(first[0].split()):])
            lines += simpleSplit(rest, "Serif-regular", size, width)
        for k, line in enumerate(lines):
            if self.y < BOTTOM:
                self.new_page()
            self.canvas.setFont("Serif-regular", size)
            self.canvas.drawString(LEFT + (indent if k == 0 else 0), self.y, line)
            self.y -= size + 5
        self.y -= 6

    def new_page(self) -> None:
        self.canvas.showPage()
        self.page += 1
        self.y = PAGE_HEIGHT - TOP
        self.canvas.setFont("Serif-regular", 13)
        self.canvas.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 35, str(self.page))


def scanned(pdf: bytes, dpi: int = 200) -> bytes:
    """An image-only copy of ``pdf``: every page rendered to a picture, nothing else."""
    import pypdfium2 as pdfium
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    source = pdfium.PdfDocument(pdf)
    out = io.BytesIO()
    c = canvas.Canvas(out)
    for page in source:
        width, height = page.get_size()
        image = page.render(scale=dpi / 72, grayscale=True).to_pil()
        c.setPageSize((width, height))
        c.drawImage(ImageReader(image), 0, 0, width=width, height=height)
        c.showPage()
    c.save()
    source.close()
    return out.getvalue()
