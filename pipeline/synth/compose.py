"""Lay out memos and newsletters on canvases, returning pages and document truth."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from pipeline.synth.content import MemoContent, NewsletterContent
from pipeline.synth.fonts import Face
from pipeline.synth.render import (
    A4,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    STAMP,
    Canvas,
    ink_colour,
    pt_to_px,
)
from pipeline.thai.repair import normalise_value


@dataclass
class Style:
    face: Face
    hand: Face
    pt: float
    ink: str  # "blue" | "black"
    stamp_ink: str  # "purple" | "red" | "blue"

    @property
    def px(self) -> float:
        return pt_to_px(self.pt)

    @property
    def leading(self) -> float:
        return self.px * 1.25


def field_truth(value: Any, text: str) -> dict[str, Any]:
    return {"text": text, "value": value}


def compose_memo(
    mc: MemoContent, st: Style, rng: random.Random
) -> tuple[list[Canvas], dict[str, Any]]:
    cv = Canvas()
    W = A4[0]
    right = W - MARGIN_RIGHT
    reg, bold = st.face.font(st.px), st.face.font(st.px, bold=True)
    hand_px = st.px * rng.uniform(1.0, 1.3)
    pen = ink_colour(rng, st.ink)

    # emblem and title
    em = int(pt_to_px(43))
    cv.emblem(MARGIN_LEFT, MARGIN_TOP, em)
    title_font = st.face.font(pt_to_px(29), bold=True)
    title = "บันทึกข้อความ"
    tw = title_font.getlength(title)
    cv.text((W - tw) / 2, MARGIN_TOP + em * 0.8, title, title_font)

    y = MARGIN_TOP + em + st.leading * 0.9
    gap = st.px * 0.3
    # ส่วนราชการ ... โทร.
    agency_line = [("ส่วนราชการ", bold), (mc.agency, reg), ("โทร.", reg), (mc.phone_text, reg)]
    b = cv.typed_line(MARGIN_LEFT, y, agency_line, gap, right)
    cv.dots(MARGIN_LEFT + bold.getlength("ส่วนราชการ") + 8, right, y + 6)
    agency_box = b
    y += st.leading
    # ที่ ... วันที่ ...
    half = MARGIN_LEFT + (right - MARGIN_LEFT) * 0.45
    b_ref = cv.typed_line(MARGIN_LEFT, y, [("ที่", bold), (mc.reference_text, reg)], gap)
    cv.dots(MARGIN_LEFT + bold.getlength("ที่") + 8, half - 20, y + 6)
    b_date = cv.typed_line(half, y, [("วันที่", bold), (mc.date_text, reg)], gap, right)
    cv.dots(half + bold.getlength("วันที่") + 8, right, y + 6)
    y += st.leading
    # (a long subject set smaller to fit, not drawn past the page's edge)
    b_subj = cv.typed_line(MARGIN_LEFT, y, [("เรื่อง", bold), (mc.subject, reg)], gap, right)
    cv.dots(MARGIN_LEFT + bold.getlength("เรื่อง") + 8, right, y + 6)
    y += st.leading * 1.6
    to_boxes = []
    for i, t in enumerate(mc.to_lines):
        parts = [("เรียน", reg), (t, reg)] if i == 0 else [(t, reg)]
        x = MARGIN_LEFT if i == 0 else MARGIN_LEFT + reg.getlength("เรียน ")
        to_boxes.append(cv.typed_line(x, y, parts, gap))
        y += st.leading
    y += st.leading * 0.4
    indent = pt_to_px(71)  # 2.5 cm
    width = right - MARGIN_LEFT
    for para in mc.paragraphs:
        for j, line in enumerate(cv.wrap(para, reg, width, first_indent=indent)):
            cv.text(MARGIN_LEFT + (indent if j == 0 else 0), y, line, reg)
            y += st.leading
        y += st.leading * 0.2

    # signature block
    y += st.leading * 1.2
    cx = MARGIN_LEFT + (right - MARGIN_LEFT) * 0.62
    sig_box = cv.signature(cx, y - st.leading * 0.3, st.px * rng.uniform(3.5, 6), pen, rng)
    y += st.leading * 1.0
    name_text = f"({mc.signer.name})"
    nb = cv.text(cx - reg.getlength(name_text) / 2, y, name_text, reg)
    y += st.leading
    pb = cv.text(cx - reg.getlength(mc.signer.position) / 2, y, mc.signer.position, reg)
    y += st.leading * 1.5

    # received stamp, top right
    stamp = draw_received_stamp(cv, mc, st, rng, pen, hand_px)

    # routing notes in the blank space below, each with an initial/signature and date
    notes = []
    ny = y + st.leading * 0.5
    for note in mc.notes:
        if ny > A4[1] - MARGIN_BOTTOM - st.leading:
            break
        x = MARGIN_LEFT + rng.uniform(0, 300)
        nb_ = cv.hand(x, ny, note, st.hand, hand_px, pen, rng, kind="note")
        notes.append({"kind": "note", "text": note, "bbox": list(nb_)})
        ny += hand_px * 1.6
    for appr in mc.approvers:
        if ny > A4[1] - MARGIN_BOTTOM - st.leading * 2:
            break
        x = MARGIN_LEFT + rng.uniform(500, 1000)
        sb = cv.signature(x, ny, st.px * rng.uniform(2, 3.5), pen, rng)
        nb2 = cv.hand(
            x - st.px * 2,
            sb[3] + hand_px * 1.1,
            f"({appr.first} {appr.last})",
            st.hand,
            hand_px * 0.9,
            pen,
            rng,
            kind="name",
        )
        d = rng.choice(
            [
                f"{mc.stamp_date.day}/{mc.stamp_date.month}/{(mc.stamp_date.year + 543) % 100}",
                f"{mc.stamp_date.day} {['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'][mc.stamp_date.month - 1]} {(mc.stamp_date.year + 543) % 100}",
            ]
        )
        db = cv.hand(
            nb2[2] + hand_px,
            nb2[3] - hand_px * 0.2,
            d,
            st.hand,
            hand_px * 0.85,
            pen,
            rng,
            kind="date",
        )
        notes.append(
            {
                "kind": "initials",
                "text": f"({appr.first} {appr.last}) {d}",
                "bbox": [min(sb[0], nb2[0]), sb[1], max(sb[2], db[2]), max(nb2[3], db[3])],
            }
        )
        ny = max(nb2[3], db[3]) + hand_px * 1.5
    # sometimes a note in the right margin across the body text
    if rng.random() < 0.35:
        note = rng.choice(["ด่วน", "ทราบ", "เร่งด่วน", "ดำเนินการ"])
        x = right - st.px * 4
        yy = MARGIN_TOP + em + st.leading * (6 + rng.random() * 6)
        hb = cv.hand(
            x, yy, note, st.hand, hand_px * 1.2, pen, rng, kind="note", angle=rng.uniform(-12, 12)
        )
        notes.append({"kind": "note", "text": note, "bbox": list(hb)})

    fields = {
        "agency": field_truth(normalise_value(mc.agency), mc.agency),
        "phone": field_truth(mc.phone, mc.phone_text),
        "reference": field_truth(mc.reference, mc.reference_text),
        "date": field_truth(mc.date.isoformat(), mc.date_text),
        "subject": field_truth(normalise_value(mc.subject), mc.subject),
        "to": field_truth(normalise_value(" ".join(mc.to_lines)), " ".join(mc.to_lines)),
    }
    doc = {
        "type": "memo",
        "fields": fields,
        "signatures": [
            {
                "name": mc.signer.name,
                "position": mc.signer.position,
                "bbox": [
                    min(sig_box[0], nb[0], pb[0]),
                    sig_box[1],
                    max(sig_box[2], nb[2], pb[2]),
                    pb[3],
                ],
            }
        ],
        "stamps": [stamp],
        "annotations": notes,
        "boxes": {
            "agency": list(agency_box),
            "reference": list(b_ref),
            "date": list(b_date),
            "subject": list(b_subj),
            "to": list(to_boxes[0]),
        },
    }
    return [cv], doc


def draw_received_stamp(
    cv: Canvas,
    mc: MemoContent,
    st: Style,
    rng: random.Random,
    pen: tuple[int, int, int],
    hand_px: float,
) -> dict[str, Any]:
    ink = ink_colour(rng, st.stamp_ink)
    sfont = st.face.font(pt_to_px(11), bold=True)
    w, h = int(pt_to_px(165)), int(pt_to_px(74))
    x0 = A4[0] - MARGIN_RIGHT - w + rng.randint(-40, 100)
    y0 = int(MARGIN_TOP * rng.uniform(0.15, 0.5))
    for dr, colour in ((cv.draw, ink), (cv.mdraw, STAMP)):
        dr.rounded_rectangle((x0, y0, x0 + w, y0 + h), radius=18, outline=colour, width=5)
    lh = h / 4.2
    office = mc.stamp_office
    cv.text(
        x0 + (w - sfont.getlength(office)) / 2, y0 + lh * 1.05, office, sfont, fill=ink, label=STAMP
    )
    values = [("เลขรับ", mc.stamp_number), ("วันที่", mc.stamp_date_text), ("เวลา", mc.stamp_time_text)]
    for i, (caption, val) in enumerate(values):
        base = y0 + lh * (2.05 + i * 0.95)
        lb = cv.text(x0 + 25, base, caption, sfont, fill=ink, label=STAMP)
        cv.hand(
            lb[2] + 20,
            base - 4,
            val,
            st.hand,
            min(hand_px * 0.7, lh * 0.8),
            pen,
            rng,
            kind="stamp_value",
            angle=rng.uniform(-3, 3),
        )
    cv.items.append({"kind": "stamp", "bbox": [x0, y0, x0 + w, y0 + h], "text": office})
    return {
        "kind": "received",
        "number": mc.stamp_number,
        "date": mc.stamp_date.isoformat(),
        "time": mc.stamp_time,
        "date_text": mc.stamp_date_text,
        "time_text": mc.stamp_time_text,
        "bbox": [x0, y0, x0 + w, y0 + h],
    }


def compose_newsletter(
    nc: NewsletterContent, st: Style, rng: random.Random, max_pages: int = 4
) -> tuple[list[Canvas], dict[str, Any]]:
    pages: list[Canvas] = [Canvas()]
    W, H = A4
    right = W - MARGIN_RIGHT
    width = right - MARGIN_LEFT
    reg, bold = st.face.font(st.px), st.face.font(st.px, bold=True)
    title_font = st.face.font(pt_to_px(rng.choice([24, 26, 28])), bold=True)
    if title_font.getlength(nc.title) > width:  # a long title is set smaller to fit the page
        title_font = title_font.font_variant(
            size=int(title_font.size * width / title_font.getlength(nc.title))
        )
    y = MARGIN_TOP + pt_to_px(28)
    cv = pages[0]
    tb = cv.text(MARGIN_LEFT, y, nc.title, title_font)
    y += st.leading * 1.3
    # (a long issuer line set smaller to fit: drawn past the page's edge, its phone's last
    # digits were in the truth and on no scan)
    cv.typed_line(MARGIN_LEFT, y, [(nc.issuer, reg)], 0, right)
    y += st.leading * 0.5
    cv.rule(MARGIN_LEFT, y, right, y, width=4)
    y += st.leading * 1.2
    bottom = H - MARGIN_BOTTOM
    sections_truth = []

    def room(need: float) -> None:
        nonlocal y, cv
        if y + need > bottom:
            cv = Canvas()
            pages.append(cv)
            y = MARGIN_TOP + st.leading

    for heading, paras in nc.sections:
        if len(pages) >= max_pages and y > bottom - st.leading * 6:
            break
        room(st.leading * 3)
        cv.text(MARGIN_LEFT, y, heading, bold)
        y += st.leading * 1.1
        body = []
        for para in paras:
            for j, line in enumerate(cv.wrap(para, reg, width, first_indent=pt_to_px(36))):
                room(st.leading)
                if len(pages) > max_pages:
                    break
                cv.text(MARGIN_LEFT + (pt_to_px(36) if j == 0 else 0), y, line, reg)
                y += st.leading
            body.append(para)
            y += st.leading * 0.3
        sections_truth.append(
            {"heading": normalise_value(heading), "text": normalise_value(" ".join(body))}
        )
    # the comparison table
    col = width / 2
    pad = st.px * 0.35
    rows_truth = []
    room(st.leading * 4)
    table_top = y
    cv.rule(MARGIN_LEFT, y, right, y)
    cells = []
    for ri, (a, b) in enumerate(nc.table):
        font = bold if ri == 0 else reg
        la = cv.wrap(a, font, col - 2 * pad)
        lb = cv.wrap(b, font, col - 2 * pad)
        n = max(len(la), len(lb))
        row_h = n * st.leading + pad * 2
        if y + row_h > bottom:
            break
        for ci, lines_ in enumerate((la, lb)):
            x0 = MARGIN_LEFT + ci * col
            yy = y + pad + st.px * 0.95
            for line in lines_:
                tx = x0 + pad if ri else x0 + (col - font.getlength(line)) / 2
                cv.text(tx, yy, line, font)
                yy += st.leading
            cells.append(
                {"row": ri, "col": ci, "bbox": [int(x0), int(y), int(x0 + col), int(y + row_h)]}
            )
        y += row_h
        cv.rule(MARGIN_LEFT, y, right, y)
        rows_truth.append([normalise_value(a), normalise_value(b)])
    for x in (MARGIN_LEFT, MARGIN_LEFT + col, right):
        cv.rule(x, table_top, x, y)
    cv.items.append(
        {
            "kind": "table",
            "bbox": [MARGIN_LEFT, int(table_top), int(right), int(y)],
            "text": "",
            "cells": cells,
        }
    )
    doc = {
        "type": "newsletter",
        "title": {"text": nc.title, "value": normalise_value(nc.title), "bbox": list(tb)},
        "sections": sections_truth,
        "tables": [{"page_index": len(pages) - 1, "rows": rows_truth}],
    }
    return pages, doc


def compose_other(
    lines: list[str], st: Style, rng: random.Random
) -> tuple[list[Canvas], dict[str, Any]]:
    """An announcement (ประกาศ) style page: centred title, body text."""
    cv = Canvas()
    reg, bold = st.face.font(st.px), st.face.font(st.px * 1.2, bold=True)
    y = MARGIN_TOP + pt_to_px(60)
    W = A4[0]
    for title in cv.wrap(lines[0], bold, W - MARGIN_LEFT - MARGIN_RIGHT):  # centred, wrapped
        cv.text((W - bold.getlength(title)) / 2, y, title, bold)
        y += st.leading * 1.3
    y += st.leading * 0.5
    for para in lines[1:]:
        for j, line in enumerate(
            cv.wrap(para, reg, W - MARGIN_LEFT - MARGIN_RIGHT, first_indent=pt_to_px(71))
        ):
            cv.text(MARGIN_LEFT + (pt_to_px(71) if j == 0 else 0), y, line, reg)
            y += st.leading
    return [cv], {"type": "other"}


def compose_sparse(st: Style, rng: random.Random) -> tuple[list[Canvas], dict[str, Any]]:
    """A mostly blank page: one or two short typed lines (a continuation page, a cover slip)."""
    cv = Canvas()
    reg = st.face.font(st.px)
    y = MARGIN_TOP + rng.uniform(0, 1500)
    for text in rng.sample(
        ["ได้ส่งเอกสารมาพร้อมนี้", "จึงเรียนมาเพื่อโปรดทราบ", "หน้า ๒", "สิ่งที่ส่งมาด้วย"], rng.randint(1, 2)
    ):
        cv.text(MARGIN_LEFT + rng.uniform(0, 600), y, text, reg)
        y += st.leading * 1.2
    return [cv], {"type": "other"}


def compose_handnotes(st: Style, rng: random.Random) -> tuple[list[Canvas], dict[str, Any]]:
    """A page covered in handwriting: routing notes, names and dates, with one typed line."""
    from pipeline.synth.content import FIRST_NAMES, ROUTING_NOTES

    cv = Canvas()
    pen = ink_colour(rng, st.ink)
    cv.text(MARGIN_LEFT, MARGIN_TOP + st.px, "บันทึกการสั่งการ", st.face.font(st.px, bold=True))
    y = MARGIN_TOP + st.leading * 3
    while y < A4[1] - MARGIN_BOTTOM - st.px * 2:
        note = rng.choice(ROUTING_NOTES).replace("{first}", rng.choice(FIRST_NAMES))
        cv.hand(
            MARGIN_LEFT + rng.uniform(0, 700),
            y,
            note,
            st.hand,
            st.px * rng.uniform(1.1, 1.5),
            pen,
            rng,
        )
        y += st.px * rng.uniform(1.8, 2.6)
    return [cv], {"type": "other"}
