"""Tone marks the engine lost over an upper vowel.

Debian's Thai model often drops the tone mark stacked over an upper vowel, at high confidence
(``คงมั่น`` read ``คงมัน``, ``ชั้น`` read ``ชัน``, ``ซึ่ง`` read ``ซึง``): the mark sits a third
row up, above the vowel, where the model's line crop barely reaches. The dictionary alone cannot
put it back when the reading without it is a word too (มัน, ชัน, ซึง, ที are all words). The page
can: the mark's ink is there, a small component right above the vowel's, which no symbol the
engine read accounts for. Where it is, the mark it stands for is the one that makes the words
(``pipeline.thai.words.seen_mark``), its shape deciding between two that both do (นั่น, นั้น).
"""

from __future__ import annotations

import numpy as np

from pipeline.model import Line, Word
from pipeline.ocr.digits import align_symbols
from pipeline.thai.words import TOP_MARKS, seen_mark

UPPER_VOWELS = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37")  # ั ิ ี ึ ื
# (sizes in x-heights of the page's type)
MARK_MIN_HEIGHT = 0.15  # a mark's ink is at least this tall (specks are smaller) ...
MARK_MAX_SIZE = 0.8  # ... and no taller or wider than this
MARK_MIN_AREA = 0.015  # ... and covers this much of an x-height squared
MARK_GAP = 0.45  # the mark's foot is at most this far above the vowel's top
VOWEL_REACH = 1.0  # a vowel's ink stands at most this far above the letters' tops ...
VOWEL_MAX_WIDTH = 1.3  # ... and is at most this wide (ั spans its letter)
# ink this close under a letter of the line above may be that letter's lower vowel: the mark
# it would be must make words this many times likelier than the reading (ชัน → ชั้น: 15 times;
# จึง → จึ่ง: far less likely)
HANGING = 0.25
UNDER_ODDS = 10.0
# a mark narrower than this share of its height is mai ek (่), a wider one another (้ ๊ ๋):
# of the marks the engine read over upper vowels on 30 files of the wider bench, ่ measured
# 0.3-0.6 (5th to 95th percentile), ้ 1.27-1.75
NARROW = 0.9


def _letters_top(c: np.ndarray, box: tuple[int, int, int, int], xh: float) -> float | None:
    """The median top of the letters (components of about an x-height) centred in ``box``."""
    cx, cy = c[:, 0] + c[:, 2] / 2, c[:, 1] + c[:, 3] / 2
    sel = (
        (c[:, 3] >= 0.7 * xh)
        & (c[:, 3] <= 1.4 * xh)
        & (cx >= box[0])
        & (cx <= box[2])
        & (cy >= box[1])
        & (cy <= box[3])
    )
    return float(np.median(c[sel, 1])) if sel.sum() >= 2 else None


def _beside_line_above(m: np.ndarray, letters: np.ndarray, xh: float) -> bool:
    """Whether ink ``m`` stands beside ``letters`` of the line above, at their height: a comma
    or stop on that line's baseline (``๓๘,๑๐๐`` over ``นี้``), no mark."""
    bottom = letters[:, 1] + letters[:, 3]
    overlap = np.minimum(m[1] + m[3], bottom) - np.maximum(m[1], letters[:, 1])
    beside = np.abs(letters[:, 0] + letters[:, 2] / 2 - (m[0] + m[2] / 2)) <= 2 * xh
    return bool((beside & (overlap >= 0.3 * m[3])).any())


def _under_line_above(m: np.ndarray, letters: np.ndarray, xh: float) -> bool:
    """Whether ink ``m`` hangs just under one of ``letters`` of the line above: that letter's
    lower vowel (``ุ`` of ``มิถุนายน`` over ``จึง``), or, where lines stand close, a mark
    touching it (``ชั้น`` under ``พ.ศ.``)."""
    lx0, lx1 = letters[:, 0], letters[:, 0] + letters[:, 2]
    return bool(
        (
            (np.minimum(m[0] + m[2], lx1) > np.maximum(m[0], lx0))
            & (m[1] - (letters[:, 1] + letters[:, 3]) <= HANGING * xh)
        ).any()
    )


def _shapes(w: int, h: int) -> str:
    """The tone marks ink ``w`` wide and ``h`` tall may be, in the order to prefer."""
    return "\u0e48" if w < NARROW * h else "\u0e49\u0e4a\u0e4b"


