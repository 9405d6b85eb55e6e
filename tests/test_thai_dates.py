import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.thai.dates import (
    DATE_STYLES,
    FULL_MONTHS,
    find_near_month,
    format_date,
    parse_date,
    parse_time,
    parse_written_date,
    parse_written_time,
)
from pipeline.thai.digits import to_arabic_digits, to_thai_digits

ABBRS = [
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
]


def test_digits_both_ways():
    assert to_arabic_digits("๐๑๒๓๔๕๖๗๘๙") == "0123456789"
    assert to_thai_digits("0123456789") == "๐๑๒๓๔๕๖๗๘๙"
    assert to_arabic_digits("ที่ มท ๐๘๐๓/ว ๑๒๓๔") == "ที่ มท 0803/ว 1234"


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_in_every_written_form(month):
    iso = f"2017-{month:02d}-05"
    full, abbr = FULL_MONTHS[month - 1], ABBRS[month - 1]
    spaced = abbr[:-1].replace(".", ". ") + "."
    nodot = abbr.replace(".", "")
    for text in (
        f"5 {full} 2560",
        f"๕ {full} ๒๕๖๐",
        f"5 {abbr} 2560",
        f"5 {abbr} 60",
        f"๕ {spaced} ๖๐",
        f"5 {nodot} 2560",
        f"5 {full} พ.ศ. 2560",
        f"5 {full} ค.ศ. 2017",
        f"5/{month}/60",
        f"05/{month:02d}/2560",
        f"5-{month}-2560",
        f"๕/{to_thai_digits(str(month))}/๖๐",
        f"วันจันทร์ที่ 5 {full} 2560",
    ):
        res = parse_date(text)
        assert res.value == iso, (text, res)


def test_numeric_months_ten_to_twelve_are_not_january():
    assert parse_date("1/10/60").value == "2017-10-01"
    assert parse_date("1/11/60").value == "2017-11-01"
    assert parse_date("1/12/60").value == "2017-12-01"
    assert parse_date("๑/๑๒/๒๕๖๐").value == "2017-12-01"


def test_buddhist_and_christian_era_told_apart():
    assert parse_date("14 ธันวาคม 2565").value == "2022-12-14"
    assert parse_date("14 ธันวาคม 2022").value == "2022-12-14"
    assert parse_date("14 ธันวาคม ค.ศ. 2022").value == "2022-12-14"
    assert parse_date("14 ธ.ค. 65").value == "2022-12-14"
    assert parse_date("5/6/59").value == "2016-06-05"
    assert parse_date("5/6/99").value == "1956-06-05"  # B.E. 2599 would lie in the future


def test_mixed_digits_and_context():
    assert parse_date("วันที่ 5/6/๖๐").value == "2017-06-05"
    assert parse_date("ที่ มท ๐๘๐๓/ว ๑๒๓๔ วันที่ ๑๔ ธันวาคม ๒๕๖๕").value == "2022-12-14"
    assert parse_date("31 พ.ค. 2560").value == "2017-05-31"


def test_invalid_dates_give_a_reason_not_a_value():
    for text in ("31 เม.ย. 2560", "30 กุมภาพันธ์ 2563", "5/13/60", "0/5/60"):
        res = parse_date(text)
        assert res.value is None and res.reason, text
    assert parse_date("29 ก.พ. 2563").value == "2020-02-29"  # a leap year
    assert parse_date("ไม่มีวันที่").value is None
    assert parse_date("").reason == "no text"


def test_times():
    assert parse_time("14.27").value == "14:27"
    assert parse_time("๑๔.๒๗ น.").value == "14:27"
    assert parse_time("เวลา 9.05 น.").value == "09:05"
    assert parse_time("14:27").value == "14:27"
    assert parse_time("25.10").value is None
    assert parse_time("ไม่มี").value is None


