"""Newsletter (จดหมายข่าว): title, issuer line, sections with headings, tables as rows."""

from __future__ import annotations

from pipeline.model import Document, Field, Page, RegionKind, ReviewItem
from pipeline.options import Options
from pipeline.thai.repair import normalise_value


def extract_newsletter(doc: Document, pages: list[Page], options: Options) -> None:
    first = pages[0]
    lines = first.typed_lines()
    if lines:
        head = lines[: min(3, len(lines))]
        title = max(head, key=lambda ln: ln.bbox[3] - ln.bbox[1])
        doc.title = Field(
            text=title.text,
            value=normalise_value(title.text),
            confidence=title.confidence,
            page=first.number,
            bbox=title.bbox,
        )
        if title.confidence < options.review_threshold:
            doc.review.append(ReviewItem("title", title.confidence, "low OCR confidence"))
    # sections: a short left-aligned line after a short line (or the page top) opens a section
    sections: list[dict[str, str]] = []
    for page in pages:
        body = [ln for ln in page.typed_lines() if doc.title is None or ln.bbox != doc.title.bbox]
        if not body:
            continue
        left = min(ln.bbox[0] for ln in body)
        full = max(ln.bbox[2] - ln.bbox[0] for ln in body)
        prev_short = True
        for ln in body:
            width = ln.bbox[2] - ln.bbox[0]
            h = max(1, ln.bbox[3] - ln.bbox[1])
            short = width < full * 0.45
            if short and prev_short and abs(ln.bbox[0] - left) < h and sections is not None:
                sections.append({"heading": normalise_value(ln.text), "text": ""})
            elif sections:
                sections[-1]["text"] = (
                    sections[-1]["text"] + " " + normalise_value(ln.text)
                ).strip()
            prev_short = short
    doc.sections = [s for s in sections if s["text"]]
    for page in pages:
        for r in page.regions:
            if r.kind == RegionKind.TABLE and r.cells:
                nrows = max(c.row + c.row_span for c in r.cells)
                ncols = max(c.col + c.col_span for c in r.cells)
                # (a merged cell's text stands in its first row and column, the rest it spans
                # left empty)
                grid = [["" for _ in range(ncols)] for _ in range(nrows)]
                for c in r.cells:
                    grid[c.row][c.col] = normalise_value(c.text)
                doc.tables.append(
                    {
                        "page": page.number,
                        "bbox": list(r.bbox),
                        "rows": grid,
                        "confidence": r.confidence,
                    }
                )
