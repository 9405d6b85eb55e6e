"""Layout: what OCR sees of stamps and rules."""

from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from pipeline import layout
from pipeline.synth.fonts import typed_face

from .conftest import draw_grid

RESOURCES = Path(__file__).parent / "resources"


def _page() -> tuple[Image.Image, ImageDraw.ImageDraw]:
    img = Image.new("L", (2480, 3508), 255)  # A4 at 300 dpi
    return img, ImageDraw.Draw(img)


def _typed_under_stamp(
    y: int, text: str, stamp: Callable[..., None]
) -> tuple[layout.Layout, np.ndarray]:
    """A typed line at ``y`` and a stamp ``stamp(draw, font)`` draws over it: the layout, and
    the typed line's ink alone."""
    font = typed_face("laksaman").font(67)
    text_only, d = _page()
    d.text((300, y), text, font=font, fill=0)
    img, d = _page()
    d.text((300, y), text, font=font, fill=0)
    stamp(d, font)
    gray = np.asarray(img)
    lay = layout.analyse(np.stack([gray] * 3, axis=-1), gray, 300, False)
    assert any(r.kind.value == "stamp" for r in lay.regions)
    return lay, np.asarray(text_only) < 128


def test_a_stamp_over_typed_text_keeps_the_text_and_hides_its_own():
    def stamp(d: ImageDraw.ImageDraw, font: ImageFont.FreeTypeFont) -> None:
        # a received stamp, its frame's bottom line across the phone number's digits
        d.rectangle((1100, 150, 1900, 440), outline=0, width=4)
        d.text((1150, 200), "เลขรับ 9306", font=font, fill=0)

    lay, typed = _typed_under_stamp(400, "ส่วนราชการ กองคลัง โทร. 0 2146 9944", stamp)
    frame_rows = np.zeros_like(typed)
    frame_rows[432:450] = True  # the frame's line and the rows cleared with it
    kept = lay.ocr_gray < 200
    # the typed line's ink, inside the frame too, reaches OCR
    assert kept[typed & ~frame_rows].mean() > 0.97
    # the stamp's own text does not
    assert not kept[190:300, 1140:1880].any()


def test_a_stroke_running_on_from_a_stamps_frame_does_not_take_the_line_under_it():
    """A stroke drawn down from a received stamp's corner (a note's arrow) runs the frame's
    side on below its bottom rule, over the typed line there: the stamp is the frame's box,
    and the line's digits under the stroke's reach reach OCR (the frame's box had run on to
    the stroke's end, and the digits inside it were cleared as the stamp's)."""

    def stamp(d: ImageDraw.ImageDraw, font: ImageFont.FreeTypeFont) -> None:
        d.rectangle((1100, 80, 1900, 380), outline=0, width=5)
        d.text((1150, 150), "เลขรับ 9306", font=font, fill=0)
        d.line((1102, 380, 1102, 430), fill=0, width=3)  # the arrow's shaft, on from the side

    lay, typed = _typed_under_stamp(395, "ส่วนราชการ กองคลัง โทร. ๐ ๓๓๗๔ ๕๙๑๓", stamp)
    (stamp_box,) = [r.bbox for r in lay.regions if r.kind.value == "stamp"]
    assert stamp_box[3] <= 395  # the frame's bottom rule (378-382) and its reach
    kept = lay.ocr_gray < 200
    assert kept[typed].mean() > 0.97
    assert not kept[140:260, 1140:1880].any()  # the stamp's own text is still hidden


def test_a_rule_along_the_tops_of_typed_digits_leaves_their_strokes():
    """A stamp's frame drawn along the tops of a phone's digits: clearing the rule cut ``๖``'s
    tail and ``๒``'s loop (read ``๐`` and ``๓``); the letters' strokes keep the rule's ink
    across the band, and the rule away from them is still cleared."""
    font = typed_face("laksaman").font(67)
    text_only, d = _page()
    d.text((300, 400), "โทร. ๐ ๐๖๗๗ ๔๒๓๗", font=font, fill=0)
    letters = np.asarray(text_only) < 128
    rows = np.flatnonzero(letters[:, 700:].any(axis=1))
    top = int(rows[0]) + 2  # the digits' tops (a tone mark over โ stands higher, left of 700)
    img, d = _page()
    d.text((300, 400), "โทร. ๐ ๐๖๗๗ ๔๒๓๗", font=font, fill=0)
    d.rectangle((600, top - 300, 1900, top), outline=0, width=4)
    gray = np.asarray(img)
    lay = layout.analyse(np.stack([gray] * 3, axis=-1), gray, 300, False)
    band = np.zeros_like(letters)
    band[top - 5 : top + 3, 700:1850] = True
    # the digits' own ink in the rule's band reaches OCR: beside the rule's rows (those of a
    # letter that only stands against it are the rule's: a tick of it over the letter misreads)
    beside = band.copy()
    beside[top - 3 : top + 1] = False
    assert (lay.ocr_gray[letters & beside] < 200).mean() >= 0.9
    assert (lay.ocr_gray[letters & band] < 200).mean() > 0.4
    # ... and the rule beside them does not
    away = band & ~cv2_dilate(letters, 41)
    assert away.sum() > 500
    assert (lay.ocr_gray[away] == 255).mean() > 0.98


