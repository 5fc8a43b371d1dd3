"""Word letters → ``RawText``: DOCX with python-docx, legacy ``.doc`` through LibreOffice.

The body is read in document order, paragraphs and tables alike. A letter's header and signature
are two-column tables (issuer | motto and date; Nơi nhận | signer): a two-column table is read
column by column, left then right, like the printed page; wider tables (schedules) row by row.
"""
from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from ..document import RawText
from ..errors import DamagedFile, MissingTool
from ..schema import Source

CONVERT_TIMEOUT = 120  # seconds for LibreOffice to convert one .doc
LIBREOFFICE_INSTALL = "apt-get install libreoffice-writer (or save the letter as .docx)"


def read_docx(data: bytes, source: Source, path: str | None = None) -> RawText:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DamagedFile(f"not a readable DOCX ({type(exc).__name__}: {exc})", path) from None
    except Exception as exc:  # lxml and zip errors of a damaged package come in many types
        raise DamagedFile(f"damaged DOCX ({type(exc).__name__})", path) from None
    blocks = _blocks(document.element.body)
    return RawText(text="\n\n".join(b for b in blocks if b.strip()), source=source)


def read_doc(data: bytes, source: Source, path: str | None = None) -> RawText:
    """A Word 97-2003 letter, converted to DOCX by LibreOffice (``soffice --headless``)."""
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        raise MissingTool(f"reading .doc needs LibreOffice: {LIBREOFFICE_INSTALL}", path)
    with tempfile.TemporaryDirectory(prefix="congvan-doc-") as tmp:
        src = Path(tmp) / "letter.doc"
        src.write_bytes(data)
        try:
            subprocess.run([program, "--headless", "--convert-to", "docx", "--outdir", tmp, str(src)],
                           capture_output=True, timeout=CONVERT_TIMEOUT, check=False,
                           env={"HOME": tmp, "PATH": "/usr/bin:/bin"})
        except subprocess.TimeoutExpired:
            raise DamagedFile(f"LibreOffice did not convert the file within {CONVERT_TIMEOUT} s", path) from None
        out = Path(tmp) / "letter.docx"
        if not out.is_file():
            raise DamagedFile("LibreOffice could not convert the file (damaged .doc?)", path)
        return read_docx(out.read_bytes(), source, path)


def _blocks(parent) -> list[str]:
    """Paragraph and table texts of a body or cell element, in document order."""
    from docx.oxml.ns import qn

    out = []
    for child in parent.iterchildren():
        if child.tag == qn("w:p"):
            out.append(_paragraph_text(child))
        elif child.tag == qn("w:tbl"):
            out.extend(_table(child))
    return out


def _paragraph_text(p) -> str:
    from docx.text.paragraph import Paragraph

    return Paragraph(p, None).text


def _table(tbl) -> list[str]:
    from docx.oxml.ns import qn

    rows = [[cell for cell in tr.iterchildren(qn("w:tc"))] for tr in tbl.iterchildren(qn("w:tr"))]
    width = max((len(r) for r in rows), default=0)
    if width == 2:
        order = [row[k] for k in range(2) for row in rows if len(row) > k]
    else:
        order = [cell for row in rows for cell in row]
    out = []
    for cell in order:
        text = "\n".join(b for b in _blocks(cell) if b.strip())
        if text:
            out.append(text)
    return out
