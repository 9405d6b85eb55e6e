"""Tolerant matching of printed labels (OCR noise, missing tone marks, dotted leaders)."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from pipeline.thai.repair import MARKS

_MARKS = re.compile(f"[{MARKS}\\s.]")


def skeleton(text: str) -> str:
    """Consonants and vowels only: OCR often drops or adds tone marks and spaces."""
    return _MARKS.sub("", text)


def starts_with_label(text: str, label: str, threshold: float = 80) -> int | None:
    """If ``text`` starts with ``label`` (fuzzily), return the index where the value starts."""
    t = text.lstrip(" .:")
    offset = len(text) - len(t)
    sk_label = skeleton(label)
    best: tuple[float, int] | None = None
    for end in range(max(1, len(label) - 3), min(len(t), len(label) + 4) + 1):
        score = fuzz.ratio(skeleton(t[:end]), sk_label)
        if score >= threshold and (best is None or score > best[0]):
            best = (score, end)
    if best is None:
        return None
    end = best[1]
    while end < len(t) and _MARKS.match(t[end]) and not t[end].isspace():
        end += 1  # the label's own tone marks and vowels above/below
    return offset + end


def find_label(text: str, label: str, threshold: float = 85) -> tuple[int, int] | None:
    """Where ``label`` occurs inside ``text`` (fuzzily): (start, end) in ``text``."""
    idx = text.find(label)
    if idx >= 0:
        return idx, idx + len(label)
    n = len(label)
    sk_label = skeleton(label)
    best: tuple[float, int, int] | None = None
    for i in range(len(text)):
        for m in (n - 1, n, n + 1):
            if i + m > len(text) or m <= 0:
                continue
            s = fuzz.ratio(skeleton(text[i : i + m]), sk_label)
            if s >= threshold and (best is None or s > best[0]):
                best = (s, i, i + m)
    if best is None:
        return None
    end = best[2]
    while (
        end < len(text) and _MARKS.match(text[end]) and not text[end].isspace() and text[end] != "."
    ):
        end += 1
    return best[1], end


def strip_leaders(text: str) -> str:
    """Remove dotted-leader residue (runs of dots, underscores) and trim."""
    text = re.sub(r"[.·…_]{3,}", " ", text)
    return re.sub(r"\s+", " ", text).strip(" .:")
