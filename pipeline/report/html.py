"""``saraban report``: one self-contained HTML file listing what a person should check.

OCR text is hostile input: jinja2 autoescapes everything, the page carries a strict
Content-Security-Policy, and no script is built from data.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape


def _resolve(doc: dict[str, Any], path: str) -> Any:
    """Follow a review path like ``documents[0].fields.date`` into a result."""
    cur: Any = doc
    for part in path.replace("]", "").split("."):
        name, _, idx = part.partition("[")
        try:
            cur = cur[name] if name else cur
            if idx:
                cur = cur[int(idx)]
        except (KeyError, IndexError, TypeError, ValueError):
            return None
    return cur


def collect(root: Path, threshold: float) -> dict[str, Any]:
    items: list[dict[str, Any]] = []
    failures: list[dict[str, Any]] = []
    files = pages = 0
    docs: Counter[str] = Counter()
    confidences: list[float] = []
    for f in sorted(root.rglob("*.json")):
        if f.name.startswith(".") or f.name == "corrections.json":
            continue
        try:
            data = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        rel = f.relative_to(root).as_posix()
        if f.name.endswith(".error.json"):
            failures.append(
                {"file": rel, "error": data.get("error", ""), "code": data.get("code", "")}
            )
            continue
        if "documents" not in data:
            continue
        files += 1
        pages += len(data.get("pages", []))
        for d in data["documents"]:
            docs[d.get("type", "?")] += 1
        for it in data.get("review", {}).get("items", []):
            target = _resolve(data, it["path"]) or {}
            conf = float(it.get("confidence", 0))
            confidences.append(conf)
            # plain low-confidence items above the threshold are hidden; anything with another
            # reason (a value missing or doubtful, a consistency warning) always shows
            if conf >= threshold and it.get("reason", "") == "low OCR confidence":
                continue
            doc_i = (
                it["path"].split("]")[0].split("[")[-1]
                if it["path"].startswith("documents[")
                else ""
            )
            dtype = data["documents"][int(doc_i)]["type"] if doc_i.isdigit() else ""
            items.append(
                {
                    "file": rel,
                    "path": it["path"],
                    "confidence": conf,
                    "reason": it.get("reason", ""),
                    "text": (target.get("text") if isinstance(target, dict) else "") or "",
                    "value": target.get("value", target.get("date", ""))
                    if isinstance(target, dict)
                    else "",
                    "kind": it["path"].split(".")[-1].split("[")[0],
                    "doc_type": dtype,
                }
            )
    items.sort(key=lambda x: x["confidence"])
    hist = [0] * 10
    for c in confidences:
        hist[min(9, int(c * 10))] += 1
    return {
        "items": items,
        "failures": failures,
        "files": files,
        "pages": pages,
        "documents": dict(docs),
        "hist": hist,
        "hist_max": max(hist) or 1,
        "kinds": dict(Counter(i["kind"] for i in items)),
    }


def write_report(root: Path, out: Path, threshold: float = 0.75) -> int:
    env = Environment(
        loader=PackageLoader("pipeline.report", "templates"), autoescape=select_autoescape(["html"])
    )
    data = collect(root, threshold)
    html = env.get_template("report.html").render(threshold=threshold, **data)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    return len(data["items"])