@pytest.mark.parametrize(
    "read, value, mended",
    [
        ("77.50", "11:50", True),  # a pen's 1, flagged at its top, read as 7: every 7 of the hour
        ("74.49 น.", "14:49", True),
        ("70.52", "10:52", True),
        ("๗๒.๓๘", "12:38", True),
        ("27.50", "21:50", True),
        ("7.50", "07:50", False),  # hours a clock has stay as read
        ("17.50", "17:50", False),
        ("95.10", None, False),  # no 7 to mend
        ("77.77", None, False),  # no such minute either
        ("11,23", "11:23", False),  # a pen's dot read as a comma
        ("๑๔,๒๗ น.", "14:27", False),
        ("10, 31 Ue", "10:31", False),
        ("14,270", None, False),  # a number, no time
    ],
)
def test_a_written_time_past_23_takes_its_7s_for_a_pens_1s(read, value, mended):
    got = parse_written_time(read)
    assert got.value == value
    assert ("7s taken for a pen's 1s" in (got.reason or "")) == mended
    assert ("read for its dot" in (got.reason or "")) == ("," in read and value is not None)
    if mended or "," in read:
        assert parse_time(read).value is None  # typed times are read as printed


@pytest.mark.parametrize(
    "read, value",
    [
        ("76/9/2559", "2016-09-16"),
        ("๗๐/๗/๒๕๕๗", "2014-07-10"),
        ("26/77/66", "2023-11-26"),  # a month in figures past 12 too
        ("7/1/2564", "2021-01-07"),  # a day a month has stays as read
        ("41/9/2559", None),  # no 7 to mend
        ("72/13/2559", None),  # nor a month to take
    ],
)
def test_a_written_day_past_31_takes_its_7s_for_a_pens_1s(read, value):
    got = parse_written_date(read)
    assert got.value == value
    if value and read != "7/1/2564":
        assert "7s taken for a pen's 1s" in got.reason
        assert parse_date(read).value is None  # typed dates are read as printed


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2150, 12, 31)),
    st.sampled_from(DATE_STYLES),
    st.booleans(),
)
def test_format_then_parse_round_trips(d, style, thai):
    text = format_date(d, style, thai_digits=thai)
    assert parse_date(text).value == d.isoformat(), text
    # a pen's date read right is read as printed: its mends start where the reading fails
    assert parse_written_date(text) == parse_date(text), text


_THIS_YEAR = dt.date.today().year


@given(
    st.dates(min_value=dt.date(_THIS_YEAR - 94, 1, 1), max_value=dt.date(_THIS_YEAR + 5, 12, 31)),
    st.sampled_from(["full", "abbr", "abbr_space", "abbr_nodot", "numeric", "dayname"]),
)
def test_two_digit_years_round_trip(d, style):
    text = format_date(d, style, two_digit=True)
    assert parse_date(text).value == d.isoformat(), text


@given(st.text())
def test_parsers_never_raise(text):
    parse_date(text)
    parse_time(text)
    parse_written_date(text)
    parse_written_time(text)


def test_three_digit_buddhist_year_is_repaired_with_a_doubt():
    res = parse_date("๖ ธ.ค. ๕๖๕")
    assert res.value == "2022-12-06" and res.reason == "year 565 read as 2565"
    assert parse_date("6 ธ.ค. 465").value is None


def test_leading_two_read_as_zero_or_six_is_repaired_and_said():
    r = parse_date("๒๒ กุมภาพันธ์ ๐๕๖๒")
    assert r.value == "2019-02-22" and r.reason == "year 0562 read as 2562"
    r = parse_date("๙ กุมภาพันธ์ ๖๕๕๕")  # ๒ with its loop closed: ๖
    assert r.value == "2012-02-09" and r.reason == "year 6555 read as 2555"
    assert parse_date("๖ ธ.ค. ๐๔๖๕").value is None  # no B.E. year it could have been


@pytest.mark.parametrize(
    ("text", "value", "junk"),
    [
        ("๑๕ มิถุนายน wa. ๒๕๕๗", "2014-06-15", "wa."),  # พ.ศ. taken by the English model
        ("23 พ.ค. .2558", "2015-05-23", "."),  # a speck read as a stop
        ("๕ พฤศจิกายน โ๒๕๕๒", "2009-11-05", "โ"),  # a speck the Thai model read, glued on
        ("๑ มีนาคม พ.ศ. า๒๕๕๘", "2015-03-01", "า"),  # ... after the era (seed 58)
    ],
)
def test_signs_between_month_and_year_are_skipped_with_a_doubt(
    text: str, value: str, junk: str
) -> None:
    got = parse_date(text)
    assert got.value == value
    assert got.reason is not None and repr(junk) in got.reason


