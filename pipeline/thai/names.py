"""Mending personal names the OCR misread, against pythainlp's lists of Thai given names and
family names (about 12,000 and 10,000 names; independent of this project's test data).
Only what the engine is known to lose is put back: marks above and below the letters, sara ai
(ไ ใ), and the tall tail of ป ฝ ฟ (read as บ ผ พ); where that finds no listed name, one letter
it reads for a look-alike (ร as ว, ฐ as จ) too; a name is never changed by swapping one letter
for another otherwise.

A signature block's name is ``title given-name family-name``. The title is restored when its
first letter was lost (``ายปรีชา`` → ``นายปรีชา``). A given or family name that is not in the
lists is replaced by the one listed name nearest to it — one edit away for names of three
letters, two for longer ones, where the two differ only in marks (lost, added by a stray
stroke, or one read for another, which counts half) — and only when no other listed name is as
near, or the Thai National Corpus counts it five times as often as any that is. A name with no
listed neighbour is mended the same way into one dictionary word, or two (family names are
often two words: ทรัพย์สมบูรณ์) by putting back lost marks only, unless it already is one or
two words as read; otherwise it stays as read (many real names are in no list and no
dictionary).

>>> correct_name("นางสาวเกรียง กร ศรีสุข")
'นางสาวเกรียงไกร ศรีสุข'
>>> correct_name("ายปรีชา บุญมา")
'นายปรีชา บุญมา'
>>> correct_name("นายสมชาย ใจดี")
'นายสมชาย ใจดี'
>>> correct_name("นางสำวิสุรชัย ทองคำ")
'นางสาวสุรชัย ทองคำ'
>>> correct_name("นายบัยะนุช อินทรวงศ์")
'นายปิยะนุช อินทรวงศ์'
>>> correct_name("นางศรพร เรืองศรี")
'นางศิริพร เรืองศรี'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from pipeline.thai.repair import CONSONANTS, MARKS

TITLES = ("นางสาว", "นาย", "นาง")
_FRAGILE = set(
    "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4dไใ"
)
_NO_OPENING = "".join(  # vowels that follow their letter, and the marks
    chr(c) for c in (*range(0x0E30, 0x0E3B), 0x0E45, *range(0x0E47, 0x0E4F))
)
_LOST_FIRST = {"างสาว": "นางสาว", "าย": "นาย", "าง": "นาง"}


def _title_of(text: str) -> str:
    """The title ``text`` opens with (the longest: นางสาว before นาง), or ""."""
    return next((t for t in TITLES if text.startswith(t)), "")


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str]]:
    from pythainlp.corpus import thai_family_names

    women, men = _given_by_sex()
    return women | men, frozenset(thai_family_names())


def given_names() -> frozenset[str]:
    """pythainlp's given names, women's and men's (letters only)."""
    return _lists()[0]


@lru_cache(maxsize=1)
def _given_by_sex() -> tuple[frozenset[str], frozenset[str]]:
    from pythainlp.corpus import thai_female_names, thai_male_names

    # (pythainlp's list holds one with a stop, ป.เสฎฐวุฒิ: no name read can match it, since a
    # name is read as Thai letters only, and mends must not put it for one)
    def named(names: Iterable[str]) -> frozenset[str]:
        return frozenset(n for n in names if not _NOT_NAME.search(n))

    return named(thai_female_names()), named(thai_male_names())


# what no name holds: all but Thai letters, vowels and marks, and spaces (not ฯ, ๆ or ฿: a
# speck after a name read as paiyannoi, ``นางสาวอนุชาฯ``)
_NOT_NAME = re.compile("[^\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e ]")


# letters whose tall tail the engine loses (ป ฝ ฟ read as บ ผ พ): a name may be mended across
# them as across marks
_TAILLESS = {"ป": "บ", "ฝ": "ผ", "ฟ": "พ"}
# ... and letters it reads one for another by a notch or a foot (ร as ว, ฐ without its foot as
# จ, น as ห, ท with a notch as ฑ, ภ with a tail as ฏ, ฒ's lower loop lost as ฆ, ศ's hook lost as
# ค, ช with a notch as ซ, ข's loop closed as ช), and sara ai read as sara e (its loop's top
# lost: วงศ์เหญ่): one such slip is mended too, at a letter's cost. (A listed given name taken
# out of its list, as read, snaps to another listed one 2.4 % of the time with the first six
# pairs, a family name 0.5 %; 2.6 and 0.8 % with ศ/ค and ช/ซ too; 2.79 and 0.94 % with ข/ช
# (from 2.75 and 0.87 % without it, as the lists are now); ก/ค would make them 3.15 and
# 1.03 %, ส/ช add 0.9 % more, and both are left out.)
_LOOKALIKE_PAIRS = {
    "ว": "ร",
    "จ": "ฐ",
    "ห": "น",
    "ฑ": "ท",
    "ฏ": "ภ",
    "ฆ": "ฒ",
    "ศ": "ค",
    "ซ": "ช",
    "ข": "ช",
}
_LOOKALIKE = str.maketrans({**_LOOKALIKE_PAIRS, "เ": None})


