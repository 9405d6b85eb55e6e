"""One page through the stages: geometry → layout → OCR → repair → regions.

``process_page`` is a pure function of the decoded page, the engine and the options; its result
(a :class:`~pipeline.model.Page`) holds no image and pickles, so pages run in any worker.
"""

from __future__ import annotations

import dataclasses
import re
import string
import time
from collections import Counter
from collections.abc import Callable
from typing import NamedTuple

import cv2
import numpy as np
from pythainlp.util import thaiword_to_num

from pipeline import geometry, handwriting, layout
from pipeline.components import components
from pipeline.errors import LimitExceeded
from pipeline.extract.documents import MEMO_TITLE, is_document_title
from pipeline.extract.memo import PHONE_MIN_DIGITS, is_post, signer_name
from pipeline.model import (
    BBox,
    Line,
    Page,
    PageImage,
    Region,
    RegionKind,
    Word,
    bbox_inside,
    bbox_union,
)
from pipeline.ocr.digits import (
    ARABIC,
    COUNT_WORDS,
    DIGITS,
    LATIN_READ_CONF,
    LOOKALIKES,
    MARK,
    SEPARATORS,
    STOP_SIZE,
    STROKE_SIGNS,
    SURE_GLYPH,
    THAI,
    DigitModel,
    align_symbols,
    body_band,
    digit_features,
    fix_digits,
    load_model,
    read_lost_number,
    thai_page,
)
from pipeline.ocr.engine import OcrEngine
from pipeline.ocr.marks import restore_seen_marks
from pipeline.options import Options
from pipeline.thai.dates import (
    FULL_MONTHS,
    MONTH_WORDS,
    find_date,
    find_month,
    find_near_month,
    near_month,
)
from pipeline.thai.digits import to_arabic_digits
from pipeline.thai.names import (
    TITLES,
    correct_name,
    graft_name_part,
    parts_read,
    reading_fit,
    title_guessed,
    with_title_read,
)
from pipeline.thai.reference import MINISTRY_CODE, MINISTRY_CODES, snap_code
from pipeline.thai.repair import CONSONANTS, MARKS, repair_text
from pipeline.thai.words import (
    ERA_READ,
    PHONE_LABEL_LATIN,
    PHONE_LABEL_MISREAD,
    common_words,
    correct_words,
    fragmented_run,
    lost_mark_word,
    only_lost,
    plausibility,
    tokens,
    unknown_words,
)
from pipeline.thai.words import skeleton as word_skeleton

HAND_CONF_CAP = 0.5  # handwriting transcription is an attempt: never above this confidence
BAD_PAGE_CONFIDENCE = 0.55  # a page read this badly is checked the other way up
BAD_PAGE_PLAUSIBILITY = 0.5  # ... and so is one whose Thai is mostly not dictionary words
UNSURE_ROTATION = 0.5  # below this the up/down evidence is checked by reading lines both ways


def _scale_box(b: BBox, s: float) -> BBox:
    return (int(b[0] / s), int(b[1] / s), int(np.ceil(b[2] / s)), int(np.ceil(b[3] / s)))


def _shift_box(b: BBox, dx: int, dy: int) -> BBox:
    return (b[0] + dx, b[1] + dy, b[2] + dx, b[3] + dy)


def _for_ocr(gray: np.ndarray, dpi: int, options: Options) -> tuple[np.ndarray, float]:
    """The image at a resolution Tesseract reads well (low-dpi scans upsampled), and the scale."""
    s = options.ocr_dpi / dpi if dpi < options.ocr_dpi else 1.0
    img = cv2.resize(gray, None, fx=s, fy=s, interpolation=cv2.INTER_CUBIC) if s != 1.0 else gray
    return img, s


def _ocr(
    engine: OcrEngine,
    gray: np.ndarray,
    dpi: int,
    options: Options,
    psm: int,
    languages: str | None = None,
) -> list[Line]:
    """OCR at a resolution Tesseract reads well; boxes come back in ``gray``'s frame."""
    img, s = _for_ocr(gray, dpi, options)
    lines = engine.read(img, int(round(dpi * s)), psm=psm, languages=languages)
    for ln in lines:  # text repair comes last (finish_lines): digits align with raw symbols
        ln.raw_text = ln.text
        if s != 1.0:
            ln.bbox = _scale_box(ln.bbox, s)
            for w in ln.words:
                w.bbox = _scale_box(w.bbox, s)
        drop_off_line(ln)
    return lines


SPECK_HEIGHT = 0.6  # a dot or speck read as a symbol is at most this share of a letter's height
_OPENING_SPECKS = frozenset(",.'\";:`|!")  # signs no line of the papers opens with


def drop_off_line(line: Line) -> None:
    """Take out of ``line`` the digits and Latin letters (and a sign opening it) read wholly
    below its baseline or wholly above its letters, and short: a dotted leader's dots (``ที่ กต
    ๓๖๔๙/จ ๑๘๗๑ 47``, the ``47`` lying under the line where the dots run on to ``วันที่``),
    specks over the line (``กต 23876100 7 7``) and the marks of the line below (``, ขอเชิญ``)
    the engine read as symbols. ``raw_text`` keeps them."""
    standing = [w for w in line.words if w.text in CONSONANTS or w.text in DIGITS]
    if len(standing) < 3:
        return
    base = float(np.median([w.bbox[3] for w in standing]))
    top = float(np.median([w.bbox[1] for w in standing]))
    height = base - top
    off = {
        k
        for k, w in enumerate(line.words)
        if (
            w.text in DIGITS
            or (w.text.isascii() and w.text.isalnum())
            # (or a sign opening the line before a blank: the mark of the line below that
            # its box took in, ``, ขอเชิญชวน…``, seeds 89 and 92)
            or (k == 0 and w.text in _OPENING_SPECKS and line.text.startswith(w.text + " "))
        )
        and (w.bbox[1] >= base - 0.1 * height or w.bbox[3] <= top + 0.1 * height)
        and w.bbox[3] - w.bbox[1] <= SPECK_HEIGHT * height
    }
    if not off:
        return
    positions = align_symbols(line)
    if positions is None:
        return
    gone = {i for k in off for i in positions[k]}
    text = line.text
    for i in sorted(gone):
        # ... with the blank before it, where a blank or the end follows (``๑๘๗๑ 47   วันที่``
        # → ``๑๘๗๑   วันที่``; ``๕๕๕๐ 7วันที่`` keeps its blank)
        end = i + 1
        while end in gone:
            end += 1
        if end < len(text) and text[end] != " ":
            continue
        j = i - 1
        while j >= 0 and text[j] == " ":
            gone.add(j)
            j -= 1
    line.text = "".join(c for i, c in enumerate(text) if i not in gone).strip()
    line.words = [w for k, w in enumerate(line.words) if k not in off]


def finish_lines(
    lines: list[Line],
    gray: np.ndarray,
    digit_model: DigitModel | None,
    dictionary: bool = True,
    lay: layout.Layout | None = None,
    skew: float = 0.0,
    page_digits: tuple[int, int] | None = None,
) -> int:
    """Tone marks the page shows over upper vowels put back (with ``lay``'s components), digits
    re-read, Thai text repair, then the dictionary check of marks (typed text only);
    returns how many digits changed. ``raw_text`` keeps what the engine read; ``skew``: the
    degrees the page was deskewed by (where the scan's edges lie); ``page_digits``: the page's
    :func:`digits_read`, where ``lines`` are not the page's (a table cell's), else theirs."""
    changed = 0
    above: Line | None = None
    margin = float(np.median([ln.bbox[0] for ln in lines])) if lines else 0.0
    if page_digits is None:
        page_digits = digits_read(lines)
    for ln in lines:
        if dictionary and lay is not None:  # (while the symbols spell the text)
            restore_seen_marks(ln, lay.components, lay.x_height)
        if digit_model is not None:
            changed += read_lost_number(ln, gray, digit_model)  # (while the symbols spell it)
            changed += _fix_line_digits(ln, above, gray, digit_model, margin, page_digits)
        above = ln
        ln.text = repair_text(ln.text)
        letters = _THAI_LETTER.findall(ln.text)
        if dictionary:
            ln.text = mend_acronyms(correct_words(ln.text))
        # a letter the word mends put for another (อบุมัติ → อนุมัติ, a misread label): the
        # reading is inferred, and a reviewer sees it (a pen note taken for type had read as
        # words once ทราน became ทราบ)
        relettered = letters != _THAI_LETTER.findall(ln.text)
        if impossible_number(ln.text):
            _doubt(ln, DOUBT_CONF)
        elif dictionary and (
            reads_doubtfully(ln.text)
            or relettered
            or _unsure_symbol(ln)
            or _cut_by_edge(ln, gray.shape[1], lay, skew)
        ):
            _doubt(ln)
    return changed


def digits_read(lines: list[Line]) -> tuple[int, int]:
    """How many Thai and Arabic digits the engine read in ``lines``."""
    text = "".join(ln.text for ln in lines)
    return len(_THAI_DIGIT.findall(text)), len(_ARABIC_DIGIT.findall(text))


def _fix_line_digits(
    ln: Line,
    above: Line | None,
    gray: np.ndarray,
    model: DigitModel,
    margin: float,
    page_digits: tuple[int, int] = (0, 0),
) -> int:
    """``ln``'s numbers read by the digit network (``fix_digits``), with the slots where the
    engine read a number as letters or signs; returns how many digits changed.

    Where the network's reading of a wrapped phone's opening groups leaves the phone short
    (six digits the engine read in a group of four glyphs, ``๒๕๑๓๕๕`` for ๖๔๓๘, had seemed to
    complete it), the Thai model's letters after them are a group too (``ต่เซ่ด`` for ๙๙๗๑,
    seed 71): the line is read again with that slot."""
    carried = _carried_label(ln, above)  # (first: it may put a letter back in the text)
    added = _unread_opening(ln, above, gray, model, page_digits)
    text, confidence = ln.text, ln.confidence
    phones = sorted(set(phone_slots(ln.text) + _carried_phone(ln, above) + carried))
    slots = number_slots(ln.text, phones) + _carried_number(ln, above)
    slots += _carried_reference(ln, above)
    item = _item_number(ln, margin)
    # (a number and its stop in the ink: the engine's signs for them go once the network has
    # read the number)
    number = _number_and_stop(gray, ln.bbox) if item or _ITEM_SCRAPS.match(ln.text) else None
    item = item or _item_scraps(ln, margin, number)
    if not item:
        number = None
    slots += item
    changed = fix_digits(
        ln, gray, model, slots=sorted(slots), loose=phones, page_digits=page_digits
    )
    if number is not None:
        changed += _tidy_item(ln, gray, model, number, page_digits)
    scrap = next(
        (ln.text[a:b] for a, b in _carried_phone(ln, above) if not _ANY_DIGIT.search(ln.text[a:b])),
        None,
    )
    at = text.find(scrap, max((b for _, b in phones), default=0)) if scrap else -1
    if scrap is None or at < 0 or (at, at + len(scrap)) in phones:
        return changed + added
    group = (at, at + len(scrap))
    ln.text, ln.confidence = text, confidence
    changed = fix_digits(
        ln,
        gray,
        model,
        slots=sorted([*slots, group]),
        loose=sorted([*phones, group]),
        page_digits=page_digits,
    )
    if number is not None:
        changed += _tidy_item(ln, gray, model, number, page_digits)
    return changed + added


EDGE_PX = 2  # a line's box this close to the page's left or right edge runs off the page


def _cut_by_edge(ln: Line, width: int, lay: layout.Layout | None = None, skew: float = 0.0) -> bool:
    """Whether ``ln`` runs off the page at its left or right edge: the scan (or the print) cut
    it, and what it said past the edge is lost however well the rest reads (a newsletter's
    header line ending ``โทร. ๐ ๗๗๗๑ ๔`` at 0.99, the phone's last digits beyond the edge).
    With the page's layout (deskewed by ``skew`` degrees), also where the line's row of ink
    runs on from its box to the paper's edge: the scan's own edge, as the deskew turned it (a
    page scanned 10° askew, its agency's line ending ``โทร. ๐`` where the scan cut the phone
    off), or the scanner's dark bed beside the paper (``0-8956-1`` for 0-8956-1911, seed 67);
    the engine may have left a glyph the edge cut in half out of the box."""
    if ln.bbox[0] < EDGE_PX or ln.bbox[2] > width - EDGE_PX:
        return True
    return lay is not None and _row_runs_off(ln, lay, skew)


