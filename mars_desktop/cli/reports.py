"""`mars export` and `mars verify-report`."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.permissions import Action
from .sessions import check_may_view
from .signin import opened_store, signed_in_store
from .support import EXIT_OK, UserError

EXIT_MISMATCH = 1


def cmd_export(args: argparse.Namespace) -> int:
    from ..pipeline.report_export import ReportError, export_report

    with signed_in_store(Action.EXPORT_FULL_NIK if args.full_nik else Action.INTERVIEW
                         ) as (store, who):
        check_may_view(store, who, args.session_id)
        try:
            out = export_report(store, args.session_id, args.out, lang=args.lang,
                                full_nik=args.full_nik, force=args.force,
                                actor=who.username or args.officer)
        except ReportError as exc:
            raise UserError(str(exc)) from None
    print(out)
    return EXIT_OK


def cmd_verify_report(args: argparse.Namespace) -> int:
    from ..pipeline.report_export import ReportError, verify_report

    if not args.pdf.is_file():
        raise UserError(f"no such file: {args.pdf}")
    with opened_store() as store:
        try:
            ok, message = verify_report(store, args.pdf)
        except ReportError as exc:
            raise UserError(str(exc)) from None
    print(("OK: " if ok else "MISMATCH: ") + message)
    return EXIT_OK if ok else EXIT_MISMATCH




def add_report_commands(sub: argparse._SubParsersAction) -> None:
    e = sub.add_parser("export", help="the PDF profiling report of a session")
    e.add_argument("session_id")
    e.add_argument("--out", type=Path, required=True, help="PDF file, or a folder (safe name)")
    e.add_argument("--lang", choices=["id", "en"], default="id")
    e.add_argument("--full-nik", action="store_true",
                   help="show the NIK in full (supervisors; recorded in the audit trail)")
    e.add_argument("--force", action="store_true", help="overwrite an existing file")
    e.add_argument("--officer", help="who exports (until accounts exist)")
    e.set_defaults(func=cmd_export)
    v = sub.add_parser("verify-report", help="does a PDF report match the stored session?")
    v.add_argument("pdf", type=Path)
    v.set_defaults(func=cmd_verify_report)
