"""The deterministic corpus generator behind ``saraban synth``."""

from __future__ import annotations

import json
import logging
import random
from dataclasses import replace
from pathlib import Path
from typing import Any

from PIL import Image

from pipeline.synth.compose import (
    Style,
    compose_handnotes,
    compose_memo,
    compose_newsletter,
    compose_other,
    compose_sparse,
)
from pipeline.synth.content import Writer
from pipeline.synth.degrade import ScanParams, random_params, scan
from pipeline.synth.fonts import available_hand, available_typed, hand_face, typed_face
from pipeline.synth.render import Canvas

log = logging.getLogger(__name__)

KINDS = ("memo", "memo", "memo+newsletter", "newsletter", "memo+memo", "other")
FORMATS = ("pdf", "tif", "png", "jpg")


def _style(rng: random.Random) -> Style:
    typed = available_typed()
    weights = [4 if n in ("laksaman", "sarabun") else 1 for n in typed]
    face = rng.choices(typed, weights=weights)[0]
    return Style(
        face=typed_face(face),
        hand=hand_face(rng.choice(available_hand())),
        pt=rng.choice([14, 15, 16, 16, 16, 18]),
        ink=rng.choice(["blue", "blue", "black"]),
        stamp_ink=rng.choice(["purple", "red", "blue"]),
    )


OTHER_TEXT = [
    "ประกาศกรม เรื่อง การรับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานราชการ",
    "ด้วยกรมมีความประสงค์จะรับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานราชการทั่วไป จำนวน ๓ อัตรา",
    "ผู้สมัครต้องมีคุณสมบัติทั่วไปตามระเบียบสำนักนายกรัฐมนตรีว่าด้วยพนักงานราชการ",
    "ผู้ประสงค์จะสมัครให้ยื่นใบสมัครด้วยตนเองได้ที่กลุ่มงานบริหารทั่วไป ในวันและเวลาราชการ",
]


def make_file(
    index: int,
    seed: int,
    kind: str | None = None,
    fmt: str | None = None,
    params: ScanParams | None = None,
) -> tuple[list[Image.Image], dict[str, Any], str, list[Image.Image]]:
    """Generate one file's pages (scanned) and its truth. Deterministic in (index, seed)."""
    rng = random.Random(f"{seed}:{index}")
    kind = kind or rng.choice(KINDS)
    st = _style(rng)
    writer = Writer(rng, thai_digits=rng.random() < 0.7)
    canvases: list[Canvas] = []
    docs: list[dict[str, Any]] = []
    for part in kind.split("+"):
        start = len(canvases) + 1
        if part == "memo":
            cvs, doc = compose_memo(writer.memo(), st, rng)
        elif part == "newsletter":
            cvs, doc = compose_newsletter(writer.newsletter(), st, rng)
        elif part == "sparse":
            cvs, doc = compose_sparse(st, rng)
        elif part == "handnotes":
            cvs, doc = compose_handnotes(st, rng)
        else:
            cvs, doc = compose_other(OTHER_TEXT, st, rng)
        doc["pages"] = list(range(start, start + len(cvs)))
        for t in doc.get("tables", []):
            t["page"] = start + t.pop("page_index")
        canvases.extend(cvs)
        docs.append(doc)
    if fmt is None:
        fmt = rng.choice(FORMATS) if len(canvases) == 1 else rng.choice(("pdf", "tif"))
    base = params or random_params(rng)
    scans, pages = [], []
    for i, cv in enumerate(canvases, start=1):
        p = (
            base
            if i == 1
            else replace(base, skew=round(base.skew + rng.uniform(-1, 1), 2) if base.skew else 0.0)
        )
        scans.append(scan(cv.img, p, rng))
        pages.append(
            {
                "number": i,
                "width": cv.width,
                "height": cv.height,
                "rotation": p.rotation,
                "skew": p.skew,
                "dpi": p.dpi,
                "conditions": {
                    **p.as_dict(),
                    "face": st.face.name,
                    "pt": st.pt,
                    "hand": st.hand.name,
                    "ink": st.ink,
                },
                "lines": cv.lines,
                "items": cv.items,
                "typed_text": "\n".join(line["text"] for line in cv.lines),
            }
        )
    truth = {"kind": kind, "format": fmt, "pages": pages, "documents": docs}
    return scans, truth, fmt, [cv.mask for cv in canvases]


def save_scan(images: list[Image.Image], path: Path, fmt: str, dpi: int) -> None:
    first, rest = images[0], images[1:]
    if fmt == "pdf":
        conv = [im.convert("RGB") if im.mode not in ("RGB", "L", "1") else im for im in images]
        conv[0].save(path, "PDF", save_all=True, append_images=conv[1:], resolution=dpi)
    elif fmt == "tif":
        if all(im.mode == "1" for im in images):
            first.save(
                path,
                "TIFF",
                save_all=True,
                append_images=rest,
                dpi=(dpi, dpi),
                compression="group4",
            )
        else:  # office scanners write JPEG-compressed TIFFs for colour and grey
            conv = [im.convert("RGB") if im.mode == "1" else im for im in images]
            conv[0].save(
                path,
                "TIFF",
                save_all=True,
                append_images=conv[1:],
                dpi=(dpi, dpi),
                compression="jpeg",
                quality=85,
            )
    elif fmt == "png":
        first.save(path, "PNG", dpi=(dpi, dpi), optimize=False)
    elif fmt == "jpg":
        im = first.convert("RGB") if first.mode == "1" else first
        im.save(path, "JPEG", quality=88, dpi=(dpi, dpi))
    else:
        raise ValueError(fmt)


def generate(out: Path, count: int, seed: int, start: int = 0, masks: bool = True) -> list[Path]:
    """Write ``count`` files to ``out/scans`` with truth in ``out/truth``."""
    scans_dir, truth_dir = out / "scans", out / "truth"
    scans_dir.mkdir(parents=True, exist_ok=True)
    truth_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(start, start + count):
        images, truth, fmt, label_masks = make_file(i, seed)
        name = f"s{seed}-{i:04d}-{truth['kind'].replace('+', '-')}.{fmt}"
        path = scans_dir / name
        save_scan(images, path, fmt, truth["pages"][0]["dpi"])
        truth["file"] = name
        (truth_dir / f"{name}.truth.json").write_text(
            json.dumps(truth, ensure_ascii=False, indent=1)
        )
        if masks:  # per-page ink labels (render.LABEL_NAMES) for the handwriting pixel metrics
            for n, m in enumerate(label_masks, start=1):
                m.save(truth_dir / f"{name}.p{n}.mask.png", optimize=True)
        written.append(path)
        log.info("generated %s", name)
    return written
