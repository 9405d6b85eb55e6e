"""Split an upright page into regions before OCR.

Finds what is *not* typed text so that OCR sees typed ink only:

* ruled lines, and from them tables (a grid of ≥ 2 rows) and stamp boxes (a small lone frame);
* figures (the emblem, logos): large dense components;
* coloured ink (blue/black-blue pen, purple/red stamp ink) on colour scans, by hue and saturation;
* signatures: large, sparse, thin-stroked scribbles;
* dotted leader lines.

Returns the typed-only grey image for OCR, and the non-typed regions. Lines OCR reads are
later checked again by :mod:`pipeline.handwriting` (grey and black-and-white scans carry no colour).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import cv2
import numpy as np

from pipeline.components import components, painted, points
from pipeline.model import BBox, Cell, Region, RegionKind, bbox_inside


@dataclass
class Layout:
    ocr_gray: np.ndarray  # grey page with non-typed ink, tables and stamps whitened
    clean_gray: np.ndarray  # grey page with rules, leaders and coloured ink whitened (for cells)
    ink: np.ndarray  # uint8 0/255 binarised ink of the whole page
    regions: list[Region] = field(default_factory=list)  # non-typed regions
    hand_mask: np.ndarray | None = None  # coloured pen ink (colour scans only)
    x_height: float = 0.0
    components: np.ndarray | None = None  # (n, 5) x, y, w, h, area of the ink components kept
    # the paper's left and right edge on each row, where a dark border (the scanner's bed)
    # stands beside it; None when none does
    paper: tuple[np.ndarray, np.ndarray] | None = None
    # the boxes of pens' words taken out of the typed lines they were joined to
    pen_words: list[BBox] = field(default_factory=list)


def ocr_ink(lay: Layout) -> np.ndarray:
    """The ink OCR sees: the page's ink less what layout hid (figures, signatures, colour ink)."""
    return cv2.bitwise_and(lay.ink, cv2.threshold(lay.ocr_gray, 254, 255, cv2.THRESH_BINARY_INV)[1])


def otsu_ink(gray: np.ndarray) -> np.ndarray:
    """The page's dark pixels by Otsu's global threshold; 255 = dark."""
    return cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)[1]


def binarise(gray: np.ndarray, dpi: int, otsu: np.ndarray | None = None) -> np.ndarray:
    """Adaptive (local) threshold that keeps thin Thai marks, where Otsu's threshold finds dark
    too; 255 = ink.

    (A Gaussian mean taken at half scale costs a third, and changes 0.01–0.04 % of the ink
    pixels; enough to change what Tesseract reads on a few lines: wider-corpus dates fell
    from 99.1 to 96.4 %. The exact mean stays.) The mean is taken only near Otsu's dark: in
    bands of ``BAND`` rows, over each run of columns that holds some, with the filter's reach
    around it (the fixed-point filter gives each pixel the same mean in a crop as in the
    page, and a crop's edge on the page's edge repeats it as the page does). A page is mostly
    paper, and this is half the cost. ``otsu``: :func:`otsu_ink` of ``gray``, where the caller
    has it already."""
    block = max(15, int(dpi / 6) | 1)
    reach = block // 2
    dark = otsu_ink(gray) if otsu is None else otsu
    h, w = gray.shape
    ink = np.zeros_like(gray)
    for y0 in range(0, h, BAND):
        y1 = min(h, y0 + BAND)
        xs = np.flatnonzero(cv2.reduce(dark[y0:y1], 0, cv2.REDUCE_MAX).ravel())
        if not len(xs):
            continue
        # runs of dark columns, joined across gaps too narrow to pay for a crop of their own
        gaps = np.flatnonzero(np.diff(xs) > 4 * reach)
        ya, yb = max(0, y0 - reach), min(h, y1 + reach)
        for x0, x1 in zip(np.r_[xs[0], xs[gaps + 1]], np.r_[xs[gaps], xs[-1]] + 1, strict=True):
            xa, xb = max(0, x0 - reach), min(w, x1 + reach)
            local = cv2.adaptiveThreshold(
                gray[ya:yb, xa:xb],
                255,
                cv2.ADAPTIVE_THRESH_GAUSSIAN_C,
                cv2.THRESH_BINARY_INV,
                block,
                18,
            )
            ink[y0:y1, x0:x1] = local[y0 - ya : y1 - ya, x0 - xa : x1 - xa]
    return cv2.bitwise_and(ink, dark)


BAND = 256  # rows of the page binarised at a time


_FRINGE = np.ones((3, 3), np.uint8)  # the grey fringe OCR keeps around ink
# what is cleared with a rule: the rows (columns) beside it, where a deskewed rule steps by a
# pixel and its grey fringe lies
_H_BAND = np.ones((5, 3), np.uint8)
_V_BAND = np.ones((3, 5), np.uint8)

SMALL = 4  # connected components that only need to be found, not measured, at 1/4 scale