def test_stems_through_a_coloured_frames_line_keep_their_ink_across_it():
    """A stamp's frame line, in colour, across the stems of ``๒`` and ``๗`` that rise over the
    digits' heads (seed 86, Kinnari): the stems' ink across the line had gone with the pen's
    colour (it is the line's, drawn over them), and ``๒๕๗๗`` read ``๓๕๓๓``; in grey too."""
    font = typed_face("kinnari").font(67)
    text = "โทร. ๐-๑๘๘๒-๒๕๗๗"
    text_only, d = _page()
    d.text((300, 400), text, font=font, fill=0)
    letters = np.asarray(text_only) < 128
    per_row = letters[:, 700:].sum(axis=1)
    rule = int(np.flatnonzero(per_row > 0.5 * per_row.max())[0]) - 3  # over the digits' heads
    stems = np.zeros_like(letters)
    stems[:, 700:1850] = letters[:, 700:1850]
    through = stems[: rule - 6].any(axis=0)  # the columns of the strokes that rise past it
    band = np.zeros_like(letters)
    band[rule - 5 : rule + 2] = True
    crossed = stems & band & through[None, :]
    assert crossed.sum() > 80
    for colour in (False, True):
        img = Image.new("RGB", (2480, 3508), (255, 255, 255))
        d = ImageDraw.Draw(img)
        d.text((300, 400), text, font=font, fill=(0, 0, 0))
        d.rectangle((680, rule - 300, 1900, rule), outline=(60, 70, 160) if colour else 0, width=5)
        lay = layout.analyse(np.asarray(img), np.asarray(img.convert("L")), 300, colour)
        assert (lay.ocr_gray[crossed] < 200).mean() > 0.7, colour


def test_a_rule_over_the_bars_of_latin_digits_leaves_them_their_bars():
    """A stamp's frame along the tops of a phone's Latin digits, over the bar of ``7`` and the
    arc of ``0``: the strokes carried into the band did not reach them (``0 7717`` was read
    ``ป //1/``); where the band's ink is thicker than the rule, a letter lies along it and
    keeps it, in grey and in colour (where the stamp's ink is cleared by its colour too)."""
    font = typed_face("laksaman").font(67)
    text = "โทร. 0 7717 1585"
    text_only, d = _page()
    d.text((300, 400), text, font=font, fill=0)
    letters = np.asarray(text_only) < 128
    rows = np.flatnonzero(letters[:, 495:].any(axis=1))
    top = int(rows[0]) + 1  # the rule's last row: over the digits' first two rows
    for colour in (False, True):
        img = Image.new("RGB", (2480, 3508), (255, 255, 255))
        d = ImageDraw.Draw(img)
        d.text((300, 400), text, font=font, fill=(0, 0, 0))
        ink = (150, 40, 160) if colour else (0, 0, 0)
        d.rectangle((485, top - 300, 1900, top), outline=ink, width=5)
        rgb = np.asarray(img)
        gray = np.asarray(img.convert("L"))
        lay = layout.analyse(rgb, gray, 300, colour)
        band = np.zeros_like(letters)
        band[top - 6 : top + 4, 495:1850] = True
        # the digits' own ink beside the rule's rows (the bars and arcs) reaches OCR ...
        beside = band.copy()
        beside[top - 4 : top + 1] = False
        assert (lay.ocr_gray[letters & beside] < 200).mean() > 0.75, colour
        # ... and the rule beside them does not
        away = band & ~cv2_dilate(letters, 41)
        assert away.sum() > 500
        assert (lay.ocr_gray[away] == 255).mean() > 0.98, colour


def test_a_ruled_line_leaves_no_ghost():
    img, d = _page()
    # a deskewed rule: a line whose edges step by a pixel every so often, leaving runs along
    # them shorter than any rule (the dashes of the ghost), and its grey fringe
    d.line((200, 500, 2200, 500), fill=0, width=3)
    for x in range(200, 2200, 120):
        d.line((x, 498, x + 60, 498), fill=40, width=1)
        d.line((x + 60, 502, x + 120, 502), fill=40, width=1)
        d.line((x, 497, x + 60, 497), fill=170, width=1)
        d.line((x + 60, 503, x + 120, 503), fill=170, width=1)
    gray = np.asarray(img)
    lay = layout.analyse(np.stack([gray] * 3, axis=-1), gray, 300, False)
    assert (lay.ocr_gray[490:512, 200:2200] == 255).all()


def test_stamp_ink_is_told_by_real_colour_not_by_a_cast_on_black_pen():
    from pipeline.layout import colour_masks

    inks = {
        "blue pen": (30, 55, 165),
        "purple stamp": (120, 45, 150),
        "red stamp": (190, 35, 45),
        "black pen, purple cast": (42, 26, 46),
        "black pen, blue cast": (28, 30, 48),
        "toner": (50, 54, 44),
    }
    rgb = np.full((20, 20 * len(inks), 3), 255, np.uint8)
    ink = np.zeros(rgb.shape[:2], np.uint8)
    for i, colour in enumerate(inks.values()):
        rgb[5:15, 20 * i + 5 : 20 * i + 15] = colour
        ink[5:15, 20 * i + 5 : 20 * i + 15] = 255
    blue, stamp = colour_masks(rgb, ink)
    found = {
        name: ("pen" if blue[10, 20 * i + 10] else "stamp" if stamp[10, 20 * i + 10] else "")
        for i, name in enumerate(inks)
    }
    assert found == {
        "blue pen": "pen",
        "purple stamp": "stamp",
        "red stamp": "stamp",
        "black pen, purple cast": "",
        "black pen, blue cast": "pen",  # a pen either way
        "toner": "",
    }


