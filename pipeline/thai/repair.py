"""Mend Thai OCR artefacts without touching text that was already right.

Each rule fires only on a sequence that cannot occur in well-formed Thai, so the repair is
idempotent and leaves correct text as it is:

>>> repair_text("ทํางาน")          # sara am split into nikhahit + sara aa
'ทำงาน'
>>> repair_text("น ้ำ")            # a space before a combining mark
'น้ำ'
>>> repair_text("เ รื่อง")          # a space after a leading vowel
'เรื่อง'
>>> repair_text("ที่่")             # a duplicated tone mark
'ที่'
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.thai.digits import to_arabic_digits

_TONES = "\u0e48\u0e49\u0e4a\u0e4b"
_ABOVE = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47\u0e4c\u0e4d\u0e4e"
_BELOW = "\u0e38\u0e39\u0e3a"
MARKS = _TONES + _ABOVE + _BELOW  # every mark above or below a letter: for character classes
MARK = re.compile(f"[{MARKS}]")  # a mark above or below a letter
_LEADING = "เแโใไ"
_THAI_CONS = "กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรฤลฦวศษสหฬอฮ"
CONSONANTS = frozenset(_THAI_CONS)  # ก to ฮ

# ํ (+ tone) า  → (tone) ำ ; the tone may stand before or after the nikhahit
_SARA_AM = re.compile(f"([{_TONES}]?)\u0e4d([{_TONES}]?)\u0e32")
# a space (or several) directly before a combining mark or a following vowel that must attach
_SPACE_BEFORE_MARK = re.compile(f"(?<=[{_THAI_CONS}{MARKS}]) +(?=[{MARKS}\u0e33])")
# a space after a leading vowel (which can never end a word) before a consonant
_SPACE_AFTER_LEADING = re.compile(f"(?<=[{_LEADING}]) +(?=[{_THAI_CONS}])")
# the same mark twice in a row
_DUP_MARK = re.compile(f"([{MARKS}])\\1+")
# tone mark typed before an above/below vowel: ก่ี → กี่ (canonical order: vowel then tone)
_TONE_BEFORE_VOWEL = re.compile(f"([{_TONES}])([\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39])")
_WS = re.compile(r"\s+")


def repair_text(text: str) -> str:
    """Repair one line of OCR output (keeps line structure: no newlines are added or removed)."""
    prev = None
    while prev != text:  # rules can uncover each other; converge (each only shortens or reorders)
        prev = text
        # (NFC each round: a space dropped between two marks leaves them in an order NFC
        # would change, ``่ ฺ`` → ``ฺ่``, and the result must be NFC to be stable)
        text = unicodedata.normalize("NFC", text)
        text = _SARA_AM.sub(lambda m: m.group(1) + m.group(2) + "\u0e33", text)
        text = _SPACE_BEFORE_MARK.sub("", text)
        text = _SPACE_AFTER_LEADING.sub("", text)
        text = _DUP_MARK.sub(r"\1", text)
        text = _TONE_BEFORE_VOWEL.sub(r"\2\1", text)
    return text


def normalise_value(text: str) -> str:
    """The contract's normalisation of every text value: NFC, repaired, Arabic digits, one space."""
    lines = [repair_text(line) for line in text.splitlines()]
    out = to_arabic_digits(" ".join(lines))
    return _WS.sub(" ", out).strip()
