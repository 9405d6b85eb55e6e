"""OCR engines behind one small interface (real Tesseract, and a fake for fast tests)."""

from pipeline.ocr.engine import FakeEngine, OcrEngine, TesseractEngine, make_engine

__all__ = ["FakeEngine", "OcrEngine", "TesseractEngine", "make_engine"]
