"""Memo (บันทึกข้อความ) fields, signature blocks, received stamps and routing annotations."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import numpy as np

from pipeline.data import data_lines
from pipeline.extract.labels import find_label, starts_with_label, strip_leaders
from pipeline.model import (
    BBox,
    Document,
    Field,
    Line,
    Page,
    Region,
    RegionKind,
    ReviewItem,
    bbox_area,
    bbox_inside,
    bbox_intersection,
    bbox_union,
)
from pipeline.options import Options
from pipeline.thai.dates import (
    find_date,
    find_month,
    parse_date,
    parse_written_date,
    parse_written_time,
)
from pipeline.thai.digits import to_arabic_digits
from pipeline.thai.names import correct_name, listed_parts, loose_letters, title_guessed
from pipeline.thai.reference import normalise_reference
from pipeline.thai.repair import MARK, normalise_value
from pipeline.thai.words import PHONE_LABEL_BODY, PHONE_LABEL_MISREAD, unknown_words
from pipeline.thai.words import skeleton as word_skeleton

HEADER_FRACTION = 0.5  # header labels are looked for in the top half of the first page


def _field(
    text: str, value: object, line: Line, page: int, reason: str | None = None, penalty: float = 1.0
) -> Field:
    return Field(
        text=text,
        value=value,
        confidence=round(line.confidence * penalty, 4),
        page=page,
        bbox=line.bbox,
        reason=reason,
    )


# a group of a phone's the English model read with the letters it takes 0 and 1 for (``Ol 143
# 3310``, ``OI``: 01): O and o, and l, I and | standing for 1, in a group of those and digits
_LETTER_DIGITS = str.maketrans("OoIl|", "00111")
_LETTER_GROUP = re.compile(r"(?<!\S)(?=\S*[OoIl|])[0-9OoIl|]{2,}(?!\S)")


def phone_digits(text: str) -> str | None:
    """``โทร. ๐ ๒๑๒๓ ๔๕๖๗ ต่อ ๑๒`` → ``021234567`` (the first number, without extension).

    >>> phone_digits("Ol 143 3310")
    '011433310'
    """
    t = _LETTER_GROUP.sub(lambda m: m.group(0).translate(_LETTER_DIGITS), to_arabic_digits(text))
    # the first part that holds digits: specks before the number (``, 0;9613``) are not a part
    parts = [p for p in re.split(r"ต่อ|ext|,|/|หรือ", t) if re.search(r"\d", p)]
    digits = re.sub(r"\D", "", parts[0]) if parts else ""
    # ... and a comma glued between two digits, in a number too short to end there, is a
    # space or hyphen misread (``๐๑ ๗๐๑,๒๕๕๗``); a comma between two whole numbers stays
    glued = re.search(r"(?<=\d),(?=\d)", t)
    if glued and len(parts) > 1 and len(digits) < PHONE_MIN_DIGITS:
        joined = digits + re.sub(r"\D", "", parts[1])
        if len(joined) <= PHONE_MAX_DIGITS and t.find(parts[1]) == glued.end():
            digits = joined
    return digits or None


PHONE_MIN_DIGITS, PHONE_MAX_DIGITS = 9, 10  # a Thai number's digits, the leading 0 with them


def check_phone(value: str | None) -> tuple[str | None, str | None]:
    """(number, reason to doubt it): a Thai number has 9 or 10 digits and starts with 0 (a
    first ๐ the engine read as ๑ is put back, and said); ten are a mobile's (``๐ ๐๒๗๑๔
    ๙๐๘๘``: a landline's nine and a digit too many)."""
    if value is None or not PHONE_MIN_DIGITS <= len(value) <= PHONE_MAX_DIGITS:
        return value, "phone number has an unusual length"
    if value[0] == "1":
        return "0" + value[1:], "first digit read as 1: a Thai number starts with 0"
    if len(value) == PHONE_MIN_DIGITS and value[0] in "689":
        # a landline's leading 0 misread (a stamp's frame along its top: ``6 1773 9923``); a
        # mobile's 0 lost would leave the same nine digits, so it is said either way
        return "0" + value[1:], f"first digit read as {value[0]}: a Thai number starts with 0"
    if value[0] != "0":
        return value, "a Thai number starts with 0"
    if len(value) == PHONE_MAX_DIGITS and value[:2] not in MOBILE_PREFIXES:
        return value, "a ten-digit number is a mobile's, which opens 06, 08 or 09"
    return value, None


_LONE_LAST_DIGIT = re.compile(r"(.*\d)\s+\d\W*")


