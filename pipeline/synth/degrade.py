"""Turn a clean upright 300 dpi page into a plausible scan: skew, quarter turn, dpi, ink mode, noise."""

from __future__ import annotations

import io
import random
from dataclasses import asdict, dataclass

import cv2
import numpy as np
from PIL import Image, ImageFont


@dataclass
class ScanParams:
    dpi: int = 300
    skew: float = 0.0  # degrees CCW applied to the upright page
    rotation: int = 0  # degrees the scan must be turned CLOCKWISE to be upright
    mode: str = "colour"  # colour | grey | bw
    noise: float = 0.0  # std of gaussian noise (0-255 scale)
    blur: float = 0.0  # gaussian sigma in pixels at 300 dpi
    jpeg: int = 0  # JPEG quality of a lossy pass, 0 for none
    punch_holes: bool = False
    border: bool = False
    photocopy: bool = False

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def scan(page: Image.Image, p: ScanParams, rng: random.Random) -> Image.Image:
    img = np.asarray(page.convert("RGB")).copy()
    h, w = img.shape[:2]
    if p.punch_holes:
        for cy in (h * 0.38, h * 0.62):
            cv2.circle(img, (int(w * 0.045), int(cy)), 38, (35, 35, 35), -1)
    if p.photocopy:
        img = np.clip((img.astype(np.int16) - 128) * 1.35 + 118, 0, 255).astype(np.uint8)
    if p.blur > 0:
        img = cv2.GaussianBlur(img, (0, 0), p.blur)
    if p.skew:
        m = cv2.getRotationMatrix2D((w / 2, h / 2), p.skew, 1.0)
        img = cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=(255, 255, 255))
    if p.rotation:
        # the scan shows the page turned COUNTER-clockwise by `rotation`; upright needs a CW turn
        img = np.ascontiguousarray(np.rot90(img, k=p.rotation // 90))
    if p.border:
        bw = rng.randint(15, 60)
        side = rng.choice(["left", "top", "both"])
        if side in ("left", "both"):
            img[:, :bw] = rng.randint(10, 60)
        if side in ("top", "both"):
            img[:bw, :] = rng.randint(10, 60)
    if p.dpi != 300:
        s = p.dpi / 300
        img = cv2.resize(
            img, (round(img.shape[1] * s), round(img.shape[0] * s)), interpolation=cv2.INTER_AREA
        )
    # paper tint
    if p.mode == "colour":
        tint = np.array(
            [rng.randint(0, 12), rng.randint(0, 10), rng.randint(0, 18)], dtype=np.int16
        )
        img = np.clip(img.astype(np.int16) - tint, 0, 255).astype(np.uint8)
    if p.noise > 0:
        nrng = np.random.default_rng(rng.randint(0, 2**31))
        img = np.clip(
            img.astype(np.float32) + nrng.normal(0, p.noise, img.shape[:2])[..., None], 0, 255
        ).astype(np.uint8)
    out = Image.fromarray(img)
    if p.mode == "grey":
        out = out.convert("L")
    elif p.mode == "bw":
        g = np.asarray(out.convert("L"))
        out = Image.fromarray(((g > 150) * 255).astype(np.uint8)).convert("1")
    if p.jpeg and p.mode != "bw":
        buf = io.BytesIO()
        out.save(buf, "JPEG", quality=p.jpeg)
        out = Image.open(io.BytesIO(buf.getvalue()))
        out.load()
    return out


def random_params(rng: random.Random, *, allow_turn: bool = True) -> ScanParams:
    mode = rng.choice(["colour", "colour", "grey", "bw"])
    skew_kind = rng.random()
    if skew_kind < 0.25:
        skew = 0.0
    elif skew_kind < 0.85:
        skew = round(rng.uniform(-4, 4), 2)
    else:
        skew = round(rng.uniform(-15, 15), 2)
    return ScanParams(
        dpi=rng.choice([200, 300, 300, 300, 400]) if mode != "bw" else rng.choice([200, 300]),
        skew=skew,
        rotation=rng.choice([0, 0, 0, 0, 0, 90, 180, 270]) if allow_turn else 0,
        mode=mode,
        noise=rng.choice([0, 0, 4, 10]),
        blur=rng.choice([0, 0, 0.6, 1.0]),
        jpeg=rng.choice([0, 0, 40, 70]) if mode != "bw" else 0,
        punch_holes=rng.random() < 0.2,
        border=rng.random() < 0.2,
        photocopy=rng.random() < 0.15,
    )


def line_alone_scan(
    text: str,
    font: ImageFont.FreeTypeFont,
    at: tuple[int, int],
    skew: float,
    turn: int,
    dpi: int,
) -> np.ndarray:
    """A white A4 page at 300 dpi holding only ``text`` at ``at`` (a continuation page's
    ``หน้า ๒``, a cover slip's one line), skewed by ``skew`` degrees CCW, turned ``turn``
    degrees CCW (the page needs it turned back) and scanned at ``dpi``: grey, clean. The
    hardest page to deskew there is, for the geometry's tests and its bench."""
    from PIL import ImageDraw

    page = Image.new("L", (2480, 3508), 255)
    ImageDraw.Draw(page).text(at, text, font=font, fill=0)
    up = np.asarray(page)
    m = cv2.getRotationMatrix2D((up.shape[1] / 2, up.shape[0] / 2), skew, 1.0)
    scan = cv2.warpAffine(up, m, up.shape[::-1], flags=cv2.INTER_LINEAR, borderValue=255)
    scan = np.rot90(scan, k=turn // 90).copy()
    if dpi != 300:
        scan = cv2.resize(scan, None, fx=dpi / 300, fy=dpi / 300, interpolation=cv2.INTER_AREA)
    return scan
