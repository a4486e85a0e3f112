"""The `mars` command.

Bad input ends with exit code 2 and one line on stderr that names the problem;
a traceback only ever goes to the log file.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from . import __version__
from .config import app_paths
from .logging_setup import NativeStderrToFile, setup_logging

log = logging.getLogger("mars.cli")
EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2
MAX_MARKS_BYTES = 5_000_000


class UserError(Exception):
    """Bad input from the user: exit 2 with this one-line message."""


def _one_line(msg: str) -> str:
    return " ".join(str(msg).split())


def write_json_atomic(path: Path, data: Any) -> None:
    """Write to a temp file beside the target and rename, so no half-written file is left."""
    path = Path(path)
    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise UserError(f"output {path} is a folder")
    if not parent.is_dir():
        raise UserError(f"output folder does not exist: {parent}")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise UserError(f"cannot write to {parent}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, ensure_ascii=False)
            fh.write("\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UserError(f"cannot write {path}: {exc.strerror}") from None


class ProgressBar:
    """A bar on stderr, only when stderr is a terminal unless forced."""

    def __init__(self, label: str, enabled: bool):
        self.label, self.enabled = label, enabled
        self._last = 0.0
        self._shown = False

    def __call__(self, fraction: float) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self._last < 0.2 and fraction < 1.0):
            return
        self._last = now
        width = 30
        fill = round(fraction * width)
        sys.stderr.write(f"\r{self.label} [{'#' * fill}{'.' * (width - fill)}] {fraction:5.1%}")
        sys.stderr.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            sys.stderr.write("\n")
            sys.stderr.flush()
            self._shown = False


# -- commands ---------------------------------------------------------------------------------


def cmd_analyze(args: argparse.Namespace) -> int:
    from .adapters.sources import SourceError
    from .adapters.text_files import TextFileError, read_text_file
    from .core.marks import MarksError, parse_marks
    from .core.model_config import ModelConfigError
    from .pipeline.model_files import load_model_config
    from .pipeline.offline import NoFaceError, analyse_video, probe_video
    from .pipeline.result_json import analysis_dict

    try:
        config = load_model_config(args.model)
        if args.threshold is not None:
            config = config.with_threshold(args.threshold)
    except ModelConfigError as exc:
        raise UserError(str(exc)) from None
    try:
        video = probe_video(args.video)
    except SourceError as exc:
        raise UserError(str(exc)) from None
    try:
        marks = parse_marks(read_text_file(args.marks, "marks file", MAX_MARKS_BYTES),
                            video.duration_s)
    except (TextFileError, MarksError) as exc:
        raise UserError(str(exc)) from None
    out_parent = args.out.parent if str(args.out.parent) else Path(".")
    if not out_parent.is_dir():
        raise UserError(f"output folder does not exist: {out_parent}")
    bar = ProgressBar("analysing", args.progress)
    try:
        if args.realtime:
            from .pipeline.live_run import analyse_live

            run = analyse_live(args.video, marks, config, progress=bar)
        else:
            run = analyse_video(args.video, marks, config, video=video, workers=args.workers,
                                progress=bar)
    except (SourceError, NoFaceError) as exc:
        bar.close()
        raise UserError(str(exc)) from None
    bar.close()
    write_json_atomic(args.out, analysis_dict(run))
    log.info("analysed %s: %d frames, %d with a face", args.video, run.frames,
             run.frames_with_face)
    return EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    from .adapters.sources import SourceError
    from .core.model_config import ModelConfigError
    from .pipeline.bench import run_bench
    from .pipeline.model_files import load_model_config

    try:
        config = load_model_config(args.model)
        figures = run_bench(args.video, config, max_frames=args.max_frames)
    except (SourceError, ModelConfigError) as exc:
        raise UserError(str(exc)) from None
    write_json_atomic(args.out, figures)
    print(json.dumps(figures, indent=2))
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    # The workstation window arrives with issue 4; until then `mars` explains itself.
    build_parser().print_help()
    return EXIT_OK


# -- parser -----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="mars",
        description="MARS Desktop: interview analysis workstation. The stress score shows "
                    "change from the applicant's own calm baseline; it is not a lie detector "
                    "and never decides.")
    p.add_argument("--version", action="version", version=f"mars {__version__}")
    p.add_argument("-v", "--verbose", action="store_true", help="also log to stderr")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    a = sub.add_parser("analyze", help="analyse a recorded interview video headless")
    a.add_argument("video", type=Path, help="video file (mp4, mov, avi, ...)")
    a.add_argument("--marks", type=Path, required=True,
                   help="CSV with header start_s,question_id,text,baseline")
    a.add_argument("--out", type=Path, required=True, help="result JSON to write")
    a.add_argument("--realtime", action="store_true",
                   help="pace the file like a camera through the live pipeline")
    a.add_argument("--model", type=Path, default=None, help="model settings (models/som.toml)")
    a.add_argument("--threshold", type=float, default=None,
                   help="flag threshold in percent (default from the model)")
    a.add_argument("--workers", type=int, default=None,
                   help="analysis threads (default: cores, at most 4); the result is the same")
    a.add_argument("--progress", action=argparse.BooleanOptionalAction,
                   default=sys.stderr.isatty(), help="progress bar on stderr (default: on a TTY)")
    a.set_defaults(func=cmd_analyze)

    b = sub.add_parser("bench", help="bare MediaPipe against the full pipeline, as JSON")
    b.add_argument("video", type=Path)
    b.add_argument("--out", type=Path, required=True)
    b.add_argument("--model", type=Path, default=None)
    b.add_argument("--max-frames", type=int, default=0, help="stop after N frames (0 = all)")
    b.set_defaults(func=cmd_bench)

    g = sub.add_parser("gui", help="the officer workstation (default)")
    g.set_defaults(func=cmd_gui)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    paths = app_paths()
    setup_logging(paths.log_file, console=args.verbose)
    func = getattr(args, "func", cmd_gui)
    try:
        if func in (cmd_analyze, cmd_bench):
            with NativeStderrToFile(paths.log_dir / "native.log"):
                return func(args)
        return func(args)
    except UserError as exc:
        sys.stderr.write(f"mars {args.command}: error: {_one_line(str(exc))}\n")
        log.warning("user error: %s", exc)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        sys.stderr.write("\ninterrupted\n")
        return 130
    except Exception as exc:
        log.exception("unexpected error")
        sys.stderr.write(f"mars {args.command}: internal error: {_one_line(str(exc))} "
                         f"(details in {paths.log_file})\n")
        return EXIT_FAILURE