def _before_lone_digit(text: str) -> str | None:
    """The number of a phone read with one digit more, alone after its groups (``05 716 8980
    ๒``: a speck, a pen's mark), where without that digit it is a whole Thai number and with
    it none; None otherwise.

    >>> _before_lone_digit("05 716 8980 ๒")
    '057168980'
    >>> _before_lone_digit("๐ ๒๑๒๓ ๔๕๖ ๗") is None  # nine digits in all: a whole number
    True
    """
    m = _LONE_LAST_DIGIT.fullmatch(to_arabic_digits(text).strip())
    if m is None or check_phone(phone_digits(text))[1] is None:
        return None
    value, reason = check_phone(phone_digits(m.group(1)))
    return value if reason is None else None


MOBILE_PREFIXES = ("06", "08", "09")  # a landline's number has nine digits


def _split_at(text: str, label: str) -> tuple[str, str] | None:
    hit = find_label(text, label)
    if hit is None:
        return None
    return text[: hit[0]], text[hit[1] :]


# (up to six signs: its letters and their marks, a speck read as a sign, ``:ทีรี.``, seed 97)
_PHONE_LABEL = re.compile(r"\s\S{2,6}\.\s*(?=[0-9๐-๙])")
_LABEL_MISREAD = re.compile(f"\\s{PHONE_LABEL_MISREAD}")
_PHONE_TAIL = re.compile(r"([0-9๐-๙][0-9๐-๙\s\-–:;,]{5,}[0-9๐-๙])\s*$")
_LABEL_AT_END = re.compile(f"\\s[เแโใไ]?{PHONE_LABEL_BODY}\\s*$")  # its vowel perhaps lost
# ``ที่`` and the space after it, or ``ที่`` glued to the ministry code (``ทีคค ๖๑๖๘``, a speck
# read as a stop perhaps between them: ``ที่.ศธ``)
_REF_LABEL = re.compile(
    "^[\\s.:]*ท[\u0e31-\u0e3a\u0e47-\u0e4e]*(?:[\\s.:]*\\s|[.:]?(?=[\u0e01-\u0e2e]{2}\\s*[0-9๐-๙]))"
)
BODY_OPENERS = ("ตามที่", "ด้วย", "อ้างถึง", "เนื่องด้วย", "เนื่องจาก", "ตามหนังสือ", "ตามบันทึก")


# (between or before whole words only: ``ก.พ.`` and ``ป.ป.ช.`` keep their stops)
_GLUED_SIGN = re.compile(
    "(?<=[\\u0e01-\\u0e4e]{3})[.,;:](?=[\\u0e01-\\u0e4e]{3})"
    "|(?:^|(?<= ))[.,;:]+(?=[\\u0e01-\\u0e4e]{3})"
)


@lru_cache(maxsize=1)
def _departments() -> dict[str, str]:
    return {word_skeleton(n.replace(" ", "")): n for n in data_lines("departments.txt")}


@lru_cache(maxsize=1)
def _posts() -> dict[str, str]:
    """Recipients' titles by their skeleton: the posts, and each head of a unit with each unit
    or with its kind alone (``ผู้อำนวยการกอง``: the director of the division the memo is for)."""
    posts: dict[str, str] = {}
    units = [*_departments().values(), *UNIT_KINDS]
    for p in data_lines("posts.txt"):
        heads = [p[:-1] + u for u in units] if p.endswith("…") else [p]
        posts.update((word_skeleton(t.replace(" ", "")), t) for t in heads)
    return posts


UNIT_KINDS = ("กอง", "สำนัก", "ศูนย์", "กลุ่มงาน", "กลุ่ม", "ฝ่าย")  # a unit named by its kind


def is_post(text: str) -> bool:
    """Whether ``text`` is a known post or head of a unit (``รองอธิบดี``), give or take marks
    and specks read as signs at its ends (``รองอธิบดี่ '``: a pen note's stroke beside it)."""
    return word_skeleton(_EDGE_SIGNS.sub("", re.sub(r"\s+", "", text))) in _posts()


# signs that are no letter, digit or mark at a text's ends
_EDGE_SIGNS = re.compile(r"^[^\w\u0e01-\u0e4e]+|[^\w\u0e01-\u0e4e]+$")


