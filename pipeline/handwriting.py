"""Typed-vs-handwritten decisions for text lines that OCR found (where colour could not decide).

On grey and black-and-white scans pen ink looks like toner, so every line OCR read is described
by features that tell print from hand — baseline wobble and slope, stroke width and its spread,
the spread of character heights, size against the page's typed lines, slant, spacing, position,
and Tesseract's confidence — and classified by a small network trained on the synthetic corpus
(``models/handwriting.npz``, ``models/train_handwriting.py``, card in ``models/handwriting.md``).
Without the model file a hand-tuned score stands in.
"""

from __future__ import annotations

from functools import lru_cache

import cv2
import numpy as np

from pipeline import nn
from pipeline.components import components, points
from pipeline.model import Line
from pipeline.nn import models_dir

FEATURES = (
    "confidence",
    "height_ratio",
    "baseline_wobble",
    "baseline_slope",
    "stroke_width",
    "stroke_cv",
    "component_height_cv",
    "component_height",
    "ink_density",
    "left_offset",
    "chars_per_height",
    "slant",
    "space_fraction",
    "width_ratio",
    "ink_tone",
    "left_aligned",
)


@lru_cache(maxsize=1)
def load_model() -> nn.DenseNet | None:
    return nn.load(models_dir() / "handwriting.npz")


