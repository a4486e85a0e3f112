"""The `mars` command.

Bad input ends with exit code 2 and one line on stderr that names the problem;
a traceback only ever goes to the log file.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from .. import __version__
from ..config import app_paths
from ..logging_setup import NativeStderrToFile, setup_logging
from .analyze import cmd_analyze, cmd_bench
from .audit import add_audit_commands
from .central import add_central_commands
from .reports import add_report_commands
from .sessions import add_store_commands
from .support import EXIT_BAD_INPUT, EXIT_FAILURE, UserError, one_line
from .sync import add_sync_commands
from .users import add_user_commands

log = logging.getLogger("mars.cli")


# -- commands  ---------------------------------------------------------------------------------


def cmd_gui(args: argparse.Namespace) -> int:
    from .gui import run_gui_command

    return run_gui_command(args)


# -- parser -----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="mars",
        description="MARS Desktop: interview analysis workstation. The stress score shows "
                    "change from the applicant's own calm baseline; it is not a lie detector "
                    "and never decides.")
    p.add_argument("--version", action="version", version=f"mars {__version__}")
    p.add_argument("-v", "--verbose", action="store_true", help="also log to stderr")
    p.add_argument("--user", help="sign in as this account (once accounts are on; password "
                                  "from MARS_PASSWORD or a prompt)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    a = sub.add_parser("analyze", help="analyse a recorded interview video headless")
    a.add_argument("video", type=Path, help="video file (mp4, mov, avi, ...)")
    a.add_argument("--marks", type=Path, required=True,
                   help="CSV with header start_s,question_id,text,baseline")
    a.add_argument("--out", type=Path, help="result JSON to write")
    a.add_argument("--store", action="store_true",
                   help="record the run as a session in the local store; prints its id last")
    a.add_argument("--applicant", type=Path, help="applicant data (JSON object) for --store")
    a.add_argument("--officer", help="officer name for --store")
    a.add_argument("--office", help="office (Kantor Imigrasi / TPI) for --store")
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

    b = sub.add_parser("bench", help="bare MediaPipe against the full pipeline, or `mars "
                                     "bench store|export|sync`, as JSON")
    b.add_argument("video", type=Path, help="a video file, or the word `store`")
    b.add_argument("--out", type=Path, required=True)
    b.add_argument("--model", type=Path, default=None)
    b.add_argument("--max-frames", type=int, default=0, help="stop after N frames (0 = all)")
    b.add_argument("--db", help="bench sync: the central database (default: SQLite in a temp "
                                "dir); postgresql://... for the deployment target")
    b.add_argument("--sessions", type=int, default=1000, help="bench sync: sessions to upload")
    b.add_argument("--workstations", type=int, default=20,
                   help="bench sync: concurrent workstations")
    b.set_defaults(func=cmd_bench)

    add_store_commands(sub)
    add_report_commands(sub)
    add_central_commands(sub)
    add_sync_commands(sub)
    add_audit_commands(sub)
    add_user_commands(sub)

    g = sub.add_parser("gui", help="the officer workstation (default)")
    g.add_argument("--source", help="camera: 0, usb:1, rtsp://..., http://..., or a video "
                                    "file (remembered)")
    g.add_argument("--lang", choices=["id", "en"], default=None,
                   help="Indonesian (default) or English; the window remembers its choice")
    g.add_argument("--font-scale", type=float, default=1.0, help="larger text, e.g. 1.25")
    g.add_argument("--officer", help="officer name (until accounts exist)")
    g.add_argument("--selftest", type=float, metavar="SECONDS",
                   help="run a whole interview automatically, then exit")
    g.add_argument("--out", type=Path, help="self-test figures (JSON)")
    g.add_argument("--screenshot", type=Path, help="self-test: save the window as PNG")
    g.set_defaults(func=cmd_gui)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.user:
        os.environ["MARS_USER"] = args.user  # read where the store is opened (cli/signin.py)
    paths = app_paths()
    setup_logging(paths.log_file, console=args.verbose)
    if not hasattr(args, "func"):  # plain `mars` opens the workstation
        top = args
        args = parser.parse_args(["gui"])
        args.user, args.verbose = top.user, top.verbose
    func = args.func
    try:
        if func in (cmd_analyze, cmd_bench):
            with NativeStderrToFile(paths.log_dir / "native.log"):
                return func(args)
        return func(args)
    except UserError as exc:
        sys.stderr.write(f"mars {args.command}: error: {one_line(str(exc))}\n")
        log.warning("user error: %s", exc)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        sys.stderr.write("\ninterrupted\n")
        return 130
    except Exception as exc:
        log.exception("unexpected error")
        sys.stderr.write(f"mars {args.command}: internal error: {one_line(str(exc))} "
                         f"(details in {paths.log_file})\n")
        return EXIT_FAILURE
