"""Dates and times as written on Thai official papers, to ISO values.

Every parser returns a value *or* a reason; it never guesses a date silently. Month names are
matched with or without dots and spaces (``พ.ค.``, ``พ. ค.``, ``พค``), digits may be Thai or Arabic
(mixed), years are Buddhist Era unless they can only be Christian Era (or say ``ค.ศ.``); a
two-digit year is B.E. 25xx.

>>> parse_date("๑๔ ธันวาคม ๒๕๖๕").value
'2022-12-14'
>>> parse_date("5/6/๖๐").value
'2017-06-05'
>>> parse_date("31 เม.ย. 2560").reason
'no such day: 31/4/2017'
>>> parse_time("๑๔.๒๗ น.").value
'14:27'
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from pipeline.thai.digits import to_arabic_digits

FULL_MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
# Abbreviations as (first syllable, second letter): ม.ค. is ("ม", "ค").
ABBR_MONTHS = (
    ("ม", "ค"),
    ("ก", "พ"),
    ("มี", "ค"),
    ("เม", "ย"),
    ("พ", "ค"),
    ("มิ", "ย"),
    ("ก", "ค"),
    ("ส", "ค"),
    ("ก", "ย"),
    ("ต", "ค"),
    ("พ", "ย"),
    ("ธ", "ค"),
)
DAY_NAMES = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")

_SEP = r"[\s.]*"
# ... and between an abbreviation's letters, where the engine reads the stop below the line as
# a lower vowel (``ก.ุย.``, ``กุย.`` for ``ก.ย.``)
_ABBR_SEP = (
    r"[\s.\u0e38\u0e39]*[\u0e48-\u0e4c]?[\s.]*"  # (and a speck as a mark: ``พุ้ย.``, ``ส์.ค.``)
)
# ธ's raised head read as a mark over another letter (``ฉี. ค.`` for ธ.ค.), as in ministry codes
_THO_THONG = "[ฉฮง][\u0e34-\u0e37\u0e48-\u0e4c]?"
# the era before a year, its stops read as lower vowels too (``พ.ุศ.``)
_ERA = rf"[พค]{_ABBR_SEP}ศ{_SEP}"
TWO_DIGIT_FUTURE_YEARS = 5  # a two-digit year may lie at most this far in the future


def abbreviation(month: int, dots: bool = True, space: bool = False) -> str:
    a, b = ABBR_MONTHS[month - 1]
    if not dots:
        return a + b
    return f"{a}.{' ' if space else ''}{b}."


# every month as written in full and as its dotted abbreviation
MONTH_WORDS = (*FULL_MONTHS, *(abbreviation(m) for m in range(1, 13)))


_UPPER_VOWELS = "\u0e34\u0e35\u0e36\u0e37"  # ิ ี ึ ื


def _loose_first(a: str, b: str) -> str | None:
    """A pattern for an abbreviation's first syllable read with the wrong vowel above its
    letter, or with one where it has none (``มี. ย.`` for มิ.ย., ``ธี.ค.`` for ธ.ค.): only where
    no other month is written with that letter, a vowel above it and ``b`` (ม.ค. is not
    loosened: มี.ค. is March). A leading vowel (เม.ย.) stands apart and is not loosened."""
    letter, vowel = a[0], a[1:]
    if letter in "เแ":
        return None
    if any(x != a and x[0] == letter and len(x) > 1 and y == b for x, y in ABBR_MONTHS):
        return None
    others = "".join(c for c in _UPPER_VOWELS if c != vowel)
    return f"{re.escape(letter)}[{others}]"


def _month_alternatives() -> list[tuple[str, int, bool]]:
    """(pattern, month, loose): loose patterns are misreadings, taken with a doubt."""
    alts: list[tuple[str, int, bool]] = []
    for i, name in enumerate(FULL_MONTHS, start=1):
        alts.append((r"\s?".join(re.escape(c) for c in name), i, False))
    for i, (a, b) in enumerate(ABBR_MONTHS, start=1):
        first = f"(?:{re.escape(a)}|{_THO_THONG})" if a == "ธ" else re.escape(a)
        # (its last stop read as a lower vowel, or as thanthakhat: ``เมย์.`` for เม.ย.)
        rest_after_b = r"\u0e4c?[.\u0e38\u0e39]?"
        rest = _ABBR_SEP + re.escape(b) + rest_after_b
        alts.append((first + rest, i, False))
        loose = _loose_first(a, b)
        if loose:
            alts.append((loose + rest, i, True))
        if not any(x != a and x[0] == a[0] and y == b for x, y in ABBR_MONTHS):
            # a speck over its second letter read as a vowel or a tone mark (``กุ. ยี.`` for
            # ก.ย., seed 80): no month is written so. (Not ม.ค. and มี.ค.: the vowel of มี.ค.
            # read over its ค would make it January.)
            over = f"[{_UPPER_VOWELS}\u0e48-\u0e4b]"
            alts.append((first + _ABBR_SEP + re.escape(b) + over + rest_after_b, i, True))
            # ... or a letter more read after it, before its stop (``ก. ยข.`` for ก.ย., seed
            # 96: no month's abbreviation has two letters there)
            alts.append((first + _ABBR_SEP + re.escape(b) + "[\u0e01-\u0e2e]\\.", i, True))
        if a == "ธ":  # ธ read by the English model as a digit (``8.ค.``, ``5. ค.``)
            alts.append(("[58]" + rest, i, True))
    # longest patterns first so that full names win over abbreviations
    alts.sort(key=lambda t: -len(t[0]))
    return alts


_MONTH_ALTS = _month_alternatives()
_MONTH_RE = "|".join(f"(?P<m{i}>{pat})" for i, (pat, _, _) in enumerate(_MONTH_ALTS))
_DIGIT = r"[0-9]"
_ANY_MONTH = "|".join(pat for pat, _, _ in _MONTH_ALTS)
_WRITTEN_RE = re.compile(
    # (a speck read as a letter may cling to a month's name: ``๕ อธันวาคม``; or a letter's
    # part read as a letter of its own: ``6ธฮ.ค.`` for ธ.ค.)
    # (a stroke beside the day may read as one digit more, ``41`` or ``131``, or as ๆ; a
    # speck after it as a sign or two: ``๑๗% เมษายน``)
    rf"(?<!{_DIGIT})(?P<day>{_DIGIT}{{1,3}})(?P<mai>\s?ๆ)?(?P<speck>\s?[^\w\s]{{1,2}}(?=\s))?\s*"
    rf"(?P<stray>[\u0e01-\u0e2e](?={_ANY_MONTH}))?(?:{_MONTH_RE})\s*"
    # (a four-digit year the OCR split at a gap after its century: ``พ.ศ. ๒๕ ๖๗``)
    rf"(?:(?P<era>{_ERA})?\s*"
    rf"(?:(?P<split>(?:2[45]|19|20) {_DIGIT}{{2}})|(?P<year>{_DIGIT}{{2,4}}))"
    # ... or a four-digit year after a few signs that are no Thai and no digit: the era the
    # English model took (``wa.`` for พ.ศ.), a speck read as a stop; or after one Thai letter
    # or vowel glued to it (a speck the Thai model read: ``โ๒๕๕๒``, ``พ.ศ. า๒๕๕๘``)
    rf"|(?:{_ERA}\s*)?"
    rf"(?P<junk>[^0-9\u0e01-\u0e4e]{{1,5}}?|[\u0e01-\u0e2e\u0e30-\u0e44](?={_DIGIT}{{4}}))\s*"
    rf"(?P<year4>{_DIGIT}{{4}}))(?!{_DIGIT})"
)
_NUMERIC_RE = re.compile(
    rf"(?<!{_DIGIT})(?P<day>{_DIGIT}{{1,2}})\s*(?P<sep>[/\-.])\s*(?P<month>{_DIGIT}{{1,2}})"
    rf"\s*(?P=sep)\s*(?P<year>{_DIGIT}{{2,4}})(?!{_DIGIT})"
)
_TIME_RE = re.compile(
    rf"(?<!{_DIGIT})(?P<h>{_DIGIT}{{1,2}})\s*[.:]\s*(?P<m>{_DIGIT}{{2}})(?!{_DIGIT})\s*(?:น\.?)?"
)


@dataclass(frozen=True, slots=True)
class DateResult:
    value: str | None  # ISO YYYY-MM-DD / HH:MM, or None
    reason: str | None = None  # why value is None, or a doubt about it
    text: str = ""  # the span that was parsed
    era: str | None = None  # "BE" or "CE"


def _prepare(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u0e4d\u0e32", "\u0e33")
    return to_arabic_digits(text)


def _year_to_ce(year_text: str, era_hint: str | None) -> tuple[int | None, str | None, str]:
    """Return (Christian Era year, reason, era) for a written year."""
    year = int(year_text)
    if era_hint and era_hint.startswith("ค"):
        if len(year_text) == 2:
            return 2000 + year, None, "CE"
        return year, None, "CE"
    if len(year_text) == 2:
        # B.E. 25xx, unless that lies more than 5 years ahead: then 24xx (ร.ศ.-era papers aside)
        be = 2500 + year
        if be > dt.date.today().year + 543 + TWO_DIGIT_FUTURE_YEARS:
            be -= 100
        return be - 543, None, "BE"
    if len(year_text) == 3:
        if year_text.startswith("5") and not (era_hint and era_hint.startswith("ค")):
            # B.E. 25xx that lost its leading 2 to the OCR: repaired, and said so
            return 2000 + year - 543, f"year {year_text} read as 2{year_text}", "BE"
        return None, f"year {year_text} has three digits", "?"
    if 2400 <= year <= 2700:
        return year - 543, None, "BE"
    if 1800 <= year <= 2200 and not (era_hint and era_hint.startswith("พ")):
        return year, None, "CE"
    if len(year_text) == 4 and year_text[0] in "06" and year_text[1] == "5":
        # B.E. 25xx whose leading ๒ the OCR read as ๐ (the two differ by a small hook) or as
        # ๖ (its loop closed): repaired, and said so
        return 2000 + int(year_text[1:]) - 543, f"year {year_text} read as 2{year_text[1:]}", "BE"
    return None, f"year {year_text} is neither Buddhist nor Christian Era", "?"


def _doubted(got: DateResult, *doubts: str, text: str | None = None) -> DateResult:
    """``got`` with ``doubts`` added to its reason (a reason with a value is a doubt); read
    from ``text`` where that is not the span ``got`` was built from."""
    reason = "; ".join(filter(None, [got.reason, *doubts]))
    return DateResult(got.value, reason, got.text if text is None else text, got.era)


def _build(day: int, month: int, year_text: str, era_hint: str | None, span: str) -> DateResult:
    year, reason, era = _year_to_ce(year_text, era_hint)
    if year is None:
        return DateResult(None, reason, span)
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return DateResult(None, f"no such day: {day}/{month}/{year}", span, era)
    return DateResult(value.isoformat(), reason, span, era)  # a reason with a value is a doubt


def _written_month(match: re.Match[str]) -> tuple[int, str, bool]:
    """(month, its name as written, whether that is a misreading) of a written date."""
    for i, (_, month, loose) in enumerate(_MONTH_ALTS):
        if match.group(f"m{i}"):
            return month, match.group(f"m{i}"), loose
    raise AssertionError("a month group always matches")  # pragma: no cover


def _day(day: str, month: int) -> str:
    """The day as written, or, where no month has such a day (``41``, ``131``: a stroke beside
    it read as a digit), the digits left when the last, else the first, is dropped, if that is
    a day of ``month``. A day a month lacks but others have (31 เม.ย.) stays as written: the
    paper may be wrong, and is reported so."""
    if int(day) <= 31 and len(day) <= 2:
        return day
    longest = calendar.monthrange(2000, month)[1]  # (a leap year: 29 February is a day)
    for cand in (day[:-1], day[1:]):
        if len(cand) <= 2 and 1 <= int(cand) <= longest:
            return cand
    return day


# Thai letters right before a written date's day, with no space; and a date's label ending
# them (``วันที่๕``), which is no doubt
_GLUED_BEFORE_DAY = re.compile("[\u0e01-\u0e4e]+$")
_DAY_LABEL_END = re.compile("ท[\u0e31-\u0e3a\u0e47-\u0e4e]*$")


def parse_date(text: str) -> DateResult:
    """Find and normalise the first date in ``text``."""
    prepared = _prepare(text)
    written = _WRITTEN_RE.search(prepared)
    numeric = _NUMERIC_RE.search(prepared)
    if written and (not numeric or written.start() <= numeric.start()):
        month, said, loose = _written_month(written)
        span = written.group(0).strip()
        doubts = []
        glued = _GLUED_BEFORE_DAY.search(prepared[: written.start()])
        if glued and not _DAY_LABEL_END.search(glued[0]):
            # (``โซ๕ พฤศจิกายน``: the day's first digit read as letters, or a letter glued on)
            doubts.append(f"{glued[0]!r} glued before the day")
        if written["stray"]:
            doubts.append(f"'{written['stray']}' before the month ignored")
        if written["mai"]:
            doubts.append("'ๆ' after the day ignored")
        if written["speck"]:
            doubts.append(f"{written['speck'].strip()!r} after the day ignored")
        if loose or (month == 12 and said[0] != "ธ"):
            doubts.append(f"month read as {said.strip()!r}")
        day = _day(written["day"], month)
        if day != written["day"]:
            doubts.append(f"day {written['day']} read as {day}")
        if written["year4"]:
            got = _build(int(day), month, written["year4"], None, span)
            doubts.append(f"'{written['junk'].strip()}' between month and year ignored")
        elif written["split"]:
            got = _build(int(day), month, written["split"].replace(" ", ""), written["era"], span)
            doubts.append(f"year read as {written['split']!r}, its gap closed")
        else:
            got = _build(int(day), month, written["year"], written["era"], span)
        if not doubts:
            return got
        return _doubted(got, *doubts)
    if numeric:
        month = int(numeric["month"])
        if not 1 <= month <= 12:
            return DateResult(None, f"month {month} does not exist", numeric.group(0))
        return _build(int(numeric["day"]), month, numeric["year"], None, numeric.group(0))
    fuzzy = _fuzzy_written(prepared)
    if fuzzy is not None:
        return fuzzy
    if not prepared.strip():
        return DateResult(None, "no text")
    return DateResult(None, "no date found")


# a day, a Thai word where its month stands (split once, perhaps, where a letter was lost:
# ``พ ศจิกายน``), and a year
_LOOSE_WRITTEN_RE = re.compile(
    rf"(?<!{_DIGIT})(?P<day>{_DIGIT}{{1,2}})\s*"
    rf"(?P<word>[\u0e01-\u0e4e]{{5,12}}|[\u0e01-\u0e4e]{{1,10}} [\u0e01-\u0e4e]{{1,10}})\s*"
    rf"(?P<era>{_ERA})?\s*(?P<year>{_DIGIT}{{4}})(?!{_DIGIT})"
)
MONTH_EDITS = 2  # letters or marks a full month name may be misread by and still be known


def _fuzzy_written(prepared: str) -> DateResult | None:
    """A written date whose month name the OCR misread by a letter or a mark or two
    (``๑๓ จั้นวาคม ๒๕๖๐`` for ธันวาคม; ``๘ พ ศจิกายน``, a letter lost to a gap), when exactly
    one month is that near: taken, with a doubt. Full names only: abbreviations are too short
    to tell apart so."""
    m = _LOOSE_WRITTEN_RE.search(prepared)
    month = near_month(m["word"]) if m is not None else None
    if m is None or month is None:
        return None
    span = m.group(0).strip()
    got = _build(int(m["day"]), month, m["year"], m["era"], span)
    return _doubted(got, f"month read as {m['word']!r}")


def near_month(said: str) -> int | None:
    """The month a word read where a month stands (``จันวาคม``, ``พ ศจิกายน``) is the misreading
    of: the one full name ``MONTH_EDITS`` letters or marks away, two nearer than any other."""
    word = said.replace(" ", "")
    if not 5 <= len(word) <= 12:
        return None
    head, _, tail = said.partition(" ")
    # a letter (with its mark) lost where the OCR saw a gap: the one month with those letters
    # either side of it (``กรก าคม``: กรกฎาคม, which is as near to มกราคม by letters alone)
    at_gap = [
        i
        for i, name in enumerate(FULL_MONTHS)
        if tail
        and name.startswith(head)
        and name.endswith(tail)
        and 1 <= len(name) - len(head) - len(tail) <= 2
    ]
    if len(at_gap) == 1:
        return at_gap[0] + 1
    dist = [Levenshtein.distance(word, name) for name in FULL_MONTHS]
    best, runner_up = sorted(dist)[:2]
    if best > MONTH_EDITS or runner_up < best + 2:  # (มกราคม and มีนาคม are two apart)
        return None
    return dist.index(best) + 1


def find_near_month(text: str) -> tuple[int, int] | None:
    """Where a full month name misread by a letter or two (:func:`near_month`) stands between
    a day and a four-digit year in ``text``, when ``text`` holds no month as written."""
    if find_month(text) is not None:
        return None
    m = _LOOSE_WRITTEN_RE.search(to_arabic_digits(text))
    if m is None or near_month(m["word"]) is None:
        return None
    return m.span("word")


def find_date(text: str) -> tuple[int, int] | None:
    """Where the first date-shaped span of ``text`` is (for text already NFC and repaired)."""
    prepared = to_arabic_digits(text)
    hits = [m for m in (_WRITTEN_RE.search(prepared), _NUMERIC_RE.search(prepared)) if m]
    if not hits:
        return None
    m = min(hits, key=lambda h: h.start())
    return m.start(), m.end()


_MONTH_ONLY = re.compile(_MONTH_RE)


def find_month(text: str) -> tuple[int, int] | None:
    """Where the first month name or abbreviation of ``text`` is."""
    m = _MONTH_ONLY.search(text)
    return (m.start(), m.end()) if m else None


def parse_time(text: str) -> DateResult:
    """``14.27``, ``14:27``, ``๑๔.๒๗ น.`` → ``14:27``."""
    prepared = _prepare(text)
    m = _TIME_RE.search(prepared)
    if not m:
        return DateResult(None, "no time found")
    h, mi = int(m["h"]), int(m["m"])
    if h > 23 or mi > 59:
        return DateResult(None, f"no such time: {h}.{mi:02d}", m.group(0))
    return DateResult(f"{h:02d}:{mi:02d}", None, m.group(0).strip())


# a pen's 1, drawn with a flag at its top, reads as 7 (``77.50`` for 11.50 in a received stamp)
_PEN_ONE = "7"
# hours and minutes with a comma between them: a pen's dot read as one
_PEN_COMMA = re.compile(r"(?<![0-9])([0-9]{1,2})\s?,\s?([0-9]{2})(?![0-9])")
_LEADING_DAY = re.compile(r"\s*(\d{1,2})(?!\d)")


def parse_written_time(text: str) -> DateResult:
    """:func:`parse_time` for a time written by hand: an hour no clock has (past 23) read with
    a 7 is read with its 7s as 1s, the hand that wrote one 1 so having written the others (on
    twelve generated corpora the times of received stamps went from 259 right of 547 to 289;
    the hour still goes to review, with the doubt); and a pen's dot read as a comma (``11,23``:
    313) is a dot, with a doubt too."""
    got = parse_time(text)
    if got.value is None and got.reason == "no time found":
        prepared = _prepare(text)
        comma = _PEN_COMMA.search(prepared)
        if comma is not None:
            got = parse_time(_PEN_COMMA.sub(r"\1.\2", prepared, count=1))
            if got.value is not None:
                return DateResult(got.value, f"{comma.group(0)!r} read for its dot", got.text)
    m = _TIME_RE.search(got.text) if got.value is None and got.text else None
    if m is None or _PEN_ONE not in m["h"] or int(m["h"]) <= 23 or int(m["m"]) > 59:
        return got
    hour = int(m["h"].replace(_PEN_ONE, "1"))
    if hour > 23:
        return got
    doubt = f"hour read as {m['h']}: its 7s taken for a pen's 1s"
    return DateResult(f"{hour:02d}:{int(m['m']):02d}", doubt, got.text)


def parse_written_date(text: str) -> DateResult:
    """:func:`parse_date` for a date written by hand: a day no month has (past 31) read with
    a 7 (``76/9/2559`` for 16/9/2559) is read with its 7s as 1s, as a pen's time is; failing
    that, a month read as letters it looks like (``_month_lookalike``), then slashes read as
    signs (``_slashes_read_as_signs``). Each such reading carries its doubt."""
    got = parse_date(text)
    if got.value is None and got.text:
        got = _pen_ones(got) or got
    if got.value is None:
        got = _month_lookalike(text) or _slashes_read_as_signs(text) or got
    return got


def _pen_ones(got: DateResult) -> DateResult | None:
    """The date ``got`` failed to read, with the 7s of a day past 31, or of a month in figures
    past 12 (``26/77/66``), read as 1s."""
    numeric = _NUMERIC_RE.match(got.text)
    spans = (
        [("day", numeric.span("day"), 31), ("month", numeric.span("month"), 12)] if numeric else []
    )
    if not spans and (m := _LEADING_DAY.match(got.text)) is not None:
        spans = [("day", m.span(1), 31)]
    text, doubts = got.text, list[str]()
    for name, (a, b), top in reversed(spans):
        number = got.text[a:b]
        if _PEN_ONE in number and int(number) > top:
            text = text[:a] + number.replace(_PEN_ONE, "1") + text[b:]
            doubts.insert(0, f"{name} read as {number}: its 7s taken for a pen's 1s")
    if not doubts:
        return None
    again = parse_date(text)
    if again.value is None:
        return None
    return _doubted(again, *doubts, text=got.text)


# a day, a month and a year in figures, a pen's slash read with a sign or as one (``9%12/64``,
# ``22/.11/51``, ``6#/3/2564``)
_SIGNED_NUMERIC = re.compile(
    r"(?<![0-9])(?P<day>[0-9]{1,2})\s?(?P<a>[/.%#*]{1,2})\s?(?P<month>[0-9]{1,2})\s?"
    r"(?P<b>[/.%#*]{1,2})\s?(?P<year>[0-9]{4}|[0-9]{2})(?![0-9])"
)


def _slashes_read_as_signs(text: str) -> DateResult | None:
    """A pen's date in figures whose slashes were read as signs or with them: the date, with a
    doubt; not a time's or a number's dots alone (``12.30.45``)."""
    for m in _SIGNED_NUMERIC.finditer(_prepare(text)):
        if not any(c in "/%#*" for c in m["a"] + m["b"]):
            continue
        if not 1 <= int(m["month"]) <= 12:
            continue
        got = _build(int(m["day"]), int(m["month"]), m["year"], None, m.group(0).strip())
        if got.value is not None:
            return _doubted(got, f"date read as {m.group(0).strip()!r}")
    return None


# letters a pen's month abbreviation is read as, and the letter it stands for: the Thai model's
# ด for ค (no month's abbreviation holds ด), ภ for ก and ข for ย, the English model's n for ก,
# w for พ (``w.a.`` for พ.ค., ``NW`` for กพ), a for ค, y for ย and 5 for ธ (with the rest of
# ``parse_written_date``, on twelve generated corpora, stamp dates right went from 214 of 547
# to 247, and 6 more were read wrong: a day or a year misread too)
_PEN_MONTH_LETTERS = str.maketrans(
    {
        "ด": "ค",
        "ภ": "ก",
        "ข": "ย",
        "n": "ก",
        "N": "ก",
        "w": "พ",
        "W": "พ",
        "a": "ค",
        "y": "ย",
        "Y": "ย",
        "5": "ธ",
    }
)
_DOTLESS_MONTHS = {abbreviation(m, dots=False): m for m in range(1, 13)}
# a day, what stands for its month (no digit but a 5, seven signs at most), and a year
_PEN_DATE = re.compile(
    r"(?<![0-9])(?P<day>[0-9]{1,2})\s*(?P<mid>[^\s0-9][^0-9]{0,6}?|5[^\s0-9]{1,5})\s*"
    r"(?P<year>[0-9]{4}|[0-9]{2})(?![0-9])"
)
_MARKS_BELOW = re.compile("[\u0e38-\u0e3a\u0e47-\u0e4e\\s.,]")  # lower vowels, tone marks


def _month_lookalike(text: str) -> DateResult | None:
    """A pen's abbreviated month read as letters it looks like (``๑๙ มด ๕๗``, ``๒๐ WY ๕๕``):
    the one month whose abbreviation those letters stand for (``_PEN_MONTH_LETTERS``), between
    a day and a year, with a doubt."""
    for m in _PEN_DATE.finditer(_prepare(text)):
        letters = _MARKS_BELOW.sub("", m["mid"])
        month = _DOTLESS_MONTHS.get(letters.translate(_PEN_MONTH_LETTERS))
        if month is None:
            continue
        got = _build(int(m["day"]), month, m["year"], None, m.group(0).strip())
        if got.value is not None:
            return _doubted(got, f"month read as {m['mid'].strip()!r}")
    return None


# ---- formatting (used by the corpus generator and the round-trip property tests) ----

DATE_STYLES = (
    "full",  # ๑๔ ธันวาคม ๒๕๖๕
    "full_be",  # 14 ธันวาคม พ.ศ. 2565
    "abbr",  # 31 พ.ค. 2560
    "abbr_space",  # 31 พ. ค. 60
    "abbr_nodot",  # 31 พค 2560
    "numeric",  # 5/6/60
    "numeric_long",  # 5/6/2560
    "numeric_dash",  # 05-06-2560
    "dayname",  # วันจันทร์ที่ 5 มิถุนายน 2560
    "ce",  # 14 ธันวาคม ค.ศ. 2022
)


def format_date(d: dt.date, style: str, thai_digits: bool = False, two_digit: bool = False) -> str:
    be = d.year + 543
    year = f"{be % 100:02d}" if two_digit else str(be)
    if style == "full":
        s = f"{d.day} {FULL_MONTHS[d.month - 1]} {year}"
    elif style == "full_be":
        s = f"{d.day} {FULL_MONTHS[d.month - 1]} พ.ศ. {year}"
    elif style == "abbr":
        s = f"{d.day} {abbreviation(d.month)} {year}"
    elif style == "abbr_space":
        s = f"{d.day} {abbreviation(d.month, space=True)} {year}"
    elif style == "abbr_nodot":
        s = f"{d.day} {abbreviation(d.month, dots=False)} {year}"
    elif style == "numeric":
        s = f"{d.day}/{d.month}/{year}"
    elif style == "numeric_long":
        s = f"{d.day}/{d.month}/{be}"
    elif style == "numeric_dash":
        s = f"{d.day:02d}-{d.month:02d}-{be}"
    elif style == "dayname":
        s = f"วัน{DAY_NAMES[d.weekday()]}ที่ {d.day} {FULL_MONTHS[d.month - 1]} {year}"
    elif style == "ce":
        s = f"{d.day} {FULL_MONTHS[d.month - 1]} ค.ศ. {d.year}"
    else:
        raise ValueError(f"unknown date style {style!r}")
    if thai_digits:
        from pipeline.thai.digits import to_thai_digits

        s = to_thai_digits(s)
    return s