def _snap_one(token: str, known: dict[str, str], names: list[str], skeletons: list[str]) -> str:
    """``token`` in the known spelling whose skeleton (letters without marks) it has; failing
    that, a long one's single known name at most a letter away (one misread: ``รองอกิบดี``,
    whose seven letters are too few for a tenth of them to differ), or a tenth of its letters;
    else ``token`` itself."""
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import Levenshtein

    sk = word_skeleton(_NOT_THAI.sub("", token))
    if sk in known:
        return known[sk]
    if len(token) < 8:
        return token
    near = process.extract(sk, skeletons, scorer=fuzz.ratio, score_cutoff=90, limit=2)
    if len(near) == 1 or (len(near) == 2 and near[0][1] - near[1][1] >= 5):
        return names[near[0][2]]
    one_off = process.extract(sk, skeletons, scorer=Levenshtein.distance, score_cutoff=1, limit=2)
    if len(one_off) == 1:
        return names[one_off[0][2]]
    # ... or a letter away once the engine's look-alikes are taken as one (``ฏรมสรรพากว``: ร
    # read as ว; ``กรมบาโม้``: ป's tail lost, ไ read as โ; ``ภายไน``: sara ai's two forms)
    one_off = process.extract(
        loose_letters(sk),
        _loose_skeletons(tuple(skeletons)),
        scorer=Levenshtein.distance,
        score_cutoff=1,
        limit=2,
    )
    if len(one_off) == 1:
        return names[one_off[0][2]]
    return token


_NOT_THAI = re.compile("[^\u0e01-\u0e4e]")


@lru_cache(maxsize=2)  # the departments' and the posts'
def _loose_skeletons(skeletons: tuple[str, ...]) -> list[str]:
    """Each known name's skeleton with the engine's look-alike letters taken as one."""
    return [loose_letters(s) for s in skeletons]


def _without_tail(tokens: list[str]) -> list[str]:
    """What is left of a misread word at the end of a line (a few letters that are no word, a
    stray letter, or specks with no letter or digit at all: ``‘|``) goes."""
    while len(tokens) > 1 and (
        len(tokens[-1]) == 1
        or (len(tokens[-1]) <= 3 and unknown_words(tokens[-1]))
        or not any(c.isalnum() for c in tokens[-1])
    ):
        tokens = tokens[:-1]
    return tokens


def snap_recipients(to: str) -> str:
    """``ผุตรวจราชการกระทรวง`` → ``ผู้ตรวจราชการกระทรวง``: each title of the recipients' line
    takes the known spelling of a post (``posts.txt``) whose letters it has, or that a long
    title is a letter away from; what is no title stays as read."""
    known = _posts()
    return " ".join(_without_tail(_snap_names([t for t in to.split(" ") if t], known)))


def _snap_names(tokens: list[str], known: dict[str, str], min_len: int = 0) -> list[str]:
    """Each run of ``tokens`` whose letters together are a known name (``known``: skeleton →
    spelling) as that name, the longest run first: a name the OCR split at a spurious space
    (``ผู้ อำนวยการสำนักบริหารกลาง``, whose second half alone is a letter or two from the
    whole) or read with a speck glued on (``รองอธิบดี'``, unless ``min_len``); then two
    tokens that are no names, joined, as :func:`_snap_one` snaps them. What is left, token by
    token, snaps as :func:`_snap_one` has it, to the names ``min_len`` long or more."""
    names = [n for n in known.values() if len(n) >= min_len]
    skeletons = [word_skeleton(n) for n in names]
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for j in range(len(tokens), i, -1):
            name = known.get(word_skeleton("".join(tokens[i:j])))
            if name is not None:
                out.append(name)
                i = j
                break
        else:
            pair = tokens[i : i + 2]
            joined = _snap_one("".join(pair), {}, names, skeletons) if len(pair) == 2 else None
            if joined in names and not any(word_skeleton(t) in known for t in pair):
                # (two pieces neither of which is a name, a letter misread too: ``กรมควบคุม เรค``
                # for กรมควบคุมโรค, seed 83)
                out.append(joined)
                i += 2
                continue
            out.append(_snap_one(tokens[i], {} if min_len else known, names, skeletons))
            i += 1
    return out


def snap_department(agency: str) -> str:
    """``กองคลัง กรมควบคูมโรค`` → ``กองคลัง กรมควบคุมโรค``: a unit or department name whose
    letters match a known one but whose marks do not takes the known spelling; so does one with
    a letter misread too (``กรมฏารจัดหางาน``, ``ภายไน``) when exactly one known name is that
    close. Each name of the line is snapped on its own."""
    # a stop or speck glued between names, or before one, is a misread space; what is left
    # of a misread phone label at the end goes
    tokens = [t for t in _GLUED_SIGN.sub(" ", agency).split(" ") if t]
    return " ".join(_without_tail(_snap_names(tokens, _departments(), min_len=8)))


