"""Re-reading digits: Debian's Thai model cannot emit ๔ ๖ ๗ ๘ ๙, so every run of characters the
OCR placed as digits is cut into glyphs and classified again by a small network trained on
rendered Thai and Arabic digits of government typefaces (``models/digits.npz``, trained by
``models/train_digits.py``; see ``models/digits.md``).

Inference is numpy only: two dense layers with ReLU and a softmax.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np

from pipeline import nn
from pipeline.components import components
from pipeline.model import Line, Word
from pipeline.nn import DenseNet, models_dir
from pipeline.thai.dates import ABBR_MONTHS, FULL_MONTHS, abbreviation, find_month
from pipeline.thai.digits import to_arabic_digits
from pipeline.thai.repair import CONSONANTS, MARK
from pipeline.thai.words import TONE_MARKS

THAI = "๐๑๒๓๔๕๖๗๘๙"
ARABIC = "0123456789"
CLASSES = THAI + ARABIC
# what the reference-letter network tells apart: any digit, or the letters a running number opens with
REF_LETTER_CLASSES = ("digit", "ว", "จ")
SIZE = 20
DIGITS = set(CLASSES)
SEPARATORS = set("/.-–:,; ()")
SMALL_SIGNS = set(".-–:,;")
STROKE_SIGNS = "/()"  # signs the engine reads for a digit's lone stroke (an Arabic 7's)
# quotes: as small, and no Thai paper's number in Thai digits stands in them; the engine reads
# a digit's corner as one (``ถึงวันที่'๕`` for ๘: the quote's box over the ๘'s left half kept
# it out). An English term's quotes are real (``“KPI”``, its K read as a quote: a run of
# Arabic digits the English model made of the term would take the K)
QUOTES = set("'\"`‘’“”")
ENGINE_READS = set("๐๑๒๓๕") | set(ARABIC)  # digits the stock model reads itself
OVERRIDE_PROB = 0.9
SURE_GLYPH = 0.75  # ... and its probability among all twenty classes at least this
# ... but a digit the engine cannot emit (๔ ๖ ๗ ๘ ๙) needs less: where one stands the engine
# must put another, most often the one it can emit that looks nearest (๕ for ๔ and ๘, ๒ for ๖)
# (on the wider bench corpus and two fresh ones: four digits mended, none broken)
UNEMITTED_PROB = 0.6
UNEMITTED_GLYPH = 0.5
# a reference's letter (ว, จ) whose box is this many digit heights wide holds a digit too (one
# letter is about 0.65 wide), and the letter is this share of the box, from its left
WIDE_LETTER, LETTER_SHARE = 1.15, 0.45
BAND_SHARE = 0.7  # a line of numbers alone: a body band under this share of its boxes is wrong
# ... and a line of a few words, under this share of its run's glyphs (a band across the ๐s'
# tops is half of them; a right band was 0.70 of glyphs joined to the next line's marks
# below, ๒๔๗๒ in Sarabun)
LOOPS_BAND = 0.6
SLOPPY_RUN = 1.3  # a run's median box this much taller than its line's digits' is sloppy
STOP_SIZE = (0.12, 0.35)  # a full stop's height and width, as shares of a digit's height
SURE_SCRIPT = 0.9  # a glyph's Thai reading this sure among all twenty classes overrules Arabic
LATIN_SURE = 0.8  # a Latin word is read as digits only when every glyph is this sure
LATIN_READ_CONF = 0.7  # ... and its line then goes under the review threshold


def _square(ink: np.ndarray) -> tuple[np.ndarray, float] | None:
    """The glyph's ink cropped and centred on a square (float), and its height over width."""
    ys, xs = np.nonzero(ink)
    if len(xs) < 4:
        return None
    g = ink[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1].astype(np.float32)
    h, w = g.shape
    side = max(h, w)
    sq = np.zeros((side, side), np.float32)
    sq[(side - h) // 2 : (side - h) // 2 + h, (side - w) // 2 : (side - w) // 2 + w] = g
    return sq, h / max(1, w)


def _pixels(sq: np.ndarray, aspect: float) -> np.ndarray:
    small = cv2.resize(sq, (SIZE, SIZE), interpolation=cv2.INTER_AREA)
    return np.concatenate([small.ravel(), [aspect / 3.0]]).astype(np.float32)


def glyph_features(ink: np.ndarray) -> np.ndarray | None:
    """A binary glyph (True = ink), cropped or not, to the letter network's input vector: the
    glyph on a ``SIZE`` square and its aspect ratio."""
    squared = _square(ink)
    return None if squared is None else _pixels(*squared)


HOG_SIZE, HOG_CELL, HOG_BINS = 32, 8, 9  # the square, its cells' side, orientation bins
_HOG_CELLS = HOG_SIZE // HOG_CELL
_CELL_OF = ((np.arange(HOG_SIZE)[:, None] // HOG_CELL) * _HOG_CELLS) + (
    np.arange(HOG_SIZE)[None, :] // HOG_CELL
)


def _orientations(sq: np.ndarray) -> np.ndarray:
    """A histogram of stroke directions (unsigned gradient, weighted by its strength) in each
    cell of the glyph's square, normalised: a HOG descriptor (Dalal and Triggs) without block
    overlap. It carries the direction of a digit's tail and head, which the coarse pixels lose
    (๔ and ๕, ๘ and ๙ differ by them)."""
    img = cv2.resize(sq, (HOG_SIZE, HOG_SIZE), interpolation=cv2.INTER_AREA)
    gx = cv2.Sobel(img, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(img, cv2.CV_32F, 0, 1, ksize=3)
    mag = np.hypot(gx, gy)
    bins = np.minimum((np.arctan2(gy, gx) % np.pi) * (HOG_BINS / np.pi), HOG_BINS - 1).astype(int)
    hist = np.bincount(
        (_CELL_OF * HOG_BINS + bins).ravel(), mag.ravel(), _HOG_CELLS * _HOG_CELLS * HOG_BINS
    ).astype(np.float32)
    return hist / (float(np.linalg.norm(hist)) + 1e-6)


def digit_features(ink: np.ndarray) -> np.ndarray | None:
    """A binary glyph (True = ink), cropped or not, to the digit network's input vector: the
    letter network's (``glyph_features``) and the glyph's stroke directions."""
    squared = _square(ink)
    if squared is None:
        return None
    return np.concatenate([_pixels(*squared), _orientations(squared[0])])


DigitModel = DenseNet


@lru_cache(maxsize=1)
def load_model(path: str | None = None) -> DenseNet | None:
    return nn.load(Path(path) if path else models_dir() / "digits.npz")


def _components(
    ink: np.ndarray,
    span: tuple[int, int] | None = None,
    exclude: list[tuple[int, int]] = (),  # type: ignore[assignment]
    slashes: Sequence[tuple[int, int]] = (),
) -> list[tuple[int, int, np.ndarray]]:
    """Glyphs of a digit run: components, pieces overlapping in x merged, specks dropped.

    With ``span`` (x0, x1 in the crop, already widened: the engine's symbol boxes are sloppy),
    components centred inside it are kept, unless centred in one of the ``exclude`` ranges (the
    boxes of the letters next to the run); a glyph touching one of theirs is cut from it first
    (``_cut_overhangs``, in ``ink`` itself). A slash's box (``slashes``, among ``exclude``) does
    not hold a glyph far wider than itself: the box drifts onto the digit after it (``/๒๕๖๕``),
    and a slash joined to a digit is cut apart later (``_split_wide``, ``_drop_strays``); and
    where it holds two glyphs or more wholly, the slash is one of them.
    """
    n, labels, stats = components(ink.astype(np.uint8))
    if n <= 1:
        return []
    if span is not None and _cut_overhangs(ink, labels, stats, exclude):
        n, labels, stats = components(ink.astype(np.uint8))
    inside = np.ones(n, bool)
    if span is not None:
        centre = stats[:, 0] + stats[:, 2] / 2
        inside = (centre >= span[0]) & (centre <= span[1])
        left, right = stats[:, 0], stats[:, 0] + stats[:, 2]
        for a, b in exclude:
            theirs = np.nonzero((centre >= a) & (centre <= b))[0]
            theirs = theirs[theirs > 0]
            if not len(theirs):
                continue
            # the neighbour's glyph is the one its box holds most wholly; a digit its sloppy
            # box also reaches over (Loma's ๗ under the box of the slash of ``๕๕๒๗/``) is not
            widths = np.maximum(1, right[theirs] - left[theirs])
            held = (np.minimum(right[theirs], b) - np.maximum(left[theirs], a)) / widths
            owned = held >= held.max() - 1e-6
            if (a, b) in slashes:
                owned &= widths <= NARROW_BOX * (b - a)
            drop = owned | (held >= 0.9)
            if (a, b) in slashes and drop.sum() > 1:
                # a box that holds a digit beside the slash wholly (``/2`` under one box,
                # seed 95: ``/2134`` read ``/134`` at 0.98): the slash is the tallest, as it
                # reaches past the digits' feet and heads
                tallest = int(np.argmax(np.where(drop, stats[theirs, 3], -1)))
                drop[:] = False
                drop[tallest] = True
            inside[theirs[drop]] = False
    cand = [i for i in range(1, n) if inside[i]]
    if not cand:
        return []
    hmax = max(stats[i, 3] for i in cand)
    parts = [
        (int(stats[i, 0]), int(stats[i, 0] + stats[i, 2]), i)
        for i in cand
        if stats[i, 3] >= 0.3 * hmax and stats[i, 4] >= 4
    ]
    parts.sort()
    merged: list[list[int]] = []
    for x0, x1, i in parts:
        if merged:
            mx0, mx1 = merged[-1][0], merged[-1][1]
            overlap = min(x1, mx1) - max(x0, mx0)
            j = merged[-1][2]
            y_overlap = min(stats[i, 1] + stats[i, 3], stats[j, 1] + stats[j, 3]) - max(
                stats[i, 1], stats[j, 1]
            )
            # pieces of one broken glyph lie over each other; neighbours side by side do not
            if overlap > 0.5 * min(x1 - x0, mx1 - mx0) and y_overlap < 0.3 * min(
                stats[i, 3], stats[j, 3]
            ):
                merged[-1][0], merged[-1][1] = min(x0, mx0), max(x1, mx1)
                merged[-1].append(i)
                continue
        merged.append([x0, x1, i])
    out = []
    for m in merged:
        mask = np.zeros(labels.shape, bool)  # the glyph's pieces lie within its columns
        mask[:, m[0] : m[1]] = np.isin(labels[:, m[0] : m[1]], m[2:])
        out.append((m[0], m[1], mask))
    return out


NARROW_BOX = 1.5  # a glyph this many times wider than a slash's box is not the slash's


def _own_slash(ink: np.ndarray, box: tuple[int, int]) -> bool:
    """Whether a slash's box (``box``: its columns in ``ink``) holds a glyph of its own that is
    a slash (centred in the box, no more than ``NARROW_BOX`` times as wide)."""
    a, b = box
    return any(
        a <= (x0 + x1) / 2 <= b and x1 - x0 <= NARROW_BOX * max(1, b - a) and is_slash(m[:, x0:x1])
        for x0, x1, m in _components(ink)
    )


# ink reaching this far (of its height) past the box of the neighbour it is centred in, in a
# component this wide for its height, is a glyph touching that neighbour's
OVERHANG = 0.4
JOINED_WIDTH = 1.2


# glyphs in a number at most (a phone's ten, a reference's office and running numbers, an
# amount with its stops): a longer run is a line of letters a slot took whole (a garbled
# ``ที่ประชุม…`` read as a reference's code and its office number, the rest of the line)
MAX_RUN = 16
DRIFT = 0.25  # of a glyph's width: a box's edge this far into it, or past it, is drifted


def _drifted_box(
    ink: np.ndarray, box: tuple[int, int], span: tuple[int, int], sym_h: int
) -> tuple[int, int] | None:
    """The columns of the glyph a letter's ``box`` has drifted right off, where it did: the
    glyph the box holds most is centred in the digit run's ``span`` and reaches ``DRIFT`` of its
    width past the box's right edge, and the box's left edge lies ``DRIFT`` of the width into
    the glyph before it, or in the blank between the two, that glyph a letter's size and no
    slash. None otherwise."""
    n, labels, stats = components(ink.astype(np.uint8))
    if n <= 2:
        return None
    a, b = box
    x0, x1 = stats[1:, 0], stats[1:, 0] + stats[1:, 2]
    centre = (x0 + x1) / 2
    theirs = np.nonzero((centre >= a) & (centre <= b))[0]
    if not len(theirs):
        return None
    held = (np.minimum(x1[theirs], b) - np.maximum(x0[theirs], a)) / np.maximum(1, x1 - x0)[theirs]
    g = int(theirs[int(np.argmax(held))])
    width = x1[g] - x0[g]
    if not (span[0] <= centre[g] <= span[1]) or x1[g] - b < DRIFT * width:
        return None
    before = [
        i
        for i in range(len(x0))
        if x1[i] <= x0[g] + 1
        and centre[i] < a
        # (or the box drifted off it whole, onto the blank and the digit: ``/ว๖๕๒๙`` read
        # ``/ว๒๕๒๓``, ว's box over ๖, seed 93)
        and (x1[i] - a >= DRIFT * (x1[i] - x0[i]) or x1[i] <= a <= x0[g])
        and x1[i] - x0[i] >= 0.4 * sym_h
        and stats[1 + i, 3] >= 0.4 * sym_h
    ]
    if not before:
        return None
    k = max(before, key=lambda i: x1[i])
    if is_slash(labels[:, x0[k] : x1[k]] == k + 1):
        return None
    return int(x0[k]), int(x1[k])


def _cut_overhangs(
    ink: np.ndarray, labels: np.ndarray, stats: np.ndarray, boxes: list[tuple[int, int]]
) -> bool:
    """Cut ``ink`` (in place) at the edge of a neighbour's box where a component centred in that
    box, wider than tall, reaches ``OVERHANG`` of its height or more past it: a digit touching
    the neighbour's glyph (``/๖๘๘๘``: the slash's top against ๖'s head made one component, and
    the slash's box hid the ๖). Whether any was cut."""
    cut = False
    centre = stats[:, 0] + stats[:, 2] / 2
    for a, b in boxes:
        for i in np.nonzero((centre >= a) & (centre <= b))[0]:
            if i == 0:
                continue
            x, y, w, h = (int(v) for v in stats[i, :4])
            if w < JOINED_WIDTH * h:
                continue  # one glyph the box reaches over in part, not two joined
            for edge, over in ((b, x + w - b), (a, a - x)):
                if over >= OVERHANG * h and 0 < edge < ink.shape[1]:
                    rows = slice(y, y + h)
                    ink[rows, edge] = np.where(labels[rows, edge] == i, 0, ink[rows, edge])
                    cut = True
    return cut


def align_symbols(line: Line) -> list[list[int]] | None:
    """The text positions of each of ``line.words``'s characters (spaces skipped), or None when
    the symbols do not spell the text."""
    text = line.text
    pos = 0
    sym_pos: list[list[int]] = []
    for w in line.words:
        idx = []
        for ch in w.text:
            while pos < len(text) and text[pos] == " ":
                pos += 1
            if pos >= len(text) or text[pos] != ch:
                return None
            idx.append(pos)
            pos += 1
        sym_pos.append(idx)
    return sym_pos


# letters the stock model puts for the digits it cannot emit (๗ → ฒ ซ ญ ฆ, ๘ → ส, ๔ ๖ → อ,
# ๙ → ด ต ฆ, ๔ → ต)
LOOKALIKES = set("ฒซญฆสอดณต")
COUNT_WORDS = ("จำนวน", "จํานวน", "ประมาณ")  # the words a count follows (sara am in one or two)
_COUNT_BEFORE = re.compile(f"(?:{'|'.join(COUNT_WORDS)}) $")
_DAY_BEFORE = re.compile("วันที่ $")  # a day follows, whatever the engine read there
# a phone's first run: no digit nor dash before it in its phone, its label's stop or letter
_PHONE_OPENING = re.compile(f"[^\\s0-9{THAI}\\-–/]\\s*$")
_LEADING_VOWELS = set("เแโใไ")


def _after_day_label(sym: str, text: str, idx: Sequence[int]) -> bool:
    """Whether the symbol ``sym`` (at text positions ``idx``) is a letter, with or without a
    mark the engine put on it, standing alone right after ``วันที่``, where a date's day stands
    whatever follows: its month garbled, or on the next line (``ในวันที่ ซ``, ``วันที่ ญ่ …``)."""
    return (
        bool(idx)
        and "\u0e01" <= sym[0] <= "\u0e2e"
        and sym[0] != "ณ"  # the one-letter word (ณ วันที่)
        and all(MARK.fullmatch(c) for c in sym[1:])
        and _DAY_BEFORE.search(text, 0, idx[0]) is not None
        and _ALONE_AFTER.match(text, idx[-1] + 1) is not None
    )


_ALONE_AFTER = re.compile(f"{MARK.pattern}*(?: |$)")  # marks at most, then a space or the end


def _marks_loose(name: str) -> str:
    """A pattern for ``name`` with its marks lost, added or read one for another (``ตลาคม``)."""
    return f"{MARK.pattern}*".join(re.escape(c) for c in name if not MARK.fullmatch(c))


_MONTH_NEXT = re.compile(
    " (?:"
    + "|".join(
        _marks_loose(m)
        for m in [*FULL_MONTHS]
        + [abbreviation(m, space=sp) for m in range(1, 13) for sp in (False, True)]
    )
    # (an abbreviation's first stop read as a lower vowel and a speck as a tone mark: พุ้ย.)
    + "".join(f"|{a}[\u0e38\u0e39][\u0e48-\u0e4b]?\\.?\\s?{b}\\." for a, b in ABBR_MONTHS)
    + ")"
)
# ... and signs the English model puts for them (๙ → «, ๗ → @): never in a Thai number
SIGN_LOOKALIKES = set("«»@©’")  # (``๒’ มิถุนายน``: ๖ read as a quote)
_DAY_SIGNS = SIGN_LOOKALIKES | set("ๆ<")  # ... and, alone before a month, ๆ and < (๙, ๔)
# ... and, glued to the day's label, a quote too (``วันที่'« เมษายน``: the ๙ read as two signs)
_GLUED_DAY_SIGNS = _DAY_SIGNS | {"'"}
_DAY_LABEL_GLUED = re.compile("วันที่[" + re.escape("".join(sorted(_GLUED_DAY_SIGNS))) + "]?$")
_REFERENCE_LETTERS = set("วจ")  # a circular's ว, a ministry's จ: the letters after a slash
_THAI_VOWELS_MARKS = set("ะัาำิีึืุูเแโใไๅ็่้๊๋์ํ")
_NUMBERISH = LOOKALIKES | set(THAI) | set(ARABIC)
_ON_DIGIT = set(TONE_MARKS) | {"ๆ"}
# a mark the engine put on a look-alike letter inside a number: a tone mark, or the thanthakhat
# (a tall tail read as one: ``ซ์`` for Garuda's ๗)
_NUMBER_MARKS = set(TONE_MARKS) | {"\u0e4c"}


def _opens_month(text: str, sym_pos: Sequence[Sequence[int]], k: int) -> bool:
    """Whether symbol ``k`` (a look-alike letter) opens a month's name after a space: a letter
    then, not a digit the engine could not read (the ต of ``๔ ตุลาคม``, a word's space from
    the day: a digit dropped from a run stands nearer)."""
    idx = sym_pos[k] if k < len(sym_pos) else ()
    return bool(idx) and _MONTH_NEXT.match(text, idx[0] - 1) is not None


def _mark_in_number(text: str, i: int) -> bool:
    """A tone mark the engine put on a lookalike letter inside a number (``ฒ่อ๙๗`` for
    ``๗๖๙๗``): number-like characters on both sides of it."""
    return (
        0 < i < len(text) - 1
        and text[i] in _NUMBER_MARKS
        and text[i - 1] in _NUMBERISH
        and text[i + 1] in _NUMBERISH
        and text[i - 1 : i + 2] != "ต่อ"  # a phone's extension (๔๕๖๗ต่อ๑๒) is a word
    )


def _runs(
    line: Line, slots: Sequence[tuple[int, int]] = ()
) -> list[tuple[list[int], list[int]]] | None:
    """Align text with symbols; return runs as (text positions, symbol indices) of digits.

    ``slots`` holds the (start, end) of text standing where a number does, whatever the engine
    read there: Latin words (the English model's reading of Thai digits: ``โทร. ob ๘๓๖``), and
    a phone's or a reference's number (``โทร. ๐-๓๙๖๒-เ่ตเซ๕``): their symbols, bar separators,
    are taken as digits too."""
    text, syms = line.text, line.words
    sym_pos = align_symbols(line)
    if sym_pos is None:
        return None
    runs: list[tuple[list[int], list[int]]] = []
    cur: tuple[list[int], list[int]] | None = None

    def digit_at(k: int) -> bool:
        return 0 <= k < len(syms) and _digit_symbol(syms[k])

    for k, (w, idx) in enumerate(zip(syms, sym_pos, strict=True)):
        # a letter the engine put between two digits is a digit it could not read (๔ → อ, ๘ → ฒ),
        # and so is one that opens a group after a digit and a hyphen (๐-๕๖๑๒-ฒ๕๘๕); never
        # after a slash, where references have their letter (มท ๐๘๐๓/ว ๑๒๓๔)
        after_digit = digit_at(k - 1) or (k >= 2 and syms[k - 1].text == "-" and digit_at(k - 2))
        # ... or the last symbol of a line that ends in a number (a phone's last digit: ๘๘๔อ)
        ends_number = k == len(syms) - 1 and digit_at(k - 1) and digit_at(k - 2)
        # ... or a letter the engine puts for a digit, joined to a digit run (no space) on one
        # side with no vowel or mark of a word on either (๒๕๖ฒ, ฒ๒๘,๐๐๐)
        glued = len(w.text) == 1 and w.text in LOOKALIKES and idx and _glued_to_digits(text, idx[0])
        # a sign no Thai number holds, touching a digit (``๓๔@,๐๐๐``, ``๑๗๐«``), or numbering a
        # list item (``@. เจ้าหน้าที่`` for ``๑.``)
        sign = (
            len(w.text) == 1
            and w.text in SIGN_LOOKALIKES
            and bool(idx)
            and (
                any(0 <= j < len(text) and text[j] in DIGITS for j in (idx[0] - 1, idx[0] + 1))
                or (
                    text[idx[0] + 1 : idx[0] + 2] == "."
                    and (idx[0] == 0 or text[idx[0] - 1] in " ,")
                )
            )
        )
        # ... or a letter or sign standing alone where a date's day stands, before its month
        # (``อ กรกฎาคม``, ``« กันยายน``), or where a count stands (``จำนวน ฒ คน``)
        alone = (
            len(w.text) == 1
            and ("\u0e01" <= w.text <= "\u0e2e" or w.text in _DAY_SIGNS)
            and w.text != "ณ"  # the one-letter word (ณ วันที่)
            and bool(idx)
            and (idx[0] == 0 or text[idx[0] - 1] == " ")
        )
        day = (
            (
                alone
                and (
                    _MONTH_NEXT.match(text, idx[0] + 1) is not None
                    # (a sign glued to the month: ``«เมษายน`` for ๘ เมษายน; or a letter, after
                    # the day's label: ``วันที่ ซมกราคม`` for ๗ มกราคม)
                    or (
                        (w.text in _DAY_SIGNS or _DAY_BEFORE.search(text, 0, idx[0]) is not None)
                        and _MONTH_NEXT.match(" " + text[idx[0] + 1 :]) is not None
                    )
                    # (the first of two signs for one digit: ``<« สิงหาคม`` for ๔)
                    or (
                        text[idx[0] + 1 : idx[0] + 2] in _DAY_SIGNS
                        and _MONTH_NEXT.match(text, idx[0] + 2) is not None
                    )
                    or (
                        _COUNT_BEFORE.search(text, 0, idx[0]) is not None
                        and text[idx[0] + 1 : idx[0] + 2] == " "
                    )
                )
            )
            or _after_day_label(w.text, text, idx)
            # (signs glued to the label itself: ``วันที่'« เมษายน`` for ๙)
            or (
                len(w.text) == 1
                and w.text in _GLUED_DAY_SIGNS
                and bool(idx)
                and _DAY_LABEL_GLUED.search(text, 0, idx[0]) is not None
                and (
                    _MONTH_NEXT.match(text, idx[0] + 1) is not None
                    or (
                        text[idx[0] + 1 : idx[0] + 2] in _GLUED_DAY_SIGNS
                        and _MONTH_NEXT.match(text, idx[0] + 2) is not None
                    )
                )
            )
        )
        # ... or a letter or sign glued to the digits of a day, or to a sign standing for one,
        # before its month (``๑๐ว กันยายน`` for ๑๖, ``<« สิงหาคม`` for ๔: the engine's two
        # symbols for one digit)
        day_end = (
            len(w.text) == 1
            and ("\u0e01" <= w.text <= "\u0e2e" or w.text in _DAY_SIGNS)
            and (digit_at(k - 1) or (k >= 1 and syms[k - 1].text in _DAY_SIGNS))
            and bool(idx)
            and bool(sym_pos[k - 1])
            and sym_pos[k - 1][-1] == idx[0] - 1
            and _ends_day(text, idx)
        )
        # ... or a letter glued to a year's first three digits (``๒๕๕ฆ ถึง``: its last digit)
        year_end = (
            bool(idx)
            and idx[0] >= 3
            and _YEAR_END.match(text, idx[0] - 3) is not None
            and _a_year(text, range(idx[0] - 3, idx[0]))
        )
        # ... or a leading vowel before a digit, which no Thai word has (``ไ๗๓ ๐๐๐`` for ๒๗๓)
        leading = len(w.text) == 1 and w.text in _LEADING_VOWELS and digit_at(k + 1)
        # ... or a letter closing the unit number of a reference, before its slash (``๙๓๖๙.ฒ/``)
        unit = (
            k >= 2
            and syms[k - 1].text == "."
            and digit_at(k - 2)
            and k + 1 < len(syms)
            and syms[k + 1].text == "/"
        )
        # ... or a letter opening a reference's number after its slash that is none of the
        # letters references have there (ว, จ): ``๔๐๕๗/ล๖๒๖`` for ๙๖๒๖
        after_slash = (
            k >= 2
            and syms[k - 1].text == "/"
            and digit_at(k - 2)
            and digit_at(k + 1)
            and "\u0e01" <= w.text <= "\u0e2e"
            and w.text not in _REFERENCE_LETTERS
        )
        # ... or a second letter after the reference's own, before its digits: no reference
        # has two (``๓๘๙๖/วว๕๑`` for ว๖๕๑: ๖ and ๗ are ว with a tail)
        second_letter = (
            k >= 3
            and syms[k - 1].text in _REFERENCE_LETTERS
            and syms[k - 2].text == "/"
            and digit_at(k - 3)
            and digit_at(k + 1)
            and w.text in _REFERENCE_LETTERS
        )
        # ... or a tone mark or ๆ glued to a digit, which carries no mark and is not repeated
        # (``๒๕๖่`` and ``๕๓ๆ`` for ๒๕๖๗ and ๕๓๗: the engine's ๗)
        on_digit = (
            len(w.text) == 1
            and w.text in _ON_DIGIT
            and digit_at(k - 1)
            and bool(idx)
            and sym_pos[k - 1][-1] == idx[0] - 1
        )
        # ... or the two symbols the Thai model makes of a ๒ numbering a list item (``โต.``)
        item = any(_list_item_two(syms, sym_pos, text, j) for j in (k, k - 1))
        # ... or the two symbols it makes of a day's ๓ (``วันที่ ๒ดา``)
        item = item or any(_day_three(syms, sym_pos, text, j) for j in (k, k - 1))
        # ... or a leading vowel and a lookalike glued between digits (``๕เซ๕๑`` for ๕๗๕๑)
        item = item or any(_vowel_pair(syms, sym_pos, j) for j in (k, k - 1))
        lookalike = (
            len(w.text) == 1
            and w.text not in SEPARATORS
            and (
                (after_digit and digit_at(k + 1))
                or on_digit
                or item
                or after_slash
                or second_letter
                or ends_number
                or glued
                or sign
                or day
                or day_end
                or year_end
                or leading
                or (unit and w.text in LOOKALIKES)
            )
        )
        # a tone mark on a lookalike inside a number belongs to the run (its ink is not a
        # digit's: the glyphs are cut from the body band, the mark above it is left out)
        in_run_mark = cur is not None and bool(idx) and all(_mark_in_number(text, j) for j in idx)
        lookalike = lookalike or in_run_mark
        # a slot of one sign is a digit the engine read as a sign (a phone's ``/`` for 7)
        lookalike = lookalike or (
            bool(idx)
            and (w.text not in SEPARATORS or (idx[0], idx[0] + 1) in slots)
            and any(a <= idx[0] < b for a, b in slots)
        )
        is_digit = (len(w.text) == 1 and w.text in DIGITS) or lookalike
        joined = cur is not None and cur[0] and idx and idx[0] == cur[0][-1] + 1
        if is_digit and cur is not None and joined:
            cur[0].extend(idx)
            cur[1].append(k)
        elif is_digit:
            cur = (list(idx), [k])
            runs.append(cur)
        else:
            cur = None
    return runs


# a day's label (a lower vowel perhaps added: ``วันูที่``) and a day's opening digit or two, or
# the letters and the leading vowel the Thai model puts for them (``ในวันที่ ไ๒ดา`` for ๒๓)
_DAY_OPENING = re.compile(
    f"วั?น[\u0e38\u0e39]?ที่? [{THAI}{ARABIC}{''.join(sorted(LOOKALIKES))}เแโใไ]{{1,2}}$"
)


def _digit_symbol(w: Word) -> bool:
    """Whether the engine's symbol ``w`` is one digit."""
    return len(w.text) == 1 and w.text in DIGITS


def _vowel_pair(syms: list[Word], sym_pos: list[list[int]], k: int) -> bool:
    """Whether symbols ``k`` and ``k + 1`` are a leading vowel and a lookalike letter glued
    between two digits: the Thai model's two symbols for one digit (``๕เซ๕๑`` for ๕๗๕๑); no
    word stands glued inside a number, and no word ends in a leading vowel."""
    if k < 1 or k + 2 >= len(syms) or not all(sym_pos[j] for j in range(k - 1, k + 3)):
        return False
    return (
        _digit_symbol(syms[k - 1])
        and syms[k].text in _LEADING_VOWELS
        and len(syms[k + 1].text) == 1
        and syms[k + 1].text in LOOKALIKES
        and _digit_symbol(syms[k + 2])
        and all(sym_pos[j + 1][0] == sym_pos[j][-1] + 1 for j in range(k - 1, k + 2))
    )


def _day_three(syms: list[Word], sym_pos: list[list[int]], text: str, k: int) -> bool:
    """Whether symbols ``k`` and ``k + 1`` are ด and า glued to a day's digits after the day's
    label, before its month or the line's end (the month wrapped): the Thai model's reading of
    ๓ (``ในวันที่ ๒ดา`` for ๒๓, ``วันที่ ๒ดา มีนาคม``); no day is followed by a word so glued."""
    if k < 1 or k + 1 >= len(syms) or not sym_pos[k] or not sym_pos[k + 1] or not sym_pos[k - 1]:
        return False
    at, end = sym_pos[k][0], sym_pos[k + 1][-1] + 1
    day = _DAY_OPENING.search(text, 0, at)
    return (
        syms[k].text == "ด"
        and syms[k + 1].text == "า"
        and sym_pos[k + 1][0] == at + 1
        and day is not None
        and (end == len(text.rstrip()) or _MONTH_NEXT.match(text, end) is not None)
    )


def _ends_day(text: str, idx: Sequence[int]) -> bool:
    """Whether the letter at ``idx``, glued to a day's digits, ends the day: before its month,
    past a mark the engine put on it (``๒ญ่ ตุลาคม`` for ๒๗), or at the line's end after the
    day's label (the month wrapped: ``วันที่ ๒ญ่``)."""
    end = _past_marks(text, idx[-1] + 1)
    return _MONTH_NEXT.match(text, end) is not None or (
        end == len(text.rstrip()) and _DAY_OPENING.search(text, 0, idx[0]) is not None
    )


def _past_marks(text: str, i: int) -> int:
    """The position in ``text`` after the marks from ``i`` on."""
    while i < len(text) and MARK.fullmatch(text[i]):
        i += 1
    return i


def _list_item_two(syms: list[Word], sym_pos: list[list[int]], text: str, k: int) -> bool:
    """Whether symbols ``k`` and ``k + 1`` are a leading vowel and ต standing where a list
    item's number does (at the line's start or after a space, before a stop and a space), or
    glued to a digit after them (``ฉบับที่ โต๒/๒๕๖๓`` for ๒๒): the Thai model's reading of ๒
    (``โต. การประชุม``); no Thai word is written so."""
    if k < 0 or k + 2 >= len(syms) or not sym_pos[k] or not sym_pos[k + 2]:
        return False
    start, stop = sym_pos[k][0], sym_pos[k + 2][0]
    after = syms[k + 2].text
    return (
        syms[k].text in _LEADING_VOWELS
        and syms[k + 1].text == "ต"
        and stop == start + 2
        and (start == 0 or text[start - 1] == " ")
        and (
            (after == "." and text[stop + 1 : stop + 2] in ("", " "))
            or (len(after) == 1 and after in DIGITS)
        )
    )


def body_band(gray: np.ndarray, bbox: tuple[int, int, int, int]) -> tuple[int, int] | None:
    """The rows (top, bottom) of a text line's body, where its consonants and digits stand:
    the longest stretch of rows with at least 40 % of the line's densest row's ink (marks
    above and below are sparser), across dips of a row or two (a line of digits thins between
    the top strokes of its glyphs and their bodies: cut there, the band lost the glyphs' tops).
    The densest row is looked for within the line's box: the strip reaches past it, into the
    body of a longer, bolder line below (``เรื่อง`` under ``ที่ กษ 2118/จ 9348``), whose rows
    would set the bar over the middle of this line's body and halve the band."""
    x0, y0, x1, y1 = bbox
    h = y1 - y0
    ya, yb = max(0, y0 - h // 4), min(gray.shape[0], y1 + h // 4)
    strip = gray[ya:yb, max(0, x0) : x1]
    if strip.size == 0 or min(strip.shape) < 4:
        return None
    _, ink = cv2.threshold(strip, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    prof = ink.sum(axis=1)
    own = prof[y0 - ya : y1 - ya]
    top = own.max() if own.size else prof.max()
    if top <= 0:
        return None
    dense = prof >= 0.4 * top
    dip = max(1, h // 15)
    for a, b in _true_runs(~dense):
        if 0 < a and b < len(dense) and b - a <= dip:  # a dip between dense rows
            dense[a:b] = True
    best = max(_true_runs(dense), key=lambda r: r[1] - r[0], default=None)
    return (ya + best[0], ya + best[1]) if best is not None else None


def _glyph_band(
    gray: np.ndarray, x0: int, x1: int, bbox: tuple[int, int, int, int]
) -> tuple[int, int] | None:
    """The rows (top, bottom) of a run's glyphs by their ink: the median top and bottom of the
    pieces of ink in the run's columns of the line's box a third of its height or taller (no
    stop, comma or mark), where there are two or more; None otherwise."""
    y0, y1 = bbox[1], bbox[3]
    crop = gray[y0:y1, max(0, x0) : x1]
    if crop.size == 0 or min(crop.shape) < 4:
        return None
    _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    _, _, stats = components(ink)
    tall = [r for r in stats[1:] if r[3] >= (y1 - y0) / 3]
    if len(tall) < 2:
        return None
    top = int(np.median([r[1] for r in tall]))
    bottom = int(np.median([r[1] + r[3] for r in tall]))
    return y0 + top, y0 + bottom


def _true_runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """The (start, end) of each run of True in a 1-d boolean array, in order."""
    edges = np.diff(np.concatenate([[0], flags.astype(np.int8), [0]]))
    return [
        (int(a), int(b))
        for a, b in zip(np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0], strict=True)
    ]


def _extend_run(
    candidates: list[tuple[int, int, np.ndarray]],
    span: tuple[int, int],
    sym_h: int,
    leftwards: bool = True,
    letters: Sequence[tuple[int, int]] = (),
    read: int = 0,
    own: tuple[int, int] | None = None,
) -> list[tuple[int, int, np.ndarray]]:
    """The glyphs centred in ``span`` (the run's symbols' boxes, ``own``, widened), and the
    glyphs next to them that no symbol of the line covers (digits the engine dropped: ``๒๕``
    for ``๒๕๖๗``), one gap of under half a digit at a time, never past a slash (a reference's
    numbers end there), nor onto a glyph a letter's box reaches over (``letters``, x ranges:
    the engine's boxes are sloppy, and one that holds only the right edge of ม in ``๒๕
    มกราคม`` still says a letter is there, not a digit), and not ``leftwards`` where a
    reference's letter stands before the run (``/ว๔๖๖๘``: the ว's glyph is there, whatever
    its sloppy box says). ``candidates`` are sorted by x and hold only ink no other symbol
    claims.

    Rightwards, while the run holds fewer glyphs than the engine ``read`` digits, a letter's
    box that is a sliver inside the next glyph (under ``SLIVER_SHARE`` of its width) makes no
    claim on it: the boxes drifted along the line, the run's last one onto its last digit but
    one and the next word's first onto that digit (``๒๕๖ ทั้งนี้`` for ๒๕๖๐, read ``๒๕๒๐``)."""

    # (leftwards, a letter's box lying mostly on the glyph: the engine's boxes drift right
    # along a long line, and the box of the letter before a number, lying mostly on the blank
    # between them, reaches over the number's first digit: ``น`` over the ``๘`` after
    # ``ไม่เกิน``; rightwards, a letter's box drifted off its own glyph, onto the run's next;
    # a tenth of the glyph's width will do: ก's box in ``4 กรกฎาคม`` began a third in from
    # the letter's edge, over 4 of its 27 pixels, and the day had become 10, seed 85)
    def lettered(a: int, b: int, drift: bool = False) -> bool:
        return any(
            (o := min(b, lb) - max(a, la)) >= max(2.0, 0.1 * (b - a))
            and (not drift or o >= 0.5 * (lb - la))
            for la, lb in letters
        )

    # the engine's boxes are sloppy: a glyph counts when its centre is in the widened span or
    # a good part of it lies inside
    inside = [
        i
        for i, (a, b, _) in enumerate(candidates)
        if span[0] <= (a + b) / 2 <= span[1] or min(b, span[1]) - max(a, span[0]) > 0.5 * (b - a)
    ]
    if not inside:
        # a symbol's box the engine shrank to a sliver at its glyph's edge (``๕`` for the day
        # ๘ boxed by its right edge only): the glyph whose edge is at the span's middle
        mid = (span[0] + span[1]) / 2
        near = [
            (max(a - mid, mid - b, 0.0), i)
            for i, (a, b, _) in enumerate(candidates)
            if max(a - mid, mid - b) <= SLIVER_REACH * sym_h
        ]
        # ... or a box drifted off its glyph onto the blank beside it (``วันที่ ๐`` for the
        # day ๖, its box over the gap before the month, seed 92): the one glyph of a digit's
        # width the engine's own box (``own``) still reaches over
        over = [
            i
            for i, (a, b, _) in enumerate(candidates)
            if own is not None
            and min(b, own[1]) - max(a, own[0]) >= DRIFT_OVERLAP
            and DIGIT_WIDTHS[0] * sym_h <= b - a <= DIGIT_WIDTHS[1] * sym_h
        ]
        if not near and len(over) != 1:
            return []
        inside = [min(near)[1]] if near else over

    def sliver(a: int, b: int) -> bool:  # every letter's box over the glyph a sliver inside it
        over = [(la, lb) for la, lb in letters if min(b, lb) > max(a, la)]
        return bool(over) and all(
            a <= la and lb <= b and lb - la < SLIVER_SHARE * (b - a) for la, lb in over
        )

    gap = 0.5 * sym_h
    if own is not None:
        # a glyph the widened span takes in past a word's blank, under none of the run's own
        # boxes, is the next word's (``๕ เมษายน`` for the day ๘ at 200 dpi, the boxes drifted
        # right: the เ's ink in the span's margin, and the day became ๘๖, then ๐๖, seed 93)
        def unowned(i: int) -> bool:
            a, b, _ = candidates[i]
            return min(b, own[1]) <= max(a, own[0])

        while (
            len(inside) > 1
            and unowned(inside[-1])
            and candidates[inside[-1]][0] - max(candidates[j][1] for j in inside[:-1]) > gap
        ):
            inside.pop()
        while (
            len(inside) > 1
            and unowned(inside[0])
            and min(candidates[j][0] for j in inside[1:]) - candidates[inside[0]][1] > gap
        ):
            inside.pop(0)
    lo, hi = inside[0], inside[-1]
    # (the gap is measured from the run's edge so far: a piece inside a glyph's columns, ๖'s
    # inner curl, is no edge)
    while hi + 1 < len(candidates):
        a, b, m = candidates[hi + 1]
        right = max(c[1] for c in candidates[lo : hi + 1])
        if (
            a - right > gap
            or b - a > DIGIT_WIDTHS[1] * sym_h
            or is_slash(m)
            or (lettered(a, b) and not (hi - lo + 1 < read and sliver(a, b)))
        ):
            break
        hi += 1
    while lo > 0 and leftwards:
        a, b, m = candidates[lo - 1]
        if (
            min(c[0] for c in candidates[lo : hi + 1]) - b > gap
            or b - a > DIGIT_WIDTHS[1] * sym_h
            or is_slash(m)
            or lettered(a, b, drift=True)
        ):
            break
        lo -= 1
    return candidates[lo : hi + 1]


def _unread_group(
    candidates: list[tuple[int, int, np.ndarray]],
    glyphs: list[tuple[int, int, np.ndarray]],
    sym_h: int,
) -> list[tuple[int, int, np.ndarray]]:
    """The digit-sized glyphs past a word's gap after ``glyphs`` (a run's, the line's last),
    one gap of under half a digit apart, when there are two or more: a group of the number
    the engine did not read. ``candidates``: as for :func:`_extend_run`."""
    last = glyphs[-1][1]
    out: list[tuple[int, int, np.ndarray]] = []
    for a, b, m in candidates:
        if a < last:
            continue
        gap = a - (out[-1][1] if out else last)
        if (
            gap > (GROUP_GAP if not out else 0.5) * sym_h
            or not 0.2 * sym_h <= b - a <= 2.4 * sym_h  # (two digits touching: cut later)
            or is_slash(m)
        ):
            break
        out.append((a, b, m))
    return out if len(out) >= 2 else []


GROUP_GAP = 1.5  # of a digit's height: the widest gap between a phone's groups
LEAD_HEIGHT = 0.5  # of a digit's height: the least height of a glyph before a phone's run


def _unread_lead(
    candidates: list[tuple[int, int, np.ndarray]],
    glyphs: list[tuple[int, int, np.ndarray]],
    sym_h: int,
    letters: Sequence[tuple[int, int]] = (),
    boxes: Sequence[tuple[int, int]] = (),
) -> list[tuple[int, int, np.ndarray]]:
    """The digit-sized glyphs before ``glyphs`` (the run a phone's label is followed by), each
    at most ``GROUP_GAP`` of a digit's height from the next, up to a letter's box (``letters``)
    or a glyph another symbol's box lies over by a third of its width (``boxes``: the label's
    stop, its box drifted onto the ร of ``โทร.`` whose own box was a sliver far above it, seed
    73), a slash or ink no digit's size (the label's stop): the phone's opening groups, which
    the engine did not read (``โทร. 0`` for ``โทร. ๐-๕๙๗๙-๒๒๒๖``, its one box over the last
    group, seed 71). ``candidates``: as for :func:`_extend_run`."""
    out: list[tuple[int, int, np.ndarray]] = []
    for a, b, m in reversed(candidates):
        if b > glyphs[0][0]:
            continue
        rows = np.nonzero(_own_ink((a, b, m)).any(axis=1))[0]
        if (
            (out[0][0] if out else glyphs[0][0]) - b > GROUP_GAP * sym_h
            or not 0.2 * sym_h <= b - a <= 2.4 * sym_h
            or not len(rows)
            or rows[-1] - rows[0] + 1 < LEAD_HEIGHT * sym_h
            or is_slash(m)
            or any(min(b, lb) - max(a, la) > 0 for la, lb in letters)
            or any(min(b, lb) - max(a, la) >= (b - a) / 3 for la, lb in boxes)
        ):
            break
        out.insert(0, (a, b, m))
    return out


def _group_signs(
    glyphs: list[tuple[int, int, np.ndarray]], dashes: Sequence[float], sym_h: int
) -> list[str]:
    """What stands between each two of a phone's ``glyphs``: a dash where one of ``dashes``
    does, a space where a word's gap does (over half a digit's height, and twice the usual gap
    between the glyphs), else nothing."""
    gaps = [b[0] - a[1] for a, b in zip(glyphs, glyphs[1:], strict=False)]
    wide = max(0.5 * sym_h, 2 * float(np.median(gaps))) if gaps else 0.0
    return [
        "-" if any(a[1] < c < b[0] for c in dashes) else " " if b[0] - a[1] > wide else ""
        for a, b in zip(glyphs, glyphs[1:], strict=False)
    ]


def _thai_script(chars: Iterable[str]) -> bool:
    """Whether ``chars`` hold as many Thai digits as Arabic ones or more (none of either: Thai,
    as letters alone stand for the digits the Thai model cannot write)."""
    thai = arabic = 0
    for c in chars:
        thai += c in THAI
        arabic += c in ARABIC
    return thai >= arabic


def _in_script(p: np.ndarray, thai: bool) -> tuple[np.ndarray, str, np.ndarray]:
    """The network's probabilities ``p`` (a row a glyph) within one script: (its columns, its
    digits, each glyph's share of its probability on its likeliest digit of the script)."""
    sub, alphabet = (p[:, :10], THAI) if thai else (p[:, 10:], ARABIC)
    return sub, alphabet, sub.max(axis=1) / np.maximum(1e-9, sub.sum(axis=1))


def _all_sure(p: np.ndarray, conf: np.ndarray) -> bool:
    """Whether every glyph is read ``LATIN_SURE`` within its script (``conf``) and overall
    (``p``): where no engine's digit stands to fall back on."""
    return bool(conf.min() >= LATIN_SURE and p.max(axis=1).min() >= LATIN_SURE)


def _read_group(glyphs: list[tuple[int, int, np.ndarray]], model: DenseNet, thai: bool) -> str:
    """``glyphs`` (one or more) read as digits (Thai when ``thai``), every one surely (no
    engine reading stands beside them), or ``""``."""
    feats = [digit_features(_own_ink(g)) for g in glyphs]
    if any(f is None for f in feats):
        return ""
    p = model.probabilities(np.stack(feats))  # type: ignore[arg-type]
    sub, alphabet, conf = _in_script(p, thai)
    return "".join(alphabet[i] for i in sub.argmax(axis=1)) if _all_sure(p, conf) else ""


SLIVER_REACH = 0.15  # of a digit's height: how far a sliver box's middle may lie off its glyph
SLIVER_SHARE = 1 / 3  # of a glyph's width: a letter's box narrower, inside it, is a drifted one
DRIFT_OVERLAP = 2  # pixels of a glyph a drifted box must still cover to be its
DIGIT_WIDTHS = (0.4, 1.6)  # of a digit's height: the narrowest and widest digit glyph


def _digit_after(text: Sequence[str], positions: Sequence[int]) -> bool:
    """Whether a space and a digit follow the run at ``positions`` (``/8 5254``: the run ``8``
    may be the running number's letter)."""
    end = positions[-1] + 1
    return end + 1 < len(text) and text[end] == " " and text[end + 1] in DIGITS


@lru_cache(maxsize=1)
def load_letter_model() -> DenseNet | None:
    return nn.load(models_dir() / "ref_letters.npz")


def _opening_letter(text: Sequence[str], start: int, glyph: tuple[int, int, np.ndarray]) -> str:
    """The letter (ว or จ) a run's first glyph is, where the run follows a reference's slash
    after its office number (``๔๐๘๗/``) and the letter network is ``REF_LETTER_SURE`` of it;
    else ``""``."""
    if start < 2 or text[start - 1] != "/" or text[start - 2] not in DIGITS:
        return ""
    return _letter(glyph)


DAY_TENS = 4  # a date's day has tens 0 to 3: the first four digits of either script
# a four-digit year opens 19 (Christian Era, a paper of the 1990s), 20 (C.E.), 24 or 25 (Buddhist
# Era): the (first, second) digits it may open with, as indices within a script
YEAR_OPENINGS = ((1, 9), (2, 0), (2, 4), (2, 5))
_FIGURE = f"[{THAI}0-9]"
_YEAR_BEFORE = re.compile(
    "(?:"
    + "|".join(_marks_loose(m) for m in FULL_MONTHS)
    + "|"
    # (a stop the engine read with a lower vowel under it, ``ก.ุค.``, or as one, ``พูย.``; a
    # letter more read before the last stop, ``ก. ยข.``)
    + "|".join(
        rf"{a}(?:\.[\u0e38\u0e39]?|[\u0e38\u0e39])\s?{b}[\u0e01-\u0e2e]?\.[\u0e38\u0e39]?"
        for a, b in ABBR_MONTHS
    )
    # an era (a speck over its letter read as a mark: ``พ์.ศ.``); a fiscal year (its vowel
    # lost perhaps)
    + r"|[พค][\u0e31-\u0e3a\u0e47-\u0e4e]?\.\s?ศ\.|ป[\u0e34-\u0e37]?งบประมาณ"
    + rf"|ฉบับที่\s?{_FIGURE}{{1,3}}/|{_FIGURE}{{1,2}}/{_FIGURE}{{1,2}}/"  # an issue; a date in figures
    + r")\s?$"
)
# the last digit of a year read as a letter (with the marks the engine put on it) glued to the
# year's first three and followed by a space or nothing: ``๒๕๕ฆ ถึง``, ``๒๕๖ศู``
_YEAR_END = re.compile(rf"[{THAI}]{{3}}(?=[\u0e01-\u0e2e\]]{MARK.pattern}*(?: |$))")


def _a_day(text: Sequence[str], positions: Sequence[int]) -> bool:
    """Whether the run at ``positions`` of ``text`` is a date's day: ``วันที่`` stands before it
    (``วันที่ ๖๘ พ,ค.``), or a month follows it with nothing but white space between
    (``๖๘ พ ค.``)."""
    if _DAY_BEFORE.search("".join(text[max(0, positions[0] - 8) : positions[0]])):
        return True
    after = "".join(text[positions[-1] + 1 : positions[-1] + 12])
    month = find_month(after)
    return month is not None and not after[: month[0]].strip()


def _a_year(text: Sequence[str], positions: Sequence[int]) -> bool:
    """Whether the run at ``positions`` of ``text`` stands where a year does: after a month, an
    era (``พ.ศ.``, ``ค.ศ.``), ``ปีงบประมาณ``, a newsletter's issue number (``ฉบับที่ ๑๖/``) or a
    date's day and month in figures."""
    return _YEAR_BEFORE.search("".join(text[max(0, positions[0] - 16) : positions[0]])) is not None


def _year_opening(sub: np.ndarray) -> tuple[int, int]:
    """The likeliest of ``YEAR_OPENINGS`` for a year's first two glyphs (``sub``: their
    probabilities within the script)."""
    return max(YEAR_OPENINGS, key=lambda ab: float(sub[0, ab[0]] * sub[1, ab[1]]))


def _letter_after_slash(
    glyphs: list[tuple[int, int, np.ndarray]], slashes: Sequence[float], text_before: str
) -> tuple[int, str] | None:
    """The glyph right after a slash the engine read as part of a run (``๗๖๗๐.๗/จ`` read
    ``๕๒๕๐.๕จ``: ๗/ as one glyph), after an office number's four digits or more, counting those
    of ``text_before`` (the line before the run; a date's day and month have two at most), and
    the letter (ว or จ) it is, where the letter network is ``REF_LETTER_SURE`` of it
    (``slashes``: the run's, one at least)."""
    j = sum((a + b) / 2 < slashes[0] for a, b, _ in glyphs)
    office = text_before[len(text_before.rstrip(_OFFICE_CHARS)) :].replace(".", "")
    if j >= len(glyphs) or j + len(office) < 4:
        return None
    letter = _letter(glyphs[j])
    return (j, letter) if letter else None


_OFFICE_CHARS = THAI + ARABIC + "".join(sorted(LOOKALIKES)) + "."  # an office number as read


def _letter(glyph: tuple[int, int, np.ndarray]) -> str:
    """The reference letter (ว or จ) the letter network is ``REF_LETTER_SURE`` a glyph is, or
    ``""`` (a digit, or unsure)."""
    model = load_letter_model()
    f = glyph_features(_own_ink(glyph)) if model is not None else None
    if model is None or f is None:
        return ""
    p = model.probabilities(f[None, :])[0]
    k = int(p.argmax())
    return REF_LETTER_CLASSES[k] if k and p[k] >= REF_LETTER_SURE else ""


REF_LETTER_SURE = 0.95
LETTER_GAP = 0.25  # of a digit's height: a letter this far from the digits has a space after it


def _after_reference_letter(text: Sequence[str], i: int) -> bool:
    """Whether a reference's slash and letter (``/ว``, ``/จ``) stand right before ``i``."""
    return i >= 2 and text[i - 2] == "/" and text[i - 1] in _REFERENCE_LETTERS


def _glued_to_digits(text: str, i: int) -> bool:
    """Whether the lookalike letter at ``i`` sits inside or at the end of a number: a digit (or
    another lookalike and then a digit) touches it, and no vowel or mark clings to it."""

    def reaches_digit(j: int, step: int) -> bool:
        while 0 <= j < len(text) and (text[j] in LOOKALIKES or _mark_in_number(text, j)):
            j += step
        return 0 <= j < len(text) and text[j] in DIGITS

    def free(j: int) -> bool:
        return (
            not (0 <= j < len(text))
            or text[j] not in _THAI_VOWELS_MARKS
            or _mark_in_number(text, j)
        )

    if not (free(i - 1) and free(i + 1)) or (i >= 1 and text[i - 1] in "เแโใไ"):
        return False
    if text[i + 1 : i + 2] == "." and "ก" <= text[i + 2 : i + 3] <= "ฮ":
        return False  # an abbreviation after a day (๑๒ส.ค., ๓ต.ค.), not a digit
    if not (reaches_digit(i - 1, -1) or reaches_digit(i + 1, 1)):
        return False
    # the other side must not be a Thai letter that continues a word
    # (a reference's letter after its slash is no word: ``/วณ๔๑๒`` is ``/ว๗๔๑๒``)
    left_ok = (
        i == 0
        or not ("ก" <= text[i - 1] <= "ฮ")
        or text[i - 1] in LOOKALIKES
        or _after_reference_letter(text, i)
    )
    right_ok = i + 1 >= len(text) or not ("ก" <= text[i + 1] <= "ฮ") or text[i + 1] in LOOKALIKES
    return left_ok and right_ok


CUT_REACH = 0.3  # of a glyph's width: how far from the even cut two touching glyphs are cut
# of a digit's height: a run's last glyph this wide may be a digit with a slash joined, or this
# wide where the engine read a slash after the run (the rest of ``๒/`` cut from ``๕๒/``)
SLASH_JOINED, SLASH_AFTER = 1.15, 1.1
SURE_CUT = 0.9  # ... which is cut off where the model reads the digit left this surely
SLIM_SLASH = 0.55  # of a digit's height: the widest piece taken for a slash's foot ...
SLASH_TALL = 1.1  # ... and the least height (a slash stands taller than digits; ๗'s tail does not)
SLASH_LOOKS = ("๗", "7")  # what a digit with a slash joined reads as ...
SLASHED_DIGITS = ("๓", "๒", "3", "2")  # ... when the digit is one of these
ARC_GAP = 0.2  # of a digit's height: the widest break between the two arcs of a 0
# ... and between the pieces of a digit whose thin strokes a scan lost (๓'s loop and its
# right-hand bump, 0.35 of a digit apart at 14 pt; ๒'s loop and the two sides of its outer
# stroke): joined only when the union reads as a digit at ``LOST_STROKE_SURE``, and one of two
# pieces alone reads as none (``LOST_STROKE_PIECE``), or three pieces are each too narrow for
# a digit (the model reads half glyphs surely too: ๒'s sides as 1s)
LOST_STROKE_GAP = 0.4
LOST_STROKE_SURE = 0.99
LOST_STROKE_PIECE = 0.5
THREE_PIECES = 0.5  # of a digit's height: the widest of three such pieces ("too narrow")


def _reading(model: DenseNet | None, mask: np.ndarray) -> tuple[str, float]:
    """The digit the model reads one glyph as (any script), and how sure it is of it (``""``
    and 0 when it cannot say)."""
    f = digit_features(mask) if model is not None else None
    if f is None or model is None:
        return "", 0.0
    p = model.probabilities(f[None, :])[0]
    return CLASSES[int(p.argmax())], float(p.max())


def _sure(model: DenseNet | None, mask: np.ndarray) -> float:
    """How sure the digit model is of one glyph (0 when it cannot say)."""
    return _reading(model, mask)[1]


def _cut(
    m: np.ndarray, x0: int, x1: int, k: int, reach: float = 0.3
) -> list[tuple[int, int, np.ndarray]]:
    """``m`` (ink between x0 and x1) cut into ``k`` pieces at its thinnest columns within
    ``reach`` of a piece's width from the even cuts (0: the even cuts)."""
    cols = m[:, x0:x1].sum(axis=0).astype(np.float64)
    cuts = [x0]
    step = (x1 - x0) / k
    for j in range(1, k):
        c = int(x0 + j * step)
        lo, hi = max(x0 + 1, c - int(step * reach)), min(x1 - 1, c + int(step * reach))
        cuts.append(lo + int(np.argmin(cols[lo - x0 : hi - x0 + 1])) if hi > lo else c)
    cuts.append(x1)
    return _pieces(m, cuts)


def _pieces(m: np.ndarray, cuts: list[int]) -> list[tuple[int, int, np.ndarray]]:
    """``m`` cut at the columns ``cuts`` (its first and last are the ink's ends)."""
    parts = []
    for a, b in zip(cuts[:-1], cuts[1:], strict=False):
        part = np.zeros_like(m)
        part[:, a:b] = m[:, a:b]
        if part.any():
            parts.append((a, b, part))
    return parts


def _split_wide(
    glyphs: list[tuple[int, int, np.ndarray]],
    model: DenseNet | None = None,
    digit_h: float | None = None,
    after: str = "",
) -> list[tuple[int, int, np.ndarray]]:
    """Cut components as wide as two or more digits (touching glyphs) at their thinnest columns.

    How many digits a wide component holds is guessed from its width; with the digit model,
    that guess, one fewer or none is kept, whichever pieces the model reads with most
    certainty (๔ and ๕ are wide in some faces and stay whole). A run of one component has no
    other to measure it by: the line's digit height (``digit_h``) stands in where it is lower
    (a digit with a slash touching it, ``๔/``, is as tall as the slash). A slash joined to the
    run's last digit is cut off it where one must stand (``_cut_slash``; ``after``: the text
    after the run)."""
    hs = _heights(glyphs)
    h = float(np.median(hs))
    if len(glyphs) == 1 and digit_h:
        h = min(h, digit_h)
    out = []
    for (x0, x1, m), own in zip(glyphs, hs, strict=True):
        # a glyph with a tall tail (Loma's ๕) is wide for its tail: its own height counts
        guess = int(round((x1 - x0) / (0.95 * max(h, 0.8 * own))))
        if guess < 2:
            out.append((x0, x1, m))
            continue
        if model is None:
            out.extend(_cut(m, x0, x1, guess))
            continue
        best: tuple[float, list[tuple[int, int, np.ndarray]]] | None = None
        # the model has no "not a digit" answer and reads half glyphs confidently too: only
        # the width's guess, one fewer, and the whole glyph are put to it
        for k in sorted({1, guess - 1, guess}):
            parts, score = _best_cut(m, x0, x1, k, model)
            # the width's guess wins ties: certainty must be clearly better to overrule it (but
            # two pieces are cut where the model is surest of them, which is certainty enough:
            # Waree's lone ๘, wide for its tail, read ๑|๖ at a tie's margin)
            score += 0.05 if k == guess and k != 2 else 0.0
            if best is None or score > best[0]:
                best = (score, parts)
        assert best is not None
        out.extend(_surer_pieces(m, best[1], model) if len(best[1]) >= 3 else best[1])
    if out and model is not None:
        out[-1:] = _cut_slash(out[-1], model, h, after)
    return out


TOUCHING_WIDTH = 1.5  # a glyph this many times as wide as the others' median holds two


def _split_to_count(
    glyphs: list[tuple[int, int, np.ndarray]], count: int, model: DenseNet
) -> list[tuple[int, int, np.ndarray]]:
    """``glyphs`` with the widest cut in two (where the model is surest of both halves) till
    they are ``count``, while the widest is ``TOUCHING_WIDTH`` times the others' median width
    or more; as they were when that fails."""
    out = list(glyphs)
    while 2 <= len(out) < count:
        widths = [b - a for a, b, _ in out]
        k = int(np.argmax(widths))
        rest = widths[:k] + widths[k + 1 :]
        if widths[k] < TOUCHING_WIDTH * float(np.median(rest)):
            return glyphs
        x0, x1, m = out[k]
        parts, _ = _best_cut(m, x0, x1, 2, model)
        if len(parts) != 2:
            return glyphs
        out[k : k + 1] = parts
    return out


def _cut_slash(
    glyph: tuple[int, int, np.ndarray], model: DenseNet, h: float, after: str
) -> list[tuple[int, int, np.ndarray]]:
    """A run's last glyph, with a slash joined to it cut off: ๓ or ๒ and a slash's foot read as
    ๗, which is ๓ with a tail (``นร ๖๒๒๗/ว`` for ๖๒๒๓/ว). Only where a slash must stand
    (``after``: the text after the run), the engine's own ``/`` or a reference's letter (the
    engine read no slash: ``๘๔๗๗ว`` for ๘๔๗๓/ว), and the whole reads ๗: cut where the model is
    surest of the digit, which must read ๓ or ๒; the rest is kept as a slash (dropped from the
    run with the others) where it is one, and where the engine read the slash, a slim piece
    taller than the run's digits is its foot and goes. (Kinnari's ๙ and ๔ rise to the right in a stroke that
    passes for a slash: a cut where none must stand read ``๑๐๙`` as ``๑๐๑/``.)"""
    x0, x1, m = glyph
    engine_slash = after.startswith("/")
    if not (engine_slash or after[:1] in _REFERENCE_LETTERS):
        return [glyph]
    if x1 - x0 < (SLASH_AFTER if engine_slash else SLASH_JOINED) * h:
        return [glyph]
    if _reading(model, _own_ink(glyph))[0] not in SLASH_LOOKS:
        return [glyph]
    parts, score = _best_cut(m, x0, x1, 2, model)
    if score < SURE_CUT or len(parts) != 2:
        return [glyph]
    if _reading(model, _own_ink(parts[0]))[0] not in SLASHED_DIGITS:
        return [glyph]
    if is_slash(_own_ink(parts[1])):
        return parts
    slim = parts[1][1] - parts[1][0] <= SLIM_SLASH * h
    if engine_slash and slim and _heights(parts[1:])[0] >= SLASH_TALL * h:
        return parts[:1]
    return [glyph]


def _best_cut(
    m: np.ndarray, x0: int, x1: int, k: int, model: DenseNet
) -> tuple[list[tuple[int, int, np.ndarray]], float]:
    """``m`` in ``k`` pieces, and the model's certainty of the least sure (a slash among them
    aside). Two glyphs are cut where the model is surest of both (``_surest_cut``); more, at
    their thinnest columns, or at even widths where those read clearly surer (touching glyphs
    may touch along a stroke, where no column is thin: ๕๘ in Garuda, ๘'s loop against ๕'s
    side)."""
    if k == 1:
        return [(x0, x1, m)], _sure(model, _own_ink((x0, x1, m)))
    best: tuple[float, list[tuple[int, int, np.ndarray]], float] | None = None
    cut = _surest_cut(m, x0, x1, model) if k == 2 else None
    tries: list[tuple[list[tuple[int, int, np.ndarray]], float]] = (
        [(_pieces(m, [x0, cut, x1]), 0.0)]
        if cut is not None
        else [(_cut(m, x0, x1, k, 0.3), 0.05), (_cut(m, x0, x1, k, 0.0), 0.0)]
    )
    for parts, edge in tries:
        # a slash cut off a digit it touched (``๔/``) is no digit to be sure of: it is dropped
        # and put back as a slash, and the digit beside it is read alone
        inks = [_own_ink(p) for p in parts]
        score = min((_sure(model, i) for i in inks if not is_slash(i)), default=0.0)
        if best is None or score + edge > best[0]:
            best = (score + edge, parts, score)
    assert best is not None
    return best[1], best[2]


def _surer_pieces(
    m: np.ndarray, parts: list[tuple[int, int, np.ndarray]], model: DenseNet
) -> list[tuple[int, int, np.ndarray]]:
    """Three pieces or more of one component (``parts``), each cut between them moved to where
    the model is surest of the pieces on either side (``_surer_cuts``), when that leaves as
    many pieces, none read less surely than the least sure of ``parts``. How many pieces there
    are was settled first: the model reads half glyphs surely too, and cuts placed for its
    certainty alone made ``๕๒๓๐`` five digits. (Garuda's ๗ leans its stroke on the glyph
    after it: ๒๗๗ touching was cut inside the first ๗, ``๒๓๗``.)"""
    cuts = [parts[0][0]] + [p[1] for p in parts[:-1]] + [parts[-1][1]]
    moved = _pieces(m, _surer_cuts(m, cuts, model))
    if len(moved) != len(parts):
        return parts

    def least(pieces: list[tuple[int, int, np.ndarray]]) -> float:
        return min(_sure(model, _own_ink(p)) for p in pieces)

    return moved if least(moved) >= least(parts) else parts


def _surer_cuts(m: np.ndarray, cuts: list[int], model: DenseNet) -> list[int]:
    """``cuts`` (the ink's ends first and last) with each cut between, in turn, moved within
    ``CUT_REACH`` of a piece's width to where the model is surest of the pieces on either side
    of it (the less sure of the two), as ``_surest_cut`` cuts two glyphs."""
    cuts = list(cuts)
    reach = int((cuts[-1] - cuts[0]) / (len(cuts) - 1) * CUT_REACH)
    for j in range(1, len(cuts) - 1):
        a, b = cuts[j - 1], cuts[j + 1]
        cols = range(max(a + 2, cuts[j] - reach), min(b - 2, cuts[j] + reach) + 1)
        best = _surest_column(m, a, b, cols, model)
        if best is not None:
            cuts[j] = best
    return cuts


def _surest_column(
    m: np.ndarray, a: int, b: int, cols: Iterable[int], model: DenseNet, slashes: bool = False
) -> int | None:
    """Of ``cols``, the one cutting ``m``'s ink between ``a`` and ``b`` where the model is
    surest of both pieces (the less sure of the two), or None where none leaves two pieces;
    with ``slashes``, a piece that is a slash counts as sure (a slash cut off the digit it
    touches, ``๔/``, is no digit to be sure of)."""
    feats, slash, at = [], [], []
    for c in cols:
        left, right = digit_features(m[:, a:c]), digit_features(m[:, c:b])
        if left is None or right is None:
            continue
        feats += [left, right]
        if slashes:
            slash += [is_slash(m[:, a:c]), is_slash(m[:, c:b])]
        at.append(c)
    if not at:
        return None
    sure = model.probabilities(np.stack(feats)).max(axis=1)
    if slashes:
        sure[np.array(slash)] = 1.0
    return at[int(sure.reshape(-1, 2).min(axis=1).argmax())]


def _surest_cut(m: np.ndarray, x0: int, x1: int, model: DenseNet) -> int | None:
    """The column within ``CUT_REACH`` of the middle of two touching glyphs where the model is
    surest of both halves (the less sure of the two), or None. Two glyphs may touch where no
    column is thin, or the thinnest lies inside one of them: Garuda's ๗ leans its stroke on
    ๓, and its thinnest column, inside ๗, gives ``๓๒`` at 0.92, where the cut between them
    reads ``๗๓`` at 0.98."""
    mid, reach = (x0 + x1) // 2, int((x1 - x0) / 2 * CUT_REACH)
    cols = range(max(x0 + 2, mid - reach), min(x1 - 2, mid + reach) + 1)
    return _surest_column(m, x0, x1, cols, model, slashes=True)


SLIVER = 0.3  # of a digit's height: a piece this narrow is no digit (an Arabic 1 is wider)


def _join_broken(
    glyphs: list[tuple[int, int, np.ndarray]], model: DenseNet | None, sym_h: int = 0
) -> list[tuple[int, int, np.ndarray]]:
    """Join the pieces of a glyph broken at a thin stroke (a thin face at low resolution: ๒
    falls apart into its loop and its tail, read as ๖ and ๑; a 0 into two arcs, read as 11): two
    neighbours nearly touching, one of them short or both narrow, whose union is no wider than a
    digit, when the model reads the union surely and better than the weaker piece. A digit's
    height is the run's body band (``sym_h``) or its glyphs' median, whichever is more: broken
    pieces pull the median down (Norasi's ๒ in two, beside a ๓, at 14 pt)."""
    if model is None or len(glyphs) < 2:
        return glyphs
    hs = _heights(glyphs)
    h = max(float(np.median(hs)), float(sym_h))
    out = []
    i = 0
    while i < len(glyphs):
        # three pieces first (Norasi's ๒ at 14 pt: its loop, the stroke joining it, its tail)
        for k in (3, 2):
            part = glyphs[i : i + k]
            if len(part) < k:
                continue
            x0, x1 = min(g[0] for g in part), max(g[1] for g in part)
            # one piece short (๒'s tail), or all narrow (the two arcs of a 0), or one a sliver
            # (๒ cut down its side by a break in its loop: read ๕๑), nearly touching
            widths = [g[1] - g[0] for g in part]
            broken = min(hs[i : i + k]) < 0.8 * h or max(widths) < 0.45 * h
            sliver = k == 2 and min(widths) < SLIVER * h
            # (a Thai digit is wider than its body is tall: ๗ 1.17 times at 15 pt)
            wide = (1.2 if sliver and not broken else 1.05) * h
            broken = broken or sliver
            # (a piece inside another's columns, a thin face's inner curl of ๒, leaves the
            # gap to the next piece from the wider one)
            gaps = [part[j + 1][0] - max(g[1] for g in part[: j + 1]) for j in range(k - 1)]
            near = all(v <= 0.1 * h for v in gaps)
            # (a 0's two arcs, a blurred scan's break in them wider: a zero the union must be,
            # and no wider than one)
            arcs = k == 2 and max(g[1] - g[0] for g in part) < 0.45 * h and gaps[0] <= ARC_GAP * h
            # (three pieces each under half a digit wide: a thin face's ๒ at 200 dpi, 14 pt, its
            # loop 0.48 of a digit wide, seed 93)
            slivers = k == 3 and max(g[1] - g[0] for g in part) < THREE_PIECES * h
            lost = (k == 2 or slivers) and max(gaps) <= LOST_STROKE_GAP * h
            if not (broken and (near or arcs or lost) and x1 - x0 <= wide):
                continue
            union = np.logical_or.reduce([g[2] for g in part])
            read, sure = _reading(model, _own_ink((x0, x1, union)))
            weakest = min(_sure(model, _own_ink(g)) for g in part)
            zero = arcs and x1 - x0 <= 0.8 * h and read in ("0", "๐")
            mended = lost and sure >= LOST_STROKE_SURE and (slivers or weakest < LOST_STROKE_PIECE)
            if not (near or zero or mended):
                continue
            if sure >= 0.9 and sure > weakest:
                out.append((x0, x1, union))
                i += k
                break
        else:
            out.append(glyphs[i])
            i += 1
    return out


# a dash, of the digits' height: this long at least, this thick at most, and lying between
# these heights above the baseline (``_free_dashes`` and ``_clear_dashes``)
DASH_LENGTH = 1 / 3
DASH_THICKNESS = 0.35
DASH_BAND = (0.2, 0.75)


def _free_dashes(stats: np.ndarray, base: int, sym_h: int) -> list[float]:
    """The centres (x) of the components of a digit crop that are dashes standing free (a
    phone's ``๐-๒๘๑๒``): ``DASH_LENGTH`` of a digit long at least, ``DASH_THICKNESS`` of its
    height thick at most and half as thick as long, within ``DASH_BAND`` of its height above
    the baseline, as ``_clear_dashes`` finds them touching a digit. ``stats`` are component
    rows of x, y, w, h (background excluded), ``base`` the baseline's row in the crop."""
    x, y, w, h = stats[:, 0], stats[:, 1], stats[:, 2], stats[:, 3]
    dash = (
        (w >= DASH_LENGTH * sym_h)
        & (h <= DASH_THICKNESS * sym_h)
        & (w >= 2 * h)
        & (y >= base - DASH_BAND[1] * sym_h)
        & (y + h <= base - DASH_BAND[0] * sym_h)
    )
    return [float(x[j] + w[j] / 2) for j in np.nonzero(dash)[0]]


def _clear_dashes(ink: np.ndarray, base: int, sym_h: int) -> list[float]:
    """Clear hyphens and dashes from a digit crop (in place): a dash touching a digit
    (``๐-๗``) made one component of both, which was then taken for the dash, or read whole.
    Returns the centres (x) of the dashes cleared.

    A dash is a run of columns, at least a third of a digit long, each holding one thin
    stroke in the middle of the digits' height; no digit has such a stretch (their
    horizontal strokes run along the top or the baseline, or are crossed by others)."""
    h, w = ink.shape
    if h == 0 or w == 0:
        return []
    has = ink.any(axis=0)
    first = np.argmax(ink, axis=0)
    last = h - 1 - np.argmax(ink[::-1], axis=0)
    count = ink.sum(axis=0)
    bar = (
        has
        & (last - first + 1 == count)
        & (count <= DASH_THICKNESS * sym_h)
        & (first >= base - DASH_BAND[1] * sym_h)
        & (last <= base - DASH_BAND[0] * sym_h)
    )
    cleared = []
    for a, b in _true_runs(bar):
        if b - a >= DASH_LENGTH * sym_h:
            ink[:, a:b] = 0
            cleared.append((a + b) / 2)
    return cleared


def _own_ink(glyph: tuple[int, int, np.ndarray]) -> np.ndarray:
    """A glyph's mask within its own columns, where all its ink lies (the mask spans the crop:
    looking at all of it, for each glyph and each test, cost more than the reading)."""
    x0, x1, mask = glyph
    return mask[:, x0:x1]


def _heights(glyphs: list[tuple[int, int, np.ndarray]]) -> list[int]:
    out = []
    for g in glyphs:
        ys = np.nonzero(_own_ink(g).any(axis=1))[0]
        out.append(int(ys.max() - ys.min() + 1))
    return out


def is_slash(mask: np.ndarray) -> bool:
    """Whether a glyph is a slash: one thin stroke in every row, leaning right. No digit is (a
    Thai digit's rows cross loops; Arabic 1 stands upright; 7 has its bar)."""
    ys, xs = np.nonzero(mask)
    if len(ys) < 4:
        return False
    y0, y1 = int(ys.min()), int(ys.max())
    h = y1 - y0 + 1
    top, bottom = ys <= y0 + h / 4, ys >= y1 - h / 4
    lean = (xs[top].mean() - xs[bottom].mean()) / h
    if lean < 0.15:
        return False  # upright: no slash (and the row scan below is the costly part)
    rows = mask[y0 : y1 + 1].astype(np.int8)
    edges = np.diff(np.pad(rows, ((0, 0), (1, 1))), axis=1)
    # each row's runs of ink: their starts and ends alternate along the row, so the n-th start
    # and the n-th end of the whole glyph (row by row) bound one run
    start_row, start_col = np.nonzero(edges == 1)
    _, end_col = np.nonzero(edges == -1)
    single = np.mean(np.bincount(start_row, minlength=h) <= 1)
    longest = int((end_col - start_col).max()) if len(start_col) else 0
    return bool(single >= 0.85 and longest < 0.35 * h)


def _drop_strays(
    glyphs: list[tuple[int, int, np.ndarray]], slashes: bool = True
) -> tuple[list[tuple[int, int, np.ndarray]], list[float]]:
    """Drop what is not digit-sized (specks, commas and periods, ruled lines) and, unless
    ``slashes`` is False, slashes (a slash beside a number, ``๕๘๔๙.๙/``, its box not claiming
    it, read as a digit; where the engine's ``/`` stands for a digit, an Arabic 7 as slim as a
    slash in some faces, it stays). Returns the glyphs kept and the centres (x) of the
    slashes (none when ``slashes`` is False)."""
    if not glyphs:
        return glyphs, []
    hs = _heights(glyphs)
    med = float(np.median(hs))
    slash = [slashes and is_slash(_own_ink(g)) for g in glyphs]
    kept = [
        g
        for g, h, sl in zip(glyphs, hs, slash, strict=True)
        if 0.5 * med <= h <= 3 * med and (g[1] - g[0]) >= 0.2 * med and not sl
    ]
    return kept, [(g[0] + g[1]) / 2 for g, sl in zip(glyphs, slash, strict=True) if sl]


def _clean_sequence(
    glyphs: list[tuple[int, int, np.ndarray]], model: DenseNet | None = None
) -> bool:
    """Glyphs that look like a row of digits: similar heights (a tail may rise higher),
    digit-like widths; or, with the ``model``, as wide for its own height where a tail rises,
    when the model reads it as a digit surely (``WIDE_TAIL_SURE``): Garuda's ๗ is 1.6 times
    as wide as the ๐ beside it is tall (a letter with its upper vowel joined, as tall and as
    wide, read ๓ at 0.91, in a phone's slot that ran on over the words after it)."""
    if not glyphs:
        return False
    hs = _heights(glyphs)
    h = float(np.median(hs))

    def digit_wide(g: tuple[int, int, np.ndarray], own: int) -> bool:
        w = g[1] - g[0]
        if w <= 1.5 * h:
            return w >= 0.2 * h
        return w <= 1.5 * own and _sure(model, _own_ink(g)) >= WIDE_TAIL_SURE

    return all(0.6 * h <= v <= 2.2 * h for v in hs) and all(
        digit_wide(g, v) for g, v in zip(glyphs, hs, strict=True)
    )


WIDE_TAIL_SURE = 0.99


def thai_page(thai: int, arabic: int) -> bool:
    """Whether a page's numbers are in Thai, by the digits the engine read on it: enough of
    them (``PAGE_THAI``), and Arabic ones (the English model's misreadings) at most a third as
    many. (On the twelve generated seeds, no page numbered in Arabic passes; five in six of
    those numbered in Thai do, the rest holding few digits.)"""
    return thai >= PAGE_THAI and 3 * arabic <= thai


PAGE_THAI = 4


def _apart(chars: Sequence[str], positions: Sequence[int]) -> bool:
    """Whether the run at ``positions`` of ``chars`` touches no letter (Thai or Latin) on
    either side."""
    sides = [positions[0] - 1, positions[-1] + 1]
    return not any(
        0 <= i < len(chars) and (chars[i].isalpha() or MARK.fullmatch(chars[i]) is not None)
        for i in sides
    )


def _stops(stats: np.ndarray, base: int, sym_h: int) -> list[float]:
    """The centres (x) of the components of a digit crop that are full stops: a round dot
    standing on the baseline, a fifth to a third of a digit's height across (smaller specks
    are noise, not stops; a comma reaches below the baseline). ``stats`` are component rows of
    x, y, w, h (background excluded), ``base`` the baseline's row in the crop."""
    x, y, w, h = stats[:, 0], stats[:, 1], stats[:, 2], stats[:, 3]
    bottom = y + h
    dot = (
        (h >= max(2.0, STOP_SIZE[0] * sym_h))
        & (h <= STOP_SIZE[1] * sym_h)
        & (w >= max(2.0, STOP_SIZE[0] * sym_h))
        & (w <= STOP_SIZE[1] * sym_h)
        & (np.abs(bottom - base) <= 0.12 * sym_h)
    )
    return [float(x[j] + w[j] / 2) for j in np.nonzero(dot)[0]]


def _with_signs(
    picks: list[str],
    glyphs: list[tuple[int, int, np.ndarray]],
    stops: list[float],
    slashes: Sequence[float] = (),
    dashes: Sequence[float] = (),
) -> str:
    """The run's reading with the signs the engine left out put back: a full stop where one
    stands in the ink between two of its glyphs, in a gap wider than the run's others
    (``๕๑๗๗๒`` for ๕๑๗๗.๒: the engine read no stop, and its digits made one run), a slash
    where one of ``slashes`` (centres of slash glyphs left out of the run) stands between two,
    and a dash where one of ``dashes`` (centres of the dashes cleared from the crop) does (a
    phone's ``๐-๒๘๑๒`` read ``๐๒๒๕๑๒``: the engine took the dash for a digit, which the
    glyphs then left out). The engine does read most stops, slashes and dashes, so a run
    rarely holds one."""
    if not (stops or slashes or dashes) or len(glyphs) < 2 or len(picks) != len(glyphs):
        return "".join(picks)
    gaps = [b[0] - a[1] for a, b in zip(glyphs, glyphs[1:], strict=False)]
    usual = float(np.median(gaps))
    out = [picks[0]]
    for j, gap in enumerate(gaps):
        a, b = glyphs[j][1], glyphs[j + 1][0]
        if any(a < c < b for c in slashes):
            out.append("/")
        elif any(a < c < b for c in dashes):
            out.append("-")
        elif gap > max(2.0 * usual, usual + 4) and any(a < c < b for c in stops):
            out.append(".")
        out.append(picks[j + 1])
    return "".join(out)


def pick_digit(new: str, was: str, within: float, overall: float) -> str:
    """The network's reading ``new`` of a glyph the engine read ``was``: Debian's Thai model
    does emit ๐ ๑ ๒ ๓ ๕ (and Arabic digits), and its reading of those stands unless the network
    is sure, within the script and among all twenty classes (a broken thin glyph it cannot
    place: Arabic 6 read as 0, with ๖ close behind); less sure will do for a digit the engine
    cannot emit, where it must have put another (``UNEMITTED_PROB``)."""
    if new == was or was not in ENGINE_READS:
        return new
    if within >= OVERRIDE_PROB and overall >= SURE_GLYPH:
        return new
    if new not in ENGINE_READS and within >= UNEMITTED_PROB and overall >= UNEMITTED_GLYPH:
        return new
    return was


def fix_digits(
    line: Line,
    gray: np.ndarray,
    model: DigitModel,
    min_prob: float = 0.5,
    slots: Sequence[tuple[int, int]] = (),
    loose: Sequence[tuple[int, int]] = (),
    page_digits: tuple[int, int] = (0, 0),
) -> int:
    """Re-read the digit runs of ``line`` (boxes in ``gray``'s frame); returns digits changed.

    Each run of characters the engine read as digits is cut into glyphs (components standing on
    the run's baseline, touching pairs split); when they form a clean row of digits, each is
    classified (in the script the engine saw: Thai or Arabic) and the run is replaced, even when
    the engine emitted a different number of characters (it often invents extra ones for the
    digits it cannot read). Otherwise the engine's reading stays and the line's confidence drops.
    A run of Latin letters (in ``slots``: text standing where a number does) is replaced only when
    every glyph is read surely: the network has no answer for "not a digit"; inside ``loose``
    slots (a phone's groups: no word stands there) as surely as digits the engine read.
    ``page_digits``: the Thai and the Arabic digits the engine read on the page, which tell the
    script of a run the line alone does not (``9. หน่วยงาน…``, a list numbered in Thai).
    """
    runs = _runs(line, slots)
    if not runs:
        return 0
    sym_pos = align_symbols(line) or []
    chars = list(line.text)
    changed = 0
    weakest = 1.0
    H, W = gray.shape
    band = body_band(gray, line.bbox)
    # (a line that is a number alone: its digits, or a slot standing for one, ``Cs`` for a
    # floor's ๘ wrapped to a line of its own)
    numbers_only = all(
        c in DIGITS or c in SEPARATORS or any(a <= i < b for a, b in slots)
        for i, c in enumerate(line.text)
    )
    claimed: list[tuple[int, int]] = []  # glyphs (page x ranges) a run already read
    # the baseline and height of all the line's digits (``SLOPPY_RUN``, below)
    all_boxes = [line.words[k].bbox for _, sym_idx in runs for k in sym_idx]
    line_base = int(np.median([b[3] for b in all_boxes]))
    line_h = max(1, int(np.median([b[3] - b[1] for b in all_boxes])))
    for positions, sym_idx in reversed(runs):  # right to left: earlier positions stay valid
        boxes = [line.words[k].bbox for k in sym_idx]
        rx0, rx1 = min(b[0] for b in boxes), max(b[2] for b in boxes)
        base = int(np.median([b[3] for b in boxes]))
        sym_h = max(1, int(np.median([b[3] - b[1] for b in boxes])))
        if len(all_boxes) > len(boxes) and sym_h > SLOPPY_RUN * line_h:
            # half a short run's boxes reaching down into the next line's marks (``ส๒๕๐`` for
            # ๘๖๔๐, its last two boxes twice a digit's height, seed 93) move its median: the
            # digits of the whole line, where theirs is far lower, give baseline and height
            base, sym_h = line_base, line_h
        # a line of a few words whose ink is mostly a number's loops (``๖๙๐,๐๐๐ บาท``) has a
        # body band of half their height, as their middle rows are sparse (below): each ๐ was
        # cut in two; where the run's glyphs stand far taller than the band (``LOOPS_BAND``),
        # they give the baseline and digit height
        loops = None
        if band is not None and not numbers_only and band[1] - band[0] < BAND_SHARE * sym_h:
            # (a run of one glyph, its line's other glyphs: ``๓ฒ,๕๐๐`` for ๗,๕๐๐ in a
            # table's cell, where the band of the ๐s' feet had cut the ๗ in two, ``๒๖,๕๐๐``)
            loops = _glyph_band(gray, rx0, rx1, line.bbox) or _glyph_band(
                gray, line.bbox[0], line.bbox[2], line.bbox
            )
            if loops is not None and band[1] - band[0] >= LOOPS_BAND * (loops[1] - loops[0]):
                loops = None
        if loops is not None:
            base, sym_h = loops[1], max(1, loops[1] - loops[0])
        elif (
            band is not None
            and band[0] < base
            and band[1] > min(b[1] for b in boxes)
            and (band[1] - band[0] >= BAND_SHARE * sym_h or not numbers_only)
        ):
            # the engine's boxes are sloppy in height too (one reaching into the next line
            # moves the median): the line's own body band gives baseline and digit height
            # (unless, in a line of numbers alone, it is far lower than the boxes: the digits'
            # loops leave their middle rows sparse, and the band holds their feet only)
            base, sym_h = band[1], max(1, band[1] - band[0])
        lh = line.bbox[3] - line.bbox[1]
        # a phone's last group, the line's last text: the engine may have stopped reading
        # before the number's end (``โทร. ๐๒ ๖๕๙`` for ๐๒ ๖๕๙ ๓๕๗๓), and the glyphs left
        # unread past a gap are the number's next group
        in_phone = any(a <= positions[0] and positions[-1] < b for a, b in loose)
        at_end = in_phone and not line.text[positions[-1] + 1 :].strip()
        # ... and the phone's first run, right after its label: the engine may have read only
        # its last group, the glyphs before it unread (``_unread_lead``); a run after a group
        # of letters standing for digits (a slot: ``๓๒๓ซ่ ๕ซอ๓``) is no first run
        at_label = (
            in_phone
            and sym_idx[0] > 0
            and _PHONE_OPENING.search(line.text, 0, positions[0]) is not None
            and not any(
                b <= positions[0] and not line.text[b : positions[0]].strip(" -–")
                for _, b in (*slots, *loose)
            )
        )
        # the crop reaches well past the run so a glyph the engine's box cuts is taken whole
        # (components are then chosen by their centre, below)
        x0, x1 = max(0, rx0 - 2 * lh), min(W, rx1 + 2 * lh)
        if at_end:
            x1 = max(x1, min(W, line.bbox[2] + lh))
        if at_label:
            x0 = max(0, min(x0, line.words[sym_idx[0] - 1].bbox[2]))
        y0 = max(0, min(line.bbox[1], min(b[1] for b in boxes)) - int(0.3 * lh))
        y1 = min(H, max(line.bbox[3], max(b[3] for b in boxes)) + int(0.1 * lh))
        crop = gray[y0:y1, x0:x1]
        if crop.size == 0 or crop.shape[0] < 6:
            continue
        _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
        # digits stand on the baseline and rise about one symbol height (a tail may rise
        # higher): ink of the lines above and below is cut off at that band, so a tone mark
        # touching a digit does not make it a giant glyph; below, Thai digits a tenth of
        # their height past the baseline (they have no descenders: the next line's mark under
        # ``๕๒``, within a quarter, joined them into one glyph), Arabic ones a quarter (a
        # face's 9 may hang below it)
        # (the script of the digits the engine read: lookalike letters and their marks are the
        # Thai model's, and a run of them alone is Thai)
        thai_run = _thai_script(chars[i] for i in positions)
        top_row = max(0, int(base - 1.6 * sym_h) - y0)
        low_row = max(0, int(base + (0.1 if thai_run else 0.25) * sym_h) - y0)
        ink[:top_row] = 0
        ink[low_row:] = 0
        # ... and ink whose bottom is well above the baseline (marks), or that lies only at
        # its foot (the next line's marks, underlines), is not theirs
        n, labels, stats = components(ink)
        bottoms = y0 + stats[:, 1] + stats[:, 3]
        tops = y0 + stats[:, 1]
        foreign = (bottoms < base - 0.3 * sym_h) | (tops > base - 0.3 * sym_h)
        foreign[0] = False
        stops = _stops(stats[1:], base - y0, sym_h)
        dashes = _free_dashes(stats[1:], base - y0, sym_h)
        ink[foreign[labels]] = 0
        dashes += _clear_dashes(ink, base - y0, sym_h)
        widen = int(0.35 * sym_h)
        run = set(sym_idx)
        spans = {k: (w.bbox[0] - x0, w.bbox[2] - x0) for k, w in enumerate(line.words)}
        after_letter = _after_reference_letter(chars, positions[0])
        letter = sym_idx[0] - 1
        if after_letter and letter >= 0 and line.words[letter].text in _REFERENCE_LETTERS:
            a, b = spans[letter]
            if b - a > WIDE_LETTER * sym_h:
                # a reference's letter whose box is two glyphs wide holds the running number's
                # first digit too (``/ว๗๘๘๐`` read ``/ว๘๘๐``: ๗ is ว with a tail): the letter is
                # the box's left part, and the run takes in the glyph beside it
                spans[letter] = (a, a + int(LETTER_SHARE * (b - a)))
                after_letter = False
            elif drifted := _drifted_box(ink, (a, b), (rx0 - x0 - widen, rx1 - x0 + widen), sym_h):
                # ... or whose box drifted right, onto the running number's first digit
                # (``/ว5225`` read ``/ว225``: the ว's box over the 5, the ว's glyph under its
                # left edge only): the letter is that glyph, and the digit the run's
                spans[letter] = drifted
        # the marks the engine put on the run's last symbol (``ญ่`` for ๗) are the run's own
        own_marks: set[int] = set()
        k = sym_idx[-1] + 1
        while k < len(line.words) and MARK.fullmatch(line.words[k].text):
            own_marks.add(k)
            k += 1
        sane = [b for b in boxes if b[2] - b[0] <= 2 * sym_h]
        sx0, sx1 = (min(b[0] for b in sane), max(b[2] for b in sane)) if sane else (rx0, rx0)
        others = [
            spans[k]
            for k, w in enumerate(line.words)
            # a box wider than any one symbol is the engine's mistake, not a claim on the ink;
            # nor is a dash's or a stop's (their ink is too small to pass for a digit, and
            # their boxes stray onto the digit beside them), nor a mark's that reaches into the
            # run's own boxes (those two digits wide at most): its ink above or below the
            # letters is cleared already (the tone mark of ``วันที่ 18``, its box the line's
            # height and over the 1, had taken the 1 from the day; beside the run, or under a
            # digit's box that runs on over the next word, ``2566 ถึง``, a mark's box keeps its
            # letter out), nor one inside the digits' band, a glyph's ink the engine read as a
            # mark (``วันที่ ๒๖`` read ``วันที่่ ๒๐``: the ่ was the ๒'s, and kept it out; a lower
            # vowel's box reaches below the band, ``๒๕๖๔ ผู้``, and keeps its letter out)
            if k not in run
            and k not in own_marks
            and w.text not in SMALL_SIGNS
            and not (thai_run and w.text in QUOTES)
            and not (
                MARK.fullmatch(w.text)
                and (
                    (w.bbox[0] < sx1 and w.bbox[2] > sx0)
                    or (w.bbox[1] >= base - 1.1 * sym_h and w.bbox[3] <= base + 0.15 * sym_h)
                )
            )
            and w.bbox[2] > x0
            and w.bbox[0] < x1
            and spans[k][1] - spans[k][0] <= 1.5 * sym_h
        ]
        slash_spans = [spans[k] for k, w in enumerate(line.words) if w.text == "/"]
        candidates = _components(ink, (0, x1 - x0), others, slash_spans)
        letters = [
            spans[k]
            for k, w in enumerate(line.words)
            if k not in run
            and w.text in CONSONANTS
            and (w.text not in LOOKALIKES or _opens_month(line.text, sym_pos, k))
        ]
        glyphs = _extend_run(
            candidates,
            (rx0 - x0 - widen, rx1 - x0 + widen),
            sym_h,
            leftwards=not after_letter,
            letters=letters,
            read=sum(chars[i] in DIGITS for i in positions),
            own=(rx0 - x0, rx1 - x0),
        )
        tail = _unread_group(candidates, glyphs, sym_h) if at_end and glyphs else []
        lead = []
        if at_label and glyphs:
            boxes_before = [spans[k] for k in range(sym_idx[0])]
            lead = _unread_lead(candidates, glyphs, sym_h, letters, boxes_before)
        if lead:
            lead = _split_wide(_join_broken(lead, model, sym_h), model, sym_h)
        if tail:
            tail = _split_wide(_join_broken(tail, model, sym_h), model, sym_h)
        # a glyph is read by one run only (a run's crop reaches into its neighbour's digits)
        unclaimed = [
            g for g in glyphs if not any(a <= x0 + (g[0] + g[1]) / 2 <= b for a, b in claimed)
        ]
        if glyphs and not unclaimed and all(chars[i] in LOOKALIKES for i in positions):
            # the engine read a glyph twice, as the letter it puts for a digit and as the digit
            # (``/จ อ.๕๓๕๒`` for ``/จ ๖๗๙๖``: อ and a stop, then ๕, over the ๖), and the run after
            # has read it: the letter goes, and a stop on that glyph with it
            gone = list(positions)
            stop = next((j for j, p in enumerate(sym_pos) if p == [positions[-1] + 1]), None)
            if stop is not None and chars[positions[-1] + 1] in SMALL_SIGNS:
                mid = (line.words[stop].bbox[0] + line.words[stop].bbox[2]) / 2
                if any(a <= mid <= b for a, b in claimed):
                    gone.append(positions[-1] + 1)
            for i in gone:
                chars[i] = ""
            changed += len(gone)
        glyphs = unclaimed
        if not glyphs:
            continue
        # (a sign in a run is one a slot gave the run: a digit the engine read as a sign)
        signs = any(chars[i] in SEPARATORS for i in positions)
        # a slash among the digits the engine read as one (``129771313`` for ๑๒๙๗/๑๓๑๓): it
        # goes back between them, below, and the line goes to review
        # (what follows the run: where a slash must stand, one joined to its last digit is cut)
        after = line.text[positions[-1] + 1 :].lstrip()
        # (where the engine's slash after the run has a slash's glyph of its own, none is
        # joined to the run's last digit: a bold ๗'s tail cut off as a slash's foot left ๓)
        nxt = sym_idx[-1] + 1
        own = nxt < len(line.words) and line.words[nxt].text == "/" and _own_slash(ink, spans[nxt])
        glyphs, slashes = _drop_strays(
            _split_wide(
                _join_broken(glyphs, model, sym_h), model, sym_h, after="" if own else after
            ),
            slashes=not signs,
        )
        if all(chars[i] in ARABIC for i in positions):
            # the English model counts Arabic digits right: fewer glyphs than it read are
            # digits touching (a face's old-style 6 and 4, ``6499`` cut ``64|9|9``)
            glyphs = _split_to_count(glyphs, len(positions), model)
            # (a dash the ink shows between the glyphs is one the English model read as a
            # digit: ``0196`` for 0-96, the phone's label read as one, bench corpus)
            inner = sum(glyphs[0][1] < d < glyphs[-1][0] for d in dashes) if glyphs else 0
            if in_phone and len(glyphs) + inner < len(positions):
                # ... and fewer still in a phone's group: a digit a stamp's rule cut through
                # left too little ink to be one (``0-8210-3993`` under a stamp: the 1 lost,
                # seed 86); the engine's digits stay, and the line goes to review
                weakest = min(weakest, 0.5)
                continue
        if in_phone and slashes:
            # no slash stands in a phone number: a slim stroke in one is a digit the network
            # cannot read (a 7 whose bar a stamp's rule took); the engine's digits stay where
            # it read digits, and the line goes to review
            weakest = min(weakest, 0.5)
            if all(chars[i] in DIGITS for i in positions):
                continue
            slashes = []
        if not _clean_sequence(glyphs, model) or len(glyphs) > MAX_RUN:
            weakest = min(weakest, 0.5)
            continue
        # a reference's letter the engine read as a digit (``/98493`` for ``/ว8493``, ``/8 5254``
        # for ``/จ 5254``): the run's first glyph, told apart by the letter network
        opener = ""
        if (
            not after_letter
            and not slashes
            and (len(glyphs) >= 3 or _digit_after(chars, positions))
        ):
            opener = _opening_letter(chars, positions[0], glyphs[0])
        if opener:
            weakest = min(weakest, LATIN_READ_CONF)  # (a letter no engine read: a person checks)
            claimed.append((x0 + glyphs[0][0], x0 + glyphs[0][1]))
            if len(glyphs) > 1 and glyphs[1][0] - glyphs[0][1] > LETTER_GAP * sym_h:
                opener += " "
            glyphs = glyphs[1:]
            if not glyphs:
                chars[positions[0] : positions[-1] + 1] = list(opener)
                changed += 1
                continue
        feats = [digit_features(_own_ink(g)) for g in glyphs]
        if any(f is None for f in feats):
            continue
        p = model.probabilities(np.stack(feats))  # type: ignore[arg-type]
        old = "".join(chars[i] for i in positions)
        english = any(c.isascii() and c.isalpha() for c in old)
        # the script of the digits the engine read (``thai_run``: ``old`` as the crop was cut)
        thai_seen = thai_run
        # ... unless a run the engine read as Arabic stands among Thai numbers and the network
        # sees Thai digits in it, surely (``ประชุม 9. โครงการ`` in a Thai-numbered list: ๑);
        # in a phone one Thai digit elsewhere will do (``โทร. ว๒ 9`` for ๐๒ ๖๖๘: a phone's
        # groups are in one script), or none, for a group of three or more (``โทร. 0`` for
        # ๐-๕๙๗๙-๒๒๒๖, its box over the last group); and in a phone, most of them Thai will
        # do, as its other groups may hold a digit the engine read as Arabic too (``๑๒๕5`` for
        # ๑๒๔๖ before ``5๐@๐59`` for ๖๐๙๖, seed 63)
        if not thai_seen and (p[:, :10].max(axis=1) >= SURE_SCRIPT).all():
            line_digits = [c for k, c in enumerate(chars) if c in DIGITS and k not in positions]
            enough = len(line_digits) >= 2 or (
                in_phone and (len(line_digits) >= 1 or len(glyphs) >= 3)
            )
            thai = sum(c in THAI for c in line_digits)
            arabic = len(line_digits) - thai
            thai_seen = enough and (arabic == 0 or (in_phone and thai > arabic))
            # ... or, where the line holds too few other digits to tell, a page whose numbers
            # the engine read in Thai (a page's numbers are in one script: ``9. หน่วยงาน`` in a
            # list numbered in Thai is ๑.), for a run standing apart from words (not the 0 of
            # ``6-ธลล0ลก``, the English model's e-Document)
            thai_seen = thai_seen or (
                not enough and thai_page(*page_digits) and _apart(chars, positions)
            )
        sub, alphabet, conf = _in_script(p, thai_seen)
        weakest = min(weakest, float(conf.min()))
        weak = conf < min_prob
        # one unsure glyph does not throw away a run whose other glyphs are read with certainty
        # (the unsure one keeps the engine's reading where the engine can read it, below)
        if (
            weak.sum() > max(1, len(conf) // 3)
            or conf.min() < 0.2
            or (weak.any() and len(conf) < 2)
            or (english and not in_phone and not _all_sure(p, conf))
        ):
            continue
        picks = [alphabet[i] for i in sub.argmax(axis=1)]
        if len(picks) == len(old):  # glyph for symbol: the engine's reading may stand
            overall = p.max(axis=1)
            picks = [
                pick_digit(new, was, float(c), float(o))
                for new, was, c, o in zip(picks, old, conf, overall, strict=True)
            ]
        if len(picks) == 2 and alphabet.find(picks[0]) >= DAY_TENS and _a_day(chars, positions):
            # a day's tens are 0 to 3 (``๖๘ พ.ค.`` is ๒๘): the likeliest of those, for review
            picks[0] = alphabet[int(sub[0, :DAY_TENS].argmax())]
            weakest = min(weakest, LATIN_READ_CONF)
        if (
            len(picks) == 4
            and tuple(alphabet.find(c) for c in picks[:2]) not in YEAR_OPENINGS
            and _a_year(chars, positions)
        ):
            # a year opens 24, 25, 19 or 20 (``๖๕๕๖`` is ๒๕๕๖): the likeliest of those, for review
            picks[:2] = [alphabet[i] for i in _year_opening(sub)]
            weakest = min(weakest, LATIN_READ_CONF)
        if (
            not opener
            and slashes
            and (lettered := _letter_after_slash(glyphs, slashes, "".join(chars[: positions[0]])))
        ):
            picks[lettered[0]] = lettered[1]
            weakest = min(weakest, LATIN_READ_CONF)
        new = opener + _with_signs(picks, glyphs, stops, slashes, dashes)
        if any(c > glyphs[-1][1] for c in slashes) and not after.startswith("/"):
            # a slash cut off the run's last digit that the engine did not read (``๘๔๗๓ว``
            # for ๘๔๗๓/ว: the two were one glyph, read ๗): it follows the run
            new += "/"
        if "/" in new and "/" not in old:
            weakest = min(weakest, LATIN_READ_CONF)
        if any(c in STROKE_SIGNS for c in old) and not any(c in STROKE_SIGNS for c in new):
            # ... and a digit read where the engine saw a slash or a bracket: a stroke whose
            # bar or loop is lost (a 7 under a stamp's rule, its bar cleared with it, read 1,
            # seed 93): a person checks
            weakest = min(weakest, LATIN_READ_CONF)
        more = (
            _read_group(tail, model, thai_seen) if tail and _clean_sequence(glyphs + tail) else ""
        )
        if more:
            # digits no engine saw: a person checks them
            new += " " + more
            weakest = min(weakest, LATIN_READ_CONF)
            claimed.extend((x0 + a, x0 + b) for a, b, _ in tail)
        before = (
            _read_group(lead, model, thai_seen) if lead and _clean_sequence(lead + glyphs) else ""
        )
        if before:
            # (the same: digits no engine saw), each followed by what stands before the next
            between = _group_signs(lead + glyphs[:1], dashes, sym_h)
            new = "".join(d + sign for d, sign in zip(before, between, strict=True)) + new
            weakest = min(weakest, LATIN_READ_CONF)
            claimed.extend((x0 + a, x0 + b) for a, b, _ in lead)
        claimed.extend((x0 + a, x0 + b) for a, b, _ in glyphs)
        rest = "".join(chars[positions[-1] + 1 : positions[-1] + 16])
        if rest[:1] not in ("", " ") and _MONTH_NEXT.match(" " + rest) is not None:
            new += " "  # a day is spaced from its month (``วันที่ ซมกราคม`` read)
        if new != old:
            changed += sum(a != b for a, b in zip(new, old, strict=False)) + abs(
                len(new) - len(old)
            )
            chars[positions[0] : positions[-1] + 1] = list(new)
            end = positions[0] + len(new)
            if new and new[-1] in DIGITS and chars[end : end + 2] == ["/", "/"]:
                # a number's slash read twice, once as the digit's tail (``ฉบับที่ ฒ//๒๕๖๑``:
                # ฒ and a slash for one bold ๗, seed 95): no number holds two
                del chars[end]
            if old[-1] in CONSONANTS:
                # the marks the engine put on the letter it read (``วันที่ ญ่``) are no digit's
                while end < len(chars) and MARK.fullmatch(chars[end]):
                    del chars[end]
            if english:  # digits read from where the English model saw a word: a person checks
                weakest = min(weakest, LATIN_READ_CONF)
    line.text = "".join(chars)
    line.confidence = round(min(line.confidence, weakest), 4)
    return changed


# the day label, its vowel or mark perhaps lost, then a gap where the engine read nothing
_DAY_LABEL = re.compile("วั?นที่?\\s+")
_DAY_LABEL_ENDING = re.compile("วั?นที่?$")  # ... ending its line: the month wrapped
# a floor's label (``ห้องประชุม ๔๓๑ ชั้น ๗``), a word before a word the engine read after it (its
# number lost: ``ชั้น ทั้งนี้``), or ending its line
_FLOOR_LABEL = re.compile("(?:^|(?<=\\s))ชั?้?น\\s+(?=[\u0e01-\u0e2e\u0e40-\u0e44])")
_FLOOR_LABEL_ENDING = re.compile("(?:^|(?<=\\s))ชั?้?น$")
DAY_GLYPH = (0.6, 1.6)  # a day's glyph: its height and width at most, of the digits' height
DAY_EDGE = 0.3  # of the digits' height: a glyph this close to the month's box is the month's
WORD_SPACE = 0.3  # ... and the paper after a floor's number, before the next word's ink


def read_lost_number(line: Line, gray: np.ndarray, model: DenseNet) -> bool:
    """A date's day the engine read as nothing (``วันที่ มกราคม ๒๕๖๔`` for ``วันที่ ๖ มกราคม``:
    the leader's dots under the ๖; a pen's tick across it): the ink between the label's box
    and the month's, one or two glyphs of a digit's size wholly inside, read by the network,
    every one surely, in the script of the line's other digits; or, where the label ends the
    line (the month wrapped to the next: ``เมื่อวันที่`` for ``เมื่อวันที่ ๙``), the ink
    between the label and the line's end. So too a floor's number after its label, a word's
    space from the next word (``ชั้น ทั้งนี้`` for ``ชั้น ๗ ทั้งนี้``), or ending the line.
    Digits no engine saw go to a person (the line's confidence drops under the threshold).
    Whether a number was put in."""
    text = line.text
    labels = [m for m in _DAY_LABEL.finditer(text) if _month_opens(text[m.end() :])]
    labels += list(_FLOOR_LABEL.finditer(text))
    ending = _DAY_LABEL_ENDING.search(text.rstrip()) or _FLOOR_LABEL_ENDING.search(text.rstrip())
    if not labels and ending is None:
        return False
    sym_pos = align_symbols(line)
    band = body_band(gray, line.bbox)
    if sym_pos is None or band is None:
        return False
    # (letters' boxes: a mark's reaches over the day, ``ที่``'s over the ๖ after it)
    boxes = [
        (p[0], w.bbox)
        for w, p in zip(line.words, sym_pos, strict=True)
        if p and not MARK.fullmatch(w.text)
    ]
    base, sym_h = band[1], max(1, band[1] - band[0])
    for m in [*labels, *([ending] if ending is not None else [])]:
        label = [b[2] for i, b in boxes if m.start() <= i < m.end()]
        if not label:
            continue
        at_end = m is ending
        if at_end:
            # (to the line's end and a little past: the box may end on the day's last glyph)
            gap = (max(label) + 1, min(gray.shape[1], line.bbox[2] + int(DAY_GLYPH[1] * sym_h)))
        else:
            after = [b[0] for i, b in boxes if i >= m.end()]
            if not after:
                continue
            gap = (max(label) + 1, min(after) - 1)
        floor = m.re in (_FLOOR_LABEL, _FLOOR_LABEL_ENDING)
        glyphs, y0, y1 = _day_glyphs(
            gray,
            line,
            gap,
            base,
            sym_h,
            month_after=not (at_end or floor),
            word_after=floor and not at_end,
        )
        if not glyphs:
            continue
        number = _read_group(glyphs, model, _thai_script(text))
        if not number or not 1 <= int(to_arabic_digits(number)) <= (99 if floor else 31):
            continue
        words = [
            Word(c, (gap[0] + a, y0, gap[0] + b, y1), LATIN_READ_CONF)
            for c, (a, b, _) in zip(number, glyphs, strict=True)
        ]
        if at_end:
            line.words.extend(words)
            line.text = text.rstrip() + " " + number
            line.bbox = (
                line.bbox[0],
                line.bbox[1],
                max(line.bbox[2], words[-1].bbox[2]),
                line.bbox[3],
            )
        else:
            k = next(i for i, p in enumerate(sym_pos) if p and p[0] >= m.end())
            line.words[k:k] = words
            line.text = text[: m.end()] + number + " " + text[m.end() :]
        line.confidence = round(min(line.confidence, LATIN_READ_CONF), 4)
        return True
    return False


def _month_opens(text: str) -> bool:
    """Whether ``text`` opens with a month's name."""
    found = find_month(text)
    return found is not None and found[0] == 0


def _day_glyphs(
    gray: np.ndarray,
    line: Line,
    gap: tuple[int, int],
    base: int,
    sym_h: int,
    month_after: bool,
    word_after: bool = False,
) -> tuple[list[tuple[int, int, np.ndarray]], int, int]:
    """The one or two glyphs of a day's size wholly inside the columns ``gap`` of ``line``'s
    band (the day's glyphs, in the gap's frame), and the band's rows; no glyphs when there are
    none such or more (``month_after``: a month's box ends the gap, and a glyph against it
    is the month's first letter; ``word_after``: a word's box ends it, and the glyphs stand a
    word's space (``WORD_SPACE``) from the ink after them, or are that word's first letter)."""
    y0, y1 = max(0, int(base - 1.6 * sym_h)), min(gray.shape[0], int(base + 0.1 * sym_h))
    if gap[1] - gap[0] < 0.4 * sym_h or y1 - y0 < 6:
        return [], y0, y1
    # the threshold is the line's (a gap of paper alone has none of its own)
    strip = gray[y0:y1, max(0, line.bbox[0]) : line.bbox[2]]
    t, _ = cv2.threshold(strip, 0, 1, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    ink = (gray[y0:y1, gap[0] : gap[1]] <= t).astype(np.uint8)
    glyphs = [
        g
        for g in _components(ink)
        if g[0] > 0
        and g[1] < ink.shape[1]  # wholly inside: not the neighbours' edges
        and DAY_GLYPH[0] * sym_h <= _heights([g])[0]
        and g[1] - g[0] <= DAY_GLYPH[1] * sym_h
    ]
    # the engine's boxes drift right along a line: the month's first letter may lie in the
    # gap, a word's space after the day, against the gap's end (``วันที ๗ ก`` before
    # รกฎาคม): it is cut off, and so is any glyph that close to the gap's end
    while month_after and glyphs and ink.shape[1] - glyphs[-1][1] < DAY_EDGE * sym_h:
        if len(glyphs) < 2 or glyphs[-1][0] - glyphs[-2][1] <= 0.5 * sym_h:
            glyphs = []
        else:
            glyphs.pop()
    if word_after and glyphs:
        x = gap[0] + glyphs[-1][1]
        after = gray[y0:y1, x : min(gray.shape[1], x + int(np.ceil(WORD_SPACE * sym_h)))]
        if (after <= t).any():
            return [], y0, y1
    if not 1 <= len(glyphs) <= 2 or (
        len(glyphs) == 2 and glyphs[1][0] - glyphs[0][1] > 0.5 * sym_h
    ):
        return [], y0, y1
    return glyphs, y0, y1