def test_type_on_a_scan_with_a_colour_cast_is_no_pen():
    """A scan whose channels are offset (bluish paper, 242 247 253) gives black type the same
    offset; in the grey edge and core pixels of thin, blurred strokes that is a blue pen's
    saturation. The cast is taken out first: the type is no pen, a blue pen still is."""
    import cv2

    from pipeline.layout import binarise, colour_masks

    font = typed_face("laksaman").font(67)
    img = Image.new("RGB", (1600, 500), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.text((50, 60), "ด้วยกลุ่มงานประชาสัมพันธ์มีความประสงค์", font=font, fill=(25, 25, 28))
    d.text((50, 300), "ทราบ ดำเนินการ", font=font, fill=(40, 60, 170))
    rgb = cv2.GaussianBlur(np.asarray(img), (0, 0), 1.0) - np.array([13, 8, 2])
    noise = np.random.default_rng(0).normal(0, 4, rgb.shape[:2])[..., None]
    rgb = np.clip(rgb + noise, 0, 255).astype(np.uint8)
    ink = binarise(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY), 300)
    blue, _ = colour_masks(rgb, ink)
    typed, pen = ink[:200] > 0, ink[250:] > 0
    assert (blue[:200] > 0)[typed].mean() < 0.01
    assert (blue[250:] > 0)[pen].mean() > 0.9


def test_blue_specks_on_black_type_are_no_pen_and_are_not_cleared():
    """A colour scan's noise tints a few pixels of black type blue, here and there over the
    page: each had become a handwritten region and been cleared from the typed line it lay on
    (a year's last digit lost). A blue pen's note on the same page is still a pen's."""
    import cv2

    font = typed_face("norasi").font(63)
    img = Image.new("RGB", (2480, 1200), (250, 250, 252))
    d = ImageDraw.Draw(img)
    for i, text in enumerate(("ที่ ทส 1010/7354 วันที่ 27 มิถุนายน 2562", "เรื่อง ขออนุมัติจัดซื้อวัสดุสำนักงาน")):
        d.text((300, 200 + 150 * i), text, font=font, fill=(20, 20, 24))
    d.text((400, 800), "ทราบ ดำเนินการ", font=typed_face("sarabun").font(80), fill=(30, 55, 170))
    rgb = np.asarray(img).copy()
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    typed = gray[:600] < 100
    ys, xs = np.nonzero(typed)
    pick = np.random.default_rng(1).choice(len(ys), 120, replace=False)
    rgb[ys[pick], xs[pick]] = (33, 33, 50)  # the tint: a pen's hue, at a dark pixel
    lay = layout.analyse(rgb, cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY), 300, True)
    hand = [r.bbox for r in lay.regions if r.kind.value == "handwritten"]
    assert hand and all(b[1] > 700 for b in hand), hand
    assert (lay.ocr_gray[:600][typed] < 128).mean() > 0.99  # the type whole for OCR


def test_a_pens_word_with_few_blue_pixels_is_a_pen_by_its_colour():
    """A violet ballpoint's word has a tenth of its pixels in the pen's hue (the rest redder):
    too few to be a pen by their share, but its ink is far more colourful than the type's."""
    rgb = np.full((200, 600, 3), 250, np.uint8)
    ink = np.zeros((200, 600), np.uint8)
    blue = np.zeros((200, 600), np.uint8)
    rgb[40:80, 50:550] = (22, 22, 24)  # type
    ink[40:80, 50:550] = 255
    rgb[130:170, 50:250] = (110, 40, 120)  # the violet word
    ink[130:170, 50:250] = 255
    blue[40:80:10, 100:500:40] = 255  # specks on the type
    blue[130:170:3, 50:250:3] = 255  # a tenth of the word
    kept, boxes = layout.pen_groups(rgb, ink, blue, 300)
    assert len(boxes) == 1 and boxes[0][1] > 100
    assert not kept[:100].any() and kept[100:].sum() == blue[100:].sum()


def test_a_blank_page_scanned_in_colour_has_no_regions():
    """The back of a sheet: no ink at all, in colour, is an empty page, not a crash."""
    rgb = np.full((3508, 2480, 3), 250, np.uint8)
    gray = rgb[..., 0].copy()
    lay = layout.analyse(rgb, gray, 300, True)
    assert lay.regions == []
    assert not lay.ink.any()


def test_a_pen_stroke_across_typed_letters_leaves_the_letters_whole():
    """Colour ink is cleared from what OCR sees; where it crossed a typed letter the letter is
    filled in from its own strokes either side, and the pen's ink elsewhere stays cleared."""
    font = typed_face("laksaman").font(67)
    text_only, d = _page()
    d.text((300, 400), "นางสาวเกรียงไกร ใจดี", font=font, fill=0)
    img = Image.new("RGB", text_only.size, (255, 255, 255))
    ImageDraw.Draw(img).text((300, 400), "นางสาวเกรียงไกร ใจดี", font=font, fill=(0, 0, 0))
    ImageDraw.Draw(img).line((250, 470, 1200, 410), fill=(20, 40, 200), width=4)  # a ballpoint
    stroke = Image.new("L", text_only.size, 0)
    ImageDraw.Draw(stroke).line((250, 470, 1200, 410), fill=255, width=4)
    rgb = np.asarray(img)
    gray = np.asarray(img.convert("L"))
    lay = layout.analyse(rgb, gray, 300, True)
    letters = np.asarray(text_only) < 128
    under = letters & (np.asarray(stroke) > 0)
    assert under.sum() > 100
    # the letters under the stroke are back where their strokes cross it (not where they run
    # along it): none of them is without the mend
    assert (lay.ocr_gray[under] < 160).mean() > 0.3
    beside = (np.asarray(stroke) > 0) & ~cv2_dilate(letters, 9)
    assert (lay.ocr_gray[beside] > 200).mean() > 0.95  # the stroke itself is still gone


