"""Split a file's pages into documents and type them: memo, newsletter, other."""

from __future__ import annotations

import numpy as np
from rapidfuzz import fuzz

from pipeline.extract.labels import skeleton
from pipeline.extract.memo import extract_memo
from pipeline.extract.newsletter import extract_newsletter
from pipeline.model import Document, Line, Page
from pipeline.options import Options

MEMO_TITLE = "บันทึกข้อความ"
NEWSLETTER_TITLE = "จดหมายข่าว"
MEMO_LABELS = ("ส่วนราชการ", "เรื่อง", "เรียน")


def _top_lines(page: Page, frac: float = 0.3) -> list[Line]:
    return [ln for ln in page.typed_lines() if ln.bbox[1] < page.height * frac]


def _contains(text: str, word: str, threshold: float = 80) -> bool:
    return fuzz.partial_ratio(skeleton(word), skeleton(text)) >= threshold


# the titles of the other kinds of official paper the regulations on correspondence name
# (orders, rules, announcements, statements, certificates, minutes) that open a printed title
OFFICIAL_TITLES = (
    "ประกาศ",
    "คำสั่ง",
    "ระเบียบ",
    "ข้อบังคับ",
    "แถลงการณ์",
    "หนังสือรับรอง",
    "รายงานการประชุม",
)


def is_document_title(text: str) -> bool:
    """Whether ``text`` is a document's printed title line: a memo's or a newsletter's (at
    least as long as most of the title: a short word such as ``ความ`` matches part of any
    title), or one that opens with the name of another kind of official paper
    (``ประกาศกรม เรื่อง …``)."""
    stripped = text.strip()
    return (
        _titled(text, MEMO_TITLE)
        or _titled(text, NEWSLETTER_TITLE, 85)
        or any(stripped.startswith(t) for t in OFFICIAL_TITLES)
    )


def _titled(text: str, title: str, threshold: float = 80) -> bool:
    """Whether ``text`` holds ``title``, most of it at least (a short word matches part of
    any title: ``สีขาว``, a form's colour, is most of ``จดหมายข่าว``'s last word)."""
    return len(skeleton(text)) >= 0.7 * len(skeleton(title)) and _contains(text, title, threshold)


def page_start(page: Page) -> str | None:
    """The type of document this page starts, or None for a continuation page."""
    top = _top_lines(page)
    for ln in top[:6]:
        if _titled(ln.text, MEMO_TITLE):
            return "memo"
    labelled = [
        any(skeleton(ln.text).startswith(skeleton(lab)) for lab in MEMO_LABELS) for ln in top
    ]
    for ln, label in zip(top[:4], labelled, strict=False):
        # (a memo's subject line is no newsletter's title: ``เรื่อง แจ้งเวียนจดหมายข่าว…`` in a
        # memo's first four lines where its title was lost to the stamp beside it, seed 84)
        if not label and _titled(ln.text, NEWSLETTER_TITLE, 85):
            return "newsletter"
    if sum(labelled) >= 2:
        return "memo"
    return None


def build_documents(pages: list[Page], options: Options) -> list[Document]:
    groups: list[tuple[str, list[Page]]] = []
    for page in pages:
        start = page_start(page)
        if start is None and groups:
            groups[-1][1].append(page)
        else:
            groups.append((start or "other", [page]))
    docs = []
    for kind, group in groups:
        lines = [ln for p in group for ln in p.typed_lines()]
        text = "\n".join(ln.text for ln in lines if ln.text)
        conf = float(np.mean([ln.confidence for ln in lines])) if lines else 0.0
        doc = Document(
            type=kind, pages=[p.number for p in group], text=text, confidence=round(conf, 4)
        )
        if kind == "memo":
            extract_memo(doc, group, options)
        elif kind == "newsletter":
            extract_newsletter(doc, group, options)
        docs.append(doc)
    return docs