# (and sara am is sara aa when its circle is lost: ทองคา for ทองคำ)
_BARE = str.maketrans({**dict.fromkeys(_FRAGILE), **_TAILLESS, "\u0e33": "\u0e32"})


def _bare(word: str) -> str:
    """``word`` without the marks the engine loses, its tall-tailed letters as it reads them."""
    return word.translate(_BARE)


@lru_cache(maxsize=8)  # given and family names, strict and loose, and the dictionary
def _by_bare(names: frozenset[str], loose: bool = False) -> dict[str, tuple[str, ...]]:
    """``names`` by their bare letters (``loose``: look-alike letters taken as one)."""
    index: dict[str, list[str]] = {}
    for n in names:
        index.setdefault(loose_letters(n) if loose else _bare(n), []).append(n)
    return {k: tuple(v) for k, v in index.items()}


def loose_letters(word: str) -> str:
    """``word``'s letters as the engine may read them: marks and sara ai left out, a tall-tailed
    letter as its tailless look-alike, each look-alike pair (ว/ร, จ/ฐ, …) as one letter."""
    return _bare(word).translate(_LOOKALIKE)


_TALL_VOWELS = "ไใ"  # sara ai, as tall as a letter before it
# the marks that stack over an upper vowel (tone marks, thanthakhat) and the vowels under them
_STACK_TOPS = "\u0e48\u0e49\u0e4a\u0e4b\u0e4c"
_STACK_BASES = "\u0e31\u0e34\u0e35\u0e36\u0e37"
# marks that stand in the same place (above the letter, below it, before it): one of a tier
# read for another is the likeliest slip
_TIERS = (
    "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d",
    "\u0e38\u0e39",
    _TALL_VOWELS,
)


def _mark_cost(read: str, name: str) -> float:
    """Edits from ``read`` to ``name``; one mark read for another in its place (ิ for ี,
    ่ for ้) counts half, and so does a mark put on the letter beside its own (the same
    letters and marks, ``ิวัชย`` for วิชัย), and the upper of two marks stacked on one letter
    put back (the stack's top is the likeliest lost: ``ศักดิ์สิทธิ`` is ศักดิ์สิทธิ์ as near as
    the list's ศักดิ์สิทธ์, its ิ read for ์, and the corpus tells them apart)."""
    cost = 0.0
    for op in Levenshtein.editops(read, name):
        a, b = read[op.src_pos : op.src_pos + 1], name[op.dest_pos : op.dest_pos + 1]
        half = op.tag == "replace" and any(a in t and b in t for t in _TIERS)
        half = half or (
            op.tag == "insert"
            and b in _STACK_TOPS
            and op.dest_pos > 0
            and name[op.dest_pos - 1] in _STACK_BASES
        )
        cost += 0.5 if half else 1.0
    moved = _moved_marks(read, name)
    return min(cost, 0.5 * moved) if moved is not None else cost


def _moved_marks(read: str, name: str) -> int | None:
    """How many of ``read``'s marks sit on a letter next to their place in ``name``, when the
    two have the same letters and the same marks and no mark is farther off; else None."""
    if sorted(read) != sorted(name):
        return None

    def placed(word: str) -> list[tuple[str, int]]:
        out, letter = [], -1
        for c in word:
            if c in _FRAGILE and c not in _TALL_VOWELS:
                out.append((c, letter))
            else:
                letter += 1
        return sorted(out)

    a, b = placed(read), placed(name)
    if len(a) != len(b):
        return None
    pairs = list(zip(a, b, strict=True))
    if any(x[0] != y[0] or abs(x[1] - y[1]) > 1 for x, y in pairs):
        return None
    return sum(x != y for x, y in pairs)


