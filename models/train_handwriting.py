"""Train the line classifier (typed / handwritten / stamp) shipped as models/handwriting.npz.

    .venv/bin/python models/train_handwriting.py [--count 80] [--seed 77]

Generates a synthetic corpus (its own seed, never the benchmark's), runs the pipeline's own page
pass on every page (geometry, layout, OCR lines), describes each OCR line with
``pipeline.handwriting.line_features`` and labels it from the generator's ink mask: the kind of
most of the labelled ink inside the line's box. Files are split 80/20 for the held-out scores,
then the network is refitted on everything.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline import geometry, layout, nn  # noqa: E402
from pipeline.handwriting import FEATURES, feature_matrix  # noqa: E402
from pipeline.ingest import inspect, load_page  # noqa: E402
from pipeline.ocr.engine import TesseractEngine  # noqa: E402
from pipeline.options import Options  # noqa: E402
from pipeline.page import read_page_lines  # noqa: E402
from pipeline.synth import generate  # noqa: E402
from pipeline.synth.render import HAND, SIGNATURE, STAMP, TYPED  # noqa: E402

CLASSES = ("typed", "handwritten", "stamp")


def page_samples(args: tuple[Path, Path, int]) -> list[tuple[list[float], int, str, str]]:
    scan, truth_dir, n = args
    opts = Options()
    truth = json.loads((truth_dir / f"{scan.name}.truth.json").read_text(encoding="utf-8"))
    tp = truth["pages"][n - 1]
    info = inspect(scan, opts)
    p = load_page(info, n, opts)
    g0 = geometry.to_gray(p.image)
    geo = geometry.estimate(g0, p.dpi)
    if geo.rotation != tp["rotation"]:
        return []
    rgb = geometry.apply(p.image, geo)
    gray = geometry.to_gray(rgb)
    lay = layout.analyse(rgb, gray, p.dpi, p.colour)
    lines = read_page_lines(TesseractEngine(), lay, p.dpi, opts)
    mask = np.asarray(Image.open(truth_dir / f"{scan.name}.p{n}.mask.png"))
    s = 300.0 / p.dpi
    if not lines:
        return []
    feats = feature_matrix(lines, layout.ocr_ink(lay), lay.x_height, lay.clean_gray)
    out = []
    for ln, f in zip(lines, feats, strict=True):
        x0, y0, x1, y1 = (int(round(v * s)) for v in ln.bbox)
        sub = mask[max(0, y0) : y1, max(0, x0) : x1]
        counts = {
            k: int((sub == v).sum())
            for k, v in (("typed", TYPED), ("hand", HAND), ("sig", SIGNATURE), ("stamp", STAMP))
        }
        total = sum(counts.values())
        if total < 20:
            continue
        if counts["typed"] >= 0.6 * total:
            label = 0
        elif counts["hand"] + counts["sig"] >= 0.5 * total:
            label = 1
        elif counts["stamp"] >= 0.5 * total:
            label = 2
        else:
            continue
        out.append((f.tolist(), label, tp["conditions"]["mode"], scan.name))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=80)
    ap.add_argument("--seed", type=int, default=77)
    ap.add_argument("--work", type=Path, default=ROOT / "build" / "hw-train")
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "handwriting.npz")
    args = ap.parse_args()
    from sklearn.neural_network import MLPClassifier

    t = time.time()
    corpus = args.work / f"s{args.seed}-n{args.count}"
    if not (corpus / "complete").exists():
        generate(corpus, args.count, args.seed)
        (corpus / "complete").write_text("ok")
    tasks = []
    for scan in sorted((corpus / "scans").iterdir()):
        truth = json.loads(
            (corpus / "truth" / f"{scan.name}.truth.json").read_text(encoding="utf-8")
        )
        tasks += [(scan, corpus / "truth", n) for n in range(1, len(truth["pages"]) + 1)]
    with ProcessPoolExecutor(2) as ex:
        rows = [r for chunk in ex.map(page_samples, tasks) for r in chunk]
    x = np.array([r[0] for r in rows], np.float32)
    y = np.array([r[1] for r in rows])
    modes = np.array([r[2] for r in rows])
    files = sorted({r[3] for r in rows})
    held = np.array([r[3] in set(files[int(len(files) * 0.8) :]) for r in rows])
    print(
        f"{len(rows)} lines from {len(tasks)} pages ({np.bincount(y, minlength=3)} typed/hand/stamp), "
        f"{time.time() - t:.0f} s"
    )

    def fit(xs: np.ndarray, ys: np.ndarray) -> tuple[MLPClassifier, np.ndarray, np.ndarray]:
        mean, std = xs.mean(axis=0), xs.std(axis=0) + 1e-3
        # balance the classes by repeating the rarer ones
        idx = np.concatenate(
            [
                np.random.default_rng(args.seed).choice(
                    np.nonzero(ys == c)[0], max(np.bincount(ys)), replace=True
                )
                for c in np.unique(ys)
            ]
        )
        clf = MLPClassifier(
            hidden_layer_sizes=(48, 24), alpha=1e-3, max_iter=400, random_state=args.seed
        )
        clf.fit((xs[idx] - mean) / std, ys[idx])
        return clf, mean, std

    clf, mean, std = fit(x[~held], y[~held])
    pred = clf.predict((x[held] - mean) / std)
    report = {}
    for mode in ("all", "colour", "grey", "bw"):
        sel = np.ones(held.sum(), bool) if mode == "all" else modes[held] == mode
        yt, yp = y[held][sel] != 0, pred[sel] != 0  # non-typed vs typed
        tp = int((yt & yp).sum())
        prec = tp / max(1, yp.sum())
        rec = tp / max(1, yt.sum())
        report[mode] = {
            "lines": int(sel.sum()),
            "precision": round(prec, 3),
            "recall": round(rec, 3),
            "f1": round(2 * prec * rec / max(1e-9, prec + rec), 3),
            "accuracy_3class": round(float((pred[sel] == y[held][sel]).mean()), 3),
        }
    print("held-out (non-typed vs typed lines):", json.dumps(report))
    final, mean, std = fit(x, y)
    nn.save(args.out, final, mean, std, f"handwriting-3 seed {args.seed} n{args.count}")
    (args.out.with_suffix(".scores.json")).write_text(
        json.dumps(
            {
                "features": FEATURES,
                "classes": CLASSES,
                "held_out": report,
                "lines": {
                    c: int(v) for c, v in zip(CLASSES, np.bincount(y, minlength=3), strict=True)
                },
            },
            indent=1,
        )
    )
    print(f"saved {args.out}")
    _ = defaultdict
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