def split_agency_phone(rest: str) -> tuple[str, str | None]:
    """``กองแผนงาน โทร. ๐ ๒๑๒๓ ๔๕๖๗`` → (agency, phone text); the label is often misread
    (``เทร.``, ``Ins.``), so a trailing run of digits counts as the phone too."""
    parts = _split_at(rest, "โทร")
    if parts:
        return strip_leaders(parts[0]), strip_leaders(parts[1].lstrip(". "))
    m = _PHONE_LABEL.search(rest) or _LABEL_MISREAD.search(rest)
    if m:  # a misread label (เทร., Lng.): a short dotted word with digits after it, or the
        # label with its vowel misread before a number the engine could not read
        return strip_leaders(rest[: m.start()]), strip_leaders(rest[m.end() :])
    m = _PHONE_TAIL.search(rest)
    if not m:
        # the label alone at the end, its vowel lost, its number lost under a stamp (``ทร.``)
        return strip_leaders(_LABEL_AT_END.sub("", rest)), None
    head = rest[: m.start()].rstrip()
    tokens = head.split(" ")
    if (
        len(tokens) > 1
        and len(tokens[-1]) <= 6
        and (tokens[-1].endswith(".") or not _is_thai_word(tokens[-1]))
    ):
        head = " ".join(tokens[:-1])  # the misread "โทร." label
    return strip_leaders(head), strip_leaders(m.group(1))


def _is_thai_word(tok: str) -> bool:
    return all("\u0e01" <= c <= "\u0e4e" for c in tok) and len(tok) >= 2


def split_reference_date(rest: str) -> tuple[str, str | None]:
    """``มท ๐๘๐๓/ว ๑๒๓๔ วันที่ ๑๔ ธันวาคม ๒๕๖๕`` → (reference, date text). Where the ``วันที่``
    label is misread (``Jun``), the date is found by its own shape."""
    parts = _split_at(rest, "วันที่")
    if parts and any(c.isdigit() for c in to_arabic_digits(parts[0])):
        ref, date_text = parts[0], parts[1]
    else:
        span = find_date(rest) or _month_after_number(rest)
        if span is None:
            ref, date_text = rest, None
        else:
            ref, date_text = rest[: span[0]], rest[span[0] :]
    tokens = strip_leaders(ref).split(" ")
    while len(tokens) > 1 and not any(c.isdigit() for c in to_arabic_digits(tokens[-1])):
        tokens.pop()  # a reference ends with its running number: drop misread label residue
    if len(tokens) > 2 and len(tokens[-1]) == 1 and to_arabic_digits(tokens[-2])[-1:].isdigit():
        tokens.pop()  # a lone digit after a whole number is a dot of the leader (not ว ๗)
    # ... and with a digit: a comma, stop or colon after it is specks or the leader's residue
    ref = " ".join(tokens).rstrip(" ,.;:'\"|")
    return ref, (strip_leaders(date_text) if date_text is not None else None)


def _month_after_number(text: str) -> tuple[int, int] | None:
    """A month name after the reference number (a day the OCR mangled still leaves the month);
    never the ministry code itself (กค is also an abbreviation of กรกฎาคม)."""
    digits = [i for i, c in enumerate(to_arabic_digits(text)) if c.isdigit()]
    if not digits:
        return None
    span = find_month(text[digits[0] :])
    return (span[0] + digits[0], span[1] + digits[0]) if span else None


# a sign standing alone at the end of a subject: a speck or a leader's stroke (``ไตรมาส -``)
_TRAILING_SPECK = re.compile(r"\s+[-–_,;:|'\"`~^]{1,2}$")
_CODE = re.compile("[\u0e01-\u0e2e]{2}$")


def _reference_rest(text: str) -> str | None:
    """The reference line: ``ที่`` + a ministry code and a number, often with the date after.

    The English model often takes the short ``ที่`` (``it,``, ``ii,``, ``71M``): a line that
    carries a date or ``วันที่`` and a number is taken, its first token dropped if it is not a
    ministry code.
    """
    if m := _REF_LABEL.match(text):
        return text[m.end() :]
    has_digits = any(c.isdigit() for c in to_arabic_digits(text))
    if not has_digits or (find_label(text, "วันที่") is None and find_date(text) is None):
        return None
    tokens = text.strip().split(" ")
    if len(tokens) > 1 and not _CODE.match(tokens[0]) and len(tokens[0]) <= 4:
        return " ".join(tokens[1:])
    return text


# words of the posts a memo is addressed to (อธิบดี, ผู้อำนวยการกอง, ปลัดกระทรวง …, and ผ่าน
# before the next one up)
_POST_WORDS = (
    "อธิบดี",
    "ผู้อำนวยการ",
    "ปลัด",
    "หัวหน้า",
    "เลขา",
    "ผู้ตรวจ",
    "รัฐมนตรี",
    "ผู้ว่า",
    "นายก",
    "ประธาน",
    "ผู้บัญชาการ",
    "อธิการบดี",
    "คณบดี",
    "ผ่าน",
)


