"""Orientation and skew over generated pages, per condition.

    python -m pipeline.bench.geometry_bench [--pages 120] [--seed 31]

Pages are drawn fresh (any document kind, any degradation, skews up to ±15°, all quarter turns);
reports rotation accuracy, skew error (median, max) and the CPU seconds of the estimate.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections import defaultdict

import numpy as np

from pipeline import geometry
from pipeline.ingest import _to_rgb
from pipeline.synth.corpus import make_file
from pipeline.synth.degrade import random_params


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=120)
    ap.add_argument("--seed", type=int, default=31)
    args = ap.parse_args(argv)
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
                    truth["kind"],
                    k + 1,
                    tp["rotation"],
                    g.rotation,
                    round(g.rotation_confidence, 2),
                    c["mode"],
                )
            )
    print(f"{'condition':14} {'pages':>5} {'rotation':>9} {'skew err median':>16} {'max':>6}")
    for key, vals in sorted(by.items(), key=lambda kv: (kv[0] != "all", kv[0])):
        errs = [e for ok, e in vals if ok and not np.isnan(e)]
        acc = sum(ok for ok, _ in vals) / len(vals)
        med = statistics.median(errs) if errs else float("nan")
        print(
            f"{key:14} {len(vals):5d} {acc:9.1%} {med:15.3f}° {max(errs) if errs else float('nan'):5.2f}°"
        )
    print(f"geometry CPU per page: median {statistics.median(cpu):.3f} s, max {max(cpu):.3f} s")
    for w in wrong:
        print("wrong:", w)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