def _shrink(mask: np.ndarray, sparse: bool = False) -> np.ndarray:
    """A binary mask (0/255) at 1/``SMALL`` scale: a cell is set when any pixel of it is.

    (A page whose sides are whole cells, as a 300 dpi A4 page's are, has its cells' pixels
    or-ed together, rows then columns: the same cells as the area resize's, in a third of
    its time; a ``sparse`` mask, rules or colour ink, only within the cells that hold its box.)"""
    h, w = mask.shape
    if sparse and SMALL == 4 and not (h | w) % SMALL:
        out = np.zeros((h // SMALL, w // SMALL), np.uint8)
        x, y, bw, bh = cv2.boundingRect(mask)
        if bw:
            x0, y0 = x // SMALL, y // SMALL
            x1, y1 = -(-(x + bw) // SMALL), -(-(y + bh) // SMALL)
            out[y0:y1, x0:x1] = _shrink(mask[y0 * SMALL : y1 * SMALL, x0 * SMALL : x1 * SMALL])
        return out
    if SMALL == 4 and not (h | w) % SMALL:
        rows = cv2.bitwise_or(
            cv2.bitwise_or(mask[0::4], mask[1::4]), cv2.bitwise_or(mask[2::4], mask[3::4])
        )
        cells = cv2.bitwise_or(
            cv2.bitwise_or(rows[:, 0::4], rows[:, 1::4]),
            cv2.bitwise_or(rows[:, 2::4], rows[:, 3::4]),
        )
        return cv2.threshold(cells, 0, 255, cv2.THRESH_BINARY)[1]
    small = cv2.resize(mask, (max(1, w // SMALL), max(1, h // SMALL)), interpolation=cv2.INTER_AREA)
    return (small > 0).astype(np.uint8) * 255


def _grow_box(stat: np.ndarray, shape: tuple[int, ...]) -> BBox:
    """A component's box found at 1/``SMALL`` scale, in full-scale pixels (never smaller than
    the ink)."""
    x, y, w, h = (int(v) for v in stat[:4])
    return (
        max(0, x * SMALL - 1),
        max(0, y * SMALL - 1),
        min(shape[1], (x + w) * SMALL + SMALL),
        min(shape[0], (y + h) * SMALL + SMALL),
    )


def border_mask(gray: np.ndarray, dark: np.ndarray) -> np.ndarray:
    """Dark areas joined to the image edge and large: scanner borders, the bed beyond the paper.

    Found at 1/4 scale (a border is large), then cut back to the dark pixels (``dark``:
    :func:`otsu_ink` of ``gray``) at full scale."""
    small = _shrink(dark)
    n, labels, stats = components(small)
    h, w = small.shape
    x, y, bw, bh = stats[:, 0], stats[:, 1], stats[:, 2], stats[:, 3]
    touches = (x <= 1) | (y <= 1) | (x + bw >= w - 1) | (y + bh >= h - 1)
    big = (bw > w * 0.2) | (bh > h * 0.2)
    drop = touches & big
    drop[0] = False
    out = np.zeros_like(gray)
    if drop.any():
        near = cv2.resize(
            drop[labels].astype(np.uint8) * 255,
            (gray.shape[1], gray.shape[0]),
            interpolation=cv2.INTER_NEAREST,
        )
        near = cv2.dilate(near, np.ones((2 * SMALL + 1, 2 * SMALL + 1), np.uint8))
        # ... its solid dark only: at the coarse scale a dark band across the scan joins the
        # thin strokes near it (a stamp's frame, the digits under it, a dotted leader), which
        # the opening leaves out
        bx, by, rw, rh = cv2.boundingRect(near)
        box = (slice(by, by + rh), slice(bx, bx + rw))
        solid = cv2.morphologyEx(dark[box], cv2.MORPH_OPEN, np.ones((SOLID, SOLID), np.uint8))
        out[box] = cv2.dilate(cv2.bitwise_and(solid, near[box]), np.ones((7, 7), np.uint8))
    return out


def paper_edges(border: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """The paper's (left, right) edge on each row of a page whose ``border`` (:func:`border_mask`)
    stands beside it: the first column of the border in the page's right half, and the one
    after its last in the left half (0 and the width where a row has none); None when the page
    has no border."""
    if not border.any():
        return None
    height, width = border.shape
    half = width // 2
    right = border[:, half:] > 0
    left = border[:, :half][:, ::-1] > 0
    return (
        np.where(left.any(axis=1), half - left.argmax(axis=1), 0),
        np.where(right.any(axis=1), half + right.argmax(axis=1), width),
    )


SOLID = 11  # pixels across that dark must be to be a border (text strokes and rules are thinner)

PUNCH_MM = (4.0, 10.0)  # a punch hole's diameter, least and most
PUNCH_FILL = 0.65  # share of its box a solid round blob fills (a disc: 0.79)
SIDE_MARGIN = 0.15  # of the page's width: the side margins where holes are punched


def punch_holes(dark: np.ndarray, dpi: int) -> np.ndarray:
    """Punch holes scanned dark: solid round blobs 4–10 mm across in the page's side margins
    (``dark``: :func:`otsu_ink`). The adaptive threshold sees only a solid blob's rim, a ring
    the engine reads as ``๑`` or ``O`` and joins to the line beside it, which then looks like
    a pen's (``๙๔๗ บาท`` was taken for handwriting, and its words lost from the typed text)."""
    out = np.zeros_like(dark)
    mm = dpi / 25.4
    lo, hi = PUNCH_MM[0] * mm, PUNCH_MM[1] * mm
    band = int(dark.shape[1] * SIDE_MARGIN)
    for x0 in (0, dark.shape[1] - band):
        n, labels, stats = components(dark[:, x0 : x0 + band])
        bw, bh, area = stats[:, 2], stats[:, 3], stats[:, 4]
        hole = (
            (bw >= lo)
            & (bw <= hi)
            & (bh >= lo)
            & (bh <= hi)
            & (np.abs(bw - bh) <= 0.2 * np.maximum(bw, bh))
            & (area >= PUNCH_FILL * bw * bh)
        )
        hole[0] = False
        for i in np.flatnonzero(hole):
            x, y, w, h = (int(v) for v in stats[i, :4])
            own = labels[y : y + h, x : x + w] == i
            out[y : y + h, x0 + x : x0 + x + w][own] = 255
    return cv2.dilate(out, np.ones((7, 7), np.uint8)) if out.any() else out


def dilate_sparse(mask: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """``cv2.dilate(mask, kernel)`` (centred kernel) for a mask with little set (rules, their
    cores): done within the box of what is set only, the same pixels at a fraction of the cost."""
    return _within_ink(mask, kernel, cv2.dilate)


def _within_ink(
    mask: np.ndarray, kernel: np.ndarray, op: Callable[[np.ndarray, np.ndarray], np.ndarray]
) -> np.ndarray:
    """``op(mask, kernel)`` (a centred morphology: dilation, erosion) done within the box of
    what is set and a kernel around it: beyond that box both are empty, and a pixel inside sees
    the same neighbours, or the mask's edge as before."""
    out = np.zeros_like(mask)
    x, y, w, h = cv2.boundingRect(mask)
    if w and h:
        kh, kw = kernel.shape
        y0, y1 = max(0, y - kh), min(mask.shape[0], y + h + kh)
        x0, x1 = max(0, x - kw), min(mask.shape[1], x + w + kw)
        out[y0:y1, x0:x1] = op(mask[y0:y1, x0:x1], kernel)
    return out


def _rules(ink: np.ndarray, dpi: int) -> tuple[np.ndarray, np.ndarray]:
    """Horizontal and vertical rules: the ink's openings by a line a third of an inch long
    (the erosion leaves a rule's core only, so its dilation back is done where that is)."""
    klen = max(20, int(dpi * 0.35))
    out = []
    for size in ((klen, 1), (1, klen)):
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, size)
        out.append(dilate_sparse(_erode_within(ink, kernel), kernel))
    return out[0], out[1]


def _erode_within(mask: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """``cv2.erode(mask, kernel)`` within the box of the mask's ink: a page's text lies within
    its margins."""
    return _within_ink(mask, kernel, cv2.erode)


def _line_positions(profile: np.ndarray, min_len: float) -> list[int]:
    idx = np.nonzero(profile >= min_len)[0]
    if len(idx) == 0:
        return []
    groups, start, prev = [], idx[0], idx[0]
    for v in idx[1:]:
        if v > prev + 3:
            groups.append((start + prev) // 2)
            start = v
        prev = v
    groups.append((start + prev) // 2)
    return [int(g) for g in groups]


def find_frames(
    horiz: np.ndarray, vert: np.ndarray, rules: np.ndarray, dpi: int
) -> list[tuple[BBox, list[int], list[int]]]:
    """Ruled frames: (bbox, row line ys, column line xs); ``rules`` is both kinds together."""
    grid = cv2.dilate(_shrink(rules, sparse=True), np.ones((3, 3), np.uint8))
    n, _, stats = components(grid)
    out = []
    for i in range(1, n):
        x0, y0, x1, y1 = _grow_box(stats[i], horiz.shape)
        x, y, w, h = x0, y0, x1 - x0, y1 - y0
        if w < dpi * 0.8 or h < dpi * 0.3:
            continue
        hsub = horiz[y : y + h, x : x + w]
        vsub = vert[y : y + h, x : x + w]
        rows = _line_positions((hsub > 0).sum(axis=1), w * 0.5)
        cols = _line_positions((vsub > 0).sum(axis=0), h * 0.5)
        if len(rows) >= 2 and len(cols) >= 2:
            out.append(
                (
                    (int(x), int(y), int(x + w), int(y + h)),
                    [y + r for r in rows],
                    [x + c for c in cols],
                )
            )
    return out


# share of a grid edge a rule must run along for the two cells beside it to be apart; under
# it they are one cell spanning both (a heading over several columns, a row heading over
# two rows); between the two, a rule broken by the scan, they stay apart
RULE_ABSENT = 0.15


def table_cells(
    rows: list[int], cols: list[int], horiz: np.ndarray, vert: np.ndarray, dpi: int
) -> list[Cell]:
    """The cells of a ruled table whose rules run at ``rows`` (ys) and ``cols`` (xs): each
    cell of the grid, or, where no rule runs between grid cells (``RULE_ABSENT``), one cell
    spanning them (``row_span``, ``col_span``), as a merged heading is printed: read as a
    grid, its text was cut at rules that are not there (a row heading over two rows read as
    ``52`` and ``บมบเฮอเบเเเซ``). A merge that would not make a rectangle is left as grid
    cells."""
    nr, nc = len(rows) - 1, len(cols) - 1
    reach = max(2, dpi // 100)  # a rule's half width, and a deskewed rule's step or two

    def ruled(mask: np.ndarray, at: int, lo: int, hi: int, across: bool) -> float:
        m = max(reach + 1, (hi - lo) // 10)  # clear of the crossing rules at the edge's ends
        if hi - lo <= 2 * m:
            return 1.0
        if across:  # a horizontal rule at y = at, from x = lo to hi
            band = mask[max(0, at - reach) : at + reach + 1, lo + m : hi - m]
            return float((band > 0).any(axis=0).mean())
        band = mask[lo + m : hi - m, max(0, at - reach) : at + reach + 1]
        return float((band > 0).any(axis=1).mean())

    parent = list(range(nr * nc))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(nr):
        for c in range(nc):
            if c + 1 < nc and ruled(vert, cols[c + 1], rows[r], rows[r + 1], False) < RULE_ABSENT:
                parent[root(r * nc + c + 1)] = root(r * nc + c)
            if r + 1 < nr and ruled(horiz, rows[r + 1], cols[c], cols[c + 1], True) < RULE_ABSENT:
                parent[root((r + 1) * nc + c)] = root(r * nc + c)
    groups: dict[int, list[tuple[int, int]]] = {}
    for r in range(nr):
        for c in range(nc):
            groups.setdefault(root(r * nc + c), []).append((r, c))
    cells = []
    for members in groups.values():
        r0, r1 = min(r for r, _ in members), max(r for r, _ in members)
        c0, c1 = min(c for _, c in members), max(c for _, c in members)
        if len(members) == (r1 - r0 + 1) * (c1 - c0 + 1):
            box = (cols[c0], rows[r0], cols[c1 + 1], rows[r1 + 1])
            cells.append(Cell(r0, c0, box, row_span=r1 - r0 + 1, col_span=c1 - c0 + 1))
        else:
            cells += [Cell(r, c, (cols[c], rows[r], cols[c + 1], rows[r + 1])) for r, c in members]
    return sorted(cells, key=lambda cell: (cell.row, cell.col))


MIN_STAMP_CHROMA = 40  # purple and red stamp inks: 80 and more; tinted black ink: about 20


def paper_cast(rgb: np.ndarray, ink: np.ndarray) -> np.ndarray:
    """How far each channel of the paper (the median of a grid of pixels off the ``ink``) falls
    short of its brightest channel: a scan's colour cast, (0, 0, 0) on neutral paper."""
    step = max(1, int(np.sqrt(ink.size / 40_000)))
    paper = rgb[::step, ::step][ink[::step, ::step] == 0]
    if len(paper) < 100:
        return np.zeros(3, np.int16)
    level = np.median(paper, axis=0)
    return (level.max() - level).round().astype(np.int16)


def colour_masks(
    rgb: np.ndarray, ink: np.ndarray, cast: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Pen ink (blue) and stamp ink (purple/red) among the ink pixels.

    The paper's colour cast is taken out of the ink first: a scan whose channels are offset
    (paper 242, 247, 253) gives black type the same offset, and in its dark and grey pixels a
    dozen levels is a blue pen's saturation (a page of type was taken for pen notes).
    ``cast``: that cast (``paper_cast``), where the caller has it."""
    # only the ink pixels are converted (a few per cent of the page)
    ys, xs = points(ink)
    if not len(ys):  # a blank page (the back of a sheet scanned in colour)
        return np.zeros_like(ink), np.zeros_like(ink)
    px = rgb[ys, xs]
    if cast is None:
        cast = paper_cast(rgb, ink)
    if cast.any():
        px = np.clip(px.astype(np.int16) + cast, 0, 255).astype(np.uint8)
    hsv = cv2.cvtColor(np.ascontiguousarray(px[:, None, :]), cv2.COLOR_RGB2HSV)[:, 0]
    hue, sat, val = hsv[:, 0], hsv[:, 1], hsv[:, 2]
    coloured = (sat > 70) & (val > 40)
    blue = np.zeros_like(ink)
    stamp = np.zeros_like(ink)
    sel = coloured & (hue >= 95) & (hue <= 128)
    blue[ys[sel], xs[sel]] = 255
    # stamp ink has real colour in it; the darkest pixels of a black pen with a faint purple
    # cast are "saturated" too, though their channels differ by a few levels only (a pen's
    # blue may be as faint: a real ballpoint's dark strokes differ by 20 levels, and a pen is
    # what they are either way)
    chroma = sat.astype(np.int32) * val.astype(np.int32) // 255  # max - min of R, G, B
    sel = coloured & ((hue < 12) | (hue > 128)) & (chroma >= MIN_STAMP_CHROMA)
    stamp[ys[sel], xs[sel]] = 255
    return (
        cv2.bitwise_and(dilate_sparse(blue, _FRINGE), ink),
        cv2.bitwise_and(dilate_sparse(stamp, _FRINGE), ink),
    )


CROSSING_GAP = 9  # pixels of a cleared stroke (pen, with its fringe) a letter is mended across
_CROSSING_KERNEL = np.ones((CROSSING_GAP, CROSSING_GAP), np.uint8)


def _crossings(
    ink: np.ndarray, pen: np.ndarray, kernel: np.ndarray = _CROSSING_KERNEL
) -> np.ndarray:
    """The pixels of coloured strokes (``pen``) that lie across black ink: where closing the
    black ink over a stroke's width (``kernel``) joins it up again (none on a page without
    such ink). Masks of 0 and 255."""
    if not pen.any():
        return pen
    black = cv2.bitwise_and(ink, cv2.bitwise_not(pen))
    closed = cv2.morphologyEx(black, cv2.MORPH_CLOSE, kernel)
    return cv2.bitwise_and(cv2.bitwise_and(closed, pen), cv2.bitwise_not(black))


def _letters_on_rules(
    ink: np.ndarray,
    rules_box: tuple[int, int, int, int],
    horiz: np.ndarray,
    vert: np.ndarray,
    clear: np.ndarray,
    xh: float,
) -> tuple[int, int, np.ndarray] | None:
    """The rule pixels a typed letter stands on: where a rule (a stamp's frame, an underline)
    runs along the tops or feet of a line's letters, clearing it cuts their strokes (``๖``
    loses its tail and reads ``๐``, ``๒`` its loop and reads ``๓``). A letter's stroke that
    reaches the cleared band keeps the band's ink, in its own columns (or rows, for a vertical
    rule), ``RULE_REACH`` of the x-height into it: (x, y, mask) of those pixels, or None.

    A letter is ink left of the band at least ``LETTER_ON_RULE`` of the x-height tall and wide
    (what the opening leaves of a rule that steps is a pixel or two thin) and at most
    ``LETTER_MAX`` of it (a signature's loops on its stroke are no letters). ``rules_box``:
    the box (x, y, w, h) of the page's rules, ``horiz`` and ``vert``; ``clear``: all that is
    cleared with them (each rule's band is found again within the box: held for the whole page,
    the two would add to the page's peak memory)."""
    bx, by, bw, bh = rules_box
    pad = int(xh) + 4
    y0, x0 = max(0, by - pad), max(0, bx - pad)
    y1, x1 = min(ink.shape[0], by + bh + pad), min(ink.shape[1], bx + bw + pad)
    band = clear[y0:y1, x0:x1] > 0
    ruled = (ink[y0:y1, x0:x1] > 0) & band
    if not ruled.any():
        return None
    rest = ((ink[y0:y1, x0:x1] > 0) & ~band).astype(np.uint8)
    n, labels, stats = components(rest)
    big = (stats[:, 3] >= LETTER_ON_RULE * xh) & (stats[:, 2] >= LETTER_ON_RULE * xh / 2)
    # ... and no larger than a letter with its marks (a signature's loops stand on its stroke)
    big &= (stats[:, 3] <= LETTER_MAX * xh) & (stats[:, 2] <= LETTER_MAX * xh)
    big[0] = False
    if not big.any():
        return None
    reach = max(2, int(RULE_REACH * xh))
    gap = max(3, int(STROKE_GAP * xh)) | 1
    bands = [
        (cv2.dilate(r[y0:y1, x0:x1], k) > 0) & ruled for r, k in ((horiz, _H_BAND), (vert, _V_BAND))
    ]
    # which components reach each direction's band (a frame's rounded corner reaches both: it
    # is the frame's, no letter)
    touch = [
        np.isin(np.arange(n), labels[(cv2.dilate(b.astype(np.uint8), _FRINGE) > 0) & (rest > 0)])
        for b in bands
    ]
    kept = np.zeros(rest.shape, np.uint8)
    for i, across in enumerate(
        (np.ones((2 * reach + 1, 1), np.uint8), np.ones((1, 2 * reach + 1), np.uint8))
    ):
        own = bands[i].astype(np.uint8)
        letters = big & touch[i] & ~touch[1 - i]
        if not letters.any():
            continue
        # their pixels at the band's edge, carried across the band along the rule's direction
        edge = cv2.bitwise_and(painted(labels, stats, letters), cv2.dilate(own, _FRINGE))
        carried = cv2.bitwise_and(cv2.dilate(edge, across), own)
        cv2.bitwise_or(kept, edge, dst=kept)  # (a coloured rule's fringe would take it)
        # ... and between two strokes of a letter a gap apart (the top of ``๒``'s loop, of
        # ``ร``, lies along the rule), within the letter's own columns (rows): never across
        # the gap between two letters, which would join them
        along = np.ones((1, gap) if i == 0 else (gap, 1), np.uint8)
        closed = cv2.morphologyEx(carried, cv2.MORPH_CLOSE, along)
        spans = np.zeros(rest.shape[1 - i], np.uint8)
        for j in np.flatnonzero(letters):
            a, w = int(stats[j, i]), int(stats[j, 2 + i])
            spans[a : a + w] = 1
        closed = cv2.bitwise_and(
            closed,
            np.broadcast_to(spans[None, :] if i == 0 else spans[:, None], closed.shape).copy(),
        )
        cv2.bitwise_or(kept, cv2.bitwise_and(closed, own), dst=kept)
        core = (horiz if i == 0 else vert)[y0:y1, x0:x1]
        if i == 0:
            along = _thicker_than_rule(own, core, spans, RULE_LONG * xh)
            kept[along == 1] = 1
            kept[along == 2] = 0
        # (last: a stroke through the rule keeps the rule's rows it crosses, though the ink
        # it lays beyond them, a stem's tip, is too thin for ``_thicker_than_rule``)
        through = _through_strokes(
            own, ink[y0:y1, x0:x1], core, painted(labels, stats, letters), i, xh
        )
        kept[through > 0] = THROUGH
    return (x0, y0, kept) if kept.any() else None


# of the x-height: the widest band a stroke through a rule is carried across
THROUGH_REACH = 0.3
THROUGH = 2  # a pixel ``_letters_on_rules`` keeps as a stroke's through a rule (others: 1)


def _through_strokes(
    own: np.ndarray, ink: np.ndarray, core: np.ndarray, letters: np.ndarray, axis: int, xh: float
) -> np.ndarray:
    """The band's pixels (``own``: a rule's cleared band where it holds ink) that a letter's
    stroke crosses: ink off the rule (``core``, the rule itself) against it on both sides in
    the same columns (rows, for a vertical rule, ``axis`` 1), one side a letter's
    (``letters``), the rule no wider than ``THROUGH_REACH`` of the x-height. A frame's line
    over a line of digits' heads cuts the stems of ``๒`` and ``๗`` that rise through it, their
    tips above it specks inside the band: carried ``RULE_REACH`` into the band, the stems
    stopped short of the rule (``๒๕๗๗`` read ``๓๕๓๓``, seed 86). (Worked out in the box of
    the letters and the reach along the rule's cross: nothing farther can be kept.)"""
    out = np.zeros(own.shape, np.uint8)
    x, y, w, h = cv2.boundingRect(letters)
    if not w:
        return out
    reach = max(3, int(THROUGH_REACH * xh))
    pad = 3 * reach + 2
    px, py = (1, pad) if axis == 0 else (pad, 1)
    box = (
        slice(max(0, y - py), min(own.shape[0], y + h + py)),
        slice(max(0, x - px), min(own.shape[1], x + w + px)),
    )
    out[box] = _through_in(own[box], ink[box], core[box], letters[box], axis, reach)
    return out


def _through_in(
    own: np.ndarray, ink: np.ndarray, core: np.ndarray, letters: np.ndarray, axis: int, reach: int
) -> np.ndarray:
    c = core > 0
    off = (ink > 0) & ~c
    side_a, side_b = np.zeros_like(c), np.zeros_like(c)
    if axis == 0:  # a horizontal rule: ink right above it and right below it
        side_a[:-1] = off[:-1] & c[1:]
        side_b[1:] = off[1:] & c[:-1]
    else:
        side_a[:, :-1] = off[:, :-1] & c[:, 1:]
        side_b[:, 1:] = off[:, 1:] & c[:, :-1]
    k = np.ones((2 * reach + 1, 1) if axis == 0 else (1, 2 * reach + 1), np.uint8)
    # (a letter's side: its stroke's ink in the band's margin, next to the letter itself)
    lettered = cv2.dilate(letters, k) > 0
    out = np.zeros(c.shape, np.uint8)
    for a, b in ((side_a & lettered, side_b), (side_b & lettered, side_a)):
        if a.any() and b.any():
            both = cv2.bitwise_and(
                cv2.dilate(a.astype(np.uint8), k), cv2.dilate(b.astype(np.uint8), k)
            )
            # (the stroke's ink beside the band too: a coloured rule's clearing reaches a row
            # or two past it, and left a gap across the stem)
            cv2.bitwise_or(out, cv2.bitwise_and(both, cv2.bitwise_or(own, ink)), dst=out)
    return out


def _pen_rule_pieces(
    labels: np.ndarray,
    stats: np.ndarray,
    clear: np.ndarray,
    pen: np.ndarray,
    rules_box: tuple[int, int, int, int],
    frames: list[BBox],
    xh: float,
) -> np.ndarray:
    """Which components (a boolean per label) are the pieces the rules' opening left of a
    signature's underline: its straight parts were taken for rules and cleared; the thin
    pieces between them and at its ends (at most ``_PEN_RULE_END`` of an x-height high, no
    narrower) stayed over the name under it and were read as marks (``(นางวราภรณ์`` read
    ``วิราภรณ์``, seed 83; ``นภาพร`` read ``น์ภาพร``, seed 83). Such a piece is joined,
    through rules' cleared bands and other such pieces, to the ``pen`` mask's ink (a
    signature, a figure, a line drawn by hand), within the rules' box and outside tables' and
    stamps' ``frames`` (a stamp's frame, stepping on a skewed page, leaves a row of such pieces,
    and a signature inside it is no underline)."""
    ends = np.zeros(len(stats), bool)
    bx, by, bw, bh = rules_box
    y0, x0 = max(0, by - 2), max(0, bx - 2)
    y1, x1 = min(clear.shape[0], by + bh + 2), min(clear.shape[1], bx + bw + 2)
    drawn = pen[y0:y1, x0:x1] > 0
    if not drawn.any():
        return ends
    thin = (stats[:, 3] <= _PEN_RULE_END * xh) & (stats[:, 2] >= stats[:, 3])
    thin[0] = False
    frame = labels[y0:y1, x0:x1]
    pieces = thin[frame]
    joins = (clear[y0:y1, x0:x1] > 0) | drawn | pieces
    for fx0, fy0, fx1, fy1 in frames:
        joins[
            max(0, fy0 - y0 - 2) : max(0, fy1 - y0 + 2), max(0, fx0 - x0 - 2) : max(0, fx1 - x0 + 2)
        ] = 0
    _, joined = cv2.connectedComponents(joins.astype(np.uint8), connectivity=8)
    touched = np.unique(joined[drawn])
    ends[np.unique(frame[pieces & np.isin(joined, touched[touched > 0])])] = True
    return ends


def _thicker_than_rule(
    own: np.ndarray, core: np.ndarray, spans: np.ndarray, min_len: float
) -> np.ndarray:
    """The ink a letter lays along a horizontal rule at least ``min_len`` long, in the columns
    of letters on it (``spans``): 1 where kept, 2 where the rule's rows are not the letter's. In
    a column where the band's ink (``own``, 0/1) is thicker than the rule itself (``core``: its
    opening) by two rows or more, the rows beyond the rule are the letter's (a digit's top under
    a stamp's frame, ``7``'s bar, ``0``'s arc, which the carried strokes do not reach: read
    ``/`` and ``U``); where two rows or more stand on both sides, the letter crosses the rule,
    whose rows there are the letter's too; where they stand on one side only, the letter stands
    against the rule, and a stroke carried into its rows would leave a tick of it."""
    out = np.zeros_like(own)
    n, labels, stats = components(own)
    for k in range(1, n):
        x, y, w, h = (int(v) for v in stats[k, :4])
        if h < 2 or w < min_len:  # (a signature's straight stroke is no frame's rule)
            continue
        sub = labels[y : y + h, x : x + w] == k
        rows = (core[y : y + h, x : x + w] > 0) & sub
        along = rows.any(axis=0)
        if not along.any():
            continue
        thickness = float(np.median(rows.sum(axis=0)[along]))
        fat = along & (sub.sum(axis=0) >= thickness + 2) & (spans[x : x + w] > 0)
        if not fat.any():
            continue
        r = np.arange(h)[:, None]
        top = np.where(along, rows.argmax(axis=0), h)
        bottom = np.where(along, h - 1 - rows[::-1].argmax(axis=0), -1)
        beyond = sub & ((r < top) | (r > bottom))
        above = (beyond & (r < top)).sum(axis=0) >= 2
        below = (beyond & (r > bottom)).sum(axis=0) >= 2
        crossing = fat & above & below
        out[y : y + h, x : x + w][(beyond & fat) | (sub & crossing)] = 1
        # a letter that only stands against the rule keeps its own ink, not the rule's rows
        # (the strokes carried into the band would leave a tick of the rule over it)
        out[y : y + h, x : x + w][rows & (fat & ~crossing)] = 2
    return out


LETTER_ON_RULE = 0.3
LETTER_MAX = 2.5  # of the x-height: the largest a typed letter's component is, either way
# of the x-height: how far into a rule's band a letter's stroke is carried (the band's margin and
# a row or two of the rule: ink on the far side is another's, a signature's loop over a name)
RULE_REACH = 0.12
STROKE_GAP = 0.5  # of the x-height: strokes of one letter on a rule at most this far apart
RULE_LONG = 8  # x-heights: a frame's or a form's rule, along which letters keep their ink


def _groups(mask: np.ndarray, dpi: int, kx: float = 0.12, ky: float = 0.05) -> list[BBox]:
    k = cv2.getStructuringElement(
        cv2.MORPH_RECT, (max(3, int(dpi * kx / SMALL)), max(3, int(dpi * ky / SMALL)))
    )
    blobs = cv2.dilate(_shrink(mask, sparse=True), k)
    n, _, stats = components(blobs)
    out = []
    for i in range(1, n):
        box = _grow_box(stats[i], mask.shape)
        if (box[2] - box[0]) * (box[3] - box[1]) < (dpi * 0.04) ** 2:
            continue
        out.append(box)
    return out


# A group of blue pixels that is less than this share of the ink in its box, and whose ink is
# no more colourful than the page's other ink (the median chroma) by more than ``PEN_CHROMA``
# levels, is the type's own tint, not a pen: a colour scan's noise and JPEG's colour leave
# blue pixels scattered over black type, and each had become a handwritten region (a hundred
# on one page, read as ``vs`` and ``Linker``) and been cleared from the typed line it lay on
# (a year's last digit lost). On eight such generated pages those groups' ink was within 3.5
# of the page's; an election form's violet ballpoint word with a tenth of its pixels blue, 12.
PEN_SHARE = 0.2
PEN_CHROMA = 3.0
_CHROMA_SAMPLE = 50_000  # ink pixels enough for the page's chroma


def _chromas(px: np.ndarray, cast: np.ndarray) -> np.ndarray:
    """The chroma (the brightest channel less the darkest) of each of the RGB pixels ``px``
    (n, 3), the paper's ``cast`` taken out."""
    c = px.astype(np.int16) + cast
    return c.max(axis=1) - c.min(axis=1)  # type: ignore[no-any-return]


def pen_groups(
    rgb: np.ndarray, ink: np.ndarray, blue: np.ndarray, dpi: int, cast: np.ndarray | None = None
) -> tuple[np.ndarray, list[BBox]]:
    """The pen's strokes among the ``blue`` pixels: (the mask of those kept, their groups'
    boxes), the type's tint left out (``PEN_SHARE``); ``cast``: the paper's (``paper_cast``),
    where the caller has it."""
    boxes = _groups(blue, dpi)
    if not boxes:
        return blue, boxes
    if cast is None:
        cast = paper_cast(rgb, ink)
    ys, xs = points(cv2.bitwise_and(ink, cv2.bitwise_not(blue)))
    if not len(ys):
        return blue, boxes
    step = max(1, len(ys) // _CHROMA_SAMPLE)
    page = float(np.median(_chromas(rgb[ys[::step], xs[::step]], cast)))
    kept = np.zeros_like(blue)
    pens = []
    for b in boxes:
        x0, y0, x1, y1 = b
        box_ink = ink[y0:y1, x0:x1] > 0
        box_blue = blue[y0:y1, x0:x1]
        share = int(np.count_nonzero(box_blue)) / max(1, int(np.count_nonzero(box_ink)))
        chroma = float(np.mean(_chromas(rgb[y0:y1, x0:x1][box_ink], cast)))
        if share < PEN_SHARE and chroma - page <= PEN_CHROMA:
            continue
        pens.append(b)
        np.maximum(kept[y0:y1, x0:x1], box_blue, out=kept[y0:y1, x0:x1])
    return kept, pens


def _leader_dots(stats: np.ndarray, xh: float) -> np.ndarray:
    """Components that are dots of a dotted leader line (≥ 6 small round dots evenly in a row)."""
    w, h, area = stats[:, 2], stats[:, 3], stats[:, 4]
    small = (w <= xh * 0.35) & (h <= xh * 0.35) & (w >= 1) & (np.abs(w - h) <= 2) & (area >= 2)
    idx = np.nonzero(small)[0]
    out = np.zeros(len(stats), bool)
    if len(idx) < 6:
        return out
    cy = stats[idx, 1] + stats[idx, 3] / 2.0
    idx = idx[np.argsort(cy, kind="stable")]
    cy = np.sort(cy, kind="stable")
    # rows: consecutive dots (by centre height) no more than 3 px apart
    rows: list[list[int]] = [[int(idx[0])]]
    for j in range(1, len(idx)):
        if cy[j] - cy[j - 1] <= 3:
            rows[-1].append(int(idx[j]))
        else:
            rows.append([int(idx[j])])
    for row in rows:
        if len(row) < 6:
            continue
        row.sort(key=lambda k: stats[k, 0])
        run = [row[0]]
        for a, b in zip(row[:-1], row[1:], strict=False):
            gap = stats[b, 0] - (stats[a, 0] + stats[a, 2])
            if 0 <= gap <= xh * 0.6:
                run.append(b)
            else:
                if len(run) >= 6:
                    out[run] = True
                run = [b]
        if len(run) >= 6:
            out[run] = True
    return out


def _stroke_kernels(base: int) -> list[np.ndarray]:
    """Line-shaped kernels of ``base`` px, level and tilted up to ±70°: an opening with them
    keeps only long straight-ish strokes (a typed Thai character has none that long). Near
    level, every 2.5°: a thin stroke (a signature's flourish two pixels wide) 2.5° off a
    kernel drifts off it within the kernel's length (it stayed across a name's marks)."""
    out = []
    near_level = [d / 2 for d in range(-55, 56, 5)]
    for deg in [*range(-70, -29, 5), *near_level, *range(30, 71, 5)]:
        # a slanted straight stroke is never typed, even a short one
        length = base if abs(deg) < 30 else max(3, int(base * 0.7))
        run = max(1, int(round(length * np.cos(np.radians(deg)))))
        rise = int(round(length * np.sin(np.radians(abs(deg)))))
        k = np.zeros((rise + 1, run), np.uint8)
        y0, y1 = (rise, 0) if deg > 0 else (0, rise)
        cv2.line(k, (0, y0), (run - 1, y1), 1, 1)
        out.append(k)
    return out


def _long_strokes(ink: np.ndarray, length: int) -> np.ndarray:
    """The pixels of ``ink`` (a mask) on straight runs ``length`` px long or more, in any of
    ``_stroke_kernels``' directions, with a pixel's margin about them."""
    long = np.zeros_like(ink)
    for kernel in _stroke_kernels(max(3, length)):
        long = cv2.bitwise_or(long, cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel))
    return cv2.dilate(long, np.ones((3, 3), np.uint8))


# x-heights a straight run of ink must reach to be a pen's stroke across typed letters (a typed
# Thai letter is at most some 1.3 wide)
LIFT_LENGTH = 2.0
# a letter's ink above and below a lifted stroke joins across this many rows
_ACROSS_STROKE = np.ones((CROSSING_GAP, 1), np.uint8)


def lift_strokes(gray: np.ndarray, box: BBox, xh: float) -> np.ndarray:
    """``gray`` with the long straight strokes about ``box`` lifted off: a signature's closing
    stroke drawn along a typed name line, through its letters' tops. Its pixels are whitened,
    but where a letter's own stroke crosses it (the letter's ink above and below joins across
    it, ``CROSSING_GAP``), they take the grey of the ink nearest them, so the letter stays
    whole. The page as scanned keeps the stroke, which the engine reads as letters and marks
    (ณัฐวุฒิ read ``ณัววุฒิ``); cleared with the signature's colour or component, it takes the
    letters' tops with it. A copy of ``gray``: only the box's neighbourhood differs."""
    reach = int(2 * LIFT_LENGTH * xh)
    h, w = gray.shape
    x0, y0 = max(0, box[0] - reach), max(0, box[1] - reach)
    x1, y1 = min(w, box[2] + reach), min(h, box[3] + reach)
    out = gray.copy()
    window = gray[y0:y1, x0:x1]
    if window.size == 0:
        return out
    ink = otsu_ink(window)
    gone = _long_strokes(ink, int(xh * LIFT_LENGTH))
    crossed = (_crossings(ink, gone, _ACROSS_STROKE) > 0) & (ink > 0)
    lifted = out[y0:y1, x0:x1]
    lifted[gone > 0] = 255
    lifted[crossed] = cv2.erode(window, _CROSSING_KERNEL)[crossed]
    return out


def _line_band(
    stats: np.ndarray, typed: np.ndarray, i: int, xh: float
) -> tuple[np.ndarray, np.ndarray, int, np.ndarray] | None:
    """The typed letters about component ``i`` (``typed`` components of a letter's size beside
    it, or starting up to ``_MARKS_ABOVE`` x-heights below its foot), the rows of its box's
    frame (and as far below) their lines cover with a little above and below for marks and
    descenders, the row where the first line's letters start, and which rows the letters
    themselves cover (two of them at least); None when fewer than three letters are about it."""
    sx, sy, sw, sh = (int(v) for v in stats[i, :4])
    x, y, w, h = stats[:, 0], stats[:, 1], stats[:, 2], stats[:, 3]
    below = int(xh * _MARKS_ABOVE)
    near = (
        typed
        & (h > xh * 0.5)
        & (h < xh * 2.5)
        & (w < xh * 3)
        & (x + w > sx - xh * 4)
        & (x < sx + sw + xh * 4)
        & (y + h > sy)
        & (y < sy + sh + below)
    )
    if near.sum() < 3:
        return None
    rows = np.zeros(sh + below, np.int32)
    for j in np.nonzero(near)[0]:
        rows[max(0, y[j] - sy) : max(0, min(sh + below, y[j] + h[j] - sy))] += 1
    lined = rows >= 2
    if not lined.any():
        return None
    pad = max(1, int(xh * _BAND_PAD))
    band = cv2.dilate(lined.astype(np.uint8)[:, None], np.ones((2 * pad + 1, 1), np.uint8))
    return near, band[:, 0], int(np.argmax(lined)), lined


def _scribble_on_letters(
    labels: np.ndarray, stats: np.ndarray, typed: np.ndarray, i: int, xh: float
) -> bool:
    """Whether component ``i``, too dense for a scribble, is one joined to the typed letters
    its strokes run through (a signature over a black-and-white name line: ``สาวจันทร์``
    became part of it): its ink outside their line's band is a scribble."""
    found = _line_band(stats, typed, i, xh)
    if found is None:
        return False
    sx, sy, sw, sh = (int(v) for v in stats[i, :4])
    own = labels[sy : sy + sh, sx : sx + sw] == i
    own[found[1][:sh] > 0] = False
    ys, xs = np.nonzero(own)
    if len(ys) == 0:
        return False
    box = np.array([np.ptp(xs) + 1, np.ptp(ys) + 1, len(ys)])
    # (a little denser than a scribble alone: where its strokes met the letters' tops, some
    # of the letters' ink is outside the band; and a heavy pen's strokes fill a sixth of their
    # box, seed 44)
    return bool(_a_scribble(box[0], box[1], box[2], xh, _SCRIBBLE_FILL * 5 / 3))


def _pen_on_line(
    labels: np.ndarray,
    stats: np.ndarray,
    typed: np.ndarray,
    i: int,
    xh: float,
    rgb: np.ndarray | None = None,
    cast: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, BBox] | None:
    """A pen's word joined to the typed letters it was written across, found in component
    ``i`` (dense and large enough to be a figure): the pixels of its box's frame that are the
    letters', those of the pen's strokes across the letters (``_crossings``), and the page box
    of the pen's strokes; None when it is no such thing. A typed line runs through it (letters
    end within ``_AMID`` x-heights before it and ink goes on as near after it, on the same
    rows: an emblem, a logo or a photograph stands apart from the text), and the pen's strokes
    are told from the letters' by their colour on a colour scan (``colour_masks`` of the page
    in ``rgb``, the paper's ``cast`` taken out) or, a heavy pen's, by their width (their
    middles more than ``_HEAVY`` times as far from the paper as the nearest letters' before
    it). Its box was whitened for OCR as a figure's, and the line lost what the pen touched:
    ``ดำเนินการ`` written over ``สธ ๒๒๖๒.๙`` took the reference number (seed 83),
    ``เร่งด่วน`` the end of a phone number (seed 94)."""
    sx, sy, sw, sh = (int(v) for v in stats[i, :4])
    x, y, w, h = stats[:, 0], stats[:, 1], stats[:, 2], stats[:, 3]
    rows = (h > xh * 0.5) & (y < sy + sh) & (y + h > sy)
    rows[[0, i]] = False
    reach = xh * _AMID
    letters = typed & rows & (h < xh * 2.5) & (w < xh * 3)
    before = letters & (x + w <= sx + xh * 0.5)
    left = np.nonzero(before & (x + w >= sx - reach))[0]
    right = np.nonzero(rows & (x >= sx + sw - xh * 0.5) & (x <= sx + sw + reach))[0]
    if not len(left) or not len(right):
        return None
    top = np.maximum(y[left][:, None], y[right][None, :])
    foot = np.minimum((y + h)[left][:, None], (y + h)[right][None, :])
    if not (foot - top >= xh * 0.5).any():
        return None
    # a letter's stroke: the distance from its middle to the paper, the most of any letter's;
    # the median of the nearest letters before it (one of them may be the pen's)
    left = np.nonzero(before & (x + w >= sx - _STROKE_REACH * xh))[0]
    left = left[np.argsort(sx - (x + w)[left])[:_STROKE_LETTERS]]
    half = float(
        np.median(
            [_depths(labels[y[j] : y[j] + h[j], x[j] : x[j] + w[j]] == j).max() for j in left]
        )
    )
    own = (labels[sy : sy + sh, sx : sx + sw] == i).astype(np.uint8)
    middles = (_depths(own > 0) > _HEAVY * half).astype(np.uint8)
    r = int(np.ceil(_HEAVY * half)) + 2  # a heavy stroke, out from its middle to its edges
    disc = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * r + 1, 2 * r + 1))
    pen = cv2.dilate(middles, disc) > 0
    if rgb is not None:  # (and the pen's coloured pixels, with their grey fringe)
        blue, stamp = colour_masks(rgb[sy : sy + sh, sx : sx + sw], own * 255, cast)
        pen |= cv2.dilate(blue | stamp, _FRINGE) > 0
    pen &= own > 0
    if pen.sum() < _PEN_PART * own.sum():  # (a pen's word, not a blot where strokes meet)
        return None
    px, py, pw, ph = cv2.boundingRect(pen.astype(np.uint8))
    keep = (own > 0) & ~pen
    # where the pen crossed a letter, the letter's strokes either side are joined across it
    across = _crossings(own * 255, pen.astype(np.uint8) * 255) > 0
    return keep, across, (sx + px, sy + py, sx + px + pw, sy + py + ph)


def _depths(mask: np.ndarray) -> np.ndarray:
    """How far each pixel of ``mask`` lies from the paper (0 off it), the mask's box taken to
    stand on paper (a component that fills its box is no infinitely deep stroke)."""
    framed = cv2.copyMakeBorder(mask.astype(np.uint8), 1, 1, 1, 1, cv2.BORDER_CONSTANT, value=0)
    return cv2.distanceTransform(framed, cv2.DIST_L2, 3)[1:-1, 1:-1]  # type: ignore[no-any-return]


_AMID = 1.5  # x-heights: a word's blank, and a little
_HEAVY = 1.5  # times a typed letter's stroke: a heavy pen's
_PEN_PART = 0.25  # of a component's ink, the pen's at least
_STROKE_REACH = 8  # x-heights before it the letters whose strokes a pen's are told from lie
_STROKE_LETTERS = 8  # ... the nearest so many of them


def _a_scribble(
    w: np.ndarray, h: np.ndarray, area: np.ndarray, xh: float, fill: float
) -> np.ndarray:
    """Wide, sparse (below ``fill`` of its box), thin (a signature), much larger than a
    character."""
    return (w > xh * 4) & (h > xh * 1.2) & (area / np.maximum(1, w * h) < fill)


def _pen_lines(w: np.ndarray, h: np.ndarray, area: np.ndarray, xh: float) -> np.ndarray:
    """Lines drawn by hand (a signature's underline apart from its loops, a stroke under a
    word): long, lower than a letter (near level, and through no letter: the letters a line
    runs through are part of its component, and went with it), and thin (ink a fifth of an
    x-height deep on average, where a row of letters has three strokes' depth). A rule that steps
    (slanted a degree) is no rule to the opening and is one too. What OCR saw of one over a
    name was read as marks: ``(นางสาวนภาพร`` read ``น์ภาพร``, seed 87."""
    return (
        (w >= _PEN_LINE_LONG * xh) & (h <= _PEN_LINE_HIGH * xh) & (area <= _PEN_LINE_DEPTH * xh * w)
    )


_PEN_LINE_LONG = 3.0  # x-heights
_PEN_RULE_END = 0.35  # x-heights: the highest piece of a pen's rule its opening left
_PEN_LINE_DEPTH = 0.2  # x-heights of ink per column, on average
_PEN_LINE_HIGH = 0.6  # x-heights: no letter's body (one it runs through is part of it)
_SCRIBBLE_FILL = 0.12
_BAND_PAD = 0.35  # x-heights a line's band reaches beyond its letters' rows
_DOWN_COLS = np.ones((1, 5), np.uint8)  # a component's columns going down, and two beside
_ON_ONE_LETTER = 0.7  # of a mark's width over one letter's columns (a stroke's bend spans two)
# how far above a typed line's x-height its marks reach (an upper vowel and a tone mark)
_MARKS_ABOVE = 1.1


def _typed_under_scribble(
    labels: np.ndarray, stats: np.ndarray, typed: np.ndarray, i: int, xh: float, joined: bool
) -> np.ndarray | None:
    """The pixels of scribble component ``i`` (in its box's frame) that are typed characters:
    those inside the band of a typed text line it crosses, less long near-horizontal strokes
    (a typed Thai character is never much wider than the x-height), or all of them for a
    scribble ``joined`` to the letters it runs through (its strokes across them cut too much of
    them, and the engine reads through a stroke); and above the band the marks of a line its
    foot touches (a signature's closing stroke drawn along the top of the name under it takes
    the name's tone marks and upper vowels into its component: อรุณี read อรุณ): what the long
    strokes' removal leaves there as pieces of their own, small, compact (a stroke's piece is a
    thin slant across its box) and over the line's letters (a loop's foot goes on up into the
    loop), most of its width over one letter (a loop's bend left between two cut strokes
    spans two: ``(นายวราภรณ์`` was read ``วิราภรณ์`` through one, seed 86). The band's rows
    just over a line's letters are taken as above it, but in the columns where the component
    goes on down into the letters' rows (a letter it joined: ป's tail): a loop dipping to the
    letters' tops lay in the band, and was read as an upper vowel. None when it touches no
    typed line."""
    found = _line_band(stats, typed, i, xh)
    if found is None:
        return None
    near, band, top, lined = found
    sx, sy, sw, sh = (int(v) for v in stats[i, :4])
    x, w = stats[:, 0], stats[:, 2]
    own = (labels[sy : sy + sh, sx : sx + sw] == i).astype(np.uint8)
    in_band = np.broadcast_to((band[:sh] > 0)[:, None], own.shape)
    if not joined:
        # the rows over the letters, in the columns where the component does not go on down
        # into them (a letter it joined has its top there: ป's tail)
        reach = np.ones((int(xh * _MARKS_ABOVE) + 1, 1), np.uint8)
        over = cv2.dilate(lined.astype(np.uint8)[:, None], reach, anchor=(0, 0))[:, 0] > 0
        into = cv2.dilate(own[lined[:sh]].any(axis=0).astype(np.uint8)[None, :], _DOWN_COLS)
        in_band = in_band & ~((over & ~lined)[:sh, None] & (into == 0))
    long = _long_strokes(own, int(xh * 1.6))
    keep = (own > 0) & in_band & ((long == 0) | joined)
    rest = ((own > 0) & (long == 0) & ~in_band).astype(np.uint8)
    n, pieces, st, _ = cv2.connectedComponentsWithStats(rest, connectivity=8)
    lx0, lx1 = x[near] - sx, x[near] + w[near] - sx  # the letters' columns, in the frame
    for k in range(1, n):
        px, py, pw, ph, area = st[k]
        on_letter = np.minimum(px + pw, lx1) - np.maximum(px, lx0)
        mark = (
            py >= top - xh * _MARKS_ABOVE
            and xh * 0.2 <= max(pw, ph)
            and ph >= xh * 0.15  # (a sliver of the stroke's edge is no mark)
            and pw <= xh * 1.2
            and ph <= xh * 0.8
            and area >= 0.25 * pw * ph
            and on_letter.max(initial=0) >= _ON_ONE_LETTER * pw
        )
        if mark:
            keep[pieces == k] = True
    return keep if keep.any() else None


# how far a frame's ink reaches past the middle of its outer rules: half a rule's width and
# the pixel or two a deskewed rule steps
FRAME_REACH = 1 / 30  # of an inch


def _within_rules(bbox: BBox, rows: list[int], cols: list[int], dpi: int) -> BBox:
    """A stamp frame's box to its outer rules (and ``FRAME_REACH``): the box of its rules'
    ink also holds what a rule's opening left of a pen stroke or a letter touching it (a
    note's arrow under a received stamp's corner made its side run 40 pixels on, into the
    phone number under it, whose digits were cleared as the stamp's)."""
    r = max(2, round(dpi * FRAME_REACH))
    x0, y0, x1, y1 = bbox
    return (
        max(x0, cols[0] - r),
        max(y0, rows[0] - r),
        min(x1, cols[-1] + r + 1),
        min(y1, rows[-1] + r + 1),
    )


def _clear_stamp_inside(
    clear: np.ndarray,
    labels: np.ndarray,
    stats: np.ndarray,
    rules: np.ndarray,
    frame: BBox,
    xh: float,
) -> None:
    """Mark in ``clear`` what is inside a stamp's ``frame``: it is the stamp's (read apart),
    except the page's typed text it was stamped over: components reaching well outside the
    frame, or cut by its line (the rule is gone, the glyph's part inside stands against it);
    the stamp's own labels and values stand clear of its frame."""
    x0, y0, x1, y1 = frame
    x, y, w, h = (stats[:, i] for i in range(4))
    sub = labels[y0:y1, x0:x1]
    ids = np.unique(sub)
    ids = ids[ids > 0]
    m = 0.3 * xh
    beyond = ids[
        (x[ids] < x0 - m)
        | (y[ids] < y0 - m)
        | (x[ids] + w[ids] > x1 + m)
        | (y[ids] + h[ids] > y1 + m)
    ]
    against = cv2.dilate(rules[y0:y1, x0:x1], np.ones((5, 5), np.uint8)) > 0
    cut = np.unique(sub[against & (sub > 0)])
    clear[y0:y1, x0:x1][~np.isin(sub, np.concatenate([beyond, cut]))] = 255


def analyse(rgb: np.ndarray, gray: np.ndarray, dpi: int, colour: bool) -> Layout:
    dark = otsu_ink(gray)
    bed = border_mask(gray, dark)
    paper = paper_edges(bed)
    border = cv2.bitwise_or(bed, punch_holes(dark, dpi))
    del bed
    ink = cv2.bitwise_and(binarise(gray, dpi, dark), cv2.bitwise_not(border))
    del dark
    horiz, vert = _rules(ink, dpi)
    rules = cv2.bitwise_or(horiz, vert)
    regions: list[Region] = []
    # what OCR must not see; a rule with the rows beside it, where a deskewed rule steps by a
    # pixel (runs too short for the opening) and its grey fringe lies (OCR keeps a fringe
    # around all ink): a rule cleared to its core leaves a dashed ghost that joins a line's box
    clear = border | dilate_sparse(horiz, _H_BAND) | dilate_sparse(vert, _V_BAND)
    del border

    n, labels, stats = components(cv2.bitwise_and(ink, cv2.bitwise_not(rules)))
    heights = stats[1:, 3]
    widths = stats[1:, 2]
    sized = (heights > dpi * 0.02) & (heights < dpi * 0.35) & (widths < dpi * 0.6)
    # ... and not beside a rule: what the opening leaves of a ruled line that steps (a table on
    # a page deskewed by degrees, its rules jagged) is hundreds of short pieces, which made
    # the median a third of the letters' height on a page of one table
    off_rules = np.ones(n, bool)
    rx, ry, rw, rh = cv2.boundingRect(rules)
    if rw and rh:  # (within the rules' box: most pages have none)
        box = (slice(max(0, ry - 9), ry + rh + 9), slice(max(0, rx - 9), rx + rw + 9))
        near = cv2.dilate(rules[box], np.ones((9, 9), np.uint8)) > 0
        off_rules[np.unique(labels[box][near])] = False
    textlike = heights[sized & off_rules[1:]]
    if not len(textlike):
        textlike = heights[sized]
    xh = float(np.median(textlike)) if len(textlike) else dpi * 0.1
    # typed letters' ink in the band cleared with a rule: given back once all is cleared (a
    # stamp frame's inside and its coloured ink would take it again)
    on_rules = _letters_on_rules(ink, (rx, ry, rw, rh), horiz, vert, clear, xh) if rw else None
    if on_rules is not None:
        kx0, ky0, letters_kept = on_rules
        ruled = (slice(ky0, ky0 + letters_kept.shape[0]), slice(kx0, kx0 + letters_kept.shape[1]))

    frames = find_frames(horiz, vert, rules, dpi)
    stamp_frames: list[BBox] = []
    for bbox, rows, cols in frames:
        x0, y0, x1, y1 = bbox
        if len(rows) >= 3:
            cells = table_cells(rows, cols, horiz, vert, dpi)
            regions.append(Region(id="", kind=RegionKind.TABLE, bbox=bbox, cells=cells))
        elif (x1 - x0) < gray.shape[1] * 0.5 and (y1 - y0) < gray.shape[0] * 0.2:
            bbox = _within_rules(bbox, rows, cols, dpi)
            regions.append(Region(id="", kind=RegionKind.STAMP, bbox=bbox))
            stamp_frames.append(bbox)

    # component-level decisions
    x, y, w, h, area = (stats[:, i] for i in range(5))
    for frame in stamp_frames:
        _clear_stamp_inside(clear, labels, stats, rules, frame, xh)
    del horiz, vert, rules  # the rules are done with: a colour page's peak is this function's
    fill = area / np.maximum(1, w * h)
    figure = (h > xh * 2.5) & (w > xh * 2.5) & (fill > 0.18) & (area > (xh * 1.5) ** 2)
    leaders = _leader_dots(stats, xh)
    scribble = _a_scribble(w, h, area, xh, _SCRIBBLE_FILL)
    lines_drawn = _pen_lines(w, h, area, xh)
    figure[0] = leaders[0] = scribble[0] = lines_drawn[0] = False
    # a "figure" a typed line runs through may be a pen's word joined to the line's letters
    pen_parts: dict[int, tuple[np.ndarray, np.ndarray, BBox]] = {}
    cast = paper_cast(rgb, ink) if colour else None
    for i in np.nonzero(figure)[0]:
        fig = (int(x[i]), int(y[i]), int(x[i] + w[i]), int(y[i] + h[i]))
        if any(_overlap_frac(fig, f) > 0 for f in stamp_frames):
            continue  # (a stamp's frame and the letters it touches: hidden as a figure)
        parts = _pen_on_line(
            labels, stats, ~(figure | leaders | scribble), int(i), xh, rgb if colour else None, cast
        )
        if parts is not None:
            pen_parts[int(i)] = parts
            figure[i] = False
    # ... and one too dense for that as a whole, for the typed letters its strokes run through
    joined = _a_scribble(w, h, area, xh, 2 * _SCRIBBLE_FILL) & ~scribble & ~figure
    joined[0] = False
    for i in np.nonzero(joined)[0]:
        scribble[i] = _scribble_on_letters(
            labels, stats, ~(figure | leaders | scribble), int(i), xh
        )
    for i in np.nonzero(figure)[0]:
        regions.append(
            Region(
                id="",
                kind=RegionKind.FIGURE,
                bbox=(int(x[i]), int(y[i]), int(x[i] + w[i]), int(y[i] + h[i])),
            )
        )
    on_lines = np.zeros_like(figure)  # (the pens' words of ``pen_parts``)
    on_lines[list(pen_parts)] = True
    drop = figure | leaders | scribble | lines_drawn | on_lines
    penned = figure | scribble | lines_drawn | on_lines
    pen_ink = painted(labels, stats, penned)
    dots = painted(labels, stats, leaders)
    gone = pen_ink | dots
    if rw and rh and penned.any():
        # what the rules' opening left of a signature's underline goes with the signature
        ends = _pen_rule_pieces(
            labels, stats, clear, pen_ink, (rx, ry, rw, rh), [f[0] for f in frames], xh
        )
        ends &= ~drop
        if ends.any():
            drop |= ends
            cv2.bitwise_or(gone, painted(labels, stats, ends), dst=gone)
    del pen_ink
    restored = None
    for i in np.nonzero(scribble | lines_drawn | on_lines)[0]:
        # typed characters the signature's strokes touch are part of its component: give
        # them back to OCR (the typed line stays readable, the signature stays a signature);
        # so are the marks a line drawn by hand runs through, and a pen's word's letters
        keep: np.ndarray | None
        if int(i) in pen_parts:
            keep = pen_parts[int(i)][0]
        else:
            keep = _typed_under_scribble(labels, stats, ~drop, int(i), xh, bool(joined[i]))
        if keep is not None:
            x0, y0 = int(x[i]), int(y[i])
            if restored is None:
                restored = np.zeros_like(gone)
            restored[y0 : y0 + keep.shape[0], x0 : x0 + keep.shape[1]][keep] = 1
    del labels  # a 32-bit label per pixel: the largest array here, free it before the next ones
    # the grey fringe of removed ink goes too (OCR would read it as a faint stroke)
    if restored is not None:
        gone &= 1 - restored
    gone = cv2.dilate(gone, _FRINGE)
    if restored is not None:
        gone = cv2.bitwise_and(gone, 1 - restored)
    cv2.bitwise_or(clear, cv2.threshold(gone, 0, 255, cv2.THRESH_BINARY)[1], dst=clear)
    if on_rules is not None:  # (what a signature's clearing takes is no letter's)
        # (a stroke's tip above a rule it crosses is a speck, one of a row along the rule
        # that look like a leader's dots: its clearing takes no letter's ink)
        tips = cv2.dilate(dots[ruled], _FRINGE) > 0
        letters_kept[(gone[ruled] > 0) & ~tips] = 0
    del gone, restored, dots
    for _, _, pen_box in pen_parts.values():
        regions.append(
            Region(id="", kind=RegionKind.HANDWRITTEN, bbox=pen_box, kind_confidence=0.7)
        )
    for i in np.nonzero(scribble)[0]:
        regions.append(
            Region(
                id="",
                kind=RegionKind.SIGNATURE,
                kind_confidence=0.7,
                bbox=(int(x[i]), int(y[i]), int(x[i] + w[i]), int(y[i] + h[i])),
            )
        )

    hand_mask = None
    crossing = None
    if colour:
        assert cast is not None
        blue, stamp_ink = colour_masks(rgb, ink, cast)
        blue, pens = pen_groups(rgb, ink, blue, dpi, cast)
        hand_mask = blue
        # with the grey fringe of the strokes, which is not saturated enough to count as colour
        pen = cv2.dilate(blue | stamp_ink, np.ones((3, 3), np.uint8))
        clear |= pen
        crossing = _crossings(ink, pen)
        del pen
        for b in pens:
            regions.append(Region(id="", kind=RegionKind.HANDWRITTEN, bbox=b, kind_confidence=0.9))
        for b in _groups(stamp_ink, dpi, kx=0.3, ky=0.2):
            if not any(r.kind == RegionKind.STAMP and bbox_inside(b, r.bbox, 10) for r in regions):
                regions.append(Region(id="", kind=RegionKind.STAMP, bbox=b, kind_confidence=0.8))
        del stamp_ink

    if on_rules is not None:
        if hand_mask is not None:  # (a pen's stroke along a name is no letter's)
            # (not where a letter's stroke crosses the pen's or the stamp's rule: its ink there
            # is the rule's colour, drawn over it)
            letters_kept[(hand_mask[ruled] > 0) & (letters_kept != THROUGH)] = 0
        clear[ruled][letters_kept > 0] = 0
    # OCR sees the ink with its grey levels (anti-aliasing helps the recogniser) on a white
    # background: paper texture, noise and tint never reach it
    # (``clear`` and ``ink`` are 0 or 255: whitening is a maximum)
    clean_gray = cv2.max(gray, cv2.bitwise_or(cv2.bitwise_not(cv2.dilate(ink, _FRINGE)), clear))
    del clear
    for j, (_, across, _) in pen_parts.items():
        if crossing is None:
            crossing = np.zeros_like(ink)
        cx, cy = int(x[j]), int(y[j])
        crossing[cy : cy + across.shape[0], cx : cx + across.shape[1]][across] = 255
    if crossing is not None and crossing.any():
        # where a pen stroke or a stamp crosses a typed letter, the letter's own strokes on
        # either side fill the gap its clearing left, so the typed line still reads
        darkest = cv2.erode(clean_gray, _CROSSING_KERNEL)  # the grey of the ink nearest it
        clean_gray[crossing > 0] = darkest[crossing > 0]
        del darkest
    del crossing
    ocr_gray = clean_gray.copy()
    for r in regions:
        x0, y0, x1, y1 = r.bbox
        if r.kind == RegionKind.TABLE:
            ocr_gray[y0:y1, x0:x1] = 255
        elif r.kind == RegionKind.FIGURE:  # solid shapes: the threshold only outlines them
            ocr_gray[y0:y1, x0:x1] = 255
            clean_gray[y0:y1, x0:x1] = 255
    regions = _dedupe(regions)
    kept = ~drop
    kept[0] = False
    # (and the letters given back from a pen's word: lines are cut to their letters)
    letters = [stats[kept]]
    for j, (part_keep, _, _) in pen_parts.items():
        _, _, part = components(part_keep.astype(np.uint8))
        part[1:, :2] += stats[j, :2]
        letters.append(part[1:].astype(stats.dtype))
    return Layout(
        ocr_gray=ocr_gray,
        clean_gray=clean_gray,
        ink=ink,
        regions=regions,
        hand_mask=hand_mask,
        x_height=xh,
        components=np.concatenate(letters),
        pen_words=[pen_box for _, _, pen_box in pen_parts.values()],
        paper=paper,
    )


def _overlap_frac(a: BBox, b: BBox) -> float:
    ix = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    area = max(1, (a[2] - a[0]) * (a[3] - a[1]))
    return ix * iy / area


def _dedupe(regions: list[Region]) -> list[Region]:
    """A signature found both as a scribble and as blue ink stays one signature region."""
    sigs = [r for r in regions if r.kind == RegionKind.SIGNATURE]
    out = []
    for r in regions:
        if r.kind == RegionKind.HANDWRITTEN and any(
            _overlap_frac(s.bbox, r.bbox) > 0.8 and _overlap_frac(r.bbox, s.bbox) > 0.5
            for s in sigs
        ):
            continue
        if r.kind == RegionKind.STAMP and any(
            o is not r
            and o.kind == RegionKind.STAMP
            and _overlap_frac(o.bbox, r.bbox) > 0.9
            and (o.bbox[2] - o.bbox[0]) * (o.bbox[3] - o.bbox[1])
            > (r.bbox[2] - r.bbox[0]) * (r.bbox[3] - r.bbox[1])
            for o in regions
        ):
            continue  # a stamp frame inside the stamp's coloured ink: keep the larger one
        out.append(r)
    return out
