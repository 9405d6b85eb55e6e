"""Orientation and skew over generated pages, per condition.

    python -m pipeline.bench.geometry_bench [--pages 120] [--seed 31] [--pipeline] [--short-lines N]

Pages are drawn fresh (any document kind, any degradation, skews up to ±15°, all quarter turns);
reports rotation accuracy, skew error (median, max) and the CPU seconds of the estimate. With
``--pipeline`` the pages of pen notes and the mostly blank ones are also run through the whole
page pass (``process_page``, real Tesseract), whose reading checks and mends the geometry (a page
read as letter salad is read the other way up or along the other axis; a page of notes is set
straight by its typed lines), and the geometry it reports is scored too. ``--short-lines N``
then draws N pages holding only a continuation page's ``หน้า ๒`` (a random face, size, place,
skew within ±4°, quarter turn and dpi; clean) and scores the geometry alone on them: the
hardest skew there is, five letters.
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from PIL import Image

from pipeline import geometry
from pipeline.ingest import _to_rgb, inspect, load_page
from pipeline.model import Page
from pipeline.ocr.engine import OcrEngine, make_engine
from pipeline.options import Options
from pipeline.page import process_page
from pipeline.synth.corpus import make_file
from pipeline.synth.degrade import random_params


def _table(by: dict[str, list[tuple[bool, float]]]) -> None:
    print(f"{'condition':14} {'pages':>5} {'rotation':>9} {'skew err median':>16} {'max':>6}")
    for key, vals in sorted(by.items(), key=lambda kv: (kv[0] != "all", kv[0])):
        errs = [e for ok, e in vals if ok and not np.isnan(e)]
        acc = sum(ok for ok, _ in vals) / len(vals)
        med = statistics.median(errs) if errs else float("nan")
        print(
            f"{key:14} {len(vals):5d} {acc:9.1%} {med:15.3f}° {max(errs) if errs else float('nan'):5.2f}°"
        )


@functools.lru_cache(maxsize=1)
def _engine() -> OcrEngine:
    """The OCR engine, loaded once for the run."""
    options = Options()
    return make_engine("tesseract", options.languages, None, options.page_timeout)


def _read_page(image: Image.Image, dpi: int) -> Page:
    """The page through the whole page pass, as the importer runs it (from a file)."""
    options = Options()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.png"
        image.save(path, dpi=(dpi, dpi))
        return process_page(load_page(inspect(path, options), 1, options), _engine(), options)


SHORT_LINE = "หน้า ๒"
SHORT_FACES = ("laksaman", "sarabun", "garuda", "kinnari", "norasi")


def _short_lines(n: int, seed: int) -> None:
    """The geometry alone on ``n`` pages holding only ``SHORT_LINE``: skew error median, 90th
    percentile and max, pages over 0.3°, and pages turned wrong."""
    from pipeline.synth.degrade import line_alone_scan
    from pipeline.synth.fonts import typed_face

    rng = random.Random(seed)
    errors: list[float] = []
    wrong = 0
    for _ in range(n):
        face, pt = rng.choice(SHORT_FACES), rng.choice([14, 15, 16])
        skew, turn = round(rng.uniform(-4, 4), 2), rng.choice([0, 90, 180, 270])
        dpi = rng.choice([200, 300])
        at = (rng.randint(300, 1800), rng.randint(200, 3200))
        font = typed_face(face).font(pt * 300 // 72)
        scan = line_alone_scan(SHORT_LINE, font, at, skew, turn, dpi)
        g = geometry.estimate(scan, dpi)
        if g.rotation != turn:
            wrong += 1
        else:
            errors.append(abs(g.skew - skew))
    e = np.array(errors)
    print(
        f"\n{SHORT_LINE!r} alone on {n} pages (geometry alone): skew error median "
        f"{np.median(e):.3f}°, p90 {np.percentile(e, 90):.2f}°, max {e.max():.2f}°, "
        f"{int((e > 0.3).sum())} over 0.3°; {wrong} turned wrong"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=120)
    ap.add_argument("--seed", type=int, default=31)
    ap.add_argument("--pipeline", action="store_true")
    ap.add_argument("--short-lines", type=int, default=0)
    args = ap.parse_args(argv)
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # (before Tesseract loads: 4× faster here)
    after: dict[str, list[tuple[bool, float]]] = defaultdict(list)
    off: list[tuple[object, ...]] = []  # pages the page pass left turned or skewed wrong
    rng = random.Random(args.seed)
    by: dict[str, list[tuple[bool, float]]] = defaultdict(list)
    cpu: list[float] = []
    wrong = []
    for i in range(args.pages):
        params = random_params(rng)
        params.rotation = rng.choice([0, 90, 180, 270])
        params.skew = (
            round(rng.uniform(-15, 15), 2) if rng.random() < 0.3 else round(rng.uniform(-4, 4), 2)
        )
        # one page in four is mostly blank or mostly handwriting
        kind = rng.choice([None, None, None, None, None, None, "sparse", "handnotes"])
        images, truth, _, _ = make_file(i, args.seed, kind=kind, params=params)
        k = rng.randrange(len(images))
        rgb, colour = _to_rgb(images[k])
        tp = truth["pages"][k]
        t = time.process_time()
        g = geometry.estimate(geometry.to_gray(rgb), tp["dpi"], rgb=rgb if colour else None)
        cpu.append(time.process_time() - t)
        ok = g.rotation == tp["rotation"]
        err = abs(g.skew - tp["skew"]) if ok else float("nan")
        c = tp["conditions"]
        kinds = {"sparse": "mostly-blank", "handnotes": "handwriting"}.get(
            truth["kind"], "document"
        )
        if args.pipeline and truth["kind"] in ("sparse", "handnotes"):
            page = _read_page(images[k], tp["dpi"])
            ok_p = page.rotation == tp["rotation"]
            err_p = abs(page.skew - tp["skew"]) if ok_p else float("nan")
            after[kinds].append((ok_p, err_p))
            after[f"{kinds} mode={c['mode']}"].append((ok_p, err_p))
            if not ok_p or err_p > 0.3:
                off.append(
                    (i, kinds, tp["rotation"], page.rotation, tp["skew"], page.skew, c["mode"])
                )
        for key in (
            "all",
            f"mode={c['mode']}",
            f"dpi={c['dpi']}",
            f"rotation={tp['rotation']}",
            kinds,
            "noisy" if c["noise"] or c["jpeg"] or c["blur"] else "clean",
            f"hand={c['hand']}",
        ):
            by[key].append((ok, err))
        if not ok:
            wrong.append(
                (
                    i,
                    truth["kind"],
                    k + 1,
                    tp["rotation"],
                    g.rotation,
                    round(g.rotation_confidence, 2),
                    c["mode"],
                )
            )
    if cpu:  # (``--pages 0``: the short lines alone)
        _table(by)
        print(f"geometry CPU per page: median {statistics.median(cpu):.3f} s, max {max(cpu):.3f} s")
    if after:
        print("\nafter the page pass (process_page):")
        _table(after)
        for o in off:
            print("off after the page pass (page, kind, rotation, read, skew, read, mode):", o)
    if args.short_lines:
        _short_lines(args.short_lines, args.seed)
    for w in wrong:
        print(
            "wrong by the geometry alone (page, kind, file's page, rotation, read, conf, mode):", w
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