def _pick(found: list[tuple[str, float]]) -> str | None:
    """The candidate nearest the reading; of several as near, the one the Thai National Corpus
    counts five times as often as any other; None when nothing tells them apart."""
    if not found:
        return None
    best = min(c for _, c in found)
    nearest = {n for n, c in found if c == best}
    # a lost mark is likelier than a lost sara ai, which stands as tall as a letter
    # (ชยวฒน์ is ชัยวัฒน์ rather than ไชยวัฒน์)
    fewest = min(_tall_vowels(n) for n in nearest)
    winners = sorted(
        (n for n in nearest if _tall_vowels(n) == fewest), key=lambda n: -_frequency(n)
    )
    if len(winners) == 1:
        return winners[0]
    if _frequency(winners[0]) >= 5 * max(1, _frequency(winners[1])):
        return winners[0]
    return None


def _tall_vowels(name: str) -> int:
    return sum(name.count(c) for c in _TALL_VOWELS)


def _frequency(word: str) -> int:
    from pipeline.thai.words import _tone_index

    return _tone_index()[1].get(word, 0)


def _limit(word: str) -> float:
    """Mark edits allowed: one for short words, two, and a half more (one mark for another)
    when five letters or more pin the word down."""
    if len(word) < 4:
        return 1
    return 2.5 if len(_bare(word)) >= 5 else 2


# letters a reading needs for any number of lost marks to be put back
LOST_MARKS_LETTERS = 5


def _nearest(word: str, names: frozenset[str], also: frozenset[str] = frozenset()) -> str:
    """The listed name ``word`` is a misreading of (marks lost, added or read one for
    another); failing that, one with a look-alike letter read for its own as well (ประเสวิฐ,
    ประเสริจ for ประเสริฐ); failing that, the same in the list ``also`` (the other kind of
    name: given names are family names too, and the other way about: ศักดิ์สิทธิ์), unless
    ``word`` is a dictionary word as read (มาลย์); failing that, a dictionary word or two
    (many names are words, and family names are often two: ทรัพย์สมบูรณ์); ``word`` itself
    when nothing is near or several are."""
    from pipeline.thai.words import _dictionary, only_lost

    if len(word) < 3:
        return word
    limit = _limit(word)
    for pool in (names, also):
        if word in pool:
            return word
        if pool is also and word in _dictionary()[0]:
            break
        for loose in (False, True):
            listed = _by_bare(pool, loose).get(loose_letters(word) if loose else _bare(word), ())
            if listed:  # a listed name with these letters: that or nothing
                found = [(n, c) for n in listed if (c := _mark_cost(word, n)) <= limit]
                if not found and not loose and len(_bare(word)) >= LOST_MARKS_LETTERS:
                    # more marks lost than the limit, and none added or changed (a
                    # signature's strokes across the line: ชยวฒน for ชัยวัฒน์): the letters
                    # pin the name down
                    found = [
                        (n, _mark_cost(word, n)) for n in listed if only_lost(word, n, _FRAGILE)
                    ]
                return _pick(found) or word
    if len(word) > 3 and word[0] == word[1] and word[0] in CONSONANTS:
        # its first letter doubled (``ววราภรณ์``: a stroke before it read as its look-alike):
        # a listed name once one is dropped (4 of 11,842 listed given names, ศศิธร among them,
        # would be so changed if they were in no list)
        rest = _nearest(word[1:], names)
        if rest in names:
            return rest
    return _from_words(word) or word


# (letter read, letter meant): a tall tail lost, or one look-alike for the other either way
_SLIPS = frozenset(
    [(b, a) for a, b in _TAILLESS.items()]
    + [pair for a, b in _LOOKALIKE_PAIRS.items() for pair in ((a, b), (b, a))]
)


def _one_letter_slip(read: str, name: str) -> bool:
    """Whether ``read`` is ``name`` with one letter misread as its look-alike, marks and all."""
    diff = [(a, b) for a, b in zip(read, name, strict=False) if a != b]
    return len(read) == len(name) and len(diff) == 1 and diff[0] in _SLIPS


# a word the corpus counts at most this often, one look-alike letter off a word a hundred
# times as common (``_RARE_RATIO``) that opens or ends listed family names, is that word misread
_RARE_PIECE = 10
_RARE_RATIO = 100


def _rare_piece_mends(piece: str, words: frozenset[str], opening: bool) -> list[str]:
    """The words ``piece``, a rare word no listed family name opens (ends) with, may be misread
    from: one look-alike letter off it, a hundred times as common, opening (ending)
    ``_SURNAME_PIECE`` listed family names or more (นาศประเสริฐ: นาศ, 3 in the corpus, for
    นาค, 732, which opens 44 listed family names)."""
    if len(_bare(piece)) < 3 or _frequency(piece) > _RARE_PIECE or _family_pieces(piece, opening):
        return []
    return [
        cand
        for cand in _by_bare(words, True).get(loose_letters(piece), ())
        if _one_letter_slip(piece, cand)
        and _frequency(cand) >= _RARE_RATIO * max(1, _frequency(piece))
        and _family_pieces(cand, opening) >= _SURNAME_PIECE
    ]