def seen_marks(
    line: Line, components: np.ndarray, x_height: float
) -> list[tuple[int, int, str, tuple[int, int, int, int], float | None]]:
    """Each upper vowel of ``line`` read with no mark over it whose ink has a mark-sized
    component right above it that none of the line's marks accounts for: (its symbol's index,
    its text position, the marks the ink's shape allows, the ink's box, the odds the mark's words need where the
    ink may be the line above's: ``UNDER_ODDS``, or None). Boxes and ``components`` (x, y, w,
    h, area rows) in one frame."""
    pos = align_symbols(line)
    if pos is None or not len(components) or x_height <= 0:
        return []
    xh = x_height
    x0, y0, x1, y1 = line.bbox
    c = components
    near = (
        (c[:, 0] < x1)
        & (c[:, 0] + c[:, 2] > x0)
        & (c[:, 1] + c[:, 3] > y0 - 1.5 * xh)
        & (c[:, 1] < y1)
    )
    c = c[near]
    top = _letters_top(c, line.bbox, xh)
    if top is None:
        return []
    text = line.text
    # the marks the engine did read: their boxes account for the ink under them
    read = [w.bbox for w in line.words if w.text in TOP_MARKS]
    bottom = c[:, 1] + c[:, 3]
    cx = c[:, 0] + c[:, 2] / 2
    small = (c[:, 3] <= MARK_MAX_SIZE * xh) & (c[:, 2] <= MARK_MAX_SIZE * xh)
    # the letters of the line above (standing on a baseline over this line's letters)
    above = (c[:, 3] >= 0.6 * xh) & (bottom <= top - 0.2 * xh)
    out = []
    for k, w in enumerate(line.words):
        if w.text not in UPPER_VOWELS or not pos[k]:
            continue
        p = pos[k][0]
        if p + 1 < len(text) and text[p + 1] in TOP_MARKS:
            continue
        # the vowel's own ink: above the letters, under the symbol's box
        bx0, _, bx1, _ = w.bbox
        over = np.minimum(c[:, 0] + c[:, 2], bx1) - np.maximum(c[:, 0], bx0)
        vowel = (
            (c[:, 3] <= MARK_MAX_SIZE * xh)
            & (c[:, 2] <= VOWEL_MAX_WIDTH * xh)
            & (over >= 0.5 * c[:, 2])
            & (bottom <= top + 0.25 * xh)
            & (bottom >= top - 0.3 * xh)
            & (c[:, 1] >= top - VOWEL_REACH * xh)
        )
        if not vowel.any():
            continue
        v = c[vowel][np.argmin(np.abs(cx[vowel] - (bx0 + bx1) / 2))]
        vx0, vy0, vx1 = v[0], v[1], v[0] + v[2]
        mark = (
            small
            & (c[:, 3] >= MARK_MIN_HEIGHT * xh)
            & (c[:, 4] >= MARK_MIN_AREA * xh * xh)
            & (bottom <= vy0 + 0.15 * xh)
            & (bottom >= vy0 - MARK_GAP * xh)
            & (cx >= vx0 - 0.15 * xh)
            & (cx <= vx1 + 0.15 * xh)
        )
        found = [
            m
            for m in c[mark]
            if not any(
                b[0] <= m[0] + m[2] / 2 <= b[2] and b[1] <= m[1] + m[3] / 2 <= b[3] for b in read
            )
            and not _beside_line_above(m, c[above], xh)
        ]
        if len(found) == 1:
            m = found[0]
            box = (int(m[0]), int(m[1]), int(m[0] + m[2]), int(m[1] + m[3]))
            odds = UNDER_ODDS if _under_line_above(m, c[above], xh) else None
            out.append((k, p, _shapes(int(m[2]), int(m[3])), box, odds))
    return out


def restore_seen_marks(line: Line, components: np.ndarray | None, x_height: float) -> int:
    """Put back the tone marks the engine lost over upper vowels whose ink is on the page
    (``seen_marks``), where a mark makes the words (``seen_mark``); returns how many."""
    if components is None:
        return 0
    done = 0
    # (right to left: the positions and symbols before an insertion stay where they were)
    for k, p, shapes, box, odds in reversed(seen_marks(line, components, x_height)):
        mark = seen_mark(line.text, p, shapes, odds)
        if mark is None:
            continue
        line.text = line.text[: p + 1] + mark + line.text[p + 1 :]
        line.words.insert(k + 1, Word(mark, box, line.words[k].confidence))
        done += 1
    return done
