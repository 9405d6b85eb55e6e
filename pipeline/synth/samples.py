"""The small sample set committed in ``scans/`` (demo and tests), with its truth beside the tests.

python -m pipeline.synth.samples scans tests/resources/samples-truth
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pipeline.synth.corpus import make_file, save_scan
from pipeline.synth.degrade import ScanParams

SAMPLES = [
    # name, kind, format, scan parameters
    ("memo-colour", "memo", "png", ScanParams(dpi=300, skew=1.2, mode="colour", jpeg=70)),
    (
        "memo-with-newsletter",
        "memo+newsletter",
        "pdf",
        ScanParams(dpi=200, skew=-0.8, mode="grey", noise=4),
    ),
    ("newsletter-bw", "newsletter", "tif", ScanParams(dpi=300, skew=0.5, mode="bw")),
    (
        "memo-sideways",
        "memo",
        "jpg",
        ScanParams(dpi=200, skew=-2.5, rotation=90, mode="colour", jpeg=80),
    ),
    ("announcement", "other", "pdf", ScanParams(dpi=300, skew=0.0, rotation=180, mode="grey")),
]


def write_samples(scans: Path, truth_dir: Path, seed: int = 7) -> None:
    scans.mkdir(parents=True, exist_ok=True)
    truth_dir.mkdir(parents=True, exist_ok=True)
    for i, (name, kind, fmt, params) in enumerate(SAMPLES):
        images, truth, fmt, masks = make_file(i, seed, kind=kind, fmt=fmt, params=params)
        fname = f"{name}.{fmt}"
        save_scan(images, scans / fname, fmt, params.dpi)
        truth["file"] = fname
        (truth_dir / f"{fname}.truth.json").write_text(
            json.dumps(truth, ensure_ascii=False, indent=1)
        )
        for n, m in enumerate(masks, start=1):
            m.save(truth_dir / f"{fname}.p{n}.mask.png", optimize=True)


if __name__ == "__main__":
    write_samples(Path(sys.argv[1]), Path(sys.argv[2]))
