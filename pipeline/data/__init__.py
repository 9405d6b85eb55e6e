"""Word lists shipped with the package: one entry per line, ``#`` lines are comments."""

from __future__ import annotations

from pathlib import Path


def data_lines(name: str) -> list[str]:
    """The entries of the list ``name`` in this folder."""
    text = (Path(__file__).resolve().parent / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
