"""The spaCy view of a letter: same text, values as span groups over whole tokens."""
from __future__ import annotations

import extract
from extract.pipeline import run
from extract.readers import read_source
from extract.spacy_doc import to_spacy


def test_spacy_doc_keeps_the_text_and_the_spans(corpus):
    doc, letter = run(read_source(corpus / "texts" / "000.txt"))
    sdoc = to_spacy(doc, letter)
    assert sdoc.text == doc.text.rstrip("\n")
    for reference, span in zip(letter.references, sdoc.spans["references"]):
        assert span.start_char <= reference.span[0] < span.end_char
        assert span.text.startswith(doc.text[span.start_char:reference.span[1]][:10])
    assert len(sdoc.spans["tasks"]) == len(letter.tasks)
    # numbers with symbols are single tokens
    assert "925/QĐ-UBND" in [t.text for t in sdoc]


def test_read_spacy_is_the_public_entry(corpus):
    sdoc = extract.read_spacy(corpus / "texts" / "000.txt")
    assert set(sdoc.spans) >= {"references", "tasks", "deadlines", "assignees", "coordinators"}
