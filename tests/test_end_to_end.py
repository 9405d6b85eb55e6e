"""The real pipeline (Tesseract) on the committed sample scans and on a real scan."""

import json
import re
import shutil

import pytest
from rapidfuzz import fuzz

from pipeline.bench.evaluate import evaluate
from pipeline.bench.run import decode_pages, raw_scores, raw_tesseract
from pipeline.cli import main
from pipeline.thai.digits import to_thai_digits

from .conftest import SAMPLE_TRUTH

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def sample_results(tmp_path_factory, sample_scans):
    out = tmp_path_factory.mktemp("out")
    assert main(["import", str(sample_scans), "--out", str(out), "--jobs", "2"]) == 0
    return out


def test_samples_are_digitised_and_typed(sample_results, sample_scans, tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "truth").mkdir(parents=True)
    shutil.copytree(sample_scans, corpus / "scans")
    for f in SAMPLE_TRUTH.iterdir():
        shutil.copy(f, corpus / "truth" / f.name)
    s = evaluate(corpus, sample_results)
    assert s["failed"] == 0
    assert s["document_type_accuracy"] == 1.0
    assert s["rotation_accuracy"] == 1.0
    assert s["skew_error_max"] < 0.3
    # the confusion of region kinds: typed lines are found as typed, figures as figures
    kinds = s["region_confusion"]
    assert kinds["typed"].get("typed", 0) > 0.8 * sum(kinds["typed"].values())
    assert kinds["figure"].get("figure", 0) >= 1
    # raw Tesseract on the very same decoded pages, in this run
    pages = decode_pages(corpus, tmp_path / "raw")
    texts, _, _ = raw_tesseract(pages, 2)
    raw = raw_scores(corpus, texts)
    assert s["cer"] <= raw["cer"], (s["cer"], raw["cer"])


def test_memo_fields_read(sample_results):
    data = json.loads((sample_results / "memo-colour.png.json").read_text(encoding="utf-8"))
    [memo] = [d for d in data["documents"] if d["type"] == "memo"]
    truth = json.loads((SAMPLE_TRUTH / "memo-colour.png.truth.json").read_text(encoding="utf-8"))[
        "documents"
    ][0]
    for name in ("agency", "subject", "to"):  # exact accuracy is measured by `make bench`
        got, want = memo["fields"][name]["value"], truth["fields"][name]["value"]
        assert fuzz.ratio(got, want) >= 90, (name, got, want)
    assert memo["fields"]["date"]["value"] == truth["fields"]["date"]["value"]
    assert memo["signatures"] and memo["stamps"]
    assert memo["annotations"], "routing notes in blue pen are kept as annotations"
    assert all(a["confidence"] <= 0.5 for a in memo["annotations"])
    for note in truth["annotations"]:  # blue-pen notes stay out of the typed text
        assert note["text"] not in memo["text"]