def _compound(word: str, unlisted: bool = False) -> str | None:
    """A family name in no list read as two pieces, one misread and the other a dictionary word
    or a listed name as read: a listed name with one letter read as its look-alike
    (นาคบระเสริฐ: นาค + ประเสริฐ, ป's tail lost; ขันทร์หอม is not mended, ข is no look-alike of
    จ), or a word of family names with one mark read for another (พี่งบุญ). The mended name
    when one split gives one; ``unlisted``: take ``word`` as in no list (to measure: of 3,000
    listed family names, 3 are changed)."""
    from pipeline.thai.words import _dictionary

    given, family = _lists()
    words = _dictionary()[0]

    def known(piece: str) -> bool:
        return piece in words or piece in given or piece in family

    if not unlisted and known(word):
        return None
    found: set[str] = set()
    for j in range(2, len(word) - 1):
        head, tail = word[:j], word[j:]
        if word[j] in _FRAGILE or len(_bare(head)) < 2 or len(_bare(tail)) < 2:
            continue
        for piece, other in ((head, tail), (tail, head)):
            if piece in words and known(other):
                found.update(
                    m + tail if piece is head else head + m
                    for m in _rare_piece_mends(piece, words, piece is head)
                )
            if known(piece) or not known(other):
                continue
            mends = [
                name
                for pool in (given, family)
                for name in _by_bare(pool, True).get(loose_letters(piece), ())
                if len(_bare(piece)) >= 4 and _one_letter_slip(piece, name)
            ]
            # ... or a word that opens (ends) listed family names, with one mark read for
            # another in its place (พี่งบุญ: 14 listed family names open with พึ่ง, none with
            # พี่ง, no word)
            mends += [
                cand
                for cand in _by_bare(words).get(_bare(piece), ())
                if _mark_cost(piece, cand) == 0.5
                and _family_pieces(cand, piece is head) >= _SURNAME_PIECE
                and not _family_pieces(piece, piece is head)
            ]
            found.update(m + tail if piece is head else head + m for m in mends)
    return found.pop() if len(found) == 1 else None


_COMMON_PIECE = 1000  # a piece of a two-word name: a word the corpus counts this often
# listed family names holding a word, for it to be a surname's word rather than the word read
_SURNAME_PIECE = 5


@lru_cache(maxsize=256)
def _family_pieces(word: str, opening: bool) -> int:
    """How many listed family names open (``opening``) or end with ``word``."""
    return sum((n.startswith if opening else n.endswith)(word) for n in _lists()[1])


@lru_cache(maxsize=256)
def _in_family_names(word: str) -> int:
    """How many listed family names hold ``word``."""
    return sum(word in n for n in _lists()[1])


def _surname_words(word: str) -> str | None:
    """A family name in no list that reads as two dictionary words, one with a tone mark lost
    (``พึงบุญ`` for พึ่งบุญ): that word with its mark put back, when listed family names use
    it (``_SURNAME_PIECE`` or more hold พึ่ง) and five times as often as the word as read
    (none holds พึง); of two such readings, neither (คงมัน: 24 names hold มั่น, 19 มัน)."""
    from pipeline.thai.words import _dictionary, _tone_index

    words, _ = _dictionary()
    toned = _tone_index()[0]
    if word in _lists()[1]:
        return None
    found = set()
    for j in range(2, len(word) - 1):
        pieces = [word[:j], word[j:]]
        if not all(p in words for p in pieces):
            continue
        for k, piece in enumerate(pieces):
            for cand in toned.get(piece, ()):
                n = _in_family_names(cand)
                if n >= _SURNAME_PIECE and n >= 5 * _in_family_names(piece):
                    found.add("".join(cand if i == k else p for i, p in enumerate(pieces)))
    return found.pop() if len(found) == 1 else None


