"""Thai text: digits, dates and times, identifiers, and repair of OCR artefacts."""

from pipeline.thai.dates import DateResult, parse_date, parse_time
from pipeline.thai.digits import to_arabic_digits, to_thai_digits
from pipeline.thai.repair import normalise_value, repair_text

__all__ = [
    "DateResult",
    "normalise_value",
    "parse_date",
    "parse_time",
    "repair_text",
    "to_arabic_digits",
    "to_thai_digits",
]
