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


@pytest.fixture(scope="session")
def sample_scans() -> Path:
    return SCANS


@pytest.fixture(scope="session")
def real_samples() -> Path:
    if not REAL.exists():
        pytest.skip("../shared/real-samples is not beside this checkout")
    return REAL
