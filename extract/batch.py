"""Batch conversion: every supported file under a folder → one JSON each, resumable and safe.

Outputs are written atomically (a temporary file renamed into place), so an interrupted run never
leaves a half-written JSON; ``resume`` skips inputs whose output already holds the same input hash.
A file that fails is reported and skipped; it never stops the batch.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path

from .errors import CongvanError
from .readers import SUPPORTED_SUFFIXES


@dataclass
class Outcome:
    path: str
    status: str  # "ok" | "skipped" | an error kind
    message: str = ""
    seconds: float = 0.0


def find_inputs(in_dir: Path) -> list[Path]:
    return sorted(p for p in in_dir.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                  and not p.name.startswith("."))


def output_paths(inputs: list[Path], in_dir: Path, out_dir: Path) -> dict[Path, Path]:
    """OUT_DIR/<relative folder>/<stem>.json; two inputs of one stem in one folder keep their suffix."""
    stems = Counter((p.parent, p.stem) for p in inputs)
    out = {}
    for p in inputs:
        name = p.name if stems[(p.parent, p.stem)] > 1 else p.stem
        out[p] = out_dir / p.parent.relative_to(in_dir) / f"{name}.json"
    return out


def write_json_atomic(path: Path, data: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def letter_json(letter) -> str:
    return letter.model_dump_json(indent=2, exclude_none=False) + "\n"


def convert_one(job: tuple[str, str, bool, str]) -> Outcome:
    """Convert one file; never raises (errors become an ``Outcome``)."""
    from . import read_letter

    src, dst, with_text, pdf_engine = job
    start = time.perf_counter()
    try:
        letter = read_letter(Path(src), with_text=with_text, pdf_engine=pdf_engine)
        write_json_atomic(Path(dst), letter_json(letter))
        return Outcome(src, "ok", seconds=time.perf_counter() - start)
    except CongvanError as exc:
        return Outcome(src, exc.kind, str(exc), time.perf_counter() - start)
    except Exception as exc:  # a bug must not take the batch down: report it with its type
        return Outcome(src, "internal-error", f"{src}: {type(exc).__name__}: {exc}", time.perf_counter() - start)


def already_done(src: Path, dst: Path) -> bool:
    try:
        recorded = json.loads(dst.read_text(encoding="utf-8"))["source"]["sha256"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return recorded == sha256(src.read_bytes()).hexdigest()


def run_batch(in_dir: Path, out_dir: Path, *, jobs: int = 1, resume: bool = False, with_text: bool = False,
              progress: bool = True, pdf_engine: str = "pdfium") -> list[Outcome]:
    inputs = find_inputs(in_dir)
    targets = output_paths(inputs, in_dir, out_dir)
    outcomes: list[Outcome] = []
    todo = []
    for src in inputs:
        if resume and already_done(src, targets[src]):
            outcomes.append(Outcome(str(src), "skipped"))
        else:
            todo.append((str(src), str(targets[src]), with_text, pdf_engine))
    bar = _Progress(len(inputs), enabled=progress)
    bar.advance(len(outcomes))
    for outcome in _run(todo, jobs):
        outcomes.append(outcome)
        bar.advance(1, outcome)
    bar.close()
    return outcomes


def _run(todo: list[tuple[str, str, bool, str]], jobs: int) -> Iterator[Outcome]:
    if jobs <= 1 or len(todo) < 2:
        yield from map(convert_one, todo)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(convert_one, todo, chunksize=4)


class _Progress:
    def __init__(self, total: int, enabled: bool):
        self.total, self.done, self.failed = total, 0, 0
        self.enabled = enabled and total > 0
        self.start = time.perf_counter()

    def advance(self, n: int, outcome: Outcome | None = None) -> None:
        self.done += n
        if outcome is not None and outcome.status not in ("ok", "skipped"):
            self.failed += 1
        if self.enabled:
            width = 30
            filled = width * self.done // max(self.total, 1)
            rate = self.done / max(time.perf_counter() - self.start, 1e-9)
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}"
                             f"  {rate:.1f} files/s  {self.failed} failed")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


def summary(outcomes: list[Outcome], seconds: float) -> str:
    counts = Counter(o.status for o in outcomes)
    failed = sum(n for s, n in counts.items() if s not in ("ok", "skipped"))
    parts = [f"{counts['ok']} converted", f"{counts['skipped']} skipped (up to date)", f"{failed} failed"]
    return f"{len(outcomes)} files: " + ", ".join(parts) + f" in {seconds:.1f} s"
