"""The output contract as pydantic models (they also emit the JSON Schema), and the writer."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from pipeline import SCHEMA_VERSION, __version__
from pipeline.model import Cell, Document, Page
from pipeline.model import Field as FieldData

BBoxOut = list[int]


class _M(BaseModel):
    model_config = ConfigDict(extra="allow")


class SourceOut(_M):
    path: str
    sha256: str
    format: Literal["pdf", "tiff", "png", "jpeg"]
    pages: int


class RegionOut(_M):
    id: str
    kind: Literal["typed", "handwritten", "signature", "stamp", "table", "figure"]
    bbox: BBoxOut
    text: str
    confidence: float = Field(ge=0, le=1)
    lines: list[dict[str, Any]] = []
    cells: list[dict[str, Any]] | None = None


def _cell_out(c: Cell) -> dict[str, Any]:
    """A table cell as written: a merged one says how many grid rows and columns it spans."""
    d: dict[str, Any] = {"row": c.row, "col": c.col, "bbox": list(c.bbox), "text": c.text}
    if c.row_span > 1:
        d["row_span"] = c.row_span
    if c.col_span > 1:
        d["col_span"] = c.col_span
    return d


class PageOut(_M):
    number: int
    width: int
    height: int
    dpi: int
    rotation: Literal[0, 90, 180, 270]
    skew: float
    regions: list[RegionOut]


class FieldOut(_M):
    text: str
    value: Any
    confidence: float = Field(ge=0, le=1)
    page: int
    bbox: BBoxOut


class SignatureOut(_M):
    name: str
    position: str
    confidence: float
    page: int
    bbox: BBoxOut


class AnnotationOut(_M):
    kind: str
    text: str
    confidence: float
    page: int
    bbox: BBoxOut


class StampOut(_M):
    kind: str
    text: str
    number: str | None
    date: str | None
    time: str | None
    confidence: float
    page: int
    bbox: BBoxOut


class SectionOut(_M):
    heading: str
    text: str


class TableOut(_M):
    page: int
    bbox: BBoxOut
    rows: list[list[str]]


class DocumentOut(_M):
    type: Literal["memo", "newsletter", "other"]
    pages: list[int]
    text: str
    confidence: float = Field(ge=0, le=1)
    fields: dict[str, FieldOut | None] | None = None
    signatures: list[SignatureOut] | None = None
    annotations: list[AnnotationOut] | None = None
    stamps: list[StampOut] | None = None
    title: FieldOut | None = None
    sections: list[SectionOut] | None = None
    tables: list[TableOut] | None = None


class ReviewItemOut(_M):
    path: str
    confidence: float
    reason: str


class CorrectionOut(_M):
    """One reviewer decision applied by ``saraban apply``: the audit trail."""

    item: str
    action: Literal["accept", "edit"]
    changes: list[dict[str, Any]]
    reviewer: str
    at: str
    applied_at: str


class ReviewOut(_M):
    needs_review: bool
    items: list[ReviewItemOut]
    corrections: list[CorrectionOut] = []


class ProvenanceOut(_M):
    pipeline_version: str
    engine: str
    languages: str
    models: dict[str, Any]
    seconds: float


class Result(_M):
    schema_version: str
    source: SourceOut
    pages: list[PageOut]
    documents: list[DocumentOut]
    review: ReviewOut
    provenance: ProvenanceOut


class ErrorResult(_M):
    schema_version: str
    source: dict[str, Any]
    error: str
    code: str
    provenance: dict[str, Any]


def json_schema() -> dict[str, Any]:
    return Result.model_json_schema()


def _field(f: FieldData | None) -> dict[str, Any] | None:
    if f is None:
        return None
    out = {
        "text": f.text,
        "value": f.value,
        "confidence": round(float(f.confidence), 4),
        "page": f.page,
        "bbox": list(f.bbox),
    }
    if f.reason:
        out["reason"] = f.reason
    return out


def page_out(p: Page) -> dict[str, Any]:
    regions = []
    for r in p.regions:
        d: dict[str, Any] = {
            "id": r.id,
            "kind": r.kind.value,
            "bbox": list(r.bbox),
            "text": r.text,
            "confidence": round(float(min(1.0, max(0.0, r.confidence))), 4),
        }
        if r.lines:
            d["lines"] = [
                {
                    "text": ln.text,
                    "raw_text": ln.raw_text,
                    "bbox": list(ln.bbox),
                    "confidence": ln.confidence,
                }
                for ln in r.lines
            ]
        if r.cells:
            d["cells"] = [_cell_out(c) for c in r.cells]
        if r.kind_confidence < 1.0:
            d["kind_confidence"] = round(r.kind_confidence, 3)
        regions.append(d)
    return {
        "number": p.number,
        "width": p.width,
        "height": p.height,
        "dpi": p.dpi,
        "rotation": p.rotation,
        "skew": p.skew,
        "regions": regions,
    }


def document_out(d: Document) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": d.type,
        "pages": d.pages,
        "text": d.text,
        "confidence": round(float(min(1.0, max(0.0, d.confidence))), 4),
    }
    if d.type == "memo":
        out["fields"] = {k: _field(v) for k, v in d.fields.items()}
        out["signatures"] = [{**s, "signed": s.get("signed", False)} for s in d.signatures]
        out["annotations"] = d.annotations
        out["stamps"] = d.stamps
    if d.type == "newsletter":
        out["title"] = _field(d.title)
        out["sections"] = d.sections
        out["tables"] = d.tables
    return out


def build_result(
    source: dict[str, Any], pages: list[Page], docs: list[Document], provenance: dict[str, Any]
) -> dict[str, Any]:
    items = []
    for i, d in enumerate(docs):
        for it in d.review:
            items.append(
                {
                    "path": f"documents[{i}].{it.path}",
                    "confidence": round(float(it.confidence), 4),
                    "reason": it.reason,
                }
            )
    for p in pages:
        if p.rotation_confidence < 0.5:
            items.append(
                {
                    "path": f"pages[{p.number - 1}].rotation",
                    "confidence": round(p.rotation_confidence, 3),
                    "reason": "page orientation is uncertain",
                }
            )
    result = {
        "schema_version": SCHEMA_VERSION,
        "source": source,
        "pages": [page_out(p) for p in pages],
        "documents": [document_out(d) for d in docs],
        "review": {"needs_review": bool(items), "items": items},
        "provenance": provenance,
    }
    Result.model_validate(result)  # the contract is checked on every write
    return result


def error_result(source: dict[str, Any], message: str, code: str) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "source": source,
        "error": message,
        "code": code,
        "provenance": {"pipeline_version": __version__},
    }


def _json_default(o: object) -> Any:
    import numpy as np

    if isinstance(o, np.integer):
        return int(o)
    if isinstance(o, np.floating):
        return float(o)
    if isinstance(o, np.ndarray):
        return o.tolist()
    raise TypeError(f"cannot write {type(o).__name__} to JSON")


TEMP_PREFIX = ".tmp-"


def write_json(path: Path, data: dict[str, Any]) -> None:
    """Atomic write: a temporary file in the same folder, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1, default=_json_default)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remove_stale_temps(folder: Path, before: float) -> int:
    """Remove the temporary files of ``write_json`` under ``folder`` last written before
    ``before`` (a time as ``time.time()`` gives): a run killed while writing leaves its temporary
    file, never the result it was to become. Returns how many went."""
    gone = 0
    for tmp in folder.rglob(f"{TEMP_PREFIX}*.json"):
        try:
            if tmp.stat().st_mtime < before:
                tmp.unlink()
                gone += 1
        except OSError:  # renamed or removed meanwhile
            pass
    return gone
