"""Load PDF, TIFF (multi-page), PNG and JPEG files into pages, deciding the format by content."""

from __future__ import annotations

import hashlib
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

from pipeline.errors import (
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    LimitExceeded,
    NoPages,
    UnsupportedFormat,
)
from pipeline.model import PageImage
from pipeline.options import Options

SUPPORTED_SUFFIXES = {".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg"}


@dataclass(frozen=True, slots=True)
class SourceInfo:
    path: Path
    format: str  # pdf | tiff | png | jpeg
    pages: int
    sha256: str
    size: int


def sniff_format(head: bytes) -> str | None:
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "tiff"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    return None


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _open_image(path: Path, options: Options) -> Image.Image:
    Image.MAX_IMAGE_PIXELS = options.max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im = Image.open(path)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
        raise LimitExceeded(f"image exceeds the pixel limit of {options.max_pixels:,}: {e}") from e
    except Exception as e:  # PIL raises many types for damaged files
        raise CorruptFile(f"cannot decode image: {e}") from e
    if im.width * im.height > options.max_pixels:
        raise LimitExceeded(
            f"page of {im.width}x{im.height} pixels exceeds the limit of {options.max_pixels:,}"
        )
    return im


def inspect(path: Path, options: Options) -> SourceInfo:
    """Identify the file and count its pages without decoding them."""
    import stat as stat_

    try:
        st = path.stat()
        if stat_.S_ISDIR(st.st_mode):
            raise UnsupportedFormat("a directory, not a file")
        if not stat_.S_ISREG(st.st_mode):
            raise UnsupportedFormat("not a regular file (a pipe, socket or device)")
        size = st.st_size
        with path.open("rb") as f:
            head = f.read(2048)
    except IsADirectoryError as e:
        raise UnsupportedFormat("a directory, not a file") from e
    except OSError as e:
        raise CorruptFile(f"cannot read file: {e.strerror or e}") from e
    if size == 0:
        raise EmptyFile("the file is empty (0 bytes)")
    fmt = sniff_format(head)
    if fmt is None:
        raise UnsupportedFormat("not a PDF, TIFF, PNG or JPEG file (checked by content)")
    if fmt == "pdf":
        pages = _pdf_page_count(path)
    else:
        im = _open_image(path, options)
        pages = getattr(im, "n_frames", 1)
    if pages < 1:
        raise NoPages("the document has no pages")
    if pages > options.max_pages:
        raise LimitExceeded(
            f"{pages} pages exceeds the limit of {options.max_pages} pages per file"
        )
    return SourceInfo(path=path, format=fmt, pages=pages, sha256=file_sha256(path), size=size)


def _pdf_page_count(path: Path) -> int:
    from pdf2image import pdfinfo_from_path
    from pdf2image.exceptions import PDFPageCountError

    try:
        info = pdfinfo_from_path(str(path), timeout=60)
    except PDFPageCountError as e:
        msg = str(e)
        if "password" in msg.lower() or "encrypt" in msg.lower():
            raise EncryptedFile("the PDF is encrypted and needs a password") from e
        raise CorruptFile(f"cannot read PDF: {msg.strip()[:200]}") from e
    except Exception as e:
        raise CorruptFile(f"cannot read PDF: {e}") from e
    if str(info.get("Encrypted", "no")).lower().startswith("yes"):
        # pdfinfo opens owner-password-only PDFs; rendering still works, so only note it
        pass
    return int(info.get("Pages", 0))


def _sane_dpi(value: object, im: Image.Image, default: int) -> int:
    try:
        dpi = round(float(value[0] if isinstance(value, tuple) else value))  # type: ignore[index,arg-type]
    except (TypeError, ValueError, IndexError):
        dpi = 0
    if 100 <= dpi <= 1200:
        return dpi
    # no usable metadata: assume an A4 page and infer from its pixel size
    long_side = max(im.width, im.height)
    guess = round(long_side / 11.69)
    if 100 <= guess <= 1200:
        return int(round(guess / 25) * 25)
    return default


