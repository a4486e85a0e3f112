"""`mars audit verify` and `mars audit export`: the tamper-evident trail."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from ..adapters.store import queries
from ..core.permissions import Action
from .signin import signed_in_store
from .support import EXIT_FAILURE, EXIT_OK, UserError, write_json_atomic


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from ..core.audit_chain import verify

    checkpoint = _server_checkpoint() if args.against_server else None
    with signed_in_store(Action.VERIFY_AUDIT) as (store, _who), store.reader() as conn:
        check = verify(queries.audit_chain_rows(conn), checkpoint)
    if args.json:
        sys.stdout.write(json.dumps(check.as_dict(), indent=2) + "\n")
    elif check.ok:
        print(f"OK: {check.events} events, the chain is intact (last {check.last_id}, "
              f"{check.last_hash[:16]}...)")
    else:
        print(f"BROKEN at event {check.broken_at}: {check.reason} ({check.events} events "
              "before it are intact)")
    return EXIT_OK if check.ok else EXIT_FAILURE


def _server_checkpoint() -> tuple[int, str] | None:
    import requests

    from ..adapters.sync_client import SyncClient, SyncConfigError, load_credential
    from ..config import app_paths

    try:
        cred = load_credential(app_paths().config_dir)
    except SyncConfigError as exc:
        raise UserError(str(exc)) from None
    if cred is None:
        raise UserError("this workstation is not registered with a server")
    try:
        return SyncClient(cred).latest_checkpoint()
    except requests.RequestException as exc:
        raise UserError(f"cannot get the checkpoint from {cred.server}: "
                        f"{type(exc).__name__}") from None


def _day(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def cmd_audit_export(args: argparse.Namespace) -> int:
    if args.to < args.from_:
        raise UserError("--to is before --from")
    with signed_in_store(Action.EXPORT_AUDIT) as (store, who):
        with store.reader() as conn:
            events = queries.audit_events_between(conn, args.from_, args.to)
        store.record_event("audit_export", None, {"from": args.from_, "to": args.to,
                                                  "events": len(events)},
                           who.username or args.actor)
    doc = {"from": args.from_, "to": args.to, "events": events}
    if args.out:
        write_json_atomic(args.out, doc)
        print(f"{len(events)} events written to {args.out}")
    else:
        sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


def add_audit_commands(sub: argparse._SubParsersAction) -> None:
    a = sub.add_parser("audit", help="the audit trail: verify its hash chain, export a period")
    asub = a.add_subparsers(dest="audit_command", metavar="COMMAND", required=True)
    v = asub.add_parser("verify", help="walk the hash chain; names the first broken link "
                                       "(exit 1)")
    v.add_argument("--json", action="store_true")
    v.add_argument("--against-server", action="store_true",
                   help="also check the newest checkpoint the directorate holds")
    v.set_defaults(func=cmd_audit_verify)
    e = asub.add_parser("export", help="events of a period, with their hashes (JSON)")
    e.add_argument("--from", dest="from_", type=_day, required=True, metavar="YYYY-MM-DD")
    e.add_argument("--to", type=_day, required=True, metavar="YYYY-MM-DD",
                   help="last day included")
    e.add_argument("--out", type=Path)
    e.add_argument("--actor", help="who exports (recorded)")
    e.set_defaults(func=cmd_audit_export)
