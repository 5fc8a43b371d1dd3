"""Plain-text and markdown letters: bytes → text, with the encoding detected and checked."""
from __future__ import annotations

import codecs

from ..errors import BinaryInput
from ..schema import Source

# Encodings tried after UTF-8, in order: Windows' Vietnamese code page, then Latin-1 (never fails)
FALLBACK_ENCODINGS = ("cp1258", "latin-1")


def decode(data: bytes, path: str | None = None) -> tuple[str, str]:
    """The text of ``data`` and the encoding it was in. Raises ``BinaryInput`` for non-text bytes."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    sample = data[:65536]
    if b"\x00" in sample or _control_ratio(sample) > 0.05:
        raise BinaryInput("binary data, not a text letter", path)
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in FALLBACK_ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise BinaryInput("undecodable bytes", path)  # pragma: no cover - latin-1 decodes anything


def _control_ratio(sample: bytes) -> float:
    if not sample:
        return 0.0
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(sample)


def read_text(data: bytes, source: Source, path: str | None = None):
    from ..document import RawText

    text, encoding = decode(data, path)
    source.encoding = encoding
    return RawText(text=text, source=source)