def cv2_dilate(mask: np.ndarray, k: int) -> np.ndarray:
    import cv2

    return cv2.dilate(mask.astype(np.uint8), np.ones((k, k), np.uint8)) > 0


def test_the_x_height_of_a_table_page_is_its_letters_not_the_steps_of_its_rules():
    # a page of one table, deskewed by degrees: its rules step by a pixel every few rows,
    # and what the rule finder leaves of them is hundreds of slivers a pixel wide
    img, d = _page()
    font = typed_face("sarabun").font(75)
    rows = [300 + 240 * i for i in range(6)]
    draw_grid(d, rows)
    for x in (350, 1300, 2250):
        for y in range(rows[0], rows[-1], 32):  # the steps, on alternate sides
            d.line((x + 3, y, x + 3, y + 15), fill=0, width=1)
            d.line((x - 3, y + 16, x - 3, y + 31), fill=0, width=1)
    for y in rows[:-1]:
        d.text((400, y + 60), "ค่าเช่าที่พักไม่เกิน 108 บาท", font=font, fill=0)
        d.text((1350, y + 60), "ส่งหนังสือผ่านระบบ", font=font, fill=0)
    gray = np.asarray(img)
    lay = layout.analyse(np.stack([gray] * 3, axis=-1), gray, 300, False)
    assert 35 <= lay.x_height <= 50, lay.x_height
    # no letter is taken for a figure (a figure is hidden from OCR)
    assert not any(r.kind.value == "figure" for r in lay.regions)


def test_a_dark_band_from_the_edge_takes_only_itself_not_the_strokes_it_touches():
    import cv2

    from pipeline.layout import border_mask, otsu_ink

    gray = np.full((1200, 900), 235, np.uint8)
    cv2.line(gray, (300, 0), (900, 250), 20, 16)  # a dark band across the scan, from its edge
    cv2.rectangle(gray, (500, 120), (700, 300), 90, 3)  # a stamp's thin frame it crosses
    for x in (520, 560, 600):  # strokes of the digits under the frame, 3 px below it
        cv2.line(gray, (x, 306), (x + 20, 340), 30, 4)
    border = border_mask(gray, otsu_ink(gray))
    assert border[60, 444] > 0  # the band
    assert not border[315:340, 515:625].any()  # the digits stay


def test_a_punch_hole_scanned_dark_is_hidden_from_ocr_and_a_dark_dot_in_the_text_is_not():
    font = typed_face("laksaman").font(67)
    img, d = _page()
    d.text((330, 1300), "๙๔๗ บาท", font=font, fill=0)
    d.ellipse((74, 1290, 150, 1366), fill=35)  # a hole 6.4 mm across, beside the line
    d.ellipse((1200, 2000, 1276, 2076), fill=35)  # a dot as large, amid the page: not a hole
    gray = np.asarray(img)
    lay = layout.analyse(np.stack([gray] * 3, axis=-1), gray, 300, False)
    assert (lay.ocr_gray[1280:1376, 60:160] == 255).all()
    assert (lay.ocr_gray[1300:1380, 330:700] < 128).any()  # the line itself stays
    assert (lay.ocr_gray[2000:2076, 1200:1276] < 128).any()


def test_a_signature_stroke_along_the_top_of_the_name_leaves_its_marks():
    """A signature's closing stroke drawn along the top of the name under it joins the name's
    upper vowels and tone marks to the signature's component: they are given back to OCR
    (``อรุณี`` had been read ``อรุณ``), and the signature's loops are still cleared."""
    font = typed_face("laksaman").font(67)
    text = "(นางอรุณี แก้วมณี)"
    text_only, d = _page()
    d.text((800, 1500), text, font=font, fill=0)
    letters = np.asarray(text_only) < 128
    # the marks: the ink above the letters' tops (ี over ณ, ้ over ก, ี over ณ)
    body = int(np.flatnonzero(letters[:, 840:990].sum(axis=1) > 10)[0])  # นาง
    marks = letters.copy()
    marks[body - 3 :] = False
    touched = int(np.flatnonzero(marks[:, 1000:1060].any(axis=1))[0])  # อรุณี's ี
    img, d = _page()
    d.text((800, 1500), text, font=font, fill=0)

    # the flourish as the generator draws it: straight, rising 3° to the right, its foot on
    # the ี; loops stand on it
    def on_stroke(x: int) -> int:
        return round(touched - 1 - (x - 1030) * 0.05)

    for x in (850, 960, 1070):
        d.ellipse((x, on_stroke(x + 50) - 160, x + 100, on_stroke(x + 50) + 2), outline=0, width=4)
    d.line((820, on_stroke(820), 1200, on_stroke(1200)), fill=0, width=4)
    stroke = Image.new("L", text_only.size, 0)
    ImageDraw.Draw(stroke).line((820, on_stroke(820), 1200, on_stroke(1200)), fill=255, width=8)
    gray = np.asarray(img)
    lay = layout.analyse(np.stack([gray] * 3, axis=-1), gray, 300, False)
    assert any(r.kind.value == "signature" for r in lay.regions)
    marks &= np.asarray(stroke) == 0  # (what the stroke covers is the stroke's)
    assert marks[:, 1000:1060].sum() > 100
    assert (lay.ocr_gray[marks] < 200).mean() > 0.9
    assert (lay.ocr_gray[letters & ~marks & (np.asarray(stroke) == 0)] < 200).mean() > 0.95
    loops = np.zeros_like(letters)
    loops[on_stroke(850) - 160 : on_stroke(850) - 30, 850:1170] = True
    assert (lay.ocr_gray[loops] == 255).mean() > 0.99


