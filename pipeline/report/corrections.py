"""``saraban apply CORRECTIONS.json --out DIR``: a reviewer's decisions written back into results.

The report exports what the reviewer accepted or edited. Applying it, for each decision:
the value(s) at its path are checked against what the reviewer saw (a result changed since the
report was made is not overwritten), the edited values are normalised like the pipeline's own
(dates to ISO, times to HH:MM, Thai digits to Arabic), the item's review entry is cleared, and an
audit record (value before and after, who, when, from which file) is appended to
``review.corrections``. Every decision is also appended to ``DIR/.saraban-labels.jsonl`` as
labelled data for later training. Applying the same file twice changes nothing the second time.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import UsageError
from pipeline.output import Result, write_json
from pipeline.report.html import item_kind, resolve, split_path
from pipeline.thai.dates import parse_date, parse_time
from pipeline.thai.digits import to_arabic_digits

FORMAT = "saraban-corrections"
LABELS_NAME = ".saraban-labels.jsonl"


@dataclass
class ApplySummary:
    edited: int = 0
    accepted: int = 0
    already: int = 0
    rejected: list[tuple[str, str, str]] = field(default_factory=list)  # file, item, reason
    files: set[str] = field(default_factory=set)

    def line(self) -> str:
        return (
            f"{self.edited} edited, {self.accepted} accepted, {self.already} already applied, "
            f"{len(self.rejected)} rejected, {len(self.files)} files written"
        )


def normalise(path: str, text: str) -> tuple[Any, str | None]:
    """The value to store for a reviewer's entry at ``path``, or a reason it is unusable."""
    text = " ".join(unicodedata.normalize("NFC", text).split())
    key = str(split_path(path)[-1])
    if text == "":
        return None, None
    if key == "date" or path.endswith("fields.date.value"):
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            try:
                return dt.date.fromisoformat(text).isoformat(), None
            except ValueError:
                return None, f"no such date: {text}"
        d = parse_date(text)
        return (d.value, None) if d.value else (None, d.reason or f"not a date: {text}")
    if key == "time":
        t = parse_time(text)
        return (t.value, None) if t.value else (None, t.reason or f"not a time: {text}")
    if path.endswith("fields.phone.value"):
        digits = re.sub(r"\D", "", to_arabic_digits(text))
        return (digits, None) if digits else (None, f"no digits in phone number {text!r}")
    if key in ("value", "number"):
        return to_arabic_digits(text), None
    return text, None  # transcriptions (annotation text, names) are kept as typed


def _same(current: Any, before: str) -> bool:
    return ("" if current is None else str(current)) == before


def _parent(doc: dict[str, Any], path: str) -> tuple[Any, str | int]:
    parts = split_path(path)
    cur: Any = doc
    for k in parts[:-1]:
        cur = cur[k]  # type: ignore[index]
    return cur, parts[-1]


def _apply_one(
    doc: dict[str, Any], c: dict[str, Any], reviewer: str, source_name: str, now: str
) -> tuple[str, dict[str, Any] | None]:
    """Apply one decision to ``doc``: ``("edited"|"accepted"|"already", audit)`` or raises."""
    item = str(c.get("item", ""))
    action = str(c.get("action", "accept"))
    at = str(c.get("at", ""))
    changes = c.get("changes") or []
    if action not in ("accept", "edit") or not item or not isinstance(changes, list):
        raise ValueError("malformed decision")
    review = doc.setdefault("review", {"needs_review": False, "items": []})
    audit_log = review.setdefault("corrections", [])
    for a in audit_log:
        if a.get("item") == item and a.get("at") == at and a.get("changes") == changes:
            return "already", None
    parts = split_path(item)
    target = resolve(doc, item)
    if target is None and not (len(parts) >= 4 and parts[-2] == "fields"):
        raise ValueError(f"{item} is not in this result")
    new_values: list[tuple[str, Any]] = []
    for ch in changes:
        path, before, after = str(ch.get("path", "")), ch.get("before"), ch.get("after")
        if not path.startswith(item + ".") or not isinstance(after, str):
            raise ValueError(f"change outside its item: {path}")
        if not _same(resolve(doc, path), str(before)):
            raise ValueError(f"{path} changed since the report was made")
        value, reason = normalise(path, after)
        if reason:
            raise ValueError(reason)
        new_values.append((path, value))
    confidence_before = target.get("confidence") if isinstance(target, dict) else None
    if target is None and new_values:  # a field that was not found, now given by hand
        doc_pages = resolve(doc, f"documents[{parts[1]}].pages") or [1]
        parent, key = _parent(doc, item)
        parent[key] = {"text": "", "value": None, "confidence": 1.0, "page": doc_pages[0]}
        parent[key]["bbox"] = [0, 0, 0, 0]
        target = parent[key]
    for path, value in new_values:
        parent, key = _parent(doc, path)
        parent[key] = value
    if isinstance(target, dict):
        target["confidence"] = 1.0
        target["reviewed"] = {"action": action, "by": reviewer, "at": at}
    review["items"] = [it for it in review.get("items", []) if it.get("path") != item]
    review["needs_review"] = bool(review["items"])
    audit = {
        "item": item,
        "kind": item_kind(item),
        "action": "edit" if new_values else "accept",
        "changes": changes,
        "confidence_before": confidence_before,
        "reviewer": reviewer,
        "at": at,
        "applied_at": now,
        "from": source_name,
    }
    audit_log.append(audit)
    return ("edited" if new_values else "accepted"), audit


