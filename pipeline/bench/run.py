"""``make bench``: the pipeline against raw Tesseract on the same generated pages, same run.

    python -m pipeline.bench.run --out build/bench [--count 32] [--seed 2026] [--jobs 2]

Generates (or reuses) a fixed corpus, decodes every page once to PNG for the raw baseline
(``tesseract PAGE stdout -l tha+eng --psm 3`` with OMP_THREAD_LIMIT=1, N processes at a time),
runs ``saraban import`` over the same files with N jobs, and prints both side by side with
their ratios. Times are wall-clock medians per page; the pipeline's time includes decoding
PDFs and TIFFs, the baseline's does not.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytesseract
from PIL import Image

from pipeline.bench.evaluate import cer_counts, evaluate, format_scores
from pipeline.ingest import inspect, load_page
from pipeline.options import Options
from pipeline.synth import generate


def _generator_version() -> str:
    """A hash of the generator's source: a changed generator makes a new corpus."""
    import hashlib

    import pipeline.synth as synth

    h = hashlib.sha256()
    for f in sorted(Path(synth.__file__).parent.glob("*.py")):
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def ensure_corpus(out: Path, count: int, seed: int, decoded: bool = True) -> Path:
    """The generated corpus of ``count`` files from ``seed`` under ``out`` (made again when the
    generator changed); ``decoded``: it is the corpus whose pages ``decode_pages`` holds."""
    corpus = out / f"corpus-s{seed}-n{count}"
    marker = corpus / "complete"
    version = _generator_version()
    if not marker.exists() or marker.read_text() != version:
        shutil.rmtree(corpus, ignore_errors=True)
        if decoded:
            shutil.rmtree(out / "pages", ignore_errors=True)  # decoded from the old corpus
        generate(corpus, count, seed)
        marker.write_text(version)
    return corpus


def corpus_counts(corpus: Path) -> tuple[int, int]:
    """(pages, memos) of a generated corpus, from its truth."""
    pages = memos = 0
    for tf in (corpus / "truth").glob("*.truth.json"):
        t = json.loads(tf.read_text(encoding="utf-8"))
        pages += len(t["pages"])
        memos += sum(1 for d in t.get("documents", []) if d.get("type") == "memo")
    return pages, memos


def decode_pages(corpus: Path, out: Path) -> list[tuple[str, int, Path]]:
    pages_dir = out / "pages"
    pages_dir.mkdir(parents=True, exist_ok=True)
    opts = Options()
    result = []
    for scan in sorted((corpus / "scans").iterdir()):
        info = inspect(scan, opts)
        for n in range(1, info.pages + 1):
            png = pages_dir / f"{scan.name}.p{n}.png"
            if not png.exists():
                p = load_page(info, n, opts)
                Image.fromarray(p.image).save(png, dpi=(p.dpi, p.dpi))
            result.append((scan.name, n, png))
    return result


def raw_tesseract(
    pages: list[tuple[str, int, Path]], jobs: int
) -> tuple[dict[tuple[str, int], str], list[float], float]:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")

    os.environ.update(env)

    def one(item: tuple[str, int, Path]) -> tuple[tuple[str, int], str, float]:
        t = time.monotonic()
        # pytesseract passes a file path straight to the tesseract CLI: the raw baseline
        text = pytesseract.image_to_string(str(item[2]), lang="tha+eng", config="--psm 3")
        return (item[0], item[1]), text, time.monotonic() - t

    t0 = time.monotonic()
    with ThreadPoolExecutor(max_workers=jobs) as ex:
        res = list(ex.map(one, pages))
    wall = time.monotonic() - t0
    return {k: v for k, v, _ in res}, [s for _, _, s in res], wall


