"""One validated, frozen options object, created at the boundary (CLI or library caller)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Options(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    languages: str = "tha+eng"
    pdf_dpi: int = Field(300, ge=72, le=600, description="rasterisation resolution for PDFs")
    default_dpi: int = Field(300, ge=72, le=1200, description="assumed when an image has no DPI")
    ocr_dpi: int = Field(300, ge=150, le=600, description="pages below this are upsampled for OCR")
    max_dpi: int = Field(
        300, ge=150, le=1200, description="finer scans are reduced to this when loaded"
    )
    max_pixels: int = Field(120_000_000, ge=1, description="largest page accepted, in pixels")
    max_pages: int = Field(1000, ge=1, description="most pages accepted in one file")
    page_timeout: float = Field(120.0, gt=0, description="seconds of processing per page at most")
    max_worker_memory_mb: int = Field(4096, ge=256, description="address space of a worker process")
    review_threshold: float = Field(0.75, ge=0, le=1)
    tessdata_dir: str | None = None
    jobs: int = Field(1, ge=1)
