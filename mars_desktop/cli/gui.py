"""`mars gui` (and plain `mars`)."""

from __future__ import annotations

import argparse

from .support import UserError


def run_gui_command(args: argparse.Namespace) -> int:
    if args.selftest is not None and args.selftest < 5:
        raise UserError("--selftest needs at least 5 seconds")
    from ..ui.run import run_gui

    return run_gui(source=args.source, lang=args.lang, font_scale=args.font_scale,
                   selftest=args.selftest, out=args.out, screenshot=args.screenshot,
                   officer=args.officer)
