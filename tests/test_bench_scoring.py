"""The benchmark's scoring: which truth line a read line is compared with."""

from pipeline.bench.evaluate import line_errors


def _page(*lines: tuple[tuple[int, int, int, int], str, float]) -> dict:
    return {
        "dpi": 300,
        "regions": [
            {
                "kind": "typed",
                "lines": [{"bbox": list(b), "text": t, "confidence": c} for b, t, c in lines],
            }
        ],
    }


def test_a_line_read_whole_is_compared_with_the_truth_lines_it_covers_side_by_side():
    # the generator's boxes span the line pitch; the read box hugs the ink and covers less than
    # half the height of the taller date box: a reference and its date, read as one line
    truth = {
        "lines": [
            {"bbox": [354, 446, 920, 539], "text": "ที่ ยธ 3017/23281"},
            {"bbox": [1204, 446, 1992, 561], "text": "วันที่ 26 กุมภาพันธ์ 2557"},
            {"bbox": [354, 539, 1722, 632], "text": "เรื่อง รายงานผล"},
        ]
    }
    read = ((356, 482, 1988, 538), "ที่ ยธ 3017/23281 วันที่ 26 กุมภาพันธ์ 2557", 0.99)
    assert line_errors(_page(read), truth) == [(0.99, 0)]
    # a tall box over a line and the top of the one below is compared with its own line only
    truth = {
        "lines": [
            {"bbox": [354, 1873, 2215, 1985], "text": "Workshop ในวันที่ ๒๐ เมษายน"},
            {"bbox": [349, 1963, 2021, 2062], "text": "ใช้บังคับตั้งแต่วันที่ ๒๐ เมษายน"},
        ]
    }
    read = ((348, 1926, 2014, 2077), "ใช้บังคับตั้งแต่วันที่ ๒๐ เมษายน", 0.98)
    assert line_errors(_page(read), truth) == [(0.98, 0)]


def test_the_generator_sets_a_long_subject_smaller_rather_than_past_the_page_edge():
    """A subject (or a date) too long for its line is set smaller to fit, as a typist would:
    drawn past the page's edge, the truth held text no scan shows (seeds 27, 43, 49)."""
    import dataclasses
    import random

    from pipeline.synth.compose import Style, compose_memo
    from pipeline.synth.content import Writer
    from pipeline.synth.fonts import hand_face, typed_face
    from pipeline.synth.render import A4, MARGIN_RIGHT

    rng = random.Random(7)
    mc = Writer(rng, thai_digits=True).memo()
    mc = dataclasses.replace(mc, subject=" ".join([mc.subject] * 3))
    style = Style(typed_face("laksaman"), hand_face("purisa"), 18, "blue", "purple")
    canvases, _ = compose_memo(mc, style, rng)
    subject = [ln for cv in canvases for ln in cv.lines if ln["text"].startswith("เรื่อง ")]
    assert subject and subject[0]["text"].endswith(mc.subject)
    assert subject[0]["bbox"][2] <= A4[0] - MARGIN_RIGHT + 5


def test_the_generator_sets_a_long_newsletter_issuer_line_smaller_to_fit_the_page():
    """A newsletter's issuer line (unit, department, phone) too long for the page is set smaller
    to fit: drawn past the page's edge, its phone's last digits were in the truth and on no scan
    (seed 2027: files 65, 78, 106, 119, 132)."""
    import dataclasses
    import random

    from pipeline.synth.compose import Style, compose_newsletter
    from pipeline.synth.content import Writer
    from pipeline.synth.fonts import hand_face, typed_face
    from pipeline.synth.render import A4, MARGIN_RIGHT

    rng = random.Random(7)
    nc = Writer(rng, thai_digits=True).newsletter()
    nc = dataclasses.replace(nc, issuer="ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร " + nc.issuer)
    style = Style(typed_face("laksaman"), hand_face("purisa"), 18, "blue", "purple")
    canvases, _ = compose_newsletter(nc, style, rng)
    [issuer] = [ln for ln in canvases[0].lines if ln["text"] == nc.issuer]
    assert issuer["bbox"][2] <= A4[0] - MARGIN_RIGHT + 5