def _from_words(word: str) -> str | None:
    """``word`` with the marks the engine lost put back so that it is one dictionary word, or
    two common ones (ทรพย์สมบูรณ์ → ทรัพย์สมบูรณ์, อนทรวงศ์ → อินทรวงศ์), when as read it is
    neither one word nor two. Only lost marks are put back: a name in no list is too often
    right as read for a mark to be changed or taken away (measured on pythainlp's given
    names taken as unlisted: half a percent changed, where any mark edit changed 14 %)."""
    from pipeline.thai.words import _dictionary, only_lost

    if re.match(f"[{MARKS}]", word):
        return None  # a mark with no letter under it: no word begins so
    words, _ = _dictionary()
    index = _by_bare(words)
    cuts = [j for j in range(2, len(word) - 1) if word[j] not in _FRAGILE]
    if word in words or any(word[:j] in words and word[j:] in words for j in cuts):
        return None
    limit = _limit(word)

    # (more marks lost than the limit: a signature's strokes across the line, and the letters
    # pin the word down, as in ``_nearest``: ทรพยสมบูรณ for ทรัพย์สมบูรณ์)
    pinned = len(_bare(word)) >= LOST_MARKS_LETTERS

    def near(cand: str) -> float | None:
        if not only_lost(word, cand, _FRAGILE):
            return None
        c = _mark_cost(word, cand)
        return c if pinned or c <= limit else None

    found = [(n, c) for n in index.get(_bare(word), ()) if (c := near(n)) is not None]
    if not found:  # a single word is the likelier reading; two only when no one word fits
        for j in cuts:
            head, tail = word[:j], word[j:]
            if len(_bare(head)) < 2 or len(_bare(tail)) < 2:
                continue
            heads = [h for h in index.get(_bare(head), ()) if _frequency(h) >= _COMMON_PIECE]
            tails = [t for t in index.get(_bare(tail), ()) if _frequency(t) >= _COMMON_PIECE]
            found += [(h + t, c) for h in heads for t in tails if (c := near(h + t)) is not None]
    return _pick(found)


def _split_joined(word: str) -> list[str] | None:
    """[given name, family name] of a name read without the space between them
    (``อรุณีจันทร์หอม``): the one split whose halves are listed names, mended as ``_nearest``
    mends them; None when no split or several are."""
    given, family = _lists()
    found = set()
    for i in range(2, len(word) - 2):
        head, tail = word[:i], word[i:]
        if tail[0] in _NO_OPENING:  # no word opens with a vowel that follows its letter
            continue
        if (g := _nearest(head, given)) in given and (f := _nearest(tail, family)) in family:
            found.add((g, f))
    return list(found.pop()) if len(found) == 1 else None


def _lost_at_gap(head: str, tail: str, names: frozenset[str]) -> str:
    """The one listed name that is ``head`` + one letter + ``tail``: a letter the OCR lost
    where it saw a gap (``บุ เลิศ`` → ``บุญเลิศ``); ``head + tail`` when none or several."""
    if len(head) + len(tail) < 4:
        return head + tail
    found = [
        n
        for n in names
        if len(n) == len(head) + len(tail) + 1
        and n.startswith(head)
        and n.endswith(tail)
        and "\u0e01" <= n[len(head)] <= "\u0e2e"
    ]
    if len(found) == 1:
        return found[0]
    return _misread_at_gap(head, tail, names) or head + tail


def _misread_at_gap(head: str, tail: str, names: frozenset[str]) -> str | None:
    """The one listed name whose letters are ``head``'s and ``tail``'s with the letter by the
    gap read for another (``จ๊า ทร์เพ็ญ`` → จันทร์เพ็ญ: a signature's stroke through the น),
    marks aside, where five letters or more pin it down; None when none or several."""
    bh, bt = _bare(head), _bare(tail)
    if not bh or not bt or len(bh) + len(bt) < LOST_MARKS_LETTERS:
        return None
    index = _by_bare(names)
    # (a letter read as a vowel or a sign, never as another letter: that is a look-alike's
    # slip, and one letter for another at a gap would make one name of many others)
    keys = {bh[:-1] + c + bt for c in CONSONANTS if bh[-1] not in CONSONANTS}
    keys |= {bh + c + bt[1:] for c in CONSONANTS if bt[0] not in CONSONANTS}
    found = {n for k in keys for n in index.get(k, ())}
    return found.pop() if len(found) == 1 else None


def _misread_title(text: str, letters: int = 1) -> tuple[str, str]:
    """(title, text) with a title the OCR got ``letters`` letters wrong put right, ignoring
    marks (``ต้ายปรีชา`` → ``นายปรีชา``, ``นาสาวสมศรี`` → ``นางสาวสมศรี``); ("", text) when
    none."""
    return next(_title_readings(text, letters), ("", text))