def _names_a_post(text: str) -> bool:
    sk = word_skeleton(text)
    return any(word_skeleton(w) in sk for w in _POST_WORDS)


def extract_header(doc: Document, page: Page) -> None:
    """Header fields in their printed order: agency/phone, reference/date, subject, recipients."""
    lines = [ln for ln in page.typed_lines() if ln.bbox[1] < page.height * HEADER_FRACTION]
    f: dict[str, Field | None] = {
        k: None for k in ("agency", "phone", "reference", "date", "subject", "to")
    }
    med_h = float(np.median([ln.bbox[3] - ln.bbox[1] for ln in lines])) if lines else 1.0
    subject_left = 0
    past_to_slot = False
    # nothing of the header is printed above ส่วนราชการ but the title: a received stamp's
    # line there read as typed (``ม =@= ษ วันที่ 19 ธนคล 66``) is no reference and no date
    first = next(
        (i for i, ln in enumerate(lines) if starts_with_label(ln.text, "ส่วนราชการ") is not None),
        0,
    )
    for i, ln in enumerate(lines):
        if i < first:
            continue
        text = ln.text
        if f["agency"] is None and (k := starts_with_label(text, "ส่วนราชการ")) is not None:
            agency_text, phone_text = split_agency_phone(text[k:])
            f["agency"] = _field(
                agency_text, snap_department(normalise_value(agency_text)), ln, page.number
            )
            if phone_text is not None:
                value, reason = check_phone(phone_digits(phone_text))
                if reason is not None and (whole := _before_lone_digit(phone_text)) is not None:
                    value, reason = whole, "a lone digit after the number left out"
                if reason is None and _LETTER_GROUP.search(to_arabic_digits(phone_text)):
                    reason = "letters read for digits (O for 0, l or I for 1)"
                f["phone"] = _field(
                    phone_text, value, ln, page.number, reason, 1.0 if reason is None else 0.5
                )
            continue
        before_subject = f["subject"] is None
        if (
            before_subject
            and f["reference"] is None
            and (rest := _reference_rest(text)) is not None
        ):
            ref_text, date_text = split_reference_date(rest)
            if any(c.isdigit() for c in to_arabic_digits(ref_text)):
                ref = normalise_reference(normalise_value(ref_text))
                reason = "; ".join(ref.reasons) or None
                f["reference"] = _field(
                    ref_text, ref.value, ln, page.number, reason, 1.0 if reason is None else 0.7
                )
                if date_text is not None and f["date"] is None:
                    f["date"] = _date_field(date_text, ln, page.number)
                continue
        if (
            before_subject
            and f["date"] is None
            and (k := starts_with_label(text, "วันที่")) is not None
        ):
            f["date"] = _date_field(strip_leaders(text[k:]), ln, page.number)
            continue
        if (
            before_subject
            and f["date"] is None
            and (ref_field := f["reference"]) is not None
            and _right_on_row(ln.bbox, ref_field.bbox)
            and (parts := _split_at(text, "วันที่")) is not None
        ):
            # the reference line's date half read as a line of its own, the leader's residue
            # before its label (``ก)    วันที่ 26 ธันวาคม 2562``)
            f["date"] = _date_field(strip_leaders(parts[1]), ln, page.number)
            continue
        if f["subject"] is None and (k := starts_with_label(text, "เรื่อง")) is not None:
            subj = strip_leaders(text[k:])
            value = _TRAILING_SPECK.sub("", normalise_value(subj))
            f["subject"] = _field(subj, value, ln, page.number)
            subject_left = ln.bbox[0]
            continue
        # the first line at the margin after the subject is where the recipient stands: there
        # its label may have a letter misread (เวียน) when a position follows; nowhere is it
        # the closing formula (จึงเรียนมาเพื่อ…)
        at_margin = f["subject"] is not None and abs(ln.bbox[0] - subject_left) < page.dpi / 5
        to_slot = at_margin and not past_to_slot and _names_a_post(text)
        past_to_slot = past_to_slot or at_margin
        if (
            f["to"] is None
            and not text.lstrip().startswith("จึง")
            and (k := starts_with_label(text, "เรียน", 70 if to_slot else 80)) is not None
        ):
            parts_to = [strip_leaders(text[k:])]
            used = [ln]
            indent_limit = ln.bbox[0] + page.dpi * 2.0 / 2.54  # the body indents 2.5 cm
            for nxt in lines[i + 1 :]:
                gap = nxt.bbox[1] - used[-1].bbox[3]
                opener = nxt.text.lstrip(" ',|.:;!\"-").startswith(BODY_OPENERS)
                long_line = nxt.bbox[2] - nxt.bbox[0] > 0.6 * page.width  # recipients are short
                if gap > med_h * 0.8 or nxt.bbox[0] > indent_limit or opener or long_line:
                    break
                parts_to.append(strip_leaders(nxt.text))
                used.append(nxt)
            joined = " ".join(p for p in parts_to if p)
            conf = float(np.mean([u.confidence for u in used]))
            f["to"] = Field(
                text=joined,
                value=snap_recipients(normalise_value(joined)),
                confidence=round(conf, 4),
                page=page.number,
                bbox=bbox_union([u.bbox for u in used]),
            )
    doc.fields = f


