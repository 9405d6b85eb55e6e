"""The shared labelling gives exactly what OpenCV's default labelling gives."""

import cv2
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.components import components


def _reference(mask: np.ndarray) -> tuple[int, np.ndarray, np.ndarray]:
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    return n, labels, stats


@settings(max_examples=200, deadline=None)
@given(
    h=st.integers(1, 23),
    w=st.integers(1, 23),
    density=st.floats(0.0, 1.0),
    seed=st.integers(0, 2**32 - 1),
)
def test_same_labels_and_stats_as_opencv(h: int, w: int, density: float, seed: int) -> None:
    rng = np.random.default_rng(seed)
    mask = (rng.random((h, w)) < density).astype(np.uint8) * 255
    n, labels, stats = components(mask)
    rn, rlabels, rstats = _reference(mask)
    assert n == rn
    assert np.array_equal(labels, rlabels)
    # the background's row too, wherever the padding of an odd side lies
    if rstats[0, 4]:
        assert np.array_equal(stats, rstats)
    else:  # no background pixel at all: nothing to measure
        assert np.array_equal(stats[1:], rstats[1:]) and stats[0, 4] == 0


def test_ink_along_an_edge_keeps_the_background_box() -> None:
    mask = np.zeros((7, 9), np.uint8)
    mask[:, 0] = 1  # a full column of ink on the left: the background starts at x = 1
    mask[3, 4] = 1
    n, labels, stats = components(mask)
    rn, rlabels, rstats = _reference(mask)
    assert n == rn == 3
    assert np.array_equal(stats, rstats)
    assert tuple(stats[0, :4]) == (1, 0, 8, 7)


def test_more_components_than_sixteen_bits_hold() -> None:
    mask = np.zeros((1040, 1040), np.uint8)
    mask[::4, ::4] = 1  # 260 × 260 = 67600 separate dots
    n, labels, stats = components(mask)
    rn, rlabels, rstats = _reference(mask)
    assert n == rn == 67601
    assert np.array_equal(labels, rlabels) and np.array_equal(stats, rstats)


@settings(max_examples=200, deadline=None)
@given(
    h=st.integers(1, 40),
    w=st.integers(1, 40),
    box=st.tuples(st.floats(0, 1), st.floats(0, 1), st.floats(0, 1), st.floats(0, 1)),
    density=st.floats(0.0, 1.0),
    seed=st.integers(0, 2**32 - 1),
)
def test_ink_in_a_box_of_the_mask_labelled_as_the_whole(
    h: int, w: int, box: tuple[float, float, float, float], density: float, seed: int
) -> None:
    # the ink's box alone is labelled (a page's margins, a line's ends): the same labels,
    # in the same order, and the same statistics, the background's among them
    ya, yb = sorted(int(v * h) for v in box[:2])
    xa, xb = sorted(int(v * w) for v in box[2:])
    rng = np.random.default_rng(seed)
    mask = np.zeros((h, w), np.uint8)
    mask[ya:yb, xa:xb] = (rng.random((yb - ya, xb - xa)) < density).astype(np.uint8) * 255
    n, labels, stats = components(mask)
    rn, rlabels, rstats = _reference(mask)
    assert n == rn
    assert labels.dtype == np.uint16 and np.array_equal(labels, rlabels)
    if rstats[0, 4]:
        assert np.array_equal(stats, rstats)
    else:
        assert np.array_equal(stats[1:], rstats[1:]) and stats[0, 4] == 0
