from hypothesis import example, given
from hypothesis import strategies as st

from pipeline.thai.repair import normalise_value, repair_text

CORRECT = [
    "บันทึกข้อความ",
    "ส่วนราชการ",
    "เรื่อง ขออนุมัติเดินทางไปราชการ",
    "จึงเรียนมาเพื่อโปรดพิจารณา",
    "น้ำ",
    "ทำ",
    "กำหนด",
    "ที่ มท ๐๘๐๓/ว ๑๒๓๔",
    "ผู้อำนวยการกอง",
    "ศักดิ์สิทธิ์",
    "Digital Government 2022",
    "ค่าใช้จ่าย",
    "ปีงบประมาณ",
    "ไม่เกิน ๕๐๐ บาท",
    "เพื่อให้การดำเนินงานเป็นไปด้วยความเรียบร้อย",
]


def test_sara_am_split_by_ocr():
    assert repair_text("ทํางาน") == "ทำงาน"
    assert repair_text("กําหนด") == "กำหนด"
    assert repair_text("น้ํา") == "น้ำ"
    assert repair_text("นํ้า") == "น้ำ"  # tone mark after the nikhahit


def test_spaces_inside_thai_words():
    assert repair_text("น ้ำ") == "น้ำ"
    assert repair_text("เ รื่อง") == "เรื่อง"
    assert repair_text("ที ่") == "ที่"
    assert repair_text("กรม การ") == "กรม การ"  # a real phrase space stays


def test_duplicated_and_misordered_marks():
    assert repair_text("ที่่") == "ที่"
    assert repair_text("ก่ี") == "กี่"


def test_normalise_value():
    assert normalise_value("ที่  มท ๐๘๐๓/ว   ๑๒๓๔") == "ที่ มท 0803/ว 1234"
    assert normalise_value("เรียน อธิบดี\nผ่าน รองอธิบดี") == "เรียน อธิบดี ผ่าน รองอธิบดี"
    assert normalise_value("ทํางาน") == "ทำงาน"


def test_correct_text_is_left_alone():
    for text in CORRECT:
        assert repair_text(text) == text


@given(st.lists(st.sampled_from(CORRECT), min_size=1, max_size=5))
def test_correct_phrases_unchanged(parts):
    text = " ".join(parts)
    assert repair_text(text) == text


@given(
    st.text(
        alphabet=st.characters(min_codepoint=0x0E00, max_codepoint=0x0E7F)
        | st.sampled_from(" .abc12")
    )
)
@example("\u0e48 \u0e3a")  # a space dropped between two marks NFC orders the other way
def test_repair_is_idempotent_on_thai_noise(text):
    once = repair_text(text)
    assert repair_text(once) == once


@given(st.text())
def test_repair_never_raises_and_is_idempotent(text):
    once = repair_text(text)
    assert repair_text(once) == once
    normalise_value(text)