def _title_readings(text: str, letters: int) -> Iterator[tuple[str, str]]:
    """Each (title, text) ``_misread_title`` could take, likeliest first: a title may end at
    more than one letter of the reading (``นางสวิวมาลัย``: at ``นางสวิ`` or at ``นางสวิว``)."""
    for title in TITLES:  # longest first
        # one letter more or fewer, and up to two marks a stroke added (นาจิส๊าว)
        for n in (len(title), len(title) - 1, len(title) + 1, len(title) + 2, len(title) + 3):
            head, rest = text[:n], text[n:]
            if (
                # the name opens with a letter or a leading vowel (เกรียงไกร)
                (("\u0e01" <= rest[:1] <= "\u0e2e") or rest[:1] in ("เ", "แ", "โ", "ใ", "ไ"))
                and Levenshtein.distance(_bare(head), title) <= letters
                and loose_letters(head)[-1:] == loose_letters(title)[-1:]  # (สาว read สาร: ร for ว)
            ):
                yield title, title + rest


# a title's last letter read as one of these is that title's (จ looks like ง)
_LAST_LOOKALIKE = {"จ": "นาง"}


def _misread_last(text: str) -> tuple[str, str, bool]:
    """(title, text, guessed) for a name whose title has its last letter misread (``นาจวิชัย``,
    ``นาาวราภรณ์``) or lost (``นา“ศิริพร``, the speck gone), taken so only when a listed
    given name follows; the title is the one the misread letter looks like, else the one
    the given name's sex calls for (a name given to both tells nothing: ``guessed``);
    ("", text, False) otherwise."""
    women, men = _given_by_sex()
    given = _lists()[0]
    if _bare(text[:2]) != "นา" or text.split(" ")[0] in given:
        return "", text, False
    for head, rest in ((text[:3], text[3:]), (text[:2], text[2:])):
        rest = rest.lstrip(MARKS)  # a mark a stroke put on the misread letter (นาก์)
        first = rest.split(" ")[0]
        if first not in given or len(first) < 3:
            continue
        title = _LAST_LOOKALIKE.get(head[2:])
        if title is not None:
            return title, title + rest, False
        if (first in women) != (first in men):
            title = "นาง" if first in women else "นาย"
            return title, title + rest, True
        return "", text, False
    return "", text, False


def _read_title(name: str) -> tuple[str, str, bool]:
    """(title, text, guessed): the title of a signer's name as read (restored where its first
    letter was lost or a letter misread; ``guessed`` when its last letter was unreadable and
    the given name's sex chose it), and the name's text with it."""
    text = re.sub(r"\s+", " ", name).strip()
    text = _NOT_NAME.sub("", text).strip()  # a name is Thai letters only
    title = _title_of(text)
    if not title:
        for lost, full in _LOST_FIRST.items():
            if text.startswith(lost):
                return full, full + text[len(lost) :], False
        title, text = _misread_title(text)
    if not title:
        return _misread_last(text)
    return title, text, False


def title_guessed(name: str) -> bool:
    """Whether the title ``correct_name`` gives ``name`` (as read) is a guess: its last letter
    unreadable (``นา1สุรชัย``, ``นา“ณัฐวุฒิ``), the given name's sex chose ``นาย`` or ``นาง``;
    papers do not always agree with the lists (a woman may bear a name the lists give men)."""
    return _read_title(name)[2]


SAME_GIVEN = 80  # how alike (rapidfuzz's ratio, marks aside) two readings' given names must be


def with_title_read(name: str, other: str) -> str | None:
    """``name`` (as read) with the title of ``other`` (another reading of its line) where its
    own is a guess (``title_guessed``) and ``other`` reads one as written, the same given name
    after it (a mark aside: ``นาง์สุรชัย``, ``นางช์ยวัฒน์``): the page as scanned keeps the
    letter a signature's stroke crosses, which clearing the stroke took (``นา1สุรชัย``). None
    otherwise."""
    title, text, guessed = _read_title(name)
    if not guessed:
        return None
    spaced = re.sub(r"\s+", " ", other).strip()
    read = _title_of(spaced)
    if not read:
        return None
    theirs = spaced[len(read) :].lstrip(MARKS + " ").split(" ")[0]
    ours = text[len(title) :].split(" ")[0]
    if fuzz.ratio(_bare(theirs), _bare(ours)) < SAME_GIVEN:
        return None
    return read + text[len(title) :]


