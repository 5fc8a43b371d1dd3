"""Accuracy on every annotated set in one run, as a table of the scorer's groups.

    .venv/bin/python bench/score_sets.py

Sets: the shared development gold (../shared/corpus/gold), the project's blind annotations of
shared letters (corpus/annotations; development and held-out sets apart, per its sets.toml),
and the project's own sample letters (corpus/samples).
Figures are those of ../shared/eval/score.py (``extract.evaluate``).
"""
from __future__ import annotations

import shutil
import sys
import tempfile
import tomllib
from pathlib import Path

from extract.batch import run_batch
from extract.evaluate import GROUPS, score

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT.parent / "shared" / "corpus" / "texts"


def score_set(gold_dir: Path, text_dir: Path, ids: list[str] | None = None) -> dict | None:
    golds = sorted(g for g in gold_dir.glob("*.gold.json") if ids is None or g.name[:-len(".gold.json")] in ids)
    if not golds or not text_dir.is_dir():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        inbox, out, gold = Path(tmp, "in"), Path(tmp, "out"), Path(tmp, "gold")
        inbox.mkdir()
        gold.mkdir()
        for g in golds:
            name = g.name[: -len(".gold.json")]
            shutil.copy(text_dir / f"{name}.txt", inbox / f"{name}.txt")
            shutil.copy(g, gold / g.name)
        failed = [o for o in run_batch(inbox, out, progress=False) if o.status != "ok"]
        for o in failed:
            print(f"  failed: {o.message}", file=sys.stderr)
        report, _ = score(gold, out)
    return report


def main() -> int:
    annotations = ROOT / "corpus" / "annotations"
    groups = tomllib.loads((annotations / "sets.toml").read_text(encoding="utf-8"))["sets"]
    development = [i for s in groups.values() if not s["held_out"] for i in s["ids"]]
    held_out = [i for s in groups.values() if s["held_out"] for i in s["ids"]]
    sets = [
        ("shared dev gold", ROOT.parent / "shared" / "corpus" / "gold", TEXTS, None),
        ("annotations: dev", annotations, TEXTS, development),
        ("annotations: held out", annotations, TEXTS, held_out),
        ("project samples", ROOT / "corpus" / "samples", ROOT / "corpus" / "samples", None),
    ]
    header = f"{'set':22s} {'docs':>4s} " + " ".join(f"{g[:10]:>10s}" for g in GROUPS) + "    overall"
    print(header)
    for name, gold_dir, text_dir, ids in sets:
        report = score_set(gold_dir, text_dir, ids)
        if report is None:
            print(f"{name:22s} (absent)")
            continue
        groups = report["_groups"]
        cells = " ".join(f"{'-' if groups[g] is None else f'{groups[g]:.3f}':>10s}" for g in GROUPS)
        print(f"{name:22s} {report['_documents']:4d} {cells}    {report['_overall']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
