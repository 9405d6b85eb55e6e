"""Typed-vs-handwritten decisions for text lines that OCR found (where colour could not decide).

On grey and black-and-white scans pen ink looks like toner, so lines that OCR read are checked
with features that tell print from hand: Tesseract's confidence (handwriting reads badly), line
height against the page's typed line height, and the regularity of the ink (baseline wobble,
stroke-width spread). The decision is a score in 0..1; lines above 0.5 become handwritten regions.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from pipeline.model import Line


@dataclass(frozen=True, slots=True)
class LineFeatures:
    confidence: float
    height_ratio: float
    baseline_wobble: float
    stroke_cv: float

    def as_list(self) -> list[float]:
        return [self.confidence, self.height_ratio, self.baseline_wobble, self.stroke_cv]


def line_features(line: Line, ink: np.ndarray, median_height: float) -> LineFeatures:
    x0, y0, x1, y1 = line.bbox
    crop = ink[max(0, y0) : y1, max(0, x0) : x1]
    h = max(1, y1 - y0)
    wobble = 0.0
    stroke_cv = 0.0
    if crop.size and crop.any():
        cols = np.nonzero(crop.any(axis=0))[0]
        if len(cols) > 8:
            # lowest ink row per column block: straight for print, wandering for handwriting
            step = max(1, len(cols) // 24)
            bottoms = []
            for c in cols[::step]:
                rows = np.nonzero(crop[:, c])[0]
                bottoms.append(rows.max())
            b = np.array(bottoms, dtype=np.float64)
            wobble = float(np.std(b - np.median(b)) / h)
        dist = cv2.distanceTransform((crop > 0).astype(np.uint8), cv2.DIST_L2, 3)
        vals = dist[dist > 0]
        if len(vals) > 10:
            stroke_cv = float(np.std(vals) / max(1e-6, np.mean(vals)))
    return LineFeatures(line.confidence, h / max(1.0, median_height), wobble, stroke_cv)


def handwriting_score(f: LineFeatures) -> float:
    """Score in 0..1 that the line is handwriting (hand-tuned on the synthetic corpus)."""
    s = 0.0
    s += 0.55 * float(np.clip((0.6 - f.confidence) / 0.35, 0, 1))
    s += 0.25 * float(np.clip((f.height_ratio - 1.3) / 0.8, 0, 1))
    s += 0.20 * float(np.clip((f.baseline_wobble - 0.18) / 0.15, 0, 1))
    return round(min(1.0, s), 3)
