"""Train the reference-letter recogniser shipped as models/ref_letters.npz.

    .venv/bin/python models/train_ref_letters.py [--out models/ref_letters.npz] [--seed 7]

A reference's running number may open with the letter ว (a circular) or จ: ``ที่ พณ 7504.9/ว8493``.
The engines read that letter as a digit where the face draws it digit-like (ว as 2, 9 or ๐; จ
as 8), and the digit network has no letter to answer with. This network tells the three apart:
a digit (any of ๐–๙ and 0–9), ว, or จ. Glyphs are rendered and degraded exactly as for the
digit network (``train_digits.render``: every installed Thai TLWG face and the bundled Sarabun,
regular, bold and oblique, 30–110 px, blur, noise, low resolution, thickening and thinning),
and read through the same features. One face (Norasi) is held out first for an honest score.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "models"))

from train_digits import HOLD_OUT, mlp, rendered, split_fonts  # noqa: E402

from pipeline import nn  # noqa: E402
from pipeline.ocr.digits import CLASSES, REF_LETTER_CLASSES, glyph_features  # noqa: E402


def dataset(font_list: list[Path], per: int, rng: random.Random) -> tuple[np.ndarray, np.ndarray]:
    """``per`` glyphs of each letter per font file, and twice as many digits, spread over the 20."""
    xs: list = []
    ys: list = []
    for font in font_list:
        wanted = [(ch, k) for k, ch in enumerate(REF_LETTER_CLASSES) if k for _ in range(per)]
        wanted += [(rng.choice(CLASSES), 0) for _ in range(2 * per)]
        rendered(font, wanted, rng, xs, ys, glyph_features)
    return np.stack(xs), np.array(ys)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "ref_letters.npz")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--per", type=int, default=60, help="samples per letter per font file")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    np.random.seed(args.seed)
    train_f, held_f = split_fonts()
    t = time.time()
    x_tr, y_tr = dataset(train_f, args.per, rng)
    x_ho, y_ho = dataset(held_f, 20, rng)

    def fit(x: np.ndarray, y: np.ndarray):  # type: ignore[no-untyped-def]
        mean, std = x.mean(axis=0), x.std(axis=0) + 1e-3
        clf = mlp(64, args.seed)
        clf.fit((x - mean) / std, y)
        return clf, mean, std

    clf, mean, std = fit(x_tr, y_tr)
    pred = clf.predict((x_ho - mean) / std)
    print(f"{len(x_tr)} training glyphs from {len(train_f)} font files, {time.time() - t:.0f} s")
    print(f"held-out face {HOLD_OUT} ({len(x_ho)} glyphs): accuracy {(pred == y_ho).mean():.4f}")
    for k, name in enumerate(("digit", "ว", "จ")):
        sel = y_ho == k
        print(f"  {name}: recall {(pred[sel] == k).mean():.4f} of {sel.sum()}")
    # a digit taken for a letter is the costly mistake: how often, at the pipeline's threshold
    p = clf.predict_proba((x_ho - mean) / std)
    digits = y_ho == 0
    print(f"  digits read as a letter at p >= 0.9: {(p[digits, 1:].max(axis=1) >= 0.9).mean():.4f}")
    x_hf, y_hf = dataset(held_f, args.per, rng)
    final, mean, std = fit(np.concatenate([x_tr, x_hf]), np.concatenate([y_tr, y_hf]))
    nn.save(args.out, final, mean, std, f"ref-letters-1 seed {args.seed}")
    print(f"saved {args.out} ({args.out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