def _row_runs_off(ln: Line, lay: layout.Layout, skew: float) -> bool:
    """Whether ``ln``'s row of ink reaches the paper's left or right edge (in the page deskewed
    by ``skew``) from the line's box, with no gap wider than the line is tall."""
    ink = lay.ink
    height, width = ink.shape[:2]
    x0, y0, x1, y1 = ln.bbox
    h = max(1, y1 - y0)
    rows = ink[y0 + h // 4 : max(y0 + h // 4 + 1, y1 - h // 4)]
    # the scan's edges on this row: the deskew turned the scan about the page's centre
    m = cv2.invertAffineTransform(geometry.deskew_matrix(width, height, skew))
    yc = (y0 + y1) // 2

    def edge_at(sx: float) -> int:
        return int(round((sx - m[0, 1] * yc - m[0, 2]) / m[0, 0]))

    left, right = max(0, edge_at(0.0)), min(width, edge_at(width - 1.0) + 1)
    if lay.paper is not None and 0 <= yc < height:  # ... or the scanner's bed beside the paper
        left, right = max(left, int(lay.paper[0][yc])), min(right, int(lay.paper[1][yc]))
    for cols in (rows[:, x1:right], rows[:, left:x0][:, ::-1]):
        if cols.shape[1] > RUN_OFF_REACH * h:
            continue
        inked = np.flatnonzero(cols.any(axis=0))
        if cols.shape[1] <= RUN_OFF_PX or (
            inked.size
            and inked[-1] >= cols.shape[1] - 1 - RUN_OFF_PX
            and np.diff(np.concatenate(([0], inked))).max() <= h
        ):
            return True
    return False


RUN_OFF_PX = 4  # ink this close to the paper's edge reaches it
# how far past a line's box (line heights) its row is followed to the scan's edge
RUN_OFF_REACH = 3


_LATIN_TOKEN_ANY = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{1,8}(?![A-Za-z0-9])")
# a line's opening token that is no Thai word (Latin, signs: ``Cs``, ``@``, ``©``), short as a
# number of a digit or two, then a Thai word or nothing (a paragraph's last word)
# (or a letter alone the Thai model puts for a digit it cannot emit: ``ฒ`` for ๗; not ณ, a word
# of its own: ``ณ ห้องประชุม``)
_OPENING_SCRAP = re.compile(
    r"\s*([^\s\u0e01-\u0e4e]{1,3}|[" + "".join(sorted(LOOKALIKES - {"ณ"})) + r"][\u0e48-\u0e4c]?)"
    r"(?:\s+(?=[\u0e01-\u0e4e])|\s*$)"
)


# a paragraph's opening token of a letter or three and a stop: a list item's number the engine
# read as letters (``ดา. ขอเชิญชวน``, ``ตา.``, ``ฒา.`` for ๓; ``Ace`` for ๓.); not an abbreviation
_ITEM_OPENING = re.compile(r"\s*([^\s.:๐-๙]{1,3})([.:]?)\s+(?=[\u0e01-\u0e2e\u0e40-\u0e44])")
_ABBREVIATIONS = frozenset("ดร ผอ นพ พญ ทพ รศ ผศ ศ จ อ ม น ส พ ร นส พล ผช".split())
ITEM_INDENT = 0.8  # line heights right of the page's margin at which a line opens a paragraph


def _item_number(ln: Line, margin: float) -> list[tuple[int, int]]:
    """The opening of ``ln`` as a number slot where it opens an indented paragraph with a short
    token and a stop (``ดา. ขอเชิญชวน…``: a list item's ๓ the Thai model read as letters)."""
    if ln.bbox[0] - margin < ITEM_INDENT * (ln.bbox[3] - ln.bbox[1]):
        return []
    m = _ITEM_OPENING.match(ln.text)
    if m is None or m.group(1) in _ABBREVIATIONS or m.group(1) in TITLES:
        return []
    # (a Latin word that is no acronym stands for the number and its stop: ``Ace ขอเชิญ``;
    # capitals alone, ``OF`` for ๑., are told from ``KPI`` by the ink: ``_item_scraps``; so
    # are signs: a bar at the box's blank opening, ``|  อ้างถึง``, is none)
    tok = m.group(1)
    latin = tok.isascii() and tok.isalnum() and not _an_acronym(tok)
    return [m.span(1)] if m.group(2) or latin else []


def _item_scraps(ln: Line, margin: float, glyphs: list[BBox] | None) -> list[tuple[int, int]]:
    """The opening of ``ln`` as a number slot where it opens an indented paragraph with signs
    and capitals (``OF`` or ``! _ @:`` for ๑.) over the ink of a number and its stop alone
    (``glyphs``: the number's, ``_number_and_stop``): capitals are told from an acronym
    (``KPI``) by the ink."""
    m = _ITEM_SCRAPS.match(ln.text)
    if m is None:
        return []
    # (indented where the number's glyph stands: the line's box may open further left, on the
    # marks of the lines above and below)
    if glyphs is None or glyphs[0][0] - margin < ITEM_INDENT * (ln.bbox[3] - ln.bbox[1]):
        return []
    return [m.span(1)]


def _tidy_item(
    ln: Line,
    gray: np.ndarray,
    model: DigitModel,
    glyphs: list[BBox],
    page_digits: tuple[int, int],
) -> int:
    """A list item's opening over the ink of a number and its stop (``glyphs``: the number's,
    ``_number_and_stop``), once the digit network has read the line: its last token that
    holds Thai digits is the number, and what the engine put before it and for the stop goes
    (``! _ ๑:`` is ๑.; ``, ๕ ๑.``, two tokens for the marks of the line below, is ๑.). Where
    no Thai digit stands there (the engine's box for ``9`` lay on the line below, and the
    network read nothing under it), the glyphs are read by the network, in Thai on a page
    whose numbers are Thai, every one surely, and the line goes to review. Digits changed."""
    m = _ITEM_READ.match(ln.text)
    if m is None:
        return 0
    numbers = [t for t in m.group(1).split() if any(c in THAI for c in t)]
    digits = "".join(c for c in numbers[-1] if c in THAI) if numbers else ""
    changed = 0
    if not digits and thai_page(*page_digits):
        digits = _read_glyphs(gray, glyphs, model)
        changed = len(digits)
        if digits:
            ln.confidence = min(ln.confidence, LATIN_READ_CONF)
    if 1 <= len(digits) <= 2:
        ln.text = digits + ". " + ln.text[m.end() :]
    return changed


def _read_glyphs(gray: np.ndarray, glyphs: list[BBox], model: DigitModel) -> str:
    """The Thai digits the network reads in ``glyphs`` (boxes in ``gray``), each at least
    ``SURE_GLYPH`` among all twenty classes; "" where one is not."""
    feats = []
    for x0, y0, x1, y1 in glyphs:
        crop = gray[y0:y1, x0:x1]
        _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
        f = digit_features(ink > 0)
        if f is None:
            return ""
        feats.append(f)
    p = model.probabilities(np.stack(feats))
    best = p.argmax(axis=1)
    if (best >= len(THAI)).any() or (p.max(axis=1) < SURE_GLYPH).any():
        return ""
    return "".join(THAI[int(i)] for i in best)


def _opening_tokens(token: str) -> re.Pattern[str]:
    """A paragraph's opening of up to three short ``token``s before its first Thai word."""
    return re.compile(
        rf"\s*({token}{{1,3}}(?:\s+{token}{{1,3}}){{0,2}})\s+(?=[\u0e01-\u0e2e\u0e40-\u0e44])"
    )


# ... of no Thai letter or digit: what the engine reads for a list's number and stop (``OF``,
# ``! _ @:``, ``9:``)
_ITEM_SCRAPS = _opening_tokens(r"[^\s\u0e01-\u0e4e๐-๙]")
# ... once the digit network has read them (Thai digits among them: ``! _ ๑:``)
_ITEM_READ = _opening_tokens(r"[^\s\u0e01-\u0e4e]")


def _opening_ink(gray: np.ndarray, bbox: BBox) -> tuple[np.ndarray, int, int, int, int] | None:
    """The ink components (x, y, w, h, area, left to right) a line (``bbox`` in ``gray``) opens
    with, in its first eight body heights, centred in its body band, specks left out (and the
    marks of the lines above and below, which a line's box takes in), with the crop's origin
    and the band's top and base in it: (components, x0, y0, top, base); None where the line
    has no body band or no such ink."""
    band = body_band(gray, bbox)
    if band is None:
        return None
    x0, y0, x1, y1 = bbox
    x0, y0 = max(0, x0), max(0, y0)
    bh = band[1] - band[0]
    if bh < 6:
        return None
    crop = gray[y0:y1, x0 : min(x1, x0 + 8 * bh)]
    if crop.size == 0:
        return None
    _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    _, _, stats = components(ink)
    top, base = band[0] - y0, band[1] - y0
    st = stats[1:]
    middle = st[:, 1] + st[:, 3] / 2
    st = st[(st[:, 4] >= 3) & (middle >= top) & (middle <= base)]
    if not len(st):
        return None
    return st[np.argsort(st[:, 0])], x0, y0, top, base


def _body_high(c: np.ndarray, top: int, base: int) -> bool:
    """Whether component ``c`` (x, y, w, h, area; rows in the crop of ``_opening_ink``) is a
    glyph of the line's body height: from near its band's top to near its base, no wider than
    a digit is."""
    bh = base - top
    return bool(c[1] <= top + 0.35 * bh and c[1] + c[3] >= base - 0.25 * bh and c[2] <= 1.3 * bh)


def _page_boxes(comps: list[np.ndarray], x0: int, y0: int) -> list[BBox]:
    """Components' boxes (x, y, w, h rows of a crop whose origin is ``x0``, ``y0``) in the page."""
    return [
        (x0 + int(c[0]), y0 + int(c[1]), x0 + int(c[0] + c[2]), y0 + int(c[1] + c[3]))
        for c in comps
    ]


def _unread_opening(
    ln: Line, above: Line | None, gray: np.ndarray, model: DigitModel, page_digits: tuple[int, int]
) -> int:
    """A number wrapped to the start of ``ln`` that the engine read nothing in (``ชั้น`` /
    ``๗ ซึ่งได้รับ…``: no symbol for the ๗, seed 95), where the line above ends with a word a
    number follows: the body-high glyphs (four at most) left of the first symbol the engine
    read, a word's gap before it, are read by the network, in Thai on a page whose numbers
    are Thai, every one surely; the line goes to review. Digits added."""
    if above is None or not above.text.rstrip().endswith(_BEFORE_NUMBER) or not ln.words:
        return 0
    if not thai_page(*page_digits) or not _just_below(ln, above, wrapped=True):
        return 0
    if not re.match("[\u0e01-\u0e2e\u0e40-\u0e44]", ln.text):
        return 0
    found = _opening_ink(gray, ln.bbox)
    if found is None:
        return 0
    st, x0, y0, top, base = found
    bh = base - top
    # (the ink that ends before the engine's first symbol starts, a word's gap from the next)
    first = min(w.bbox[0] for w in ln.words[:3]) - x0
    glyphs = [c for c in st if c[0] + c[2] <= first]
    rest = [c for c in st if c[0] + c[2] > first]
    if not glyphs or not rest or rest[0][0] - max(c[0] + c[2] for c in glyphs) < 0.3 * bh:
        return 0
    if len(glyphs) > 4 or not all(_body_high(c, top, base) for c in glyphs):
        return 0
    boxes = _page_boxes(glyphs, x0, y0)
    digits = _read_glyphs(gray, boxes, model)
    if not digits:
        return 0
    ln.words = [Word(d, b, SURE_GLYPH) for d, b in zip(digits, boxes, strict=True)] + ln.words
    ln.text = digits + " " + ln.text
    ln.confidence = min(ln.confidence, LATIN_READ_CONF)
    return len(digits)


def _number_and_stop(gray: np.ndarray, bbox: BBox) -> list[BBox] | None:
    """The number's glyphs (boxes in ``gray``), when the ink a line (``bbox`` in ``gray``) opens
    with, up to its first gap between words, is a list's number and stop: one glyph or two of
    the line's body height, nothing above or below them, then a dot on the baseline (``KPI``
    is three glyphs and no dot, ``AI`` two and no dot); else None."""
    found = _opening_ink(gray, bbox)
    if found is None:
        return None
    st, x0, y0, top, base = found
    bh = base - top
    # the opening word: the components up to the first gap of half the body's height
    right = st[0, 0] + st[0, 2]
    word = [st[0]]
    for c in st[1:]:
        if c[0] - right > 0.5 * bh:
            break
        word.append(c)
        right = max(right, c[0] + c[2])
    if len(word) == len(st):  # nothing after it: no paragraph's opening
        return None
    body = [c for c in word if _body_high(c, top, base)]
    dots = [
        c
        for c in word
        if max(2.0, STOP_SIZE[0] * bh) <= min(c[2], c[3])
        and max(c[2], c[3]) <= STOP_SIZE[1] * bh
        and abs(c[1] + c[3] - base) <= 0.15 * bh
    ]
    if not 1 <= len(body) <= 2 or len(dots) != 1 or len(body) + 1 != len(word):
        return None
    if dots[0][0] < max(c[0] + c[2] for c in body) - 1:  # the dot after the glyphs
        return None
    return _page_boxes(body, x0, y0)


def _just_below(ln: Line, above: Line, wrapped: bool = False) -> bool:
    """Whether ``ln`` is the next line of ``above``'s column, just below it (``wrapped``: or
    below it at the margin, ``above`` a paragraph's indented first line: ``_wraps_under``)."""
    height = above.bbox[3] - above.bbox[1]
    overlap = min(ln.bbox[2], above.bbox[2]) - max(ln.bbox[0], above.bbox[0])
    return 0 < ln.bbox[1] - above.bbox[1] <= 2.5 * height and (
        overlap > 0 or (wrapped and _wraps_under(ln, above))
    )


INDENT_HEIGHTS = 5  # line heights: the widest indent of a paragraph's first line


def _wraps_under(ln: Line, above: Line) -> bool:
    """Whether ``ln`` starts where ``above`` does or left of it, by up to an indent: text
    wrapped from ``above``, a paragraph's first line perhaps, to the margin."""
    h = above.bbox[3] - above.bbox[1]
    return -INDENT_HEIGHTS * h < ln.bbox[0] - above.bbox[0] < h


def _carried_number(ln: Line, above: Line | None) -> list[tuple[int, int]]:
    """The opening of ``ln`` as a number slot where the line just above it ends with a word a
    number follows (``ห้องประชุม ๓๘๗ ชั้น`` / ``Cs จึงเรียนมา``: the floor's ๘ wrapped to the next
    line and read as Latin), and the line opens with a short token that is no Thai word. (The
    line above may be a paragraph's indented first line, and the number alone at the margin.)"""
    if above is None or not above.text.rstrip().endswith(_BEFORE_NUMBER):
        return []
    if not _just_below(ln, above, wrapped=True):
        return []
    m = _OPENING_SCRAP.match(ln.text)
    if m:
        return [m.span(1)]
    # ... or is a glyph or two alone, whatever the engine read in it (``เคง`` for the ๙ of
    # ``ชั้น`` / ``๙``, seed 56)
    word = ln.text.strip()
    x0, y0, x1, y1 = ln.bbox
    if 0 < len(word) <= 3 and " " not in word and x1 - x0 <= LONE_GLYPHS * (y1 - y0):
        start = ln.text.index(word)
        return [(start, start + len(word))]
    return []


LONE_GLYPHS = 1.5  # a box this many times as wide as it is high holds a glyph or two


def _carried_reference(ln: Line, above: Line | None) -> list[tuple[int, int]]:
    """A cited reference's two numbers opening ``ln`` where the line just above it ends with
    ``ที่`` and a known ministry's code (``ตามหนังสือที่ วธ`` / ``๒๘๓๓.๓/วสญ่ต``: the letters
    the Thai model put for ๘๗๗๓), for the digit network to read again."""
    if above is None or not _just_below(ln, above, wrapped=True):
        return []
    cited = _CODE_ENDING_LINE.search(above.text)
    if cited is None or not _known_code(cited["code"]):
        return []
    m = _OPENING_NUMBERS.match(ln.text)
    return [m.span(g) for g in ("office", "run") if m[g]] if m and m["run"] else []


def latin_numbers(text: str) -> list[tuple[int, int]]:
    """The (start, end) of Latin words in a Thai line that stand where a number does (``โทร. ob
    ๘๓๖ ๑๖๑๑``, ``จำนวน bdo บาท``, ``มกราคม Webs ถึง``): the English model's reading of Thai
    digits, for the digit network to read again. A word running on into another Latin word is
    an English term (``๒๕๖๕ Open Data``), unless inside a phone number; acronyms are left."""
    if not (_THAI_LETTER.search(text) or _THAI_DIGIT.search(text)):
        return []
    out: list[tuple[int, int]] = []
    for m in _LATIN_TOKEN_ANY.finditer(text):
        tok = m.group(0)
        acronym = _an_acronym(tok)
        if acronym and not number_slot(text, m.start(), m.end(), strict=True):
            continue  # (glued to a number, capitals are digits: ``โทร.OD๓๕๑๐๕๓``)
        # (a phone's digits the English model read as several words: ``โทร. ๐ gated devon``)
        phone = _IN_PHONE.search(text, 0, m.start()) is not None or bool(
            out
            and not text[out[-1][1] : m.start()].strip()
            and _IN_PHONE.search(text, 0, out[0][0])
        )
        # (an English term runs on into another Latin word, but not right after a count's
        # word: ``จำนวน pala AY`` is the count and its unit, ๑๗๗ คน, as the English model read them)
        counted = _COUNT_WORD_BEFORE.search(text, 0, m.start()) is not None
        if phone or (
            number_slot(text, m.start(), m.end())
            and (counted or not _LATIN_NEXT.match(text, m.end()))
        ):
            out.append((m.start(), m.end()))
    return out


_COUNT_WORD_BEFORE = re.compile(f"(?:{'|'.join(COUNT_WORDS)})\\s$")
# a token of Thai letters, vowels and marks as long as a phone's last groups (two to eight),
# a comma or stop perhaps after it: what the Thai model makes of a wrapped phone group
# (``_carried_phone``) or of a count (``_count_misread``)
_THAI_SCRAP = re.compile(r"\s*([\u0e01-\u0e4e]{2,8})[,.;]?(?=\s|$)")


def _count_in_words(text: str) -> bool:
    """Whether ``text`` is a number in Thai words (หก, ห้าร้อย, สิบเอ็ด)."""
    try:
        thaiword_to_num(text)
    except ValueError:
        return False
    return True


def _count_misread(token: str) -> bool:
    """Whether ``token``, standing where a count does, is a few Thai letters the engine put for
    its digits (``_THAI_SCRAP``): no common words, and no number in words (``แฟส`` for ๙๗๘;
    not สอง, ห้าร้อย)."""
    return (
        _THAI_SCRAP.fullmatch(token) is not None
        and not common_words(token)
        and not _count_in_words(token)
    )


# the phone's label (its vowel or last letter misread, perhaps: ``ใทร.``; repair mends it later)
# (the misread label first: ``โทรู.`` is not ``โทร`` and a group ``ู.``, seed 96; its stop
# read as a comma, ``โทร, ๐-ฒ๕ด-ญ๑สเซ``, seed 86)
_PHONE_OPENS = re.compile(
    f"(?:(?<![\u0e01-\u0e4e]){PHONE_LABEL_MISREAD}|โทร(?:ศัพท์|สาร)?[.,]?|{PHONE_LABEL_LATIN})\\s*"
)
_PHONE_WORDS = ("ต่อ", "โทร", "หรือ")  # an extension, a fax or a second number after a phone's
_ANY_DIGIT = re.compile(f"[0-9{THAI}]")


def _digit_signs(text: str) -> str:
    """The signs (``STROKE_SIGNS``) that stand for a digit where ``text`` stands for a number:
    a slash, and brackets unless they pair up (``(๐๒) ๑๒๓ ๔๕๖๗``)."""
    return "/" if text.count("(") == text.count(")") else STROKE_SIGNS


# Latin letters only (a word, or a line of words, with their signs)
_LATIN_ONLY = re.compile("[A-Za-z][A-Za-z ,.'’‘-]*")


def _known_code(code: str) -> bool:
    """Whether ``code`` as read (marks a speck made aside) is a ministry's."""
    return MARK.sub("", code) in MINISTRY_CODES


def _a_ministry(code: str) -> bool:
    """Whether ``code`` as read is a ministry's, or a letter from one (``ตั้ง`` in
    ``ที่ตั้ง อาคาร๑`` is not)."""
    return _known_code(code) or snap_code(MARK.sub("", code)) is not None


def _phone_groups(
    text: str, start: int, held: int = 0, opened: bool = False
) -> tuple[list[tuple[int, int]], int]:
    """The (start, end) of a phone number's groups in ``text`` from ``start`` (after its label,
    or the opening of a line a phone wrapped onto, ``held`` digits read before), up to a word
    (``ต่อ``, the next label); and the digits held then. Where the phone is still short of nine
    digits, a Latin word (the English model's reading of a group: ``๐ ๑๘๗๖ petals``) is a group
    once a digit is held (or, ``opened``, where the phone's first group is known to stand);
    short of them at the end, a lone slash or bracket too (each sign a slot of its own)."""
    groups: list[tuple[int, int]] = []
    tokens = list(re.finditer(r"\S+", text[start:]))
    for n, tok in enumerate(tokens):
        word = tok.group(0)
        # a group with no digit at all is a word, and the phone has ended; unless it is
        # Latin letters where the phone is still short of digits
        # ... or the Thai model's letters for digits it cannot emit (``ฒ่ตอ`` for ๗๒๖), or
        # any consonants with no vowel between two groups of digits (``๐๓ ทด ๗๕๔๕``)
        between = n + 1 < len(tokens) and _ANY_DIGIT.search(tokens[n + 1].group(0)) is not None
        # (the first group, right after the label, is one where a group of digits follows:
        # ``เทว. OM ๕๑๓ ๕๑๔๑``, the English model's ๐๓, seed 56)
        short_latin = (
            (0 < held or opened or (n == 0 and between))
            and held < PHONE_MIN_DIGITS
            and (
                _LATIN_ONLY.fullmatch(word) is not None
                or _LOOKALIKES_ONLY.fullmatch(word) is not None
                or (between and _CONSONANTS_ONLY.fullmatch(word) is not None)
                # (mai yamok, which repeats a word, stands in no number: a ๐ read as it,
                # ``โทร. ๆ ๓๕๓๕ ๙๐๓๑``, seed 85)
                or word == "ๆ"
            )
        )
        if word.startswith(_PHONE_WORDS) or not (
            _ANY_DIGIT.search(word) or word in STROKE_SIGNS or short_latin
        ):
            break
        a, b = start + tok.start(), start + tok.end()
        ext = word.find("ต่อ")  # an extension glued on (``๔๕๖๗ต่อ๑๒``)
        if ext > 0 and held + sum(c not in SEPARATORS for c in word[:ext]) < PHONE_MIN_DIGITS:
            # ... to a phone still short of its digits: the Thai model's letters for them
            # (``๐ สฒต่อ ๒๖๗๗`` for ๐ ๙๗๗๖ ๒๖๗๗, seed 94)
            ext = -1
        groups += [(a, a + ext), (a + ext + 3, b)] if ext > 0 else [(a, b)]
        held += sum(c not in SEPARATORS for c in word)
    if held < PHONE_MIN_DIGITS:
        # a phone has nine digits or ten: short of them, a slash or bracket among its groups is
        # a digit the engine misread (an Arabic 7 read as ``/`` or ``(``: ``๐ ๓๖๒๒ /๑๓๔``)
        # (brackets that pair up are brackets: ``(๐๒) ๑๒๓ ๔๕๖๗``)
        signs = _digit_signs("".join(text[a:b] for a, b in groups))
        groups += [(i, i + 1) for a, b in groups for i in range(a, b) if text[i] in signs]
    return groups, held


def phone_slots(text: str) -> list[tuple[int, int]]:
    """The (start, end) of the groups of a phone number after its label (``โทร. ๐-๓๙๖๒-เ่ตเซ๕``:
    the engine's letters for ๗๙๗), as ``_phone_groups`` finds them."""
    out: list[tuple[int, int]] = []
    for label in _PHONE_OPENS.finditer(text):
        out += _phone_groups(text, label.end())[0]
    return out


def _carried_phone(ln: Line, above: Line | None) -> list[tuple[int, int]]:
    """The opening groups of ``ln`` where the line just above it ends with a phone number short
    of its digits (``… โทร. ๐๙`` / ``Vor ๔๑๕๓``: the number wrapped, and the English model read
    the next line's first group), as ``_phone_groups`` finds them."""
    if above is None or not _just_below(ln, above):
        return []
    text = above.text.rstrip()
    labels = list(_PHONE_OPENS.finditer(text))
    if not labels:
        return []
    groups, held = _phone_groups(text, labels[-1].end())
    end = max((b for _, b in groups), default=labels[-1].end())
    if held >= PHONE_MIN_DIGITS or text[end:].strip():
        return []
    # (a line opening with Latin words and no digit before its Thai is no phone's: ``โทร.`` /
    # ``Call Center``)
    first_letter = _THAI_LETTER.search(ln.text)
    before_thai = first_letter.start() if first_letter else len(ln.text)
    opened = _ANY_DIGIT.search(ln.text, 0, before_thai) is not None
    groups, held = _phone_groups(ln.text, 0, held, opened)
    # ... or the Thai model's letters for a whole group, vowels among them, that are no one
    # word nor common words (``ตาวตาด,`` for ๓๖๓๑, seed 62: two rare words), where the phone
    # holds a digit and lacks a group's three or more (a phone read a digit short above a
    # memo's ``ที่`` line is no phone wrapped: ``ทึกห ๔๑๖๑.๑/ว``, seed 66); at the line's
    # opening or after the groups found there (``bene ต่เซ่ด`` for ๖๔๓๘ ๙๙๗๑, seed 71)
    short = 0 < held <= PHONE_MIN_DIGITS - 3
    pos = max((b for _, b in groups), default=0)
    scrap = _THAI_SCRAP.match(ln.text, pos) if short else None
    if scrap and not _REF_LABEL.match(scrap[1]) and not common_words(scrap[1]):
        if unknown_words(scrap[1]) or len(tokens(scrap[1])) > 1:
            return [*groups, scrap.span(1)]
    return groups


def _carried_label(ln: Line, above: Line | None) -> list[tuple[int, int]]:
    """The groups of a phone whose label broke across two lines, where the line above ends
    with its head (``… ผู้รับผิดชอบ โท``) and ``ln`` opens with the rest, its ร read as a digit
    (``5.0 ๓๔๔๓ ๕๐๒๘``): the ร is put back in ``ln``'s text and symbol, and the groups after it
    found as ``_phone_groups`` finds them."""
    if above is None or not _just_below(ln, above, wrapped=True):
        return []
    if _LABEL_HEAD_ENDING.search(above.text.rstrip()) is None:
        return []
    m = _LABEL_REST.match(ln.text)
    pos = align_symbols(ln) if m is not None else None
    if m is None or pos is None:
        return []
    k = next((k for k, p in enumerate(pos) if p == [m.start(1)]), None)
    if k is None:
        return []
    ln.words[k].text = "ร"
    ln.text = ln.text[: m.start(1)] + "ร" + ln.text[m.end(1) :]
    return _phone_groups(ln.text, m.end())[0]


# the phone label's head ending a line, and the rest of it opening the next (its ร read as a
# digit or an S), before a number
_LABEL_HEAD_ENDING = re.compile("(?:^|\\s)โท$")
_LABEL_REST = re.compile("\\s*([ร0-9S])\\.\\s?(?=[0-9๐-๙])")


_PAGE_NUMBER_SLOT = re.compile(r"\s*(?:-\s*([^\s-]{1,4})\s*-|หน้า\s*([^\s-]{1,4}))\s*")


def number_slots(text: str, phones: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """The (start, end) of text standing where a number does, whatever the engine read there,
    for the digit network to read again: Latin words (``latin_numbers``), a phone's groups
    (``phone_slots``; ``phones``, where the caller has them), a reference's two numbers (``ที่
    อก ๘๒สาว/ว ๓๙๗๖``: at a line's start any code, inside a line a known one), and a count
    between its word and its unit."""
    out = latin_numbers(text) + (phone_slots(text) if phones is None else phones)
    refs = [m for m in _REFERENCE_IN_TEXT.finditer(text) if m["code"] in MINISTRY_CODES]
    if (m := _REFERENCE_SLOTS.match(text)) and _a_ministry(m["code"]):
        refs.append(m)
    elif m := _opening_reference(text):
        refs.append(m)  # (a cited reference wrapped after its ``ที่``: ``กค ๔๔๕๑.๖/จ ๖๔๔๙``)
    out += [m.span(g) for m in refs for g in ("office", "run") if m[g]]
    # a scrap no Thai word is right after a word a number follows (``ชั้น @ ทั้งนี้``, ``ชั้น ฒ``:
    # a floor's ๑ and ๗ as the two models read them)
    words = list(re.finditer(r"\S+", text))
    for before, tok in zip(words, words[1:], strict=False):
        if (
            before[0].endswith(_BEFORE_NUMBER)
            and _OPENING_SCRAP.fullmatch(tok[0])
            and not _ANY_DIGIT.search(tok[0])
        ) or (
            before[0].endswith(("วันที่", "วันที"))  # (its tone mark lost: ``วันที %``)
            and (
                tok[0] == "ๆ"
                or (
                    len(tok[0]) <= 3
                    and not _ANY_DIGIT.search(tok[0])
                    and _month_opens(text, tok.end())
                )
            )
        ):
            # (mai yamok for a day's ๗, which it looks like: ``วันที่ ๆ`` / ``มิถุนายน``; a
            # scrap of letters between the label and a month, where only a day stands:
            # ``วันที่ ตา พฤศจิกายน`` for ๓, seed 87)
            out.append(tok.span())
            # ... and a slash or a bracket that pairs with none in it, a slot of its own: a
            # digit the engine read as a sign (``โทร. oo)`` for ๐๗, seed 94), as in a phone
            signs = _digit_signs(text)
            out += [(i, i + 1) for i in range(*tok.span()) if text[i] in signs]
    # a day read as a digit and a letter or two, right before a month (``๑ดา กรกฎาคม`` for ๑๓)
    out += [m.span(1) for m in _DAY_BEFORE_MONTH.finditer(text)]
    out += [m.span(1) for m in _SIGNED_DAY.finditer(text)]
    # an issue's number read as letters or signs before the slash of its year (``ฉบับที่ ฒ//๒๕๖๑``
    # for ๗/๒๕๖๑, seed 95: ฒ and a slash for the one bold ๗)
    out += [m.span(1) for m in _ISSUE_SLOT.finditer(text)]
    out += [m.span(1) for m in _LETTERED_YEAR.finditer(text)]
    # a count glued to its word, before its unit, and a room's number before its floor, read
    # as letters (``จำนวนผุ๘๗,๐๐๐ บาท`` for ๗๘๗,๐๐๐, ``ห้องประชุมง๔๖ ชั้น`` for ๖๔๖: the space
    # after the word lost; seeds 84-93); not a room's name (``ห้องประชุมใหญ่ ชั้น ๓``)
    for found in (*_GLUED_COUNT.finditer(text), *_ROOM_NUMBER.finditer(text)):
        if _ANY_DIGIT.search(found[1]) or _count_misread(found[1]):
            out.append(found.span(1))
    # ... and a room's number the line wrapped to its start (``ง๔๖ ชั้น ๘`` for ๖๔๖, seed 93),
    # where a digit read in it tells it from a word
    if (room := _WRAPPED_ROOM.match(text)) and _ANY_DIGIT.search(room[1]):
        out.append(room.span(1))
    # a page's number, the line's only text: ``- lo -``, ``-b-``, ``- @ -``, ``- oo -`` for
    # the Royal Gazette's ๒, ๖, ๗ and ๑๒
    if m := _PAGE_NUMBER_SLOT.fullmatch(text):
        out.append(m.span(m.lastindex or 1))
    # a count between its word and its unit (``จำนวน ๑๕ข่ คน``), or a few Thai letters there
    # that are no common words (``จำนวน แฟส บาท`` for ๙๗๘; a count in words, สอง or ห้าร้อย, is)
    for before, tok, after in zip(words, words[1:], words[2:], strict=False):
        if not (before[0].endswith(_BEFORE_NUMBER) and after[0].startswith(_AFTER_NUMBER)):
            continue
        if _ANY_DIGIT.search(tok[0]) or (
            before[0].endswith(COUNT_WORDS) and _count_misread(tok[0])
        ):
            out.append(tok.span())
    return sorted(set(out))


def _month_opens(text: str, at: int) -> bool:
    """Whether a month's name or abbreviation opens ``text`` past ``at`` (blanks aside)."""
    found = find_month(text[at : at + 24])
    return found is not None and not text[at : at + found[0]].strip()


DOUBT_CONF = 0.6  # a line with a sure sign of a misreading: under the review threshold
UNSURE_CONF = 0.7  # a line that reads doubtfully: under the review threshold too
UNSURE_SYMBOL = 0.9  # a typed line with a character the engine is less sure of than this
LOW_PLAUSIBILITY = 0.5  # share of the Thai in dictionary words below which a line is salad
WIDE_GAP = 3.0  # line heights of blank between symbols at which a line may be two
TAIL_GAP = 1.0  # ... at which a typed line may end in a pen's routing words
TAIL_FAR = 2.5  # ... past which any routing words may be a pen's (a lost number leaves less)
# routing words a typed line does not end on after a blank (not เพื่อ, ตาม, งาน, เรียน)
PEN_ONLY_WORDS = frozenset("ทราบ มอบ อนุมัติ เห็นควร แจ้งเวียน ด่วน เร่งด่วน เสนอ".split())
_PEN_ONLY_SKELETONS = frozenset(word_skeleton(w) for w in PEN_ONLY_WORDS)  # ... marks aside
PEN_STYLE_PROB = 0.5  # the kind's probability of a line taken for a pen's by its words
# ... by its words a letter off, where the classifier is less sure than this that it is typed
PEN_STYLE_DOUBT = 0.9
SNAPPED_TITLE_CONF = 0.9  # the memo's title, known by its place and most of its letters
# a signer's name line with its title, ``(นาง… …)``, is typed unless the classifier is surer than
# this that it is not (it stands centred under the signature, where no other line starts)
TITLED_SIGNER_DOUBT = 0.9
# a line right under a typed line, inside its span, reading as words, is typed unless the
# classifier is surer than this that it is not (measured on the 205 pages of the wider
# bench's corpus: every line such a rule took for typed was typed; pen notes that read as
# words stand there too, but the classifier is surer of them)
CONTINUED_DOUBT = 0.98
CONTINUED_PLAUSIBLE = 0.6  # ... the share of its Thai in dictionary words
# a line of this many Thai characters and more, this share of them in dictionary words, is
# typed running text unless the classifier is surer than ``CONTINUED_DOUBT`` that it is not:
# on four fresh corpora and the wider bench's (about 370 pages), no line taken for a pen's read
# so, but two typed lines a pen note crossed at their end (``… กำหนดการม ” ิมนภ ด``, seed 83)
RUNNING_LETTERS = 30
RUNNING_PLAUSIBLE = 0.7
_SHORT_LATIN_TOKEN = re.compile(r"(?<![A-Za-z0-9-])([A-Za-z]{1,4})(?![A-Za-z0-9-])(\.?)")
_LONG_LATIN_WORD = re.compile("[A-Za-z]{5,}")
_LATIN_LETTERS = re.compile("[A-Za-z]+")
# a short Latin word opening a line, Thai right after it: a list's number or a mark in the
# margin the English model read (English terms run on: ``Open Data``, ``Cyber Security``)
_OPENING_LATIN = re.compile(r"\W*([A-Za-z]{2,5})\s+(?=[\u0e01-\u0e4e๐-๙])")
_LOWER_LATIN_WORD = re.compile(r"(?<![A-Za-z0-9-])[a-z]{5,}(?![A-Za-z0-9-])")
_LATIN_ANY = re.compile(r"(?<![A-Za-z0-9-])[A-Za-z]{2,}(?![A-Za-z0-9-])")
_LATIN_NEXT = re.compile(r"[\s,.:;'\"]*[A-Za-z]")
_THAI_DIGIT = re.compile("[๐-๙]")
_STRAY_SIGNS = re.compile(
    r"[!\[\]{}|©«»~^_\\<>;@$]"  # signs Thai papers do not use
    r"|(?:^|\s)/"  # a slash that follows no number or letter (a reference's follows digits)
    r"|^\W*[.,]\W*\s"  # a stop or comma before the first word
    r"|^\S\s{2,}"  # a lone sign before a wide blank
    r"|(?:พ\.\s?ศ\.|ปีงบประมาณ)\s*(?:[๐-๙0-9]{3}|[๐-๙0-9]{5,})(?![๐-๙0-9])"  # a year not
    # of four digits
    r"|[เแโใไ][๐-๙0-9]"  # a leading vowel before a digit
    # a bare consonant alone before a word (ณ is the one word so written): a digit or a
    # number's piece read as a letter (``ว ขอเชิญชวน``); a month's abbreviation cut at the
    # line's end (``ม. ค``) and a reference's letter (``จ ๔๕๙๒``) stand before no word
    "|(?:^|\\s)[ก-ฒด-ฮ]\\s+(?=[\u0e01-\u0e2e\u0e40-\u0e44])"
    # a stop or comma standing alone inside a line or ending it (a speck; a wrapped
    # abbreviation's stop may open one)
    r"|\S\s+[.,;](?=\s|$)"
    # a comma that groups no thousands (Thai text lists with blanks, not commas: a speck
    # read as one, ``หน่วยงานได้นำระบบ,``, ``Digital, Government``)
    r"|(?<![0-9๐-๙]),|,(?!\s?[0-9๐-๙]{3})"
    # an apostrophe or single quote: Thai has none (a speck, or a double quote's half)
    "|['\u2018\u2019`]"
    # an amount of five digits or more before บาท with no comma (papers group thousands)
    r"|(?<![0-9๐-๙,])[0-9๐-๙]{5,}\s*บาท"
    # capitals before a number in Thai digits: the English model's reading of a Thai word
    # (``AUUN ๑๘/๒๕๖๒`` for ฉบับที่); English terms go with Arabic numbers
    r"|(?<![A-Za-z])[A-Z]{3,6}\s+[๐-๙]"
)
# nine digits or more with no separator: no Thai number is written so but a phone's (a
# reference's slash read as a digit: ``อก ๓๓๖๓๕๘๕๓๘๙``)
_LONG_NUMBER = re.compile("(?<![0-9๐-๙])[0-9๐-๙]{9,}(?![0-9๐-๙])")
_AFTER_PHONE_LABEL = re.compile(f"(?:{_PHONE_OPENS.pattern})$")


def long_number(text: str) -> bool:
    """Whether ``text`` holds nine digits or more in a row that are no phone's (after its
    label)."""
    return any(
        _AFTER_PHONE_LABEL.search(text, 0, m.start()) is None for m in _LONG_NUMBER.finditer(text)
    )


_MONTH_NAMES = "|".join(re.escape(m) for m in MONTH_WORDS)  # the months as written, alternated
# a short token with a digit and something else in it before a month name, where its day stands
_DAY_BEFORE_MONTH = re.compile(
    r"(?<!\S)((?=\S{0,3}[๐-๙0-9])(?=\S{0,3}[^\s๐-๙0-9,.])\S{2,4})\s+" f"(?={_MONTH_NAMES})"
)
# ... or a sign and a digit, the sign the engine's for part of the day's glyph (``<๕ธันวาคม``
# for ๔ ธันวาคม, seed 94)
_SIGNED_DAY = re.compile(r"(?<!\S)([<>()\[\]{}|/\\]+[๐-๙0-9]{1,2})\s*" f"(?={_MONTH_NAMES})")
_ISSUE_SLOT = re.compile(r"ฉบับท[ิี]่?\s*((?=\S{0,2}[^\s๐-๙0-9/])\S{1,3}?)/(?=[๐-๙0-9])")
# a year after a month, its century read and its last digits read as letters (``ก.ค. ๒๕วดา``
# for ๒๕๖๓, seed 95)
_LETTERED_YEAR = re.compile(
    f"(?:{_MONTH_NAMES})"
    + r"\s*(?:พ\.\s?ศ\.\s*)?((?:๒[๔๕]|2[45])[๐-๙0-9]?[\u0e01-\u0e4e]{1,4})(?!\S)"
)
# a number after a month name where its year stands
_YEAR_AFTER_MONTH = re.compile(
    f"(?:{_MONTH_NAMES})" + r"\s*(?:พ\.\s?ศ\.\s*)?([๐-๙0-9]+)(?![๐-๙0-9])"
)


_CENTURIES = ("24", "25", "26", "19", "20")
# a short Latin word where a date's month stands, between a day and a year (``26 No, 2553``:
# the English model's reading of พ.ย.)
_LATIN_MONTH = re.compile(
    "(?<![0-9๐-๙])[0-9๐-๙]{1,2}\\s+[A-Za-z]{1,4}[.,]?\\s+"
    "(?:[0-9๐-๙]{2}|(?:24|25|19|20|๒๔|๒๕|๑๙|๒๐)[0-9๐-๙]{2})(?![0-9๐-๙])"
)
# a word where a date's day stands, between its label and its month (``วันที่ คง ธันวาคม``)
_WORD_FOR_DAY = re.compile(r"วันที่\s*[^\s0-9๐-๙]+\s+" + f"(?:{_MONTH_NAMES})")


def odd_year(text: str) -> bool:
    """Whether a number after a month name is no year a paper gives: a year is two digits
    (``ม.ค. ๖๓``) or four, a Buddhist Era year in the 2400s–2600s or a Christian Era one in the
    1900s–2000s (``กรกฎาคม ๓๓๓๐๘`` is a misread ๒๕๖๕); one digit is a count (``มกราคม ๒
    ครั้ง``). Nor does a paper give a date whose day is a word, or whose month is a Latin word
    or a month's name misread."""
    for m in _YEAR_AFTER_MONTH.finditer(text):
        year = to_arabic_digits(m.group(1))
        if len(year) == 3 or len(year) > 4 or (len(year) == 4 and year[:2] not in _CENTURIES):
            return True
    # ... nor a date with a word for its day (``วันที่ คง ธันวาคม``) or its month
    return (
        _WORD_FOR_DAY.search(text) is not None
        or _LATIN_MONTH.search(text) is not None
        or misread_month(text)
    )


_ARABIC_DIGIT = re.compile("[0-9]")
# a memo's reference line: its label, the ministry's code, the office's number
_CODED_REFERENCE = re.compile(f"^ที่\\s+([\u0e01-\u0e4e]+)\\s*[{THAI}0-9]")


def unknown_code(text: str) -> bool:
    """Whether ``text`` is a memo's reference line whose code no ministry has (``ที่ สีงิ
    ๙๓๘๐/จ``: the reference's own reading snaps it to สธ, the line as read is wrong)."""
    m = _CODED_REFERENCE.match(text)
    return m is not None and not _known_code(m.group(1))


def misread_month(text: str) -> bool:
    """Whether ``text`` holds a month's name with one letter or mark misread (``กันวาคม``
    for ธันวาคม: real short words to the dictionary, กัน วา คม): no word is one edit from a
    month's name."""
    from rapidfuzz.distance import Levenshtein

    for run in _THAI_RUN.findall(text):
        for month in FULL_MONTHS:
            n = len(month)
            if month in run or len(run) < n - 1:
                continue
            # one edit leaves the name's first two letters or its last two as they are: the
            # pieces of ``run`` that open or end so are all there is to try
            pieces = {
                run[i : i + size] for i in _finds(run, month[:2]) for size in (n - 1, n, n + 1)
            } | {
                run[max(0, e + 2 - size) : e + 2]
                for e in _finds(run, month[-2:])
                for size in (n - 1, n, n + 1)
            }
            if any(Levenshtein.distance(p, month, score_cutoff=1) == 1 for p in pieces):
                return True
    return False


def _finds(text: str, part: str) -> list[int]:
    """Where ``part`` stands in ``text``."""
    out, i = [], text.find(part)
    while i >= 0:
        out.append(i)
        i = text.find(part, i + 1)
    return out


_THAI_RUN = re.compile("[\u0e01-\u0e4e]+")


# (a pen's ๗ is often read ๆ)
_FIGURE_DATE = re.compile(
    r"(?<![0-9๐-๙ๆ/])[0-9๐-๙ๆ]{1,2}/[0-9๐-๙ๆ]{1,2}/[0-9๐-๙ๆ]{2,4}(?![0-9๐-๙ๆ/])"
)
# the words of routing notes; a line of nothing else is a note
ROUTING_WORDS = frozenset(
    "ทราบ มอบ อนุมัติ ดำเนินการ โปรดทราบ เห็นควร แจ้ง แจ้งเวียน เรียน ผอ. เพื่อ โปรด "
    "พิจารณา กลุ่ม งาน ด่วน เร่งด่วน ทุก ตาม เสนอ".split()
)


def pen_style(text: str, slack: int | None = None) -> bool:
    """What a pen writes, whatever the hand: a date in figures with slashes (typed dates are
    written in words), or a short line of routing words only (``ทราบ มอบ กลุ่มงาน``,
    ``ดำเนินการตามเสนอ``, ``มอบ คุณสมศรี แจ้งเวียน``: a person named after คุณ), a letter of
    them misread in a line of ten letters or more (``slack``: that many, whatever the length,
    marks aside and in words of three letters too: ``เยอโปรดทราม`` for เพื่อโปรดทราบ)."""
    if _FIGURE_DATE.search(text):
        return True
    # (as the engine read it: ำ still in two pieces; a pen's slashes and dashes are no words)
    words = [t for t in tokens(repair_text(text)) if _THAI_LETTER.search(t)]
    letters = "".join(words)
    if not 0 < len(words) <= ROUTING_LINE:
        return False
    if slack is not None:
        return _routing_only(letters, slack) or _routing_only(
            word_skeleton(letters), slack, _ROUTING_SKELETONS, fuzzy_from=3
        )
    # (a letter misread is let pass in a line long enough that no typed line is so near)
    return _routing_only(letters, 1 if len(letters) >= ROUTING_SLACK_LETTERS else 0)


def pen_written(text: str, typed_prob: float) -> bool:
    """Whether a line the classifier took for typed (``typed_prob`` sure) is a pen's by its
    words (``pen_style``): routing words, or, where the classifier doubts it
    (``PEN_STYLE_DOUBT``), routing words with a letter misread, marks aside (``เฉินควรอนมัติ``
    for เห็นควรอนุมัติ in a regular hand, typed at 0.79, seed 92)."""
    return pen_style(text) or (typed_prob < PEN_STYLE_DOUBT and pen_style(text, slack=1))


_ROUTING_SKELETONS = frozenset(word_skeleton(w) for w in ROUTING_WORDS)  # ... marks aside
ROUTING_LINE = 6  # words at most in a line of routing words
ROUTING_SLACK_LETTERS = 10  # letters of a line of routing words read with one letter wrong
_NAME_LONGEST = 16  # letters of the longest given name looked for after คุณ


def _routing_only(
    letters: str, slack: int = 0, routing: frozenset[str] = ROUTING_WORDS, fuzzy_from: int = 4
) -> bool:
    """Whether ``letters`` (a line's words run together) are ``routing`` words end to end, each
    ``คุณ`` followed by a listed given name, and one routing word at least (the dictionary's
    words split ``แจ้งเวียน`` and ``ดำเนินการตามเสนอ`` elsewhere than its words do); with
    ``slack``, that many letters of the routing words (of ``fuzzy_from`` letters or more) may
    be misread (``ดำเนินภารตามเสนอ``: a pen's ก read ภ)."""
    from pipeline.thai.names import given_names

    given = given_names()
    n = len(letters)
    # how far the letters are read with e letters misread (ends[e]): 0 not, 1 by names only
    # (คุณสมชาย alone is no note), 2 with a routing word among them
    ends = [[0] * (n + 1) for _ in range(slack + 1)]
    ends[0][0] = 1
    for i in range(n):
        for e, row in enumerate(ends):
            if not row[i]:
                continue
            for w in routing:
                if letters.startswith(w, i):
                    row[i + len(w)] = 2
                elif e < slack and len(w) >= fuzzy_from and i + len(w) <= n:
                    misread = sum(a != b for a, b in zip(letters[i : i + len(w)], w, strict=True))
                    if e + misread <= slack:
                        ends[e + misread][i + len(w)] = 2
            if letters.startswith("คุณ", i):
                start = i + len("คุณ")
                for j in range(start + 2, min(n, start + _NAME_LONGEST) + 1):
                    if letters[start:j] in given:
                        row[j] = max(row[j], row[i])
    return any(row[n] == 2 for row in ends)


_THAI_NEXT = re.compile(r"[\s,.]*[\u0e01-\u0e4e]")


def _beside_thai(text: str, start: int, end: int) -> bool:
    """Whether the nearest sign before or after ``text[start:end]`` (spaces skipped) is Thai."""
    before, after = text[:start].rstrip(), text[end:].lstrip(" ,.")
    return bool(
        (before and "\u0e01" <= before[-1] <= "\u0e5b")
        or (after and "\u0e01" <= after[0] <= "\u0e5b")
    )


# English words of a letter or two (lower case) that may follow an English term in a Thai line
_ENGLISH_SHORT = frozenset("a an of in on at to by is as or be it we no".split())
# two-letter acronyms of Thai government papers, which are no misreading
COMMON_ACRONYMS = frozenset("AI IT HR PR ID QR UN TV PC OK".split())
# ... and longer ones they cite, which the Thai model reads as Thai words (``KPI`` as เจ็ด,
# common: seeds 91 and 92), where capitals the English model took for Thai (``WAU`` for ทั้งนี้,
# ``NIU`` for ผ่าน) are read again as Thai
CITED_ACRONYMS = COMMON_ACRONYMS | frozenset(
    """KPI PDPA ICT OKR SDG SDGS GDP ASEAN BCG EEC ESG CEO CIO API GIS PMQA ITA NGO OTOP SME
    SMES HRD RPA VPN GFMIS ERP CCTV COVID WHO OECD UNDP UNESCO UNICEF BOI NESDC OPDC BOT
    PDF URL USB LAN IP DNS ISO TOR MOU""".split()
)


def _unsure_symbol(ln: Line) -> bool:
    """The engine was unsure of one of the line's characters (its mean confidence hides one
    doubtful letter among fifty sure ones)."""
    return bool(ln.words) and min(w.confidence for w in ln.words) < UNSURE_SYMBOL


_ASCII_SIGNS = re.compile("[\\s!-/:-@\\[-`{-~]")  # white space and ASCII punctuation
_LONE_LATIN = re.compile("\\W*[A-Za-z]{1,4}\\W*")


STAMP_BAND = 0.15  # the top of the page, where a received stamp stands
STAMP_LINE = 40  # characters: a line of a stamp, not of text that runs under it
# a time; not a date written with stops (๑๔.๑๒.๖๕)
_CLOCK = re.compile("(?<![0-9๐-๙.])[0-9๐-๙]{1,2}[.:][0-9๐-๙]{2}(?![0-9๐-๙]|\\.[0-9๐-๙])")
SLIVER = 0.45  # a typed line this much lower than the page's usual one is a sliver of one
HIDDEN_INK = 1.0  # x-heights squared of ink hidden inside a line's box that lost it letters


def _doubt(ln: Line, conf: float = UNSURE_CONF) -> None:
    """Put ``ln`` under the review threshold: its confidence at most ``conf``."""
    ln.confidence = round(min(ln.confidence, conf), 4)


def doubt_slivers(lines: list[Line]) -> None:
    """A typed line far lower than the page's lines of text (a strip of a line's feet or marks
    that layout or the engine split off, read as a word: ``ขบขม``) goes under the review
    threshold: most of its line is elsewhere, or lost."""
    heights = [ln.bbox[3] - ln.bbox[1] for ln in lines if len(ln.text.strip()) >= 10]
    if len(heights) < 3:
        return
    usual = float(np.median(heights))
    for ln in lines:
        if ln.bbox[3] - ln.bbox[1] < SLIVER * usual:
            _doubt(ln)


def doubt_stamp_times(lines: list[Line], page_height: int) -> None:
    """A short typed line in the top of the page that holds a time (``13.58 ๘``, ``บันทึก
    ข้อความ . เวลา 16.00``) is a received stamp's, its values written by hand, or runs into
    one: no memo's typed header holds a time. It goes under the review threshold."""
    for ln in lines:
        if (
            ln.bbox[1] < STAMP_BAND * page_height
            and len(ln.text) <= STAMP_LINE
            and _CLOCK.search(ln.text)
        ):
            _doubt(ln)


def doubt_hidden_ink(lines: list[Line], lay: layout.Layout, ocr_ink: np.ndarray) -> None:
    """A typed line across a figure layout hid from OCR below the page's head (a pen note's
    dense strokes over the line's words, taken for a drawing: ``ได้รับมอบหมายให้ดำเนิน`` read
    ``ได้รับมอบหมาย   เนิน``) lost the letters under it: with a letter's ink or more hidden
    inside its box (``HIDDEN_INK`` x-heights squared) it goes under the review threshold. (The
    emblem at the head is left out: it stands beside the title and the agency's line, which it
    hides nothing of; the letters a signature or pen ink crossed are given back to OCR.) So
    does one whose rows a pen's word reaches half an x-height into, where layout took it out
    of the typed letters it was joined to (``layout.Layout.pen_words``): the letters the pen
    crossed are mended, not whole (``ระหว่าง`` under ``ทราบ`` read ``ระ97ว่าง``, seed 95)."""
    figures = [
        r.bbox
        for r in lay.regions
        if r.kind == RegionKind.FIGURE and r.bbox[1] >= STAMP_BAND * lay.ink.shape[0]
    ]
    if not figures and not lay.pen_words:
        return
    least = HIDDEN_INK * max(1.0, lay.x_height) ** 2
    for ln in lines:
        lx0, ly0, lx1, ly1 = ln.bbox
        if any(
            min(lx1, px1) > max(lx0, px0) and min(ly1, py1) - max(ly0, py0) >= lay.x_height / 2
            for px0, py0, px1, py1 in lay.pen_words
        ):
            _doubt(ln)
            continue
        hidden = 0
        for fx0, fy0, fx1, fy1 in figures:
            x0, y0 = max(ln.bbox[0], fx0), max(ln.bbox[1], fy0)
            x1, y1 = min(ln.bbox[2], fx1), min(ln.bbox[3], fy1)
            if x1 > x0 and y1 > y0:
                hidden += int(
                    np.count_nonzero((lay.ink[y0:y1, x0:x1] > 0) & (ocr_ink[y0:y1, x0:x1] == 0))
                )
        if hidden >= least:
            _doubt(ln)


def doubt_above_title(lines: list[Line], title: Line) -> None:
    """A memo's typed text begins at its title: a line wholly above it is a stamp's or a
    marking's (a received stamp's printed name or number, in ink colour could not tell from
    type), read for the record but doubted."""
    for ln in lines:
        if ln.bbox[3] <= title.bbox[1]:
            _doubt(ln)


def reads_doubtfully(text: str) -> bool:
    """Typed Thai that is likely misread:

    - Thai that no dictionary word, name or code accounts for (``จ้านวน``, ``เรียนมาเพื่ อ``):
      a misread letter or mark leaves such a piece; on the bench it marks a line with an error
      in nearly every case; and a short rare word whose letters make a very common word with
      other marks (``ผุ`` for ผู้): a mark lost leaves a real but unlikely word;
    - in a Thai line with no English word, a short Latin token that is no acronym or
      capitalised word (lower case, one letter, mixed case, letters before a stop): the English
      model taking Thai letters (``aw`` for a number, ``WA.`` for พ.ศ., ``UM`` for บาท);
      ``KPI``, ``AI`` and ``Big`` are left alone;
    - a short Latin word alone on a line that is no acronym (``Ani``): what a pen note's
      clearing left of the typed letters it crossed, read as a word; and one opening a Thai
      line (``Ynys การประชุม``, ``Boe หน่วยงาน``): a list's number or a margin's mark so read;
    - letter salad: under half of the Thai in dictionary words;
    - signs no typist puts in Thai text (``!``, ``[``, ``|``, ``©``), a slash that follows no
      number, a stray sign before a line's first word (``., ขอเชิญ``), a year of five digits,
      a bare consonant alone before a word (``ว ขอเชิญชวน``), nine digits in a row that are
      no phone's, a stop or comma alone inside a line, an amount with no comma (``๗๕๙๐๐๐
      บาท``), capitals before a Thai-digit number (``AUUN ๑๘/๒๕๖๒``);
    - what a pen writes, taken for type: a date in figures with slashes (``25/4/53``; typed
      dates are written in words), a short line of routing words only (``ทราบ มอบ กลุ่มงาน``).
    """
    share, thai = plausibility(text)
    if thai >= 10 and share < LOW_PLAUSIBILITY:
        return True
    if thai and (unknown_words(text) or lost_mark_word(text) or fragmented_run(text)):
        return True
    numbers = _THAI_DIGIT.search(text) is not None
    if (thai or numbers) and _STRAY_SIGNS.search(text):
        return True
    if pen_style(text) or odd_year(text) or long_number(text) or unknown_code(text):
        return True
    if numbers and _ARABIC_DIGIT.search(text):
        return True  # Thai and Arabic digits in one line: one of them misread (``5. ๐๔๐๔๕``)
    if (thai or numbers) and _NO_ENGLISH.search(text):
        return True  # no English a Thai paper cites (``ii WUdodoodé๐``)
    squashed = _ASCII_SIGNS.sub("", text)
    if len(squashed) <= 2 and not squashed.isdigit() and text.strip():
        return True  # a letter or two (and signs): a speck read as text (``Al  '``)
    if _LONE_LATIN.fullmatch(text) and not squashed.isupper():
        return True  # a short word alone on a line, no acronym: what is left of ink read so
    if thai or numbers:
        opening = _OPENING_LATIN.match(text)
        if thai and opening and not opening.group(1).isupper():
            return True  # a word no acronym opening a Thai line (``Ynys การประชุม``)
        for m in _SHORT_LATIN_TOKEN.finditer(text):
            tok, dot = m.groups()
            if len(tok) == 1 and dot:
                return True  # one letter and a stop: a Thai abbreviation's (ส.ค. → a. ค.)
            if not thai:
                return True  # a word among Thai numbers, no Thai words: ``Caw ๒๐๒๖``
            if not tok.isupper() and not tok.istitle() and _beside_thai(text, m.start(), m.end()):
                return True  # ``กรกฎาคม yn, ๒๕๕๔``, even in a line with English words
            if tok.islower() and len(tok) <= 2 and tok not in _ENGLISH_SHORT:
                return True  # ``Smart Office wa``: no English word, in a Thai line
            if (
                tok.isupper()
                and len(tok) <= 3
                and number_slot(text, m.start(), m.end())
                and _THAI_NEXT.match(text, m.end())
            ):
                return True  # capitals where a unit stands: ``๖๙๙,๐๐๐ LIM สำหรับ``
        for m in _LOWER_LATIN_WORD.finditer(text):
            if _beside_thai(text, m.start(), m.end()):
                return True  # a lower-case word amid Thai (``๐ ๑๘๗๖ petals``): a misreading
        for m in _LATIN_ANY.finditer(text):
            # a word standing alone where a number stands (``มกราคม Webs ถึง``, ``๗๕๘ UN``);
            # an English term runs on into the next word (``๒๕๖๕ Open Data``)
            if number_slot(text, m.start(), m.end()) and not _LATIN_NEXT.match(text, m.end()):
                return True
    if _LONG_LATIN_WORD.search(text):
        return False
    if not (thai or numbers):
        latin = _LATIN_LETTERS.findall(text)
        # Latin scraps, no Thai, no English word, no acronyms alone (``Vg 53``, ``tC" way``):
        # a signature or a pen's scribble read as letters
        return bool(latin) and not all(len(t) >= 2 and t.isupper() for t in latin)
    for m in _SHORT_LATIN_TOKEN.finditer(text):
        tok, dot = m.groups()
        if len(tok) == 1 or dot or tok.islower() or not (tok.isupper() or tok.istitle()):
            return True
        if len(tok) == 2 and tok.isupper() and tok not in COMMON_ACRONYMS:
            return True  # two capitals are mostly Thai the English model took (UM for บาท)
    return False


# a digit with a vowel or tone mark on it (marks sit on consonants), or a letter the Thai model
# puts for a digit still glued to a number: a number the digit re-reading could not mend
_LOOK = "".join(sorted(LOOKALIKES))  # the lookalike letters, for character classes
# a phone's group of four digits or fewer as the Thai model may read it: lookalikes, marks on them
_LOOKALIKES_ONLY = re.compile(f"[{_LOOK}][{_LOOK}{MARKS}]{{0,5}}")
_CONSONANTS_ONLY = re.compile(f"[{''.join(sorted(CONSONANTS))}]{{1,4}}")
_IMPOSSIBLE_NUMBER = re.compile(
    f"[๐-๙0-9][{MARKS}\u0e46]"
    f"|[๐-๙][./-]?[{_LOOK}](?![\u0e01-\u0e4e])"
    f"|(?<![\u0e01-\u0e4e])[{_LOOK}][๐-๙]"
    f"|[๐-๙][./][{_LOOK}]"
    # ... or a word glued between a number and its slash (``๖๕๑๓แต่/ว``: the office's last digit
    # and its stop read as a word)
    "|[๐-๙0-9][\u0e01-\u0e4e]+/"
)


def impossible_number(text: str) -> bool:
    """Whether ``text`` holds a number no typist wrote (``๘่อฒ่อ``, ``๒๕๖ฒ``)."""
    return _IMPOSSIBLE_NUMBER.search(text) is not None


def find_lines(engine: OcrEngine, gray: np.ndarray, dpi: int, options: Options) -> list[Line]:
    """Empty lines (boxes only, in ``gray``'s frame) in reading order."""
    img, s = _for_ocr(gray, dpi, options)
    boxes = engine.find_lines(img, int(round(dpi * s)))
    return [Line(text="", bbox=_scale_box(b, s) if s != 1.0 else b, confidence=0.0) for b in boxes]


def _crop(gray: np.ndarray, b: BBox, pad: int = 6) -> tuple[np.ndarray, int, int]:
    h, w = gray.shape
    x0, y0 = max(0, b[0] - pad), max(0, b[1] - pad)
    x1, y1 = min(w, b[2] + pad), min(h, b[3] + pad)
    return gray[y0:y1, x0:x1], x0, y0


def _read_region(
    engine: OcrEngine,
    gray: np.ndarray,
    b: BBox,
    dpi: int,
    options: Options,
    psm: int = 6,
    pad: int = 6,
    languages: str | None = None,
) -> list[Line]:
    crop, ox, oy = _crop(gray, b, pad)
    if crop.size == 0 or min(crop.shape) < 8:
        return []
    lines = _ocr(engine, crop, dpi, options, psm, languages)
    for ln in lines:
        ln.bbox = _shift_box(ln.bbox, ox, oy)
        for w in ln.words:  # symbols too: the digit re-reading cuts glyphs at their boxes
            w.bbox = _shift_box(w.bbox, ox, oy)
    return lines


def _cut_rows(
    tops: np.ndarray, heights: np.ndarray, cut_off: np.ndarray, sh: int
) -> list[tuple[int, int]]:
    """The rows of a strip ``sh`` rows high that the components ``cut_off`` by its top and by
    its bottom edge span, each with the row beside them (their fringe): one span, two, or none."""
    top, bottom = tops[cut_off], tops[cut_off] + heights[cut_off]
    spans = []
    if (at_top := top <= 0).any():
        spans.append((0, min(sh, int(bottom[at_top].max()) + 1)))
    if (at_bottom := bottom >= sh).any():
        start = max(0, int(top[at_bottom].min()) - 1)
        if spans and start <= spans[0][1]:
            return [(0, sh)]
        spans.append((start, sh))
    return spans


def line_band(
    gray: np.ndarray,
    ln: Line,
    line_height: float,
    others: list[BBox] = (),  # type: ignore[assignment]
    top: float = 0.6,
    bottom: float = 0.35,
) -> tuple[np.ndarray, int, int]:
    """The line's strip, padded for stacked Thai marks, with other lines' ink removed.

    Line boxes clip the row of marks above (tone marks over upper vowels) and the vowels below;
    the strip reaches past them. Ink that reaches into another line's core (the middle of its
    box: that line's letters) goes, and so does ink cut by the strip's edge; marks floating
    between two lines stay.
    """
    x0, y0, x1, y1 = ln.bbox
    h = max(1.0, line_height)
    H, W = gray.shape
    ya, yb = max(0, int(y0 - h * top)), min(H, int(y1 + h * bottom))
    xa, xb = max(0, x0 - 12), min(W, x1 + 12)
    strip = gray[ya:yb, xa:xb].copy()
    if strip.size == 0:
        return strip, xa, ya
    _, ink = cv2.threshold(strip, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, labels, stats = components(ink)
    sh = strip.shape[0]

    def core(b: BBox) -> tuple[float, float]:
        bh = b[3] - b[1]
        return b[1] + 0.3 * bh, b[3] - 0.2 * bh

    near_boxes = [o for o in others if o[3] > ya - h and o[1] < yb + h and o[2] > xa and o[0] < xb]
    near = [core(o) for o in near_boxes]
    mine = core(ln.bbox)

    tops, heights = stats[:, 1], stats[:, 3]
    # cut by the strip's edge (all at once: a python loop over every component is slow), with
    # the grey fringe around it, which the threshold leaves out (a hollow ghost of the glyph
    # reads as letters)
    cut_off = ((tops <= 0) | (tops + heights >= sh)) & (heights < sh * 0.8)
    cut_off[0] = False
    for r0, r1 in _cut_rows(tops, heights, cut_off, sh):
        # (within the rows they span and a row beside: the strip's middle holds none)
        rows = labels[r0:r1]
        gone = cut_off[rows]
        fringe = cv2.dilate(gone.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
        strip[r0:r1][gone | (fringe & (rows == 0))] = 255
    in_mine = (ya + tops < mine[1]) & (ya + tops + heights > mine[0])
    if not near:
        return strip, xa, ya
    # components outside this line's core that reach into another line's core (all at once;
    # most components are this line's marks, which reach none)
    c_lo, c_hi = np.array(near).T
    reach = (ya + tops[:, None] < c_hi) & (ya + tops[:, None] + heights[:, None] > c_lo)
    candidates = ~cut_off & ~in_mine & reach.any(axis=1)
    candidates[0] = False
    for i in np.nonzero(candidates)[0]:
        cy0, ch = int(tops[i]), int(heights[i])
        j = int(np.argmax(reach[i]))  # the first line it reaches
        c, other = near[j], near_boxes[j]
        # a mark of this line touching a vowel of the next line (tight spacing): cut the join
        # at its narrowest row between the two cores and keep this line's part
        cols = slice(int(stats[i, 0]), int(stats[i, 0] + stats[i, 2]))  # its own columns
        comp = labels[:, cols] == i
        above = c[1] <= mine[0]
        lo = int(max(cy0, (c[1] if above else mine[1]) - ya))
        hi = int(min(cy0 + ch, (mine[0] if above else c[0]) - ya))
        if hi - lo < 2:
            strip[:, cols][comp] = 255
            continue
        widths = comp[lo:hi].sum(axis=1)
        cut = lo + int(np.argmin(widths))
        # the other line's box ends where its lower vowels end: nothing of it lies past that
        edge = (other[3] if above else other[1]) - ya
        if lo <= edge < hi:
            cut = max(cut, edge) if above else min(cut, edge)
        if above:
            strip[: cut + 1, cols][comp[: cut + 1]] = 255
        else:
            strip[cut:, cols][comp[cut:]] = 255
    return strip, xa, ya


def _centred_in(components: np.ndarray, box: BBox) -> np.ndarray:
    """Which components (rows of x, y, w, h, area) have their centre in ``box``."""
    cx = components[:, 0] + components[:, 2] / 2
    cy = components[:, 1] + components[:, 3] / 2
    return (cx >= box[0]) & (cx <= box[2]) & (cy >= box[1]) & (cy <= box[3])


def _inside(components: np.ndarray, box: BBox) -> np.ndarray:
    """Which components (rows of x, y, w, h, area) lie wholly in ``box``."""
    x, y = components[:, 0], components[:, 1]
    return (
        (x >= box[0])
        & (y >= box[1])
        & (x + components[:, 2] <= box[2])
        & (y + components[:, 3] <= box[3])
    )


def _median_component_height(components: np.ndarray, box: BBox) -> float:
    sel = _centred_in(components, box)
    return float(np.median(components[sel, 3])) if sel.any() else 0.0


def merge_row_fragments(lines: list[Line]) -> list[Line]:
    """Join line boxes that share a row (layout analysis splits lines into false columns).

    Memos and newsletters have one text column (tables are handled apart), so boxes that overlap
    vertically by most of their height and sit within a few line heights of each other are one
    line; the merged line takes the reading position of its first fragment.
    """
    if len(lines) < 2:
        return lines
    med = float(np.median([ln.bbox[3] - ln.bbox[1] for ln in lines]))
    out: list[Line] = []
    for ln in lines:
        x0, y0, x1, y1 = ln.bbox
        for m in out:
            mx0, my0, mx1, my1 = m.bbox
            v = min(y1, my1) - max(y0, my0)
            gap = max(mx0, x0) - min(mx1, x1)
            # side by side, not stacked: fragments of one line barely overlap across; a box
            # inside the other (a glyph the engine boxed apart within its line) is the line's
            stacked = gap < -0.3 * min(x1 - x0, mx1 - mx0)
            if bbox_inside(ln.bbox, m.bbox, 3):
                break
            if bbox_inside(m.bbox, ln.bbox, 3):
                m.bbox = ln.bbox
                break
            if v >= 0.6 * min(y1 - y0, my1 - my0) and gap < 4 * med and not stacked:
                m.bbox = (min(x0, mx0), min(y0, my0), max(x1, mx1), max(y1, my1))
                break
        else:
            out.append(Line(text=ln.text, bbox=ln.bbox, confidence=ln.confidence))
    return _unstack(out)


TALL_BOX = 1.5  # of the page's median line height: a box this tall holds more than one line
# of the line over it: a box from that line's top down past it narrower than this is its
# wrapped end's (a recipient's post under ``เรียน …``, indented, half the line and more)
WRAPPED_WIDTH = 0.75


def _unstack(lines: list[Line]) -> list[Line]:
    """A line box that reaches down through most of the next line (layout analysis confused by
    stray strokes) ends where that line's letters begin. A sliver (a row of marks, a speck
    row) is no next line: it never cuts the line it lies in; nor is a short box that lies
    within the line's own rows (a pen stroke or a stamp's letters over its end), nor a box
    narrower than a line is tall (a glyph or two with a tail the engine boxed apart: the
    ``ให้`` opening a line cut it to its top half, and the line was read as marks)."""
    if not lines:
        return lines
    med = float(np.median([ln.bbox[3] - ln.bbox[1] for ln in lines]))
    for a in lines:
        for b in lines:
            ax0, ay0, ax1, ay1 = a.bbox
            bx0, by0, bx1, by1 = b.bbox
            across = min(ax1, bx1) - max(ax0, bx0)
            # (the box below two lines high and this one a line's: the box below is the
            # confused one, where it reaches up into this line's lower part; one from this
            # line's top, as wide, is its paragraph boxed whole, below)
            tall = by1 - by0 > TALL_BOX * med > ay1 - ay0
            if (
                b is a
                or by1 - by0 < 0.5 * med
                or bx1 - bx0 < med
                or by0 <= ay0
                or across < 0.5 * min(ax1 - ax0, bx1 - bx0)
                or (
                    ay1 < by0 + 0.5 * (by1 - by0)
                    and not (tall and ay0 + 0.25 * (ay1 - ay0) <= by0 < ay1 - 0.2 * (ay1 - ay0))
                )
                or (by1 <= ay1 and bx1 - bx0 < 0.5 * (ax1 - ax0))
            ):
                continue
            if tall:
                # ... unless the box below is the confused one: it reaches up over this line's
                # lower half (a signer's position line boxed from the name's parentheses down,
                # seed 70, read ``นักจั ๑(ลางเชาญการ``), or into its lower part (a paragraph's
                # next line boxed from a third of the way down this one, seed 83, read
                # ``ยงบปร.มาณ เพื่อให้การ… ได้แนบรายละเอียด…``), and starts where this line ends
                b.bbox = (bx0, int(ay1 - 0.2 * (ay1 - ay0)), bx1, by1)
                continue
            a.bbox = (ax0, ay0, ax1, int(by0 + 0.25 * (by1 - by0)))
    for a in lines:
        for b in lines:
            # ... and a short box that starts with the line over it and reaches a line below
            # it holds that line and a stretch of the one over it (``ผู้อำนวยการกอง`` wrapped
            # under ``เรียน ผู้อำนวยการกอง ผ่าน …``, read twice, seed 59; ``ผู้อำนวยการสำนัก
            # บริหารกลาง``, 0.52 of the line over it, seed 80): it starts where the line over it
            # ends. (A box nearly as wide, ``WRAPPED_WIDTH``, is a paragraph's lines boxed as one.)
            ax0, ay0, ax1, ay1 = a.bbox
            bx0, by0, bx1, by1 = b.bbox
            if (
                b is not a
                and abs(by0 - ay0) < 0.25 * (ay1 - ay0)
                and by1 - ay1 > 0.5 * med
                and bx1 - bx0 < WRAPPED_WIDTH * (ax1 - ax0)
                and min(ax1, bx1) - max(ax0, bx0) >= 0.9 * (bx1 - bx0)
            ):
                b.bbox = (bx0, int(ay1 - 0.2 * (ay1 - ay0)), bx1, by1)
    return lines


def drop_mark_rows(lines: list[Line], components: np.ndarray | None, x_height: float) -> list[Line]:
    """Remove 'lines' that are only the row of marks above a real line (Tesseract splits them off).

    A mark row sits on top of (or overlapping) a line below that spans it, and its ink is made
    of small components (tone marks, upper vowels) rather than letters of x-height size. Slivers
    inside another line's box go too. The padded re-read of the line below recovers the marks.
    """
    if len(lines) < 2:
        return lines
    heights = sorted(ln.bbox[3] - ln.bbox[1] for ln in lines)
    # a line is two x-heights tall and more with its marks, however many of the boxes are
    # fragments of a mark row (a page of a heading and a table has few lines)
    med = max(heights[len(heights) // 2], int(2 * x_height))
    tol = max(2, med // 10)  # the engine's boxes of a line and of its mark row differ by a pixel
    keep = []
    for ln in lines:
        x0, y0, x1, y1 = ln.bbox
        # (inside its rows, and across all but a little of its width: the engine's sliver
        # may run on past the line's end)
        inside = any(
            o is not ln
            and o.bbox[1] <= y0 + tol
            and o.bbox[3] >= y1 - tol
            and min(x1, o.bbox[2]) - max(x0, o.bbox[0]) >= 0.9 * (x1 - x0) - tol
            for o in lines
        )
        if inside and (y1 - y0) < 0.5 * med:
            continue
        below = [
            o
            for o in lines
            if o is not ln
            and (y1 - y0) < 0.8 * med
            and -med * 0.6 <= o.bbox[1] - y1 <= med * 0.3
            # (or level with it: the engine's box of the line below may take in its marks)
            and o.bbox[1] >= y0
            and min(x1, o.bbox[2]) - max(x0, o.bbox[0]) > 0.5 * (x1 - x0)
        ]
        if below and components is not None and len(components):
            mine = _median_component_height(components, ln.bbox)
            theirs = _median_component_height(components, below[0].bbox)
            if mine and theirs and (mine < 0.6 * theirs or mine < 0.6 * x_height):
                continue
        if (
            components is not None
            and len(components)
            and _foot_row(ln, lines, med, components, x_height)
        ):
            continue
        keep.append(ln)
    return keep


FOOT_ROW = 0.6  # of an x-height: the tallest piece of a row of feet below a line


def _foot_row(
    ln: Line, lines: list[Line], med: int, components: np.ndarray, x_height: float
) -> bool:
    """Whether ``ln`` is the row of marks and letters' feet just below a line that spans it
    (the detached foot of ฐ in the Royal Gazette's face, read ``๘๓`` as a line of its own):
    shorter than half a line, its pieces all small, and its top within 0.3 of a line of
    that line's foot. The padded re-read of the line above reads them with their letters."""
    x0, y0, x1, y1 = ln.bbox
    if y1 - y0 >= 0.5 * med:
        return False
    above = any(
        o is not ln
        and o.bbox[3] <= y1
        and -0.3 * med <= y0 - o.bbox[3] <= 0.3 * med
        and min(x1, o.bbox[2]) - max(x0, o.bbox[0]) >= 0.9 * (x1 - x0)
        for o in lines
    )
    if not above:
        return False
    sel = _centred_in(components, ln.bbox)
    return bool(sel.any()) and bool(components[sel, 3].max() < FOOT_ROW * x_height)


def tighten_to_letters(
    lines: list[Line], components: np.ndarray | None, x_height: float
) -> list[Line]:
    """Each line box cut, left and right, to its letters (components of letter height centred
    in it) with an x-height of margin: the engine's box of a heading often runs on across the
    page over the marks of the line below, which then pass for part of the line (its baseline,
    its width, its ink)."""
    if components is None or not len(components):
        return lines
    c = components
    tall = c[:, 3] >= 0.5 * x_height
    pad = int(round(x_height))
    for ln in lines:
        x0, y0, x1, y1 = ln.bbox
        sel = tall & _centred_in(c, ln.bbox)
        if not sel.any():
            continue
        nx0 = max(x0, int(c[sel, 0].min()) - pad)
        nx1 = min(x1, int((c[sel, 0] + c[sel, 2]).max()) + pad)
        if nx1 > nx0:
            ln.bbox = (nx0, y0, nx1, y1)
    return lines


class Deadline:
    """The page's time budget (``Options.page_timeout``), checked between OCR calls."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise LimitExceeded(f"page took longer than the limit of {self.seconds:g} s")


def reread_lines(
    engine: OcrEngine,
    gray: np.ndarray,
    lines: list[Line],
    dpi: int,
    options: Options,
    require_match: bool = True,
    deadline: Deadline | None = None,
) -> None:
    """Read each line from its padded band (single-line mode).

    With ``require_match`` (lines that already have a reading), the new reading replaces the old
    only when it has the same letters give or take marks; without it, it is the reading.
    """
    from rapidfuzz import fuzz

    from pipeline.extract.labels import skeleton

    if not lines:
        return
    heights = sorted(ln.bbox[3] - ln.bbox[1] for ln in lines)
    line_height = float(heights[len(heights) // 2])
    boxes = [ln.bbox for ln in lines]
    for ln in lines:
        if deadline is not None:
            deadline.check()
        strip, sx, sy = line_band(gray, ln, line_height, [b for b in boxes if b != ln.bbox])
        if strip.size == 0 or min(strip.shape) < 8:
            continue
        again = _ocr(engine, strip, dpi, options, psm=7)
        if not any(a.text.strip() for a in again):
            # single-line mode gives up on some bands (a big bold heading with the remnant of a
            # rule above it): read as a block, which finds the line inside
            again = _ocr(engine, strip, dpi, options, psm=6)
        if not again:
            continue
        text = " ".join(a.text for a in again).strip()
        # the same letters, give or take marks: a re-read that changed the words is not trusted
        # (where the English model took a number or a word of the first reading, its Thai is
        # compared: ``วันละ bo’ UM`` against ``วันละ ๒๐๕ บาท``)
        same = fuzz.ratio(skeleton(text), skeleton(ln.text)) >= 80 or (
            _english_intrusions(ln.text) > _english_intrusions(text)
            and fuzz.ratio(_thai_skeleton(text), _thai_skeleton(ln.text)) >= 80
        )
        if text and (not require_match or same):
            for a in again:
                for w in a.words:
                    w.bbox = _shift_box(w.bbox, sx, sy)
            # symbols are only kept where they align with one line of text (digit re-reading)
            ln.words = again[0].words if len(again) == 1 else []
            ln.text = text
            ln.raw_text = " ".join(a.raw_text for a in again).strip()
            ln.confidence = round(float(np.mean([a.confidence for a in again])), 4)
            if "tha" in options.languages.split("+"):
                if _english_intrusions(text):
                    _thai_reread(engine, strip, dpi, options, ln, sx, sy)
                _latin_number_reread(engine, strip, dpi, options, ln, sx, sy)
                _latin_line_reread(engine, strip, dpi, options, ln, sx, sy)
                _reference_letter_reread(engine, strip, dpi, options, ln, sx, sy)
                _reference_code_reread(engine, strip, dpi, options, ln, sx, sy)
                _month_reread(engine, strip, dpi, options, ln, sx, sy)
                _date_reread(engine, gray, dpi, options, ln)


_LATIN_TOKEN = re.compile(r"(?<![A-Za-z0-9-])([A-Za-z]{1,3})(?![A-Za-z0-9-])(\.?)")
_LATIN_WORD = re.compile("[A-Za-z]{4,}")
# a line that opens with Latin letters, signs and digits only, then a blank and the date label
_LATIN_REFERENCE = re.compile(r"\s*(?P<head>[A-Za-z][A-Za-z0-9./, -]*?)\s{3,}(?=วั?นท)")
_TITLE_WORD = re.compile(r"[A-Z][A-Za-z]*|[0-9]+")  # a capitalised English word, or a number
# no English a Thai paper cites: Latin letters with accents (``é``) and capitals run on into
# lower case (``WUdodood``): the English model reading Thai (``ที่ พน ๖๑๔๒…`` → ``ii WUdodoodé๐``)
_NO_ENGLISH = re.compile(r"[\u00c0-\u024f]|(?<![A-Za-z])[A-Z]{2,}[a-z]{2,}")
_THAI_LETTER = re.compile("[\u0e01-\u0e2e]")
_THAI_LETTER_OR_VOWEL = re.compile("[\u0e01-\u0e4e]")


def _thai_skeleton(text: str) -> str:
    """The Thai consonants and vowels of ``text``, nothing else."""
    from pipeline.extract.labels import skeleton

    return skeleton("".join(_THAI_LETTER_OR_VOWEL.findall(text)))


def _english_intrusions(text: str) -> int:
    """Short Latin tokens in a Thai line where the English model took over Thai letters
    (``ที่ สธ`` → ``fl a5``, ``ส. ค.`` → ``a. ค.``): lower-case or single letters, or letters
    before an abbreviation dot. Capitalised acronyms (AI, KPI) are English and are left; but
    past a memo's reference in Thai digits (``ที่ วธ ๔๙๔๒/ว ๓๔๑๗``) only its date stands, and
    every Latin word there is Thai the English model took (``Aull oc AU. ๒๕๕๙`` for วันที่ ๑๔
    ก.ย., seed 87). (Not past one in Arabic digits, which the Thai model misreads: its slash
    and letter, ``6220/9``, read ``6220เว``, bench corpus.)"""
    ref = _REFERENCE_SLOTS.match(text)
    if (
        ref is not None
        and ref["run"]
        and _known_code(ref["code"])
        and _THAI_DIGIT.search(ref.group(0))
        and not _ARABIC_DIGIT.search(ref.group(0))
    ):
        dated = len(_LATIN_LETTERS.findall(text, ref.end()))
        if dated:
            return dated + _english_intrusions(text[: ref.end()])
    head = _LATIN_REFERENCE.match(text)
    if (
        head is not None
        and find_date(text[head.end() :]) is not None
        and not all(_TITLE_WORD.fullmatch(w) for w in head["head"].split())
    ):
        # Latin letters alone before a Thai date's label across a blank: the memo's reference
        # the English model took, code and number (``i AN wawd.node      วันที่ ๑๐ มกราคม
        # ๒๕๒๓`` for ที่ กก ๙๓๙๖.๓๑๗๔, seed 94); not English words in capitals (a heading's
        # ``Smart Office``, ``KPI``, a year's 2022: words an English title is made of)
        return len(_LATIN_LETTERS.findall(head["head"]))
    if not _THAI_LETTER.search(text):
        # Thai digits with Latin letters and not one Thai letter: only the Thai model writes
        # those digits, so the English model took the line's words (``ii us ๙๓๘๑/๘๕๙๔ ; aun
        # ๒๘ SUIIAN ๒๕๕๒`` for ที่ นร … วันที่ ๒๘ ธันวาคม ๒๕๕๒)
        digits = _THAI_DIGIT.search(text)
        return len(_LATIN_TOKEN_ANY.findall(text)) if digits else 0
    odd = _NO_ENGLISH.findall(text)
    rest = _NO_ENGLISH.sub(" ", text) if odd else text
    if _LATIN_WORD.search(rest):
        # real English words the Thai model would destroy (``é-Saraban``: the line is doubted,
        # not read again)
        return 0
    n = len(odd)
    for m in _LATIN_TOKEN.finditer(rest):
        tok, dot = m.group(1), m.group(2)
        if dot or len(tok) == 1 or not _acronym(tok):
            n += 1
    return n


def _an_acronym(tok: str) -> bool:
    """A common acronym, or capitals alone (``KPI``, not ``Ace``)."""
    return tok in COMMON_ACRONYMS or (_acronym(tok) and tok.isupper())


def _acronym(tok: str) -> bool:
    """Capitals, the engine's l perhaps standing for an I (``Al`` for AI, ``KPl``; not All)."""
    caps = sum(c.isupper() for c in tok)
    return (
        len(tok) >= 2
        and tok[0].isupper()
        and tok.replace("l", "I").isupper()
        and tok.count("l") <= caps
    )


_ACRONYM_WITH_L = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Zl]*l[A-Zl]*(?![A-Za-z0-9])")


def mend_acronyms(text: str) -> str:
    """In a Thai line, an acronym with the engine's l for I put right (``กิจกรรม Al`` →
    ``กิจกรรม AI``): Thai documents cite acronyms, not words in capitals and l."""
    if not _THAI_LETTER.search(text):
        return text
    return _ACRONYM_WITH_L.sub(
        lambda m: m.group(0).replace("l", "I") if _acronym(m.group(0)) else m.group(0), text
    )


def _take_reading(ln: Line, cand: Line, sx: int, sy: int) -> None:
    """``ln`` takes ``cand``, a reading of its band (at ``sx``, ``sy`` in the page): text, raw
    text and symbols, and the lower of the two confidences."""
    for w in cand.words:
        w.bbox = _shift_box(w.bbox, sx, sy)
    ln.text, ln.raw_text, ln.words = cand.text, cand.raw_text, cand.words
    ln.confidence = round(min(ln.confidence, cand.confidence), 4)


# share of a Thai reading in dictionary words that takes it for a line the English model read
# all but its Thai digits of
DIGIT_LINE_WORDS = 0.5


def _thai_reread(
    engine: OcrEngine, strip: np.ndarray, dpi: int, options: Options, ln: Line, sx: int, sy: int
) -> None:
    """Read a Thai line again with the Thai model alone; keep that reading when it holds the same
    Thai and more (what the English model had taken) and no fewer dictionary words."""
    from rapidfuzz import fuzz

    again = _ocr(engine, strip, dpi, options, psm=7, languages="tha")
    if len(again) != 1 or not again[0].text.strip():
        return
    cand = again[0]
    before_thai = "".join(_THAI_LETTER.findall(ln.text))
    after_thai = "".join(_THAI_LETTER.findall(cand.text))
    if not before_thai:
        # a line of Thai digits among Latin letters: the Thai reading keeps its digits and
        # reads as Thai words once mended (an English line read by the Thai model is letter
        # salad; ``วันที`` and ``ธั้นวาคม`` of a memo's reference line are words mended)
        digits_before = "".join(_THAI_DIGIT.findall(ln.text))
        digits_after = "".join(_THAI_DIGIT.findall(cand.text))
        if (
            fuzz.ratio(digits_before, digits_after) >= 80
            and plausibility(correct_words(cand.text))[0] >= DIGIT_LINE_WORDS
        ):
            _take_reading(ln, cand, sx, sy)
        return
    # the Thai reading holds the Thai of the first (as a whole, or, for a short line, every
    # letter of it in order) and more
    kept = fuzz.partial_ratio(before_thai, after_thai) >= 85 or (
        2 * len(before_thai) >= len(after_thai) and only_lost(before_thai, after_thai, CONSONANTS)
    )
    if len(after_thai) <= len(before_thai) or not kept:
        return
    # Thai letters in dictionary words: the Thai reading must not lose any (it adds the
    # short words the English model had taken, such as ที่)
    share_before, n_before = plausibility(ln.text)
    share_after, n_after = plausibility(cand.text)
    if share_after * n_after + 1e-6 < share_before * n_before:
        return
    _take_reading(ln, cand, sx, sy)


# Latin words, and a letter with a digit (``ที่ สธ`` → ``fl a5``: the code's place only)
_LATIN_RUN = re.compile(
    r"(?<![A-Za-z0-9-])(?:[A-Za-z]{1,8}|(?P<mixed>[A-Za-z][0-9]|[0-9][A-Za-z]))(?![A-Za-z0-9-])"
)
# words a number follows (a count, an amount, a date, a phone, a room) or that follow one
_BEFORE_NUMBER = (
    *COUNT_WORDS,
    "วันที่",
    "ฉบับที่",
    "โทร.",
    "ห้องประชุม",
    "ชั้น",
    "ชัน",  # (its tone mark lost: ``ห้องประชุม ๘๕๔ ชัน ซ`` for ชั้น ๗)
    "พ.ศ.",
    "วันละ",
    "เลขรับ",
    "เวลา",
    *MONTH_WORDS,
)
_AFTER_NUMBER = ("บาท", "คน", "วัน", "ราย", "อัตรา", "ครั้ง", "เดือน", "ชั่วโมง", "นาที", "น.")
# a count glued to its word before its unit, a room's number before its floor
_GLUED_COUNT = re.compile(
    f"(?:{'|'.join(COUNT_WORDS)})"
    + r"(\S{1,10}?)\s+"
    + f"(?={'|'.join(map(re.escape, _AFTER_NUMBER))})"
)
_ROOM = r"\s*(\S{1,6}?)\s*(?=ชั้?น)"  # a room's number before its floor's word
_ROOM_NUMBER = re.compile("ห้องประชุม" + _ROOM)
_WRAPPED_ROOM = re.compile(_ROOM)  # ... wrapped to its line's start
_GLUED_BEFORE = re.compile(f"(?:[{THAI}]|[{THAI}][./-]|/[\\u0e01-\\u0e2e]\\s?)$")
_SPACED_BEFORE = re.compile(f"[{THAI}]\\s$")
_IN_PHONE = re.compile(f"(?:โทร\\.?|{PHONE_LABEL_LATIN})[\\s{THAI}-]*$")


def number_slot(text: str, start: int, end: int, strict: bool = False) -> bool:
    """Whether ``text[start:end]`` stands where a number does: glued to a Thai digit, after a
    reference's letter after its slash, after a known ministry's code opening a line, inside a
    phone number, before a month (a day: ``วันที่ OM ก.พ.``); or (unless ``strict``: for a
    capitalised word, which may be English after a year, ``๒๕๖๕ Open Data``) after a digit and
    a space, after a word a number follows, or before a unit."""
    before, after = text[:start], text[end:]
    if _GLUED_BEFORE.search(before) or (after and after[0] in THAI) or _IN_PHONE.search(before):
        return True
    code = _CODE_BEFORE.fullmatch(before)
    if code is not None and _a_ministry(code["code"]):
        return True  # a reference's number after its code (``ที่ พม candied,`` for ๙๑๙๘/๒๖)
    if end - start <= 3 and _month_opens(text, end):  # (a day has two digits)
        return True
    if strict:
        return False
    head, tail = before.rstrip(), after.lstrip()
    return (
        _SPACED_BEFORE.search(before) is not None
        or (after[:2] in (". ", ".") and (not head or before.endswith(" ")))  # ``la. เจ้า`` (๒.)
        or head.endswith(_BEFORE_NUMBER)
        or _month_ends(head)
        or tail.startswith(_AFTER_NUMBER)
    )


def _month_ends(text: str) -> bool:
    """Whether ``text`` ends with a month's name or abbreviation as the engine reads them (a stop
    read as a lower vowel: ``๑๐ ก.ุย.``; a full name a letter or two off, ``กมภาพันธ์``, its
    lower vowel lost: ``near_month``), the era perhaps after it as the English model reads it
    (``สิงหาคม WA.``): a year follows."""
    tail = _ERA_READ_END.sub("", text[-16:])
    found = find_month(tail)
    if found is not None and found[1] == len(tail):
        return True
    words = tail.split()
    return bool(words) and near_month(words[-1]) is not None


_ERA_READ_END = re.compile(f"\\s{ERA_READ}$")


_THAI_NUMBER_NEXT = re.compile(f"\\s?[{THAI}]")
_CODE_READ = re.compile(MINISTRY_CODE)
_NUMBER_BEFORE = re.compile(f"[{THAI}][{THAI},.]* $")  # a Thai number and a space, then m
# the reference's label, its tone mark perhaps lost, its vowel perhaps read as another or two
# (``ทึื กห``: a code has no vowel, and ทก, a code too, must not be read out of it)
_REF_LABEL = re.compile("ท[\u0e34-\u0e37]{1,2}[่้]?")
# ... alone before the code, or as the English model reads it (``fi nn 7756/จ`` for ที่ กก)
_REF_OPENING = re.compile(f"\\s*(?:(?:{_REF_LABEL.pattern}|[a-z]{{1,3}}[,.]?)\\s*)?")
_ANY_NUMBER_NEXT = re.compile(f"\\s?[0-9{THAI}]")
# the date's label glued on after a reference's running number (``๔๖๑๙ลงวันที่``): no digit of it
_DATED = "(?:ลง\\s?)?วันที"
# (or, after the slash, only letters the Thai model puts for digits: ``/วสญ่ต`` for ๘๗๗๓)
_LOOK_RUN = f"[{_LOOK}][{_LOOK}{MARKS}]*"
# (or any Thai letters up to the date's label after it, where only the running number stands:
# ``/สาดด ลงวันที่`` for ๓๙๕๓, seed 91)
_UNREAD_RUN = f"[\u0e01-\u0e4e]{{2,8}}(?=\\s*{_DATED})"
# a reference's numbers as read: the office's (up to its slash, or the bar the engine may read
# for it: ``๑๒๗๓|ว๗๘๓๕``), and after the slash (and a circular's ว or a ministry's จ) the
# running number; each holds a digit, or the office is what stands before the slash and its
# letter (``ยธ ส่เช่ต/ว๓๕๐๕`` for ๗๘๗๓, seed 86)
_REFERENCE_NUMBERS = (
    f"(?P<office>(?=[^\\s/|]*[0-9{THAI}])[^\\s/|]+|[^\\s/|]{{2,8}}(?=[/|][วจ]))"
    f"(?:[/|](?:[วจ]{MARK.pattern}*\\.?\\s?)?(?P<run>(?=\\S*[0-9{THAI}]|{_LOOK_RUN}(?!\\S)"
    f"|{_UNREAD_RUN})(?:(?!{_DATED})\\S)+))?"
)
# a reference line's opening: ``ที่`` (its marks perhaps lost) and a ministry's code
_REFERENCE_HEAD = f"^[\\s.:]*ท{MARK.pattern}*[\\s.]*(?P<code>{MINISTRY_CODE})\\s?"
# ... and its numbers
_REFERENCE_SLOTS = re.compile(_REFERENCE_HEAD + _REFERENCE_NUMBERS)
# ... wrapped after the code (``… ตามหนังสือที่ วธ`` / ``๒๘๓๓.๓/ว ๘๗๗๓``)
_CODE_ENDING_LINE = re.compile(f"ท{MARK.pattern}*\\s?(?P<code>{MINISTRY_CODE})\\s*$")
_OPENING_NUMBERS = re.compile("\\s*" + _REFERENCE_NUMBERS)
_CODE_BEFORE = re.compile(_REFERENCE_HEAD + "\\s*")  # ... up to where its numbers start
# ... and inside a line (``ตามหนังสือที่ มท ต๒๑๐/ว๖๑๐๓``), the office's opening with a digit or
# a letter the engine puts for one, or with two letters and then three Thai digits
# (``กก ขอ๗๐๗๒๘๖`` for ๗๖๗๐๗๒๘๖: ๗๖ read as a word)
_OFFICE_OPENING = f"[0-9{THAI}{_LOOK}]|[\u0e01-\u0e2e]{{2}}[{THAI}](?:\\S*[{THAI}]){{2}}"
_CODE_AND_NUMBERS = f"(?P<code>[\u0e01-\u0e2e]{{2}})\\s?(?={_OFFICE_OPENING})" + _REFERENCE_NUMBERS
_REFERENCE_IN_TEXT = re.compile("ที่\\s?" + _CODE_AND_NUMBERS)
# Thai digits and the letters the Thai model puts for those it cannot emit, with separators
# (an Arabic digit among them is the Thai model's misreading too: ``๑9๑``)
_NUMBER_RUN = re.compile(f"[{THAI}{_LOOK}][{THAI}{ARABIC}{_LOOK},./-]*")


SURE_ENGLISH = 0.993  # a Latin word the engine is this sure of is English, not Thai it took


def _latin_line_reread(
    engine: OcrEngine, strip: np.ndarray, dpi: int, options: Options, ln: Line, sx: int, sy: int
) -> None:
    """A line the English model read whole as Latin letters (``lag bey`` for ๒๕๖๗: a number
    alone in a table cell) is read again with the Thai model, and that reading is kept when
    it is a number: two Thai digits or more, and at least two in three of its signs digits
    or the letters the model puts for the digits it cannot emit (``๒๐๒๐ผ่`` for ๒๐๖๙; the
    digit re-reading then reads them, and what stays a letter sends the line to review)."""
    if not _LATIN_ONLY.fullmatch(ln.text.strip()):
        return
    again = _ocr(engine, strip, dpi, options, psm=7, languages="tha")
    if len(again) != 1:
        return
    cand = again[0]
    signs = [c for c in cand.text if c not in " ,./-" and not MARK.fullmatch(c)]
    digits = len(_THAI_DIGIT.findall(cand.text))
    numberish = sum(1 for c in signs if _THAI_DIGIT.match(c) or c in LOOKALIKES)
    if digits < 2 or 3 * numberish < 2 * len(signs):
        return
    _take_reading(ln, cand, sx, sy)


def _latin_number_reread(
    engine: OcrEngine, strip: np.ndarray, dpi: int, options: Options, ln: Line, sx: int, sy: int
) -> None:
    """Thai the English model took: each Latin token of a Thai line is read again on its own
    with the Thai model, and that reading replaces it, symbols and all (for the digit
    re-reading), when it is a ministry code where one stands (``AS`` → สธ), a unit after a
    number (``UM`` → บาท), common Thai words (``WAU`` → ทั้งนี้, ``NIU`` → ผ่าน), or, for a
    short token that is no acronym (KPI), a number (``๑๖`` → ``od``, ``๒๐๗`` → ``woe``: Thai
    digits, and the letters the model puts for the digits it cannot emit)."""
    if not _THAI_LETTER.search(ln.text):
        return
    pos = align_symbols(ln)
    if pos is None:
        return
    for m in reversed(list(_LATIN_RUN.finditer(ln.text))):
        tok = m.group(0)
        # two capitals before a Thai number stand where a ministry code does (สธ read as AS),
        # and so does any short Latin word opening a line before one, or a lower-case one
        # before any number (``ที่ กก`` read as finn: English words are rarely lower-case there)
        before_number = _THAI_NUMBER_NEXT.match(ln.text, m.end()) is not None
        opens_line = m.start() == 0 and len(tok) <= 6
        code_slot = (before_number and (len(tok) == 2 or opens_line)) or (
            opens_line and tok.islower() and _ANY_NUMBER_NEXT.match(ln.text, m.end()) is not None
        )
        # ... and, before any number, where a reference line opens (``ที a5 3878/ว 9009``)
        code_slot = code_slot or (
            len(tok) <= 3
            and _ANY_NUMBER_NEXT.match(ln.text, m.end()) is not None
            and _REF_OPENING.fullmatch(ln.text[: m.start()]) is not None
        )
        if m.group("mixed") and not code_slot:
            continue
        # ... and a short one after a Thai number where its unit stands (บาท read as UM)
        unit_slot = len(tok) <= 4 and _NUMBER_BEFORE.search(ln.text, 0, m.start()) is not None
        # a capitalised word (Open, Cyber) or a long one is English, unless it stands where
        # a number does: glued to digits, or after a word that takes one (``มีนาคม ladder``)
        slot = number_slot(ln.text, m.start(), m.end(), strict=not tok.islower())
        number_like = not (len(tok) > 1 and tok.isupper()) and not (
            ((len(tok) >= 4 and not tok.islower()) or len(tok) > 5) and not slot
        )
        # any Latin word of a Thai line may be Thai words the English model took (ทั้งนี้ read
        # as WAU, ผ่าน as NIU): its Thai reading is kept when that is common words
        ks = [k for k, idx in enumerate(pos) if idx and m.start() <= idx[0] < m.end()]
        if not ks or any(pos[k][-1] >= m.end() for k in ks):
            continue
        # ... unless the engine was sure of it as English (Workshop, Security, Data: 0.994 and
        # more on the bench; the Thai it took, WAU or TIANA: 0.97-0.99): a read saved
        sure = float(np.mean([ln.words[k].confidence for k in ks])) >= SURE_ENGLISH
        if sure and not (number_like or code_slot or unit_slot):
            continue
        boxes = [ln.words[k].bbox for k in ks]
        pad = max(2, int(0.3 * max(b[3] - b[1] for b in boxes)))
        x0 = max(0, min(b[0] for b in boxes) - sx - pad)
        x1 = min(strip.shape[1], max(b[2] for b in boxes) - sx + pad)
        if x1 - x0 < 4:
            continue
        again = _ocr(engine, strip[:, x0:x1], dpi, options, psm=7, languages="tha")
        if not any(a.text.strip() for a in again):
            # single-line mode gives up on some words alone (``Wait`` for ทั้งนี้ after a
            # list's number, seed 91): read as a word
            again = _ocr(engine, strip[:, x0:x1], dpi, options, psm=8, languages="tha")
        if len(again) != 1:
            continue
        cand = again[0]
        read = cand.text.replace(" ", "")
        if "".join(w.text for w in cand.words) != read or any(len(w.text) != 1 for w in cand.words):
            continue
        opening = _REF_LABEL.match(read) if m.start() == 0 else None
        n_label = len(opening.group(0)) if opening else 0
        code = _CODE_READ.match(read, n_label) if code_slot else None
        if code is not None and code.end() < len(read):
            # ... or a known one and one letter more: the edge of the number the crop caught
            # (``ศธจ`` for ศธ before ๑๖๑๘)
            code = code if _known_code(code.group(0)) and code.end() == len(read) - 1 else None
        if code is not None:
            # a ministry code (after ที่ when the line opens with it): its two letters, without
            # marks a speck added
            label = cand.words[:n_label]
            letters = [
                w for w in cand.words[n_label : code.end()] if "\u0e01" <= w.text <= "\u0e2e"
            ]
            said = "".join(w.text for w in label) + " " * bool(label)
            found: tuple[str, list[Word]] | None = (
                said + "".join(w.text for w in letters),
                label + letters,
            )
        elif unit_slot and read in _AFTER_NUMBER:
            found = (read, cand.words)
        elif (
            len(tok) > 1
            and tok not in CITED_ACRONYMS  # (ระบบ KPI is no ระบบ เจ็ด)
            # (less a sign at either end: the edge of the word beside it the crop caught,
            # ``, ในวันที`` for LwIUN after PDPA, seed 91)
            and common_words(correct_words((bare := _unsigned(cand.words))[0]))
        ):  # (marks mended later)
            found = bare
        elif number_like:
            found = _number_in(read, cand.words)
        else:
            found = None  # an acronym or an English word after all
        if found is not None:
            for w in found[1]:
                w.bbox = _shift_box(w.bbox, sx + x0, sy)
            ln.text = ln.text[: m.start()] + found[0] + ln.text[m.end() :]
            ln.words = ln.words[: ks[0]] + found[1] + ln.words[ks[-1] + 1 :]
            pos = align_symbols(ln)
            if pos is None:
                return


def _unsigned(symbols: list[Word]) -> tuple[str, list[Word]]:
    """The text and ``symbols`` (one character each) less the ASCII signs at either end."""
    a, b = 0, len(symbols)
    while a < b and symbols[a].text in string.punctuation:
        a += 1
    while b > a and symbols[b - 1].text in string.punctuation:
        b -= 1
    return "".join(w.text for w in symbols[a:b]), symbols[a:b]


# a reference in Arabic digits: its office's number, the slash, and a running number opening
# with a digit a circular's ว or a ministry's จ is read as by the English model (9 or 2; 8)
_ARABIC_REFERENCE = re.compile(
    _REFERENCE_HEAD + "(?P<office>[0-9][0-9.]*)/(?P<run>[289](?:[0-9]| (?=[0-9]))*)"
)
# ... and the Thai model's reading of it, with the letter
_LETTERED_RUN = re.compile("(?P<office>[0-9][0-9.]*)/(?P<letter>[วจ])\\s?(?P<run>[0-9]+)")
SURE_LETTER = 0.9  # the Thai model's reading of the letter is taken when this sure


def _reference_letter_reread(
    engine: OcrEngine, strip: np.ndarray, dpi: int, options: Options, ln: Line, sx: int, sy: int
) -> None:
    """A reference in Arabic digits whose running number's letter the English model read as a
    digit (``ดศ 7064/26840`` for ``7064/ว6840``, ``/8 5254`` for ``/จ 5254``): the line is read
    again by the Thai model alone, and where that reads the same office number, the letter after
    the slash, surely, and then the running number less the first digit or two (a digit apart:
    the digit network reads them again later), the letter takes those digits' place."""
    from rapidfuzz.distance import Levenshtein

    m = _ARABIC_REFERENCE.match(ln.text)
    pos = align_symbols(ln) if m else None
    if m is None or pos is None:
        return
    again = _ocr(engine, strip, dpi, options, psm=7, languages="tha")
    if len(again) != 1:
        return
    cand = again[0]
    run = m["run"].replace(" ", "")
    # (the letter read as one digit or two: ``/286493`` for ``/ว8493``)
    found = next(
        (
            t
            for t in _LETTERED_RUN.finditer(cand.text)
            if t["office"] == m["office"]
            and 1 <= len(run) - len(t["run"]) <= 2
            and Levenshtein.distance(run[len(run) - len(t["run"]) :], t["run"]) <= 1
        ),
        None,
    )
    cpos = align_symbols(cand) if found else None
    if found is None or cpos is None:
        return
    letter = next(k for k, idx in enumerate(cpos) if idx and idx[0] == found.start("letter"))
    if cand.words[letter].confidence < SURE_LETTER:
        return
    # the symbols of the digits the letter was read as
    n = len(run) - len(found["run"])
    spots = [i for i in range(m.start("run"), m.end("run")) if ln.text[i] != " "][:n]
    ks = [k for k, idx in enumerate(pos) if idx and idx[0] in spots]
    if len(ks) != n or any(len(pos[k]) != 1 for k in ks):
        return
    said = cand.words[letter]
    _put_in(ln, ks, [said], (sx, sy), (spots[0], spots[-1] + 1), said.text)


# a reference line whose ministry code the English model read, as Latin letters or digits
# (``ที AS ๘๔๘๓.๕/…``, ``ที่ 78 ๗๙๑๑/…``, ``ที่ ส8 …``, ``a ais 2111.6/…``, its ที่ too): no
# code holds either
_LATIN_CODE = re.compile(
    f"^[\\s.:]*(?:ท{MARK.pattern}*|[A-Za-z]{{1,3}}[,.]?)\\s+"
    "(?P<code>[A-Za-z][A-Za-z0-9]{1,2}|[0-9][A-Za-z0-9]|[\u0e01-\u0e2e][0-9]|[0-9][\u0e01-\u0e2e])"
    f"\\s?(?=[0-9{THAI}{_LOOK}]{{3,5}}[./])"
)


def _reference_code_reread(
    engine: OcrEngine, strip: np.ndarray, dpi: int, options: Options, ln: Line, sx: int, sy: int
) -> None:
    """A reference line's ministry code read as Latin letters or digits (``_LATIN_CODE``): a
    Thai letter with a digit the engines put for a letter (``ส8`` for สธ) is the one known code
    it fits; else the line is read again by the Thai model alone, and where that reads a known
    code there (or one letter from just one), its symbols take the first reading's place. The
    line goes under the review threshold (``UNSURE_CONF``): its code was put in."""
    m = _LATIN_CODE.match(ln.text)
    pos = align_symbols(ln) if m else None
    if m is None or pos is None:
        return
    ks = [k for k, idx in enumerate(pos) if idx and idx[0] in range(*m.span("code"))]
    if not ks or any(i not in range(*m.span("code")) for k in ks for i in pos[k]):
        return  # a symbol reaching past the code
    code, said, shift = snap_code(m["code"]), [ln.words[k] for k in ks], (0, 0)
    if code is None:
        again = _ocr(engine, strip, dpi, options, psm=7, languages="tha")
        text = again[0].text if len(again) == 1 else ""
        t = _REFERENCE_SLOTS.match(text) or _LATIN_CODE.match(text)
        cpos = align_symbols(again[0]) if t else None
        if t is None or cpos is None:
            return
        # (a speck's mark on a letter aside: ``ศวิ``)
        bare = MARK.sub("", t["code"])
        code = bare if bare in MINISTRY_CODES else snap_code(bare)
        said = [
            w
            for w, idx in zip(again[0].words, cpos, strict=True)
            if idx and idx[0] in range(*t.span("code")) and not MARK.fullmatch(w.text)
        ]
        shift = (sx, sy)
    if code is None or len(said) != len(code):
        return
    said = [Word(ch, w.bbox, w.confidence) for ch, w in zip(code, said, strict=True)]
    _put_in(ln, ks, said, shift, m.span("code"), code)
    ln.confidence = min(ln.confidence, UNSURE_CONF)


def _put_in(
    ln: Line,
    ks: list[int],
    said: list[Word],
    shift: tuple[int, int],
    span: tuple[int, int],
    text: str,
) -> None:
    """Another reading's symbols ``said`` (boxes in its band, at ``shift`` in the page) in place
    of ``ln``'s symbols ``ks`` (a row), and ``text`` in place of ``ln.text``'s ``span``."""
    ln.words[ks[0] : ks[-1] + 1] = [
        Word(w.text, _shift_box(w.bbox, *shift), w.confidence) for w in said
    ]
    ln.text = ln.text[: span[0]] + text + ln.text[span[1] :]


# a date whose month the English model (or a digit) took: a day, a short dotted token with a
# Latin letter or a digit in it where the abbreviation stands, a year (perhaps with the stock
# model's lookalike letters for the digits it cannot write): ``๑๐ 8.ค. ๒๕๖๕``, ``24 A. ย. 2561``
_BROKEN_MONTH = re.compile(
    r"(?<![0-9๐-๙])(?P<day>[0-9๐-๙]{1,2})\s(?P<tok>\S{1,3}\.?\s?\S{0,3}\.)\s?"
    # (the year read as Latin letters too: ``๒๑ W.A. Weed`` for ๒๑ พ.ค. ๒๕๕๖)
    r"(?P<year>[0-9๐-๙][0-9๐-๙\u0e01-\u0e2e]{1,3}|[A-Za-z]{2,4}(?![A-Za-z]))"
)
_NOT_THAI_IN_MONTH = re.compile(r"[A-Za-z0-9๐-๙]")
SURE_MONTH = 0.8  # the Thai model's reading of a month is taken when each letter is this sure
# (a year after the month, as in the first reading; a speck read as a letter may stand between)
_SPECK_YEAR = re.compile(r"\s?(?:พ\.\s?ศ\.\s?)?[\u0e01-\u0e4e]?\s?[0-9๐-๙]")


def _holds_month(text: str) -> bool:
    """Whether ``text`` holds a month's name (its digits aside: a digit read for a letter is no
    month's, though the date parser takes one so)."""
    return find_month(re.sub("[0-9๐-๙]", "", text)) is not None


def _span_symbols(ln: Line, start: int, end: int) -> list[int] | None:
    """The indices of ``ln``'s symbols standing for its text from ``start`` to ``end``, when
    they are a row of one or more; None otherwise (or when the symbols do not spell the text)."""
    pos = align_symbols(ln)
    if pos is None:
        return None
    ks = [k for k, idx in enumerate(pos) if idx and start <= idx[0] < end]
    return ks if ks and ks == list(range(ks[0], ks[-1] + 1)) else None


def _month_reread(
    engine: OcrEngine, strip: np.ndarray, dpi: int, options: Options, ln: Line, sx: int, sy: int
) -> None:
    """A date's month abbreviation the English model read as Latin letters or a digit
    (``๑๐ 8.ค. ๒๕๖๕`` for ธ.ค., ``24 A. ย. 2561`` for ก.ย.): the line is read again by the Thai
    model alone, and where that reads a month in the same place, surely, between a day and a
    year, the month takes the token's place (the rest of the line keeps its first reading: the
    Thai model cannot write ๔ ๖ ๗ ๘ ๙, nor Latin)."""
    m = next(
        (
            t
            for t in _BROKEN_MONTH.finditer(ln.text)
            if _NOT_THAI_IN_MONTH.search(t["tok"]) and not _holds_month(t["tok"])
        ),
        None,
    )
    ks = _span_symbols(ln, *m.span("tok")) if m else None
    if m is None or ks is None:
        return
    # (a speck read as a letter between month and year aside: ``ก.พ.ไ๒๕๕``), where the token
    # stood
    tx0 = min(ln.words[k].bbox[0] for k in ks)
    tx1 = max(ln.words[k].bbox[2] for k in ks)
    again = _ocr(engine, strip, dpi, options, psm=7, languages="tha")
    read = _sure_month(again, _SPECK_YEAR, (tx0 - sx, tx1 - sx))
    if read is None:
        return
    a, b = read.month
    _put_in(ln, ks, read.said, (sx, sy), m.span("tok"), read.line.text[a:b])


class _MonthRead(NamedTuple):
    line: Line  # the Thai model's reading
    pos: list[list[int]]  # its symbols' text positions
    month: tuple[int, int]  # the month's span in its text
    said: list[Word]  # the month's symbols
    year_end: int  # where the year the month is followed by ends as ``year`` matched it


def _sure_month(
    again: list[Line],
    year: re.Pattern[str],
    near: tuple[int, int] | None = None,
    misread: bool = False,
) -> _MonthRead | None:
    """The Thai model's reading of a date again (one line), where it holds a month read surely
    (each letter ``SURE_MONTH``) between a day and a year (``year``, matched right after it);
    with ``near`` (x0, x1 in the reading's frame), the first month whose letters lie over half
    of that stretch or more (a line of two dates: ``๑๓ พ.ค. ๒๕๕๐ ถึงวันที่ ๒๑ W.A. Weed``).
    With ``misread``, a full month's name misread by a letter or two counts (``๑๓ จันวาคม
    ๒๕๕๕``, seed 80: the Thai model reads this face's ธ as จ or ฉ), its reading kept: the date
    parser names the misreading as a doubt."""
    if len(again) != 1:
        return None
    cand = again[0]
    cpos = align_symbols(cand)
    found = find_month(cand.text) or (find_near_month(cand.text) if misread else None)
    if found is None or cpos is None:
        return None
    while near is not None and found is not None:
        xs = [
            w.bbox
            for w, idx in zip(cand.words, cpos, strict=True)
            if idx and found[0] <= idx[0] < found[1]
        ]
        if xs:
            mx0, mx1 = min(x[0] for x in xs), max(x[2] for x in xs)
            if min(near[1], mx1) - max(near[0], mx0) >= 0.5 * min(near[1] - near[0], mx1 - mx0):
                break
        later = find_month(cand.text[found[1] :])
        found = (found[1] + later[0], found[1] + later[1]) if later else None
    if found is None:
        return None
    a, b = found
    after = year.match(cand.text, b)
    if not re.search(r"[0-9๐-๙\u0e01-\u0e2e]\s?$", cand.text[:a]) or after is None:
        return None
    said = [cand.words[k] for k, idx in enumerate(cpos) if idx and a <= idx[0] < b]
    if not said or min(w.confidence for w in said) < SURE_MONTH:
        return None
    return _MonthRead(cand, cpos, found, said, after.end())


# a date whose month is lost as read: its label (marks perhaps lost), a short stretch holding
# no month where day and month stand, a year (``วันที่ ซ่ 5. ค.๒๕๖๖`` for ๗ ธ. ค., ``วันที่ CASA
# าคม ๒๕๖๗`` for ๔ กรกฎาคม: the line's reference before it took the engine's attention)
_GARBLED_DATE = re.compile(
    r"ว[ัว]{0,2}นท[ีิ]?[่้]?\s?(?P<mid>\S.{1,15}?)\s?(?P<year>[0-9๐-๙][0-9๐-๙\u0e01-\u0e2e]{2,4})"
)
DATE_ABOVE, DATE_BELOW = 0.4, 0.3  # of a line's height: the date's crop above and below its box
DATE_ENLARGED = 1.5  # the date's crop read again this much larger, where as it is it reads no month
DATE_TIGHT = 0.1  # ... and failing that, cut this close to the line's box
# (a year as first read: the engine's digits too few or too many, the digit network's to mend)
_YEAR_AFTER = re.compile(r"\s?(?:พ\.\s?ศ\.\s?)?[0-9๐-๙][0-9๐-๙\u0e01-\u0e2e]{2,4}")


def _date_reread(engine: OcrEngine, gray: np.ndarray, dpi: int, options: Options, ln: Line) -> None:
    """A date whose month is lost as read (``_GARBLED_DATE``): the date alone, from its label to
    its year, is read again by the Thai model (read with the line, the month was misread; cut
    from the line it reads right), as it is and, failing that, enlarged; where that reads a
    month, surely, between a day and a year, its reading of the date takes the place of the
    first (its digits are the digit network's to read again, as every number's). The date is
    cut from the page as scanned, not from the line's band: a descender touching the next
    line's marks (``กรกฎาคม``'s ฎ) goes from the band with them, and the month with it."""
    m = next((d for d in _GARBLED_DATE.finditer(ln.text) if not _holds_month(d["mid"])), None)
    ks = _span_symbols(ln, *m.span()) if m else None
    if m is None or ks is None:
        return
    # (a month misread by a letter or two is taken from the Thai model's reading only where
    # the line's own holds none: ``ตูลาคม`` read twice, the second time with the date's label
    # garbled, ``ในเว้นที``, seed 82)
    misread = find_near_month(m.group(0)) is None
    h = ln.bbox[3] - ln.bbox[1]
    x0 = max(0, ln.words[ks[0]].bbox[0] - 4)
    x1 = min(gray.shape[1], ln.words[ks[-1]].bbox[2] + h // 2)
    if x1 - x0 < 2 * h:
        return
    # (and failing both, cut to the line's box: what the margins caught of the neighbours'
    # marks and digits can make the engine read nothing in single-line mode)
    for above, below, scale in (
        (DATE_ABOVE, DATE_BELOW, 1.0),
        (DATE_ABOVE, DATE_BELOW, DATE_ENLARGED),
        (DATE_TIGHT, DATE_TIGHT, 1.0),
    ):
        y0 = max(0, ln.bbox[1] - int(above * h))
        y1 = min(gray.shape[0], ln.bbox[3] + int(below * h))
        read = _read_date(engine, gray[y0:y1, x0:x1], dpi, options, scale, misread)
        if read is not None:
            text, symbols = read
            _put_in(ln, ks, symbols, (x0, y0), m.span(), text)
            return


def _read_date(
    engine: OcrEngine,
    crop: np.ndarray,
    dpi: int,
    options: Options,
    scale: float,
    misread: bool = False,
) -> tuple[str, list[Word]] | None:
    """A date's crop read by the Thai model at ``scale``: its text up to the year and their
    symbols (boxes in the crop), when it holds a month read surely between a day and a year
    (``misread``: or a full month's name a letter or two off, :func:`_sure_month`)."""
    img = crop
    if scale != 1.0:
        img = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    again = _ocr(engine, img, int(round(dpi * scale)), options, psm=7, languages="tha")
    read = _sure_month(again, _YEAR_AFTER, misread=misread)
    if read is None:
        return None
    symbols = [
        Word(w.text, _scale_box(w.bbox, scale), w.confidence)
        for w, idx in zip(read.line.words, read.pos, strict=True)
        if idx and idx[0] < read.year_end
    ]
    return read.line.text[: read.year_end], symbols


def _number_in(read: str, symbols: list[Word]) -> tuple[str, list[Word]] | None:
    """The Thai number in a crop's reading and its symbols, without what the crop caught of
    the neighbours (a letter, a stroke); None when the reading is no Thai number."""
    core = max(_NUMBER_RUN.finditer(read), key=lambda r: len(r.group(0)), default=None)
    if core is None:
        return None
    number = core.group(0).rstrip(",./-")
    arabic = sum(c in ARABIC for c in number)
    if (
        sum(c in THAI for c in number) < max(1, len(number) // 2)
        or len(number) * 2 < len(read)
        or arabic > 1
        or (arabic and sum(c in THAI for c in number) < 2)
    ):
        return None
    return number, symbols[core.start() : core.start() + len(number)]


STAMP_LABELS = ("เลขรับ", "วันที่", "เวลา")


def received_stamp(region: Region) -> bool:
    """Whether ``region``'s lines hold a received stamp's printed labels: เลขรับ on one line,
    and วันที่ or เวลา on another (a pen's routing note may date itself, but takes no number)."""
    from pipeline.extract.labels import find_label

    texts = [ln.text for ln in region.lines]
    number = [i for i, t in enumerate(texts) if find_label(t, STAMP_LABELS[0]) is not None]
    return bool(number) and any(
        find_label(t, label) is not None
        for i, t in enumerate(texts)
        if i not in number
        for label in STAMP_LABELS[1:]
    )


def stamps_by_labels(regions: list[Region]) -> None:
    """A pen's region holding a received stamp's printed labels (:func:`received_stamp`) made
    the stamp, where its ink's colour did not tell it (blue stamp ink on a noisy colour scan,
    taken for a pen's) and no stamp found lies over it: where one does, the region is that
    stamp's pen values, and the stamp is not counted twice."""
    stamps = [r.bbox for r in regions if r.kind == RegionKind.STAMP]
    for r in regions:
        if (
            r.kind == RegionKind.HANDWRITTEN
            and received_stamp(r)
            and not any(bbox_inside(r.bbox, b, 30) or bbox_inside(b, r.bbox, 30) for b in stamps)
        ):
            r.kind = RegionKind.STAMP
            stamps.append(r.bbox)


def stamp_values(stamp: Region) -> list[Region]:
    """The handwritten values of a received stamp as handwritten regions inside it: what lies
    right of each printed label (เลขรับ, วันที่, เวลา) on its row, up to the stamp's edge, and
    more than half a row above and below it (pens write bigger and looser than the stamp's type)."""
    from pipeline.extract.labels import find_label

    out: list[Region] = []
    sx0, sy0, sx1, sy1 = stamp.bbox
    for ln in stamp.lines:
        hits = (find_label(ln.text, lab) for lab in STAMP_LABELS)
        hit = next((found for found in hits if found is not None), None)
        if hit is None or not ln.text[hit[1] :].strip():
            continue
        x0, y0, x1, y1 = ln.bbox
        pos = align_symbols(ln) if ln.words else None
        ends = [ln.words[k].bbox[2] for k, idx in enumerate(pos or []) if idx and idx[-1] < hit[1]]
        label_end = max(ends) if ends else x0 + (x1 - x0) * hit[1] // max(1, len(ln.text))
        h = y1 - y0
        box = (
            min(sx1, label_end + max(2, h // 5)),
            max(sy0, y0 - int(0.6 * h)),
            max(label_end + 1, sx1 - 4),
            min(sy1, y1 + int(0.45 * h)),
        )
        if box[2] - box[0] < h // 2 or box[3] <= box[1]:
            continue
        value = Line(
            text=ln.text[hit[1] :].strip(),
            bbox=box,
            confidence=round(min(ln.confidence, HAND_CONF_CAP), 4),
            raw_text=ln.raw_text,
        )
        out.append(
            Region(
                id="",
                kind=RegionKind.HANDWRITTEN,
                bbox=box,
                lines=[value],
                confidence=value.confidence,
                kind_confidence=0.6,
            )
        )
    return out


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Consecutive OCR lines that sit close under each other form one block."""
    blocks: list[list[Line]] = []
    for ln in lines:
        if blocks:
            prev = blocks[-1][-1]
            h = max(1, prev.bbox[3] - prev.bbox[1])
            gap = ln.bbox[1] - prev.bbox[3]
            overlap = min(prev.bbox[2], ln.bbox[2]) - max(prev.bbox[0], ln.bbox[0])
            if -h < gap < 0.9 * h and overlap > 0:
                blocks[-1].append(ln)
                continue
        blocks.append([ln])
    return blocks


def read_page_lines(
    engine: OcrEngine,
    lay: layout.Layout,
    dpi: int,
    options: Options,
    deadline: Deadline | None = None,
) -> list[Line]:
    """The text lines of a page, read: boxes from the engine's layout analysis (mark rows
    dropped, false columns merged), each line read once from a band padded for stacked marks."""
    lines = merge_row_fragments(
        drop_mark_rows(find_lines(engine, lay.ocr_gray, dpi, options), lay.components, lay.x_height)
    )
    lines = take_row_ends(tighten_to_letters(lines, lay.components, lay.x_height), lay)
    # (joined again: a row's fragments the first pass left apart, taken in one at a time, or
    # brought together by the letters their boxes took in)
    lines = merge_row_fragments(_in_reading_order(lines, missed_rows(lines, lay)))
    reread_lines(engine, lay.ocr_gray, lines, dpi, options, require_match=False, deadline=deadline)
    # a line the engine found but reads nothing in is kept when it holds letters' ink: it is
    # handwriting the engine cannot read, and must not be lost
    return [ln for ln in lines if ln.text.strip() or _holds_letters(lay, ln.bbox)]


MISSED_ROW_LETTERS = 4  # letters in a row the engine's layout analysis left out that make a line
MISSED_ROW_SEEN = 0.9  # share of a letter's ink OCR must still see for it to count


def _free_letters(lines: list[Line], lay: layout.Layout) -> np.ndarray:
    """The page's letters (components of half an x-height to four, at most six wide) that no
    line holds (their centre in no line's box), no region holds (wholly inside it) and that
    OCR's image has not cleared, even in part (tables, figures, stamps and colour ink are read
    elsewhere): rows of ``lay.components``."""
    c = lay.components
    xh = lay.x_height
    if c is None or not len(c) or xh <= 0:
        return np.zeros((0, 5), np.int32)
    held = np.zeros(len(c), bool)
    for box in [ln.bbox for ln in lines]:
        held |= _centred_in(c, box)
    for r in lay.regions:
        # a region holds the letters wholly inside it: those crossing its edge are the page's
        # type it lies over (a stamp's frame across the agency line, through the letters'
        # middles), which OCR was left to see
        held |= _inside(c, r.bbox)
    cand = c[(~held) & (c[:, 3] >= 0.5 * xh) & (c[:, 3] <= 4 * xh) & (c[:, 2] <= 6 * xh)]

    def seen(r: np.ndarray) -> bool:
        # all but a little of its ink left in OCR's image: the hollow outline a pen letter's
        # paler edges leave when its coloured core is cleared is no letter of a missed line
        x, y, bw, bh = (int(v) for v in r[:4])
        ink = lay.ink[y : y + bh, x : x + bw] > 0
        return bool((lay.ocr_gray[y : y + bh, x : x + bw][ink] < 255).mean() >= MISSED_ROW_SEEN)

    return np.array([r for r in cand if seen(r)]).reshape(-1, c.shape[1])


ROW_END_GAP = 1.5  # of an x-height: the widest gap between a line and a letter beside it


def take_row_ends(lines: list[Line], lay: layout.Layout) -> list[Line]:
    """Each line's box widened, left and right, to the letters beside it on its row that no
    line holds (``_free_letters``), one after another across gaps of ``ROW_END_GAP`` at most:
    the engine's layout analysis now and then leaves a list's numbers out of their lines (the
    Royal Gazette's country list, ``๑๖.`` to ``๒๙.`` beside their names, in no block at all),
    and they were lost. A letter is on the line's row when its middle lies between the tops
    and the feet of the line's own letters (medians), and it reaches no more than an x-height
    above them or half of one below (a box the engine made too tall reaches into the next
    line: its letters are not this line's)."""
    c = lay.components
    xh = lay.x_height
    free = _free_letters(lines, lay)
    if not len(free) or not lines or c is None:
        return lines
    left_x, top = free[:, 0], free[:, 1]
    right_x, foot = left_x + free[:, 2], top + free[:, 3]
    middle = top + free[:, 3] / 2
    taken = np.zeros(len(free), bool)
    gap = ROW_END_GAP * xh
    tall = c[:, 3] >= 0.5 * xh
    for ln in lines:
        own = c[tall & _centred_in(c, ln.bbox)]
        if not len(own):
            continue
        body_top = float(np.median(own[:, 1]))
        body_foot = float(np.median(own[:, 1] + own[:, 3]))
        x0, y0, x1, y1 = ln.bbox
        row = (
            ~taken
            & (middle >= body_top)
            & (middle <= body_foot)
            & (top >= body_top - xh)
            & (foot <= body_foot + 0.5 * xh)
        )
        while True:
            beside = row & (
                ((right_x >= x0 - gap) & (left_x < x0)) | ((left_x <= x1 + gap) & (right_x > x1))
            )
            if not beside.any():
                break
            x0 = min(x0, int(left_x[beside].min()))
            x1 = max(x1, int(right_x[beside].max()))
            row &= ~beside
            taken |= beside
        ln.bbox = (x0, y0, x1, y1)
    return lines


def missed_rows(lines: list[Line], lay: layout.Layout) -> list[Line]:
    """Rows of letters that OCR sees but that no line holds (``_free_letters``): the engine's
    layout analysis now and then leaves out a whole line (a memo's agency line beside the
    emblem); those within an x-height and a half of each other along a row are one line."""
    xh = lay.x_height
    cand = _free_letters(lines, lay)
    if len(cand) < MISSED_ROW_LETTERS:
        return []
    q = layout.SMALL
    h, w = lay.ocr_gray.shape
    grid = np.zeros((h // q + 1, w // q + 1), np.uint8)
    for x, y, bw, bh, _ in cand:
        cy = (y + bh // 2) // q  # one row per letter: its middle, so marks do not bridge lines
        grid[cy, x // q : (x + bw) // q + 1] = 1
    k = cv2.getStructuringElement(cv2.MORPH_RECT, (max(3, int(1.5 * xh / q)), max(1, int(xh / q))))
    n, labels, _ = components(cv2.dilate(grid, k))
    rows = labels[(cand[:, 1] + cand[:, 3] // 2) // q, cand[:, 0] // q]
    out = []
    for i in range(1, n):
        mine = cand[rows == i]
        if len(mine) < MISSED_ROW_LETTERS:
            continue
        x0, y0 = int(mine[:, 0].min()), int(mine[:, 1].min())
        x1, y1 = int((mine[:, 0] + mine[:, 2]).max()), int((mine[:, 1] + mine[:, 3]).max())
        if x1 - x0 >= 4 * xh:
            out.append(Line(text="", bbox=(x0, y0, x1, y1), confidence=0.0))
    return out


def _in_reading_order(lines: list[Line], extra: list[Line]) -> list[Line]:
    """``lines`` (in the engine's reading order) with each of ``extra`` put before the first
    line that starts below it."""
    out = list(lines)
    for ln in sorted(extra, key=lambda e: e.bbox[1]):
        at = next((i for i, o in enumerate(out) if o.bbox[1] > ln.bbox[1]), len(out))
        out.insert(at, ln)
    return out


def _speck(text: str) -> bool:
    """Whether a symbol's ``text`` is ASCII punctuation only (the signs ``_unsigned`` strips)."""
    return bool(text) and not text.strip(string.punctuation)


def split_at_wide_gaps(line: Line, gap: float, specks: bool = False) -> list[Line]:
    """The pieces of ``line`` between gaps of more than ``gap`` pixels between its symbols,
    each with its symbols, its text and their mean confidence (``[line]`` when there is no such
    gap, or the symbols do not spell the text). ``specks``: a symbol of punctuation alone out in
    a blank between the line's other symbols closes no blank (``๐-๘๖๔๐ ; . ' . '   ดำเนินการ``,
    seed 93, a black-and-white scan's noise): the rest are grouped, and such a speck goes with
    the group it stands by (within a letter's width), or with the blank."""
    pos = align_symbols(line)
    if pos is None or len(line.words) < 2:
        return [line]
    order = sorted(range(len(line.words)), key=lambda k: line.words[k].bbox[0])
    inner: set[int] = set()
    if specks:
        core = [k for k in order if not _speck(line.words[k].text)]
        if not core:
            return [line]
        lo = min(line.words[k].bbox[0] for k in core)
        hi = max(line.words[k].bbox[2] for k in core)
        inner = {
            k
            for k in set(order).difference(core)
            if lo <= line.words[k].bbox[0] and line.words[k].bbox[2] <= hi
        }
        order = [k for k in order if k not in inner]
    groups: list[list[int]] = [[order[0]]]
    right = line.words[order[0]].bbox[2]
    for k in order[1:]:
        b = line.words[k].bbox
        if b[0] - right > gap:
            groups.append([])
        groups[-1].append(k)
        right = max(right, b[2])
    if len(groups) < 2:
        return [line]
    if inner:
        letter = float(np.median([w.bbox[2] - w.bbox[0] for w in line.words]))
        spans = [
            (min(line.words[k].bbox[0] for k in g), max(line.words[k].bbox[2] for k in g))
            for g in groups
        ]
        for k in sorted(inner):
            b = line.words[k].bbox
            off, near = min((max(a - b[2], b[0] - c, 0), i) for i, (a, c) in enumerate(spans))
            if off <= letter:
                groups[near].append(k)
    pieces = []
    for g in groups:
        idx = sorted(i for k in g for i in pos[k])
        if not idx:
            return [line]
        words = [line.words[k] for k in sorted(g)]
        pieces.append(
            Line(
                text=line.text[idx[0] : idx[-1] + 1],
                bbox=bbox_union([w.bbox for w in words]),
                confidence=round(float(np.mean([w.confidence for w in words])), 4),
                words=words,
                raw_text=line.text[idx[0] : idx[-1] + 1],
            )
        )
    return pieces


def _split_mixed_lines(
    lines: list[Line], kinds: list[tuple[str, float]], lay: layout.Layout, ink: np.ndarray
) -> tuple[list[Line], list[tuple[str, float]]]:
    """A line taken for handwriting that the engine ran on from typed text across a wide blank
    to a pen note on the same row (``๗๗๕๒-๔๕๐๕ … เร่งด่วน``) is split there, when its pieces
    are of different kinds: the classifier saw one line of both, and the typed number was lost
    to the note. A typed line that ends in a pen's routing words after a blank loses them to a
    line of their own (``_pen_tail``)."""
    if not lines:
        return lines, kinds
    med = float(np.median([ln.bbox[3] - ln.bbox[1] for ln in lines]))
    out_lines: list[Line] = []
    out_kinds: list[tuple[str, float]] = []
    for ln, kind in zip(lines, kinds, strict=True):
        if kind[0] == "typed" and (tail := _pen_tail(ln, med)) is not None:
            out_lines.extend(tail)
            out_kinds.extend([kind, ("handwritten", PEN_STYLE_PROB)])
            continue
        if kind[0] == "typed" and (far := _far_note(ln, med, lines, lay, ink)) is not None:
            out_lines.extend(far[0])
            out_kinds.extend(far[1])
            continue
        # only a line taken for handwriting is classified again in pieces: the half of a typed
        # line (the date of ``ที่ … วันที่ …``) does not look like a typed line to the classifier
        pieces = split_at_wide_gaps(ln, WIDE_GAP * med) if kind[0] != "typed" else [ln]
        if len(pieces) > 1:
            piece_kinds = handwriting.classify_lines(
                pieces, ink, lay.x_height, lay.clean_gray, context=lines
            )
            pieces, piece_kinds = _typed_by_letter_rows(pieces, piece_kinds, lay, ink, lines)
            # (pieces of one kind are split too where one is a recipient's post wrapped under
            # ``เรียน …``: ``รองอธิบดี.`` and a pen's ``เร่งด่วน`` on its row, seeds 80 and 84,
            # read as one pen's line; the post is then typed as any wrapped post is)
            if len({k for k, _ in piece_kinds}) > 1 or any(
                _continues_typed(p, lines, kinds, posts_only=True) for p in pieces
            ):
                if _memo_date_half(pieces, piece_kinds):
                    # the date half of the memo's ``ที่ … วันที่ …`` line: typed, as the
                    # reference half is; the classifier's doubt is the line's
                    piece_kinds = [
                        (k, p) if k == "typed" else ("typed", UNSURE_CONF) for k, p in piece_kinds
                    ]
                out_lines.extend(pieces)
                out_kinds.extend(piece_kinds)
                continue
        out_lines.append(ln)
        out_kinds.append(kind)
    return out_lines, out_kinds


# how far a typed line's marks reach above its letters' tops and below their feet, in x-heights
# (a tone mark over an upper vowel; a lower vowel)
MARKS_ABOVE = 1.0
MARKS_BELOW = 0.6


def _typed_by_letter_rows(
    pieces: list[Line],
    kinds: list[tuple[str, float]],
    lay: layout.Layout,
    ink: np.ndarray,
    lines: list[Line],
) -> tuple[list[Line], list[tuple[str, float]]]:
    """A split line's pieces the classifier did not take for typed, classified again with their
    boxes cut to their letters' rows (``_to_letter_rows``), and typed so where that says typed:
    the cut box alone had sent a real election form's printed line to a pen's (0.985 typed as
    boxed, 0.634 handwritten cut), so a piece typed as boxed stays as it is."""
    out_pieces, out_kinds = list(pieces), list(kinds)
    redo = [i for i, (k, _) in enumerate(kinds) if k != "typed"]
    cut = [_to_letter_rows(pieces[i], lay) for i in redo]
    changed = [(i, c) for i, c in zip(redo, cut, strict=True) if c.bbox != pieces[i].bbox]
    if not changed:
        return out_pieces, out_kinds
    again = handwriting.classify_lines(
        [c for _, c in changed], ink, lay.x_height, lay.clean_gray, context=lines
    )
    for (i, c), kind in zip(changed, again, strict=True):
        if kind[0] == "typed":
            out_pieces[i], out_kinds[i] = c, kind
    return out_pieces, out_kinds


def _to_letter_rows(ln: Line, lay: layout.Layout) -> Line:
    """A piece of a split line with its box cut, top and bottom, to the rows its letters and
    their marks take (from the median top and foot of the letter-high components centred in
    it). The engine's symbol boxes on a line run on to a pen's note reach down over the next
    line's marks (``ณ ห้องประชุม ๒๘๗ ชั้น ๙``: its ๒ and ั 127 pixels tall, seed 95), and the
    piece, one and a half lines high with a slanting foot, was taken for a pen's at 0.998."""
    c, xh = lay.components, lay.x_height
    if c is None or not len(c) or xh <= 0:
        return ln
    sel = (c[:, 3] >= 0.5 * xh) & (c[:, 3] <= 2.5 * xh) & _centred_in(c, ln.bbox)
    if sel.sum() < 2:
        return ln
    top = float(np.median(c[sel, 1]))
    foot = float(np.median(c[sel, 1] + c[sel, 3]))
    x0, y0, x1, y1 = ln.bbox
    ny0, ny1 = max(y0, int(top - MARKS_ABOVE * xh)), min(y1, int(np.ceil(foot + MARKS_BELOW * xh)))
    if ny1 - ny0 < xh:
        return ln
    return dataclasses.replace(ln, bbox=(x0, ny0, x1, ny1))


# line heights of blank inside a typed line past which what follows may be a pen's note on its
# row (the engine ran a wrapped reference's ``89041512`` on to a note 29 heights off, seed 81);
# a memo's reference and date stand 5–12 apart, and are told by their date
FAR_GAP = 8.0
FAR_NOTE_PROB = 0.8  # how sure the classifier must be that the far piece is a pen's


def _far_note(
    ln: Line, med: float, lines: list[Line], lay: layout.Layout, ink: np.ndarray
) -> tuple[list[Line], list[tuple[str, float]]] | None:
    """A typed line the engine ran on across a blank of ``FAR_GAP`` line heights and more to a
    pen's note on its row: (its pieces, their kinds), where the classifier takes the first for
    typed and the last for a pen's (``FAR_NOTE_PROB``), and the last is no date (the date half
    of the memo's reference line, however it reads). The note had been read with the line, as
    typed and sure (0.977), its letters as the typed face's."""
    pieces = split_at_wide_gaps(ln, FAR_GAP * med, specks=True)
    if len(pieces) < 2 or re.search("วันท", pieces[-1].text) or find_date(pieces[-1].text):
        return None
    kinds = handwriting.classify_lines(pieces, ink, lay.x_height, lay.clean_gray, context=lines)
    # (the first piece cut to its letters' rows, as a split line's are, where its symbols'
    # boxes reach over the rows around it and make it a pen's: ``๐-๖๙๖๖-๘๖๔๐``, seed 93; the
    # note is classified as boxed, cut it looks typed)
    head, head_kind = _typed_by_letter_rows(pieces[:1], kinds[:1], lay, ink, lines)
    pieces, kinds = head + pieces[1:], head_kind + kinds[1:]
    first, last = kinds[0], kinds[-1]
    if first[0] != "typed" or last[0] != "handwritten" or last[1] < FAR_NOTE_PROB:
        return None
    return pieces, kinds


def _memo_date_half(pieces: list[Line], kinds: list[tuple[str, float]]) -> bool:
    """Pieces of one row that are a memo's reference line and its date: a typed first piece
    reading ``ที่``, a known ministry's code and a number, and a last one that reads the date
    label and a date (seed 59: ``ก)    วันที 26 ธันวาคม 2562``, bold label and leader dots,
    taken for a pen's). A stamp's handwritten date beside a header line follows no reference."""
    head, tail = pieces[0], pieces[-1]
    m = _REFERENCE_SLOTS.match(head.text)
    return (
        kinds[0][0] == "typed"
        and m is not None
        and _known_code(m["code"])
        and re.search("วันท", tail.text) is not None
        and find_date(tail.text) is not None
    )


def _pen_tail(line: Line, med: float) -> list[Line] | None:
    """A typed line the engine ran on across a blank to a pen's routing words on its row
    (``ตามระเบียบ   เร่งด่วน``, read ``ตามระเบียบ ' ด่วน``): the typed part and the note, when the
    blank is a line's height or more and twice the widest between the typed part's symbols
    (justified type spreads its blanks evenly), and the words after it are what a pen writes
    (``pen_style``, marks aside) while the typed part's are not: words only a pen ends a line
    on (``PEN_ONLY_WORDS``), or any routing words past a blank of ``TAIL_FAR``."""
    pieces = split_at_wide_gaps(line, TAIL_GAP * med, specks=True)
    if len(pieces) != 2:
        return None
    head, tail = pieces
    # (the tail's marks aside: ``เร่งดวน``, ``ดิวน`` for ด่วน, seed 92; the blank before it
    # says enough that a mark lost or misread in a pen's hand tells nothing)
    if not (pen_style(tail.text) or pen_style(tail.text, slack=0)) or pen_style(head.text):
        return None
    letters = word_skeleton("".join(tokens(repair_text(tail.text))))
    blank = tail.bbox[0] - head.bbox[2]
    if not any(w in letters for w in _PEN_ONLY_SKELETONS) and blank < TAIL_FAR * med:
        # (``… ชั้น ๗ เพื่อ``: a typed line's last word after a number it lost; no number
        # leaves a blank of ``TAIL_FAR``: ``ตามระเบียบ            ดำเนินการ``, a pen's, seed 91)
        return None
    xs = sorted((w.bbox[0], w.bbox[2]) for w in head.words)
    widest = max((b[0] - a[1] for a, b in zip(xs, xs[1:], strict=False)), default=0)
    return pieces if blank >= 2 * max(widest, 1) else None


def _holds_letters(lay: layout.Layout, box: BBox) -> bool:
    """Whether ``box`` holds three or more components of at least half a letter's height."""
    c = lay.components
    if c is None or not len(c):
        return False
    return int((_centred_in(c, box) & (c[:, 3] >= 0.5 * lay.x_height)).sum()) >= 3


def snap_memo_title(lines: list[Line], page_height: int) -> tuple[list[Line], Line | None]:
    """The memo's printed title, set large and bold, is what the engine reads worst on the page
    (marks split off into a row of their own, big strokes read as two letters); a line near the
    top that is that title but for a few letters (``บนทกขอควงวา``) becomes the title, the reading
    kept in ``raw_text``. A line over the top of the title's box, within its width, is the row
    of the title's marks the engine split off: it goes. Returns the lines and the title."""
    from rapidfuzz import fuzz

    from pipeline.extract.labels import skeleton

    want = skeleton(MEMO_TITLE)

    def is_title(text: str) -> bool:
        # the whole line, give or take three letters: never a line that goes on after it
        sk = skeleton(re.sub(r"[^\u0e01-\u0e4e]", "", text))
        return abs(len(sk) - len(want)) <= 3 and fuzz.ratio(sk, want) >= 75

    title = next((ln for ln in lines if ln.bbox[1] < 0.3 * page_height and is_title(ln.text)), None)
    if title is None:
        return lines, None
    title.text = MEMO_TITLE
    # what the line holds is known now: the doubts of the misreading it replaced are gone
    title.confidence = max(title.confidence, SNAPPED_TITLE_CONF)
    return [ln for ln in lines if ln is title or not _over_title(ln.bbox, title.bbox)], title


def _over_title(box: BBox, title: BBox) -> bool:
    """Whether ``box`` is the row of the title's marks the engine split off: over the top of the
    title's box, within its width."""
    tx0, ty0, tx1, ty1 = title
    th = ty1 - ty0
    return (
        box[1] < ty0
        and ty0 - 0.3 * th <= box[3] < ty0 + 0.6 * th
        and box[0] >= tx0 - th
        and box[2] <= tx1 + th
    )


def _continues_typed(
    ln: Line, lines: list[Line], kinds: list[tuple[str, float]], posts_only: bool = False
) -> bool:
    """Whether ``ln`` stands right under a line taken for typed (less than 0.6 of the taller
    one's height below it, or its marks reaching a little into it, starting inside its span) and
    reads as Thai words, or is a known post (a recipient's, wrapped: ``รองอธิบดี``, too short
    to tell by its words; ``posts_only``: that alone): the wrapped end of that line."""
    x0, y0, _, y1 = ln.bbox

    def gap(o: Line) -> float:  # (by the taller of the two: a line of no tall marks is short)
        return 0.6 * max(y1 - y0, o.bbox[3] - o.bbox[1]) + 10

    above = any(
        k == "typed"
        and -0.3 * (y1 - y0) <= y0 - o.bbox[3] < gap(o)
        and o.bbox[0] <= x0 <= o.bbox[2]
        for o, (k, _) in zip(lines, kinds, strict=True)
        if o is not ln
    )
    if not above:
        return False
    if is_post(ln.text):
        return True
    share, thai = plausibility(ln.text)
    return not posts_only and thai >= 10 and share >= CONTINUED_PLAUSIBLE


# a page's number as printed at its head or foot: ``หน้า ๒``, ``- ๒ -``, ``๒``
_PAGE_NUMBER = re.compile(f"(?:หน้า\\s*)?(?:-\\s*)?[{THAI}0-9]{{1,3}}(?:\\s*-)?")
CENTRED_SURE = 0.9  # the engine's confidence in a centred line's reading, for it to be typed
CENTRED_REACH = 2.0  # line heights from a centred line to the typed one it is centred with
CENTRED_WIDTH = 3.0  # x-heights the typed line is wide at least


def _centred_on_typed(
    ln: Line, lines: list[Line], kinds: list[tuple[str, float]], x_height: float
) -> bool:
    """Whether ``ln``, read surely (``CENTRED_SURE``) as Thai words or as a page's number,
    is centred (within half an x-height) on a typed line (the classifier and the engine sure
    of it) less than ``CENTRED_REACH`` line heights above or below it: a line of a centred
    block (a notice's date over its signer's name and post) or a page's number over its
    running head. A pen's note stands centred on a typed line by chance only, and seldom
    reads as words surely."""
    if ln.confidence < CENTRED_SURE or ln.bbox[3] - ln.bbox[1] < x_height:
        return False  # (nor a scrap under an x-height: ``๒-``, a signature's piece over a name)
    if not _PAGE_NUMBER.fullmatch(ln.text.strip()):
        share, thai = plausibility(ln.text)
        if thai < 10 or share < CONTINUED_PLAUSIBLE:
            return False
    x0, y0, x1, y1 = ln.bbox
    h = y1 - y0
    for o, (k, p) in zip(lines, kinds, strict=True):
        # (a line the classifier is sure is typed, read surely, a few letters wide at least:
        # a pen's sign-off, ``(อนุชา เพชรรัตน์) 30 ก.ค. 67``, had stood centred on another
        # taken for typed at 0.58, and one on a speck read as a stop)
        if (
            o is ln
            or k != "typed"
            or p < CENTRED_SURE
            or o.confidence < CENTRED_SURE
            or o.bbox[2] - o.bbox[0] < CENTRED_WIDTH * x_height
        ):
            continue
        gap = max(o.bbox[1] - y1, y0 - o.bbox[3])
        if (
            -0.3 * h <= gap < CENTRED_REACH * max(h, o.bbox[3] - o.bbox[1])
            and abs((o.bbox[0] + o.bbox[2]) - (x0 + x1)) <= x_height  # (twice the centres)
        ):
            return True
    return False


_LONE_NUMBER = re.compile(f"[{THAI}0-9][{THAI}0-9,./-]{{0,5}}")


def _wrapped_number(ln: Line, lines: list[Line], kinds: list[tuple[str, float]]) -> bool:
    """Whether ``ln`` is a number alone at the left of a typed line that ends with a word a
    number follows (``ห้องประชุม ๙๐๕ ชั้น`` / ``๑``), right under it: the number wrapped. One
    glyph tells the line classifier nothing (it took such a ``๑`` for a pen's)."""
    # (or a short token no Thai word is, which the engine made of one digit: ``Cs``, ``ฒ``)
    if not (_LONE_NUMBER.fullmatch(ln.text.strip()) or _OPENING_SCRAP.fullmatch(ln.text)):
        return False
    return _wrapped_from(ln, lines, kinds, lambda text: text.rstrip().endswith(_BEFORE_NUMBER))


def _wrapped_from(
    ln: Line, lines: list[Line], kinds: list[tuple[str, float]], ends: Callable[[str], bool]
) -> bool:
    """Whether ``ln`` stands right under a typed line whose text ``ends`` accepts, from its
    start or left of it (a paragraph's first line is indented; what wraps goes to the
    margin)."""
    for o, (k, _) in zip(lines, kinds, strict=True):
        h = o.bbox[3] - o.bbox[1]
        if (
            o is not ln
            and k == "typed"
            and ends(o.text)
            and -0.3 * h <= ln.bbox[1] - o.bbox[3] < 0.6 * h
            and _wraps_under(ln, o)
        ):
            return True
    return False


# a reference's code and numbers opening a line, its ``ที่`` left at the end of the line above
_WRAPPED_REFERENCE = re.compile(f"^\\s*(?P<code>{MINISTRY_CODE})\\s*{_REFERENCE_NUMBERS}")
_ENDS_WITH_REF_LABEL = re.compile(f"(?:^|[\\s\u0e2d])ท{MARK.pattern}*\\s*$")  # ``หนังสือที่``


def _opening_reference(text: str) -> re.Match[str] | None:
    """``text``'s opening as a known ministry's code, an office number and, after its slash, a
    running number (``กค ๔๔๕๑.๖/จ ๖๔๔๙``); None when it does not so open."""
    m = _WRAPPED_REFERENCE.match(text)
    return m if m is not None and m["run"] is not None and _known_code(m["code"]) else None


def _wrapped_reference(ln: Line, lines: list[Line], kinds: list[tuple[str, float]]) -> bool:
    """Whether ``ln`` opens with a known ministry's code, an office number and its slash, right
    under (and from the left of) a typed line ending with ``ที่``: a letter's reference cited in
    the body, wrapped (``… ตามหนังสือที่`` / ``กค ๔๔๕๑.๖/จ ๖๔๔๙``). A short line of code and
    digits tells the line classifier little (it took one for a pen's); no pen writes one so."""
    if _opening_reference(ln.text) is None:
        return False
    return _wrapped_from(
        ln, lines, kinds, lambda text: _ENDS_WITH_REF_LABEL.search(text) is not None
    )


def _titled_signer(text: str) -> bool:
    """A signature block's name line with a title: ``(นายสมชาย ใจดี)``; not a pen's initials
    dated in figures after them (a digit inside the name is a letter the signature struck)."""
    name = signer_name(text)
    outside = re.sub(r"\(.*\)", "", text)
    return name is not None and name.startswith(TITLES) and not re.search(r"[0-9๐-๙]", outside)


def _name_over_position(ln: Line, lines: list[Line], kinds: list[tuple[str, float]]) -> Line | None:
    """The typed line ``ln`` stands on when ``ln`` opens or closes a parenthesis and that line is
    right under it, centred on the same column, reading as Thai words: a signature block's name
    line over the signer's position. A signature drawn across the name makes the classifier
    take the name line for a pen's (``(นา ยชัยวัฒน์ Taal)`` over ``เจ้าพนักงานธุรการ…``); a
    pen's ``(name)`` under its initials has no typed line under it."""
    bare = ln.text.strip(" '\".,:;|")
    if not (bare.startswith("(") or bare.endswith(")")):  # (one of them may be struck)
        return None
    x0, y0, x1, y1 = ln.bbox
    for o, (k, _) in zip(lines, kinds, strict=True):
        ox0, oy0, ox1, oy1 = o.bbox
        # (the taller of the two: a position's box may hold its letters' core only, and the
        # blank over it be more than half its height; seed 81, at 200 dpi)
        h = max(oy1 - oy0, y1 - y0)
        if (
            o is not ln
            and k == "typed"
            and -0.3 * h <= oy0 - y1 < 0.6 * h
            and abs((ox0 + ox1) - (x0 + x1)) / 2 < max(h, 0.1 * (ox1 - ox0))
            and "(" not in o.text
        ):
            share, thai = plausibility(correct_words(repair_text(o.text)))
            if thai >= 10 and share >= CONTINUED_PLAUSIBLE:
                return o
    return None


def reread_signer_names(
    engine: OcrEngine,
    gray: np.ndarray,
    ocr_gray: np.ndarray,
    lines: list[Line],
    dpi: int,
    options: Options,
    struck: tuple[Line, ...] = (),
    x_height: float | None = None,
) -> None:
    """A signature block's name line read again where its name is not all known, or is known
    only once marks are put back: from the page as scanned (clearing a signature's stroke along
    the letters' tops takes their tops with it: ``นาานภาพร`` for ``นางนภาพร``), from the scan
    with the stroke lifted off (``layout.lift_strokes``; ``x_height``: the page's type's, else
    two fifths of the line's height) and from its box alone; of the readings, the one that
    fits best is taken (``_take_name_reading``: by ``reading_fit``, its title, given name and
    family name known the more, then the fewer marks put back), the line's own on a tie. A
    ``struck`` line (a name line the signature made read as a pen's), or a parenthesised line
    over a position, is read again even where it reads as no name (``. went พึงบุญ)``: the
    English model took the title and given name)."""
    typed = [("typed", 1.0)] * len(lines)
    for ln in lines:
        name = signer_name(ln.text)
        fit: tuple[int, int]
        if name is not None:
            fit = reading_fit(repair_text(name))
        elif any(ln is s for s in struck) or _name_over_position(ln, lines, typed) is not None:
            # (or one whose parenthesis stands over a signer's position line but whose title
            # and name clearing the signature's strokes spoilt: ``เรางอัระ ทองคำ)``, seed 72)
            fit = (-1, 0)
        else:
            continue
        if fit == (3, 0) and not (name is not None and title_guessed(name)):
            continue
        xh = x_height or 0.4 * (ln.bbox[3] - ln.bbox[1])
        # (the line's own reading first, then the others: text, line read, fit, name mended)
        readings: list[tuple[str, Line | None, tuple[int, int], str | None]] = [
            (ln.text, None, fit, correct_name(repair_text(name)) if name is not None else None)
        ]
        for img, langs in ((ocr_gray, None), (gray, None), (None, None), (ocr_gray, "tha")):
            # (single-line mode gives up on some: a name line in a serif face; and the
            # English model takes a family name by a signature's strokes: ทองคำ read ``nasa``)
            if (langs is not None or img is None) and max(r[2] for r in readings)[0] >= 3:
                continue
            if img is None:
                img = layout.lift_strokes(gray, ln.bbox, xh)
            again = _read_region(
                engine, img, ln.bbox, dpi, options, psm=7, languages=langs
            ) or _read_region(engine, img, ln.bbox, dpi, options, psm=6, languages=langs)
            text = " ".join(a.text for a in again).strip()
            # (judged as repaired: a split sara am, ``ท์อังคํา``, keeps ทองคำ from its list;
            # the line keeps the engine's text, which its symbols spell, till finish_lines)
            other = signer_name(repair_text(text)) if len(again) == 1 else None
            if other is not None:
                readings.append((text, again[0], reading_fit(other), correct_name(other)))
        _take_name_reading(ln, readings)


def _take_name_reading(
    ln: Line, readings: list[tuple[str, Line | None, tuple[int, int], str | None]]
) -> None:
    """Set name line ``ln`` to the best of its ``readings`` (its own first, and the others
    that fit better than it): the most parts known, then the more of its given and family
    names read (``parts_read``), then the fewer marks put back; of readings that fit as well,
    the name the most readings mend to (a stroke across the line misleads one reading its
    own way: ``คงมน`` once, ``คงมัน`` three times), then the first. Where the one taken leaves
    its title a guess, or its given or family name unknown, another reading that reads it
    (``with_title_read``, ``graft_name_part``) lends it: a stroke across the line spoils
    different letters in each."""
    votes = Counter(r[3] for r in readings)

    def rank(i: int) -> tuple[int, int, int, int, int]:
        (known, marks), mended = readings[i][2], readings[i][3]
        return known, parts_read(mended or ""), marks, votes[mended], -i

    # (another reading must fit better than the line's own to be taken at all, or as well
    # while holding a name part the line's own lost: a line over a position that only looks
    # like a name, ``( สำหรับระบุเหตุที่… )`` on a real form, read again the same but for a lost
    # mark, had been taken by the rereadings' agreeing; ``(นางธีระ BUNTING)``, seed 80, the
    # English model's word for a family name no list holds, read in Thai four times, had not)
    own, own_parts = readings[0][2], parts_read(readings[0][3] or "")
    eligible = [
        i
        for i in range(1, len(readings))
        if readings[i][2] > own
        or (readings[i][2] == own and parts_read(readings[i][3] or "") > own_parts)
    ]
    best = max([0, *eligible], key=rank)
    text, line, _, _ = readings[best]
    if line is not None:
        ln.text, ln.raw_text, ln.words = text, line.raw_text, line.words
        ln.confidence = min(ln.confidence, line.confidence)
    for other_text, other_line, _, _ in readings:
        kept, other = signer_name(ln.text), signer_name(repair_text(other_text))
        if other_line is None or other_line is line or kept is None or other is None:
            continue
        grafted = with_title_read(kept, other) or graft_name_part(repair_text(kept), other)
        if grafted is not None:
            ln.text = ln.text.replace(kept, grafted, 1)
            ln.confidence = min(ln.confidence, other_line.confidence)


def _reference_line(text: str) -> bool:
    """A memo's reference line: ``ที่``, a known ministry's code, a number and its slash (no
    pen writes one out so)."""
    m = _REFERENCE_SLOTS.match(text)
    return m is not None and _known_code(m["code"]) and m["run"] is not None


def _typed_by_its_text(ln: Line, prob: float, page_height: int) -> bool:
    """Whether a line the classifier took for a pen's (``prob`` sure) is typed by what it reads:
    ``(นางสาว… …)`` under a signature is the typed name line, ``ที่ พณ ๖๘๕๘/…`` in the memo's
    head its reference line (both unless the classifier is surer than ``TITLED_SIGNER_DOUBT``),
    and a line citing a letter by its reference (``อ้างถึงหนังสือที่ พน ๖๖๔๗.๘/ว ๑๓๔๓``) the
    body's (unless it is surer than ``CONTINUED_DOUBT``: 0.967 on one, seed 83, its date
    garbled); the head's reference line with its date (``_dated_reference_line``), and a cited
    one with its date's label (``… ลงวันที่``), however sure it is (0.995 on one, seed 87, a
    pen's note over its end). Strokes of a signature or a pen note crossing such lines make the
    classifier unsure of them."""
    return (
        (
            prob < TITLED_SIGNER_DOUBT
            and (
                _titled_signer(ln.text) or (_in_head(ln, page_height) and _reference_line(ln.text))
            )
        )
        # (a line citing a reference with its date's label is one of those citing any)
        or _cites_reference(ln.text, dated=prob >= CONTINUED_DOUBT)
        or _dated_reference_line(ln, page_height)
    )


def _running_text(text: str) -> bool:
    """Whether ``text`` reads as a typed line of running Thai text: ``RUNNING_LETTERS`` Thai
    characters or more, ``RUNNING_PLAUSIBLE`` of them in dictionary words. (A pen's notes the
    engine reads are short, and garbled: ``ทราบ มอบ กลุ่มงาน ดำเนินการ`` is 22.) Judged as
    repaired: the engine's split sara am (``กําหนด``) is no word as read."""
    share, thai = plausibility(repair_text(text))
    return thai >= RUNNING_LETTERS and share >= RUNNING_PLAUSIBLE


def _dated_reference_line(ln: Line, page_height: int) -> bool:
    """A memo's reference line in the page's head (its top two fifths) with its date half:
    ``ที่``, a known ministry's code, a number and its slash, then a date (``ที กษ 8457/2156 …
    ยวนที  10 พ.ค. 2562``, seed 85: the classifier had been sure, at 0.999, that it was a pen's,
    and the memo lost its reference and date). No pen writes the two out on one line so."""
    return _in_head(ln, page_height) and _reference_line(ln.text) and find_date(ln.text) is not None


HEAD_SHARE = 0.4  # of a page's height from its top: a memo's head, where its reference line is


def _in_head(ln: Line, page_height: int) -> bool:
    """Whether ``ln`` starts in the page's head (``HEAD_SHARE``)."""
    return ln.bbox[1] < HEAD_SHARE * page_height


def _cites_reference(text: str, dated: bool = False) -> bool:
    """A typed line citing a letter: ``หนังสือที่`` and a known ministry's code, an office
    number and a running number after its slash, or an office number of four digits and more
    then the date's label (``อ้างถึงหนังสือที พณ 06641622 ลงวันที่ 6 กันยาย 63``, seed 87: a
    reference of one number, its label's tone mark lost). ``dated``: the date's label follows
    it, whichever. No pen writes one out so."""
    for m in _CITED_REFERENCE.finditer(text):
        if not _known_code(m["code"]):
            continue
        label = _CITED_DATE.match(text, m.end()) is not None
        if dated and not label:
            continue
        if m["run"] is not None or (label and len(_ANY_DIGIT.findall(m["office"])) >= 4):
            return True
    return False


# a letter's reference cited in a line, its label's marks perhaps lost: the code and numbers as
# in ``_REFERENCE_IN_TEXT``; and the date label that may follow it
_CITED_REFERENCE = re.compile(f"หนังสือ\\s?ท{MARK.pattern}*\\s?" + _CODE_AND_NUMBERS)
_CITED_DATE = re.compile(f"\\s*ลง\\s?วันท{MARK.pattern}*")


_OTHER_SIGN = re.compile("[^\\s\u0e01-\u0e5b0-9]")  # Latin letters and signs, not Thai or digits
OTHER_AXIS_WORDS = 0.5  # share of a page's letters and signs in Thai words under which ...
OTHER_AXIS_SIGNS = 30  # ... with this many of them, it is read along the other axis too


def _words_share(lines: list[Line]) -> tuple[float, int]:
    """(share of the letters and signs of a page's lines that are Thai in dictionary words,
    letters and signs): a page read along the wrong axis comes out as Latin scraps and signs
    at high confidence. (Digits are left out: a memo's numbers are no words.)"""
    text = " ".join(ln.text for ln in lines)
    share, thai = plausibility(text)
    signs = thai + len(_OTHER_SIGN.findall(text))
    return (share * thai / signs if signs else 0.0), signs


def _char_confidence(lines: list[Line]) -> tuple[float, int]:
    """(the lines' confidence weighted by their length, characters read)."""
    read = [(len(ln.text.strip()), ln.confidence) for ln in lines if ln.text.strip()]
    chars = sum(n for n, _ in read)
    return (sum(n * c for n, c in read) / chars if chars else 0.0), chars


def _reading_score(lines: list[Line]) -> float:
    """How well a page's lines read: their confidence (weighted by length), less where their
    letters are not Thai words."""
    conf, chars = _char_confidence(lines)
    if not chars:
        return 0.0
    share, _ = _words_share(lines)
    return conf * (0.3 + 0.7 * share)


def _reads_badly(lines: list[Line]) -> bool:
    """Most of the page's text read with low confidence: the mark of a page upside down."""
    conf, chars = _char_confidence(lines)
    if chars < 20:
        return False
    if conf < BAD_PAGE_CONFIDENCE:
        return True
    # the engine can be confident about letter salad: check the Thai against the dictionary
    share, thai = plausibility(" ".join(ln.text for ln in lines))
    return thai >= 40 and share < BAD_PAGE_PLAUSIBILITY


# Thai letters a reading needs for its dictionary words to weigh in the check of up and down
# (a page of a few words read upside down is letter salad the engine can be sure of)
VERIFY_THAI = 4
FLIP_MARGIN = 0.05  # score the reading upside down must win by to turn the page over


def verify_orientation(
    engine: OcrEngine,
    gray0: np.ndarray,
    geo: geometry.Geometry,
    dpi: int,
    options: Options,
    force: bool = False,
) -> geometry.Geometry:
    """When the geometric evidence for up vs down is weak (or ``force``), read a few lines both
    ways and keep the orientation whose reading the engine trusts more."""
    if geo.rotation_confidence >= UNSURE_ROTATION and not force:
        return geo
    readings = []
    for turn in (0, 180):
        g = geometry.Geometry(
            (geo.rotation + turn) % 360, geo.skew, geo.rotation_confidence, geo.skew_confidence
        )
        gray = geometry.apply(gray0, g)
        # (a line the layout cut into pieces, read as one: its pieces are too short for words)
        lines = merge_row_fragments(find_lines(engine, gray, dpi, options))
        lines = sorted(lines, key=lambda ln: ln.bbox[2] - ln.bbox[0], reverse=True)[:4]
        reread_lines(engine, gray, lines, dpi, options, require_match=False)
        confs = [ln.confidence for ln in lines if ln.text.strip()]
        share, thai = plausibility(" ".join(ln.text for ln in lines))
        readings.append((float(np.mean(confs)) if confs else 0.0, share, thai))
    # the dictionary weighs in when either way reads Thai enough: a way that reads none
    # (Latin scraps, ``MIECEMLIEELBUCIE``, which the engine can be sure of) then has none of
    # its words; each way's letters in words count against the Thai letters the way that
    # reads more reads (upside down, ``8ยบแหน๒`` among Latin scraps holds one word by chance:
    # three of its five Thai letters, a larger share than the 13 of 27 of the right way's)
    most = max(thai for _, _, thai in readings)
    judged = most >= VERIFY_THAI
    scores = [
        conf * (0.3 + 0.7 * share * thai / most if judged else 1.0)
        for conf, share, thai in readings
    ]
    margin = abs(scores[0] - scores[1])
    # a near tie is no evidence against the geometry's turn (one short line, read as words
    # upright, read upside down with one word by chance: seed 58's geometry bench)
    best = int(scores[1] - scores[0] >= FLIP_MARGIN)
    return geometry.Geometry(
        (geo.rotation + 180 * best) % 360,
        geo.skew,
        round(min(1.0, max(geo.rotation_confidence, margin * 5)), 3),
        geo.skew_confidence,
        geo.method + "+ocr-check",
    )


TYPED_REFERENCE = 1.2  # inches of typed line, at least, to set a page of notes straight by
# degrees of skew left in the typed lines worth turning the page again and a second reading
# (a page turned by 0.07° more reads its letters blurred: a memo's page of notes on seed 28
# gained four errors for 0.03° of skew)
RESIDUAL_SKEW = 0.1
SURE_WORDS_CONF = 0.95  # confidence of a line of dictionary words to set such a page by


def _typed_skew(
    lines: list[Line], kinds: list[tuple[str, float]], lay: layout.Layout, ink: np.ndarray, dpi: int
) -> float | None:
    """The skew left in the typed lines of a page that is mostly pen notes (their boxes cover
    more than the typed lines' do): deskewed by all its ink, such a page follows the notes,
    each at its own angle (3° off on the geometry bench), while its typed lines are straight.
    None on other pages, without typed lines enough (``TYPED_REFERENCE``), or when they are
    straight already."""
    # the typed lines to go by (``_goes_by``), whatever the classifier took them for (on a
    # page of notes the page's median line is a note's, and a bold typed heading can look
    # like one; a note read as letter salad can look typed)
    sure = [_goes_by(ln) for ln in lines]
    typed = [ln.bbox for ln, s in zip(lines, sure, strict=True) if s]
    hand = [
        ln.bbox
        for ln, s, k in zip(lines, sure, kinds, strict=True)
        if not s and (k[0] != "typed" or pen_style(ln.text))
    ]
    # (and the pen notes colour told apart, which OCR never saw)
    hand += [r.bbox for r in lay.regions if r.kind == RegionKind.HANDWRITTEN]

    def area(boxes: list[BBox]) -> int:
        return sum((b[2] - b[0]) * (b[3] - b[1]) for b in boxes)

    if not typed or area(hand) <= area(typed):
        return None
    if sum(b[2] - b[0] for b in typed) < TYPED_REFERENCE * dpi:
        return None
    residual = geometry.residual_skew(ink, typed, hand)
    return residual if residual is not None and abs(residual) >= RESIDUAL_SKEW else None


# Thai letters of a line of running text: a pen's note is shorter (``ทราบ มอบ กลุ่มงาน
# ดำเนินการ``, 21: at 20, such notes the classifier took for typed, read well one way and
# misread the other, had decided between a page of notes set straight by its heading and as
# its notes had tilted it, 1.24° off either way on the geometry bench's seed 58)
LONG_LINE_LETTERS = 30
LONG_LINE_WORDS = 0.8  # ... and the share of them in dictionary words


def _prose_typed(lines: list[Line], kinds: list[tuple[str, float]]) -> int:
    """How many lines of running text, read surely, the classifier takes for typed: lines of
    ``LONG_LINE_LETTERS`` Thai letters or more, ``LONG_LINE_WORDS`` of them words (a page of
    pen notes has few or none: its heading is shorter, and so are its notes)."""
    out = 0
    for ln, (kind, _) in zip(lines, kinds, strict=True):
        if kind != "typed" or ln.confidence < SURE_WORDS_CONF:
            continue
        share, thai = plausibility(ln.text)
        out += thai >= LONG_LINE_LETTERS and share >= LONG_LINE_WORDS
    return out


def _goes_by(ln: Line) -> bool:
    """Whether ``_typed_skew`` goes by ``ln``: read surely as dictionary words, not a pen's
    routing words (two letters misread: ``เบื้อโปรดทราบ`` is a note), or a printed heading."""
    return (_surely_words(ln) or _printed_heading(ln)) and not pen_style(ln.text, slack=2)


# the printed headings of the forms pen notes are written on (a page of order notes, whose
# heading may be its only typed line)
NOTES_HEADINGS = ("บันทึกการสั่งการ", MEMO_TITLE)


def _printed_heading(ln: Line) -> bool:
    """A line read surely (``SURE_WORDS_CONF``) as one of ``NOTES_HEADINGS``, a letter or so
    aside (``วันทึกการสั่งการ``)."""
    from rapidfuzz import fuzz

    from pipeline.extract.labels import skeleton

    if ln.confidence < SURE_WORDS_CONF:
        return False
    text = skeleton(ln.text.replace(" ", ""))
    return any(fuzz.ratio(text, skeleton(h)) >= 85 for h in NOTES_HEADINGS)


def _surely_words(ln: Line) -> bool:
    """A line read surely (``SURE_WORDS_CONF``) whose Thai, eight letters or more, is all
    dictionary words."""
    if ln.confidence < SURE_WORDS_CONF:
        return False
    share, thai = plausibility(ln.text)
    return thai >= 8 and share >= 1.0 and not unknown_words(ln.text)


def _upright(
    pimg: PageImage, gray0: np.ndarray, geo: geometry.Geometry
) -> tuple[np.ndarray, np.ndarray]:
    """(colour, grey) page turned upright and deskewed. Without colour only the grey page is
    turned (a third of the work), and it stands in for the colour one, which the layout then
    does not look at."""
    if pimg.colour:
        rgb = geometry.apply(pimg.image, geo)
        return rgb, geometry.to_gray(rgb)
    gray = geometry.apply(gray0, geo)
    return gray, gray


def _read_turned(
    pimg: PageImage,
    gray0: np.ndarray,
    geo: geometry.Geometry,
    engine: OcrEngine,
    options: Options,
    deadline: Deadline,
) -> tuple[np.ndarray, np.ndarray, layout.Layout, list[Line]]:
    """The page turned and deskewed by ``geo``, its layout and its lines read: (colour, grey,
    layout, lines), for a page read again another way."""
    rgb, gray = _upright(pimg, gray0, geo)
    lay = layout.analyse(rgb, gray, pimg.dpi, pimg.colour)
    return rgb, gray, lay, read_page_lines(engine, lay, pimg.dpi, options, deadline)


def process_page(pimg: PageImage, engine: OcrEngine, options: Options) -> Page:
    t0 = time.process_time()
    deadline = Deadline(options.page_timeout)
    steps = []
    gray0 = geometry.to_gray(pimg.image)
    geo = geometry.estimate(gray0, pimg.dpi, rgb=pimg.image if pimg.colour else None)
    geo = verify_orientation(engine, gray0, geo, pimg.dpi, options)
    rgb, gray = _upright(pimg, gray0, geo)
    if pimg.scan_dpi:
        steps.append({"step": "resample", "from_dpi": pimg.scan_dpi, "to_dpi": pimg.dpi})
    geo_step = {
        "step": "geometry",
        "method": geo.method,
        "rotation": geo.rotation,
        "skew": geo.skew,
        "rotation_confidence": round(geo.rotation_confidence, 3),
    }
    steps.append(geo_step)
    lay = layout.analyse(rgb, gray, pimg.dpi, pimg.colour)
    steps.append(
        {"step": "layout", "method": "rules+colour+components", "x_height": round(lay.x_height, 1)}
    )

    deadline.check()
    lines = read_page_lines(engine, lay, pimg.dpi, options, deadline)
    if "ocr-check" not in geo.method and _reads_badly(lines):
        # confident geometry can still be wrong (a page of mostly Latin text has no Thai marks
        # to sit above the line): a page that reads badly is read the other way up, once
        checked = verify_orientation(engine, gray0, geo, pimg.dpi, options, force=True)
        if checked.rotation != geo.rotation:
            geo = checked
            rgb, gray, lay, lines = _read_turned(pimg, gray0, geo, engine, options, deadline)
        geo_step.update(
            method=checked.method,
            rotation=geo.rotation,
            rotation_confidence=round(geo.rotation_confidence, 3),
        )
    share, letters = _words_share(lines)
    if _reads_badly(lines) or (letters >= OTHER_AXIS_SIGNS and share < OTHER_AXIS_WORDS):
        # still, or signs and Latin scraps: the text may run the other way (a page of pen
        # notes, each at its own angle, profiled sharper turned a quarter at 18°): the page is
        # read along the other axis, both ways up, and the other way up along its own, and the
        # reading the engine trusts most kept
        other = geometry.estimate(
            gray0,
            pimg.dpi,
            rgb=pimg.image if pimg.colour else None,
            horizontal=geo.rotation % 180 != 0,
        )
        best = _reading_score(lines)
        turned = [
            dataclasses.replace(
                other, rotation=(other.rotation + turn) % 360, method=f"{other.method}+other-axis"
            )
            for turn in (0, 180)
        ]
        # (and the page the other way up, read whole: a few lines of notes read both ways, as
        # the first check does, tell little)
        turned.append(
            dataclasses.replace(
                geo, rotation=(geo.rotation + 180) % 360, method=f"{geo.method}+read-whole"
            )
        )
        for g in turned:
            read = _read_turned(pimg, gray0, g, engine, options, deadline)
            score = _reading_score(read[3])
            if score > best:
                best, geo, (rgb, gray, lay, lines) = score, g, read
        geo_step.update(
            method=geo.method,
            rotation=geo.rotation,
            skew=geo.skew,
            rotation_confidence=round(geo.rotation_confidence, 3),
        )
    steps.append(
        {
            "step": "ocr",
            "engine": engine.name,
            "lines": "layout analysis, psm 3",
            "read": "psm 7 per line (psm 6 where it reads nothing), band padded 60% of a line up, 35% down",
            "languages": options.languages,
        }
    )

    # lines OCR read that look like handwriting (pen ink that colour could not tell apart)
    typed: list[Line] = []
    struck: list[Line] = []  # signers' name lines a signature made look handwritten
    hand_regions: list[Region] = []
    ink = layout.ocr_ink(lay)
    kinds = handwriting.classify_lines(lines, ink, lay.x_height, lay.clean_gray)
    residual = _typed_skew(lines, kinds, lay, ink, pimg.dpi)
    if residual is not None:
        # a page of pen notes, deskewed by all its ink: its typed lines set it straight, and
        # it is read again; that reading is kept unless fewer of its lines of running text
        # then look typed (a printed form filled in by pen, photographed: the one line of
        # sure words it went by, a count's with a pen's value on its dots, gave a residual
        # of 0.35° where there was none, and tilted so, its paragraphs went to handwriting;
        # a typed line's count alone tells nothing, as notes taken for typed go too)
        straight = dataclasses.replace(
            geo, skew=round(geo.skew + residual, 2), method=f"{geo.method}+typed-lines"
        )
        read = _read_turned(pimg, gray0, straight, engine, options, deadline)
        read_ink = layout.ocr_ink(read[2])
        read_kinds = handwriting.classify_lines(
            read[3], read_ink, read[2].x_height, read[2].clean_gray
        )
        if _prose_typed(read[3], read_kinds) >= _prose_typed(lines, kinds):
            geo = straight
            geo_step.update(method=geo.method, skew=geo.skew)
            rgb, gray, lay, lines = read
            ink, kinds = read_ink, read_kinds
    lines, kinds = _split_mixed_lines(lines, kinds, lay, ink)
    for ln, (kind, prob) in zip(lines, kinds, strict=True):
        if not ln.text.strip():
            # ink the engine read nothing in: handwriting, read again below as a region of the
            # page as scanned (the OCR image has lost what colour told apart)
            hand_regions.append(
                Region(
                    id="",
                    kind=RegionKind.STAMP if kind == "stamp" else RegionKind.HANDWRITTEN,
                    bbox=ln.bbox,
                    kind_confidence=round(min(prob, 0.5), 3),
                )
            )
            continue
        if (
            kind != "typed"
            and ln.bbox[1] < 0.3 * lay.ocr_gray.shape[0]
            and is_document_title(ln.text)
        ):
            # a document's title is printed, however big and bold (the classifier may take a
            # large title set across the page for handwriting)
            kind = "typed"
        elif kind != "typed" and _typed_by_its_text(ln, prob, lay.ocr_gray.shape[0]):
            # (a signer's name line, a reference line: the classifier's doubt stays with it)
            kind, prob = "typed", 1.0 - prob
        elif kind != "typed" and (position := _name_over_position(ln, lines, kinds)):
            # a signer's name line struck by the signature: typed, re-read below as a name,
            # its doubt kept; the signature's loops above it are no part of the line
            kind, prob = "typed", 1.0 - prob
            ph = position.bbox[3] - position.bbox[1]
            x0, y0, x1, y1 = ln.bbox
            ln.bbox = (x0, max(y0, y1 - int(ph * 1.2)), x1, y1)
            struck.append(ln)
        elif kind != "typed" and (
            _wrapped_number(ln, lines, kinds) or _wrapped_reference(ln, lines, kinds)
        ):
            # a number wrapped to a line of its own (``ชั้น`` / ``๑``), or a cited letter's
            # reference (``ตามหนังสือที่`` / ``กค ๔๔๕๑.๖/จ ๖๔๔๙``): typed, and doubted, as the
            # classifier could tell nothing from it
            kind, prob = "typed", UNSURE_CONF
        elif kind != "typed" and _continues_typed(
            ln, lines, kinds, posts_only=prob >= CONTINUED_DOUBT
        ):
            # the wrapped end of a typed line (a recipient's post under ``เรียน …``): short and
            # indented, it looks like a pen's line to the classifier, which may be sure of it
            # (``ผู้อำนวยการกอง``: 0.99 on seed 22); no pen writes a post out in full there.
            # Its doubt stays with it
            kind, prob = "typed", 1.0 - prob
        elif kind != "typed" and prob < CONTINUED_DOUBT and _running_text(ln.text):
            # a typed line a pen note crossed (at its end, where no blank parts them): the
            # note's strokes made the classifier doubt the whole line; its doubt stays with it
            kind, prob = "typed", 1.0 - prob
        elif kind == "handwritten" and _centred_on_typed(ln, lines, kinds, lay.x_height):
            # a line of a centred block (a notice's date over its signer's name and post,
            # ``ประกาศ ณ วันที่ …``) or a page's number over its running head (``หน้า ๒``):
            # away from the margin the lines start at, it looked like a pen's to the
            # classifier, trained on pages whose only centred lines are a memo's title and
            # signer. Its doubt stays with it
            kind, prob = "typed", 1.0 - prob
        elif kind == "typed" and pen_written(ln.text, prob):
            # what a pen writes, in a hand regular enough to pass for type
            kind, prob = "handwritten", PEN_STYLE_PROB
        if kind != "typed":
            ln.confidence = min(ln.confidence, HAND_CONF_CAP)
            rk = RegionKind.HANDWRITTEN if kind == "handwritten" else RegionKind.STAMP
            hand_regions.append(
                Region(
                    id="",
                    kind=rk,
                    bbox=ln.bbox,
                    lines=[ln],
                    confidence=ln.confidence,
                    kind_confidence=prob,
                )
            )
        elif ln.text.strip():
            # a line the classifier is unsure is typed may be handwriting: that doubt is the
            # line's too
            ln.confidence = round(min(ln.confidence, prob), 4)
            typed.append(ln)

    reread_signer_names(
        engine, gray, lay.ocr_gray, typed, pimg.dpi, options, tuple(struck), lay.x_height
    )
    digit_model = load_model()
    typed_digits = digits_read(typed)
    changed = finish_lines(
        typed, lay.ocr_gray, digit_model, lay=lay, skew=geo.skew, page_digits=typed_digits
    )
    doubt_slivers(typed)
    doubt_hidden_ink(typed, lay, ink)
    doubt_stamp_times(typed, lay.ocr_gray.shape[0])
    typed, title = snap_memo_title(typed, lay.ocr_gray.shape[0])
    if title is not None:
        doubt_above_title(typed, title)
        # the title's split-off row of marks may have been taken for a pen line
        hand_regions = [r for r in hand_regions if not _over_title(r.bbox, title.bbox)]
    finish_lines([ln for r in hand_regions for ln in r.lines], lay.ocr_gray, None, dictionary=False)
    steps.append(
        {
            "step": "digits+repair",
            "model": digit_model.version if digit_model else None,
            "digits_changed": changed,
        }
    )

    regions: list[Region] = []
    for block in _blocks(typed):
        conf = float(np.mean([ln.confidence for ln in block]))
        regions.append(
            Region(
                id="",
                kind=RegionKind.TYPED,
                bbox=bbox_union([ln.bbox for ln in block]),
                lines=block,
                confidence=round(conf, 4),
            )
        )

    others = lay.regions + hand_regions
    for r in others:
        deadline.check()
        if r.kind == RegionKind.TABLE:
            confs: list[float] = []
            inset = max(4, pimg.dpi // 40)  # clear of the rules, even slightly tilted ones
            cells: list[list[Line]] = []
            for c in r.cells:
                inner = (c.bbox[0] + inset, c.bbox[1] + inset, c.bbox[2] - inset, c.bbox[3] - inset)
                cl = _read_region(engine, lay.clean_gray, inner, pimg.dpi, options, pad=0)
                # the row of marks over a cell's line read apart (as salad: ``VA ๐ YAN``)
                cl = drop_mark_rows(cl, lay.components, lay.x_height)
                reread_lines(engine, lay.clean_gray, cl, pimg.dpi, options)
                cells.append(cl)
            # (the script of the page's numbers: the typed text's and the table's)
            in_cells = digits_read([ln for cl in cells for ln in cl])
            page_digits = (typed_digits[0] + in_cells[0], typed_digits[1] + in_cells[1])
            for c, cl in zip(r.cells, cells, strict=True):
                finish_lines(
                    cl, lay.clean_gray, digit_model, lay=lay, skew=geo.skew, page_digits=page_digits
                )
                c.text = " ".join(ln.text for ln in cl)
                confs.extend(ln.confidence for ln in cl)
            r.confidence = round(float(np.mean(confs)), 4) if confs else 0.0
        elif r.kind in (RegionKind.HANDWRITTEN, RegionKind.STAMP) and not r.lines:
            rl = _read_region(engine, gray, r.bbox, pimg.dpi, options)
            # the digit model knows typed digits only: handwritten values keep the OCR's reading
            finish_lines(rl, gray, None, dictionary=r.kind == RegionKind.STAMP)
            for ln in rl:
                if r.kind == RegionKind.HANDWRITTEN:
                    ln.confidence = round(min(ln.confidence * 0.6, HAND_CONF_CAP), 4)
            r.lines = rl
            r.confidence = round(float(np.mean([ln.confidence for ln in rl])), 4) if rl else 0.0
        elif r.kind == RegionKind.SIGNATURE:
            r.confidence = r.kind_confidence

    stamps_by_labels(others)
    for r in [r for r in others if r.kind == RegionKind.STAMP]:
        others.extend(stamp_values(r))

    # reading order: typed blocks as OCR ordered them; tables placed by their top edge
    ordered: list[Region] = []
    tables = sorted([r for r in others if r.kind == RegionKind.TABLE], key=lambda r: r.bbox[1])
    for reg in regions:
        while tables and tables[0].bbox[1] < reg.bbox[1]:
            ordered.append(tables.pop(0))
        ordered.append(reg)
    ordered.extend(tables)
    ordered.extend(
        sorted(
            [r for r in others if r.kind != RegionKind.TABLE], key=lambda r: (r.bbox[1], r.bbox[0])
        )
    )
    for i, r in enumerate(ordered, start=1):
        r.id = f"p{pimg.number}-r{i}"
    h, w = gray.shape
    return Page(
        number=pimg.number,
        width=w,
        height=h,
        dpi=pimg.dpi,
        rotation=geo.rotation,
        skew=geo.skew,
        regions=ordered,
        rotation_confidence=geo.rotation_confidence,
        steps=steps,
        seconds=round(time.process_time() - t0, 3),
    )
