"""Dictionary repair of marks the OCR lost or misread (ทัวไป → ทั่วไป, รายชือ → รายชื่อ).

A line is split into words (pythainlp, newmm). Only around a token the dictionary does not know
is anything changed: that token alone, or with one neighbour on either side, is replaced by the
dictionary word with the same letters give or take marks (its skeleton) — if there is exactly
one such word and it has four letters or more. Known words are never changed, so text that was
right stays right; names the dictionary cannot place stay as read.

>>> correct_words("หัวหน้ากลุ่มงานบริหารทัวไป")
'หัวหน้ากลุ่มงานบริหารทั่วไป'
>>> correct_words("ขอส่งรายชือผู้เข้าร่วม")
'ขอส่งรายชื่อผู้เข้าร่วม'
>>> correct_words("ขอรับการสนับสนุนงบประมาณ")
'ขอรับการสนับสนุนงบประมาณ'
"""

from __future__ import annotations

import re
from functools import lru_cache

_MARKS = set(
    "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
)
_RUN = re.compile("[\u0e01-\u0e4e]+")
_MIN_FIX = 4  # a skeleton this long or longer can be trusted to name one word


def skeleton(text: str) -> str:
    """Letters without marks; sara am counts as sara aa (the engine splits ำ into ํ/้ + า)."""
    return "".join("า" if c == "ำ" else c for c in text if c not in _MARKS)


@lru_cache(maxsize=1)
def _dictionary() -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    from pythainlp.corpus import thai_words

    words = frozenset(w for w in thai_words() if _RUN.fullmatch(w))
    index: dict[str, set[str]] = {}
    for w in words:
        index.setdefault(skeleton(w), set()).add(w)
    return words, {k: tuple(sorted(v)) for k, v in index.items()}


def _unique(window: str) -> str | None:
    words, index = _dictionary()
    sk = skeleton(window)
    cands = index.get(sk, ())
    if len(cands) == 1 and len(sk) >= _MIN_FIX and cands[0] != window:
        return cands[0]
    return None


def _correct_run(run: str) -> str:
    from pythainlp.tokenize import word_tokenize

    words, _ = _dictionary()
    if run in words:
        return run
    tokens = word_tokenize(run, engine="newmm", keep_whitespace=False)
    i = 0
    out: list[str] = []
    while i < len(tokens):
        tok = tokens[i]
        if tok in words:
            out.append(tok)
            i += 1
            continue
        # an unknown token: itself, then with the next, then with the previous, then both
        fixed = None
        for lo, hi in ((0, 0), (0, 1), (1, 0), (1, 1)):
            if (lo and not out) or i + hi >= len(tokens):
                continue
            window = (out[-1] if lo else "") + "".join(tokens[i : i + hi + 1])
            cand = _unique(window)
            if cand is not None:
                fixed = (lo, hi, cand)
                break
        if fixed is None:
            out.append(tok)
            i += 1
            continue
        lo, hi, cand = fixed
        if lo:
            out.pop()
        out.append(cand)
        i += hi + 1
    return "".join(out)


def correct_words(text: str) -> str:
    """Repair marks inside Thai runs of ``text`` where the dictionary is unambiguous."""
    return _RUN.sub(lambda m: _correct_run(m.group(0)), text)


def plausibility(text: str) -> tuple[float, int]:
    """How much of the Thai in ``text`` is made of dictionary words: (share of Thai letters in
    words of three letters or more that the dictionary knows, Thai letters counted). Text read
    from a page upside down or sideways is letter salad and scores low."""
    from pythainlp.tokenize import word_tokenize

    words, _ = _dictionary()
    good = total = 0
    for run in _RUN.findall(text):
        for tok in word_tokenize(run, engine="newmm", keep_whitespace=False):
            n = len(skeleton(tok))
            total += n
            if n >= 3 and tok in words:
                good += n
    return (good / total if total else 0.0), total