def _to_rgb(im: Image.Image) -> tuple[np.ndarray, bool]:
    colour_mode = im.mode in ("RGB", "RGBA", "P", "CMYK", "YCbCr", "LAB", "HSV")
    if im.mode in ("I;16", "I;16B", "I;16L", "I"):
        arr = np.asarray(im, dtype=np.float64)
        top = arr.max() or 1.0
        im = Image.fromarray((arr * (255.0 / top)).astype(np.uint8))
    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        im = im.convert("RGBA")
        bg = Image.new("RGBA", im.size, (255, 255, 255, 255))
        im = Image.alpha_composite(bg, im)
    rgb = np.asarray(im.convert("RGB"))
    colour = False
    if colour_mode:
        sub = rgb[::7, ::7].astype(np.int16)
        chroma = np.abs(sub[..., 0] - sub[..., 1]) + np.abs(sub[..., 1] - sub[..., 2])
        colour = bool((chroma > 40).mean() > 0.0005)
    return np.ascontiguousarray(rgb), colour


def load_page(info: SourceInfo, number: int, options: Options) -> PageImage:
    """Decode page ``number`` (1-based)."""
    if info.format == "pdf":
        from pdf2image import convert_from_path

        try:
            images = convert_from_path(
                str(info.path),
                dpi=options.pdf_dpi,
                first_page=number,
                last_page=number,
                timeout=int(options.page_timeout),
            )
        except Exception as e:
            raise CorruptFile(f"cannot render PDF page {number}: {e}") from e
        if not images:
            raise CorruptFile(f"PDF page {number} rendered to nothing")
        im = images[0]
        if im.width * im.height > options.max_pixels:
            raise LimitExceeded(f"page {number} of {im.width}x{im.height} exceeds the pixel limit")
        rgb, colour = _to_rgb(im)
        return PageImage(number=number, image=rgb, dpi=options.pdf_dpi, colour=colour)
    im = _open_image(info.path, options)
    try:
        if number > 1:
            im.seek(number - 1)
        im.load()
        dpi = _sane_dpi(im.info.get("dpi"), im, options.default_dpi)
        if info.format == "jpeg":
            im = ImageOps.exif_transpose(im) or im
        scan_dpi = 0
        if dpi > options.max_dpi:
            # a 600 dpi scan reads no better than 300 dpi and costs four times the memory and
            # time: reduce it (area averaging) before anything else is allocated
            scale = options.max_dpi / dpi
            if im.mode == "1":
                im = im.convert("L")
            size = (max(1, round(im.width * scale)), max(1, round(im.height * scale)))
            im = im.resize(size, Image.Resampling.BOX)
            scan_dpi, dpi = dpi, options.max_dpi
        rgb, colour = _to_rgb(im)
    except (OSError, EOFError, ValueError, SyntaxError) as e:
        raise CorruptFile(f"cannot decode page {number}: {e}") from e
    return PageImage(number=number, image=rgb, dpi=dpi, colour=colour, scan_dpi=scan_dpi)


def discover(paths: list[Path]):  # type: ignore[no-untyped-def]
    """Yield (root, file) for every candidate file under the given paths, streaming."""
    import os

    for root in paths:
        if root.is_file() or not root.exists():
            yield root.parent, root
            continue
        for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
            dirnames.sort()
            for name in sorted(filenames):
                if name.startswith(".") or name.endswith((".json", ".part", ".tmp")):
                    continue
                p = Path(dirpath) / name
                if p.suffix.lower() in SUPPORTED_SUFFIXES or not p.suffix:
                    yield root, p
            for d in list(dirnames):
                if Path(dirpath, d).suffix.lower() in SUPPORTED_SUFFIXES:
                    yield root, Path(dirpath) / d  # a directory named like a scan: reported
