"""The import ledger: what has been done, so re-runs skip it and crashes lose nothing.

One SQLite file (WAL) in the output folder. A file counts as done when its relative path, size
and modification time match a 'done' row made by the same pipeline fingerprint (version and
model files) and its result is on disk: re-runs need no hashing of unchanged files. Content
already done under another name is recognised by sha256 and copied, not processed again.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from pipeline import __version__
from pipeline.nn import models_dir

SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    sha256 TEXT,
    size INTEGER,
    mtime_ns INTEGER,
    state TEXT NOT NULL,          -- processing | done | failed
    fingerprint TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    updated REAL
);
CREATE INDEX IF NOT EXISTS files_sha ON files (sha256, fingerprint, state);
"""


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """The pipeline version and the content of the models it uses."""
    h = hashlib.sha256(__version__.encode())
    for name in ("digits.npz", "handwriting.npz"):
        p = models_dir() / name
        if p.exists():
            h.update(p.read_bytes())
    return f"{__version__}+{h.hexdigest()[:12]}"


class Row(NamedTuple):
    state: str
    size: int | None
    mtime_ns: int | None
    attempts: int
    updated: float | None
    fingerprint: str | None


class Ledger:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), timeout=30, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)
        self._done = {
            row[0]: (row[1], row[2], row[3])
            for row in self.db.execute(
                "SELECT path, size, mtime_ns, sha256 FROM files WHERE state='done' AND fingerprint=?",
                (fingerprint(),),
            )
        }

    def done_unchanged(self, rel: str, size: int, mtime_ns: int) -> bool:
        row = self._done.get(rel)
        return row is not None and row[0] == size and row[1] == mtime_ns

    def done_path_for(self, sha256: str) -> str | None:
        row = self.db.execute(
            "SELECT path FROM files WHERE sha256=? AND fingerprint=? AND state='done' LIMIT 1",
            (sha256, fingerprint()),
        ).fetchone()
        return row[0] if row else None

    def mark(
        self,
        rel: str,
        state: str,
        *,
        sha256: str | None = None,
        size: int | None = None,
        mtime_ns: int | None = None,
        error: str | None = None,
    ) -> None:
        self.db.execute(
            """INSERT INTO files (path, sha256, size, mtime_ns, state, fingerprint, attempts, error, updated)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(path) DO UPDATE SET
                 sha256=COALESCE(excluded.sha256, sha256), size=COALESCE(excluded.size, size),
                 mtime_ns=COALESCE(excluded.mtime_ns, mtime_ns), state=excluded.state,
                 fingerprint=excluded.fingerprint,
                 attempts=attempts + (CASE WHEN excluded.state='failed' THEN 1 ELSE 0 END),
                 error=excluded.error, updated=excluded.updated""",
            (
                rel,
                sha256,
                size,
                mtime_ns,
                state,
                fingerprint(),
                1 if state == "failed" else 0,
                error,
                time.time(),
            ),
        )
        if state == "done" and size is not None and mtime_ns is not None:
            self._done[rel] = (size, mtime_ns, sha256)

    def row(self, rel: str) -> Row | None:
        cur = self.db.execute(
            "SELECT state, size, mtime_ns, attempts, updated, fingerprint FROM files WHERE path=?",
            (rel,),
        )
        r = cur.fetchone()
        return Row(*r) if r is not None else None

    def set_state(self, rel: str, state: str) -> None:
        self.db.execute(
            "UPDATE files SET state=?, updated=? WHERE path=?", (state, time.time(), rel)
        )

    def attempts(self, rel: str) -> int:
        row = self.db.execute("SELECT attempts FROM files WHERE path=?", (rel,)).fetchone()
        return int(row[0]) if row else 0

    def close(self) -> None:
        self.db.close()