def _right_on_row(box: BBox, of: BBox | None) -> bool:
    """Whether ``box`` stands right of ``of`` on its row (their heights overlap by half)."""
    if of is None:
        return False
    overlap = min(box[3], of[3]) - max(box[1], of[1])
    return box[0] >= of[2] and overlap >= 0.5 * min(box[3] - box[1], of[3] - of[1])


def _date_field(text: str, line: Line, page: int) -> Field:
    res = parse_date(text)
    if res.value is None:
        return _field(text, None, line, page, res.reason, 0.3)
    if res.reason:  # a value with a doubt (a repaired year): below any review threshold
        return _field(text, res.value, line, page, res.reason, 0.5)
    return _field(text, res.value, line, page)


TITLES = ("นางสาว", "นาย", "นาง", "ว่าที่ร้อยตรี", "ดร.")
# what stands for a lost opening parenthesis before the title: a sign or a mark that is no
# letter nor a leading vowel (``1นางนภาพร สุขเจริญ)``, ``ันางธีระ มีสุข)``)
_OPENING = re.compile(r"^\s*[^\u0e01-\u0e2e\u0e40-\u0e44\s]{0,2}\s*")
_NAME_LINE = re.compile(r"^[^\u0e01-\u0e4e(]{0,3}\((?P<name>[^()]{3,})\)?[^\u0e01-\u0e4e]{0,3}$")


def signer_name(text: str) -> str | None:
    """The name inside a signature block's ``(นายสมชาย ใจดี)`` line, tolerant of a lost or
    misread parenthesis (the opening one read as a digit or a mark before the title); None
    when the line is not such a line."""
    # what follows the closing parenthesis without a Thai letter is residue (a leader, specks)
    t = re.sub(r"(?<=\))[^\u0e01-\u0e4e0-9๐-๙]*$", "", text.strip())
    # a parenthesis between the two is a signature's stroke left where its crossing was cleared
    # (``(นา )นภาพร ร์กไทย)``: the ย under it): a gap
    inner = re.fullmatch(r"(\S{0,2}\()(.{3,})(\)\S{0,2})", t)
    if inner is not None and re.search("[()]", inner[2]):
        t = inner[1] + re.sub(r"\s*[()]\s*", " ", inner[2]) + inner[3]
    m = _NAME_LINE.match(t)
    if m:
        name = m.group("name").strip()
    elif t.endswith(")") and "(" not in t:
        bare = _OPENING.sub("", t[:-1]).strip()
        # (a stroke across the title read as a mark on it: ``'น๊างวิชัย มีสุข)``; or a title
        # with a letter misread, before listed names: ``ฎางธิระ ไจดี)``)
        if not MARK.sub("", bare[:8]).startswith(TITLES) and listed_parts(bare) < 3:
            return None
        name = bare
    else:
        return None
    return re.sub("^นาง\\s+สาว", "นางสาว", name)  # a title the OCR split


def extract_signatures(doc: Document, pages: list[Page]) -> None:
    laid_out = [
        (page, [r for r in page.regions if r.kind == RegionKind.SIGNATURE], page.typed_lines())
        for page in pages
    ]
    found = 0
    for page, sig_regions, lines in laid_out:
        for i, ln in enumerate(lines):
            following = lines[i + 1] if i + 1 < len(lines) else None
            found += _add_signer(doc, page, ln, following, sig_regions, crossed=False)
    if found:
        return
    # no typed name line in the memo: a signature drawn across it can make the whole line look
    # handwritten; a line in parentheses that holds a title and a name is taken, doubtfully
    for page, sig_regions, lines in laid_out:
        for r in page.regions:
            if r.kind != RegionKind.HANDWRITTEN:
                continue
            for ln in r.lines:
                half = (ln.bbox[3] - ln.bbox[1]) // 2
                below = [t for t in lines if t.bbox[1] >= ln.bbox[3] - half]
                following = min(below, key=lambda t: t.bbox[1], default=None)
                _add_signer(doc, page, ln, following, sig_regions, crossed=True)


