"""`mars central ...`: the directorate server and its admin commands (needs `.[central]`)."""

from __future__ import annotations

import argparse
import getpass
import ipaddress
import json
import os
from pathlib import Path
from typing import Any

from .support import EXIT_OK, UserError, write_json_atomic

DB_ENV = "MARS_CENTRAL_DB"
PASSWORD_ENV = "MARS_CENTRAL_PASSWORD"


def _central() -> Any:
    try:
        from ..central import accounts, app, database
    except ImportError as exc:
        raise UserError(f"the central server is an optional extra: pip install "
                        f"'mars-desktop[central]' ({exc.name} is missing)") from None
    return accounts, app, database


def _db(args: argparse.Namespace) -> str:
    url = args.db or os.environ.get(DB_ENV)
    if not url:
        raise UserError(f"give --db URL (postgresql://... or sqlite:///path) or set {DB_ENV}")
    return url


def _engine(args: argparse.Namespace) -> Any:
    _, _, database = _central()
    try:
        engine = database.open_engine(_db(args))
        database.migrate(engine)
    except database.DatabaseError as exc:
        raise UserError(str(exc)) from None
    return engine


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    _, app_module, _ = _central()
    tls = bool(args.tls_cert or args.tls_key)
    if tls and not (args.tls_cert and args.tls_key):
        raise UserError("--tls-cert and --tls-key go together")
    if not tls and not _loopback(args.host) and not args.behind_proxy:
        raise UserError("plain HTTP is only served on loopback; give --tls-cert/--tls-key, "
                        "or --behind-proxy when a TLS proxy sits in front")
    secure = tls or args.behind_proxy
    common = {"host": args.host, "port": args.port, "log_level": "warning",
              "ssl_certfile": args.tls_cert, "ssl_keyfile": args.tls_key,
              "proxy_headers": args.behind_proxy, "timeout_keep_alive": 30}
    engine = _engine(args)  # migrates once, before any worker starts
    if args.workers > 1:
        engine.dispose()
        os.environ[DB_ENV] = _db(args)
        os.environ["MARS_CENTRAL_SECURE_COOKIES"] = "1" if secure else "0"
        uvicorn.run("mars_desktop.central.app:app_from_env", factory=True,
                    workers=args.workers, **common)
    else:
        uvicorn.run(app_module.create_app(engine, secure_cookies=secure), **common)
    return EXIT_OK


def cmd_enrol_code(args: argparse.Namespace) -> int:
    accounts, _, _ = _central()
    try:
        code = accounts.new_enrolment_code(_engine(args), args.office, args.office_name,
                                           args.valid_hours)
    except accounts.AccountError as exc:
        raise UserError(str(exc)) from None
    print(code)
    return EXIT_OK


def cmd_add_user(args: argparse.Namespace) -> int:
    accounts, _, _ = _central()
    password = os.environ.get(PASSWORD_ENV) or getpass.getpass(f"password for {args.username}: ")
    try:
        accounts.add_user(_engine(args), args.username, password, args.office)
    except accounts.AccountError as exc:
        raise UserError(str(exc)) from None
    print(f"user {args.username.lower()} can read {', '.join(args.office) or 'no office yet'}")
    return EXIT_OK


def openapi_document() -> dict[str, Any]:
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    _, app_module, _ = _central()
    engine = create_engine("sqlite://", poolclass=StaticPool,
                           connect_args={"check_same_thread": False})
    return app_module.create_app(engine).openapi()


def cmd_openapi(args: argparse.Namespace) -> int:
    doc = openapi_document()
    if args.out:
        write_json_atomic(args.out, doc)
    else:
        print(json.dumps(doc, indent=2, ensure_ascii=False))
    return EXIT_OK


def cmd_migrate(args: argparse.Namespace) -> int:
    _engine(args)
    print("database is at the latest schema")
    return EXIT_OK


def add_central_commands(sub: argparse._SubParsersAction) -> None:
    c = sub.add_parser("central", help="the directorate server (optional extra [central])")
    csub = c.add_subparsers(dest="central_command", metavar="COMMAND", required=True)

    def with_db(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--db", help=f"postgresql://user@host/db or sqlite:///file "
                                    f"(default: ${DB_ENV})")
        return p

    s = with_db(csub.add_parser("serve", help="serve the API and the dashboard"))
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8443)
    s.add_argument("--tls-cert", type=Path, help="certificate chain (PEM)")
    s.add_argument("--tls-key", type=Path, help="private key (PEM)")
    s.add_argument("--workers", type=int, default=1,
                   help="server processes (PostgreSQL; about one per core)")
    s.add_argument("--behind-proxy", action="store_true",
                   help="plain HTTP behind a TLS-terminating proxy (trusts X-Forwarded-*)")
    s.set_defaults(func=cmd_serve)

    e = with_db(csub.add_parser("enrol-code", help="a one-time code to register a "
                                                   "workstation of an office"))
    e.add_argument("--office", required=True, help="office code, e.g. KANIM-JKT-SOETTA")
    e.add_argument("--office-name", help="office name shown on the dashboard")
    e.add_argument("--valid-hours", type=int, default=72)
    e.set_defaults(func=cmd_enrol_code)

    u = with_db(csub.add_parser("add-user", help="a dashboard user; password from "
                                                 f"${PASSWORD_ENV} or asked"))
    u.add_argument("username")
    u.add_argument("--office", action="append", default=[],
                   help="an office this user may read (repeat for more)")
    u.set_defaults(func=cmd_add_user)

    o = csub.add_parser("openapi", help="print or write the OpenAPI document")
    o.add_argument("--out", type=Path)
    o.set_defaults(func=cmd_openapi)

    m = with_db(csub.add_parser("migrate", help="create or upgrade the database"))
    m.set_defaults(func=cmd_migrate)
