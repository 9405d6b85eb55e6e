"""Command line: the only place where errors become exit codes."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from pipeline import __version__
from pipeline.errors import EXIT_INTERNAL, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, SarabanError
from pipeline.options import Options

log = logging.getLogger("saraban")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="saraban", description="Digitise scanned Thai government paperwork."
    )
    p.add_argument("--version", action="version", version=f"saraban {__version__}")
    p.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = p.add_subparsers(dest="command", required=True)

    imp = sub.add_parser("import", help="digitise files and folders (recursively)")
    imp.add_argument("paths", nargs="+", type=Path)
    imp.add_argument("--out", required=True, type=Path)
    imp.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    imp.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="send page tasks to a Dask cluster (tcp://host:8786) instead of local processes",
    )
    imp.add_argument(
        "--scheduler-timeout",
        type=float,
        default=20.0,
        metavar="SECONDS",
        help="how long to try reaching the Dask scheduler",
    )
    imp.add_argument("--force", action="store_true", help="redo files the ledger says are done")
    imp.add_argument(
        "--engine", default="tesseract", choices=["tesseract", "fake"], help=argparse.SUPPRESS
    )

    w = sub.add_parser("watch", help="process what is new in INBOX")
    w.add_argument("inbox", type=Path)
    w.add_argument("--out", required=True, type=Path)
    w.add_argument("--once", action="store_true")
    w.add_argument("--jobs", type=int, default=1)
    w.add_argument("--interval", type=float, default=30.0, help="seconds between rescans")
    w.add_argument("--settle", type=float, default=2.0, help="seconds a file must stay unchanged")
    w.add_argument("--move-done", type=Path, help="move finished inbox files here")
    w.add_argument(
        "--engine", default="tesseract", choices=["tesseract", "fake"], help=argparse.SUPPRESS
    )

    r = sub.add_parser("report", help="HTML review report of low-confidence extractions")
    r.add_argument("dir", type=Path)
    r.add_argument("--threshold", type=float, default=0.75)
    r.add_argument("-o", "--output", type=Path)
    r.add_argument(
        "--scans",
        type=Path,
        help="where the source scans are, for crops (default: the import root recorded in each result)",
    )
    r.add_argument("--no-crops", action="store_true", help="leave the image crops out")

    a = sub.add_parser("apply", help="write a report's exported corrections into the results")
    a.add_argument("corrections", type=Path)
    a.add_argument(
        "--out", required=True, type=Path, help="the results folder the report was made of"
    )
    a.add_argument("--reviewer", help="who reviewed (default: the name in the corrections file)")

    s = sub.add_parser("synth", help="generate a synthetic scan corpus with ground truth")
    s.add_argument("--out", required=True, type=Path)
    s.add_argument("--count", type=int, default=10)
    s.add_argument("--seed", type=int, default=1)
    s.add_argument("--start", type=int, default=0)

    e = sub.add_parser("eval", help="score predictions against a synthetic corpus's ground truth")
    e.add_argument("corpus", type=Path)
    e.add_argument("--pred", required=True, type=Path)
    e.add_argument("--json", type=Path, help="also write the scores as JSON")

    sub.add_parser("schema", help="print the output JSON Schema")
    return p


def _import(args: argparse.Namespace) -> int:
    missing = [p for p in args.paths if not p.exists()]
    for m in missing:
        log.warning("not found: %s", m)
    from pipeline.jobs.importer import import_paths

    options = Options(jobs=max(1, args.jobs))
    summary = import_paths(
        [p for p in args.paths],
        args.out,
        options,
        jobs=max(1, args.jobs),
        engine_kind=args.engine,
        force=args.force,
        scheduler=args.scheduler,
        connect_timeout=args.scheduler_timeout,
    )
    log.info("%s", summary.line())
    print(summary.line())
    return EXIT_OK if summary.failed == 0 else EXIT_SOME_FAILED


def _watch(args: argparse.Namespace) -> int:
    from pipeline.jobs.watch import watch

    return watch(
        args.inbox,
        args.out,
        Options(),
        once=args.once,
        jobs=args.jobs,
        interval=args.interval,
        settle=args.settle,
        move_done=args.move_done,
        engine_kind=args.engine,
    )


def _report(args: argparse.Namespace) -> int:
    from pipeline.report.html import write_report

    out = args.output or args.dir / "report.html"
    if not args.dir.is_dir():
        raise SarabanError(f"not a folder: {args.dir}", code="usage")
    n = write_report(
        args.dir, out, threshold=args.threshold, scans=args.scans, crops=not args.no_crops
    )
    print(f"{n} review items written to {out}")
    return EXIT_OK


def _apply(args: argparse.Namespace) -> int:
    from pipeline.report.corrections import apply_corrections

    if not args.out.is_dir():
        raise SarabanError(f"not a folder: {args.out}", code="usage")
    summary = apply_corrections(args.corrections, args.out, reviewer=args.reviewer)
    for file, item, reason in summary.rejected:
        log.warning("not applied: %s %s (%s)", file, item, reason)
    print(summary.line())
    return EXIT_OK if not summary.rejected else EXIT_SOME_FAILED


def _synth(args: argparse.Namespace) -> int:
    from pipeline.synth import generate

    files = generate(args.out, args.count, args.seed, start=args.start)
    print(f"{len(files)} files in {args.out / 'scans'}, ground truth in {args.out / 'truth'}")
    return EXIT_OK


def _eval(args: argparse.Namespace) -> int:
    from pipeline.bench.evaluate import evaluate, format_scores

    scores = evaluate(args.corpus, args.pred)
    print(format_scores(scores))
    if args.json:
        args.json.write_text(json.dumps(scores, ensure_ascii=False, indent=1))
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # argparse exits 2 on usage errors, 0 on --help
        return int(e.code) if isinstance(e.code, int) else EXIT_USAGE
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(message)s",
        stream=sys.stderr,
    )
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    handlers = {
        "import": _import,
        "watch": _watch,
        "report": _report,
        "apply": _apply,
        "synth": _synth,
        "eval": _eval,
    }
    try:
        if args.command == "schema":
            from pipeline.output import json_schema

            print(json.dumps(json_schema(), ensure_ascii=False, indent=1))
            return EXIT_OK
        return handlers[args.command](args)
    except SarabanError as e:
        print(f"saraban: {e.message}", file=sys.stderr)
        return EXIT_USAGE if e.code == "usage" else e.exit_code
    except KeyboardInterrupt:
        print("saraban: interrupted", file=sys.stderr)
        return 130
    except Exception as e:  # a bug: say so plainly, exit non-zero
        log.exception("internal error")
        print(f"saraban: internal error: {type(e).__name__}: {e}", file=sys.stderr)
        return EXIT_INTERNAL