def _load_corrections(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise UsageError(f"cannot read corrections file {path.name}: {e}") from e
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise UsageError(f"{path.name} is not a saraban corrections file")
    if data.get("version") != 1:
        raise UsageError(f"unsupported corrections version {data.get('version')!r}")
    if not isinstance(data.get("corrections"), list):
        raise UsageError(f"{path.name} has no list of corrections")
    return data


def apply_corrections(
    corrections: Path, out_dir: Path, reviewer: str | None = None, now: str | None = None
) -> ApplySummary:
    data = _load_corrections(corrections)
    now = now or dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    summary = ApplySummary()
    base = out_dir.resolve()
    by_file: dict[str, list[dict[str, Any]]] = {}
    for c in data["corrections"]:
        if isinstance(c, dict):
            by_file.setdefault(str(c.get("file", "")), []).append(c)
    labels: list[dict[str, Any]] = []
    for rel, decisions in by_file.items():
        target = (out_dir / rel).resolve()
        if base not in target.parents or not target.name.endswith(".json"):
            for c in decisions:
                summary.rejected.append((rel, str(c.get("item")), "not a result in --out"))
            continue
        try:
            doc = json.loads(target.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            for c in decisions:
                summary.rejected.append((rel, str(c.get("item")), f"cannot read result: {e}"))
            continue
        changed = False
        for c in decisions:
            who = reviewer or str(c.get("reviewer") or data.get("reviewer") or "") or "unknown"
            try:
                outcome, audit = _apply_one(doc, c, who, corrections.name, now)
            except (ValueError, KeyError, IndexError, TypeError) as e:
                summary.rejected.append((rel, str(c.get("item")), str(e)))
                continue
            if outcome == "already":
                summary.already += 1
                continue
            changed = True
            if outcome == "edited":
                summary.edited += 1
            else:
                summary.accepted += 1
            tgt = resolve(doc, str(c["item"]))
            t = tgt if isinstance(tgt, dict) else {}
            labels.append(
                {
                    "file": rel,
                    "sha256": doc.get("source", {}).get("sha256"),
                    "source_path": doc.get("source", {}).get("path"),
                    "page": t.get("page"),
                    "bbox": t.get("bbox"),
                    "text_as_read": c.get("text_as_read", t.get("text", "")),
                    **(audit or {}),
                }
            )
        if changed:
            Result.model_validate(doc)
            write_json(target, doc)
            summary.files.add(rel)
    if labels:
        with open(out_dir / LABELS_NAME, "a", encoding="utf-8") as f:
            for row in labels:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return summary


def carry_over(old: dict[str, Any], new: dict[str, Any]) -> int:
    """Keep a reviewer's work when a file is processed again (``--force``, a new model).

    Each applied decision of ``old`` is applied again to ``new`` when the new reading at its
    path is what the reviewer saw; when the reading changed, the decision is kept in the audit
    trail but not applied, and a review item says so. Returns the decisions applied again."""
    trail = old.get("review", {}).get("corrections") or []
    if not trail:
        return 0
    review = new.setdefault("review", {"needs_review": False, "items": []})
    kept = review.setdefault("corrections", [])
    again = 0
    for audit in trail:
        decision = {k: audit.get(k) for k in ("item", "action", "changes", "at")}
        try:
            outcome, _ = _apply_one(
                new, decision, str(audit.get("reviewer", "")), str(audit.get("from")), ""
            )
        except (ValueError, KeyError, IndexError, TypeError):
            kept.append(audit)  # not applied: the trail still says what was decided
            review["items"].append(
                {
                    "path": str(audit.get("item", "")),
                    "confidence": 0.0,
                    "reason": "an earlier correction no longer matches the new reading",
                }
            )
            continue
        if outcome != "already":
            kept[-1] = audit  # the original record, with its first application time
            again += 1
    review["needs_review"] = bool(review["items"])
    return again
