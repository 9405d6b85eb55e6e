"""``saraban eval CORPUS --pred DIR``: score predictions against the generator's ground truth."""

from __future__ import annotations

import json
import statistics
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image
from rapidfuzz.distance import Levenshtein

from pipeline.extract.memo import STAMP_VALUES
from pipeline.options import Options
from pipeline.synth.render import HAND, SIGNATURE, TYPED

FIELDS = ("agency", "phone", "reference", "date", "subject", "to")
REVIEW_THRESHOLD = Options().review_threshold  # below it, a value goes to a person


def squash(text: str) -> str:
    """NFC, white space removed: the form CER is computed on."""
    return "".join(unicodedata.normalize("NFC", text or "").split())


def cer_counts(pred: str, truth: str) -> tuple[int, int]:
    p, t = squash(pred), squash(truth)
    return Levenshtein.distance(p, t), len(t)


THAI_DIGITS = set("๐๑๒๓๔๕๖๗๘๙")


def digit_counts(pred: str, truth: str) -> tuple[int, int]:
    """(Thai digits of the truth read right, Thai digits in the truth), by edit alignment."""
    p, t = squash(pred), squash(truth)
    total = sum(c in THAI_DIGITS for c in t)
    ok = 0
    for op in Levenshtein.opcodes(p, t):
        if op.tag == "equal":
            ok += sum(c in THAI_DIGITS for c in t[op.dest_start : op.dest_end])
    return ok, total


def line_errors(pred_page: dict[str, Any], truth_page: dict[str, Any]) -> list[tuple[float, int]]:
    """(confidence, edit errors) of each predicted typed line, matched to the truth line its box
    overlaps most (boxes in the 300 dpi frame), or to the truth lines it covers, left to right,
    when it covers several (a reference and its date are one line to OCR, two to the
    generator); a line matching nothing counts all its chars."""
    scale = 300.0 / float(pred_page.get("dpi") or 300)
    truth = [(tuple(t["bbox"]), t["text"]) for t in truth_page.get("lines", [])]
    out = []
    for r in pred_page.get("regions", []):
        if r["kind"] != "typed":
            continue
        for ln in r.get("lines", []):
            x0, y0, x1, y1 = (v * scale for v in ln["bbox"])
            best, best_ov = None, 0.0
            inside = []  # truth lines the predicted line covers (ที่ ... and วันที่ ... in one)
            for (a0, b0, a1, b1), text in truth:
                ov = max(0.0, min(x1, a1) - max(x0, a0)) * max(0.0, min(y1, b1) - max(y0, b0))
                if ov > best_ov:
                    best, best_ov = text, ov
                # covers it: most of its width, and most of the shorter of the two heights (a
                # truth box spans the line pitch, ascenders to descenders; a read box hugs the ink)
                ox = min(x1, a1) - max(x0, a0)
                oy = min(y1, b1) - max(y0, b0)
                if ox > 0.5 * max(1.0, a1 - a0) and oy > 0.5 * max(1.0, min(y1 - y0, b1 - b0)):
                    inside.append((a0, a1, text))
            inside.sort()
            side_by_side = all(a[1] <= b[0] for a, b in zip(inside, inside[1:], strict=False))
            if len(inside) > 1 and side_by_side:  # not two stacked lines a tall box touches
                best = " ".join(text for _, _, text in inside)
            err = (
                Levenshtein.distance(squash(ln["text"]), squash(best))
                if best is not None
                else len(squash(ln["text"]))
            )
            out.append((float(ln["confidence"]), err))
    return out


REGION_KINDS = ("typed", "handwritten", "signature", "stamp", "table", "figure")


def region_confusion(
    pred_page: dict[str, Any], truth_page: dict[str, Any]
) -> list[tuple[str, str]]:
    """(true kind, predicted kind) for each typed line and each item of the truth: the kind of
    the predicted region that covers most of it (an inner region, such as a stamp's value,
    wins over the region around it when it covers as much), or ``none`` when no region covers
    a third of it."""
    scale = 300.0 / float(pred_page.get("dpi") or 300)
    regions = [
        (r["kind"], tuple(v * scale for v in r["bbox"])) for r in pred_page.get("regions", [])
    ]
    truth = [("typed", t["bbox"]) for t in truth_page.get("lines", [])]
    truth += [(i["kind"], i["bbox"]) for i in truth_page.get("items", [])]
    out = []
    for kind, (a0, b0, a1, b1) in truth:
        area = max(1.0, (a1 - a0) * (b1 - b0))
        best, best_cov = "none", 1.0 / 3.0
        for rk, (x0, y0, x1, y1) in regions:
            cov = max(0.0, min(x1, a1) - max(x0, a0)) * max(0.0, min(y1, b1) - max(y0, b0))
            cov /= area
            small = (x1 - x0) * (y1 - y0) < area * 4
            if cov > best_cov or (cov >= best_cov - 0.05 and cov > 1.0 / 3.0 and small):
                best, best_cov = rk, max(cov, best_cov)
        out.append((kind, best))
    return out


