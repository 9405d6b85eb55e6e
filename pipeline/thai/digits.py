"""Thai digits ๐–๙ ↔ Arabic 0–9 with translate tables.

>>> to_arabic_digits("๒๕๖๕")
'2565'
>>> to_thai_digits("14.27")
'๑๔.๒๗'
"""

from __future__ import annotations

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ARABIC_DIGITS = "0123456789"
_TO_ARABIC = str.maketrans(THAI_DIGITS, ARABIC_DIGITS)
_TO_THAI = str.maketrans(ARABIC_DIGITS, THAI_DIGITS)


def to_arabic_digits(text: str) -> str:
    return text.translate(_TO_ARABIC)


def to_thai_digits(text: str) -> str:
    return text.translate(_TO_THAI)


def is_digit(ch: str) -> bool:
    return ch in THAI_DIGITS or ch in ARABIC_DIGITS
