"""The folder watcher, driven through its command line as cron or systemd would (fake engine)."""

import json
import os
import re
import signal
import subprocess
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from .conftest import cli_process, draw_test_page

ROOT = Path(__file__).resolve().parent.parent


def _watch(inbox: Path, out: Path, *extra: str) -> subprocess.Popen:
    return cli_process(
        "watch",
        str(inbox),
        "--out",
        str(out),
        "--engine",
        "fake",
        "--interval",
        "0.3",
        "--settle",
        "1.0",
        *extra,
    )


_page = draw_test_page


def _wait_for(cond, timeout: float) -> bool:
    end = time.time() + timeout
    while time.time() < end:
        if cond():
            return True
        time.sleep(0.2)
    return False


def _done_counts(stderr: str) -> Counter:
    return Counter(re.findall(r"done: (.+?) \(", stderr))


def test_slow_uploads_and_a_burst_are_each_done_once(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    proc = _watch(inbox, out)
    try:
        src = tmp_path / "big.png"
        _page(src, 99)
        data = src.read_bytes()

        def slow_upload(name: str) -> None:  # five chunks, 0.5 s apart: never settled mid-way
            with (inbox / name).open("wb") as f:
                for k in range(5):
                    f.write(data[k * len(data) // 5 : (k + 1) * len(data) // 5])
                    f.flush()
                    time.sleep(0.5)

        writers = [threading.Thread(target=slow_upload, args=(f"slow-{i}.png",)) for i in range(3)]
        for w in writers:
            w.start()
        for i in range(50):  # a burst
            _page(inbox / f"burst-{i:02d}.png", i)
        for w in writers:
            w.join()
        names = sorted(p.name for p in inbox.iterdir())
        assert _wait_for(lambda: all((out / f"{n}.json").exists() for n in names), 120)
    finally:
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 0, stderr
    counts = _done_counts(stderr)
    assert all(counts[n] == 1 for n in names if not n.startswith("slow")), counts
    sha = json.loads((out / "slow-0.png.json").read_text(encoding="utf-8"))["source"]["sha256"]
    import hashlib

    assert sha == hashlib.sha256(data).hexdigest()  # read only once complete
    assert not list(out.glob("*.error.json"))
    summary = json.loads((out / ".saraban-watch-summary.json").read_text(encoding="utf-8"))
    assert summary["failed"] == 0


def test_bad_files_end_as_errors_and_nothing_loops(tmp_path, sample_scans):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    (inbox / "zero.pdf").write_bytes(b"")
    import pikepdf

    with pikepdf.open(sample_scans / "announcement.pdf") as pdf:
        pdf.save(inbox / "encrypted.pdf", encryption=pikepdf.Encryption(user="secret", owner="o"))
    (inbox / "corrupt.jpg").write_bytes((sample_scans / "memo-sideways.jpg").read_bytes()[:400])
    _page(inbox / "good-1.png", 1)
    _page(inbox / "good-2.png", 2)
    first = _watch(inbox, out, "--once")
    _, err1 = first.communicate(timeout=120)
    assert first.returncode == 1
    assert (
        json.loads((out / "zero.pdf.error.json").read_text(encoding="utf-8"))["code"]
        == "empty_file"
    )
    assert (
        json.loads((out / "corrupt.jpg.error.json").read_text(encoding="utf-8"))["code"]
        == "corrupt_file"
    )
    assert (out / "good-1.png.json").exists() and (out / "good-2.png.json").exists()
    second = _watch(inbox, out, "--once")
    _, err2 = second.communicate(timeout=120)
    assert second.returncode == 0, err2
    summary = json.loads((out / ".saraban-watch-summary.json").read_text(encoding="utf-8"))
    assert summary["done"] == summary["failed"] == 0  # nothing redone, nothing retried in a loop
    assert list(inbox.iterdir())  # the inbox is left as it was


def test_second_instance_exits_at_once(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    holder = _watch(inbox, out)
    try:
        assert _wait_for(lambda: any(out.glob(".saraban-watch-*.lock")), 30)
        time.sleep(1.0)
        t = time.time()
        second = _watch(inbox, out, "--once")
        _, err = second.communicate(timeout=60)
        assert second.returncode != 0 and "already running" in err
        assert time.time() - t < 20
    finally:
        holder.send_signal(signal.SIGTERM)
        holder.communicate(timeout=60)


def test_sigkill_then_restart_loses_nothing(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    for i in range(20):
        _page(inbox / f"p-{i:02d}.png", i)
    first = _watch(inbox, out)
    assert _wait_for(lambda: len(list(out.glob("*.png.json"))) >= 3, 60)
    os.kill(first.pid, signal.SIGKILL)
    _, err1 = first.communicate(timeout=30)
    second = _watch(inbox, out, "--once")  # no stale lock: it runs
    _, err2 = second.communicate(timeout=120)
    assert second.returncode == 0, err2
    for i in range(20):
        data = json.loads(
            (out / f"p-{i:02d}.png.json").read_text(encoding="utf-8")
        )  # none truncated
        assert data["source"]["path"] == f"p-{i:02d}.png"
    twice = _done_counts(err1) & _done_counts(err2)
    assert not twice, twice  # nothing recorded done was done again
    assert not list(out.glob(".tmp-*"))


@pytest.mark.parametrize("flag", ["--move-done"])
def test_move_done(tmp_path, flag):
    inbox, out, done = tmp_path / "inbox", tmp_path / "out", tmp_path / "done"
    (inbox / "sub").mkdir(parents=True)
    _page(inbox / "sub" / "a.png", 3)
    proc = _watch(inbox, out, "--once", flag, str(done))
    proc.communicate(timeout=120)
    assert (done / "sub" / "a.png").exists() and not (inbox / "sub" / "a.png").exists()
    assert (out / "sub" / "a.png.json").exists()


def test_two_once_runs_started_together(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    for i in range(12):
        _page(inbox / f"q-{i:02d}.png", i)
    a, b = _watch(inbox, out, "--once"), _watch(inbox, out, "--once")
    (_, ea), (_, eb) = a.communicate(timeout=120), b.communicate(timeout=120)
    codes = sorted(
        [(a.returncode, "already running" in ea), (b.returncode, "already running" in eb)]
    )
    assert codes == [(0, False), (1, True)], (ea[-500:], eb[-500:])
    assert len(list(out.glob("q-*.png.json"))) == 12
