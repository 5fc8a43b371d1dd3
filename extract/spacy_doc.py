"""A letter as a spaCy ``Doc``, for researchers who train or inspect components with spaCy.

The tokens are congvan's own segmentation (underthesea words, numbers and dates kept whole); the
extracted values become span groups: ``doc.spans["references"]``, ``["tasks"]``,
``["deadlines"]``, ``["assignees"]``, ``["coordinators"]``, each span labelled (reference type,
task label, deadline kind). spaCy's Vietnamese tokenizer is not used (it needs pyvi); the words
come from underthesea.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cache

from .document import Doc as LetterDoc
from .schema import Letter


@cache
def _nlp():
    import spacy

    return spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})


def to_spacy(doc: LetterDoc, letter: Letter):
    """A ``spacy.tokens.Doc`` over ``doc.text`` with the letter's values as span groups.

    Line breaks become whitespace tokens, so ``sdoc.text == doc.text`` wherever the text's spaces
    are single (the normalised text's are) and character offsets agree.
    """
    from spacy.tokens import Doc

    pieces = _pieces(doc)
    words = [doc.text[s:e] for s, e in pieces]
    spaces = [e < len(doc.text) and doc.text[e] == " " and (i + 1 == len(pieces) or pieces[i + 1][0] > e)
              for i, (s, e) in enumerate(pieces)]
    sdoc = Doc(_nlp().vocab, words=words, spaces=spaces)
    starts = [s for s, _ in pieces]
    ends = [e for _, e in pieces]
    groups = {
        "references": [(r.span, r.type or "reference") for r in letter.references],
        "tasks": [(t.span, t.label or "task") for t in letter.tasks],
        "deadlines": [(d.span, d.kind) for d in letter.deadlines if d.span],
        "assignees": [(a.span, "assignee") for t in letter.tasks for a in t.assignees if a.span],
        "coordinators": [(c.span, "coordinator") for t in letter.tasks for c in t.coordinators if c.span],
    }
    for name, items in groups.items():
        sdoc.spans[name] = [sp for sp in (_token_span(sdoc, starts, ends, span, label) for span, label in items)
                            if sp is not None]
    return sdoc


def _pieces(doc: LetterDoc) -> list[tuple[int, int]]:
    """Token spans, with the line break between two tokens as a piece of its own (the normalised
    text has single line breaks and single spaces)."""
    out, pos = [], 0
    for token in doc.tokens:
        newline = doc.text.find("\n", pos, token.start)
        if newline >= 0:
            out.append((newline, newline + 1))
        out.append((token.start, token.end))
        pos = token.end
    return out


def _token_span(sdoc, starts: list[int], ends: list[int], span: tuple[int, int], label: str):
    """The token span covering ``span`` of the letter's text, or None when no token lies inside."""
    from spacy.tokens import Span

    first = bisect_right(ends, span[0])
    last = bisect_left(starts, span[1])
    if first >= last:
        return None
    return Span(sdoc, first, last, label=label)
