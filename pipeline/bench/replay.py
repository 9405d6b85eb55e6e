"""The page pass timed outside Tesseract: its answers recorded once, then replayed.

``python -m pipeline.bench.replay CORPUS [--pages N] [--passes K]`` reads the first ``N`` pages
of ``CORPUS/scans`` once with Tesseract, recording every answer, then ``K`` times more with the
answers replayed, and prints the CPU a page takes outside Tesseract (the least of the passes:
this machine's spread moves single passes by tens of milliseconds) and whether the replayed
passes read every page as the recorded one did. A change meant to save time and change nothing
shows as no miss (no line image the engine was not shown before) and the same pages.
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.model import Line
from pipeline.ocr.engine import OcrEngine


class ReplayEngine:
    """An engine that answers as ``engine`` answered the same image, asking it only the first
    time (``misses`` counts those after :meth:`replay`). The answers are copied out: the page
    pass mends the lines it is given."""

    def __init__(self, engine: OcrEngine) -> None:
        self.engine = engine
        self.name = engine.name
        self._answers: dict[tuple[Any, ...], Any] = {}
        self._replaying = False
        self.misses = 0

    def version(self) -> str:
        return self.engine.version()

    def replay(self) -> None:
        """From now on every image asked about should have been asked before."""
        self._replaying = True

    def _answer(self, key: tuple[Any, ...], ask: Any) -> Any:
        if key not in self._answers:
            self.misses += self._replaying
            self._answers[key] = ask()
        return copy.deepcopy(self._answers[key])

    def read(
        self, gray: np.ndarray, dpi: int, psm: int = 3, languages: str | None = None
    ) -> list[Line]:
        key = (_digest(gray), dpi, psm, languages)
        return self._answer(key, lambda: self.engine.read(gray, dpi, psm, languages))  # type: ignore[no-any-return]

    def find_lines(self, gray: np.ndarray, dpi: int) -> list[tuple[int, int, int, int]]:
        key = (_digest(gray), dpi, "lines")
        return self._answer(key, lambda: self.engine.find_lines(gray, dpi))  # type: ignore[no-any-return]


def _digest(image: np.ndarray) -> tuple[bytes, tuple[int, ...]]:
    return hashlib.blake2b(
        np.ascontiguousarray(image).tobytes(), digest_size=16
    ).digest(), image.shape


def page_record(page: Any) -> str:
    """A page as JSON, its timings left out: what two passes must agree on."""

    def strip(o: Any) -> Any:
        if isinstance(o, dict):
            return {k: strip(v) for k, v in o.items() if k != "seconds"}
        if isinstance(o, list):
            return [strip(v) for v in o]
        return o

    return json.dumps(
        strip(dataclasses.asdict(page)), ensure_ascii=False, sort_keys=True, default=repr
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.bench.replay", description=__doc__)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--pages", type=int, default=50)
    ap.add_argument("--passes", type=int, default=3)
    args = ap.parse_args(argv)
    os.environ["OMP_THREAD_LIMIT"] = "1"

    from pipeline.ingest import inspect, load_page
    from pipeline.jobs.executors import _load_language_data, _one_thread, init_worker, worker_engine
    from pipeline.options import Options
    from pipeline.page import process_page

    options = Options(jobs=1)
    _one_thread()
    init_worker(options, "tesseract", pool=False)
    _load_language_data()
    engine = ReplayEngine(worker_engine())
    images = []
    for f in sorted((args.corpus / "scans").iterdir()):
        info = inspect(f, options)
        images += [load_page(info, n, options) for n in range(1, info.pages + 1)]
    images = images[: args.pages]
    recorded = [page_record(process_page(p, engine, options)) for p in images]
    engine.replay()
    least, same = float("inf"), True
    for _ in range(args.passes):
        t = time.process_time()
        pages = [process_page(p, engine, options) for p in images]
        least = min(least, time.process_time() - t)
        same &= [page_record(p) for p in pages] == recorded
    print(
        f"{len(images)} pages: {least / len(images) * 1000:.0f} ms a page outside Tesseract "
        f"(least of {args.passes} replayed passes, the replay's copying included); "
        f"{engine.misses} images the engine was not shown before; "
        f"{'every page read as recorded' if same else 'pages read otherwise than recorded'}"
    )
    return 0 if same and not engine.misses else 1


if __name__ == "__main__":
    raise SystemExit(main())
