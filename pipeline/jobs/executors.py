"""One executor abstraction for serial runs and local process pools.

Workers load the OCR engine once (in the pool initializer), ignore Ctrl-C (the parent decides),
and return plain picklable outcomes; only the parent writes files and draws progress.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol

from pipeline.errors import SarabanError
from pipeline.ocr.engine import OcrEngine, make_engine
from pipeline.options import Options

_WORKER: dict[str, Any] = {}  # per-process worker state, filled by the initializer only


def limit_memory(megabytes: int) -> None:
    """Cap this process's address space: a page that needs more fails with MemoryError
    (recorded as limit_exceeded) instead of taking the machine down."""
    import resource

    limit = megabytes * 1024 * 1024
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _die_with_parent() -> None:
    """On Linux, a worker is killed when the process that started it dies (even by SIGKILL),
    so no orphan keeps working on a run that is gone."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: orphans finish their page and exit
        pass


def _one_thread() -> None:
    """One worker per core already uses every core: OpenCV's and numpy's BLAS thread pools
    would only add contention (and CPU time) on top. OpenBLAS split the digit network's
    small products over both cores, and its threads spun against the other worker's
    Tesseract: 5.6 ms a call instead of 0.2, a sixth of the CPU spent outside Tesseract.
    Called in the parent before it forks workers (a forked child must not reconfigure a
    thread pool whose threads it does not have), in Dask workers, which are started fresh,
    and for a serial run (``--jobs 1`` uses one core)."""
    import cv2
    from threadpoolctl import threadpool_limits

    cv2.setNumThreads(1)
    threadpool_limits(1)


def _load_language_data() -> None:
    """The digit model, the Thai dictionary and word frequencies, and the name lists' indexes
    (a page's signer name is mended as it is read), once per worker."""
    from pipeline.ocr.digits import load_model
    from pipeline.thai import names, words

    load_model()
    words.warm_up()
    names.warm_up()


def init_worker(options: Options, engine_kind: str, pool: bool = True) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if pool:
        _die_with_parent()
        _load_language_data()  # before the memory cap, not inside the first page
        limit_memory(options.max_worker_memory_mb)
    os.environ["OMP_THREAD_LIMIT"] = "1"
    _WORKER["options"] = options
    _WORKER["engine"] = make_engine(
        engine_kind, options.languages, options.tessdata_dir, options.page_timeout
    )


def worker_engine() -> OcrEngine:
    return _WORKER["engine"]  # type: ignore[no-any-return]


def worker_options() -> Options:
    return _WORKER["options"]  # type: ignore[no-any-return]


OnError = Callable[[Any, BaseException], Any]


class Executor(Protocol):
    def map_unordered(
        self, fn: Callable[[Any], Any], tasks: Iterable[Any], on_error: OnError
    ) -> Iterator[tuple[Any, Any]]:
        """Yield (task, result) pairs as results arrive; a task whose worker died yields
        ``on_error(task, exc)`` instead, and the other tasks go on."""
        ...

    def close(self) -> None: ...


class SerialExecutor:
    def __init__(self, options: Options, engine_kind: str = "tesseract") -> None:
        _one_thread()  # one job is one core, as each pool worker is
        init_worker(options, engine_kind, pool=False)  # the caller's own process: no cap
        signal.signal(signal.SIGINT, signal.default_int_handler)

    def map_unordered(
        self, fn: Callable[[Any], Any], tasks: Iterable[Any], on_error: OnError
    ) -> Iterator[tuple[Any, Any]]:
        for t in tasks:
            yield t, fn(t)

    def close(self) -> None:
        pass


