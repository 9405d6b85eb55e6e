"""Memo reference numbers (``ที่ มท ๐๘๐๓.๒/ว ๑๒๓๔``): the normalised value, with the OCR's
usual slips in them mended, and a reason for each mend or doubt.

A reference is a two-letter ministry code, the office number (with an optional ``.n`` unit),
and optionally ``/``, a letter (``ว`` for circulars, ``จ``) and the running number. What the
stock Thai model does to them, and what is mended here:

- the digits it cannot emit come out as letters (``ฒ`` for ๗, ``ส`` for ๘, ``ต`` for ๓,
  ``ด`` for ๙): inside the numbers, such a letter is the digit;
- the slash before the letter is read as ``เ`` or ``[`` (``๖๒๒๐เว``), one before the running
  number as ``(`` (``๔๔๙๒.๘(๓๐๒``), and the ``ว`` after a
  slash as ``9``, ``2``, ``1`` or ``0`` before a gap (``๑๙๐๗/9 ๗๘๔๖``, ``๑๕๑๕/๐ ๒๕๖๙``), or
  ``)`` or ``?``, which no digit is, so glued to the number too (``๕๘๗๔.๙/)๔๑๙๗``), and
  ``0`` glued to it (``๔๑๗๘/๐๔๒๘๔``: no running number starts with a nought);
- the slash and its letter read as one digit after the office's four (``๑๕๑๕๐ ๒๕๖๙``, and
  with no gap: ``๔๑๖๕๐๒๕๔๘``, a number of nine digits no reference has);
- a ministry code one letter off a known one (``ศร`` for ``ศธ``) is that code when exactly one
  known code is that close, and so is one whose second letter was read as a digit (``ย8``)
  when one known code only starts with its first;
- a vowel between a known code's two letters (``กาษ``) is a speck, and so is a third letter,
  where one known code only is left once one of the three is dropped (``นวรี`` for นร);
- a dash by the unit's stop (``๘๒๒๔-.๕``) is a speck;
- letters stuck to the end of the running number (``๘๓๑๗ซุ``) are residue of the dotted leader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.thai.digits import to_arabic_digits
from pipeline.thai.repair import MARKS

MINISTRY_CODES = frozenset(
    "มท สธ ศธ กค พณ อก กษ รง ทส คค นร กห ยธ พม ดศ วธ กก พน อว กต วท ทก ตช สผ".split()
)

# letters the Thai model puts for the digits it cannot emit; only unambiguous ones (อ stands
# for ๔ and ๖ alike and is left for a person)
_DIGIT_FOR_LETTER = {"ฒ": "7", "ซ": "7", "ญ": "7", "ส": "8", "ต": "3", "ด": "9"}
_NUM = "[0-9ฒซญสตด]"
_MARK = f"[{MARKS}]"
# a ministry code as read: two letters, a stray mark on either (dropped when normalised)
MINISTRY_CODE = f"[\u0e01-\u0e2e]{_MARK}*[\u0e01-\u0e2e]{_MARK}*"
# specks the English model reads as signs beside a reference's slash (``๖๗๑๗)/``, ``/)ว``)
_SPECK = "[)(|!']"
_REF = re.compile(
    rf"^(?P<code>{MINISTRY_CODE}) ?(?P<office>{_NUM}+(?:-?[.,]-?{_NUM}+)?)"
    rf"(?:(?P<before>{_SPECK}(?=/))?(?P<sep>/|\||เ(?=[วจ])|\[(?=[วจ])|\((?={_NUM})|(?=\)\s))"
    rf"(?P<stray>(?<=/){_SPECK}(?=[วจ]))?"
    rf"(?P<letter>[วจ](?={_MARK}*\.?\s?{_NUM})|[9210)?](?=\s{_NUM})|[)?](?={_NUM})"
    rf"|0(?={_NUM}{{3}})|)"
    rf"(?P<speck>(?<=[วจ]){_MARK}+)?"
    rf"(?P<stop>(?<=[วจ])\.)?\s?(?P<run>{_NUM}+))?$"
)
# an office number of four digits (the standard's, with its unit if it has one) and one more,
# then a gap and the running number: the slash and its letter read as one digit-like glyph
_SLASH_AS_DIGIT = re.compile(
    rf"^(?P<office>{MINISTRY_CODE} ?[0-9]{{4}}(?:\.[0-9])?)"
    rf"(?P<sign>[029])(?P<gap>\s?)(?P<run>[0-9]{{3,}})$"
)
# a code's first letter and a digit for its second (``ย8``), the office number after it
_DIGIT_IN_CODE = re.compile("^([\u0e01-\u0e2e])[0-9](?= ?[0-9])")
# a code read with a vowel or a sign between its two letters (a speck the Thai model read:
# ``กาษ``; or the English one: ``ก(ต``)
_VOWEL_IN_CODE = re.compile(
    "^([\u0e01-\u0e2e])[\u0e30\u0e32\u0e33\u0e40-\u0e44()|!'\"]([\u0e01-\u0e2e])(?= ?[0-9])"
)
# a code read with a letter too many (a speck read as one, or ธ's raised head: ``นวรี`` for นร,
# ``สฮธ`` for สธ; seeds 80 and 81), marks on any of them
_LETTER_IN_CODE = re.compile(
    f"^([\u0e01-\u0e2e]){_MARK}*([\u0e01-\u0e2e]){_MARK}*([\u0e01-\u0e2e]){_MARK}*(?= ?[0-9])"
)


def _one_letter_dropped(m: re.Match[str] | None) -> str | None:
    """The one known ministry code the three letters ``m`` read make with one left out, if
    exactly one is."""
    if m is None:
        return None
    a, b, c = m[1], m[2], m[3]
    known = {x + y for x, y in ((a, b), (a, c), (b, c))} & MINISTRY_CODES
    return next(iter(known)) if len(known) == 1 else None


# a consonant with its vowel or mark at the very end: residue of the leader, not a digit
_RESIDUE = re.compile("[\u0e01-\u0e2e][\u0e30-\u0e3a\u0e47-\u0e4e]+$")


@dataclass
class Reference:
    value: str
    reasons: list[str] = field(default_factory=list)

    @property
    def mended(self) -> bool:
        return bool(self.reasons)


def _digits(part: str) -> str:
    return "".join(_DIGIT_FOR_LETTER.get(c, c) for c in part)


# letters the engine reads one for the other (a loop, a tail or a notch apart; ธ's raised
# head read as a mark over ง, ฉ, ฮ, ว, อ or จ: ``ยงิ``, ``วิฉี``, ``วฮ์``, ``ยวิ``, ``วอี``,
# ``สีจิ`` for ยธ, วธ and สธ); and ธ the English model reads as 5 or 8, as in dates (``ส5`` for
# สธ); ธ read as ช, its head on the other side (``ยช`` for ยธ, 200 dpi, seed 93: ยธ and ตช
# are both a letter from it)
_CONFUSABLE = frozenset(
    frozenset(p) for p in "ธร ธถ ธง ธฉ ธฮ ธว ธอ ธจ ธช ถภ ทห ดค บป ผฝ พฟ ขช ซช ธ5 ธ8".split()
)


def snap_code(code: str) -> str | None:
    """The one known ministry code a letter away from ``code``, if there is exactly one; of
    several, the one whose letter the engine is known to misread as the one read (``วถ``:
    ``วธ`` rather than ``วท``)."""
    if len(code) != 2:
        return None
    near = [c for c in MINISTRY_CODES if sum(a != b for a, b in zip(c, code, strict=True)) == 1]
    if len(near) > 1:
        near = [
            c
            for c in near
            if any(frozenset((a, b)) in _CONFUSABLE for a, b in zip(c, code, strict=True) if a != b)
        ]
    return near[0] if len(near) == 1 else None


def normalise_reference(text: str) -> Reference:
    """``กห ๘๘๘๖/ว ๘๓๑๗`` → ``กห 8886/ว 8317``; mends are listed in ``reasons``. A reference
    that does not have the expected shape is returned as read (digits made Arabic)."""
    flat = " ".join(to_arabic_digits(text).split())
    residue = _RESIDUE.search(flat)
    if residue is not None and residue.start() > 0 and flat[residue.start() - 1].isdigit():
        flat = flat[: residue.start()]
    else:
        residue = None
    digit_code = _DIGIT_IN_CODE.match(flat)
    # (the known codes one letter from it are those that start with its letter)
    snapped = snap_code(digit_code[0]) if digit_code is not None else None
    if digit_code is not None and snapped is not None:
        flat = snapped + flat[digit_code.end() :]
    else:
        digit_code = None
    vowel = _VOWEL_IN_CODE.match(flat)
    if vowel is not None and vowel[1] + vowel[2] in MINISTRY_CODES:
        flat = vowel[1] + vowel[2] + flat[vowel.end() :]
    else:
        vowel = None
    # (not where the reading parses as it is: ``มทต๒๑๐`` is มท and ๓๒๑๐, its ๓ read ต)
    extra = _LETTER_IN_CODE.match(flat) if vowel is None and not _REF.match(flat) else None
    dropped = _one_letter_dropped(extra)
    if extra is not None and dropped is not None:
        flat = dropped + flat[extra.end() :]
    else:
        extra = None
    m = _REF.match(flat)
    tail = None
    merged = _SLASH_AS_DIGIT.match(flat) if m is None or _too_long(m) else None
    if merged is not None:  # ``นร ๑๕๑๕๐ ๒๕๖๙``: the office's four digits, then the slash and ว
        flat = f"{merged['office']}/ว{merged['gap']}{merged['run']}"
        m = _REF.match(flat)
    if m is None:
        m, tail = _before_tail(flat)
    if m is None:
        code = flat.split(" ")[0] if flat else ""
        doubts = [] if code in MINISTRY_CODES else [f"unknown ministry code {code!r}"]
        # letters among the digits (a digit the OCR could not read) or no number at all
        doubts.append("not the shape of a reference number (code, number, / and letter)")
        return Reference(flat, doubts)
    reasons: list[str] = []
    if digit_code is not None:
        reasons.append(f"ministry code read as {digit_code[0]!r}, taken as {m['code']!r}")
    if vowel is not None:
        reasons.append(f"ministry code read as {vowel[0]!r}, the sign between its letters dropped")
    if extra is not None:
        reasons.append(
            f"ministry code read as {extra[0]!r}, a letter too many, taken as {m['code']!r}"
        )
    if merged is not None:
        reasons.append(f"slash and letter read as {merged['sign']!r}, taken as '/ว'")
    elif _too_long(m):
        reasons.append("no slash, and nine digits or more in one number")
    code = m.group("code")
    bare = re.sub(_MARK, "", code)
    if bare != code:  # a code is two bare letters: a mark on one is a stray stroke or speck
        reasons.append(f"marks dropped from the ministry code {code!r}")
        code = bare
    if code not in MINISTRY_CODES:
        snapped = snap_code(code)
        if snapped is not None:
            reasons.append(f"ministry code read as {code!r}, taken as {snapped!r}")
            code = snapped
        else:
            reasons.append(f"unknown ministry code {code!r}")
    office = m.group("office")
    if "-" in office:  # a speck by the unit's stop (``๘๒๒๔-.๕``)
        reasons.append("dash by the stop in the office number dropped")
        office = office.replace("-", "")
    if "," in office:  # the unit's stop misread (``๙๐๖๓,๖๒๒๙๙``)
        reasons.append("stop in the office number read as ','")
        office = office.replace(",", ".")
    value = f"{code} {_digits(office)}"
    if m.group("sep") is not None:
        if m.group("sep") == "":  # ``๙๑๑๑) ๓๙๙๔``: one sign for the slash and its letter
            reasons.append("slash lost")
        elif m.group("sep") != "/":
            reasons.append(f"slash read as {m.group('sep')!r}")
        if m.group("before"):  # a speck before the slash (``๖๗๑๗)/๕๙๗๙``)
            reasons.append(f"dropped {m.group('before')!r} before the slash")
        if m.group("stray"):  # a speck between the slash and its letter (``/)ว``)
            reasons.append(f"dropped {m.group('stray')!r} after the slash")
        letter = m.group("letter")
        if letter and letter not in "วจ":  # a sign the regex takes for the letter
            reasons.append(f"letter 'ว' read as {letter!r}")
            letter = "ว"
        if m.group("speck"):  # the letter bare too (``วิ๕๐๓๕``, ``จุ ๓๕๘๑``: a speck on it)
            reasons.append(f"marks dropped from the letter {letter + m.group('speck')!r}")
        after = m.end("speck") if m.group("speck") else m.end("letter")
        gap = " " if letter and after < len(flat) and flat[after] == " " else ""
        if m.group("stop"):  # a speck between the letter and the number (จ.2145)
            reasons.append(f"stop after the letter {letter!r} taken for a space")
            gap = " "
        value += f"/{letter}{gap}{_digits(m.group('run'))}"
        numbers = office + m.group("run")
    else:
        numbers = office
    if any(c in _DIGIT_FOR_LETTER for c in numbers):
        reasons.append("letters in the number taken as the digits they stand for")
    if residue is not None:
        reasons.append(f"dropped {residue.group(0)!r} after the number")
    if tail is not None:
        reasons.append(f"dropped {tail!r} after the number")
    return Reference(value, reasons)


def _too_long(m: re.Match[str]) -> bool:
    """A reference read with no slash and nine digits or more in one run (``อว ๔๑๖๕๐๒๕๔๘``):
    no standard shape, and the shape of an office's four digits, the slash and ว read as one
    digit, and the running number run together."""
    office = m.group("office")
    return m.group("sep") is None and "." not in office and "," not in office and len(office) >= 9


def _before_tail(flat: str) -> tuple[re.Match[str] | None, str | None]:
    """A whole reference (its running number three digits or more) followed, after a space, by
    what is no part of one (``กค 6929.9/จ 1333 ฏ7ฏภ``, ``สธ 3878/ว 9009 ., 7``: specks and
    leader dots read as signs): the reference's match and the tail. Digits alone after a space
    may be the running number's own, split by a gap: they are no tail."""
    tokens = flat.split(" ")
    for k in range(len(tokens), 1, -1):
        head, tail = " ".join(tokens[:k]), " ".join(tokens[k:])
        # (signs glued to the number's end are no part of it: ``๕๖๖๐)``, ``๑๓๑๓.``)
        glued = _GLUED_SIGNS.search(head)
        for h, t in (
            (head, tail),
            *([(head[: glued.start()], f"{glued[0]} {tail}")] if glued else []),
        ):
            m = _REF.match(h)
            t = t.strip()
            if m is not None and len(m.group("run") or "") >= 3 and re.search("[^0-9 ]", t):
                return m, t
    return None, None


_GLUED_SIGNS = re.compile(r"(?<=[0-9])[^\w\s/]+$")