def test_a_two_digit_number_after_signs_is_no_year() -> None:
    assert parse_date("15 มิ.ย. (12 คน)").value is None
    # a Thai word between month and number is no speck: nothing is guessed
    assert parse_date("๕ พฤศจิกายน นาย ๒๕๕๒").value is None


def test_an_abbreviations_stop_read_as_a_lower_vowel():
    assert parse_date("12 ก.ุย. 2551").value == "2008-09-12"
    assert parse_date("๒๔ กุย. ๒๕๕๖").value == "2013-09-24"
    assert parse_date("๑๙ ต. คู๒๕๖๕").value == "2022-10-19"  # ... the last stop too
    # ... or as thanthakhat (``เมย์.`` for เม.ย.)
    assert parse_date("๑๖ เมย์. ๒๕๕๒").value == "2009-04-16"
    assert parse_date("๒ พ.ค์ ๒๕๖๐").value == "2017-05-02"


def test_a_stray_letter_clinging_to_a_month_is_skipped_and_said():
    got = parse_date("๕ อธันวาคม ๒๕๖๒")
    assert got.value == "2019-12-05" and got.reason == "'อ' before the month ignored"
    assert parse_date("๕ ธันวาคม ๒๕๖๒").reason is None
    # ... to an abbreviation too: ธ's head read as a letter of its own (a generated page, seed 44)
    got = parse_date("6ธฮ.ค.2551")
    assert got.value == "2008-12-06" and got.reason is not None
    assert got.reason.startswith("'ธ' before the month ignored")
    # no letter of an abbreviation written without stops is taken for a stray one
    for text, value in [
        ("5 กค 2560", "2017-07-05"),
        ("3 กพ 2560", "2017-02-03"),
        ("5 มค 60", "2017-01-05"),
        ("1 มีค 60", "2017-03-01"),
    ]:
        got = parse_date(text)
        assert (got.value, got.reason) == (value, None), text


@pytest.mark.parametrize(
    ("text", "value", "reason"),
    [
        ("41 พ.ย. 2555", "2012-11-04", "day 41 read as 4"),  # a stroke after the day
        ("131 เมษายน 2563", "2020-04-13", "day 131 read as 13"),
        ("๑๗ๆ พ.ค. ๒๕๕๓", "2010-05-17", "'ๆ' after the day ignored"),
        ("๑๗% เมษายน ๒๕๖๒", "2019-04-17", "'%' after the day ignored"),  # a speck read as a sign
        ("๑๗ , เมษายน ๒๕๖๒", "2019-04-17", "',' after the day ignored"),
    ],
)
def test_a_day_no_month_has_is_mended_with_a_doubt(text: str, value: str, reason: str) -> None:
    got = parse_date(text)
    assert got.value == value and got.reason == reason


def test_a_day_its_month_lacks_stays_an_error():
    # 31 April is a day some months have: the paper may say so, and that is reported
    assert parse_date("31 เม.ย. 2560").value is None
    assert parse_date("30 ก.พ. 2563").value is None
    assert parse_date("1234 ธันวาคม 2560").value is None  # four digits are no day


def test_a_year_split_at_a_gap_after_its_century_is_joined_with_a_doubt():
    got = parse_date("๓ ธันวาคม พ.ศ. ๒๕ ๖๗")
    assert got.value == "2024-12-03" and got.reason and "gap" in got.reason
    # a two-digit year with a number after it that is no century's is left as it was
    assert parse_date("๓ ธ.ค. ๖๗ ๑๒ คน").value == "2024-12-03"


