"""Real paper: the Royal Thai Government Gazette's pages 1–2 (``../shared/real-samples/``, a
born-digital PDF rasterised at 300 dpi as a scan), read by saraban and by raw Tesseract, each
scored against the PDF's own text layer.

The text layer is rough truth: its extraction drops sara am's circle (``อานาจ`` for อำนาจ),
misorders marks (``หนา้`` for หน้า) and writes some Thai digits as Arabic ones (``มาตรา ๕4``).
Both readings and the layer are compared in one form that forgives exactly that
(:func:`comparable`): marks put in order, digits in one script, sara am as sara aa, white space
and the kind of quotes aside. What is left is reading errors, and a few of the layer's own.

    python -m pipeline.bench.real_bench [--samples ../shared/real-samples]
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from pathlib import Path
from typing import Any

from rapidfuzz.distance import Levenshtein

from pipeline.thai.digits import to_arabic_digits

GAZETTE = "gazette-139-154ng-travel-regulation.pdf"
LAYER = "gazette-139-154ng-p1-2.textlayer.txt"
PAGES = 2  # the pages the layer holds
DPI = 300
SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "real-samples"

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def comparable(text: str) -> str:
    """``text`` in the form the layer and a reading are compared in (see the module)."""
    from pythainlp.util import normalize

    text = to_arabic_digits(normalize(text)).replace("\u0e33", "\u0e32").replace("\u0e4d", "")
    return re.sub(r"\s+", "", text.translate(_QUOTES))


def gazette_figures(samples: Path, jobs: int) -> dict[str, Any] | None:
    """CER of saraban and of raw Tesseract (``tha+eng --psm 3``) on the gazette's first pages,
    against its text layer; saraban's lines taken for typed, and all its regions' text (a
    line taken for handwriting drops out of the typed text). None without the samples."""
    pdf, layer = samples / GAZETTE, samples / LAYER
    if not (pdf.exists() and layer.exists()):
        return None
    from pdf2image import convert_from_path

    from pipeline.bench.evaluate import page_typed_text
    from pipeline.bench.run import import_cli, raw_tesseract

    truths = layer.read_text(encoding="utf-8").split("\f")[:PAGES]
    with tempfile.TemporaryDirectory() as tmp:
        scans = Path(tmp) / "scans"
        scans.mkdir()
        pages = []
        for n, img in enumerate(convert_from_path(pdf, dpi=DPI, last_page=PAGES), 1):
            png = scans / f"gazette-p{n}.png"
            img.save(png, dpi=(DPI, DPI))
            pages.append((png.name, 1, png))
        raw_texts, _, _ = raw_tesseract(pages, jobs)
        pred = Path(tmp) / "pred"
        failed = import_cli([scans], pred, jobs)
        out: dict[str, Any] = {"pages": len(pages), "failed": failed}
        sums = {"saraban": [0, 0], "all regions": [0, 0], "raw": [0, 0]}
        for (name, _, _), truth in zip(pages, truths, strict=True):
            t = comparable(truth)
            got = pred / f"{name}.json"
            page = json.loads(got.read_text(encoding="utf-8"))["pages"][0] if got.exists() else {}
            readings = {
                "saraban": page_typed_text(page) if page else "",
                "all regions": "\n".join(r.get("text", "") for r in page.get("regions", [])),
                "raw": raw_texts.get((name, 1), ""),
            }
            for key, text in readings.items():
                sums[key][0] += Levenshtein.distance(comparable(text), t)
                sums[key][1] += len(t)
    out.update({k: e / max(1, n) for k, (e, n) in sums.items()})
    return out


def format_figures(f: dict[str, Any]) -> str:
    return (
        f"real paper (the Royal Gazette's pages 1–{f['pages']}, rasterised at {DPI} dpi; "
        f"against its text layer, rough truth): CER saraban {f['saraban']:.2%} (all regions "
        f"{f['all regions']:.2%}), raw Tesseract {f['raw']:.2%}, ratio "
        f"{f['saraban'] / max(1e-9, f['raw']):.2f}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--samples", type=Path, default=SAMPLES)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    f = gazette_figures(args.samples, args.jobs)
    print(format_figures(f) if f else f"no real samples at {args.samples}: section skipped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
