"""CPU time of layout analysis and line classification per page, on the bench corpus.

    python -m pipeline.bench.layout_bench [--pages 24] [--seed 2026] [--count 32]

Each page is turned upright first (geometry, not timed); then ``layout.analyse`` (regions,
colour ink, the OCR image) and the typed / handwritten / stamp classification of the lines OCR
found (features, the model, the split of mixed lines) are timed with ``time.process_time``, one
process, one thread. OCR's own time is not counted. Prints the median and the max per page and
the medians per ink mode.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict
from pathlib import Path

import cv2

from pipeline import geometry, handwriting, layout
from pipeline.bench.run import ensure_corpus
from pipeline.ingest import inspect, load_page
from pipeline.ocr.engine import make_engine
from pipeline.options import Options
from pipeline.page import _split_mixed_lines, _upright, read_page_lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=24)
    ap.add_argument("--count", type=int, default=32)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--out", type=Path, default=Path("build/bench"))
    args = ap.parse_args(argv)
    cv2.setNumThreads(1)
    corpus = ensure_corpus(args.out, args.count, args.seed, decoded=args.seed == 2026)
    options = Options()
    engine = make_engine("tesseract", options.languages, options.tessdata_dir)
    per_page: list[float] = []
    by_mode: dict[str, list[float]] = defaultdict(list)
    for scan in sorted((corpus / "scans").iterdir()):
        if len(per_page) >= args.pages:
            break
        info = inspect(scan, options)
        for n in range(1, info.pages + 1):
            if len(per_page) >= args.pages:
                break
            page = load_page(info, n, options)
            gray0 = geometry.to_gray(page.image)
            geo = geometry.estimate(gray0, page.dpi, rgb=page.image if page.colour else None)
            rgb, gray = _upright(page, gray0, geo)
            t = time.process_time()
            lay = layout.analyse(rgb, gray, page.dpi, page.colour)
            spent = time.process_time() - t
            lines = read_page_lines(engine, lay, page.dpi, options)
            t = time.process_time()
            ink = layout.ocr_ink(lay)
            kinds = handwriting.classify_lines(lines, ink, lay.x_height, lay.clean_gray)
            _split_mixed_lines(lines, kinds, lay, ink)
            spent += time.process_time() - t
            per_page.append(spent)
            by_mode["colour" if page.colour else "grey or black-and-white"].append(spent)
    print(
        f"layout and classification CPU per page over {len(per_page)} pages: "
        f"median {statistics.median(per_page):.3f} s, max {max(per_page):.3f} s"
    )
    for mode, vals in sorted(by_mode.items()):
        print(f"  {mode:24} {len(vals):3d} pages, median {statistics.median(vals):.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
