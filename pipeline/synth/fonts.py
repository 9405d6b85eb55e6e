"""Typefaces for the generator: bundled OFL faces plus Debian's fonts-tlwg-* when installed."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

BUNDLED = Path(__file__).parent / "fonts"
TLWG = Path("/usr/share/fonts/truetype/tlwg")

# name: (regular, bold)
TYPED_FACES: dict[str, tuple[Path, Path]] = {
    "laksaman": (TLWG / "Laksaman.ttf", TLWG / "Laksaman-Bold.ttf"),
    "sarabun": (BUNDLED / "Sarabun-Regular.ttf", BUNDLED / "Sarabun-Bold.ttf"),
    "garuda": (TLWG / "Garuda.ttf", TLWG / "Garuda-Bold.ttf"),
    "loma": (TLWG / "Loma.ttf", TLWG / "Loma-Bold.ttf"),
    "norasi": (TLWG / "Norasi.ttf", TLWG / "Norasi-Bold.ttf"),
    "kinnari": (TLWG / "Kinnari.ttf", TLWG / "Kinnari-Bold.ttf"),
    "waree": (TLWG / "Waree.ttf", TLWG / "Waree-Bold.ttf"),
}
HAND_FACES: dict[str, Path] = {
    "purisa": TLWG / "Purisa.ttf",
    "itim": BUNDLED / "Itim-Regular.ttf",
    "sriracha": BUNDLED / "Sriracha-Regular.ttf",
}
REFERENCE_FACE = "laksaman"


def available_typed() -> list[str]:
    return [n for n, (r, b) in TYPED_FACES.items() if r.exists() and b.exists()]


def available_hand() -> list[str]:
    return [n for n, p in HAND_FACES.items() if p.exists()]


@lru_cache(maxsize=256)
def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size, layout_engine=ImageFont.Layout.RAQM)


@lru_cache(maxsize=32)
def _x_height(path: str) -> float:
    f = _font(path, 200)
    box = f.getbbox("า", anchor="ls")
    return float(-box[1])


@dataclass(frozen=True)
class Face:
    name: str
    regular: str
    bold: str
    scale: float  # multiplies nominal pixel size so the x-height matches TH Sarabun's at that size

    def font(self, px: float, bold: bool = False) -> ImageFont.FreeTypeFont:
        return _font(self.bold if bold else self.regular, max(6, round(px * self.scale)))


def typed_face(name: str) -> Face:
    reg, bold = TYPED_FACES[name]
    ref_reg = TYPED_FACES[REFERENCE_FACE][0]
    ref = (
        _x_height(str(ref_reg))
        if ref_reg.exists()
        else _x_height(str(TYPED_FACES["sarabun"][0])) * 0.82
    )
    return Face(name, str(reg), str(bold), ref / _x_height(str(reg)))


def hand_face(name: str) -> Face:
    p = str(HAND_FACES[name])
    ref_reg = TYPED_FACES[REFERENCE_FACE][0]
    ref = (
        _x_height(str(ref_reg))
        if ref_reg.exists()
        else _x_height(str(TYPED_FACES["sarabun"][0])) * 0.82
    )
    return Face(name, p, p, ref / _x_height(p))
