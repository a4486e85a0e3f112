"""`mars sessions ...`, `mars paths` and `mars settings`: the local session store."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..adapters.store import DECISIONS, Store, queries
from ..adapters.store.store import DEFAULT_SETTINGS
from ..config import app_paths
from ..core.permissions import Action, NotAllowed, allowed, may_view_session
from ..pipeline.accounts import SignedIn
from ..pipeline.settings_rules import check_setting
from .signin import signed_in_store, store_location
from .support import EXIT_OK, UserError


def check_may_view(store: Store, who: SignedIn, session_id: str) -> None:
    """Refuse another officer's session to an officer; record a supervisor's look at it."""
    with store.reader() as conn:
        officer = queries.session_row(conn, session_id)["officer"]
    if not who.accounts or officer == who.username:
        return
    if not may_view_session(who.role, who.username or "", officer):
        store.record_event("denied", session_id, {"action": "view_session"}, who.username)
        raise NotAllowed("this session belongs to another officer")
    store.record_event("session_view_other", session_id, {"officer": officer}, who.username)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def cmd_paths(args: argparse.Namespace) -> int:
    paths = app_paths()
    loc = store_location()
    data = {"data_dir": str(paths.data_dir), "database": str(loc.database),
            "log_dir": str(paths.log_dir), "config_dir": str(paths.config_dir),
            "key_file": str(loc.key_file)}
    if args.json:
        _print_json(data)
    else:
        for k, v in data.items():
            print(f"{k:11} {v}")
    return EXIT_OK


def cmd_sessions_list(args: argparse.Namespace) -> int:
    with signed_in_store(Action.VIEW_OWN_SESSIONS) as (store, who), store.reader() as conn:
        rows = queries.list_sessions(conn, search=args.search, state=args.state,
                                     limit=args.limit)
    if not allowed(who.role, Action.VIEW_OFFICE_SESSIONS):
        rows = [r for r in rows if r["officer"] == who.username]  # an officer: their own
    if args.json:
        _print_json(rows)
        return EXIT_OK
    for r in rows:
        print(f"{r['id']}  {r['state']:11} {r['created_at'][:19]}  "
              f"{r['applicant_name'] or '-'}  flagged={r['flagged_questions']}")
    return EXIT_OK


def cmd_sessions_show(args: argparse.Namespace) -> int:
    from ..pipeline.session_view import session_dict

    with signed_in_store() as (store, who):  # an unknown id is a StoreError: exit 2
        check_may_view(store, who, args.session_id)
        doc = session_dict(store, args.session_id)
    if args.json:
        _print_json(doc)
        return EXIT_OK
    print(f"session {doc['session_id']}: {doc['state']}, recorded to {doc['recorded_until_s']} s")
    for q in doc["questions"]:
        score = "-" if q["score"] is None else f"{q['score']:.0f}"
        print(f"  {q['question_id']:10} {q['status']:18} {score:>4} "
              f"{'FLAG' if q['flagged'] else ''}")
    return EXIT_OK


def cmd_sessions_finalise(args: argparse.Namespace) -> int:
    from ..pipeline.session_view import session_dict

    with signed_in_store(Action.INTERVIEW) as (store, who):
        check_may_view(store, who, args.session_id)
        doc = session_dict(store, args.session_id)
        # Questions a crash left open are closed with the scores their stored windows give.
        store.finalise(args.session_id, decision=args.decision, reason=args.reason,
                       officer=who.username or args.officer,
                       disregarded_score=bool(args.disregard_score),
                       disregard_reason=args.disregard_score,
                       results=[{k: v for k, v in q.items() if k != "partial"}
                                for q in doc["questions"]])
    print(f"session {args.session_id} finalised ({args.decision})")
    return EXIT_OK


def cmd_sessions_resume(args: argparse.Namespace) -> int:
    with signed_in_store(Action.INTERVIEW) as (store, who):
        check_may_view(store, who, args.session_id)
        store.resume(args.session_id, actor=who.username)
        store.end_recording(args.session_id)
    print(f"session {args.session_id} is open again, waiting for the officer's decision")
    return EXIT_OK


def cmd_sessions_purge(args: argparse.Namespace) -> int:
    with signed_in_store(Action.PURGE) as (store, who):
        days = args.days if args.days is not None else int(store.setting("retention_days"))
        gone = store.purge(days=days, dry_run=args.dry_run, actor=who.username)
    if args.json:
        _print_json({"dry_run": args.dry_run, "days": days, "sessions": gone})
    else:
        verb = "would purge" if args.dry_run else "purged"
        print(f"{verb} {len(gone)} uploaded session(s) finalised more than {days} days ago")
        for g in gone:
            print(f"  {g['id']}  finalised {g['finalised_at'][:10]}")
    return EXIT_OK


def cmd_sessions_erase(args: argparse.Namespace) -> int:
    with signed_in_store(Action.ERASE_APPLICANT) as (store, who):
        gone = store.erase_applicant(args.session_id, actor=who.username)
    print(f"erased the applicant and {len(gone)} session(s): {', '.join(gone)}")
    return EXIT_OK


def cmd_settings(args: argparse.Namespace) -> int:
    changing = bool(args.key and args.value is not None)
    with signed_in_store(Action.CHANGE_SETTINGS if changing else None) as (store, who):
        if changing:
            try:
                value = check_setting(args.key, args.value)
                store.set_setting(args.key, value, actor=who.username)
            except (KeyError, ValueError) as exc:
                raise UserError(str(exc).strip("'")) from None
        keys = [args.key] if args.key else list(DEFAULT_SETTINGS)
        try:
            values = {k: store.setting(k) for k in keys}
        except KeyError:
            raise UserError(f"unknown setting {args.key}") from None
    _print_json(values)
    return EXIT_OK


def add_store_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("paths", help="where MARS keeps its data, key and logs")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_paths)

    s = sub.add_parser("sessions", help="stored interview sessions")
    ss = s.add_subparsers(dest="sessions_command", metavar="ACTION", required=True)
    lst = ss.add_parser("list", help="sessions, newest first")
    lst.add_argument("--search", help="part of a name, a NIK, or a date (YYYY-MM-DD)")
    lst.add_argument("--state", choices=["open", "interrupted", "finalised", "uploaded"])
    lst.add_argument("--limit", type=int)
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=cmd_sessions_list)
    show = ss.add_parser("show", help="one session with its per-question scores")
    show.add_argument("session_id")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=cmd_sessions_show)
    fin = ss.add_parser("finalise", help="record the officer's decision and close the session")
    fin.add_argument("session_id")
    fin.add_argument("--decision", choices=DECISIONS, required=True)
    fin.add_argument("--reason", required=True, help="the officer's written reason")
    fin.add_argument("--officer")
    fin.add_argument("--disregard-score", metavar="REASON",
                     help="the officer set the score aside, and why")
    fin.set_defaults(func=cmd_sessions_finalise)
    res = ss.add_parser("resume", help="take up an interrupted session again")
    res.add_argument("session_id")
    res.set_defaults(func=cmd_sessions_resume)
    pur = ss.add_parser("purge", help="delete uploaded sessions past the retention period")
    pur.add_argument("--days", type=int, help="override the retention_days setting")
    pur.add_argument("--dry-run", action="store_true", help="only show what would go")
    pur.add_argument("--json", action="store_true")
    pur.set_defaults(func=cmd_sessions_purge)

    er = ss.add_parser("erase-applicant", help="erase an applicant and all their sessions "
                                               "(supervisor; audited)")
    er.add_argument("session_id", help="any session of that applicant")
    er.set_defaults(func=cmd_sessions_erase)

    st = sub.add_parser("settings", help="show or change a store setting (admin)")
    st.add_argument("key", nargs="?", choices=list(DEFAULT_SETTINGS))
    st.add_argument("value", nargs="?")
    st.set_defaults(func=cmd_settings)