def _pasted(
    resource: str, y: int, x: int, dpi: int = 300
) -> tuple[np.ndarray, np.ndarray, layout.Layout]:
    """A blank A4 page of ``dpi`` (300 or 200) with the crop ``tests/resources/RESOURCE``
    pasted at (``x``, ``y``): the page, the crop and the page's layout."""
    crop = np.asarray(Image.open(RESOURCES / resource).convert("L"))
    gray = np.full((3508, 2480) if dpi == 300 else (2339, 1653), 255, np.uint8)
    gray[y : y + crop.shape[0], x : x + crop.shape[1]] = crop
    return gray, crop, layout.analyse(np.stack([gray] * 3, axis=-1), gray, dpi, False)


def test_a_signature_joined_to_the_name_it_runs_through_is_still_a_signature():
    """A signature drawn down into the name line on a black-and-white scan is one component
    with the letters it touches (``สาวจันทร์``), too dense as a whole for a scribble: its ink
    outside the line's band is one, so it is a signature and hidden from OCR, and the name's
    letters beside it are not (a generated page, seed 27: the name had been read ``นาง จนทรเพ็ญ``)."""
    gray, _, lay = _pasted("signature-on-name-bw.png", 1760, 1050)
    signatures = [r.bbox for r in lay.regions if r.kind.value == "signature"]
    assert len(signatures) == 1
    x0, y0, x1, y1 = signatures[0]
    assert x0 < 1350 and x1 > 1650 and y0 < 1820  # its loops ...
    loops = (slice(y0, 1890), slice(x0, x1))
    assert (lay.ocr_gray[loops] < 128).mean() < 0.002  # ... are hidden
    ink = gray < 128
    beside = np.zeros_like(ink)
    beside[1900:2000, 1100:1330] = True  # ``(นาง``
    beside[1900:2000, 1720:1990] = True  # ``ใจดี)``
    assert (lay.ocr_gray[ink & beside] < 128).mean() > 0.97


def test_a_thin_flourish_across_the_names_marks_goes_with_the_signature():
    """A signature's flourish two pixels wide, drawn across the tone marks of the name under it
    at a slant 2.5° off the long-stroke kernels' (a generated page, seed 38), is taken out with
    the signature: it had stayed, and ``คงมั่น`` was read ``คงมัน`` through it."""
    _, crop, lay = _pasted("flourish-on-marks.png", 2440, 1150)
    assert any(r.kind.value == "signature" for r in lay.regions)
    seen = lay.ocr_gray[2440 : 2440 + crop.shape[0], 1150 : 1150 + crop.shape[1]] < 128
    # the rows the flourish runs along, above the name's letters: only the marks are left
    # (ั and ่, some 50 columns; the flourish held 170)
    assert seen[180:196, 150:600].any(axis=0).sum() < 80
    # ... and the name's letters are all there
    assert (seen[200:] == (crop[200:] < 128)).mean() > 0.99


def test_a_bold_signature_joined_to_the_name_is_still_a_signature():
    """A signature in a heavy pen, drawn down through the name's first letters on a
    black-and-white scan (a generated page, seed 44): its ink outside the name's band is denser
    than a fine pen's (a sixth of its box), and it is still a signature, hidden from OCR, with
    the name's letters beside it kept (the name line, struck through, had been read ``(นาง ๕ม6``
    and taken for a pen's)."""
    _, crop, lay = _pasted("bold-signature-on-name-bw.png", 1800, 1200)
    signatures = [r.bbox for r in lay.regions if r.kind.value == "signature"]
    assert len(signatures) == 1
    seen = lay.ocr_gray[1800 : 1800 + crop.shape[0], 1200 : 1200 + crop.shape[1]] < 128
    assert seen[:110, 200:500].mean() < 0.002  # its loops are hidden
    ink = crop < 128
    assert (seen[140:230, :170][ink[140:230, :170]]).mean() > 0.97  # ``(นาง``
    assert (seen[140:230, 320:640][ink[140:230, 320:640]]).mean() > 0.9  # ``ศักดิ์สิทธิ์)``


def _seen_of(resource: str, dpi: int = 300) -> tuple[np.ndarray, np.ndarray, layout.Layout]:
    """The crop ``tests/resources/RESOURCE`` (a grey page's, before layout) pasted on a blank
    page of ``dpi``: its ink, what OCR's image keeps of it, and the page's layout."""
    _, crop, lay = _pasted(resource, 1000, 800, dpi)
    seen = lay.ocr_gray[1000 : 1000 + crop.shape[0], 800 : 800 + crop.shape[1]] < 128
    return crop < 128, seen, lay


def test_a_loops_bend_over_two_letters_goes_with_the_signature():
    """A signature's loop dipping to the tops of the name under it (a generated page, seed 86):
    the long strokes' removal leaves its bend a piece of its own, a mark's size; it spans two
    letters (ย and ว), so it is no mark of either, and OCR no longer sees it (``(นายวราภรณ์``
    had been read ``วิราภรณ์``)."""
    ink, seen, lay = _seen_of("loop-bend-over-two-letters.png")
    assert any(r.kind.value == "signature" for r in lay.regions)
    assert ink[150:190, 140:215].sum() > 100  # the bend, over ย and ว
    assert not seen[150:190, 140:215].any()
    assert (seen[200:] == ink[200:]).mean() > 0.99  # the name


