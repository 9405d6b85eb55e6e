"""Re-run speed at archive scale: ``saraban import`` over N files that are already imported.

Makes N small distinct page images, imports them once (with the fast geometric engine: this
set-up is not what is measured), then times the real command line — a fresh ``saraban import``
process with the Tesseract engine — over the same folder three times and reports the median.
Every file must come back as skipped (ledger check only, no file read).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from PIL import Image, ImageDraw

from pipeline.jobs.importer import import_paths
from pipeline.options import Options


def make_files(folder: Path, n: int) -> None:
    """N distinct tiny pages in folders of 500, as an archive's boxes would be."""
    for i in range(n):
        sub = folder / f"box{i // 500:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        im = Image.new("L", (210, 297), 255)
        d = ImageDraw.Draw(im)
        for b in range(14):  # the index in binary: every file's content differs
            if i >> b & 1:
                d.rectangle((20 + 12 * b, 40, 28 + 12 * b, 60), fill=0)
        d.rectangle((20, 100, 190, 110), fill=0)
        im.save(sub / f"page{i:05d}.png", dpi=(25, 25))


def rerun_figures(work: Path, files: int, jobs: int = 2, repeats: int = 3) -> dict[str, float]:
    inbox, out = work / "in", work / "out"
    shutil.rmtree(work, ignore_errors=True)
    make_files(inbox, files)
    t0 = time.monotonic()
    first = import_paths([inbox], out, Options(), jobs=jobs, engine_kind="fake", progress=False)
    setup = time.monotonic() - t0
    if first.done + first.linked != files:
        raise RuntimeError(f"set-up import incomplete: {first.line()}")
    walls = []
    for _ in range(repeats):
        t0 = time.monotonic()
        proc = subprocess.run(
            [sys.executable, "-m", "pipeline", "import", str(inbox), "--out", str(out)]
            + ["--jobs", str(jobs)],
            capture_output=True,
            text=True,
            check=True,
        )
        walls.append(time.monotonic() - t0)
        if f"{files} skipped" not in proc.stdout:
            raise RuntimeError(f"re-run did work: {proc.stdout.strip()}")
    return {"files": files, "setup": setup, "median": statistics.median(walls), "max": max(walls)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=Path("build/rerun"))
    ap.add_argument("--files", type=int, default=10_000)
    args = ap.parse_args(argv)
    r = rerun_figures(args.out, args.files)
    print(
        f"re-run over {r['files']:.0f} imported files: median {r['median']:.1f} s "
        f"(max {r['max']:.1f} s of 3; first import {r['setup']:.0f} s with the fast engine)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
