"""``saraban watch``: the folder-watch job.

Each cycle lists the inbox (a periodic rescan: events are lost on network shares), takes the
files whose size and modification time stayed the same over the settle interval (uploads in
progress are left for a later cycle, never recorded as failed), and imports them through the
same ledger as ``saraban import``: done files are skipped, the same content under another name
is linked. A failed file is retried with backoff when it changes or while it has attempts
left, then quarantined with its ``.error.json``. One watcher per inbox (a lock the OS releases
if the process dies). The inbox is never modified unless ``--move-done`` asks. A run summary is
written to ``OUT/.saraban-watch-summary.json`` and logged in one line.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import shutil
import signal
import threading
import time
from pathlib import Path

from pipeline.errors import EXIT_OK, EXIT_SOME_FAILED, SarabanError
from pipeline.ingest import discover
from pipeline.jobs.importer import LEDGER_NAME, import_paths, output_path, relative_name
from pipeline.jobs.ledger import Ledger, fingerprint
from pipeline.options import Options
from pipeline.output import write_json

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 3


class AlreadyRunning(SarabanError):
    code = "already_running"


def _lock_path(inbox: Path, out: Path) -> Path:
    key = hashlib.sha1(str(inbox.resolve()).encode()).hexdigest()[:12]
    return out / f".saraban-watch-{key}.lock"


def _stat(f: Path) -> tuple[int, int] | None:
    try:
        st = f.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def _due(ledger: Ledger, rel: str, sig: tuple[int, int], interval: float, once: bool) -> bool:
    """Whether a file should be (re)tried now."""
    row = ledger.row(rel)
    if row is None or row.fingerprint != fingerprint():
        return True
    changed = row.size is not None and (row.size, row.mtime_ns) != sig
    if row.state == "done":
        return changed
    if row.state in ("failed", "quarantined"):
        if changed:
            return True
        if once or row.state == "quarantined":
            return False
        backoff = interval * 2**row.attempts
        return row.attempts < MAX_ATTEMPTS and time.time() - (row.updated or 0.0) >= backoff
    return True  # "processing" left by a run that died: redo


def watch(
    inbox: Path,
    out: Path,
    options: Options,
    *,
    once: bool,
    jobs: int = 1,
    interval: float = 30.0,
    settle: float = 2.0,
    move_done: Path | None = None,
    engine_kind: str = "tesseract",
    stop: threading.Event | None = None,
) -> int:
    if not inbox.is_dir():
        raise SarabanError(f"the inbox {inbox} is not a folder", code="usage")
    out.mkdir(parents=True, exist_ok=True)
    lock = _lock_path(inbox, out).open("w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # released by the OS if we crash
    except BlockingIOError as e:
        lock.close()
        raise AlreadyRunning(
            f"another saraban watch is already running on {inbox} (lock {lock.name})"
        ) from e
    stop = stop or threading.Event()
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
    totals = {"done": 0, "failed": 0, "skipped": 0, "linked": 0, "waiting": 0, "cycles": 0}
    started = time.time()
    try:
        while not stop.is_set():
            totals["cycles"] += 1
            ledger = Ledger(out / LEDGER_NAME)
            try:
                seen: dict[Path, tuple[int, int]] = {}
                for root, f in discover([inbox]):
                    sig = _stat(f)
                    if sig is not None and _due(
                        ledger, relative_name(root, f), sig, interval, once
                    ):
                        seen[f] = sig
            finally:
                ledger.close()
            if seen and stop.wait(settle):
                break
            ready = [f for f, sig in seen.items() if _stat(f) == sig]
            totals["waiting"] = len(seen) - len(ready)  # still being written: next cycle
            if ready:
                summary = import_paths(
                    ready, out, options, jobs=jobs, root=inbox, engine_kind=engine_kind, force=True
                )
                for k in ("done", "failed", "skipped", "linked"):
                    totals[k] += getattr(summary, k)
                _after(ready, inbox, out, move_done)
            if once:
                break
            stop.wait(interval)
    finally:
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()
    record = {
        **totals,
        "inbox": str(inbox),
        "started": started,
        "finished": time.time(),
        "fingerprint": fingerprint(),
    }
    write_json(out / ".saraban-watch-summary.json", record)
    log.info(
        "watch: %(done)d done, %(linked)d linked, %(failed)d failed, %(waiting)d still arriving, "
        "%(cycles)d cycles",
        totals,
    )
    return EXIT_OK if totals["failed"] == 0 else EXIT_SOME_FAILED


def _after(files: list[Path], inbox: Path, out: Path, move_done: Path | None) -> None:
    """Quarantine files out of attempts; move done files when asked."""
    ledger = Ledger(out / LEDGER_NAME)
    try:
        for f in files:
            rel = relative_name(inbox, f)
            row = ledger.row(rel)
            if row is None:
                continue
            if row.state == "failed" and row.attempts >= MAX_ATTEMPTS:
                ledger.set_state(rel, "quarantined")
                log.warning("quarantined after %d attempts: %s", MAX_ATTEMPTS, f.name)
            elif (
                row.state == "done"
                and move_done is not None
                and output_path(out, inbox, f).exists()
            ):
                target = move_done / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(str(f), target)
    finally:
        ledger.close()