def test_a_signatures_stroke_just_over_the_letters_is_not_taken_for_their_marks():
    """The rows just over a line's letters, where its upper vowels sit, are not the letters'
    band: a signature's loops dipping into them, joined to the rest of the loops above, are
    hidden with the signature, and the name's letters stay."""
    font = typed_face("laksaman").font(67)
    img, d = _page()
    d.text((800, 1500), "(นายวราภรณ์ สุขเจริญ)", font=font, fill=0)
    letters = np.asarray(img) < 128
    body = int(np.flatnonzero(letters[:, 800:1600].sum(axis=1) > 100)[0])  # the letters' tops
    loops = Image.new("L", img.size, 0)
    for x in (930, 996, 1062):  # three loops in a fine pen, their feet 6 px over the letters
        box = (x, body - 146, x + 70, body - 6)
        d.ellipse(box, outline=0, width=3)
        ImageDraw.Draw(loops).ellipse(box, outline=255, width=3)
    gray = np.asarray(img)
    lay = layout.analyse(np.stack([gray] * 3, axis=-1), gray, 300, False)
    assert any(r.kind.value == "signature" for r in lay.regions)
    feet = np.asarray(loops) > 0
    feet[: body - 46] = False
    assert feet.sum() > 500
    assert not (lay.ocr_gray[feet] < 128).any()
    assert (lay.ocr_gray[letters] < 128).mean() > 0.99


def test_a_letters_tail_over_the_line_stays_where_a_signatures_stroke_joins_it():
    """A signature's stroke drawn down to the tail of ``ป`` joins the letter to it: the tail,
    over the letters' tops, is in the rows taken as above them, but the component goes on down
    into the letters there (ป's body), so it is the letter's and stays (ป without it is บ)."""
    font = typed_face("laksaman").font(67)
    img, d = _page()
    d.text((800, 1500), "(นายประเสริฐ ทองคำ)", font=font, fill=0)
    letters = np.asarray(img) < 128
    head, dh = _page()
    dh.text((800, 1500), "(นาย", font=font, fill=0)
    with_p, dp = _page()
    dp.text((800, 1500), "(นายป", font=font, fill=0)
    p = (np.asarray(with_p) < 128) & (np.asarray(head) >= 128)
    body = int(np.flatnonzero(letters[:, 800:1500].sum(axis=1) > 100)[0])
    tail = p.copy()
    tail[body:] = False
    tx = np.flatnonzero(tail.any(axis=0))
    ty = int(np.flatnonzero(tail.any(axis=1))[0])
    assert tail.sum() > 40
    for x in (990, 1056, 1122):  # the loops, and a stroke from the first down to ป's tail
        d.ellipse((x, ty - 170, x + 70, ty - 50), outline=0, width=3)
    d.line((1025, ty - 51, int(tx[-1]) - 1, ty + 2), fill=0, width=3)
    gray = np.asarray(img)
    lay = layout.analyse(np.stack([gray] * 3, axis=-1), gray, 300, False)
    assert any(r.kind.value == "signature" for r in lay.regions)
    assert (lay.ocr_gray[tail] < 128).mean() > 0.5  # (a fifth of it stayed before)
    assert (lay.ocr_gray[ty - 170 : ty - 50, 990:1200] < 128).sum() < 50  # the loops go


def test_a_line_drawn_by_hand_over_a_name_is_hidden_from_ocr():
    """A signature's underline drawn apart from its loops, thin and slanting a degree (no rule
    to the opening), over the name under it (a generated page, seed 87): OCR no longer sees
    it (``(นางสาวนภาพร`` had been read ``น์ภาพร``), and the name stays."""
    ink, seen, lay = _seen_of("thin-line-over-name.png")
    assert ink[140:186, 330:500].sum() > 400  # the line
    assert not seen[140:186, 330:500].any()
    assert (seen[192:] == ink[192:]).all()


def test_a_line_drawn_by_hand_through_a_mark_leaves_the_mark():
    """A signature's underline drawn through the tone mark of the name under it (a generated
    page, seed 85) is hidden from OCR, and what its removal leaves of the mark is given back
    (as a signature's strokes give back the letters they touch): without it the name's ``ณ์``
    read ``ณ``, and the name ``วิราภรณ์`` from another reading."""
    ink, seen, _ = _seen_of("pen-line-through-a-mark.png")
    assert ink[125:140, 180:300].sum() > 50  # the line, left of the mark
    assert not seen[125:140, 180:300].any()
    assert seen[125:153, 305:350].sum() > 30  # ณ's ์ (14 of its pixels were left)


def test_the_pieces_of_a_signatures_underline_taken_for_a_rule_go_with_it():
    """A signature's underline straight enough in parts to be taken for a rule: the thin
    pieces the rules' opening leaves of it, between those parts and at their ends, go with the
    signature (200 dpi, seed 83: a piece over ``วร`` was read ``วิ``; a dense signature taken
    for a figure, seed 83: pieces over ``นภ`` were read ``น์``)."""
    ink, seen, _ = _seen_of("underline-rule-on-name-200dpi.png", dpi=200)
    assert ink[95:113, 100:150].sum() > 100  # the underline over วร
    assert not seen[95:113, 100:150].any()
    assert (seen[114:] == ink[114:]).all()
    ink, seen, lay = _seen_of("dense-signature-on-underline.png")
    assert any(r.kind.value == "figure" for r in lay.regions)
    assert ink[118:137, 200:400].sum() > 500  # the underline, left of the last loop
    assert not seen[118:137, 200:400].any()
    assert (seen[144:] == ink[144:]).all()