def test_misread_abbreviations_of_a_month():
    # the stop read as a lower vowel with a speck for a tone mark on it
    assert parse_date("๒๖ พุ้ย. ๒๕๖๒").value == "2019-11-26"
    # ... and the era's stop likewise, which says which era the year is of
    got = parse_date("๑๔ ธันวาคม พ.ุศ. ๒๕๕๘")
    assert (got.value, got.era) == ("2015-12-14", "BE")
    assert parse_date("14 ธันวาคม ค.ูศ. 2022").era == "CE"
    # ธ's raised head read as a mark over ฉ: taken, with a doubt
    got = parse_date("๑๗ ฉี. ค. ๒๕๕๓")
    assert got.value == "2010-12-17" and got.reason == "month read as 'ฉี. ค.'"
    # ... and ธ read by the English model as a digit
    got = parse_date("๑๐ 8.ค. ๒๕๖๕")
    assert got.value == "2022-12-10" and got.reason == "month read as '8.ค.'"
    assert parse_date("๗ 5. ค. ๒๕๖๖").value == "2023-12-07"
    assert parse_date("ข้อ ๔ 5. คณะ ๒๕๖๖").value is None  # a list's number before a word


def test_an_abbreviation_read_with_the_wrong_vowel_above_its_letter():
    # มิ.ย. read with sara ii: June (no month is มี.ย.), with a doubt
    got = parse_date("๙ มี. ย. ๒๕๕๑")
    assert got.value == "2008-06-09" and got.reason == "month read as 'มี. ย.'"
    # a speck over ธ read as a vowel: December
    assert parse_date("๑๓ ธี.ค. ๒๕๕๔").value == "2011-12-13"
    # the right readings carry no doubt; ม.ค. and มี.ค. stay apart
    assert parse_date("๑ มี.ค. ๒๕๖๐").value == "2017-03-01"
    assert parse_date("๑ มี.ค. ๒๕๖๐").reason is None
    assert parse_date("๑ ม.ค. ๒๕๖๐").value == "2017-01-01"
    assert parse_date("๑ มิ.ย. ๒๕๖๐").reason is None
    # March read with sara i: still March, said so
    assert parse_date("๒ มิ.ค. ๒๕๖๐").value == "2017-03-02"
    assert parse_date("๒ มิ.ค. ๒๕๖๐").reason == "month read as 'มิ.ค.'"


def test_an_abbreviation_read_with_a_speck_over_its_second_letter():
    # seed 80: ก.ย. read ``กุ. ยี.`` (the stop a lower vowel, a speck an upper one): September,
    # with a doubt; so for a tone mark over ค
    got = parse_date("๔ กุ. ยี. ๒๕๖๑")
    assert got.value == "2018-09-04" and got.reason == "month read as 'กุ. ยี.'"
    assert parse_date("๔ ธ.ค่. ๒๕๖๑").value == "2018-12-04"
    # not ม.ค.: มี.ค. with its vowel read over the ค would be January
    assert parse_date("๔ ม.คี. ๒๕๖๑").value is None


def test_an_abbreviation_read_with_a_letter_more_before_its_last_stop():
    # seed 96: ก.ย. read ``ก. ยข.`` (no month's abbreviation has two letters after its first
    # stop): September, with a doubt; and the year after it is a year to the digit network
    from pipeline.ocr.digits import _a_year

    got = parse_date("๑ ก. ยข. ๒๕๕๗")
    assert got.value == "2014-09-01" and got.reason == "month read as 'ก. ยข.'"
    assert parse_date("๑ ธ.คง. ๒๕๕๗").value == "2014-12-01"
    assert parse_date("๑ ม.คค. ๒๕๕๗").value is None  # (ม.ค. and มี.ค.: not loosened)
    text = "วันที่ ๑ ก. ยข. ๒๕๕ซ่"
    assert _a_year(text, range(text.index("๒๕๕"), len(text)))


