"""`congvan evaluate` agrees with ../shared/eval/score.py, the scorer that judges the project."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import SHARED
from extract.evaluate import score


def test_same_figures_as_the_shared_scorer(tmp_path, corpus, gold_predictions):
    for name, letter in gold_predictions.items():
        (tmp_path / f"{name}.json").write_text(json.dumps(letter, ensure_ascii=False), encoding="utf-8")
    ours, _ = score(corpus / "gold", tmp_path)
    shared = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(corpus / "gold"),
                             str(tmp_path), "--json"], capture_output=True, text=True, check=True)
    assert json.loads(json.dumps(ours)) == json.loads(shared.stdout)


def test_missing_prediction_scores_as_empty(tmp_path, corpus):
    report, per_doc = score(corpus / "gold", tmp_path)
    assert report["_documents"] == len(per_doc) >= 30
    assert report["_groups"]["references"] == 0.0
