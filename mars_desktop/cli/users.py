"""`mars users ...`: accounts, roles, passwords, and the recovery path."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from dataclasses import asdict

from ..adapters.keyring import KeyringError
from ..adapters.store.users import AccountError, accounts
from ..core.permissions import Action
from ..pipeline import accounts as acc
from .signin import PASSWORD_ENV, credentials, signed_in_store, store_location
from .support import EXIT_OK, UserError

NEW_PASSWORD_ENV = "MARS_NEW_PASSWORD"


def _new_password(label: str) -> str:
    password = os.environ.get(NEW_PASSWORD_ENV)
    if password is not None:
        return password
    if not sys.stdin.isatty():
        raise UserError(f"no new password: set {NEW_PASSWORD_ENV} or run at a terminal")
    first = getpass.getpass(f"new password for {label}: ")
    if getpass.getpass("again: ") != first:
        raise UserError("the two passwords differ")
    return first


def cmd_init(args: argparse.Namespace) -> int:
    try:
        # MARS_PASSWORD is taken too: the admin may already have set it for what follows.
        password = os.environ.get(PASSWORD_ENV) if os.environ.get(NEW_PASSWORD_ENV) is None \
            else None
        code = acc.create_first_admin(store_location(), args.admin, args.full_name,
                                      password or _new_password(args.admin))
    except (KeyringError, AccountError) as exc:
        raise UserError(str(exc)) from None
    print(f"accounts are on; {args.admin} is the admin.")
    print(f"RECOVERY CODE (shown once): {code}")
    print("Write it down and keep it sealed in the office safe: with it an admin sets a new "
          "password (mars users recover) when no admin can sign in. Without it and without "
          "an admin password the sessions cannot be read.")
    return EXIT_OK


def cmd_add(args: argparse.Namespace) -> int:
    with signed_in_store(Action.MANAGE_ACCOUNTS) as (store, who):
        acc.add_user(store, who, args.username, args.full_name, args.role,
                     _new_password(args.username))
    print(f"{args.username} ({args.role}) can sign in")
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    with signed_in_store(Action.MANAGE_ACCOUNTS) as (store, _who):
        rows = [asdict(a) for a in accounts(store)]
    if args.json:
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    else:
        for r in rows:
            print(f"{r['username']:16} {r['role']:10} {'disabled' if r['disabled'] else 'active':8}"
                  f" {r['full_name']}")
    return EXIT_OK


def cmd_disable(args: argparse.Namespace) -> int:
    with signed_in_store(Action.MANAGE_ACCOUNTS) as (store, who):
        acc.disable_user(store, who, args.username)
    print(f"{args.username} is disabled and can no longer open the store")
    return EXIT_OK


def cmd_reset(args: argparse.Namespace) -> int:
    with signed_in_store(Action.MANAGE_ACCOUNTS) as (store, who):
        acc.reset_password(store, who, args.username, _new_password(args.username))
    print(f"{args.username} has a new password")
    return EXIT_OK


def cmd_passwd(args: argparse.Namespace) -> int:
    with signed_in_store() as (store, who):
        _user, old = credentials("change your password")
        acc.change_own_password(store, who, old, _new_password(who.username or "you"))
    print("password changed")
    return EXIT_OK


def cmd_recover(args: argparse.Namespace) -> int:
    code = os.environ.get("MARS_RECOVERY_CODE") or getpass.getpass("recovery code: ")
    try:
        acc.recover(store_location(), code, args.admin, _new_password(args.admin))
    except (KeyringError, AccountError) as exc:
        raise UserError(str(exc)) from None
    print(f"{args.admin} has a new password")
    return EXIT_OK


def add_user_commands(sub: argparse._SubParsersAction) -> None:
    u = sub.add_parser("users", help="accounts: init (first admin), add, list, disable, "
                                     "reset-password, passwd, recover")
    us = u.add_subparsers(dest="users_command", metavar="COMMAND", required=True)
    i = us.add_parser("init", help="turn accounts on with the first admin (prints the "
                                   f"recovery code); password from {NEW_PASSWORD_ENV}")
    i.add_argument("--admin", required=True)
    i.add_argument("--full-name", required=True)
    i.set_defaults(func=cmd_init)
    a = us.add_parser("add", help="a new account (admin only)")
    a.add_argument("username")
    a.add_argument("--full-name", required=True)
    a.add_argument("--role", choices=["officer", "supervisor", "admin"], default="officer")
    a.set_defaults(func=cmd_add)
    ls = us.add_parser("list", help="accounts and roles (admin only)")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_list)
    d = us.add_parser("disable", help="an account can no longer sign in (admin only)")
    d.add_argument("username")
    d.set_defaults(func=cmd_disable)
    r = us.add_parser("reset-password", help="set someone's password (admin only)")
    r.add_argument("username")
    r.set_defaults(func=cmd_reset)
    p = us.add_parser("passwd", help="change your own password")
    p.set_defaults(func=cmd_passwd)
    rc = us.add_parser("recover", help="set an admin's password with the recovery code "
                                       "(MARS_RECOVERY_CODE or prompt)")
    rc.add_argument("--admin", required=True)
    rc.set_defaults(func=cmd_recover)
