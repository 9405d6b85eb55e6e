from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCANS = ROOT / "scans"
SAMPLE_TRUTH = ROOT / "tests" / "resources" / "samples-truth"
REAL = ROOT.parent / "shared" / "real-samples"

os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def cli_process(*args: str) -> subprocess.Popen[str]:
    """``python -m pipeline ARGS`` in its own process, as cron, systemd or a shell would run it."""
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def read_page(path: Path, image=None, dpi: int = 300):  # type: ignore[no-untyped-def]
    """The page at ``path`` (``image`` saved there first, at ``dpi``) read by the whole page
    pass with real Tesseract."""
    from pipeline.ingest import inspect, load_page
    from pipeline.ocr.engine import make_engine
    from pipeline.options import Options
    from pipeline.page import process_page

    if image is not None:
        image.save(path, dpi=(dpi, dpi))
    options = Options()
    engine = make_engine("tesseract", options.languages, None, options.page_timeout)
    return process_page(load_page(inspect(path, options), 1, options), engine, options)


def draw_test_page(path: Path, seed: int) -> None:
    """A small distinct page (A4 at 100 dpi) with a few text-like bars, for fast-engine runs."""
    from PIL import Image, ImageDraw

    im = Image.new("L", (827, 1170), 255)
    d = ImageDraw.Draw(im)
    for i in range(6):
        d.rectangle(
            (80, 100 + 60 * i + seed % 7, 80 + 300 + (seed * 37 + i * 53) % 400, 125 + 60 * i),
            fill=0,
        )
    im.save(path, dpi=(100, 100))


HOSTILE = [
    "<script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned = 2">',
    "\"quoted\" & 'single' </textarea></script>",
]


def draw_grid(draw, rows: list[int], cols: tuple[int, ...] = (350, 1300, 2250)) -> None:  # type: ignore[no-untyped-def]
    """A table's ruled grid on a 300 dpi page: a rule along each of ``rows`` across the
    columns' span, and one down each of ``cols`` from the first row to the last."""
    for y in rows:
        draw.line((cols[0], y, cols[-1], y), fill=0, width=4)
    for x in cols:
        draw.line((x, rows[0], x, rows[-1]), fill=0, width=4)


def draw_hostile_scan(path: Path) -> None:
    """A memo-like page whose typed lines are hostile HTML (Latin in a mono face, Thai labels)."""
    from PIL import Image, ImageDraw, ImageFont

    from pipeline.synth.fonts import typed_face

    im = Image.new("RGB", (2480, 1400), "white")
    d = ImageDraw.Draw(im)
    thai = typed_face("sarabun").font(66)
    mono = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", 52)
    d.text((900, 150), "บันทึกข้อความ", font=thai, fill="black")
    y = 400
    for label, text in zip(["ส่วนราชการ", "เรื่อง", "เรียน"], HOSTILE, strict=True):
        d.text((250, y), label, font=thai, fill="black")
        d.text((700, y + 10), text, font=mono, fill="black")
        y += 160
    d.text((1500, 1000), "12/5/64", font=thai, fill=(20, 40, 170))
    im.save(path, dpi=(300, 300))


@pytest.fixture(scope="session")
def sample_scans() -> Path:
    return SCANS


@pytest.fixture(scope="session")
def real_samples() -> Path:
    if not REAL.exists():
        pytest.skip("../shared/real-samples is not beside this checkout")
    return REAL
