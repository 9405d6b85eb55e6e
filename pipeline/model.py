"""The typed tree passed from stage to stage: Page → Region → Line → Word.

Everything here pickles, so a page can be processed in another process. Coordinates are pixels
of the page after rotation and deskew, at the page's ``dpi`` (the contract's frame).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import numpy as np

BBox = tuple[int, int, int, int]


class RegionKind(StrEnum):
    TYPED = "typed"
    HANDWRITTEN = "handwritten"
    SIGNATURE = "signature"
    STAMP = "stamp"
    TABLE = "table"
    FIGURE = "figure"


HANDWRITING_KINDS = frozenset({RegionKind.HANDWRITTEN, RegionKind.SIGNATURE})


def bbox_union(boxes: list[BBox]) -> BBox:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def bbox_area(b: BBox) -> int:
    return max(0, b[2] - b[0]) * max(0, b[3] - b[1])


def bbox_inside(a: BBox, b: BBox, tol: int = 0) -> bool:
    """Whether box ``a`` lies inside box ``b`` give or take ``tol`` pixels."""
    return a[0] >= b[0] - tol and a[1] >= b[1] - tol and a[2] <= b[2] + tol and a[3] <= b[3] + tol


def bbox_intersection(a: BBox, b: BBox) -> int:
    return bbox_area((max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])))


@dataclass(slots=True)
class Word:
    text: str
    bbox: BBox
    confidence: float


@dataclass(slots=True)
class Line:
    text: str
    bbox: BBox
    confidence: float
    words: list[Word] = field(default_factory=list)
    raw_text: str = ""  # as the engine read it, before repair


@dataclass(slots=True)
class Cell:
    row: int
    col: int
    bbox: BBox
    text: str = ""
    row_span: int = 1  # grid rows and columns a merged cell covers
    col_span: int = 1


@dataclass(slots=True)
class Region:
    id: str
    kind: RegionKind
    bbox: BBox
    confidence: float = 0.0
    lines: list[Line] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)
    kind_confidence: float = 1.0

    @property
    def text(self) -> str:
        if self.cells:
            return "\n".join(c.text for c in sorted(self.cells, key=lambda c: (c.row, c.col)))
        return "\n".join(line.text for line in self.lines)


@dataclass(slots=True)
class PageImage:
    """A decoded page as it came from the file, before any geometry."""

    number: int
    image: np.ndarray  # RGB uint8 (grey and bilevel scans are expanded)
    dpi: int
    colour: bool  # False when the scan carries no colour information
    scan_dpi: int = 0  # the file's resolution when the page was reduced to ``dpi`` on loading


@dataclass(slots=True)
class Page:
    """A processed page: geometry done, regions found and read. Holds no image."""

    number: int
    width: int
    height: int
    dpi: int
    rotation: int = 0
    skew: float = 0.0
    regions: list[Region] = field(default_factory=list)
    rotation_confidence: float = 1.0
    steps: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0

    def typed_lines(self) -> list[Line]:
        """Typed lines in reading order (regions are kept in reading order)."""
        out: list[Line] = []
        for r in self.regions:
            if r.kind == RegionKind.TYPED:
                out.extend(r.lines)
            elif r.kind == RegionKind.TABLE:
                for c in sorted(r.cells, key=lambda c: (c.row, c.col)):
                    if c.text:
                        out.append(Line(text=c.text, bbox=c.bbox, confidence=r.confidence))
        return out

    def typed_text(self) -> str:
        return "\n".join(line.text for line in self.typed_lines() if line.text)


@dataclass(slots=True)
class Field:
    text: str
    value: Any
    confidence: float
    page: int
    bbox: BBox
    reason: str | None = None  # why value is null or doubtful


@dataclass(slots=True)
class ReviewItem:
    path: str
    confidence: float
    reason: str


@dataclass(slots=True)
class Document:
    type: str  # memo | newsletter | other
    pages: list[int]
    text: str = ""
    confidence: float = 0.0
    fields: dict[str, Field | None] = field(default_factory=dict)
    signatures: list[dict[str, Any]] = field(default_factory=list)
    annotations: list[dict[str, Any]] = field(default_factory=list)
    stamps: list[dict[str, Any]] = field(default_factory=list)
    title: Field | None = None
    sections: list[dict[str, str]] = field(default_factory=list)
    tables: list[dict[str, Any]] = field(default_factory=list)
    review: list[ReviewItem] = field(default_factory=list)