def test_a_full_month_name_misread_by_a_letter_or_two_is_known_with_a_doubt():
    got = parse_date("๑๓ จั้นวาคม ๒๕๖๐")  # ธ read as จ, a speck as a tone mark
    assert got.value == "2017-12-13" and got.reason == "month read as 'จั้นวาคม'"
    assert parse_date("๑๓ กุมภาพันธ ๒๕๖๐").value == "2017-02-13"  # its last mark lost
    got = parse_date("๘ พ ศจิกายน ๒๕๖๒")  # a letter lost to a gap in the name
    assert got.value == "2019-11-08" and got.reason == "month read as 'พ ศจิกายน'"
    # ... the one month with those letters either side of the gap (by letters alone, กรกาคม
    # is as near to มกราคม as to กรกฎาคม)
    assert parse_date("14 กรก าคม พ.ศ. 2566").value == "2023-07-14"
    # where such a name stands in a date (the Thai model's reading of a date cut from its line)
    assert find_near_month("วันที ๑๓ จันวาคม ๒๕๕๕") == (9, 16)
    assert find_near_month("วันที ๑๓ ธันวาคม ๒๕๕๕") is None  # a month as written
    assert find_near_month("วันที ๑๓ กรอบคม ๒๕๕๕") is None  # no month that near
    assert parse_date("๕ ผู้ อำนวยการ ๒๕๖๒").value is None  # two words, no month
    # words that are no month, and a word as near to two months, give no date
    assert parse_date("ที่ประชุม ๑๒ คนทำงาน ๒๕๖๐").value is None
    assert parse_date("๑ มกีาคม ๒๕๖๐").value is None  # มกราคม or มีนาคม


def test_letters_glued_before_the_day_are_a_doubt_but_its_label_is_not() -> None:
    # seed 55: ๒๕ read ``โซ๕``; the day taken is the digit left, and a person looks at it
    got = parse_date("โซ๕ พฤศจิกายน พ.ศ. ๒๕๕๙")
    assert got.value == "2016-11-05" and got.reason is not None and "'โซ'" in got.reason
    for text in ("วันที่๕ พฤศจิกายน ๒๕๕๙", "วันที๕ พฤศจิกายน ๒๕๕๙", "ลงวันที่ ๕ พ.ย. ๒๕๕๙"):
        assert parse_date(text).reason is None, text


@pytest.mark.parametrize(
    "read, value",
    [
        ("19 มด 57", "2014-01-19"),  # the Thai model's ด for a pen's ค
        ("21 ม.ด. 57", "2014-01-21"),
        ("19 ต.ุด. 51", "2008-10-19"),  # ... with a speck read as a lower vowel
        ("5 ภ.ย. 54", "2011-09-05"),  # ภ for ก
        ("10 w.a. 68", "2025-05-10"),  # the English model's w for พ, a for ค
        ("๒๐ WY ๕๕", "2012-11-20"),
        ("1 5.a. 67", "2024-12-01"),  # 5 for ธ
        ("28 NW 66", "2023-02-28"),  # n for ก
        ("13 na. 62", "2019-07-13"),
        ("7 พ.ข. 51", "2008-11-07"),  # ข for ย
        ("12 ag 51", None),  # nothing a month's letters look like
        ("20 Ay 68", None),
        ("3 5 64", None),  # a digit alone is no month
    ],
)
def test_a_written_month_read_as_letters_it_looks_like(read, value):
    got = parse_written_date(read)
    assert got.value == value
    if value:
        assert "month read as" in got.reason
        assert parse_date(read).value is None  # typed dates are read as printed


@pytest.mark.parametrize(
    "read, value",
    [
        ("22/.11/51", "2008-11-22"),  # a pen's slash read with a stop
        ("9%12/64", "2021-12-09"),  # ... or as a sign
        ("6#/3/2564", "2021-03-06"),
        ("70/7/2557 เวลา.7%4", "2014-07-10"),  # the day's pen 1 first: no date in the time
        ("12.30.45", None),  # dots alone: a number, no date
        ("1%3/9%", None),  # no year
        ("5%13/60", None),  # no such month
    ],
)
def test_a_written_date_in_figures_with_its_slashes_read_as_signs(read, value):
    got = parse_written_date(read)
    assert got.value == value
    if value:
        assert parse_date(read).value is None and got.reason
