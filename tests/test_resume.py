"""Bulk import killed at random moments: every re-run finishes the set, nothing lost or redone."""

import json
import os
import random
import re
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

from .conftest import cli_process, draw_test_page

ROOT = Path(__file__).resolve().parent.parent


_page = draw_test_page


def _import(inbox: Path, out: Path) -> subprocess.Popen:
    return cli_process("import", str(inbox), "--out", str(out), "--jobs", "2", "--engine", "fake")


def test_sigkill_ten_times_then_finish(tmp_path):
    inbox, out = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    for i in range(14):
        _page(inbox / f"f-{i:02d}.png", i)
    rng = random.Random(7)
    done = Counter()
    for _ in range(10):
        p = _import(inbox, out)
        time.sleep(rng.uniform(0.4, 2.5))
        os.kill(p.pid, signal.SIGKILL)  # the parent only: its workers must not outlive it
        _, err = p.communicate(timeout=30)
        done.update(re.findall(r"done: (.+?) \(", err))
    final = _import(inbox, out)
    _, err = final.communicate(timeout=300)
    assert final.returncode == 0, err[-2000:]
    done.update(re.findall(r"done: (.+?) \(", err))
    assert all(v == 1 for v in done.values()), done  # recorded once, never redone
    for i in range(14):
        data = json.loads(
            (out / f"f-{i:02d}.png.json").read_text(encoding="utf-8")
        )  # complete JSON
        assert data["source"]["path"] == f"f-{i:02d}.png"
    assert not list(out.glob("*.error.json")) and not list(out.glob(".tmp-*"))
    again = _import(inbox, out)
    stdout, _ = again.communicate(timeout=120)
    assert "0 done, 14 skipped" in stdout
