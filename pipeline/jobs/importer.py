"""``saraban import``: every input ends as a result JSON or an ``.error.json``."""

from __future__ import annotations

import json
import logging
import os
import resource
import sys
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cv2
from tqdm import tqdm

from pipeline import __version__
from pipeline.errors import SarabanError
from pipeline.extract import build_documents
from pipeline.ingest import SourceInfo, discover, inspect, load_page
from pipeline.jobs.executors import make_executor, worker_engine, worker_options
from pipeline.jobs.ledger import Ledger
from pipeline.model import Page
from pipeline.ocr.engine import make_engine
from pipeline.options import Options
from pipeline.output import build_result, error_result, remove_stale_temps, write_json
from pipeline.page import process_page
from pipeline.report.corrections import carry_over

log = logging.getLogger(__name__)
LEDGER_NAME = ".saraban-ledger.sqlite"


@dataclass(frozen=True)
class PageTask:
    info: SourceInfo
    number: int


@dataclass
class PageOutcome:
    page: Page | None = None
    code: str | None = None
    error: str | None = None


@dataclass
class Summary:
    done: int = 0
    failed: int = 0
    skipped: int = 0  # done before, unchanged (ledger)
    linked: int = 0  # same content already done under another name
    pages: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str, str]] = field(default_factory=list)

    def line(self) -> str:
        rate = self.pages / self.seconds * 60 if self.seconds else 0.0
        return (
            f"{self.done} done, {self.skipped} skipped (unchanged), {self.linked} linked (same content), "
            f"{self.failed} failed, {self.pages} pages in {self.seconds:.1f} s ({rate:.1f} pages/min)"
        )


