"""``saraban report``: one self-contained HTML file listing what a person should check.

Every review item under DIR (low-confidence fields, values that did not normalise, consistency
warnings, handwritten annotations and stamps, uncertain page turns, failed files), worst first,
each with a crop of its region, the text as read, the normalised value, the confidence and the
reason. The reviewer accepts or edits values in the page and exports a corrections file, which
``saraban apply`` writes back (see :mod:`pipeline.report.corrections`).

OCR text is hostile input: the data travels as JSON inside a non-executable script block (with
``<``, ``>`` and ``&`` escaped), is put on screen only through ``textContent`` and input values,
the one script is static and allowed by its hash in a strict Content-Security-Policy, and jinja2
autoescapes everything else.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
from collections import Counter
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from pipeline.report.crops import CropMaker

log = logging.getLogger(__name__)

SKIP_NAMES = {"corrections.json"}


def split_path(path: str) -> list[str | int]:
    """``documents[0].fields.date`` → ``["documents", 0, "fields", "date"]``."""
    out: list[str | int] = []
    for part in path.split("."):
        name, _, rest = part.partition("[")
        if name:
            out.append(name)
        while rest:
            idx, _, rest = rest.partition("]")
            out.append(int(idx))
            rest = rest.lstrip("[")
    return out


def resolve(doc: Any, path: str) -> Any:
    """Follow a review path into a result; None when it leads nowhere."""
    cur = doc
    try:
        for key in split_path(path):
            cur = cur[key]
    except (KeyError, IndexError, TypeError, ValueError):
        return None
    return cur


def item_kind(path: str) -> str:
    parts = [p for p in split_path(path) if isinstance(p, str)]
    if parts[:1] == ["pages"]:
        return "orientation"
    if len(parts) >= 3 and parts[1] == "fields":
        return parts[2]
    name = parts[-1] if parts else "?"
    return {"stamps": "stamp", "annotations": "annotation", "signatures": "signature"}.get(
        name, name
    )


def slots(path: str, target: Any) -> list[dict[str, str]]:
    """The values a reviewer may correct for an item, each with its JSON path."""
    kind = item_kind(path)
    if kind == "orientation":
        return []  # a wrong turn needs the page processed again: accept or leave it
    if kind == "stamp":
        keys = ["number", "date", "time"]
    elif kind == "annotation":
        keys = ["text"]
    elif kind == "signature":
        keys = ["name", "position"]
    else:  # a Field: the normalised value (null when the field was not found)
        keys = ["value"]
    t = target if isinstance(target, dict) else {}
    return [
        {"path": f"{path}.{k}", "label": k, "value": "" if t.get(k) is None else str(t.get(k))}
        for k in keys
    ]


@dataclass
class ReportData:
    items: list[dict[str, Any]] = field(default_factory=list)
    crops: dict[str, str] = field(default_factory=dict)
    failures: list[dict[str, Any]] = field(default_factory=list)
    files: int = 0
    pages: int = 0
    documents: Counter[str] = field(default_factory=Counter)
    confidences: list[float] = field(default_factory=list)


def _source_file(data: dict[str, Any], scans: Path | None) -> Path | None:
    rel = data.get("source", {}).get("path")
    if not rel:
        return None
    roots = [scans] if scans is not None else []
    root = data.get("provenance", {}).get("input_root")
    if root:
        roots.append(Path(root))
    for r in roots:
        p = r / rel
        if p.is_file():
            return p
    return None


def collect(
    root: Path,
    threshold: float,
    *,
    scans: Path | None = None,
    link_base: Path | None = None,
    crops: bool = True,
) -> ReportData:
    """Every review item under ``root``; plain low-confidence items at or above ``threshold``
    are left out, anything with another reason always shows."""
    rd = ReportData()
    maker = CropMaker()
    crop_keys: dict[tuple[str, int, tuple[int, ...]], str] = {}
    base = link_base or root
    for f in sorted(root.rglob("*.json")):
        if f.name.startswith(".") or f.name in SKIP_NAMES:
            continue
        try:
            data = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            log.warning("not a readable result: %s", f.name)
            continue
        if not isinstance(data, dict):
            continue
        rel = f.relative_to(root).as_posix()
        href = Path(os.path.relpath(f, base)).as_posix()
        if f.name.endswith(".error.json"):
            fail = {
                "file": rel,
                "href": href,
                "error": str(data.get("error", "")),
                "code": str(data.get("code", "")),
            }
            rd.failures.append(fail)
            rd.items.append(
                {
                    "file": rel,
                    "href": href,
                    "path": "",
                    "kind": "failed file",
                    "doc_type": "",
                    "confidence": 0.0,
                    "reason": f"{fail['code']}: {fail['error']}",
                    "text": "",
                    "value": "",
                    "slots": [],
                    "crop": None,
                }
            )
            continue
        if "documents" not in data:
            continue
        rd.files += 1
        pages = {p.get("number"): p for p in data.get("pages", [])}
        rd.pages += len(pages)
        for d in data["documents"]:
            rd.documents[str(d.get("type", "?"))] += 1
        source = _source_file(data, scans) if crops else None
        fmt = str(data.get("source", {}).get("format", ""))
        corrected = {c.get("item") for c in data.get("review", {}).get("corrections", [])}
        for it in data.get("review", {}).get("items", []):
            path = str(it.get("path", ""))
            conf = float(it.get("confidence", 0))
            reason = str(it.get("reason", ""))
            rd.confidences.append(conf)
            if conf >= threshold and reason == "low OCR confidence":
                continue
            target = resolve(data, path)
            parts = split_path(path)
            doc_type = ""
            if parts[:1] == ["documents"] and isinstance(parts[1], int):
                doc_type = str(resolve(data, f"documents[{parts[1]}].type") or "")
            t = target if isinstance(target, dict) else {}
            page_no = t.get("page")
            bbox = t.get("bbox")
            if parts[:1] == ["pages"] and isinstance(parts[1], int):
                p = data["pages"][parts[1]]
                page_no, bbox = p.get("number"), [0, 0, p.get("width", 0), p.get("height", 0)]
            key = None
            if (
                source is not None
                and page_no is not None
                and page_no in pages
                and isinstance(bbox, list)
            ):
                ck = (rel, int(page_no), tuple(int(v) for v in bbox))
                key = crop_keys.get(ck)
                if key is None:
                    uri = maker.crop(source, fmt, pages[page_no], bbox)
                    if uri is not None:
                        key = f"c{len(crop_keys)}"
                        crop_keys[ck] = key
                        rd.crops[key] = uri
            value = t.get("value", t.get("date", "")) if t else ""
            rd.items.append(
                {
                    "file": rel,
                    "href": href,
                    "path": path,
                    "kind": item_kind(path),
                    "doc_type": doc_type,
                    "confidence": round(conf, 4),
                    "reason": reason,
                    "text": str(t.get("text", ""))
                    if t
                    else ("" if target is None else str(target)),
                    "value": "" if value is None else str(value),
                    "slots": slots(path, target),
                    "crop": key,
                    "page": page_no,
                    "corrected_before": path in corrected,
                }
            )
    rd.items.sort(key=lambda x: (x["confidence"], x["file"], x["path"]))
    for i, item in enumerate(rd.items):
        item["id"] = i
    return rd


def _json_for_script(obj: Any) -> Markup:
    """JSON that cannot end its ``<script type="application/json">`` block early."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def render(rd: ReportData, threshold: float) -> str:
    env = Environment(
        loader=PackageLoader("pipeline.report", "templates"), autoescape=select_autoescape(["html"])
    )
    script = files("pipeline.report").joinpath("templates/report.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    hist = [0] * 10
    for c in rd.confidences:
        hist[min(9, max(0, int(c * 10)))] += 1
    payload = {"threshold": threshold, "items": rd.items}
    report_id = hashlib.sha256(
        json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
    ).hexdigest()[:16]
    return env.get_template("report.html").render(
        threshold=threshold,
        files=rd.files,
        pages=rd.pages,
        documents=dict(rd.documents),
        failures=rd.failures,
        n_items=len(rd.items),
        kinds=dict(Counter(i["kind"] for i in rd.items).most_common()),
        doc_types=sorted({i["doc_type"] for i in rd.items if i["doc_type"]}),
        hist=hist,
        hist_max=max(hist) or 1,
        script=Markup(script),
        script_hash=digest,
        report_id=report_id,
        data_json=_json_for_script(payload),
        crops_json=_json_for_script(rd.crops),
    )


def write_report(
    root: Path,
    out: Path,
    threshold: float = 0.75,
    scans: Path | None = None,
    crops: bool = True,
) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    rd = collect(root, threshold, scans=scans, link_base=out.parent.resolve(), crops=crops)
    html = render(rd, threshold)
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_text(html, encoding="utf-8")
    os.replace(tmp, out)
    return len(rd.items)
