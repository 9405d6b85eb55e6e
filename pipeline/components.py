"""Connected components of a binary mask, the one way every stage finds them (and the set
pixels of one, :func:`points`).

OpenCV's default labelling for 8-connectivity with statistics (Spaghetti, in OpenCV 5) took
62 ms on a 300 dpi page here; Grana's block-based algorithm gives the same labels and
statistics in 18 ms, and a third of the time on a line crop. It labels 2×2 blocks, and a
mask with an odd number of rows or columns falls to a path 2–3× slower (50 ms on a page
rendered 3509 pixels tall), so such a mask is labelled with a row or column of background
added, and the answer cut back to the mask. The page stages label masks a dozen times a page.
"""

from __future__ import annotations

import cv2
import numpy as np


def _grana(mask: np.ndarray) -> tuple[int, np.ndarray, np.ndarray]:
    try:
        # 16-bit labels while they fit: half the memory to write (a page's labels are 35 MB
        # at 32 bits, a fresh mapping of the kernel's each time; 17 MB are reused)
        n, labels, stats, _ = cv2.connectedComponentsWithStatsWithAlgorithm(
            mask, 8, cv2.CV_16U, cv2.CCL_GRANA
        )
    except cv2.error:  # more than 65535 components: OpenCV stops rather than wraps
        n, labels, stats, _ = cv2.connectedComponentsWithStatsWithAlgorithm(
            mask, 8, cv2.CV_32S, cv2.CCL_GRANA
        )
    return int(n), labels, stats


def components(mask: np.ndarray) -> tuple[int, np.ndarray, np.ndarray]:
    """What ``cv2.connectedComponentsWithStats(mask, connectivity=8)`` gives bar the centroids:
    (count with the background, labels (uint16, or int32 past 65535 components), stats rows
    of x, y, w, h, area; row 0 is the background).

    Only the box around the mask's set pixels is labelled, from an even row and column (the
    2×2 blocks fall as they do on the whole mask, and are met in the same order: the same
    labels): a page's text lies within its margins, and a line's crop holds paper at its ends
    (a page's labelling took 22 ms, its ink's box 5, on a sideways memo)."""
    h, w = mask.shape
    x, y, bw, bh = cv2.boundingRect(mask)
    if not bw:  # no ink: the background alone
        return 1, np.zeros((h, w), np.uint16), np.array([[0, 0, w, h, h * w]], np.int32)
    x0, y0 = x & ~1, y & ~1
    x1, y1 = x + bw, y + bh
    if (x1 - x0) * (y1 - y0) > CROP_SHARE * h * w:
        return _labelled(mask)
    n, inner, stats = _labelled(mask[y0:y1, x0:x1])
    labels = np.zeros((h, w), inner.dtype)
    labels[y0:y1, x0:x1] = inner
    stats[1:, 0] += x0
    stats[1:, 1] += y0
    _background(mask, stats)
    return n, labels, stats


# the share of the mask its ink's box may cover and still be labelled alone
CROP_SHARE = 0.9


def _labelled(mask: np.ndarray) -> tuple[int, np.ndarray, np.ndarray]:
    """The labelling of the whole ``mask``, padded to even sides."""
    h, w = mask.shape
    if not (h | w) & 1:
        return _grana(mask)
    padded = np.zeros((h + (h & 1), w + (w & 1)), np.uint8)
    padded[:h, :w] = mask
    n, labels, stats = _grana(padded)
    _background(mask, stats)
    return n, labels[:h, :w], stats


def _background(mask: np.ndarray, stats: np.ndarray) -> None:
    """The background's row of ``stats`` (its area and box) set to the whole ``mask``'s, where
    it was measured on a padded or cropped mask."""
    h, w = mask.shape
    stats[0, 4] = h * w - int(stats[1:, 4].sum())
    edges = (mask[0], mask[-1], mask[:, 0], mask[:, -1])
    if all(not e.all() for e in edges):
        stats[0, :4] = (0, 0, w, h)  # background on every edge: it spans the mask
    else:
        rows = np.flatnonzero(~mask.all(axis=1))
        cols = np.flatnonzero(~mask.all(axis=0))
        if len(rows):
            stats[0, :4] = (cols[0], rows[0], cols[-1] - cols[0] + 1, rows[-1] - rows[0] + 1)
        else:  # no background at all
            stats[0, :4] = (0, 0, 0, 0)


def painted(labels: np.ndarray, stats: np.ndarray, chosen: np.ndarray) -> np.ndarray:
    """A uint8 mask, 1 on the pixels of the components ``chosen`` (a boolean per label).

    ``chosen[labels]`` looks up the label of every pixel of the page (15 ms at 300 dpi); a
    few components (figures, signatures, leader dots) are painted within their own boxes."""
    ids = np.flatnonzero(chosen)
    boxes = stats[ids, 2].astype(np.int64) * stats[ids, 3]
    if len(ids) > 2000 or boxes.sum() > labels.size // 4:
        return chosen[labels].astype(np.uint8)
    out = np.zeros(labels.shape, np.uint8)
    for i in ids:
        x, y, w, h = (int(v) for v in stats[i, :4])
        out[y : y + h, x : x + w][labels[y : y + h, x : x + w] == i] = 1
    return out


def points(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rows and columns of the set pixels of a uint8 ``mask``, in ``np.nonzero``'s order (at
    a third of its cost)."""
    p = cv2.findNonZero(mask)
    if p is None:
        return np.zeros(0, np.int32), np.zeros(0, np.int32)
    p = p.reshape(-1, 2)
    return p[:, 1], p[:, 0]
