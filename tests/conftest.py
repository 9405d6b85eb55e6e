from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCANS = ROOT / "scans"
SAMPLE_TRUTH = ROOT / "tests" / "resources" / "samples-truth"
REAL = ROOT.parent / "shared" / "real-samples"

os.environ.setdefault("OMP_THREAD_LIMIT", "1")


@pytest.fixture(scope="session")
def sample_scans() -> Path:
    return SCANS


@pytest.fixture(scope="session")
def real_samples() -> Path:
    if not REAL.exists():
        pytest.skip("../shared/real-samples is not beside this checkout")
    return REAL