def test_a_rules_pieces_go_only_with_a_pens_ink_and_never_in_a_frame():
    """The pieces a rule's opening leaves go with a signature's underline only: not where
    dotted leaders touch the rule (a skewed stamp's frame on a bench page: its row of pieces
    went, the page's lines were found otherwise, and its phone read a digit wrong), nor inside
    a table's or a stamp's frame, whatever touches its rules."""
    from pipeline.components import components

    font = typed_face("laksaman").font(67)
    img, d = _page()
    d.text((400, 800), "ส่วนราชการ สำนักบริหารกลาง กรมการปกครอง", font=font, fill=0)
    for x in (1000, 1066, 1132):  # a signature, far from the rule
        d.ellipse((x, 2000, x + 70, 2140), outline=0, width=3)
    d.rectangle((700, 1198, 1500, 1201), fill=0)  # a rule
    d.rectangle((1500, 1203, 1540, 1205), fill=0)  # a piece past its end, a step down
    for x in range(560, 700, 17):  # leader dots, the last touching the rule's start
        d.ellipse((x, 1196, x + 6, 1202), fill=0)
    gray = np.asarray(img)
    lay = layout.analyse(np.stack([gray] * 3, axis=-1), gray, 300, False)
    assert any(r.kind.value == "signature" for r in lay.regions)
    assert (lay.ocr_gray[1200:1210, 1502:1541] < 128).sum() > 60  # the piece stays

    ink = np.zeros((400, 1200), np.uint8)
    clear, pen = np.zeros_like(ink), np.zeros_like(ink)
    for y, x0 in ((100, 100), (300, 700)):  # two rules' cleared bands, the second in a frame
        clear[y - 2 : y + 3, x0 : x0 + 300] = 255
        ink[y - 1 : y + 2, x0 + 300 : x0 + 330] = 255  # a thin piece at its end
        pen[y - 60 : y - 2, x0 + 40 : x0 + 44] = 1  # a signature's stroke down onto it
    _, labels, stats = components(ink)
    ends = layout._pen_rule_pieces(
        labels, stats, clear, pen, (100, 98, 900, 205), [(650, 150, 1150, 380)], 40.0
    )
    assert [tuple(s[:2]) for s in stats[ends]] == [(400, 99)]


def test_a_table_cell_no_rule_divides_is_one_cell_spanning_the_grid():
    # the Royal Gazette's rates table (page 9): a row heading over the two heading rows and a
    # heading over five columns; read as a grid, their text was cut where no rule runs
    import numpy as np

    from pipeline.layout import table_cells

    rows, cols = [100, 180, 260, 600], [100, 800, 1050, 1300, 1550]
    horiz = np.zeros((700, 1700), np.uint8)
    vert = np.zeros_like(horiz)
    for y in (100, 260, 600):
        horiz[y - 1 : y + 2, 100:1551] = 255
    horiz[179:182, 800:1551] = 255  # the second heading row's top: not under the row heading
    for x in (100, 800, 1550):
        vert[100:601, x - 1 : x + 2] = 255
    for x in (1050, 1300):
        vert[180:601, x - 1 : x + 2] = 255  # the columns part below the wide heading only
    # a rule the scan broke for a stretch still parts its cells
    vert[400:450, 1049:1052] = 0
    cells = table_cells(rows, cols, horiz, vert, 300)
    got = {(c.row, c.col): (c.row_span, c.col_span, c.bbox) for c in cells}
    assert got[(0, 0)] == (2, 1, (100, 100, 800, 260))  # the row heading
    assert got[(0, 1)] == (1, 3, (800, 100, 1550, 180))  # the wide heading
    assert (1, 0) not in got and (0, 2) not in got
    assert {k for k, v in got.items() if v[:2] == (1, 1)} == {
        (1, 1),
        (1, 2),
        (1, 3),
        (2, 0),
        (2, 1),
        (2, 2),
        (2, 3),
    }
    # a full grid is cells only
    vert[100:181, 1049:1052] = vert[100:181, 1299:1302] = 255
    horiz[179:182, 100:800] = 255
    vert[400:450, 1049:1052] = 255
    assert all(c.row_span == c.col_span == 1 for c in table_cells(rows, cols, horiz, vert, 300))
    assert len(table_cells(rows, cols, horiz, vert, 300)) == 12