def test_the_gazette_text_layer_is_compared_forgiving_only_its_known_faults():
    # the PDF's own text layer drops sara am's circle, misorders a tone mark after its vowel
    # and writes some Thai digits as Arabic: none of that counts as a reading error
    from pipeline.bench.real_bench import comparable

    assert comparable("อาศัยอานาจ หนา้ ๑ มาตรา ๕4 “ข้อ”") == comparable(
        'อาศัยอำนาจ หน้า 1 มาตรา 54 "ข้อ"'
    )
    # ... but a letter or a mark read wrong does
    assert comparable("ค่าครองซีพ") != comparable("ค่าครองชีพ")
    assert comparable("นังนอน") != comparable("นั่งนอน")


def test_a_received_stamps_number_date_and_time_are_scored(tmp_path):
    import json

    from pipeline.bench.evaluate import FIELDS, evaluate

    conditions = {"dpi": 300, "mode": "grey", "pt": 16, "face": "sarabun", "skew": 0.0}
    conditions |= {"noise": 0, "jpeg": 0, "blur": 0, "hand": "itim"}
    stamp = {"number": "228", "date": "2022-12-16", "time": "14:27"}
    fields = {f: {"value": "x", "text": "x"} for f in FIELDS}
    truth = {
        "file": "a.png",
        "pages": [{"number": 1, "typed_text": "", "conditions": conditions, "lines": []}],
        "documents": [{"type": "memo", "pages": [1], "fields": fields, "stamps": [stamp]}],
    }
    truth["pages"][0] |= {"rotation": 0, "skew": 0.0}
    (tmp_path / "truth").mkdir()
    (tmp_path / "truth" / "a.png.truth.json").write_text(json.dumps(truth), encoding="utf-8")
    read = {"number": "228", "date": "2022-12-16", "time": "11:50", "confidence": 0.5}
    pred = {
        "pages": [{"number": 1, "rotation": 0, "skew": 0.0, "regions": []}],
        "documents": [{"type": "memo", "pages": [1], "fields": {}, "stamps": [read]}],
        "provenance": {"seconds": 1.0},
    }
    (tmp_path / "pred").mkdir()
    (tmp_path / "pred" / "a.png.json").write_text(json.dumps(pred), encoding="utf-8")
    s = evaluate(tmp_path, tmp_path / "pred", pixel_metrics=False)
    assert (s["stamp_number_accuracy"], s["stamp_date_accuracy"]) == (1.0, 1.0)
    assert s["stamp_time_accuracy"] == 0.0 and s["stamp_wrong_values"] == 1


def test_a_replayed_engine_answers_as_it_was_answered_and_counts_what_it_was_not_shown(tmp_path):
    # the bench of the time outside Tesseract replays the engine's answers: a page read again
    # with the engine gone reads as it did, and a new image is a miss
    import numpy as np
    import pytest

    from pipeline.bench.replay import ReplayEngine, page_record
    from pipeline.ingest import inspect, load_page
    from pipeline.ocr.engine import FakeEngine
    from pipeline.options import Options
    from pipeline.page import process_page

    from .conftest import draw_test_page

    draw_test_page(tmp_path / "a.png", 3)
    options = Options()
    image = load_page(inspect(tmp_path / "a.png", options), 1, options)
    engine = ReplayEngine(FakeEngine("ทดสอบ ๑๒๓"))
    first = page_record(process_page(image, engine, options))
    engine.replay()

    def gone(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the engine was asked again")

    engine.engine.read = gone  # type: ignore[method-assign]
    engine.engine.find_lines = gone  # type: ignore[method-assign]
    assert page_record(process_page(image, engine, options)) == first
    assert engine.misses == 0
    with pytest.raises(AssertionError):
        engine.read(np.zeros((20, 30), np.uint8), 300)
    assert engine.misses == 1