class ProcessExecutor:
    """A local process pool with a bounded number of tasks in flight (streaming input).

    A worker that dies (killed for memory, a crash inside Tesseract) breaks the pool: its
    in-flight tasks are retried once in a fresh pool, and a task that was in flight at two
    breaks is given up with ``on_error``; the run goes on.
    """

    def __init__(self, options: Options, jobs: int, engine_kind: str = "tesseract") -> None:
        self.jobs = jobs
        self._args = (options, engine_kind)
        _one_thread()
        self._pool: ProcessPoolExecutor | None = None  # made for the first task (a re-run
        # that skips every file starts no worker and loads nothing)

    @property
    def pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            if multiprocessing.get_start_method() == "fork":
                # forked workers share what this process loaded: load it once, here (the
                # documents are put together here with it too), not again in every worker
                _load_language_data()
            self._pool = self._new_pool()
        return self._pool

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.jobs, initializer=init_worker, initargs=self._args
        )

    def map_unordered(
        self, fn: Callable[[Any], Any], tasks: Iterable[Any], on_error: OnError
    ) -> Iterator[tuple[Any, Any]]:
        pending: dict[Future[Any], tuple[int, Any]] = {}
        retry: list[tuple[int, Any]] = []
        crashes: dict[int, int] = {}
        it = iter(tasks)
        counter = 0
        exhausted = False
        while True:
            while len(pending) < self.jobs * 3 and (retry or not exhausted):
                if retry:
                    item = retry.pop(0)
                else:
                    try:
                        item = (counter, next(it))
                    except StopIteration:
                        exhausted = True
                        break
                    counter += 1
                pending[self.pool.submit(fn, item[1])] = item
            if not pending:
                return
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken: BaseException | None = None
            for fut in done:
                i, t = pending.pop(fut)
                try:
                    result = fut.result()
                except BrokenProcessPool as e:
                    broken = e
                    crashes[i] = crashes.get(i, 0) + 1
                    if crashes[i] >= 2:
                        yield t, on_error(t, e)
                    else:
                        retry.append((i, t))
                    continue
                yield t, result
            if broken is not None:
                for i, t in list(pending.values()):
                    crashes[i] = crashes.get(i, 0) + 1
                    if crashes[i] >= 2:
                        yield t, on_error(t, broken)
                    else:
                        retry.append((i, t))
                pending.clear()
                self.pool.shutdown(wait=False, cancel_futures=True)
                self._pool = self._new_pool()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


def _dask_run(fn: Callable[[Any], Any], options: Options, engine_kind: str, task: Any) -> Any:
    """Dask worker side: load the engine once per worker (again only if a run with other
    options arrives), then run the task exactly as a local worker would."""
    if _WORKER.get("options") != options or _WORKER.get("engine_kind") != engine_kind:
        os.environ["OMP_THREAD_LIMIT"] = "1"
        _one_thread()
        _load_language_data()
        _WORKER["options"] = options
        _WORKER["engine_kind"] = engine_kind
        _WORKER["engine"] = make_engine(
            engine_kind, options.languages, options.tessdata_dir, options.page_timeout
        )
    return fn(task)


class DaskExecutor:
    """Page tasks on a Dask distributed cluster (``--scheduler tcp://host:8786``).

    Workers need the same saraban package, Tesseract and tessdata, and must see the input
    files at the same paths (a shared mount); results come back to this process, which alone
    writes outputs and the ledger, exactly as with local processes. A worker that dies is
    retried by the scheduler; a task that keeps killing workers yields ``on_error``."""

    def __init__(
        self,
        options: Options,
        address: str,
        engine_kind: str = "tesseract",
        client: Any = None,
        connect_timeout: float = 20.0,
    ) -> None:
        try:
            from distributed import Client
        except ImportError as e:  # the optional extra is not installed
            raise SarabanError(
                "--scheduler needs Dask: pip install 'saraban[cluster]'", code="usage"
            ) from e
        try:
            self.client = (
                client if client is not None else Client(address, timeout=f"{connect_timeout}s")
            )
        except OSError as e:
            raise SarabanError(
                f"cannot reach the Dask scheduler at {address}: {e}", code="usage"
            ) from e
        self._own_client = client is None
        self.options = options
        self.engine_kind = engine_kind
        slots = sum(self.client.nthreads().values()) or 1
        self.window = slots * 3

    def map_unordered(
        self, fn: Callable[[Any], Any], tasks: Iterable[Any], on_error: OnError
    ) -> Iterator[tuple[Any, Any]]:
        from distributed import as_completed

        it = iter(tasks)
        running = as_completed()
        owner: dict[Any, Any] = {}

        def submit_next() -> bool:
            try:
                t = next(it)
            except StopIteration:
                return False
            fut = self.client.submit(_dask_run, fn, self.options, self.engine_kind, t, pure=False)
            owner[fut.key] = t
            running.add(fut)
            return True

        for _ in range(self.window):
            if not submit_next():
                break
        for fut in running:
            t = owner.pop(fut.key)
            try:
                result = fut.result()
            except Exception as e:  # KilledWorker and the like: the run goes on
                result = on_error(t, e)
            fut.release()
            yield t, result
            submit_next()

    def close(self) -> None:
        if self._own_client:
            self.client.close()


def make_executor(
    options: Options,
    jobs: int,
    engine_kind: str = "tesseract",
    scheduler: str | None = None,
    connect_timeout: float = 20.0,
) -> Executor:
    if scheduler:
        return DaskExecutor(options, scheduler, engine_kind, connect_timeout=connect_timeout)
    if jobs <= 1:
        return SerialExecutor(options, engine_kind)
    return ProcessExecutor(options, jobs, engine_kind)