# a name line read through a signature, or whose title was a guess (its last letter unreadable,
# the given name's sex chose it): always to review
CROSSED_NAME_CONF = 0.5


def _add_signer(
    doc: Document,
    page: Page,
    ln: Line,
    following: Line | None,
    sig_regions: list[Region],
    crossed: bool,
) -> int:
    """Record the signer whose ``(name)`` line ``ln`` is, with the position on the line after
    it; 1 when it is such a line, else 0. A ``crossed`` line (read as handwriting) counts only
    when its name has a title."""
    name_text = signer_name(ln.text)
    if name_text is None or ln.bbox[1] < page.height * 0.25:
        return 0
    as_read = normalise_value(name_text)
    name = correct_name(as_read)
    if crossed and not (name.startswith(TITLES) and len(name.split()) >= 2):
        return 0
    position = ""
    boxes = [ln.bbox]
    h = ln.bbox[3] - ln.bbox[1]
    if following is not None and 0 <= following.bbox[1] - ln.bbox[3] < h * 1.2:
        position = normalise_value(following.text)
        boxes.append(following.bbox)
    above = [
        r
        for r in sig_regions
        # the signature sits above the name, often with strokes down across it
        if ln.bbox[1] - r.bbox[3] < h * 3
        and r.bbox[1] < ln.bbox[1]
        and r.bbox[3] < ln.bbox[3] + h
        and r.bbox[2] > ln.bbox[0] - h * 2
        and r.bbox[0] < ln.bbox[2] + h * 2
    ]
    boxes.extend(r.bbox for r in above)
    doc.signatures.append(
        {
            "name": name,
            "name_as_read": as_read,
            "position": position,
            "confidence": (
                min(ln.confidence, CROSSED_NAME_CONF)
                if crossed or title_guessed(as_read)
                else ln.confidence
            ),
            "page": page.number,
            "bbox": list(bbox_union(boxes)),
            "signed": bool(above) or crossed,
        }
    )
    return 1


# a received stamp's number: after its label, digits and the letters a pen's digits read as
# beside them (``7O44``, ``BO86``); groups apart by a space, a stop or a sign (``92 57``,
# ``86.36``, ``8%973``: the pen's strokes stood apart) are joined while the number keeps to
# four figures (the stamps' book is numbered so: a fifth is a speck or a mark read as one,
# ``86.36 9``); a group of five or six figures stands alone
_STAMP_LABEL = re.compile(r"(?:เลข\s*รับ|รับ)\D{0,6}?(?=[0-9๐-๙OB])")
_STAMP_GROUP = re.compile(r"[ .%]?(?P<g>[0-9๐-๙OB]+)")
_PEN_DIGITS = str.maketrans({"O": "0", "B": "8"})
STAMP_NUMBER_JOINED = 4


def stamp_number(text: str) -> str | None:
    """The received stamp's number in ``text`` (its lines read together), or None."""
    m = _STAMP_LABEL.search(text)
    if m is None:
        return None
    number, read, at = "", "", m.end()
    while (g := _STAMP_GROUP.match(text, at)) is not None:
        digits = to_arabic_digits(g["g"]).translate(_PEN_DIGITS)
        if number and len(number) + len(digits) > STAMP_NUMBER_JOINED:
            break
        number, read, at = number + digits, read + g["g"], g.end()
    if not any(c not in "OB" for c in read) or not 0 < len(number) <= 6:
        return None  # (letters alone are no number)
    return number


STAMP_VALUES = ("number", "date", "time")  # a received stamp's values (the bench scores these)
STAMP_NESTED = 0.9  # the share of a stamp's box inside another's that makes them one stamp


def _stamp_reading(r: Region, page: int) -> dict[str, Any]:
    """A received stamp's values as its region read."""
    text = r.text
    date_part = _split_at(text, "วันที่")
    time_part = _split_at(text, "เวลา")
    d = parse_written_date(date_part[1] if date_part else text)
    t = parse_written_time(time_part[1] if time_part else text)
    return {
        "kind": "received",
        "text": normalise_value(text),
        "number": stamp_number(text),
        "date": d.value,
        "time": t.value,
        # values inside the stamp are handwritten: read them, but never claim certainty
        "confidence": round(min(r.confidence, 0.5), 4),
        "page": page,
        "bbox": list(r.bbox),
        "reasons": {"date": d.reason, "time": t.reason},  # (a value's doubt, by value)
    }


