"""Shared fixtures: the shared corpus (skipped with a reason where ../shared is absent)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SAMPLES = ROOT / "corpus" / "samples"


def need_corpus() -> Path:
    if not (CORPUS / "texts").is_dir():
        pytest.skip("../shared/corpus absent: the real letters are not in this checkout")
    return CORPUS


@pytest.fixture(scope="session")
def corpus() -> Path:
    return need_corpus()


@pytest.fixture(scope="session")
def gold_letters(corpus) -> dict[str, dict]:
    """id -> gold annotation, for every development letter."""
    return {p.name[: -len(".gold.json")]: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted((corpus / "gold").glob("*.gold.json"))}


@pytest.fixture(scope="session")
def gold_predictions(corpus, gold_letters) -> dict[str, dict]:
    """id -> the toolkit's JSON for each development letter (converted once per session)."""
    import extract

    return {name: json.loads(extract.read_letter(corpus / "texts" / f"{name}.txt").model_dump_json())
            for name in gold_letters}
