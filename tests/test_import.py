"""Import with the fake engine: contract-shaped JSON for every format, errors recorded, exit codes."""

import json
import os
import shutil
import time
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.cli import main
from pipeline.output import json_schema

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = ROOT / "schema" / "saraban.schema.json"


def test_published_schema_is_current():
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == json_schema(), (
        "run: saraban schema > schema/saraban.schema.json"
    )


@pytest.fixture()
def mixed_inbox(tmp_path, sample_scans):
    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    for f in sample_scans.iterdir():
        shutil.copy(f, inbox / "sub" / f.name)
    return inbox


def test_import_mixed_folder_writes_one_valid_json_per_file(mixed_inbox, tmp_path):
    out = tmp_path / "out"
    code = main(["import", str(mixed_inbox), "--out", str(out), "--jobs", "1", "--engine", "fake"])
    assert code == 0
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    results = sorted((out / "sub").glob("*.json"))
    assert [r.name for r in results] == sorted(
        f.name + ".json" for f in (mixed_inbox / "sub").iterdir()
    )
    for r in results:
        data = json.loads(r.read_text(encoding="utf-8"))
        jsonschema.validate(data, schema)
        assert data["source"]["path"] == "sub/" + r.name[: -len(".json")]
        assert len(data["source"]["sha256"]) == 64
        for page in data["pages"]:
            assert page["rotation"] in (0, 90, 180, 270)
            assert all(
                reg["kind"] in ("typed", "handwritten", "signature", "stamp", "table", "figure")
                for reg in page["regions"]
            )


def test_bad_file_gets_error_json_and_exit_1(tmp_path, sample_scans):
    inbox = tmp_path / "in"
    inbox.mkdir()
    shutil.copy(sample_scans / "newsletter-bw.tif", inbox / "good.tif")
    (inbox / "empty.pdf").write_bytes(b"")
    (inbox / "text.pdf").write_text("not a pdf")
    out = tmp_path / "out"
    assert main(["import", str(inbox), "--out", str(out), "--jobs", "2", "--engine", "fake"]) == 1
    assert (out / "good.tif.json").exists()
    err = json.loads((out / "empty.pdf.error.json").read_text(encoding="utf-8"))
    assert err["code"] == "empty_file" and err["error"]
    assert (
        json.loads((out / "text.pdf.error.json").read_text(encoding="utf-8"))["code"]
        == "unsupported_format"
    )


def test_usage_error_exit_2(tmp_path):
    assert main(["import"]) == 2
    assert main(["frobnicate"]) == 2


def _die_on_poison(task):
    import os

    if task == "poison":
        os._exit(13)  # a worker killed mid-task, as the OOM killer would
    return task.upper()


def test_a_dying_worker_does_not_stop_the_run():
    from pipeline.jobs.executors import ProcessExecutor
    from pipeline.options import Options

    ex = ProcessExecutor(Options(), jobs=2, engine_kind="fake")
    try:
        got = dict(
            ex.map_unordered(
                _die_on_poison, ["a", "poison", "b", "c", "d"], lambda t, e: f"failed:{t}"
            )
        )
    finally:
        ex.close()
    assert got == {"a": "A", "poison": "failed:poison", "b": "B", "c": "C", "d": "D"}


def test_rerun_skips_done_files_and_links_duplicates(tmp_path, sample_scans):
    from pipeline.jobs.importer import import_paths
    from pipeline.options import Options

    inbox = tmp_path / "in"
    inbox.mkdir()
    shutil.copy(sample_scans / "newsletter-bw.tif", inbox / "a.tif")
    shutil.copy(sample_scans / "newsletter-bw.tif", inbox / "copy of a.tif")
    shutil.copy(sample_scans / "announcement.pdf", inbox / "b.pdf")
    out = tmp_path / "out"
    first = import_paths([inbox], out, Options(), engine_kind="fake")
    assert (first.done, first.linked, first.skipped) == (2, 1, 0)
    linked = json.loads((out / "copy of a.tif.json").read_text(encoding="utf-8"))
    assert linked["source"]["path"] == "copy of a.tif"
    before = (out / "b.pdf.json").stat().st_mtime_ns
    second = import_paths([inbox], out, Options(), engine_kind="fake")
    assert (second.done, second.skipped) == (0, 3)
    assert (out / "b.pdf.json").stat().st_mtime_ns == before
    (inbox / "b.pdf").touch()  # changed (mtime): redone
    third = import_paths([inbox], out, Options(), engine_kind="fake")
    assert (third.done, third.skipped) == (1, 2)
    forced = import_paths([inbox], out, Options(), engine_kind="fake", force=True)
    assert forced.done == 3
    # a run killed while writing left its temporary file: the next run removes it, and a
    # temporary file newer than the run (another writer's, in flight) stays
    stale, fresh = out / ".tmp-killed.json", out / ".tmp-inflight.json"
    stale.write_text("{", encoding="utf-8")
    fresh.write_text("{", encoding="utf-8")
    os.utime(stale, (time.time() - 60, time.time() - 60))
    os.utime(fresh, (time.time() + 60, time.time() + 60))
    import_paths([inbox], out, Options(), engine_kind="fake")
    assert not stale.exists() and fresh.exists()


@settings(max_examples=50, deadline=None)
@given(st.text())
def test_output_writer_round_trips_any_text(text):
    import tempfile

    from pipeline.output import write_json

    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "x.json"
        write_json(p, {"text": text, "nested": [{"t": text}]})
        assert json.loads(p.read_text(encoding="utf-8")) == {"text": text, "nested": [{"t": text}]}


def test_a_worker_uses_one_opencv_and_one_blas_thread():
    """A worker per core uses every core already: the thread pools of OpenCV and of numpy's
    BLAS are set to one thread (OpenBLAS had split the digit network's small products over
    both cores, its threads spinning against the other worker's Tesseract)."""
    import cv2
    from threadpoolctl import threadpool_info, threadpool_limits

    from pipeline.jobs.executors import _one_thread

    before = cv2.getNumThreads(), {i["prefix"]: i["num_threads"] for i in threadpool_info()}
    try:
        _one_thread()
        assert cv2.getNumThreads() == 1
        blas = [i for i in threadpool_info() if i["user_api"] == "blas"]
        assert blas and all(i["num_threads"] == 1 for i in blas)
    finally:
        cv2.setNumThreads(before[0])
        threadpool_limits(before[1])
