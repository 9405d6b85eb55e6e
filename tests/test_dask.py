"""The same corpus through a Dask LocalCluster gives the same JSON (bar timings) as locally."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from pipeline.jobs.importer import import_paths
from pipeline.options import Options

distributed = pytest.importorskip("distributed")

# what legitimately differs between two runs of the same pages: time and memory use
_TIMING = {"seconds", "cpu_seconds", "engine_cpu_seconds", "max_rss_mb", "created", "created_at"}


def _without_timings(x: Any) -> Any:
    if isinstance(x, dict):
        return {k: _without_timings(v) for k, v in x.items() if k not in _TIMING}
    if isinstance(x, list):
        return [_without_timings(v) for v in x]
    return x


def _results(out: Path) -> dict[str, Any]:
    return {
        p.relative_to(out).as_posix(): _without_timings(json.loads(p.read_text(encoding="utf-8")))
        for p in sorted(out.rglob("*.json"))
    }


@pytest.mark.slow
def test_local_cluster_gives_the_same_json_as_local_processes(tmp_path, sample_scans):
    inbox = tmp_path / "in"
    (inbox / "sub").mkdir(parents=True)
    shutil.copy(sample_scans / "memo-sideways.jpg", inbox / "memo-sideways.jpg")
    shutil.copy(sample_scans / "newsletter-bw.tif", inbox / "sub" / "newsletter-bw.tif")
    (inbox / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    options = Options()

    local = import_paths([inbox], tmp_path / "local", options, jobs=1, progress=False)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        dask = import_paths(
            [inbox], tmp_path / "dask", options, scheduler=cluster.scheduler_address, progress=False
        )
    assert (local.done, local.failed) == (dask.done, dask.failed) == (2, 1)
    a, b = _results(tmp_path / "local"), _results(tmp_path / "dask")
    assert (
        sorted(a)
        == sorted(b)
        == [
            "broken.pdf.error.json",
            "memo-sideways.jpg.json",
            "sub/newsletter-bw.tif.json",
        ]
    )
    for name in a:
        assert a[name] == b[name], name


def test_unreachable_scheduler_is_a_usage_error(tmp_path, sample_scans):
    from pipeline.cli import main

    code = main(
        [
            "import",
            str(sample_scans / "memo-sideways.jpg"),
            "--out",
            str(tmp_path / "o"),
            "--scheduler",
            "tcp://127.0.0.1:9",
            "--scheduler-timeout",
            "2",
        ]
    )
    assert code == 2
    assert not list((tmp_path / "o").glob("*.json"))