def known_family(word: str) -> bool:
    """Whether a family name (as ``correct_name`` mended it) is listed, or is one dictionary
    word or two (many real ones are: ทรัพย์สมบูรณ์)."""
    from pipeline.thai.words import _dictionary

    words = _dictionary()[0]
    return (
        word in _lists()[1]
        or word in words
        or any(word[:j] in words and word[j:] in words for j in range(2, len(word) - 1))
    )


def graft_name_part(name: str, other: str) -> str | None:
    """``name`` (a signer's, as read and repaired: a title and two words) with its given or
    family name as ``other`` (another reading of its line, the same title and two words)
    reads it, where ``name``'s is unknown once mended (``correct_name``: no listed given name;
    no listed family name, nor dictionary words) and ``other``'s is known: a stroke across the
    line spoils different letters in each reading (``พรทิพย์ ฑ์รัพ์ย์สิมบูรณ์`` and
    ``พ.ทิพย์ ทรัพย์สมบูรณ์``). None where neither part is so lent."""
    given_names = _lists()[0]
    mine, theirs = name.split(" "), other.split(" ")
    mended, their_mended = correct_name(name), correct_name(other)
    title = _title_of(mended)
    if not title or len(mine) != 2 or len(theirs) != 2 or not their_mended.startswith(title):
        return None
    m, t = mended[len(title) :].split(" "), their_mended[len(title) :].split(" ")
    if len(m) != 2 or len(t) != 2:
        return None
    out = list(mine)
    if not known_family(m[1]) and known_family(t[1]):
        out[1] = theirs[1]
    if m[0] not in given_names and t[0] in given_names and theirs[0].startswith(title):
        out[0] = theirs[0]
    return " ".join(out) if out != mine else None


def _struck_title(text: str) -> str | None:
    """``text`` (a name read after ``นาง``) with ``นางสาว`` whose ``สาว`` a stroke misread put
    right, where a listed name then follows; None when none does."""
    given_names, family_names = _lists()
    if text[3:].split(" ")[0] in given_names:
        return None
    # what follows นาง opens no name (``นางะวสุรขัย``: a vowel that follows its letter): the
    # title is นางสาว struck for certain, and a name as near as any mend takes it will do
    struck = text[3:4] in _NO_OPENING
    for letters in (1, 2):  # two of สาว's letters struck only when a listed name follows
        for longer, fixed in _title_readings(text, letters):
            if longer != "นางสาว":
                continue
            first = fixed[len(longer) :].split(" ")[0]
            # (that name as read, or with a mark read for another: เกรียงใกร for เกรียงไกร)
            # (a given name, or a family name: many are both, and the lists hold each once)
            near = _nearest(first, given_names, family_names)
            listed = (near in given_names or near in family_names) and (
                letters == 1 or struck or _mark_cost(first, near) <= 0.5
            )
            if listed or (len(fixed.split(" ")) == 1 and _split_joined(first) is not None):
                return fixed
    return None


