"""Speed of the text pipeline against underthesea's word_tokenize alone, in one run.

    .venv/bin/python bench/bench_speed.py [TEXT_DIR]     (default ../shared/corpus/texts)

Prints: seconds for word_tokenize over every text; seconds for `congvan batch` over the same
folder (one process, as archivists run it, start-up included); the ratio (issue 3 asks ≤ 3×);
in-process read_letter time per letter; peak memory.
"""
from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus" / "texts"
    files = sorted(folder.glob("*.txt"))
    if not files:
        print(f"no .txt letters in {folder}", file=sys.stderr)
        return 2
    texts = [f.read_text(encoding="utf-8") for f in files]
    chars = sum(map(len, texts))

    from underthesea import word_tokenize

    word_tokenize("Khởi động mô hình.")  # load the model outside the timing
    start = time.perf_counter()
    for text in texts:
        word_tokenize(text)
    tokenize_s = time.perf_counter() - start

    import extract

    extract.read_letter(texts[0])  # warm up: tables compiled, model loaded
    start = time.perf_counter()
    for f in files:
        try:
            extract.read_letter(f)
        except extract.CongvanError:
            pass
    inprocess_s = time.perf_counter() - start

    congvan = Path(sys.executable).with_name("congvan")
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run([str(congvan), "batch", str(folder), "-o", out, "--quiet", "-j", "1"],
                       check=False, capture_output=True)
        batch_s = time.perf_counter() - start

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"letters: {len(files)} ({chars / 1e6:.2f} M characters) from {folder}")
    print(f"underthesea word_tokenize alone : {tokenize_s:7.2f} s")
    print(f"congvan batch -j 1 (whole CLI)   : {batch_s:7.2f} s   ratio {batch_s / tokenize_s:.2f}x")
    print(f"read_letter in process           : {inprocess_s:7.2f} s   ratio {inprocess_s / tokenize_s:.2f}x"
          f"   {1000 * inprocess_s / len(files):.1f} ms/letter")
    print(f"peak memory (this process)       : {peak_mb:7.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
