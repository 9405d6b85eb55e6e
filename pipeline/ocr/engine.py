"""The OCR engine interface.

An engine reads a grey image (a page with non-typed ink blanked, a table cell, a handwriting
crop) and returns lines with boxes in that image's pixel frame and a confidence per line
aggregated from its characters (Tesseract's Thai "words" are single characters).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Any, Protocol

import cv2
import numpy as np

from pipeline.components import components
from pipeline.errors import EngineError, LimitExceeded, MissingDependency
from pipeline.model import Line, Word

DEFAULT_TESSDATA = "/usr/share/tesseract-ocr/5/tessdata"


class OcrEngine(Protocol):
    name: str

    def version(self) -> str: ...

    def read(
        self, gray: np.ndarray, dpi: int, psm: int = 3, languages: str | None = None
    ) -> list[Line]: ...

    def find_lines(self, gray: np.ndarray, dpi: int) -> list[tuple[int, int, int, int]]: ...


def _find_tessdata(explicit: str | None) -> str:
    for cand in (
        explicit,
        os.environ.get("TESSDATA_PREFIX"),
        DEFAULT_TESSDATA,
        "/usr/share/tesseract-ocr/4.00/tessdata",
        "/usr/share/tessdata",
    ):
        if (
            cand
            and os.path.isdir(cand)
            and any(f.endswith(".traineddata") for f in os.listdir(cand))
        ):
            return cand
    raise MissingDependency("no tessdata directory found: install tesseract-ocr-tha (see README)")


def _set_image(api: Any, gray: np.ndarray) -> bytes:
    """Give Tesseract ``gray`` as raw 8-bit rows. (tesserocr's ``SetImage`` of a PIL image
    writes it out as a BMP file in memory and has Leptonica read that back: the same pixels at
    about 2 ms a line, the BMP's palette written by Python, byte by byte.) Tesseract does not copy
    the buffer: the caller keeps the returned bytes alive until it has read the results."""
    pixels = np.ascontiguousarray(gray, dtype=np.uint8).tobytes()
    h, w = gray.shape[:2]
    api.SetImageBytes(pixels, w, h, 1, w)
    return pixels


@dataclass
class TesseractEngine:
    """Tesseract through tesserocr's C API: the model loads once per process, not per call."""

    languages: str = "tha+eng"
    tessdata_dir: str | None = None
    timeout: float = 120.0
    name: str = "tesseract"

    def __post_init__(self) -> None:
        self._apis: dict[str, Any] = {}  # one loaded model set per language combination
        self.cpu_seconds = 0.0  # CPU spent inside Tesseract by this engine

    def __getstate__(self) -> dict[str, object]:  # engines travel to workers without their API
        return {
            "languages": self.languages,
            "tessdata_dir": self.tessdata_dir,
            "timeout": self.timeout,
            "name": self.name,
        }

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._apis = {}
        self.cpu_seconds = 0.0

    def _get_api(self, languages: str | None = None):  # type: ignore[no-untyped-def]
        lang = languages or self.languages
        if lang not in self._apis:
            try:
                import tesserocr
            except ImportError as e:  # pragma: no cover - packaging problem
                raise MissingDependency("tesserocr is not installed") from e
            path = _find_tessdata(self.tessdata_dir)
            os.environ.setdefault("OMP_THREAD_LIMIT", "1")
            try:
                self._apis[lang] = tesserocr.PyTessBaseAPI(path=path, lang=lang)
            except RuntimeError as e:
                raise MissingDependency(
                    f"cannot load Tesseract languages {lang!r} from {path}: {e}"
                ) from e
        return self._apis[lang]

    def version(self) -> str:
        import tesserocr

        return "tesseract " + tesserocr.tesseract_version().split()[1]

    def find_lines(self, gray: np.ndarray, dpi: int) -> list[tuple[int, int, int, int]]:
        """Text-line boxes in reading order from Tesseract's layout analysis (no recognition)."""
        t = time.process_time()
        try:
            return self._find_lines(gray, dpi)
        finally:
            self.cpu_seconds += time.process_time() - t

    def _find_lines(self, gray: np.ndarray, dpi: int) -> list[tuple[int, int, int, int]]:
        from tesserocr import RIL

        api = self._get_api()
        api.SetPageSegMode(3)
        _pixels = _set_image(api, gray)  # held until the layout is read: Tesseract reads it
        api.SetSourceResolution(int(dpi))
        it = api.AnalyseLayout()
        boxes: list[tuple[int, int, int, int]] = []
        if it is None:
            return boxes
        while True:
            box = it.BoundingBox(RIL.TEXTLINE)
            if box is not None:
                boxes.append(tuple(int(v) for v in box))  # type: ignore[arg-type]
            if not it.Next(RIL.TEXTLINE):
                break
        return boxes

    def read(
        self, gray: np.ndarray, dpi: int, psm: int = 3, languages: str | None = None
    ) -> list[Line]:
        """Recognise ``gray`` (with ``languages`` instead of the engine's own, if given); CPU
        time of the whole call (recognition and result iteration, both inside Tesseract's API)
        is added to ``cpu_seconds``."""
        t = time.process_time()
        try:
            return self._read(gray, dpi, psm, languages)
        finally:
            self.cpu_seconds += time.process_time() - t

    def _read(
        self, gray: np.ndarray, dpi: int, psm: int = 3, languages: str | None = None
    ) -> list[Line]:
        import tesserocr
        from tesserocr import RIL

        api = self._get_api(languages)
        api.SetPageSegMode(psm)
        _pixels = _set_image(api, gray)  # held until the results are read: Tesseract reads it
        api.SetSourceResolution(int(dpi))
        ok = api.Recognize(timeout=int(self.timeout * 1000))
        if not ok:
            raise LimitExceeded(f"OCR took longer than the page time limit of {self.timeout:.0f} s")
        lines: list[Line] = []
        ri = api.GetIterator()
        if ri is None:
            return lines
        # characters (Tesseract's Thai "words") grouped by line: boxes and confidences
        per_line: list[list[Word]] = []
        try:
            for r in tesserocr.iterate_level(ri, RIL.SYMBOL):
                sym = _text(r, RIL.SYMBOL)
                box = r.BoundingBox(RIL.SYMBOL)
                if sym is None or box is None:
                    continue
                if r.IsAtBeginningOf(RIL.TEXTLINE) or not per_line:
                    per_line.append([])
                if not sym.strip():
                    # a space given as a symbol (beside leader dots): no ink, and a symbol the
                    # text's spacing does not spell (the line's digits went unchecked)
                    continue
                per_line[-1].append(
                    Word(
                        sym,
                        (int(box[0]), int(box[1]), int(box[2]), int(box[3])),
                        round(float(r.Confidence(RIL.SYMBOL)) / 100, 4),
                    )
                )  # type: ignore[arg-type]
            texts: list[tuple[str, tuple[int, int, int, int]]] = []
            ri = api.GetIterator()
            for r in tesserocr.iterate_level(ri, RIL.TEXTLINE):
                line_text = _text(r, RIL.TEXTLINE)
                box = r.BoundingBox(RIL.TEXTLINE)
                if line_text is None or box is None:
                    continue
                texts.append(
                    (line_text.strip(), (int(box[0]), int(box[1]), int(box[2]), int(box[3])))
                )
        except RuntimeError as e:  # pragma: no cover
            raise EngineError(f"Tesseract failed: {e}") from e
        # The iterator's line text puts a space after every Thai "word" (character); the page
        # text carries Tesseract's real word spacing. Use it where it lines up, else join by gaps.
        try:
            page_text = api.GetUTF8Text() or ""
        except RuntimeError:  # tesserocr raises when the page holds no text at all
            page_text = ""
        page_lines = [t.strip() for t in page_text.split("\n") if t.strip()]
        texts = [(t, b) for t, b in texts if t]
        aligned = len(page_lines) == len(texts) and all(
            p.replace(" ", "") == t.replace(" ", "")
            for p, (t, _) in zip(page_lines, texts, strict=True)
        )
        for i, (text, box) in enumerate(texts):
            words = per_line[i] if i < len(per_line) else []
            line_text = page_lines[i] if aligned else _join_by_gaps(words, box) or text
            conf = float(np.mean([w.confidence for w in words])) if words else 0.0
            lines.append(
                Line(
                    text=line_text,
                    bbox=box,
                    confidence=round(conf, 4),
                    words=words,
                    raw_text=line_text,
                )
            )
        return lines


def _text(it, level: int) -> str | None:  # type: ignore[no-untyped-def]
    """An iterator element's text; tesserocr raises on elements that hold none."""
    try:
        return it.GetUTF8Text(level)  # type: ignore[no-any-return]
    except RuntimeError:
        return None


def _join_by_gaps(words: list[Word], box: tuple[int, int, int, int]) -> str:
    """Join characters, with a space where the gap is wider than a third of the line height."""
    if not words:
        return ""
    height = max(1, box[3] - box[1])
    out = [words[0].text]
    for a, b in zip(words[:-1], words[1:], strict=False):
        if b.bbox[0] - a.bbox[2] > height / 3:
            out.append(" ")
        out.append(b.text)
    return "".join(out)


@dataclass
class FakeEngine:
    """Finds text-line blobs geometrically and 'reads' each as a fixed string. For fast tests."""

    text: str = "ทดสอบ"
    confidence: float = 0.9
    name: str = "fake"

    def version(self) -> str:
        return "fake 1.0"

    def read(
        self, gray: np.ndarray, dpi: int, psm: int = 3, languages: str | None = None
    ) -> list[Line]:
        _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
        k = cv2.getStructuringElement(cv2.MORPH_RECT, (max(3, dpi // 10), 3))
        blobs = cv2.dilate(ink, k)
        n, _, stats = components(blobs)
        out = []
        for i in range(1, n):
            x, y, w, h, area = stats[i]
            if h < dpi / 60 or area < 20:
                continue
            out.append(
                Line(
                    self.text,
                    (int(x), int(y), int(x + w), int(y + h)),
                    self.confidence,
                    raw_text=self.text,
                )
            )
        out.sort(key=lambda ln: (ln.bbox[1], ln.bbox[0]))
        return out

    def find_lines(self, gray: np.ndarray, dpi: int) -> list[tuple[int, int, int, int]]:
        return [ln.bbox for ln in self.read(gray, dpi)]


def make_engine(
    kind: str, languages: str = "tha+eng", tessdata_dir: str | None = None, timeout: float = 120.0
) -> OcrEngine:
    if kind == "tesseract":
        return TesseractEngine(languages=languages, tessdata_dir=tessdata_dir, timeout=timeout)
    if kind == "fake":
        return FakeEngine()
    raise ValueError(f"unknown engine {kind!r}")