def test_report_lists_review_items(sample_results):
    out = sample_results / "report.html"
    assert main(["report", str(sample_results), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "Content-Security-Policy" in html and "memo-colour.png" in html


def test_real_phone_scan_does_not_crash(real_samples, tmp_path):
    src = real_samples / "election-form-ss5-16.pdf"
    inbox = tmp_path / "in"
    inbox.mkdir()
    shutil.copy(src, inbox / src.name)
    out = tmp_path / "out"
    assert main(["import", str(inbox), "--out", str(out), "--jobs", "2"]) == 0
    data = json.loads((out / f"{src.name}.json").read_text(encoding="utf-8"))
    assert data["source"]["pages"] == 2
    for page in data["pages"]:
        assert page["rotation"] == 0
        assert abs(page["skew"]) < 5
    # (no page of it is a newsletter by the colour label at its head, ``สีขาว``)
    assert {d["type"] for d in data["documents"]} == {"other"}
    kinds = {r["kind"] for p in data["pages"] for r in p["regions"]}
    assert "typed" in kinds and ("handwritten" in kinds or "signature" in kinds)


def test_a_filled_in_forms_printed_lines_stay_typed(real_samples, tmp_path):
    # another real election form (แบบ ส.ส. ๕/๑๗, phone-photographed), page 1: mostly pen, so
    # its typed lines were taken to set the page straight; crossed by the pen's values they
    # gave a residual of 0.35° where there was none, and so tilted, its printed heading and
    # paragraphs went to handwriting
    [page] = _real_pages(real_samples / "election-form-2-constituency.pdf", [1], tmp_path).values()
    typed, hand = _texts(page, "typed"), _texts(page, "handwritten")
    for printed in ("เก็บไว้ในเล่มเพื่อส่ง", "รายงานผลการนับคะแนนบัตรเลือกตั้ง", "ได้รับซองใส่บัตร"):
        assert any(printed in t for t in typed), (printed, typed)
        assert not any(printed in t for t in hand), printed


def _real_pages(pdf, numbers, tmp_path):
    """Pages ``numbers`` of a real sample, each rasterised at 300 dpi as a scan of its own,
    imported (a job a page, two at most): their JSON pages by number."""
    from pdf2image import convert_from_path

    inbox = tmp_path / "in"
    inbox.mkdir()
    for n in numbers:
        [img] = convert_from_path(pdf, dpi=300, first_page=n, last_page=n)
        img.save(inbox / f"p{n}.png", dpi=(300, 300))
    out = tmp_path / "out"
    jobs = str(min(2, len(numbers)))
    assert main(["import", str(inbox), "--out", str(out), "--jobs", jobs]) == 0
    return {
        n: json.loads((out / f"p{n}.png.json").read_text(encoding="utf-8"))["pages"][0]
        for n in numbers
    }


def _texts(page, kind):
    """The text of ``page``'s lines in regions of ``kind``."""
    return [ln["text"] for r in page["regions"] if r["kind"] == kind for ln in r.get("lines", [])]


# Boxes labelled by eye on page 1 of the real election form, in the upright 300 dpi page frame
# (x0, y0, x1, y1): blue-pen names, parties and counts; printed title and paragraphs.
REAL_FORM_HANDWRITING = [
    (593, 1823, 1133, 1907),
    (1167, 1907, 1433, 1993),
    (1557, 1830, 1623, 1893),
    (1800, 1993, 1907, 2060),
    (593, 2300, 1133, 2400),
]
REAL_FORM_TYPED = [(273, 413, 2260, 487), (207, 690, 2317, 1000), (207, 1113, 2317, 1253)]


def test_real_form_handwriting_and_print_told_apart(real_samples, tmp_path):
    import numpy as np

    inbox = tmp_path / "in"
    inbox.mkdir()
    shutil.copy(real_samples / "election-form-ss5-16.pdf", inbox)
    out = tmp_path / "out"
    assert main(["import", str(inbox), "--out", str(out), "--jobs", "1"]) == 0
    page = json.loads((out / "election-form-ss5-16.pdf.json").read_text(encoding="utf-8"))["pages"][
        0
    ]

    from pdf2image import convert_from_path

    # the page's ink (the page is upright as scanned): what a box holds is its ink, not the
    # paper around it (a region drawn tight around a short line covers all of its words)
    scan = convert_from_path(inbox / "election-form-ss5-16.pdf", dpi=300, last_page=1)[0]
    ink = np.asarray(scan.convert("L")) < 128
    assert ink.shape == (page["height"], page["width"])

    def covered(box, kinds):
        m = np.zeros((page["height"], page["width"]), bool)
        for r in page["regions"]:
            if r["kind"] in kinds:
                x0, y0, x1, y1 = r["bbox"]
                m[y0:y1, x0:x1] = True
        x0, y0, x1, y1 = box
        inside = ink[y0:y1, x0:x1]
        return float(m[y0:y1, x0:x1][inside].mean())

    for box in REAL_FORM_HANDWRITING:
        assert covered(box, ("handwritten", "signature")) >= 0.6, box
        assert covered(box, ("typed",)) <= 0.1, box
    for box in REAL_FORM_TYPED:
        assert covered(box, ("typed",)) >= 0.8, box
        assert covered(box, ("handwritten", "signature")) <= 0.2, box


def test_real_gazette_pages_keep_their_centred_lines_and_merged_cells(real_samples, tmp_path):
    # the Royal Gazette (born digital, rasterised as a scan): page 3 ends in a notice's date
    # centred over its signer's name and post, under a page number centred over the running
    # head (both had gone to handwriting, the date read ๒๕ … ๒๕๐๕ for ๒๔ … ๒๕๖๕); page 9's
    # rates table has a row heading over two rows and a heading over five columns
    pages = _real_pages(real_samples / "gazette-139-154ng-travel-regulation.pdf", [3, 9], tmp_path)
    typed = _texts(pages[3], "typed")
    assert "ประกาศ ณ วันที่ ๒๔ มิถุนายน พ.ศ. ๒๕๖๕" in typed, typed
    assert "หน้า ๓" in typed
    assert not [r for r in pages[3]["regions"] if r["kind"] == "handwritten"]
    [table] = [r for r in pages[9]["regions"] if r["kind"] == "table"]
    cells = {(c["row"], c["col"]): c for c in table["cells"]}
    assert cells[(0, 0)]["text"] == "ข้าราชการ" and cells[(0, 0)]["row_span"] == 2
    assert cells[(0, 1)]["col_span"] == 5 and "อัตราสำหรับประเทศ" in cells[(0, 1)]["text"]
    assert (1, 0) not in cells and cells[(1, 1)]["text"] == "ประเภท ก."
    assert "๗,๕๐๐" in cells[(2, 1)]["text"]


def test_a_real_list_keeps_the_numbers_the_engines_layout_left_out(real_samples, tmp_path):
    # the Royal Gazette's page 12, a list of countries: the engine's layout analysis puts the
    # numbers ๑๖. to ๒๙. in no block at all (they were lost: ``J, สหสาธารณรัฐแทนซาเนีย``),
    # and the detached foot of ฐ under each สาธารณรัฐ in blocks of their own (read ``๘๓``)
    [page] = _real_pages(
        real_samples / "gazette-139-154ng-travel-regulation.pdf", [12], tmp_path
    ).values()
    typed = _texts(page, "typed")
    assert "๑๖. สหรัฐเม็กซิโก" in typed, typed
    numbered = {t.split(" ")[0].rstrip(".") for t in typed}
    wanted = {to_thai_digits(str(k)) for k in range(16, 30)}
    assert len(numbered & wanted) >= 12, sorted(numbered & wanted)
    # every line holds letters: no row of feet read as a line
    assert all(re.search("[ก-ฮ]", t) for t in typed), [
        t for t in typed if not re.search("[ก-ฮ]", t)
    ]
    assert not [r for r in page["regions"] if r["kind"] == "handwritten"]