def _one_stamp(stamps: list[Region]) -> list[list[Region]]:
    """The page's stamp regions by the stamp they are: a region lying within a larger one
    (its frame inside the box of its coloured ink, both found) is that stamp read again.
    Each group's largest region first; the groups in the page's order."""
    order = {id(r): i for i, r in enumerate(stamps)}
    groups: list[list[Region]] = []
    for r in sorted(stamps, key=lambda r: -bbox_area(r.bbox)):
        outer = next(
            (
                g
                for g in groups
                if bbox_intersection(r.bbox, g[0].bbox) > STAMP_NESTED * bbox_area(r.bbox)
            ),
            None,
        )
        if outer is None:
            groups.append([r])
        else:
            outer.append(r)
    return sorted(groups, key=lambda g: order[id(g[0])])


def _merged_stamp(readings: list[dict[str, Any]]) -> dict[str, Any]:
    """One stamp from its readings (the largest region's first): each value, with its doubt,
    from the first reading that has it; where two readings disagree, the review item says so."""
    out = dict(readings[0])
    reasons: list[str] = []
    for k in STAMP_VALUES:
        found = [x for x in readings if x[k] is not None]
        chosen = found[0] if found else readings[0]
        out[k] = chosen[k]
        reasons.extend(filter(None, [chosen["reasons"].get(k)]))
        read = list(dict.fromkeys(x[k] for x in found))
        if len(read) > 1:
            reasons.append(f"the stamp read twice gives its {k} as {' or '.join(read)}")
    out["reasons"] = reasons
    return out


def extract_stamps_and_annotations(doc: Document, pages: list[Page], options: Options) -> None:
    for page in pages:
        stamps = [r for r in page.regions if r.kind == RegionKind.STAMP]
        for group in _one_stamp(stamps):
            doc.stamps.append(_merged_stamp([_stamp_reading(r, page.number) for r in group]))
        for r in page.regions:
            if r.kind == RegionKind.HANDWRITTEN:
                if any(bbox_inside(r.bbox, s.bbox, 15) for s in stamps):
                    continue
                doc.annotations.append(
                    {
                        "kind": "note",
                        "text": normalise_value(r.text),
                        "confidence": round(min(r.confidence, 0.5), 4),
                        "page": page.number,
                        "bbox": list(r.bbox),
                    }
                )
            elif r.kind == RegionKind.SIGNATURE and not any(
                bbox_inside(r.bbox, tuple(s["bbox"]), 15)
                for s in doc.signatures
                if s["page"] == page.number  # type: ignore[arg-type]
            ):
                doc.annotations.append(
                    {
                        "kind": "signature",
                        "text": "",
                        "confidence": round(r.confidence, 4),
                        "page": page.number,
                        "bbox": list(r.bbox),
                    }
                )


def consistency(doc: Document, threshold: float) -> None:
    """Review items: missing or doubtful fields, impossible dates, stamps before the memo date."""
    for name, fld in doc.fields.items():
        path = f"fields.{name}"
        if fld is None:
            doc.review.append(ReviewItem(path, 0.0, f"{name} not found"))
        elif fld.value is None:
            doc.review.append(
                ReviewItem(path, fld.confidence, fld.reason or "value could not be normalised")
            )
        elif fld.reason:
            doc.review.append(ReviewItem(path, fld.confidence, fld.reason))
        elif fld.confidence < threshold:
            doc.review.append(ReviewItem(path, fld.confidence, "low OCR confidence"))
    memo_date = doc.fields.get("date")
    for i, s in enumerate(doc.stamps):
        path = f"stamps[{i}]"
        reasons = list(s.pop("reasons", []))
        if memo_date and memo_date.value and s.get("date") and s["date"] < memo_date.value:
            reasons.append(f"stamp date {s['date']} is before the memo date {memo_date.value}")
        if s.get("date") is None:
            reasons.append("received date not read")
        doc.review.append(
            ReviewItem(path, s["confidence"], "; ".join(reasons) or "handwritten stamp values")
        )
    for i, sig in enumerate(doc.signatures):
        if sig["confidence"] < threshold:
            reason = "signer's name line doubtful (a signature across it, or a low reading)"
            doc.review.append(ReviewItem(f"signatures[{i}]", sig["confidence"], reason))
    for i, a in enumerate(doc.annotations):
        doc.review.append(
            ReviewItem(f"annotations[{i}]", a["confidence"], f"handwritten {a['kind']}")
        )


def extract_memo(doc: Document, pages: list[Page], options: Options) -> None:
    extract_header(doc, pages[0])
    extract_signatures(doc, pages)
    extract_stamps_and_annotations(doc, pages, options)
    consistency(doc, options.review_threshold)
