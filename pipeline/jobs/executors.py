"""One executor abstraction for serial runs and local process pools.

Workers load the OCR engine once (in the pool initializer), ignore Ctrl-C (the parent decides),
and return plain picklable outcomes; only the parent writes files and draws progress.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any, Protocol

from pipeline.ocr.engine import OcrEngine, make_engine
from pipeline.options import Options

_WORKER: dict[str, Any] = {}  # per-process worker state, filled by the initializer only


def init_worker(options: Options, engine_kind: str) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ["OMP_THREAD_LIMIT"] = "1"
    _WORKER["options"] = options
    _WORKER["engine"] = make_engine(engine_kind, options.languages, options.tessdata_dir, options.page_timeout)


def worker_engine() -> OcrEngine:
    return _WORKER["engine"]  # type: ignore[no-any-return]


def worker_options() -> Options:
    return _WORKER["options"]  # type: ignore[no-any-return]


class Executor(Protocol):
    def map_unordered(self, fn: Callable[[Any], Any], tasks: Iterable[Any]) -> Iterator[tuple[Any, Any]]:
        """Yield (task, result) pairs as results arrive."""
        ...

    def close(self) -> None: ...


class SerialExecutor:
    def __init__(self, options: Options, engine_kind: str = "tesseract") -> None:
        init_worker(options, engine_kind)
        signal.signal(signal.SIGINT, signal.default_int_handler)

    def map_unordered(self, fn: Callable[[Any], Any], tasks: Iterable[Any]) -> Iterator[tuple[Any, Any]]:
        for t in tasks:
            yield t, fn(t)

    def close(self) -> None:
        pass


class ProcessExecutor:
    """A local process pool with a bounded number of tasks in flight (streaming input)."""

    def __init__(self, options: Options, jobs: int, engine_kind: str = "tesseract") -> None:
        self.jobs = jobs
        self.pool = ProcessPoolExecutor(max_workers=jobs, initializer=init_worker,
                                        initargs=(options, engine_kind))

    def map_unordered(self, fn: Callable[[Any], Any], tasks: Iterable[Any]) -> Iterator[tuple[Any, Any]]:
        pending: dict[Future[Any], Any] = {}
        it = iter(tasks)
        exhausted = False
        while True:
            while not exhausted and len(pending) < self.jobs * 3:
                try:
                    t = next(it)
                except StopIteration:
                    exhausted = True
                    break
                pending[self.pool.submit(fn, t)] = t
            if not pending:
                return
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                t = pending.pop(fut)
                yield t, fut.result()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def make_executor(options: Options, jobs: int, engine_kind: str = "tesseract") -> Executor:
    if jobs <= 1:
        return SerialExecutor(options, engine_kind)
    return ProcessExecutor(options, jobs, engine_kind)
