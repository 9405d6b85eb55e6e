"""Review report at archive scale: size of a report over 1,000 documents and how fast its first
screen renders in headless Chromium (Debian's, through Playwright).

The documents are real results (by default the benchmark's own predictions) repeated under new
names until there are enough; each copy gets its own crops, as distinct documents would.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import time
from pathlib import Path
from typing import Any

from pipeline.report.html import write_report


def replicate(results: Path, work: Path, documents: int) -> int:
    """Copy the results under ``results`` into ``work`` until they hold ``documents`` documents."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    originals: list[tuple[Path, dict[str, Any]]] = []
    for f in sorted(results.rglob("*.json")):
        if f.name.startswith("."):
            continue
        data = json.loads(f.read_text(encoding="utf-8"))
        if "documents" in data:
            originals.append((f.relative_to(results), data))
    if not originals:
        raise SystemExit(f"no results under {results}")
    n = copy = 0
    while n < documents:
        for rel, data in originals:
            target = work / f"box{copy:03d}" / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            n += len(data["documents"])
            if n >= documents:
                break
        copy += 1
    return n


def first_screen_ms(report: Path, runs: int = 3) -> list[float]:
    """Milliseconds from navigation to the first screen of items drawn, per cold page load."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1300, "height": 1000})
            page.goto(report.resolve().as_uri(), wait_until="commit", timeout=60_000)
            page.wait_for_selector("html[data-ready='1']", timeout=60_000)
            # wait for the frame after the items were inserted: that is the first screen
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))")
            drawn = page.evaluate("performance.now()")
            times.append(float(drawn))
            page.close()
        browser.close()
    return times


def report_figures(
    results: Path, work: Path, documents: int = 1000, scans: Path | None = None
) -> dict[str, float]:
    n = replicate(results, work / "results", documents)
    report = work / "report.html"
    t0 = time.monotonic()
    items = write_report(work / "results", report, scans=scans)
    build = time.monotonic() - t0
    times = first_screen_ms(report)
    return {
        "documents": n,
        "items": items,
        "mb": report.stat().st_size / 1e6,
        "build_s": build,
        "first_screen_ms": statistics.median(times),
        "first_screen_max_ms": max(times),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--results", type=Path, default=Path("build/bench/pred"))
    ap.add_argument("--scans", type=Path, help="source scans, if results do not record their root")
    ap.add_argument("--out", type=Path, default=Path("build/report-bench"))
    ap.add_argument("--documents", type=int, default=1000)
    args = ap.parse_args(argv)
    r = report_figures(args.results, args.out, args.documents, args.scans)
    print(format_figures(r))
    return 0


def format_figures(r: dict[str, float]) -> str:
    return (
        f"report over {r['documents']:.0f} documents: {r['items']:.0f} items, {r['mb']:.1f} MB, "
        f"built in {r['build_s']:.0f} s; first screen in headless Chromium "
        f"{r['first_screen_ms']:.0f} ms (median of 3, max {r['first_screen_max_ms']:.0f} ms)"
    )


if __name__ == "__main__":
    raise SystemExit(main())
