"""Every broken or hostile input ends as a result or an .error.json with a documented code."""

import io
import json
import os
import shutil
import struct
import zlib

import numpy as np
import pikepdf
import pytest
from PIL import Image

from pipeline.cli import main
from pipeline.errors import ERROR_CODES


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def bomb_png() -> bytes:
    """A PNG that declares 50,000 x 50,000 pixels in a few hundred bytes."""
    ihdr = struct.pack(">IIBBBBB", 50_000, 50_000, 1, 0, 0, 0, 0)
    raw = zlib.compress(b"\x00" * 6251 * 4)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"IDAT", raw)
        + _png_chunk(b"IEND", b"")
    )


EMPTY_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


@pytest.fixture()
def bad_inbox(tmp_path, sample_scans):
    d = tmp_path / "inbox"
    d.mkdir()
    good = (sample_scans / "newsletter-bw.tif").read_bytes()
    (d / "good.tif").write_bytes(good)
    (d / "same content, other name.tif").write_bytes(good)
    (d / "zero.pdf").write_bytes(b"")
    pdf = (sample_scans / "announcement.pdf").read_bytes()
    (d / "truncated.pdf").write_bytes(pdf[: len(pdf) // 3])
    buf = io.BytesIO()
    Image.new("RGB", (600, 800), "white").save(buf, "JPEG")
    (d / "truncated.jpg").write_bytes(buf.getvalue()[:300])
    buf = io.BytesIO()
    Image.new("L", (600, 800), 255).save(buf, "PNG")
    (d / "truncated.png").write_bytes(buf.getvalue()[:60])
    (d / "truncated.tif").write_bytes(good[:500])
    (d / "no-pages.pdf").write_bytes(EMPTY_PDF)
    (d / "bomb.png").write_bytes(bomb_png())
    frames = [Image.new("1", (64, 64), 1) for _ in range(300)]
    frames[0].save(
        d / "many-frames.tif", save_all=True, append_images=frames[1:], compression="group4"
    )
    Image.new("CMYK", (600, 800), (0, 0, 0, 0)).save(d / "cmyk.jpg", "JPEG")
    Image.fromarray(np.full((800, 600), 60000, np.uint16)).save(d / "sixteen-bit.png")
    Image.new("1", (600, 800), 1).save(d / "g4.tif", compression="group4")
    Image.new("L", (600, 800), 255).save(d / "dpi-one.png", dpi=(1, 1))
    Image.new("L", (600, 800), 255).save(d / "dpi-huge.png", dpi=(10000, 10000))
    (d / "text.pdf").write_text("not a pdf at all")
    with pikepdf.open(sample_scans / "announcement.pdf") as pdf:
        pdf.save(d / "encrypted.pdf", encryption=pikepdf.Encryption(user="secret", owner="owner"))
        pdf.save(
            d / "owner-password-only.pdf", encryption=pikepdf.Encryption(user="", owner="owner")
        )
    (d / "folder.pdf").mkdir()
    os.mkfifo(d / "pipe.pdf")  # reading it would block forever
    os.symlink(d / "loop-b", d / "loop-a")
    os.symlink(d / "loop-a", d / "loop-b")
    (d / "ชื่อไทย มีช่องว่าง 'quote\".png").write_bytes((sample_scans / "memo-colour.png").read_bytes())
    (d / "new\nline.jpg").write_bytes((sample_scans / "memo-sideways.jpg").read_bytes())
    return d


def test_every_input_is_accounted_for(bad_inbox, tmp_path):
    out = tmp_path / "out"
    code = main(["import", str(bad_inbox), "--out", str(out), "--jobs", "2", "--engine", "fake"])
    assert code == 1  # some inputs failed, the rest were done
    names = sorted(p.name for p in bad_inbox.iterdir() if not p.name.startswith("loop"))
    for name in names:
        safe = name.replace("\n", " ")
        res, err = out / f"{safe}.json", out / f"{safe}.error.json"
        assert res.exists() != err.exists(), name
        if err.exists():
            data = json.loads(err.read_text(encoding="utf-8"))
            assert data["code"] in ERROR_CODES and data["error"], (name, data)
    for name in (
        "good.tif",
        "same content, other name.tif",
        "cmyk.jpg",
        "sixteen-bit.png",
        "g4.tif",
        "dpi-one.png",
        "dpi-huge.png",
        "many-frames.tif",
        "ชื่อไทย มีช่องว่าง 'quote\".png",
    ):
        assert (out / f"{name}.json").exists(), name
    expected = {
        "zero.pdf": "empty_file",
        "text.pdf": "unsupported_format",
        "folder.pdf": "unsupported_format",
        "pipe.pdf": "unsupported_format",
        "bomb.png": "limit_exceeded",
        "encrypted.pdf": "encrypted_pdf",
        "truncated.png": "corrupt_file",
    }
    for name, code_ in expected.items():
        assert (
            json.loads((out / f"{name}.error.json").read_text(encoding="utf-8"))["code"] == code_
        ), name
    # nothing was written outside the output folder
    assert {p.name for p in tmp_path.iterdir()} == {"inbox", "out"}


def test_page_limit(tmp_path, sample_scans):
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(sample_scans / "memo-with-newsletter.pdf", d)
    out = tmp_path / "out"
    from pipeline.jobs.importer import import_paths
    from pipeline.options import Options

    summary = import_paths([d], out, Options(max_pages=2), engine_kind="fake")
    assert summary.failed == 1
    err = json.loads((out / "memo-with-newsletter.pdf.error.json").read_text(encoding="utf-8"))
    assert err["code"] == "limit_exceeded" and "2 pages" in err["error"]


def test_time_limit_per_page(tmp_path, sample_scans):
    from pipeline.jobs.importer import import_paths
    from pipeline.options import Options

    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(sample_scans / "memo-colour.png", d)
    summary = import_paths([d], tmp_path / "out", Options(page_timeout=0.05), jobs=1)
    assert summary.failed == 1
    err = json.loads((tmp_path / "out" / "memo-colour.png.error.json").read_text(encoding="utf-8"))
    assert err["code"] == "limit_exceeded" and "0.05 s" in err["error"]


def test_memory_limit_per_worker(tmp_path):
    from pipeline.jobs.importer import import_paths
    from pipeline.options import Options

    d = tmp_path / "in"
    d.mkdir()
    Image.new("L", (9000, 9000), 255).save(d / "huge.png")  # 81 MP: 243 MB once decoded to RGB
    Image.new("L", (800, 1100), 255).save(d / "small.png")
    summary = import_paths(
        [d], tmp_path / "out", Options(max_worker_memory_mb=400), jobs=2, engine_kind="fake"
    )
    err = json.loads((tmp_path / "out" / "huge.png.error.json").read_text(encoding="utf-8"))
    assert err["code"] in ("limit_exceeded", "worker_crashed"), err
    assert (tmp_path / "out" / "small.png.json").exists()
    assert summary.failed == 1


def test_opencv_out_of_memory_is_a_limit_not_a_bug(monkeypatch):
    """Under the worker's address-space cap OpenCV raises its own error (StsNoMem), not
    MemoryError; on some machines that is what the huge page above meets first."""
    import cv2

    from pipeline.jobs import importer
    from pipeline.options import Options

    def failing_with(code):
        def load(*_args, **_kwargs):
            e = cv2.error("OpenCV error")
            e.code = code
            raise e

        return load

    task = importer.PageTask(info=None, number=1)  # type: ignore[arg-type]
    monkeypatch.setattr(importer, "worker_options", Options)  # (no worker set up here)
    monkeypatch.setattr(importer, "load_page", failing_with(cv2.Error.StsNoMem))
    assert importer.run_page(task).code == "limit_exceeded"
    monkeypatch.setattr(importer, "load_page", failing_with(cv2.Error.StsBadArg))
    assert importer.run_page(task).code == "internal_error"


def test_peak_memory_of_a_bad_input_run(bad_inbox, tmp_path):
    import resource
    import subprocess
    import sys

    out = tmp_path / "out-mem"
    code = (
        "import resource, sys; from pipeline.cli import main; "
        f"rc = main(['import', {str(bad_inbox)!r}, '--out', {str(out)!r}, '--jobs', '2', '--engine', 'fake']); "
        "print(max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "
        "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)); sys.exit(rc)"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert r.returncode == 1, r.stderr[-2000:]
    peak_kb = int(r.stdout.strip().splitlines()[-1])
    assert peak_kb < 1024 * 1024, f"peak memory {peak_kb / 1024:.0f} MB"
    _ = resource
