"""Reference numbers: exact values for each OCR slip that is mended, and a property test that a
clean reference passes unchanged."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.thai.digits import to_thai_digits
from pipeline.thai.reference import MINISTRY_CODES, normalise_reference, snap_code


def test_clean_references():
    assert normalise_reference("มท ๐๘๐๓/ว ๑๒๓๔").value == "มท 0803/ว 1234"
    assert normalise_reference("กห ๑๗๘๒.๒/๕๘๘๙").value == "กห 1782.2/5889"
    assert normalise_reference("ศธ ๐๔๐๖/จ ๑๒").reasons == []


def test_slips_are_mended_with_a_reason():
    cases = {
        "อก 6220เว 5552": ("อก 6220/ว 5552", "slash read as 'เ'"),
        "พม 1273|ว7835": ("พม 1273/ว7835", "slash read as '|'"),
        "สธ ๔๔๙๒.๘(๓๐๒": ("สธ 4492.8/302", "slash read as '('"),  # (seed 82)
        "มท ๙๐๖๓,๖๒๒๙๙": ("มท 9063.62299", "stop in the office number read as ','"),
        "ดศ 1907/9 7846": ("ดศ 1907/ว 7846", "letter 'ว' read as '9'"),
        "อก ๕๘๗๔.๙/)๔๑๙๗": ("อก 5874.9/ว4197", "letter 'ว' read as ')'"),
        "ศธ ๙๒๑๔/? ๙๘๖๘": ("ศธ 9214/ว 9868", "letter 'ว' read as '?'"),
        "นร ๑๕๑๕/๐ ๒๕๖๙": ("นร 1515/ว 2569", "letter 'ว' read as '0'"),
        "กษ ๙๐๙๕.ต/๘๖๓๗": ("กษ 9095.3/8637", "letters in the number"),
        "กห ๘๘๘๖/ว ๘๓๑ฒ": ("กห 8886/ว 8317", "letters in the number"),
        "กห ๘๘๘๖/ว ๘๓๑๗ซุ": ("กห 8886/ว 8317", "dropped 'ซุ'"),
        "ตซ ๐๔๐๖/๑๒": ("ตช 0406/12", "ministry code read as 'ตซ'"),
        # as the wider bench corpus read them: ว as a nought glued to the running number (no
        # running number starts with one), a speck by the unit's stop, ธ as an eight
        "พม ๔๑๗๘/๐๔๒๘๔": ("พม 4178/ว4284", "letter 'ว' read as '0'"),
        "ศธ ๘๒๒๔-.๕/๗๗๒๐": ("ศธ 8224.5/7720", "dash by the stop"),
        "ย8 ๐๑๕๗.๓/๒๐๕๕": ("ยธ 0157.3/2055", "ministry code read as 'ย8', taken as 'ยธ'"),
        # a speck read as a vowel between the code's letters (seed 59)
        "กาษ ๑๕๐๗.๕/จ ๒๑๔๓": ("กษ 1507.5/จ 2143", "ministry code read as 'กาษ'"),
        # specks the engine read as brackets: between the code's letters, before the slash
        "ก(ต ๒๓๕๖๘๑๒๑": ("กต 23568121", "ministry code read as 'ก(ต'"),
        "อก ๖๗๑๗)/๕๙๗๙": ("อก 6717/5979", "dropped ')' before the slash"),
        # ... or a letter, or ธ's raised head read as one (seeds 80 and 81)
        "นวรี ๖๑๘๙.๑/ว๗๕๒๖": ("นร 6189.1/ว7526", "ministry code read as 'นวรี', a letter too"),
        "สฮธ ๕๐๒๘.๑๑๗๕๘": ("สธ 5028.11758", "ministry code read as 'สฮธ'"),
    }
    # (three letters that leave two known codes, or none, are left for a person)
    assert normalise_reference("มทส ๑๒๓๔").value == "มทส 1234"
    assert normalise_reference("ฆฌญ ๑๒๓๔").value == "ฆฌญ 1234"
    # ... nor a code glued to its office number's first digit read as a letter (๓ as ต)
    assert normalise_reference("มทต๒๑๐/ว๖๑๐๓").value == "มท 3210/ว6103"
    # (a vowel between letters that make no known code is left for a person)
    assert normalise_reference("ทาบ ๑๒๓๔").value == "ทาบ 1234"
    for text, (value, reason) in cases.items():
        ref = normalise_reference(text)
        assert ref.value == value, text
        assert any(reason in r for r in ref.reasons), (text, ref.reasons)


def test_doubtful_references_say_so():
    ref = normalise_reference("กห ๐๖๔๔.๒/ฒสตอ๑")  # อ stands for ๔ and ๖ alike
    assert ref.value == "กห 0644.2/ฒสตอ1" and ref.reasons
    assert "unknown ministry code 'AT'" in normalise_reference("AT ๑๗๖/ว").reasons[0]
    assert snap_code("กข") is None  # no known code is one letter away
    # a digit for the second letter of a code when two known codes start with its first,
    # unless it is the one the English model reads for one of their letters (8 for ธ: วธ)
    assert normalise_reference("ว3 ๑๒๓๔/๕๖๗๘").value == "ว3 1234/5678"
    assert normalise_reference("ว8 ๑๒๓๔/๕๖๗๘").value == "วธ 1234/5678"
    assert normalise_reference("มท 1234/023").value == "มท 1234/023"  # too short to be a number


@pytest.mark.parametrize(
    ("read", "value"),
    [  # ธ's raised head read as a mark over another letter: the code is the one with ธ
        ("ยงิ ๙๙๔๖/ว ๓๔๑๘", "ยธ 9946/ว 3418"),  # not รง
        ("วิฉี ๑๐๖๘.๖/จ ๘๘๗๗", "วธ 1068.6/จ 8877"),  # not วท
        ("วฮ์ ๖๘๗๐/๒๗๖๖", "วธ 6870/2766"),
        ("ยวิ ๗๙๗๖/ว๘๔๒๖", "ยธ 7976/ว8426"),  # not อว
        ("วอี ๐๕๕๗/ว ๕๘๖๑", "วธ 0557/ว 5861"),  # not วท
        ("สีจิ ๔๖๙๑.๒/จ ๓๒๕๘", "สธ 4691.2/จ 3258"),  # not สผ
    ],
)
def test_a_code_whose_tho_thong_was_misread(read: str, value: str) -> None:
    assert normalise_reference(read).value == value


@given(
    code=st.sampled_from(sorted(MINISTRY_CODES)),
    office=st.integers(0, 9999),
    unit=st.one_of(st.none(), st.integers(1, 9)),
    letter=st.sampled_from(["", "/", "/ว", "/ว ", "/จ "]),
    run=st.integers(1, 99999),
)
def test_a_clean_reference_passes_unchanged(code, office, unit, letter, run):
    value = (
        f"{code} {office:04d}{'' if unit is None else f'.{unit}'}{letter}{run if letter else ''}"
    )
    for text in (value, to_thai_digits(value)):
        ref = normalise_reference(text)
        assert (ref.value, ref.reasons) == (value, []), text


def test_a_mark_on_the_ministry_code_is_dropped_with_a_reason():
    ref = normalise_reference("ศธ์ ๐๕๑๒/ว ๑๒")
    assert ref.value == "ศธ 0512/ว 12"
    assert ref.reasons == ["marks dropped from the ministry code 'ศธ์'"]
    # two marks, one dropped after the other
    ref = normalise_reference("ศ์ธิ ๐๕๑๒")
    assert ref.value == "ศธ 0512" and len(ref.reasons) == 1


def test_a_code_near_two_known_ones_is_taken_by_the_letter_the_engine_misreads():
    from pipeline.thai.reference import snap_code

    # ถ is one letter from both วธ and วท, but the engine reads ธ as ถ, not ท as ถ
    assert snap_code("วถ") == "วธ"
    assert snap_code("ศร") == "ศธ"  # ศธ and นร are one letter away; ธ is read as ร
    assert snap_code("ยช") == "ยธ"  # ยธ and ตช; ธ is read as ช (seed 93, 200 dpi)
    ref = normalise_reference("วถิ ๘๕๗๖๑๑๓๑")
    assert ref.value == "วธ 85761131"
    assert "ministry code read as 'วถ', taken as 'วธ'" in ref.reasons
    # ธ read by the English model as 5 (สธ and สผ are both a letter from ส5; a generated page,
    # seed 43)
    ref = normalise_reference("ส5 ๓๕๒๖/๓๐๖๘")
    assert ref.value == "สธ 3526/3068"
    assert "ministry code read as 'ส5', taken as 'สธ'" in ref.reasons


def test_a_slash_read_as_a_bracket_and_the_letter_read_as_a_sign():
    assert normalise_reference("ดศ 2848.6[ว 5606").value == "ดศ 2848.6/ว 5606"
    assert normalise_reference("กต ๔๙๙๖.๗/) ๕๑๐").value == "กต 4996.7/ว 510"
    ref = normalise_reference("วธ 1753/2 8374")
    assert ref.value == "วธ 1753/ว 8374" and ref.reasons == ["letter 'ว' read as '2'"]
    assert normalise_reference("มท 1234/2345").value == "มท 1234/2345"  # no letter
    # a speck between the slash and its letter read as a sign (seed 69)
    ref = normalise_reference("ดศ์ ๕๖๑๑.๕/)ว ๗๐๑๙")
    assert ref.value == "ดศ 5611.5/ว 7019" and "dropped ')' after the slash" in ref.reasons


def test_a_stop_between_the_letter_and_its_number_is_a_speck():
    got = normalise_reference("อว 4310.5/จ.2145")
    assert got.value == "อว 4310.5/จ 2145" and got.reasons
    assert normalise_reference("อว 4310.5/จ 2145").reasons == []
    lost = normalise_reference("สร ๙๑๑๑) ๓๙๙๔")  # one sign for the slash and its letter
    assert lost.value == "สธ 9111/ว 3994" and "slash lost" in lost.reasons


def test_a_mark_on_the_letter_after_the_slash_is_a_speck():
    for read, want in (
        ("นร ๗๘๗๓/วิ๕๐๓๕", "นร 7873/ว5035"),
        ("กษ ๘๒๒๖/จุ ๓๕๘๑", "กษ 8226/จ 3581"),
    ):
        got = normalise_reference(read)
        assert got.value == want
        assert any("marks dropped from the letter" in r for r in got.reasons)
    assert normalise_reference("มท ๐๘๐๓/๑๒๓๔").value == "มท 0803/1234"  # no letter at all
    # ว read as a one standing apart from the running number
    one = normalise_reference("มท ๓๔๐๘/๑ ๗๗๒๖")
    assert one.value == "มท 3408/ว 7726" and "letter 'ว' read as '1'" in one.reasons
    # the slash and its letter read as one digit after the office's four
    merged = normalise_reference("นร ๑๕๑๕๐ ๒๕๖๙")
    assert merged.value == "นร 1515/ว 2569" and merged.reasons
    assert normalise_reference("ดศ 2848.62 5606").value == "ดศ 2848.6/ว 5606"  # after its unit
    # ... or with no gap before the running number: nine digits or more in one run, which no
    # reference has (eight digits with no slash stand as read)
    glued = normalise_reference("อว ๔๑๖๕๐๒๕๔๘")
    assert glued.value == "อว 4165/ว2548" and glued.reasons
    assert normalise_reference("พณ 95204878").reasons == []
    assert normalise_reference("อว 416512548").reasons == [
        "no slash, and nine digits or more in one number"
    ]
    assert normalise_reference("สธ ๑๒๓๔๕ ๖๗๘").value == "สธ 12345 678"  # no such glyph: as read


def test_signs_and_specks_after_a_whole_reference_go():
    got = normalise_reference("กค ๖๙๒๙.๙/จ ๑๓๓๓ ฏ7ฏภ")  # as the wider bench corpus read them
    assert got.value == "กค 6929.9/จ 1333" and "dropped 'ฏ7ฏภ' after the number" in got.reasons
    assert normalise_reference("สธ 3878/ว 9009 ., 7").value == "สธ 3878/ว 9009"
    # ... and signs glued to the number's end (a speck, the leader's first dot)
    got = normalise_reference("พณ ๒๒๖๙/2 ๕๖๖๐)")
    assert got.value == "พณ 2269/ว 5660" and "dropped ')' after the number" in got.reasons
    assert normalise_reference("กก 1297/1313. ก").value == "กก 1297/1313"
    # digits after a gap may be the running number's own: kept, and the shape doubted
    split = normalise_reference("สธ 3878/ว 90 09")
    assert split.value == "สธ 3878/ว 90 09" and split.reasons
    # a running number too short to be whole keeps what follows
    assert normalise_reference("สธ 3878/ว 90 ฏ7").value == "สธ 3878/ว 90 ฏ7"
