"""Draw pages in the upright 300 dpi frame, recording the ground truth of every mark."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from PIL import Image, ImageDraw, ImageFont
from pythainlp.tokenize import word_tokenize

from pipeline.synth.fonts import Face

DPI = 300
A4 = (2480, 3508)
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 354, 236, 180, 240

# ink labels in the mask
BG, TYPED, HAND, SIGNATURE, STAMP, FIGURE, RULE = 0, 1, 2, 3, 4, 5, 6
LABEL_NAMES = {
    TYPED: "typed",
    HAND: "handwritten",
    SIGNATURE: "signature",
    STAMP: "stamp",
    FIGURE: "figure",
    RULE: "rule",
}

BLACK = (25, 25, 28)


def pt_to_px(pt: float) -> float:
    return pt * DPI / 72.0


@dataclass
class Canvas:
    width: int = A4[0]
    height: int = A4[1]
    img: Image.Image = field(init=False)
    mask: Image.Image = field(init=False)
    lines: list[dict[str, Any]] = field(default_factory=list)  # typed lines, reading order
    items: list[dict[str, Any]] = field(
        default_factory=list
    )  # handwriting, stamps, figures, tables

    def __post_init__(self) -> None:
        self.img = Image.new("RGB", (self.width, self.height), "white")
        self.mask = Image.new("L", (self.width, self.height), BG)
        self.draw = ImageDraw.Draw(self.img)
        self.mdraw = ImageDraw.Draw(self.mask)

    # ---- typed text -------------------------------------------------------------------------
    def text(
        self,
        x: float,
        baseline: float,
        text: str,
        font: ImageFont.FreeTypeFont,
        fill: tuple[int, int, int] = BLACK,
        label: int = TYPED,
        record: bool = True,
    ) -> tuple[int, int, int, int]:
        """Draw ``text`` with its left end at ``x`` on ``baseline``; record it as a typed line."""
        box = self.draw.textbbox((x, baseline), text, font=font, anchor="ls")
        self.draw.text((x, baseline), text, font=font, fill=fill, anchor="ls")
        self.mdraw.text((x, baseline), text, font=font, fill=label, anchor="ls")
        bbox = (int(box[0]), int(box[1]), int(math.ceil(box[2])), int(math.ceil(box[3])))
        if record and label == TYPED:
            self.lines.append({"bbox": list(bbox), "text": text})
        return bbox

    def typed_line(
        self,
        x: float,
        baseline: float,
        parts: list[tuple[str, ImageFont.FreeTypeFont]],
        gap: float,
        right: float | None = None,
    ) -> tuple[int, int, int, int]:
        """One visual line made of runs in different fonts (bold label, regular value). A line
        that would run past ``right`` is set smaller to fit, as a typist would."""
        if right is not None:
            width = sum(f.getlength(t) for t, f in parts) + gap * (len(parts) - 1)
            if x + width > right:
                k = (right - x) / width
                parts = [(t, f.font_variant(size=max(8, int(f.size * k)))) for t, f in parts]
        boxes = []
        texts = []
        for text, font in parts:
            b = self.text(x, baseline, text, font, record=False)
            boxes.append(b)
            texts.append(text)
            x = b[2] + gap
        bbox = (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )
        self.lines.append({"bbox": list(bbox), "text": " ".join(texts)})
        return bbox

    def dots(self, x0: float, x1: float, y: float, step: int = 11, r: int = 2) -> None:
        x = x0
        while x < x1:
            self.draw.ellipse((x - r, y - r, x + r, y + r), fill=BLACK)
            self.mdraw.ellipse((x - r, y - r, x + r, y + r), fill=RULE)
            x += step

    def rule(self, x0: float, y0: float, x1: float, y1: float, width: int = 3) -> None:
        self.draw.line((x0, y0, x1, y1), fill=BLACK, width=width)
        self.mdraw.line((x0, y0, x1, y1), fill=RULE, width=width)

    # ---- figures ---------------------------------------------------------------------------
    def emblem(self, x: int, y: int, size: int) -> None:
        """A stylised Garuda: body, spread wings, head; a figure, not text."""
        d, m = self.draw, self.mdraw
        cx = x + size // 2
        for dr, val in ((d, BLACK), (m, FIGURE)):
            dr.ellipse(
                (cx - size * 0.12, y + size * 0.02, cx + size * 0.12, y + size * 0.26), fill=val
            )
            dr.polygon(
                [
                    (cx, y + size * 0.25),
                    (x, y + size * 0.15),
                    (x + size * 0.1, y + size * 0.55),
                    (cx - size * 0.1, y + size * 0.6),
                ],
                fill=val,
            )
            dr.polygon(
                [
                    (cx, y + size * 0.25),
                    (x + size, y + size * 0.15),
                    (x + size * 0.9, y + size * 0.55),
                    (cx + size * 0.1, y + size * 0.6),
                ],
                fill=val,
            )
            dr.rectangle(
                (cx - size * 0.13, y + size * 0.3, cx + size * 0.13, y + size * 0.85), fill=val
            )
            dr.polygon(
                [(cx - size * 0.25, y + size), (cx + size * 0.25, y + size), (cx, y + size * 0.8)],
                fill=val,
            )
        self.items.append({"kind": "figure", "bbox": [x, y, x + size, y + size], "text": ""})

    # ---- handwriting -------------------------------------------------------------------------
    def hand(
        self,
        x: float,
        baseline: float,
        text: str,
        face: Face,
        px: float,
        ink: tuple[int, int, int],
        rng: random.Random,
        label: int = HAND,
        kind: str = "note",
        slant: float | None = None,
        angle: float | None = None,
    ) -> tuple[int, int, int, int]:
        """Handwriting: each word drawn with its own size, slant, rotation and baseline wobble."""
        slant = rng.uniform(-0.25, 0.35) if slant is None else slant
        angle = rng.uniform(-4, 4) if angle is None else angle
        boxes = []
        cur = x
        base = baseline
        for word in text.split(" "):
            if not word:
                continue
            size = px * rng.uniform(0.85, 1.25)
            font = face.font(size)
            stroke = rng.choice([0, 0, 1])
            wbox = font.getbbox(word, anchor="ls", stroke_width=stroke)
            pad = int(size * 0.6)
            w = int(wbox[2] - wbox[0]) + 2 * pad
            h = int(wbox[3] - wbox[1]) + 2 * pad
            layer = Image.new("L", (w, h), 0)
            ImageDraw.Draw(layer).text(
                (pad - wbox[0], pad - wbox[1]),
                word,
                font=font,
                fill=255,
                anchor="ls",
                stroke_width=stroke,
                stroke_fill=255,
            )
            layer = layer.transform(
                layer.size,
                Image.Transform.AFFINE,
                (1, slant, -slant * h / 2, 0, 1, 0),
                resample=Image.Resampling.BILINEAR,
            )
            layer = layer.rotate(
                angle + rng.uniform(-3, 3), resample=Image.Resampling.BICUBIC, expand=False
            )
            wob = rng.gauss(0, px * 0.08)
            ox = int(cur - pad)
            oy = int(base + wob + wbox[1] - pad)
            alpha = layer.point(lambda v: 255 if v > 100 else 0)
            self.img.paste(Image.new("RGB", layer.size, ink), (ox, oy), layer)
            self.mask.paste(Image.new("L", layer.size, label), (ox, oy), alpha)
            bb = alpha.getbbox()
            if bb:
                boxes.append((ox + bb[0], oy + bb[1], ox + bb[2], oy + bb[3]))
            cur += (wbox[2] - wbox[0]) + size * rng.uniform(0.25, 0.6)
            base += math.tan(math.radians(-angle)) * (wbox[2] - wbox[0])
        if not boxes:
            return (int(x), int(baseline), int(x), int(baseline))
        bbox = (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )
        self.items.append(
            {
                "kind": "signature" if label == SIGNATURE else "handwritten",
                "role": kind,
                "bbox": list(bbox),
                "text": text,
            }
        )
        return bbox

    def signature(
        self, cx: float, cy: float, width: float, ink: tuple[int, int, int], rng: random.Random
    ) -> tuple[int, int, int, int]:
        """A scribbled signature: a smooth random curve with loops."""
        n = 220
        loops = rng.randint(2, 5)
        amp = width * rng.uniform(0.08, 0.18)
        ph = rng.uniform(0, 6.28)
        pts = []
        for i in range(n):
            t = i / (n - 1)
            xx = cx - width / 2 + width * t + amp * 0.8 * math.cos(loops * 2 * math.pi * t + ph)
            yy = (
                cy
                + amp * math.sin(loops * 2 * math.pi * t)
                + amp * 0.6 * math.sin(7 * t + ph)
                - width * 0.1 * t
            )
            pts.append((xx, yy))
        w = rng.randint(3, 6)
        self.draw.line(pts, fill=ink, width=w, joint="curve")
        self.mdraw.line(pts, fill=SIGNATURE, width=w, joint="curve")
        if rng.random() < 0.6:  # an underline flourish
            y = cy + amp * 1.2
            self.draw.line(
                (cx - width * 0.45, y, cx + width * 0.5, y - width * 0.05), fill=ink, width=w
            )
            self.mdraw.line(
                (cx - width * 0.45, y, cx + width * 0.5, y - width * 0.05), fill=SIGNATURE, width=w
            )
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        bbox = (int(min(xs)) - w, int(min(ys)) - w, int(max(xs)) + w, int(max(ys) + amp * 1.3) + w)
        self.items.append(
            {"kind": "signature", "role": "signature", "bbox": list(bbox), "text": ""}
        )
        return bbox

    # ---- layout helpers ------------------------------------------------------------------------
    def wrap(
        self, text: str, font: ImageFont.FreeTypeFont, width: float, first_indent: float = 0
    ) -> list[str]:
        tokens = word_tokenize(text, engine="newmm", keep_whitespace=True)
        lines: list[str] = []
        cur = ""
        limit = width - first_indent
        for tok in tokens:
            cand = cur + tok
            if cur and font.getlength(cand.rstrip()) > limit:
                lines.append(cur.strip())
                cur = tok.lstrip()
                limit = width
            else:
                cur = cand
        if cur.strip():
            lines.append(cur.strip())
        return lines


def ink_colour(rng: random.Random, kind: str) -> tuple[int, int, int]:
    if kind == "blue":
        return (rng.randint(10, 50), rng.randint(30, 80), rng.randint(130, 200))
    if kind == "black":
        return (rng.randint(20, 50), rng.randint(20, 50), rng.randint(30, 60))
    if kind == "purple":
        return (rng.randint(100, 140), rng.randint(30, 60), rng.randint(130, 170))
    if kind == "red":
        return (rng.randint(170, 210), rng.randint(20, 50), rng.randint(30, 60))
    raise ValueError(kind)


def mask_array(canvas: Canvas) -> np.ndarray:
    return np.asarray(canvas.mask, dtype=np.uint8)
