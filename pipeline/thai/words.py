"""Dictionary repair of marks the OCR lost or misread (ทัวไป → ทั่วไป, รายชือ → รายชื่อ).

A line is split into words (pythainlp, newmm). Only around a token the dictionary does not know
is anything changed: that token alone, or with one neighbour on either side, is replaced by the
dictionary word with the same letters give or take marks (its skeleton) — if there is exactly
one such word and it has four letters or more. Known words are never changed, so text that was
right stays right; names the dictionary cannot place stay as read.

The top row of marks (tone marks over upper vowels, ็ and ์) is what the engine loses most
(วันที → วันที่, ทังนี → ทั้งนี้), and there the skeleton is often too short or ambiguous; those
are restored by word frequency (the Thai National Corpus list pythainlp ships): a reading of one
to three words becomes the one word that differs from it only by lost top marks when that word
is at least 20 times likelier than the reading (unigram model) and no rival is within 5 times.

>>> correct_words("หัวหน้ากลุ่มงานบริหารทัวไป")
'หัวหน้ากลุ่มงานบริหารทั่วไป'
>>> correct_words("ขอส่งรายชือผู้เข้าร่วม")
'ขอส่งรายชื่อผู้เข้าร่วม'
>>> correct_words("ขอรับการสนับสนุนงบประมาณ")
'ขอรับการสนับสนุนงบประมาณ'
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

from rapidfuzz.distance import Levenshtein

from pipeline.data import data_lines
from pipeline.thai.dates import FULL_MONTHS
from pipeline.thai.names import _lists
from pipeline.thai.reference import MINISTRY_CODES

if TYPE_CHECKING:
    from pythainlp.util.trie import Trie

_MARKS = set(
    "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
)
_RUN = re.compile("[\u0e01-\u0e4e]+")
_MIN_FIX = 4  # a skeleton this long or longer can be trusted to name one word


_SKELETON = str.maketrans({**dict.fromkeys(_MARKS), "ำ": "า"})


def skeleton(text: str) -> str:
    """Letters without marks; sara am counts as sara aa (the engine splits ำ into ํ/้ + า)."""
    return text.translate(_SKELETON)


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
    words, _ = _dictionary()
    if run in words:
        return run
    tokens = list(_tokens(run))
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


TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"  # ่ ้ ๊ ๋
TOP_MARKS = frozenset(TONE_MARKS + "\u0e47\u0e4c")  # tone marks, mai taikhu, thanthakhat
# colloquial words the Thai National Corpus (speech and fiction in it) counts often but official
# papers hardly use: their counts are discounted when a lost mark is to be chosen (นี → นี้, the
# demonstrative of written Thai, not the spoken นี่)
_OFFICIAL_REGISTER = {"นี่": 0.1}
_MARK_LOSS_ODDS = 20  # a reading is mended only when the mended word is this much likelier


_UNTONED = str.maketrans(dict.fromkeys(TOP_MARKS))


def _untoned(text: str) -> str:
    return text.translate(_UNTONED)


@lru_cache(maxsize=1)
def _tone_index() -> tuple[dict[str, tuple[str, ...]], dict[str, int]]:
    from pythainlp.corpus import tnc

    words, _ = _dictionary()
    index: dict[str, set[str]] = {}
    for w in words:
        u = _untoned(w)
        if u != w:
            index.setdefault(u, set()).add(w)
    freq = {w: int(n) for w, n in tnc.word_freqs()}
    for w in words.intersection(data_lines("official_words.txt")):
        freq[w] = max(freq.get(w, 0), _COMMON)  # the papers' own words, which the TNC undercounts
    return {k: tuple(sorted(v)) for k, v in index.items()}, freq


def only_lost(read: str, word: str, losable: set[str] | frozenset[str]) -> bool:
    """``read`` is ``word`` with some ``losable`` characters lost (none added, none changed)."""
    i = 0
    for c in word:
        if i < len(read) and read[i] == c:
            i += 1
        elif c not in losable:
            return False
    return i == len(read)


def _logp(word: str) -> float:
    """Unigram log-probability of a word in the Thai National Corpus (an unseen word: half a
    count)."""
    _, freq = _tone_index()
    return math.log(max(0.5, freq.get(word, 0)) / _corpus_size())


@lru_cache(maxsize=1)
def _corpus_size() -> float:
    return float(sum(_tone_index()[1].values()))


def _tone_fix(tokens: list[str]) -> str | None:
    """The word ``tokens`` make with their lost top row of marks restored, when one word stands
    out: far likelier as one word than the tokens as read (unigram model, with a prior against
    changing what was read)."""
    index, freq = _tone_index()
    window = "".join(tokens)
    if len(skeleton(window)) < (2 if len(tokens) > 1 else 3) and (
        len(tokens) > 1 or len(window) < 2 or window in _dictionary()[0] or window in MINISTRY_CODES
    ):
        return None  # short words, ministry codes (พน, มท) and the letters of abbreviations
        # (ก.ย.) are too ambiguous; a short reading that is no word (นี of นี้) is left to the
        # frequencies below
    if len(tokens) > 1 and window in _known_words():
        return None  # a name the tokeniser cut into words (เรืองศรี)
    cands = [c for c in index.get(_untoned(window), ()) if c != window]
    cands = [c for c in cands if only_lost(window, c, TOP_MARKS)]
    if not cands:
        return None

    def count(word: str) -> float:
        return freq.get(word, 0) * _OFFICIAL_REGISTER.get(word, 1.0)

    cands.sort(key=lambda c: -count(c))
    best = count(cands[0])
    if best == 0 or (len(cands) > 1 and count(cands[1]) * 5 > best):
        return None  # unknown, or two words differ only in the lost marks: leave it as read
    as_read = sum(_logp(t) for t in tokens)
    # common words all, as read, may be a phrase of the papers the unigram model undercounts:
    # ขอ ความ (ขอความร่วมมือ, ขอความอนุเคราะห์) is 23 times less likely than ข้อความ by it, วัน
    # ที 1,150 times less than วันที่; they are mended at the odds a lost vowel needs
    common = len(tokens) > 1 and min(freq.get(t, 0) for t in tokens) >= _COMMON
    if _logp(cands[0]) - as_read < math.log(_LOST_VOWEL_ODDS if common else _MARK_LOSS_ODDS):
        return None
    return cands[0]


# letters the engine reads one for the other inside the papers' phrases, as their keys take
# them (พ's zigzag lost: ``เหิมเติม``, ``เหิมประสิทธิภาพ`` for เพิ่ม…, three lines of one seed
# at 0.99, as เหิม is a word; ซ's tick lost: ``จัดชื่อ`` for จัดซื้อ, two words, seed 93)
_PHRASE_LOOKALIKES = str.maketrans("หซ", "พช")


def _phrase_key(text: str) -> str:
    return skeleton(text).translate(_PHRASE_LOOKALIKES)


# the set phrases of official papers, by their letters without marks (``_phrase_key``)
_OFFICIAL_PHRASES = {
    _phrase_key(w): w
    for w in (
        "วันที่",
        "ทั้งนี้",
        "ดังนี้",
        "ในการนี้",
        "ครั้งนี้",
        "บันทึกนี้",
        "บันทึกข้อความ",
        # ... and words of the papers that a misread mark turns into other words (จุดหมาย is
        # a word, จุดหมายข่าว no phrase; เข้ารวม two words, no phrase of the papers)
        "จดหมายข่าว",
        "เข้าร่วม",
        "จัดซื้อ",
        "เพิ่มเติม",  # (เพิ่ม เต็ม: two words, once a lost mark is put back)
        "เพิ่มประสิทธิภาพ",
        # ... and phrases of memos whose marks the engine loses or misreads into other words
        # (ฉบับ ที, ที ประชุม, ตัว ชี วัด, ทุก ทาน, ข้อความ ร่วมมือ, ค้า ใช้จ่าย)
        "ฉบับที่",
        "ที่ประชุม",
        "ตัวชี้วัด",
        "ทุกท่าน",
        "ขอความร่วมมือ",
        "ขอความอนุเคราะห์",
        "ค่าใช้จ่าย",
        "ส่วนราชการ",  # (สวน ราชการ)
        "กองแผนงาน",  # (กอง แผ่น งาน)
        "รองอธิบดี",  # (ร้อง อธิบดี)
        "จึงเรียน",  # (จง เรียน)
        "จึงขอความร่วมมือ",
        "แนบท้าย",  # (แนบ ทาย)
        "เรียบร้อย",  # (เรียบ รอย)
        "ความเรียบร้อย",  # (ความเรียบ รอย)
        "ยื่นใบสมัคร",  # (ยืน ใบสมัคร)
        "ขอเชิญ",  # (ข้อ เชิญ)
        "ขอเชิญชวน",
        "ขออนุมัติ",  # (ข้อ อนุมัติ)
        "จึงขออนุมัติ",  # (จง ขออนุมัติ)
        "มีผู้เข้าร่วม",  # (มี่ ผู้เข้าร่วม)
    )
}
_RARE = 1000  # a word the Thai National Corpus counts fewer times than this is rare
_COMMON = 1000  # ... and one it counts this many times or more is common
_MAX_MARK_EDITS = 2  # a misread mark: one lost, added or changed (ำ read as ้ + า: two)


def _rare_pieces(tokens: list[str]) -> bool:
    """What a word cut by one misread letter or mark leaves: two tokens or more, of four letters
    or more together (short readings match too many words and names), one of them rare (common
    words all are a phrase, not a misreading), and no name."""
    _, freq = _tone_index()
    window = "".join(tokens)
    return (
        len(tokens) >= 2
        and len(skeleton(window)) >= 4
        and min(freq.get(t, 0) for t in tokens) < _RARE
        and window not in _known_words()
    )


def _misread_fix(tokens: list[str]) -> str | None:
    """The one common word that ``tokens`` (two or more, at least one of them rare) spell but
    for a misread mark, when it is far likelier than the tokens as read: the tokeniser cuts a
    word with a lost, added or misread mark into rare dictionary words (สนับสนน → สนับ สนน,
    ผู้อ้านวยการ → ผู้ อ้า นวย การ, ระบุบ → ระ บุบ), so no unknown word marks it. Rare words
    (names, loanwords) are never put for a reading."""
    window = "".join(tokens)
    official = _OFFICIAL_PHRASES.get(_phrase_key(window))
    if official is not None and official != window:
        # the set phrases of every memo are never anything else (วันทิ, ทั้งนี่); one whose
        # marks are lost only may have lost more (``จดซอ`` for จัดซื้อ, three, seed 93)
        near = Levenshtein.distance(official, window) <= _MAX_MARK_EDITS
        return official if near or only_lost(window, official, _MARKS) else None
    if official is None and len(tokens) >= 2:
        head = _phrase_after_word(tokens[0], window)
        if head is not None:
            return head
    if not _rare_pieces(tokens):
        return None
    return _likeliest_word(
        tokens, lambda c: Levenshtein.distance(c, window) <= _MAX_MARK_EDITS, _MARK_LOSS_ODDS
    )


def _phrase_after_word(first: str, window: str) -> str | None:
    """``window`` with the papers' phrase it ends in put right, where the tokeniser joined the
    phrase's first letters to the word before it (``ตามตัว ชี วัด``: ตาม and ตัวชี้วัด, the
    mark lost), that word a dictionary word; None when no such phrase is misread there."""
    words = _dictionary()[0]
    for k in range(1, len(first)):
        head, rest = window[:k], window[k:]
        if rest[0] in _MARKS:
            continue  # (a letter and its marks are not cut apart)
        official = _OFFICIAL_PHRASES.get(_phrase_key(rest))
        if official is not None and head in words and official != rest:
            if Levenshtein.distance(official, rest) <= _MAX_MARK_EDITS:
                return head + official
    return None


def _likeliest_word(tokens: list[str], near: Callable[[str], bool], odds: float) -> str | None:
    """The dictionary word with the letters of ``tokens`` (joined) that ``near`` accepts, when
    it is common, no other such word is counted a fifth as often, and it is ``odds`` times
    likelier than the tokens as read; None otherwise. Only a common word is put for a
    misreading (not a rare one or a name)."""
    window = "".join(tokens)
    cands = [c for c in _dictionary()[1].get(skeleton(window), ()) if c != window and near(c)]
    return _clear_winner(tokens, cands, odds)


def _clear_winner(tokens: list[str], cands: Iterable[str], odds: float) -> str | None:
    """The one of ``cands`` (dictionary words) to put for ``tokens``: common, counted five
    times as often as any other, and ``odds`` times likelier than the tokens as read."""
    _, freq = _tone_index()
    ranked = sorted(cands, key=lambda c: -freq.get(c, 0))
    if not ranked:
        return None
    best = freq.get(ranked[0], 0)
    if best < _COMMON or (len(ranked) > 1 and freq.get(ranked[1], 0) * 5 > best):
        return None
    if _logp(ranked[0]) - sum(_logp(t) for t in tokens) < math.log(odds):
        return None
    return ranked[0]


# vowels above and below the letters the engine loses in tight lines (ประชม for ประชุม, อตรา for
# อัตรา); the tone marks are TOP_MARKS
_LOST_VOWELS = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47")
_LOST_VOWEL_ODDS = 1_000


def _lost_vowel_fix(tokens: list[str]) -> str | None:
    """The one common word that ``tokens`` (two or three common words) spell but for lost
    vowels above or below the letters, when it is far likelier than the tokens as read: the
    tokeniser cuts ประชม into ประ ชม, two common words, which the other mends leave alone.
    Measured on 5,000 Wikipedia titles and the generated corpora's true text: nothing
    changed."""
    _, freq = _tone_index()
    window = "".join(tokens)
    if len(tokens) < 2 or len(skeleton(window)) < 4 or window in _known_words():
        return None
    if min(freq.get(t, 0) for t in tokens) < _RARE:
        return None  # a rare piece: _misread_fix's case
    return _likeliest_word(tokens, lambda c: only_lost(window, c, _LOST_VOWELS), _LOST_VOWEL_ODDS)


# letters the engine reads one for the other (a stroke or a tail lost or added)
_LOOKALIKE_PAIRS = ("บน", "ดต", "ขช", "ซช", "ผฝ", "พฟ", "ถภ", "ฎฏ", "พษ")
_LOOKALIKES = {  # each letter: the letters it is read for
    c: "".join(p.replace(c, "") for p in _LOOKALIKE_PAIRS if c in p)
    for c in "".join(_LOOKALIKE_PAIRS)
}


def _letter_fix(tokens: list[str]) -> str | None:
    """The one common word that ``tokens`` (two or more, at least one of them rare) spell but
    for one letter the engine read for its look-alike (อบุมัติ: อ บุ มัติ for อนุมัติ), when it
    is far likelier than the tokens as read (the odds a lost vowel needs: a wrong letter is
    rarer than a lost mark). On 15,000 Wikipedia titles it changed five: three misspellings put
    right (ปรากฎ → ปรากฏ, มาเลเชีย → มาเลเซีย) and two transliterations (ทรานซอลล์ → ทราบซอลล์)."""
    if not _rare_pieces(tokens):
        return None
    window = "".join(tokens)
    words = _dictionary()[0]
    # (a letter added was tried too: transliterations lose theirs, คอนสแตนติโนเปิล →
    # คอนแตนติโนเปิล, 229 of 15,000 Wikipedia titles changed)
    cands = {
        window[:i] + other + window[i + 1 :]
        for i, c in enumerate(window)
        for other in _LOOKALIKES.get(c, "")
    }
    return _clear_winner(tokens, (c for c in cands if c in words), _LOST_VOWEL_ODDS)


# upper and lower vowels the engine may add to a word from a speck or a stroke (not the tone
# marks, mai taikhu or thanthakhat, which transliterations take and lose: แด็นนิส, เกิ่นเทอ)
_ADDABLE_MARKS = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39")
_ADDED_MARK_RARE = 5  # a word the corpus counts this few times at most may be a misreading


def _added_mark_fix(tokens: list[str]) -> str | None:
    """The one common word a very rare dictionary word (``ระบับ``, counted once) becomes with
    one vowel above or below taken out (ระบบ, counted 31,180 times), when it is far
    likelier (the odds a lost vowel needs): the engine added it from a speck, and the
    dictionary knows the reading, so no unknown word marks it."""
    _, freq = _tone_index()
    [tok] = tokens
    if len(skeleton(tok)) < 4 or freq.get(tok, 0) > _ADDED_MARK_RARE:
        return None
    given, family = _lists()
    if tok in given or tok in family:
        return None
    words = _dictionary()[0]
    cands = {tok[:i] + tok[i + 1 :] for i, c in enumerate(tok) if c in _ADDABLE_MARKS}
    return _clear_winner(tokens, (c for c in cands if c in words), _LOST_VOWEL_ODDS)


def restore_tone_marks(run: str) -> str:
    """Put back the top row of marks (่ ้ ๊ ๋ ็ ์) the engine loses over upper vowels and in
    tight lines (วันที → วันที่, ทังนี → ทั้งนี้), where the dictionary and word frequencies leave
    one clear reading: windows of up to three words first, single words only when the word as
    read is very rare beside the mended one. A word cut into rare words by one misread mark
    (สนับสนน, ผู้อ้านวยการ) is mended in windows of up to four words."""
    tokens = list(_tokens(run))
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for size in (4, 3, 2, 1):
            if i + size > len(tokens):
                continue
            window = tokens[i : i + size]
            fixed = _tone_fix(window) if size <= 3 else None
            fixed = fixed if fixed is not None else _misread_fix(window)
            if fixed is None and 2 <= size <= 3:
                fixed = _lost_vowel_fix(window)
            if fixed is None and size >= 2:
                fixed = _letter_fix(window)
            if fixed is None and size == 1:
                fixed = _added_mark_fix(window)
            if fixed is not None:
                out.append(fixed)
                i += size
                break
        else:
            out.append(tokens[i])
            i += 1
    return "".join(out)


# the phone label ``โทร.`` with its leading vowel or its last letter misread (เทร., ไทร., โทรุ.,
# โทว.), a speck over it read as a tone mark (โท้ร.), or a letter more read in its broken ink
# (โทกร., seed 94): the label after its leading vowel
PHONE_LABEL_BODY = "ท[\u0e48-\u0e4b]?[\u0e01-\u0e2e]?[รธว][\u0e38\u0e39]?\\s?\\."
# (a stroke over its vowel read as a leading vowel more: ``ใโทว.``, seed 86; no Thai word has two)
PHONE_LABEL_MISREAD = f"[เแโใไ]{{1,2}}{PHONE_LABEL_BODY}"
# ... or as the English model reads it (``Ins. ๐๗๖๒``)
PHONE_LABEL_LATIN = "(?<![A-Za-z])[Ii][Nn][Ss]\\."
# ... before a number: no other word of the papers looks like it there
_PHONE_LABEL = re.compile(
    f"(?:(?<![\u0e01-\u0e4e]){PHONE_LABEL_MISREAD}|{PHONE_LABEL_LATIN})(?=\\s*[0-9\u0e50-\u0e59])"
)


def mend_phone_label(text: str) -> str:
    """``เทร. ๐ ๒๑๕๐ ๕๐๕๒`` → ``โทร. ๐ ๒๑๕๐ ๕๐๕๒``: the label ``โทร.`` misread before a number.

    >>> mend_phone_label("กรมอนามัย เทร. ๐ ๒๑๕๐ ๕๐๕๒")
    'กรมอนามัย โทร. ๐ ๒๑๕๐ ๕๐๕๒'
    >>> mend_phone_label("เทร. ของ")
    'เทร. ของ'
    >>> mend_phone_label("กองคลัง Ins.๐๗๖๒ ๘๙๑๒")
    'กองคลัง โทร.๐๗๖๒ ๘๙๑๒'
    >>> mend_phone_label("กรมทางหลวง โท้ร. ๐๗ ๒๙๕ ๘๙๘๓")
    'กรมทางหลวง โทร. ๐๗ ๒๙๕ ๘๙๘๓'
    """
    return _PHONE_LABEL.sub("โทร.", text)


# a comma after Thai before Thai, a number or a Latin word, or after a number before a word: a
# speck the engine read (Thai papers separate with spaces; a number's thousands are followed by
# digits; an English list's commas stand between Latin words)
_STRAY_COMMA = re.compile(
    "(?<=[\u0e01-\u0e4e]), *(?=[\u0e01-\u0e2e\u0e40-\u0e44\u0e50-\u0e590-9A-Za-z])"
    "|(?<=[0-9\u0e50-\u0e59]), *(?=[\u0e01-\u0e2e\u0e40-\u0e44])"
)
# ... and one ending a line after Thai, or standing alone at its end
_STRAY_END_COMMA = re.compile("(?:(?<=[\u0e01-\u0e4e])|\\s+),\\s*$")


def drop_stray_commas(text: str) -> str:
    """Commas the engine made of specks between Thai words go, leaving a space; and at a line's
    end after a Thai word, or alone there (Thai papers end no line with a comma).

    >>> drop_stray_commas("ในวันที่, ๑๘ กันยายน จำนวน ๓๘, คน")
    'ในวันที่ ๑๘ กันยายน จำนวน ๓๘ คน'
    >>> drop_stray_commas("ผู้เข้าร่วมจำนวน, 200 คน")
    'ผู้เข้าร่วมจำนวน 200 คน'
    >>> drop_stray_commas("หน่วยงานได้นำระบบ, Cloud มาใช้ในการปฏิบัติงานเพื่อ ,")
    'หน่วยงานได้นำระบบ Cloud มาใช้ในการปฏิบัติงานเพื่อ'
    >>> drop_stray_commas("งบประมาณ ๒๗๓,๐๐๐ บาท Open Data, KPI")
    'งบประมาณ ๒๗๓,๐๐๐ บาท Open Data, KPI'
    """
    if "," not in text:
        return text
    return _STRAY_END_COMMA.sub("", _STRAY_COMMA.sub(" ", text))


# an amount's thousands read with a stop for the comma (``๔๐๓.๐๐๐ บาท``): baht take two
# decimals (satang), never three
_THOUSANDS_STOP = re.compile(
    "(?<![0-9๐-๙.,])([0-9๐-๙]{1,3})\\.([0-9๐-๙]{3})(?=(?:,[0-9๐-๙]{3})*(?:\\.[0-9๐-๙]{2})?\\s?บาท)"
)


def mend_thousands_stop(text: str) -> str:
    """``จำนวน ๔๐๓.๐๐๐ บาท`` → ``จำนวน ๔๐๓,๐๐๐ บาท``: a stop read where an amount's comma
    stands before its unit.

    >>> mend_thousands_stop("งบประมาณจำนวน ๔๐๓.๐๐๐ บาท และ 12.50 บาท")
    'งบประมาณจำนวน ๔๐๓,๐๐๐ บาท และ 12.50 บาท'
    """
    return _THOUSANDS_STOP.sub(r"\1,\2", text) if "บาท" in text else text


# a stop glued before a Thai word of two letters or more, after a blank or at the line's start:
# a speck (Thai writes no stop there; an abbreviation's stops follow its letters, ``พ.ศ.``, and a
# wrapped one's stands alone, ``. ค.``); so is one before a parenthesis opening Thai
# (``.(นางสาวสุรชัย พึ่งบุญ)``, a signer's name line, seed 59)
_STRAY_STOP = re.compile("(?:^|(?<=\\s))\\.(?=[\u0e01-\u0e4e]{2}|\\([\u0e01-\u0e4e])")


def drop_stray_stops(text: str) -> str:
    """Stops the engine made of specks before Thai words go.

    >>> drop_stray_stops(".ทั้งนี้ ได้แนบ ณ .ห้องประชุม ๓๙๑ ในวันที่ ๔ ม. ค. ๒๕๖๖")
    'ทั้งนี้ ได้แนบ ณ ห้องประชุม ๓๙๑ ในวันที่ ๔ ม. ค. ๒๕๖๖'
    >>> drop_stray_stops(".(นางสาวปรีชา บุญมา)")
    '(นางสาวปรีชา บุญมา)'
    """
    return _STRAY_STOP.sub("", text) if "." in text else text


# ``พ.ศ.`` as the English model reads it (``WA.``, ``wa,``), after a month's full name or before a
# Buddhist-era year (after a day alone it may be a month's abbreviation, พ.ค. or พ.ย.: left)
ERA_READ = "[Ww][Aa][.,]"
_ERA_MISREAD = re.compile(
    f"(?P<month>(?:{'|'.join(FULL_MONTHS)}) ){ERA_READ}"
    f"|(?<![A-Za-z]){ERA_READ}(?=\\s?(?:25|๒๕)[0-9๐-๙]{{2}}(?![0-9๐-๙]))"
)


def mend_era(text: str) -> str:
    """``กุมภาพันธ์ WA. ๒๕๕๘`` → ``กุมภาพันธ์ พ.ศ. ๒๕๕๘``: the era's abbreviation the English model
    read as Latin letters (the Thai letters put in make the line doubtful to a reviewer).

    >>> mend_era("ในวันที่ ๖ พฤศจิกายน WA.")
    'ในวันที่ ๖ พฤศจิกายน พ.ศ.'
    >>> mend_era("WA, ๒๕๖๑ เป็นต้นไป")
    'พ.ศ. ๒๕๖๑ เป็นต้นไป'
    >>> mend_era("ในวันที่ ๑๔ wa.")
    'ในวันที่ ๑๔ wa.'

    A speck over its letters read as a mark goes too (no word is so written):

    >>> mend_era("กรกฎาคม พ์.ศ. ๒๕๕๗")
    'กรกฎาคม พ.ศ. ๒๕๕๗'
    """
    if "ศ" in text:
        text = _ERA_SPECK.sub(lambda m: "พ." + (m[1] or m[2] or "") + "ศ.", text)
    if "a" not in text and "A" not in text:
        return text
    return _ERA_MISREAD.sub(lambda m: (m["month"] or "") + "พ.ศ.", text)


_ERA_MARK = "[\u0e31-\u0e3a\u0e47-\u0e4e]"
_ERA_SPECK = re.compile(
    f"(?<![\u0e01-\u0e4e])พ(?:{_ERA_MARK}+\\.(\\s?)ศ{_ERA_MARK}*|\\.(\\s?)ศ{_ERA_MARK}+)\\."
)


# ``ที่`` before a ministry's code and a number (a reference, or a letter cited by it:
# ``หนังสือที่``) with its tone mark lost: ``ที`` alone is no word there
_CODES = "(?:" + "|".join(sorted(MINISTRY_CODES)) + ")"
_REFERENCE_LABEL = re.compile(
    f"(?<![\u0e01-\u0e4e])ที(?=\\s?{_CODES}\\s?[0-9\u0e50-\u0e59])"
    f"|(?<=หนังสือ)ที(?=\\s?{_CODES}(?![\u0e01-\u0e4e]))"  # (its number on the next line)
)


def mend_reference_label(text: str) -> str:
    """``ที กต 2739.3/ว646`` → ``ที่ กต 2739.3/ว646``: the reference's label, its mark lost.

    >>> mend_reference_label("ตามหนังสือที อก ๕๔๔๐/ว ๑๖๓๒")
    'ตามหนังสือที่ อก ๕๔๔๐/ว ๑๖๓๒'
    """
    return _REFERENCE_LABEL.sub("ที่", text)


# words a number follows whose tone mark the engine loses, read as other words (ชั้น, a floor,
# read ชัน, steep: a word too, so no dictionary check mends it): before a number, the word
NUMBER_WORDS = ("ชั้น", "ครั้งที่", "ห้อง")
_NUMBER_WORDS_UNTONED = {_untoned(w): w for w in NUMBER_WORDS}
_BEFORE_A_NUMBER = re.compile("(?<![\u0e01-\u0e4e])([\u0e01-\u0e4e]+)(?=\\s?[0-9๐-๙])")


# a room's floor after its number: ชั้น with its marks lost, or its ช read as ข or ซ
_FLOOR = re.compile(
    "(?<=ห้อง)(?P<room>[\u0e01-\u0e4e]*\\s?[0-9๐-๙]+\\s?)[ชขซ][\u0e31]?[\u0e49]?น(?=\\s?[0-9๐-๙])"
)


def mend_number_words(text: str) -> str:
    """``ห้องประชุม ๓๙๑ ชัน ๙`` → ``… ชั้น ๙``: a word right before a number that is one of
    ``NUMBER_WORDS`` with its tone marks lost is that word; after a room's number, the floor
    with its marks lost or its first letter misread (``ชน``, ``ขั้น``) is ``ชั้น``.

    >>> mend_number_words("ณ ห้องประชุม ๓๙๑ ขั้น ๙ และห้องประชุม 515 ชน 5")
    'ณ ห้องประชุม ๓๙๑ ชั้น ๙ และห้องประชุม 515 ชั้น 5'
    """
    text = _BEFORE_A_NUMBER.sub(lambda m: _NUMBER_WORDS_UNTONED.get(m.group(1), m.group(1)), text)
    return _FLOOR.sub(lambda m: m.group("room") + "ชั้น", text)


def correct_words(text: str) -> str:
    """Repair marks inside Thai runs of ``text`` where the dictionary is unambiguous, after
    joining words the engine split with a space; the phone label is put right, and the words
    numbers follow (``mend_number_words``)."""
    text = join_split_words(drop_stray_stops(drop_stray_commas(mend_thousands_stop(text))))
    text = mend_era(mend_reference_label(mend_number_words(mend_phone_label(text))))
    given, family = _lists()

    def mend(run: str) -> str:
        if (run in given or run in family) and len(_tokens(run)) > 1:
            # a name as read that the tokeniser cuts into words (เรืองศรี, not เรื่อง and
            # ศรี); a name that is one word (เรือง) is mended as words are (the label เรื่อง)
            return run
        mended = restore_tone_marks(_correct_run(mend_stray_vowels(run)))
        return mend_stray_vowels(mended, sara_am=True)

    return _RUN.sub(lambda m: mend(m.group(0)), text)


_LOWER_VOWELS = {"\u0e38": "\u0e39", "\u0e39": "\u0e38"}  # ุ ู, each the other's misreading
_SARA_AM, _SARA_AA = "\u0e33", "\u0e32"  # ำ, which the engine reads for า (กำร for การ)
_LOWER_FIX_ODDS = 20  # the mended run must be this much likelier than any other mend
_RARE_PIECES_ODDS = 1_000  # ... and than the reading, when that is known words already


def _vowel_mends(run: str, sara_am: bool) -> Iterator[str]:
    """``run`` with one of its vowels mended: a lower vowel dropped or read as the other; or,
    ``sara_am``, a sara am read as sara aa."""
    for i, c in enumerate(run):
        if c in _LOWER_VOWELS and not sara_am:
            yield run[:i] + run[i + 1 :]
            yield run[:i] + _LOWER_VOWELS[c] + run[i + 1 :]
        elif c == _SARA_AM and sara_am:
            yield run[:i] + _SARA_AA + run[i + 1 :]


def mend_stray_vowels(run: str, sara_am: bool = False) -> str:
    """A lower vowel the engine added (the next line's marks in the band: ``ระเบียบฉูบับ``) or
    read for the other (``ประชูม``) is mended where the run holds a piece no word accounts for:
    each lower vowel dropped or swapped, the mend that leaves only known words and is far
    likelier than every other (word frequencies of the Thai National Corpus) is taken.
    ``sara_am``: a sara aa the engine read as sara am (its circle a mark of the line above, or
    a speck: ``ชำนาญกำรพิเศษ``, ``เข้ารับกำรอบรม``) is mended instead, into fewer words and far
    likelier ones only, whatever the reading (the dictionary's pass goes first: ``จำนวัน`` is
    จำนวน, not ``จานวัน``).

    >>> mend_stray_vowels("ระเบียบฉูบับใหม่")
    'ระเบียบฉบับใหม่'
    >>> mend_stray_vowels("การประชูม")
    'การประชุม'
    >>> mend_stray_vowels("กลุ่มงาน")
    'กลุ่มงาน'
    >>> mend_stray_vowels("การุเปลี่ยนแปลง")
    'การเปลี่ยนแปลง'
    >>> mend_stray_vowels("ชำนาญกำรพิเศษ", sara_am=True)
    'ชำนาญการพิเศษ'
    >>> mend_stray_vowels("สำรวจ", sara_am=True)
    'สำรวจ'
    """
    for _ in range(3):  # a run may hold more than one
        if not any((c == _SARA_AM) if sara_am else (c in _LOWER_VOWELS) for c in run):
            return run
        unknown_before, toks_before = _unknown_letters(run)
        n_tokens = len(toks_before)
        as_read = sum(_logp(t) for t in toks_before)
        # a run of known words that only the stray vowel cut into rare pieces (การุเปลี่ยน:
        # กา รุ เปลี่ยน) is mended too, when the mend is far likelier and has fewer words
        floor = None if unknown_before and not sara_am else as_read
        scored = []
        for cand in _vowel_mends(run, sara_am):
            unknown, toks = _unknown_letters(cand)
            if unknown or len(toks) > n_tokens:
                continue
            logp = sum(_logp(t) for t in toks)
            if floor is None or (
                len(toks) < n_tokens and logp - floor >= math.log(_RARE_PIECES_ODDS)
            ):
                scored.append((logp, cand))
        if not scored:
            return run
        scored.sort(reverse=True)
        if len(scored) > 1 and scored[0][0] - scored[1][0] < math.log(_LOWER_FIX_ODDS):
            return run  # two mends about as likely: leave it as read
        run = scored[0][1]
    return run


_SPLIT = re.compile("(?<=[\u0e01-\u0e4e]) (?=[\u0e01-\u0e4e])")


@lru_cache(maxsize=1)
def _word_set() -> frozenset[str]:
    """Dictionary words and names: ministry codes are no words inside a run of text (รง of
    โค รงการ)."""
    return _known_words() - MINISTRY_CODES


def tokens(text: str) -> tuple[str, ...]:
    """``text`` cut into words (pythainlp's newmm; cached)."""
    return _tokens(text)


@lru_cache(maxsize=8192)
def _tokens(run: str) -> tuple[str, ...]:
    from pythainlp.tokenize import word_tokenize

    trie = cast("Trie", _word_trie())  # (newmm asks it for ``prefixes`` only)
    return tuple(word_tokenize(run, engine="newmm", custom_dict=trie, keep_whitespace=False))


class _WordTrie:
    """pythainlp's word list as nested dicts, for newmm: it asks its dictionary for the words
    that start at a position of the text (``prefixes``), and this answers as pythainlp's
    ``Trie`` does (the same cuts on every line of the wider bench corpus). It is built in a
    third of the time (0.3 s against 0.7 to 1 s): a cost each import pays before its first
    page, which the speed-up from one job to two cannot share."""

    __slots__ = ("_root",)

    def __init__(self, words: Iterable[str]) -> None:
        root: dict[str, Any] = {}
        for word in words:
            node = root
            for ch in word.strip():
                nxt = node.get(ch)
                if nxt is None:
                    nxt = node[ch] = {}
                node = nxt
            node[""] = None  # a word ends here (no letter is the empty string)
        self._root = root

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        out = []
        node: dict[str, Any] = self._root
        for i in range(start, len(text)):
            nxt = node.get(text[i])
            if nxt is None:
                break
            node = nxt
            if "" in node:
                out.append(text[start : i + 1])
        return out


@lru_cache(maxsize=1)
def _word_trie() -> _WordTrie:
    from pythainlp.corpus import thai_words

    return _WordTrie(thai_words())


def _unknown_letters(run: str) -> tuple[int, tuple[str, ...]]:
    """Letters of ``run`` in no dictionary word or name, and its tokens."""
    known = _word_set()
    toks = _tokens(run)
    return sum(len(t) for t in toks if t not in known), toks


def join_split_words(text: str) -> str:
    """A space the engine put inside a word goes (``รายละเอียดโค รงการ`` → ``…โครงการ``,
    ``เพื่ อ`` → ``เพื่อ``): where the pieces on either side of it are no words and, joined, are
    words. A space between two words stays.

    >>> join_split_words("รายละเอียดโค รงการและกำหนดการ")
    'รายละเอียดโครงการและกำหนดการ'
    >>> join_split_words("หัวหน้า กลุ่มงาน")
    'หัวหน้า กลุ่มงาน'
    """
    out = text
    for _ in range(4):  # a join can make the next one plain (รายละเอี ยดโค รงการ)
        before = out
        for m in reversed(list(_SPLIT.finditer(out))):
            right = _RUN.match(out, m.end())
            if right is None:
                continue
            # the two words on either side of the space, as the tokeniser cuts each side
            _, ltoks = _unknown_letters(_RUN.findall(out[: m.start()])[-1])
            _, rtoks = _unknown_letters(right.group(0))
            left, head = "".join(ltoks[-2:]), "".join(rtoks[:2])
            unknown = _unknown_letters(left)[0] + _unknown_letters(head)[0]
            joined, jtoks = _unknown_letters(left + head)
            # joined, they are all words, and fewer of them: not a misread next to a real space
            # cut into short dictionary words (กรม กรุมการ → กร มก รุม การ)
            if unknown and joined == 0 and len(jtoks) < len(ltoks[-2:]) + len(rtoks[:2]):
                out = out[: m.start()] + out[m.end() :]
        if out == before:
            break
    return out


def plausibility(text: str) -> tuple[float, int]:
    """How much of the Thai in ``text`` is made of dictionary words: (share of Thai letters in
    words of three letters or more that the dictionary knows, Thai letters counted). Text read
    from a page upside down or sideways is letter salad and scores low."""
    words, _ = _dictionary()
    good = total = 0
    for run in _RUN.findall(text):
        for tok in _tokens(run):
            n = len(skeleton(tok))
            total += n
            if n >= 3 and tok in words:
                good += n
    return (good / total if total else 0.0), total


_SINGLE_WORDS = frozenset("ณฯๆ")  # one-letter words


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    """The dictionary, personal names (signer lines) and ministry codes (references)."""
    given, family = _lists()
    return _dictionary()[0] | given | family | MINISTRY_CODES | _SINGLE_WORDS


_TITLE_PREFIX = re.compile("^(?:นางสาว|นาย|นาง)")
_LOST_MARK_RARE = 1000  # a word the corpus counts fewer times than this ...
_LOST_MARK_COMMON = 5000  # ... beside one with its letters counted this often ...
_LOST_MARK_ODDS = 50  # ... and this many times as often


def _listed_name(run: str) -> bool:
    """Whether a run of Thai letters is a listed given name (after a title run into it:
    ``นางสาวศิริพร``) or a listed family name."""
    given, family = _lists()
    return _TITLE_PREFIX.sub("", run) in given or run in family


def lost_mark_word(text: str) -> str | None:
    """A short word of ``text`` that is rare where a very common word has the same letters
    with more or other marks (``ผุ`` for ผู้, ``ชัน`` for ชั้น, ``นบ`` in ``บคลากร``): the
    engine lost a mark, and the tokeniser found a real but unlikely word; None when there is
    none. Ministry codes and listed names are no such words."""
    _, freq = _tone_index()
    _, index = _dictionary()
    for m in _RUN.finditer(text):
        run = m.group(0)
        if _listed_name(run):
            continue
        for t in _tokens(run):
            sk = skeleton(t)
            f = freq.get(t, 0)
            # (a ministry's code stands alone, its number perhaps on the next line, or ends its
            # run before its number: glued amid words or ending a line, ``ทก`` in
            # ``จากทกส่วนราชการ`` is ทุก with its mark lost)
            code = t in MINISTRY_CODES and (
                run == t or (run.endswith(t) and _NUMBER_NEXT.match(text, m.end()) is not None)
            )
            if len(t) < 2 or len(sk) > 3 or f >= _LOST_MARK_RARE or code:
                continue
            best = max((freq.get(w, 0) for w in index.get(sk, ()) if w != t), default=0)
            if best >= _LOST_MARK_COMMON and best >= _LOST_MARK_ODDS * max(f, 1):
                return t
    return None


FRAGMENTS = 3  # pieces of a letter or two in a row that make a run misread


def fragmented_run(text: str) -> str | None:
    """A run of ``text`` the dictionary cuts into ``FRAGMENTS`` or more pieces of one or two
    letters in a row (``สารบรสฆน`` → สา|รบ|รส|ฆน, for สารบรรณ; ``งบปรชูมาณ``): each piece is
    a word, so no unknown word shows, but typed Thai is no string of short rare words. Listed
    names are left out (ศิริพร is ศิ|ริ|พร to the dictionary). None when there is none."""
    for m in _RUN.finditer(text):
        run = m.group(0)
        if _listed_name(run):
            continue
        short = 0
        for t in _tokens(run):
            short = short + 1 if len(t) <= 2 else 0
            if short >= FRAGMENTS:
                return run
    return None


_NUMBER_NEXT = re.compile("\\s*[0-9๐-๙]")
_COMMON_WORDS = re.compile("[\u0e01-\u0e4e]{3,}")


_COMMON_SHORT = 50 * _COMMON  # a word of two letters this common is a function word: ใน, มี


def common_words(text: str) -> bool:
    """Whether ``text`` is Thai letters only, that are words of three letters or more the
    Thai National Corpus counts at least ``_COMMON`` times each (ทั้งนี้, จากทุก), or of two
    it counts ``_COMMON_SHORT`` times (มีการ), or dictionary words of six letters or more,
    marks aside, the corpus counts as their parts (ในการนี้; not ทั้งเพ); not salad, not the
    rare or short words a misreading makes (บ 1,260 times, เค 3,983, กร 3,187; ใน 537,563)."""
    if not _COMMON_WORDS.fullmatch(text):
        return False
    words, _ = _dictionary()
    _, freq = _tone_index()
    return all(
        freq.get(t, 0) >= (_COMMON if len(t) >= 3 else _COMMON_SHORT)
        or (len(skeleton(t)) >= 6 and t in words)
        for t in _tokens(text)
    )


def unknown_words(text: str) -> list[str]:
    """The Thai of ``text`` that no dictionary word, name (a listed name run together with its
    title is one) or ministry code accounts for, as pythainlp's tokeniser leaves it
    (``จ้านวน`` → ``นวน``; ``เรียนมาเพื่ อ`` → ``ื่``, ``อ``).
    A letter standing alone before a stop or after a stop or slash is an abbreviation's or a
    reference's (``พ.ศ.``, ``ส. ค.``, ``/ว``) and is no unknown word."""
    known = _known_words()
    out = []
    for m in _RUN.finditer(text):
        run = m.group(0)
        if _listed_name(run):
            continue  # (นางสาว|ศิ|ริ|พร to the tokeniser)
        before = text[max(0, m.start() - 2) : m.start()]
        after = text[m.end() : m.end() + 1]
        toks = _tokens(run)
        for tok in toks:
            if tok in known and (len(tok) > 1 or tok in _SINGLE_WORDS):
                continue  # (the dictionary lists letters as words: ฆ, ฒ alone are misreadings)
            if (
                len(toks) == 1
                and len(tok) == 1
                and (after == "." or before[-1:] in "./" or before == ". ")
            ):
                continue
            out.append(tok)
    return out


def warm_up() -> None:
    """Load the dictionary, the word frequencies and the tokeniser now (a worker does this once,
    before its memory cap, instead of inside its first page)."""
    restore_tone_marks(_correct_run("ทดสอบ"))
    plausibility("ทดสอบ")
    unknown_words("ทดสอบ")  # the dictionary with names and codes
    _unknown_letters("ทดสอบ")  # ... and without codes


def _token_over(toks: tuple[str, ...], i: int) -> tuple[str, int, int]:
    """The token of ``toks`` (a run cut into words) over the run's position ``i``, with its
    start and end in the run."""
    end = 0
    for t in toks:
        end += len(t)
        if end > i:
            return t, end - len(t), end
    raise IndexError(i)


def seen_mark(text: str, at: int, marks: str = TONE_MARKS, odds: float | None = None) -> str | None:
    """The tone mark, of ``marks`` (likeliest first), that stands after ``text[at]`` where the
    page shows one the engine did not read: the one whose run of Thai, cut into words, leaves
    no more letters unknown than the reading did, with the mark in a known word, likeliest by
    the corpus (a tie goes to the first); None when no mark makes such a word, or (where the
    ink may be another line's) none makes the words ``odds`` times likelier than the reading.

    >>> seen_mark("(นายสุภาพร คงมัน)", 14)
    '่'
    >>> seen_mark("ห้องประชุม ๑๒ ชัน ๘", 15)
    '้'
    >>> seen_mark("กรมอนามัย", 7) is None
    True
    """
    run = next((r for r in _RUN.finditer(text) if r.start() <= at < r.end()), None)
    if run is None:
        return None
    k = at - run.start() + 1
    unknown, was = _unknown_letters(run.group(0))
    _, start, end = _token_over(was, k - 1)  # the word that held the vowel as read
    known = _known_words()
    best: tuple[float, str] | None = None
    for mark in marks:
        cand = run.group(0)[:k] + mark + run.group(0)[k:]
        n, toks = _unknown_letters(cand)
        if n > unknown:
            continue
        holder, h_start, h_end = _token_over(toks, k)
        # ... in a known word, that takes in all of the word as read (a speck over อนามัย
        # makes อนา มั้ย: the mark cut a word, it did not mend one)
        if len(holder) < 2 or holder not in known or h_start > start or h_end - 1 < end:
            continue
        score = sum(_logp(t) for t in toks)
        if best is None or score > best[0]:
            best = (score, mark)
    if best is None or (odds and best[0] - sum(_logp(t) for t in was) < math.log(odds)):
        return None
    return best[1]
