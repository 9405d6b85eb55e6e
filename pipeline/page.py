"""One page through the stages: geometry → layout → OCR → repair → regions.

``process_page`` is a pure function of the decoded page, the engine and the options; its result
(a :class:`~pipeline.model.Page`) holds no image and pickles, so pages run in any worker.
"""

from __future__ import annotations

import time

import cv2
import numpy as np

from pipeline import geometry, handwriting, layout
from pipeline.model import BBox, Line, Page, PageImage, Region, RegionKind, bbox_union
from pipeline.ocr.engine import OcrEngine
from pipeline.options import Options
from pipeline.thai.repair import repair_text

HAND_CONF_CAP = 0.5  # handwriting transcription is an attempt: never above this confidence


def _scale_box(b: BBox, s: float) -> BBox:
    return (int(b[0] / s), int(b[1] / s), int(np.ceil(b[2] / s)), int(np.ceil(b[3] / s)))


def _ocr(engine: OcrEngine, gray: np.ndarray, dpi: int, options: Options, psm: int) -> list[Line]:
    """OCR at a resolution Tesseract reads well; boxes come back in ``gray``'s frame."""
    s = options.ocr_dpi / dpi if dpi < options.ocr_dpi else 1.0
    img = cv2.resize(gray, None, fx=s, fy=s, interpolation=cv2.INTER_CUBIC) if s != 1.0 else gray
    lines = engine.read(img, int(round(dpi * s)), psm=psm)
    for ln in lines:
        ln.raw_text = ln.text
        ln.text = repair_text(ln.text)
        if s != 1.0:
            ln.bbox = _scale_box(ln.bbox, s)
            for w in ln.words:
                w.bbox = _scale_box(w.bbox, s)
    return lines


def _crop(gray: np.ndarray, b: BBox, pad: int = 6) -> tuple[np.ndarray, int, int]:
    h, w = gray.shape
    x0, y0 = max(0, b[0] - pad), max(0, b[1] - pad)
    x1, y1 = min(w, b[2] + pad), min(h, b[3] + pad)
    return gray[y0:y1, x0:x1], x0, y0


def _read_region(engine: OcrEngine, gray: np.ndarray, b: BBox, dpi: int, options: Options, psm: int = 6) -> list[Line]:
    crop, ox, oy = _crop(gray, b)
    if crop.size == 0 or min(crop.shape) < 8:
        return []
    lines = _ocr(engine, crop, dpi, options, psm)
    for ln in lines:
        ln.bbox = (ln.bbox[0] + ox, ln.bbox[1] + oy, ln.bbox[2] + ox, ln.bbox[3] + oy)
    return lines


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Consecutive OCR lines that sit close under each other form one block."""
    blocks: list[list[Line]] = []
    for ln in lines:
        if blocks:
            prev = blocks[-1][-1]
            h = max(1, prev.bbox[3] - prev.bbox[1])
            gap = ln.bbox[1] - prev.bbox[3]
            overlap = min(prev.bbox[2], ln.bbox[2]) - max(prev.bbox[0], ln.bbox[0])
            if -h < gap < 0.9 * h and overlap > 0:
                blocks[-1].append(ln)
                continue
        blocks.append([ln])
    return blocks


def process_page(pimg: PageImage, engine: OcrEngine, options: Options) -> Page:
    t0 = time.process_time()
    steps = []
    gray0 = geometry.to_gray(pimg.image)
    geo = geometry.estimate(gray0, pimg.dpi)
    rgb = geometry.apply(pimg.image, geo)
    gray = geometry.to_gray(rgb)
    steps.append({"step": "geometry", "method": geo.method, "rotation": geo.rotation, "skew": geo.skew,
                  "rotation_confidence": round(geo.rotation_confidence, 3)})
    lay = layout.analyse(rgb, gray, pimg.dpi, pimg.colour)
    steps.append({"step": "layout", "method": "rules+colour+components", "x_height": round(lay.x_height, 1)})

    lines = _ocr(engine, lay.ocr_gray, pimg.dpi, options, psm=3)
    steps.append({"step": "ocr", "engine": engine.name, "psm": 3, "languages": options.languages})

    # lines OCR read that look like handwriting (grey / black-and-white scans)
    heights = [ln.bbox[3] - ln.bbox[1] for ln in lines if ln.confidence >= 0.6]
    median_h = float(np.median(heights)) if heights else lay.x_height * 2.5
    typed: list[Line] = []
    hand_regions: list[Region] = []
    for ln in lines:
        score = handwriting.handwriting_score(handwriting.line_features(ln, lay.ink, median_h))
        if score > 0.5:
            ln.confidence = min(ln.confidence, HAND_CONF_CAP)
            hand_regions.append(Region(id="", kind=RegionKind.HANDWRITTEN, bbox=ln.bbox, lines=[ln],
                                       confidence=ln.confidence, kind_confidence=score))
        elif ln.text.strip():
            typed.append(ln)

    regions: list[Region] = []
    for block in _blocks(typed):
        conf = float(np.mean([ln.confidence for ln in block]))
        regions.append(Region(id="", kind=RegionKind.TYPED, bbox=bbox_union([ln.bbox for ln in block]),
                              lines=block, confidence=round(conf, 4)))

    others = lay.regions + hand_regions
    for r in others:
        if r.kind == RegionKind.TABLE:
            confs = []
            for c in r.cells:
                inner = (c.bbox[0] + 4, c.bbox[1] + 4, c.bbox[2] - 4, c.bbox[3] - 4)
                cl = _read_region(engine, lay.clean_gray, inner, pimg.dpi, options)
                c.text = " ".join(ln.text for ln in cl)
                confs.extend(ln.confidence for ln in cl)
            r.confidence = round(float(np.mean(confs)), 4) if confs else 0.0
        elif r.kind in (RegionKind.HANDWRITTEN, RegionKind.STAMP) and not r.lines:
            rl = _read_region(engine, gray, r.bbox, pimg.dpi, options)
            for ln in rl:
                if r.kind == RegionKind.HANDWRITTEN:
                    ln.confidence = round(min(ln.confidence * 0.6, HAND_CONF_CAP), 4)
            r.lines = rl
            r.confidence = round(float(np.mean([ln.confidence for ln in rl])), 4) if rl else 0.0
        elif r.kind == RegionKind.SIGNATURE:
            r.confidence = r.kind_confidence

    # reading order: typed blocks as OCR ordered them; tables placed by their top edge
    ordered: list[Region] = []
    tables = sorted([r for r in others if r.kind == RegionKind.TABLE], key=lambda r: r.bbox[1])
    for reg in regions:
        while tables and tables[0].bbox[1] < reg.bbox[1]:
            ordered.append(tables.pop(0))
        ordered.append(reg)
    ordered.extend(tables)
    ordered.extend(sorted([r for r in others if r.kind != RegionKind.TABLE], key=lambda r: (r.bbox[1], r.bbox[0])))
    for i, r in enumerate(ordered, start=1):
        r.id = f"p{pimg.number}-r{i}"
    h, w = gray.shape
    return Page(number=pimg.number, width=w, height=h, dpi=pimg.dpi, rotation=geo.rotation, skew=geo.skew,
                regions=ordered, rotation_confidence=geo.rotation_confidence, steps=steps,
                seconds=round(time.process_time() - t0, 3))

