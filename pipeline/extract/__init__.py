"""From read pages to documents: splitting, typing, and the fields of each document type."""

from pipeline.extract.documents import build_documents

__all__ = ["build_documents"]