def run_page(task: PageTask) -> PageOutcome:
    """Worker side: decode one page and process it; errors become outcomes, never crashes."""
    try:
        pimg = load_page(task.info, task.number, worker_options())
        engine = worker_engine()
        before = getattr(engine, "cpu_seconds", 0.0)
        page = process_page(pimg, engine, worker_options())
        page.steps.append(
            {
                "step": "worker",
                "engine_cpu_seconds": round(getattr(engine, "cpu_seconds", 0.0) - before, 3),
                "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            }
        )
        return PageOutcome(page=page)
    except SarabanError as e:
        return PageOutcome(code=e.code, error=f"page {task.number}: {e.message}")
    except Exception as e:
        if _out_of_memory(e):
            return PageOutcome(code="limit_exceeded", error=f"page {task.number}: out of memory")
        # a bug: recorded with its type, the batch goes on
        log.debug("page %s failed: %s", task.number, traceback.format_exc())
        return PageOutcome(
            code="internal_error", error=f"page {task.number}: {type(e).__name__}: {e}"
        )


def _out_of_memory(e: Exception) -> bool:
    """Python's MemoryError, or OpenCV's own (it raises cv2.error with StsNoMem when the
    worker's address-space cap refuses an allocation)."""
    if isinstance(e, MemoryError):
        return True
    return isinstance(e, cv2.error) and getattr(e, "code", None) == cv2.Error.StsNoMem


def _worker_died(task: PageTask, exc: BaseException) -> PageOutcome:
    return PageOutcome(
        code="worker_crashed",
        error=f"page {task.number}: the worker processing it died twice ({type(exc).__name__})",
    )


def relative_name(root: Path, file: Path) -> str:
    try:
        return file.relative_to(root).as_posix()
    except ValueError:
        return file.name


def output_path(out_dir: Path, root: Path, file: Path, suffix: str = ".json") -> Path:
    """``ROOT/a/b/x.pdf`` → ``OUT/a/b/x.pdf.json``; never outside ``out_dir``."""
    return result_path(out_dir, relative_name(root, file), suffix)


def result_path(out_dir: Path, rel_name: str, suffix: str = ".json") -> Path:
    rel = Path(rel_name)
    parts = [p for p in rel.parts if p not in ("", ".", "..", "/")]
    safe = [p.replace("\x00", "").replace("\n", " ").replace("\r", " ") or "_" for p in parts] or [
        "_"
    ]
    target = out_dir.joinpath(*safe[:-1], safe[-1] + suffix)
    out_res = out_dir.resolve()
    if out_res not in target.resolve().parents:
        target = out_dir / (safe[-1] + suffix)
    return target


@dataclass
class _FileState:
    root: Path
    info: SourceInfo
    started: float
    pages: dict[int, Page] = field(default_factory=dict)
    errors: list[tuple[str, str]] = field(default_factory=list)
    remaining: int = 0


def _source(info: SourceInfo, root: Path) -> dict[str, Any]:
    try:
        rel = info.path.relative_to(root).as_posix()
    except ValueError:
        rel = info.path.name
    return {"path": rel, "sha256": info.sha256, "format": info.format, "pages": info.pages}


def import_paths(
    paths: list[Path],
    out_dir: Path,
    options: Options,
    *,
    jobs: int = 1,
    engine_kind: str = "tesseract",
    root: Path | None = None,
    force: bool = False,
    progress: bool | None = None,
    scheduler: str | None = None,
    connect_timeout: float = 20.0,
) -> Summary:
    """Digitise ``paths`` (files or folders). With ``root``, outputs mirror paths below it.

    The ledger in ``out_dir`` makes the run resumable: unchanged files done by this pipeline
    version are skipped, content done under another name is copied; ``force`` redoes all."""
    out_dir.mkdir(parents=True, exist_ok=True)
    if scheduler:  # cluster workers open the files themselves: give them absolute paths
        paths = [p.resolve() for p in paths]
        root = root.resolve() if root is not None else None
    summary = Summary()
    ledger = Ledger(out_dir / LEDGER_NAME)
    t0 = time.monotonic()
    started = time.time()
    states: dict[Path, _FileState] = {}
    inflight: dict[str, list[tuple[Path, Path, SourceInfo, os.stat_result | None]]] = {}

    def fail(root: Path, file: Path, code: str, message: str, sha: str = "") -> None:
        src = {"path": file.name, "sha256": sha}
        try:
            src["path"] = file.relative_to(root).as_posix()
        except ValueError:
            pass
        target = output_path(out_dir, root, file, ".error.json")
        write_json(target, error_result(src, message, code))
        output_path(out_dir, root, file).unlink(missing_ok=True)
        sig = file.stat() if file.is_file() else None
        ledger.mark(
            relative_name(root, file),
            "failed",
            sha256=sha or None,
            size=sig.st_size if sig else None,
            mtime_ns=sig.st_mtime_ns if sig else None,
            error=f"{code}: {message}",
        )
        summary.failed += 1
        summary.failures.append((str(file), code, message))
        log.warning("failed: %s (%s: %s)", file.name, code, message)

    def tasks() -> Iterator[PageTask]:
        found = ((root, p) for p in paths) if root is not None else discover(paths)
        for root_, file in found:
            root_dir = root_
            rel = relative_name(root_dir, file)
            try:
                st = file.stat()
            except OSError:
                st = None
            if (
                not force
                and st is not None
                and ledger.done_unchanged(rel, st.st_size, st.st_mtime_ns)
                and output_path(out_dir, root_dir, file).exists()
            ):
                summary.skipped += 1
                continue
            try:
                info = inspect(file, options)
            except SarabanError as e:
                fail(root_dir, file, e.code, e.message)
                continue
            except Exception as e:  # pragma: no cover - defensive
                fail(root_dir, file, "internal_error", f"{type(e).__name__}: {e}")
                continue
            if not force and _link_duplicate(root_dir, file, info, st):
                continue
            if info.sha256 in inflight:  # the same content is being processed: wait for it
                inflight[info.sha256].append((root_dir, file, info, st))
                continue
            inflight[info.sha256] = []
            ledger.mark(rel, "processing", sha256=info.sha256)
            states[file] = _FileState(
                root=root_dir, info=info, started=time.monotonic(), remaining=info.pages
            )
            for n in range(1, info.pages + 1):
                yield PageTask(info, n)

    def _link_duplicate(
        root_dir: Path, file: Path, info: SourceInfo, st: os.stat_result | None
    ) -> bool:
        """Content already done under another name: copy its result, do not process again."""
        other = ledger.done_path_for(info.sha256)
        rel = relative_name(root_dir, file)
        if other is None or other == rel or not result_path(out_dir, other).exists():
            return False
        data = json.loads(result_path(out_dir, other).read_text(encoding="utf-8"))
        data["source"]["path"] = rel
        data.setdefault("provenance", {})["same_content_as"] = other
        data["provenance"]["input_root"] = str(root_dir.resolve())
        write_json(output_path(out_dir, root_dir, file), data)
        ledger.mark(
            rel,
            "done",
            sha256=info.sha256,
            size=st.st_size if st else None,
            mtime_ns=st.st_mtime_ns if st else None,
        )
        summary.linked += 1
        return True

    def finish(file: Path, st: _FileState) -> None:
        del states[file]
        _write_result(file, st)
        for root_dir, dup, info, dst in inflight.pop(st.info.sha256, []):
            if not _link_duplicate(
                root_dir, dup, info, dst
            ):  # the original failed: so does its copy
                err = result_path(out_dir, relative_name(st.root, file), ".error.json")
                data = json.loads(err.read_text(encoding="utf-8")) if err.exists() else {}
                fail(
                    root_dir,
                    dup,
                    data.get("code", "internal_error"),
                    data.get("error", "failed"),
                    info.sha256,
                )

    def _write_result(file: Path, st: _FileState) -> None:
        if st.errors:
            code, msg = st.errors[0]
            fail(st.root, file, code, "; ".join(m for _, m in st.errors), st.info.sha256)
            return
        pages = [st.pages[n] for n in sorted(st.pages)]
        try:
            docs = build_documents(pages, options)
            provenance = {
                "pipeline_version": __version__,
                "engine": engine_version,
                "input_root": str(st.root.resolve()),
                "languages": options.languages,
                "models": {},
                "seconds": round(time.monotonic() - st.started, 3),
                "steps": [{"page": p.number, **s} for p in pages for s in p.steps],
                "cpu_seconds": round(sum(p.seconds for p in pages), 3),
            }
            result = build_result(_source(st.info, st.root), pages, docs, provenance)
            previous = output_path(out_dir, st.root, file)
            if previous.exists():  # processed again: keep what reviewers decided
                try:
                    carry_over(json.loads(previous.read_text(encoding="utf-8")), result)
                except ValueError:
                    log.warning(
                        "earlier result of %s unreadable; corrections not carried", file.name
                    )
        except Exception as e:
            log.debug("assembly failed: %s", traceback.format_exc())
            fail(st.root, file, "internal_error", f"{type(e).__name__}: {e}", st.info.sha256)
            return
        write_json(output_path(out_dir, st.root, file), result)
        output_path(out_dir, st.root, file, ".error.json").unlink(missing_ok=True)
        size: int | None = None
        mtime: int | None = None
        try:
            fst = file.stat()
            size, mtime = fst.st_size, fst.st_mtime_ns
        except OSError:
            pass
        ledger.mark(
            relative_name(st.root, file), "done", sha256=st.info.sha256, size=size, mtime_ns=mtime
        )
        summary.done += 1
        summary.pages += len(pages)
        log.info("done: %s (%d pages)", file.name, len(pages))

    engine_version = make_engine(engine_kind, options.languages, options.tessdata_dir).version()
    executor = make_executor(options, jobs, engine_kind, scheduler, connect_timeout)
    # a progress bar only on a terminal; otherwise the log lines above say where the run is
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(total=None, unit="page", disable=not show, dynamic_ncols=True, leave=True)
    try:
        for task, outcome in executor.map_unordered(run_page, tasks(), _worker_died):
            bar.update(1)
            st = states[task.info.path]
            if outcome.page is not None:
                st.pages[task.number] = outcome.page
            else:
                st.errors.append(
                    (outcome.code or "internal_error", outcome.error or "unknown error")
                )
            st.remaining -= 1
            if st.remaining == 0:
                finish(task.info.path, st)
                elapsed = max(1e-6, time.monotonic() - t0)
                bar.set_postfix_str(
                    f"files {summary.done + summary.linked} done, {summary.failed} failed, "
                    f"{bar.n / elapsed * 60:.0f} pages/min",
                    refresh=False,
                )
    finally:
        bar.close()
        executor.close()
        ledger.close()
    # what a run killed while writing left (this run's own writes are all renamed by now)
    if remove_stale_temps(out_dir, started):
        log.info("removed temporary files a stopped run left")
    summary.seconds = time.monotonic() - t0
    return summary
