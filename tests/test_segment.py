"""Segmentation: underthesea words and sentences with numbers, symbols and dates kept whole."""
from __future__ import annotations

import pytest

from extract.pipeline import make_doc
from extract.readers import read_source

PROTECTED = [
    # phrase from the corpus, the token that must stay whole
    ("theo Quyết định số 925/QĐ-UBND ngày 17/4/2018 của", "925/QĐ-UBND"),
    ("Thông tư số 01/2018/TT-VPCP ngày 23/11/2018", "01/2018/TT-VPCP"),
    ("Thông tư số 01/2018/TT-VPCP ngày 23/11/2018", "23/11/2018"),
    ("Số: 1795 /UBND-NC", "1795 /UBND-NC"),
    ("Công văn số 3374/CCTKV02-NVDTPC ngày 30/6/2025", "3374/CCTKV02-NVDTPC"),
    ("Nghị quyết số 98/2023/QH15 ngày 24/6/2023", "98/2023/QH15"),
    ("thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị", "57-NQ/TW"),
    ("Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ", "ngày 23 tháng 4 năm 2018"),
    ("Kế hoạch số 138/KH-UBND ngày 13/9/2019 của UBND tỉnh", "138/KH-UBND"),
]


@pytest.mark.parametrize("phrase, whole", PROTECTED)
def test_numbers_symbols_and_dates_stay_one_token(phrase, whole):
    doc = make_doc(read_source(phrase + "\nỦy ban nhân dân tỉnh đề nghị các sở thực hiện."))
    protected = [t.text for t in doc.tokens if t.protected]
    assert whole in protected


def test_tokens_carry_their_spans_and_words_are_joined():
    doc = make_doc(read_source("Ủy ban nhân dân tỉnh Kiên Giang yêu cầu các cơ quan chuyên môn thực hiện."))
    for token in doc.tokens:
        assert doc.text[token.start:token.end] == token.text
    assert any(" " in t.text for t in doc.tokens), "multi-syllable words are one token"
    starts = [t.start for t in doc.tokens]
    assert starts == sorted(starts)


def test_sentences_split_within_paragraphs(corpus):
    doc = make_doc(read_source(corpus / "texts" / "000.txt"))
    sentences = [doc.text[s:e] for s, e in doc.sentences]
    assert "Kính gửi: Chủ tịch UBND huyện Kiên Lương." in sentences
    assert any(s.startswith("Đến nay, hầu hết các nhiệm vụ CCHC") for s in sentences)
    assert all("\n" not in s for s in sentences)
