"""``saraban apply``: reviewer decisions written back with an audit trail, nothing else touched."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.cli import main
from pipeline.output import Result
from pipeline.report.corrections import apply_corrections, normalise
from pipeline.report.html import collect, resolve


def _result() -> dict[str, Any]:
    field = {"text": "๑๒ พ.ค. ๖๔", "value": "2021-05-12", "confidence": 0.4, "page": 1}
    return {
        "schema_version": "1.0",
        "source": {"path": "a/memo.png", "sha256": "ab" * 32, "format": "png", "pages": 1},
        "pages": [
            {"number": 1, "width": 100, "height": 100, "dpi": 300, "rotation": 0, "skew": 0.0}
            | {"regions": []}
        ],
        "documents": [
            {
                "type": "memo",
                "pages": [1],
                "text": "บันทึกข้อความ",
                "confidence": 0.9,
                "fields": {
                    "date": field | {"bbox": [1, 2, 30, 8]},
                    "phone": None,
                    "subject": {
                        "text": "ขอเชิญประชุม",
                        "value": "ขอเชิญประชุม",
                        "confidence": 0.6,
                        "page": 1,
                        "bbox": [1, 10, 50, 16],
                    },
                },
                "stamps": [
                    {
                        "kind": "received",
                        "text": "เลขรับ ๒๒๘",
                        "number": "228",
                        "date": None,
                        "time": None,
                        "confidence": 0.3,
                        "page": 1,
                        "bbox": [60, 1, 99, 20],
                    }
                ],
            }
        ],
        "review": {
            "needs_review": True,
            "items": [
                {
                    "path": "documents[0].fields.date",
                    "confidence": 0.4,
                    "reason": "low OCR confidence",
                },
                {
                    "path": "documents[0].fields.phone",
                    "confidence": 0.0,
                    "reason": "phone not found",
                },
                {"path": "documents[0].stamps[0]", "confidence": 0.3, "reason": "no time found"},
            ],
        },
        "provenance": {
            "pipeline_version": "t",
            "engine": "fake",
            "languages": "tha+eng",
            "models": {},
            "seconds": 0.1,
        },
    }


def _corrections(path: Path, items: list[dict[str, Any]]) -> Path:
    path.write_text(
        json.dumps(
            {
                "format": "saraban-corrections",
                "version": 1,
                "reviewer": "malee",
                "corrections": items,
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    return path


@pytest.fixture
def out(tmp_path: Path) -> Path:
    d = tmp_path / "out"
    (d / "a").mkdir(parents=True)
    (d / "a" / "memo.png.json").write_text(json.dumps(_result(), ensure_ascii=False), "utf-8")
    return d


def test_normalise_like_the_pipeline():
    assert normalise("documents[0].fields.date.value", "๑๒ พ.ค. ๒๕๖๔") == ("2021-05-12", None)
    assert normalise("documents[0].fields.date.value", "12/10/64") == ("2021-10-12", None)
    assert normalise("documents[0].stamps[0].date", "2021-02-30")[0] is None
    assert normalise("documents[0].stamps[0].date", "31 เม.ย. 2564")[1]
    assert normalise("documents[0].stamps[0].time", "๑๔.๒๗ น.") == ("14:27", None)
    assert normalise("documents[0].stamps[0].time", "25.10")[0] is None
    assert normalise("documents[0].fields.phone.value", "๐-๒๕๕๐-๗๓๓๕") == ("025507335", None)
    assert normalise("documents[0].fields.reference.value", "สธ ๑๐๑๔/จ ๒๒๒") == (
        "สธ 1014/จ 222",
        None,
    )
    assert normalise("documents[0].annotations[0].text", "  ทราบ  ๑๒ ") == ("ทราบ ๑๒", None)
    assert normalise("documents[0].fields.subject.value", "") == (None, None)


def test_apply_edits_accepts_audits_and_is_idempotent(out: Path, tmp_path: Path):
    corr = _corrections(
        tmp_path / "c.json",
        [
            {
                "file": "a/memo.png.json",
                "item": "documents[0].stamps[0]",
                "action": "edit",
                "changes": [
                    {"path": "documents[0].stamps[0].time", "before": "", "after": "๑๔.๒๗ น."}
                ],
                "at": "2026-11-24T10:00:00Z",
            },
            {
                "file": "a/memo.png.json",
                "item": "documents[0].fields.date",
                "action": "accept",
                "changes": [],
                "at": "2026-11-24T10:01:00Z",
            },
            {
                "file": "a/memo.png.json",
                "item": "documents[0].fields.phone",
                "action": "edit",
                "changes": [
                    {
                        "path": "documents[0].fields.phone.value",
                        "before": "",
                        "after": "0 2590 1234",
                    }
                ],
                "at": "2026-11-24T10:02:00Z",
            },
        ],
    )
    s = apply_corrections(corr, out, now="2026-11-25T08:00:00+00:00")
    assert (s.edited, s.accepted, s.already, s.rejected) == (2, 1, 0, [])
    doc = json.loads((out / "a" / "memo.png.json").read_text("utf-8"))
    Result.model_validate(doc)
    assert resolve(doc, "documents[0].stamps[0].time") == "14:27"
    assert resolve(doc, "documents[0].stamps[0].confidence") == 1.0
    assert resolve(doc, "documents[0].fields.phone.value") == "025901234"
    assert resolve(doc, "documents[0].fields.date.reviewed") == {
        "action": "accept",
        "by": "malee",
        "at": "2026-11-24T10:01:00Z",
    }
    assert doc["review"]["items"] == [] and doc["review"]["needs_review"] is False
    audit = doc["review"]["corrections"]
    assert [a["item"] for a in audit] == [
        "documents[0].stamps[0]",
        "documents[0].fields.date",
        "documents[0].fields.phone",
    ]
    assert audit[0]["changes"][0]["before"] == "" and audit[0]["confidence_before"] == 0.3
    assert all(a["reviewer"] == "malee" and a["applied_at"].startswith("2026-11-25") for a in audit)
    labels = (out / ".saraban-labels.jsonl").read_text("utf-8").splitlines()
    assert len(labels) == 3 and json.loads(labels[0])["sha256"] == "ab" * 32
    # the same file again: nothing changes, nothing is labelled twice
    text = (out / "a" / "memo.png.json").read_text("utf-8")
    again = apply_corrections(corr, out)
    assert (again.already, again.edited, again.accepted) == (3, 0, 0)
    assert (out / "a" / "memo.png.json").read_text("utf-8") == text
    assert len((out / ".saraban-labels.jsonl").read_text("utf-8").splitlines()) == 3
    # the report no longer lists what was decided
    assert collect(out, 0.75, crops=False).items == []


def test_stale_or_bad_corrections_are_rejected_and_touch_nothing(out: Path, tmp_path: Path):
    before = (out / "a" / "memo.png.json").read_text("utf-8")
    corr = _corrections(
        tmp_path / "c.json",
        [
            {  # the value changed since the report was made
                "file": "a/memo.png.json",
                "item": "documents[0].fields.subject",
                "action": "edit",
                "changes": [
                    {"path": "documents[0].fields.subject.value", "before": "อื่น", "after": "x"}
                ],
                "at": "t1",
            },
            {  # not a date
                "file": "a/memo.png.json",
                "item": "documents[0].fields.date",
                "action": "edit",
                "changes": [
                    {
                        "path": "documents[0].fields.date.value",
                        "before": "2021-05-12",
                        "after": "เมื่อวาน",
                    }
                ],
                "at": "t2",
            },
            {  # outside the results folder
                "file": "../../etc/passwd.json",
                "item": "documents[0].fields.date",
                "action": "accept",
                "changes": [],
                "at": "t3",
            },
            {  # a change outside its item
                "file": "a/memo.png.json",
                "item": "documents[0].fields.date",
                "action": "edit",
                "changes": [{"path": "source.sha256", "before": "ab" * 32, "after": "00"}],
                "at": "t4",
            },
        ],
    )
    s = apply_corrections(corr, out)
    assert len(s.rejected) == 4 and s.files == set()
    assert (out / "a" / "memo.png.json").read_text("utf-8") == before
    assert main(["apply", str(corr), "--out", str(out)]) == 1
    (tmp_path / "junk.json").write_text("{}", "utf-8")
    assert main(["apply", str(tmp_path / "junk.json"), "--out", str(out)]) == 2


def test_report_data_cannot_break_out_of_its_script_block(out: Path, tmp_path: Path):
    from pipeline.report.html import write_report

    p = out / "a" / "memo.png.json"
    doc = json.loads(p.read_text("utf-8"))
    doc["documents"][0]["fields"]["subject"]["text"] = "</script><script>alert(1)</script>"
    doc["review"]["items"].append(
        {"path": "documents[0].fields.subject", "confidence": 0.1, "reason": '<b>x</b> & "q"'}
    )
    p.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    report = tmp_path / "r.html"
    assert write_report(out, report, crops=False) == 4
    html = report.read_text("utf-8")
    assert "</script><script>alert(1)" not in html and "<b>x</b>" not in html
    assert html.count("<script") == 3 and "script-src 'sha256-" in html


def test_corrections_survive_processing_again(out: Path, tmp_path: Path):
    from pipeline.report.corrections import carry_over

    corr = _corrections(
        tmp_path / "c.json",
        [
            {
                "file": "a/memo.png.json",
                "item": "documents[0].stamps[0]",
                "action": "edit",
                "changes": [
                    {"path": "documents[0].stamps[0].time", "before": "", "after": "14.27"}
                ],
                "at": "t1",
            },
            {
                "file": "a/memo.png.json",
                "item": "documents[0].fields.subject",
                "action": "edit",
                "changes": [
                    {
                        "path": "documents[0].fields.subject.value",
                        "before": "ขอเชิญประชุม",
                        "after": "ขอเชิญประชุมคณะทำงาน",
                    }
                ],
                "at": "t2",
            },
        ],
    )
    apply_corrections(corr, out)
    old = json.loads((out / "a" / "memo.png.json").read_text("utf-8"))
    # the same reading again: both decisions re-applied, the audit trail kept as it was
    new = _result()
    assert carry_over(old, new) == 2
    Result.model_validate(new)
    assert resolve(new, "documents[0].stamps[0].time") == "14:27"
    assert resolve(new, "documents[0].fields.subject.value") == "ขอเชิญประชุมคณะทำงาน"
    assert new["review"]["corrections"] == old["review"]["corrections"]
    assert not any(it["path"] == "documents[0].stamps[0]" for it in new["review"]["items"])
    # a new reading of the subject: that decision is not forced onto it, a person is asked
    newer = _result()
    newer["documents"][0]["fields"]["subject"]["value"] = "ขอเชิญประชุมด่วน"
    assert carry_over(old, newer) == 1
    assert resolve(newer, "documents[0].fields.subject.value") == "ขอเชิญประชุมด่วน"
    assert any(
        it["path"] == "documents[0].fields.subject" and "no longer matches" in it["reason"]
        for it in newer["review"]["items"]
    )
    assert len(newer["review"]["corrections"]) == 2
