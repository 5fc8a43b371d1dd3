"""The ``congvan`` command line: extract, batch, schema, evaluate."""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from .errors import CongvanError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="congvan", description="Vietnamese directive letters → structured JSON")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="convert letters (txt, md, pdf, docx) to JSON")
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("-o", "--out", type=Path, help="folder for <stem>.json files (default: JSON on stdout)")
    p.add_argument("--with-text", action="store_true", help="include the normalised text the spans point into")
    _pdf_engine_option(p)

    p = sub.add_parser("batch", help="convert every supported file under a folder")
    p.add_argument("in_dir", type=Path)
    p.add_argument("-o", "--out", type=Path, required=True)
    p.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--resume", action="store_true", help="skip inputs whose JSON is already up to date")
    p.add_argument("--with-text", action="store_true")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    _pdf_engine_option(p)

    sub.add_parser("schema", help="print the JSON Schema of the output")

    p = sub.add_parser("evaluate", help="score predictions against gold annotations")
    p.add_argument("gold_dir", type=Path)
    p.add_argument("pred_dir", type=Path)
    p.add_argument("--per-doc", action="store_true")
    p.add_argument("--json", action="store_true")

    args = parser.parse_args(argv)
    return {"extract": _extract, "batch": _batch, "schema": _schema, "evaluate": _evaluate}[args.command](args)


def _pdf_engine_option(p: argparse.ArgumentParser) -> None:
    from .readers import PDF_ENGINES

    p.add_argument("--pdf-engine", choices=PDF_ENGINES, default=PDF_ENGINES[0],
                   help="what reads a PDF's text layer: pdfium (default) is the fast one, within "
                        "5x the time of pdftotext; pdfplumber (pdfminer, pure Python) reads the "
                        "same words about 7x slower. Scans are OCR'd the same way with either.")


def _extract(args) -> int:
    from . import read_letter
    from .batch import letter_json, write_json_atomic

    if len(args.files) > 1 and not args.out:
        print("congvan extract: several files need -o DIR", file=sys.stderr)
        return 2
    failed = 0
    for path in args.files:
        try:
            letter = read_letter(path, with_text=args.with_text, pdf_engine=args.pdf_engine)
        except CongvanError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed += 1
            continue
        data = letter_json(letter)
        if args.out:
            write_json_atomic(args.out / f"{path.stem}.json", data)
        else:
            sys.stdout.write(data)
    return 1 if failed else 0


def _batch(args) -> int:
    from .batch import run_batch, summary

    if not args.in_dir.is_dir():
        print(f"congvan batch: {args.in_dir} is not a folder", file=sys.stderr)
        return 2
    start = time.perf_counter()
    outcomes = run_batch(args.in_dir, args.out, jobs=args.jobs, resume=args.resume,
                         with_text=args.with_text, progress=not args.quiet, pdf_engine=args.pdf_engine)
    failures = [o for o in outcomes if o.status not in ("ok", "skipped")]
    for o in failures:
        print(f"failed [{o.status}] {o.message}", file=sys.stderr)
    print(summary(outcomes, time.perf_counter() - start))
    return 1 if failures else 0


def _schema(args) -> int:
    from .schema import Letter

    print(json.dumps(Letter.model_json_schema(), ensure_ascii=False, indent=2))
    return 0


def _evaluate(args) -> int:
    from .evaluate import format_report, score

    report, per_doc = score(args.gold_dir, args.pred_dir)
    print(format_report(report, per_doc, per_doc_lines=args.per_doc, as_json=args.json))
    return 0


if __name__ == "__main__":
    sys.exit(main())
