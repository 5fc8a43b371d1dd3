"""Typed errors: every way a file can fail to become a letter, each with a one-line message."""
from __future__ import annotations


class CongvanError(Exception):
    """A file that cannot be read as a letter. ``str(error)`` is one line, fit for a batch log."""

    kind = "error"

    def __init__(self, message: str, path: str | None = None):
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class UnsupportedFormat(CongvanError):
    kind = "unsupported"


class EmptyInput(CongvanError):
    kind = "empty"


class BinaryInput(CongvanError):
    kind = "binary"


class InputTooLarge(CongvanError):
    kind = "too-large"


class NotVietnamese(CongvanError):
    kind = "not-vietnamese"


class MissingTool(CongvanError):
    """An optional external program (Tesseract, LibreOffice) is needed and not installed."""

    kind = "missing-tool"


class DamagedFile(CongvanError):
    """A PDF or DOCX whose structure cannot be parsed."""

    kind = "damaged"