def line_features(
    line: Line,
    ink: np.ndarray,
    median_height: float,
    x_height: float,
    left_margin: float,
    page_width: float,
    median_width: float,
    gray: np.ndarray | None = None,
    page_tone: float = 0.0,
    lefts: np.ndarray | None = None,
) -> np.ndarray:
    """The line's features (``FEATURES``); ``lefts`` are the left edges of the page's lines."""
    x0, y0, x1, y1 = line.bbox
    h = max(1, y1 - y0)
    w = max(1, x1 - x0)
    crop = (ink[max(0, y0) : y1, max(0, x0) : x1] > 0).astype(np.uint8)
    wobble = slope = stroke = stroke_cv = hcv = comp_h = slant = 0.0
    density = float(crop.mean()) if crop.size else 0.0
    if crop.size and crop.any():
        cols = np.nonzero(crop.any(axis=0))[0]
        if len(cols) > 8:
            step = max(1, len(cols) // 40)
            xs = cols[::step]
            # each sampled column's lowest ink (every one holds some)
            bottoms = (crop.shape[0] - 1 - crop[::-1, xs].argmax(axis=0)).astype(np.float64)
            # the baseline: a robust line through the lower envelope
            keep = bottoms >= np.percentile(bottoms, 40)
            if keep.sum() >= 3:
                a, b = np.polyfit(xs[keep], bottoms[keep], 1)
                resid = bottoms[keep] - (a * xs[keep] + b)
                wobble = float(np.std(resid) / h)
                slope = float(abs(np.degrees(np.arctan(a))))
        dist = cv2.distanceTransform(crop, cv2.DIST_L2, 3)
        vals = dist[dist > 0]
        if len(vals) > 10:
            stroke = float(np.mean(vals) / h)
            stroke_cv = float(np.std(vals) / max(1e-6, float(np.mean(vals))))
        n, _, stats = components(crop)
        hs = stats[1:, 3][stats[1:, 4] >= 6].astype(np.float64)
        if len(hs) >= 2:
            hcv = float(np.std(hs) / max(1e-6, float(np.mean(hs))))
            comp_h = float(np.median(hs) / max(1.0, x_height))
        m = cv2.moments(crop, binaryImage=True)
        if m["mu02"] > 0:
            slant = float(m["mu11"] / m["mu02"])
    text = line.text.strip()
    chars = max(1, len(text.replace(" ", "")))
    return np.array(
        [
            line.confidence,
            h / max(1.0, median_height),
            wobble,
            slope,
            stroke,
            stroke_cv,
            hcv,
            comp_h,
            density,
            (x0 - left_margin) / max(1.0, page_width),
            chars * max(1.0, x_height) / w,
            slant,
            text.count(" ") / max(1, len(text)),
            w / max(1.0, median_width),
            _tone(gray, crop, x0, y0, x1, y1, page_tone),
            _aligned(x0, lefts, x_height),
        ],
        dtype=np.float32,
    )


def _aligned(x0: int, lefts: np.ndarray | None, x_height: float) -> float:
    """The share of the page's other lines whose left edge is where this one's is (within half
    an x-height): typed lines start at the margin or the paragraph indent, headings too; pen
    notes are written where there is room."""
    if lefts is None or len(lefts) < 2:
        return 0.0
    near = int((np.abs(lefts - x0) <= 0.5 * max(1.0, x_height)).sum()) - 1
    return near / (len(lefts) - 1)


def page_tone(gray: np.ndarray | None, ink: np.ndarray) -> float:
    """The grey level of the page's ink (median, on a sample): toner is the darkest ink."""
    if gray is None:
        return 0.0
    ys, xs = points(ink)  # (in the boolean mask's order, at a third of its cost)
    vals = gray[ys[::7], xs[::7]]
    return float(np.median(vals)) if len(vals) else 0.0


def _tone(
    gray: np.ndarray | None, crop: np.ndarray, x0: int, y0: int, x1: int, y1: int, tone: float
) -> float:
    """How much lighter the line's ink is than the page's (blue pen is a lighter grey than
    toner on a grey scan): (line median + 16) / (page median + 16); 1 without a grey page."""
    if gray is None or not crop.any():
        return 1.0
    vals = gray[max(0, y0) : y1, max(0, x0) : x1][crop > 0]
    return float((np.median(vals) + 16.0) / (tone + 16.0))


def _fallback_score(f: np.ndarray) -> float:
    s = 0.55 * float(np.clip((0.6 - f[0]) / 0.35, 0, 1))
    s += 0.25 * float(np.clip((f[1] - 1.3) / 0.8, 0, 1))
    s += 0.20 * float(np.clip((f[2] - 0.18) / 0.15, 0, 1))
    return min(1.0, s)


def page_context(lines: list[Line]) -> tuple[float, float, float]:
    """(median line height, left margin, median line width) of the page's lines."""
    if not lines:
        return 1.0, 0.0, 1.0
    hs = [ln.bbox[3] - ln.bbox[1] for ln in lines]
    ws = [ln.bbox[2] - ln.bbox[0] for ln in lines]
    lefts = sorted(ln.bbox[0] for ln in lines)
    return float(np.median(hs)), float(lefts[len(lefts) // 10]), float(np.median(ws))


CLASSES = ("typed", "handwritten", "stamp")


def feature_matrix(
    lines: list[Line],
    ink: np.ndarray,
    x_height: float,
    gray: np.ndarray | None = None,
    context: list[Line] | None = None,
) -> np.ndarray:
    """The features (``FEATURES``) of each of a page's lines, one row a line (the classifier's
    input, and its training script's); ``context`` (default: ``lines``) are the page's lines
    that set the median height, width and margins."""
    context = lines if context is None else context
    med_h, left, med_w = page_context(context)
    tone = page_tone(gray, ink)
    lefts = np.array([ln.bbox[0] for ln in context], np.float64)
    return np.stack(
        [
            line_features(ln, ink, med_h, x_height, left, ink.shape[1], med_w, gray, tone, lefts)
            for ln in lines
        ]
    )


def classify_lines(
    lines: list[Line],
    ink: np.ndarray,
    x_height: float,
    gray: np.ndarray | None = None,
    context: list[Line] | None = None,
) -> list[tuple[str, float]]:
    """(kind, probability of that kind) for each line: typed, handwritten or stamp. ``gray``
    (the page's grey levels) lets the lighter grey of pen ink count; ``context`` as for
    ``feature_matrix``."""
    if not lines:
        return []
    feats = feature_matrix(lines, ink, x_height, gray, context)
    model = load_model()
    if model is None:
        out = []
        for f in feats:
            s = _fallback_score(f)
            out.append(("handwritten", round(s, 3)) if s > 0.5 else ("typed", round(1 - s, 3)))
        return out
    probs = model.probabilities(feats)
    return [(CLASSES[int(p.argmax())], round(float(p.max()), 3)) for p in probs]