def import_cli(paths: list[Path], pred: Path, jobs: int) -> int:
    """Import ``paths`` (folders or files) into ``pred`` with the command line, in a process of
    its own, as a user runs it; the number of files that failed. (A pool made in this process would fork its
    workers from it, and they would count the corpus it generated and the pages it decoded as
    their own memory: 726 MB on a fresh checkout, where the same import from the command line
    peaks at 430 MB.)"""
    cmd = [sys.executable, "-m", "pipeline", "import", *map(str, paths), "--out", str(pred)]
    done = subprocess.run(
        [*cmd, "--jobs", str(jobs)],
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    if done.returncode not in (0, 1):  # 1: some files failed, and have their .error.json
        raise RuntimeError(f"saraban import exited with {done.returncode}")
    return len(list(pred.glob("*.error.json")))


def ocrmypdf_run(
    pages: list[tuple[str, int, Path]], out: Path, jobs: int
) -> tuple[dict[tuple[str, int], str], float] | None:
    """OCRmyPDF as a records office would run it by hand, on the same decoded pages (one PDF,
    one page per scan page), with the same number of jobs: its sidecar text per page and the
    wall time. None when OCRmyPDF is not installed."""
    exe = shutil.which("ocrmypdf") or str(Path(sys.executable).parent / "ocrmypdf")
    if not Path(exe).exists():
        return None
    import img2pdf

    src, dst, side = out / "ocrmypdf-in.pdf", out / "ocrmypdf-out.pdf", out / "ocrmypdf.txt"
    src.write_bytes(img2pdf.convert([str(p) for _, _, p in pages]))
    cmd = [exe, "--rotate-pages", "--deskew", "-l", "tha+eng", "--sidecar", str(side)]
    cmd += ["--output-type", "pdf", "--jobs", str(jobs), "--quiet", str(src), str(dst)]
    t0 = time.monotonic()
    subprocess.run(cmd, check=True, env=dict(os.environ, OMP_THREAD_LIMIT="1"))
    wall = time.monotonic() - t0
    texts = side.read_text(encoding="utf-8").split("\f")
    return {
        (name, n): texts[i] if i < len(texts) else "" for i, (name, n, _) in enumerate(pages)
    }, wall


def raw_scores(corpus: Path, texts: dict[tuple[str, int], str]) -> dict[str, Any]:
    edits = chars = 0
    by: dict[str, list[int]] = {}
    for tf in sorted((corpus / "truth").glob("*.truth.json")):
        truth = json.loads(tf.read_text(encoding="utf-8"))
        for tp in truth["pages"]:
            e, n = cer_counts(texts.get((truth["file"], tp["number"]), ""), tp["typed_text"])
            edits += e
            chars += n
            cond = tp["conditions"]
            for key in (
                f"dpi={cond['dpi']}",
                f"mode={cond['mode']}",
                f"pt={cond['pt']}",
                "skewed" if abs(cond["skew"]) > 1 else "straight",
                "noisy" if cond["noise"] or cond["jpeg"] or cond["blur"] else "clean",
            ):
                v = by.setdefault(key, [0, 0])
                v[0] += e
                v[1] += n
    return {
        "cer": edits / chars if chars else 0.0,
        "cer_by_condition": {k: v[0] / v[1] for k, v in sorted(by.items())},
    }


def worker_figures(pred: Path) -> dict[str, float]:
    page_cpu = engine_cpu = rss = 0.0
    for f in pred.glob("*.json"):
        if f.name.endswith(".error.json"):
            continue
        prov = json.loads(f.read_text(encoding="utf-8"))["provenance"]
        for st in prov.get("steps", []):
            if st.get("step") == "worker":
                engine_cpu += st.get("engine_cpu_seconds", 0.0)
                rss = max(rss, st.get("max_rss_mb", 0.0))
        page_cpu += prov.get("cpu_seconds", 0.0)
    outside = 1 - engine_cpu / page_cpu if page_cpu else 0.0
    return {
        "page_cpu": page_cpu,
        "engine_cpu": engine_cpu,
        "outside_share": outside,
        "max_rss_mb": rss,
    }


def scaling_figures(
    corpus: Path, pages: list[tuple[str, int, Path]], out: Path, n_files: int, rounds: int = 3
) -> dict[str, Any]:
    """Pages/min with 1 and 2 jobs, saraban and raw Tesseract, on the first ``n_files`` files;
    ``rounds`` readings, each of the four runs in turn (one reading on this shared machine once
    found raw Tesseract's one-job run a quarter slower than three readings after it), and the
    medians. Each saraban run is the command line in a process of its own, as a user runs it:
    one job runs in that process, and an import in this one would find the dictionaries
    and models already loaded by the runs before it, which a pool's new workers load again."""
    files = sorted((corpus / "scans").iterdir())[:n_files]
    names = {f.name for f in files}
    sub = [p for p in pages if p[0] in names]
    readings: list[dict[str, list[float]]] = []
    for _ in range(rounds):
        r: dict[str, list[float]] = {"saraban": [], "raw": []}
        for jobs in (1, 2):
            pred = out / f"pred-scaling-{jobs}"
            shutil.rmtree(pred, ignore_errors=True)
            t = time.monotonic()
            if import_cli(files, pred, jobs):
                raise RuntimeError(f"files failed in the {jobs}-job run: see {pred}")
            r["saraban"].append(len(sub) / (time.monotonic() - t) * 60)
            _, _, wall = raw_tesseract(sub, jobs)
            r["raw"].append(len(sub) / wall * 60)
        readings.append(r)

    def median(key: str, jobs: int) -> float:
        return statistics.median(r[key][jobs] for r in readings)

    relative = [(r["saraban"][1] / r["saraban"][0]) / (r["raw"][1] / r["raw"][0]) for r in readings]
    return {
        "pages": len(sub),
        "saraban": [median("saraban", 0), median("saraban", 1)],
        "raw": [median("raw", 0), median("raw", 1)],
        "relative": relative,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--out", type=Path, default=Path("build/bench"))
    ap.add_argument("--count", type=int, default=32)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument(
        "--scaling", type=int, default=20, help="files for the 1-vs-2-jobs section (0: skip)"
    )
    ap.add_argument(
        "--rerun", type=int, default=10_000, help="files for the re-run (ledger) section (0: skip)"
    )
    ap.add_argument(
        "--ocrmypdf", type=int, default=1, help="1: compare with OCRmyPDF if installed (0: skip)"
    )
    ap.add_argument(
        "--report-docs", type=int, default=1000, help="documents for the report section (0: skip)"
    )
    ap.add_argument(
        "--real", type=int, default=1, help="1: the real-paper section (the Gazette) (0: skip)"
    )
    ap.add_argument(
        "--wide",
        type=int,
        default=140,
        help="files (seed + 1) for the accuracy-only section over 100+ memos (0: skip)",
    )
    args = ap.parse_args(argv)
    os.environ["OMP_THREAD_LIMIT"] = "1"
    args.out.mkdir(parents=True, exist_ok=True)
    corpus = ensure_corpus(args.out, args.count, args.seed)
    pages = decode_pages(corpus, args.out)
    n_pages = len(pages)

    raw_texts, raw_secs, raw_wall = raw_tesseract(pages, args.jobs)
    raw = raw_scores(corpus, raw_texts)

    pred = args.out / "pred"
    shutil.rmtree(pred, ignore_errors=True)
    t0 = time.monotonic()
    failed = import_cli([corpus / "scans"], pred, args.jobs)
    pipe_wall = time.monotonic() - t0
    scores = evaluate(corpus, pred)

    pipe_ppm = n_pages / pipe_wall * 60
    raw_ppm = n_pages / raw_wall * 60
    print(
        f"\nsaraban benchmark: {args.count} files, {n_pages} pages, seed {args.seed}, {args.jobs} jobs "
        f"({failed} failed)\n"
    )
    print(f"{'':28}{'saraban':>12}{'raw tesseract':>16}{'ratio':>10}")
    print(
        f"{'typed-text CER':28}{scores['cer']:>12.2%}{raw['cer']:>16.2%}{scores['cer'] / max(1e-9, raw['cer']):>10.2f}"
    )
    print(f"{'pages/min (wall)':28}{pipe_ppm:>12.1f}{raw_ppm:>16.1f}{pipe_ppm / raw_ppm:>10.2f}")
    print(
        f"{'seconds/page (wall/pages)':28}{pipe_wall / n_pages:>12.2f}{raw_wall / n_pages:>16.2f}"
        f"{(pipe_wall / n_pages) / (raw_wall / n_pages):>10.2f}"
    )
    print(f"{'raw seconds/page median':28}{'':>12}{statistics.median(raw_secs):>16.2f}")
    print("\nCER by condition (saraban / raw):")
    for k, v in scores["cer_by_condition"].items():
        if k in raw["cer_by_condition"]:
            print(f"  {k:14} {v:7.2%} / {raw['cer_by_condition'][k]:7.2%}")
    print("\n" + format_scores(scores))
    worker = worker_figures(pred)
    print(
        f"\nCPU outside Tesseract: {worker['outside_share']:.0%} of page CPU "
        f"({worker['page_cpu']:.0f} s pages, {worker['engine_cpu']:.0f} s inside Tesseract); "
        f"peak worker memory {worker['max_rss_mb']:.0f} MB"
    )
    if args.scaling:
        scaling = scaling_figures(corpus, pages, args.out, args.scaling)
        s_ppm, r_ppm = scaling["saraban"], scaling["raw"]
        print(
            f"1 → 2 jobs on {scaling['pages']} pages (medians of {len(scaling['relative'])} "
            f"readings): saraban {s_ppm[0]:.1f} → {s_ppm[1]:.1f} pages/min "
            f"(×{s_ppm[1] / s_ppm[0]:.2f}); raw Tesseract {r_ppm[0]:.1f} → {r_ppm[1]:.1f} "
            f"(×{r_ppm[1] / r_ppm[0]:.2f}); relative "
            f"speed-up median {statistics.median(scaling['relative']):.2f} "
            f"({', '.join(f'{v:.2f}' for v in scaling['relative'])})"
        )
    if args.ocrmypdf:
        om = ocrmypdf_run(pages, args.out, args.jobs)
        if om is None:
            print("OCRmyPDF: not installed (pip install ocrmypdf), section skipped")
        else:
            om_scores = raw_scores(corpus, om[0])
            om_ppm = n_pages / om[1] * 60
            print(
                f"OCRmyPDF (--rotate-pages --deskew -l tha+eng, {args.jobs} jobs): CER "
                f"{om_scores['cer']:.2%} (saraban {scores['cer']:.2%}, ratio "
                f"{scores['cer'] / max(1e-9, om_scores['cer']):.2f}); {om_ppm:.1f} pages/min "
                f"(saraban {pipe_ppm:.1f}, ratio {pipe_ppm / om_ppm:.2f})"
            )
    if args.rerun:
        from pipeline.bench.rerun_bench import rerun_figures

        rr = rerun_figures(args.out / "rerun", args.rerun, jobs=args.jobs)
        print(
            f"re-run over {rr['files']:.0f} already-imported files: median {rr['median']:.1f} s "
            f"(max {rr['max']:.1f} s of 3 runs of the command line)"
        )
    if args.report_docs:
        from pipeline.bench.report_bench import format_figures, report_figures

        print(format_figures(report_figures(pred, args.out / "report", args.report_docs)))
    if args.real:
        from pipeline.bench.real_bench import SAMPLES, gazette_figures
        from pipeline.bench.real_bench import format_figures as real_format

        real = gazette_figures(SAMPLES, args.jobs)
        print(real_format(real) if real else f"real paper: no samples at {SAMPLES}, skipped")
    wide_scores = None
    if args.wide:
        # accuracy alone (no baselines, no timing) over enough memos and pages for per-field,
        # per-ink-mode and per-face figures: a second corpus, from the next seed
        wide = ensure_corpus(args.out, args.wide, args.seed + 1, decoded=False)
        wide_pred = args.out / "pred-wide"
        shutil.rmtree(wide_pred, ignore_errors=True)
        import_cli([wide / "scans"], wide_pred, args.jobs)
        wide_scores = evaluate(wide, wide_pred)
        w_pages, w_memos = corpus_counts(wide)
        print(
            f"\naccuracy over a wider corpus: {args.wide} files, {w_pages} pages, {w_memos} memos, "
            f"seed {args.seed + 1} (saraban only)\n"
        )
        print(format_scores(wide_scores))
    result = {
        "files": args.count,
        "pages": n_pages,
        "jobs": args.jobs,
        "seed": args.seed,
        "saraban": {**scores, "pages_per_min": pipe_ppm, "wall": pipe_wall},
        "raw": {**raw, "pages_per_min": raw_ppm, "wall": raw_wall},
        "wide": wide_scores,
    }
    (args.out / "results.json").write_text(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