def page_typed_text(page: dict[str, Any]) -> str:
    parts = []
    for r in page.get("regions", []):
        if r["kind"] == "typed":
            parts.append(r.get("text", ""))
        elif r["kind"] == "table":
            parts.extend(
                c.get("text", "")
                for c in sorted(r.get("cells", []), key=lambda c: (c["row"], c["col"]))
            )
    return "\n".join(parts)


def _norm(v: Any) -> str:
    return squash(str(v)) if v is not None else ""


def hand_pixels(mask: np.ndarray, page: dict[str, Any]) -> tuple[int, int, int]:
    """(handwriting ink covered, handwriting ink total, typed ink wrongly covered) at 300 dpi."""
    scale = 300.0 / float(page.get("dpi") or 300)
    covered = np.zeros(mask.shape, bool)
    h, w = mask.shape
    for r in page.get("regions", []):
        if r["kind"] in ("handwritten", "signature"):
            x0, y0, x1, y1 = (int(round(v * scale)) for v in r["bbox"])
            covered[max(0, y0) : min(h, y1), max(0, x0) : min(w, x1)] = True
    hw = (mask == HAND) | (mask == SIGNATURE)
    typed = mask == TYPED
    return int((hw & covered).sum()), int(hw.sum()), int((typed & covered).sum())


