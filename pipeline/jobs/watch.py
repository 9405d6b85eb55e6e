"""``saraban watch``: the folder-watch job (first version: settle check, lock, rescans)."""

from __future__ import annotations

import fcntl
import logging
import signal
import time
from pathlib import Path

from pipeline.errors import EXIT_OK, EXIT_SOME_FAILED, SarabanError
from pipeline.ingest import discover
from pipeline.jobs.importer import import_paths, output_path
from pipeline.options import Options

log = logging.getLogger(__name__)


class AlreadyRunning(SarabanError):
    code = "already_running"


def _pending(inbox: Path, out: Path) -> list[Path]:
    todo = []
    for root, f in discover([inbox]):
        res, err = output_path(out, root, f), output_path(out, root, f, ".error.json")
        try:
            mtime = f.stat().st_mtime
        except OSError:
            continue
        done = [p for p in (res, err) if p.exists() and p.stat().st_mtime >= mtime]
        if not done:
            todo.append(f)
    return todo


def _settled(files: list[Path], settle: float) -> list[Path]:
    """Files whose size and mtime did not change over ``settle`` seconds (uploads finished)."""
    before = {}
    for f in files:
        try:
            st = f.stat()
            before[f] = (st.st_size, st.st_mtime_ns)
        except OSError:
            pass
    time.sleep(settle)
    ready = []
    for f, sig in before.items():
        try:
            st = f.stat()
        except OSError:
            continue
        if (
            (st.st_size, st.st_mtime_ns) == sig
            and st.st_size > 0
            or (st.st_size == 0 and sig[0] == 0)
        ):
            ready.append(f)
    return ready


def watch(
    inbox: Path,
    out: Path,
    options: Options,
    *,
    once: bool,
    jobs: int = 1,
    interval: float = 30.0,
    settle: float = 2.0,
) -> int:
    out.mkdir(parents=True, exist_ok=True)
    lock_path = out / ".saraban-watch.lock"
    lock = lock_path.open("w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # released by the OS if we crash
    except BlockingIOError as e:
        raise AlreadyRunning(f"another saraban watch is already running on {out}") from e
    stop = False

    def _term(*_: object) -> None:
        nonlocal stop
        stop = True

    signal.signal(signal.SIGTERM, _term)
    failed = 0
    try:
        while True:
            ready = _settled(_pending(inbox, out), settle)
            if ready:
                summary = import_paths(ready, out, options, jobs=jobs, root=inbox)
                failed += summary.failed
                log.info("watch: %s", summary.line())
            if once or stop:
                break
            for _ in range(int(interval * 10)):
                if stop:
                    break
                time.sleep(0.1)
            if stop:
                break
    finally:
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()
    return EXIT_OK if failed == 0 else EXIT_SOME_FAILED