def correct_name(name: str) -> str:
    """A signer's name with its title, given name and family name mended where unambiguous."""
    title, text, _ = _read_title(name)
    given_names, family_names = _lists()
    if title == "นาง" and not text.startswith("นางสาว"):
        # นางสาว with its สาว misread (a stroke of the signature: นางสำวิสุรชัย) looks like นาง
        # and a given name in no list; taken so only when the name then is a listed one
        struck = _struck_title(text)
        if struck is not None:
            title, text = "นางสาว", struck
        else:
            # ... or with its last letter lost before a listed given name (นางสาศิริพร)
            first = text[5:].split(" ")[0]
            if (
                text.startswith("นางสา")
                and text[3:].split(" ")[0] not in given_names
                and first in given_names
            ):
                title, text = "นางสาว", "นางสาว" + text[5:]
    rest = text[len(title) :].strip()
    parts = rest.split(" ")
    # no word opens with a vowel that follows its letter or with a mark: a speck read as one
    # (ะจันทร์หอม)
    parts = parts[:1] + [p.lstrip(_NO_OPENING) or p for p in parts[1:]]
    for k in (3, 2):  # a listed family name of several words (ณ อยุธยา) is one part
        if len(parts) > k and " ".join(parts[-k:]) in family_names:
            parts = [*parts[:-k], " ".join(parts[-k:])]
            break
    if len(parts) > 2:  # a lost vowel read as a space inside the given name: เกรียง กร
        # (a scrap of a letter or two after it is no name: the given name's end split off,
        # ``มาลี ย`` for มาลัย, seed 86, listed as a family name only, as given names are)
        scrap = len(_bare(parts[1])) <= 2
        also = family_names if scrap else frozenset()
        joined = _nearest(parts[0] + parts[1], given_names, also)
        if joined not in given_names and joined not in also:
            joined = _lost_at_gap(parts[0], parts[1], given_names)
        if joined in given_names or joined in also:
            parts = [joined, *parts[2:]]
    for k in (3, 2):  # ... or inside the family name, once or twice: ศักดิ์ สิทธิ์, ศัก ดิ สิทธิ์
        if len(parts) > k:
            joined = _nearest("".join(parts[-k:]), family_names, given_names)
            if joined in family_names or joined in given_names:
                parts = [*parts[:-k], joined]
                break
    if not parts or not parts[0]:
        return text
    if len(parts) == 1 and parts[0] not in given_names:
        parts = _split_joined(parts[0]) or parts
    parts[0] = _nearest(parts[0], given_names, family_names)
    if parts[0][:1] in _NO_OPENING:
        # a given name opening as none does: a stroke before it read as a mark and a letter
        # (``ัวเกรียงไก้รึ``), where dropping both leaves a listed name (``นางสาวิตรี``, with no
        # such name, stays: it may be Mrs Sawitri)
        rest = _nearest(parts[0].lstrip(_NO_OPENING)[1:], given_names)
        if rest in given_names:
            parts[0] = rest
    if len(parts) >= 2:
        parts[-1] = _nearest(parts[-1], family_names, given_names)
        mended = _surname_words(parts[-1]) or _compound(parts[-1])
        if mended is not None:
            # (a slip in each piece: the second mended once the first is, นาศประเสริจ →
            # นาศประเสริฐ → นาคประเสริฐ, seed 85)
            parts[-1] = _compound(mended) or mended
    return title + " ".join(parts)


def warm_up() -> None:
    """Index the name lists and the dictionary by their letters now (near a second of CPU),
    not inside a page; the calls are those the mends make (the cache tells ``f(x)`` from
    ``f(x, False)``)."""
    from pipeline.thai.words import _dictionary

    for names in _lists():
        for loose in (False, True):
            _by_bare(names, loose)
    _by_bare(_dictionary()[0])


def reading_fit(name: str) -> tuple[int, int]:
    """How well a reading of a signer's name fits, to tell two readings of one name line
    apart: its parts known once mended (``listed_parts``), then the fewer marks the mending put
    back into its given and family names (a line whose marks the engine lost, ``อรุณ ศกดสทธ``,
    mends to names as well known as one read whole, ``อรุณี ศักดิ์สิทธิ์``, but the one read
    whole is the likelier; one letter or mark mended for another tells nothing of the kind:
    ``พั่งบุญ`` is พึ่งบุญ, and ``พังบุญ``, needing no mend, is no likelier)."""
    mended = correct_name(name)
    return _listed(mended), -_marks_put_back(name, mended)


def _marks_put_back(name: str, mended: str) -> int:
    """How many marks the mending of ``name`` into ``mended`` (``correct_name``) put back
    into its given and family names as read (``อรุณ ศกดสทธ``: six, to ``อรุณ ศักดิ์สิทธิ์``):
    a reading that lost them may have lost one from a name it leaves listed (อรุณี); the title
    aside."""
    title, text, _ = _read_title(name)
    read = text[len(title) :].strip()
    mended = mended[len(title) :].strip()
    return sum(
        op.tag == "insert" and mended[op.dest_pos] in _FRAGILE
        for op in Levenshtein.editops(read, mended)
    )


def listed_parts(name: str) -> int:
    """How many of a signer's name's three parts are known once mended: a title, a listed given
    name, a listed family name (0–3); a name of more than two words after its title counts one
    less (a stroke read as a word). What tells two readings of one name line apart first
    (``reading_fit``)."""
    return _listed(correct_name(name))


def parts_read(mended: str) -> int:
    """How many of a signer's given and family names a reading (as ``correct_name`` mended it)
    holds, two at most: a reading that lost its family name to a stroke (``นาะเกรียงไกร WUE``,
    the English model's word left out) is no better for needing no mark put back."""
    title = _title_of(mended)
    return min(2, len(mended[len(title) :].split()))


def _listed(mended: str) -> int:
    """``listed_parts`` of a name as ``correct_name`` mended it."""
    title = _title_of(mended)
    parts = mended[len(title) :].split()
    given, family = _lists()
    return (
        bool(title)
        + (bool(parts) and parts[0] in given)
        + (len(parts) >= 2 and parts[-1] in family)
        - (len(parts) > 2)
    )