def _f1(tp: int, total: int, fp: int) -> dict[str, float]:
    recall = tp / total if total else 1.0
    precision = tp / (tp + fp) if (tp + fp) else 1.0
    f1 = 2 * precision * recall / (precision + recall) if (precision + recall) else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def evaluate(corpus: Path, pred_dir: Path, pixel_metrics: bool = True) -> dict[str, Any]:
    truth_dir = corpus / "truth"
    files = sorted(truth_dir.glob("*.truth.json"))
    out: dict[str, Any] = {"files": len(files), "failed": 0}
    edits = chars = 0
    page_cers: list[float] = []
    cer_by: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    rot_ok = rot_n = 0
    skew_err: list[float] = []
    field_ok: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    dtype_ok = dtype_n = 0
    stamp_ok = {k: [0, 0] for k in STAMP_VALUES}  # right, of stamps in the truth
    stamp_wrong = [0, 0]  # wrong stamp values read, of them below the review threshold
    names = [0, 0]
    date_confusion: list[dict[str, Any]] = []
    hw: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    seconds: list[float] = []
    digits = {"all": [0, 0], "300dpi-16pt": [0, 0]}
    conf_lines: list[tuple[float, int]] = []
    confusion: Counter[tuple[str, str]] = Counter()
    for tf in files:
        truth = json.loads(tf.read_text(encoding="utf-8"))
        name = truth["file"]
        pf = pred_dir / f"{name}.json"
        if not pf.exists():
            out["failed"] += 1
            dtype_n += len(truth["documents"])
            for tp in truth["pages"]:
                n = len(squash(tp["typed_text"]))
                edits += n
                chars += n
                rot_n += 1
            continue
        pred = json.loads(pf.read_text(encoding="utf-8"))
        seconds.append(float(pred["provenance"].get("seconds", 0)) / max(1, len(pred["pages"])))
        ppages = {p["number"]: p for p in pred["pages"]}
        for tp in truth["pages"]:
            pp = ppages.get(tp["number"])
            cond = tp["conditions"]
            e, n = cer_counts(page_typed_text(pp) if pp else "", tp["typed_text"])
            edits += e
            chars += n
            page_cers.append(e / max(1, n))
            d_ok, d_n = digit_counts(page_typed_text(pp) if pp else "", tp["typed_text"])
            for key in (
                ("all", "300dpi-16pt") if (cond["dpi"] == 300 and cond["pt"] == 16) else ("all",)
            ):
                digits[key][0] += d_ok
                digits[key][1] += d_n
            for key in (
                f"dpi={cond['dpi']}",
                f"mode={cond['mode']}",
                f"pt={cond['pt']}",
                f"face={cond['face']}",
                "skewed" if abs(cond["skew"]) > 1 else "straight",
                "noisy" if cond["noise"] or cond["jpeg"] or cond["blur"] else "clean",
            ):
                cer_by[key][0] += e
                cer_by[key][1] += n
            rot_n += 1
            if pp is None:
                continue
            conf_lines.extend(line_errors(pp, tp))
            confusion.update(region_confusion(pp, tp))
            rot_ok += int(pp["rotation"] == tp["rotation"])
            if pp["rotation"] == tp["rotation"]:
                skew_err.append(abs(float(pp["skew"]) - float(tp["skew"])))
            if pixel_metrics:
                mpath = truth_dir / f"{name}.p{tp['number']}.mask.png"
                if mpath.exists():
                    mask = np.asarray(Image.open(mpath))
                    tpix, tot, fp = hand_pixels(mask, pp)
                    for key in ("all", f"mode={cond['mode']}", f"hand={cond['hand']}"):
                        hw[key][0] += tpix
                        hw[key][1] += tot
                        hw[key][2] += fp
        pdocs = pred["documents"]
        for td in truth["documents"]:
            dtype_n += 1
            match = next((d for d in pdocs if d["pages"] and d["pages"][0] == td["pages"][0]), None)
            if match is not None and match["type"] == td["type"]:
                dtype_ok += 1
            if td["type"] != "memo":
                continue
            pfields = (match or {}).get("fields") or {}
            for f in FIELDS:
                want = td["fields"][f]["value"]
                got = (pfields.get(f) or {}).get("value")
                ok = _norm(got) == _norm(want)
                field_ok[f][0] += int(ok)
                field_ok[f][1] += 1
                if f == "date":
                    date_confusion.append(
                        {"file": name, "truth": want, "pred": got, "text": td["fields"][f]["text"]}
                    )
            ts = td["stamps"][0] if td.get("stamps") else None
            ps = ((match or {}).get("stamps") or [None])[0]
            if ts:
                for k in STAMP_VALUES:
                    stamp_ok[k][1] += 1
                    if not ps:
                        continue
                    stamp_ok[k][0] += int(ps.get(k) == ts[k])
                    if ps.get(k) is not None and ps.get(k) != ts[k]:
                        stamp_wrong[1] += 1
                        stamp_wrong[0] += int(ps.get("confidence", 0.0) < REVIEW_THRESHOLD)
            want_name = td["signatures"][0]["name"] if td.get("signatures") else None
            if want_name:
                names[1] += 1
                got_names = [s.get("name", "") for s in (match or {}).get("signatures") or []]
                names[0] += int(any(_norm(g) == _norm(want_name) for g in got_names))
    total_fields = [sum(v[0] for v in field_ok.values()), sum(v[1] for v in field_ok.values())]
    out.update(
        {
            "cer": round(edits / chars, 4) if chars else 0.0,
            "cer_median_page": round(statistics.median(page_cers), 4) if page_cers else 0.0,
            "cer_by_condition": {
                k: round(v[0] / v[1], 4) for k, v in sorted(cer_by.items()) if v[1]
            },
            "confidence_usefulness": _usefulness(conf_lines, REVIEW_THRESHOLD),
            "thai_digit_accuracy": {
                k: round(v[0] / v[1], 4) if v[1] else None for k, v in digits.items()
            },
            "rotation_accuracy": round(rot_ok / rot_n, 4) if rot_n else 0.0,
            "skew_error_median": round(statistics.median(skew_err), 3) if skew_err else None,
            "skew_error_max": round(max(skew_err), 3) if skew_err else None,
            "document_type_accuracy": round(dtype_ok / dtype_n, 4) if dtype_n else 0.0,
            "field_accuracy": round(total_fields[0] / total_fields[1], 4)
            if total_fields[1]
            else None,
            "field_accuracy_by_field": {k: round(v[0] / v[1], 4) for k, v in field_ok.items()},
            "date_accuracy": round(field_ok["date"][0] / field_ok["date"][1], 4)
            if field_ok["date"][1]
            else None,
            **{
                f"stamp_{k}_accuracy": round(ok / n, 4) if n else None
                for k, (ok, n) in stamp_ok.items()
            },
            "stamp_wrong_values": stamp_wrong[1],
            "stamp_wrong_flagged": round(stamp_wrong[0] / stamp_wrong[1], 4)
            if stamp_wrong[1]
            else None,
            "signer_name_accuracy": round(names[0] / names[1], 4) if names[1] else None,
            "handwriting": {k: _f1(*v) for k, v in sorted(hw.items())},
            "region_confusion": {
                t: {p: n for (tt, p), n in sorted(confusion.items()) if tt == t}
                for t in REGION_KINDS
                if any(tt == t for tt, _ in confusion)
            },
            "seconds_per_page_median": round(statistics.median(seconds), 3) if seconds else None,
            "date_errors": [d for d in date_confusion if _norm(d["pred"]) != _norm(d["truth"])][
                :20
            ],
        }
    )
    return out


