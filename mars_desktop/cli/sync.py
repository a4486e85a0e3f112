"""`mars register` and `mars sync`: the workstation's link to the directorate."""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from typing import Any

from ..adapters.store.outbox import Outbox
from ..adapters.sync_client import (
    SyncClient,
    SyncConfigError,
    enrol,
    load_credential,
    save_credential,
)
from ..config import app_paths
from ..core.permissions import Action
from .signin import opened_store, signed_in_store
from .support import EXIT_FAILURE, EXIT_OK, UserError


def cmd_register(args: argparse.Namespace) -> int:
    paths = app_paths()
    with signed_in_store(Action.REGISTER_WORKSTATION) as (store, _who):  # admins only
        # The first-run wizard keeps the server and office; an offline post registers later.
        server = args.server or store.setting("server_url")
        office = args.office or store.setting("office_code")
    if not server or not office:
        raise UserError("give --server URL and --office CODE (the first-run wizard was not "
                        "told them)")
    try:
        existing = load_credential(paths.config_dir)
    except SyncConfigError:
        existing = None
    if existing and not args.replace:
        raise UserError(f"this workstation is already registered with {existing.server} for "
                        f"office {existing.office}; add --replace to register again")
    try:
        cred = enrol(server, office, args.code, args.name or platform.node() or
                     "workstation", str(args.ca_bundle) if args.ca_bundle else None)
    except SyncConfigError as exc:
        raise UserError(str(exc)) from None
    path = save_credential(paths.config_dir, cred)
    print(f"registered as {cred.workstation_id} for office {cred.office}; credential in {path}")
    return EXIT_OK


def _client() -> SyncClient:
    try:
        cred = load_credential(app_paths().config_dir)
    except SyncConfigError as exc:
        raise UserError(str(exc)) from None
    if cred is None:
        raise UserError("this workstation is not registered: mars register --server URL "
                        "--office CODE --code ENROLMENT-CODE")
    return SyncClient(cred)


def _emit(data: dict[str, Any], as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return
    for key, value in data.items():
        print(f"{key}: {value}")


def cmd_sync(args: argparse.Namespace) -> int:
    from ..pipeline.uploader import Uploader

    if args.action == "status":
        try:
            cred = load_credential(app_paths().config_dir)
        except SyncConfigError as exc:
            raise UserError(str(exc)) from None
        with opened_store() as store:
            state = Outbox(store).state()
        state["registered"] = cred is not None
        if cred:
            state.update(server=cred.server, office=cred.office,
                         workstation_id=cred.workstation_id)
        _emit(state, args.json)
        return EXIT_OK
    client = _client()
    with opened_store() as store:
        if args.now:
            Outbox(store).retry_all_now()
        uploader = Uploader(store, client, attach_report=store.setting("sync_attach_report")
                            == "1")
        while True:
            done = uploader.run_once()
            if args.once or uploader.outbox.pending() == 0:
                break
            time.sleep(max(1.0, args.interval))
        state = {**uploader.outbox.state(), "last_pass": done.as_dict()}
    _emit(state, args.json)
    return EXIT_OK if done.online is not False else EXIT_FAILURE


def add_sync_commands(sub: argparse._SubParsersAction) -> None:
    r = sub.add_parser("register", help="register this workstation with the directorate "
                                        "server (once, with an enrolment code)")
    r.add_argument("--server", help="https://... of the directorate server (default: the "
                                    "one given at the first start)")
    r.add_argument("--office", help="this post's office code (default: the one given at the "
                                    "first start)")
    r.add_argument("--code", required=True, help="one-time enrolment code from the server's "
                                                 "admin (mars central enrol-code)")
    r.add_argument("--name", help="workstation name (default: the host name)")
    r.add_argument("--ca-bundle", help="the directorate's CA certificates (PEM) when its "
                                       "server uses a private CA")
    r.add_argument("--replace", action="store_true", help="replace an earlier registration")
    r.set_defaults(func=cmd_register)

    s = sub.add_parser("sync", help="upload finalised sessions to the directorate; "
                                    "`mars sync status` shows the outbox")
    s.add_argument("action", nargs="?", choices=["status"], help="only show the status")
    s.add_argument("--once", action="store_true", help="one pass over the due sessions")
    s.add_argument("--now", action="store_true", help="ignore the backoff: everything is due")
    s.add_argument("--interval", type=float, default=30.0,
                   help="without --once: seconds between passes until the outbox is empty")
    s.add_argument("--json", action="store_true", help="machine-readable output")
    s.set_defaults(func=cmd_sync)
