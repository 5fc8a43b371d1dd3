"""Vietnamese word and sentence segmentation with underthesea, on the normalised text.

underthesea splits "925/QĐ-UBND" into three tokens and "01/2018/TT-VPCP" into three; here
document numbers, symbols and dates are protected: tokens that overlap one are merged into a
single token marked ``protected``. Every token and sentence carries its character span.
"""
from __future__ import annotations

from .document import Doc, Token
from .patterns import protected_re
from .schema import Span


def segment(doc: Doc) -> None:
    """Fill ``doc.tokens`` and ``doc.sentences``."""
    from underthesea import sent_tokenize, word_tokenize

    text = doc.text
    tokens = _align(text, word_tokenize(text))
    doc.tokens = _protect(text, tokens)
    sentences: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            sentences.extend((pos + s, pos + e) for s, e in _align_sentences(line, sent_tokenize(line)))
        pos += len(line) + 1
    doc.sentences = sentences


def _align(text: str, pieces: list[str]) -> list[Token]:
    """Spans of underthesea's tokens (syllables joined by spaces) found in order in ``text``."""
    out, pos = [], 0
    for piece in pieces:
        syllables = piece.split()
        if not syllables:
            continue
        start = text.find(syllables[0], pos)
        if start < 0 or start - pos > 200:
            continue
        end = start + len(syllables[0])
        for syl in syllables[1:]:
            nxt = text.find(syl, end)
            if nxt < 0 or nxt - end > 3:
                break
            end = nxt + len(syl)
        out.append(Token(start, end, text[start:end]))
        pos = end
    return out


def _protect(text: str, tokens: list[Token]) -> list[Token]:
    spans = [m.span() for m in protected_re().finditer(text)]
    if not spans:
        return tokens
    out: list[Token] = []
    i = 0
    for start, end in spans:
        while i < len(tokens) and tokens[i].end <= start:
            out.append(tokens[i])
            i += 1
        lo, hi = start, end
        while i < len(tokens) and tokens[i].start < end:
            lo, hi = min(lo, tokens[i].start), max(hi, tokens[i].end)
            i += 1
        out.append(Token(lo, hi, text[lo:hi], protected=True))
    out.extend(tokens[i:])
    return out


def _align_sentences(line: str, sentences: list[str]) -> list[Span]:
    out, pos = [], 0
    for sent in sentences:
        sent = sent.strip()
        if not sent:
            continue
        start = line.find(sent[:20], pos)
        if start < 0:
            continue
        end = start + len(sent)
        out.append((start, min(end, len(line))))
        pos = end
    if not out and line.strip():
        out.append((0, len(line)))
    return out
