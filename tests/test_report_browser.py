"""The review report driven in headless Chromium (Debian's, through Playwright): items, crops,
filters, keyboard, an edit and an export, then ``saraban apply`` with its audit trail; and OCR
text that is hostile HTML stays text."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from pipeline.cli import main

from .conftest import HOSTILE, ROOT, draw_hostile_scan

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright_api = pytest.importorskip("playwright.sync_api")
if CHROMIUM is None:
    pytest.skip(
        "Debian's chromium is not installed (make setup installs it)", allow_module_level=True
    )

ARTEFACTS = ROOT / "build" / "test-artefacts"


@pytest.fixture(scope="module")
def results(tmp_path_factory, sample_scans) -> Path:
    base = tmp_path_factory.mktemp("report")
    inbox, out = base / "in", base / "out"
    inbox.mkdir()
    shutil.copy(sample_scans / "memo-colour.png", inbox / "memo-colour.png")
    draw_hostile_scan(inbox / '<img src=x onerror="window.__pwned=3">.png')
    (inbox / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    assert main(["import", str(inbox), "--out", str(out), "--jobs", "2"]) == 1
    # whatever the OCR made of the hostile lines, make sure the report gets them as item text
    hostile = out / '<img src=x onerror="window.__pwned=3">.png.json'
    data = json.loads(hostile.read_text(encoding="utf-8"))
    doc = data["documents"][0]
    doc.setdefault("annotations", []).append(
        {
            "kind": "note",
            "text": HOSTILE[0],
            "confidence": 0.1,
            "page": 1,
            "bbox": [250, 400, 2000, 480],
        }
    )
    i = len(doc["annotations"]) - 1
    data["review"]["items"].append(
        {"path": f"documents[0].annotations[{i}]", "confidence": 0.05, "reason": HOSTILE[1]}
    )
    hostile.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return out


def _browser(p: Any) -> Any:
    return p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])


def _open(page: Any, report: Path) -> list[str]:
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on(
        "console",
        lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
    )
    page.goto(report.as_uri())
    page.wait_for_selector("html[data-ready='1']", timeout=10_000)
    return problems


def test_review_edit_export_and_apply(results, tmp_path):
    report = results / "report.html"
    assert main(["report", str(results), "-o", str(report)]) == 0
    with playwright_api.sync_playwright() as p:
        browser = _browser(p)
        page = browser.new_page(viewport={"width": 1300, "height": 1000}, accept_downloads=True)
        problems = _open(page, report)
        cards = page.locator("#items .item")
        n = cards.count()
        assert n >= 5
        # crops are real images decoded by the browser
        widths = page.eval_on_selector_all(
            "#items .item .crop img", "imgs => imgs.map(i => i.complete ? i.naturalWidth : -1)"
        )
        assert len(widths) >= 3 and all(w > 20 for w in widths), widths
        # worst first
        confs = [float(c) for c in page.locator("#items .item .head b").all_inner_texts()]
        assert confs == sorted(confs)
        # the failed file is listed
        assert "broken.pdf" in page.locator("#failures").inner_text()
        # filters: kind, then back to all
        page.select_option("#f-kind", "annotation")
        kinds = page.locator("#items .item .head").all_inner_texts()
        assert kinds and all("· annotation ·" in k for k in kinds)
        page.select_option("#f-kind", "")
        page.fill("#reviewer", "somchai")
        page.locator("#reviewer").dispatch_event("change")
        page.evaluate("document.getElementById('f-conf').value = '0.3'")
        page.locator("#f-conf").dispatch_event("input")
        low = [float(c) for c in page.locator("#items .item .head b").all_inner_texts()]
        assert low and max(low) <= 0.3
        page.evaluate("document.getElementById('f-conf').value = '1'")
        page.locator("#f-conf").dispatch_event("input")
        assert cards.count() == n
        # keyboard: j moves to the next item, k back
        page.locator("body").click(position={"x": 5, "y": 5})
        first = page.locator("#items .item.current").get_attribute("data-id")
        page.keyboard.press("j")
        second = page.locator("#items .item.current").get_attribute("data-id")
        assert second != first
        page.keyboard.press("k")
        assert page.locator("#items .item.current").get_attribute("data-id") == first
        # find a memo date or a stamp date to edit: edit it through the keyboard
        target = (
            page.locator("#items .item", has=page.locator("input"))
            .filter(has_text="memo-colour.png.json")
            .filter(has_text=re.compile(r"date|annotations\["))  # free text, no digits only
            .first
        )
        target.click()
        item_path = target.locator(".head").inner_text().split(" · ")[-1].split(" (")[0]
        page.keyboard.press("e")
        focused = page.evaluate("document.activeElement.tagName")
        assert focused == "INPUT"
        page.keyboard.type("แก้ไขแล้ว 12 พ.ค. 64" if "date" not in item_path else "12 พ.ค. 64")
        page.keyboard.press("Enter")
        # accept the item now current, with the keyboard
        head = page.locator("#items .item.current .head").inner_text()
        accepted_path = head.split(" · ")[-1].split(" (")[0]
        page.keyboard.press("a")
        page.select_option("#f-state", "decided")
        assert page.locator("#items .item").count() == 2
        ARTEFACTS.mkdir(parents=True, exist_ok=True)
        page.select_option("#f-state", "all")
        page.screenshot(path=str(ARTEFACTS / "report.png"), full_page=False)
        with page.expect_download() as dl:
            page.click("#export")
        corrections = tmp_path / "corrections.json"
        dl.value.save_as(corrections)
        assert not problems, problems
        browser.close()

    exported = json.loads(corrections.read_text(encoding="utf-8"))
    assert exported["format"] == "saraban-corrections" and exported["reviewer"] == "somchai"
    by_action = {c["action"]: c for c in exported["corrections"]}
    assert set(by_action) == {"edit", "accept"}
    edit = by_action["edit"]
    assert edit["item"] == item_path and edit["file"] == "memo-colour.png.json"
    assert len(edit["changes"]) == 1 and edit["changes"][0]["after"].endswith("12 พ.ค. 64")
    assert edit["changes"][0]["path"].startswith(item_path + ".")
    assert by_action["accept"]["item"] == accepted_path and by_action["accept"]["changes"] == []

    before = json.loads((results / "memo-colour.png.json").read_text(encoding="utf-8"))
    assert any(it["path"] == item_path for it in before["review"]["items"])
    assert main(["apply", str(corrections), "--out", str(results)]) == 0
    after = json.loads((results / "memo-colour.png.json").read_text(encoding="utf-8"))
    assert not any(it["path"] == item_path for it in after["review"]["items"])
    audit = [a for a in after["review"]["corrections"] if a["item"] == item_path]
    assert len(audit) == 1 and audit[0]["reviewer"] == "somchai" and audit[0]["applied_at"]
    change = edit["changes"][0]
    assert audit[0]["changes"] == [change]
    from pipeline.report.html import resolve

    stored = resolve(after, change["path"])
    if change["path"].endswith(".date") or change["path"].endswith("fields.date.value"):
        assert stored == "2021-05-12"  # the reviewer's Thai date, normalised like the pipeline's
    else:
        assert stored.endswith("12 พ.ค. 64")
    assert resolve(after, item_path)["reviewed"]["by"] == "somchai"
    labels = (results / ".saraban-labels.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(labels) == 2
    # applying the same file again changes nothing
    assert main(["apply", str(corrections), "--out", str(results)]) == 0
    again = json.loads((results / "memo-colour.png.json").read_text(encoding="utf-8"))
    assert again == after
    assert len((results / ".saraban-labels.jsonl").read_text(encoding="utf-8").splitlines()) == 2


def test_hostile_ocr_text_renders_as_text_and_runs_nothing(results):
    report = results / "hostile-report.html"
    assert main(["report", str(results), "-o", str(report)]) == 0
    with playwright_api.sync_playwright() as p:
        browser = _browser(p)
        page = browser.new_page()
        problems = _open(page, report)
        page.select_option("#f-state", "all")
        page.wait_for_timeout(300)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert not problems, problems
        text = page.locator("#items").inner_text()
        assert HOSTILE[0] in text and HOSTILE[1] in text  # shown literally
        assert 'onerror="window.__pwned=3"' in text  # the file name, as text
        # no element was made from data: every <img> is a crop from a data: URI
        srcs = page.eval_on_selector_all("img", "imgs => imgs.map(i => i.getAttribute('src'))")
        assert all(s.startswith("data:image/") for s in srcs), srcs
        assert page.locator("script").count() == 3  # the two data blocks and the report's own
        browser.close()
