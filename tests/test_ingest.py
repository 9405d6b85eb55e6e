from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from pipeline.errors import CorruptFile, EmptyFile, LimitExceeded, UnsupportedFormat
from pipeline.ingest import inspect, load_page, sniff_format
from pipeline.options import Options

OPT = Options()


def test_sniff_by_content():
    assert sniff_format(b"%PDF-1.7\n") == "pdf"
    assert sniff_format(b"II*\x00....") == "tiff"
    assert sniff_format(b"\x89PNG\r\n\x1a\n") == "png"
    assert sniff_format(b"\xff\xd8\xff\xe0") == "jpeg"
    assert sniff_format(b"hello") is None


def test_every_sample_format_loads(sample_scans):
    formats = set()
    for f in sorted(sample_scans.iterdir()):
        info = inspect(f, OPT)
        formats.add(info.format)
        page = load_page(info, info.pages, OPT)
        assert page.image.ndim == 3 and page.image.dtype == np.uint8
        assert 150 <= page.dpi <= 400
    assert formats == {"pdf", "tiff", "png", "jpeg"}


def test_multipage_tiff(tmp_path):
    frames = [Image.new("L", (300, 400), v) for v in (255, 200, 100)]
    p = tmp_path / "three.tif"
    frames[0].save(p, save_all=True, append_images=frames[1:], dpi=(300, 300))
    info = inspect(p, OPT)
    assert info.pages == 3 and info.format == "tiff"
    assert load_page(info, 3, OPT).image[0, 0, 0] == 100


def test_bad_inputs_raise_clear_errors(tmp_path: Path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(EmptyFile):
        inspect(empty, OPT)
    text = tmp_path / "notes.pdf"
    text.write_text("this is not a pdf")
    with pytest.raises(UnsupportedFormat):
        inspect(text, OPT)
    trunc = tmp_path / "cut.jpg"
    buf = tmp_path / "full.jpg"
    Image.new("RGB", (400, 400), "white").save(buf)
    trunc.write_bytes(buf.read_bytes()[:200])
    with pytest.raises(CorruptFile):
        load_page(inspect(trunc, OPT), 1, OPT)
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    with pytest.raises(UnsupportedFormat):
        inspect(folder, OPT)


def test_pixel_limit(tmp_path):
    p = tmp_path / "big.png"
    Image.new("1", (4000, 4000)).save(p)
    with pytest.raises(LimitExceeded):
        inspect(p, Options(max_pixels=1_000_000))


def test_missing_dpi_is_inferred_from_a4(tmp_path):
    p = tmp_path / "nodpi.png"
    Image.new("L", (1654, 2339), 255).save(p)  # A4 at 200 dpi, no metadata
    page = load_page(inspect(p, OPT), 1, OPT)
    assert page.dpi == 200