def test_a_mask_shrunk_by_its_cells_is_the_area_resizes_cells():
    # the or-ed cells of a page whose sides are whole cells, and the area resize for others,
    # both set a cell where any of its pixels is ink
    import cv2

    rng = np.random.default_rng(3)
    for h, w in ((3508, 2480), (400, 300), (401, 302), (7, 9)):
        mask = ((rng.random((h, w)) < 0.002) * 255).astype(np.uint8)
        small = layout._shrink(mask)
        area = cv2.resize(mask, (w // 4, h // 4), interpolation=cv2.INTER_AREA) > 0
        assert small.shape == area.shape and np.array_equal(small > 0, area), (h, w)
        assert set(np.unique(small)) <= {0, 255}


def test_a_sparse_mask_is_shrunk_and_eroded_within_its_box_as_whole():
    # rules and colour ink lie in a box of the page: shrunk or eroded there only, the cells
    # and the erosion are the whole page's, up to the page's own edges
    import cv2

    rng = np.random.default_rng(5)
    kernels = [cv2.getStructuringElement(cv2.MORPH_RECT, s) for s in ((105, 1), (1, 105), (5, 3))]
    for h, w, box in (
        (3508, 2480, (401, 777, 1203, 2950)),  # x0, y0, x1, y1: inside the margins
        (400, 300, (0, 0, 300, 37)),  # along the top and both sides
        (400, 300, (251, 3, 300, 400)),
        (400, 300, (150, 200, 151, 201)),  # one pixel
        (400, 300, (0, 0, 0, 0)),  # none
    ):
        mask = np.zeros((h, w), np.uint8)
        x0, y0, x1, y1 = box
        mask[y0:y1, x0:x1] = ((rng.random((y1 - y0, x1 - x0)) < 0.3) * 255).astype(np.uint8)
        mask[y0:y1:7, x0:x1] = 255  # rows of solid ink, which survive the erosions
        assert np.array_equal(layout._shrink(mask, sparse=True), layout._shrink(mask)), box
        for k in kernels:
            assert np.array_equal(layout._erode_within(mask, k), cv2.erode(mask, k)), box


def test_a_pens_word_joined_to_a_typed_line_is_no_figure():
    """A pen's word written across a typed line takes the letters it touches into one
    component, as large and dense as a figure's, whose box was whitened for OCR: the line lost
    what the pen touched. A typed line runs through it, so it is a pen's word: its strokes are
    told from the letters' by their width (a heavy pen on a grey page: ``ดำ`` over
    ``สธ ๒๒๖๒.๙``, seed 83, the reference read ``สธ     เล่นกภา``) or by their colour (a colour
    scan: ``เร่งด่วน`` over a phone's end and ``ภายใน``, seed 94), hidden as handwriting, and the
    letters are kept."""
    crop = np.asarray(Image.open(RESOURCES / "heavy-pen-word-across-a-reference.png"))
    gray = np.full((3508, 2480), 255, np.uint8)
    gray[1100 : 1100 + crop.shape[0], 1700 : 1700 + crop.shape[1]] = crop
    lay = layout.analyse(np.stack([gray] * 3, axis=-1), gray, 300, False)
    assert not any(r.kind.value == "figure" and r.bbox[0] < 2100 for r in lay.regions)
    pens = [r.bbox for r in lay.regions if r.kind.value == "handwritten"]
    assert len(pens) == 1 and pens[0][0] < 1990 and pens[0][2] > 2090  # ``ดำ``
    seen = lay.ocr_gray[1100 : 1100 + crop.shape[0], 1700 : 1700 + crop.shape[1]] < 128
    ink = crop < 128
    digits = (slice(140, 195), slice(270, 425))  # ``๒๒๖``
    assert seen[digits][ink[digits]].mean() > 0.7
    pen = (slice(90, 135), slice(300, 400))  # the heavy strokes of ``ดำ``
    assert seen[pen][ink[pen]].mean() < 0.2
    assert (seen[:, :260] == ink[:, :260]).all()  # the lines' letters before it

    rgb_crop = np.asarray(Image.open(RESOURCES / "pen-note-across-a-phones-end-colour.png"))
    rgb = np.empty((3508, 2480, 3), np.uint8)
    rgb[:] = np.median(rgb_crop.reshape(-1, 3), axis=0).astype(np.uint8)  # the scan's paper
    rgb[940 : 940 + rgb_crop.shape[0], 1650 : 1650 + rgb_crop.shape[1]] = rgb_crop
    gray = np.asarray(Image.fromarray(rgb).convert("L"))
    lay = layout.analyse(rgb, gray, 300, True)
    assert not any(r.kind.value == "figure" for r in lay.regions)
    seen = lay.ocr_gray[940 : 940 + rgb_crop.shape[0], 1650 : 1650 + rgb_crop.shape[1]] < 128
    ink = gray[940 : 940 + rgb_crop.shape[0], 1650 : 1650 + rgb_crop.shape[1]] < 128
    phone = (slice(30, 85), slice(240, 330))  # ``๕๙``
    assert seen[phone][ink[phone]].mean() > 0.75
    words = (slice(130, 185), slice(280, 420))  # ``ยในวัน``
    assert seen[words][ink[words]].mean() > 0.97


def test_a_stamps_frame_joined_to_a_title_is_no_pens_word():
    """A received stamp's frame and its printed ``วันที่`` joined to the title's last letter
    under it (seed 85) make one component a typed line runs through, with the stamp's coloured
    ink in it: it is not taken for a pen's word (what is left of it once the coloured ink is
    gone, the frame's corner and the title's letter, was read into the agency line's
    ``โทร.``), and is hidden as a figure, as before."""
    crop = np.asarray(Image.open(RESOURCES / "title-under-a-received-stamps-frame-colour.png"))
    rgb = np.empty((3508, 2480, 3), np.uint8)
    rgb[:] = np.median(crop.reshape(-1, 3), axis=0).astype(np.uint8)
    rgb[50 : 50 + crop.shape[0], 1100 : 1100 + crop.shape[1]] = crop
    lay = layout.analyse(rgb, np.asarray(Image.fromarray(rgb).convert("L")), 300, True)
    assert any(r.kind.value == "stamp" for r in lay.regions)
    assert not lay.pen_words
    assert any(r.kind.value == "figure" and 1550 < r.bbox[0] < 1600 for r in lay.regions)


def test_a_figure_after_letters_that_fill_their_boxes_is_measured_without_fail():
    """Letters that fill their boxes (``1``, ``l``, ``|``: a stroke of a letter's height)
    before a figure-sized blot: their strokes' depth is measured from their boxes' edges, not
    taken as infinite (a real election form's page failed with an OverflowError when the
    letters' stroke came out infinitely deep)."""
    gray = np.full((3508, 2480), 255, np.uint8)
    for k in range(7):  # six strokes, and one after the blot
        x = 500 + k * 30 if k < 6 else 860
        gray[800:845, x : x + 5] = 0
    yy, xx = np.ogrid[:3508, :2480]
    gray[(yy - 822) ** 2 + (xx - 750) ** 2 <= 70**2] = 0  # the blot
    assert layout._depths(np.ones((45, 5), bool)).max() < 5
    layout.analyse(np.stack([gray] * 3, axis=-1), gray, 300, False)