def _usefulness(lines: list[tuple[float, int]], threshold: float) -> dict[str, float | None]:
    """Share of lines below the review threshold, and share of all line errors they hold."""
    if not lines:
        return {"threshold": threshold, "lines_below": None, "errors_below": None}
    below = [e for c, e in lines if c < threshold]
    total_err = sum(e for _, e in lines)
    return {
        "threshold": threshold,
        "lines_below": round(len(below) / len(lines), 4),
        "errors_below": round(sum(below) / total_err, 4) if total_err else None,
    }


def format_scores(s: dict[str, Any]) -> str:
    rows = [
        ("files (failed)", f"{s['files']} ({s['failed']})"),
        ("typed-text CER", f"{s['cer']:.2%} (median page {s['cer_median_page']:.2%})"),
        (
            "Thai digits (all / 300 dpi 16 pt)",
            " / ".join(_pct(v) for v in s["thai_digit_accuracy"].values()),
        ),
        ("document types", f"{s['document_type_accuracy']:.1%}"),
        ("memo fields", _pct(s["field_accuracy"])),
        ("memo dates", _pct(s["date_accuracy"])),
        ("signer names", _pct(s["signer_name_accuracy"])),
        (
            "stamp number / date / time",
            f"{_pct(s.get('stamp_number_accuracy'))} / {_pct(s['stamp_date_accuracy'])}"
            f" / {_pct(s['stamp_time_accuracy'])}"
            f" (wrong values read: {s['stamp_wrong_values']},"
            f" below {REVIEW_THRESHOLD}: {_pct(s['stamp_wrong_flagged'])})",
        ),
        ("rotation", f"{s['rotation_accuracy']:.1%}"),
        ("skew error median / max", f"{s['skew_error_median']}° / {s['skew_error_max']}°"),
    ]
    u = s["confidence_usefulness"]
    rows.append(
        (
            f"lines below {u['threshold']} (errors they hold)",
            f"{_pct(u['lines_below'])} ({_pct(u['errors_below'])})",
        )
    )
    hw = s["handwriting"].get("all")
    if hw:
        rows.append(
            (
                "handwriting P / R / F1",
                f"{hw['precision']:.3f} / {hw['recall']:.3f} / {hw['f1']:.3f}",
            )
        )
    width = max(len(r[0]) for r in rows)
    lines = [f"{a:<{width}}  {b}" for a, b in rows]
    lines.append(
        "fields: " + ", ".join(f"{k} {v:.0%}" for k, v in s["field_accuracy_by_field"].items())
    )
    lines.append(
        "CER by condition: " + ", ".join(f"{k} {v:.1%}" for k, v in s["cer_by_condition"].items())
    )
    lines.append(
        "handwriting F1 by condition: "
        + ", ".join(f"{k} {v['f1']:.2f}" for k, v in s["handwriting"].items() if k != "all")
    )
    confusion = s.get("region_confusion") or {}
    if confusion:
        cols = [*REGION_KINDS, "none"]
        lines.append("region kinds (rows: truth; columns: the predicted region covering it most):")
        lines.append(" " * 13 + "".join(f"{c[:11]:>12}" for c in cols))
        for t, row in confusion.items():
            lines.append(f"  {t:<11}" + "".join(f"{row.get(c, 0):>12}" for c in cols))
    return "\n".join(lines)


def _pct(v: float | None) -> str:
    return "n/a" if v is None else f"{v:.1%}"
