"""Orientation (0/90/180/270), skew, and the upright page in the contract's frame.

Method (recorded in provenance as ``geometry``):

* Text components are found on a ~150 dpi binarised copy (scanner borders, punch holes, rules,
  the emblem and specks are left out by size and shape).
* Skew: a coarse-to-fine projection-profile search on those pixels, for the page as it is and
  turned a quarter; the sharper profile also tells upright/upside-down from sideways. On a
  colour scan that is mostly pen notes and stamps, their ink (told by colour as layout tells
  it) is left out of the search where enough black ink remains: notes lie at their own angles.
* A page of a few short lines (``SPARSE_POINTS``: a continuation page's ``หน้า ๒``, a cover
  slip) has too little ink for either: its axis is told by the direction from each letter to
  its nearest neighbour, its skew by the top and bottom edges of its letters at 300 dpi.
* Up vs down: Thai puts far more marks above the x-height band (tone marks, upper vowels) than
  below it (ุ ู and a few tails); Latin ascenders outnumber descenders likewise. Mass above vs
  below each line's core tells the page's top from its bottom.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from pipeline.components import components, points
from pipeline.layout import colour_masks

WORK_DPI = 150
# an axis whose whole-degree sharpness is a fifth of the other's is not refined: refining sharpened
# the winning axis up to 3.5× on the bench pages and the losing one 1.4× at most
CLEAR_LOSS = 5


@dataclass(frozen=True, slots=True)
class Geometry:
    rotation: int  # degrees the scan is turned CLOCKWISE to be upright
    skew: float  # CCW-positive angle of the text lines after that turn
    rotation_confidence: float  # 0..1
    skew_confidence: float
    method: str = "projection-profile+mark-asymmetry"


def to_gray(rgb: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY) if rgb.ndim == 3 else rgb


def text_mask(gray: np.ndarray, dpi: int) -> np.ndarray:
    """Binary mask (uint8 0/1) of text-like components at WORK_DPI."""
    s = WORK_DPI / dpi
    small = cv2.resize(
        gray,
        (max(1, round(gray.shape[1] * s)), max(1, round(gray.shape[0] * s))),
        interpolation=cv2.INTER_AREA,
    )
    _, ink = cv2.threshold(small, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, labels, stats = components(ink)
    h, w = ink.shape
    mm = WORK_DPI / 25.4
    x, y, bw, bh, area = stats[:, 0], stats[:, 1], stats[:, 2], stats[:, 3], stats[:, 4]
    touches = (x <= 1) | (y <= 1) | (x + bw >= w - 1) | (y + bh >= h - 1)
    fill = area / np.maximum(1, bw * bh)
    keep = (
        (bh >= 0.4 * mm)
        & (bh <= 12 * mm)
        & (bw <= 40 * mm)
        & (area >= 3)
        & ~touches
        & ~((fill > 0.6) & (bw > 4 * mm) & (bh > 4 * mm))  # punch holes, blobs
        & ~((bw > 15 * mm) & (bh < 1.0 * mm))  # horizontal rules
        & ~((bh > 15 * mm) & (bw < 1.0 * mm))  # vertical rules
    )
    keep[0] = False
    return keep[labels].astype(np.uint8)


# the smooth profile (``_profile_score``): quarter rows, each point spread by a Gaussian of half a
# pixel. Less lets the pixel grid win (``หน้า ๒`` at 0.55° read 0°, at a third of a pixel); a
# whole pixel blurs a short line's edges together (0.37° off)
SUB_ROWS = 4
_SPREAD = np.exp(-0.5 * (np.arange(-3 * SUB_ROWS, 3 * SUB_ROWS + 1) / (SUB_ROWS / 2)) ** 2)
_SPREAD /= _SPREAD.sum()


def _profile_score(
    xs: np.ndarray,
    ys: np.ndarray,
    angle: float,
    size: int,
    smooth: bool = False,
    scratch: np.ndarray | None = None,
) -> float:
    """Sharpness of the row profile of the points turned by ``angle``: the sum of squared
    differences between neighbouring rows (integer counts: exact, and a fifth faster), or
    (``smooth``) of the profile in quarter rows, each point spread by ``_SPREAD``.
    ``scratch`` (two rows of ``len(xs)`` floats) holds the turned points: a sweep scores
    dozens of angles, and taking fresh memory for each took almost half its time."""
    a = np.deg2rad(angle)
    if scratch is None:
        scratch = np.empty((2, len(xs)))
    yp = np.multiply(xs, np.sin(a), out=scratch[0])
    yp += np.multiply(ys, np.cos(a), out=scratch[1])
    yp -= yp.min()
    if not smooth:
        d = np.diff(np.bincount(yp.astype(np.intp), minlength=size))
        return float(d @ d)
    # binned whole, the rows of pixels favour the angle of the scan's own grid, where all of
    # a short line's edge falls in one row ("หน้า ๒" at 0.55° scored best at 0° exactly);
    # each point's share goes to the two quarter rows it falls between
    yp *= SUB_ROWS
    row = yp.astype(np.intp)
    part = yp - row
    prof = np.bincount(row, 1.0 - part, minlength=size * SUB_ROWS + 1)
    prof += np.bincount(row + 1, part, minlength=size * SUB_ROWS + 1)
    d = np.diff(np.convolve(prof, _SPREAD))
    return float(d @ d)


def _coarse(
    xs: np.ndarray, ys: np.ndarray, lo: float, hi: float, smooth: bool = False, step: float = 1.0
) -> tuple[float, float, float]:
    """The sweep in steps of ``step`` degrees: (best angle, its score, the median score)."""
    size = _profile_size(xs, ys)
    coarse = np.arange(lo, hi + 1e-9, step)
    scratch = np.empty((2, len(xs)))
    scores = np.array([_profile_score(xs, ys, a, size, smooth, scratch) for a in coarse])
    i = int(np.argmax(scores))
    return float(coarse[i]), float(scores[i]), float(np.median(scores))


def _profile_size(xs: np.ndarray, ys: np.ndarray) -> int:
    return int(np.hypot(xs.max() - xs.min() + 1, ys.max() - ys.min() + 1)) + 2


def _refine(
    xs: np.ndarray, ys: np.ndarray, best: float, smooth: bool = False
) -> tuple[float, float]:
    """From the best whole degree to the best hundredth: (angle, its score)."""
    size = _profile_size(xs, ys)
    step, score = 1.0, 0.0
    scratch = np.empty((2, len(xs)))
    for fine in (0.25, 0.05, 0.01):
        cand = np.arange(best - step, best + step + 1e-9, fine)
        sc = np.array([_profile_score(xs, ys, a, size, smooth, scratch) for a in cand])
        i = int(np.argmax(sc))
        best, score, step = float(cand[i]), float(sc[i]), fine
    return best, score


def _line_cores(prof: np.ndarray, min_gap: int) -> list[tuple[int, int]]:
    """The dense middle band (x-height core) of each text line in a row profile."""
    k = 3
    smooth = np.convolve(prof, np.ones(k) / k, mode="same")
    top = smooth.max()
    if top <= 0:
        return []
    order = np.argsort(-smooth)
    taken = np.zeros(len(smooth), bool)
    cores = []
    for r in order:
        v = smooth[r]
        if v < 0.15 * top:
            break
        lo, hi = max(0, r - min_gap), min(len(smooth), r + min_gap + 1)
        if taken[lo:hi].any():
            continue
        c0 = r
        while c0 > 0 and smooth[c0 - 1] >= 0.5 * v:
            c0 -= 1
        c1 = r
        while c1 < len(smooth) - 1 and smooth[c1 + 1] >= 0.5 * v:
            c1 += 1
        taken[c0 : c1 + 1] = True
        cores.append((c0, c1))
    return sorted(cores)


def _median_height(mask: np.ndarray) -> float:
    n, _, stats = components(mask)
    return float(np.median(stats[1:, 3])) if n > 1 else 6.0


def _up_down_evidence(mask: np.ndarray, h_med: float | None = None) -> float:
    """Positive when marks sit above line cores (upright), negative when below (upside down).

    Each line's zones reach at most one core height away, and never past halfway to the
    neighbouring line, so tight line spacing does not mix one line's marks into another's.
    """
    prof = mask.sum(axis=1).astype(np.float64)
    if prof.max() <= 0:
        return 0.0
    if h_med is None:
        h_med = _median_height(mask)
    cores = _line_cores(prof, max(2, int(h_med * 0.9)))
    above = below = 0.0
    for i, (c0, c1) in enumerate(cores):
        ch = c1 - c0 + 1
        prev_end = cores[i - 1][1] if i > 0 else -(10**9)
        next_start = cores[i + 1][0] if i + 1 < len(cores) else 10**9
        a0 = max(0, c0 - ch, (prev_end + c0) // 2 + 1)
        b1 = min(len(prof), c1 + 1 + ch, (c1 + next_start) // 2 + 1)
        above += prof[a0:c0].sum()
        below += prof[c1 + 1 : b1].sum()
    total = above + below
    return float((above - below) / total) if total > 0 else 0.0


def _without_colour(mask: np.ndarray, rgb: np.ndarray) -> np.ndarray:
    """``mask`` less the pen and stamp ink layout tells by colour (at the mask's scale)."""
    small = cv2.resize(rgb, (mask.shape[1], mask.shape[0]), interpolation=cv2.INTER_AREA)
    pen, stamp = colour_masks(small, mask * 255)
    coloured = cv2.dilate(pen | stamp, np.ones((3, 3), np.uint8))
    return np.where(coloured > 0, 0, mask).astype(np.uint8)


# axes whose profiles are this close in sharpness are told apart by the letters' neighbours,
# when those agree this much (2 × share - 1; on 80 generated pages of documents and of pen
# notes, the neighbours' axis was right on all, at 0.44 and more; the profile missed one)
AXIS_CLOSE = 1.5
LETTER_AXIS_SURE = 0.3
# typed pixels (at WORK_DPI) enough to set the skew by: one typed line of a page of pen notes
MIN_TYPED = 1000
# share of the text pixels in colour that makes a page one of notes: below it, a memo's few
# notes move the skew by no more than leaving their strokes' edges out does (0.01°)
PEN_PAGE = 0.3


def estimate(
    gray: np.ndarray,
    dpi: int,
    max_skew: float = 20.0,
    rgb: np.ndarray | None = None,
    horizontal: bool | None = None,
) -> Geometry:
    """The page's quarter turn and skew. With the colour scan (``rgb``) of a page mostly of pen
    notes and stamps (``PEN_PAGE``), the skew is set by its black ink where it has enough: the
    notes lie at their own angles (a page of notes around one typed line was read 3.2° off by
    all its ink, 0.2° by the typed line). ``horizontal`` forces the axis the text runs along
    as scanned (True: across, as is or upside down; False: turned a quarter)."""
    mask = text_mask(gray, dpi)
    ys, xs = points(mask)
    if len(xs) < 200:
        return Geometry(0, 0.0, 0.0, 0.0)
    if len(xs) < SPARSE_POINTS and horizontal is None:
        axis = _letter_axis(mask)
        if axis is not None:
            return _estimate_sparse(gray, dpi, mask, max_skew, *axis)
    if rgb is not None:
        typed = points(_without_colour(mask, rgb))
        if len(typed[0]) >= MIN_TYPED and len(typed[0]) <= (1 - PEN_PAGE) * len(xs):
            ys, xs = typed
    if len(xs) > 400_000:  # subsample very dense pages for speed
        idx = np.random.default_rng(0).choice(len(xs), 400_000, replace=False)
        xs, ys = xs[idx], ys[idx]
    xs = xs.astype(np.float64)
    ys = ys.astype(np.float64)
    # as scanned (text horizontal) vs turned a quarter (text vertical): the axis whose
    # profile is sharper against its own sweep's median; each is refined to a hundredth of a
    # degree unless its whole-degree sweep already loses by far (``CLEAR_LOSS``)
    forced = horizontal is not None
    a_h, s_h, m_h = _coarse(xs, ys, -max_skew, max_skew)
    a_v, s_v, m_v = _coarse(ys, -xs, -max_skew, max_skew)
    r_h, r_v = s_h / max(m_h, 1e-9), s_v / max(m_v, 1e-9)
    if r_h * CLEAR_LOSS >= r_v or horizontal is True:
        a_h, s_h = _refine(xs, ys, a_h)
        r_h = s_h / max(m_h, 1e-9)
    if r_v * CLEAR_LOSS >= r_h or horizontal is False:
        a_v, s_v = _refine(ys, -xs, a_v)
        r_v = s_v / max(m_v, 1e-9)
    if horizontal is None:
        horizontal = r_h >= r_v
    if not forced and max(r_h, r_v) < AXIS_CLOSE * min(r_h, r_v):
        # the two axes profile about as sharp (a page of pen notes, each at its own angle,
        # sharpened the wrong one at 20°): the direction from each letter to its nearest
        # neighbour tells them apart (both are refined: an axis left whole-degree lost by
        # CLEAR_LOSS, and refining only sharpens the other)
        axis = _letter_axis(mask)
        if axis is not None and axis[1] >= LETTER_AXIS_SURE:
            horizontal = axis[0]
    sharp = max(r_h, r_v)
    skew_conf = float(min(1.0, (sharp - 1.0) / 3.0))
    if horizontal:
        quarter, skew, upright_mask = 0, a_h, mask
    else:
        # text runs vertically: turn the scan a quarter clockwise (rotation 90) as a first guess
        quarter, skew, upright_mask = 90, a_v, turn(mask, 90)
    rotation, rot_conf = _up_or_down(upright_mask, quarter, skew)
    return Geometry(rotation, round(skew, 2), rot_conf, skew_conf)


def _up_or_down(upright_mask: np.ndarray, quarter: int, skew: float) -> tuple[int, float]:
    """(rotation, confidence): ``quarter`` or the half turn from it, by where the marks of the
    mask (turned ``quarter``) sit once it is deskewed."""
    h, w = upright_mask.shape
    m = deskew_matrix(w, h, skew)
    straight = cv2.warpAffine(upright_mask, m, (w, h), flags=cv2.INTER_NEAREST)
    h_med = _median_height(straight)  # the same both ways up
    ev = (
        _up_down_evidence(straight, h_med)
        - _up_down_evidence(np.ascontiguousarray(straight[::-1, ::-1]), h_med)
    ) / 2
    rotation = quarter if ev >= 0 else (quarter + 180) % 360
    return rotation, float(min(1.0, abs(ev) / 0.15))


# a page with fewer text pixels than this (at WORK_DPI) is a few short lines: a continuation
# page, a cover slip; a memo page holds tens of thousands
SPARSE_POINTS = 4000
# letters whose distances to all the others are taken at once
NEIGHBOUR_BLOCK = 256
# degrees between the angles a page of a few lines is first profiled at: the edges of a line
# or two profile sharp within a few tenths of their angle only (one line of a bw scan at
# -2.45° scored 231 at -2.5°, 96 at -2° and 109 at 0°, and was read at 0°)
SPARSE_STEP = 0.25
# letters needed to tell a line's direction by their neighbours
MIN_LETTERS = 3
# how many times longer than wide the letters' spread must be to tell the text's direction
# where their neighbours do not
ELONGATED = 2.0


def _letter_sized(stats: np.ndarray, both_sides: bool = True) -> np.ndarray:
    """Which components (the rows of ``stats`` past the background's) are letters, not their
    marks: at least half as big as the 75th percentile in their longer side and (``both_sides``)
    in their shorter one. (By the longer side alone, the tone mark of ``หน้า``, as wide as sara
    aa is tall, counted as a letter: its nearest letter is the one under it, and a line of
    five letters voted itself upright turned a quarter.)"""
    longer = np.maximum(stats[1:, 2], stats[1:, 3])
    big = longer >= 0.5 * np.percentile(longer, 75)
    if not both_sides:
        return big
    shorter = np.minimum(stats[1:, 2], stats[1:, 3])
    return big & (shorter >= 0.5 * np.percentile(shorter, 75))


def _letter_axis(mask: np.ndarray) -> tuple[bool, float] | None:
    """Whether the text runs across the scan (else down it), and how sure that is, from the
    direction from each letter to its nearest neighbour (letters of a line stand closer than
    lines do: the nearest-neighbour idea of O'Gorman's docstrum); where that vote is close,
    by the way the letters spread (``ELONGATED``). ``None`` for too few letters. A profile
    cannot tell this on a line or two of a few letters: ``หน้า ๒`` at 3° profiled sharper
    turned a quarter."""
    _, _, stats = components(mask)
    if len(stats) - 1 < MIN_LETTERS:
        return None
    body = stats[1:][_letter_sized(stats)]
    if len(body) < MIN_LETTERS:
        return None
    cx = body[:, 0] + body[:, 2] / 2
    cy = body[:, 1] + body[:, 3] / 2
    # each letter's nearest, a block of letters at a time (a page of 3,000 letters would hold
    # three 72 MB matrices at once)
    j = np.empty(len(body), np.intp)
    for k in range(0, len(body), NEIGHBOUR_BLOCK):
        d = np.hypot(cx[k : k + NEIGHBOUR_BLOCK, None] - cx, cy[k : k + NEIGHBOUR_BLOCK, None] - cy)
        d[np.arange(len(d)), np.arange(k, k + len(d))] = np.inf
        j[k : k + len(d)] = np.argmin(d, axis=1)
    across = np.abs(cx[j] - cx) >= np.abs(cy[j] - cy)
    votes = int(across.sum())
    horizontal = 2 * votes >= len(body)
    agree = votes if horizontal else len(body) - votes
    sure = (2 * agree - len(body)) / len(body)
    if sure < LETTER_AXIS_SURE:
        # a near tie (a thin face's letters broken into pieces at WORK_DPI, each piece's
        # nearest the piece above it): a line or two of letters spread far longer along the
        # text than across it, and that way runs the text; the vote's doubt is kept
        wide, tall = float(np.ptp(cx)), float(np.ptp(cy))
        if max(wide, tall) >= ELONGATED * max(min(wide, tall), 1.0):
            horizontal = wide > tall
    return horizontal, sure


def _otsu(values: np.ndarray) -> float:
    t, _ = cv2.threshold(values.astype(np.uint8).reshape(-1, 1), 0, 255, cv2.THRESH_OTSU)
    return float(t)


def _letter_edges(mask: np.ndarray, both_sides: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """(ys, xs) of the top and bottom ink pixel of each column of each letter (a component
    as big as most), where a line's x-height and baseline run; marks left out."""
    n, labels, stats = components(mask)
    if n < 2:
        return np.zeros(0, np.intp), np.zeros(0, np.intp)
    big = np.r_[False, _letter_sized(stats, both_sides)]
    ys, xs = np.nonzero(big[labels])
    lab = labels[ys, xs].astype(np.int64)
    key = lab * mask.shape[1] + xs
    order = np.lexsort((ys, key))
    key, ys, xs = key[order], ys[order], xs[order]
    first = np.r_[True, key[1:] != key[:-1]]
    last = np.r_[key[1:] != key[:-1], True]
    sel = first | last
    return ys[sel], xs[sel]


# the share of a crop's ink pixels (darker than a quarter of the way from ink to paper) that
# its pixels between a quarter and three quarters number, at least, for its edges to be grey:
# an anti-aliased or blurred scan's 0.25–1.4 on the bench's pages of a few lines, a
# black-and-white scan's none
GREY_EDGES = 0.1


def _grey_edges(crop: np.ndarray) -> bool:
    """Whether the letters' edges in ``crop`` (the scan about them) are grey, so that where
    an edge crosses a pixel shows to a fraction of it."""
    ink, paper = np.percentile(crop, 1), np.percentile(crop, 90)
    quarter, three = ink + 0.25 * (paper - ink), ink + 0.75 * (paper - ink)
    dark = int((crop <= quarter).sum())
    return int(((crop > quarter) & (crop < three)).sum()) >= GREY_EDGES * max(dark, 1)


def _sparse_edges(
    crop: np.ndarray, f: float, mask: np.ndarray, horizontal: bool, interpolation: int
) -> tuple[np.ndarray, np.ndarray]:
    """(u, v): the letters' top and bottom edges (``_letter_edges``) in ``crop`` (the scan
    about ``mask``'s letters) scaled by ``f`` (a 200 dpi scan enlarged, its grey edges
    interpolated), along and across the text."""
    grey = cv2.resize(
        crop,
        (max(1, round(crop.shape[1] * f)), max(1, round(crop.shape[0] * f))),
        interpolation=cv2.INTER_AREA if f < 1 else interpolation,
    )
    # the letters' pixels, told from the paper about them: specks a noisy scan shows at this
    # resolution left out
    near = cv2.resize(
        cv2.dilate(mask, np.ones((3, 3), np.uint8)),
        (grey.shape[1], grey.shape[0]),
        interpolation=cv2.INTER_NEAREST,
    )
    fine = near & (grey <= _otsu(grey[near > 0])).astype(np.uint8)
    ys, xs = _letter_edges(fine if horizontal else np.ascontiguousarray(fine.T))
    if len(xs) < 2 * MIN_LETTERS:  # no ink left darker than the paper about it: all of it
        ys, xs = points(mask if horizontal else np.ascontiguousarray(mask.T))
    u, v = xs.astype(np.float64), ys.astype(np.float64)
    if not horizontal:  # the mask was transposed: columns are the scan's rows
        v = -v
    return u, v


# degrees either side of the 300 dpi profile's angle the 600 dpi one is looked for in
FINE_REACH = 0.6
# ... and how many times more, either way, where the sharpest lies at the window's edge
FINE_WIDENINGS = 2
# the share of the sharpest 600 dpi profile's score above which the angles about it set the
# skew, weighed by their excess: a Laksaman ``หน้า ๒``'s bottoms and tops line up two ways a
# few tenths apart, either the sharper (0.34° off where the other was right). On 660 pages of
# ``หน้า ๒`` alone (geometry bench --short-lines, 60 pages each of seeds 1–5, 7, 11, 13, 17,
# 19, 31): pages over 0.3° 29 by the sharpest angle alone, 11 by these and the widenings
# (13 at 0.7, 12 at 0.85), max 0.53 → 0.45°, the seeds' median errors as they were
FINE_SHARE = 0.8


def _estimate_sparse(
    gray: np.ndarray,
    dpi: int,
    mask: np.ndarray,
    max_skew: float,
    horizontal: bool,
    axis_conf: float,
) -> Geometry:
    """A page of a few short lines: the axis by the letters' neighbours (``_letter_axis``); the
    skew by the smooth profile (``_profile_score``) of the letters' top and bottom edges
    (``_sparse_edges``) at 300 dpi, where a 150 dpi profile of all their ink had set four
    letters up to 1.7° off; then, where the scan's edges are grey (``_grey_edges``), at 600
    dpi, enlarged by cubic interpolation, which places an edge to a fraction of the scan's
    pixel, within ``FINE_REACH`` of that angle (further where the sharpest lies at the edge),
    the angles about the sharpest weighed together (``FINE_SHARE``) (``หน้า ๒`` alone: median
    error 0.06–0.075° against 0.085–0.135°, pages over 0.3° 13 of 360 against 35; in black
    and white, whose staircase edges profile sharpest along the scan's own rows at 600 dpi,
    one page was read 0° for 0.48°); up vs down as on any page. The rotation's confidence is
    the lesser of the axis's and the up/down evidence's."""
    # the scan about the letters only: cropped to them with a margin of a few pixels at
    # WORK_DPI
    ys, xs = points(mask)
    y0, x0 = max(0, int(ys.min()) - 4), max(0, int(xs.min()) - 4)
    y1, x1 = int(ys.max()) + 5, int(xs.max()) + 5
    s = dpi / WORK_DPI
    crop = gray[round(y0 * s) : round(y1 * s), round(x0 * s) : round(x1 * s)]
    letters = mask[y0:y1, x0:x1]
    f = 2 * WORK_DPI / dpi
    u, v = _sparse_edges(crop, f, letters, horizontal, cv2.INTER_LINEAR)
    angle, score, median = _coarse(u, v, -max_skew, max_skew, True, SPARSE_STEP)
    angle, score = _refine(u, v, angle, True)
    if _grey_edges(crop):
        u, v = _sparse_edges(crop, 2 * f, letters, horizontal, cv2.INTER_CUBIC)
        size = _profile_size(u, v)
        near = np.arange(angle - FINE_REACH, angle + FINE_REACH + 1e-9, 0.01)
        scores = np.array([_profile_score(u, v, a, size, True) for a in near])
        for _ in range(FINE_WIDENINGS):
            # the sharpest at the window's edge: the 300 dpi angle was more than FINE_REACH off
            # (0.57 and 0.64° on two Laksaman lines), and the window goes on that way
            i = int(np.argmax(scores))
            if 2 <= i < len(near) - 2:
                break
            if i < 2:
                more = np.arange(near[0] - FINE_REACH, near[0] - 0.005, 0.01)
                near = np.r_[more, near]
                scores = np.r_[[_profile_score(u, v, a, size, True) for a in more], scores]
            else:
                more = np.arange(near[-1] + 0.01, near[-1] + FINE_REACH + 1e-9, 0.01)
                near = np.r_[near, more]
                scores = np.r_[scores, [_profile_score(u, v, a, size, True) for a in more]]
        # the angles about the sharpest, each weighed by how far its score passes FINE_SHARE of
        # the sharpest's: four letters' edges may line up two ways a few tenths apart
        weight = np.clip(scores - FINE_SHARE * scores.max(), 0.0, None)
        angle = float((near * weight).sum() / weight.sum())
    quarter = 0 if horizontal else 90
    rotation, rot_conf = _up_or_down(turn(mask, quarter), quarter, angle)
    skew_conf = float(min(1.0, (score / max(median, 1e-9) - 1.0) / 3.0))
    return Geometry(rotation, round(angle, 2), min(rot_conf, axis_conf), skew_conf)


# degrees either way a residual skew is looked for (a pen note's own tilt: ±4°)
RESIDUAL_REACH = 5.0
# a line's profile sharpness for its ink, as a share of the sharpest line's, to count (typed
# headings 0.056–0.071 on the pages of notes looked at, notes read as words 0.020–0.025)
SHARP_LINE = 0.6


def residual_skew(
    ink: np.ndarray, boxes: list[tuple[int, int, int, int]], others: list[tuple[int, int, int, int]]
) -> float | None:
    """The skew left in the lines ``boxes`` of an upright page's ``ink`` (255 = ink), by the
    projection profile of their letters' top and bottom edges (their ink alone, less what
    lies in ``others``' boxes), in the convention of :func:`estimate`; None without ink
    enough. A page of pen notes around a typed line was deskewed by all its ink, the notes
    each at their own angle: its typed line, once told apart, sets it straight. Of several
    lines, those whose own profile is sharp (``SHARP_LINE`` of the sharpest's, for their ink)
    are kept: a typed line is straight and crisp, a note taken for one (read as dictionary
    words) has its words each at a slant of their own."""
    keep = np.zeros(ink.shape, bool)
    for x0, y0, x1, y1 in boxes:
        keep[max(0, y0) : y1, max(0, x0) : x1] = True
    for x0, y0, x1, y1 in others:
        keep[max(0, y0) : y1, max(0, x0) : x1] = False
    lines = []
    for x0, y0, x1, y1 in boxes:
        x0, y0 = max(0, x0), max(0, y0)
        ys, xs = np.nonzero(keep[y0:y1, x0:x1] & (ink[y0:y1, x0:x1] > 0))
        if len(xs) >= 100:
            lines.append((xs + x0, ys + y0))
    if not lines or sum(len(xs) for xs, _ in lines) < 200:
        return None
    if len(lines) > 1:
        sharp = []
        for xs, ys in lines:
            xf, yf = xs.astype(np.float64), ys.astype(np.float64)
            best, _, _ = _coarse(xf, yf, -RESIDUAL_REACH, RESIDUAL_REACH, smooth=True)
            sharp.append(_refine(xf, yf, best, smooth=True)[1] / len(xs) ** 2)
        lines = [ln for ln, s in zip(lines, sharp, strict=True) if s >= SHARP_LINE * max(sharp)]
    # the kept lines' letters' top and bottom edges, where their x-height and baseline run
    # (all their ink set a short bold heading's marks tilting it 0.17° off)
    all_ys = np.concatenate([ys for _, ys in lines])
    all_xs = np.concatenate([xs for xs, _ in lines])
    # (drawn on the lines' extent only: found on the whole page, the letters' components
    # cost ten times as much; the corner is kept even, so the labels come in the same order)
    oy, ox = int(all_ys.min()) & ~1, int(all_xs.min()) & ~1
    kept = np.zeros((int(all_ys.max()) + 1 - oy, int(all_xs.max()) + 1 - ox), np.uint8)
    kept[all_ys - oy, all_xs - ox] = 1
    # (letters told by their longer side, as they were measured on the bench's pages of notes:
    # by both sides, a photocopied memo page that passed for one, its typed lines straight,
    # gave 0.13° and was turned so)
    ey, ex = _letter_edges(kept, both_sides=False)
    ey, ex = ey + oy, ex + ox
    if len(ex) < 2 * MIN_LETTERS:
        ey, ex = all_ys, all_xs
    xf, yf = ex.astype(np.float64), ey.astype(np.float64)
    best, _, _ = _coarse(xf, yf, -RESIDUAL_REACH, RESIDUAL_REACH, smooth=True)
    angle, _ = _refine(xf, yf, best, smooth=True)
    return angle


_TURNS = {
    90: cv2.ROTATE_90_CLOCKWISE,
    180: cv2.ROTATE_180,
    270: cv2.ROTATE_90_COUNTERCLOCKWISE,
}


def turn(img: np.ndarray, rotation: int) -> np.ndarray:
    """``img`` turned ``rotation`` degrees clockwise (a multiple of 90; ``np.rot90``'s pixels,
    at a third of its cost on a colour page)."""
    return cv2.rotate(img, _TURNS[rotation % 360]) if rotation % 360 else img


def deskew_matrix(width: int, height: int, skew: float) -> np.ndarray:
    """The affine matrix that deskews a page of ``width`` × ``height`` by ``skew`` degrees (the
    contract's sign): a rotation by -skew about the page's centre, the canvas kept."""
    return cv2.getRotationMatrix2D((width / 2, height / 2), -skew, 1.0)


def apply(rgb: np.ndarray, g: Geometry) -> np.ndarray:
    """Turn the scan upright, then rotate by -skew about the centre, keeping the canvas."""
    img = turn(rgb, g.rotation)
    if abs(g.skew) >= 0.02:
        h, w = img.shape[:2]
        m = deskew_matrix(w, h, g.skew)
        border = (255, 255, 255) if img.ndim == 3 else 255
        img = cv2.warpAffine(
            img,
            m,
            (w, h),
            flags=cv2.INTER_LINEAR,
            borderMode=cv2.BORDER_CONSTANT,
            borderValue=border,
        )
    return img
