"""Small image crops of review items, for the report: the evidence beside the text as read.

The result JSON keeps no pixels; its boxes are in the frame of the upright, deskewed page at
that page's dpi. A crop is made by decoding the source page again (at a low resolution), turning
it exactly as the pipeline did (``pages[].rotation`` and ``skew``), and cutting the box out.
"""

from __future__ import annotations

import base64
import io
import logging
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from PIL import Image

from pipeline import geometry
from pipeline.errors import SarabanError
from pipeline.ingest import SourceInfo, load_page
from pipeline.options import Options

log = logging.getLogger(__name__)

CROP_DPI = 150  # enough to read a 14 pt line; a quarter of the pixels of a 300 dpi scan
MAX_W, MAX_H = 560, 200  # the largest thumbnail, in pixels
MARGIN = 0.08  # inches of context around a box


class CropMaker:
    """Crops from source files, decoding each page once (the last few are kept)."""

    def __init__(self, keep_pages: int = 3, quality: int = 55) -> None:
        self.quality = quality
        self._pages: OrderedDict[tuple[str, int], tuple[np.ndarray, float] | None] = OrderedDict()
        self._keep = keep_pages

    def _page(
        self, source: Path, fmt: str, page: dict[str, Any]
    ) -> tuple[np.ndarray, float] | None:
        key = (str(source), int(page["number"]))
        if key in self._pages:
            self._pages.move_to_end(key)
            return self._pages[key]
        got: tuple[np.ndarray, float] | None = None
        try:
            dpi = int(page["dpi"])
            target = min(dpi, CROP_DPI)
            info = SourceInfo(source, fmt, int(page["number"]), "", 0)
            pimg = load_page(info, int(page["number"]), Options(pdf_dpi=max(72, target)))
            img = pimg.image
            scale = target / pimg.dpi if fmt != "pdf" else 1.0
            if scale < 1.0:
                img = cv2.resize(img, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
            geo = geometry.Geometry(int(page["rotation"]), float(page["skew"]), 1.0, 1.0)
            got = (geometry.apply(img, geo), target / dpi)
        except (SarabanError, OSError, ValueError, KeyError) as e:
            log.warning("no crops for %s page %s: %s", source.name, page.get("number"), e)
        self._pages[key] = got
        while len(self._pages) > self._keep:
            self._pages.popitem(last=False)
        return got

    def crop(
        self, source: Path, fmt: str, page: dict[str, Any], bbox: Sequence[float]
    ) -> str | None:
        """A ``data:image/webp`` URI of ``bbox`` on ``page`` of ``source``, or None."""
        if len(bbox) != 4 or bbox[2] <= bbox[0] or bbox[3] <= bbox[1]:
            return None
        got = self._page(source, fmt, page)
        if got is None:
            return None
        img, s = got
        h, w = img.shape[:2]
        m = MARGIN * CROP_DPI
        x0, y0 = max(0, int(bbox[0] * s - m)), max(0, int(bbox[1] * s - m))
        x1, y1 = min(w, int(bbox[2] * s + m)), min(h, int(bbox[3] * s + m))
        if x1 - x0 < 2 or y1 - y0 < 2:
            return None
        cut = img[y0:y1, x0:x1]
        f = min(1.0, MAX_W / cut.shape[1], MAX_H / cut.shape[0])
        if f < 1.0:
            cut = cv2.resize(cut, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
        buf = io.BytesIO()
        Image.fromarray(np.ascontiguousarray(cut)).save(buf, "WEBP", quality=self.quality)
        return "data:image/webp;base64," + base64.b64encode(buf.getvalue()).decode("ascii")
